//! The inputs of the overview benchmark and of the timing example: 1,000
//! schools' records cloned from the samples' expected records, with varied
//! names, boards, regions and row keys. Included by both with `#[path]` (a folder of its own, so that cargo does not
//! take it for a benchmark).

use std::path::Path;

use sop_model::Record;
use sop_overview::SchoolEntry;

pub const SCHOOLS: usize = 1000;

pub fn record(name: &str) -> Record {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/expected").join(name);
    serde_json::from_slice(&std::fs::read(p).expect("sample record")).expect("a sop/1 record")
}

fn vary(mut r: Record, i: usize) -> Record {
    r.school.name = Some(format!("School {i:04}"));
    r.school.board = Some(format!("Stichting {}", i % 8));
    let tweak = |key: &mut String, j: usize| {
        if (i + j).is_multiple_of(3) {
            key.push_str(&format!("_{}", (i + j) % 17));
        }
    };
    for (j, e) in r.expertise.iter_mut().enumerate() {
        tweak(&mut e.key, j);
    }
    for (j, p) in r.partners.iter_mut().enumerate() {
        tweak(&mut p.key, j);
    }
    for (j, o) in r.offers.iter_mut().enumerate() {
        tweak(&mut o.key, j);
    }
    if i.is_multiple_of(5) {
        r.expertise.truncate(r.expertise.len() / 2);
        r.facilities.truncate(r.facilities.len() / 2);
    }
    r
}

pub fn entries(samples: &[Record], shift: usize) -> Vec<SchoolEntry> {
    (0..SCHOOLS)
        .map(|i| {
            let mut e = SchoolEntry::with_record(
                format!("school-{i:04}"),
                vary(samples[(i + shift) % samples.len()].clone(), i + shift),
            );
            e.region = Some(["Den Haag", "Rijswijk", "Leidschendam-Voorburg", "Wassenaar", "Delft"][i % 5].to_string());
            e
        })
        .collect()
}
