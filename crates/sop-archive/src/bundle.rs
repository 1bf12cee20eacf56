//! One bundle: a deterministic zip of the source file, its text, the record,
//! the diff and `manifest.json`; and the bomb-safe reader of such zips.

use std::io::{Cursor, Read, Seek, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::error::{Error, Result};

/// The value of [`Manifest::format`].
pub const BUNDLE_FORMAT: &str = "sop-bundle/1";
pub const MANIFEST: &str = "manifest.json";
pub const RECORD: &str = "sop.json";
pub const TEXT: &str = "text.txt";
pub const DIFF_JSON: &str = "diff.json";
pub const DIFF_MD: &str = "diff.md";
/// Why a bundle holds no record: in bundles of documents that were received
/// but could not be read (see [`Unread`]).
pub const UNREAD: &str = "unread.json";

/// Why a document could not be read (or, for a held document, not be tied to
/// a school): the stage it stopped at, a stable code for scripts and a
/// message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unread {
    /// The pipeline stage, e.g. `extract`, `detect`, `normalize`.
    pub stage: String,
    /// A stable code, e.g. `encrypted`, `not_pdf`, `unrecognised_template`.
    pub code: String,
    pub message: String,
}

/// What `manifest.json` says about its bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    pub school_id: String,
    /// The school's name as the record gives it (for people reading a list).
    pub school_name: Option<String>,
    pub school_year: String,
    pub version: u32,
    /// `YYYY-MM-DDTHH:MM:SSZ`, from SOURCE_DATE_EPOCH when the run set it.
    pub created: String,
    pub created_unix: i64,
    pub source: ManifestSource,
    /// The record's schema, `sop/1`; empty when the bundle holds no record
    /// (then `unread` says why).
    pub schema: String,
    /// The `sop` version that made the bundle.
    pub tool_version: String,
    /// sha256 of the bundle this version replaces (same school and year).
    pub supersedes: Option<String>,
    /// Set when the document was received but not read: no `sop.json`, and
    /// this says why (also in the entry `unread.json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<Unread>,
    /// Set when the document was first held as unidentified and later filed
    /// with `sop assign`: the root-relative path of its held info file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_from: Option<String>,
    /// Every other entry of the zip, sorted by name.
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestSource {
    pub sha256: String,
    pub bytes: u64,
    /// The name the file came with, kept as data only: it is never used as a
    /// path (the entry is `source.pdf` / `source.txt` / `source.bin`).
    pub filename: String,
    pub media_type: String,
    /// The zip entry holding the file byte for byte.
    pub entry: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The entry name of the original file: from the media type only, so that a
/// file name from outside never becomes a path inside the zip.
pub fn source_entry(media_type: &str) -> &'static str {
    match media_type {
        "application/pdf" => "source.pdf",
        "text/plain" => "source.txt",
        _ => "source.bin",
    }
}

/// Builds the zip. Entries are sorted by name and carry a fixed time
/// (1980-01-01 00:00, the zip epoch) and mode 0644, so equal inputs give
/// equal bytes.
///
/// Entries are borrowed: the source file is not copied on its way in.
pub(crate) fn build(mut manifest: Manifest, entries: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let mut entries = entries.to_vec();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    manifest.files = entries
        .iter()
        .map(|(name, b)| ManifestFile { name: name.to_string(), sha256: sha256_hex(b), bytes: b.len() as u64 })
        .collect();
    let mut m = serde_json::to_vec_pretty(&manifest).map_err(|source| Error::Json { what: "the manifest", source })?;
    m.push(b'\n');
    entries.push((MANIFEST, &m));
    entries.sort_by(|a, b| a.0.cmp(b.0));
    deterministic_zip(&entries, Path::new("<bundle>"))
}

/// A zip of `entries` in the given order with fixed metadata.
pub(crate) fn deterministic_zip<N: AsRef<str>, B: AsRef<[u8]>>(entries: &[(N, B)], path: &Path) -> Result<Vec<u8>> {
    let zerr = |source| Error::Zip { path: path.to_path_buf(), source };
    // Room for every entry stored plus headers: the buffer is allocated once
    // instead of doubling (and leaving freed halves behind) as it grows.
    let room: usize = entries.iter().map(|(n, b)| b.as_ref().len() + 2 * n.as_ref().len() + 128).sum::<usize>() + 64;
    let mut w = ZipWriter::new(Cursor::new(Vec::with_capacity(room)));
    for (name, bytes) in entries {
        let (name, bytes) = (name.as_ref(), bytes.as_ref());
        // PDFs and zips are compressed already; deflating them again costs
        // time and gains nothing.
        let stored = name.ends_with(".pdf") || name.ends_with(".zip");
        let opts = SimpleFileOptions::default()
            .compression_method(if stored { CompressionMethod::Stored } else { CompressionMethod::Deflated })
            .compression_level(if stored { None } else { Some(6) })
            .last_modified_time(DateTime::DEFAULT)
            .unix_permissions(0o644)
            .large_file(bytes.len() as u64 >= u64::from(u32::MAX));
        w.start_file(name, opts).map_err(zerr)?;
        w.write_all(bytes).map_err(|e| zerr(e.into()))?;
    }
    Ok(w.finish().map_err(zerr)?.into_inner())
}

/// Limits applied when reading any zip, so that a damaged or hostile file
/// cannot exhaust memory: a bundle has six entries of modest size.
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    pub max_entries: usize,
    pub max_entry_bytes: u64,
    pub max_total_bytes: u64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits { max_entries: 32, max_entry_bytes: 256 << 20, max_total_bytes: 512 << 20 }
    }
}

/// The entries of a zip, in stored order, read within `limits`. Sizes in the
/// zip headers are not trusted: reading stops one byte past the limit.
pub fn read_entries<R: Read + Seek>(reader: R, path: &Path, limits: ReadLimits) -> Result<Vec<(String, Vec<u8>)>> {
    let bad = |reason: String| Error::BadBundle { path: path.to_path_buf(), reason };
    let mut zip = ZipArchive::new(reader).map_err(|e| bad(sop_i18n::t!("bundle-not-zip", detail = e.to_string())))?;
    if zip.len() > limits.max_entries {
        return Err(bad(sop_i18n::t!("bundle-too-many-entries", n = zip.len(), limit = limits.max_entries)));
    }
    let mut out = Vec::with_capacity(zip.len());
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut f = zip
            .by_index(i)
            .map_err(|e| bad(sop_i18n::t!("bundle-entry-unreadable", entry = i, detail = e.to_string())))?;
        let name = f
            .name()
            .map_err(|e| bad(sop_i18n::t!("bundle-entry-unreadable", entry = i, detail = e.to_string())))?
            .into_owned();
        if f.is_dir() || f.enclosed_name().is_none() || name.contains(['/', '\\']) {
            return Err(bad(sop_i18n::t!("bundle-unexpected-entry", entry = format!("{name:?}"))));
        }
        let room = limits.max_entry_bytes.min(limits.max_total_bytes - total);
        let mut buf = Vec::with_capacity(f.size().min(room).min(64 << 20) as usize);
        (&mut f).take(room + 1).read_to_end(&mut buf).map_err(|e| {
            bad(sop_i18n::t!("bundle-entry-unreadable", entry = format!("{name:?}"), detail = e.to_string()))
        })?;
        if buf.len() as u64 > room {
            return Err(bad(sop_i18n::t!("bundle-entry-too-large", entry = format!("{name:?}"), limit = room)));
        }
        total += buf.len() as u64;
        out.push((name, buf));
    }
    Ok(out)
}

/// Only the manifest of a bundle file, without unpacking the rest (for the
/// catalogue, which needs a name per school and year).
pub fn read_manifest(path: &Path, limits: ReadLimits) -> Result<Manifest> {
    let bad = |reason: String| Error::BadBundle { path: path.to_path_buf(), reason };
    let file = std::fs::File::open(path).map_err(crate::error::io("open", path))?;
    let mut zip = ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| bad(sop_i18n::t!("bundle-not-zip", detail = e.to_string())))?;
    if zip.len() > limits.max_entries {
        return Err(bad(sop_i18n::t!("bundle-too-many-entries", n = zip.len(), limit = limits.max_entries)));
    }
    let f = zip.by_name(MANIFEST).map_err(|e| bad(sop_i18n::t!("bundle-no-manifest", detail = e.to_string())))?;
    let mut buf = Vec::new();
    f.take(limits.max_entry_bytes + 1)
        .read_to_end(&mut buf)
        .map_err(|e| bad(sop_i18n::t!("bundle-no-manifest", detail = e.to_string())))?;
    if buf.len() as u64 > limits.max_entry_bytes {
        return Err(bad(sop_i18n::t!("bundle-manifest-too-large")));
    }
    serde_json::from_slice(&buf).map_err(|e| bad(sop_i18n::t!("bundle-manifest-invalid", detail = e.to_string())))
}

/// A bundle read back and checked against its own manifest.
#[derive(Debug)]
pub struct OpenedBundle {
    pub manifest: Manifest,
    pub entries: Vec<(String, Vec<u8>)>,
    /// Each disagreement between the manifest and the entries, in words.
    pub problems: Vec<EntryProblem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntryProblem {
    pub entry: String,
    pub expected: String,
    pub found: String,
}

impl OpenedBundle {
    pub fn entry(&self, name: &str) -> Option<&[u8]> {
        self.entries.iter().find(|(n, _)| n == name).map(|(_, b)| b.as_slice())
    }
}

/// Reads a bundle's bytes: entries, manifest, and every file re-hashed
/// against the manifest. Errors only when there is no readable manifest.
pub fn open_bundle(bytes: &[u8], path: &Path, limits: ReadLimits) -> Result<OpenedBundle> {
    let entries = read_entries(Cursor::new(bytes), path, limits)?;
    let bad = |reason: String| Error::BadBundle { path: path.to_path_buf(), reason };
    let raw = entries
        .iter()
        .find(|(n, _)| n == MANIFEST)
        .ok_or_else(|| bad(sop_i18n::t!("bundle-no-manifest", detail = "-")))?;
    let manifest: Manifest = serde_json::from_slice(&raw.1)
        .map_err(|e| bad(sop_i18n::t!("bundle-manifest-invalid", detail = e.to_string())))?;
    let mut problems = Vec::new();
    for f in &manifest.files {
        match entries.iter().find(|(n, _)| *n == f.name) {
            None => problems.push(EntryProblem {
                entry: f.name.clone(),
                expected: sop_i18n::t!("verify-exp-present", sha256 = &f.sha256),
                found: sop_i18n::t!("verify-found-missing"),
            }),
            Some((_, b)) => {
                let h = sha256_hex(b);
                if h != f.sha256 || b.len() as u64 != f.bytes {
                    problems.push(EntryProblem {
                        entry: f.name.clone(),
                        expected: sop_i18n::t!("verify-exp-sha256-bytes", sha256 = &f.sha256, bytes = f.bytes),
                        found: sop_i18n::t!("verify-found-sha256-bytes", sha256 = &h, bytes = b.len()),
                    });
                }
            }
        }
    }
    for (n, _) in &entries {
        if n != MANIFEST && !manifest.files.iter().any(|f| &f.name == n) {
            problems.push(EntryProblem {
                entry: n.clone(),
                expected: sop_i18n::t!("verify-exp-not-in-bundle"),
                found: sop_i18n::t!("verify-found-unlisted-entry"),
            });
        }
    }
    if let Some((_, b)) = entries.iter().find(|(n, _)| *n == manifest.source.entry) {
        let h = sha256_hex(b);
        if h != manifest.source.sha256 {
            problems.push(EntryProblem {
                entry: manifest.source.entry.clone(),
                expected: sop_i18n::t!("verify-exp-source-sha256", sha256 = &manifest.source.sha256),
                found: sop_i18n::t!("verify-found-sha256", sha256 = &h),
            });
        }
    } else {
        problems.push(EntryProblem {
            entry: manifest.source.entry.clone(),
            expected: sop_i18n::t!("verify-exp-source-file"),
            found: sop_i18n::t!("verify-found-missing"),
        });
    }
    Ok(OpenedBundle { manifest, entries, problems })
}

/// `v0001-<first 12 hex of sha256>.zip`
/// `<school>/<year>/v0001-<sha256 prefix>.zip`: where a bundle lives, relative
/// to the archive root (`/`-separated, as the ledger records it).
pub(crate) fn rel_path(school: &str, year: &str, version: u32, sha256: &str) -> String {
    format!("{school}/{year}/{}", file_name(version, sha256))
}

pub fn file_name(version: u32, sha256: &str) -> String {
    format!("v{version:04}-{}.zip", &sha256[..12])
}

/// The version and sha256 prefix in a bundle file name, if it is one.
pub fn parse_file_name(name: &str) -> Option<(u32, &str)> {
    let rest = name.strip_prefix('v')?.strip_suffix(".zip")?;
    let (v, prefix) = rest.split_once('-')?;
    if v.len() < 4
        || !v.bytes().all(|b| b.is_ascii_digit())
        || prefix.len() != 12
        || !prefix.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    Some((v.parse().ok()?, prefix))
}
