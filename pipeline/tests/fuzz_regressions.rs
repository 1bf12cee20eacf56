//! Replays every committed fuzz input through the same harness the fuzzer ran:
//! the seeds (`fuzz/seeds/<target>/`) and every crash the fuzzers found
//! (`fuzz/regressions/<target>/`). A crash input stays here for good, so a
//! fixed bug cannot come back unnoticed.
//!
//! The harness files are included by path from `fuzz/src/`, so the fuzzer and
//! this test run exactly the same code.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

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
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
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
    assert!(failures.is_empty(), "{target}: {} of {} inputs fail:\n{}", failures.len(), files.len(), failures.join("\n"));
}

#[test]
fn normalize_text_inputs_replay_cleanly() {
    replay("normalize_text", &["samples/seeds", "samples/pdf"], normalize_text::run);
}

#[test]
fn record_json_inputs_replay_cleanly() {
    replay("record_json", &[], record_json::run);
}
