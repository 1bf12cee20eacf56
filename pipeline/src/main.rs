//! The `sop` command. Glue only: argument parsing, the async batch, and
//! turning errors into messages and exit codes.

fn main() {
    println!("sop {}", env!("CARGO_PKG_VERSION"));
}
