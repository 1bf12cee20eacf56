//! Variations a school (or another extraction) makes of the seeds: the
//! record must follow the document, not the seed.

use sop_model::{HgwStatus, Involvement};

use crate::*;

fn replace(seed: &str, from: &str, to: &str) -> String {
    assert!(seed.contains(from), "the seed has {from:?}");
    seed.replacen(from, to, 1)
}

#[test]
fn reordered_partner_rows_keep_keys_and_marks() {
    let a = "Speciaal Basisonderwijs   x  \n\nSpeciaal Onderwijs   x  \n\nAdviseur passend onderwijs x    \n";
    let b = "Adviseur passend onderwijs x    \n\nSpeciaal Onderwijs   x  \n\nSpeciaal Basisonderwijs   x  \n";
    let r = record(&replace(SEED_000, a, b));
    let p: Vec<_> = r.partners.iter().take(3).map(|p| (p.key.as_str(), p.involvement)).collect();
    assert_eq!(
        p,
        [
            ("adviseur_passend_onderwijs", Some(Involvement::Structural)),
            ("speciaal_onderwijs", Some(Involvement::Incidental)),
            ("speciaal_basisonderwijs", Some(Involvement::Incidental)),
        ]
    );
}

#[test]
fn added_and_removed_expertise_rows() {
    let text = replace(SEED_002, "Expertise motoriek Ja Eén dag in de week.  \n", "Expertise dyslexie Ja 0,8 fte \n");
    let r = record(&text);
    assert!(!r.expertise.iter().any(|e| e.key == "motoriek"));
    let e = r.expertise.iter().find(|e| e.key == "expertise_dyslexie").expect("added row keeps its label as key");
    assert_eq!((e.available, e.fte, e.capacity.as_deref()), (Some(true), Some(0.8), Some("0,8 fte")));
    assert_eq!(r.expertise.len(), 12);
}

#[test]
fn reworded_labels_keep_standard_keys() {
    let text = replace(
        SEED_000,
        "Expertise rekenen en wiskunde Ja 4 \n",
        "Expertise rekenen en wiskunde (dyscalculie) Ja 4 \n",
    );
    let text = replace(
        &text,
        "Expertise gedrag Ja In takenpakket",
        "Expertise gedrag (SMW, gedragsspecialist) Ja In takenpakket",
    );
    let r = record(&text);
    assert_eq!(r.expertise[2].key, "rekenen_wiskunde");
    assert_eq!(r.expertise[2].label, "Expertise rekenen en wiskunde (dyscalculie)");
    assert_eq!(r.expertise[3].key, "gedrag");
}

#[test]
fn an_empty_cell_is_null_with_a_warning() {
    let r = record(&replace(SEED_000, "Expertise motoriek Ja 2 \n", "Expertise motoriek  \n"));
    let e = r.expertise.iter().find(|e| e.key == "motoriek").unwrap();
    assert_eq!((e.available, e.capacity.as_deref(), e.provided_by.as_ref()), (None, None, None));
    assert!(r.warnings.iter().any(|w| w.contains("Expertise motoriek")));
}

#[test]
fn another_revision_footer() {
    let text = format!("Model SchoolOndersteuningsProfiel 2021-2025 versie 1 augustus 2024   1 - 9. \n{SEED_000}");
    assert_eq!(record(&text).template.revision.as_deref(), Some("versie 1 augustus 2024"));
}

#[test]
fn a_wrapped_label_with_its_marks_on_the_next_line() {
    let text = replace(SEED_000, "Leerplichtambtenaar  x   \n", "Leerplichtambtenaar en \nhandhaving \n\n  x  \n");
    let r = record(&text);
    let p = r.partners.iter().find(|p| p.name.starts_with("Leerplicht")).unwrap();
    assert_eq!(
        (p.name.as_str(), p.key.as_str(), p.involvement),
        ("Leerplichtambtenaar en handhaving", "leerplichtambtenaar", Some(Involvement::Incidental))
    );
}

#[test]
fn marks_check_x_and_cross_mean_the_same() {
    for mark in ["X", "x", "✓", "✔"] {
        let text = replace(
            SEED_002,
            "3. Onderwijsbehoeften staan centraal. X   \n",
            &format!("3. Onderwijsbehoeften staan centraal.  {mark}  \n"),
        );
        let r = record(&text);
        assert_eq!(r.hgw[3].status, Some(HgwStatus::Developing), "{mark}");
        assert_eq!(r.hgw[3].raw.as_deref(), Some(mark));
    }
}

#[test]
fn naam_with_a_space_before_the_colon() {
    let text = replace(SEED_002, "School Naam: Basisschool Jeroen", "School Naam : Basisschool Jeroen");
    let text = replace(&text, "Telefoon: 070", "Telefoon : 070");
    let r = record(&text);
    assert_eq!(r.school.name.as_deref(), Some("Basisschool Jeroen"));
    assert_eq!(r.school.phone.as_deref(), Some("070 393 94 93"));
}

#[test]
fn words_in_the_facilities_table() {
    let text = replace(SEED_002, "Rolstoelvriendelijk X  \n", "Rolstoelvriendelijk  Ja gelijkvloers  \n");
    let text = replace(&text, "Lift X  \n", "Lift  nvt \n");
    let r = record(&text);
    let f = &r.facilities;
    assert_eq!((f[0].present, f[0].note.as_deref()), (Some(true), Some("gelijkvloers")));
    assert_eq!((f[8].key.as_str(), f[8].present, f[8].note.as_deref()), ("lift", Some(false), None));
}

#[test]
fn edited_fixed_text_is_not_standard_and_kept() {
    let text = replace(
        SEED_002,
        "Elke school ontvangt een geldbedrag ter versterking van de basisondersteuning inclusief interventies.",
        "Onze school krijgt van het samenwerkingsverband jaarlijks geld voor de zorg aan leerlingen.",
    );
    let r = record(&text);
    let b = r.boilerplate.iter().find(|b| b.section.starts_with("5.")).unwrap();
    assert!(!b.standard);
    assert!(r
        .unmapped
        .iter()
        .any(|u| u.heading.as_deref() == Some("5. Financiën basisondersteuning")
            && u.text.contains("Onze school krijgt")));
    assert_eq!(r.finance.amounts.len(), 1);
}

#[test]
fn school_text_under_a_fixed_section_is_unmapped_not_dropped() {
    let text = replace(
        SEED_002,
        "4. Zorgplicht \n",
        "4. Zorgplicht \nOnze school werkt samen met de buurtscholen bij aanmeldingen. \n\n",
    );
    let r = record(&text);
    assert!(r.boilerplate.iter().find(|b| b.section == "4. Zorgplicht").is_some_and(|b| !b.standard));
    assert!(r.unmapped.iter().any(|u| u.text.contains("buurtscholen")));
}
