//! [`Archive`]: the locked handle through which everything is added and read.

use std::cell::{RefCell, RefMut};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::bundle::{self, Manifest, ManifestSource, OpenedBundle, ReadLimits, Unread, BUNDLE_FORMAT};
use crate::error::{io, Error, Result};
use crate::fsutil::{self, format_utc, TMP_PREFIX};
use crate::held::{self, HeldInfo, HELD_DIR, HELD_FORMAT};
use crate::id::{check_school_year, SchoolId};
use crate::ledger::{self, EntryKind, HeadState, LedgerEntry, ParsedLedger, HEAD, HEAD_MAX_LAG, LEDGER};

pub const LOCK: &str = ".lock";
pub const INDEX: &str = "index.json";
pub const HTTP_CACHE: &str = "http-cache.json";
pub const REPORTS: &str = "reports";

/// What to do when another run holds the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockMode {
    /// Wait for it (a warning is logged once, so a person sees why nothing happens).
    Wait,
    /// Fail at once with [`Error::Locked`].
    Fail,
}

/// One document to archive, with everything the bundle holds.
#[derive(Debug, Clone, Copy)]
pub struct Submission<'a> {
    pub school_id: &'a SchoolId,
    /// `YYYY-YYYY`.
    pub school_year: &'a str,
    /// The original file, byte for byte.
    pub source: &'a [u8],
    /// The name it came with; stored in the manifest, never used as a path.
    pub source_filename: &'a str,
    pub media_type: &'a str,
    pub extracted_text: &'a str,
    pub record: &'a sop_model::Record,
    /// The diff against the previous school year's record, if there is one.
    pub diff_json: Option<&'a [u8]>,
    pub diff_md: Option<&'a str>,
    /// Unix seconds: SOURCE_DATE_EPOCH when set, else now (the caller decides).
    pub created: i64,
    pub tool_version: &'a str,
    /// When `sop assign` files a held document: its info file
    /// ([`HeldDoc::info_path`]), recorded in the manifest and ledger line.
    pub assigned_from: Option<&'a str>,
}

/// A document that was received and tied to a school but could not be read:
/// archived as a bundle without `sop.json`, with the reason in
/// `unread.json` and in the manifest.
#[derive(Debug, Clone, Copy)]
pub struct UnreadSubmission<'a> {
    pub school_id: &'a SchoolId,
    /// `YYYY-YYYY`.
    pub school_year: &'a str,
    pub source: &'a [u8],
    pub source_filename: &'a str,
    pub media_type: &'a str,
    /// Whatever text was extracted before reading stopped.
    pub extracted_text: Option<&'a str>,
    /// The school's name, for the catalogue (from the registry).
    pub school_name: Option<&'a str>,
    pub reason: &'a Unread,
    pub created: i64,
    pub tool_version: &'a str,
    pub assigned_from: Option<&'a str>,
}

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

/// Whether the newest bundle of a school and year holds a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ReadState {
    /// Read and normalised: the bundle has `sop.json`.
    Read,
    /// Received but not read: the reason (from the bundle's manifest).
    Unread(Unread),
}

/// What a bundle is made of, besides the entries.
struct Parts<'a> {
    school_id: &'a SchoolId,
    school_year: &'a str,
    source: &'a [u8],
    source_sha: String,
    source_filename: &'a str,
    media_type: &'a str,
    school_name: Option<String>,
    schema: String,
    unread: Option<Unread>,
    created: i64,
    tool_version: &'a str,
    assigned_from: Option<&'a str>,
}

/// The outcome of [`Archive::add`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// The newest version of this school and year has the same source bytes.
    Unchanged {
        version: u32,
        path: PathBuf,
    },
    New {
        version: u32,
        path: PathBuf,
        bundle_sha256: String,
        supersedes: Option<String>,
    },
}

/// One bundle as the ledger records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BundleInfo {
    pub school: SchoolId,
    pub year: String,
    pub version: u32,
    /// Absolute (or root-relative if the root was) path of the zip.
    pub path: PathBuf,
    /// Path relative to the archive root, `/`-separated, as in the ledger.
    pub rel_path: String,
    pub bundle_sha256: String,
    pub source_sha256: String,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub created: String,
    /// The reason code when the bundle holds a document that was not read.
    pub unread: Option<String>,
    /// The held info file a `sop assign` filed it from.
    pub assigned_from: Option<String>,
}

/// Remembered HTTP validators of a URL, so a re-run can ask "changed since?".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpCacheEntry {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub source_sha256: Option<String>,
}

/// The catalogue (`index.json`): schools, years and newest versions. Always
/// derived from the ledger and bundles; never the only copy of anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub format: String,
    pub schools: Vec<CatalogueSchool>,
    /// Documents received without a school (`ontvangen/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<CatalogueHeld>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueSchool {
    pub id: String,
    /// The school's name in its newest bundle's record.
    pub name: Option<String>,
    pub years: Vec<CatalogueYear>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueYear {
    pub year: String,
    pub versions: u32,
    pub newest_version: u32,
    pub newest_bundle: String,
    pub newest_bundle_sha256: String,
    pub newest_created: String,
    /// Set when the newest version was received but not read: its reason code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newest_unread: Option<String>,
}

/// A held document in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueHeld {
    pub sha256: String,
    pub year: String,
    pub info: String,
    pub received: String,
    /// The bundle it was filed as, once assigned (or archived otherwise).
    pub filed_as: Option<String>,
}

/// An open archive. Writers hold an exclusive lock for the handle's
/// lifetime, readers a shared one; dropping the handle releases it.
///
/// A writer makes each bundle and its ledger line durable in [`Archive::add`];
/// what is derived from them is kept in memory and written by
/// [`Archive::flush`] (also on drop): the catalogue and the HTTP cache, and
/// the ledger head, which is also written at least every
/// [`ledger::HEAD_MAX_LAG`] adds. A run killed before its flush leaves an
/// archive that [`crate::verify`] accepts with notices and the next open
/// completes.
///
/// Layout under the root:
/// ```text
/// <school-id>/<school-year>/v0001-<sha256 prefix>.zip   bundles, never overwritten
/// ledger.jsonl         one hash-chained line per bundle, append-only
/// ledger.head.json     line count and hash of the last line
/// index.json           the catalogue
/// http-cache.json      ETag / Last-Modified per URL
/// reports/             run reports
/// .lock                the lock file
/// ```
#[derive(Debug)]
pub struct Archive {
    root: PathBuf,
    _lock: Option<File>,
    writable: bool,
    pub(crate) entries: Vec<LedgerEntry>,
    last_sha: String,
    /// (school, year) -> indices into `entries`, oldest version first.
    pub(crate) by_year: BTreeMap<(String, String), Vec<usize>>,
    /// Indices into `entries` of the `held` lines, in ledger order.
    pub(crate) held: Vec<usize>,
    pub(crate) limits: ReadLimits,
    /// The catalogue's school names, so that it never re-reads bundles it
    /// has read (or that an up-to-date `index.json` already names).
    names: RefCell<Names>,
    /// Ledger lines the head file on disk records.
    head_lines: u64,
    /// The catalogue on disk is older than the ledger.
    index_dirty: bool,
    /// Ledger lines when the catalogue was last written.
    index_lines: u64,
    /// `http-cache.json`, read on first use.
    http_cache: RefCell<Option<BTreeMap<String, HttpCacheEntry>>>,
    http_cache_dirty: bool,
}

/// Where the catalogue's school names come from. A school's name is the one
/// in the manifest of the newest bundle of its latest school year that has a
/// name.
#[derive(Debug, Default)]
struct Names {
    /// The name in the newest bundle of a (school, year), once known: from
    /// an add of this handle, or read from the bundle's manifest.
    years: BTreeMap<(String, String), Option<String>>,
    /// Names from the `index.json` found on open, for the schools whose
    /// entries there agree with the ledger and that got no bundle since.
    from_index: BTreeMap<String, Option<String>>,
}

impl Archive {
    /// Opens (creating it if needed) an archive for writing, takes the
    /// exclusive lock, and completes whatever an interrupted run left undone:
    /// removes temp files, cuts a torn last ledger line, records a bundle that
    /// was made durable but not yet entered in the ledger, brings the ledger
    /// head and the catalogue up to date. Refuses with [`Error::Damaged`] an
    /// archive whose ledger chain or bundles show tampering or loss.
    pub fn open(root: &Path, lock: LockMode) -> Result<Archive> {
        fsutil::create_dirs(root)?;
        let lock_file = take_lock(root, lock, true)?;
        let mut a = Archive::load(root, Some(lock_file), true)?;
        a.recover()?;
        Ok(a)
    }

    /// Opens an existing archive to read (`list`, `show`, `export`,
    /// `previous_record`) under a shared lock; changes nothing on disk.
    pub fn open_readonly(root: &Path, lock: LockMode) -> Result<Archive> {
        // A copy on read-only media has no lock to take and no writer to fear.
        let mut empty = Archive::open_empty(root, lock)?;
        Archive::load(root, empty._lock.take(), false)
    }

    /// A read-only handle under the shared lock with no ledger loaded: for
    /// [`crate::verify`], which reads the ledger itself, line by line.
    pub(crate) fn open_empty(root: &Path, lock: LockMode) -> Result<Archive> {
        if !root.is_dir() {
            return Err(Error::NoArchive(root.to_path_buf()));
        }
        let lock_file = match take_lock(root, lock, false) {
            Ok(f) => Some(f),
            Err(Error::Io { source, .. })
                if source.kind() == std::io::ErrorKind::PermissionDenied
                    || source.kind() == std::io::ErrorKind::ReadOnlyFilesystem =>
            {
                None
            }
            Err(e) => return Err(e),
        };
        Ok(Archive {
            root: root.to_path_buf(),
            _lock: lock_file,
            writable: false,
            entries: Vec::new(),
            last_sha: ledger::GENESIS.to_string(),
            by_year: BTreeMap::new(),
            held: Vec::new(),
            limits: ReadLimits::default(),
            names: RefCell::new(Names::default()),
            head_lines: 0,
            index_dirty: false,
            index_lines: 0,
            http_cache: RefCell::new(None),
            http_cache_dirty: false,
        })
    }

    fn load(root: &Path, lock: Option<File>, writable: bool) -> Result<Archive> {
        let parsed = read_ledger(root)?;
        let mut a = Archive {
            root: root.to_path_buf(),
            _lock: lock,
            writable,
            entries: Vec::new(),
            last_sha: ledger::GENESIS.to_string(),
            by_year: BTreeMap::new(),
            held: Vec::new(),
            limits: ReadLimits::default(),
            names: RefCell::new(Names::default()),
            head_lines: 0,
            index_dirty: false,
            index_lines: 0,
            http_cache: RefCell::new(None),
            http_cache_dirty: false,
        };
        for (e, _, sha) in parsed.lines {
            a.push_entry(e, sha);
        }
        a.names.get_mut().from_index = a.names_from_index();
        Ok(a)
    }

    /// The school names of `index.json` for the schools whose years, versions
    /// and newest bundles there are exactly what the ledger says: those need
    /// no bundle read. Everything else (a missing, unreadable or stale
    /// catalogue) is rebuilt from the bundles.
    fn names_from_index(&self) -> BTreeMap<String, Option<String>> {
        let Ok(bytes) = fs::read(self.root.join(INDEX)) else { return BTreeMap::new() };
        let Ok(index) = serde_json::from_slice::<Catalogue>(&bytes) else { return BTreeMap::new() };
        if index.format != CATALOGUE_FORMAT {
            return BTreeMap::new();
        }
        let ledger = self.catalogue_years();
        index
            .schools
            .into_iter()
            .filter(|s| ledger.get(s.id.as_str()) == Some(&s.years))
            .map(|s| (s.id, s.name))
            .collect()
    }

    pub(crate) fn push_entry(&mut self, e: LedgerEntry, line_sha: String) {
        if e.kind == EntryKind::Held {
            self.entries.push(e);
            self.held.push(self.entries.len() - 1);
            self.last_sha = line_sha;
            return;
        }
        let key = (e.school.clone(), e.year.clone());
        self.entries.push(e);
        let list = self.by_year.entry(key).or_default();
        list.push(self.entries.len() - 1);
        let entries = &self.entries;
        list.sort_by_key(|&i| entries[i].version);
        self.last_sha = line_sha;
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Limits for reading bundles (defaults: [`ReadLimits::default`]).
    pub fn set_read_limits(&mut self, limits: ReadLimits) {
        self.limits = limits;
    }

    /// Archives one document. Adds nothing when the newest version of this
    /// school and year has the same source bytes; else writes the next
    /// version, durably, and only then appends its ledger line.
    pub fn add(&mut self, s: Submission<'_>) -> Result<Added> {
        let source_sha = bundle::sha256_hex(s.source);
        if !s.record.source.sha256.is_empty() && s.record.source.sha256 != source_sha {
            return Err(Error::SourceMismatch { record: s.record.source.sha256.clone(), actual: source_sha });
        }
        let mut record =
            serde_json::to_vec_pretty(s.record).map_err(|source| Error::Json { what: "the record", source })?;
        record.push(b'\n');
        let mut entries: Vec<(&str, &[u8])> =
            vec![(bundle::TEXT, s.extracted_text.as_bytes()), (bundle::RECORD, &record)];
        if let Some(d) = s.diff_json {
            entries.push((bundle::DIFF_JSON, d));
        }
        if let Some(d) = s.diff_md {
            entries.push((bundle::DIFF_MD, d.as_bytes()));
        }
        self.add_bundle(
            Parts {
                school_id: s.school_id,
                school_year: s.school_year,
                source: s.source,
                source_sha,
                source_filename: s.source_filename,
                media_type: s.media_type,
                school_name: s.record.school.name.clone(),
                schema: s.record.schema.clone(),
                unread: None,
                created: s.created,
                tool_version: s.tool_version,
                assigned_from: s.assigned_from,
            },
            entries,
        )
    }

    /// Archives a document that was received and tied to a school but not
    /// read: the original, any extracted text and `unread.json`, no record.
    /// Adds nothing when any version of this school and year has the same
    /// source bytes (read or not: a document that was read is never
    /// replaced by an unread copy of itself).
    pub fn add_unread(&mut self, s: UnreadSubmission<'_>) -> Result<Added> {
        let source_sha = bundle::sha256_hex(s.source);
        let mut reason =
            serde_json::to_vec_pretty(s.reason).map_err(|source| Error::Json { what: "the reason", source })?;
        reason.push(b'\n');
        let mut entries: Vec<(&str, &[u8])> = vec![(bundle::UNREAD, &reason)];
        if let Some(t) = s.extracted_text.filter(|t| !t.is_empty()) {
            entries.push((bundle::TEXT, t.as_bytes()));
        }
        self.add_bundle(
            Parts {
                school_id: s.school_id,
                school_year: s.school_year,
                source: s.source,
                source_sha,
                source_filename: s.source_filename,
                media_type: s.media_type,
                school_name: s.school_name.map(str::to_string),
                schema: String::new(),
                unread: Some(s.reason.clone()),
                created: s.created,
                tool_version: s.tool_version,
                assigned_from: s.assigned_from,
            },
            entries,
        )
    }

    fn add_bundle<'a>(&mut self, s: Parts<'a>, mut entries: Vec<(&'a str, &'a [u8])>) -> Result<Added> {
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        let year = check_school_year(s.school_year)?;
        let source_sha = s.source_sha;
        let latest = self.latest(s.school_id, year)?;
        if let Some(l) = &latest {
            // The same bytes again add nothing, unless they were not read
            // before and are now: that is the point of reading them again.
            if l.source_sha256 == source_sha && (l.unread.is_none() || s.unread.is_some()) {
                return Ok(Added::Unchanged { version: l.version, path: l.path.clone() });
            }
        }
        if s.unread.is_some() {
            // An unread copy of bytes this school and year has in any
            // version adds nothing either: it would only push a newer
            // version (read or not) aside with a document known already.
            let same = self
                .by_year
                .get(&(s.school_id.to_string(), year.to_string()))
                .and_then(|v| v.iter().rev().map(|&i| &self.entries[i]).find(|e| e.source_sha256 == source_sha));
            if let Some(e) = same {
                return Ok(Added::Unchanged { version: e.version, path: self.root.join(&e.bundle) });
            }
        }
        let version = latest.as_ref().map_or(1, |l| l.version + 1);
        let supersedes = latest.map(|l| l.bundle_sha256);

        let entry_name = bundle::source_entry(s.media_type);
        entries.push((entry_name, s.source));
        let unread_code = s.unread.as_ref().map(|u| u.code.clone());
        let manifest = Manifest {
            format: BUNDLE_FORMAT.to_string(),
            school_id: s.school_id.to_string(),
            school_name: s.school_name.clone(),
            school_year: year.to_string(),
            version,
            created: format_utc(s.created),
            created_unix: s.created,
            source: ManifestSource {
                sha256: source_sha.clone(),
                bytes: s.source.len() as u64,
                filename: s.source_filename.to_string(),
                media_type: s.media_type.to_string(),
                entry: entry_name.to_string(),
            },
            schema: s.schema,
            tool_version: s.tool_version.to_string(),
            supersedes: supersedes.clone(),
            unread: s.unread,
            assigned_from: s.assigned_from.map(str::to_string),
            files: Vec::new(),
        };
        let bytes = bundle::build(manifest, &entries)?;
        drop(entries);
        let sha = bundle::sha256_hex(&bytes);
        let dir = self.root.join(s.school_id.as_str()).join(year);
        // New folders are made durable with the bundle, by one round of
        // fsyncs after it is written rather than one before.
        let new_dirs = fsutil::create_dirs_unsynced(&dir)?;
        let name = bundle::file_name(version, &sha);
        let path = dir.join(&name);
        fsutil::write_new(&path, &bytes, &new_dirs)?;
        drop(bytes);
        let entry = LedgerEntry {
            seq: self.entries.len() as u64 + 1,
            time: format_utc(s.created),
            school: s.school_id.to_string(),
            year: year.to_string(),
            version,
            bundle: format!("{}/{year}/{name}", s.school_id),
            bundle_sha256: sha.clone(),
            source_sha256: source_sha,
            kind: EntryKind::Bundle,
            unread: unread_code,
            assigned_from: s.assigned_from.map(str::to_string),
            prev: self.last_sha.clone(),
        };
        let names = self.names.get_mut();
        names.years.insert((entry.school.clone(), entry.year.clone()), s.school_name);
        names.from_index.remove(&entry.school);
        self.append_and_sync(entry)?;
        Ok(Added::New { version, path, bundle_sha256: sha, supersedes })
    }

    /// Appends a line and keeps head and catalogue as current as promised.
    fn append_and_sync(&mut self, entry: LedgerEntry) -> Result<()> {
        self.append(entry)?;
        self.index_dirty = true;
        let lines = self.entries.len() as u64;
        if lines - self.head_lines >= HEAD_MAX_LAG {
            self.write_head()?;
        }
        // Writing the catalogue costs time in proportion to the archive;
        // doing it after a fixed share of it is new keeps the cost per add
        // flat, and the file current while the archive is small.
        if (lines - self.index_lines) * INDEX_STALE_SHARE >= lines {
            self.write_index(false)?;
        }
        Ok(())
    }

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
        self.append_and_sync(entry)?;
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
    fn filed_as(&self, held_entry: &LedgerEntry) -> Option<BundleInfo> {
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

    /// Every bundle whose original has this sha256, in ledger order.
    pub fn find_source(&self, sha256: &str) -> Vec<BundleInfo> {
        self.entries
            .iter()
            .filter(|e| e.kind == EntryKind::Bundle && e.source_sha256 == sha256)
            .map(|e| self.info(e))
            .collect()
    }

    /// Whether the newest bundle of a school and year was read (has a
    /// record) or was received but not read, with the reason; `None` when
    /// the archive has nothing of that school and year.
    pub fn read_state(&self, school: &SchoolId, year: &str) -> Result<Option<ReadState>> {
        let Some(latest) = self.latest(school, year)? else { return Ok(None) };
        if latest.unread.is_none() {
            return Ok(Some(ReadState::Read));
        }
        let m = bundle::read_manifest(&latest.path, self.limits)?;
        let reason = m.unread.unwrap_or_else(|| Unread {
            stage: String::new(),
            code: latest.unread.clone().unwrap_or_default(),
            message: String::new(),
        });
        Ok(Some(ReadState::Unread(reason)))
    }

    /// Writes what is derived from the ledger and kept in memory: the ledger
    /// head, the catalogue and the HTTP cache, each only if it changed. Runs
    /// on drop too (errors are then only logged); call it to see them.
    pub fn flush(&mut self) -> Result<()> {
        if !self.writable {
            return Ok(());
        }
        if self.head_lines != self.entries.len() as u64 {
            self.write_head()?;
        }
        if self.index_dirty {
            self.write_index(true)?;
        }
        if self.http_cache_dirty {
            let cache = self.http_cache.get_mut().get_or_insert_with(BTreeMap::new);
            let mut b =
                serde_json::to_vec_pretty(cache).map_err(|source| Error::Json { what: "the HTTP cache", source })?;
            b.push(b'\n');
            fsutil::write_replace(&self.root.join(HTTP_CACHE), &b, "http-cache")?;
            self.http_cache_dirty = false;
        }
        Ok(())
    }

    fn append(&mut self, entry: LedgerEntry) -> Result<()> {
        let line = entry.to_line();
        fsutil::append_line(&self.root.join(LEDGER), &line)?;
        self.push_entry(entry, bundle::sha256_hex(line.as_bytes()));
        Ok(())
    }

    fn write_head(&mut self) -> Result<()> {
        let head = ledger::Head { lines: self.entries.len() as u64, last_sha256: self.last_sha.clone() };
        let mut b =
            serde_json::to_vec_pretty(&head).map_err(|source| Error::Json { what: "the ledger head", source })?;
        b.push(b'\n');
        fsutil::write_replace(&self.root.join(HEAD), &b, "head")?;
        self.head_lines = head.lines;
        Ok(())
    }

    /// Writes the catalogue: `durable` on open and close; in between without
    /// fsyncs, as it is derived and checked against the ledger on open.
    fn write_index(&mut self, durable: bool) -> Result<()> {
        let b = catalogue_bytes(&self.catalogue()?)?;
        let path = self.root.join(INDEX);
        if !durable {
            fsutil::write_replace_unsynced(&path, &b, "index")?;
            // `index_dirty` stays: the close makes it durable.
        } else {
            // Bytes written unsynced may equal these and still not be on disk.
            if self.index_dirty || fs::read(&path).ok().as_deref() != Some(b.as_slice()) {
                fsutil::write_replace(&path, &b, "index")?;
            }
            self.index_dirty = false;
        }
        self.index_lines = self.entries.len() as u64;
        Ok(())
    }

    fn info(&self, e: &LedgerEntry) -> BundleInfo {
        BundleInfo {
            school: SchoolId::parse(&e.school).expect("ledger school ids are checked on load"),
            year: e.year.clone(),
            version: e.version,
            path: self.root.join(&e.bundle),
            rel_path: e.bundle.clone(),
            bundle_sha256: e.bundle_sha256.clone(),
            source_sha256: e.source_sha256.clone(),
            created: e.time.clone(),
            unread: e.unread.clone(),
            assigned_from: e.assigned_from.clone(),
        }
    }

    /// The newest version of a school and year, to know "unchanged" (same
    /// source sha256) before doing any work.
    pub fn latest(&self, school: &SchoolId, year: &str) -> Result<Option<BundleInfo>> {
        check_school_year(year)?;
        Ok(self
            .by_year
            .get(&(school.to_string(), year.to_string()))
            .and_then(|v| v.last())
            .map(|&i| self.info(&self.entries[i])))
    }

    /// Every bundle of a school (one year, or all), oldest year and version first.
    pub fn bundles(&self, school: &SchoolId, year: Option<&str>) -> Result<Vec<BundleInfo>> {
        if let Some(y) = year {
            check_school_year(y)?;
        }
        Ok(self
            .years_of(school.as_str())
            .filter(|((_, y), _)| year.is_none_or(|want| want == y))
            .flat_map(|(_, v)| v.iter().map(|&i| self.info(&self.entries[i])))
            .collect())
    }

    /// The (school, year) lists of one school, oldest year first, found
    /// without walking the other schools.
    fn years_of<'s>(&'s self, school: &str) -> impl Iterator<Item = (&'s (String, String), &'s Vec<usize>)> + 's {
        let school = school.to_string();
        self.by_year.range((school.clone(), String::new())..).take_while(move |((s, _), _)| *s == school)
    }

    /// Every school id in the archive, sorted.
    pub fn schools(&self) -> Vec<SchoolId> {
        let mut ids: Vec<SchoolId> = self.by_year.keys().filter_map(|(s, _)| SchoolId::parse(s).ok()).collect();
        ids.dedup();
        ids
    }

    /// The ledger lines (raw text, as stored) of one school's bundles.
    pub fn ledger_lines(&self, school: &SchoolId, year: Option<&str>) -> Result<Vec<String>> {
        let text = fs::read(self.root.join(LEDGER)).map_err(io("read", self.root.join(LEDGER)))?;
        let parsed = ledger::parse(&text);
        Ok(parsed
            .lines
            .into_iter()
            .filter(|(e, _, _)| e.school == school.as_str() && year.is_none_or(|y| y == e.year))
            .map(|(_, raw, _)| raw)
            .collect())
    }

    /// The ledger lines (raw text) of the held documents whose info files
    /// are named, in ledger order.
    pub fn held_ledger_lines(&self, info_paths: &[&str]) -> Result<Vec<String>> {
        if info_paths.is_empty() {
            return Ok(Vec::new());
        }
        let text = fs::read(self.root.join(LEDGER)).map_err(io("read", self.root.join(LEDGER)))?;
        Ok(ledger::parse(&text)
            .lines
            .into_iter()
            .filter(|(e, _, _)| e.kind == EntryKind::Held && info_paths.contains(&e.bundle.as_str()))
            .map(|(_, raw, _)| raw)
            .collect())
    }

    /// Reads a bundle, checks its file against the ledger's sha256 and its
    /// entries against its manifest (problems are in the result).
    pub fn read_bundle(&self, info: &BundleInfo) -> Result<(Vec<u8>, OpenedBundle)> {
        let bytes = fs::read(&info.path).map_err(io("read", &info.path))?;
        let sha = bundle::sha256_hex(&bytes);
        if sha != info.bundle_sha256 {
            return Err(Error::BadBundle {
                path: info.path.clone(),
                reason: format!("sha256 is {sha}, the ledger says {}", info.bundle_sha256),
            });
        }
        let opened = bundle::open_bundle(&bytes, &info.path, self.limits)?;
        Ok((bytes, opened))
    }

    /// The diff base: the record in the newest read version of the latest
    /// school year before `school_year` that has one, with that year.
    pub fn previous_record(&self, school: &SchoolId, school_year: &str) -> Result<Option<(String, sop_model::Record)>> {
        check_school_year(school_year)?;
        let (from, to) = ((school.to_string(), String::new()), (school.to_string(), school_year.to_string()));
        // The newest version that was read: bundles of documents received
        // but not read hold no record to compare with.
        let prev = self
            .by_year
            .range(from..to)
            .rev()
            .find_map(|(_, v)| v.iter().rev().find(|&&i| self.entries[i].unread.is_none()));
        let Some(&i) = prev else { return Ok(None) };
        let info = self.info(&self.entries[i]);
        let (_, opened) = self.read_bundle(&info)?;
        let bad = |reason: String| Error::BadBundle { path: info.path.clone(), reason };
        if let Some(p) = opened.problems.first() {
            return Err(bad(format!("entry {} does not match the manifest", p.entry)));
        }
        let raw = opened.entry(bundle::RECORD).ok_or_else(|| bad("no sop.json".into()))?;
        let record = serde_json::from_slice(raw).map_err(|e| bad(format!("sop.json is not a sop/1 record ({e})")))?;
        Ok(Some((info.year, record)))
    }

    /// The catalogue as the ledger and the bundles' manifests give it.
    pub fn catalogue(&self) -> Result<Catalogue> {
        let schools = self
            .catalogue_years()
            .into_iter()
            .map(|(id, years)| CatalogueSchool { name: self.school_name(id, &years), id: id.to_string(), years })
            .collect();
        let held = self
            .held
            .iter()
            .map(|&i| {
                let e = &self.entries[i];
                CatalogueHeld {
                    sha256: e.source_sha256.clone(),
                    year: e.year.clone(),
                    info: e.bundle.clone(),
                    received: e.time.clone(),
                    filed_as: self.filed_as(e).map(|b| b.rel_path),
                }
            })
            .collect();
        Ok(Catalogue { format: CATALOGUE_FORMAT.to_string(), schools, held })
    }

    /// The catalogue without names: what the ledger alone gives.
    fn catalogue_years(&self) -> BTreeMap<&str, Vec<CatalogueYear>> {
        let mut out: BTreeMap<&str, Vec<CatalogueYear>> = BTreeMap::new();
        for ((school, year), v) in &self.by_year {
            let newest = &self.entries[*v.last().expect("no empty year lists")];
            out.entry(school.as_str()).or_default().push(CatalogueYear {
                year: year.clone(),
                versions: v.len() as u32,
                newest_version: newest.version,
                newest_bundle: newest.bundle.clone(),
                newest_bundle_sha256: newest.bundle_sha256.clone(),
                newest_created: newest.time.clone(),
                newest_unread: newest.unread.clone(),
            });
        }
        out
    }

    /// A school's name: from an up-to-date `index.json`, else the newest
    /// bundle of its latest school year that names it. Each manifest is read
    /// at most once per handle.
    fn school_name(&self, school: &str, years: &[CatalogueYear]) -> Option<String> {
        let mut names = self.names.borrow_mut();
        if let Some(name) = names.from_index.get(school) {
            return name.clone();
        }
        for y in years.iter().rev() {
            let name = names
                .years
                .entry((school.to_string(), y.year.clone()))
                .or_insert_with(|| {
                    bundle::read_manifest(&self.root.join(&y.newest_bundle), self.limits)
                        .ok()
                        .and_then(|m| m.school_name)
                })
                .clone();
            if name.is_some() {
                return name;
            }
        }
        None
    }

    /// The remembered validators of `url`, if any.
    pub fn http_cache_get(&self, url: &str) -> Result<Option<HttpCacheEntry>> {
        Ok(self.http_cache()?.get(url).cloned())
    }

    /// Remembers the validators of `url`. The cache file is replaced
    /// atomically by [`Archive::flush`]: losing an entry to a crash only
    /// costs a full download next time.
    pub fn http_cache_put(&mut self, url: &str, entry: HttpCacheEntry) -> Result<()> {
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        self.http_cache()?.insert(url.to_string(), entry);
        self.http_cache_dirty = true;
        Ok(())
    }

    /// The HTTP cache, read from its file on first use.
    fn http_cache(&self) -> Result<RefMut<'_, BTreeMap<String, HttpCacheEntry>>> {
        let mut cache = self.http_cache.borrow_mut();
        if cache.is_none() {
            let path = self.root.join(HTTP_CACHE);
            *cache = Some(match fs::read(&path) {
                // A damaged cache only costs a re-download: start afresh.
                Ok(b) => serde_json::from_slice(&b).unwrap_or_else(|e| {
                    tracing::warn!("ignoring unreadable `{}` ({e})", path.display());
                    BTreeMap::new()
                }),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
                Err(e) => return Err(io("read", &path)(e)),
            });
        }
        Ok(RefMut::map(cache, |c| c.as_mut().expect("filled above")))
    }

    /// Writes a run report to `<root>/reports/<name>` atomically; returns its path.
    pub fn write_report(&mut self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        let ok = !name.is_empty()
            && name.len() <= 128
            && !name.starts_with('.')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        if !ok {
            return Err(Error::BadReportName(name.to_string()));
        }
        let dir = self.root.join(REPORTS);
        fsutil::create_dirs(&dir)?;
        let path = dir.join(name);
        fsutil::write_replace(&path, bytes, "report")?;
        Ok(path)
    }

    /// Completes an interrupted run; see [`Archive::open`].
    fn recover(&mut self) -> Result<()> {
        let root = self.root.clone();
        let damaged = |summary: String| Error::Damaged { root: root.clone(), summary };
        let scan = scan(&self.root)?;
        for tmp in &scan.temps {
            tracing::info!("removing `{}` left by an interrupted run", tmp.display());
            fs::remove_file(tmp).map_err(io("remove", tmp))?;
        }
        let ledger_path = self.root.join(LEDGER);
        let bytes = match fs::read(&ledger_path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io("read", &ledger_path)(e)),
        };
        let parsed = ledger::parse(&bytes);
        if let Some((line, why)) = parsed.breaks.first() {
            return Err(damaged(format!("`{LEDGER}` line {line}: {why}")));
        }
        let head = ledger::read_head(&self.root.join(HEAD))?;
        let head_state = ledger::head_state(&parsed, head.as_ref());
        if let HeadState::Disagrees(why) = &head_state {
            return Err(damaged(format!("`{HEAD}`: {why}")));
        }
        // A crash leaves the head at most HEAD_MAX_LAG appends behind.
        let behind = ledger::lag(&parsed, head.as_ref());
        if head_state == HeadState::Behind && !ledger::lag_is_interrupted_run(head.as_ref(), behind) {
            let missing = if head.is_none() { " (the head file is missing)" } else { "" };
            return Err(damaged(format!("`{HEAD}` is {behind} lines behind `{LEDGER}`{missing}")));
        }
        self.head_lines = head.as_ref().map_or(0, |h| h.lines);
        if let Some(tail) = &parsed.torn_tail {
            tracing::warn!(
                "cutting a ledger line cut short by an interrupted run ({} bytes); its bundle is recorded again",
                tail.len()
            );
            let f = OpenOptions::new().write(true).open(&ledger_path).map_err(io("open", &ledger_path))?;
            f.set_len(parsed.complete_len).map_err(io("truncate", &ledger_path))?;
            f.sync_all().map_err(io("fsync", &ledger_path))?;
        }
        for e in &self.entries {
            if !self.root.join(&e.bundle).is_file() {
                return Err(damaged(format!("bundle `{}` of ledger line {} is missing", e.bundle, e.seq)));
            }
        }
        // A held original whose info file was never written: the run was
        // killed in between, before any ledger line; the document is still
        // where it came from, and holding it again writes both.
        let infos: std::collections::BTreeSet<&str> = scan.held_infos.iter().map(|(rel, _)| rel.as_str()).collect();
        for (rel, path) in &scan.held_files {
            let Some((sha, _)) = path.file_name().and_then(|n| n.to_str()).and_then(held::parse_file_name) else {
                continue;
            };
            let year = rel.split('/').nth(1).unwrap_or_default();
            if !infos.contains(held::info_path(year, sha).as_str()) {
                tracing::info!("removing `{}`, held by an interrupted run that did not record it", path.display());
                fs::remove_file(path).map_err(io("remove", path))?;
            }
        }
        let held_known: std::collections::BTreeSet<&str> =
            self.entries.iter().filter(|e| e.kind == EntryKind::Held).map(|e| e.bundle.as_str()).collect();
        let held_orphans: Vec<(String, PathBuf)> =
            scan.held_infos.iter().filter(|(rel, _)| !held_known.contains(rel.as_str())).cloned().collect();
        for (rel, path) in held_orphans {
            let entry = self
                .orphan_held_entry(&rel, &path)
                .map_err(|why| damaged(format!("`{rel}` is not in the ledger and {why}")))?;
            tracing::warn!(
                "recording held document `{rel}`, which an interrupted run kept but did not enter in the ledger"
            );
            self.append(entry)?;
        }
        let known: std::collections::BTreeSet<&str> = self.entries.iter().map(|e| e.bundle.as_str()).collect();
        let mut orphans: Vec<&(String, PathBuf)> =
            scan.bundles.iter().filter(|(rel, _)| !known.contains(rel.as_str())).collect();
        orphans.sort();
        let orphans: Vec<(String, PathBuf)> = orphans.into_iter().cloned().collect();
        for (rel, path) in orphans {
            let entry = self
                .orphan_entry(&rel, &path)
                .map_err(|why| damaged(format!("`{rel}` is not in the ledger and {why}")))?;
            tracing::warn!("recording bundle `{rel}`, which an interrupted run made but did not enter in the ledger");
            self.append(entry)?;
        }
        // Also on a new archive: from now on a missing head is damage.
        let head_now = ledger::Head { lines: self.entries.len() as u64, last_sha256: self.last_sha.clone() };
        if head.as_ref() != Some(&head_now) {
            self.write_head()?;
        }
        self.write_index(true)
    }

    /// The ledger line for a bundle that a run made durable and was killed
    /// before recording: only accepted if it is exactly the next version of
    /// its school and year and intact.
    pub(crate) fn orphan_entry(&self, rel: &str, path: &Path) -> std::result::Result<LedgerEntry, String> {
        let bytes = fs::read(path).map_err(|e| format!("cannot be read ({e})"))?;
        let sha = bundle::sha256_hex(&bytes);
        let opened = bundle::open_bundle(&bytes, path, self.limits).map_err(|e| e.to_string())?;
        if let Some(p) = opened.problems.first() {
            return Err(format!("its entry {} does not match its manifest", p.entry));
        }
        let m = &opened.manifest;
        let expected_rel = format!("{}/{}/{}", m.school_id, m.school_year, bundle::file_name(m.version, &sha));
        if expected_rel != rel {
            return Err(format!("its name or folder does not match its content (expected `{expected_rel}`)"));
        }
        let prev = self
            .by_year
            .get(&(m.school_id.clone(), m.school_year.clone()))
            .and_then(|v| v.last())
            .map(|&i| &self.entries[i]);
        let (want_version, want_supersedes) =
            prev.map_or((1, None), |p| (p.version + 1, Some(p.bundle_sha256.clone())));
        if m.version != want_version || m.supersedes != want_supersedes {
            return Err(format!("it is not the next version (expected version {want_version})"));
        }
        Ok(LedgerEntry {
            seq: self.entries.len() as u64 + 1,
            time: m.created.clone(),
            school: m.school_id.clone(),
            year: m.school_year.clone(),
            version: m.version,
            bundle: rel.to_string(),
            bundle_sha256: sha,
            source_sha256: m.source.sha256.clone(),
            kind: EntryKind::Bundle,
            unread: m.unread.as_ref().map(|u| u.code.clone()),
            assigned_from: m.assigned_from.clone(),
            prev: self.last_sha.clone(),
        })
    }

    /// The ledger line for a held document whose info file and original a
    /// run made durable and was killed before recording: accepted if the
    /// info file is valid, names this place and its original matches.
    pub(crate) fn orphan_held_entry(&self, rel: &str, path: &Path) -> std::result::Result<LedgerEntry, String> {
        let bytes = fs::read(path).map_err(|e| format!("cannot be read ({e})"))?;
        let info: HeldInfo =
            serde_json::from_slice(&bytes).map_err(|e| format!("is not a held-document info file ({e})"))?;
        if rel != held::info_path(&info.school_year, &info.sha256) || check_school_year(&info.school_year).is_err() {
            return Err("its name or folder does not match its content".into());
        }
        if held::parse_file_name(&info.file).is_none_or(|(sha, _)| sha != info.sha256) {
            return Err(format!("it names an unexpected file {:?}", info.file));
        }
        let original = self.root.join(held::file_path(&info.school_year, &info.file));
        let source = fs::read(&original).map_err(|e| format!("its original cannot be read ({e})"))?;
        if bundle::sha256_hex(&source) != info.sha256 {
            return Err("its original does not match its sha256".into());
        }
        if self.held.iter().any(|&i| self.entries[i].source_sha256 == info.sha256) {
            return Err("the same document is held already".into());
        }
        Ok(LedgerEntry {
            seq: self.entries.len() as u64 + 1,
            time: info.received.clone(),
            school: String::new(),
            year: info.school_year.clone(),
            version: 0,
            bundle: rel.to_string(),
            bundle_sha256: bundle::sha256_hex(&bytes),
            source_sha256: info.sha256,
            kind: EntryKind::Held,
            unread: None,
            assigned_from: None,
            prev: self.last_sha.clone(),
        })
    }
}

impl Drop for Archive {
    fn drop(&mut self) {
        if let Err(e) = self.flush() {
            // The bundles and the ledger are durable already; what is lost
            // here is derived, and the next open rebuilds it.
            tracing::warn!(
                "cannot update the catalogue, ledger head or HTTP cache of `{}` ({e}); the next run does",
                self.root.display()
            );
        }
    }
}

/// Between durable writes, the catalogue is rewritten once the lines added
/// since its last write are this share (1/n) of the ledger.
const INDEX_STALE_SHARE: u64 = 32;

/// The value of [`Catalogue::format`].
pub(crate) const CATALOGUE_FORMAT: &str = "sop-index/1";

pub(crate) fn catalogue_bytes(c: &Catalogue) -> Result<Vec<u8>> {
    let mut b = serde_json::to_vec_pretty(c).map_err(|source| Error::Json { what: "the catalogue", source })?;
    b.push(b'\n');
    Ok(b)
}

fn take_lock(root: &Path, mode: LockMode, exclusive: bool) -> Result<File> {
    let path = root.join(LOCK);
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io("open the lock file", &path))?;
    let r = if exclusive { f.try_lock() } else { f.try_lock_shared() };
    match r {
        Ok(()) => Ok(f),
        Err(TryLockError::WouldBlock) => match mode {
            LockMode::Fail => Err(Error::Locked(root.to_path_buf())),
            LockMode::Wait => {
                tracing::warn!("the archive `{}` is in use by another run; waiting for it to finish", root.display());
                if exclusive { f.lock() } else { f.lock_shared() }.map_err(io("lock", &path))?;
                Ok(f)
            }
        },
        Err(TryLockError::Error(e)) => Err(io("lock", &path)(e)),
    }
}

pub(crate) fn read_ledger(root: &Path) -> Result<ParsedLedger> {
    let path = root.join(LEDGER);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(io("read", &path)(e)),
    };
    let parsed = ledger::parse(&bytes);
    for (e, _, _) in &parsed.lines {
        // Ledger text names folders: it must pass the same checks as input.
        if !entry_paths_valid(e) {
            return Err(Error::BadLedger {
                path,
                line: e.seq as usize,
                reason: "school, year or bundle path is not valid".into(),
            });
        }
    }
    Ok(parsed)
}

/// Whether a ledger line's school, year and file path are what such a line
/// must have (ledger text names folders: it passes the same checks as input).
pub(crate) fn entry_paths_valid(e: &LedgerEntry) -> bool {
    if e.bundle_sha256.len() != 64 || check_school_year(&e.year).is_err() {
        return false;
    }
    match e.kind {
        EntryKind::Bundle => {
            SchoolId::parse(&e.school).is_ok()
                && e.bundle == format!("{}/{}/{}", e.school, e.year, bundle::file_name(e.version, &e.bundle_sha256))
        }
        EntryKind::Held => {
            e.school.is_empty()
                && e.version == 0
                && e.source_sha256.len() == 64
                && e.bundle == held::info_path(&e.year, &e.source_sha256)
                && held::parse_info_name(e.bundle.rsplit('/').next().unwrap_or_default()).is_some()
        }
    }
}

/// What lies in the archive folder.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// (root-relative `/` path, path) of every well-named bundle.
    pub bundles: Vec<(String, PathBuf)>,
    /// Leftover temp files of interrupted runs.
    pub temps: Vec<PathBuf>,
    /// Anything else inside school folders.
    pub strays: Vec<PathBuf>,
    /// (root-relative path, path) of every held info file in `ontvangen/`.
    pub held_infos: Vec<(String, PathBuf)>,
    /// (root-relative path, path) of every held original in `ontvangen/`.
    pub held_files: Vec<(String, PathBuf)>,
}

pub(crate) fn scan(root: &Path) -> Result<Scan> {
    let mut out = Scan::default();
    let list = |dir: &Path| -> Result<Vec<(String, PathBuf, bool)>> {
        let mut v = Vec::new();
        for e in fs::read_dir(dir).map_err(io("list", dir))? {
            let e = e.map_err(io("list", dir))?;
            let is_dir = e.file_type().map_err(io("inspect", e.path()))?.is_dir();
            v.push((e.file_name().to_string_lossy().into_owned(), e.path(), is_dir));
        }
        v.sort();
        Ok(v)
    };
    for (name, path, is_dir) in list(root)? {
        if name.starts_with(TMP_PREFIX) {
            out.temps.push(path);
            continue;
        }
        if name == REPORTS && is_dir {
            out.temps.extend(list(&path)?.into_iter().filter(|(n, _, _)| n.starts_with(TMP_PREFIX)).map(|(_, p, _)| p));
            continue;
        }
        if name == HELD_DIR && is_dir {
            for (year, ypath, ydir) in list(&path)? {
                if !ydir || check_school_year(&year).is_err() {
                    out.strays.push(ypath);
                    continue;
                }
                for (file, fpath, fdir) in list(&ypath)? {
                    let rel = format!("{HELD_DIR}/{year}/{file}");
                    if fdir {
                        out.strays.push(fpath);
                    } else if file.starts_with(TMP_PREFIX) {
                        out.temps.push(fpath);
                    } else if held::parse_info_name(&file).is_some() {
                        out.held_infos.push((rel, fpath));
                    } else if held::parse_file_name(&file).is_some() {
                        out.held_files.push((rel, fpath));
                    } else {
                        out.strays.push(fpath);
                    }
                }
            }
            continue;
        }
        if !is_dir || SchoolId::parse(&name).is_err() {
            continue; // the archive's own files; verify checks what it knows
        }
        for (year, ypath, ydir) in list(&path)? {
            if year.starts_with(TMP_PREFIX) {
                out.temps.push(ypath);
                continue;
            }
            if !ydir || check_school_year(&year).is_err() {
                out.strays.push(ypath);
                continue;
            }
            for (file, fpath, fdir) in list(&ypath)? {
                if file.starts_with(TMP_PREFIX) && !fdir {
                    out.temps.push(fpath);
                } else if !fdir && bundle::parse_file_name(&file).is_some() {
                    out.bundles.push((format!("{name}/{year}/{file}"), fpath));
                } else {
                    out.strays.push(fpath);
                }
            }
        }
    }
    Ok(out)
}
