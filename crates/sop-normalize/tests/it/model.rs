//! The Model parser on the seeds and on the samples' PDF layouts. Every
//! expected value here was checked against the seed text by hand.

use sop_model::{HgwStatus, Involvement, Record};

use crate::*;

fn hgw(r: &Record) -> Vec<(&str, Option<HgwStatus>)> {
    r.hgw.iter().map(|h| (h.key.as_str(), h.status)).collect()
}

#[test]
fn seed_000_general_data_and_governance() {
    let r = record(SEED_000);
    assert_eq!(r.school.name.as_deref(), Some("Diamant"));
    assert_eq!(r.school.location.as_deref(), Some("De Vuurvlinder"));
    assert_eq!(r.school.phone.as_deref(), Some("070 385 9839"));
    assert_eq!(r.school.email.as_deref(), Some("info@kcdiamant.nl"));
    assert_eq!(r.school.address.as_ref().unwrap().street.as_deref(), Some("Diamanthorst 181a"));
    assert_eq!(r.school.swv.as_deref(), Some("SPPOH"));
    assert_eq!(r.school_year.as_deref(), Some("2023-2024"));
    let g = &r.governance;
    assert_eq!(g.drafted.as_ref().unwrap().date.as_deref(), Some("2023-05-22"));
    assert_eq!(g.drafted.as_ref().unwrap().by.as_deref(), Some("directeur en team"));
    let d = g.director.as_ref().unwrap();
    assert_eq!((d.name.as_deref(), d.title.as_deref()), (Some("Femke Privé"), Some("Interim-directeur")));
    assert_eq!(g.mr_advice.as_ref().unwrap().date.as_deref(), Some("2023-12-12"));
    assert_eq!(g.mr_advice.as_ref().unwrap().chair.as_deref(), Some("Guideon Inocente"));
    let b = g.board_adoption.as_ref().unwrap();
    assert_eq!((b.date.as_deref(), b.chair.as_deref()), (None, Some("Ewald van Vliet")));
}

#[test]
fn seed_000_sections() {
    let r = record(SEED_000);
    assert!(r
        .vision
        .as_deref()
        .unwrap()
        .starts_with("Passend onderwijs is op verschillende wijze zichtbaar op Diamant."));
    assert!(!r.vision.as_deref().unwrap().contains("Beschrijf kort"));
    let levels: Vec<u32> = r.support_structure.levels.iter().map(|l| l.level).collect();
    assert_eq!(levels, [0, 1, 2, 3, 4, 5]);
    assert_eq!(r.support_structure.levels[0].text, "Het basisaanbod in de groep.");
    assert!(r.hgw.iter().all(|h| h.status == Some(HgwStatus::InPlace) && h.raw.as_deref() == Some("✓")));
    assert_eq!(r.hgw.len(), 8);
    assert_eq!(r.expertise.len(), 14);
    assert_eq!(r.expertise[0].hours, Some(20.0));
    assert_eq!(r.expertise[7].capacity.as_deref(), Some("2 + in takenpakket intern begeleider"));
    assert_eq!(r.expertise[7].hours, None);
    assert_eq!(r.expertise[10].available, Some(false));
    let p: Vec<_> = r.partners.iter().map(|p| (p.key.as_str(), p.involvement)).collect();
    assert_eq!(p[0], ("speciaal_basisonderwijs", Some(Involvement::Incidental)));
    assert_eq!(p[5], ("jeugdgezondheidszorg", Some(Involvement::Regular)));
    assert_eq!(p[10], ("fysiotherapie", Some(Involvement::Incidental)));
    assert_eq!(p[11], ("jeugdhulppartners", Some(Involvement::Regular)));
    assert_eq!(r.partners.len(), 14);
    assert_eq!(r.offers.len(), 4);
    assert_eq!(r.offers[1].timing.as_deref(), Some("Vaste periodes aangegeven door PFS, voorjaar of najaar"));
    let f: Vec<_> = r.facilities.iter().map(|f| f.present).collect();
    assert_eq!(
        f,
        [
            Some(false),
            Some(true),
            Some(false),
            Some(false),
            Some(true),
            Some(true),
            Some(false),
            Some(true),
            Some(false)
        ]
    );
    assert_eq!(r.facilities[7].note.as_deref(), Some("Wij werken met time-in binnen het domein"));
    assert!(r.extra_support.as_deref().unwrap().starts_with("Nieuwkomersleerlingen"));
    assert!(r.limits.text.as_deref().unwrap().starts_with("Wij streven er naar"));
    assert_eq!(r.limits.items[0].text, "Verstoring van rust en veiligheid.");
    assert_eq!(r.finance.text, None);
    assert_eq!(
        (r.evaluation.text.as_deref(), r.evaluation.date.as_deref()),
        (Some("op 19-5-2024"), Some("2024-05-19"))
    );
    assert!(r.boilerplate.iter().all(|b| b.standard), "{:?}", r.boilerplate);
    assert!(r.unmapped.is_empty(), "{:?}", r.unmapped);
}

#[test]
fn seed_001_lacks_its_first_page() {
    let r = record(SEED_001);
    assert_eq!(r.school.name, None);
    assert_eq!(r.school_year, None);
    assert!(r.notices.iter().any(|n| n.code == "model-first-page-missing"), "{:?}", r.notices);
    assert_eq!(r.template.revision.as_deref(), Some("versie 15 maart 2021"));
    assert!(r.vision.as_deref().unwrap().starts_with("Het bieden van goede zorg"));
    // Row 3 is marked Op orde and In ontwikkeling: the lower status, with a warning.
    let h = hgw(&r);
    assert_eq!(h[0], ("actuele_werkwijze", None));
    assert_eq!(h[1], ("doelgericht_werken", Some(HgwStatus::InPlace)));
    assert_eq!(h[3], ("onderwijsbehoeften_centraal", Some(HgwStatus::Developing)));
    assert!(r.notices.iter().any(|n| n.code == "model-hgw-marked-twice"
        && n.params["row"].as_str().unwrap().contains("Onderwijsbehoeften staan centraal")
        && n.params["columns"] == 2));
    assert!(r.hgw[1].note.as_deref().unwrap().starts_with("Het onderdeel doelgericht werken"));
    assert!(r.hgw[7]
        .note
        .as_deref()
        .unwrap()
        .ends_with("In de gesprekken die we voeren stellen we het kind centraal."));
    assert!(r.expertise.iter().all(|e| e.capacity.is_none()));
    assert_eq!(r.expertise.last().unwrap().key, "expertise_trauma_sensitief_lesgeven");
    assert!(r.partners.iter().all(|p| p.involvement == Some(Involvement::Structural)));
    let f: Vec<_> = r.facilities.iter().map(|f| (f.key.as_str(), f.present, f.note.as_deref())).collect();
    assert_eq!(f[0], ("rolstoelvriendelijk", Some(true), Some("gelijkvloers")));
    assert_eq!(f[1], ("invalidetoilet", Some(false), None));
    assert_eq!(f[6], ("verzorgingsruimte", Some(true), Some("badkamer")));
    assert_eq!(f[9], ("ouderkamer", Some(true), None));
    let a: Vec<_> = r.finance.amounts.iter().map(|a| (a.eur, a.raw.as_str(), a.period.as_deref())).collect();
    assert_eq!(a, [(32000.0, "32.000 euro", Some("2023")), (8500.0, "€ 8.500", None), (106.0, "€ 106", None)]);
    assert_eq!(r.evaluation.date.as_deref(), Some("2023-09"));
    let levels: Vec<u32> = r.support_structure.levels.iter().map(|l| l.level).collect();
    assert_eq!(levels, [1, 2, 3, 4, 5]);
}

#[test]
fn seed_002_general_data_finance_and_evaluation() {
    let r = record(SEED_002);
    assert_eq!(r.school.name.as_deref(), Some("Basisschool Jeroen"));
    assert_eq!(r.school.sector, Some(sop_model::Sector::Po));
    assert_eq!(r.school.location, None);
    let a = r.school.address.as_ref().unwrap();
    assert_eq!(
        (a.street.as_deref(), a.postcode.as_deref(), a.city.as_deref()),
        (Some("Guido Gezellestraat 51"), Some("2524 CK"), Some("Den Haag"))
    );
    assert_eq!(r.school.website.as_deref(), Some("https://www.basisschooljeroen.nl/"));
    let d = r.governance.director.as_ref().unwrap();
    assert_eq!((d.name.as_deref(), d.title.as_deref()), (Some("Gerard van Vliet"), Some("Directeur")));
    assert_eq!(r.governance.drafted.as_ref().unwrap().date, None);
    assert_eq!(r.governance.board_adoption.as_ref().unwrap().chair, None);
    assert_eq!(r.finance.amounts.len(), 1);
    assert_eq!((r.finance.amounts[0].eur, r.finance.amounts[0].period.as_deref()), (46130.0, Some("2023")));
    assert_eq!(r.evaluation.text.as_deref(), Some("op 4 keer per jaar samen met een externe deskundige"));
    assert_eq!(r.evaluation.date, None);
    assert!(r.hgw[1..].iter().all(|h| h.status == Some(HgwStatus::InPlace)));
    assert_eq!(r.expertise[5].capacity.as_deref(), Some("Expertise begaafdheid gehele week in diverse groepen. Wanneer expertise over hoogbegaafdheid nodig is, nemen we contact op met het Bazalt."));
    assert_eq!(r.partners[6].involvement, Some(Involvement::Regular));
    assert_eq!(r.partners[7].involvement, Some(Involvement::Incidental));
}

/// The `.txt` and the PDF of the same document give the same record apart
/// from source, provenance, detection details, and what the text lost.
#[test]
fn txt_and_pdf_give_the_same_record() {
    let cases: [(&str, &str, &[&str]); 3] = [
        ("000", SEED_000, &["warnings"]),
        // The PDF extractor drops the hyphen of "sociaal-emotioneel" at a line end.
        ("001", SEED_001, &["warnings", "support_structure"]),
        // Text loses which paragraphs of "Extra aanbod" share a cell.
        ("002", SEED_002, &["warnings", "offers", "unmapped"]),
    ];
    for (n, seed, lost) in cases {
        let mut a = serde_json::to_value(record(seed)).unwrap();
        let mut b = serde_json::to_value(record_of(&pdf_layout(n))).unwrap();
        for v in [&mut a, &mut b] {
            let o = v.as_object_mut().unwrap();
            for k in ["source", "provenance", "template"].iter().chain(lost) {
                o.remove(*k);
            }
            // The codes of the warnings go with them.
            if lost.contains(&"warnings") {
                o.remove("notices");
            }
        }
        assert_eq!(a, b, "sample {n}");
    }
}

#[test]
fn every_row_and_field_has_provenance() {
    for r in [record(SEED_000), record(SEED_002), record_of(&pdf_layout("000"))] {
        for (list, n) in [
            ("hgw", r.hgw.len()),
            ("expertise", r.expertise.len()),
            ("partners", r.partners.len()),
            ("offers", r.offers.len()),
            ("facilities", r.facilities.len()),
        ] {
            for i in 0..n {
                assert!(r.provenance.contains_key(&format!("/{list}/{i}")), "/{list}/{i}");
            }
        }
        for p in ["/school/name", "/vision", "/governance/director", "/school_year", "/evaluation/text"] {
            assert!(r.provenance.contains_key(p), "{p}");
        }
    }
    let pdf = record_of(&pdf_layout("000"));
    assert_eq!(pdf.provenance["/school/name"].page, Some(1));
}
