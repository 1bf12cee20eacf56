//! The layout-variation corpus: every variant in `samples/variants/` is the
//! same content as its base sample, printed another way (another producer,
//! font, cell alignment, wrapped header cells, mark glyphs or icons, tables
//! with and without borders, tables broken over pages; see
//! `samples/variants/manifest.json` and `samples/README.md`). `sop normalize`
//! must give each the base's expected record.
//!
//! What may differ, and only this:
//! - `source` and `provenance` (another file, other pages and lines);
//! - what the manifest lists for the variant among a fixed set of fields
//!   that follow the printing, not the content: `unmapped[].page`,
//!   `template.evidence` (the footer quoted carries the page count) and
//!   `hgw[].raw` (the mark as printed: "✓" in the base, "X" or an icon in
//!   the variant). `hgw[].raw` must then still say a mark was read.
//! - free text is compared as the diff compares it (`sop_diff::canonical`):
//!   a line broken after a hyphen, a slash or a dash is re-flow, not a
//!   change.
//!
//! A variant whose printing leaves a reading genuinely ambiguous is listed
//! in `samples/variants/known-differences.json` with the exact fields that
//! differ and why. For such a variant the fields that differ must be exactly
//! those: one more is a regression, one fewer means the list is out of date.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Differences a variant may declare: they follow the printing.
const MAY_DIFFER: &[&str] = &["source", "provenance", "unmapped[].page", "template.evidence", "hgw[].raw"];

fn remove(v: &mut Value, field: &str) {
    if let Some((list, member)) = field.split_once("[].") {
        if let Some(items) = v.get_mut(list).and_then(Value::as_array_mut) {
            for it in items {
                if let Some(o) = it.as_object_mut() {
                    o.remove(member);
                }
            }
        }
    } else if let Some((obj, member)) = field.split_once('.') {
        if let Some(o) = v.get_mut(obj).and_then(Value::as_object_mut) {
            o.remove(member);
        }
    } else if let Some(o) = v.as_object_mut() {
        o.remove(field);
    }
}

/// Every leaf of a record as (JSON pointer, value), strings in the diff's
/// canonical form.
fn leaves(v: &Value, at: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(o) => o.iter().for_each(|(k, x)| leaves(x, format!("{at}/{k}"), out)),
        Value::Array(a) if a.is_empty() => out.push((at, "[]".into())),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
        Value::String(s) => out.push((at, sop_diff::text::canonical(s))),
        other => out.push((at, other.to_string())),
    }
}

#[test]
fn every_layout_variant_gives_its_base_documents_record() {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("samples/variants/manifest.json")).expect("the variants' manifest"),
    )
    .expect("manifest JSON");
    let variants = manifest["variants"].as_array().expect("a list of variants");
    let per_template =
        |prefix: &str| variants.iter().filter(|v| v["base"].as_str().is_some_and(|b| b.starts_with(prefix))).count();
    // The issue asks for at least 12 per template: 000 and 002 are Model, 003 PoS.
    assert!(per_template("pdf/000") + per_template("pdf/002") >= 12, "too few Model variants");
    assert!(per_template("pdf/003") >= 12, "too few PoS variants");

    let known: Value = std::fs::read_to_string(root().join("samples/variants/known-differences.json"))
        .ok()
        .map(|t| serde_json::from_str(&t).expect("known-differences.json is JSON"))
        .unwrap_or(Value::Null);
    let mut failures = Vec::new();
    let mut known_count = 0usize;
    let mut fields = 0usize;
    let mut equal = 0usize;
    for v in variants {
        let file = v["file"].as_str().expect("file");
        let declared: Vec<&str> = v["expected_differences"]
            .as_array()
            .map(|a| a.iter().filter_map(|d| d["field"].as_str()).collect())
            .unwrap_or_default();
        for d in &declared {
            assert!(MAY_DIFFER.contains(d), "{file}: the manifest may not excuse \"{d}\": it is content");
        }
        let expected_path = root().join("samples").join(v["expected"].as_str().expect("expected"));
        let mut expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected record")).expect("JSON");
        let out = Command::new(env!("CARGO_BIN_EXE_sop"))
            .arg("normalize")
            .arg(root().join("samples").join(file))
            .output()
            .expect("sop runs");
        assert!(out.status.success(), "{file}: sop normalize failed: {}", String::from_utf8_lossy(&out.stderr));
        let mut got: Value = serde_json::from_slice(&out.stdout).expect("a record");
        if declared.contains(&"hgw[].raw") {
            // The mark as printed may differ, but a mark must have been read where the base has one.
            let raws = |r: &Value| -> Vec<bool> {
                r["hgw"].as_array().map(|a| a.iter().map(|h| !h["raw"].is_null()).collect()).unwrap_or_default()
            };
            if raws(&got) != raws(&expected) {
                failures.push(format!("{file}: the HGW rows with a mark differ from the base's"));
            }
        }
        for field in declared.iter().copied().chain(["source", "provenance"]) {
            remove(&mut expected, field);
            remove(&mut got, field);
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        leaves(&expected, String::new(), &mut a);
        leaves(&got, String::new(), &mut b);
        let a: std::collections::BTreeMap<_, _> = a.into_iter().collect();
        let b: std::collections::BTreeMap<_, _> = b.into_iter().collect();
        let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        fields += keys.len();
        let differing: Vec<String> = keys
            .iter()
            .filter(|k| a.get(**k) != b.get(**k))
            .map(|k| {
                let show = |x: Option<&String>| x.map_or("(absent)".to_string(), |s| s.chars().take(80).collect());
                format!("{k}: expected {} got {}", show(a.get(*k)), show(b.get(*k)))
            })
            .collect();
        equal += keys.len() - differing.len();
        let excused: Vec<&str> = known["variants"][file]["fields"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let differing_keys: Vec<&str> = keys.iter().filter(|k| a.get(**k) != b.get(**k)).map(|k| k.as_str()).collect();
        if !excused.is_empty() {
            assert!(
                known["variants"][file]["why"].as_str().is_some_and(|w| !w.is_empty()),
                "{file}: a known difference needs its reason"
            );
            if differing_keys == excused {
                known_count += excused.len();
                continue;
            }
        }
        if !differing.is_empty() || !excused.is_empty() {
            let listed = if excused.is_empty() {
                String::new()
            } else {
                format!(" (known-differences.json lists {} others)", excused.len())
            };
            failures.push(format!(
                "{file}: {} of {} fields differ{listed}:\n    {}",
                differing.len(),
                keys.len(),
                differing.join("\n    ")
            ));
        }
    }
    eprintln!(
        "layout variants: {equal} of {fields} record fields equal their base's over {} variants ({known_count} known differences)",
        variants.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} variants differ from their base:\n{}",
        failures.len(),
        variants.len(),
        failures.join("\n")
    );
}
