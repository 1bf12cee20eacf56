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
//! - Every channel holds at most `jobs` documents, and at most
//!   [`admitted_at_once`] documents are in flight at all (each at most
//!   `--max-size` bytes), so memory depends on `--jobs` and `--max-size`, not
//!   on how many documents the batch has.
//! - A document is read once (or downloaded) through the loader
//!   (`crate::load`); its bytes go on in memory to extraction and the archive.
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
#[cfg(test)]
mod tests_family;

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
    /// What one document may cost, the one set of limits: its size (an inbox
    /// file over it is not read, a download over it is stopped), its
    /// extraction time (beyond it, the extraction is abandoned), the memory
    /// of the extraction child and the OCR time per page.
    pub limits: sop_extract::Limits,
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

/// A document in flight. Its bytes (read once, or downloaded; at most
/// `--max-size`) travel with it in memory: extraction gets them over the
/// child's stdin and the archive keeps them as the original (also when the
/// document cannot be read). Cloning shares the bytes.
#[derive(Debug, Clone)]
pub struct Doc {
    pub input: Arc<Input>,
    pub bytes: Arc<Vec<u8>>,
    /// The file name recorded in `source.filename`.
    pub filename: String,
    /// From a download: remembered once the document is archived.
    pub validators: Option<Validators>,
    /// The document's place in the batch's window ([`admitted_at_once`]);
    /// given back when the last clone that holds it is dropped.
    _admitted: Option<Arc<tokio::sync::OwnedSemaphorePermit>>,
}

impl Doc {
    /// The same document without its place in the window: for a thread that
    /// may outlive the document's turn (an abandoned extraction).
    fn unadmitted(&self) -> Doc {
        Doc { _admitted: None, ..self.clone() }
    }
}

/// Documents admitted into the batch at once, from the moment their bytes are
/// read or their download starts until their row is settled: the channels'
/// `jobs` each, the `jobs` extractions and normalisations, the one being
/// archived, and room for the archive stage to wait for a slow document while
/// the ones after it are done. With each document's bytes at most
/// `--max-size`, this bounds the bytes the batch holds, whatever its size and
/// whatever order documents finish in.
fn admitted_at_once(jobs: usize) -> usize {
    6 * jobs + 2
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
    // Room for a few per job: what waits here while the writer commits a
    // group is its next group, so that a slow disk makes groups larger
    // rather than the extraction wait.
    let (to_archive, mut archive_rx) = mpsc::channel::<ForArchive>(jobs * ARCHIVE_QUEUE_PER_JOB);
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
            let window = Arc::new(Semaphore::new(admitted_at_once(jobs)));
            let mut fetches = tokio::task::JoinSet::new();
            for (i, input) in inputs.into_iter().enumerate() {
                // In input order: the lowest document not yet settled is
                // always admitted, so the archive stage never waits for one
                // that cannot get in.
                let admitted = Some(Arc::new(window.clone().acquire_owned().await.expect("never closed")));
                match &input.kind {
                    InputKind::File(path) => {
                        let started = Instant::now();
                        let read = read_file(path.clone(), config.limits.clone()).await;
                        timer.add(Slot::Read, started);
                        match read {
                            Ok(bytes) => {
                                let filename = crate::load::file_name(path);
                                let doc = Doc {
                                    input,
                                    bytes: Arc::new(bytes),
                                    filename,
                                    validators: None,
                                    _admitted: admitted,
                                };
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
                                .send((i, Row::failed(&input, StageError::new(Stage::Fetch, t!("batch-no-fetcher")))))
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
                                    let validators = Some(validators);
                                    let doc = Doc {
                                        input,
                                        bytes: Arc::new(bytes),
                                        filename,
                                        validators,
                                        _admitted: admitted,
                                    };
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
                                            StageError::new(Stage::Fetch, t!("batch-unchanged-no-copy")),
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
        let limits = config.limits.clone();
        extractors.push(tokio::spawn(async move {
            loop {
                let Some((i, doc)) = rx.lock().await.recv().await else {
                    break;
                };
                let started = Instant::now();
                let result = extract_with_deadline(stages.clone(), doc, &limits).await;
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

    // Archive: one writer, in input order. The documents ready when it
    // turns to them are filed as one group: their bundles made durable one
    // by one, then their ledger lines appended with one fsync.
    let archiver = {
        let (done, stages, timer, year, settled) =
            (done.clone(), stages.clone(), timer.clone(), config.year.clone(), settled.clone());
        tokio::spawn(async move {
            let mut pending: std::collections::BTreeMap<usize, ForArchive> = Default::default();
            let mut next = 0;
            let mut upstream_open = true;
            loop {
                // Whatever is ready now, without waiting.
                while let Ok(item) = archive_rx.try_recv() {
                    pending.insert(item.0, item);
                }
                // The documents whose turn it is, as one group; skip the settled ones.
                let mut group = Vec::new();
                while next < total {
                    if settled.is(next) {
                        next += 1;
                    } else if let Some(item) = pending.remove(&next) {
                        group.push(item);
                        next += 1;
                    } else {
                        break;
                    }
                }
                if !group.is_empty() {
                    archive_group(group, &stages, &timer, &year, &done).await;
                    continue;
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
            row.unwrap_or_else(|| Row::failed(input, StageError::new(Stage::Read, t!("batch-internal-lost"))))
        })
        .collect();
    (rows, timer.times())
}

/// The layout of `doc`, or the document back with why it could not be read.
async fn extract_with_deadline<S: Stages>(
    stages: Arc<S>,
    doc: Doc,
    limits: &sop_extract::Limits,
) -> Result<(Doc, Layout), (Doc, StageError)> {
    let input = doc.clone();
    let limit = limits.timeout;
    let limits = limits.clone();
    let doc = doc.unadmitted();
    let task = tokio::task::spawn_blocking(move || {
        let layout = stages.extract(&doc, &limits)?;
        Ok::<_, StageError>(layout)
    });
    // The real extractor kills its child at `limit`; this deadline catches an
    // extractor that does not, and leaves its thread behind.
    let grace = Duration::from_secs(5).min(limit);
    match tokio::time::timeout(limit + grace, task).await {
        Ok(Ok(Ok(layout))) => Ok((input, layout)),
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
        panic_message(e.into_panic())
    } else {
        t!("batch-internal-cancelled")
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".into());
    t!("batch-internal-panic", detail = msg)
}

/// An inbox file's bytes, read once (through the loader, `load::read`);
/// a file over the size limit is not read.
async fn read_file(path: PathBuf, limits: sop_extract::Limits) -> Result<Vec<u8>, StageError> {
    tokio::task::spawn_blocking(move || {
        crate::load::read(&path, &limits).map_err(|e| {
            use crate::load::LoadError;
            use sop_extract::ExtractError;
            let reason = match e {
                LoadError::Extract(ExtractError::TooLarge { limit, .. }) => {
                    t!("batch-too-large", path = &path, limit = limit / (1024 * 1024))
                }
                other => other.to_string(),
            };
            StageError::new(Stage::Read, reason)
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

/// A document for the archive stage: its index, the document, its record
/// (or why it could not be read) and its text.
type ForArchive = (usize, Doc, Result<Record, StageError>, Option<String>);

/// Documents per job that may wait for the archive stage.
const ARCHIVE_QUEUE_PER_JOB: usize = 4;

/// Files a group of documents (read or not), in order, makes them durable
/// together ([`Stages::commit_group`]) and only then sends their rows: a
/// document is reported archived once its ledger line is.
async fn archive_group<S: Stages>(
    group: Vec<ForArchive>,
    stages: &Arc<S>,
    timer: &Arc<Timer>,
    year: &str,
    done: &mpsc::Sender<(usize, Row)>,
) {
    let started = Instant::now();
    let inputs: Vec<(usize, Arc<Input>)> = group.iter().map(|(i, doc, _, _)| (*i, doc.input.clone())).collect();
    let (stages, year) = (stages.clone(), year.to_string());
    let filed = tokio::task::spawn_blocking(move || {
        stages.begin_group();
        let mut rows = Vec::with_capacity(group.len());
        for (i, doc, read, text) in group {
            let input = doc.input.clone();
            let one = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                file_one(doc, read, text, stages.as_ref(), &year)
            }))
            .unwrap_or_else(|p| Err(StageError::new(Stage::Archive, panic_message(p))));
            rows.push((i, input, one));
        }
        let committed = stages.commit_group();
        rows.into_iter()
            .map(|(i, input, one)| {
                let row = match (one, &committed) {
                    // Its bundle is durable, its line is not: the next run records it.
                    (Ok((_, true)), Err(e)) => Row::failed(&input, e.clone()),
                    (Ok((row, _)), _) => row,
                    (Err(e), _) => Row::failed(&input, e),
                };
                (i, row)
            })
            .collect::<Vec<_>>()
    })
    .await;
    timer.add(Slot::Archive, started);
    let rows = filed.unwrap_or_else(|e| {
        let why = StageError::new(Stage::Archive, panic_reason(e));
        inputs.iter().map(|(i, input)| (*i, Row::failed(input, why.clone()))).collect()
    });
    for row in rows {
        let _ = done.send(row).await;
    }
}

/// Files one document (read or not): its row, and whether it added a
/// ledger line (which the group's commit makes durable).
fn file_one<S: Stages>(
    doc: Doc,
    read: Result<Record, StageError>,
    text: Option<String>,
    stages: &S,
    year: &str,
) -> Result<(Row, bool), StageError> {
    let input = doc.input.clone();
    let mut warnings = Vec::new();
    if let Ok(record) = &read {
        if record.school_year.as_deref() != Some(year) {
            warnings.push(match &record.school_year {
                Some(own) => t!("batch-year-differs", own = own, year = year),
                None => t!("batch-year-missing", year = year),
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
        year: year.to_string(),
    })?;
    if let (Some(v), InputKind::Url(url)) = (validators, &input.kind) {
        if !v.is_empty() && archived.held.is_none() {
            stages.remember_validators(&archived.school, year, url, &v, &sha256);
        }
    }
    if archived.held.is_some() {
        // Filed under no school yet: the batch year is only where it waits.
        warnings.clear();
    }
    let added = match &archived.held {
        Some(h) => h.new,
        None => archived.outcome != ArchivedOutcome::Unchanged,
    };
    let mut row = Row::archived(&input, Archived { template, year: own_year, ..archived });
    warnings.append(&mut row.warnings);
    row.warnings = warnings;
    Ok((row, added))
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
