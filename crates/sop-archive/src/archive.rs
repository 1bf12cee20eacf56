//! [`Archive`]: the locked handle through which everything is added and read.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::bundle::{self, Manifest, ManifestSource, OpenedBundle, ReadLimits, BUNDLE_FORMAT};
use crate::error::{io, Error, Result};
use crate::fsutil::{self, format_utc, TMP_PREFIX};
use crate::id::{check_school_year, SchoolId};
use crate::ledger::{self, HeadState, LedgerEntry, ParsedLedger, HEAD, LEDGER};

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
}

/// The outcome of [`Archive::add`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// The newest version of this school and year has the same source bytes.
    Unchanged { version: u32, path: PathBuf },
    New { version: u32, path: PathBuf, bundle_sha256: String, supersedes: Option<String> },
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
}

/// An open archive. Writers hold an exclusive lock for the handle's
/// lifetime, readers a shared one; dropping the handle releases it.
///
/// Layout under the root:
/// ```text
/// <school-id>/<school-year>/v0001-<sha256 prefix>.zip   bundles, never overwritten
/// ledger.jsonl         one hash-chained line per bundle, append-only
/// ledger.head.json     line count and hash of the last line
/// index.json           the catalogue, rebuilt after every change
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
    pub(crate) limits: ReadLimits,
    /// School names from bundle manifests, by bundle path (the catalogue is
    /// rebuilt after every add; this keeps that from re-reading every bundle).
    names: RefCell<BTreeMap<String, Option<String>>>,
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
        let empty = Archive::open_empty(root, lock)?;
        Archive::load(root, empty._lock, false)
    }

    /// A read-only handle under the shared lock with no ledger loaded: for
    /// [`crate::verify`], which reads the ledger itself, line by line.
    pub(crate) fn open_empty(root: &Path, lock: LockMode) -> Result<Archive> {
        if !root.is_dir() {
            return Err(Error::NoArchive(root.to_path_buf()));
        }
        let lock_file = match take_lock(root, lock, false) {
            Ok(f) => Some(f),
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::PermissionDenied || source.kind() == std::io::ErrorKind::ReadOnlyFilesystem => None,
            Err(e) => return Err(e),
        };
        Ok(Archive {
            root: root.to_path_buf(),
            _lock: lock_file,
            writable: false,
            entries: Vec::new(),
            last_sha: ledger::GENESIS.to_string(),
            by_year: BTreeMap::new(),
            limits: ReadLimits::default(),
            names: RefCell::new(BTreeMap::new()),
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
            limits: ReadLimits::default(),
            names: RefCell::new(BTreeMap::new()),
        };
        for (e, _, sha) in parsed.lines {
            a.push_entry(e, sha);
        }
        Ok(a)
    }

    pub(crate) fn push_entry(&mut self, e: LedgerEntry, line_sha: String) {
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
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        let year = check_school_year(s.school_year)?;
        let source_sha = bundle::sha256_hex(s.source);
        if !s.record.source.sha256.is_empty() && s.record.source.sha256 != source_sha {
            return Err(Error::SourceMismatch { record: s.record.source.sha256.clone(), actual: source_sha });
        }
        let latest = self.latest(s.school_id, year)?;
        if let Some(l) = &latest {
            if l.source_sha256 == source_sha {
                return Ok(Added::Unchanged { version: l.version, path: l.path.clone() });
            }
        }
        let version = latest.as_ref().map_or(1, |l| l.version + 1);
        let supersedes = latest.map(|l| l.bundle_sha256);

        let entry_name = bundle::source_entry(s.media_type);
        let mut record = serde_json::to_vec_pretty(s.record).map_err(|source| Error::Json { what: "the record", source })?;
        record.push(b'\n');
        let mut entries = vec![
            (entry_name.to_string(), s.source.to_vec()),
            (bundle::TEXT.to_string(), s.extracted_text.as_bytes().to_vec()),
            (bundle::RECORD.to_string(), record),
        ];
        if let Some(d) = s.diff_json {
            entries.push((bundle::DIFF_JSON.to_string(), d.to_vec()));
        }
        if let Some(d) = s.diff_md {
            entries.push((bundle::DIFF_MD.to_string(), d.as_bytes().to_vec()));
        }
        let manifest = Manifest {
            format: BUNDLE_FORMAT.to_string(),
            school_id: s.school_id.to_string(),
            school_name: s.record.school.name.clone(),
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
            schema: s.record.schema.clone(),
            tool_version: s.tool_version.to_string(),
            supersedes: supersedes.clone(),
            files: Vec::new(),
        };
        let bytes = bundle::build(manifest, entries)?;
        let sha = bundle::sha256_hex(&bytes);
        let dir = self.root.join(s.school_id.as_str()).join(year);
        fsutil::create_dirs(&dir)?;
        let name = bundle::file_name(version, &sha);
        let path = dir.join(&name);
        fsutil::write_new(&path, &bytes)?;
        let entry = LedgerEntry {
            seq: self.entries.len() as u64 + 1,
            time: format_utc(s.created),
            school: s.school_id.to_string(),
            year: year.to_string(),
            version,
            bundle: format!("{}/{year}/{name}", s.school_id),
            bundle_sha256: sha.clone(),
            source_sha256: source_sha,
            prev: self.last_sha.clone(),
        };
        self.names.borrow_mut().insert(entry.bundle.clone(), s.record.school.name.clone());
        self.append(entry)?;
        self.write_head()?;
        self.write_index()?;
        Ok(Added::New { version, path, bundle_sha256: sha, supersedes })
    }

    fn append(&mut self, entry: LedgerEntry) -> Result<()> {
        let line = entry.to_line();
        fsutil::append_line(&self.root.join(LEDGER), &line)?;
        self.push_entry(entry, bundle::sha256_hex(line.as_bytes()));
        Ok(())
    }

    fn write_head(&self) -> Result<()> {
        let head = ledger::Head { lines: self.entries.len() as u64, last_sha256: self.last_sha.clone() };
        let mut b = serde_json::to_vec_pretty(&head).map_err(|source| Error::Json { what: "the ledger head", source })?;
        b.push(b'\n');
        fsutil::write_replace(&self.root.join(HEAD), &b, "head")
    }

    fn write_index(&self) -> Result<()> {
        let b = catalogue_bytes(&self.catalogue()?)?;
        let path = self.root.join(INDEX);
        if fs::read(&path).ok().as_deref() == Some(b.as_slice()) {
            return Ok(());
        }
        fsutil::write_replace(&path, &b, "index")
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
            .by_year
            .iter()
            .filter(|((s, y), _)| s == school.as_str() && year.is_none_or(|want| want == y))
            .flat_map(|(_, v)| v.iter().map(|&i| self.info(&self.entries[i])))
            .collect())
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

    /// The diff base: the record in the newest version of the latest school
    /// year before `school_year`, with that year.
    pub fn previous_record(&self, school: &SchoolId, school_year: &str) -> Result<Option<(String, sop_model::Record)>> {
        check_school_year(school_year)?;
        let prev = self
            .by_year
            .iter()
            .rfind(|((s, y), _)| s == school.as_str() && y.as_str() < school_year)
            .and_then(|(_, v)| v.last());
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
        let mut schools: Vec<CatalogueSchool> = Vec::new();
        for ((school, year), v) in &self.by_year {
            let newest = &self.entries[*v.last().expect("no empty year lists")];
            if schools.last().is_none_or(|s| &s.id != school) {
                schools.push(CatalogueSchool { id: school.clone(), name: None, years: Vec::new() });
            }
            let s = schools.last_mut().expect("pushed above");
            // Years are visited in order, so the last one read names the school.
            if let Some(name) = self.school_name(newest) {
                s.name = Some(name);
            }
            s.years.push(CatalogueYear {
                year: year.clone(),
                versions: v.len() as u32,
                newest_version: newest.version,
                newest_bundle: newest.bundle.clone(),
                newest_bundle_sha256: newest.bundle_sha256.clone(),
                newest_created: newest.time.clone(),
            });
        }
        Ok(Catalogue { format: "sop-index/1".to_string(), schools })
    }

    /// The school name in a bundle's manifest, read once per bundle.
    fn school_name(&self, e: &LedgerEntry) -> Option<String> {
        let mut names = self.names.borrow_mut();
        names
            .entry(e.bundle.clone())
            .or_insert_with(|| bundle::read_manifest(&self.root.join(&e.bundle), self.limits).ok().and_then(|m| m.school_name))
            .clone()
    }

    /// The remembered validators of `url`, if any.
    pub fn http_cache_get(&self, url: &str) -> Result<Option<HttpCacheEntry>> {
        Ok(self.http_cache()?.remove(url))
    }

    /// Remembers the validators of `url` (atomically replaces the cache file).
    pub fn http_cache_put(&mut self, url: &str, entry: HttpCacheEntry) -> Result<()> {
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        let mut cache = self.http_cache()?;
        cache.insert(url.to_string(), entry);
        let mut b = serde_json::to_vec_pretty(&cache).map_err(|source| Error::Json { what: "the HTTP cache", source })?;
        b.push(b'\n');
        fsutil::write_replace(&self.root.join(HTTP_CACHE), &b, "http-cache")
    }

    fn http_cache(&self) -> Result<BTreeMap<String, HttpCacheEntry>> {
        let path = self.root.join(HTTP_CACHE);
        match fs::read(&path) {
            // A damaged cache only costs a re-download: start afresh.
            Ok(b) => Ok(serde_json::from_slice(&b).unwrap_or_else(|e| {
                tracing::warn!("ignoring unreadable `{}` ({e})", path.display());
                BTreeMap::new()
            })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(io("read", &path)(e)),
        }
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
        // A crash leaves the head at most one append behind.
        let behind = parsed.lines.len() as u64 - head.as_ref().map_or(0, |h| h.lines.min(parsed.lines.len() as u64));
        if head_state == HeadState::Behind && behind > 1 {
            return Err(damaged(format!("`{HEAD}` is {behind} lines behind `{LEDGER}`")));
        }
        if let Some(tail) = &parsed.torn_tail {
            tracing::warn!("cutting a ledger line cut short by an interrupted run ({} bytes); its bundle is recorded again", tail.len());
            let f = OpenOptions::new().write(true).open(&ledger_path).map_err(io("open", &ledger_path))?;
            f.set_len(parsed.complete_len).map_err(io("truncate", &ledger_path))?;
            f.sync_all().map_err(io("fsync", &ledger_path))?;
        }
        for e in &self.entries {
            if !self.root.join(&e.bundle).is_file() {
                return Err(damaged(format!("bundle `{}` of ledger line {} is missing", e.bundle, e.seq)));
            }
        }
        let known: std::collections::BTreeSet<&str> = self.entries.iter().map(|e| e.bundle.as_str()).collect();
        let mut orphans: Vec<&(String, PathBuf)> = scan.bundles.iter().filter(|(rel, _)| !known.contains(rel.as_str())).collect();
        orphans.sort();
        let orphans: Vec<(String, PathBuf)> = orphans.into_iter().cloned().collect();
        for (rel, path) in orphans {
            let entry = self.orphan_entry(&rel, &path).map_err(|why| damaged(format!("`{rel}` is not in the ledger and {why}")))?;
            tracing::warn!("recording bundle `{rel}`, which an interrupted run made but did not enter in the ledger");
            self.append(entry)?;
        }
        let head_now = ledger::Head { lines: self.entries.len() as u64, last_sha256: self.last_sha.clone() };
        if head.as_ref() != Some(&head_now) && !(head.is_none() && self.entries.is_empty()) {
            self.write_head()?;
        }
        self.write_index()
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
        let prev = self.by_year.get(&(m.school_id.clone(), m.school_year.clone())).and_then(|v| v.last()).map(|&i| &self.entries[i]);
        let (want_version, want_supersedes) = prev.map_or((1, None), |p| (p.version + 1, Some(p.bundle_sha256.clone())));
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
            prev: self.last_sha.clone(),
        })
    }
}

pub(crate) fn catalogue_bytes(c: &Catalogue) -> Result<Vec<u8>> {
    let mut b = serde_json::to_vec_pretty(c).map_err(|source| Error::Json { what: "the catalogue", source })?;
    b.push(b'\n');
    Ok(b)
}

fn take_lock(root: &Path, mode: LockMode, exclusive: bool) -> Result<File> {
    let path = root.join(LOCK);
    let f = OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io("open the lock file", &path))?;
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
        let ok = SchoolId::parse(&e.school).is_ok()
            && check_school_year(&e.year).is_ok()
            && e.bundle == format!("{}/{}/{}", e.school, e.year, bundle::file_name(e.version, &e.bundle_sha256));
        if !ok || e.bundle_sha256.len() != 64 {
            return Err(Error::BadLedger { path, line: e.seq as usize, reason: "school, year or bundle path is not valid".into() });
        }
    }
    Ok(parsed)
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
