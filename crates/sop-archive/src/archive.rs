//! [`Archive`]: the locked handle through which everything is added and read.

use std::cell::{RefCell, RefMut};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::bundle::{self, Manifest, ManifestSource, OpenedBundle, ReadLimits, BUNDLE_FORMAT};
use crate::error::{io, Error, Result};
use crate::fsutil::{self, format_utc, TMP_PREFIX};
use crate::id::{check_school_year, SchoolId};
use crate::ledger::{self, HeadState, LedgerEntry, ParsedLedger, HEAD, HEAD_MAX_LAG, LEDGER};

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
        let mut record =
            serde_json::to_vec_pretty(s.record).map_err(|source| Error::Json { what: "the record", source })?;
        record.push(b'\n');
        let mut entries: Vec<(&str, &[u8])> =
            vec![(entry_name, s.source), (bundle::TEXT, s.extracted_text.as_bytes()), (bundle::RECORD, &record)];
        if let Some(d) = s.diff_json {
            entries.push((bundle::DIFF_JSON, d));
        }
        if let Some(d) = s.diff_md {
            entries.push((bundle::DIFF_MD, d.as_bytes()));
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
        let bytes = bundle::build(manifest, &entries)?;
        drop(entries);
        drop(record);
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
            prev: self.last_sha.clone(),
        };
        let names = self.names.get_mut();
        names.years.insert((entry.school.clone(), entry.year.clone()), s.record.school.name.clone());
        names.from_index.remove(&entry.school);
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
        Ok(Added::New { version, path, bundle_sha256: sha, supersedes })
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
        let (from, to) = ((school.to_string(), String::new()), (school.to_string(), school_year.to_string()));
        let prev = self.by_year.range(from..to).next_back().and_then(|(_, v)| v.last());
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
        Ok(Catalogue { format: CATALOGUE_FORMAT.to_string(), schools })
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
        let ok = SchoolId::parse(&e.school).is_ok()
            && check_school_year(&e.year).is_ok()
            && e.bundle == format!("{}/{}/{}", e.school, e.year, bundle::file_name(e.version, &e.bundle_sha256));
        if !ok || e.bundle_sha256.len() != 64 {
            return Err(Error::BadLedger {
                path,
                line: e.seq as usize,
                reason: "school, year or bundle path is not valid".into(),
            });
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
