//! Extracted text through detection and normalisation.

use sop_model::{Layout, Record, Source};
use sop_normalize::Detection;

/// Bytes that are UTF-8 become a text layout; detection must agree with
/// normalisation, and a record, when one comes out, must survive being
/// written as JSON and read back unchanged (the archive stores it that way).
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let layout = Layout::from_text(text);
    let detection = sop_normalize::detect(&layout);
    let source = Source {
        sha256: String::new(),
        bytes: data.len() as u64,
        pages: u32::try_from(layout.pages.len()).unwrap_or(u32::MAX),
        media_type: "text/plain".to_string(),
        filename: "fuzz.txt".to_string(),
    };
    let result = sop_normalize::normalize(&layout, source);
    match (&detection, &result) {
        (Detection::Recognised(_), Err(e)) => {
            panic!("detect recognised the template but normalize failed: {e}")
        }
        (Detection::NotAnSop { .. } | Detection::Unrecognised { .. }, Ok(_)) => {
            panic!("detect rejected the document but normalize made a record")
        }
        _ => {}
    }
    if let Ok(record) = result {
        let json = serde_json::to_vec(&record).expect("a record always serialises");
        let back: Record = serde_json::from_slice(&json).expect("a written record reads back");
        let again = serde_json::to_vec(&back).expect("a record always serialises");
        assert!(json == again, "a record read back from its JSON writes different bytes");
    }
}
