//! The template families, described once: what every stage that is not the
//! family's parser needs to know of one.
//!
//! A family's parser lives in `sop-normalize` (one module behind its
//! `TemplateFamily` trait); everything else a reader of records needs — the
//! diff, the overview, the run report — reads the family's [`Family`] here,
//! found by the id a record carries in `template.family` ([`find`]). None of
//! them names a family id itself.
//!
//! Adding a family: one `const` [`Family`] here and its line in [`FAMILIES`],
//! plus the parser module and its line in `sop_normalize::FAMILIES`.

use crate::HgwStatus;

/// One template family.
#[derive(Debug, PartialEq, Eq)]
pub struct Family {
    /// The id stored in `template.family`, e.g. `"sppoh-model-2021-2025"`.
    pub id: &'static str,
    /// The template's own name, as the diff names it:
    /// "Model SchoolOndersteuningsProfiel 2021-2025".
    pub name: &'static str,
    /// Who uses it, said in parentheses where families are listed side by
    /// side: "SPPOH", "VO".
    pub users: &'static str,
    /// [`Family::name`] with [`Family::users`], for messages about detection:
    /// "Model SchoolOndersteuningsProfiel 2021-2025 (SPPOH)".
    pub name_with_users: &'static str,
    /// A short name for tables (the overview): "Model SOP 2021-2025".
    pub short_name: &'static str,
    /// Fields (`field`) and members of object fields (`field.member`) of
    /// `sop/1` this template has no place for: its records never fill them.
    /// A diff across a template switch does not compare them.
    pub never_fills: &'static [&'static str],
    /// Attributes of rows (`field.attribute`) a reader of this family's rows
    /// does not need shown: never filled, or derived from another attribute
    /// (the Model's `expertise.provided_by` from Ja/Nee).
    pub quiet_row_attributes: &'static [&'static str],
    /// The template's words for the HGW statuses, as it prints them (the
    /// Model's column headers, PoS's scores), in the template's order.
    pub hgw_words: &'static [(&'static str, HgwStatus)],
    /// What an absent building facility is, in the template's terms: the
    /// Model's column "Niet van toepassing", or simply not listed (PoS).
    pub facility_absent: &'static str,
}

/// The HGW statuses in words, for a family that has no word of its own for
/// one (the Model has no "advanced") and for a family id that is not known.
pub const HGW_WORDS_DEFAULT: &[(&str, HgwStatus)] = &[
    ("Op orde", HgwStatus::InPlace),
    ("In ontwikkeling", HgwStatus::Developing),
    ("Nog op te starten", HgwStatus::NotStarted),
    ("Ver ontwikkeld", HgwStatus::Advanced),
];

/// The SPPOH "Model SchoolOndersteuningsProfiel 2021-2025" (primary and
/// special schools in Haaglanden).
pub const SPPOH_MODEL: Family = Family {
    id: "sppoh-model-2021-2025",
    name: "Model SchoolOndersteuningsProfiel 2021-2025",
    users: "SPPOH",
    name_with_users: "Model SchoolOndersteuningsProfiel 2021-2025 (SPPOH)",
    short_name: "Model SOP 2021-2025",
    never_fills: &[
        "vision_context",
        "hgw_summary",
        "protocols",
        "school.levels_lower",
        "school.levels_upper",
        "governance.filled_in",
    ],
    quiet_row_attributes: &["expertise.provided_by", "offers.provided_by", "offers.kind"],
    hgw_words: &[
        ("Op orde", HgwStatus::InPlace),
        ("In ontwikkeling", HgwStatus::Developing),
        ("Nog op te starten", HgwStatus::NotStarted),
    ],
    facility_absent: "niet van toepassing",
};

/// The "Perspectief op School" report (secondary schools).
pub const PERSPECTIEF_OP_SCHOOL: Family = Family {
    id: "perspectief-op-school-vo",
    name: "Perspectief op School",
    users: "VO",
    name_with_users: "Perspectief op School (VO)",
    short_name: "Perspectief op School",
    never_fills: &[
        "extra_support",
        "finance",
        "evaluation",
        "governance.drafted",
        "governance.director",
        "governance.mr_advice",
        "governance.board_adoption",
    ],
    quiet_row_attributes: &["expertise.available", "expertise.capacity", "offers.timing"],
    hgw_words: &[
        ("Nog niet ontwikkeld", HgwStatus::NotStarted),
        ("In ontwikkeling", HgwStatus::Developing),
        ("Ontwikkeld", HgwStatus::InPlace),
        ("Ver ontwikkeld", HgwStatus::Advanced),
    ],
    facility_absent: "niet aanwezig",
};

/// A made-up third template, for the tests that show a family is one parser
/// module plus this descriptor (`sop_normalize`'s `voorbeeld` module reads
/// it). Compiled only with the `test-family` feature.
#[cfg(feature = "test-family")]
pub const VOORBEELD: Family = Family {
    id: "voorbeeld-test",
    name: "Voorbeeldprofiel",
    users: "test",
    name_with_users: "Voorbeeldprofiel (test)",
    short_name: "Voorbeeld",
    never_fills: &[
        "vision_context",
        "hgw_summary",
        "protocols",
        "extra_support",
        "finance",
        "evaluation",
        "governance.drafted",
        "governance.director",
        "governance.mr_advice",
        "governance.board_adoption",
        "governance.filled_in",
    ],
    quiet_row_attributes: &["expertise.provided_by", "expertise.capacity"],
    hgw_words: &[
        ("Gestart", HgwStatus::Developing),
        ("Klaar", HgwStatus::InPlace),
        ("Niet begonnen", HgwStatus::NotStarted),
    ],
    facility_absent: "ontbreekt",
};

/// Every known family.
#[cfg(not(feature = "test-family"))]
pub static FAMILIES: &[&Family] = &[&SPPOH_MODEL, &PERSPECTIEF_OP_SCHOOL];
/// Every known family.
#[cfg(feature = "test-family")]
pub static FAMILIES: &[&Family] = &[&SPPOH_MODEL, &PERSPECTIEF_OP_SCHOOL, &VOORBEELD];

/// The family of an id, if it is known.
pub fn find(id: &str) -> Option<&'static Family> {
    FAMILIES.iter().copied().find(|f| f.id == id)
}

/// The template's own name of a family id; an unknown id as it is.
pub fn name_of(id: &str) -> &str {
    find(id).map_or(id, |f| f.name)
}

impl Family {
    /// Whether this template has no place for `path` (`field` or
    /// `field.member`), so that its records never fill it.
    pub fn never_fills(&self, path: &str) -> bool {
        self.never_fills.contains(&path)
    }

    /// The short name with its users: "Model SOP 2021-2025 (SPPOH)".
    pub fn short_name_with_users(&self) -> String {
        format!("{} ({})", self.short_name, self.users)
    }

    /// Whether the attribute `attr` of rows of `field` is left out when a row
    /// of this family is shown (see [`Family::quiet_row_attributes`]).
    pub fn quiet_row_attribute(&self, field: &str, attr: &str) -> bool {
        self.quiet_row_attributes.iter().any(|p| p.split_once('.') == Some((field, attr)))
    }

    /// The status of an HGW word of this template ("Ontwikkeld", any case).
    pub fn hgw_status_of(&self, word: &str) -> Option<HgwStatus> {
        self.hgw_words.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|(_, s)| *s)
    }

    /// The template's words for the HGW statuses, in its order.
    pub fn hgw_columns(&self) -> Vec<&'static str> {
        self.hgw_words.iter().map(|(w, _)| *w).collect()
    }
}

/// An HGW status in the words of the family it came from, lowercase
/// ("op orde", "ontwikkeld"); a status the family has no word for, or an
/// unknown family, in the default words.
pub fn hgw_word(family: Option<&Family>, status: HgwStatus) -> String {
    let own = family.and_then(|f| f.hgw_words.iter().find(|(_, s)| *s == status));
    let (word, _) =
        own.or_else(|| HGW_WORDS_DEFAULT.iter().find(|(_, s)| *s == status)).expect("every status has a word");
    word.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        for f in FAMILIES {
            assert_eq!(find(f.id), Some(*f));
            assert_eq!(FAMILIES.iter().filter(|g| g.id == f.id).count(), 1);
        }
        assert_eq!(find("onbekend-sjabloon"), None);
        assert_eq!(name_of("onbekend-sjabloon"), "onbekend-sjabloon");
    }

    #[test]
    fn every_status_has_a_word_in_every_family() {
        let all = [HgwStatus::NotStarted, HgwStatus::Developing, HgwStatus::InPlace, HgwStatus::Advanced];
        for f in FAMILIES.iter().copied().map(Some).chain([None]) {
            for s in all {
                assert!(!hgw_word(f, s).is_empty());
            }
        }
        assert_eq!(hgw_word(Some(&SPPOH_MODEL), HgwStatus::InPlace), "op orde");
        assert_eq!(hgw_word(Some(&PERSPECTIEF_OP_SCHOOL), HgwStatus::InPlace), "ontwikkeld");
        assert_eq!(hgw_word(Some(&SPPOH_MODEL), HgwStatus::Advanced), "ver ontwikkeld");
        assert_eq!(PERSPECTIEF_OP_SCHOOL.hgw_status_of("ver ontwikkeld"), Some(HgwStatus::Advanced));
    }

    #[test]
    fn quiet_attributes_are_per_field() {
        assert!(SPPOH_MODEL.quiet_row_attribute("offers", "kind"));
        assert!(!SPPOH_MODEL.quiet_row_attribute("partners", "kind"));
    }
}
