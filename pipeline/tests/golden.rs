//! Golden test: `sop normalize` on every sample that has an expected record
//! in `samples/expected/<file name>.json` (next year's samples:
//! `samples/expected/next-year/<file name>.json`) gives exactly that record.
//! A sample of this year without one is a failure (003 while pending). The
//! expected files were checked by hand against the documents; regenerate one
//! only after checking the change (see samples/README.md).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn inputs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (dir, ext) in [("samples/seeds", "txt"), ("samples/pdf", "pdf"), ("samples/next-year", "pdf")] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn normalize_matches_the_expected_records() {
    let mut missing = Vec::new();
    let mut differing = Vec::new();
    for input in inputs() {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        // Next year's samples share file names with this year's: their
        // records live in samples/expected/next-year/.
        let next_year = input.starts_with(root().join("samples/next-year"));
        let expected_dir =
            if next_year { root().join("samples/expected/next-year") } else { root().join("samples/expected") };
        let expected_path = expected_dir.join(format!("{name}.json"));
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            missing.push(expected_path.display().to_string());
            continue;
        };
        let out = Command::new(env!("CARGO_BIN_EXE_sop")).arg("normalize").arg(&input).output().expect("sop runs");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        let want: serde_json::Value = serde_json::from_str(&expected).expect("expected file is JSON");
        if got != want {
            // Left beside the target dir for `diff`: what the record is now.
            let now = std::env::temp_dir().join(format!("sop-golden-{name}.json"));
            std::fs::write(&now, serde_json::to_string_pretty(&got).unwrap()).ok();
            differing.push(format!("{name} (now: {})", now.display()));
        }
    }
    assert!(missing.is_empty(), "samples without an expected record in samples/expected/: {missing:?}");
    assert!(differing.is_empty(), "records differ from samples/expected/: {differing:?}");
}

#[test]
fn not_an_sop_exits_2_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("sop-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("boodschappen.txt");
    std::fs::write(&path, "Boodschappenlijst\nmelk\nbrood\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sop")).arg("normalize").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("boodschappen.txt"));
    let out = Command::new(env!("CARGO_BIN_EXE_sop")).args(["detect", "--json"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["result"], "not_an_sop");
    let out =
        Command::new(env!("CARGO_BIN_EXE_sop")).arg("normalize").arg(dir.join("bestaat-niet.pdf")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}
