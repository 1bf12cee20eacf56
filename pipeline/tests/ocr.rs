//! Scanned SOPs (issue 13): pages without a text layer are read by Tesseract
//! in the extraction child. The samples in `samples/scanned/` are made by
//! `samples/src/scan.py` from the digital samples (200 dpi, rotated 0.5°,
//! noise, black and white, image-only PDF).
//!
//! The tests that need Tesseract say so and are skipped where it or its
//! Dutch model is missing (CI installs them: `.ci/run`); the tests of
//! missing tools and of time limits use stand-in programs and always run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

const SOP: &str = env!("CARGO_BIN_EXE_sop");

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples")
}

fn sop(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(SOP);
    cmd.args(args).env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run sop")
}

fn record(path: &Path, env: &[(&str, &str)]) -> Value {
    let out = sop(&["normalize", path.to_str().unwrap()], env);
    assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("a JSON record")
}

/// Whether Tesseract with its Dutch model is installed; prints why not.
fn tesseract_with_dutch() -> bool {
    let ok = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == "nld"))
        && Command::new("pdftoppm").arg("-v").output().is_ok();
    if !ok {
        eprintln!("SKIPPED: Tesseract with the Dutch model or pdftoppm is missing (apt-get install tesseract-ocr tesseract-ocr-nld poppler-utils)");
    }
    ok
}

/// The fields of a record, for comparing a scan with its original: every
/// leaf value (string, number, bool, null, and empty list or object) by its
/// path, except under `source` (the file itself), `provenance` (source lines
/// as extracted) and `warnings` (which say how the file was read). List items
/// that have a `key` are addressed by it (`/expertise[gedrag]/available`),
/// so a row found in both counts as the same row wherever it stands; other
/// items by their index.
fn fields(record: &Value) -> BTreeMap<String, Value> {
    fn walk(v: &Value, path: String, out: &mut BTreeMap<String, Value>) {
        match v {
            Value::Object(m) if !m.is_empty() => {
                for (k, x) in m {
                    walk(x, format!("{path}/{k}"), out);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                for (i, x) in a.iter().enumerate() {
                    let at = x.get("key").and_then(Value::as_str).map_or(i.to_string(), str::to_string);
                    walk(x, format!("{path}[{at}]"), out);
                }
            }
            _ => {
                out.insert(path, v.clone());
            }
        }
    }
    let mut out = BTreeMap::new();
    for (k, v) in record.as_object().expect("a record is an object") {
        if !matches!(k.as_str(), "source" | "provenance" | "warnings" | "notices") {
            walk(v, format!("/{k}"), &mut out);
        }
    }
    out
}

/// (equal fields, all fields, the fields that differ with both values).
fn compare(original: &Value, scan: &Value) -> (usize, usize, Vec<String>) {
    let (a, b) = (fields(original), fields(scan));
    let mut all: Vec<&String> = a.keys().chain(b.keys()).collect();
    all.sort();
    all.dedup();
    let mut differ = Vec::new();
    for k in &all {
        if a.get(*k) != b.get(*k) {
            let show =
                |v: Option<&Value>| v.map_or("(absent)".to_string(), |v| v.to_string().chars().take(90).collect());
            differ.push(format!("{k}: {} -> {}", show(a.get(*k)), show(b.get(*k))));
        }
    }
    (all.len() - differ.len(), all.len(), differ)
}

/// Issue 13 asks for 90 % of the fields of each scan: the Model scan has
/// 93.7 %, the Perspectief op School scan 92.0 % (its template wording read
/// tolerantly on OCR pages; what still differs: EXTRACTION.md).
const FLOORS: &[(&str, f64)] = &[("000", 0.90), ("003", 0.90)];
const TARGET: f64 = 0.90;

#[test]
fn scanned_samples_give_records_close_to_their_digital_originals() {
    if !tesseract_with_dutch() {
        return;
    }
    let mut below_target = Vec::new();
    for &(n, floor) in FLOORS {
        let original = record(&samples().join(format!("pdf/{n}.pdf")), &[]);
        let scan = record(&samples().join(format!("scanned/{n}-scan.pdf")), &[]);
        let (equal, all, differ) = compare(&original, &scan);
        let share = equal as f64 / all as f64;
        println!("{n}-scan.pdf: {equal} of {all} fields equal to {n}.pdf ({:.1} %); different:", 100.0 * share);
        for d in &differ {
            println!("  {d}");
        }
        assert_eq!(scan["template"]["family"], original["template"]["family"], "{n}: the template is recognised");
        assert_eq!(scan["school"]["name"], original["school"]["name"], "{n}: the school's name");
        assert!(share >= floor, "{n}-scan.pdf: {equal} of {all} fields ({:.1} %) < {floor}", 100.0 * share);
        if share < TARGET {
            below_target.push(format!("{n}: {:.1} %", 100.0 * share));
        }
        let notices = scan["notices"].as_array().unwrap();
        assert!(
            notices
                .iter()
                .any(|w| w["code"] == "ocr-pages"
                    && w["params"]["pages"].as_str().is_some_and(|p| p.starts_with("1, 2, 3"))),
            "{n}: a warning names the OCR pages: {notices:#?}"
        );
        let prov = scan["provenance"].as_object().unwrap();
        assert!(!prov.is_empty() && prov.values().all(|p| p["ocr"] == true), "{n}: every field is marked as OCR'd");
        assert!(prov.values().any(|p| p["ocr_confidence"].is_number()), "{n}: confidences are given");
    }
    if !below_target.is_empty() {
        println!("below issue 13's target of {:.0} %: {}", 100.0 * TARGET, below_target.join(", "));
    }
}

#[test]
fn a_pdf_mixing_text_pages_and_scanned_pages_gives_one_record() {
    if !tesseract_with_dutch() {
        return;
    }
    let mixed = record(&samples().join("scanned/000-mixed.pdf"), &[]);
    let original = record(&samples().join("pdf/000.pdf"), &[]);
    assert_eq!(mixed["source"]["pages"], 8);
    assert_eq!(mixed["school"], original["school"], "page 1 is a text page");
    let warnings: Vec<&str> = mixed["warnings"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(warnings.iter().any(|w| w.starts_with("Pagina's 5, 6, 7, 8 zijn scans")), "{warnings:#?}");
    let notices = mixed["notices"].as_array().unwrap();
    assert!(notices.iter().any(|n| n["code"] == "ocr-pages" && n["params"]["pages"] == "5, 6, 7, 8"), "{notices:#?}");
    let prov = mixed["provenance"].as_object().unwrap();
    for (pointer, p) in prov {
        let page = p["page"].as_u64().unwrap_or(0);
        assert_eq!(p["ocr"] == true, page >= 5, "{pointer} on page {page}: {p}");
    }
    assert!(prov.values().any(|p| p["ocr"] == true), "fields come from the scanned pages too");
    // The scanned half is read: the limits (§3) are on page 6.
    assert!(!mixed["limits"]["items"].as_array().unwrap().is_empty(), "{:#}", mixed["limits"]);
}

#[test]
fn without_tesseract_the_record_is_still_made_and_the_warning_names_the_packages() {
    let mixed = samples().join("scanned/000-mixed.pdf");
    let env = [("SOP_TESSERACT", "/nonexistent/tesseract")];
    let out = sop(&["extract", mixed.to_str().unwrap()], &env);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Pagina's 5, 6, 7, 8 hebben geen tekst en konden niet gelezen worden")
            && stderr.contains("tesseract-ocr tesseract-ocr-nld poppler-utils"),
        "sop extract says what to install: {stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Diamant"), "the text pages are read");
    let rec = record(&mixed, &env);
    assert_eq!(rec["school"]["name"], "Diamant");
    let warnings: Vec<&str> = rec["warnings"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(warnings.iter().any(|w| w.contains("tesseract-ocr tesseract-ocr-nld poppler-utils")), "{warnings:#?}");
    let codes: Vec<&str> = rec["notices"].as_array().unwrap().iter().filter_map(|n| n["code"].as_str()).collect();
    assert!(codes.contains(&"pages-unread-ocr-missing"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| c.contains("ocr") && *c != "pages-unread-ocr-missing"),
        "nothing was read by OCR: {codes:?}"
    );
}

/// A stand-in for Tesseract that never finishes.
fn hanging_tesseract(dir: &Path) -> PathBuf {
    let script = dir.join("tesseract");
    std::fs::write(&script, "#!/bin/sh\nexec sleep 300\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn a_hanging_ocr_costs_its_page_limit_and_the_file_keeps_its_time_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let fake = hanging_tesseract(tmp.path());
    let mixed = samples().join("scanned/000-mixed.pdf");
    let env = [("SOP_TESSERACT", fake.to_str().unwrap())];
    // 1 s per page: the four scanned pages cost about 4 s, not 4 x 300 s.
    let started = Instant::now();
    let out = sop(&["extract", "--ocr-page-secs", "1", mixed.to_str().unwrap()], &env);
    let took = started.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for page in 5..=8 {
        assert!(
            stderr.contains(&format!("Pagina {page} is niet gelezen: de tekstherkenning duurde langer dan de grens")),
            "{stderr}"
        );
    }
    assert!(took < Duration::from_secs(60), "took {took:?}");
    // A file limit smaller than the pages need: OCR stops in time for the
    // file to be answered, and the text pages are kept.
    let started = Instant::now();
    let out = sop(&["extract", "--ocr-page-secs", "30", "--timeout-secs", "6", mixed.to_str().unwrap()], &env);
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "the file is answered within its own limit: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Diamant"));
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

#[test]
fn the_batch_with_scanned_documents_respects_its_time_limits() {
    let tmp = tempfile::tempdir().unwrap();
    let fake = hanging_tesseract(tmp.path());
    let inbox = tmp.path().join("inbox");
    let archive = tmp.path().join("archive");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::copy(samples().join("scanned/000-mixed.pdf"), inbox.join("000-mixed.pdf")).unwrap();
    std::fs::copy(samples().join("scanned/003-scan.pdf"), inbox.join("003-scan.pdf")).unwrap();
    std::fs::copy(samples().join("pdf/002.pdf"), inbox.join("002.pdf")).unwrap();
    let started = Instant::now();
    let out = sop(
        &[
            "run",
            "--year",
            "2023-2024",
            "--inbox",
            inbox.to_str().unwrap(),
            "--registry",
            samples().join("schools.csv").to_str().unwrap(),
            "--archive",
            archive.to_str().unwrap(),
            "--jobs",
            "2",
            "--timeout-secs",
            "40",
            "--ocr-page-secs",
            "1",
        ],
        &[("SOP_TESSERACT", fake.to_str().unwrap())],
    );
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // 003-scan has no page to read: it is no SOP as far as the tool can see.
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    // Three files on two workers, each bounded by its 40 s, not by 4-11 pages x 300 s.
    assert!(took < Duration::from_secs(120), "took {took:?}");
    let reports: Vec<PathBuf> = std::fs::read_dir(archive.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    let report: Value = serde_json::from_slice(&std::fs::read(&reports[0]).unwrap()).unwrap();
    let row = |name: &str| {
        report["documents"].as_array().unwrap().iter().find(|r| r["input"].as_str().unwrap().ends_with(name)).cloned()
    };
    let digital = row("002.pdf").expect("002 row");
    assert_eq!(digital["outcome"]["status"], "new", "{digital:#}");
    let mixed = row("000-mixed.pdf").expect("mixed row");
    assert_eq!(mixed["outcome"]["status"], "new", "the text pages make a record: {mixed:#}");
    let scan = row("003-scan.pdf").expect("scan row");
    // Read by OCR within its limits, but the scanned PoS report is no
    // recognisable SOP: kept in the waiting area with that reason, not a
    // time-out.
    assert_eq!(scan["outcome"]["status"], "held", "{scan:#}");
    let reason = scan["outcome"]["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("geen SOP"), "not a time-out of the file: {scan:#}");
}
