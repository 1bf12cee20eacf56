//! Times extraction of PDFs, in this process, isolated (a child per file) and
//! through an [`Extractor`] (workers serving many files), for profiling.
//! Usage: `cargo run --release --example extract_time -p sop-extract -- RUNS CHILD_EXE FILE...`
//! (CHILD_EXE `-` skips the isolated runs; `ONLY=in|isolated|worker` runs one
//! kind, to measure its CPU time with `perf stat`). Prints the median ms per file and
//! the mean per document over all files.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use sop_extract::{extract_isolated, extract_pdf, Extractor, Limits};

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|s| s.parse().ok()).expect("RUNS");
    let child = args.next().expect("CHILD_EXE");
    let files: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let limits = Limits::default();
    let only = std::env::var("ONLY").ok();
    let run = |kind: &str| only.as_deref().is_none_or(|o| o == kind);
    let (mut sum_in, mut sum_iso, mut sum_worker) = (0.0, 0.0, 0.0);
    let extractor = Extractor::new(&child);
    for f in &files {
        let bytes = std::fs::read(f).expect("read");
        let m_in = if run("in") {
            let t_in: Vec<Duration> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(extract_pdf("x", &bytes, &limits).expect("extract"));
                    t.elapsed()
                })
                .collect();
            median(t_in)
        } else {
            0.0
        };
        sum_in += m_in;
        let m_iso = if child == "-" || !run("isolated") {
            0.0
        } else {
            let t_iso: Vec<Duration> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(
                        extract_isolated(&PathBuf::from(&child), "x", &bytes, &limits).expect("isolated"),
                    );
                    t.elapsed()
                })
                .collect();
            median(t_iso)
        };
        sum_iso += m_iso;
        let m_worker = if child == "-" || !run("worker") {
            0.0
        } else {
            let t_worker: Vec<Duration> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(extractor.extract_bytes("x", &bytes, &limits).expect("worker"));
                    t.elapsed()
                })
                .collect();
            median(t_worker)
        };
        sum_worker += m_worker;
        if files.len() <= 10 {
            println!("{}\tin-process {m_in:.1} ms\tisolated {m_iso:.1} ms\tworker {m_worker:.1} ms", f.display());
        }
    }
    let n = files.len() as f64;
    println!(
        "mean of {} files: in-process {:.2} ms\tisolated {:.2} ms\tworker {:.2} ms",
        files.len(),
        sum_in / n,
        sum_iso / n,
        sum_worker / n
    );
}
