//! Micro-benchmark of the archive's write path, as `sop run` drives it: one
//! `Archive::open`, then per document `latest`, `previous_record` and `add`
//! (a new school each time, as in `bench/gen_corpus.py`), then the handle is
//! dropped. Prints ms per add over the first and last 50 adds, the open and
//! close times and a second open of the full archive. Peak memory: run it
//! under GNU time.
//!
//! ```text
//! cargo build --release -p sop-archive --example add_many
//! /usr/bin/time -v target/release/examples/add_many 1000 /tmp/archive-bench
//! ```
//!
//! The folder is emptied first. Optional third argument: source bytes per
//! document (default 40000, about a small PDF). Optional fourth: documents
//! per group commit (default 1: each add appends its own line; `sop run`
//! groups the documents that are ready together), whose commit time is
//! counted in the group's last add.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use sop_archive::{Archive, LockMode, SchoolId, Submission};
use sop_model::{Record, Source, Template};

const YEAR: &str = "2023-2024";
const WINDOW: usize = 50;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).expect("usage: add_many N DIR [SOURCE_BYTES]");
    let root = PathBuf::from(args.next().expect("usage: add_many N DIR [SOURCE_BYTES]"));
    let source_bytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(40_000);
    let group: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1).max(1);
    let _ = std::fs::remove_dir_all(&root);

    let t = Instant::now();
    let mut archive = Archive::open(&root, LockMode::Fail).expect("open");
    let open = t.elapsed();
    let mut per_add = Vec::with_capacity(n);
    for i in 0..n {
        let id = SchoolId::parse(&format!("school-{i:05}")).expect("id");
        // Distinct, incompressible-ish bytes, like a PDF's streams.
        let mut source = Vec::with_capacity(source_bytes);
        let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ i as u64;
        while source.len() < source_bytes {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            source.extend_from_slice(&x.to_le_bytes());
        }
        source.truncate(source_bytes);
        let text = format!("Schoolondersteuningsprofiel van school {i}\n").repeat(200);
        let mut record = Record::empty(
            Template { family: "sppoh-model-2021-2025".into(), revision: None, confidence: 1.0, evidence: vec![] },
            Source {
                sha256: sop_archive::format::sha256_hex(&source),
                bytes: source.len() as u64,
                pages: 8,
                media_type: "application/pdf".into(),
                filename: format!("sop-{i}.pdf"),
            },
        );
        record.school.name = Some(format!("Basisschool nummer {i}"));
        record.school_year = Some(YEAR.into());
        record.vision = Some(text[..2000].to_string());

        let t = Instant::now();
        if i % group == 0 {
            archive.begin_group();
        }
        let latest = archive.latest(&id, YEAR).expect("latest");
        assert!(latest.is_none());
        let previous = archive.previous_record(&id, YEAR).expect("previous_record");
        assert!(previous.is_none());
        archive
            .add(Submission {
                school_id: &id,
                school_year: YEAR,
                source: &source,
                source_filename: "sop.pdf",
                media_type: "application/pdf",
                extracted_text: &text,
                record: &record,
                diff_json: None,
                diff_md: None,
                created: 1_700_000_000,
                tool_version: "bench",
                assigned_from: None,
            })
            .expect("add");
        if i % group == group - 1 || i == n - 1 {
            archive.commit().expect("commit");
        }
        per_add.push(t.elapsed());
        if (i + 1) % (n / 4).max(1) == 0 {
            eprintln!("after {} adds: peak RSS {} KiB", i + 1, peak_rss_kib());
        }
    }
    let t = Instant::now();
    drop(archive);
    let close = t.elapsed();
    let t = Instant::now();
    let reopened = Archive::open(&root, LockMode::Fail).expect("reopen");
    let reopen = t.elapsed();
    drop(reopened);
    eprintln!("after reopen: peak RSS {} KiB", peak_rss_kib());

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = |s: &[Duration]| s.iter().map(|d| ms(*d)).sum::<f64>() / s.len().max(1) as f64;
    let w = WINDOW.min(n);
    println!("adds: {n}, source bytes: {source_bytes}, documents per commit: {group}");
    println!("open (empty): {:.1} ms", ms(open));
    println!("ms per add, first {w}: {:.2}", mean(&per_add[..w]));
    println!("ms per add, last {w}: {:.2}", mean(&per_add[n - w..]));
    println!("ms per add, all: {:.2}", mean(&per_add));
    println!("close (drop): {:.1} ms", ms(close));
    println!("reopen ({n} bundles): {:.1} ms", ms(reopen));
}

/// VmHWM of this process (Linux), 0 elsewhere.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
