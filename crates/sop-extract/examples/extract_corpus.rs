//! Runs isolated extraction over every PDF in a folder and counts the outcomes.
//! Usage: `cargo run --release --example extract_corpus -p sop-extract -- DIR CHILD_EXE`.
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("DIR"));
    let exe = PathBuf::from(args.next().expect("CHILD_EXE"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).expect("dir").flatten().map(|e| e.path()).collect();
    files.sort();
    let limits = sop_extract::Limits { timeout: std::time::Duration::from_secs(20), ..Default::default() };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        let t = std::time::Instant::now();
        let r = sop_extract::read_file(f, &limits)
            .and_then(|b| sop_extract::extract_isolated(&exe, &f.display().to_string(), &b, &limits));
        let ms = t.elapsed().as_millis();
        let (class, detail) = match &r {
            Ok(l) => (
                "ok".to_string(),
                format!("{} pages, {} chars, {} warnings", l.pages.len(), l.text().len(), l.warnings.len()),
            ),
            Err(e) => {
                let k = serde_json::to_value(e)
                    .ok()
                    .and_then(|v| v["kind"].as_str().map(str::to_string))
                    .unwrap_or_default();
                (k, e.to_string())
            }
        };
        *counts.entry(class.clone()).or_default() += 1;
        println!("{}\t{class}\t{ms}\t{detail}", f.file_name().unwrap().to_string_lossy());
    }
    eprintln!("{counts:?}");
}
