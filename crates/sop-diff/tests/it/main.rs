//! Integration tests of `sop-diff` on hand-made `sop/1` records
//! (`tests/fixtures/`, see the README there for what each pair plants).

mod identity;
mod planted;
mod properties;
#[path = "../support/reflow.rs"]
mod reflow;
mod render;
mod template_switch;

use std::path::PathBuf;

use sop_diff::{Change, ChangeKind, Record};

pub fn fixture(name: &str) -> Record {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{} is not a sop/1 record: {e}", path.display()))
}

/// Every fixture record.
pub fn all_fixtures() -> Vec<Record> {
    ["model_2023.json", "model_2024.json", "pos_2023.json", "pos_2024.json"].into_iter().map(fixture).collect()
}

/// A change as (field, key, label, kind), the identity the tests compare.
pub fn brief(c: &Change) -> (String, Option<String>, String, ChangeKind) {
    (c.field.clone(), c.key.clone(), c.label.clone(), c.change)
}
