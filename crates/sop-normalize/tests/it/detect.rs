use sop_model::Layout;
use sop_normalize::{detect, Detection};

use crate::*;

fn family(text: &str) -> Detection {
    detect(&Layout::from_text(text))
}

#[test]
fn seeds_are_the_model_with_their_footer_revision() {
    for (seed, rev) in [(SEED_000, None), (SEED_001, Some("versie 15 maart 2021")), (SEED_002, Some("augustus 2023"))] {
        match family(seed) {
            Detection::Recognised(t) => {
                assert_eq!(t.family, "sppoh-model-2021-2025");
                assert_eq!(t.revision.as_deref(), rev);
                assert!(t.confidence >= 0.85 && !t.evidence.is_empty(), "{}", t.confidence);
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn pdf_layouts_are_the_model() {
    for n in ["000", "001", "002"] {
        assert!(
            matches!(detect(&pdf_layout(n)), Detection::Recognised(t) if t.family == "sppoh-model-2021-2025"),
            "{n}"
        );
    }
}

#[test]
fn the_pos_seed_is_not_the_model() {
    assert!(matches!(family(SEED_003), Detection::Recognised(t) if t.family != "sppoh-model-2021-2025"));
}

#[test]
fn partial_documents_still_detect() {
    // Only §3 to §6 of seed 000: the second half of the document.
    let at = SEED_000.find("3. Extra ondersteuning").unwrap();
    let tail = &SEED_000[SEED_000.find("Extra expertise binnen het team").unwrap()..];
    assert!(matches!(family(tail), Detection::Recognised(_)), "{:?}", family(tail));
    assert!(at > 0);
}

#[test]
fn a_text_about_passend_onderwijs_is_not_an_sop() {
    let text =
        "Passend onderwijs in de regio\n\nSinds 2014 hebben schoolbesturen zorgplicht. Het samenwerkingsverband \
        zorgt voor extra ondersteuning. Handelingsgericht werken is belangrijk.\nExtra ondersteuning\nScholen bieden \
        basisondersteuning en soms extra ondersteuning via een arrangement.\nZorgplicht\nOuders melden hun kind aan.\n";
    assert!(matches!(family(text), Detection::NotAnSop { .. }), "{:?}", family(text));
}

#[test]
fn another_swv_profile_is_an_unrecognised_template() {
    let text = "Schoolondersteuningsprofiel 2024 Samenwerkingsverband Elders\n\nBasisondersteuning\nOnze school biedt \
        basisondersteuning.\nExtra ondersteuning\nWij bieden extra ondersteuning.\nGrenzen aan de ondersteuning\nGeen.\n\
        Ondersteuningsstructuur\nDe intern begeleider.\nZorgplicht\nTekst.\n";
    match family(text) {
        Detection::Unrecognised { closest, .. } => assert!(!closest.is_empty()),
        other => panic!("{other:?}"),
    }
}
