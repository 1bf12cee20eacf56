use std::io::{Cursor, Write};
use std::path::Path;

use sop_archive::format::{read_entries, ReadLimits};
use sop_archive::{verify_with_limits, Error, LockMode};

use crate::populate;

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (n, b) in entries {
        w.start_file(*n, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(b).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn reason(r: Result<Vec<(String, Vec<u8>)>, Error>) -> String {
    match r {
        Err(Error::BadBundle { reason, .. }) => reason,
        other => panic!("expected a bad bundle, got {other:?}"),
    }
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..40).map(|i| format!("f{i}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"x".as_slice())).collect();
    let z = zip_of(&entries);
    let why = reason(read_entries(Cursor::new(z), Path::new("b.zip"), ReadLimits::default()));
    assert!(why.contains("40 bestanden"), "{why}");
}

#[test]
fn an_entry_that_unpacks_too_large_is_refused_without_unpacking_it() {
    // 8 MiB of zeros deflates to a few KiB: a small bomb.
    let zeros = vec![0u8; 8 << 20];
    let z = zip_of(&[("sop.json", &zeros)]);
    assert!(z.len() < 64 << 10);
    let limits = ReadLimits { max_entries: 32, max_entry_bytes: 1 << 20, max_total_bytes: 4 << 20 };
    let why = reason(read_entries(Cursor::new(z.clone()), Path::new("b.zip"), limits));
    assert!(why.contains("groter dan 1048576 bytes"), "{why}");
    // Several entries within the per-entry limit still hit the total limit.
    let one = vec![0u8; 900 << 10];
    let z = zip_of(&[("a", &one), ("b", &one), ("c", &one), ("d", &one), ("e", &one)]);
    let why = reason(read_entries(Cursor::new(z), Path::new("b.zip"), limits));
    assert!(why.contains("bestand \"e\""), "{why}");
}

#[test]
fn entries_with_paths_are_refused() {
    for name in ["../evil", "/etc/passwd", "a/b", "..\\x"] {
        let z = zip_of(&[(name, b"x")]);
        let why = reason(read_entries(Cursor::new(z), Path::new("b.zip"), ReadLimits::default()));
        assert!(why.contains("onverwacht bestand"), "{name}: {why}");
    }
}

#[test]
fn garbage_is_not_a_zip() {
    let why =
        reason(read_entries(Cursor::new(b"PK\x03\x04 not really".to_vec()), Path::new("b.zip"), ReadLimits::default()));
    assert!(why.contains("geen leesbaar zip-bestand"), "{why}");
}

#[test]
fn verify_reports_a_bomb_as_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let ledger = std::fs::read_to_string(dir.path().join("ledger.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(ledger.lines().next().unwrap()).unwrap();
    let rel = first["bundle"].as_str().unwrap();
    let zeros = vec![0u8; 2 << 20];
    std::fs::write(dir.path().join(rel), zip_of(&[("manifest.json", &zeros)])).unwrap();
    let limits = ReadLimits { max_entries: 32, max_entry_bytes: 1 << 20, max_total_bytes: 1 << 20 };
    let r = verify_with_limits(dir.path(), LockMode::Wait, limits).unwrap();
    assert!(r.problems.iter().any(|f| f.file == rel && f.found.contains("uitgepakt groter dan")), "{r:#?}");
}
