//! Are two records of one school?
//!
//! The identifiers, strongest first: BRIN (the registry code), the school's
//! name (normalised: case, diacritics, punctuation and words such as
//! "basisschool" ignored), the domain of its e-mail address.
//!
//! - BRIN known on both sides decides alone: two schools can share a name
//!   ("De Regenboog") but never a BRIN.
//! - Otherwise any identifier known on both sides that agrees makes them the
//!   same school (a renamed school keeps its e-mail domain).
//! - They are *different* only when at least one identifier is known on both
//!   sides and none agrees.
//! - When no identifier is known on both sides (seed 001 lacks its first page,
//!   so its name is null) they cannot be proven different: the verdict is
//!   `unproven` and the diff goes ahead; the report says so.

use serde::{Deserialize, Serialize};
use sop_model::text::{self, slug};
use sop_model::Record;

use crate::DiffError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    Brin,
    Name,
    EmailDomain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Same,
    Unproven,
    Different,
}

/// The outcome of [`same_school`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SameSchool {
    pub verdict: Verdict,
    /// The identifiers that agree.
    pub by: Vec<IdKind>,
    /// For people: why the verdict is what it is.
    pub reason: String,
}

/// Whether two records can be of one school (see the module docs).
pub fn same_school(a: &Record, b: &Record) -> SameSchool {
    let brin = both(brin(a), brin(b));
    let name = both(name_key(a), name_key(b));
    let domain = both(email_domain(a), email_domain(b));

    if let Some((x, y)) = &brin {
        return if x == y {
            SameSchool {
                verdict: Verdict::Same,
                by: vec![IdKind::Brin],
                reason: sop_i18n::t!("same-school-brin", brin = x),
            }
        } else {
            SameSchool {
                verdict: Verdict::Different,
                by: vec![],
                reason: sop_i18n::t!("same-school-brin-differ", a = x, b = y),
            }
        };
    }
    let mut by = Vec::new();
    if name.as_ref().is_some_and(|(x, y)| x == y) {
        by.push(IdKind::Name);
    }
    if domain.as_ref().is_some_and(|(x, y)| x == y) {
        by.push(IdKind::EmailDomain);
    }
    if !by.is_empty() {
        let reason = by
            .iter()
            .map(|k| match k {
                IdKind::Name => sop_i18n::t!("same-school-by-name"),
                IdKind::EmailDomain => sop_i18n::t!("same-school-by-domain"),
                IdKind::Brin => sop_i18n::t!("same-school-by-brin"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        return SameSchool { verdict: Verdict::Same, by, reason };
    }
    if name.is_none() && domain.is_none() {
        return SameSchool { verdict: Verdict::Unproven, by, reason: sop_i18n::t!("same-school-unproven") };
    }
    let mut parts = Vec::new();
    if name.is_some() {
        parts.push(sop_i18n::t!(
            "same-school-names-differ",
            a = a.school.name.as_deref().unwrap_or_default(),
            b = b.school.name.as_deref().unwrap_or_default()
        ));
    }
    if let Some((x, y)) = &domain {
        parts.push(sop_i18n::t!("same-school-domains-differ", a = x, b = y));
    }
    SameSchool { verdict: Verdict::Different, by, reason: parts.join(", ") }
}

/// [`same_school`], with `different` as an error.
pub fn check_same_school(a: &Record, b: &Record) -> Result<SameSchool, DiffError> {
    let s = same_school(a, b);
    match s.verdict {
        Verdict::Different => Err(DiffError::DifferentSchool { reason: s.reason }),
        _ => Ok(s),
    }
}

fn both<T>(a: Option<T>, b: Option<T>) -> Option<(T, T)> {
    Some((a?, b?))
}

fn brin(r: &Record) -> Option<String> {
    text::brin_key(r.school.brin.as_deref()?)
}

/// Words that say what kind of school it is, not which.
const GENERIC: &[&str] = &[
    "basisschool",
    "school",
    "obs",
    "cbs",
    "rkbs",
    "pcbs",
    "ikc",
    "kc",
    "kindcentrum",
    "integraal",
    "de",
    "het",
    "een",
    "voor",
    "sbo",
    "so",
    "vso",
    "college",
    "locatie",
];

fn name_key(r: &Record) -> Option<Vec<String>> {
    let s = slug(r.school.name.as_deref()?);
    let mut words: Vec<String> = s.split('_').filter(|w| !w.is_empty()).map(str::to_string).collect();
    let specific: Vec<String> = words.iter().filter(|w| !GENERIC.contains(&w.as_str())).cloned().collect();
    if !specific.is_empty() {
        words = specific;
    }
    words.sort();
    words.dedup();
    (!words.is_empty()).then_some(words)
}

fn email_domain(r: &Record) -> Option<String> {
    text::email_domain(r.school.email.as_deref()?)
}
