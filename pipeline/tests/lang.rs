//! Every message a person reads comes in one language: Dutch by default,
//! English with `--lang en` (or a non-Dutch `LANG`). Each bad input of the
//! other tests (not a PDF, encrypted, truncated, empty, not an SOP, not
//! found), a command-line mistake, `--help`, a batch with failing
//! documents, a `sop diff` of two schools and a `sop verify` of a tampered
//! archive are run in both languages, and the output is checked for words
//! of the other language.
//!
//! The run report file, a diff report (Markdown) and `sop show` are checked
//! too.
//!
//! What is not checked here, on purpose: text the schools wrote (names in
//! the table, the diff's items and quoted texts), the record's warnings
//! (always Dutch: they are archived).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

#[derive(Clone, Copy, PartialEq, Debug)]
enum Lang {
    Nl,
    En,
}

/// Function words of one language that the other's messages never need.
const ENGLISH: &[&str] = &[
    "the",
    "there",
    "command",
    "see",
    "for",
    "possible",
    "this",
    "cannot",
    "file",
    "expected",
    "found",
    "error",
    "is not",
    "which",
    "should",
    "please",
    "missing",
    "could",
    "with",
    "was",
    "were",
    "does",
    "caused",
    "what to do",
    "not a",
    "unknown",
    "received",
    "failed",
    "assign with",
];
const DUTCH: &[&str] = &[
    "het",
    "niet",
    "bestand",
    "een",
    "van",
    "wordt",
    "geen",
    "kan",
    "verwacht",
    "gevonden",
    "toewijzen",
    "wat te doen",
    "fout",
    "mislukt",
    "ontvangen",
    "schooljaar",
    "verwerking",
    "oorzaak",
    "lezen",
    "probleem",
    "zie",
    "opdracht",
];

fn sop(lang: Lang, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sop"));
    c.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES").env("NO_COLOR", "1");
    for (k, v) in envs {
        c.env(k, v);
    }
    if lang == Lang::En {
        c.args(["--lang", "en"]);
    }
    c.args(args).output().expect("sop runs")
}

fn all(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The words of `text` (letters only, lower case), with the paths, commands
/// and file names in backquotes left out: those are the user's, not ours.
fn words(text: &str) -> String {
    // The schools' names (the registry's) are theirs, in Dutch either way.
    let mut text = text.to_string();
    let registry = std::fs::read_to_string(format!("{REPO}/samples/schools.csv")).unwrap();
    for line in registry.lines().skip(1) {
        if let Some(name) = line.split(',').nth(2).filter(|n| !n.trim().is_empty()) {
            text = text.replace(name.trim_matches('"'), " ");
        }
    }
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
            out.push(' ');
        }
    }
    let cleaned: String = out
        .split_whitespace()
        .filter(|w| !w.starts_with('/') && !w.starts_with("--") && !w.contains(".pdf") && !w.contains(".md"))
        .collect::<Vec<_>>()
        .join(" ");
    let letters: String =
        cleaned.chars().map(|c| if c.is_alphabetic() { c.to_lowercase().next().unwrap() } else { ' ' }).collect();
    format!(" {} ", letters.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Fails naming every word of the other language in `text`.
fn assert_only(lang: Lang, what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what}: no output");
    let w = words(text);
    let foreign = if lang == Lang::Nl { ENGLISH } else { DUTCH };
    let hits: Vec<&str> = foreign.iter().copied().filter(|f| w.contains(&format!(" {f} "))).collect();
    assert!(hits.is_empty(), "{what} ({lang:?}) has words of the other language {hits:?}:\n{text}");
    // And it is in the language asked for: some of its own words are there.
    let own = if lang == Lang::Nl { DUTCH } else { ENGLISH };
    assert!(own.iter().any(|f| w.contains(&format!(" {f} "))), "{what} ({lang:?}) is not in its language:\n{text}");
}

/// The bad inputs of corpus.rs, limits.rs and keepall.rs, one of each kind.
fn bad_inputs(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let put = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let sample = std::fs::read(format!("{REPO}/samples/pdf/000.pdf")).unwrap();
    vec![
        ("a Word file named .pdf", put("a1.pdf", b"PK\x03\x04\x14\x00\x06\x00word/document.xml\x00\x01\x02")),
        ("a Word file", put("a2.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml\x00\x01\x02")),
        ("an encrypted PDF", {
            let p = dir.join("a3.pdf");
            std::fs::copy(format!("{REPO}/pipeline/tests/fixtures/versleuteld.pdf"), &p).unwrap();
            p
        }),
        ("a truncated PDF", put("a4.pdf", &sample[..sample.len().min(1200)])),
        ("an empty PDF", put("a5.pdf", b"")),
        ("a text that is no SOP", put("a6.txt", b"Boodschappenlijst\nmelk\nbrood\n")),
        ("a file that does not exist", dir.join("a7.pdf")),
    ]
}

#[test]
fn single_commands_on_bad_input_speak_one_language() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Nl, Lang::En] {
        for (what, path) in bad_inputs(dir.path()) {
            for cmd in ["normalize", "detect", "extract"] {
                if cmd == "extract" && path.extension().is_some_and(|e| e == "txt") {
                    continue; // any text is text to `sop extract`
                }
                let o = sop(lang, &[cmd, path.to_str().unwrap()], &[]);
                assert!(!o.status.success(), "{cmd} on {what} succeeds");
                assert_only(lang, &format!("sop {cmd} on {what}"), &all(&o));
            }
        }
    }
}

#[test]
fn the_environment_chooses_the_language_when_no_option_does() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("a7.pdf");
    let missing = missing.to_str().unwrap();
    let en = sop(Lang::Nl, &["normalize", missing], &[("LANG", "en_GB.UTF-8")]);
    assert_only(Lang::En, "LANG=en_GB", &all(&en));
    let nl = sop(Lang::Nl, &["normalize", missing], &[("LANG", "nl_NL.UTF-8")]);
    assert_only(Lang::Nl, "LANG=nl_NL", &all(&nl));
    let c = sop(Lang::Nl, &["normalize", missing], &[("LANG", "C.UTF-8")]);
    assert_only(Lang::Nl, "LANG=C (no language: the default)", &all(&c));
    let option_wins = sop(Lang::En, &["normalize", missing], &[("LC_ALL", "nl_NL.UTF-8")]);
    assert_only(Lang::En, "--lang en over LC_ALL=nl", &all(&option_wins));
}

#[test]
fn help_and_command_line_mistakes_speak_one_language() {
    for lang in [Lang::Nl, Lang::En] {
        for args in [
            &["--help"][..],
            &["run", "--help"],
            &["verify", "--help"],
            &["diff", "--help"],
            &["export", "--help"],
            &["assign", "--help"],
        ] {
            let o = sop(lang, args, &[]);
            assert!(o.status.success(), "{args:?}: {}", all(&o));
            assert_only(lang, &format!("sop {}", args.join(" ")), &all(&o));
        }
        for args in [&["verfy"][..], &["run", "--jobs", "x", "--year", "2024-2025"], &["run"], &["list", "--nope"]] {
            let o = sop(lang, args, &[]);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", all(&o));
            assert_only(lang, &format!("sop {}", args.join(" ")), &all(&o));
        }
    }
}

#[test]
fn a_batch_with_failing_documents_and_a_verify_of_a_tampered_archive_speak_one_language() {
    for lang in [Lang::Nl, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        std::fs::create_dir_all(inbox.join("kristal")).unwrap();
        std::fs::copy(format!("{REPO}/samples/pdf/000.pdf"), inbox.join("a0.pdf")).unwrap();
        std::fs::copy(format!("{REPO}/pipeline/tests/fixtures/versleuteld.pdf"), inbox.join("kristal/a3.pdf")).unwrap();
        // Every bad input; the encrypted one of a known school (its folder), the others of none.
        let _ = bad_inputs(&inbox);
        std::fs::remove_file(inbox.join("a3.pdf")).unwrap();
        let archive = dir.path().join("archief");
        let registry = format!("{REPO}/samples/schools.csv");
        let o = sop(
            lang,
            &[
                "run",
                "--year",
                "2024-2025",
                "--inbox",
                inbox.to_str().unwrap(),
                "--registry",
                &registry,
                "--archive",
                archive.to_str().unwrap(),
                "--jobs",
                "2",
            ],
            &[],
        );
        assert_eq!(o.status.code(), Some(1), "documents need a person: {}", all(&o));
        // The school's name in the table is the school's own: leave the table's rows out.
        let out = all(&o);
        assert_only(lang, "sop run", &out);
        // The run report file: its own words follow the language; the
        // records' warnings it quotes are archived Dutch, so leave them out.
        let reports: Vec<PathBuf> = walk(&archive)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.to_string_lossy().contains("diff-"))
            .collect();
        assert_eq!(reports.len(), 1, "one run report: {reports:?}");
        let report = std::fs::read_to_string(&reports[0]).unwrap();
        assert_only(lang, "the run report file", &without_section(&report, ["## Waarschuwingen", "## Warnings"]));

        let o = sop(lang, &["verify", "--archive", archive.to_str().unwrap()], &[]);
        assert!(o.status.success(), "{}", all(&o));
        assert_only(lang, "sop verify of a sound archive", &all(&o));
        let o = sop(lang, &["list", "--archive", archive.to_str().unwrap()], &[]);
        assert!(o.status.success(), "{}", all(&o));
        assert_only(lang, "sop list", &all(&o));
        let o = sop(lang, &["show", "--school", "kristal", "--archive", archive.to_str().unwrap()], &[]);
        assert!(o.status.success(), "{}", all(&o));
        assert_only(lang, "sop show", &all(&o));
        let o = sop(lang, &["show", "--school", "nergens", "--archive", archive.to_str().unwrap()], &[]);
        assert_eq!(o.status.code(), Some(1), "{}", all(&o));
        assert_only(lang, "sop show of an unknown school", &all(&o));

        // Tamper: change a byte of one bundle, remove another.
        let bundles: Vec<PathBuf> =
            walk(&archive).into_iter().filter(|p| p.extension().is_some_and(|e| e == "zip")).collect();
        assert!(bundles.len() >= 2, "{bundles:?}");
        let mut bytes = std::fs::read(&bundles[0]).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0xff;
        std::fs::write(&bundles[0], bytes).unwrap();
        std::fs::remove_file(&bundles[1]).unwrap();
        let o = sop(lang, &["verify", "--archive", archive.to_str().unwrap()], &[]);
        assert_eq!(o.status.code(), Some(1), "{}", all(&o));
        assert_only(lang, "sop verify of a tampered archive", &all(&o));
        let o = sop(lang, &["verify", "--archive", dir.path().join("nothing").to_str().unwrap()], &[]);
        assert_only(lang, "sop verify without an archive", &all(&o));
    }
}

#[test]
fn a_diff_of_two_schools_speaks_one_language() {
    for lang in [Lang::Nl, Lang::En] {
        let o =
            sop(lang, &["diff", &format!("{REPO}/samples/pdf/000.pdf"), &format!("{REPO}/samples/pdf/002.pdf")], &[]);
        assert_eq!(o.status.code(), Some(2), "{}", all(&o));
        assert_only(lang, "sop diff of two schools", &all(&o));
        // The report itself (forced): its headings, tables and sentences.
        // What the schools wrote (the items and quoted texts) is theirs.
        let o = sop(
            lang,
            &["diff", "--force", &format!("{REPO}/samples/pdf/000.pdf"), &format!("{REPO}/samples/pdf/002.pdf")],
            &[],
        );
        let md = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(md.starts_with("# "), "a Markdown report: {}", all(&o));
        // Before the first section: the title, the two versions and the notes.
        let head = md.lines().take_while(|l| !l.starts_with("## "));
        let headings = md.lines().filter(|l| l.starts_with("## "));
        let own: Vec<&str> = head
            .filter(|l| !l.starts_with("| ") || l.starts_with("| |"))
            // The summary: its sentence, the table of parts and the legend.
            .chain(md.lines().skip_while(|l| !l.starts_with("## ")).skip(1).take_while(|l| !l.starts_with("## ")))
            .chain(headings)
            .collect();
        assert!(own.len() >= 4, "{md}");
        assert_only(lang, "the diff report (Markdown)", &own.join("\n"));
        let o = sop(lang, &["diff", &format!("{REPO}/samples/pdf/000.pdf"), "/nonexistent/b.pdf"], &[]);
        assert_eq!(o.status.code(), Some(2), "{}", all(&o));
        assert_only(lang, "sop diff of a missing file", &all(&o));
    }
}

/// `text` without the Markdown sections whose heading is one of `headings`.
fn without_section<const N: usize>(text: &str, headings: [&str; N]) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with("## ") {
            skipping = headings.contains(&line.trim());
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
