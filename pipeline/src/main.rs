//! The `sop` command: glue between the stage crates, the async batch, and the
//! mapping of errors to messages and exit codes.
//!
//! Each subcommand lives in `cmd/<name>.rs` and returns an [`ExitCode`]:
//! 0 success, 1 a file could not be read / a problem was found, 2 the input is
//! not what the command needs (not an SOP, not the same school).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// jemalloc: flat memory over a long batch (glibc's malloc fragments under
/// it; BENCHMARKS.md has the figures).
#[cfg(all(target_os = "linux", not(target_env = "musl")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod batch;
mod cmd;
mod load;

#[derive(Parser)]
#[command(name = "sop", version, about = "Schoolondersteuningsprofielen: van PDF naar een controleerbaar archief")]
struct Cli {
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
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
    let cli = Cli::parse();
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
            eprintln!("sop: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(1)
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
