//! Replays every committed fuzz input through the same harness the fuzzer ran:
//! the seeds (`fuzz/seeds/<target>/`) and every crash the fuzzers found
//! (`fuzz/regressions/<target>/`). A crash input stays here for good, so a
//! fixed bug cannot come back unnoticed.
//!
//! The harness files are included by path from `fuzz/src/`, so the fuzzer and
//! this test run exactly the same code. PDF inputs are the exception: they go
//! through the built `sop extract`, the way every user's file does (in an
//! isolated child under limits), and must come back as a layout or a clear
//! error naming the file, never a panic or a signal.

use std::os::unix::process::ExitStatusExt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "../../fuzz/src/bundle_zip.rs"]
mod bundle_zip;
#[path = "../../fuzz/src/diff_json.rs"]
mod diff_json;
#[path = "../../fuzz/src/ledger_lines.rs"]
mod ledger_lines;
#[path = "../../fuzz/src/normalize_text.rs"]
mod normalize_text;
#[path = "../../fuzz/src/record_json.rs"]
mod record_json;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz");

/// The committed inputs of one target, sorted: its seeds, its regressions and
/// `also` (folders of the repo the fuzz runner seeds it with too).
fn inputs(target: &str, also: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let dirs = ["seeds", "regressions"].iter().map(|kind| Path::new(FUZZ).join(kind).join(target));
    let also = also.iter().map(|d| Path::new(FUZZ).join("..").join(d));
    for dir in dirs.chain(also) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("fuzz input entry").path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if path.is_file() && !name.ends_with(".md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn replay(target: &str, also: &[&str], harness: fn(&[u8])) {
    let files = inputs(target, also);
    assert!(!files.is_empty(), "no committed inputs for fuzz target {target}");
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("read fuzz input");
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| harness(&bytes))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{target}: {} of {} inputs fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn normalize_text_inputs_replay_cleanly() {
    replay("normalize_text", &["samples/seeds", "samples/pdf"], normalize_text::run);
}

#[test]
fn record_json_inputs_replay_cleanly() {
    replay("record_json", &[], record_json::run);
}

#[test]
fn diff_json_inputs_replay_cleanly() {
    replay("diff_json", &[], diff_json::run);
}

#[test]
fn bundle_zip_inputs_replay_cleanly() {
    replay("bundle_zip", &[], bundle_zip::run);
}

#[test]
fn ledger_lines_inputs_replay_cleanly() {
    replay("ledger_lines", &[], ledger_lines::run);
}

#[test]
fn extract_pdf_inputs_are_extracted_or_refused_clearly() {
    let files = inputs("extract_pdf", &["samples/pdf"]);
    let files: Vec<_> = files.into_iter().filter(|p| p.extension().is_none_or(|e| e != "txt")).collect();
    assert!(!files.is_empty(), "no committed inputs for fuzz target extract_pdf");
    let mut failures = Vec::new();
    for path in &files {
        let out = Command::new(env!("CARGO_BIN_EXE_sop"))
            // A known hang costs this long instead of the default 60 s.
            .args(["extract", "--timeout-secs", "10"])
            .arg(path)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("run sop extract");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let name = path.file_name().expect("file name").to_string_lossy();
        let ok = match (out.status.code(), out.status.signal()) {
            (Some(0), _) => true,
            (Some(1), _) => stderr.contains(name.as_ref()) && !stderr.contains("panicked at"),
            _ => false,
        };
        if !ok {
            failures.push(format!("{}: {} {}", path.display(), out.status, stderr.lines().next().unwrap_or("")));
        }
    }
    assert!(
        failures.is_empty(),
        "extract_pdf: {} of {} inputs fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
