//! `sop overview` over the demo's archive, built here from the sample PDFs
//! the way `make demo` does (four schools in 2023-2024, two of them again in
//! 2024-2025): both templates' schools stand in one matrix, the registry's
//! schools without a profile are listed as missing, `--compare` shows the
//! planted next-year changes, and `sop run` itself leaves the year's overview
//! and each diff as HTML in `archive/reports/`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

const SOP: &str = env!("CARGO_BIN_EXE_sop");

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples")
}

fn sop(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(SOP).args(args).env("NO_COLOR", "1").output().expect("run sop");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The demo archive, built once for all tests of this file.
fn archive() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("overview-demo");
        let _ = std::fs::remove_dir_all(&root);
        let (y1, y2) = (root.join("inbox-2023"), root.join("inbox-2024"));
        std::fs::create_dir_all(y1.join("kristal")).unwrap();
        std::fs::create_dir_all(&y2).unwrap();
        for n in ["000", "002", "003"] {
            std::fs::copy(samples().join(format!("pdf/{n}.pdf")), y1.join(format!("{n}.pdf"))).unwrap();
        }
        std::fs::copy(samples().join("pdf/001.pdf"), y1.join("kristal/001.pdf")).unwrap();
        for n in ["000", "003"] {
            std::fs::copy(samples().join(format!("next-year/{n}.pdf")), y2.join(format!("{n}.pdf"))).unwrap();
        }
        let arch = root.join("archive");
        let registry = samples().join("schools.csv");
        for (year, inbox) in [("2023-2024", &y1), ("2024-2025", &y2)] {
            let (code, out, err) = sop(&[
                "run",
                "--year",
                year,
                "--inbox",
                inbox.to_str().unwrap(),
                "--registry",
                registry.to_str().unwrap(),
                "--archive",
                arch.to_str().unwrap(),
            ]);
            assert_eq!(code, 0, "{out}\n{err}");
            assert!(out.contains(&format!("Overzicht van alle scholen in {year}:")), "{out}");
        }
        arch
    })
}

fn overview_json(extra: &[&str]) -> Value {
    let out = archive().parent().unwrap().join(format!("o-{}.json", extra.join("_").replace(['-', '/'], "")));
    let registry = samples().join("schools.csv");
    let mut args = vec![
        "overview",
        "--archive",
        archive().to_str().unwrap(),
        "--registry",
        registry.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, stdout, err) = sop(&args);
    assert_eq!(code, 0, "{stdout}\n{err}");
    serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap()
}

fn school<'a>(o: &'a Value, id: &str) -> &'a Value {
    o["schools"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("no school {id}"))
}

fn coverage<'a>(o: &'a Value, id: &str, area: &str) -> &'a str {
    let s = school(o, id);
    s["areas"].as_array().unwrap().iter().find(|c| c["area"] == area).unwrap()["coverage"].as_str().unwrap()
}

#[test]
fn both_templates_in_one_matrix() {
    let o = overview_json(&["--year", "2023-2024"]);
    assert_eq!(o["counts"]["with_record"], 4);
    assert_eq!(o["counts"]["per_template"]["sppoh-model-2021-2025"], 3);
    assert_eq!(o["counts"]["per_template"]["perspectief-op-school-vo"], 1);
    let n_areas = o["areas"].as_array().unwrap().len();
    for id in ["diamant", "kristal", "jeroen", "diamant-college"] {
        let s = school(&o, id);
        assert_eq!(s["status"], "record", "{id}");
        assert_eq!(s["areas"].as_array().unwrap().len(), n_areas, "{id}");
        // The record link points at the school's bundle, relative to the output.
        assert!(s["record_link"].as_str().unwrap().contains(&format!("archive/{id}/2023-2024/v0001-")), "{s}");
    }
    // The Model's answers and the PoS report's, side by side.
    assert_eq!(coverage(&o, "diamant", "autisme"), "offered");
    assert_eq!(coverage(&o, "jeroen", "autisme"), "not_offered");
    assert_eq!(coverage(&o, "diamant-college", "autisme"), "not_mentioned");
    assert_eq!(coverage(&o, "diamant-college", "gedrag"), "offered");
    assert_eq!(coverage(&o, "kristal", "zintuiglijk"), "not_offered");
    // Kristal's name comes from the registry (the PDF lacks its first page).
    assert_eq!(school(&o, "kristal")["name"], "BS Het Kristal");
    // HGW of both templates in one matrix.
    let templates: Vec<&str> =
        o["hgw_columns"].as_array().unwrap().iter().filter_map(|c| c["template"].as_str()).collect();
    assert!(templates.contains(&"sppoh-model-2021-2025") && templates.contains(&"perspectief-op-school-vo"));
}

#[test]
fn missing_schools_are_listed_and_compare_shows_the_planted_changes() {
    let o = overview_json(&["--year", "2024-2025", "--compare", "2023-2024"]);
    assert_eq!(o["counts"]["with_record"], 2);
    assert_eq!(o["counts"]["missing"], 2);
    assert_eq!(school(&o, "kristal")["status"], "missing");
    assert_eq!(school(&o, "jeroen")["status"], "missing");
    // The diff report link of a school with a previous year.
    assert_eq!(school(&o, "diamant")["diff_link"], "archive/reports/diff-diamant-2024-2025-v0001.html");

    let c = &o["compare"];
    let changes = |id: &str| -> Vec<(String, String, String, String)> {
        let s = c["schools"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap();
        s["row_changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let f = |k: &str| r[k].as_str().unwrap_or("").to_string();
                (f("label"), f("change"), f("old"), f("new"))
            })
            .collect()
    };
    let d = changes("diamant");
    assert!(d.contains(&("Expertise faalangst".into(), "removed".into(), "nee".into(), "".into())), "{d:?}");
    assert!(d.iter().any(|r| r.0 == "Expertise NT2" && r.1 == "added" && r.3.starts_with("ja")), "{d:?}");
    assert!(
        d.iter().any(|r| r.0 == "Lift" && r.1 == "changed" && r.2.starts_with("nee") && r.3.starts_with("ja")),
        "{d:?}"
    );
    let hgw = &c["schools"].as_array().unwrap().iter().find(|s| s["id"] == "diamant").unwrap()["hgw_changes"];
    assert_eq!(hgw.as_array().unwrap().len(), 1, "{hgw}");
    assert_eq!(hgw[0]["key"], "ouders_leerkrachten_partners");
    assert_eq!((hgw[0]["old"].as_str(), hgw[0]["new"].as_str()), (Some("in_place"), Some("developing")));
    let p = changes("diamant-college");
    assert!(
        p.contains(&(
            "Gedragswetenschapper".into(),
            "changed".into(),
            "ja (via het bestuur)".into(),
            "ja (via het SWV of derden)".into()
        )),
        "{p:?}"
    );
    assert!(p.contains(&("Dyslexiespecialist".into(), "added".into(), "".into(), "ja (op de school)".into())), "{p:?}");
    assert!(p.iter().any(|r| r.0 == "Kleine klas" && r.1 == "removed"), "{p:?}");
    assert_eq!(d.len() + p.len(), 6, "only the planted rows changed: {d:?} {p:?}");
    // Per area: behaviour was covered by all four schools, now by the two that sent a profile.
    let gedrag = c["areas"].as_array().unwrap().iter().find(|a| a["area"] == "gedrag").unwrap();
    assert_eq!((gedrag["old_offered"].as_u64(), gedrag["new_offered"].as_u64()), (Some(4), Some(2)));
    assert_eq!(gedrag["lost"], serde_json::json!(["jeroen", "kristal"]));
}

#[test]
fn sop_run_writes_the_overview_and_the_diffs_as_html() {
    let reports = archive().join("reports");
    for name in [
        "overview-2023-2024.html",
        "overview-2024-2025.html",
        "diff-diamant-2024-2025-v0001.html",
        "diff-diamant-college-2024-2025-v0001.html",
    ] {
        assert!(reports.join(name).is_file(), "{name} missing in {}", reports.display());
    }
    let html = std::fs::read_to_string(reports.join("overview-2024-2025.html")).unwrap();
    assert!(html.contains("Vergelijking met 2023-2024"), "the batch compares with the previous school year");
    assert!(html.contains("href=\"diff-diamant-2024-2025-v0001.html\""));
    assert!(html.contains("geen profiel ontvangen"));
    let diff = std::fs::read_to_string(reports.join("diff-diamant-2024-2025-v0001.html")).unwrap();
    assert!(diff.starts_with("<!DOCTYPE html>") && diff.contains("Expertise NT2"));
}

#[test]
fn every_format_is_written() {
    let dir = archive().parent().unwrap();
    for (name, check) in [
        ("o.xlsx", b"PK".as_slice()),
        ("o.csv", b"school_id,school_naam".as_slice()),
        ("o.html", b"<!DOCTYPE html>".as_slice()),
    ] {
        let out = dir.join(name);
        let (code, stdout, err) = sop(&[
            "overview",
            "--year",
            "2024-2025",
            "--compare",
            "2023-2024",
            "--archive",
            archive().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stdout}{err}");
        assert!(std::fs::read(&out).unwrap().starts_with(check), "{name}");
    }
}

#[test]
fn a_bad_areas_file_or_year_is_explained() {
    let dir = archive().parent().unwrap();
    let areas = dir.join("gebieden.toml");
    std::fs::write(&areas, "[[area]]\nid = \"Gedrag\"\nlabel = \"Gedrag\"\nkeys = [\"gedrag\"]\n").unwrap();
    let out = dir.join("x.html");
    let (code, _, err) = sop(&[
        "overview",
        "--year",
        "2023-2024",
        "--archive",
        archive().to_str().unwrap(),
        "--areas",
        areas.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("gebieden.toml") && err.contains("lowercase"), "{err}");
    let (code, _, err) =
        sop(&["overview", "--year", "2023", "--archive", archive().to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("--year 2023"), "{err}");

    // An edited areas file is used: everything lands under overig but what it maps.
    std::fs::write(&areas, "[[area]]\nid = \"alleen_lift\"\nlabel = \"Alleen de lift\"\nkeys = [\"lift\"]\n").unwrap();
    let json = dir.join("lift.json");
    let (code, _, err) = sop(&[
        "overview",
        "--year",
        "2023-2024",
        "--archive",
        archive().to_str().unwrap(),
        "--areas",
        areas.to_str().unwrap(),
        "--out",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let o: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(o["areas"].as_array().unwrap().len(), 1);
    assert_eq!(coverage(&o, "jeroen", "alleen_lift"), "offered");
    assert!(o["other_rows"].as_array().unwrap().iter().any(|r| r["key"] == "autisme"));
}

#[test]
fn registry_region_and_board_columns_group_the_schools() {
    let dir = archive().parent().unwrap();
    let registry = dir.join("schools-regio.csv");
    std::fs::write(
        &registry,
        "id,name,regio,bestuur\ndiamant,Diamant,Den Haag,Stichting A\nkristal,BS Het Kristal,Rijswijk,Stichting A\njeroen,Basisschool Jeroen,Den Haag,Stichting B\ndiamant-college,Diamant College,Leidschendam-Voorburg,\n",
    )
    .unwrap();
    let out = dir.join("regio.json");
    let (code, stdout, err) = sop(&[
        "overview",
        "--year",
        "2023-2024",
        "--archive",
        archive().to_str().unwrap(),
        "--registry",
        registry.to_str().unwrap(),
        "--threshold",
        "2",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{err}");
    let o: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(school(&o, "kristal")["region"], "Rijswijk");
    assert_eq!(school(&o, "kristal")["board"], "Stichting A");
    // No board in the registry: the record's own.
    assert_eq!(school(&o, "diamant-college")["board"], "Stichting Lucas Onderwijs");
    let autisme = o["area_summary"].as_array().unwrap().iter().find(|a| a["area"] == "autisme").unwrap();
    let den_haag = autisme["by_region"].as_array().unwrap().iter().find(|g| g["group"] == "Den Haag").unwrap();
    assert_eq!((den_haag["schools"].as_u64(), den_haag["offered"].as_u64()), (Some(2), Some(1)));
    // Threshold 2: autism is a gap everywhere, Den Haag included (1 school).
    let gaps: Vec<&str> = o["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["area"] == "autisme")
        .map(|g| g["region"].as_str().unwrap_or("heel het samenwerkingsverband"))
        .collect();
    assert_eq!(gaps, ["heel het samenwerkingsverband", "Den Haag", "Leidschendam-Voorburg", "Rijswijk"]);
}
