#![no_main]
use std::sync::Once;

static QUIET: Once = Once::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // `extract_pdf` catches the PDF libraries' panics on purpose, but the
    // hook libfuzzer-sys installs aborts on every panic, caught or not. A
    // panic that escapes `extract_pdf` still aborts: libfuzzer-sys catches
    // it around this closure.
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    sop_fuzz::extract_pdf::run(data)
});
