//! The fuzz harnesses of `sop`: one function per kind of outside bytes the
//! tool reads, each taking arbitrary bytes and asserting what must hold for
//! every input (no panic, and the invariants written in each harness).
//!
//! - [`normalize_text`]: extracted text (a `.txt`) through detection and
//!   normalisation.
//! - [`record_json`]: a `sop.json` read back (from the archive or the command
//!   line), written again and re-read.
//!
//! The `fuzz_targets/` binaries only call these; the committed crash inputs
//! under `fuzz/regressions/<target>/` are replayed through the same functions
//! by `pipeline/tests/fuzz_regressions.rs`, which includes each harness file
//! by path so the two can never drift apart. A harness therefore uses only
//! crates the `sop` package also depends on.

pub mod normalize_text;
pub mod record_json;
