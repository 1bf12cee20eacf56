//! PDF bytes through extraction, in this process.

use std::time::Duration;

use sop_extract::Limits;

/// Limits well below the defaults, so that a bomb the limits fail to stop
/// shows up as an out-of-memory or a timeout of the fuzzer at once.
fn limits() -> Limits {
    Limits {
        max_bytes: 1 << 20,
        max_pages: 50,
        max_text_bytes: 1 << 20,
        max_stream_bytes: 16 << 20,
        timeout: Duration::from_secs(10),
        memory_bytes: 1 << 30,
        // Image pages without text go through pdftoppm and Tesseract when installed.
        ocr_page_timeout: Duration::from_secs(2),
    }
}

/// Any bytes either extract into a layout or fail with an error, without a
/// panic escaping: `extract_pdf` catches the panics of the PDF libraries it
/// calls, so only one it does not catch is a crash. A layout's pages are
/// numbered from 1 in order and its text stays within the text limit.
///
/// Users never reach this directly (the `sop` binary extracts in a child
/// process under time and memory limits), so a crash here costs one document,
/// not the batch; it is still a bug in the extraction.
pub fn run(data: &[u8]) {
    let limits = limits();
    let Ok(layout) = sop_extract::extract_pdf("fuzz.pdf", data, &limits) else {
        return;
    };
    for (i, page) in layout.pages.iter().enumerate() {
        assert_eq!(page.number as usize, i + 1, "pages out of order");
    }
    let text = layout.text();
    assert!(
        text.len() as u64 <= limits.max_text_bytes + layout.pages.len() as u64,
        "text past the limit"
    );
}
