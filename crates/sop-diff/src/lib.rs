//! The year-over-year diff of a school's support profile: what changed between
//! two `sop/1` records of the same school (normally last year's and this
//! year's).
//!
//! - [`diff`] compares two [`Record`]s and returns a [`Diff`] (JSON schema
//!   `sop-diff/1`): who and which years (`from`, `to`), counts per field
//!   (`summary`) and one [`Change`] per added, removed or changed row or value.
//! - [`same_school`] / [`check_same_school`] say whether two records can be of
//!   one school (by BRIN, normalised name or e-mail domain).
//! - [`render_markdown`] and [`render_html`] turn a [`Diff`] into a report for
//!   people, in Dutch, in the documents' own words.
//!
//! What counts as a change (see `../shared/SCHEMA.md`, "The diff between two
//! records"):
//! - Rows of `expertise`, `partners`, `offers`, `facilities`, `protocols` and
//!   `hgw` are matched by `key`, never by position: reordering is no change.
//! - Text is compared after whitespace normalisation and hyphenation repair
//!   ([`text::canonical`]): re-flowed text is no change. Free-text fields carry a
//!   word-level similarity and word hunks.
//! - `provenance`, `source`, `warnings` and `template.confidence`/`evidence`
//!   are not school content and are never compared. A template change (family
//!   or revision) is one scalar change. The school year is compared like any
//!   scalar: a profile re-adopted for a new year has that one change.
//! - Fixed template text is reported only when a school edited it
//!   (`boilerplate[].standard` false on a side); when the school moved to
//!   another template, fields only one template has are not compared, and the
//!   diff lists them in [`Diff::not_compared`] (the reports say so). What a
//!   template has is its descriptor's ([`sop_model::family`]); this crate
//!   names no family.
//!
//! The crate does no I/O and never fails: two records always have a diff.

mod compare;
mod error;
mod identity;
mod labels;
mod render;
pub mod text;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
pub use sop_model::Record;

pub use error::DiffError;
pub use identity::{check_same_school, same_school, IdKind, SameSchool, Verdict};
pub use render::{render_html, render_markdown};

/// The value of [`Diff::schema`].
pub const DIFF_SCHEMA_ID: &str = "sop-diff/1";

/// What changed from one record to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    /// Always `"sop-diff/1"`.
    pub schema: String,
    pub from: Side,
    pub to: Side,
    /// Whether (and by what) the two records are known to be of one school.
    pub same_school: SameSchool,
    pub summary: Summary,
    /// When the school changed template: the fields and members one of the
    /// two templates has no place for, which are therefore not compared (not
    /// reported as removed, nor as added). Empty, and left out of the JSON,
    /// when both records follow one template.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_compared: Vec<NotCompared>,
    /// In record field order; within a field, in the new document's order, then
    /// the removed rows in the old document's order.
    pub changes: Vec<Change>,
}

impl Diff {
    /// True when at least one change was found.
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }
}

/// One of the two records compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    pub school: Option<String>,
    pub school_year: Option<String>,
    /// sha256 of the source document.
    pub sha256: String,
    pub filename: String,
    pub template: TemplateId,
}

/// A template family and revision: what a template change compares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateId {
    pub family: String,
    pub revision: Option<String>,
}

/// A field or member of `sop/1` a diff across a template switch does not
/// compare, because one of the two templates has no place for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotCompared {
    /// The top-level field: `finance`, `governance`, ...
    pub field: String,
    /// The member of an object field (`mr_advice`), or null for the whole field.
    pub key: Option<String>,
    /// For people: the Dutch name of the field or member.
    pub label: String,
    /// The id of the template family that has no place for it.
    pub lacking_family: String,
}

/// How many changes of each kind, in total and per field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    /// Only fields with at least one change.
    pub fields: BTreeMap<String, Counts>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

/// One added, removed or changed row or value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The top-level field of `sop/1`: `expertise`, `facilities`, `vision`, ...
    pub field: String,
    /// The row's key for rows of keyed lists (`expertise`, `hgw`, ...); for a
    /// member of an object field the member's name (`email`, `mr_advice`,
    /// `levels/2`, `amounts`); null for top-level scalars and free text.
    pub key: Option<String>,
    /// For people: the row's label in the document's own words, or the Dutch
    /// name of the value.
    pub label: String,
    pub change: ChangeKind,
    /// The row or value before (null when added).
    pub old: serde_json::Value,
    /// The row or value after (null when removed).
    pub new: serde_json::Value,
    /// Free text only: word-level similarity of old and new, 0..=1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// Free text only: the new text as word runs kept, deleted and inserted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hunks: Option<Vec<Hunk>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// A run of words of a word-level text diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hunk {
    pub op: HunkOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HunkOp {
    Equal,
    Delete,
    Insert,
}

/// Compares two records of one school. Never fails; whether they are of one
/// school is recorded in [`Diff::same_school`] (check it, or use
/// [`check_same_school`] first).
pub fn diff(old: &Record, new: &Record) -> Diff {
    let changes = compare::changes(old, new);
    let mut summary = Summary::default();
    for c in &changes {
        let counts = summary.fields.entry(c.field.clone()).or_default();
        match c.change {
            ChangeKind::Added => {
                counts.added += 1;
                summary.added += 1;
            }
            ChangeKind::Removed => {
                counts.removed += 1;
                summary.removed += 1;
            }
            ChangeKind::Changed => {
                counts.changed += 1;
                summary.changed += 1;
            }
        }
    }
    Diff {
        schema: DIFF_SCHEMA_ID.to_string(),
        from: side(old),
        to: side(new),
        same_school: same_school(old, new),
        summary,
        not_compared: compare::not_compared(old, new),
        changes,
    }
}

fn side(r: &Record) -> Side {
    Side {
        school: r.school.name.clone(),
        school_year: r.school_year.clone(),
        sha256: r.source.sha256.clone(),
        filename: r.source.filename.clone(),
        template: TemplateId { family: r.template.family.clone(), revision: r.template.revision.clone() },
    }
}
