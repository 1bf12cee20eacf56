//! `sop verify`, `sop list`, `sop show` and `sop export` on an archive built
//! with the library, including the exported bag checked by the Library of
//! Congress `bagit` validator (Python: `pip install bagit`).

use std::path::Path;
use std::process::{Command, Output};

use sop_archive::{Archive, LockMode, SchoolId, Submission};
use sop_model::{Record, Source, Template};

const T0: i64 = 1_709_294_400; // 2024-03-01T12:00:00Z

fn sop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sop"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", T0.to_string())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn add(a: &mut Archive, school: &str, name: &str, year: &str, content: &str, created: i64) {
    let id = SchoolId::parse(school).unwrap();
    let mut r = Record::empty(
        Template { family: "sppoh-model-2021-2025".into(), revision: None, confidence: 1.0, evidence: vec![] },
        Source {
            sha256: sop_archive::format::sha256_hex(content.as_bytes()),
            bytes: content.len() as u64,
            pages: 1,
            media_type: "text/plain".into(),
            filename: "sop.txt".into(),
        },
    );
    r.school.name = Some(name.into());
    r.school.swv = Some("SPPOH".into());
    r.school_year = Some(year.into());
    a.add(Submission {
        school_id: &id,
        school_year: year,
        source: content.as_bytes(),
        source_filename: "sop.txt",
        media_type: "text/plain",
        extracted_text: content,
        record: &r,
        diff_json: None,
        diff_md: None,
        created,
        tool_version: "0.1.0",
        assigned_from: None,
    })
    .unwrap();
}

fn populate(root: &Path) {
    let mut a = Archive::open(root, LockMode::Fail).unwrap();
    add(&mut a, "de-vuurvlinder", "OBS De Vuurvlinder", "2022-2023", "profiel 2022", T0);
    add(&mut a, "de-vuurvlinder", "OBS De Vuurvlinder", "2023-2024", "profiel 2023", T0 + 10);
    add(&mut a, "de-vuurvlinder", "OBS De Vuurvlinder", "2023-2024", "profiel 2023 herzien", T0 + 20);
    add(&mut a, "het-baken", "CBS Het Baken", "2023-2024", "baken", T0 + 30);
}

#[test]
fn verify_accepts_a_clean_archive_and_names_a_removed_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archief");
    populate(&root);
    let o = sop(&["verify", "--archive", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).contains("4 bundels") && stdout(&o).contains("In orde"), "{}", stdout(&o));

    let ledger = std::fs::read_to_string(root.join("ledger.jsonl")).unwrap();
    let third: serde_json::Value = serde_json::from_str(ledger.lines().nth(2).unwrap()).unwrap();
    let rel = third["bundle"].as_str().unwrap();
    std::fs::remove_file(root.join(rel)).unwrap();
    let o = sop(&["verify", "--archive", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(
        text.contains(&format!("PROBLEEM: {rel}"))
            && text.contains("regel 3 van het logboek")
            && text.contains("NIET IN ORDE"),
        "{text}"
    );

    let o = sop(&["verify", "--archive", root.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["problems"][0]["file"], rel);
}

#[test]
fn verify_without_an_archive_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let o = sop(&["verify", "--archive", dir.path().join("nope").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("er is geen archief in") && err.contains("nope"), "{err}");
}

#[test]
fn list_and_show_for_people_and_scripts() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let root = dir.path().to_str().unwrap();
    let o = sop(&["list", "--archive", root]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.contains("de-vuurvlinder") && text.contains("OBS De Vuurvlinder") && text.contains("2 scholen, 4 bundels"),
        "{text}"
    );
    let o = sop(&["list", "--archive", root, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schools"][0]["years"][1]["versions"], 2);
    assert_eq!(v["schools"][1]["id"], "het-baken");

    let o = sop(&["show", "--archive", root, "--school", "de-vuurvlinder", "--year", "2023-2024"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.contains("Schooljaar 2023-2024")
            && text.contains("versie 2 van 2024-03-01T12:00:20Z")
            && text.contains("vervangt"),
        "{text}"
    );
    assert!(!text.contains("2022-2023"), "{text}");
    let o = sop(&["show", "--archive", root, "--school", "de-vuurvlinder", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[2]["manifest"]["version"], 2);

    let o = sop(&["show", "--archive", root, "--school", "../etc"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--school"));
    let o = sop(&["show", "--archive", root, "--school", "onbekend"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("niets van school `onbekend`"));
}

/// Unzips with Python's zipfile and runs the Library of Congress validator.
fn validate_bag(zip: &Path, into: &Path, bag_name: &str) {
    let unzip = Command::new("python3").args(["-m", "zipfile", "-e"]).arg(zip).arg(into).output();
    let Ok(unzip) = unzip else {
        panic!("python3 is needed to check the BagIt export: install python3 and run `pip install bagit`")
    };
    assert!(unzip.status.success(), "{}", String::from_utf8_lossy(&unzip.stderr));
    let probe = Command::new("python3").args(["-c", "import bagit"]).output().unwrap();
    assert!(
        probe.status.success(),
        "the Library of Congress BagIt validator is missing: run `pip install bagit` (python3 -m bagit must work)"
    );
    let o = Command::new("python3").args(["-m", "bagit", "--validate"]).arg(into.join(bag_name)).output().unwrap();
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && log.contains("is valid"), "bagit rejects the export: {log}");
}

#[test]
fn the_exported_bag_validates_with_the_library_of_congress_bagit() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    populate(&root);
    let out = dir.path().join("export.zip");
    let o = sop(&[
        "export",
        "--archive",
        root.to_str().unwrap(),
        "--school",
        "de-vuurvlinder",
        "--all",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("3 bundel(s)"), "{}", stdout(&o));
    validate_bag(&out, &dir.path().join("x"), "sop-de-vuurvlinder-alle-jaren");
    let bag = dir.path().join("x/sop-de-vuurvlinder-alle-jaren");
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(info.contains("Source-Organization: SPPOH\n"), "the SWV from the record: {info}");
    assert!(info.contains("Bagging-Date: 2024-03-01\n"), "{info}");
    assert!(bag.join("data/de-vuurvlinder/2022-2023").is_dir() && bag.join("data/ledger.jsonl").is_file());

    // The default is the newest year; a changed byte in the bag is caught by the validator.
    let out2 = dir.path().join("nieuwste.zip");
    let o = sop(&[
        "export",
        "--archive",
        root.to_str().unwrap(),
        "--school",
        "de-vuurvlinder",
        "--organization",
        "SWV Test",
        "--out",
        out2.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    validate_bag(&out2, &dir.path().join("y"), "sop-de-vuurvlinder-2023-2024");
    let bag = dir.path().join("y/sop-de-vuurvlinder-2023-2024");
    std::fs::write(bag.join("data/LEESMIJ.txt"), "veranderd").unwrap();
    let o = Command::new("python3").args(["-m", "bagit", "--validate"]).arg(&bag).output().unwrap();
    assert!(!o.status.success(), "the validator must reject an altered bag");
}

#[test]
fn export_refuses_what_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    populate(dir.path());
    let out = dir.path().join("e.zip");
    let o = sop(&[
        "export",
        "--archive",
        dir.path().to_str().unwrap(),
        "--school",
        "het-baken",
        "--year",
        "2019-2020",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("geen bundels van school `het-baken` in schooljaar 2019-2020"));
    assert!(!out.exists());
}
