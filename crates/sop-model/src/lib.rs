//! The types every stage of `sop` shares, and nothing else.
//!
//! - [`layout`]: what extraction produces: pages of text lines with their runs
//!   and positions, plus the marks (icons, ticks, crosses) drawn on the page.
//!   A `.txt` of already-extracted text becomes a [`layout::Layout`] too, with
//!   no positions ([`layout::Origin::Text`]).
//! - [`record`]: the canonical record `sop/1` (see `../shared/SCHEMA.md` and
//!   `schema/sop-1.schema.json`), whatever template the document came from.
//! - [`family`]: the template families described once (id, Dutch names,
//!   the fields each never fills, its status words), for every stage that is
//!   not the family's parser.
//! - [`text`]: small text rules every stage needs the same way (whitespace
//!   normalisation, word lists, word-level similarity, key slugs, line-end
//!   hyphens and their conjunctions, mark glyphs, school-identity keys).
//!
//! This crate has no I/O and depends on no other crate of the workspace.

pub mod family;
pub mod layout;
pub mod record;
pub mod text;

pub use layout::{
    Cell, Layout, Line, Mark, MarkKind, OcrInfo, Origin, Page, Run, Table, TableStrategy, OCR_LOW_CONFIDENCE,
};
pub use record::*;
