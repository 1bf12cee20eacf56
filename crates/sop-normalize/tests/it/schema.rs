//! `schema/sop-1.schema.json` is generated from the Rust types, and every
//! record the parsers produce validates against it. Regenerate with
//! `SOP_BLESS=1 cargo test -p sop-normalize --test it schema`.

use crate::*;

fn schema_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/sop-1.schema.json")
}

#[test]
fn committed_schema_is_the_generated_one() {
    let generated = serde_json::to_string_pretty(&sop_model::Record::json_schema()).unwrap() + "\n";
    if std::env::var_os("SOP_BLESS").is_some() {
        std::fs::write(schema_path(), &generated).unwrap();
    }
    let committed = std::fs::read_to_string(schema_path()).expect("schema/sop-1.schema.json exists");
    assert!(committed == generated, "schema/sop-1.schema.json is stale: run with SOP_BLESS=1");
}

#[test]
fn records_validate_against_the_schema() {
    let schema = sop_model::Record::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let mut records = vec![record(SEED_000), record(SEED_001), record(SEED_002), record(SEED_003)];
    for n in ["000", "001", "002"] {
        records.push(record_of(&pdf_layout(n)));
    }
    for r in records {
        let v = serde_json::to_value(&r).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{:?}: {errors:?}", r.school.name);
    }
}
