//! Every document a school sent ends up in the archive after one `sop run`:
//! an encrypted PDF, a PDF of a template `sop` does not know, a file that is
//! no PDF (each in a school's folder: received but not read) and a document
//! that names no school (held in `ontvangen/`). `sop verify` accepts the
//! archive, `sop list`/`show` say what was received and why it was not read,
//! `sop assign` files the held one, a second run of the same inbox adds
//! nothing, and `sop reprocess` turns a document that becomes readable into a
//! new version.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use sop_archive::format::{open_bundle, ReadLimits, RECORD, UNREAD};

const SOP: &str = env!("CARGO_BIN_EXE_sop");
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
/// A PDF of another template (a real-world school document), used in place.
const PLEIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/realworld/plein013/01FX.pdf");
const YEAR: &str = "2023-2024";

fn sop(args: &[&str]) -> Output {
    Command::new(SOP)
        .args(args)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env_remove("RUST_LOG")
        .output()
        .expect("run sop")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn run(inbox: &Path, archive: &Path, registry: bool) -> Output {
    let registry_csv = format!("{REPO}/samples/schools.csv");
    let mut args = vec!["run", "--year", YEAR, "--jobs", "2", "--inbox", inbox.to_str().unwrap()];
    args.extend(["--archive", archive.to_str().unwrap()]);
    if registry {
        args.extend(["--registry", &registry_csv]);
    }
    let out = sop(&args);
    assert_eq!(out.status.code(), Some(1), "documents need attention, so exit 1:\n{}", text(&out));
    assert!(!text(&out).contains("panicked"), "{}", text(&out));
    out
}

fn read_report(archive: &Path, out: &Output) -> (Value, String) {
    let md =
        stdout(out).lines().find_map(|l| l.strip_prefix("Verslag van deze verwerking: ")).expect("report").to_string();
    let md = if Path::new(&md).is_absolute() { PathBuf::from(md) } else { archive.parent().unwrap().join(md) };
    let json = std::fs::read(md.with_extension("json")).expect("json report");
    (serde_json::from_slice(&json).unwrap(), std::fs::read_to_string(&md).unwrap())
}

fn row<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["input"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no row for {name}: {report:#}"))
}

fn assert_verifies(archive: &Path) -> Value {
    let out = sop(&["verify", "--json", "--archive", archive.to_str().unwrap()]);
    assert!(out.status.success(), "sop verify fails:\n{}", text(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["problems"].as_array().unwrap().len(), 0, "{v:#}");
    assert_eq!(v["notices"].as_array().unwrap().len(), 0, "{v:#}");
    v
}

fn ledger(archive: &Path) -> Vec<Value> {
    std::fs::read_to_string(archive.join("ledger.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The archived bundle of the only version of `school` in the batch year.
fn only_bundle(archive: &Path, school: &str) -> sop_archive::format::OpenedBundle {
    let dir = archive.join(school).join(YEAR);
    let files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    open_bundle(&std::fs::read(&files[0]).unwrap(), &files[0], ReadLimits::default()).unwrap()
}

/// An inbox as staff make it: unreadable documents sorted into the school's
/// folder, one document that names no school left at the top.
fn inbox(dir: &Path) -> PathBuf {
    let inbox = dir.join("inbox");
    for school in ["kristal", "jeroen", "diamant"] {
        std::fs::create_dir_all(inbox.join(school)).unwrap();
    }
    std::fs::copy(format!("{REPO}/pipeline/tests/fixtures/versleuteld.pdf"), inbox.join("kristal/SOP beveiligd.pdf"))
        .unwrap();
    std::os::unix::fs::symlink(PLEIN, inbox.join("jeroen/schoolplan.pdf")).unwrap();
    // A Word file's first bytes: no PDF, no text.
    std::fs::write(inbox.join("diamant/SOP 2023.docx"), b"PK\x03\x04\x14\x00\x06\x00word/document.xml\x00\x01\x02")
        .unwrap();
    std::fs::copy(format!("{REPO}/samples/pdf/001.pdf"), inbox.join("scan zonder voorblad.pdf")).unwrap();
    inbox
}

#[test]
fn every_document_is_in_the_archive_with_its_reason_and_the_held_one_can_be_assigned() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = inbox(tmp.path());
    let archive = tmp.path().join("archive");
    let out = run(&inbox, &archive, true);
    let (report, md) = read_report(&archive, &out);

    // Received and identified, not read: a bundle with the original and the reason, no record.
    for (name, school, code, words) in [
        ("SOP beveiligd.pdf", "kristal", "encrypted", "beveiligd met een wachtwoord"),
        ("schoolplan.pdf", "jeroen", "unrecognised_template", "onbekend sjabloon"),
        ("SOP 2023.docx", "diamant", "not_pdf", "geen PDF"),
    ] {
        let r = row(&report, name);
        assert_eq!(r["outcome"]["status"], "unread", "{r:#}");
        assert_eq!(r["outcome"]["code"], code, "{r:#}");
        assert_eq!(r["school"], school, "{r:#}");
        let said = format!("ontvangen, niet leesbaar: {words}");
        assert!(stdout(&out).contains(&said) && md.contains(&said), "{said:?} missing:\n{}\n{md}", stdout(&out));
        let b = only_bundle(&archive, school);
        let original = std::fs::read(inbox.join(school).join(name)).unwrap();
        assert_eq!(b.entry(&b.manifest.source.entry), Some(original.as_slice()), "{name}: the original, byte for byte");
        assert_eq!(b.manifest.source.filename, name);
        assert!(b.entry(RECORD).is_none(), "{name}: no record is made up");
        let reason: Value = serde_json::from_slice(b.entry(UNREAD).expect("unread.json")).unwrap();
        assert_eq!(reason["code"], code);
        assert!(reason["stage"].is_string() && reason["message"].as_str().is_some_and(|m| !m.is_empty()), "{reason}");
    }
    // Read far enough to know the template is another: the text is kept too.
    assert!(only_bundle(&archive, "jeroen").entry("text.txt").is_some_and(|t| !t.is_empty()));
    assert!(only_bundle(&archive, "kristal").entry("text.txt").is_none(), "nothing was extracted");
    let kristal = only_bundle(&archive, "kristal");
    assert!(kristal.manifest.unread.as_ref().unwrap().message.contains("wachtwoord"), "{:?}", kristal.manifest);

    // Received, not identified: held, with the exact command to run.
    let held = row(&report, "scan zonder voorblad.pdf");
    assert_eq!(held["outcome"]["status"], "held", "{held:#}");
    let sha = held["outcome"]["sha256"].as_str().unwrap().to_string();
    let command = held["outcome"]["command"].as_str().unwrap().to_string();
    assert_eq!(
        command,
        format!("sop assign {} --school <id> --year {YEAR} --archive {}", &sha[..12], archive.display())
    );
    assert!(md.contains("## Nog toe te wijzen") && md.contains(&command), "{md}");
    let original = std::fs::read(inbox.join("scan zonder voorblad.pdf")).unwrap();
    assert_eq!(std::fs::read(archive.join(format!("ontvangen/{YEAR}/{sha}.pdf"))).unwrap(), original);
    let info: Value =
        serde_json::from_slice(&std::fs::read(archive.join(format!("ontvangen/{YEAR}/{sha}.info.json"))).unwrap())
            .unwrap();
    assert_eq!(info["filename"], "scan zonder voorblad.pdf");
    assert_eq!(info["reason"]["code"], "school_unknown");
    assert_eq!(report["counts"]["unread"], 3);
    assert_eq!(report["counts"]["held"], 1);
    assert_eq!(report["counts"]["failed"], 0);
    let lines = ledger(&archive);
    assert_eq!(lines.len(), 4, "three bundles and one held document");
    assert_eq!(lines.iter().filter(|l| l["kind"] == "held").count(), 1);
    assert_verifies(&archive);

    // What the archive holds, in words: received but not read is not missing.
    let a = archive.to_str().unwrap();
    let list = stdout(&sop(&["list", "--archive", a]));
    assert!(list.contains("ontvangen, niet leesbaar: beveiligd met een wachtwoord"), "{list}");
    assert!(
        list.contains("Wachtruimte") && list.contains(&sha[..12]) && list.contains("scan zonder voorblad.pdf"),
        "{list}"
    );
    let show = stdout(&sop(&["show", "--school", "jeroen", "--archive", a]));
    assert!(
        show.contains("ontvangen, niet leesbaar: onbekend sjabloon") && show.contains("het lijkt het meest op"),
        "{show}"
    );

    // Assigned with the command from the report: read, normalised, recorded.
    let command = command.replace("<id>", "kristal");
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    let out = sop(&args);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("Toegewezen") && stdout(&out).contains("gelezen"), "{}", text(&out));
    let lines = ledger(&archive);
    let last = lines.last().unwrap();
    assert_eq!(last["assigned_from"], format!("ontvangen/{YEAR}/{sha}.info.json"));
    assert_eq!((last["school"].as_str(), last["version"].as_u64()), (Some("kristal"), Some(2)));
    assert!(last.get("unread").is_none(), "the assigned document was read: {last}");
    // The held original stays where it was.
    assert!(archive.join(format!("ontvangen/{YEAR}/{sha}.pdf")).is_file());
    assert_verifies(&archive);
    // A second assign says it is done; an unknown prefix says what to do.
    let again = sop(&args);
    assert!(again.status.success() && stdout(&again).contains("Al toegewezen"), "{}", text(&again));
    let wrong = sop(&["assign", "0123456789", "--school", "kristal", "--archive", a]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong).contains("sop list --archive"), "{}", text(&wrong));

    // The same inbox again adds nothing.
    let out = run(&inbox, &archive, true);
    assert_eq!(ledger(&archive).len(), 5, "a second run added lines:\n{}", text(&out));
    let (report, _) = read_report(&archive, &out);
    assert_eq!(row(&report, "scan zonder voorblad.pdf")["outcome"]["status"], "unchanged", "{report:#}");
    assert_eq!(row(&report, "scan zonder voorblad.pdf")["school"], "kristal");
    assert_eq!(row(&report, "SOP beveiligd.pdf")["outcome"]["filed"], "unchanged", "{report:#}");
    assert_verifies(&archive);

    // The inspectorate's package holds the unread bundle and says so.
    let bag_zip = tmp.path().join("jeroen.zip");
    let out = sop(&["export", "--school", "jeroen", "--out", bag_zip.to_str().unwrap(), "--archive", a]);
    assert!(out.status.success(), "{}", text(&out));
    let bag_info = validated_bag_info(&bag_zip, &format!("sop-jeroen-{YEAR}"));
    assert!(bag_info.contains("Unread-Bundles: 1\n") && bag_info.contains("unrecognised_template"), "{bag_info}");
}

/// Unpacks an exported bag, has the Library of Congress validator check it,
/// and returns its `bag-info.txt`.
fn validated_bag_info(zip: &Path, bag_name: &str) -> String {
    let unpacked = zip.with_extension("unpacked");
    std::fs::create_dir_all(&unpacked).unwrap();
    let x = Command::new("python3").args(["-m", "zipfile", "-e"]).arg(zip).arg(&unpacked).output().unwrap();
    assert!(x.status.success(), "{}", text(&x));
    let bag = unpacked.join(bag_name);
    let v = Command::new("python3").args(["-m", "bagit", "--validate"]).arg(&bag).output().unwrap();
    let log = text(&v);
    assert!(v.status.success() && log.contains("is valid"), "bagit rejects the export (pip install bagit): {log}");
    std::fs::read_to_string(bag.join("bag-info.txt")).unwrap()
}

#[test]
fn a_document_that_names_no_school_is_held_once_without_a_registry() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::copy(format!("{REPO}/samples/pdf/001.pdf"), inbox.join("001.pdf")).unwrap();
    let archive = tmp.path().join("archive");
    let out = run(&inbox, &archive, false);
    let (report, _) = read_report(&archive, &out);
    let r = row(&report, "001.pdf");
    assert_eq!(r["outcome"]["status"], "held", "{r:#}");
    assert!(r["outcome"]["reason"].as_str().unwrap().contains("geen register"), "{r:#}");
    assert!(stdout(&out).contains("sop assign "), "the summary gives the command:\n{}", stdout(&out));
    assert_eq!(ledger(&archive).len(), 1);
    assert_verifies(&archive);
    // The waiting area as a package of its own, which says what still waits.
    let bag_zip = tmp.path().join("ontvangen.zip");
    let out =
        sop(&["export", "--ontvangen", "--out", bag_zip.to_str().unwrap(), "--archive", archive.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let bag_info = validated_bag_info(&bag_zip, "sop-ontvangen");
    assert!(
        bag_info.contains("Held-Documents-Waiting: 1\n") && bag_info.contains("(001.pdf; school onbekend"),
        "{bag_info}"
    );
    let out = run(&inbox, &archive, false);
    let (report, md) = read_report(&archive, &out);
    assert_eq!(row(&report, "001.pdf")["outcome"]["new"], false);
    assert!(md.contains("al eerder ontvangen"), "{md}");
    assert_eq!(ledger(&archive).len(), 1, "the same bytes again add nothing");

    // Assigned by naming the file itself; a registry that lacks the id refuses.
    let file = inbox.join("001.pdf");
    let (a, f) = (archive.to_str().unwrap(), file.to_str().unwrap());
    let registry = format!("{REPO}/samples/schools.csv");
    let out = sop(&["assign", f, "--school", "onbekende-school", "--registry", &registry, "--archive", a]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("onbekende-school") && text(&out).contains("schoolregister"), "{}", text(&out));
    assert_eq!(ledger(&archive).len(), 1);
    let out = sop(&["assign", f, "--school", "kristal", "--registry", &registry, "--archive", a]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("Toegewezen: `001.pdf` -> kristal 2023-2024, versie 1"), "{}", text(&out));
    assert_eq!(ledger(&archive).len(), 2);
    let list = stdout(&sop(&["list", "--archive", a]));
    assert!(list.contains("0 nog toe te wijzen") && list.contains("toegewezen aan kristal 2023-2024 (v1)"), "{list}");
    assert_verifies(&archive);
}

/// A stand-in for an older `sop` that cannot read the PDF: its extraction
/// child fails on every file.
fn failing_child(dir: &Path) -> PathBuf {
    let script = dir.join("child.sh");
    std::fs::write(&script, "#!/bin/sh\necho 'cannot read this PDF' >&2\nexit 3\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn a_document_that_becomes_readable_is_reprocessed_into_a_new_version() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let a = archive.to_str().unwrap();
    let registry = format!("{REPO}/samples/schools.csv");
    // Last year's profile, read: the new version is compared with it.
    let last_year = tmp.path().join("2022");
    std::fs::create_dir_all(&last_year).unwrap();
    std::fs::copy(format!("{REPO}/samples/pdf/000.pdf"), last_year.join("000.pdf")).unwrap();
    let out = sop(&[
        "run",
        "--year",
        "2022-2023",
        "--inbox",
        last_year.to_str().unwrap(),
        "--registry",
        &registry,
        "--archive",
        a,
    ]);
    assert!(out.status.success(), "{}", text(&out));
    // This year's, not read by a tool that could not read it.
    let inbox = tmp.path().join("inbox");
    std::fs::create_dir_all(inbox.join("diamant")).unwrap();
    std::fs::copy(format!("{REPO}/samples/next-year/000.pdf"), inbox.join("diamant/SOP.pdf")).unwrap();
    let child = failing_child(tmp.path());
    let out = sop(&[
        "run",
        "--year",
        YEAR,
        "--inbox",
        inbox.to_str().unwrap(),
        "--registry",
        &registry,
        "--archive",
        a,
        "--extract-child-exe",
        child.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let (report, _) = read_report(&archive, &out);
    assert_eq!(row(&report, "SOP.pdf")["outcome"]["status"], "unread", "{report:#}");
    let v1 = only_bundle(&archive, "diamant");
    assert!(v1.entry(RECORD).is_none());
    let v1_path = archive.join(format!("diamant/{YEAR}")).read_dir().unwrap().next().unwrap().unwrap().path();
    let v1_bytes = std::fs::read(&v1_path).unwrap();

    // Now `sop` can read it: a new version from the same original.
    let out = sop(&["reprocess", "--school", "diamant", "--year", YEAR, "--archive", a]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("Opnieuw gelezen") && stdout(&out).contains("versie 2"), "{}", text(&out));
    assert_eq!(std::fs::read(&v1_path).unwrap(), v1_bytes, "version 1 is kept as it was");
    let last = ledger(&archive).last().unwrap().clone();
    assert_eq!((last["version"].as_u64(), last.get("unread")), (Some(2), None), "{last}");
    assert_eq!(last["source_sha256"], v1.manifest.source.sha256, "the same original");
    let v2_path = archive.join(last["bundle"].as_str().unwrap());
    let v2 = open_bundle(&std::fs::read(&v2_path).unwrap(), &v2_path, ReadLimits::default()).unwrap();
    assert!(
        v2.entry(RECORD).is_some() && v2.entry("diff.json").is_some(),
        "record and diff added: {:?}",
        v2.manifest.files
    );
    assert_eq!(v2.manifest.source.filename, "SOP.pdf");
    assert_verifies(&archive);

    // Nothing left to read again; and a document still unreadable adds nothing.
    let out = sop(&["reprocess", "--school", "diamant", "--year", YEAR, "--archive", a]);
    assert!(out.status.success() && stdout(&out).contains("al gelezen"), "{}", text(&out));
    let inbox2 = tmp.path().join("inbox2");
    std::fs::create_dir_all(inbox2.join("kristal")).unwrap();
    std::fs::copy(format!("{REPO}/pipeline/tests/fixtures/versleuteld.pdf"), inbox2.join("kristal/x.pdf")).unwrap();
    run(&inbox2, &archive, true);
    let lines = ledger(&archive).len();
    let out = sop(&["reprocess", "--school", "kristal", "--year", YEAR, "--archive", a]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("Nog steeds niet leesbaar: `x.pdf`") && stdout(&out).contains("wachtwoord"),
        "{}",
        text(&out)
    );
    assert_eq!(ledger(&archive).len(), lines);
}
