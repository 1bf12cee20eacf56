//! `sop run`: the yearly batch. Collects the inputs, runs [`crate::batch`] on a
//! tokio runtime, writes the run report into the archive and prints the
//! summary. Exit code 0 when every document went through, 1 when any failed.

use sop_i18n::t;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};

use crate::batch::{self, input, real::Real, report, Config, FetchConfig, Fetcher, Progress, RunReport};

#[derive(clap::Args)]
pub struct Args {
    /// The school year of this batch, e.g. 2024-2025. Every document is archived under it.
    #[arg(long, value_name = "YYYY-YYYY")]
    year: String,
    /// A folder with the PDFs (and .txt files) the schools sent; any file names.
    #[arg(long, value_name = "DIR")]
    inbox: Option<PathBuf>,
    /// A CSV with the columns school_id,url (and optionally name,brin) to download.
    #[arg(long, value_name = "FILE.csv")]
    sources: Option<PathBuf>,
    /// The list of schools (id,brin,name,aliases,url,email_domain) used to tell which school a document is.
    #[arg(long, value_name = "schools.csv")]
    registry: Option<PathBuf>,
    /// The archive folder; created when it does not exist.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
    /// Documents processed at the same time [default: the number of cores].
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Seconds one document's text extraction (OCR of scanned pages included) may take before it is abandoned.
    #[arg(long = "timeout-secs", alias = "timeout", value_name = "SECS",
          default_value_t = sop_extract::Limits::default().timeout.as_secs())]
    timeout: u64,
    /// Seconds the OCR of one scanned page may take; the page is then left unread, with a warning.
    #[arg(long, value_name = "SECS", default_value_t = sop_extract::Limits::default().ocr_page_timeout.as_secs())]
    ocr_page_secs: u64,
    /// Seconds one download attempt may take.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    fetch_timeout: u64,
    /// The largest document accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 50)]
    max_size: u64,
    /// Memory limit of one extraction process, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 1024)]
    max_memory: u64,
    /// For tests: the program run as the extraction child instead of this one.
    #[arg(long, hide = true, value_name = "PATH")]
    extract_child_exe: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Err(e) = sop_archive::check_school_year(&args.year) {
        bail!("--year {}: {e}", args.year);
    }
    if args.inbox.is_none() && args.sources.is_none() {
        bail!(t!("run-nothing-to-do"));
    }
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);
    let registry = match &args.registry {
        Some(path) => Some(
            sop_archive::Registry::from_csv(path)
                .with_context(|| format!("cannot use the registry `{}`", path.display()))?,
        ),
        None => None,
    };
    let mut inputs = Vec::new();
    if let Some(dir) = &args.inbox {
        inputs.extend(input::inbox(dir)?);
    }
    if let Some(csv) = &args.sources {
        inputs.extend(input::sources(csv)?);
    }
    if inputs.is_empty() {
        tracing::warn!("no documents found: the inbox is empty and the sources list has no rows");
    }

    let started = SystemTime::now();
    let clock = Instant::now();
    // The one set of limits of the run: reading, downloading and extracting.
    let limits = sop_extract::Limits {
        max_bytes: args.max_size.saturating_mul(1024 * 1024),
        timeout: Duration::from_secs(args.timeout.max(1)),
        memory_bytes: args.max_memory.saturating_mul(1024 * 1024),
        ocr_page_timeout: Duration::from_secs(args.ocr_page_secs.max(1)),
        ..sop_extract::Limits::default()
    };
    let exe = match args.extract_child_exe.clone() {
        Some(exe) => exe,
        None => std::env::current_exe().context("cannot find the `sop` program itself")?,
    };
    let created =
        source_date_epoch().unwrap_or_else(|| started.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    let stages = Arc::new(Real::new(exe, &args.archive, registry, created)?);
    let fetch_config =
        FetchConfig { total_timeout: Duration::from_secs(args.fetch_timeout.max(1)), ..FetchConfig::default() };

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("sop-run")
        .build()
        .context("cannot start the async runtime")?;
    let progress = Progress::for_stderr(inputs.len());
    let fetcher = if args.sources.is_some() {
        Some(runtime.block_on(async { Fetcher::new(fetch_config, &limits) })?)
    } else {
        None
    };
    let config = Config { year: args.year.clone(), jobs, limits, fetch_concurrency: 8 };
    let (rows, stage_times) = runtime.block_on(batch::run(&config, inputs, stages.clone(), fetcher, &progress));
    progress.finish();
    // An abandoned extraction may still hold a blocking thread; do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));

    let report = RunReport {
        schema: report::RUN_SCHEMA,
        started: report::iso_utc(started),
        school_year: args.year.clone(),
        jobs,
        duration_s: (clock.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
        inbox: args.inbox.as_ref().map(|p| p.display().to_string()),
        sources: args.sources.as_ref().map(|p| p.display().to_string()),
        archive: args.archive.display().to_string(),
        counts: batch::Counts::of(&rows),
        stage_times,
        documents: rows,
    };
    let stem = unused_stem(&args.archive, &report.file_stem());
    stages.flush()?;
    stages.write_report(&format!("{stem}.json"), &report.to_json())?;
    let md_path = stages.write_report(&format!("{stem}.md"), report.to_markdown().as_bytes())?;
    let overview =
        super::overview::after_run(&mut stages.archive(), &args.year, args.registry.as_deref(), &report.documents);

    let mut out = String::new();
    out.push_str(&t!(
        "run-heading",
        year = &report.school_year,
        n = report.counts.total,
        secs = format!("{:.1}", report.duration_s)
    ));
    out.push_str("\n\n");
    out.push_str(&report.summary_table());
    out.push_str(&format!("\n{}\n", t!("run-report-at", path = &md_path)));
    let diffs: Vec<&str> = report.documents.iter().filter_map(|r| r.diff_report.as_deref()).collect();
    if !diffs.is_empty() {
        out.push_str(&format!("{}\n", t!("run-diffs")));
        for d in diffs {
            out.push_str(&format!("  {d}\n"));
        }
    }
    let held: Vec<&str> = report
        .documents
        .iter()
        .filter_map(|r| match &r.outcome {
            report::Outcome::Held { command, .. } => Some(command.as_str()),
            _ => None,
        })
        .collect();
    if !held.is_empty() {
        out.push_str(&format!("{}\n", t!("run-held")));
        for c in held {
            out.push_str(&format!("  {c}\n"));
        }
    }
    if let Some(p) = &overview {
        out.push_str(&format!("{}\n", t!("run-overview-at", year = &report.school_year, path = p)));
    }
    use std::io::Write as _;
    std::io::stdout().lock().write_all(out.as_bytes())?;
    // Documents not read or without a school are in the archive, but a
    // person has to act on them: the same exit code as a failure.
    Ok(if report.counts.needing_attention() > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `SOURCE_DATE_EPOCH`, for reproducible bundles.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// Two runs in the same second must not overwrite each other's report.
fn unused_stem(archive: &std::path::Path, stem: &str) -> String {
    let dir = sop_archive::reports_dir(archive);
    let taken = |s: &str| dir.join(format!("{s}.json")).exists() || dir.join(format!("{s}.md")).exists();
    if !taken(stem) {
        return stem.to_string();
    }
    (2..).map(|n| format!("{stem}-{n}")).find(|s| !taken(s)).expect("some suffix is free")
}
