//! Real Word output: the 12 audit reports in `../shared/realworld/plein013`
//! (Acrobat PDFMaker from Word; see its README). They are read from there,
//! never copied into the repository, and what is committed about them
//! (`tests/fixtures/realworld-tables.json`) is table structure, marks and
//! non-personal cell text only.
//!
//! Needs poppler's `pdftotext` (CI installs `poppler-utils`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;

use serde_json::Value;
use sop_extract::{extract_pdf, Limits};
use sop_model::text::word_similarity;
use sop_model::{Layout, MarkKind, Table};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/realworld/plein013")
}

fn reports() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap_or_else(|e| panic!("{}: {e} (the real Word PDFs live in ../shared/realworld)", dir().display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    out.sort();
    assert_eq!(out.len(), 12, "expected the 12 reports in {}", dir().display());
    out
}

fn pdftotext(pdf: &PathBuf, layout: bool) -> String {
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let out =
        cmd.arg(pdf).arg("-").output().expect("pdftotext runs (install poppler-utils: apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The layout of a report, extracted once for all tests.
fn extract(pdf: &PathBuf) -> Layout {
    static CACHE: Mutex<BTreeMap<PathBuf, Layout>> = Mutex::new(BTreeMap::new());
    if let Some(l) = CACHE.lock().unwrap().get(pdf) {
        return l.clone();
    }
    let bytes = std::fs::read(pdf).unwrap();
    let layout = extract_pdf(&pdf.display().to_string(), &bytes, &Limits::default()).unwrap();
    CACHE.lock().unwrap().insert(pdf.clone(), layout.clone());
    layout
}

#[test]
fn checkboxes_come_out_as_glyph_marks_with_positions() {
    for pdf in reports() {
        let layout = extract(&pdf);
        let text = pdftotext(&pdf, false);
        for (glyph, expected) in [("☒", text.matches('☒').count()), ("☐", text.matches('☐').count())] {
            let marks: Vec<_> = layout
                .pages
                .iter()
                .flat_map(|p| p.marks.iter().map(move |m| (p, m)))
                .filter(|(_, m)| m.kind == MarkKind::Glyph && m.text.as_deref() == Some(glyph))
                .collect();
            assert!(expected >= 25, "{}: pdftotext finds only {expected} {glyph}", pdf.display());
            assert_eq!(marks.len(), expected, "{}: {glyph} marks vs pdftotext", pdf.display());
            for (page, m) in marks {
                assert!(m.x > 0.0 && m.x < page.width && m.y > 0.0 && m.y < page.height, "{m:?}");
                assert!((4.0..20.0).contains(&m.height) && m.width > 2.0, "a box-sized mark: {m:?}");
            }
        }
    }
}

#[test]
fn extracted_words_match_pdftotext() {
    let mut failures = Vec::new();
    for pdf in reports() {
        let ours = extract(&pdf).text();
        // The better of pdftotext's two reading orders; `-layout` (a table row
        // kept together) is the closer one on these reports, so raw is only
        // computed when it is needed (each comparison is an LCS over ~15k words).
        let layout = word_similarity(&ours, &pdftotext(&pdf, true));
        let raw = if layout < 0.97 { word_similarity(&ours, &pdftotext(&pdf, false)) } else { f64::NAN };
        eprintln!("{}: layout {layout:.4} raw {raw:.4}", pdf.display());
        if layout.max(raw) < 0.97 {
            failures.push(format!("{}: {raw:.4} / {layout:.4}", pdf.display()));
        }
    }
    assert!(failures.is_empty(), "below 0.97: {failures:?}");
}

/// A table as rows of cell texts joined by " | ": a cell's text followed by
/// "[icon]" for each drawn mark in it, "^" where a merged cell from above or
/// the left covers the position.
fn grid(t: &Table) -> Vec<String> {
    (0..t.n_rows)
        .map(|r| {
            (0..t.n_cols)
                .map(|c| match t.cells.iter().find(|x| x.row == r && x.col == c) {
                    Some(x) => {
                        let icons = x.marks.iter().filter(|m| m.kind != MarkKind::Glyph).count();
                        let mut s = x.text();
                        for _ in 0..icons {
                            s.push_str(" [icon]");
                        }
                        s.trim().to_string()
                    }
                    None if t.cell(r, c).is_some() => "^".to_string(),
                    None => String::new(),
                })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

/// Tables checked by hand against `pdftoppm -png` renders and pdfplumber.
#[test]
fn hand_checked_tables_are_found_with_their_rows_and_columns() {
    let expected: Vec<Value> =
        serde_json::from_str(include_str!("../fixtures/realworld-tables.json")).expect("valid expectations");
    assert!(expected.len() >= 3);
    for e in expected {
        let file = e["file"].as_str().unwrap();
        let pages: Vec<u32> = e["pages"].as_array().unwrap().iter().map(|p| p.as_u64().unwrap() as u32).collect();
        let layout = extract(&dir().join(file));
        let on_page: Vec<&Table> = layout.tables.iter().filter(|t| t.pages == pages).collect();
        let k = e["index_on_page"].as_u64().unwrap() as usize;
        let t = on_page.get(k).unwrap_or_else(|| panic!("{file}: no table {k} on pages {pages:?}"));
        let want: Vec<&str> = e["grid"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert_eq!(
            (t.n_rows, t.n_cols),
            (e["n_rows"].as_u64().unwrap() as usize, e["n_cols"].as_u64().unwrap() as usize),
            "{file} {pages:?}"
        );
        assert_eq!(serde_json::to_value(t.strategy).unwrap(), e["strategy"], "{file} {pages:?}");
        assert_eq!(grid(t), want, "{file} {pages:?}");
    }
}

#[test]
fn no_footer_text_lands_in_a_cell() {
    for pdf in reports() {
        let layout = extract(&pdf);
        for t in &layout.tables {
            for c in &t.cells {
                for l in &c.lines {
                    assert!(!l.contains("Sardes 2015"), "{}: footer in a cell: {l}", pdf.display());
                }
            }
        }
    }
}
