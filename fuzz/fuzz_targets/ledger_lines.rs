#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sop_fuzz::ledger_lines::run(data));
