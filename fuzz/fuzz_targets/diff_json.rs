#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sop_fuzz::diff_json::run(data));
