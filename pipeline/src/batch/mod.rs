//! The yearly batch behind `sop run`: documents from an inbox folder and from
//! URLs go through extraction, detection/normalisation and the archive (with
//! the diff against last year), and every document ends as one [`Row`] of the
//! run report.
//!
//! Shape (vector's topology, small): tokio tasks joined by bounded channels,
//!
//! ```text
//! source ──(read / fetch)──▶ extract ×jobs ──▶ normalise ×jobs ──▶ archive ×1 ──▶ collect
//!    │                            └── not read ──────────────────────▲             ▲
//!    └───────────── read and fetch failures go straight to collect ────────────────┘
//! ```
//!
//! - Every channel holds at most `jobs` documents, so memory depends on
//!   `--jobs`, not on how many documents the batch has.
//! - CPU work (and the blocking wait for the extraction child) runs on
//!   `spawn_blocking` threads, never on the async workers.
//! - A document that cannot be read (extraction or detection fails, a panic
//!   in a stage, an extraction that does not return within the time limit and
//!   is abandoned: the real extractor runs in a child process that is killed;
//!   see [`stages`]) still goes to the archive with its bytes and the reason
//!   ([`StageError`]: stage, stable code, message): filed as unread under its
//!   school, or held when no school can be told. Only a document whose bytes
//!   never arrived, or that the archive could not take, is a failed row.
//! - The stage crates are reached through the [`Stages`] seam, so the shape is
//!   tested with fakes (`tests.rs`) and wired to the real crates in
//!   [`stages::Real`].

pub mod fetch;
pub mod filing;
pub mod input;
pub mod progress;
pub mod real;
pub mod report;
pub mod stages;

#[cfg(test)]
mod tests;

use sop_i18n::t;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use sop_model::{Layout, Record};
use tokio::sync::{mpsc, Mutex, Semaphore};

pub use fetch::{FetchConfig, Fetched, Fetcher, Validators};
pub use input::{Input, InputKind};
pub use progress::Progress;
#[cfg(test)]
use report::Outcome;
pub use report::{Counts, Row, RunReport, StageTimes};
pub use stages::{Archivable, Archived, ArchivedOutcome, Stages};

/// What a batch needs to know besides its inputs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The school year of the batch, `YYYY-YYYY`: authoritative.
    pub year: String,
    /// Documents extracted and normalised at the same time.
    pub jobs: usize,
    /// Beyond this, an extraction is abandoned.
    pub extract_timeout: Duration,
    /// Largest inbox file read.
    pub max_bytes: u64,
    /// URLs downloaded at the same time, over all hosts.
    pub fetch_concurrency: usize,
}

/// The stage of the pipeline a document failed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Read,
    Fetch,
    Extract,
    Detect,
    Normalize,
    Archive,
    Diff,
}

impl Stage {
    /// The Dutch name used in reports.
    /// The stage's name for people, in the current language.
    pub fn dutch(self) -> String {
        match self {
            Stage::Read => t!("stage-read"),
            Stage::Fetch => t!("stage-fetch"),
            Stage::Extract => t!("stage-extract"),
            Stage::Detect => t!("stage-detect"),
            Stage::Normalize => t!("stage-normalize"),
            Stage::Archive => t!("stage-archive"),
            Stage::Diff => t!("stage-diff"),
        }
    }
}

/// Why a document stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageError {
    pub stage: Stage,
    /// A stable code for scripts and for the archive's reason files
    /// (`encrypted`, `not_pdf`, `unrecognised_template`, ...).
    pub code: &'static str,
    pub reason: String,
}

impl StageError {
    /// An error with the stage's general code; see [`StageError::with_code`].
    pub fn new(stage: Stage, reason: impl Into<String>) -> StageError {
        let code = match stage {
            Stage::Read => "read_error",
            Stage::Fetch => "fetch_error",
            Stage::Extract => "unreadable",
            Stage::Detect => "not_recognised",
            Stage::Normalize => "normalize_failed",
            Stage::Archive => "archive_error",
            Stage::Diff => "diff_error",
        };
        StageError { stage, code, reason: reason.into() }
    }

    pub fn with_code(self, code: &'static str) -> StageError {
        StageError { code, ..self }
    }

    /// As the archive keeps it with a document it could not read.
    pub fn to_unread(&self) -> sop_archive::Unread {
        let stage = serde_json::to_value(self.stage).ok().and_then(|v| v.as_str().map(str::to_string));
        sop_archive::Unread {
            stage: stage.unwrap_or_default(),
            code: self.code.to_string(),
            message: self.reason.clone(),
        }
    }
}

/// A document in flight. Its bytes travel with it because the archive keeps
/// the original file (also when it cannot be read); the bounded channels
/// keep the number in flight small. Cloning shares the bytes.
#[derive(Debug, Clone)]
pub struct Doc {
    pub input: Arc<Input>,
    pub bytes: Arc<Vec<u8>>,
    /// The file name recorded in `source.filename`.
    pub filename: String,
    /// From a download: remembered once the document is archived.
    pub validators: Option<Validators>,
}

impl Doc {
    pub fn is_pdf(&self) -> bool {
        fetch::is_pdf(&self.bytes)
    }
}

/// Accumulated busy time per stage, for the benchmark and the run report.
#[derive(Default)]
struct Timer {
    nanos: [AtomicU64; 5],
}

#[derive(Clone, Copy)]
enum Slot {
    Read = 0,
    Fetch = 1,
    Extract = 2,
    Normalize = 3,
    Archive = 4,
}

impl Timer {
    fn add(&self, slot: Slot, since: Instant) {
        let nanos = u64::try_from(since.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.nanos[slot as usize].fetch_add(nanos, Ordering::Relaxed);
    }
    fn times(&self) -> StageTimes {
        let s = |slot: Slot| self.nanos[slot as usize].load(Ordering::Relaxed) as f64 / 1e9;
        StageTimes {
            read_s: s(Slot::Read),
            fetch_s: s(Slot::Fetch),
            extract_s: s(Slot::Extract),
            normalize_s: s(Slot::Normalize),
            archive_s: s(Slot::Archive),
        }
    }
}

/// Runs the batch over `inputs` and returns one row per input, in input order.
/// Never fails as a whole: every problem is a row.
pub async fn run<S: Stages>(
    config: &Config,
    inputs: Vec<Input>,
    stages: Arc<S>,
    fetcher: Option<Fetcher>,
    progress: &Progress,
) -> (Vec<Row>, StageTimes) {
    let jobs = config.jobs.max(1);
    let timer = Arc::new(Timer::default());
    let (to_extract, extract_rx) = mpsc::channel::<(usize, Doc)>(jobs);
    let (to_normalize, normalize_rx) = mpsc::channel::<(usize, Doc, Layout)>(jobs);
    // To the archive: read documents with their record, and documents that
    // could not be read with the reason (they are archived all the same).
    let (to_archive, mut archive_rx) = mpsc::channel::<(usize, Doc, Result<Record, StageError>, Option<String>)>(jobs);
    let (done, mut done_rx) = mpsc::channel::<(usize, Row)>(jobs * 4 + 8);
    // Rows settled before the archive stage (failures, unchanged downloads)
    // pass through `early`, so that the archive stage knows not to wait for
    // them: it files documents in input order, which makes the ledger the
    // same whatever order the documents finish extraction in.
    let (early, mut early_rx) = mpsc::channel::<(usize, Row)>(jobs * 4 + 8);
    let settled = Arc::new(Settled::new(inputs.len()));
    let forwarder = {
        let (done, settled) = (done.clone(), settled.clone());
        tokio::spawn(async move {
            while let Some((i, row)) = early_rx.recv().await {
                settled.mark(i);
                let _ = done.send((i, row)).await;
            }
            settled.close();
        })
    };
    let total = inputs.len();
    let inputs: Vec<Arc<Input>> = inputs.into_iter().map(Arc::new).collect();

    // Source: inbox files are read in order; URLs are fetched concurrently.
    let source = {
        let (done, stages, timer, config) = (early.clone(), stages.clone(), timer.clone(), config.clone());
        let inputs = inputs.clone();
        tokio::spawn(async move {
            let fetch_slots = Arc::new(Semaphore::new(config.fetch_concurrency.max(1)));
            let mut fetches = tokio::task::JoinSet::new();
            for (i, input) in inputs.into_iter().enumerate() {
                match &input.kind {
                    InputKind::File(path) => {
                        let started = Instant::now();
                        let read = read_file(path.clone(), config.max_bytes).await;
                        timer.add(Slot::Read, started);
                        match read {
                            Ok(bytes) => {
                                let filename = crate::load::file_name(path);
                                let doc = Doc { input, bytes: Arc::new(bytes), filename, validators: None };
                                if to_extract.send((i, doc)).await.is_err() {
                                    return;
                                }
                            }
                            Err(e) => {
                                let _ = done.send((i, Row::failed(&input, e))).await;
                            }
                        }
                    }
                    InputKind::Url(url) => {
                        let Some(fetcher) = fetcher.clone() else {
                            let _ = done
                                .send((i, Row::failed(&input, StageError::new(Stage::Fetch, "no fetcher configured"))))
                                .await;
                            continue;
                        };
                        let permit = fetch_slots.clone().acquire_owned().await.expect("never closed");
                        let (to_extract, done, stages, timer, year, url) = (
                            to_extract.clone(),
                            done.clone(),
                            stages.clone(),
                            timer.clone(),
                            config.year.clone(),
                            url.clone(),
                        );
                        fetches.spawn(async move {
                            let _permit = permit;
                            let known = input.school.as_ref().and_then(|s| stages.known_validators(&s.id, &year, &url));
                            let started = Instant::now();
                            let got = fetcher.fetch(&url, known.as_ref()).await;
                            timer.add(Slot::Fetch, started);
                            match got {
                                Ok(Fetched::Pdf { bytes, validators, final_url, attempts }) => {
                                    if attempts > 1 {
                                        tracing::info!(%url, attempts, "downloaded after retrying");
                                    }
                                    let filename = url_file_name(&final_url);
                                    let doc =
                                        Doc { input, bytes: Arc::new(bytes), filename, validators: Some(validators) };
                                    let _ = to_extract.send((i, doc)).await;
                                }
                                Ok(Fetched::NotModified) => {
                                    let row = match input
                                        .school
                                        .as_ref()
                                        .and_then(|s| stages.archived_unchanged(&s.id, &year))
                                    {
                                        Some(archived) => Row::archived(&input, archived),
                                        None => Row::failed(
                                            &input,
                                            StageError::new(
                                                Stage::Fetch,
                                                "the server says unchanged, but the archive has no copy for this year",
                                            ),
                                        ),
                                    };
                                    let _ = done.send((i, row)).await;
                                }
                                Err(e) => {
                                    let _ = done
                                        .send((i, Row::failed(&input, StageError::new(Stage::Fetch, e.to_string()))))
                                        .await;
                                }
                            }
                        });
                    }
                }
            }
            while fetches.join_next().await.is_some() {}
        })
    };

    // Extract: `jobs` workers; each waits for its document on a blocking
    // thread and gives up after the time limit (plus a grace period for the
    // child's own limit to fire first).
    let extract_rx = Arc::new(Mutex::new(extract_rx));
    let mut extractors = Vec::new();
    for _ in 0..jobs {
        let (rx, to_normalize, to_archive, stages, timer) =
            (extract_rx.clone(), to_normalize.clone(), to_archive.clone(), stages.clone(), timer.clone());
        let limit = config.extract_timeout;
        extractors.push(tokio::spawn(async move {
            loop {
                let Some((i, doc)) = rx.lock().await.recv().await else {
                    break;
                };
                let started = Instant::now();
                let result = extract_with_deadline(stages.clone(), doc, limit).await;
                timer.add(Slot::Extract, started);
                match result {
                    Ok((doc, layout)) => {
                        if to_normalize.send((i, doc, layout)).await.is_err() {
                            break;
                        }
                    }
                    // Not read: the archive keeps it with the reason.
                    Err((doc, e)) => {
                        if to_archive.send((i, doc, Err(e), None)).await.is_err() {
                            break;
                        }
                    }
                }
            }
        }));
    }
    drop(to_normalize);

    let normalize_rx = Arc::new(Mutex::new(normalize_rx));
    let mut normalizers = Vec::new();
    for _ in 0..jobs {
        let (rx, to_archive, stages, timer) = (normalize_rx.clone(), to_archive.clone(), stages.clone(), timer.clone());
        normalizers.push(tokio::spawn(async move {
            loop {
                let Some((i, doc, layout)) = rx.lock().await.recv().await else {
                    break;
                };
                let started = Instant::now();
                let stages = stages.clone();
                let kept = doc.clone();
                let result = tokio::task::spawn_blocking(move || {
                    let text = layout.text();
                    let source = crate::load::source_of(doc.filename.clone(), &doc.bytes, &layout);
                    let record = stages.normalize(&layout, source);
                    drop(layout);
                    (record, text)
                })
                .await;
                timer.add(Slot::Normalize, started);
                // Read or not, the document goes to the archive.
                let (record, text) = match result {
                    Ok((record, text)) => (record, Some(text)),
                    Err(e) => {
                        (Err(StageError::new(Stage::Normalize, panic_reason(e)).with_code("internal_error")), None)
                    }
                };
                if to_archive.send((i, kept, record, text)).await.is_err() {
                    break;
                }
            }
        }));
    }
    drop(to_archive);

    // Archive: one at a time (the archive has one writer), in input order.
    let archiver = {
        let (done, stages, timer, year, settled) =
            (done.clone(), stages.clone(), timer.clone(), config.year.clone(), settled.clone());
        tokio::spawn(async move {
            #[allow(clippy::type_complexity)]
            let mut pending: std::collections::BTreeMap<
                usize,
                (usize, Doc, Result<Record, StageError>, Option<String>),
            > = Default::default();
            let mut next = 0;
            let mut upstream_open = true;
            loop {
                // File every document whose turn it is; skip the settled ones.
                while next < total {
                    if settled.is(next) {
                        next += 1;
                    } else if let Some((i, doc, read, text)) = pending.remove(&next) {
                        archive_one(i, doc, read, text, &stages, &timer, &year, &done).await;
                        next += 1;
                    } else {
                        break;
                    }
                }
                if next >= total {
                    break;
                }
                if upstream_open {
                    tokio::select! {
                        item = archive_rx.recv() => match item {
                            Some(item) => { pending.insert(item.0, item); }
                            None => upstream_open = false,
                        },
                        _ = settled.changed() => {}
                    }
                } else if !settled.is_closed() {
                    settled.changed().await;
                } else {
                    // Nothing more can arrive: a document neither settled nor
                    // received was lost (the collector reports it); file the rest.
                    next += 1;
                }
            }
        })
    };
    drop(done);
    drop(early);

    let mut rows: Vec<Option<Row>> = (0..total).map(|_| None).collect();
    while let Some((i, row)) = done_rx.recv().await {
        progress.record(&row);
        rows[i] = Some(row);
    }
    let _ = source.await;
    for t in extractors.into_iter().chain(normalizers) {
        let _ = t.await;
    }
    let _ = archiver.await;
    let _ = forwarder.await;
    let rows = rows
        .into_iter()
        .zip(&inputs)
        .map(|(row, input)| {
            row.unwrap_or_else(|| {
                Row::failed(
                    input,
                    StageError::new(Stage::Read, "internal error: the document got lost in the pipeline"),
                )
            })
        })
        .collect();
    (rows, timer.times())
}

/// The layout of `doc`, or the document back with why it could not be read.
async fn extract_with_deadline<S: Stages>(
    stages: Arc<S>,
    doc: Doc,
    limit: Duration,
) -> Result<(Doc, Layout), (Doc, StageError)> {
    let input = doc.clone();
    let task = tokio::task::spawn_blocking(move || {
        let layout = stages.extract(&doc, limit)?;
        Ok::<_, StageError>((doc, layout))
    });
    // The real extractor kills its child at `limit`; this deadline catches an
    // extractor that does not, and leaves its thread behind.
    let grace = Duration::from_secs(5).min(limit);
    match tokio::time::timeout(limit + grace, task).await {
        Ok(Ok(Ok(done))) => Ok(done),
        Ok(Ok(Err(e))) => Err((input, e)),
        Ok(Err(join)) => Err((input, StageError::new(Stage::Extract, panic_reason(join)).with_code("internal_error"))),
        Err(_) => Err((input, StageError::new(Stage::Extract, abandoned(limit)).with_code("timeout"))),
    }
}

/// The reason for a document whose extraction ran out of time.
pub fn abandoned(limit: Duration) -> String {
    t!("batch-abandoned", secs = limit.as_secs_f64().round())
}

fn panic_reason(e: tokio::task::JoinError) -> String {
    if e.is_panic() {
        let payload = e.into_panic();
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        t!("batch-internal-panic", detail = msg)
    } else {
        t!("batch-internal-cancelled")
    }
}

async fn read_file(path: PathBuf, max: u64) -> Result<Vec<u8>, StageError> {
    tokio::task::spawn_blocking(move || {
        let meta = std::fs::metadata(&path).map_err(|e| {
            StageError::new(Stage::Read, t!("batch-cannot-read", path = &path, reason = sop_i18n::io_error(&e)))
        })?;
        if meta.len() > max {
            return Err(StageError::new(Stage::Read, t!("batch-too-large", path = &path, limit = max / (1024 * 1024))));
        }
        std::fs::read(&path).map_err(|e| {
            StageError::new(Stage::Read, t!("batch-cannot-read", path = &path, reason = sop_i18n::io_error(&e)))
        })
    })
    .await
    .unwrap_or_else(|e| Err(StageError::new(Stage::Read, panic_reason(e))))
}

/// The last path segment of a URL, or `download.pdf`.
fn url_file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or("");
    if last.is_empty() || last.contains(':') {
        "download.pdf".into()
    } else {
        last.to_string()
    }
}

/// Files one document (read or not) and sends its row.
#[allow(clippy::too_many_arguments)]
async fn archive_one<S: Stages>(
    i: usize,
    doc: Doc,
    read: Result<Record, StageError>,
    text: Option<String>,
    stages: &Arc<S>,
    timer: &Arc<Timer>,
    year: &str,
    done: &mpsc::Sender<(usize, Row)>,
) {
    let year = year.to_string();
    let started = Instant::now();
    let input = doc.input.clone();
    let stages = stages.clone();
    let input_for_task = input.clone();
    let result = tokio::task::spawn_blocking(move || {
        let input = input_for_task;
        let mut warnings = Vec::new();
        if let Ok(record) = &read {
            if record.school_year.as_deref() != Some(year.as_str()) {
                warnings.push(match &record.school_year {
                    Some(own) => t!("batch-year-differs", own = own, year = &year),
                    None => t!("batch-year-missing", year = &year),
                });
            }
        }
        let template = read.as_ref().ok().map(|r| r.template.family.clone());
        let own_year = read.as_ref().ok().and_then(|r| r.school_year.clone());
        let validators = doc.validators.clone();
        let sha256 = crate::load::sha256_hex(&doc.bytes);
        let archived = stages.archive(Archivable {
            input: doc.input.clone(),
            bytes: doc.bytes,
            filename: doc.filename,
            read,
            text,
            year: year.clone(),
        })?;
        if let (Some(v), InputKind::Url(url)) = (validators, &input.kind) {
            if !v.is_empty() && archived.held.is_none() {
                stages.remember_validators(&archived.school, &year, url, &v, &sha256);
            }
        }
        if archived.held.is_some() {
            // Filed under no school yet: the batch year is only where it waits.
            warnings.clear();
        }
        let mut row = Row::archived(&input, Archived { template, year: own_year, ..archived });
        warnings.append(&mut row.warnings);
        row.warnings = warnings;
        Ok::<Row, StageError>(row)
    })
    .await
    .unwrap_or_else(|e| Err(StageError::new(Stage::Archive, panic_reason(e))));
    timer.add(Slot::Archive, started);
    let row = result.unwrap_or_else(|e| Row::failed(&input, e));
    let _ = done.send((i, row)).await;
}

/// Which inputs were settled before the archive stage, and whether every
/// such row has been seen.
struct Settled {
    flags: std::sync::Mutex<(Vec<bool>, bool)>,
    notify: tokio::sync::Notify,
}

impl Settled {
    fn new(n: usize) -> Settled {
        Settled { flags: std::sync::Mutex::new((vec![false; n], false)), notify: tokio::sync::Notify::new() }
    }
    fn mark(&self, i: usize) {
        self.flags.lock().expect("settled").0[i] = true;
        self.notify.notify_one();
    }
    fn close(&self) {
        self.flags.lock().expect("settled").1 = true;
        self.notify.notify_one();
    }
    fn is(&self, i: usize) -> bool {
        self.flags.lock().expect("settled").0[i]
    }
    fn is_closed(&self) -> bool {
        self.flags.lock().expect("settled").1
    }
    /// Resolves after the next `mark` or `close` (or at once if one came
    /// since the last wait: `notify_one` keeps a permit).
    async fn changed(&self) {
        self.notify.notified().await;
    }
}
