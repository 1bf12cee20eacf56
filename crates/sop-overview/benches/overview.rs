//! The overview of 1,000 schools: records cloned from the samples' expected
//! records (both templates, and the PoS text record with lost marks), with
//! varied names, boards, regions and row keys (a third of the keys renamed,
//! so that they go through the keyword rules or land under "overig"; some
//! rows dropped), compared with a previous year of the same schools.
//! Figures in BENCHMARKS.md ("The overview").

use criterion::{criterion_group, criterion_main, Criterion};
use sop_overview::{build, AreaMap, Options};

use sop_model::Record;

#[path = "support/inputs.rs"]
mod inputs;
use inputs::{entries, record, SCHOOLS};

fn bench(c: &mut Criterion) {
    let samples: Vec<Record> =
        ["000.pdf.json", "001.pdf.json", "002.pdf.json", "003.pdf.json", "003_02d0c3e2c681c107.txt.json"]
            .into_iter()
            .map(record)
            .collect();
    let now = entries(&samples, 0);
    let before = entries(&samples, 1);
    let map = AreaMap::default_map();
    let opts = Options { school_year: "2024-2025".into(), compare_year: None, threshold: 3, generated: None };
    let compare = Options { compare_year: Some("2023-2024".into()), ..opts.clone() };

    let mut g = c.benchmark_group("overview_1000_schools");
    g.sample_size(10);
    g.bench_function("build", |b| b.iter(|| build(&now, None, &map, &opts)));
    g.bench_function("build_compare_html", |b| {
        b.iter(|| sop_overview::html::render_html(&build(&now, Some(&before), &map, &compare)))
    });
    g.bench_function("build_compare_xlsx", |b| {
        b.iter(|| sop_overview::xlsx::render_xlsx(&build(&now, Some(&before), &map, &compare)).unwrap())
    });
    g.bench_function("build_csv", |b| b.iter(|| sop_overview::csv::render_csv(&build(&now, None, &map, &opts))));
    g.bench_function("build_json", |b| b.iter(|| sop_overview::render_json(&build(&now, None, &map, &opts))));
    let built = build(&now, Some(&before), &map, &compare);
    g.bench_function("render_html_only", |b| b.iter(|| sop_overview::html::render_html(&built)));
    g.bench_function("render_xlsx_only", |b| b.iter(|| sop_overview::xlsx::render_xlsx(&built).unwrap()));
    g.finish();
    let html = sop_overview::html::render_html(&built);
    let xlsx = sop_overview::xlsx::render_xlsx(&built).unwrap();
    eprintln!("sizes for {SCHOOLS} schools: html {} bytes, xlsx {} bytes", html.len(), xlsx.len());
}

criterion_group!(benches, bench);
criterion_main!(benches);
