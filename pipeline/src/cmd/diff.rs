//! `sop diff OLD NEW`: what changed in a school's SOP since the previous
//! version, as JSON (`sop-diff/1`, for scripts) or as a Dutch report (Markdown
//! or one self-contained HTML page, for people).
//!
//! OLD and NEW are each a PDF, a `.txt` of extracted text or a `sop.json`
//! record (all read by [`crate::load::record_from_path`]). Exit 0 when there
//! are no changes, 1 when there are, 2 when a file cannot be read or
//! normalised, or the two are not the same school (unless `--force`).
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sop_diff::{diff, render_html, render_markdown, Verdict};
use sop_i18n::t;
use sop_model::Record;

use crate::load::record_from_path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// sop-diff/1 JSON, for scripts.
    Json,
    /// A Dutch report in Markdown.
    Md,
    /// A Dutch report as one self-contained HTML page.
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// The earlier version: a PDF, a .txt of extracted text or a sop.json record.
    pub old: PathBuf,
    /// The later version: a PDF, a .txt of extracted text or a sop.json record.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Write the output to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Compare even when the two documents are of different schools.
    #[arg(long)]
    pub force: bool,
}

const EXIT_CHANGES: u8 = 1;
const EXIT_UNUSABLE: u8 = 2;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Some(old) = load(&args.old) else {
        return Ok(ExitCode::from(EXIT_UNUSABLE));
    };
    let Some(new) = load(&args.new) else {
        return Ok(ExitCode::from(EXIT_UNUSABLE));
    };

    let d = diff(&old, &new);
    match d.same_school.verdict {
        Verdict::Different if !args.force => {
            eprintln!(
                "sop: {}",
                t!("diff-different-school", old = &args.old, new = &args.new, reason = &d.same_school.reason)
            );
            return Ok(ExitCode::from(EXIT_UNUSABLE));
        }
        Verdict::Different => {
            eprintln!("sop: {}", t!("diff-forced", reason = &d.same_school.reason));
        }
        Verdict::Unproven => {
            eprintln!("sop: {}", t!("diff-unproven", old = &args.old, new = &args.new, reason = &d.same_school.reason));
        }
        Verdict::Same => {}
    }

    let mut output = match args.format {
        Format::Json => serde_json::to_string_pretty(&d)?,
        Format::Md => render_markdown(&d),
        Format::Html => render_html(&d),
    };
    if !output.ends_with('\n') {
        output.push('\n');
    }
    match &args.out {
        Some(path) => {
            if let Err(err) = std::fs::write(path, &output) {
                eprintln!("sop: {}", t!("diff-cannot-write", path = path, reason = sop_i18n::io_error(&err)));
                return Ok(ExitCode::from(EXIT_UNUSABLE));
            }
        }
        // A closed pipe surfaces as an error that `main` treats as success.
        None => std::io::stdout().lock().write_all(output.as_bytes())?,
    }
    Ok(if d.has_changes() { ExitCode::from(EXIT_CHANGES) } else { ExitCode::SUCCESS })
}

/// A record, or `None` after telling the user what is wrong with which file.
fn load(path: &Path) -> Option<Record> {
    match record_from_path(path) {
        Ok(r) => Some(r),
        Err(err) => {
            match err.downcast_ref::<sop_extract::ExtractError>() {
                Some(e) => crate::report_extract_error(e),
                None => crate::report_error(&err),
            }
            eprintln!("  {}", t!("diff-needs-two"));
            None
        }
    }
}
