//! One timed run of the overview of 1,000 schools (the benchmark's inputs),
//! printing wall-clock and this process's CPU time (from /proc/self/stat), so
//! that a figure taken on a busy machine can be read without the waiting.
//! `cargo run --release -p sop-overview --example overview_timing`

use std::time::Instant;

use sop_model::Record;
use sop_overview::{build, AreaMap, Options};

#[path = "../benches/support/inputs.rs"]
mod inputs;
use inputs::{entries, record, SCHOOLS};

/// utime + stime of this process, in seconds (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let samples: Vec<Record> =
        ["000.pdf.json", "001.pdf.json", "002.pdf.json", "003.pdf.json", "003_02d0c3e2c681c107.txt.json"]
            .into_iter()
            .map(record)
            .collect();
    let now = entries(&samples, 0);
    let before = entries(&samples, 1);
    let map = AreaMap::default_map();
    let opts = Options {
        school_year: "2024-2025".into(),
        compare_year: Some("2023-2024".into()),
        threshold: 3,
        generated: None,
    };
    let runs = 5;
    for (name, f) in [
        ("build (with --compare)", &(|| drop(build(&now, Some(&before), &map, &opts))) as &dyn Fn()),
        ("build + HTML", &|| drop(sop_overview::html::render_html(&build(&now, Some(&before), &map, &opts)))),
        ("build + XLSX", &|| drop(sop_overview::xlsx::render_xlsx(&build(&now, Some(&before), &map, &opts)).unwrap())),
        ("build + CSV", &|| drop(sop_overview::csv::render_csv(&build(&now, Some(&before), &map, &opts)))),
        ("build + JSON", &|| drop(sop_overview::render_json(&build(&now, Some(&before), &map, &opts)))),
    ] {
        let (c0, t0) = (cpu_seconds(), Instant::now());
        for _ in 0..runs {
            f();
        }
        let wall = t0.elapsed().as_secs_f64() / runs as f64;
        let cpu = (cpu_seconds() - c0) / runs as f64;
        println!(
            "{name:24} wall {:7.1} ms   cpu {:7.1} ms   ({SCHOOLS} schools, mean of {runs})",
            wall * 1000.0,
            cpu * 1000.0
        );
    }
}
