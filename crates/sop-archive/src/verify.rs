//! `sop verify`: re-hash everything and say what does not agree.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::archive::{self, catalogue_bytes, Archive, Catalogue, LockMode, INDEX};
use crate::bundle::{self, ReadLimits};
use crate::error::{io, Error, Result};
use crate::id::{check_school_year, SchoolId};
use crate::ledger::{self, HeadState, HEAD, LEDGER};

/// One finding: which file, what should have been there, what was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Root-relative path; `bundle.zip!entry` for an entry inside a bundle,
    /// `ledger.jsonl:3` for a ledger line.
    pub file: String,
    pub expected: String,
    pub found: String,
}

/// The result of [`verify`]. `problems` are loss or tampering (exit 1);
/// `notices` are traces of an interrupted run that the next run completes.
#[derive(Debug, Default, Serialize)]
pub struct VerifyReport {
    pub problems: Vec<Finding>,
    pub notices: Vec<Finding>,
    pub bundles: usize,
    pub files: usize,
    pub ledger_lines: usize,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
    fn problem(&mut self, file: impl Into<String>, expected: impl Into<String>, found: impl Into<String>) {
        self.problems.push(Finding { file: file.into(), expected: expected.into(), found: found.into() });
    }
    fn notice(&mut self, file: impl Into<String>, expected: impl Into<String>, found: impl Into<String>) {
        self.notices.push(Finding { file: file.into(), expected: expected.into(), found: found.into() });
    }
}

/// Checks every bundle against the ledger and its own manifest (every entry
/// re-hashed), the ledger's hash chain and head, and that ledger and bundle
/// files agree both ways. Reads only; takes the shared lock so a running
/// writer is waited for (`Wait`) or reported (`Fail`).
pub fn verify(root: &Path, lock: LockMode) -> Result<VerifyReport> {
    verify_with_limits(root, lock, ReadLimits::default())
}

pub fn verify_with_limits(root: &Path, lock: LockMode, limits: ReadLimits) -> Result<VerifyReport> {
    let mut a = Archive::open_empty(root, lock)?;
    a.set_read_limits(limits);
    let mut r = VerifyReport::default();

    let ledger_path = root.join(LEDGER);
    let bytes = match fs::read(&ledger_path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(io("read", &ledger_path)(e)),
    };
    let parsed = ledger::parse(&bytes);
    r.ledger_lines = parsed.lines.len();
    for (line, why) in &parsed.breaks {
        r.problem(format!("{LEDGER}:{line}"), "an unbroken chain of ledger lines", why.clone());
    }
    let head = match ledger::read_head(&root.join(HEAD)) {
        Ok(h) => h,
        Err(e) => {
            r.problem(HEAD, "a ledger head", e.to_string());
            None
        }
    };
    let state = ledger::head_state(&parsed, head.as_ref());
    let behind = ledger::lag(&parsed, head.as_ref());
    // What a killed writer leaves: the head at most HEAD_MAX_LAG appends
    // behind (it is rewritten that often and on close).
    let interrupted = match &state {
        HeadState::Agrees => true,
        HeadState::Behind => ledger::lag_is_interrupted_run(head.as_ref(), behind),
        HeadState::Disagrees(_) => false,
    };
    match &state {
        HeadState::Agrees => {}
        HeadState::Behind if interrupted => r.notice(
            HEAD,
            format!("{} ledger lines", parsed.lines.len()),
            format!(
                "{behind} line{} fewer: a run stopped before updating the head after its last bundles; the next run updates it",
                if behind == 1 { "" } else { "s" }
            ),
        ),
        HeadState::Behind => r.problem(
            HEAD,
            format!("{} ledger lines", parsed.lines.len()),
            format!("{} lines{}", parsed.lines.len() as u64 - behind, if head.is_none() { " (head file missing)" } else { "" }),
        ),
        HeadState::Disagrees(why) => r.problem(LEDGER, "the lines the ledger head records", why.clone()),
    }
    if let Some(tail) = &parsed.torn_tail {
        let f = format!("{LEDGER}:{}", parsed.lines.len() + 1);
        if interrupted {
            r.notice(
                f,
                "a complete line",
                format!(
                    "{} bytes without a line end: a run stopped while recording; the next run records the bundle again",
                    tail.len()
                ),
            );
        } else {
            r.problem(f, "a complete line", format!("{} bytes without a line end", tail.len()));
        }
    }

    for (e, _, sha) in &parsed.lines {
        let valid = SchoolId::parse(&e.school).is_ok()
            && check_school_year(&e.year).is_ok()
            && e.bundle_sha256.len() == 64
            && e.bundle == format!("{}/{}/{}", e.school, e.year, bundle::file_name(e.version, &e.bundle_sha256));
        if valid {
            a.push_entry(e.clone(), sha.clone());
        } else {
            r.problem(
                format!("{LEDGER}:{}", e.seq),
                "a valid school id, school year and bundle path",
                format!("{:?}", e.bundle),
            );
        }
    }

    let scan = archive::scan(root)?;
    for t in &scan.temps {
        r.notice(rel(root, t), "no temp files", "a temp file of an interrupted run; the next run removes it");
    }
    for s in &scan.strays {
        r.problem(
            rel(root, s),
            "only bundles named v<version>-<sha256 prefix>.zip in <school>/<school-year>/",
            "an unexpected file or folder",
        );
    }

    let mut prev_sha: Option<(String, String, u32, String)> = None; // (school, year, version, sha)
    let ordered: Vec<_> = a.by_year.values().flat_map(|v| v.iter().copied()).collect();
    for i in ordered {
        let e = a.entries[i].clone();
        let f = e.bundle.clone();
        let path = root.join(&e.bundle);
        let (want_version, want_supersedes) = match &prev_sha {
            Some((s, y, v, sha)) if *s == e.school && *y == e.year => (v + 1, Some(sha.clone())),
            _ => (1, None),
        };
        prev_sha = Some((e.school.clone(), e.year.clone(), e.version, e.bundle_sha256.clone()));
        if e.version != want_version {
            r.problem(
                format!("{LEDGER}:{}", e.seq),
                format!("version {want_version} of {} {}", e.school, e.year),
                format!("version {}", e.version),
            );
        }
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                r.problem(
                    &f,
                    format!("the bundle of ledger line {} (sha256 {})", e.seq, e.bundle_sha256),
                    "no such file: the bundle was removed",
                );
                continue;
            }
            Err(err) => {
                r.problem(&f, "a readable bundle", err.to_string());
                continue;
            }
        };
        r.bundles += 1;
        let sha = bundle::sha256_hex(&bytes);
        if sha != e.bundle_sha256 {
            r.problem(&f, format!("sha256 {} (ledger line {})", e.bundle_sha256, e.seq), format!("sha256 {sha}"));
        }
        let opened = match bundle::open_bundle(&bytes, &path, a.limits) {
            Ok(o) => o,
            Err(Error::BadBundle { reason, .. }) => {
                r.problem(&f, "a bundle with a valid manifest", reason);
                continue;
            }
            Err(err) => return Err(err),
        };
        r.files += opened.entries.len();
        for p in &opened.problems {
            r.problem(format!("{f}!{}", p.entry), p.expected.clone(), p.found.clone());
        }
        let m = &opened.manifest;
        let mut check = |what: &str, expected: String, found: String| {
            if expected != found {
                r.problem(
                    format!("{f}!{}", bundle::MANIFEST),
                    format!("{what} {expected} (ledger line {})", e.seq),
                    format!("{what} {found}"),
                );
            }
        };
        check("school", e.school.clone(), m.school_id.clone());
        check("school year", e.year.clone(), m.school_year.clone());
        check("version", e.version.to_string(), m.version.to_string());
        check("source sha256", e.source_sha256.clone(), m.source.sha256.clone());
        check("time", e.time.clone(), m.created.clone());
        check(
            "supersedes",
            want_supersedes.clone().unwrap_or_else(|| "nothing".into()),
            m.supersedes.clone().unwrap_or_else(|| "nothing".into()),
        );
    }

    let known: BTreeSet<&str> = a.entries.iter().map(|e| e.bundle.as_str()).collect();
    let orphans: Vec<_> = scan.bundles.iter().filter(|(rel, _)| !known.contains(rel.as_str())).collect();
    for (rel, path) in &orphans {
        let next = if orphans.len() == 1 && interrupted && parsed.breaks.is_empty() {
            a.orphan_entry(rel, path)
        } else {
            Err("more than one bundle is missing from the ledger, or the ledger is damaged".into())
        };
        match next {
            Ok(_) => r.notice(
                rel.clone(),
                "a ledger line for this bundle",
                "none yet: a run stopped between saving the bundle and recording it; the next run records it",
            ),
            Err(why) => r.problem(rel.clone(), "a ledger line for this bundle", format!("none, and {why}")),
        }
    }

    if r.problems.is_empty() {
        let want = a.catalogue()?;
        let want_bytes = catalogue_bytes(&want)?;
        match fs::read(root.join(INDEX)) {
            Ok(b) if b == want_bytes => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && a.entries.is_empty() => {}
            Ok(b) if only_names_differ(&b, &want) => r.notice(
                INDEX,
                "the school names in the newest bundles",
                "another name for a school; delete index.json and the next run rebuilds it from the bundles",
            ),
            _ => r.notice(
                INDEX,
                "the catalogue as the ledger gives it",
                "out of date or missing; the next run rebuilds it",
            ),
        }
    }
    Ok(r)
}

/// A catalogue file that agrees with the ledger in everything but school
/// names: a writer trusts such a file's names (it reads no bundle for them),
/// so only deleting it brings the names back from the bundles.
fn only_names_differ(file: &[u8], want: &Catalogue) -> bool {
    let Ok(found) = serde_json::from_slice::<Catalogue>(file) else { return false };
    found.format == want.format
        && found.schools.len() == want.schools.len()
        && found.schools.iter().zip(&want.schools).all(|(f, w)| f.id == w.id && f.years == w.years)
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/")
}
