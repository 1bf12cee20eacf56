//! [`Archive`]: the locked handle through which everything is added and read.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::bundle::{self, EntryProblem, Manifest, ManifestSource, OpenedBundle, ReadLimits, Unread, BUNDLE_FORMAT};
use crate::catalogue::Names;
use crate::error::{io, Error, Result};
use crate::fsutil::{self, format_utc};
use crate::http_cache::HttpCacheEntry;
use crate::id::{check_school_year, SchoolId};
use crate::ledger::{self, EntryKind, LedgerEntry, HEAD, LEDGER};
use crate::recovery::read_ledger;

pub const LOCK: &str = ".lock";

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

/// What a bundle holds ([`Archive::contents`]).
#[derive(Debug, Clone)]
pub struct BundleContents {
    pub manifest: Manifest,
    /// The original, byte for byte.
    pub source: Option<Vec<u8>>,
    /// The `sop/1` record: `None` in a bundle of a document that was not
    /// read, `Err` (why) when `sop.json` is there but is not a record.
    pub record: Option<std::result::Result<sop_model::Record, String>>,
    /// The diff against the school's record of the year before
    /// (`sop-diff/1` JSON), when there was one.
    pub diff_json: Option<Vec<u8>>,
    /// Entries that do not match the manifest (run `sop verify`).
    pub problems: Vec<EntryProblem>,
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

/// An open archive. Writers hold an exclusive lock for the handle's
/// lifetime, readers a shared one; dropping the handle releases it.
///
/// A writer makes each bundle durable in [`Archive::add`], and its ledger
/// line too, unless a group is open ([`Archive::begin_group`]): then the
/// lines of the group's bundles are appended together, with one fsync, by
/// [`Archive::commit`]. What is derived from them is kept in memory and
/// written by [`Archive::flush`] (also on drop): the catalogue, the HTTP
/// cache and a plain ledger head. A run killed before its flush leaves an
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
    pub(crate) root: PathBuf,
    _lock: Option<File>,
    pub(crate) writable: bool,
    pub(crate) entries: Vec<LedgerEntry>,
    pub(crate) last_sha: String,
    /// (school, year) -> indices into `entries`, oldest version first.
    pub(crate) by_year: BTreeMap<(String, String), Vec<usize>>,
    /// Indices into `entries` of the `held` lines, in ledger order.
    pub(crate) held: Vec<usize>,
    pub(crate) limits: ReadLimits,
    /// The catalogue's school names, so that it never re-reads bundles it
    /// has read (or that an up-to-date `index.json` already names).
    pub(crate) names: RefCell<Names>,
    /// Ledger lines on disk (the entries after them are staged).
    committed: u64,
    /// The sha256 of the last line on disk.
    committed_sha: String,
    /// Staged lines of an open group: their files are durable, the lines
    /// are appended by [`Archive::commit`].
    staged: Vec<String>,
    /// Whether a group is open.
    grouping: bool,
    /// Folders whose new entries (staged bundles) are not durable yet.
    unsynced_dirs: std::collections::BTreeSet<PathBuf>,
    /// Ledger lines the head file on disk covers (with what it announces).
    head_lines: u64,
    /// The head on disk announces lines (it is rewritten plain on close).
    pub(crate) head_pending: bool,
    /// The catalogue on disk is older than the ledger.
    pub(crate) index_dirty: bool,
    /// Ledger lines when the catalogue was last written.
    pub(crate) index_lines: u64,
    /// `http-cache.json`, read on first use.
    pub(crate) http_cache: RefCell<Option<BTreeMap<String, HttpCacheEntry>>>,
    pub(crate) http_cache_dirty: bool,
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
        Ok(Archive::new(root, lock_file, false))
    }

    /// A handle with nothing loaded.
    fn new(root: &Path, lock: Option<File>, writable: bool) -> Archive {
        Archive {
            root: root.to_path_buf(),
            _lock: lock,
            writable,
            entries: Vec::new(),
            last_sha: ledger::GENESIS.to_string(),
            by_year: BTreeMap::new(),
            held: Vec::new(),
            limits: ReadLimits::default(),
            names: RefCell::new(Names::default()),
            committed: 0,
            committed_sha: ledger::GENESIS.to_string(),
            staged: Vec::new(),
            grouping: false,
            unsynced_dirs: Default::default(),
            head_lines: 0,
            head_pending: false,
            index_dirty: false,
            index_lines: 0,
            http_cache: RefCell::new(None),
            http_cache_dirty: false,
        }
    }

    fn load(root: &Path, lock: Option<File>, writable: bool) -> Result<Archive> {
        let parsed = read_ledger(root)?;
        let mut a = Archive::new(root, lock, writable);
        for (e, _, sha) in parsed.lines {
            a.push_entry(e, sha);
        }
        a.committed = a.entries.len() as u64;
        a.committed_sha = a.last_sha.clone();
        a.names.get_mut().from_index = a.names_from_index();
        Ok(a)
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
        let rel = bundle::rel_path(s.school_id.as_str(), year, version, &sha);
        let path = self.root.join(&rel);
        // New folders are made durable with the bundle, by one round of
        // fsyncs after it is written rather than one before.
        let new_dirs = fsutil::create_dirs_unsynced(path.parent().expect("a bundle path has folders"))?;
        // Its name, and the new folders', are made durable by the commit,
        // with those of the rest of the group, before any line names it.
        fsutil::link_new(&path, &bytes)?;
        self.unsynced_dirs.extend(fsutil::folders_to_sync(&path, &new_dirs));
        drop(bytes);
        let entry = LedgerEntry {
            seq: self.entries.len() as u64 + 1,
            time: format_utc(s.created),
            school: s.school_id.to_string(),
            year: year.to_string(),
            version,
            bundle: rel,
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
        self.record_line(entry)?;
        Ok(Added::New { version, path, bundle_sha256: sha, supersedes })
    }

    /// Opens a group: the ledger lines of what is added from now on wait
    /// for [`Archive::commit`] (or [`Archive::flush`], or drop), which
    /// appends them all with one fsync, after making the names of the
    /// group's bundles durable (their contents are durable before each add
    /// returns). The handle answers as if their lines were there.
    pub fn begin_group(&mut self) {
        self.grouping = true;
    }

    /// Appends the lines staged since [`Archive::begin_group`] and closes the
    /// group: first the head, naming the lines on disk and announcing the
    /// staged ones (so that no line can go missing unnoticed after a crash),
    /// then the lines, in one write and one fsync.
    pub fn commit(&mut self) -> Result<()> {
        self.grouping = false;
        if self.staged.is_empty() {
            return Ok(());
        }
        let first = self.committed as usize;
        let dirs: Vec<PathBuf> = std::mem::take(&mut self.unsynced_dirs).into_iter().collect();
        let result = fsutil::sync_dirs(&dirs)
            .map(|()| fsutil::crash_point("bundle-durable"))
            .and_then(|()| self.write_head_announcing(first))
            .and_then(|()| fsutil::append_lines(&self.root.join(LEDGER), &self.staged));
        if let Err(e) = result {
            // The staged files are durable: the next open records them.
            // This handle forgets them, so that it agrees with the disk.
            self.staged.clear();
            self.forget_from(first);
            return Err(e);
        }
        self.staged.clear();
        self.committed = self.entries.len() as u64;
        self.committed_sha = self.last_sha.clone();
        self.index_dirty = true;
        let lines = self.committed;
        // Writing the catalogue costs time in proportion to the archive;
        // doing it after a fixed share of it is new keeps the cost per add
        // flat, and the file current while the archive is small.
        if (lines - self.index_lines) * crate::catalogue::INDEX_STALE_SHARE >= lines {
            self.write_index(false)?;
        }
        Ok(())
    }

    /// Records a ledger line whose file is durable: staged, and appended at
    /// once unless a group is open.
    pub(crate) fn record_line(&mut self, entry: LedgerEntry) -> Result<()> {
        self.stage_line(entry);
        if self.grouping {
            Ok(())
        } else {
            self.commit()
        }
    }

    pub(crate) fn stage_line(&mut self, entry: LedgerEntry) {
        let line = entry.to_line();
        let sha = bundle::sha256_hex(line.as_bytes());
        self.push_entry(entry, sha);
        self.staged.push(line);
    }

    /// Drops the in-memory entries from index `first` on (lines that never
    /// reached the ledger).
    fn forget_from(&mut self, first: usize) {
        self.entries.truncate(first);
        self.last_sha = self.committed_sha.clone();
        self.held.retain(|&i| i < first);
        for v in self.by_year.values_mut() {
            v.retain(|&i| i < first);
        }
        self.by_year.retain(|_, v| !v.is_empty());
        let names = self.names.get_mut();
        names.years.clear();
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
        self.commit()?;
        if self.head_lines != self.entries.len() as u64 || self.head_pending {
            self.write_head()?;
        }
        if self.index_dirty {
            self.write_index(true)?;
        }
        self.flush_http_cache()
    }

    /// Writes a plain head: the ledger as it is on disk.
    pub(crate) fn write_head(&mut self) -> Result<()> {
        let head =
            ledger::Head { lines: self.entries.len() as u64, last_sha256: self.last_sha.clone(), pending: Vec::new() };
        self.write_head_file(&head)?;
        self.head_lines = head.lines;
        self.head_pending = false;
        Ok(())
    }

    /// Writes the head that names the first `first` lines and announces the
    /// staged ones (by their files), before those are appended.
    fn write_head_announcing(&mut self, first: usize) -> Result<()> {
        let last_sha256 = self.committed_sha.clone();
        let pending = self.entries[first..].iter().map(|e| e.bundle.clone()).collect();
        self.write_head_file(&ledger::Head { lines: first as u64, last_sha256, pending })?;
        self.head_lines = self.entries.len() as u64;
        self.head_pending = true;
        Ok(())
    }

    fn write_head_file(&self, head: &ledger::Head) -> Result<()> {
        let mut b =
            serde_json::to_vec_pretty(head).map_err(|source| Error::Json { what: "the ledger head", source })?;
        b.push(b'\n');
        fsutil::write_replace(&self.root.join(HEAD), &b, "head")
    }

    pub(crate) fn info(&self, e: &LedgerEntry) -> BundleInfo {
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
    pub(crate) fn read_bundle(&self, info: &BundleInfo) -> Result<(Vec<u8>, OpenedBundle)> {
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

    /// What a bundle holds: its manifest, the original, the record and the
    /// diff. Fails if the file is not what the ledger records; entries that
    /// disagree with the manifest are named in [`BundleContents::problems`].
    pub fn contents(&self, info: &BundleInfo) -> Result<BundleContents> {
        let (_, mut opened) = self.read_bundle(info)?;
        let mut take = |name: &str| {
            let i = opened.entries.iter().position(|(n, _)| n == name)?;
            Some(opened.entries.swap_remove(i).1)
        };
        let source = take(&opened.manifest.source.entry.clone());
        let record = take(bundle::RECORD).map(|raw| serde_json::from_slice(&raw).map_err(|e| e.to_string()));
        let diff_json = take(bundle::DIFF_JSON);
        Ok(BundleContents { manifest: opened.manifest, source, record, diff_json, problems: opened.problems })
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
        let c = self.contents(&info)?;
        let bad = |reason: String| Error::BadBundle { path: info.path.clone(), reason };
        if let Some(p) = c.problems.first() {
            return Err(bad(format!("entry {} does not match the manifest", p.entry)));
        }
        let record = c.record.ok_or_else(|| bad("no sop.json".into()))?;
        let record = record.map_err(|e| bad(format!("sop.json is not a sop/1 record ({e})")))?;
        Ok(Some((info.year, record)))
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
