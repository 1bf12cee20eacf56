//! Scoring a document against every family. (To be completed.)
use crate::{Detection, FAMILIES};
use sop_model::{Layout, Template};

/// A family at or above this confidence is the document's template.
pub const RECOGNISED: f64 = 0.6;
/// Below this no family looks like it at all: not an SOP.
pub const SOP_LIKE: f64 = 0.2;

pub fn detect(layout: &Layout) -> Detection {
    let mut best: Option<(&'static dyn crate::TemplateFamily, crate::Score)> = None;
    for family in FAMILIES {
        let score = family.score(layout);
        if best.as_ref().is_none_or(|(_, b)| score.confidence > b.confidence) {
            best = Some((*family, score));
        }
    }
    let Some((family, score)) = best else {
        return Detection::NotAnSop { reason: "no template families are registered".into() };
    };
    if score.confidence >= RECOGNISED {
        Detection::Recognised(Template {
            family: family.id().to_string(),
            revision: score.revision,
            confidence: score.confidence,
            evidence: score.evidence,
        })
    } else if score.confidence >= SOP_LIKE {
        Detection::Unrecognised {
            closest: family.id(),
            closest_name: family.name(),
            score: score.confidence,
            evidence: score.evidence,
        }
    } else {
        Detection::NotAnSop { reason: "none of the headings, tables or fixed sentences of a school support profile were found".into() }
    }
}
