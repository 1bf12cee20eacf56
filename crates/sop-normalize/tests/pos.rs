//! The Perspectief op School parser on seed 003 and on variations of it.

use sop_model::{Layout, Record, Source, Template};
use sop_normalize::pos::PerspectiefOpSchool;
use sop_normalize::TemplateFamily;

const SEED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds/003_02d0c3e2c681c107.txt"));

fn record_of(layout: &Layout) -> Record {
    let fam = PerspectiefOpSchool;
    let s = fam.score(layout);
    let template = Template { family: fam.id().into(), revision: s.revision, confidence: s.confidence, evidence: s.evidence };
    let mut rec = Record::empty(template, Source::default());
    fam.normalize(layout, &mut rec);
    rec
}

fn from_text(text: &str) -> Record {
    record_of(&Layout::from_text(text))
}

#[test]
fn dump_seed() {
    let rec = from_text(SEED);
    println!("{}", serde_json::to_string_pretty(&rec).unwrap());
}
