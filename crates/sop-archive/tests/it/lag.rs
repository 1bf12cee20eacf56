//! Before a writer appends lines, it writes the head announcing them (the
//! files they record); on close it writes a plain head. A killed run leaves
//! the head behind only by lines it announced, which `verify` reports as a
//! notice and the next open completes. Further behind, or an announced file
//! that is neither in the ledger nor on disk, is loss or tampering.

use std::path::{Path, PathBuf};
use std::process::Command;

use sop_archive::ledger::{Head, HEAD_MAX_LAG};
use sop_archive::{format as bundle, verify, Added, Archive, Error, LockMode};

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

/// The one bundle file name in `<school>/2023-2024/`.
fn bundle_name(root: &Path, school: &str) -> String {
    let dir = root.join(school).join("2023-2024");
    let names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    names[0].clone()
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
    let h = Head { lines: n as u64, last_sha256: bundle::sha256_hex(lines[n - 1].as_bytes()), pending: Vec::new() };
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

    // Every bundle and ledger line is there; the head names all lines but
    // the last, which it announces (it was written before that line).
    let behind = 1;
    let lines = ledger_lines(dir.path());
    assert_eq!(lines.len() as u64, 4 + RUN);
    let h = head(dir.path());
    assert_eq!(h.lines, 4 + RUN - behind);
    assert_eq!(h.pending, vec!["school-003/2023-2024/".to_string() + &bundle_name(dir.path(), "school-003")]);
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok(), "a killed run is not damage: {r:#?}");
    assert!(r.notices.iter().any(|n| n.file == "ledger.head.json" && n.found.starts_with("1 regel minder")), "{r:#?}");

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
    assert!(matches!(err, Error::Damaged { .. }) && err.to_string().contains("`ledger.head.json`: verwacht"), "{err}");
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
    assert!(r.notices.iter().any(|n| n.file == "index.json" && n.found.contains("verwijder index.json")), "{r:#?}");

    std::fs::remove_file(dir.path().join("index.json")).unwrap();
    drop(Archive::open(dir.path(), LockMode::Wait).unwrap());
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok() && r.notices.is_empty(), "{r:#?}");
    assert_eq!(std::fs::read_to_string(dir.path().join("index.json")).unwrap(), index);
}

/// The head as a writer leaves it between announcing lines and appending
/// them (or killed after appending some): `n` lines named, the next
/// `announce` lines' files announced.
fn set_head_announcing(root: &Path, n: usize, announce: usize) {
    let lines = ledger_lines(root);
    let bundle_of =
        |l: &String| serde_json::from_str::<serde_json::Value>(l).unwrap()["bundle"].as_str().unwrap().to_string();
    let h = Head {
        lines: n as u64,
        last_sha256: bundle::sha256_hex(lines[n - 1].as_bytes()),
        pending: lines[n..n + announce].iter().map(bundle_of).collect(),
    };
    std::fs::write(root.join("ledger.head.json"), serde_json::to_vec_pretty(&h).unwrap()).unwrap();
}

fn cut_ledger(root: &Path, keep: usize) {
    let lines = ledger_lines(root);
    std::fs::write(root.join("ledger.jsonl"), lines[..keep].iter().map(|l| format!("{l}\n")).collect::<String>())
        .unwrap();
}

#[test]
fn a_group_killed_before_or_after_its_lines_is_completed_in_its_order() {
    let reference = tempfile::tempdir().unwrap();
    populate(reference.path());
    long_run(&mut Archive::open(reference.path(), LockMode::Wait).unwrap());
    let want = snapshot(reference.path());
    let n = ledger_lines(reference.path()).len();
    let start = n - RUN as usize;

    for appended in [0, 1, RUN as usize] {
        let dir = tempfile::tempdir().unwrap();
        populate(dir.path());
        long_run(&mut Archive::open(dir.path(), LockMode::Wait).unwrap());
        // The whole run as one group, killed after `appended` of its lines.
        set_head_announcing(dir.path(), start, RUN as usize);
        cut_ledger(dir.path(), start + appended);
        let r = verify(dir.path(), LockMode::Wait).unwrap();
        assert!(r.ok(), "{appended} lines appended: a killed group is not damage: {r:#?}");
        drop(Archive::open(dir.path(), LockMode::Wait).unwrap());
        let r = verify(dir.path(), LockMode::Wait).unwrap();
        assert!(r.ok() && r.notices.is_empty(), "{appended} lines appended: {r:#?}");
        assert_eq!(snapshot(dir.path()), want, "{appended} lines appended: as if the run had not been killed");
    }
}

#[test]
fn a_trailing_line_removed_with_its_bundle_after_a_killed_group_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    long_run(&mut Archive::open(dir.path(), LockMode::Wait).unwrap());
    let n = ledger_lines(dir.path()).len();
    let start = n - RUN as usize;
    set_head_announcing(dir.path(), start, RUN as usize);
    // The last line and its bundle removed: more than a killed run leaves,
    // as the head announced the bundle only once it was durable.
    let last = ledger_lines(dir.path())[n - 1].clone();
    let bundle = serde_json::from_str::<serde_json::Value>(&last).unwrap()["bundle"].as_str().unwrap().to_string();
    cut_ledger(dir.path(), n - 1);
    std::fs::remove_file(dir.path().join(&bundle)).unwrap();
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.problems.iter().any(|f| f.file == bundle && f.found.contains("verwijderd")), "{r:#?}");
    let err = Archive::open(dir.path(), LockMode::Wait).unwrap_err();
    assert!(matches!(err, Error::Damaged { .. }) && err.to_string().contains(&bundle), "{err}");
}
