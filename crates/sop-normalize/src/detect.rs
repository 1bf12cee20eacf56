//! Scoring a document against every family, and telling "not an SOP" from
//! "an SOP of no template we know".
use crate::{Detection, FAMILIES};
use sop_model::{Layout, Template};

/// A family at or above this confidence is the document's template: low
/// enough that half a Model (its second half: tables, §3-§6) still counts.
pub const RECOGNISED: f64 = 0.4;
/// From this score on a document is SOP-like even without naming itself one.
pub const SOP_LIKE: f64 = 0.2;

/// Words of the sections every SOP has, whatever its template.
const SOP_TOPICS: &[&str] = &[
    "basisondersteuning",
    "extra ondersteuning",
    "grenzen",
    "zorgplicht",
    "ondersteuningsstructuur",
    "samenwerkingsverband",
    "ondersteuningsbehoefte",
];

/// A document that calls itself a (school)ondersteuningsprofiel and covers at
/// least two of the topics every SOP covers. A text merely about passend
/// onderwijs covers the topics but does not call itself a profile.
fn sop_like(layout: &Layout) -> bool {
    let mut text = String::new();
    for line in layout.pages.iter().flat_map(|p| &p.lines) {
        text.push_str(&line.text.to_lowercase());
        text.push(' ');
    }
    text.contains("ondersteuningsprofiel") && SOP_TOPICS.iter().filter(|t| text.contains(*t)).count() >= 2
}

/// See [`crate::detect`].
pub fn detect(layout: &Layout) -> Detection {
    let mut best: Option<(&'static dyn crate::TemplateFamily, crate::Score)> = None;
    for family in FAMILIES {
        let score = family.score(layout);
        if best.as_ref().is_none_or(|(_, b)| score.confidence > b.confidence) {
            best = Some((*family, score));
        }
    }
    let Some((family, score)) = best else {
        return Detection::NotAnSop { reason: sop_i18n::t!("detect-no-families") };
    };
    if score.confidence >= RECOGNISED {
        Detection::Recognised(Template {
            family: family.id().to_string(),
            revision: score.revision,
            confidence: score.confidence,
            evidence: score.evidence,
        })
    } else if score.confidence >= SOP_LIKE || sop_like(layout) {
        Detection::Unrecognised {
            closest: family.id(),
            closest_name: family.name(),
            score: score.confidence,
            evidence: score.evidence,
        }
    } else {
        Detection::NotAnSop { reason: sop_i18n::t!("detect-no-sop-markers") }
    }
}
