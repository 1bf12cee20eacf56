//! Prints the `sop/1` record of a `.txt` or a saved layout (`*.layout.json`,
//! from `sop extract --json`) without the rest of the pipeline: for working
//! on a parser while other crates do not build.
//!
//! `cargo run -p sop-normalize --example normalize_file -- FILE`
use sop_model::{Layout, Source};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: normalize_file FILE.txt|FILE.layout.json");
        std::process::exit(1);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("cannot read `{path}`: {e}");
        std::process::exit(1)
    });
    let text = String::from_utf8_lossy(&bytes);
    let layout: Layout = if path.ends_with(".json") {
        serde_json::from_str(&text).unwrap_or_else(|e| {
            eprintln!("`{path}` is not a layout: {e}");
            std::process::exit(1)
        })
    } else {
        Layout::from_text(&text)
    };
    match sop_normalize::normalize(&layout, Source { filename: path.clone(), ..Source::default() }) {
        Ok(r) => println!("{}", serde_json::to_string_pretty(&r).expect("a record serialises")),
        Err(e) => {
            eprintln!("`{path}`: {e}");
            std::process::exit(2)
        }
    }
}
