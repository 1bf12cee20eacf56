//! The diff's invariants on every sample document, normalised by the real
//! pipeline (`sop normalize`): a record has no changes against itself,
//! diff(b, a) mirrors diff(a, b), and re-flowing the free text of a record
//! (other line widths, line-end hyphenation) is no change.
//!
//! The fixture-based versions of these properties live in
//! `crates/sop-diff/tests/it/properties.rs`; these run them on what
//! extraction and normalisation really produce.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use sop_diff::{diff, Change, ChangeKind};
use sop_model::Record;

#[path = "../../crates/sop-diff/tests/support/reflow.rs"]
mod reflow;
use reflow::reflow_record;

const SOP: &str = env!("CARGO_BIN_EXE_sop");

/// Every sample PDF and seed text, as a record.
fn samples() -> &'static [Record] {
    static RECORDS: OnceLock<Vec<Record>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../samples");
        let mut paths = Vec::new();
        for dir in ["pdf", "next-year", "seeds"] {
            let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
                .unwrap_or_else(|e| panic!("samples/{dir}: {e}"))
                .map(|e| e.expect("dir entry").path())
                .filter(|p| {
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                    name.ends_with(".pdf") || (dir == "seeds" && name.ends_with(".txt"))
                })
                .collect();
            found.sort();
            paths.extend(found);
        }
        assert!(paths.len() >= 6, "expected the sample PDFs and seeds, found {paths:?}");
        paths
            .iter()
            .map(|p| {
                let o = Command::new(SOP).arg("normalize").arg(p).output().expect("run sop normalize");
                assert!(o.status.success(), "sop normalize {}: {}", p.display(), String::from_utf8_lossy(&o.stderr));
                serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{}: not a record: {e}", p.display()))
            })
            .collect()
    })
}

#[test]
fn every_sample_has_no_changes_against_itself() {
    for r in samples() {
        let d = diff(r, r);
        assert!(!d.has_changes(), "{}: {:#?}", r.source.filename, d.changes);
    }
}

type Brief = (String, Option<String>, ChangeKind, String, String);

fn plain(c: &Change) -> Brief {
    (c.field.clone(), c.key.clone(), c.change, c.old.to_string(), c.new.to_string())
}

fn mirrored(c: &Change) -> Brief {
    let kind = match c.change {
        ChangeKind::Added => ChangeKind::Removed,
        ChangeKind::Removed => ChangeKind::Added,
        ChangeKind::Changed => ChangeKind::Changed,
    };
    (c.field.clone(), c.key.clone(), kind, c.new.to_string(), c.old.to_string())
}

#[test]
fn every_pair_of_samples_mirrors() {
    let all = samples();
    for a in all {
        for b in all {
            let mut x: Vec<Brief> = diff(a, b).changes.iter().map(plain).collect();
            let mut y: Vec<Brief> = diff(b, a).changes.iter().map(mirrored).collect();
            x.sort();
            y.sort();
            assert_eq!(x, y, "{} vs {}", a.source.filename, b.source.filename);
        }
    }
}

#[test]
fn reflowing_a_samples_free_text_is_no_change() {
    for r in samples() {
        for width in (8..120).step_by(7) {
            for hyphenate in [false, true] {
                let flowed = reflow_record(r, width, hyphenate);
                assert_ne!(&flowed, r, "{}: the re-flow must change the text it is given", r.source.filename);
                let d = diff(r, &flowed);
                assert!(!d.has_changes(), "{} at width {width}: {:#?}", r.source.filename, d.changes);
            }
        }
    }
}
