//! Filing one document under a school and school year: read (the record and
//! the diff against the school's newest record of an earlier year) or not
//! read (the original and the reason). The one place that does it, for
//! `sop run`, `sop assign` and `sop reprocess`.

use std::path::PathBuf;

use sop_archive::{Added, Archive, SchoolId, Submission, UnreadSubmission};
use sop_model::Record;

use super::stages::ArchivedOutcome;
use super::{Stage, StageError};

/// One document to file.
pub struct Filing<'a> {
    pub school: &'a SchoolId,
    /// For the catalogue when there is no record (from the registry).
    pub school_name: Option<&'a str>,
    pub year: &'a str,
    pub bytes: &'a [u8],
    pub filename: &'a str,
    /// The record, or why the document could not be read.
    pub read: Result<&'a Record, &'a StageError>,
    pub text: Option<&'a str>,
    /// Unix seconds stamped into the bundle.
    pub created: i64,
    /// `sop assign`: the held info file the document comes from.
    pub assigned_from: Option<&'a str>,
}

/// What filing did.
#[derive(Debug, Clone)]
pub struct Filed {
    pub outcome: ArchivedOutcome,
    pub version: u32,
    pub path: PathBuf,
    /// Changes against the previous school year's record, when there is one.
    pub changes: Option<usize>,
    /// The Markdown diff report written into `reports/`.
    pub diff_report: Option<PathBuf>,
}

/// An error with its causes, on one line.
pub fn chain(err: &dyn std::error::Error) -> String {
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

/// The number of changes in the diff a bundle holds (against the year before).
pub fn stored_changes(archive: &Archive, info: &sop_archive::BundleInfo) -> Option<usize> {
    let raw = archive.contents(info).ok()?.diff_json?;
    serde_json::from_slice::<sop_diff::Diff>(&raw).ok().map(|d| d.changes.len())
}

/// Files `f` in `archive`. The same bytes as the newest version add nothing,
/// unless that version was not read and this one was.
pub fn file(archive: &mut Archive, f: Filing<'_>) -> Result<Filed, StageError> {
    let fail = |stage, e: &dyn std::error::Error| StageError::new(stage, chain(e));
    let latest = archive.latest(f.school, f.year).map_err(|e| fail(Stage::Archive, &e))?;
    let outcome_of = |added: &Added| match added {
        Added::Unchanged { .. } => ArchivedOutcome::Unchanged,
        Added::New { .. } if latest.is_some() => ArchivedOutcome::NewVersion,
        Added::New { .. } => ArchivedOutcome::New,
    };
    let record = match f.read {
        Ok(record) => record,
        Err(why) => {
            let reason = why.to_unread();
            let added = archive
                .add_unread(UnreadSubmission {
                    school_id: f.school,
                    school_year: f.year,
                    source: f.bytes,
                    source_filename: f.filename,
                    media_type: &crate::load::media_type(f.bytes),
                    extracted_text: f.text,
                    school_name: f.school_name,
                    reason: &reason,
                    created: f.created,
                    tool_version: env!("CARGO_PKG_VERSION"),
                    assigned_from: f.assigned_from,
                })
                .map_err(|e| fail(Stage::Archive, &e))?;
            let outcome = outcome_of(&added);
            let (version, path) = match added {
                Added::Unchanged { version, path } | Added::New { version, path, .. } => (version, path),
            };
            return Ok(Filed { outcome, version, path, changes: None, diff_report: None });
        }
    };
    if let Some(l) = latest.as_ref().filter(|l| l.source_sha256 == record.source.sha256 && l.unread.is_none()) {
        return Ok(Filed {
            outcome: ArchivedOutcome::Unchanged,
            version: l.version,
            path: l.path.clone(),
            changes: stored_changes(archive, l),
            diff_report: None,
        });
    }
    let previous = archive.previous_record(f.school, f.year).map_err(|e| fail(Stage::Diff, &e))?;
    // What goes into the bundle (diff.json, diff.md) is Dutch, whoever ran
    // the batch: the archive does not depend on a person's language.
    let nl = sop_i18n::Lang::Nl;
    let diff = previous.as_ref().map(|(_, old)| sop_i18n::with_lang(nl, || sop_diff::diff(old, record)));
    let diff_json = diff.as_ref().map(|d| {
        let mut b = serde_json::to_vec_pretty(d).expect("a diff serialises");
        b.push(b'\n');
        b
    });
    let diff_md = diff.as_ref().map(|d| sop_i18n::with_lang(nl, || sop_diff::render_markdown(d)));
    let added = archive
        .add(Submission {
            school_id: f.school,
            school_year: f.year,
            source: f.bytes,
            source_filename: f.filename,
            media_type: &record.source.media_type,
            extracted_text: f.text.unwrap_or_default(),
            record,
            diff_json: diff_json.as_deref(),
            diff_md: diff_md.as_deref(),
            created: f.created,
            tool_version: env!("CARGO_PKG_VERSION"),
            assigned_from: f.assigned_from,
        })
        .map_err(|e| fail(Stage::Archive, &e))?;
    let outcome = outcome_of(&added);
    match added {
        Added::Unchanged { version, path } => Ok(Filed { outcome, version, path, changes: None, diff_report: None }),
        Added::New { version, path, .. } => {
            let diff_report = match &diff_md {
                Some(md) => Some(
                    archive
                        .write_report(&format!("diff-{}-{}-v{version:04}.md", f.school, f.year), md.as_bytes())
                        .map_err(|e| fail(Stage::Diff, &e))?,
                ),
                None => None,
            };
            Ok(Filed { outcome, version, path, changes: diff.as_ref().map(|d| d.changes.len()), diff_report })
        }
    }
}

/// A document read from a file for the archive: its text, and its record or
/// why it could not be read (with a stable code).
pub struct ReadDocument {
    pub text: Option<String>,
    pub read: Result<Record, StageError>,
}

/// Reads a document through the one loader (`load.rs`: extraction in a child
/// process under the default limits), from its bytes, then detects and
/// normalises it. `name` names it in errors; `filename` is the name it came with.
pub fn read_bytes(name: &str, filename: &str, bytes: &[u8]) -> ReadDocument {
    let loaded = crate::load::Loader::single().and_then(|l| l.layout(name, bytes, &sop_extract::Limits::default()));
    let layout = match loaded {
        Ok(layout) => layout,
        Err(e) => return ReadDocument { text: None, read: Err(super::real::load_error(&e)) },
    };
    let text = layout.text();
    let source = crate::load::source_of(filename.to_string(), bytes, &layout);
    let read = sop_normalize::normalize(&layout, source).map_err(super::real::normalize_error);
    ReadDocument { text: Some(text), read }
}

/// Unix seconds for a new bundle: `SOURCE_DATE_EPOCH` when set, else now.
pub fn created_now() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    })
}
