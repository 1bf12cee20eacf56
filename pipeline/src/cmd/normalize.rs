//! `sop normalize FILE`: the canonical `sop/1` record of a document, as
//! pretty JSON on stdout (keys in the schema's fixed order).
//!
//! Exit 0 with a record whenever the template is recognised (problems are in
//! the record's `warnings`), 2 when the file is not an SOP or follows no known
//! template, 1 when it cannot be read.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sha2::Digest;
use sop_model::{Layout, Source};
use sop_normalize::{normalize, NormalizeError};

use crate::load::layout_from_path;

#[derive(clap::Args)]
pub struct Args {
    /// A PDF or a .txt of extracted text.
    pub file: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let loaded = layout_from_path(&args.file)?;
    let source = source_of(&args.file, &loaded.bytes, &loaded.layout);
    match normalize(&loaded.layout, source) {
        Ok(record) => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &record)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            let hint = match err {
                NormalizeError::NotAnSop { .. } => "it is kept as it is; check that the right file was sent",
                NormalizeError::UnrecognisedTemplate { .. } => "ask the school for its SOP in one of the known templates, or add a template family",
            };
            eprintln!("sop: `{}`: {err}; {hint}", args.file.display());
            Ok(ExitCode::from(2))
        }
    }
}

/// `source` of the record: the bytes as read.
fn source_of(path: &Path, bytes: &[u8], layout: &Layout) -> Source {
    Source {
        sha256: hex::encode(sha2::Sha256::digest(bytes)),
        bytes: bytes.len() as u64,
        pages: layout.pages.len() as u32,
        media_type: if bytes.starts_with(b"%PDF") { "application/pdf" } else { "text/plain" }.into(),
        filename: path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
    }
}
