//! The `sop` command: glue between the stage crates, the async batch, and the
//! mapping of errors to messages and exit codes.
//!
//! Each subcommand lives in `cmd/<name>.rs` and returns an [`ExitCode`]:
//! 0 success, 1 a file could not be read / a problem was found, 2 the input is
//! not what the command needs (not an SOP, not the same school).

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use sop_i18n::t;

/// jemalloc: flat memory over a long batch (glibc's malloc fragments under
/// it; BENCHMARKS.md has the figures).
#[cfg(all(target_os = "linux", not(target_env = "musl")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod batch;
mod cmd;
mod help;
mod load;

#[derive(Parser)]
#[command(name = "sop", version)]
struct Cli {
    /// More log output (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// The language of messages and reports: nl (default) or en; else from LANG.
    #[arg(long, global = true, value_name = "nl|en", value_parser = ["nl", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the text (and with --json the layout) of a PDF or .txt.
    Extract(cmd::extract::Args),
    /// Say which SOP template a document follows.
    Detect(cmd::detect::Args),
    /// Print the canonical sop/1 record of a document as JSON.
    Normalize(cmd::normalize::Args),
    /// Compare two versions of a school's SOP.
    Diff(cmd::diff::Args),
    /// Run the yearly batch: fetch or receive, extract, normalise, diff, archive.
    Run(cmd::run::Args),
    /// Check every bundle, file and ledger line of the archive.
    Verify(cmd::archive::VerifyArgs),
    /// List what the archive holds.
    List(cmd::archive::ListArgs),
    /// Show one school's bundles.
    Show(cmd::archive::ShowArgs),
    /// The overview of a school year across all schools: support areas, HGW, facilities, gaps, changes.
    Overview(cmd::overview::Args),
    /// Export a school's bundles as a BagIt package for the inspectorate.
    Export(cmd::archive::ExportArgs),
    /// File a document from the holding area (received without a school) under a school.
    Assign(cmd::assign::Args),
    /// Read again a document that was archived unread; a new version when it can now be read.
    Reprocess(cmd::reprocess::Args),
    /// Internal: extraction in an isolated child process (stdin: file bytes, stdout: layout JSON).
    #[command(name = "__extract-child", hide = true)]
    ExtractChild(cmd::extract::ChildArgs),
}

fn main() -> ExitCode {
    // The language first: clap's help and errors are already in it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    sop_i18n::set_lang(sop_i18n::lang_from_args(&args));
    let matches = match help::localise(Cli::command()).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return help::report(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return help::report(e),
    };
    init_logging(cli.verbose);
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Detect(a) => cmd::detect::run(a),
        Command::Normalize(a) => cmd::normalize::run(a),
        Command::Diff(a) => cmd::diff::run(a),
        Command::Run(a) => cmd::run::run(a),
        Command::Verify(a) => cmd::archive::verify(a),
        Command::List(a) => cmd::archive::list(a),
        Command::Show(a) => cmd::archive::show(a),
        Command::Export(a) => cmd::archive::export(a),
        Command::Assign(a) => cmd::assign::run(a),
        Command::Reprocess(a) => cmd::reprocess::run(a),
        Command::Overview(a) => cmd::overview::run(a),
        Command::ExtractChild(a) => cmd::extract::child(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            if let Some(e) = err.downcast_ref::<sop_extract::ExtractError>() {
                report_extract_error(e);
                return ExitCode::from(1);
            }
            report_error(&err);
            ExitCode::from(1)
        }
    }
}

/// An error and its causes, the system's in the chosen language.
pub(crate) fn report_error(err: &anyhow::Error) {
    eprintln!("sop: {}", t!("err-prefix", message = err.to_string()));
    for cause in err.chain().skip(1) {
        let cause = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => sop_i18n::io_error(io),
            None => cause.to_string(),
        };
        eprintln!("  {}", t!("err-cause", cause = cause));
    }
}

/// A document that could not be read: what, what to do, and (with `-v`)
/// the technical detail.
pub(crate) fn report_extract_error(e: &sop_extract::ExtractError) {
    eprintln!("sop: {}", t!("err-prefix", message = e.to_string()));
    eprintln!("  {}", t!("err-what-to-do", hint = e.hint()));
    if let Some(detail) = e.detail() {
        if tracing::enabled!(tracing::Level::INFO) {
            eprintln!("  {}", t!("err-detail", detail = detail));
        }
    }
}

/// Logs go to stderr; results to stdout. `RUST_LOG` overrides `-v`.
fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(!no_color && std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
}

/// A closed pipe (`sop normalize x.pdf | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}
