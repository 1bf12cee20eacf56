//! Every PDF of the robustness corpus (`../shared/corpus/pdfs`: 297 real-world
//! and deliberately broken PDFs, none of them an SOP) through `sop normalize`.
//!
//! What schools send is whatever they have: scans, password-protected files,
//! Word files renamed to `.pdf`, truncated downloads, decompression bombs. For
//! each file the built binary must come back within [`PER_FILE`] with exit
//! code 1 (the file cannot be read) or 2 (not an SOP), a message on stderr that
//! names the file, and nothing on stdout. A record (exit 0), a panic (101), a
//! death by signal or a hang is a failure.
//!
//! Each run gets a soft address-space limit ([`MEMORY_KB`]) so that a bomb the
//! tool fails to contain shows up as a crash here instead of taking the
//! machine down. Per-file outcomes go to `corpus-outcomes.tsv` in the test's
//! temp directory; the counts are printed and kept in `ROBUSTNESS.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const SOP: &str = env!("CARGO_BIN_EXE_sop");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/pdfs");
/// Wall-clock limit per file, enforced from outside. The tool's own time limit
/// per document must be well below it, so that reaching this is a real hang.
const PER_FILE: Duration = Duration::from_secs(90);
/// Soft address-space limit per run (the tool may lower it for its child).
const MEMORY_KB: u64 = 6 * 1024 * 1024;
/// The machine has two cores, shared.
const THREADS: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Exit 2: not an SOP / no known template.
    RejectedNotSop,
    /// Exit 1: a named read error (encrypted, malformed, over a limit, ...).
    RejectedReadError,
    /// Exit 0: a record came out of a file that is no SOP.
    Record,
    /// Exit 101 or a panic message on stderr.
    Panic,
    /// Killed by a signal (abort, segfault, out of memory).
    Signal(i32),
    /// Still running after [`PER_FILE`].
    Hang,
    /// Exit 1 or 2, but the message does not name the file or stdout is not empty.
    Unclear,
    /// Any other exit code.
    OtherExit(i32),
}

impl Outcome {
    fn is_ok(&self) -> bool {
        matches!(self, Outcome::RejectedNotSop | Outcome::RejectedReadError)
    }
    fn label(&self) -> String {
        match self {
            Outcome::RejectedNotSop => "rejected: not an SOP (exit 2)".into(),
            Outcome::RejectedReadError => "rejected: read error (exit 1)".into(),
            Outcome::Record => "FAIL record (exit 0)".into(),
            Outcome::Panic => "FAIL panic".into(),
            Outcome::Signal(s) => format!("FAIL killed by signal {s}"),
            Outcome::Hang => format!("FAIL hang (> {} s)", PER_FILE.as_secs()),
            Outcome::Unclear => "FAIL unclear message".into(),
            Outcome::OtherExit(c) => format!("FAIL exit {c}"),
        }
    }
}

struct Run {
    file: String,
    outcome: Outcome,
    millis: u128,
    message: String,
}

fn corpus_files() -> Vec<PathBuf> {
    let dir = Path::new(CORPUS);
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!("the robustness corpus is missing at `{}` ({e}): clone shared/ beside the repo", dir.display())
    });
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    files
}

/// Runs `sop normalize` on one file in its own process group, killing the
/// whole group (the extraction child too) when it outlives [`PER_FILE`].
fn run_one(path: &Path, scratch: &Path) -> Run {
    let file = path.file_name().expect("file name").to_string_lossy().into_owned();
    let out_path = scratch.join(format!("{file}.stdout"));
    let err_path = scratch.join(format!("{file}.stderr"));
    let started = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -S -v {MEMORY_KB} && exec \"$0\" normalize \"$1\""))
        .arg(SOP)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).expect("stdout file"))
        .stderr(File::create(&err_path).expect("stderr file"))
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG")
        .process_group(0)
        .spawn()
        .expect("start sop");
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for sop") {
            break Some(status);
        }
        if started.elapsed() > PER_FILE {
            // Negative pid: the whole process group.
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let millis = started.elapsed().as_millis();
    let stdout = std::fs::read(&out_path).unwrap_or_default();
    let stderr = String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into_owned();
    let message = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_string();
    let outcome = match status {
        None => Outcome::Hang,
        Some(_) if stderr.contains("panicked at") => Outcome::Panic,
        Some(s) => match (s.code(), s.signal()) {
            (Some(0), _) => Outcome::Record,
            (Some(101), _) => Outcome::Panic,
            (Some(code @ (1 | 2)), _) => {
                if !stdout.is_empty() || !stderr.contains(&file) {
                    Outcome::Unclear
                } else if code == 2 {
                    Outcome::RejectedNotSop
                } else {
                    Outcome::RejectedReadError
                }
            }
            (Some(code), _) => Outcome::OtherExit(code),
            (None, Some(signal)) => Outcome::Signal(signal),
            (None, None) => Outcome::OtherExit(-1),
        },
    };
    Run { file, outcome, millis, message }
}

#[test]
fn every_corpus_pdf_is_rejected_clearly_without_panic_hang_or_crash() {
    let files = corpus_files();
    assert!(files.len() >= 290, "expected the 297 corpus PDFs, found {}", files.len());
    // Outputs go beside the outcomes, so a failure can be looked at afterwards.
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-runs");
    std::fs::create_dir_all(&scratch).expect("scratch dir");
    let next = AtomicUsize::new(0);
    let runs = Mutex::new(Vec::with_capacity(files.len()));
    std::thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                let run = run_one(path, &scratch);
                runs.lock().expect("runs").push(run);
            });
        }
    });
    let mut runs = runs.into_inner().expect("runs");
    runs.sort_by(|a, b| a.file.cmp(&b.file));

    let mut tsv = String::from("file\toutcome\tms\tfirst_stderr_line\n");
    let mut counts: BTreeMap<Outcome, usize> = BTreeMap::new();
    for r in &runs {
        *counts.entry(r.outcome.clone()).or_default() += 1;
        let _ = writeln!(tsv, "{}\t{}\t{}\t{}", r.file, r.outcome.label(), r.millis, r.message.replace('\t', " "));
    }
    let tsv_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-outcomes.tsv");
    std::fs::write(&tsv_path, &tsv).expect("write outcomes");

    let slowest = runs.iter().max_by_key(|r| r.millis).expect("at least one run");
    println!("corpus: {} files, outcomes in `{}`", runs.len(), tsv_path.display());
    for (outcome, n) in &counts {
        println!("  {n:4}  {}", outcome.label());
    }
    println!("  slowest: {} in {} ms", slowest.file, slowest.millis);

    let failures: Vec<String> = runs
        .iter()
        .filter(|r| !r.outcome.is_ok())
        .map(|r| format!("{}: {} ({} ms) {}", r.file, r.outcome.label(), r.millis, r.message))
        .collect();
    assert!(failures.is_empty(), "{} of {} corpus files failed:\n{}", failures.len(), runs.len(), failures.join("\n"));
}

/// The whole corpus as one inbox without a registry, through the batch: it
/// must finish, read no document as an SOP, keep every one it received in
/// the holding area with why it could not be read (the same bytes once), and
/// leave an archive that verifies. The batch reads files its own way (many at
/// once, each extraction in a child), so it gets its own pass.
#[test]
fn the_whole_corpus_as_one_batch_holds_every_file_and_says_why() {
    let files = corpus_files();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-batch");
    let _ = std::fs::remove_dir_all(&tmp);
    let archive = tmp.join("archive");
    std::fs::create_dir_all(&tmp).expect("scratch dir");
    let started = Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -S -v {MEMORY_KB} && exec \"$0\" run --year 2024-2025 --jobs 2 --inbox \"$1\" --archive \"$2\""
        ))
        .arg(SOP)
        .arg(CORPUS)
        .arg(&archive)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .output()
        .expect("run sop run");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked at"), "the batch panicked:\n{stderr}");
    assert_eq!(out.status.code(), Some(1), "no document is read, so the run exits 1 ({}):\n{stderr}", out.status);

    let report = std::fs::read_dir(archive.join("reports"))
        .expect("the run wrote its report")
        .map(|e| e.expect("report entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a JSON run report");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report).expect("read report")).expect("report JSON");
    let docs = report["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), files.len(), "every corpus file is in the report");
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut held = std::collections::BTreeSet::new();
    for d in docs {
        let outcome = &d["outcome"];
        // The row names the file (`input`); the reason must say what is wrong.
        assert!(d["input"].as_str().is_some_and(|i| i.ends_with(".pdf")), "the row does not name its file: {d}");
        assert!(outcome["reason"].as_str().is_some_and(|r| r.len() > 10), "no reason given: {d}");
        match outcome["status"].as_str() {
            // Bytes that never arrived (over a size limit) cannot be kept.
            Some("failed") => *codes.entry(format!("failed at {}", outcome["stage"])).or_default() += 1,
            Some("held") => {
                let sha = outcome["sha256"].as_str().expect("sha256").to_string();
                let info: serde_json::Value = serde_json::from_slice(
                    &std::fs::read(archive.join(format!("ontvangen/2024-2025/{sha}.info.json"))).expect("held info"),
                )
                .expect("info JSON");
                let code = info["unread"]["code"].as_str().unwrap_or_else(|| panic!("read as an SOP: {d}"));
                *codes.entry(code.to_string()).or_default() += 1;
                held.insert(sha);
            }
            _ => panic!("a corpus file was archived as a school's document: {d}"),
        }
    }
    println!("corpus as one batch: {} files in {} ms, per reason: {codes:?}", docs.len(), took.as_millis());
    let ledger = std::fs::read_to_string(archive.join("ledger.jsonl")).unwrap_or_default();
    assert_eq!(ledger.lines().count(), held.len(), "one held line per distinct document, and no bundle");
    assert!(ledger.lines().all(|l| l.contains("\"kind\":\"held\"")), "a bundle was archived");

    let verify = Command::new(SOP).args(["verify", "--archive"]).arg(&archive).output().expect("run sop verify");
    assert!(verify.status.success(), "the archive does not verify:\n{}", String::from_utf8_lossy(&verify.stdout));
}
