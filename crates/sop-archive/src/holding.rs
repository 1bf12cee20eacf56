//! Holding documents without a school (`ontvangen/<year>/`, see [`crate::held`])
//! and reading them back.

use std::fs;

use serde::Serialize;

use crate::archive::{Archive, BundleInfo};
use crate::bundle::{self, Unread};
use crate::error::{io, Error, Result};
use crate::fsutil::{self, format_utc};
use crate::held::{self, HeldInfo, HELD_DIR, HELD_FORMAT};
use crate::id::check_school_year;
use crate::ledger::{EntryKind, LedgerEntry};

/// A document that was received but could not be tied to a school, for
/// [`Archive::hold`].
#[derive(Debug, Clone, Copy)]
pub struct HoldSubmission<'a> {
    /// The school year of the run that received it.
    pub school_year: &'a str,
    pub source: &'a [u8],
    pub source_filename: &'a str,
    pub media_type: &'a str,
    /// The inbox path or URL it came from.
    pub origin: &'a str,
    /// Why no school could be told.
    pub reason: &'a Unread,
    /// Why it could not be read, if it could not.
    pub unread: Option<&'a Unread>,
    pub created: i64,
    pub tool_version: &'a str,
}

/// The outcome of [`Archive::hold`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// Newly held.
    New(HeldDoc),
    /// The same bytes are held already (from this or an earlier run).
    Already(HeldDoc),
    /// The same bytes are archived already as a school's bundle (e.g. after
    /// `sop assign`): nothing is added.
    Filed(BundleInfo),
}

/// A document in the holding area, as the ledger and its info file give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldDoc {
    pub sha256: String,
    /// The school year of the run that received it.
    pub year: String,
    /// Root-relative path of the info file.
    pub info_path: String,
    /// Root-relative path of the held original.
    pub file_path: String,
    pub info: HeldInfo,
    /// The bundle it was filed as by `sop assign`, or any bundle of the
    /// same bytes; `None` while it waits for a school.
    pub filed_as: Option<BundleInfo>,
}

impl Archive {
    /// Keeps a document that could not be tied to a school in the holding
    /// area: the original as `ontvangen/<year>/<sha256>.<ext>` and its info
    /// file, both durable before the `held` ledger line is appended. The
    /// same bytes again (held already, in any year, or archived as a
    /// school's bundle) add nothing.
    pub fn hold(&mut self, h: HoldSubmission<'_>) -> Result<Held> {
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        let year = check_school_year(h.school_year)?;
        let sha = bundle::sha256_hex(h.source);
        // From the ledger: reading every info file here would make a batch
        // of many held documents quadratic.
        if let Some(&i) = self.held.iter().find(|&&i| self.entries[i].source_sha256 == sha) {
            return Ok(Held::Already(self.held_doc(&self.entries[i])?));
        }
        if let Some(b) = self.find_source(&sha).into_iter().next() {
            return Ok(Held::Filed(b));
        }
        let ext = held::extension(h.media_type, h.source_filename);
        let file = format!("{sha}.{ext}");
        let info = HeldInfo {
            format: HELD_FORMAT.to_string(),
            sha256: sha.clone(),
            bytes: h.source.len() as u64,
            file: file.clone(),
            filename: h.source_filename.to_string(),
            media_type: h.media_type.to_string(),
            school_year: year.to_string(),
            received: format_utc(h.created),
            received_unix: h.created,
            origin: h.origin.to_string(),
            reason: h.reason.clone(),
            unread: h.unread.cloned(),
            tool_version: h.tool_version.to_string(),
        };
        let mut info_bytes =
            serde_json::to_vec_pretty(&info).map_err(|source| Error::Json { what: "the held info", source })?;
        info_bytes.push(b'\n');
        let info_rel = held::info_path(year, &sha);
        let file_rel = held::file_path(year, &file);
        let dir = self.root.join(HELD_DIR).join(year);
        let new_dirs = fsutil::create_dirs_unsynced(&dir)?;
        // The original first, then the info file that names it: an original
        // without its info file is what a killed run leaves, and the next
        // open removes it (the document is still in the inbox).
        fsutil::write_new(&self.root.join(&file_rel), h.source, &new_dirs)?;
        fsutil::crash_point("held-original-durable");
        fsutil::write_new(&self.root.join(&info_rel), &info_bytes, &[])?;
        fsutil::crash_point("held-info-durable");
        let entry = LedgerEntry {
            seq: self.entries.len() as u64 + 1,
            time: info.received.clone(),
            school: String::new(),
            year: year.to_string(),
            version: 0,
            bundle: info_rel.clone(),
            bundle_sha256: bundle::sha256_hex(&info_bytes),
            source_sha256: sha.clone(),
            kind: EntryKind::Held,
            unread: None,
            assigned_from: None,
            prev: self.last_sha.clone(),
        };
        self.record_line(entry)?;
        Ok(Held::New(HeldDoc {
            sha256: sha,
            year: year.to_string(),
            info_path: info_rel,
            file_path: file_rel,
            info,
            filed_as: None,
        }))
    }

    /// Every held document, in the order received, with what became of it.
    /// Reads each info file (and checks it against its ledger line).
    pub fn held_docs(&self) -> Result<Vec<HeldDoc>> {
        self.held.iter().map(|&i| self.held_doc(&self.entries[i])).collect()
    }

    fn held_doc(&self, e: &LedgerEntry) -> Result<HeldDoc> {
        let info = self.read_held_info(e)?;
        Ok(HeldDoc {
            sha256: e.source_sha256.clone(),
            year: e.year.clone(),
            info_path: e.bundle.clone(),
            file_path: held::file_path(&e.year, &info.file),
            filed_as: self.filed_as(e),
            info,
        })
    }

    /// What a held line's document became: the bundle `sop assign` filed it
    /// as, else the first bundle with the same source bytes.
    pub(crate) fn filed_as(&self, held_entry: &LedgerEntry) -> Option<BundleInfo> {
        let bundles = || self.entries.iter().filter(|b| b.kind == EntryKind::Bundle);
        bundles()
            .find(|b| b.assigned_from.as_deref() == Some(held_entry.bundle.as_str()))
            .or_else(|| bundles().find(|b| b.source_sha256 == held_entry.source_sha256))
            .map(|b| self.info(b))
    }

    pub(crate) fn read_held_info(&self, e: &LedgerEntry) -> Result<HeldInfo> {
        let path = self.root.join(&e.bundle);
        let bytes = fs::read(&path).map_err(io("read", &path))?;
        let bad = |reason: String| Error::BadBundle { path: path.clone(), reason };
        let sha = bundle::sha256_hex(&bytes);
        if sha != e.bundle_sha256 {
            return Err(bad(format!("sha256 is {sha}, the ledger says {}; run `sop verify`", e.bundle_sha256)));
        }
        serde_json::from_slice(&bytes).map_err(|err| bad(format!("not a held-document info file ({err})")))
    }

    /// The original bytes of a held document, checked against its sha256.
    pub fn read_held(&self, doc: &HeldDoc) -> Result<Vec<u8>> {
        let path = self.root.join(&doc.file_path);
        let bytes = fs::read(&path).map_err(io("read", &path))?;
        let sha = bundle::sha256_hex(&bytes);
        if sha != doc.sha256 {
            return Err(Error::BadBundle {
                path,
                reason: format!("sha256 is {sha}, expected {}; run `sop verify`", doc.sha256),
            });
        }
        Ok(bytes)
    }
}
