//! `sop diff` from the outside: exit codes, formats, `--out`, `--force` and
//! messages, on the `sop-diff` fixture records (documents: `diff_planted.rs`).

use std::path::PathBuf;
use std::process::{Command, Output};

const SOP: &str = env!("CARGO_BIN_EXE_sop");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> PathBuf {
    root().join("crates/sop-diff/tests/fixtures").join(name)
}

fn sop(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(SOP).args(args.iter().map(|a| a.as_ref())).env("NO_COLOR", "1").output().expect("run sop")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff-cli");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

#[test]
fn no_changes_exits_0_and_says_so_in_dutch() {
    let a = fixture("model_2023.json");
    let o = sop(&[&"diff", &a, &a]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Geen wijzigingen gevonden."), "{}", stdout(&o));
}

#[test]
fn changes_exit_1_and_json_is_sop_diff_1() {
    let o = sop(&[&"diff", &fixture("model_2023.json"), &fixture("model_2024.json"), &"--format", &"json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json on stdout");
    assert_eq!(d["schema"], "sop-diff/1");
    assert_eq!(d["from"]["school_year"], "2023-2024");
    assert_eq!(d["to"]["school_year"], "2024-2025");
    assert_eq!(d["summary"]["fields"]["expertise"], serde_json::json!({"added": 1, "removed": 1, "changed": 1}));
    let motoriek = d["changes"].as_array().unwrap().iter().find(|c| c["key"] == "motoriek").expect("motoriek");
    assert_eq!(motoriek["field"], "expertise");
    assert_eq!(motoriek["change"], "changed");
    assert_eq!(
        (motoriek["old"]["available"].as_bool(), motoriek["new"]["available"].as_bool()),
        (Some(true), Some(false))
    );
}

#[test]
fn different_schools_exit_2_unless_forced() {
    let (a, b) = (fixture("model_2023.json"), fixture("pos_2023.json"));
    let o = sop(&[&"diff", &a, &b]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("model_2023.json") && err.contains("pos_2023.json"), "{err}");
    assert!(err.contains("niet van dezelfde school") && err.contains("--force"), "{err}");
    assert!(o.stdout.is_empty());

    let o = sop(&[&"diff", &a, &b, &"--force"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("Let op: dit lijken documenten van verschillende scholen"), "{}", stdout(&o));
}

#[test]
fn an_unreadable_file_exits_2_naming_it() {
    let missing = scratch("does-not-exist.json");
    let o = sop(&[&"diff", &fixture("model_2023.json"), &missing]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does-not-exist.json"), "{}", stderr(&o));

    let garbage = scratch("garbage.json");
    std::fs::write(&garbage, "{ not json").unwrap();
    let o = sop(&[&"diff", &garbage, &fixture("model_2023.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("garbage.json"), "{}", stderr(&o));
}

#[test]
fn out_writes_the_html_report_to_a_file() {
    let out = scratch("report.html");
    let _ = std::fs::remove_file(&out);
    let o = sop(&[&"diff", &fixture("pos_2023.json"), &fixture("pos_2024.json"), &"--format", &"html", &"--out", &out]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let html = std::fs::read_to_string(&out).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Het Lyceum") && html.contains("Samenvatting"));
    assert!(html.contains("<del>In ontwikkeling</del> → <ins>Vastgesteld</ins>"), "{html}");

    let o = sop(&[
        &"diff",
        &fixture("pos_2023.json"),
        &fixture("pos_2024.json"),
        &"--out",
        &root().join("no/such/dir/x.md"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("x.md"), "{}", stderr(&o));
}
