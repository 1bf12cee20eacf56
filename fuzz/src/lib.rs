//! The fuzz harnesses of `sop`: one function per kind of outside bytes the
//! tool reads, each taking arbitrary bytes and asserting what must hold for
//! every input (no panic, and the invariants written in each harness).
//!
//! - [`extract_pdf`]: PDF bytes through extraction (in this process, under
//!   small limits).
//! - [`bundle_zip`]: a bundle's zip bytes as the archive reads them back.
//! - [`ledger_lines`]: the archive's hash-chained ledger file.
//! - [`normalize_text`]: extracted text (a `.txt`) through detection and
//!   normalisation.
//! - [`diff_json`]: two records through the year-over-year diff and its
//!   reports.
//! - [`record_json`]: a `sop.json` read back (from the archive or the command
//!   line), written again and re-read.
//!
//! The `fuzz_targets/` binaries only call these; the committed crash inputs
//! under `fuzz/regressions/<target>/` are replayed through the same functions
//! by `pipeline/tests/fuzz_regressions.rs`, which includes each harness file
//! by path so the two can never drift apart. A harness therefore uses only
//! crates the `sop` package also depends on.

pub mod bundle_zip;
pub mod diff_json;
pub mod extract_pdf;
pub mod ledger_lines;
pub mod normalize_text;
pub mod record_json;
