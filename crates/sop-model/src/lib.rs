//! The types every stage of `sop` shares, and nothing else.
//!
//! - [`layout`]: what extraction produces: pages of text lines with their runs
//!   and positions, plus the marks (icons, ticks, crosses) drawn on the page.
//!   A `.txt` of already-extracted text becomes a [`layout::Layout`] too, with
//!   no positions ([`layout::Origin::Text`]).
//! - [`record`]: the canonical record `sop/1` (see `../shared/SCHEMA.md` and
//!   `schema/sop-1.schema.json`), whatever template the document came from.
//! - [`text`]: small text helpers every stage needs the same way (whitespace
//!   normalisation, word lists, word-level similarity).
//!
//! This crate has no I/O and depends on no other crate of the workspace.

pub mod layout;
pub mod record;
pub mod text;

pub use layout::{
    Cell, Layout, Line, Mark, MarkKind, OcrInfo, Origin, Page, Run, Table, TableStrategy, OCR_LOW_CONFIDENCE,
};
pub use record::*;
