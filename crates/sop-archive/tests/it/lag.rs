//! The ledger head is rewritten at least every `HEAD_MAX_LAG` appends (and
//! on open and close): a killed run leaves the head at most that many lines
//! behind, which `verify` reports as a notice and the next open completes.
//! Further behind is loss or tampering.

use std::path::{Path, PathBuf};
use std::process::Command;

use sop_archive::ledger::{Head, HEAD_MAX_LAG};
use sop_archive::{bundle, verify, Added, Archive, Error, LockMode};

use crate::{add, populate, snapshot, T0};

const CHILD_ROOT: &str = "SOP_ARCHIVE_TEST_LAG_ROOT";
const RUN: u64 = HEAD_MAX_LAG + 3;

/// A run of `RUN` new documents on top of [`populate`].
fn long_run(a: &mut Archive) {
    for i in 0..RUN {
        let added = add(a, &format!("school-{i:03}"), "2023-2024", &format!("profiel {i}"), T0 + 100 + i as i64);
        assert!(matches!(added, Added::New { version: 1, .. }), "{added:?}");
    }
}

/// In a child (see below): the run, then killed like `kill -9` (no drop, so
/// nothing written on close). On its own: the run, closed normally.
#[test]
fn long_run_child() {
    let tmp = tempfile::tempdir().unwrap();
    let root = match std::env::var_os(CHILD_ROOT) {
        Some(r) => PathBuf::from(r),
        None => {
            populate(tmp.path());
            tmp.path().to_path_buf()
        }
    };
    let mut a = Archive::open(&root, LockMode::Wait).unwrap();
    long_run(&mut a);
    if std::env::var_os(CHILD_ROOT).is_some() {
        std::process::abort();
    }
}

fn ledger_lines(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join("ledger.jsonl")).unwrap().lines().map(str::to_string).collect()
}

fn head(root: &Path) -> Head {
    serde_json::from_slice(&std::fs::read(root.join("ledger.head.json")).unwrap()).unwrap()
}

/// Sets the head to name the first `n` ledger lines.
fn set_head(root: &Path, n: usize) {
    let lines = ledger_lines(root);
    let h = Head { lines: n as u64, last_sha256: bundle::sha256_hex(lines[n - 1].as_bytes()) };
    std::fs::write(root.join("ledger.head.json"), serde_json::to_vec_pretty(&h).unwrap()).unwrap();
}

#[test]
fn a_run_killed_with_the_head_behind_is_an_interrupted_run_that_the_next_open_completes() {
    let reference = tempfile::tempdir().unwrap();
    populate(reference.path());
    long_run(&mut Archive::open(reference.path(), LockMode::Wait).unwrap());
    let want = snapshot(reference.path());

    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["lag::long_run_child", "--exact", "--test-threads=1", "--nocapture"])
        .env(CHILD_ROOT, dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success(), "the child run was not killed: {}", String::from_utf8_lossy(&out.stderr));

    // Every bundle and ledger line is there; the head is rewritten every
    // HEAD_MAX_LAG appends, so it is the remainder behind.
    let behind = RUN.rem_euclid(HEAD_MAX_LAG);
    let lines = ledger_lines(dir.path());
    assert_eq!(lines.len() as u64, 4 + RUN);
    assert_eq!(head(dir.path()).lines, 4 + RUN - behind);
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok(), "a killed run is not damage: {r:#?}");
    if behind > 0 {
        let fewer = format!("{behind} lines fewer");
        assert!(r.notices.iter().any(|n| n.file == "ledger.head.json" && n.found.starts_with(&fewer)), "{r:#?}");
    }

    drop(Archive::open(dir.path(), LockMode::Wait).unwrap());
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok() && r.notices.is_empty(), "the next open completes the run: {r:#?}");
    assert_eq!(snapshot(dir.path()), want, "as if the run had not been killed");
}

#[test]
fn a_head_further_behind_than_a_killed_run_leaves_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    long_run(&mut Archive::open(dir.path(), LockMode::Wait).unwrap());
    let n = ledger_lines(dir.path()).len();

    // As far behind as a killed run can leave it: a notice.
    set_head(dir.path(), n - HEAD_MAX_LAG as usize);
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok() && r.notices.iter().any(|f| f.file == "ledger.head.json"), "{r:#?}");

    // One line further: lines were recorded that no run can have left
    // unrecorded in the head (or the head was replaced by an old copy).
    set_head(dir.path(), n - HEAD_MAX_LAG as usize - 1);
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.problems.iter().any(|f| f.file == "ledger.head.json"), "{r:#?}");
    let err = Archive::open(dir.path(), LockMode::Wait).unwrap_err();
    assert!(matches!(err, Error::Damaged { .. }) && err.to_string().contains("behind"), "{err}");
}

#[test]
fn an_edited_school_name_in_the_catalogue_is_named_with_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let index = std::fs::read_to_string(dir.path().join("index.json")).unwrap();
    assert!(index.contains("\"name\": \"het-baken\""), "{index}");
    std::fs::write(
        dir.path().join("index.json"),
        index.replace("\"name\": \"het-baken\"", "\"name\": \"Iets anders\""),
    )
    .unwrap();
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok(), "{r:#?}");
    assert!(r.notices.iter().any(|n| n.file == "index.json" && n.found.contains("delete index.json")), "{r:#?}");

    std::fs::remove_file(dir.path().join("index.json")).unwrap();
    drop(Archive::open(dir.path(), LockMode::Wait).unwrap());
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok() && r.notices.is_empty(), "{r:#?}");
    assert_eq!(std::fs::read_to_string(dir.path().join("index.json")).unwrap(), index);
}
