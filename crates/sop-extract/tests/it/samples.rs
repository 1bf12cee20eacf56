//! Every sample PDF against its `source.txt`: the words come out in order and
//! no running footer remains.

use std::path::PathBuf;

use sop_extract::{extract_pdf, Limits};
use sop_model::text::word_similarity;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `samples/pdf/*.pdf` and `samples/next-year/*.pdf` with a `.source.txt` beside it.
pub(crate) fn sample_pdfs() -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for dir in ["samples/pdf", "samples/next-year"] {
        let Ok(entries) = std::fs::read_dir(repo().join(dir)) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "pdf") {
                let src = p.with_extension("source.txt");
                if src.exists() {
                    out.push((p, src));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn samples_exist() {
    assert!(sample_pdfs().len() >= 3, "expected the sample PDFs under samples/pdf");
}

#[test]
fn every_sample_extracts_its_words_in_order() {
    let mut failures = Vec::new();
    for (pdf, src) in sample_pdfs() {
        let bytes = std::fs::read(&pdf).unwrap();
        let layout = extract_pdf(&pdf.display().to_string(), &bytes, &Limits::default()).unwrap();
        let source = std::fs::read_to_string(&src).unwrap();
        let sim = word_similarity(&layout.text(), &source);
        eprintln!("{}: similarity {sim:.4}", pdf.display());
        if sim < 0.99 {
            failures.push(format!("{}: {sim:.4}", pdf.display()));
        }
    }
    assert!(failures.is_empty(), "below 0.99: {failures:?}");
}

#[test]
fn no_running_footer_remains_in_any_sample() {
    for (pdf, _) in sample_pdfs() {
        let bytes = std::fs::read(&pdf).unwrap();
        let layout = extract_pdf(&pdf.display().to_string(), &bytes, &Limits::default()).unwrap();
        let text = layout.text();
        for line in text.lines() {
            assert!(!line.contains("versie 15 maart 2021"), "{}: footer left: {line}", pdf.display());
            let t = line.trim();
            assert!(
                !(t.contains(" - ") && t.trim_end_matches('.').split(" - ").all(|p| p.trim().parse::<u32>().is_ok())),
                "{}: page number left: {line}",
                pdf.display()
            );
        }
    }
}
