//! `sop verify`: re-hash everything and say what does not agree.

use sop_i18n::t;
use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::archive::{Archive, LockMode};
use crate::bundle::{self, ReadLimits};
use crate::catalogue::{catalogue_bytes, Catalogue, INDEX};
use crate::error::{Error, Result};
use crate::held;
use crate::ledger::{self, HEAD, LEDGER};
use crate::recovery::{assess, entry_paths_valid, next_version, read_ledger_unchecked};
use crate::scan::scan;

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

    let parsed = read_ledger_unchecked(root)?;
    r.ledger_lines = parsed.lines.len();
    let head = match ledger::read_head(&root.join(HEAD)) {
        Ok(h) => h,
        Err(e) => {
            r.problem(HEAD, t!("verify-exp-head"), e.to_string());
            None
        }
    };
    for (e, _, sha) in &parsed.lines {
        if entry_paths_valid(e) {
            a.push_entry(e.clone(), sha.clone());
        } else {
            r.problem(format!("{LEDGER}:{}", e.seq), t!("verify-exp-valid-line"), format!("{:?}", e.bundle));
        }
    }
    let scan = scan(root)?;
    for s in &scan.strays {
        r.problem(rel(root, s), t!("verify-exp-only-bundles"), t!("verify-found-stray"));
    }
    let assessed = assess(&a, &parsed, head.as_ref(), &scan);
    r.problems.extend(assessed.problems);
    r.notices.extend(assessed.notices);

    let mut prev_sha: Option<(String, String, u32, String)> = None; // (school, year, version, sha)
    let ordered: Vec<_> = a.by_year.values().flat_map(|v| v.iter().copied()).collect();
    for i in ordered {
        let e = a.entries[i].clone();
        let f = e.bundle.clone();
        let path = root.join(&e.bundle);
        let newest = prev_sha.as_ref().filter(|(s, y, _, _)| *s == e.school && *y == e.year);
        let (want_version, want_supersedes) = next_version(newest.map(|(_, _, v, sha)| (*v, sha.as_str())));
        prev_sha = Some((e.school.clone(), e.year.clone(), e.version, e.bundle_sha256.clone()));
        if e.version != want_version {
            r.problem(
                format!("{LEDGER}:{}", e.seq),
                t!("verify-exp-version", version = want_version, school = &e.school, year = &e.year),
                t!("verify-found-version", version = e.version),
            );
        }
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                r.problem(
                    &f,
                    t!("verify-exp-bundle-of-line", line = e.seq, sha256 = &e.bundle_sha256),
                    t!("verify-found-bundle-removed"),
                );
                continue;
            }
            Err(err) => {
                r.problem(&f, t!("verify-exp-readable-bundle"), err.to_string());
                continue;
            }
        };
        r.bundles += 1;
        let sha = bundle::sha256_hex(&bytes);
        if sha != e.bundle_sha256 {
            r.problem(
                &f,
                t!("verify-exp-sha256-of-line", sha256 = &e.bundle_sha256, line = e.seq),
                t!("verify-found-sha256", sha256 = &sha),
            );
        }
        let opened = match bundle::open_bundle(&bytes, &path, a.limits) {
            Ok(o) => o,
            Err(Error::BadBundle { reason, .. }) => {
                r.problem(&f, t!("verify-exp-valid-manifest"), reason);
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
                    t!("verify-exp-manifest-value", what = what, value = &expected, line = e.seq),
                    t!("verify-found-manifest-value", what = what, value = &found),
                );
            }
        };
        check(&t!("verify-field-school"), e.school.clone(), m.school_id.clone());
        check(&t!("verify-field-school-year"), e.year.clone(), m.school_year.clone());
        check(&t!("verify-field-version"), e.version.to_string(), m.version.to_string());
        check(&t!("verify-field-source-sha256"), e.source_sha256.clone(), m.source.sha256.clone());
        check(&t!("verify-field-time"), e.time.clone(), m.created.clone());
        let code = m.unread.as_ref().map(|u| u.code.clone());
        check(&t!("verify-field-reason-code"), e.unread.clone().unwrap_or_default(), code.unwrap_or_default());
        check(
            &t!("verify-field-assigned-from"),
            e.assigned_from.clone().unwrap_or_default(),
            m.assigned_from.clone().unwrap_or_default(),
        );
        check(
            &t!("verify-field-supersedes"),
            want_supersedes.clone().unwrap_or_else(|| t!("verify-nothing")),
            m.supersedes.clone().unwrap_or_else(|| t!("verify-nothing")),
        );
    }

    // Held documents: the info file as the ledger hashed it, the original
    // as the info file and the ledger hashed it.
    let held_lines: Vec<_> = a.held.iter().map(|&i| a.entries[i].clone()).collect();
    for e in &held_lines {
        let f = e.bundle.clone();
        r.files += 1;
        let info = match a.read_held_info(e) {
            Ok(info) => info,
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                r.problem(
                    &f,
                    t!("verify-exp-held-info", sha256 = &e.source_sha256, line = e.seq),
                    t!("verify-found-removed"),
                );
                continue;
            }
            Err(err) => {
                r.problem(&f, t!("verify-exp-info-of-line", line = e.seq), err.to_string());
                continue;
            }
        };
        if info.sha256 != e.source_sha256 || info.school_year != e.year || info.received != e.time {
            r.problem(&f, t!("verify-exp-held-values", line = e.seq), t!("verify-found-other-values"));
        }
        let Some((sha, _)) = held::parse_file_name(&info.file).filter(|(sha, _)| *sha == info.sha256) else {
            r.problem(&f, t!("verify-exp-held-name", sha256 = &info.sha256), format!("{:?}", info.file));
            continue;
        };
        let file = held::file_path(&e.year, &info.file);
        r.files += 1;
        match fs::read(root.join(&file)) {
            Ok(b) if bundle::sha256_hex(&b) == sha && b.len() as u64 == info.bytes => {}
            Ok(b) => r.problem(
                &file,
                t!("verify-exp-held-sha256", sha256 = sha, bytes = info.bytes, line = e.seq),
                t!("verify-found-sha256-bytes", sha256 = bundle::sha256_hex(&b), bytes = b.len()),
            ),
            Err(err) => r.problem(&file, t!("verify-exp-held-doc", line = e.seq), err.to_string()),
        }
    }
    if r.problems.is_empty() {
        let want = a.catalogue()?;
        let want_bytes = catalogue_bytes(&want)?;
        match fs::read(root.join(INDEX)) {
            Ok(b) if b == want_bytes => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && a.entries.is_empty() => {}
            Ok(b) if only_names_differ(&b, &want) => {
                r.notice(INDEX, t!("verify-exp-catalogue-names"), t!("verify-found-catalogue-other-name"))
            }
            _ => r.notice(INDEX, t!("verify-exp-catalogue"), t!("verify-found-catalogue-stale")),
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
        && found.held == want.held
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/")
}
