use std::path::Path;

use sop_archive::{identify, Error, Registry, SchoolId};
use sop_model::Address;

use crate::record;

const CSV: &str = "\u{feff}id,brin,name,aliases,url,email_domain\r\n\
de-vuurvlinder,12AB,OBS De Vuurvlinder,\"Vuurvlinder; De Vuurvlinder, locatie Noord\",https://www.vuurvlinder.nl/,vuurvlinder.nl\r\n\
het-baken,34cd,CBS Het Baken,Baken,,stichting-x.nl\r\n\
de-ark,,CBS De Ark,,,stichting-x.nl\r\n";

fn reg() -> Registry {
    Registry::parse_csv(CSV, Path::new("schools.csv")).unwrap()
}

#[test]
fn the_registry_is_read_with_quotes_and_aliases() {
    let r = reg();
    assert_eq!(r.entries.len(), 3);
    let v = &r.entries[0];
    assert_eq!(v.aliases, ["Vuurvlinder", "De Vuurvlinder, locatie Noord"]);
    assert_eq!(r.entries[1].brin.as_deref(), Some("34CD"));
    assert_eq!(r.entries[2].brin, None);
}

#[test]
fn ids_in_the_registry_cannot_escape_the_archive() {
    for bad in ["../../etc", "/abs", "a b", "..", "Upper"] {
        let csv = format!("id,name\n{bad},X\n");
        let err = Registry::parse_csv(&csv, Path::new("schools.csv")).unwrap_err();
        assert!(matches!(err, Error::BadRegistry { line: 2, .. }), "{bad}: {err}");
        assert!(err.to_string().contains("schools.csv"), "{err}");
    }
    let err = Registry::parse_csv("id,name\na,X\na,Y\n", Path::new("s.csv")).unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");
    assert!(Registry::parse_csv("naam\nx\n", Path::new("s.csv")).is_err());
}

#[test]
fn registry_matches_by_brin_name_alias_and_domain() {
    let r = reg();
    let mut rec = record("Iets anders", "2023-2024", b"x");
    rec.school.brin = Some("34cd".into());
    let id = identify(&rec, Some(&r), None).unwrap();
    assert_eq!(id.id.as_str(), "het-baken");
    assert!(id.how.contains("BRIN 34CD"), "{}", id.how);

    let rec = record("De Vuurvlinder, locatie Noord", "2023-2024", b"x");
    let id = identify(&rec, Some(&r), None).unwrap();
    assert_eq!(id.id.as_str(), "de-vuurvlinder");
    assert!(id.how.contains("name"), "{}", id.how);

    let mut rec = record("Onbekend", "2023-2024", b"x");
    rec.school.name = None;
    rec.school.website = Some("http://vuurvlinder.nl/sop".into());
    assert_eq!(identify(&rec, Some(&r), None).unwrap().id.as_str(), "de-vuurvlinder");
}

#[test]
fn a_shared_domain_is_not_guessed_between() {
    let r = reg();
    let mut rec = record("Een school", "2023-2024", b"x");
    rec.school.name = None;
    rec.school.email = Some("info@stichting-x.nl".into());
    let un = identify(&rec, Some(&r), None).unwrap_err();
    assert!(un.reason.contains("het-baken") && un.reason.contains("de-ark"), "{}", un.reason);
    // ... but the name narrows it down.
    rec.school.name = Some("CBS De Ark".into());
    assert_eq!(identify(&rec, Some(&r), None).unwrap().id.as_str(), "de-ark");
}

#[test]
fn unknown_or_conflicting_schools_are_unidentified() {
    let r = reg();
    let rec = record("Nergens", "2023-2024", b"x");
    let un = identify(&rec, Some(&r), None).unwrap_err();
    assert!(un.reason.contains("geen school in het register past"), "{}", un.reason);
    let mut rec = record("CBS Het Baken", "2023-2024", b"x");
    rec.school.brin = Some("12AB".into());
    let un = identify(&rec, Some(&r), None).unwrap_err();
    assert!(un.reason.contains("de-vuurvlinder") && un.reason.contains("het-baken"), "{}", un.reason);
}

#[test]
fn a_hint_wins_but_must_be_valid_and_known() {
    let r = reg();
    let rec = record("Nergens", "2023-2024", b"x");
    assert_eq!(identify(&rec, Some(&r), Some("de-ark")).unwrap().id.as_str(), "de-ark");
    assert!(identify(&rec, Some(&r), Some("onbekend")).is_err());
    assert!(identify(&rec, None, Some("../../x")).is_err());
    assert_eq!(identify(&rec, None, Some("zelf-gekozen")).unwrap().id, SchoolId::parse("zelf-gekozen").unwrap());
}

#[test]
fn without_a_registry_the_id_is_derived_and_escaped() {
    let mut rec = record("OBS De Vuurvlinder", "2023-2024", b"x");
    rec.school.address =
        Some(Address { street: None, postcode: None, city: Some("Den Haag".into()), raw: String::new() });
    let id = identify(&rec, None, None).unwrap();
    assert_eq!(id.id.as_str(), "obs-de-vuurvlinder-den-haag");
    assert!(id.how.contains("Den Haag"), "{}", id.how);

    let mut rec = record("../../../etc/passwd", "2023-2024", b"x");
    rec.school.email = Some("a@evil.example".into());
    let id = identify(&rec, None, None).unwrap();
    assert_eq!(id.id.as_str(), "etc-passwd-evil");

    let mut rec = record("x", "2023-2024", b"x");
    rec.school.name = None;
    assert!(identify(&rec, None, None).is_err());
    rec.school.name = Some("///".into());
    assert!(identify(&rec, None, None).is_err());
}
