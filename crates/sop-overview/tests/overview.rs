//! The overview over the samples' expected records (both templates, plus the
//! text-input PoS record whose marks are lost), checked cell by cell against
//! what the records say; the year-over-year comparison against the planted
//! next-year changes; the JSON schema; and the CSV.

use std::path::{Path, PathBuf};

use sop_model::Record;
use sop_overview::*;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

fn record(name: &str) -> Record {
    let p = samples().join("expected").join(name);
    serde_json::from_slice(&std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

fn entry(id: &str, file: &str) -> SchoolEntry {
    SchoolEntry::with_record(id, record(file))
}

fn opts(year: &str) -> Options {
    Options { school_year: year.into(), compare_year: None, threshold: 1, generated: None }
}

/// The demo's first year: the four sample PDFs, plus a registry school that sent nothing.
fn year_one() -> Vec<SchoolEntry> {
    let mut kristal = entry("kristal", "001.pdf.json");
    kristal.name = Some("BS Het Kristal".into());
    vec![
        entry("diamant", "000.pdf.json"),
        kristal,
        entry("jeroen", "002.pdf.json"),
        entry("diamant-college", "003.pdf.json"),
        SchoolEntry {
            status: EntryStatus::Missing,
            name: Some("De Ontbrekende".into()),
            ..SchoolEntry::with_record("ontbreekt", record("000.pdf.json"))
        },
    ]
}

fn school<'a>(o: &'a Overview, id: &str) -> &'a SchoolRow {
    o.schools.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no school {id}"))
}

fn cell<'a>(o: &'a Overview, id: &str, area: &str) -> &'a AreaCell {
    let s = school(o, id);
    let i = o.areas.iter().position(|a| a.id == area).unwrap_or_else(|| panic!("no area {area}"));
    &s.areas[i]
}

fn summary<'a>(o: &'a Overview, area: &str) -> &'a AreaSummary {
    o.area_summary.iter().find(|a| a.area == area).unwrap()
}

#[test]
fn both_templates_in_one_matrix_with_the_records_own_answers() {
    let o = build(&year_one(), None, &AreaMap::default_map(), &opts("2023-2024"));
    assert_eq!(o.counts.schools, 5);
    assert_eq!(o.counts.with_record, 4);
    assert_eq!(o.counts.missing, 1);
    assert_eq!(o.counts.per_template.get("sppoh-model-2021-2025"), Some(&3));
    assert_eq!(o.counts.per_template.get("perspectief-op-school-vo"), Some(&1));
    // Every school with a record has one cell per area, whatever its template.
    for s in o.schools.iter().filter(|s| s.status == SchoolStatus::Record) {
        assert_eq!(s.areas.len(), o.areas.len(), "{}", s.id);
    }

    // Model: "Expertise autisme" Ja at Diamant, Nee at Kristal and Jeroen.
    assert_eq!(cell(&o, "diamant", "autisme").coverage, Coverage::Offered);
    assert_eq!(cell(&o, "kristal", "autisme").coverage, Coverage::NotOffered);
    assert_eq!(cell(&o, "jeroen", "autisme").coverage, Coverage::NotOffered);
    // The school's words beside its "Nee" stay with the row.
    assert_eq!(
        cell(&o, "jeroen", "autisme").rows[0].text(),
        "nee (Wanneer nodig wordt bij expertisecentrum autisme, expertise ingekocht.)"
    );
    // PoS sample has no autism row at all: not mentioned, not "nee".
    assert_eq!(cell(&o, "diamant-college", "autisme").coverage, Coverage::NotMentioned);
    let a = summary(&o, "autisme");
    assert_eq!((a.offered, a.not_offered, a.not_mentioned, a.with_record), (1, 2, 1, 4));
    assert_eq!(a.share, 0.25);

    // How: Model hours as written, PoS columns.
    let g = cell(&o, "diamant", "gedrag");
    assert!(g.rows.iter().any(|r| r.key == "gedrag" && r.how.contains("In takenpakket intern begeleider")), "{g:?}");
    let d = cell(&o, "diamant-college", "lezen_spelling");
    let r = d.rows.iter().find(|r| r.key == "aanbod_lees_en_spellingzwakte_en_dyslexie").unwrap();
    assert_eq!(r.how, "op de school, via het SWV of derden");
    // Model partner involvement.
    let j = cell(&o, "jeroen", "spraak_taal");
    assert!(j.rows.iter().any(|r| r.key == "logopedie" && r.how == "structureel"), "{j:?}");

    // Kleine klas has no mark in any column: a "nee" row, not coverage.
    let k = cell(&o, "diamant-college", "speciale_setting");
    assert!(k.rows.iter().any(|r| r.key == "kleine_klas" && r.state == Coverage::NotOffered));

    // A row no area claims is kept under overig with its own label.
    let other: Vec<&str> = school(&o, "diamant-college").other.iter().map(|r| r.label.as_str()).collect();
    assert!(other.contains(&"theater") && other.contains(&"keuken"), "{other:?}");
    assert!(o.other_rows.iter().any(|r| r.key == "theater" && r.schools == ["diamant-college"]));

    // The missing school is listed, and counted in no share.
    let m = school(&o, "ontbreekt");
    assert_eq!(m.status, SchoolStatus::Missing);
    assert!(m.areas.is_empty());

    // Warnings are carried.
    assert!(school(&o, "diamant-college").warnings.iter().any(|w| w.contains("afgeleid uit de invuldatum")));

    // Board from the record (PoS), "onbekend" group where neither registry nor record names one.
    let by_board = &summary(&o, "gedrag").by_board;
    assert!(by_board.iter().any(|g| g.group == "Stichting Lucas Onderwijs" && g.schools == 1 && g.offered == 1));
    assert_eq!(by_board.last().unwrap().group, UNKNOWN_GROUP);
}

#[test]
fn unreadable_marks_are_onbekend_never_nee() {
    // The PoS report from plain text: every specialism's marks are lost.
    let o = build(
        &[entry("diamant-college", "003_02d0c3e2c681c107.txt.json")],
        None,
        &AreaMap::default_map(),
        &opts("2023-2024"),
    );
    let g = cell(&o, "diamant-college", "gedrag");
    assert_eq!(g.coverage, Coverage::Unknown);
    assert!(g.rows.iter().all(|r| r.state == Coverage::Unknown));
    assert_eq!(summary(&o, "gedrag").unknown, 1);
    assert_eq!(summary(&o, "gedrag").not_offered, 0);
    // Physical spaces are a list (listed = present), readable from text.
    assert_eq!(cell(&o, "diamant-college", "time_out").coverage, Coverage::Offered);
    let html = html::render_html(&o);
    assert!(html.contains("Gedragsspecialist: onbekend"), "the row must say onbekend");
    assert!(!html.contains("Gedragsspecialist: nee"), "never nee for a lost mark");
}

#[test]
fn gaps_per_region_under_the_threshold() {
    let mut entries = year_one();
    for e in &mut entries {
        e.region = Some(if e.id == "jeroen" { "Rijswijk".into() } else { "Den Haag".into() });
    }
    let mut o = opts("2023-2024");
    o.threshold = 2;
    let ov = build(&entries, None, &AreaMap::default_map(), &o);
    // Autism: only Diamant (Den Haag) offers it: a gap overall (1 < 2), in Den Haag and in Rijswijk.
    let gaps: Vec<(Option<&str>, u32)> =
        ov.gaps.iter().filter(|g| g.area == "autisme").map(|g| (g.region.as_deref(), g.offered)).collect();
    assert_eq!(gaps, [(None, 1), (Some("Den Haag"), 1), (Some("Rijswijk"), 0)]);
    // Behaviour: every school offers it: no gap anywhere... except Rijswijk has one school only.
    let gedrag: Vec<Option<&str>> =
        ov.gaps.iter().filter(|g| g.area == "gedrag").map(|g| g.region.as_deref()).collect();
    assert_eq!(gedrag, [Some("Rijswijk")]);
}

#[test]
fn compare_shows_the_planted_next_year_changes() {
    let old =
        [entry("diamant", "000.pdf.json"), entry("diamant-college", "003.pdf.json"), entry("jeroen", "002.pdf.json")];
    let new = [entry("diamant", "next-year/000.pdf.json"), entry("diamant-college", "next-year/003.pdf.json")];
    let mut o = opts("2024-2025");
    o.compare_year = Some("2023-2024".into());
    let ov = build(&new, Some(&old), &AreaMap::default_map(), &o);
    let c = ov.compare.as_ref().unwrap();
    let changes = |id: &str| c.schools.iter().find(|s| s.id == id).unwrap();
    let find = |id: &str, label: &str| {
        changes(id)
            .row_changes
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("{id}: no change {label}"))
            .clone()
    };
    // 000: Expertise faalangst removed (was Nee), Expertise NT2 added (Ja 8), Lift nvt -> present, HGW 5 op orde -> in ontwikkeling.
    let f = find("diamant", "Expertise faalangst");
    assert_eq!((f.change, f.old.as_deref(), f.new.as_deref()), (ChangeKind::Removed, Some("nee"), None));
    assert_eq!(f.areas, ["sociaal_emotioneel"]);
    let n = find("diamant", "Expertise NT2");
    assert_eq!(n.change, ChangeKind::Added);
    assert_eq!(n.areas, ["nt2"]);
    assert!(n.new.as_deref().unwrap().starts_with("ja") && n.new.as_deref().unwrap().contains('8'), "{n:?}");
    let l = find("diamant", "Lift");
    assert_eq!((l.change, l.old.as_deref()), (ChangeKind::Changed, Some("nee (niet aanwezig)")));
    assert!(l.new.as_deref().unwrap().starts_with("ja"), "{l:?}");
    let h = &changes("diamant").hgw_changes;
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(
        (h[0].key.as_str(), h[0].old, h[0].new),
        ("ouders_leerkrachten_partners", Some(sop_model::HgwStatus::InPlace), Some(sop_model::HgwStatus::Developing))
    );
    // 003: Gedragswetenschapper via het bestuur -> via het SWV of derden; Dyslexiespecialist added; Kleine klas removed.
    let g = find("diamant-college", "Gedragswetenschapper");
    assert_eq!(
        (g.old.as_deref(), g.new.as_deref()),
        (Some("ja (via het bestuur)"), Some("ja (via het SWV of derden)"))
    );
    let d = find("diamant-college", "Dyslexiespecialist");
    assert_eq!(
        (d.change, d.new.as_deref(), d.areas.as_slice()),
        (ChangeKind::Added, Some("ja (op de school)"), &["lezen_spelling".to_string()][..])
    );
    let k = find("diamant-college", "Kleine klas");
    assert_eq!(k.change, ChangeKind::Removed);
    // Nothing else changed in those rows.
    assert_eq!(changes("diamant").row_changes.len(), 3, "{:?}", changes("diamant").row_changes);
    assert_eq!(changes("diamant-college").row_changes.len(), 3, "{:?}", changes("diamant-college").row_changes);
    // Jeroen sent nothing this year.
    assert_eq!(changes("jeroen").presence, Presence::OldOnly);
    // Per area: Jeroen's autism "nee" does not count; coverage of gedrag drops from 3 to 2 schools (Jeroen gone).
    let gedrag = c.areas.iter().find(|a| a.area == "gedrag").unwrap();
    assert_eq!((gedrag.old_offered, gedrag.new_offered, gedrag.lost.as_slice()), (3, 2, &["jeroen".to_string()][..]));
}

#[test]
fn committed_schema_is_the_generated_one_and_the_json_validates() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/sop-overview-1.schema.json");
    let generated = serde_json::to_string_pretty(&Overview::json_schema()).unwrap() + "\n";
    if std::env::var_os("SOP_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).expect("schema/sop-overview-1.schema.json exists");
    assert!(committed == generated, "schema/sop-overview-1.schema.json is stale: run with SOP_BLESS=1");

    let mut o = opts("2024-2025");
    o.compare_year = Some("2023-2024".into());
    let ov = build(&[entry("diamant", "next-year/000.pdf.json")], Some(&year_one()), &AreaMap::default_map(), &o);
    let json = render_json(&ov);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let schema = Overview::json_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(v["schema"], "sop-overview/1");
    let back: Overview = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ov);
}

#[test]
fn csv_has_one_line_per_school_area_and_row() {
    let o = build(&year_one(), None, &AreaMap::default_map(), &opts("2023-2024"));
    let text = csv::render_csv(&o);
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], csv::HEADER.join(","));
    let cols = |l: &str| parse_csv_line(l);
    // The missing school: one line with its status.
    let missing: Vec<Vec<String>> = lines.iter().map(|l| cols(l)).filter(|c| c[0] == "ontbreekt").collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0][5], "geen profiel ontvangen");
    // PoS "Gedragswetenschapper" under gedrag, with its column.
    let gw =
        lines.iter().map(|l| cols(l)).find(|c| c[0] == "diamant-college" && c[10] == "gedragswetenschapper").unwrap();
    assert_eq!((gw[6].as_str(), gw[8].as_str(), gw[12].as_str()), ("gedrag", "ja", "ja (via het bestuur)"));
    // An area without rows: one line "niet genoemd".
    let au = lines.iter().map(|l| cols(l)).find(|c| c[0] == "diamant-college" && c[6] == "autisme").unwrap();
    assert_eq!((au[8].as_str(), au[10].as_str()), ("niet genoemd", ""));
    // Every line has the header's number of fields.
    for l in &lines {
        assert_eq!(cols(l).len(), csv::HEADER.len(), "{l}");
    }
}

/// RFC 4180 fields of one line (no embedded line breaks in these tests' data).
fn parse_csv_line(l: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = l.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[test]
fn every_sample_row_key_is_mapped_or_kept_under_overig() {
    // Each mapping entry is a claim: list what the samples put under overig, so
    // that a change of the mapping that drops a known key shows up here.
    let map = AreaMap::default_map();
    let mut other = std::collections::BTreeSet::new();
    for f in [
        "000.pdf.json",
        "001.pdf.json",
        "002.pdf.json",
        "003.pdf.json",
        "next-year/000.pdf.json",
        "next-year/003.pdf.json",
        "002_7ede2fdb922aae31.txt.json",
    ] {
        for r in record_rows(&record(f)) {
            if map.areas_of(&r.key, &r.label).is_empty() {
                other.insert(r.key);
            }
        }
    }
    let other: Vec<&str> = other.iter().map(String::as_str).collect();
    assert_eq!(
        other,
        [
            "denk_aan_powerkidzzz_training",
            "denk_aan_powerkidzzz_training_playing_for_keeps_kies_training_mentaliseren_in_de_klas_vanuit_de_preventieafdeling_van_youz",
            "gymzaal",
            "jeugdschoolformaat",
            "keuken",
            "middelbaar_beroepsonderwijs_mbo",
            "ouderkamer",
            "playing_for_keeps",
            "playing_for_success",
            "praktijklokalen_voorzieningen",
            "regulier_basisonderwijs_bao",
            "regulier_voortgezet_onderwijs_vo",
            "theater",
        ]
    );
}
