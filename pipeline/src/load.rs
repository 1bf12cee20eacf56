//! From a path on disk to what the commands work on: the layout of a PDF or
//! `.txt`, or a `sop/1` record (from a document, or a `sop.json` read back).
//!
//! Every command that takes a document goes through here, so that they all
//! accept the same inputs and fail with the same messages.

use std::path::Path;

use anyhow::{Context, Result};
use sop_i18n::t;
use sop_model::{Layout, Record};

/// What a loaded document is.
pub struct Loaded {
    pub bytes: Vec<u8>,
    pub layout: Layout,
}

/// Reads a PDF or a `.txt` of extracted text into a layout, under the
/// default limits. A file over the size limit is refused before it is read.
pub fn layout_from_path(path: &Path) -> Result<Loaded> {
    let limits = sop_extract::Limits::default();
    let size = std::fs::metadata(path).with_context(|| t!("load-cannot-read", path = path))?.len();
    if size > limits.max_bytes {
        return Err(sop_extract::ExtractError::TooLarge {
            path: path.display().to_string(),
            size,
            limit: limits.max_bytes,
        }
        .into());
    }
    let bytes = std::fs::read(path).with_context(|| t!("load-cannot-read", path = path))?;
    if is_pdf(&bytes) {
        // Untrusted PDFs are extracted in a child process (`sop __extract-child`) under limits.
        let exe = std::env::current_exe().with_context(|| t!("load-no-exe"))?;
        let layout = sop_extract::extract_isolated(&exe, path, &limits)?;
        return Ok(Loaded { bytes, layout });
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        let looks_like = sop_extract::looks_like(sop_extract::sniff_not_pdf(&bytes).unwrap_or("not text"));
        anyhow::bail!(t!("load-not-pdf-nor-text", path = path, found = looks_like));
    };
    if text.len() as u64 > limits.max_text_bytes {
        return Err(sop_extract::ExtractError::TextTooLarge {
            path: path.display().to_string(),
            limit: limits.max_text_bytes,
        }
        .into());
    }
    Ok(Loaded { layout: Layout::from_text(text), bytes })
}

/// A PDF as PDF readers see one: the header may follow some junk, within
/// the first kilobyte (the batch uses the same rule).
pub fn is_pdf(bytes: &[u8]) -> bool {
    sop_extract::sniff_not_pdf(bytes).is_none()
}

/// Reads a record: a `sop.json`, or any document that normalises to one.
pub fn record_from_path(path: &Path) -> Result<Record> {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        let bytes = std::fs::read(path).with_context(|| t!("load-cannot-read", path = path))?;
        return serde_json::from_slice(&bytes).with_context(|| t!("load-not-a-record", path = path));
    }
    let loaded = layout_from_path(path)?;
    let source = source_of(file_name(path), &loaded.bytes, &loaded.layout);
    sop_normalize::normalize(&loaded.layout, source)
        .map_err(|e| anyhow::anyhow!(t!("load-normalize-failed", path = path, reason = e.to_string())))
}

/// The `source` of a record: what was received, byte for byte. The one place
/// that says how a document is described, for single commands and the batch.
pub fn source_of(filename: String, bytes: &[u8], layout: &Layout) -> sop_model::Source {
    use sha2::Digest;
    sop_model::Source {
        sha256: hex::encode(sha2::Sha256::digest(bytes)),
        bytes: bytes.len() as u64,
        pages: layout.pages.len() as u32,
        media_type: if is_pdf(bytes) { "application/pdf" } else { "text/plain" }.into(),
        filename,
    }
}

/// The sha256 of bytes, as the archive and `source.sha256` write it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// The media type of a document that may not have been read: a PDF, text
/// (UTF-8 without NUL bytes), or anything else.
pub fn media_type(bytes: &[u8]) -> String {
    if is_pdf(bytes) {
        "application/pdf".into()
    } else if std::str::from_utf8(bytes).is_ok_and(|t| !t.contains('\0')) {
        "text/plain".into()
    } else {
        "application/octet-stream".into()
    }
}

/// The file name of a path, as recorded in `source.filename`.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
