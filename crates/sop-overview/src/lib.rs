//! The SWV-wide overview (*dekkend netwerk*): every school's support side by
//! side per support area, whichever template it used, with the change since
//! another school year.
//!
//! - [`areas`]: the support areas and the mapping of record rows to them
//!   (`areas.toml`, a data file an SWV can edit).
//! - [`model`]: [`build`] computes the [`Overview`] (`sop-overview/1`) from
//!   plain inputs, one [`SchoolEntry`] per school; no I/O.
//! - [`html`], [`xlsx`], [`csv`]: the renderers; JSON is the `Overview`
//!   serialised, with its schema in `schema/sop-overview-1.schema.json`.
//!
//! Depends on `sop-model` only, like every stage crate.

pub mod areas;
pub mod csv;
pub mod html;
pub mod model;
pub mod xlsx;

pub use areas::{AreaMap, AreasError, DEFAULT_AREAS, OTHER};
pub use model::*;

/// The overview as pretty JSON with a final newline.
pub fn render_json(o: &Overview) -> String {
    serde_json::to_string_pretty(o).expect("an overview serialises") + "\n"
}
