//! From a document's bytes to what the commands work on: the layout of a PDF
//! or a text file, or a `sop/1` record (from a document, or a `sop.json`
//! read back).
//!
//! Every command that takes a document goes through here, the batch
//! included, so that they all accept the same inputs, decide the same way
//! what a file is and fail with the same errors:
//! - a file is read once, refused unread when it is over the size limit
//!   ([`read`]); a downloaded document arrives as bytes and is never written
//!   to disk to be read back;
//! - [`Loader::layout`] turns the bytes into a layout: a PDF (by
//!   [`sop_extract::is_pdf`], the one such check) is extracted in a child
//!   process under the limits, from the bytes; plain UTF-8 text (no PDF
//!   header, no NUL bytes) is text someone extracted already; anything else
//!   is refused with what it looks like.
//!
//! Errors are typed ([`LoadError`]): callers decide on their
//! [`kind`](LoadError::kind), never on their message.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sop_extract::{ErrorKind, ExtractError, Extractor, Limits, Looks};
use sop_i18n::t;
use sop_model::{Layout, Record};

/// Why a document gave no layout.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Reading, checking or extracting the PDF failed.
    #[error(transparent)]
    Extract(#[from] ExtractError),
    /// Neither a PDF nor plain text.
    #[error("{}", t!("load-not-pdf-nor-text", path = name.as_str(), found = sop_extract::looks_like(looks.describe())))]
    NotText { name: String, looks: Looks },
}

impl LoadError {
    /// What kind of failure it is; its [`ErrorKind::code`] is the stable
    /// code kept with a document that could not be read.
    pub fn kind(&self) -> ErrorKind {
        match self {
            LoadError::Extract(e) => e.kind(),
            LoadError::NotText { .. } => ErrorKind::NotPdf,
        }
    }

    /// What the user can do about it, in one sentence.
    pub fn hint(&self) -> String {
        match self {
            LoadError::Extract(e) => e.hint(),
            LoadError::NotText { name, .. } => ExtractError::NotPdf { path: name.clone(), found: String::new() }.hint(),
        }
    }

    /// As an `anyhow` error whose chain an extraction error can be found in.
    pub fn into_anyhow(self) -> anyhow::Error {
        match self {
            LoadError::Extract(e) => e.into(),
            other => other.into(),
        }
    }
}

/// Reads the document at `path`, once; a file over `limits.max_bytes` is
/// refused before it is read.
pub fn read(path: &Path, limits: &Limits) -> Result<Vec<u8>, LoadError> {
    Ok(sop_extract::read_file(path, limits)?)
}

/// Turns documents' bytes into layouts, PDFs through isolated extraction.
pub struct Loader {
    extractor: Extractor,
}

impl Loader {
    /// For one document (the single commands): one extraction child per PDF,
    /// started from this program.
    pub fn single() -> Result<Loader, LoadError> {
        let exe = std::env::current_exe()
            .map_err(|e| ExtractError::Spawn { path: "sop".into(), reason: format!("{}: {e}", t!("load-no-exe")) })?;
        Ok(Loader { extractor: Extractor::one_per_file(exe) })
    }

    /// For many documents (the batch): extraction children that serve file
    /// after file when `exe` is this program; a stand-in child program (a
    /// test's `--extract-child-exe`) may only speak the one-file protocol.
    pub fn batch(exe: PathBuf) -> Loader {
        let this = std::env::current_exe().ok();
        let extractor =
            if this.is_some_and(|this| this == exe) { Extractor::new(exe) } else { Extractor::one_per_file(exe) };
        Loader { extractor }
    }

    /// The layout of a document: `bytes` as received, `name` (its path or
    /// URL) for errors.
    pub fn layout(&self, name: &str, bytes: &[u8], limits: &Limits) -> Result<Layout, LoadError> {
        let Some(looks) = sop_extract::sniff_not_pdf(bytes) else {
            return Ok(self.extractor.extract_bytes(name, bytes, limits)?);
        };
        if bytes.len() as u64 > limits.max_bytes {
            let (size, limit) = (bytes.len() as u64, limits.max_bytes);
            return Err(ExtractError::TooLarge { path: name.into(), size, limit }.into());
        }
        if looks != Looks::Unknown {
            return Err(ExtractError::NotPdf { path: name.into(), found: looks.describe().into() }.into());
        }
        match std::str::from_utf8(bytes) {
            Ok(text) if !text.contains('\0') => {
                if text.len() as u64 > limits.max_text_bytes {
                    return Err(ExtractError::TextTooLarge { path: name.into(), limit: limits.max_text_bytes }.into());
                }
                Ok(Layout::from_text(text))
            }
            _ => Err(LoadError::NotText { name: name.into(), looks }),
        }
    }
}

/// What a loaded document is.
pub struct Loaded {
    pub bytes: Vec<u8>,
    pub layout: Layout,
}

/// Reads a PDF or a text file into a layout, under `limits` (the single
/// commands). The file is read once.
pub fn load_path(path: &Path, limits: &Limits) -> Result<Loaded, LoadError> {
    let bytes = read(path, limits)?;
    let layout = Loader::single()?.layout(&path.display().to_string(), &bytes, limits)?;
    Ok(Loaded { bytes, layout })
}

/// [`load_path`] under the default limits, as the single commands load.
pub fn layout_from_path(path: &Path) -> Result<Loaded> {
    load_path(path, &Limits::default()).map_err(LoadError::into_anyhow)
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
    sop_model::Source {
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        pages: layout.pages.len() as u32,
        media_type: media_type(bytes),
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
    if sop_extract::is_pdf(bytes) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(bytes: &[u8], limits: &Limits) -> Result<Layout, LoadError> {
        Loader::single().unwrap().layout("in/doc", bytes, limits)
    }

    #[test]
    fn plain_text_is_text_someone_extracted_already() {
        let got = layout("Schoolondersteuningsprofiel\nBS De Ster\n".as_bytes(), &Limits::default()).unwrap();
        assert_eq!(got.origin, sop_model::Origin::Text);
        assert_eq!(got.text(), "Schoolondersteuningsprofiel\nBS De Ster\n");
    }

    #[test]
    fn what_is_neither_pdf_nor_text_is_refused_by_kind_with_what_it_looks_like() {
        let limits = Limits::default();
        for (bytes, looks) in [
            (b"<!DOCTYPE html><html><body>SOP</body></html>".as_slice(), "een webpagina (HTML)"),
            (b"".as_slice(), "een leeg bestand"),
            (b"PK\x03\x04 word/document.xml".as_slice(), "Word-document (.docx)"),
        ] {
            let e = layout(bytes, &limits).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::NotPdf, "{e}");
            assert_eq!(e.kind().code(), "not_pdf");
            assert!(e.to_string().contains("`in/doc`") && e.to_string().contains(looks), "{e}");
        }
        // Text with NUL bytes, or not UTF-8 at all, is no text.
        for bytes in [b"tekst\0met nul".as_slice(), b"\xff\xfe\x00b\x00i\x00n".as_slice()] {
            let e = layout(bytes, &limits).unwrap_err();
            assert!(matches!(e, LoadError::NotText { .. }), "{e:?}");
            assert_eq!(e.kind().code(), "not_pdf");
        }
    }

    #[test]
    fn the_limits_hold_for_text_too() {
        let small = Limits { max_bytes: 8, ..Limits::default() };
        assert_eq!(layout(b"twaalf bytes", &small).unwrap_err().kind(), ErrorKind::TooLarge);
        let little_text = Limits { max_text_bytes: 8, ..Limits::default() };
        assert_eq!(layout(b"twaalf bytes", &little_text).unwrap_err().kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn a_file_over_the_size_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("groot.pdf");
        std::fs::write(&path, vec![b'%'; 100]).unwrap();
        let e = read(&path, &Limits { max_bytes: 99, ..Limits::default() }).unwrap_err();
        assert!(matches!(e, LoadError::Extract(ExtractError::TooLarge { size: 100, limit: 99, .. })), "{e:?}");
        let e = read(&dir.path().join("weg.pdf"), &Limits::default()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Read);
    }
}
