//! Speed and word similarity of `sop-extract` against poppler's `pdftotext`
//! on the sample PDFs. Prints a Markdown table (the one in EXTRACTION.md).
//! Run: `cargo bench -p sop-extract --bench vs_pdftotext`.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use sop_extract::{extract_isolated, extract_pdf, Extractor, Limits};
use sop_model::text::word_similarity;

const RUNS: usize = 5;

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/pdf");
    let child = PathBuf::from(env!("CARGO_BIN_EXE_sop-extract-child"));
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("samples/pdf")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && p.with_extension("source.txt").exists())
        .collect();
    pdfs.sort();
    let has_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    // Workers serving file after file, as `sop run` extracts (warmed up first).
    let extractor = Extractor::new(&child);
    println!("| sample | pages | sop-extract similarity | pdftotext similarity | sop-extract in-process ms | sop-extract isolated ms | sop-extract worker ms | pdftotext ms |");
    println!("|---|---|---|---|---|---|---|---|");
    for pdf in pdfs {
        let source = std::fs::read_to_string(pdf.with_extension("source.txt")).unwrap();
        let bytes = std::fs::read(&pdf).unwrap();
        let limits = Limits::default();
        let layout = extract_pdf("x", &bytes, &limits).unwrap();
        let ours = word_similarity(&layout.text(), &source);
        let t_in: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(extract_pdf("x", &bytes, &limits).unwrap());
                t.elapsed()
            })
            .collect();
        let t_iso: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(extract_isolated(&child, "x", &bytes, &limits).unwrap());
                t.elapsed()
            })
            .collect();
        let t_worker: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(extractor.extract_bytes("x", &bytes, &limits).unwrap());
                t.elapsed()
            })
            .collect();
        let (theirs, t_pt) = if has_pdftotext {
            let out = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let times: Vec<Duration> = (0..RUNS)
                .map(|_| {
                    let t = Instant::now();
                    Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
                    t.elapsed()
                })
                .collect();
            (format!("{:.4}", word_similarity(&text, &source)), format!("{:.1}", median(times)))
        } else {
            ("n/a".into(), "n/a".into())
        };
        println!(
            "| {} | {} | {ours:.4} | {theirs} | {:.1} | {:.1} | {:.1} | {t_pt} |",
            pdf.file_name().unwrap().to_string_lossy(),
            layout.pages.len(),
            median(t_in),
            median(t_iso),
            median(t_worker)
        );
    }
}
