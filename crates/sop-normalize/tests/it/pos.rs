//! The Perspectief op School parser: on seed 003 (text extracted from a real
//! report), on variations of it that a school or the platform could produce,
//! on the saved PDF layout of sample 003, and on hand-made PDF layouts for the
//! icon columns of §3.1-3.3.
//!
//! Self-contained (no `super::`), so that it runs as a module of `it` or on
//! its own.

use sop_model::{
    HgwStatus, Layout, Line, Mark, MarkKind, OfferKind, Origin, Page, PartnerKind, Provider, Record, Run, Sector,
    Source, Template,
};
use sop_normalize::pos::PerspectiefOpSchool;
use sop_normalize::TemplateFamily;

const SEED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seeds/003_02d0c3e2c681c107.txt"));

fn record_of(layout: &Layout) -> Record {
    let fam = PerspectiefOpSchool;
    let s = fam.score(layout);
    let template =
        Template { family: fam.id().into(), revision: s.revision, confidence: s.confidence, evidence: s.evidence };
    let mut rec = Record::empty(template, Source::default());
    fam.normalize(layout, &mut rec);
    rec
}

fn from_text(text: &str) -> Record {
    record_of(&Layout::from_text(text))
}

/// The seed with one exact line replaced (the line must exist once).
fn edit(from: &str, to: &str) -> String {
    let hits = SEED.lines().filter(|l| *l == from).count();
    assert_eq!(hits, 1, "the seed has {hits} lines {from:?}");
    SEED.lines().map(|l| if l == from { to } else { l }).collect::<Vec<_>>().join("\n")
}

fn warnings_with(rec: &Record, needle: &str) -> Vec<String> {
    rec.warnings.iter().filter(|w| w.contains(needle)).cloned().collect()
}

/// The warnings that say availability and providers are unknown.
fn provider_unknown(rec: &Record) -> Vec<sop_model::Notice> {
    ["pos-no-icons", "pos-icons-lost-in-text", "pos-provider-columns-incomplete"]
        .iter()
        .flat_map(|c| notices_with(rec, c, None))
        .collect()
}

/// The warnings with a code, as scripts see them (`notices`, index-aligned
/// with `warnings`), whose parameter `param` (if given) starts with `value`
/// (a number compared by its JSON text).
#[allow(clippy::cmp_owned)]
fn notices_with(rec: &Record, code: &str, param: Option<(&str, &str)>) -> Vec<sop_model::Notice> {
    assert_eq!(rec.notices.len(), rec.warnings.len(), "every warning has its code");
    rec.notices
        .iter()
        .filter(|n| n.code == code)
        .filter(|n| {
            param.is_none_or(|(k, v)| {
                n.params.get(k).is_some_and(|p| p.as_str().map_or(p.to_string() == v, |s| s.starts_with(v)))
            })
        })
        .cloned()
        .collect()
}

// ---------------------------------------------------------------- the seed

#[test]
fn seed_003_scores_as_pos_and_the_model_seeds_do_not() {
    let fam = PerspectiefOpSchool;
    let s = fam.score(&Layout::from_text(SEED));
    assert!(s.confidence >= 0.9, "{s:?}");
    assert_eq!(s.revision, None);
    assert!(s.evidence.iter().any(|e| e.contains("online vragenlijst")));
    for seed in ["000_67906dc56c831d91.txt", "001_9d4144985e945137.txt", "002_7ede2fdb922aae31.txt"] {
        let path = format!("{}/../../samples/seeds/{seed}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("seed");
        let s = fam.score(&Layout::from_text(&text));
        assert!(s.confidence < 0.2, "{seed}: {s:?}");
    }
}

#[test]
fn seed_003_general_data() {
    let rec = from_text(SEED);
    let school = &rec.school;
    assert_eq!(school.name.as_deref(), Some("Diamant College"));
    assert_eq!(school.sector, Some(Sector::Vo));
    assert_eq!(school.board.as_deref(), Some("Stichting Lucas Onderwijs"));
    assert_eq!(school.swv.as_deref(), Some("SWV Zuid Holland West"));
    assert_eq!(school.levels_lower.len(), 7);
    assert_eq!(school.levels_lower[0], "Eerste opvang anderstaligen (EOA)");
    assert_eq!(school.levels_upper.last().map(String::as_str), Some("VMBO TL"));
    assert_eq!(school.levels, school.levels_lower, "both lists are the same, so the union is either");
    assert_eq!(rec.governance.filled_in.as_deref(), Some("2023-11"));
    assert_eq!(rec.school_year.as_deref(), Some("2023-2024"));
    assert_eq!(notices_with(&rec, "pos-school-year-from-fill-in-date", None).len(), 1);
    assert_eq!(rec.provenance["/school/name"].text, "Naam van onze school Diamant College");
    // Leerjaren has no field: kept.
    assert!(rec.unmapped.iter().any(|u| u.heading.as_deref() == Some("Leerjaren") && u.text == "Bovenbouw; Onderbouw"));
}

#[test]
fn seed_003_marked_tables_from_text_are_unknown_with_one_warning_each() {
    let rec = from_text(SEED);
    assert_eq!(rec.expertise.len(), 21);
    assert!(rec.expertise.iter().all(|e| e.available.is_none() && e.provided_by.is_none()));
    let wrapped = rec.expertise.iter().find(|e| e.key == "expert_op_het_gebied_van_psychische_en_gedragsproblematiek");
    assert_eq!(wrapped.map(|e| e.label.as_str()), Some("Expert op het gebied van psychische- en gedragsproblematiek"));
    let provisions: Vec<_> = rec.offers.iter().filter(|o| o.kind == OfferKind::Provision).collect();
    let education: Vec<_> = rec.offers.iter().filter(|o| o.kind == OfferKind::EducationOffer).collect();
    assert_eq!((provisions.len(), education.len()), (6, 10));
    assert_eq!(education[3].name, "Aanbod studievaardigheden, plannen/organiseren of leren leren");
    assert!(rec.offers.iter().all(|o| o.provided_by.is_none()));
    let w = notices_with(&rec, "pos-icons-lost-in-text", None);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].params["table"].as_str().unwrap().starts_with("3.1 Specialismen") && w[0].params["rows"] == 21);
    // The school's note under the provisions table fits no field.
    assert!(rec
        .unmapped
        .iter()
        .any(|u| u.heading.as_deref() == Some("Toelichting voorzieningen") && u.text.starts_with("Taalklas/NT2")));
}

#[test]
fn seed_003_hgw_scores_and_summary() {
    let rec = from_text(SEED);
    assert_eq!(rec.hgw.len(), 14);
    let count = |s: HgwStatus| rec.hgw.iter().filter(|h| h.status == Some(s)).count();
    assert_eq!(
        (
            count(HgwStatus::NotStarted),
            count(HgwStatus::Developing),
            count(HgwStatus::InPlace),
            count(HgwStatus::Advanced)
        ),
        (0, 2, 11, 1)
    );
    assert_eq!(rec.hgw[3].raw.as_deref(), Some("In ontwikkeling"));
    assert!(rec.hgw[3].label.ends_with("(o.a. door observatie, gesprekken en het analyseren van toetsen)."));
    assert_eq!(rec.hgw[13].raw.as_deref(), Some("Ver ontwikkeld"));
    let sum = rec.hgw_summary.clone().expect("summary");
    assert_eq!(
        (sum.indicators, sum.not_started_pct, sum.developing_pct, sum.in_place_pct, sum.advanced_pct),
        (14, 0.0, 14.0, 79.0, 7.0)
    );
    assert!(warnings_with(&rec, "Leerkrachtvaardigheden").is_empty(), "{:?}", rec.warnings);
}

#[test]
fn seed_003_limits_by_category() {
    let rec = from_text(SEED);
    assert!(rec
        .limits
        .text
        .as_deref()
        .is_some_and(|t| t.starts_with("Helaas zijn er grenzen") && t.ends_with("niet kunnen begeleiden:")));
    let mut cats: Vec<(String, usize)> = Vec::new();
    for item in &rec.limits.items {
        let c = item.category.clone().expect("every item is under a heading");
        match cats.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => cats.push((c, 1)),
        }
    }
    let expected = [
        ("Algemeen", 3),
        ("Cognitieve ontwikkeling", 3),
        ("Leren", 1),
        ("Gedrag", 6),
        ("Sociaal-emotionele ontwikkeling", 8),
        ("Lichamelijke situatie", 6),
    ];
    assert_eq!(cats, expected.map(|(c, n)| (c.to_string(), n)));
    assert_eq!(rec.limits.items[21].text, "Leerlingen die doof zijn");
}

#[test]
fn seed_003_ambitions_from_the_vision_list_and_the_goals() {
    let rec = from_text(SEED);
    assert_eq!(rec.ambitions.len(), 16);
    assert_eq!(
        rec.ambitions[0],
        "Verder vormgeven van de Pilot Coaching van leerlingen, zodat het eigenaarschap van leerlingen wordt versterkt"
    );
    assert_eq!(
        rec.ambitions[11],
        "Werken vanuit verbinding en zorgen voor een eenduidige PDCA-structuur door MT-leden."
    );
    assert_eq!(rec.ambitions[15], "Meer contextrijk onderwijs bieden, door projectmatig te werken");
    let vision = rec.vision.as_deref().expect("vision");
    assert!(vision.starts_with("Het bijzondere aan onze school") && vision.ends_with("geborgd in de gesprekscyclus."));
    assert!(!vision.contains("Ambities"));
    let ctx = rec.vision_context.as_deref().expect("context");
    assert!(ctx.starts_with("Traditioneel/regulier onderwijs\n\nOnze Missie"));
    assert!(ctx.contains("Vanaf het schooljaar 2014-2015 werken"), "line-end hyphen repaired");
}

#[test]
fn seed_003_organisation_of_support() {
    let rec = from_text(SEED);
    let s = &rec.support_structure;
    assert_eq!(s.meetings_per_year, Some(7));
    assert_eq!(s.team.len(), 5);
    assert_eq!(s.team[1], "Gedragsspecialist / orthopedagoog");
    let text = s.text.as_deref().expect("route");
    assert!(text.starts_with("Stap 1a Signaleren"));
    assert_eq!(text.lines().count(), 6, "one paragraph per step");
    let sectors = rec.partners.iter().filter(|p| p.kind == PartnerKind::EducationSector).count();
    let chain = rec.partners.iter().filter(|p| p.kind == PartnerKind::ChainPartner).count();
    assert_eq!((sectors, chain), (6, 8));
    assert!(rec.partners.iter().all(|p| p.involvement.is_none()));
    assert_eq!(rec.protocols.len(), 6);
    assert!(rec.protocols.iter().all(|p| p.status.as_deref() == Some("Actief toegepast")));
    let names: Vec<&str> = rec.facilities.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ruimte voor één op één begeleiding",
            "Lift",
            "Ruimte voor een time-out",
            "Prikkelarme werkplek of stilteruimte",
            "keuken",
            "praktijklokalen/-voorzieningen",
            "gymzaal",
            "theater"
        ]
    );
    assert!(rec.facilities.iter().all(|f| f.present == Some(true)));
    assert_eq!(notices_with(&rec, "pos-room-listed-twice", Some(("name", "keuken"))).len(), 1);
}

#[test]
fn seed_003_fixed_text_is_standard() {
    let rec = from_text(SEED);
    assert!(rec.boilerplate.len() >= 10);
    assert!(rec.boilerplate.iter().all(|b| b.standard), "{:?}", rec.boilerplate);
    assert_eq!(rec.boilerplate[0].section, "1. Inleiding");
    assert!(rec.boilerplate.last().is_some_and(|b| b.section.starts_with("5. Bijlage")));
}

// ---------------------------------------------------------------- variations

#[test]
fn changed_fixed_text_is_not_standard_and_kept() {
    let text = edit(
        "Dit document is tot stand gekomen op basis van een online vragenlijst. De school ",
        "Dit document is door de directie geschreven. De school ",
    );
    let rec = from_text(&text);
    let intro = rec.boilerplate.iter().find(|b| b.section == "1. Inleiding").expect("entry");
    assert!(!intro.standard);
    assert!(rec
        .unmapped
        .iter()
        .any(|u| u.heading.as_deref() == Some("1. Inleiding") && u.text.contains("door de directie geschreven")));
}

#[test]
fn fill_in_date_in_spring_belongs_to_the_running_school_year() {
    let rec = from_text(&edit("Invuldatum november 2023 ", "Invuldatum maart 2024 "));
    assert_eq!(rec.governance.filled_in.as_deref(), Some("2024-03"));
    assert_eq!(rec.school_year.as_deref(), Some("2023-2024"));
    let rec = from_text(&edit("Invuldatum november 2023 ", "Invuldatum 2 september 2024 "));
    assert_eq!(rec.governance.filled_in.as_deref(), Some("2024-09-02"));
    assert_eq!(rec.school_year.as_deref(), Some("2024-2025"));
}

#[test]
fn an_unreadable_fill_in_date_gives_no_school_year() {
    let rec = from_text(&edit("Invuldatum november 2023 ", "Invuldatum onbekend "));
    assert_eq!(rec.governance.filled_in, None);
    assert_eq!(rec.school_year, None);
    assert_eq!(notices_with(&rec, "pos-fill-in-date-unreadable", None).len(), 1);
}

#[test]
fn an_empty_answer_is_null_with_a_warning() {
    let text = edit("SWV Zuid Holland West  ", "");
    let rec = from_text(&text);
    assert_eq!(rec.school.swv, None);
    assert_eq!(rec.school.board.as_deref(), Some("Stichting Lucas Onderwijs"));
    assert_eq!(notices_with(&rec, "pos-general-no-answer", Some(("row", "Naam samenwerkingsverband"))).len(), 1);
}

#[test]
fn specialisms_follow_the_rows_added_removed_reordered_and_reworded() {
    let text = edit("Vertrouwenspersoon ", "Schoolpsycholoog ");
    let text = text.replacen("Decaan / loopbaanbegeleider ", "Decaan en loopbaanbegeleider ", 1);
    // Move "Adviseur passend onderwijs" to after "Orthopedagoog".
    let text = text.replacen("Adviseur passend onderwijs \n      \n\n", "", 1);
    let text = text.replacen(
        "Orthopedagoog \n",
        "Orthopedagoog \n      \n\nAdviseur passend onderwijs \n      \n\nTrainer rouwverwerking \n      \n\n",
        1,
    );
    let rec = from_text(&text);
    let keys: Vec<&str> = rec.expertise.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys.len(), 22);
    assert!(!keys.contains(&"vertrouwenspersoon"));
    assert!(keys.contains(&"schoolpsycholoog"));
    assert!(keys.contains(&"decaan_en_loopbaanbegeleider") && !keys.contains(&"decaan_loopbaanbegeleider"));
    let ortho = keys.iter().position(|k| *k == "orthopedagoog").expect("row");
    assert_eq!(keys[ortho + 1], "adviseur_passend_onderwijs");
    assert_eq!(keys[ortho + 2], "trainer_rouwverwerking");
    assert_eq!(keys[0], "aandacht_functionaris_huiselijk_geweld");
    assert_eq!(keys[2], "decaan_en_loopbaanbegeleider");
}

#[test]
fn a_wrapped_label_is_one_row() {
    let text = edit("Vertrouwenspersoon ", "Vertrouwenspersoon voor leerlingen \n\nen ouders ");
    let rec = from_text(&text);
    assert_eq!(rec.expertise.len(), 21);
    assert!(rec.expertise.iter().any(|e| e.label == "Vertrouwenspersoon voor leerlingen en ouders"));
}

#[test]
fn a_changed_score_moves_the_status_and_the_summary_disagrees() {
    let text = edit("Ver ontwikkeld ", "Nog niet ontwikkeld ");
    let rec = from_text(&text);
    assert_eq!(rec.hgw[13].status, Some(HgwStatus::NotStarted));
    assert_eq!(rec.hgw[13].raw.as_deref(), Some("Nog niet ontwikkeld"));
    let pct = notices_with(&rec, "pos-hgw-pct-mismatch", None);
    assert_eq!(pct.iter().filter(|n| n.params["score"] == "V" && n.params["given"] == 7).count(), 1, "{pct:?}");
    assert_eq!(pct.iter().filter(|n| n.params["score"] == "N" && n.params["given"] == 0).count(), 1, "{pct:?}");
}

#[test]
fn an_indicator_without_score_keeps_its_neighbours() {
    // Remove the score of the first indicator: its text ends a sentence and
    // the next indicator starts a new one.
    let text = SEED.replacen("hebben.  \nOntwikkeld \n", "hebben.  \n", 1);
    assert!(text != SEED);
    let rec = from_text(&text);
    assert_eq!(rec.hgw.len(), 14);
    assert_eq!(rec.hgw[0].status, None);
    assert_eq!(rec.hgw[0].raw, None);
    assert!(rec.hgw[1].label.starts_with("Onze leraren werken samen met ouders."));
    assert_eq!(rec.hgw[1].status, Some(HgwStatus::InPlace));
    assert_eq!(notices_with(&rec, "pos-hgw-no-score", Some(("indicator", "Onze leraren zijn zich bewust"))).len(), 1);
}

#[test]
fn a_new_limits_category_and_item() {
    let text = edit(
        "Lichamelijke situatie: ",
        "Thuissituatie: \n\nLeerlingen \n\n...die geen vaste woonplek hebben \n\nLichamelijke situatie: ",
    );
    let rec = from_text(&text);
    let items: Vec<&str> = rec
        .limits
        .items
        .iter()
        .filter(|i| i.category.as_deref() == Some("Thuissituatie"))
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(items, ["Leerlingen die geen vaste woonplek hebben"]);
    assert_eq!(rec.limits.items.len(), 28);
}

#[test]
fn meetings_per_year_follow_the_sentence() {
    let rec = from_text(&edit(
        "Ons ondersteuningsteam komt minimaal 7 keer per jaar bij elkaar. ",
        "Ons ondersteuningsteam komt minimaal 10 keer per jaar bij elkaar. ",
    ));
    assert_eq!(rec.support_structure.meetings_per_year, Some(10));
    let rec = from_text(&edit(
        "Ons ondersteuningsteam komt minimaal 7 keer per jaar bij elkaar. ",
        "Ons ondersteuningsteam komt elke maand bij elkaar. ",
    ));
    assert_eq!(rec.support_structure.meetings_per_year, None);
    assert_eq!(notices_with(&rec, "pos-meetings-unreadable", None).len(), 1);
    assert!(rec.unmapped.iter().any(|u| u.text == "Ons ondersteuningsteam komt elke maand bij elkaar."));
}

#[test]
fn other_spaces_are_listed_one_by_one() {
    let rec =
        from_text(&edit("keuken; praktijklokalen/-voorzieningen; keuken; gymzaal; theater  ", "aula, fietsenstalling"));
    let names: Vec<&str> = rec.facilities.iter().skip(4).map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["aula", "fietsenstalling"]);
}

#[test]
fn a_document_without_the_template_parts_warns_instead_of_guessing() {
    let rec = from_text("Zomaar een tekst\nzonder koppen\n");
    assert_eq!(rec.school.name, None);
    assert!(rec.expertise.is_empty() && rec.hgw.is_empty());
    assert!(!warnings_with(&rec, "2.1 Algemene gegevens").is_empty());
    assert!(rec.unmapped.iter().any(|u| u.text == "Zomaar een tekst zonder koppen"), "nothing is dropped");
}

// ---------------------------------------------------------------- sample 003 (PDF)

fn sample_003_pdf() -> Layout {
    let path = format!("{}/tests/data/003.pdf.layout.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("saved layout")).expect("a layout")
}

/// Which provider columns carry an icon, per row of §3.1-3.3, read from the
/// sample's HTML source (the ground truth the PDF was printed from).
fn marks_in_source() -> Vec<(String, Vec<Provider>)> {
    let html =
        std::fs::read_to_string(format!("{}/../../samples/src/003.html", env!("CARGO_MANIFEST_DIR"))).expect("source");
    let tr = regex::Regex::new(r"(?s)<tr>(.*?)</tr>").expect("regex");
    let td = regex::Regex::new(r"(?s)<td[^>]*>(.*?)</td>").expect("regex");
    let mut out = Vec::new();
    for section in html.split("<h2>").filter(|s| s.starts_with("3.1") || s.starts_with("3.2") || s.starts_with("3.3")) {
        for row in tr.captures_iter(section) {
            let cells: Vec<&str> = td.captures_iter(&row[1]).map(|c| c.get(1).map_or("", |m| m.as_str())).collect();
            if cells.len() != 4 {
                continue;
            }
            let providers = [Provider::School, Provider::Board, Provider::SwvOrThirdParty];
            let marked = cells[1..].iter().zip(providers).filter(|(c, _)| c.contains("<svg")).map(|(_, p)| p).collect();
            out.push((cells[0].to_string(), marked));
        }
    }
    out
}

#[test]
fn sample_003_pdf_icons_match_the_source() {
    let rec = record_of(&sample_003_pdf());
    let mut got: Vec<(String, Vec<Provider>)> =
        rec.expertise.iter().map(|e| (e.label.clone(), e.provided_by.clone().expect("readable"))).collect();
    got.extend(rec.offers.iter().map(|o| (o.name.clone(), o.provided_by.clone().expect("readable"))));
    let want = marks_in_source();
    assert_eq!(want.len(), 37);
    assert_eq!(got, want);
    assert!(rec.expertise.iter().all(|e| e.available == Some(!e.provided_by.as_ref().is_some_and(Vec::is_empty))));
    assert!(provider_unknown(&rec).is_empty(), "{:?}", rec.warnings);
}

#[test]
fn sample_003_pdf_reads_like_the_seed_where_the_text_is_the_same() {
    let pdf = record_of(&sample_003_pdf());
    let txt = from_text(SEED);
    assert_eq!(pdf.school, txt.school);
    assert_eq!(pdf.governance, txt.governance);
    assert_eq!(pdf.hgw, txt.hgw, "rows by the row gap and the score column");
    assert_eq!(pdf.hgw_summary, txt.hgw_summary);
    assert_eq!(pdf.limits, txt.limits);
    assert_eq!(pdf.protocols, txt.protocols);
    assert_eq!(pdf.facilities, txt.facilities);
    assert_eq!(pdf.partners, txt.partners);
    assert_eq!(pdf.support_structure.team, txt.support_structure.team);
    assert_eq!(pdf.support_structure.meetings_per_year, Some(7));
    assert!(pdf.boilerplate.iter().all(|b| b.standard), "{:?}", pdf.boilerplate);
    assert_eq!(pdf.provenance["/school/name"].page, Some(1));
}

// ---------------------------------------------------------------- icon columns (PDF)

fn run(text: &str, x: f32, y: f32) -> Run {
    Run { text: text.into(), x, y, width: text.chars().count() as f32 * 5.0, font_size: 10.0, confidence: None }
}

fn line(y: f32, cells: &[(&str, f32)]) -> Line {
    let runs: Vec<Run> = cells.iter().map(|(t, x)| run(t, *x, y)).collect();
    let text = cells.iter().map(|c| c.0).collect::<Vec<_>>().join(" ");
    Line { text, x: cells[0].1, y, runs }
}

/// An SVG icon as the extractor sees it: a circle and the tick inside it.
fn icon(cx: f32, cy: f32) -> Vec<Mark> {
    vec![
        Mark { kind: MarkKind::Shape, x: cx - 5.0, y: cy - 5.0, width: 10.0, height: 10.0, text: None },
        Mark { kind: MarkKind::Shape, x: cx - 3.0, y: cy - 2.5, width: 6.0, height: 5.0, text: None },
    ]
}

// Column centres: "Op de school" at 325, "Via het bestuur" at 405, "Via het SWV of derden" at 485.
const SCHOOL: f32 = 325.0;
const BOARD: f32 = 405.0;
const SWV: f32 = 485.0;

/// §3.1 with a header whose two right-hand cells wrap, and rows at 20 pt.
/// `rows`: (label lines, marked column centres).
fn specialisms_page(rows: &[(&[&str], &[f32])], legend_marks: bool) -> Layout {
    let mut lines = vec![
        line(40.0, &[("3. Ondersteuningsmogelijkheden van onze school", 50.0)]),
        line(60.0, &[("Legenda", 50.0)]),
        line(80.0, &[("Op de school aanwezig", 70.0)]),
        line(100.0, &[("3.1 Specialismen", 50.0)]),
        line(120.0, &[("Specialisten", 50.0), ("Op de school", 295.0), ("Via het", 387.0), ("Via het SWV of", 450.0)]),
        line(132.0, &[("bestuur", 387.0), ("derden", 470.0)]),
    ];
    let mut marks = Vec::new();
    if legend_marks {
        marks.extend(icon(55.0, 76.0));
    }
    let mut y = 152.0;
    for (label, cols) in rows {
        // Icons sit at the top of the cell, level with the first line.
        for cx in *cols {
            marks.extend(icon(*cx, y - 4.0));
        }
        for l in *label {
            lines.push(line(y, &[(l, 50.0)]));
            y += 12.0;
        }
        y += 8.0;
    }
    lines.push(line(y + 10.0, &[("3.2 Voorzieningen", 50.0)]));
    Layout {
        origin: Origin::Pdf,
        pages: vec![Page { number: 1, width: 595.0, height: 842.0, lines, marks, ocr: None }],
        removed_furniture: vec![],
        links: vec![],
        warnings: vec![],
        notices: vec![],
        tables: vec![],
    }
}

#[test]
fn icons_map_to_the_nearest_header_column_within_the_row_band() {
    let layout = specialisms_page(
        &[
            (&["Aandacht functionaris huiselijk geweld"], &[SCHOOL]),
            (&["Aandacht functionaris radicalisering"], &[BOARD]),
            (&["Expert op het gebied van psychische- en", "gedragsproblematiek"], &[BOARD, SWV]),
            (&["Kleine klas"], &[]),
            (&["Orthopedagoog"], &[SCHOOL, SWV]),
        ],
        true,
    );
    let rec = record_of(&layout);
    type Read<'r> = (&'r str, Option<bool>, Option<Vec<Provider>>);
    let got: Vec<Read<'_>> =
        rec.expertise.iter().map(|e| (e.label.as_str(), e.available, e.provided_by.clone())).collect();
    assert_eq!(
        got,
        vec![
            ("Aandacht functionaris huiselijk geweld", Some(true), Some(vec![Provider::School])),
            ("Aandacht functionaris radicalisering", Some(true), Some(vec![Provider::Board])),
            (
                "Expert op het gebied van psychische- en gedragsproblematiek",
                Some(true),
                Some(vec![Provider::Board, Provider::SwvOrThirdParty])
            ),
            ("Kleine klas", Some(false), Some(vec![])),
            ("Orthopedagoog", Some(true), Some(vec![Provider::School, Provider::SwvOrThirdParty])),
        ]
    );
    assert!(provider_unknown(&rec).is_empty(), "{:?}", rec.warnings);
    assert_eq!(rec.provenance["/expertise/2"].page, Some(1));
}

#[test]
fn icons_slightly_off_centre_still_find_their_column() {
    let layout =
        specialisms_page(&[(&["Gedragsspecialist"], &[SCHOOL + 14.0]), (&["NT2-docent"], &[SWV - 20.0])], false);
    let rec = record_of(&layout);
    assert_eq!(rec.expertise[0].provided_by, Some(vec![Provider::School]));
    assert_eq!(rec.expertise[1].provided_by, Some(vec![Provider::SwvOrThirdParty]));
}

#[test]
fn a_pdf_table_without_any_icon_is_unknown_not_false() {
    let layout = specialisms_page(&[(&["Gedragsspecialist"], &[]), (&["NT2-docent"], &[])], true);
    let rec = record_of(&layout);
    assert!(rec.expertise.iter().all(|e| e.available.is_none() && e.provided_by.is_none()));
    assert_eq!(notices_with(&rec, "pos-no-icons", Some(("table", "3.1 Specialismen"))).len(), 1);
}

#[test]
fn extraction_warnings_reach_the_record_of_every_family() {
    for seed in [crate::SEED_003, crate::SEED_000] {
        let mut layout = Layout::from_text(seed);
        layout.warnings.push("page 4 has no text layer (scanned?)".into());
        let rec = crate::record_of(&layout);
        assert!(rec.warnings.iter().any(|w| w == "page 4 has no text layer (scanned?)"), "{:?}", rec.template.family);
    }
}
