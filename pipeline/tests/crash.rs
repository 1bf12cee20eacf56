//! `sop run` killed at any moment, and two runs on one archive at once: the
//! archive must stay verifiable, show no partial bundle, and a re-run must
//! archive every document exactly once.
//!
//! The kills come two ways, 20 in all:
//! - at each named point of the archive's write path (`SOP_ARCHIVE_CRASH_AT`,
//!   honoured by debug builds, which tests use): the process aborts right
//!   there, leaving what a `kill -9` at that moment would leave;
//! - with SIGKILL to the whole process group (the extraction children too) at
//!   moments spread evenly over a batch whose length is measured first.

use std::collections::BTreeMap;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Instant;

use sop_archive::format::{open_bundle, ReadLimits};

const SOP: &str = env!("CARGO_BIN_EXE_sop");
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const YEAR: &str = "2023-2024";
/// Timed kills, spread over one batch.
const TIMED_KILLS: u32 = 10;

/// The demo's first school year under other names (staff rename files), one
/// of them in a folder named after the school because it names none itself;
/// plus a Word file in a school's folder (archived as received but not read)
/// and a text that is no SOP and names no school (held in `ontvangen/`).
fn inbox(dir: &Path) -> PathBuf {
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(inbox.join("kristal")).expect("inbox");
    std::fs::create_dir_all(inbox.join("jeroen")).expect("inbox");
    std::fs::write(inbox.join("jeroen/bijlage.docx"), b"PK\x03\x04\x14\x00word/document.xml\x00\x01").expect("docx");
    std::fs::write(inbox.join("notulen ouderraad.txt"), "Notulen van de ouderraad\n\nDe kascontrole is goedgekeurd.\n")
        .expect("txt");
    for (from, to) in [
        ("samples/pdf/000.pdf", "SOP Diamant definitief.pdf"),
        ("samples/pdf/002.pdf", "jeroen_sop(1).pdf"),
        ("samples/pdf/003.pdf", "Schoolondersteuningsprofiel DC.pdf"),
        ("samples/pdf/001.pdf", "kristal/scan 12-05.pdf"),
    ] {
        std::fs::copy(Path::new(REPO).join(from), inbox.join(to)).expect("copy sample");
    }
    inbox
}
const DOCUMENTS: usize = 6;

fn run_command(archive: &Path, inbox: &Path, year: &str) -> Command {
    let mut cmd = Command::new(SOP);
    cmd.args(["run", "--year", year, "--jobs", "2", "--inbox"])
        .arg(inbox)
        .arg("--registry")
        .arg(Path::new(REPO).join("samples/schools.csv"))
        .arg("--archive")
        .arg(archive)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env_remove("RUST_LOG")
        .env_remove("SOP_ARCHIVE_CRASH_AT")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so a kill reaches the extraction children too.
        .process_group(0);
    cmd
}

fn spawn_run(archive: &Path, inbox: &Path) -> Child {
    run_command(archive, inbox, YEAR).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("start sop run")
}

/// A run to its end: exit 1 when the inbox holds documents that were not
/// read or have no school (they are archived, but need a person).
fn complete_run(archive: &Path, inbox: &Path, year: &str) -> Output {
    let out = run_command(archive, inbox, year).output().expect("run sop run");
    let want = if inbox.join("notulen ouderraad.txt").exists() { 1 } else { 0 };
    assert_eq!(
        out.status.code(),
        Some(want),
        "sop run --year {year} ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn kill_group(child: &mut Child) {
    let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
    let _ = child.wait();
}

/// `sop verify --json`: exit 0 and no problems (notices of an interrupted run
/// are allowed unless `clean`).
fn assert_verifies(archive: &Path, when: &str, clean: bool) {
    let out = Command::new(SOP)
        .args(["verify", "--json", "--archive"])
        .arg(archive)
        .env("NO_COLOR", "1")
        .output()
        .expect("run sop verify");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{when}: sop verify failed ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("verify --json prints JSON");
    let problems = report["problems"].as_array().map_or(0, Vec::len);
    assert_eq!(problems, 0, "{when}: verify reports problems: {report}");
    if clean {
        let notices = report["notices"].as_array().map_or(0, Vec::len);
        assert_eq!(notices, 0, "{when}: traces of the interrupted run are left after a complete re-run: {report}");
    }
}

/// Every `.zip` a person can see (not a `.tmp-` file) is a whole bundle whose
/// entries match its manifest.
fn assert_no_partial_bundle(archive: &Path, when: &str) {
    let mut stack = vec![archive.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("archive entry").path();
            let name = path.file_name().expect("name").to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".zip") && !name.starts_with(".tmp-") && !dir.ends_with("reports") {
                let bytes = std::fs::read(&path).expect("read bundle");
                match open_bundle(&bytes, &path, ReadLimits::default()) {
                    Ok(b) => assert!(b.problems.is_empty(), "{when}: `{}` disagrees with its manifest", path.display()),
                    Err(e) => panic!("{when}: `{}` is a partial bundle: {e}", path.display()),
                }
            }
        }
    }
}

/// Ledger lines per (school, year, source sha256), and the number of lines.
fn ledger(archive: &Path) -> (usize, BTreeMap<(String, String, String), usize>) {
    let text = std::fs::read_to_string(archive.join("ledger.jsonl")).unwrap_or_default();
    let mut per = BTreeMap::new();
    let mut lines = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("ledger line is JSON");
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        *per.entry((s("school"), s("year"), s("source_sha256"))).or_default() += 1;
        lines += 1;
    }
    (lines, per)
}

/// After a complete re-run: every document archived exactly once.
fn assert_each_document_once(archive: &Path, expected: usize, when: &str) {
    let (lines, per) = ledger(archive);
    assert_eq!(lines, expected, "{when}: {lines} ledger lines for {expected} documents: {per:?}");
    assert!(per.values().all(|&n| n == 1), "{when}: a document was archived more than once: {per:?}");
}

/// One kill: check the archive as the kill left it, re-run, check again.
fn after_kill(archive: &Path, inbox: &Path, when: &str) {
    assert_no_partial_bundle(archive, when);
    if archive.join("ledger.jsonl").exists() {
        assert_verifies(archive, when, false);
    }
    complete_run(archive, inbox, YEAR);
    let when = format!("{when}, after a re-run");
    assert_verifies(archive, &when, true);
    assert_no_partial_bundle(archive, &when);
    assert_each_document_once(archive, DOCUMENTS, &when);
}

#[test]
fn a_batch_killed_at_twenty_moments_leaves_a_verifiable_archive_and_a_rerun_completes_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let inbox = inbox(tmp.path());

    // The batch uninterrupted: how long it takes, and what it archives.
    let reference = tmp.path().join("reference");
    let started = Instant::now();
    complete_run(&reference, &inbox, YEAR);
    let batch = started.elapsed();
    assert_verifies(&reference, "uninterrupted", true);
    assert_each_document_once(&reference, DOCUMENTS, "uninterrupted");
    // A second run of the same files adds nothing.
    complete_run(&reference, &inbox, YEAR);
    assert_each_document_once(&reference, DOCUMENTS, "run twice");

    // At each named point of the archive's write path.
    for point in sop_archive::CRASH_POINTS {
        let archive = tmp.path().join(format!("at-{point}"));
        let out = run_command(&archive, &inbox, YEAR).env("SOP_ARCHIVE_CRASH_AT", point).output().expect("run sop run");
        // Aborted there (SIGABRT), not merely ended with exit 1.
        assert_eq!(out.status.signal(), Some(6), "SOP_ARCHIVE_CRASH_AT={point}: the run did not stop there");
        after_kill(&archive, &inbox, &format!("killed at {point}"));
    }

    // SIGKILL at moments spread over the batch.
    let mut interrupted = Vec::new();
    for i in 0..TIMED_KILLS {
        let at = batch.mul_f64((f64::from(i) + 0.5) / f64::from(TIMED_KILLS));
        let archive = tmp.path().join(format!("timed-{i}"));
        let mut child = spawn_run(&archive, &inbox);
        std::thread::sleep(at);
        kill_group(&mut child);
        let (archived, _) = ledger(&archive);
        interrupted.push(archived);
        after_kill(
            &archive,
            &inbox,
            &format!("SIGKILL after {} ms of a {} ms batch", at.as_millis(), batch.as_millis()),
        );
    }
    println!(
        "batch of {DOCUMENTS} documents: {} ms; documents archived when each timed kill came: {interrupted:?}",
        batch.as_millis()
    );
    // Otherwise the kills tested nothing but a finished archive.
    assert!(interrupted.iter().any(|&n| n < DOCUMENTS), "no timed kill came before the batch had archived everything");
}

#[test]
fn two_runs_at_once_on_one_archive_never_corrupt_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let inbox = inbox(tmp.path());

    // The same inbox twice: the second waits for the first and adds nothing.
    let archive = tmp.path().join("same");
    let a = run_command(&archive, &inbox, YEAR).spawn().expect("start first run");
    let b = run_command(&archive, &inbox, YEAR).spawn().expect("start second run");
    for (name, child) in [("first", a), ("second", b)] {
        let out = child.wait_with_output().expect("wait for run");
        // Exit 1: the inbox holds documents that need a person.
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name} run ({}):\n{err}", out.status);
    }
    assert_verifies(&archive, "two runs of one inbox at once", true);
    assert_no_partial_bundle(&archive, "two runs of one inbox at once");
    assert_each_document_once(&archive, DOCUMENTS, "two runs of one inbox at once");

    // Two school years at once into one archive.
    let next = tmp.path().join("next");
    std::fs::create_dir_all(&next).expect("next inbox");
    for (from, to) in
        [("samples/next-year/000.pdf", "diamant 2024.pdf"), ("samples/next-year/003.pdf", "DC SOP 24-25.pdf")]
    {
        std::fs::copy(Path::new(REPO).join(from), next.join(to)).expect("copy sample");
    }
    let archive = tmp.path().join("years");
    let a = run_command(&archive, &inbox, YEAR).spawn().expect("start first run");
    let b = run_command(&archive, &next, "2024-2025").spawn().expect("start second run");
    for (name, want, child) in [("2023-2024", 1, a), ("2024-2025", 0, b)] {
        let out = child.wait_with_output().expect("wait for run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(want), "{name} run ({}):\n{err}", out.status);
    }
    assert_verifies(&archive, "two school years at once", true);
    assert_no_partial_bundle(&archive, "two school years at once");
    assert_each_document_once(&archive, DOCUMENTS + 2, "two school years at once");
}
