//! The second-year samples (`samples/next-year/NNN.pdf`) plant known changes
//! in a copy of `samples/pdf/NNN.pdf`, each listed in
//! `samples/next-year/planted.json`. `sop diff` on the two PDFs must find
//! every planted change and report nothing else: no re-flow, no reordering,
//! no page-break or extraction noise.
//!
//! Matching a planted entry `{sample, field, label, change}` with a reported
//! change: same `field` and `change`; and when both name a row, the planted
//! label is the change's label or key (case, spacing and punctuation
//! ignored). One planted entry may be reported as more than one change of its
//! field (the finance paragraph that appears is reported as its text and its
//! amount).
//!

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sop_model::text::slug;

const SOP: &str = env!("CARGO_BIN_EXE_sop");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn sop(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    Command::new(SOP).args(args.iter().map(|a| a.as_ref())).output().expect("run sop")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff-documents");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

fn run_json(args: &[&str], expect_code: i32) -> Value {
    let o = Command::new(SOP).args(args).output().expect("run sop");
    assert_eq!(o.status.code(), Some(expect_code), "sop {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("sop {args:?}: not JSON: {e}"))
}

fn planted() -> Vec<Value> {
    let path = root().join("samples/next-year/planted.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str::<Vec<Value>>(&text).expect("planted.json is a list")
}

fn same_name(a: &str, b: &str) -> bool {
    !a.is_empty() && slug(a) == slug(b)
}

/// Whether a reported change is (part of) a planted one.
fn explains(p: &Value, c: &Value) -> bool {
    if p["field"] != c["field"] || p["change"] != c["change"] {
        return false;
    }
    let Some(label) = p["label"].as_str() else {
        return true;
    };
    match c["key"].as_str() {
        None => true,
        Some(key) => same_name(label, c["label"].as_str().unwrap_or_default()) || same_name(label, key),
    }
}

fn check(sample: &str) {
    let old = root().join(format!("samples/pdf/{sample}.pdf"));
    let new = root().join(format!("samples/next-year/{sample}.pdf"));
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let diff = run_json(&["diff", old, new, "--format", "json"], 1);
    let changes = diff["changes"].as_array().expect("changes");
    let planted: Vec<Value> = planted().into_iter().filter(|p| p["sample"] == sample).collect();
    assert!(!planted.is_empty(), "planted.json lists nothing for {sample}");

    let missing: Vec<&Value> = planted.iter().filter(|p| !changes.iter().any(|c| explains(p, c))).collect();
    let unexplained: Vec<&Value> = changes.iter().filter(|c| !planted.iter().any(|p| explains(p, c))).collect();
    assert!(missing.is_empty(), "{sample}: planted changes not found: {missing:#?}\nreported: {changes:#?}");
    assert!(unexplained.is_empty(), "{sample}: reported changes that were not planted: {unexplained:#?}");
}

#[test]
fn model_sample_000_next_year_has_exactly_the_planted_changes() {
    check("000");
}

#[test]
fn pos_sample_003_next_year_has_exactly_the_planted_changes() {
    check("003");
}

fn sample(p: &str) -> PathBuf {
    root().join("samples").join(p)
}

/// A PDF, its extracted text and its record are one document to `sop diff`.
#[test]
fn pdfs_texts_and_records_alike() {
    // PDF against itself.
    let pdf = sample("pdf/000.pdf");
    let o = sop(&[&"diff", &pdf, &pdf]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stderr(&o), stdout(&o));

    // The PDF against its own record: source and provenance are no change.
    let o = sop(&[&"normalize", &pdf]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let record = scratch("000.sop.json");
    std::fs::write(&record, &o.stdout).unwrap();
    let o = sop(&[&"diff", &record, &pdf]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stderr(&o), stdout(&o));

    // Extracted text (a seed) against itself, and against next year's PDF.
    let txt = sample("seeds/000_67906dc56c831d91.txt");
    let o = sop(&[&"diff", &txt, &txt]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stderr(&o), stdout(&o));
    let o = sop(&[&"diff", &txt, &sample("next-year/000.pdf"), &"--format", &"json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(d["same_school"]["verdict"], "same");
    assert_eq!(d["from"]["school_year"], "2023-2024");
    assert_eq!(d["to"]["school_year"], "2024-2025");
    assert!(Path::new(&txt).exists());
}
