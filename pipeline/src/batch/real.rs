//! [`Real`]: the [`Stages`] of `sop run`, wired to the stage crates.
//!
//! - Extraction: PDFs go through a `sop_extract::Extractor` (child processes
//!   of this binary that serve one file after another, killed at each file's
//!   time limit, with a memory limit);
//!   a fetched PDF is written to a temporary file first. Text files become a
//!   layout with `Layout::from_text`; anything else fails with what it looks
//!   like (a Word file, a web page).
//! - Detection and normalisation: `sop_normalize::normalize`.
//! - Archive: `sop_archive::identify` (the sources row's id wins, else the
//!   registry), `Archive::add` with the diff against the newest record of the
//!   previous school year (`sop_diff`), and a Markdown diff report per new
//!   version in `<archive>/reports/`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context;
use sop_archive::{Added, Archive, HttpCacheEntry, LockMode, Registry, SchoolId, Submission};
use sop_model::{Layout, Record, Source};

use super::stages::{Archivable, Archived, ArchivedOutcome, Stages};
use super::{Doc, InputKind, Stage, StageError, Validators};

pub struct Real {
    extractor: sop_extract::Extractor,
    limits: sop_extract::Limits,
    archive: Mutex<Archive>,
    registry: Option<Registry>,
    /// Fetched PDFs on their way to the extraction child.
    scratch: tempfile::TempDir,
    counter: AtomicU64,
    /// Unix seconds stamped into bundles (SOURCE_DATE_EPOCH or now).
    created: i64,
}

impl Real {
    /// Opens (or creates) the archive, waiting for another run to finish.
    pub fn new(
        exe: PathBuf,
        limits: sop_extract::Limits,
        archive_root: &Path,
        registry: Option<Registry>,
        created: i64,
    ) -> anyhow::Result<Real> {
        let archive = Archive::open(archive_root, LockMode::Wait)
            .with_context(|| format!("cannot open the archive `{}`", archive_root.display()))?;
        let scratch =
            tempfile::Builder::new().prefix("sop-run-").tempdir().context("cannot create a temporary folder")?;
        // Workers that serve many files, when the child is this program; a
        // stand-in child program (`--extract-child-exe`) may only speak the
        // one-file protocol.
        let this = std::env::current_exe().ok();
        let extractor = if this.is_some_and(|this| this == exe) {
            sop_extract::Extractor::new(exe)
        } else {
            sop_extract::Extractor::one_per_file(exe)
        };
        Ok(Real {
            extractor,
            limits,
            archive: Mutex::new(archive),
            registry,
            scratch,
            counter: AtomicU64::new(0),
            created,
        })
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

/// The number of changes in the diff a bundle holds (against the year before).
fn stored_changes(archive: &Archive, info: &sop_archive::BundleInfo) -> Option<usize> {
    let (_, opened) = archive.read_bundle(info).ok()?;
    let raw = opened.entry(sop_archive::bundle::DIFF_JSON)?;
    serde_json::from_slice::<sop_diff::Diff>(raw).ok().map(|d| d.changes.len())
}

/// An error with its causes, on one line.
fn chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        let s = c.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        cause = c.source();
    }
    out
}

impl Stages for Real {
    fn extract(&self, doc: &Doc, timeout: Duration) -> Result<Layout, StageError> {
        let err = |e: sop_extract::ExtractError| StageError::new(Stage::Extract, format!("{e}; {}", e.hint()));
        if !doc.is_pdf() {
            return match sop_extract::sniff_not_pdf(&doc.bytes) {
                // A file of plain text is text someone extracted already.
                Some("something else (no PDF header)") => match std::str::from_utf8(&doc.bytes) {
                    Ok(text) if !text.contains('\0') => Ok(Layout::from_text(text)),
                    _ => Err(StageError::new(
                        Stage::Extract,
                        format!("`{}` is neither a PDF nor a text file; ask the school for the PDF", doc.filename),
                    )),
                },
                found => Err(err(sop_extract::ExtractError::NotPdf {
                    path: doc.input.label.clone(),
                    found: found.unwrap_or("unknown").into(),
                })),
            };
        }
        let limits = sop_extract::Limits { timeout, ..self.limits.clone() };
        match &doc.input.kind {
            InputKind::File(path) => self.extractor.extract(path, &limits).map_err(err),
            InputKind::Url(_) => {
                let n = self.counter.fetch_add(1, Ordering::Relaxed);
                let path = self.scratch.path().join(format!("{n}.pdf"));
                std::fs::write(&path, &doc.bytes).map_err(|e| {
                    StageError::new(
                        Stage::Extract,
                        format!("cannot write a temporary copy of `{}`: {e}", doc.input.label),
                    )
                })?;
                let result = self.extractor.extract(&path, &limits);
                let _ = std::fs::remove_file(&path);
                result.map_err(|e| {
                    // The temporary name means nothing to the user; the URL does.
                    let e = err(e);
                    StageError { reason: e.reason.replace(&path.display().to_string(), &doc.input.label), ..e }
                })
            }
        }
    }

    fn normalize(&self, layout: &Layout, source: Source) -> Result<Record, StageError> {
        use sop_normalize::NormalizeError;
        sop_normalize::normalize(layout, source).map_err(|e| match e {
            NormalizeError::NotAnSop { .. } | NormalizeError::UnrecognisedTemplate { .. } => {
                StageError::new(Stage::Detect, e.to_string())
            }
            #[allow(unreachable_patterns)]
            other => StageError::new(Stage::Normalize, chain(&other)),
        })
    }

    fn archive(&self, item: Archivable) -> Result<Archived, StageError> {
        let fail = |stage, e: &dyn std::error::Error| StageError::new(stage, chain(e));
        let hint = item.input.school.as_ref().map(|s| s.id.as_str());
        let mut warnings = Vec::new();
        let identified = match sop_archive::identify(&item.record, self.registry.as_ref(), hint) {
            Ok(found) => found,
            Err(unidentified) => {
                // The document does not say; the folder it was sorted into may.
                let from_path = self.registry.as_ref().and_then(|r| {
                    item.input
                        .path_hints
                        .iter()
                        .find(|h| SchoolId::parse(h).ok().is_some_and(|id| r.get(&id).is_some()))
                });
                match from_path {
                    Some(h) => {
                        warnings.push(format!("het document noemt geen herkenbare school; de school is `{h}` volgens de map- of bestandsnaam"));
                        sop_archive::identify(&item.record, self.registry.as_ref(), Some(h)).map_err(|u| StageError::new(Stage::Archive, u.reason))?
                    }
                    None => {
                        return Err(StageError::new(
                            Stage::Archive,
                            format!(
                                "cannot tell which school this is ({}); put the file in a folder named after the school's id in the registry, e.g. `inbox/<id>/`",
                                unidentified.reason
                            ),
                        ))
                    }
                }
            }
        };
        let id = identified.id;
        let school_name = self
            .registry
            .as_ref()
            .and_then(|r| r.get(&id))
            .map(|e| e.name.clone())
            .or_else(|| item.record.school.name.clone());
        let mut archive = self.archive.lock().expect("archive lock");
        let latest = archive.latest(&id, &item.year).map_err(|e| fail(Stage::Archive, &e))?;
        let archived = |outcome, changes, diff_report| Archived {
            school: id.to_string(),
            school_name: school_name.clone(),
            outcome,
            template: None,
            year: None,
            changes,
            diff_report,
            warnings: warnings.clone(),
        };
        if let Some(l) = latest.as_ref().filter(|l| l.source_sha256 == item.record.source.sha256) {
            return Ok(archived(ArchivedOutcome::Unchanged, stored_changes(&archive, l), None));
        }
        let previous = archive.previous_record(&id, &item.year).map_err(|e| fail(Stage::Diff, &e))?;
        let diff = previous.as_ref().map(|(_, old)| sop_diff::diff(old, &item.record));
        let diff_json = diff.as_ref().map(|d| {
            let mut b = serde_json::to_vec_pretty(d).expect("a diff serialises");
            b.push(b'\n');
            b
        });
        let diff_md = diff.as_ref().map(sop_diff::render_markdown);
        let added = archive
            .add(Submission {
                school_id: &id,
                school_year: &item.year,
                source: &item.bytes,
                source_filename: &item.filename,
                media_type: &item.record.source.media_type,
                extracted_text: &item.text,
                record: &item.record,
                diff_json: diff_json.as_deref(),
                diff_md: diff_md.as_deref(),
                created: self.created,
                tool_version: env!("CARGO_PKG_VERSION"),
            })
            .map_err(|e| fail(Stage::Archive, &e))?;
        let changes = diff.as_ref().map(|d| d.changes.len());
        match added {
            Added::Unchanged { .. } => Ok(archived(ArchivedOutcome::Unchanged, None, None)),
            Added::New { version, .. } => {
                let outcome = if latest.is_some() { ArchivedOutcome::NewVersion } else { ArchivedOutcome::New };
                let report = match &diff_md {
                    Some(md) => Some(
                        archive
                            .write_report(&format!("diff-{id}-{}-v{version:04}.md", item.year), md.as_bytes())
                            .map_err(|e| fail(Stage::Diff, &e))?,
                    ),
                    None => None,
                };
                Ok(archived(outcome, changes, report))
            }
        }
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
        let opened = archive.read_bundle(&latest).ok().map(|(_, opened)| opened);
        let record: Option<Record> = opened
            .as_ref()
            .and_then(|o| o.entry(sop_archive::bundle::RECORD))
            .and_then(|raw| serde_json::from_slice(raw).ok());
        let changes = opened
            .as_ref()
            .and_then(|o| o.entry(sop_archive::bundle::DIFF_JSON))
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
        })
    }
}
