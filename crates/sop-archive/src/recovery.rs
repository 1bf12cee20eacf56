//! Completing what an interrupted run left undone, and the one assessment
//! of ledger, head and folder that recovery ([`Archive::open`]) and
//! [`crate::verify`] share: what a killed writer can leave is a notice that
//! the next open repairs; anything else is a problem (loss or tampering),
//! which `verify` reports and `open` refuses.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};

use crate::archive::Archive;
use crate::bundle;
use crate::error::{io, Error, Result};
use crate::held::{self, HeldInfo};
use crate::id::{check_school_year, SchoolId};
use crate::ledger::{self, EntryKind, Head, HeadState, LedgerEntry, ParsedLedger, HEAD, LEDGER};
use crate::scan::{scan, Scan};
use crate::verify::Finding;
use sop_i18n::t;

/// What [`assess`] finds, and what the next open does about it.
#[derive(Debug, Default)]
pub(crate) struct Assessment {
    /// Loss or tampering.
    pub problems: Vec<Finding>,
    /// Traces of an interrupted run, each repaired by the next open.
    pub notices: Vec<Finding>,
    /// Head and ledger are what a writer leaves, killed or not.
    pub interrupted: bool,
    /// Where a torn last ledger line starts, to cut it there.
    pub cut_at: Option<u64>,
    /// Temp files, and held originals a killed run left without info file.
    pub remove: Vec<PathBuf>,
    /// The ledger lines of bundles and held documents a killed run made
    /// durable but did not record, in the order to append them.
    pub record: Vec<LedgerEntry>,
}

impl Assessment {
    fn problem(&mut self, file: impl Into<String>, expected: impl Into<String>, found: impl Into<String>) {
        self.problems.push(Finding { file: file.into(), expected: expected.into(), found: found.into() });
    }
    fn notice(&mut self, file: impl Into<String>, expected: impl Into<String>, found: impl Into<String>) {
        self.notices.push(Finding { file: file.into(), expected: expected.into(), found: found.into() });
    }
}

/// Judges the ledger (as parsed), its head and what lies in the folder.
/// `a` holds the ledger's valid lines.
pub(crate) fn assess(a: &Archive, parsed: &ParsedLedger, head: Option<&Head>, scan: &Scan) -> Assessment {
    let mut r = Assessment::default();
    for (line, why) in &parsed.breaks {
        r.problem(format!("{LEDGER}:{line}"), t!("verify-exp-chain"), why.clone());
    }
    let state = ledger::head_state(parsed, head);
    let behind = ledger::lag(parsed, head);
    // What a killed writer leaves: the head behind by lines it announced
    // (or, for archives of older writers, by at most HEAD_MAX_LAG).
    r.interrupted = match &state {
        HeadState::Agrees => true,
        HeadState::Behind => ledger::lag_is_interrupted_run(parsed, head, behind),
        HeadState::Disagrees(_) => false,
    };
    match &state {
        HeadState::Agrees => {}
        HeadState::Behind if r.interrupted => r.notice(
            HEAD,
            t!("verify-exp-lines", n = parsed.lines.len()),
            t!("verify-found-head-behind-interrupted", n = behind),
        ),
        HeadState::Behind => r.problem(
            HEAD,
            t!("verify-exp-lines", n = parsed.lines.len()),
            t!(
                "verify-found-head-behind",
                n = parsed.lines.len() as u64 - behind,
                missing = if head.is_none() { "yes" } else { "no" }
            ),
        ),
        HeadState::Disagrees(why) => r.problem(LEDGER, t!("verify-exp-head-lines"), why.clone()),
    }
    if let Some(tail) = &parsed.torn_tail {
        let f = format!("{LEDGER}:{}", parsed.lines.len() + 1);
        if r.interrupted {
            r.notice(f, t!("verify-exp-complete-line"), t!("verify-found-torn-interrupted", bytes = tail.len()));
            r.cut_at = Some(parsed.complete_len);
        } else {
            r.problem(f, t!("verify-exp-complete-line"), t!("verify-found-torn", bytes = tail.len()));
        }
    }
    for t in &scan.temps {
        r.notice(rel(&a.root, t), t!("verify-exp-no-temp"), t!("verify-found-temp"));
        r.remove.push(t.clone());
    }

    // A held original whose info file was never written: the run was
    // killed in between, before any ledger line; the document is still
    // where it came from, and holding it again writes both.
    let held_known: BTreeSet<&str> =
        a.entries.iter().filter(|e| e.kind == EntryKind::Held).map(|e| e.bundle.as_str()).collect();
    let infos: BTreeSet<&str> = scan.held_infos.iter().map(|(rel, _)| rel.as_str()).collect();
    for (rel, path) in &scan.held_files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let Some((sha, _)) = held::parse_file_name(name) else { continue };
        let year = rel.split('/').nth(1).unwrap_or_default();
        let info = held::info_path(year, sha);
        if !infos.contains(info.as_str()) && !held_known.contains(info.as_str()) {
            r.notice(rel.clone(), t!("verify-exp-info-beside"), t!("verify-found-no-info-interrupted"));
            r.remove.push(path.clone());
        }
    }

    // Files made durable but not recorded: what a run killed between a
    // bundle (or held document) and its ledger line leaves, recorded by the
    // next open if each is exactly what the ledger lacks.
    let recordable = r.interrupted && parsed.breaks.is_empty();
    let mut tip = Tip::of(a);
    for (rel, path) in scan.held_infos.iter().filter(|(rel, _)| !held_known.contains(rel.as_str())) {
        let next = if recordable { tip.held_entry(a, rel, path) } else { Err(t!("verify-damaged-ledger")) };
        match next {
            Ok(e) => {
                r.notice(rel.clone(), t!("verify-exp-line-for-held"), t!("verify-found-no-line-interrupted"));
                r.record.push(e);
            }
            Err(why) => r.problem(rel.clone(), t!("verify-exp-line-for-held"), t!("verify-found-none-and", why = &why)),
        }
    }
    // The head names the files of a group commit before their lines are
    // appended: those not in the ledger must be there, and are recorded in
    // that order (the order of the run's input).
    let announced: &[String] = match head {
        Some(h) if r.interrupted && parsed.lines.len() as u64 >= h.lines => {
            let appended = (parsed.lines.len() as u64 - h.lines) as usize;
            h.pending.get(appended..).unwrap_or_default()
        }
        _ => &[],
    };
    let known: BTreeSet<&str> = a.entries.iter().map(|e| e.bundle.as_str()).collect();
    let on_disk: BTreeMap<&str, &PathBuf> = scan
        .bundles
        .iter()
        .chain(&scan.held_infos)
        .filter(|(rel, _)| !known.contains(rel.as_str()))
        .map(|(rel, p)| (rel.as_str(), p))
        .collect();
    let mut orphans: Vec<(&str, &PathBuf)> = Vec::new();
    for rel in announced {
        match on_disk.get(rel.as_str()) {
            Some(p) if !rel.starts_with(held::HELD_DIR) => orphans.push((rel.as_str(), p)),
            Some(_) => {}
            None => {
                r.problem(rel.clone(), t!("verify-exp-announced", head = HEAD), t!("verify-found-announced-removed"))
            }
        }
    }
    let mut rest: Vec<(&str, &PathBuf)> = scan
        .bundles
        .iter()
        .filter(|(rel, _)| !known.contains(rel.as_str()) && !announced.contains(rel))
        .map(|(rel, p)| (rel.as_str(), p))
        .collect();
    rest.sort();
    orphans.extend(rest);
    for (rel, path) in orphans {
        let next = if recordable { tip.bundle_entry(rel, path, a.limits) } else { Err(t!("verify-damaged-ledger")) };
        match next {
            Ok(e) => {
                r.notice(rel, t!("verify-exp-line-for-bundle"), t!("verify-found-no-line-bundle-interrupted"));
                r.record.push(e);
            }
            Err(why) => r.problem(rel, t!("verify-exp-line-for-bundle"), t!("verify-found-none-and", why = &why)),
        }
    }
    r
}

/// The version and `supersedes` the next bundle of a school and year must
/// have, after the newest one (its version and bundle sha256), if any.
pub(crate) fn next_version(newest: Option<(u32, &str)>) -> (u32, Option<String>) {
    newest.map_or((1, None), |(v, sha)| (v + 1, Some(sha.to_string())))
}

/// The end of the ledger as the lines planned so far leave it: where an
/// unrecorded file's line would go.
struct Tip {
    seq: u64,
    last_sha: String,
    /// (school, year) -> (newest version, its bundle sha256).
    latest: BTreeMap<(String, String), (u32, String)>,
    held: BTreeSet<String>,
}

impl Tip {
    fn of(a: &Archive) -> Tip {
        let latest = a
            .by_year
            .iter()
            .filter_map(|(k, v)| {
                v.last().map(|&i| (k.clone(), (a.entries[i].version, a.entries[i].bundle_sha256.clone())))
            })
            .collect();
        let held = a.held.iter().map(|&i| a.entries[i].source_sha256.clone()).collect();
        Tip { seq: a.entries.len() as u64 + 1, last_sha: a.last_sha.clone(), latest, held }
    }

    fn advance(&mut self, e: &LedgerEntry) {
        self.seq += 1;
        self.last_sha = bundle::sha256_hex(e.to_line().as_bytes());
        match e.kind {
            EntryKind::Bundle => {
                self.latest.insert((e.school.clone(), e.year.clone()), (e.version, e.bundle_sha256.clone()));
            }
            EntryKind::Held => {
                self.held.insert(e.source_sha256.clone());
            }
        }
    }

    /// The ledger line for a bundle that a run made durable and was killed
    /// before recording: only accepted if it is exactly the next version of
    /// its school and year and intact.
    fn bundle_entry(
        &mut self,
        rel: &str,
        path: &Path,
        limits: bundle::ReadLimits,
    ) -> std::result::Result<LedgerEntry, String> {
        let bytes = fs::read(path).map_err(|e| t!("recover-unreadable", detail = e.to_string()))?;
        let sha = bundle::sha256_hex(&bytes);
        let opened = bundle::open_bundle(&bytes, path, limits).map_err(|e| e.to_string())?;
        if let Some(p) = opened.problems.first() {
            return Err(t!("recover-entry-mismatch", entry = &p.entry));
        }
        let m = &opened.manifest;
        let expected_rel = bundle::rel_path(&m.school_id, &m.school_year, m.version, &sha);
        if expected_rel != rel {
            return Err(t!("recover-wrong-place-expected", expected = &expected_rel));
        }
        let prev = self.latest.get(&(m.school_id.clone(), m.school_year.clone()));
        let (want_version, want_supersedes) = next_version(prev.map(|(v, sha)| (*v, sha.as_str())));
        if m.version != want_version || m.supersedes != want_supersedes {
            return Err(t!("recover-not-next-version", version = want_version));
        }
        let e = LedgerEntry {
            seq: self.seq,
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
        };
        self.advance(&e);
        Ok(e)
    }

    /// The ledger line for a held document whose info file and original a
    /// run made durable and was killed before recording: accepted if the
    /// info file is valid, names this place and its original matches.
    fn held_entry(&mut self, a: &Archive, rel: &str, path: &Path) -> std::result::Result<LedgerEntry, String> {
        let bytes = fs::read(path).map_err(|e| t!("recover-unreadable", detail = e.to_string()))?;
        let info: HeldInfo =
            serde_json::from_slice(&bytes).map_err(|e| t!("recover-not-held-info", detail = e.to_string()))?;
        if rel != held::info_path(&info.school_year, &info.sha256) || check_school_year(&info.school_year).is_err() {
            return Err(t!("recover-wrong-place"));
        }
        if held::parse_file_name(&info.file).is_none_or(|(sha, _)| sha != info.sha256) {
            return Err(t!("recover-unexpected-file", file = &info.file));
        }
        let original = a.root.join(held::file_path(&info.school_year, &info.file));
        let source = fs::read(&original).map_err(|e| t!("recover-original-unreadable", detail = e.to_string()))?;
        if bundle::sha256_hex(&source) != info.sha256 {
            return Err(t!("recover-original-mismatch"));
        }
        if self.held.contains(&info.sha256) {
            return Err(t!("recover-held-already"));
        }
        let e = LedgerEntry {
            seq: self.seq,
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
        };
        self.advance(&e);
        Ok(e)
    }
}

impl Archive {
    /// Completes an interrupted run; see [`Archive::open`].
    pub(crate) fn recover(&mut self) -> Result<()> {
        let root = self.root.clone();
        let damaged = |f: &Finding| Error::Damaged {
            root: root.clone(),
            summary: t!("recover-damage-summary", file = &f.file, expected = &f.expected, found = &f.found),
        };
        let scan = scan(&self.root)?;
        let parsed = read_ledger(&self.root)?;
        let head = ledger::read_head(&self.root.join(HEAD))?;
        let plan = assess(self, &parsed, head.as_ref(), &scan);
        if let Some(f) = plan.problems.first() {
            return Err(damaged(f));
        }
        for e in &self.entries {
            if !self.root.join(&e.bundle).is_file() {
                return Err(Error::Damaged {
                    root: root.clone(),
                    summary: t!("recover-bundle-missing", bundle = &e.bundle, line = e.seq),
                });
            }
        }
        for path in &plan.remove {
            tracing::info!("removing `{}` left by an interrupted run", path.display());
            fs::remove_file(path).map_err(io("remove", path))?;
        }
        if let Some(len) = plan.cut_at {
            tracing::warn!(
                "cutting a ledger line cut short by an interrupted run ({} bytes); its bundle is recorded again",
                parsed.torn_tail.as_ref().map_or(0, String::len)
            );
            let path = self.root.join(LEDGER);
            let f = OpenOptions::new().write(true).open(&path).map_err(io("open", &path))?;
            f.set_len(len).map_err(io("truncate", &path))?;
            f.sync_all().map_err(io("fsync", &path))?;
        }
        for e in plan.record {
            tracing::warn!(
                "recording `{}`, which an interrupted run made durable but did not enter in the ledger",
                e.bundle
            );
            self.stage_line(e);
        }
        self.commit()?;
        // Also on a new archive: from now on a missing head is damage.
        let head_now =
            Head { lines: self.entries.len() as u64, last_sha256: self.last_sha.clone(), pending: Vec::new() };
        if head.as_ref() != Some(&head_now) || self.head_pending {
            self.write_head()?;
        }
        self.write_index(true)
    }
}

/// The ledger as it is, every line parsed (none checked).
pub(crate) fn read_ledger_unchecked(root: &Path) -> Result<ParsedLedger> {
    let path = root.join(LEDGER);
    match fs::read(&path) {
        Ok(b) => Ok(ledger::parse(&b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ParsedLedger::default()),
        Err(e) => Err(io("read", &path)(e)),
    }
}

/// The ledger, refused if a line names a school, year or file that is not valid.
pub(crate) fn read_ledger(root: &Path) -> Result<ParsedLedger> {
    let path = root.join(LEDGER);
    let parsed = read_ledger_unchecked(root)?;
    for (e, _, _) in &parsed.lines {
        // Ledger text names folders: it must pass the same checks as input.
        if !entry_paths_valid(e) {
            return Err(Error::BadLedger { path, line: e.seq as usize, reason: t!("verify-exp-valid-line") });
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
                && e.bundle == bundle::rel_path(&e.school, &e.year, e.version, &e.bundle_sha256)
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

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/")
}
