//! Detection + normalisation per sample layout (extraction excluded): the
//! `.txt` seeds and the saved PDF layouts of the samples. Target: < 5 ms per
//! document.
use criterion::{criterion_group, criterion_main, Criterion};
use sop_model::{Layout, Source};

fn layouts() -> Vec<(String, Layout)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds");
    let mut out = Vec::new();
    let mut seeds: Vec<_> = std::fs::read_dir(root).expect("samples/seeds").flatten().map(|e| e.path()).collect();
    seeds.sort();
    for p in seeds {
        let text = std::fs::read_to_string(&p).expect("a seed");
        out.push((format!("txt/{}", p.file_name().unwrap().to_string_lossy()), Layout::from_text(&text)));
    }
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut saved: Vec<_> = std::fs::read_dir(data)
        .expect("tests/data")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".layout.json"))
        .collect();
    saved.sort();
    for p in saved {
        let layout: Layout = serde_json::from_str(&std::fs::read_to_string(&p).expect("a layout")).expect("a layout");
        out.push((format!("pdf/{}", p.file_name().unwrap().to_string_lossy()), layout));
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("detect+normalize");
    for (name, layout) in layouts() {
        group.bench_function(&name, |b| {
            b.iter(|| sop_normalize::normalize(std::hint::black_box(&layout), Source::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
