//! Prints the text (or with `--json` the layout, with `--tables` the tables) of a PDF, extracted in this process.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let tables = args.iter().any(|a| a == "--tables");
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let bytes = std::fs::read(path).expect("readable file");
        match sop_extract::extract_pdf(path, &bytes, &sop_extract::Limits::default()) {
            Ok(layout) if tables => print!("{}", sop_extract::tables_text(&layout)),
            Ok(layout) if json => println!("{}", serde_json::to_string_pretty(&layout).expect("json")),
            Ok(layout) => print!("{}", layout.text()),
            Err(e) => eprintln!("{e}"),
        }
    }
}
