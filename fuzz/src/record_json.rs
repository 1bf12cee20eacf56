//! A `sop.json` read back, written again and re-read.

use sop_model::Record;

/// Any bytes either fail to parse as a record (with an error, not a panic)
/// or parse into one whose JSON reads back to the same bytes: what the
/// archive hashes must not change by being read and written.
pub fn run(data: &[u8]) {
    let Ok(record) = serde_json::from_slice::<Record>(data) else {
        return;
    };
    let json = serde_json::to_vec(&record).expect("a record always serialises");
    let back: Record = serde_json::from_slice(&json).expect("a written record reads back");
    let again = serde_json::to_vec(&back).expect("a record always serialises");
    assert!(json == again, "a record read back from its JSON writes different bytes");
}
