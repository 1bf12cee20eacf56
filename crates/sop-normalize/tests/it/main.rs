//! Integration tests of detection and the Model parser: on the seeds (text
//! extracted from real SOPs), on saved PDF layouts of the samples, and on
//! variations of the seeds a school could produce.

mod detect;
mod model;
mod pos;
mod schema;
mod variations;

use sop_model::{Layout, Record, Source};

pub const SEED_000: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds/000_67906dc56c831d91.txt"));
pub const SEED_001: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds/001_9d4144985e945137.txt"));
pub const SEED_002: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds/002_7ede2fdb922aae31.txt"));
pub const SEED_003: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds/003_02d0c3e2c681c107.txt"));

/// A saved PDF layout (`sop extract --json samples/pdf/NNN.pdf`).
pub fn pdf_layout(n: &str) -> Layout {
    let path = format!("{}/tests/data/{n}.pdf.layout.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("saved layout")).expect("a layout")
}

pub fn record(text: &str) -> Record {
    sop_normalize::normalize(&Layout::from_text(text), Source::default()).expect("recognised")
}

pub fn record_of(layout: &Layout) -> Record {
    sop_normalize::normalize(layout, Source::default()).expect("recognised")
}
