//! The seam between the batch and the stage crates.
//!
//! [`Stages`] is what the batch needs from extraction, normalisation and the
//! archive; [`Real`] wires it to `sop-extract`, `sop-normalize`, `sop-diff`
//! and `sop-archive`, and the batch tests give it fakes that fail, panic or
//! hang on purpose.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use sop_model::{Layout, Record, Source};

use super::{Doc, Input, StageError, Validators};

/// What the batch asks of the stage crates. Every method runs on a blocking
/// thread and may block.
pub trait Stages: Send + Sync + 'static {
    /// The layout of a PDF or text file, from the document's bytes. Must
    /// return within about `limits.timeout`; if it does not, the batch
    /// abandons the document anyway.
    fn extract(&self, doc: &Doc, limits: &sop_extract::Limits) -> Result<Layout, StageError>;
    /// Detection and normalisation into `sop/1`.
    fn normalize(&self, layout: &Layout, source: Source) -> Result<Record, StageError>;
    /// Files the document under the batch year: with its record (compared
    /// with the school's record of the year before) when it was read, as
    /// received but not read (with the reason) when it was not, and in the
    /// holding area when no school can be told.
    fn archive(&self, item: Archivable) -> Result<Archived, StageError>;
    /// Opens a group: what [`Stages::archive`] files from now on may wait
    /// for [`Stages::commit_group`] to be recorded durably (its files are
    /// durable already).
    fn begin_group(&self) {}
    /// Records what was filed since [`Stages::begin_group`] durably, all at
    /// once; on `Err` none of it is recorded by this run.
    fn commit_group(&self) -> Result<(), StageError> {
        Ok(())
    }
    /// The ETag / Last-Modified of `url` when the archive already holds this
    /// school's document for `year`; else `None` (then the URL is downloaded
    /// in full, so that a new school year always gets its copy).
    fn known_validators(&self, school: &str, year: &str, url: &str) -> Option<Validators>;
    /// Remembers the validators of a URL whose document (with this source
    /// sha256) was archived.
    fn remember_validators(&self, school: &str, year: &str, url: &str, validators: &Validators, sha256: &str);
    /// What the archive holds for a school whose server said "not modified".
    fn archived_unchanged(&self, school: &str, year: &str) -> Option<Archived>;
}

/// A document ready for the archive, read or not.
pub struct Archivable {
    pub input: Arc<Input>,
    pub bytes: Arc<Vec<u8>>,
    pub filename: String,
    /// The record, or why the document could not be read.
    pub read: Result<Record, StageError>,
    /// The extracted text, kept in the bundle (none when extraction failed).
    pub text: Option<String>,
    /// The batch's school year, authoritative over the record's own.
    pub year: String,
}

/// What the archive made of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Archived {
    /// The school id the document was filed under.
    pub school: String,
    pub school_name: Option<String>,
    pub outcome: ArchivedOutcome,
    /// The template family; filled in by the batch from the record.
    pub template: Option<String>,
    /// The record's own school year; filled in by the batch from the record.
    pub year: Option<String>,
    /// Changes against the school's record of the previous school year;
    /// `None` when there is none.
    pub changes: Option<usize>,
    /// The Markdown diff report written for this document.
    pub diff_report: Option<PathBuf>,
    pub warnings: Vec<String>,
    /// Set when the document was archived without being read: why.
    pub unread: Option<StageError>,
    /// Set when no school could be told and the document went to the
    /// holding area (then `school` is empty).
    pub held: Option<HeldRow>,
}

/// A document in the holding area, for the run report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeldRow {
    pub sha256: String,
    /// Why no school could be told.
    pub reason: String,
    /// Held by this run (false: the same bytes were held already).
    pub new: bool,
    /// The command that files it under a school.
    pub command: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArchivedOutcome {
    /// The school's first document for this year.
    New,
    /// The school had a document for this year; this one differs.
    NewVersion,
    /// The same document as the one already archived for this year.
    Unchanged,
}
