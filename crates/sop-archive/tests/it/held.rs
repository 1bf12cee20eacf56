//! Documents received but not read (bundles without a record) and documents
//! received without a school (the holding area): kept byte for byte, in the
//! ledger, verified and exported like every bundle.

use sop_archive::export::{export, BagInfo, Selection};
use sop_archive::format::{self as bundle, open_bundle, ReadLimits};
use sop_archive::{verify, Added, Archive, Held, LockMode, ReadState, SchoolId, Submission, Unread, UnreadSubmission};

use crate::{hold, populate, record, T0};

fn encrypted() -> Unread {
    Unread {
        stage: "extract".into(),
        code: "encrypted".into(),
        message: "het PDF is beveiligd met een wachtwoord".into(),
    }
}

fn add_unread(a: &mut Archive, school: &str, bytes: &[u8], created: i64) -> Added {
    let id = SchoolId::parse(school).unwrap();
    a.add_unread(UnreadSubmission {
        school_id: &id,
        school_year: "2023-2024",
        source: bytes,
        source_filename: "SOP beveiligd.pdf",
        media_type: "application/pdf",
        extracted_text: None,
        school_name: Some("Het Kristal"),
        reason: &encrypted(),
        created,
        tool_version: "0.1.0-test",
        assigned_from: None,
    })
    .unwrap()
}

fn add_read(a: &mut Archive, school: &str, bytes: &[u8], created: i64, assigned_from: Option<&str>) -> Added {
    let id = SchoolId::parse(school).unwrap();
    let rec = record(school, "2023-2024", bytes);
    a.add(Submission {
        school_id: &id,
        school_year: "2023-2024",
        source: bytes,
        source_filename: "profiel.txt",
        media_type: "text/plain",
        extracted_text: "tekst",
        record: &rec,
        diff_json: None,
        diff_md: None,
        created,
        tool_version: "0.1.0-test",
        assigned_from,
    })
    .unwrap()
}

fn ledger(root: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(root.join("ledger.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn an_unread_document_is_a_bundle_without_a_record_and_a_later_reading_is_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let kristal = SchoolId::parse("kristal").unwrap();
    let pdf = b"%PDF-1.7 encrypted bytes".as_slice();
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let Added::New { version: 1, path, .. } = add_unread(&mut a, "kristal", pdf, T0 + 40) else { panic!() };

    let opened = open_bundle(&std::fs::read(&path).unwrap(), &path, ReadLimits::default()).unwrap();
    assert!(opened.problems.is_empty());
    assert_eq!(opened.entry("source.pdf"), Some(pdf), "the original, byte for byte");
    assert!(opened.entry(bundle::RECORD).is_none(), "no record is guessed");
    let reason: Unread = serde_json::from_slice(opened.entry(bundle::UNREAD).unwrap()).unwrap();
    assert_eq!(reason, encrypted());
    assert_eq!(opened.manifest.unread, Some(encrypted()));
    assert_eq!(ledger(dir.path()).last().unwrap()["unread"], "encrypted");
    assert_eq!(a.read_state(&kristal, "2023-2024").unwrap(), Some(ReadState::Unread(encrypted())));
    assert_eq!(a.read_state(&kristal, "2022-2023").unwrap(), None);
    let cat = a.catalogue().unwrap();
    let year = &cat.schools.iter().find(|s| s.id == "kristal").unwrap().years[0];
    assert_eq!(year.newest_unread.as_deref(), Some("encrypted"));
    assert_eq!(cat.schools[0].years[0].newest_unread, None, "read bundles carry no reason");

    // The same bytes, still unread: nothing added.
    assert!(matches!(add_unread(&mut a, "kristal", pdf, T0 + 50), Added::Unchanged { version: 1, .. }));
    // The same bytes, now read: a new version with the record; nothing overwritten.
    let Added::New { version: 2, supersedes: Some(_), .. } = add_read(&mut a, "kristal", pdf, T0 + 60, None) else {
        panic!()
    };
    assert!(path.is_file());
    assert_eq!(a.read_state(&kristal, "2023-2024").unwrap(), Some(ReadState::Read));
    // And an unread copy of a read document never replaces it.
    assert!(matches!(add_unread(&mut a, "kristal", pdf, T0 + 70), Added::Unchanged { version: 2, .. }));
    drop(a);

    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok() && r.notices.is_empty(), "{r:#?}");
}

#[test]
fn a_document_without_a_school_is_held_once_and_assigning_it_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let Held::New(doc) = hold(&mut a, "een profiel zonder naam", T0 + 40) else { panic!() };
    assert_eq!(doc.info_path, format!("ontvangen/2023-2024/{}.info.json", doc.sha256));
    assert_eq!(doc.file_path, format!("ontvangen/2023-2024/{}.txt", doc.sha256));
    assert_eq!(std::fs::read(dir.path().join(&doc.file_path)).unwrap(), b"een profiel zonder naam");
    assert_eq!(doc.info.filename, "zonder naam.txt");
    let line = ledger(dir.path()).last().unwrap().clone();
    assert_eq!((line["kind"].as_str(), line["bundle"].as_str()), (Some("held"), Some(doc.info_path.as_str())));

    // The same bytes again add nothing.
    let lines = ledger(dir.path()).len();
    assert!(matches!(hold(&mut a, "een profiel zonder naam", T0 + 50), Held::Already(d) if d.sha256 == doc.sha256));
    assert_eq!(ledger(dir.path()).len(), lines);
    assert_eq!(a.held_docs().unwrap().len(), 1);
    assert!(a.catalogue().unwrap().held[0].filed_as.is_none());

    // Filed under a school: a bundle line that names the held file.
    let bytes = a.read_held(&doc).unwrap();
    let Added::New { .. } = add_read(&mut a, "kristal", &bytes, T0 + 60, Some(&doc.info_path)) else { panic!() };
    let last = ledger(dir.path()).last().unwrap().clone();
    assert_eq!(last["assigned_from"], doc.info_path.as_str());
    let filed = a.held_docs().unwrap()[0].filed_as.clone().expect("filed");
    assert_eq!(filed.school.as_str(), "kristal");
    assert!(a.catalogue().unwrap().held[0].filed_as.as_deref().is_some_and(|p| p.starts_with("kristal/")));
    // Held again after it was filed: still nothing new.
    assert!(matches!(hold(&mut a, "een profiel zonder naam", T0 + 70), Held::Already(_)));
    // Bytes archived for a school and never held are not held either.
    assert!(matches!(hold(&mut a, "profiel 2022", T0 + 80), Held::Filed(b) if b.school.as_str() == "de-vuurvlinder"));
    drop(a);
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.ok() && r.notices.is_empty(), "{r:#?}");
    assert_eq!(r.ledger_lines, 6);

    // The export of the school carries the held original, its info file
    // and its ledger line.
    let a = Archive::open_readonly(dir.path(), LockMode::Wait).unwrap();
    let out = dir.path().join("kristal-export.zip");
    let info = BagInfo { source_organization: "SPPOH", bagging_date: "2024-03-02", tool_version: "0.1.0" };
    export(&a, &SchoolId::parse("kristal").unwrap(), Selection::All, &out, &info).unwrap();
    let names = zip_names(&out);
    for want in [&doc.file_path, &doc.info_path] {
        assert!(names.iter().any(|n| n.ends_with(&format!("data/{want}"))), "{want} not in {names:?}");
    }
}

#[test]
fn tampering_with_a_held_document_is_found() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let Held::New(doc) = hold(&mut a, "origineel", T0 + 40) else { panic!() };
    drop(a);
    std::fs::write(dir.path().join(&doc.file_path), "veranderd").unwrap();
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.problems.iter().any(|p| p.file == doc.file_path), "{r:#?}");
    std::fs::remove_file(dir.path().join(&doc.info_path)).unwrap();
    let r = verify(dir.path(), LockMode::Wait).unwrap();
    assert!(r.problems.iter().any(|p| p.file == doc.info_path && p.found.contains("verwijderd")), "{r:#?}");
    assert!(Archive::open(dir.path(), LockMode::Wait).is_err(), "a writer refuses a damaged archive");
}

#[test]
fn the_export_names_the_unread_bundles_in_bag_info() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let mut a = Archive::open(dir.path(), LockMode::Wait).unwrap();
    let Added::New { path, .. } = add_unread(&mut a, "kristal", b"%PDF-1.7 x", T0 + 40) else { panic!() };
    drop(a);
    let a = Archive::open_readonly(dir.path(), LockMode::Wait).unwrap();
    let out = dir.path().join("kristal-export.zip");
    let info = BagInfo { source_organization: "SPPOH", bagging_date: "2024-03-02", tool_version: "0.1.0" };
    export(&a, &SchoolId::parse("kristal").unwrap(), Selection::All, &out, &info).unwrap();
    let bag_info = zip_entry(&out, "sop-kristal-alle-jaren/bag-info.txt");
    let rel = path.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned();
    assert!(bag_info.contains("Unread-Bundles: 1\n"), "{bag_info}");
    assert!(
        bag_info
            .contains(&format!("Unread-Bundle: data/{rel} (ontvangen, niet leesbaar: encrypted: het PDF is beveiligd")),
        "{bag_info}"
    );
    // A school whose documents were all read says so too.
    export(&a, &SchoolId::parse("het-baken").unwrap(), Selection::All, &out, &info).unwrap();
    assert!(zip_entry(&out, "sop-het-baken-alle-jaren/bag-info.txt").contains("Unread-Bundles: 0\n"));
}

fn zip_names(path: &std::path::Path) -> Vec<String> {
    let z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    z.file_names().map(|n| n.unwrap().into_owned()).collect()
}

fn zip_entry(path: &std::path::Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name(name).unwrap(), &mut s).unwrap();
    s
}
