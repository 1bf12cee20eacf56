//! `sop extract` and the hidden child-process entry (`sop __extract-child`).
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use sop_extract::Limits;

/// Limits on one file; the defaults suit school documents with room to spare.
#[derive(clap::Args, Clone)]
pub struct LimitArgs {
    /// Largest input file in bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    pub max_bytes: u64,
    /// Most pages.
    #[arg(long, default_value_t = Limits::default().max_pages)]
    pub max_pages: u64,
    /// Largest extracted text in bytes.
    #[arg(long, default_value_t = Limits::default().max_text_bytes)]
    pub max_text_bytes: u64,
    /// Largest size one compressed stream may unpack to, in bytes.
    #[arg(long, default_value_t = Limits::default().max_stream_bytes)]
    pub max_stream_bytes: u64,
    /// Wall-clock seconds for one file, OCR of scanned pages included.
    #[arg(long, default_value_t = Limits::default().timeout.as_secs())]
    pub timeout_secs: u64,
    /// Wall-clock seconds for reading one scanned page by OCR.
    #[arg(long, default_value_t = Limits::default().ocr_page_timeout.as_secs())]
    pub ocr_page_secs: u64,
    /// Memory (address space) for the extraction process, in bytes.
    #[arg(long, default_value_t = Limits::default().memory_bytes)]
    pub memory_bytes: u64,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_bytes: self.max_bytes,
            max_pages: self.max_pages,
            max_text_bytes: self.max_text_bytes,
            max_stream_bytes: self.max_stream_bytes,
            timeout: Duration::from_secs(self.timeout_secs.max(1)),
            memory_bytes: self.memory_bytes,
            ocr_page_timeout: Duration::from_secs(self.ocr_page_secs.max(1)),
        }
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// A PDF, or a text file of already-extracted text.
    pub file: PathBuf,
    /// Print the layout (pages, lines, runs with positions, marks, links, warnings) as JSON.
    #[arg(long, conflicts_with = "tables")]
    pub json: bool,
    /// Print each table found (pages, how it was found, rows × columns) as a
    /// text grid, with the marks in its cells, for checking a document by eye.
    #[arg(long)]
    pub tables: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(clap::Args)]
pub struct ChildArgs {
    /// The file's name, for messages.
    #[arg(long, default_value = "<stdin>")]
    pub name: String,
    #[command(flatten)]
    pub limits: LimitArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let layout = match crate::load::load_path(&args.file, &args.limits.limits()) {
        Ok(loaded) => loaded.layout,
        Err(crate::load::LoadError::Extract(e)) => {
            crate::report_extract_error(&e);
            return Ok(ExitCode::from(1));
        }
        Err(e) => {
            eprintln!("sop: {}", sop_i18n::t!("err-prefix", message = e.to_string()));
            eprintln!("  {}", sop_i18n::t!("err-what-to-do", hint = e.hint()));
            return Ok(ExitCode::from(1));
        }
    };
    for w in &layout.warnings {
        eprintln!("sop: {}", sop_i18n::t!("extract-warning", path = &args.file, warning = w));
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        // Serialised first so that a closed pipe surfaces as an io::Error (not an error).
        let mut json = serde_json::to_string_pretty(&layout)?;
        json.push('\n');
        out.write_all(json.as_bytes())?;
    } else if args.tables {
        if layout.origin == sop_model::Origin::Text {
            eprintln!("sop: {}", sop_i18n::t!("extract-tables-need-pdf", path = &args.file));
        }
        out.write_all(sop_extract::tables_text(&layout).as_bytes())?;
    } else {
        out.write_all(layout.text().as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn child(args: ChildArgs) -> anyhow::Result<ExitCode> {
    let code = sop_extract::child_main(&args.name, &args.limits.limits());
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}
