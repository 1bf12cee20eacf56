use sop_archive::{format as bundle, Added, Archive, Error, HttpCacheEntry, LockMode, SchoolId, Submission};

use crate::{add, path_of, populate, record, snapshot, T0};

#[test]
fn same_bytes_are_unchanged_and_new_bytes_are_the_next_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let first = add(&mut a, "de-vuurvlinder", "2023-2024", "versie een", T0);
    let Added::New { version: 1, supersedes: None, bundle_sha256: sha1, path } = &first else { panic!("{first:?}") };
    let name = path.file_name().unwrap().to_str().unwrap();
    assert_eq!(name, format!("v0001-{}.zip", &sha1[..12]));
    assert_eq!(path, &dir.path().join("de-vuurvlinder/2023-2024").join(name));
    assert_eq!(bundle::sha256_hex(&std::fs::read(path).unwrap()), *sha1);

    let again = add(&mut a, "de-vuurvlinder", "2023-2024", "versie een", T0 + 99);
    assert_eq!(again, Added::Unchanged { version: 1, path: path.clone() });

    let second = add(&mut a, "de-vuurvlinder", "2023-2024", "versie twee", T0 + 5);
    let Added::New { version: 2, supersedes: Some(sup), .. } = &second else { panic!("{second:?}") };
    assert_eq!(sup, sha1);
    assert!(path.exists(), "the first version is kept");
    let id = SchoolId::parse("de-vuurvlinder").unwrap();
    assert_eq!(a.latest(&id, "2023-2024").unwrap().unwrap().version, 2);
    assert_eq!(a.bundles(&id, None).unwrap().len(), 2);

    let ledger = std::fs::read_to_string(dir.path().join("ledger.jsonl")).unwrap();
    assert_eq!(ledger.lines().count(), 2);
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("index.json")).unwrap()).unwrap();
    assert_eq!(index["schools"][0]["id"], "de-vuurvlinder");
    assert_eq!(index["schools"][0]["years"][0]["newest_version"], 2);
}

#[test]
fn a_bundle_holds_every_file_and_a_manifest_hashing_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let id = SchoolId::parse("de-vuurvlinder").unwrap();
    let src = b"%PDF-1.7 not really";
    let rec = record("OBS De Vuurvlinder", "2023-2024", src);
    let added = a
        .add(Submission {
            school_id: &id,
            school_year: "2023-2024",
            source: src,
            source_filename: "../../etc/passwd",
            media_type: "application/pdf",
            extracted_text: "tekst",
            record: &rec,
            diff_json: Some(b"{\"changes\":[]}"),
            diff_md: Some("# Verschillen\n"),
            created: T0,
            tool_version: "9.9.9",
            assigned_from: None,
        })
        .unwrap();
    let bytes = std::fs::read(path_of(&added)).unwrap();
    let opened = bundle::open_bundle(&bytes, &path_of(&added), bundle::ReadLimits::default()).unwrap();
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    let names: Vec<&str> = opened.entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["diff.json", "diff.md", "manifest.json", "sop.json", "source.pdf", "text.txt"]);
    assert_eq!(opened.entry("source.pdf").unwrap(), src);
    let m = &opened.manifest;
    assert_eq!(m.files.len(), 5);
    assert_eq!(m.source.filename, "../../etc/passwd", "kept as data");
    assert_eq!(m.source.entry, "source.pdf", "never used as a path");
    assert_eq!((m.school_id.as_str(), m.school_year.as_str(), m.version), ("de-vuurvlinder", "2023-2024", 1));
    assert_eq!(m.created, "2024-03-01T12:00:00Z");
    assert_eq!(m.tool_version, "9.9.9");
    assert_eq!(m.schema, "sop/1");
    let back: sop_model::Record = serde_json::from_slice(opened.entry("sop.json").unwrap()).unwrap();
    assert_eq!(back, rec);
}

#[test]
fn same_inputs_give_byte_identical_archives() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    populate(a.path());
    populate(b.path());
    let (sa, sb) = (snapshot(a.path()), snapshot(b.path()));
    assert_eq!(sa.iter().map(|f| &f.0).collect::<Vec<_>>(), sb.iter().map(|f| &f.0).collect::<Vec<_>>());
    for (fa, fb) in sa.iter().zip(&sb) {
        assert!(fa.1 == fb.1, "{} differs", fa.0);
    }
    assert!(sa.iter().filter(|f| f.0.ends_with(".zip")).count() == 4);
}

#[test]
fn previous_record_is_the_newest_version_of_the_latest_earlier_year() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let a = Archive::open_readonly(dir.path(), LockMode::Wait).unwrap();
    let id = SchoolId::parse("de-vuurvlinder").unwrap();
    assert!(a.previous_record(&id, "2022-2023").unwrap().is_none());
    let (year, rec) = a.previous_record(&id, "2024-2025").unwrap().unwrap();
    assert_eq!(year, "2023-2024");
    assert_eq!(rec.source.sha256, bundle::sha256_hex(b"profiel 2023, herzien"));
    let (year, _) = a.previous_record(&id, "2023-2024").unwrap().unwrap();
    assert_eq!(year, "2022-2023");
}

#[test]
fn a_second_writer_fails_clearly_or_waits() {
    let dir = tempfile::tempdir().unwrap();
    let a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let err = Archive::open(dir.path(), LockMode::Fail).unwrap_err();
    assert!(matches!(err, Error::Locked(_)), "{err}");
    assert!(err.to_string().contains("in gebruik door een andere verwerking"), "{err}");
    assert!(matches!(Archive::open_readonly(dir.path(), LockMode::Fail).unwrap_err(), Error::Locked(_)));

    let root = dir.path().to_path_buf();
    let waiter = std::thread::spawn(move || Archive::open(&root, LockMode::Wait).map(|_| ()));
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(!waiter.is_finished(), "the second run waits while the first holds the lock");
    drop(a);
    waiter.join().unwrap().unwrap();
}

#[test]
fn readonly_handles_do_not_write() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let before = snapshot(dir.path());
    let mut a = Archive::open_readonly(dir.path(), LockMode::Wait).unwrap();
    assert!(matches!(a.write_report("x.txt", b"x"), Err(Error::ReadOnly)));
    let _second_reader = Archive::open_readonly(dir.path(), LockMode::Wait).unwrap();
    assert!(Archive::open_readonly(&dir.path().join("nope"), LockMode::Wait).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn http_cache_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let url = "https://example.org/sop.pdf";
    assert_eq!(a.http_cache_get(url).unwrap(), None);
    let e = HttpCacheEntry { etag: Some("\"abc\"".into()), last_modified: None, source_sha256: Some("00".into()) };
    a.http_cache_put(url, e.clone()).unwrap();
    drop(a);
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    assert_eq!(a.http_cache_get(url).unwrap(), Some(e));

    let p = a.write_report("run-2024.md", b"# Rapport\n").unwrap();
    assert_eq!(p, dir.path().join("reports/run-2024.md"));
    assert_eq!(std::fs::read(&p).unwrap(), b"# Rapport\n");
    for bad in ["../x", "/etc/x", "a/b", ".hidden", "", "a\\b"] {
        assert!(matches!(a.write_report(bad, b"x"), Err(Error::BadReportName(_))), "{bad:?}");
    }
}

#[test]
fn a_record_for_other_bytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let id = SchoolId::parse("x").unwrap();
    let rec = record("X", "2023-2024", b"other bytes");
    let err = a
        .add(Submission {
            school_id: &id,
            school_year: "2023-2024",
            source: b"these bytes",
            source_filename: "a.txt",
            media_type: "text/plain",
            extracted_text: "",
            record: &rec,
            diff_json: None,
            diff_md: None,
            created: T0,
            tool_version: "t",
            assigned_from: None,
        })
        .unwrap_err();
    assert!(matches!(err, Error::SourceMismatch { .. }), "{err}");
    let err = a
        .add(Submission {
            school_id: &id,
            school_year: "../2023",
            source: b"other bytes",
            source_filename: "a.txt",
            media_type: "text/plain",
            extracted_text: "",
            record: &rec,
            diff_json: None,
            diff_md: None,
            created: T0,
            tool_version: "t",
            assigned_from: None,
        })
        .unwrap_err();
    assert!(matches!(err, Error::BadSchoolYear(_)), "{err}");
    assert!(!dir.path().join("x").exists());
}
