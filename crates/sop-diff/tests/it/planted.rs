//! The fixture pairs plant known changes next to changes that are not
//! content (re-flow, reordering, provenance, warnings, source, confidence):
//! the diff must find every planted change and nothing else.

use serde_json::json;
use sop_diff::ChangeKind::{Added, Changed, Removed};
use sop_diff::{diff, ChangeKind, Verdict};

use crate::{brief, fixture};

fn expect(list: &[(&str, Option<&str>, &str, ChangeKind)]) -> Vec<(String, Option<String>, String, ChangeKind)> {
    list.iter().map(|(f, k, l, c)| (f.to_string(), k.map(str::to_string), l.to_string(), *c)).collect()
}

#[test]
fn model_next_year_finds_exactly_the_planted_changes() {
    let d = diff(&fixture("model_2023.json"), &fixture("model_2024.json"));
    let got: Vec<_> = d.changes.iter().map(brief).collect();
    assert_eq!(
        got,
        expect(&[
            ("school_year", None, "Schooljaar", Changed),
            ("governance", Some("board_adoption"), "Vastgesteld door bestuur", Changed),
            ("governance", Some("valid_for"), "Opgesteld voor schooljaar", Changed),
            ("vision", None, "Visie op passend onderwijs", Changed),
            ("hgw", Some("systematisch"), "2. De werkwijze is systematisch, in stappen en transparant.", Changed),
            ("expertise", Some("motoriek"), "Expertise motoriek", Changed),
            ("expertise", Some("tweede_taal_nt2"), "Expertise tweede taal/NT2", Added),
            ("expertise", Some("faalangst"), "Expertise faalangst", Removed),
            ("partners", Some("logopedie"), "Logopedie", Changed),
            ("facilities", Some("therapieruimte"), "Therapieruimte", Changed),
            ("ambitions", None, "Ambitie", Added),
            ("finance", Some("amounts"), "Bedrag basisondersteuning", Changed),
        ])
    );
    assert_eq!(d.schema, "sop-diff/1");
    assert_eq!(d.same_school.verdict, Verdict::Same);
    assert_eq!((d.summary.added, d.summary.removed, d.summary.changed), (2, 1, 9));
    assert_eq!(d.summary.fields["expertise"].added, 1);
    assert_eq!(d.from.school_year.as_deref(), Some("2023-2024"));
    assert_eq!(d.to.school_year.as_deref(), Some("2024-2025"));
    assert_eq!(d.to.sha256, "b".repeat(64));

    let motoriek = &d.changes[5];
    assert_eq!(motoriek.old["available"], json!(true));
    assert_eq!(motoriek.new["available"], json!(false));
    let amount = &d.changes[11];
    assert_eq!((amount.old["eur"].as_f64(), amount.new["eur"].as_f64()), (Some(32000.0), Some(33500.0)));
}

#[test]
fn edited_free_text_carries_similarity_and_word_hunks() {
    let d = diff(&fixture("model_2023.json"), &fixture("model_2024.json"));
    let vision = d.changes.iter().find(|c| c.field == "vision").expect("vision changed");
    let s = vision.similarity.expect("similarity");
    assert!(s > 0.9 && s < 1.0, "{s}");
    let hunks = vision.hunks.as_ref().expect("hunks");
    let inserted: Vec<&str> =
        hunks.iter().filter(|h| h.op == sop_diff::HunkOp::Insert).map(|h| h.text.as_str()).collect();
    let deleted = hunks.iter().filter(|h| h.op == sop_diff::HunkOp::Delete).count();
    assert_eq!(inserted, vec!["ouders en verzorgers."]);
    // "ouders." lost its full stop: that word is deleted and re-inserted.
    assert_eq!(deleted, 1);
    // The line-end hyphenation of "ver-\nschillende" is repaired in the hunks.
    assert!(hunks[0].text.starts_with("Passend onderwijs is op verschillende wijze"));
}

#[test]
fn pos_next_year_finds_exactly_the_planted_changes() {
    let d = diff(&fixture("pos_2023.json"), &fixture("pos_2024.json"));
    let got: Vec<_> = d.changes.iter().map(brief).collect();
    assert_eq!(
        got,
        expect(&[
            ("school_year", None, "Schooljaar", Changed),
            ("governance", Some("filled_in"), "Invuldatum", Changed),
            ("support_structure", Some("team"), "Lid ondersteuningsteam", Added),
            ("support_structure", Some("team"), "Lid ondersteuningsteam", Removed),
            ("protocols", Some("dyslexieprotocol"), "Dyslexieprotocol", Changed),
            ("limits", Some("items"), "Lichamelijke situatie", Changed),
            ("ambitions", None, "Ambitie", Changed),
            ("boilerplate", Some("1_inleiding"), "1. Inleiding", Changed),
            ("unmapped", None, "1. Inleiding", Added),
        ])
    );
    assert_eq!(d.changes[2].new, json!("Orthopedagoog"));
    assert_eq!(d.changes[3].old, json!("Schoolmaatschappelijk werker"));
    let ambition = &d.changes[6];
    assert_eq!(ambition.old, json!("Het versterken van de mentorrol."));
    assert!(ambition.similarity.is_some_and(|s| (0.5..1.0).contains(&s)));
}

#[test]
fn reordered_rows_are_no_change() {
    let old = fixture("model_2023.json");
    let mut new = old.clone();
    new.expertise.reverse();
    new.partners.rotate_left(1);
    new.facilities.swap(0, 3);
    new.hgw.reverse();
    new.support_structure.levels.reverse();
    new.limits.items.reverse();
    assert!(!diff(&old, &new).has_changes(), "{:#?}", diff(&old, &new).changes);
}

#[test]
fn what_is_not_school_content_is_never_compared() {
    let old = fixture("model_2023.json");
    let mut new = old.clone();
    new.provenance.clear();
    new.warnings = vec!["something else".into(), "and more".into()];
    new.source.sha256 = "f".repeat(64);
    new.source.filename = "other.pdf".into();
    new.template.confidence = 0.5;
    new.template.evidence = vec![];
    new.unmapped.iter_mut().for_each(|u| u.page = Some(99));
    let d = diff(&old, &new);
    assert!(!d.has_changes(), "{:#?}", d.changes);
}

#[test]
fn a_template_revision_change_is_one_scalar_change() {
    let old = fixture("model_2023.json");
    let mut new = old.clone();
    new.template.revision = Some("augustus 2023".into());
    let d = diff(&old, &new);
    let got: Vec<_> = d.changes.iter().map(brief).collect();
    assert_eq!(got, expect(&[("template", None, "Sjabloon", Changed)]));
    assert_eq!(d.changes[0].new, json!({ "family": "sppoh-model-2021-2025", "revision": "augustus 2023" }));
}

#[test]
fn an_unedited_fixed_text_is_not_reported_and_an_edited_one_is() {
    let old = fixture("model_2023.json");
    let mut new = old.clone();
    new.boilerplate.pop();
    assert!(!diff(&old, &new).has_changes(), "a standard section only one side lists is no change");
    new.boilerplate.push(sop_model::Boilerplate { section: "4. Zorgplicht".into(), standard: false });
    let got: Vec<_> = diff(&old, &new).changes.iter().map(brief).collect();
    assert_eq!(got, expect(&[("boilerplate", Some("4_zorgplicht"), "4. Zorgplicht", Changed)]));
}

#[test]
fn scalars_ignore_spelling_of_phone_email_and_dates() {
    let old = fixture("model_2023.json");
    let mut new = old.clone();
    new.school.phone = Some("070-3859839".into());
    new.school.email = Some("Info@KCDiamant.nl".into());
    if let Some(mr) = new.governance.mr_advice.as_mut() {
        mr.raw = Some("12 december 2023".into());
    }
    assert!(!diff(&old, &new).has_changes(), "{:#?}", diff(&old, &new).changes);
    new.school.phone = Some("070 385 9840".into());
    new.school.email = None;
    let got: Vec<_> = diff(&old, &new).changes.iter().map(brief).collect();
    assert_eq!(
        got,
        expect(&[("school", Some("phone"), "Telefoon", Changed), ("school", Some("email"), "E-mail", Removed)])
    );
}
