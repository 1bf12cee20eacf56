#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sop_fuzz::bundle_zip::run(data));
