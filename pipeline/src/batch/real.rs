//! [`Real`]: the [`Stages`] of `sop run`, wired to the stage crates.
//!
//! - Extraction: the one loader of every command (`crate::load::Loader`),
//!   from the bytes the batch read or downloaded: PDFs go to child processes
//!   of this binary that serve one file after another (killed at each file's
//!   time limit, with a memory limit), text files become a layout with
//!   `Layout::from_text`, anything else fails with what it looks like (a Word
//!   file, a web page).
//! - Detection and normalisation: `sop_normalize::normalize`.
//! - Archive: `sop_archive::identify` (the sources row's id wins, else the
//!   registry), then [`super::filing`]: `Archive::add` with the diff against
//!   the newest record of the previous school year (`sop_diff`) and a
//!   Markdown diff report per new version in `<archive>/reports/`; or, for a
//!   document that was not read, `Archive::add_unread` with the reason. A
//!   document no school can be told for (not even from its folder, or from
//!   the same bytes filed before) goes to `Archive::hold`.

use sop_i18n::t;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context;
use sop_archive::{Archive, Held, HoldSubmission, HttpCacheEntry, LockMode, Registry, SchoolId};
use sop_model::{Layout, Record, Source};

use super::filing::{self, chain, Filing};
use super::stages::{Archivable, Archived, ArchivedOutcome, HeldRow, Stages};
use super::{Doc, Stage, StageError, Validators};

pub struct Real {
    loader: crate::load::Loader,
    archive: Mutex<Archive>,
    registry: Option<Registry>,
    /// Unix seconds stamped into bundles (SOURCE_DATE_EPOCH or now).
    created: i64,
}

impl Real {
    /// Opens (or creates) the archive, waiting for another run to finish.
    /// `exe` is the extraction child (this program, or a test's stand-in).
    pub fn new(exe: PathBuf, archive_root: &Path, registry: Option<Registry>, created: i64) -> anyhow::Result<Real> {
        let archive = Archive::open(archive_root, LockMode::Wait)
            .with_context(|| format!("cannot open the archive `{}`", archive_root.display()))?;
        Ok(Real { loader: crate::load::Loader::batch(exe), archive: Mutex::new(archive), registry, created })
    }

    /// Writes `<archive>/reports/<name>` atomically.
    pub fn write_report(&self, name: &str, bytes: &[u8]) -> anyhow::Result<PathBuf> {
        let mut archive = self.archive.lock().expect("archive lock");
        archive.write_report(name, bytes).with_context(|| format!("cannot write the report `{name}`"))
    }

    /// Makes the ledger head, the catalogue and the HTTP validators durable
    /// (the bundles and ledger lines already are). Called once the batch is
    /// done, so that an error here is reported instead of logged on drop.
    pub fn flush(&self) -> anyhow::Result<()> {
        let mut archive = self.archive.lock().expect("archive lock");
        archive.flush().context("cannot finish writing the archive's catalogue and ledger head")
    }

    /// The archive, for the reports written at the end of a run (`cmd::overview::after_run`).
    pub fn archive(&self) -> std::sync::MutexGuard<'_, Archive> {
        self.archive.lock().expect("archive lock")
    }

    fn school_id(school: &str) -> Option<SchoolId> {
        SchoolId::parse(school).ok()
    }
}

/// The stable code of a normalisation error.
pub fn normalize_error(e: sop_normalize::NormalizeError) -> StageError {
    use sop_normalize::NormalizeError;
    match e {
        NormalizeError::NotAnSop { .. } => StageError::new(Stage::Detect, e.to_string()).with_code("not_an_sop"),
        NormalizeError::UnrecognisedTemplate { .. } => {
            StageError::new(Stage::Detect, e.to_string()).with_code("unrecognised_template")
        }
        #[allow(unreachable_patterns)]
        other => StageError::new(Stage::Normalize, chain(&other)),
    }
}

/// The stage error of a document the loader could not read: the message
/// (with what to do) and the stable code of its kind.
pub fn load_error(e: &crate::load::LoadError) -> StageError {
    use crate::load::LoadError;
    let reason = match e {
        LoadError::Extract(x) => format!("{x}; {}", x.hint()),
        LoadError::NotText { .. } => e.to_string(),
    };
    StageError::new(Stage::Extract, reason).with_code(e.kind().code())
}

impl Real {
    /// The school of a document: the sources row's id, else (for a record)
    /// the registry or the record itself, else a registry id among the
    /// folder and file names. `Err` is why none could be told.
    fn identify(&self, item: &Archivable, warnings: &mut Vec<String>) -> Result<SchoolId, String> {
        let hint = item.input.school.as_ref().map(|s| s.id.as_str());
        let from_path = || {
            self.registry.as_ref().and_then(|r| {
                item.input.path_hints.iter().find(|h| SchoolId::parse(h).ok().is_some_and(|id| r.get(&id).is_some()))
            })
        };
        let read = item.read.is_ok();
        let found_in_path = |h: &String, warnings: &mut Vec<String>| {
            warnings.push(if read {
                t!("identify-from-path-read", school = h)
            } else {
                t!("identify-from-path-unread", school = h)
            });
            SchoolId::parse(h).map_err(|e| e.to_string())
        };
        match &item.read {
            Ok(record) => match sop_archive::identify(record, self.registry.as_ref(), hint) {
                Ok(found) => Ok(found.id),
                Err(unidentified) => match from_path() {
                    Some(h) => found_in_path(h, warnings),
                    None => Err(unidentified.reason),
                },
            },
            Err(_) => {
                if let Some(h) = hint {
                    let id = SchoolId::parse(h.trim()).map_err(|e| e.to_string())?;
                    return match &self.registry {
                        Some(r) if r.get(&id).is_none() => Err(t!("identify-id-not-in-registry", id = id.to_string())),
                        _ => Ok(id),
                    };
                }
                match from_path() {
                    Some(h) => found_in_path(h, warnings),
                    None if self.registry.is_none() => Err(t!("identify-unread-no-registry")),
                    None => Err(t!("identify-unread-no-id-in-path")),
                }
            }
        }
    }
}

impl Stages for Real {
    fn extract(&self, doc: &Doc, limits: &sop_extract::Limits) -> Result<Layout, StageError> {
        self.loader.layout(&doc.input.label, &doc.bytes, limits).map_err(|e| load_error(&e))
    }

    fn normalize(&self, layout: &Layout, source: Source) -> Result<Record, StageError> {
        sop_normalize::normalize(layout, source).map_err(normalize_error)
    }

    fn archive(&self, item: Archivable) -> Result<Archived, StageError> {
        let mut warnings = Vec::new();
        let identified = self.identify(&item, &mut warnings);
        let sha = crate::load::sha256_hex(&item.bytes);
        let mut archive = self.archive.lock().expect("archive lock");
        let id = match identified {
            Ok(id) => id,
            Err(why) => {
                // The same bytes filed before (by `sop assign`, or for a
                // school that named itself then): that school.
                let known = archive.find_source(&sha);
                match known.iter().find(|b| b.year == item.year).or(known.last()) {
                    Some(b) => {
                        warnings.push(t!(
                            "identify-same-bytes",
                            school = b.school.to_string(),
                            year = &b.year,
                            version = b.version
                        ));
                        b.school.clone()
                    }
                    None => return self.hold(&mut archive, &item, &sha, why),
                }
            }
        };
        let school_name = self
            .registry
            .as_ref()
            .and_then(|r| r.get(&id))
            .map(|e| e.name.clone())
            .or_else(|| item.read.as_ref().ok().and_then(|r| r.school.name.clone()));
        let filed = filing::file(
            &mut archive,
            Filing {
                school: &id,
                school_name: school_name.as_deref(),
                year: &item.year,
                bytes: &item.bytes,
                filename: &item.filename,
                read: item.read.as_ref(),
                text: item.text.as_deref(),
                created: self.created,
                assigned_from: None,
            },
        )?;
        Ok(Archived {
            school: id.to_string(),
            school_name,
            outcome: filed.outcome,
            template: None,
            year: None,
            changes: filed.changes,
            diff_report: filed.diff_report,
            warnings,
            unread: item.read.err(),
            held: None,
        })
    }

    fn begin_group(&self) {
        self.archive.lock().expect("archive lock").begin_group();
    }

    fn commit_group(&self) -> Result<(), StageError> {
        let mut archive = self.archive.lock().expect("archive lock");
        archive.commit().map_err(|e| StageError::new(Stage::Archive, chain(&e)))
    }

    fn known_validators(&self, school: &str, year: &str, url: &str) -> Option<Validators> {
        let id = Real::school_id(school)?;
        let archive = self.archive.lock().expect("archive lock");
        let latest = archive.latest(&id, year).ok()??;
        let entry = archive.http_cache_get(url).ok()??;
        // Only when the copy the validators describe is the one archived for this year.
        (entry.source_sha256.as_deref() == Some(latest.source_sha256.as_str()))
            .then_some(Validators { etag: entry.etag, last_modified: entry.last_modified })
            .filter(|v| !v.is_empty())
    }

    fn remember_validators(&self, _school: &str, _year: &str, url: &str, v: &Validators, sha256: &str) {
        let entry = HttpCacheEntry {
            etag: v.etag.clone(),
            last_modified: v.last_modified.clone(),
            source_sha256: Some(sha256.to_string()),
        };
        if let Err(e) = self.archive.lock().expect("archive lock").http_cache_put(url, entry) {
            // Costs a full download next time, nothing more.
            tracing::warn!("cannot remember the validators of `{url}`: {}", chain(&e));
        }
    }

    fn archived_unchanged(&self, school: &str, year: &str) -> Option<Archived> {
        let id = Real::school_id(school)?;
        let archive = self.archive.lock().expect("archive lock");
        let latest = archive.latest(&id, year).ok()??;
        let contents = archive.contents(&latest).ok();
        let record: Option<Record> = contents.as_ref().and_then(|c| c.record.clone()?.ok());
        let changes = contents
            .as_ref()
            .and_then(|c| c.diff_json.as_deref())
            .and_then(|raw| serde_json::from_slice::<sop_diff::Diff>(raw).ok())
            .map(|d| d.changes.len());
        let school_name = self
            .registry
            .as_ref()
            .and_then(|r| r.get(&id))
            .map(|e| e.name.clone())
            .or_else(|| record.as_ref().and_then(|r| r.school.name.clone()));
        Some(Archived {
            school: id.to_string(),
            school_name,
            outcome: ArchivedOutcome::Unchanged,
            template: record.as_ref().map(|r| r.template.family.clone()),
            year: record.and_then(|r| r.school_year),
            changes,
            diff_report: None,
            warnings: Vec::new(),
            // Unchanged, and still not read: say so, with the stored reason.
            unread: contents.as_ref().and_then(|c| c.manifest.unread.as_ref()).map(stage_error_of),
            held: None,
        })
    }
}

/// A stored reason back as the batch's error, for rows of unchanged
/// documents that were not read.
fn stage_error_of(u: &sop_archive::Unread) -> StageError {
    let stage = serde_json::from_value(serde_json::Value::String(u.stage.clone())).unwrap_or(Stage::Extract);
    let code = sop_extract::ErrorKind::ALL
        .iter()
        .map(|k| k.code())
        .chain(OTHER_CODES.iter().copied())
        .find(|c| *c == u.code)
        .unwrap_or("unreadable");
    StageError::new(stage, u.message.clone()).with_code(code)
}

/// The reason codes the batch writes besides those of extraction's error
/// kinds (`sop_extract::ErrorKind::code`).
const OTHER_CODES: &[&str] =
    &["internal_error", "unreadable", "not_recognised", "not_an_sop", "unrecognised_template", "normalize_failed"];

impl Real {
    /// Keeps a document no school could be told for in the holding area.
    fn hold(&self, archive: &mut Archive, item: &Archivable, sha: &str, why: String) -> Result<Archived, StageError> {
        let not_read = item.read.as_ref().err();
        let reason = match not_read {
            Some(e) => t!(
                "held-reason-unread",
                why = &why,
                code = crate::batch::report::reason_dutch(e.code),
                reason = &e.reason
            ),
            None => t!("held-reason", why = &why),
        };
        let held = archive
            .hold(HoldSubmission {
                school_year: &item.year,
                source: &item.bytes,
                source_filename: &item.filename,
                media_type: &crate::load::media_type(&item.bytes),
                origin: &item.input.label,
                reason: &sop_archive::Unread {
                    stage: "archive".into(),
                    code: "school_unknown".into(),
                    message: reason.clone(),
                },
                unread: not_read.map(StageError::to_unread).as_ref(),
                created: self.created,
                tool_version: env!("CARGO_PKG_VERSION"),
            })
            .map_err(|e| StageError::new(Stage::Archive, chain(&e)))?;
        let (new, year) = match held {
            Held::New(doc) => (true, doc.year),
            Held::Already(doc) => (false, doc.year),
            // Found above already; kept for completeness.
            Held::Filed(b) => {
                return Ok(Archived {
                    school: b.school.to_string(),
                    school_name: None,
                    outcome: ArchivedOutcome::Unchanged,
                    template: None,
                    year: None,
                    changes: None,
                    diff_report: None,
                    warnings: Vec::new(),
                    unread: item.read.as_ref().err().cloned(),
                    held: None,
                })
            }
        };
        let command = format!(
            "sop assign {} --school <id> --year {year} --archive {}",
            &sha[..12],
            shell_word(&archive.root().display().to_string())
        );
        Ok(Archived {
            school: String::new(),
            school_name: None,
            outcome: if new { ArchivedOutcome::New } else { ArchivedOutcome::Unchanged },
            template: None,
            year: None,
            changes: None,
            diff_report: None,
            warnings: Vec::new(),
            unread: None,
            held: Some(HeldRow { sha256: sha.to_string(), reason, new, command }),
        })
    }
}

/// A path as one word for a shell: quoted when it holds anything but
/// letters, digits and `/._-`.
pub fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
