use std::io::{Cursor, Write};
use std::path::Path;

use sop_archive::{format as bundle, verify, Archive, LockMode, VerifyReport};

use crate::populate;

fn check(root: &Path) -> VerifyReport {
    verify(root, LockMode::Wait).unwrap()
}

fn bundles(root: &Path) -> Vec<String> {
    let ledger = std::fs::read_to_string(root.join("ledger.jsonl")).unwrap();
    ledger
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["bundle"].as_str().unwrap().to_string())
        .collect()
}

fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (n, b) in entries {
        w.start_file(n.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(b).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn a_clean_archive_verifies() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let r = check(dir.path());
    assert!(r.ok() && r.notices.is_empty(), "{r:#?}");
    assert_eq!((r.bundles, r.ledger_lines, r.files), (4, 4, 16));
}

#[test]
fn a_flipped_byte_in_a_bundle_is_named() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let victim = &bundles(dir.path())[1];
    let p = dir.path().join(victim);
    let mut b = std::fs::read(&p).unwrap();
    let mid = b.len() / 2;
    b[mid] ^= 0x01;
    std::fs::write(&p, &b).unwrap();
    let r = check(dir.path());
    assert!(!r.ok());
    let f = r.problems.iter().find(|f| &f.file == victim).unwrap_or_else(|| panic!("{r:#?}"));
    assert!(f.expected.contains("sha256") && f.found.contains("sha256"), "{f:?}");
    assert!(r.problems.iter().all(|f| f.file.starts_with(victim.as_str())), "only that bundle: {r:#?}");
}

#[test]
fn an_edited_record_in_a_rebuilt_zip_is_named() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let victim = &bundles(dir.path())[0];
    let p = dir.path().join(victim);
    let mut entries =
        bundle::read_entries(std::fs::File::open(&p).unwrap(), &p, bundle::ReadLimits::default()).unwrap();
    for (n, b) in &mut entries {
        if n == "sop.json" {
            *b = String::from_utf8(b.clone()).unwrap().replace("Visie van", "Andere visie van").into_bytes();
        }
    }
    std::fs::write(&p, rezip(&entries)).unwrap();
    let r = check(dir.path());
    let inner = format!("{victim}!sop.json");
    assert!(r.problems.iter().any(|f| f.file == inner), "{r:#?}");
    assert!(r.problems.iter().any(|f| &f.file == victim && f.expected.contains("regel 1 van het logboek")), "{r:#?}");
}

#[test]
fn an_edit_with_a_matching_manifest_is_still_caught_by_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let victim = &bundles(dir.path())[3];
    let p = dir.path().join(victim);
    let mut entries =
        bundle::read_entries(std::fs::File::open(&p).unwrap(), &p, bundle::ReadLimits::default()).unwrap();
    let new_text = b"vervalste tekst".to_vec();
    let sha = bundle::sha256_hex(&new_text);
    let mut manifest: bundle::Manifest =
        serde_json::from_slice(&entries.iter().find(|e| e.0 == "manifest.json").unwrap().1).unwrap();
    for f in &mut manifest.files {
        if f.name == "text.txt" {
            f.sha256 = sha.clone();
            f.bytes = new_text.len() as u64;
        }
    }
    for (n, b) in &mut entries {
        match n.as_str() {
            "text.txt" => *b = new_text.clone(),
            "manifest.json" => *b = serde_json::to_vec_pretty(&manifest).unwrap(),
            _ => {}
        }
    }
    std::fs::write(&p, rezip(&entries)).unwrap();
    let r = check(dir.path());
    assert_eq!(r.problems.len(), 1, "{r:#?}");
    assert_eq!(&r.problems[0].file, victim);
    assert!(r.problems[0].expected.contains("regel 4 van het logboek"), "{r:#?}");
}

fn remove_ledger_line(root: &Path, n: usize) {
    let p = root.join("ledger.jsonl");
    let text = std::fs::read_to_string(&p).unwrap();
    let kept: Vec<&str> = text.lines().enumerate().filter(|(i, _)| i + 1 != n).map(|(_, l)| l).collect();
    std::fs::write(&p, kept.join("\n") + "\n").unwrap();
}

#[test]
fn a_removed_ledger_line_breaks_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let orphan = bundles(dir.path())[1].clone();
    remove_ledger_line(dir.path(), 2);
    let r = check(dir.path());
    assert!(r.problems.iter().any(|f| f.file == "ledger.jsonl:2" && f.found.contains("verwijderd")), "{r:#?}");
    assert!(r.problems.iter().any(|f| f.file == orphan && f.expected.contains("regel in het logboek")), "{r:#?}");
    assert!(r.notices.is_empty(), "{r:#?}");
    // A writer refuses to add to it rather than build on a broken chain.
    let err = Archive::open(dir.path(), LockMode::Wait).unwrap_err();
    assert!(err.to_string().contains("sop verify"), "{err}");
}

#[test]
fn a_removed_last_ledger_line_is_tampering_not_an_interrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let orphan = bundles(dir.path())[3].clone();
    remove_ledger_line(dir.path(), 4);
    let r = check(dir.path());
    assert!(r.problems.iter().any(|f| f.file == "ledger.jsonl" && f.found.contains("4 regels")), "{r:#?}");
    assert!(r.problems.iter().any(|f| f.file == orphan), "{r:#?}");
    assert!(Archive::open(dir.path(), LockMode::Wait).is_err());
}

#[test]
fn a_removed_bundle_is_named() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let victim = bundles(dir.path())[2].clone();
    std::fs::remove_file(dir.path().join(&victim)).unwrap();
    let r = check(dir.path());
    assert_eq!(r.problems.len(), 1, "{r:#?}");
    assert_eq!(r.problems[0].file, victim);
    assert!(
        r.problems[0].expected.contains("regel 3 van het logboek") && r.problems[0].found.contains("verwijderd"),
        "{r:#?}"
    );
    let err = Archive::open(dir.path(), LockMode::Wait).unwrap_err();
    assert!(err.to_string().contains("ontbreekt"), "{err}");
}

#[test]
fn a_stray_file_and_a_stale_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    std::fs::write(dir.path().join("het-baken/2023-2024/extra.pdf"), b"x").unwrap();
    std::fs::write(dir.path().join("index.json"), b"{}").unwrap();
    let r = check(dir.path());
    assert_eq!(r.problems.len(), 1, "{r:#?}");
    assert_eq!(r.problems[0].file, "het-baken/2023-2024/extra.pdf");
    std::fs::remove_file(dir.path().join("het-baken/2023-2024/extra.pdf")).unwrap();
    let r = check(dir.path());
    assert!(r.ok() && r.notices.iter().any(|n| n.file == "index.json"), "{r:#?}");
    drop(Archive::open(dir.path(), LockMode::Wait).unwrap());
    let r = check(dir.path());
    assert!(r.ok() && r.notices.is_empty(), "the next open rebuilt the catalogue: {r:#?}");
}

#[test]
fn a_missing_head_is_tampering_unless_one_append_explains_it() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    std::fs::remove_file(dir.path().join("ledger.head.json")).unwrap();
    let r = check(dir.path());
    assert!(
        r.problems.iter().any(|f| f.file == "ledger.head.json" && f.found.contains("het kopbestand ontbreekt")),
        "{r:#?}"
    );
    assert!(Archive::open(dir.path(), LockMode::Wait).is_err());
}
