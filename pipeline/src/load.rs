//! From a path on disk to what the commands work on: the layout of a PDF or
//! `.txt`, or a `sop/1` record (from a document, or a `sop.json` read back).
//!
//! Every command that takes a document goes through here, so that they all
//! accept the same inputs and fail with the same messages.

use std::path::Path;

use anyhow::{Context, Result};
use sop_model::{Layout, Record};

/// What a loaded document is.
pub struct Loaded {
    pub bytes: Vec<u8>,
    pub layout: Layout,
}

/// Reads a PDF or a `.txt` of extracted text into a layout.
pub fn layout_from_path(path: &Path) -> Result<Loaded> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if bytes.starts_with(b"%PDF") {
        // Untrusted PDFs are extracted in a child process (`sop __extract-child`) under limits.
        let exe = std::env::current_exe().context("cannot find the `sop` program itself")?;
        let layout = sop_extract::extract_isolated(&exe, path, &sop_extract::Limits::default())?;
        return Ok(Loaded { bytes, layout });
    }
    let text = String::from_utf8(bytes.clone())
        .with_context(|| format!("`{}` is neither a PDF nor UTF-8 text", path.display()))?;
    Ok(Loaded { bytes, layout: Layout::from_text(&text) })
}

/// Reads a record: a `sop.json`, or any document that normalises to one.
/// (Document input is wired in when `sop-normalize` lands.)
pub fn record_from_path(path: &Path) -> Result<Record> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        return serde_json::from_slice(&bytes).with_context(|| format!("`{}` is not a sop/1 record", path.display()));
    }
    anyhow::bail!("`{}`: only sop.json records are accepted until normalisation lands", path.display())
}
