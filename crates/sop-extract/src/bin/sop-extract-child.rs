//! A stand-alone extraction child: the same protocol as `sop __extract-child`,
//! for callers (and this crate's tests) that have no `sop` binary at hand.
//! Usage: `sop-extract-child __extract-child [--name N] [--max-bytes N] ...`.

use std::time::Duration;

fn main() {
    let mut limits = sop_extract::Limits::default();
    let mut name = String::from("<stdin>");
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != sop_extract::CHILD_SUBCOMMAND).collect();
    for pair in args.chunks(2) {
        let [flag, value] = pair else { std::process::exit(2) };
        let n = || value.parse::<u64>().unwrap_or_else(|_| std::process::exit(2));
        match flag.as_str() {
            "--name" => name = value.clone(),
            "--max-bytes" => limits.max_bytes = n(),
            "--max-pages" => limits.max_pages = n(),
            "--max-text-bytes" => limits.max_text_bytes = n(),
            "--max-stream-bytes" => limits.max_stream_bytes = n(),
            "--timeout-secs" => limits.timeout = Duration::from_secs(n()),
            "--memory-bytes" => limits.memory_bytes = n(),
            "--ocr-page-secs" => limits.ocr_page_timeout = Duration::from_secs(n()),
            _ => std::process::exit(2),
        }
    }
    std::process::exit(sop_extract::child_main(&name, &limits));
}
