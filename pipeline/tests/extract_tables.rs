//! `sop extract --tables` and `--json` on a sample: the tables reach the
//! user through the isolated child, as a grid and in the layout JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

const SOP: &str = env!("CARGO_BIN_EXE_sop");

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples/pdf").join(name)
}

#[test]
fn tables_print_as_grids_with_their_marks() {
    let out = Command::new(SOP).args(["extract", "--tables"]).arg(sample("000.pdf")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Table 1: page 1, lattice (ruled), 12 rows × 3 columns\n"), "{text}");
    assert!(text.contains("Table 3: pages 3-4, lattice (ruled), 15 rows × 3 columns"), "{text}");
    // The HGW table: its header wrapped over two lines, a tick in the Op orde column.
    let hgw = text.lines().skip_while(|l| !l.contains("Uitgangspunt HGW")).take(6).collect::<Vec<_>>().join("\n");
    assert!(hgw.contains("| In ") && hgw.contains("| ontwikkeling "), "{hgw}");
    assert!(hgw.lines().any(|l| l.starts_with("| Handelingsgericht") && l.contains("| ✓ ")), "{hgw}");
}

#[test]
fn json_layout_holds_the_tables() {
    let out = Command::new(SOP).args(["extract", "--json"]).arg(sample("003.pdf")).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tables = v["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 13);
    let specialists = &tables[2];
    assert_eq!((specialists["n_rows"].as_u64(), specialists["n_cols"].as_u64()), (Some(22), Some(4)));
    assert_eq!(specialists["pages"], serde_json::json!([5, 6]));
    let marked = specialists["cells"].as_array().unwrap().iter().filter(|c| !c["marks"].as_array().unwrap().is_empty());
    // 24 icons in 20 of the 21 rows, as in samples/src/003.html.
    assert_eq!(marked.count(), 24);
}

#[test]
fn tables_of_extracted_text_say_there_are_none() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples/seeds");
    let txt = std::fs::read_dir(seed)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .unwrap();
    let out = Command::new(SOP).args(["extract", "--tables"]).arg(&txt).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "No tables found.\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("alleen in een PDF te vinden"));
}
