//! Integration tests of the archive: one binary, a module per concern.

mod add;
mod bomb;
mod crash;
mod export;
mod held;
mod lag;
mod registry;
mod verify;

use std::path::{Path, PathBuf};

use sop_archive::{Added, Archive, Held, HoldSubmission, LockMode, SchoolId, Submission, Unread};
use sop_model::{Record, Source, Template};

/// A fixed creation time (2024-03-01T12:00:00Z): tests use no clock.
pub const T0: i64 = 1_709_294_400;

pub fn record(name: &str, year: &str, source: &[u8]) -> Record {
    let mut r = Record::empty(
        Template { family: "sppoh-model-2021-2025".into(), revision: None, confidence: 1.0, evidence: vec![] },
        Source {
            sha256: sop_archive::format::sha256_hex(source),
            bytes: source.len() as u64,
            pages: 1,
            media_type: "text/plain".into(),
            filename: "profiel.txt".into(),
        },
    );
    r.school.name = Some(name.to_string());
    r.school_year = Some(year.to_string());
    r.vision = Some(format!("Visie van {name}"));
    r
}

/// Adds a text "document" for `school`/`year` with `content` as its bytes.
pub fn add(a: &mut Archive, school: &str, year: &str, content: &str, created: i64) -> Added {
    let id = SchoolId::parse(school).unwrap();
    let rec = record(school, year, content.as_bytes());
    a.add(Submission {
        school_id: &id,
        school_year: year,
        source: content.as_bytes(),
        source_filename: "profiel.txt",
        media_type: "text/plain",
        extracted_text: content,
        record: &rec,
        diff_json: None,
        diff_md: None,
        created,
        tool_version: "0.1.0-test",
        assigned_from: None,
    })
    .unwrap()
}

/// Holds a text "document" that names no school.
pub fn hold(a: &mut Archive, content: &str, created: i64) -> Held {
    a.hold(HoldSubmission {
        school_year: "2023-2024",
        source: content.as_bytes(),
        source_filename: "zonder naam.txt",
        media_type: "text/plain",
        origin: "inbox/zonder naam.txt",
        reason: &Unread { stage: "archive".into(), code: "school_unknown".into(), message: "geen school".into() },
        unread: None,
        created,
        tool_version: "0.1.0-test",
    })
    .unwrap()
}

/// A small archive: two schools, two years, two versions of one year.
pub fn populate(root: &Path) {
    let mut a = Archive::open(root, LockMode::Wait).unwrap();
    add(&mut a, "de-vuurvlinder", "2022-2023", "profiel 2022", T0);
    add(&mut a, "de-vuurvlinder", "2023-2024", "profiel 2023", T0 + 10);
    add(&mut a, "de-vuurvlinder", "2023-2024", "profiel 2023, herzien", T0 + 20);
    add(&mut a, "het-baken", "2023-2024", "baken 2023", T0 + 30);
}

pub fn path_of(added: &Added) -> PathBuf {
    match added {
        Added::New { path, .. } | Added::Unchanged { path, .. } => path.clone(),
    }
}

/// Every file under `root` with its bytes, sorted by relative path.
pub fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push((p.strip_prefix(root).unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}
