//! `sop run` end to end on an inbox that mixes good samples with a web page,
//! a damaged PDF, a text that is no SOP and a PDF whose extraction hangs:
//! the good ones are archived, every other one (no school can be told for
//! them) is kept in the holding area and reported with its reason, the hang
//! is abandoned at the time limit, and the exit code is 1.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const SOP: &str = env!("CARGO_BIN_EXE_sop");

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(SOP).arg("run").args(args).env("NO_COLOR", "1").output().expect("run sop");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The newest run report (JSON) in the archive.
fn last_report(archive: &Path) -> Value {
    let mut reports: Vec<PathBuf> = std::fs::read_dir(archive.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().unwrap().to_string_lossy().starts_with("run-") && p.extension().is_some_and(|e| e == "json")
        })
        .collect();
    reports.sort_by_key(|p| std::fs::metadata(p).unwrap().modified().unwrap());
    serde_json::from_slice(&std::fs::read(reports.last().expect("a run report")).unwrap()).unwrap()
}

/// The report row of the input whose path ends with `name`.
fn row<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["input"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no row for {name}: {report:#}"))
}

/// A stand-in for the extraction child that hangs on files named `*hang*`
/// and hands every other file to the real child.
fn hanging_child(dir: &Path) -> PathBuf {
    let script = dir.join("child.sh");
    let body = format!("#!/bin/sh\ncase \"$*\" in\n  *hang*) exec sleep 60 ;;\n  *) exec '{SOP}' \"$@\" ;;\nesac\n");
    std::fs::write(&script, body).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

#[test]
fn mixed_inbox_archives_the_good_reports_the_bad_and_abandons_the_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    let archive = tmp.path().join("archive");
    std::fs::create_dir_all(&inbox).unwrap();
    for n in ["000", "002", "003"] {
        std::fs::copy(samples().join(format!("pdf/{n}.pdf")), inbox.join(format!("SOP {n} definitief.pdf"))).unwrap();
    }
    std::fs::write(
        inbox.join("web page.pdf"),
        "<!DOCTYPE html><html><body>Ons schoolondersteuningsprofiel</body></html>",
    )
    .unwrap();
    let sample = std::fs::read(samples().join("pdf/000.pdf")).unwrap();
    std::fs::write(inbox.join("damaged.pdf"), &sample[..sample.len() / 3]).unwrap();
    std::fs::write(inbox.join("notulen.txt"), "Notulen van de vergadering van de ouderraad\n\nAanwezig: de voorzitter, de penningmeester.\nDe kascontrole is goedgekeurd.\n").unwrap();
    std::fs::copy(samples().join("pdf/002.pdf"), inbox.join("hang.pdf")).unwrap();
    let child = hanging_child(tmp.path());

    let (code, stdout, stderr) = run(&[
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
        "--timeout",
        "2",
        "--extract-child-exe",
        child.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "some documents need attention\nstdout:\n{stdout}\nstderr:\n{stderr}");

    let report = last_report(&archive);
    assert_eq!(report["school_year"], "2023-2024");
    assert_eq!(report["counts"]["total"], 7);
    for (name, school) in [
        ("SOP 000 definitief.pdf", "diamant"),
        ("SOP 002 definitief.pdf", "jeroen"),
        ("SOP 003 definitief.pdf", "diamant-college"),
    ] {
        let r = row(&report, name);
        assert_eq!(r["outcome"]["status"], "new", "{r:#}");
        assert_eq!(r["school"], school, "{r:#}");
        assert!(r["template"].is_string(), "{r:#}");
        assert!(archive.join(school).join("2023-2024").is_dir());
    }
    // Not read, and at the top of the inbox: no school can be told, so they
    // are held with why, in words, and the command that assigns them.
    let held = |name: &str, code: &str, words: &str| {
        let r = row(&report, name);
        assert_eq!(r["outcome"]["status"], "held", "{r:#}");
        let reason = r["outcome"]["reason"].as_str().unwrap();
        assert!(reason.contains(words), "{name}: {reason:?} lacks {words:?}");
        let sha = r["outcome"]["sha256"].as_str().unwrap();
        let info: Value = serde_json::from_slice(
            &std::fs::read(archive.join(format!("ontvangen/2023-2024/{sha}.info.json"))).expect("held info"),
        )
        .unwrap();
        assert_eq!(info["unread"]["code"], code, "{info:#}");
    };
    held("web page.pdf", "not_pdf", "webpagina");
    held("damaged.pdf", "damaged", "damaged.pdf");
    held("notulen.txt", "not_an_sop", "geen SOP");
    // The hung file has the bytes of Jeroen's profile (read above): it is
    // known to be Jeroen's, and adds nothing to the archive.
    let r = row(&report, "hang.pdf");
    assert_eq!((&r["outcome"]["status"], &r["outcome"]["code"]), (&"unread".into(), &"timeout".into()), "{r:#}");
    assert_eq!((&r["school"], &r["outcome"]["filed"]), (&"jeroen".into(), &"unchanged".into()), "{r:#}");
    assert!(r["outcome"]["reason"].as_str().unwrap().contains("langer dan 2 seconden"), "{r:#}");
    assert_eq!(report["counts"]["new"], 3);
    assert_eq!(report["counts"]["unread"], 1);
    assert_eq!(report["counts"]["held"], 3);
    assert_eq!(report["counts"]["failed"], 0);

    // What the user sees: the Dutch summary on stdout, the report in the archive.
    assert!(
        stdout.contains("nieuw 3 · nieuwe versie 0 · ongewijzigd 0 · niet leesbaar 1 · school onbekend 3 · mislukt 0"),
        "{stdout}"
    );
    assert!(stdout.contains("ontvangen, school onbekend") && stdout.contains("sop assign "), "{stdout}");
    let md_path =
        stdout.lines().find_map(|l| l.strip_prefix("Verslag van deze verwerking: ")).expect("report path printed");
    let md = std::fs::read_to_string(md_path).unwrap();
    assert!(
        md.contains("## Samenvatting") && md.contains("## Nog toe te wijzen") && md.contains("damaged.pdf"),
        "{md}"
    );
    // Not a terminal: plain progress lines, no escape codes.
    assert!(stderr.contains("[7/7]") && !stderr.contains('\u{1b}'), "{stderr}");

    // A second run of the same inbox adds nothing.
    std::fs::remove_file(inbox.join("hang.pdf")).unwrap();
    for bad in ["web page.pdf", "damaged.pdf", "notulen.txt"] {
        std::fs::remove_file(inbox.join(bad)).unwrap();
    }
    let (code, stdout, _) = run(&[
        "--year",
        "2023-2024",
        "--inbox",
        inbox.to_str().unwrap(),
        "--registry",
        samples().join("schools.csv").to_str().unwrap(),
        "--archive",
        archive.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}");
    let report = last_report(&archive);
    assert_eq!(report["counts"]["unchanged"], 3, "{report:#}");
}

#[test]
fn next_year_is_a_new_year_with_its_changes_and_the_batch_year_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let (first, second) = (tmp.path().join("y1"), tmp.path().join("y2"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    std::fs::copy(samples().join("pdf/000.pdf"), first.join("000.pdf")).unwrap();
    std::fs::copy(samples().join("next-year/000.pdf"), second.join("000.pdf")).unwrap();
    let registry = samples().join("schools.csv");
    let base = |inbox: &Path, year: &'static str| {
        vec![
            "--year".to_string(),
            year.into(),
            "--inbox".into(),
            inbox.display().to_string(),
            "--registry".into(),
            registry.display().to_string(),
            "--archive".into(),
            archive.display().to_string(),
        ]
    };
    let args = base(&first, "2023-2024");
    let (code, out, err) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{out}\n{err}");

    let args = base(&second, "2024-2025");
    let (code, out, err) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{out}\n{err}");
    let report = last_report(&archive);
    let r = row(&report, "000.pdf");
    assert_eq!(r["outcome"]["status"], "new");
    assert!(r["changes"].as_u64().unwrap() > 0, "the planted changes are found: {r:#}");
    let diff = r["diff_report"].as_str().unwrap();
    assert!(std::fs::read_to_string(diff).unwrap().contains("2023-2024"), "the diff report compares with last year");
    assert!(out.contains(diff), "the summary names the diff report: {out}");
    assert!(r["warnings"].as_array().unwrap().is_empty(), "{r:#}");

    // A document of another year, filed in this batch: archived under the batch year, with a warning.
    let args = base(&first, "2025-2026");
    let (code, out, _) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{out}");
    let report = last_report(&archive);
    let r = row(&report, "000.pdf");
    assert_eq!(r["year"], "2023-2024");
    assert!(archive.join("diamant/2025-2026").is_dir());
    let warning = r["warnings"][0].as_str().unwrap();
    assert!(warning.contains("2023-2024") && warning.contains("2025-2026"), "{warning}");
    let md = std::fs::read_dir(archive.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("run-2025-2026") && p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    assert!(std::fs::read_to_string(md).unwrap().contains("## Waarschuwingen"));
}

#[test]
fn bad_arguments_say_what_to_do() {
    let (code, _, err) = run(&["--year", "2024"]);
    assert_eq!(code, 1);
    assert!(err.contains("--year 2024") && err.contains("JJJJ-JJJJ"), "{err}");
    let (code, _, err) = run(&["--year", "2024-2025"]);
    assert_eq!(code, 1);
    assert!(err.contains("--inbox") && err.contains("--sources"), "{err}");
}

/// Every file below `root` except the run reports (which record how long the
/// run took), with its bytes, by relative path.
fn archive_files(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            if rel == "reports" || rel == ".lock" {
                continue;
            }
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// Two runs over the same inputs with SOURCE_DATE_EPOCH set write the same
/// archive, byte for byte, even with two documents extracted at a time
/// (their order of finishing differs; the ledger follows the input order).
#[test]
fn same_inputs_with_source_date_epoch_give_a_byte_identical_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    std::fs::create_dir_all(inbox.join("kristal")).unwrap();
    for n in ["000", "002", "003"] {
        std::fs::copy(samples().join(format!("pdf/{n}.pdf")), inbox.join(format!("{n}.pdf"))).unwrap();
    }
    std::fs::copy(samples().join("pdf/001.pdf"), inbox.join("kristal/001.pdf")).unwrap();
    let registry = samples().join("schools.csv");
    let mut archives = Vec::new();
    for name in ["a", "b"] {
        let archive = tmp.path().join(name);
        let out = Command::new(SOP)
            .args(["run", "--year", "2023-2024", "--jobs", "2", "--inbox"])
            .arg(&inbox)
            .arg("--registry")
            .arg(&registry)
            .arg("--archive")
            .arg(&archive)
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        archives.push(archive_files(&archive));
    }
    assert_eq!(archives[0].len(), archives[1].len());
    assert!(archives[0].keys().filter(|k| k.ends_with(".zip")).count() == 4, "{:?}", archives[0].keys());
    for (path, bytes) in &archives[0] {
        assert!(archives[1].get(path) == Some(bytes), "`{path}` differs between the two runs");
    }
}
