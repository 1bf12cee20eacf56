//! The shape of the batch, with fake stages: failures at every stage are
//! isolated, a hanging extraction is abandoned, a panic is a failure, the
//! batch year is authoritative and the channels stay bounded.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use sop_model::{Layout, Record, Source, Template};

use super::*;

/// Fake stages driven by the document's text: a `.txt` whose first line says
/// what to do (`ok <school> <year>`, `fail-extract`, `hang`, `panic`,
/// `not-sop`, `fail-archive`).
#[derive(Default)]
struct Fake {
    /// Released by the test once the batch is over, so that the hung thread ends.
    release: Arc<(Mutex<bool>, Condvar)>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    /// Documents whose extraction started and that did not reach the archive yet.
    open: AtomicUsize,
    max_open: AtomicUsize,
    archived: Mutex<BTreeMap<(String, String), Vec<String>>>,
    validators: Mutex<BTreeMap<String, Validators>>,
    /// The schools filed in each group commit, in order.
    groups: Mutex<Vec<Vec<String>>>,
}

impl Fake {
    /// The document without its PDF header line, if any.
    fn text(doc: &Doc) -> String {
        String::from_utf8_lossy(&doc.bytes).lines().filter(|l| !l.starts_with("%PDF")).collect::<Vec<_>>().join("\n")
    }
    fn command(doc: &Doc) -> String {
        Fake::text(doc).lines().next().unwrap_or("").to_string()
    }
    fn release(&self) {
        *self.release.0.lock().unwrap() = true;
        self.release.1.notify_all();
    }
}

impl Stages for Fake {
    fn extract(&self, doc: &Doc, _limits: &sop_extract::Limits) -> Result<Layout, StageError> {
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_in_flight.fetch_max(now, Ordering::SeqCst);
        let open = self.open.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_open.fetch_max(open, Ordering::SeqCst);
        let cmd = Fake::command(doc);
        let result = match cmd.split(' ').next().unwrap_or("") {
            "fail-extract" => Err(StageError::new(Stage::Extract, "damaged PDF")),
            "slow" => {
                std::thread::sleep(Duration::from_secs(1));
                Ok(Layout::from_text("ok slow 2024-2025"))
            }
            "hang" => {
                let (lock, cv) = &*self.release;
                let _unused = cv
                    .wait_timeout_while(lock.lock().unwrap(), Duration::from_secs(60), |released| !*released)
                    .unwrap();
                Err(StageError::new(Stage::Extract, "released"))
            }
            "panic-extract" => panic!("boom in extract"),
            _ => {
                // Long enough for documents to pile up if the channels were unbounded.
                std::thread::sleep(Duration::from_millis(5));
                Ok(Layout::from_text(&Fake::text(doc)))
            }
        };
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        result
    }

    fn normalize(&self, layout: &Layout, source: Source) -> Result<Record, StageError> {
        let text = layout.text();
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.first().copied() {
            Some("not-sop") => Err(StageError::new(Stage::Detect, "not an SOP: no SOP markers")),
            Some("panic-normalize") => panic!("boom in normalize"),
            _ => {
                let template = Template {
                    family: "sppoh-model-2021-2025".into(),
                    revision: None,
                    confidence: 1.0,
                    evidence: vec![],
                };
                let mut record = Record::empty(template, source);
                record.school.name = words.get(1).map(|s| s.to_string());
                record.school_year = words.get(2).map(|s| s.to_string());
                Ok(record)
            }
        }
    }

    fn archive(&self, item: Archivable) -> Result<Archived, StageError> {
        self.open.fetch_sub(1, Ordering::SeqCst);
        let sha256 = crate::load::sha256_hex(&item.bytes);
        let record = match item.read {
            Ok(record) => record,
            // Not read: kept, with the reason.
            Err(e) => {
                let mut archived = self.archived.lock().unwrap();
                let versions = archived.entry(("unread".into(), item.year.clone())).or_default();
                let outcome =
                    if versions.contains(&sha256) { ArchivedOutcome::Unchanged } else { ArchivedOutcome::New };
                versions.push(sha256);
                return Ok(Archived {
                    school: "unread".into(),
                    school_name: None,
                    outcome,
                    template: None,
                    year: None,
                    changes: None,
                    diff_report: None,
                    warnings: vec![],
                    unread: Some(e),
                    held: None,
                });
            }
        };
        let school = record.school.name.clone().unwrap_or_else(|| "unknown".into());
        if school == "fail-archive" {
            return Err(StageError::new(Stage::Archive, "disk full"));
        }
        if school == "slow" {
            // A slow disk: the documents behind it pile up for the next group.
            std::thread::sleep(Duration::from_millis(300));
        }
        if let Some(g) = self.groups.lock().unwrap().last_mut() {
            g.push(school.clone());
        }
        let mut archived = self.archived.lock().unwrap();
        let versions = archived.entry((school.clone(), item.year.clone())).or_default();
        let outcome = match versions.last() {
            None => ArchivedOutcome::New,
            Some(last) if *last == record.source.sha256 => ArchivedOutcome::Unchanged,
            Some(_) => ArchivedOutcome::NewVersion,
        };
        if outcome != ArchivedOutcome::Unchanged {
            versions.push(record.source.sha256.clone());
        }
        Ok(Archived {
            school,
            school_name: None,
            outcome,
            template: None,
            year: None,
            changes: Some(0),
            diff_report: None,
            warnings: vec![],
            unread: None,
            held: None,
        })
    }

    fn begin_group(&self) {
        self.groups.lock().unwrap().push(Vec::new());
    }

    fn commit_group(&self) -> Result<(), StageError> {
        let groups = self.groups.lock().unwrap();
        if groups.last().is_some_and(|g| g.iter().any(|s| s == "fail-commit")) {
            return Err(StageError::new(Stage::Archive, "cannot append to the ledger: disk full"));
        }
        Ok(())
    }

    fn known_validators(&self, _school: &str, _year: &str, url: &str) -> Option<Validators> {
        self.validators.lock().unwrap().get(url).cloned()
    }

    fn remember_validators(&self, _school: &str, _year: &str, url: &str, v: &Validators, _sha256: &str) {
        self.validators.lock().unwrap().insert(url.to_string(), v.clone());
    }

    fn archived_unchanged(&self, school: &str, year: &str) -> Option<Archived> {
        self.archived.lock().unwrap().get(&(school.to_string(), year.to_string())).map(|_| Archived {
            school: school.into(),
            school_name: None,
            outcome: ArchivedOutcome::Unchanged,
            template: Some("sppoh-model-2021-2025".into()),
            year: Some(year.into()),
            changes: None,
            diff_report: None,
            warnings: vec![],
            unread: None,
            held: None,
        })
    }
}

fn config(jobs: usize) -> Config {
    Config {
        year: "2024-2025".into(),
        jobs,
        limits: sop_extract::Limits {
            timeout: Duration::from_millis(300),
            max_bytes: 1024 * 1024,
            ..sop_extract::Limits::default()
        },
        fetch_concurrency: 4,
    }
}

fn write_inbox(dir: &Path, docs: &[(&str, &str)]) -> Vec<Input> {
    for (name, text) in docs {
        std::fs::write(dir.join(name), text).unwrap();
    }
    input::inbox(dir).unwrap()
}

fn status(rows: &[Row]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| {
            let name = Path::new(&r.input).file_name().unwrap().to_string_lossy().into_owned();
            let outcome = match &r.outcome {
                Outcome::Failed { stage, .. } => format!("failed at {stage:?}"),
                Outcome::Unread { stage, .. } => format!("unread at {stage:?}"),
                o => o.dutch(),
            };
            (name, outcome)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_at_every_stage_leave_the_rest_of_the_batch_alone() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_inbox(
        dir.path(),
        &[
            ("a.txt", "ok diamant 2024-2025"),
            ("b.txt", "fail-extract"),
            ("c.txt", "hang"),
            ("d.txt", "not-sop x"),
            ("e.txt", "panic-extract"),
            ("f.txt", "panic-normalize"),
            ("g.txt", "ok fail-archive 2024-2025"),
            ("h.txt", "ok kristal 2024-2025"),
        ],
    );
    let fake = Arc::new(Fake::default());
    let progress = Progress::silent(inputs.len());
    // Long enough that a panic's backtrace (RUST_BACKTRACE=1 on a loaded
    // machine) is not taken for a hang; "hang" still runs into it.
    let mut config = config(2);
    config.limits.timeout = Duration::from_secs(3);
    let (rows, _) = run(&config, inputs, fake.clone(), None, &progress).await;
    fake.release();
    assert_eq!(
        status(&rows),
        vec![
            ("a.txt".into(), "nieuw".into()),
            ("b.txt".into(), "unread at Extract".into()),
            ("c.txt".into(), "unread at Extract".into()),
            ("d.txt".into(), "unread at Detect".into()),
            ("e.txt".into(), "unread at Extract".into()),
            ("f.txt".into(), "unread at Normalize".into()),
            ("g.txt".into(), "failed at Archive".into()),
            ("h.txt".into(), "nieuw".into()),
        ]
    );
    let reason = |i: usize| match &rows[i].outcome {
        Outcome::Failed { reason, .. } | Outcome::Unread { reason, .. } => reason.clone(),
        _ => unreachable!(),
    };
    let code = |i: usize| match &rows[i].outcome {
        Outcome::Unread { code, .. } => code.clone(),
        _ => unreachable!(),
    };
    assert_eq!(reason(1), "damaged PDF");
    assert!(reason(2).contains("opgegeven"), "{}", reason(2));
    assert_eq!(code(2), "timeout");
    assert!(reason(4).contains("boom in extract"), "{}", reason(4));
    assert_eq!(code(4), "internal_error");
    assert!(reason(5).contains("boom in normalize"), "{}", reason(5));
    assert_eq!(code(3), "not_recognised");
    assert_eq!(reason(6), "disk full");
    assert_eq!(
        progress.counts(),
        Counts { total: 8, new: 2, new_version: 0, unchanged: 0, unread: 5, held: 0, failed: 1 }
    );
    // Every document that was not read reached the archive stage with its
    // bytes (a hung or panicking extraction included), in input order.
    let unread = fake.archived.lock().unwrap().get(&("unread".to_string(), "2024-2025".to_string())).cloned();
    assert_eq!(unread.map(|v| v.len()), Some(5));
}

/// An inbox of `n` documents: the first says `first`, the others are good.
fn first_then_good(dir: &Path, first: &str, n: usize) -> Vec<Input> {
    let mut docs = vec![(format!("000-{first}.txt"), first.to_string())];
    docs.extend((1..n).map(|i| (format!("{i:03}.txt"), format!("ok school{i} 2024-2025"))));
    let docs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    write_inbox(dir, &docs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hanging_document_does_not_hold_up_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = first_then_good(dir.path(), "hang", 20);
    let fake = Arc::new(Fake::default());
    // One job: the hung document occupies the only extractor until abandoned.
    let (rows, _) = run(&config(1), inputs, fake.clone(), None, &Progress::silent(20)).await;
    fake.release();
    assert!(
        matches!(&rows[0].outcome, Outcome::Unread { stage: Stage::Extract, reason, .. } if reason.contains("opgegeven"))
    );
    assert!(rows[1..].iter().all(|r| r.outcome == Outcome::New), "{rows:#?}");
}

/// The archive stage files in input order. While a slow document holds it
/// up, the documents after it must not pile up in memory: the batch admits
/// only a window of documents at a time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_document_does_not_let_the_ones_after_it_pile_up() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = first_then_good(dir.path(), "slow", 80);
    let fake = Arc::new(Fake::default());
    let mut config = config(2);
    config.limits.timeout = Duration::from_secs(20);
    let (rows, _) = run(&config, inputs, fake.clone(), None, &Progress::silent(80)).await;
    assert!(rows.iter().all(|r| r.outcome == Outcome::New), "{rows:#?}");
    let most = fake.max_open.load(Ordering::SeqCst);
    assert!(most <= admitted_at_once(2), "{most} documents in flight at once, over {}", admitted_at_once(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_batch_year_wins_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_inbox(
        dir.path(),
        &[("a.txt", "ok diamant 2023-2024"), ("b.txt", "ok kristal"), ("c.txt", "ok jeroen 2024-2025")],
    );
    let fake = Arc::new(Fake::default());
    let (rows, _) = run(&config(2), inputs, fake.clone(), None, &Progress::silent(3)).await;
    assert!(fake.archived.lock().unwrap().keys().all(|(_, year)| year == "2024-2025"));
    assert_eq!(rows[0].year.as_deref(), Some("2023-2024"));
    assert_eq!(rows[0].warnings.len(), 1);
    assert!(
        rows[0].warnings[0].contains("2023-2024") && rows[0].warnings[0].contains("gearchiveerd onder 2024-2025"),
        "{:?}",
        rows[0].warnings
    );
    assert!(rows[1].warnings[0].contains("geen schooljaar"), "{:?}", rows[1].warnings);
    assert!(rows[2].warnings.is_empty());
    assert_eq!(rows[2].template.as_deref(), Some("sppoh-model-2021-2025"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_run_recognises_unchanged_and_new_versions() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Arc::new(Fake::default());
    let first = write_inbox(dir.path(), &[("a.txt", "ok diamant 2024-2025"), ("b.txt", "ok kristal 2024-2025")]);
    let _ = run(&config(2), first, fake.clone(), None, &Progress::silent(2)).await;
    let second = write_inbox(dir.path(), &[("b.txt", "ok kristal 2024-2025 (herzien)")]);
    let (rows, _) = run(&config(2), second, fake.clone(), None, &Progress::silent(2)).await;
    assert_eq!(status(&rows), vec![("a.txt".into(), "ongewijzigd".into()), ("b.txt".into(), "nieuwe versie".into())]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_more_documents_extracting_at_once_than_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<(String, String)> = (0..40).map(|i| (format!("{i:03}.txt"), format!("ok s{i} 2024-2025"))).collect();
    let docs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let inputs = write_inbox(dir.path(), &docs);
    let fake = Arc::new(Fake::default());
    let (rows, _) = run(&config(3), inputs, fake.clone(), None, &Progress::silent(40)).await;
    assert!(rows.iter().all(|r| r.outcome == Outcome::New));
    let max = fake.max_in_flight.load(Ordering::SeqCst);
    assert!((1..=3).contains(&max), "{max} extractions at once with --jobs 3");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetched_documents_go_through_and_a_rerun_downloads_nothing_unchanged() {
    use fetch::test_server::{Response, Server};
    let server = Server::start(|req| match req.path.as_str() {
        "/diamant.pdf" if req.headers.get("if-none-match").is_some_and(|v| v == "\"d1\"") => Response::new(304, ""),
        "/diamant.pdf" => Response::new(200, "%PDF-1.4\nok diamant 2024-2025\n").header("ETag", "\"d1\""),
        "/gone.pdf" => Response::new(404, ""),
        _ => Response::new(404, ""),
    })
    .await;
    let inputs = || {
        let csv =
            format!("school_id,url\ndiamant,{}\nkristal,{}\n", server.url("/diamant.pdf"), server.url("/gone.pdf"));
        input::sources_from(csv.as_bytes(), Path::new("sources.csv")).unwrap()
    };
    let fake = Arc::new(Fake::default());
    let fetcher = Fetcher::new(
        FetchConfig { backoff: Duration::from_millis(1), ..FetchConfig::default() },
        &sop_extract::Limits::default(),
    )
    .unwrap();
    let (rows, _) = run(&config(2), inputs(), fake.clone(), Some(fetcher.clone()), &Progress::silent(2)).await;
    assert_eq!(rows[0].outcome, Outcome::New);
    assert_eq!(rows[0].school.as_deref(), Some("diamant"));
    assert!(
        matches!(&rows[1].outcome, Outcome::Failed { stage: Stage::Fetch, reason } if reason.contains("niet gevonden")),
        "{:?}",
        rows[1]
    );
    assert_eq!(rows[1].school.as_deref(), Some("kristal"));

    let (rows, _) = run(&config(2), inputs(), fake.clone(), Some(fetcher), &Progress::silent(2)).await;
    assert_eq!(rows[0].outcome, Outcome::Unchanged);
    let diamant: Vec<_> = server.requests().into_iter().filter(|r| r.path == "/diamant.pdf").collect();
    assert_eq!(diamant.len(), 2);
    assert_eq!(diamant[1].headers.get("if-none-match").map(String::as_str), Some("\"d1\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_ready_together_are_one_group_and_a_failed_commit_fails_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<(String, String)> = ["slow", "b", "c", "fail-commit", "e", "f", "g"]
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("{i}-{s}.txt"), format!("ok {s} 2024-2025")))
        .collect();
    let docs: Vec<(&str, &str)> = docs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let inputs = write_inbox(dir.path(), &docs);
    let fake = Arc::new(Fake::default());
    let (rows, _) = run(&config(1), inputs, fake.clone(), None, &Progress::silent(7)).await;

    let groups = fake.groups.lock().unwrap().clone();
    // Filed in input order, whatever the grouping.
    let filed: Vec<&str> = groups.iter().flatten().map(String::as_str).collect();
    assert_eq!(filed, ["slow", "b", "c", "fail-commit", "e", "f", "g"], "{groups:?}");
    // While the slow document was filed, the others piled up: one commit for several.
    assert!(groups.iter().any(|g| g.len() > 1), "no group held more than one document: {groups:?}");
    // A row says "new" only once its group is committed; a failed commit
    // fails every document of its group, and only those.
    let failed_group = groups.iter().find(|g| g.iter().any(|s| s == "fail-commit")).unwrap();
    for (row, (name, _)) in rows.iter().zip(&docs) {
        let school = name.split_once('-').unwrap().1.trim_end_matches(".txt");
        match &row.outcome {
            Outcome::Failed { stage: Stage::Archive, reason, .. } => {
                assert!(failed_group.iter().any(|s| s == school), "{name} failed outside the failed group: {groups:?}");
                assert!(reason.contains("ledger"), "{reason}");
            }
            Outcome::New => assert!(!failed_group.iter().any(|s| s == school), "{name} reported new: {groups:?}"),
            o => panic!("{name}: {o:?}"),
        }
    }
}
