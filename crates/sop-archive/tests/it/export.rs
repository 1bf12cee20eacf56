use std::io::Cursor;

use sop_archive::export::{export, BagInfo, Selection};
use sop_archive::format::{read_entries, sha256_hex, ReadLimits};
use sop_archive::{Archive, LockMode, SchoolId};

use crate::populate;

const INFO: BagInfo<'static> =
    BagInfo { source_organization: "SPPOH", bagging_date: "2024-03-02", tool_version: "0.1.0" };

fn entries(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let b = std::fs::read(path).unwrap();
    let limits = ReadLimits { max_entries: 100, ..ReadLimits::default() };
    // Bag paths have folders; read them with the zip crate directly.
    let mut z = zip::ZipArchive::new(Cursor::new(b)).unwrap();
    let _ = limits;
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut v).unwrap();
            (f.name().unwrap().to_string(), v)
        })
        .collect()
}

#[test]
fn a_year_exports_as_a_bag_with_every_version_and_its_ledger_lines() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let a = Archive::open_readonly(dir.path(), LockMode::Wait).unwrap();
    let id = SchoolId::parse("de-vuurvlinder").unwrap();
    let out = dir.path().join("../export-test.zip");
    let e = export(&a, &id, Selection::Year("2023-2024"), &out, &INFO).unwrap();
    assert_eq!(e.bag_name, "sop-de-vuurvlinder-2023-2024");
    assert_eq!(e.bundles, 2);
    let files = entries(&out);
    let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    let b = "sop-de-vuurvlinder-2023-2024/";
    for want in [
        "bag-info.txt",
        "bagit.txt",
        "manifest-sha256.txt",
        "manifest-sha512.txt",
        "tagmanifest-sha256.txt",
        "data/ledger.jsonl",
        "data/LEESMIJ.txt",
    ] {
        assert!(names.contains(&format!("{b}{want}").as_str()), "{want} missing from {names:?}");
    }
    assert_eq!(names.iter().filter(|n| n.ends_with(".zip")).count(), 2);
    let get = |n: &str| &files.iter().find(|f| f.0 == format!("{b}{n}")).unwrap().1;
    let ledger = String::from_utf8(get("data/ledger.jsonl").clone()).unwrap();
    assert_eq!(ledger.lines().count(), 2);
    assert!(ledger.lines().all(|l| l.contains("\"year\":\"2023-2024\"") && l.contains("de-vuurvlinder")));
    let info = String::from_utf8(get("bag-info.txt").clone()).unwrap();
    let payload: Vec<_> = files.iter().filter(|f| f.0.starts_with(&format!("{b}data/"))).collect();
    let octets: usize = payload.iter().map(|f| f.1.len()).sum();
    assert!(info.contains(&format!("Payload-Oxum: {octets}.{}\n", payload.len())), "{info}");
    assert!(info.contains("Source-Organization: SPPOH\n") && info.contains("Bagging-Date: 2024-03-02\n"), "{info}");
    assert!(info.contains("External-Description: Schoolondersteuningsprofielen van"), "{info}");
    let m = String::from_utf8(get("manifest-sha256.txt").clone()).unwrap();
    for (n, bytes) in &payload {
        assert!(m.contains(&format!("{}  {}\n", sha256_hex(bytes), n.strip_prefix(b).unwrap())), "{n}");
    }
    // The bundles inside are the archive's, byte for byte.
    for bi in a.bundles(&id, Some("2023-2024")).unwrap() {
        assert_eq!(get(&format!("data/{}", bi.rel_path)), &std::fs::read(&bi.path).unwrap());
        let inner =
            read_entries(Cursor::new(get(&format!("data/{}", bi.rel_path)).clone()), &bi.path, ReadLimits::default());
        assert!(inner.is_ok());
    }
    // Deterministic: the same request gives the same bytes.
    let out2 = dir.path().join("../export-test-2.zip");
    export(&a, &id, Selection::Year("2023-2024"), &out2, &INFO).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&out2).unwrap());
    let _ = std::fs::remove_file(out);
    let _ = std::fs::remove_file(out2);
}

#[test]
fn newest_all_and_nothing() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let a = Archive::open_readonly(dir.path(), LockMode::Wait).unwrap();
    let id = SchoolId::parse("de-vuurvlinder").unwrap();
    let out = dir.path().join("reports-export.zip");
    let e = export(&a, &id, Selection::All, &out, &INFO).unwrap();
    assert_eq!((e.bundles, e.years.len()), (3, 2));
    let e = export(&a, &id, Selection::Newest, &out, &INFO).unwrap();
    assert_eq!(e.years, ["2023-2024"]);
    let err = export(&a, &id, Selection::Year("2019-2020"), &out, &INFO).unwrap_err();
    assert!(err.to_string().contains("geen bundels van school `de-vuurvlinder` in schooljaar 2019-2020"), "{err}");
    let err = export(&a, &SchoolId::parse("onbekend").unwrap(), Selection::All, &out, &INFO).unwrap_err();
    assert!(err.to_string().contains("onbekend"), "{err}");
}
