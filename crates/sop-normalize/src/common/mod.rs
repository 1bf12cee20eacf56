//! Helpers every template family needs the same way. The parsers (`sppoh`,
//! `pos`, the test-only `voorbeeld`) build on these, so that dates, amounts,
//! keys, fixed text and tables mean the same thing whatever template a record
//! came from. The text rules below the parsers (line-end hyphens and their
//! conjunctions, mark glyphs, a line's font size) are `sop_model`'s, shared
//! with extraction and the diff.
//!
//! - [`doc::Doc`]: the document as one list of [`doc::DocLine`]s in reading
//!   order, with page furniture (footers) and bare link-annotation URLs taken
//!   out, each line knowing its page (where known), its raw spacing (text
//!   origin) and runs (PDF origin). Start here: `Doc::new(layout, is_furniture)`.
//!   Heading search ([`doc::Doc::find_heading`]), text of a line range with
//!   hyphenation repaired ([`doc::Doc::text`]), provenance of a range
//!   ([`doc::Doc::provenance`]). Every family reads these lines: PoS takes
//!   them all ([`doc::Doc::all_lines`]) and cuts them into its parts.
//! - [`out::Out`]: the record being filled, the same for every family:
//!   warnings, provenance of lines, text kept under `unmapped` and fixed
//!   parts recorded in document order. A family's own ways of pointing at
//!   lines are an extension trait in its module (`sppoh::ModelOut`,
//!   `pos::PosOut`).
//! - [`dates`]: "22-5-2023", "07-06-2021", "19 mei 2024", "september 2023" ->
//!   ISO `YYYY-MM-DD` / `YYYY-MM`; school years ("2023-2024", the year a date
//!   falls in).
//! - [`amounts`]: "€46.130,-", "32.000 euro", "€ 8.500" -> euros with the raw
//!   spelling.
//! - [`table`]: reading a table row into cells: by the spacing rule for text
//!   origin ([`table::text_cells`], [`table::mark_columns_text`]), by the x
//!   ranges of the header's columns for PDF origin ([`table::Columns`]).
//! - [`grid`]: the one table reader: a template table among the tables
//!   extraction found, recognised by its header cells (fuzzy, over wrapped
//!   lines), read as rows of cells by the header's columns; marks count for
//!   the cell they stand in. Both families read their tables through it and
//!   fall back to [`table`] where no extracted table carries the header.
//! - [`labels`]: standard row tables (label -> stable key, matched by word
//!   similarity and stems), unique keys of rows without a standard one
//!   ([`labels::unique_key`]), yes/no/nvt words.
//! - [`fixed`]: comparing the school's copy of a fixed template text with the
//!   template's: where it ends among a section's lines and whether the school
//!   kept it ([`fixed::fixed_prefix`], the Model's sections), or whether a
//!   whole part is it ([`fixed::same_fixed_text`], PoS's fixed chapters).
//! - [`tolerant`]: the same questions on lines read by OCR, allowing a few
//!   misread characters: the standard label a misread one names
//!   ([`tolerant::key_label`], [`tolerant::nearest_standard`]) and fixed text
//!   with misread letters ([`tolerant::same_fixed_text_read_by_ocr`]). Text
//!   from a text layer never gets this tolerance ([`tolerant::is_ocr`]).

pub(crate) mod amounts;
pub(crate) mod dates;
pub(crate) mod doc;
pub(crate) mod fixed;
pub(crate) mod grid;
pub(crate) mod labels;
pub(crate) mod out;
pub(crate) mod table;
pub(crate) mod text;
pub(crate) mod tolerant;
