//! Runs detection + normalisation of one `.txt` or saved layout N times
//! (default 20) without printing: a steady-state workload for `valgrind
//! --tool=callgrind` or `perf`, where the one-time regex compilation of the
//! first run is amortised, as in the criterion bench.
//!
//! `cargo build --release -p sop-normalize --example profile_normalize`
//! `valgrind --tool=callgrind target/release/examples/profile_normalize FILE 20`
use sop_model::{Layout, Source};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: profile_normalize FILE.txt|FILE.layout.json [RUNS]");
        std::process::exit(1);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("cannot read `{path}`: {e}");
        std::process::exit(1)
    });
    let text = String::from_utf8_lossy(&bytes);
    let layout: Layout = if path.ends_with(".json") {
        serde_json::from_str(&text).unwrap_or_else(|e| {
            eprintln!("`{path}` is not a layout: {e}");
            std::process::exit(1)
        })
    } else {
        Layout::from_text(&text)
    };
    let mut ok = 0;
    for _ in 0..runs {
        if sop_normalize::normalize(std::hint::black_box(&layout), Source::default()).is_ok() {
            ok += 1;
        }
    }
    eprintln!("{ok}/{runs} runs recognised the document");
}
