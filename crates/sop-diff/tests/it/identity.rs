//! Same school or not (see `sop_diff::same_school`).

use sop_diff::{check_same_school, same_school, IdKind, Verdict};

use crate::fixture;

#[test]
fn same_name_is_the_same_school_whatever_its_spelling() {
    let a = fixture("model_2023.json");
    let mut b = a.clone();
    b.school.name = Some("Basisschool  DIAMANT".into());
    b.school.email = None;
    let s = same_school(&a, &b);
    assert_eq!((s.verdict, s.by.clone()), (Verdict::Same, vec![IdKind::Name]));
}

#[test]
fn a_renamed_school_is_recognised_by_its_email_domain() {
    let a = fixture("model_2023.json");
    let mut b = a.clone();
    b.school.name = Some("Kindcentrum Diamanthorst".into());
    b.school.email = Some("directie@kcdiamant.nl".into());
    assert_eq!(same_school(&a, &b).by, vec![IdKind::EmailDomain]);
}

#[test]
fn different_names_and_domains_are_different_schools() {
    let a = fixture("model_2023.json");
    let b = fixture("pos_2023.json");
    let s = same_school(&a, &b);
    assert_eq!(s.verdict, Verdict::Different);
    assert!(s.reason.contains("Diamant") && s.reason.contains("Het Lyceum"), "{}", s.reason);
    let err = check_same_school(&a, &b).expect_err("different");
    assert!(err.to_string().starts_with("niet dezelfde school: "), "{err}");
}

#[test]
fn brin_decides_alone_when_both_give_it() {
    let mut a = fixture("model_2023.json");
    let mut b = a.clone();
    a.school.brin = Some("12AB".into());
    b.school.brin = Some("34CD".into());
    assert_eq!(same_school(&a, &b).verdict, Verdict::Different, "same name, other BRIN: two schools");
    b.school.brin = Some("12ab".into());
    b.school.name = Some("Iets heel anders".into());
    assert_eq!(same_school(&a, &b).by, vec![IdKind::Brin]);
}

#[test]
fn a_record_without_identifiers_cannot_be_proven_different() {
    // Seed 001 lacks its first page: no name, no e-mail.
    let a = fixture("model_2023.json");
    let mut b = a.clone();
    b.school.name = None;
    b.school.email = None;
    let s = same_school(&a, &b);
    assert_eq!(s.verdict, Verdict::Unproven);
    assert!(check_same_school(&a, &b).is_ok());
}
