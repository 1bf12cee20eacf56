//! `sop normalize FILE`: the canonical `sop/1` record of a document, as
//! pretty JSON on stdout (keys in the schema's fixed order).
//!
//! Exit 0 with a record whenever the template is recognised (problems are in
//! the record's `warnings`), 2 when the file is not an SOP or follows no known
//! template, 1 when it cannot be read.
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use sop_normalize::{normalize, NormalizeError};

use crate::load::{file_name, layout_from_path, source_of};

#[derive(clap::Args)]
pub struct Args {
    /// A PDF or a .txt of extracted text.
    pub file: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let loaded = layout_from_path(&args.file)?;
    let source = source_of(file_name(&args.file), &loaded.bytes, &loaded.layout);
    match normalize(&loaded.layout, source) {
        Ok(record) => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &record)?;
            writeln!(out)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            let hint = match err {
                NormalizeError::NotAnSop { .. } => sop_i18n::t!("normalize-hint-not-an-sop"),
                NormalizeError::UnrecognisedTemplate { .. } => sop_i18n::t!("normalize-hint-unrecognised"),
            };
            eprintln!("sop: `{}`: {err}", args.file.display());
            eprintln!("  {}", sop_i18n::t!("err-what-to-do", hint = hint));
            Ok(ExitCode::from(2))
        }
    }
}
