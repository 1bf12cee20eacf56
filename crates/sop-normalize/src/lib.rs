//! Detection of the template a document follows, and its normalisation into
//! the canonical record `sop/1`.
//!
//! Every template family is one module implementing [`TemplateFamily`] and one
//! entry in [`FAMILIES`]: adding a third family (the SOP moving into the school
//! guide) is a new module plus samples, nothing else.
//!
//! - [`detect`] scores a [`Layout`] against every family and says which one it
//!   is, that it is no SOP at all, or that it is SOP-like but of no known template.
//! - [`normalize`] runs the detected family's parser. Normalisation never fails
//!   once a template is recognised: it returns a record with `warnings`.

mod common;
mod error;
mod ocr;
pub mod pos;
pub mod sppoh;
#[cfg(feature = "test-family")]
pub mod voorbeeld;

pub use error::NormalizeError;

use sop_model::family::Family;
use sop_model::{Layout, Record, Source, Template};

/// How well a document matches one family.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// 0..=1.
    pub confidence: f64,
    /// The markers found, in plain words.
    pub evidence: Vec<String>,
    /// The template revision where the document names it.
    pub revision: Option<String>,
}

/// A template family: one parser module per family, reading the family's
/// descriptor in `sop_model::family` (its id, names, status words), which is
/// what every other stage knows of it.
pub trait TemplateFamily: Sync {
    /// The family's descriptor.
    fn family(&self) -> &'static Family;
    /// The family id stored in `template.family`, e.g. `"sppoh-model-2021-2025"`.
    fn id(&self) -> &'static str {
        self.family().id
    }
    /// A human name, e.g. "Model SchoolOndersteuningsProfiel 2021-2025 (SPPOH)":
    /// the descriptor's name with its users, as detection messages say it.
    #[allow(clippy::misnamed_getters)]
    fn name(&self) -> &'static str {
        self.family().name_with_users
    }
    /// Scores the document against this family's structure.
    fn score(&self, layout: &Layout) -> Score;
    /// Fills `record` (which already carries `template` and `source`) from the
    /// document. Never fails: what cannot be read becomes a warning.
    fn normalize(&self, layout: &Layout, record: &mut Record);
}

/// Every known family, in the order they are tried.
#[cfg(not(feature = "test-family"))]
pub static FAMILIES: &[&dyn TemplateFamily] = &[&sppoh::SppohModel, &pos::PerspectiefOpSchool];
/// Every known family, in the order they are tried; with the made-up third
/// family of the tests.
#[cfg(feature = "test-family")]
pub static FAMILIES: &[&dyn TemplateFamily] = &[&sppoh::SppohModel, &pos::PerspectiefOpSchool, &voorbeeld::Voorbeeld];

/// The outcome of detection.
#[derive(Debug, Clone, PartialEq)]
pub enum Detection {
    /// The document follows this template.
    Recognised(Template),
    /// Some SOP markers, but no family scored high enough.
    Unrecognised { closest: &'static str, closest_name: &'static str, score: f64, evidence: Vec<String> },
    /// Nothing in the document looks like a school support profile.
    NotAnSop { reason: String },
}

pub fn detect(layout: &Layout) -> Detection {
    detect::detect(layout)
}

/// Detects the template and normalises the document into `sop/1`.
pub fn normalize(layout: &Layout, source: Source) -> Result<Record, NormalizeError> {
    let (family, template) = match detect(layout) {
        Detection::Recognised(t) => {
            let family = FAMILIES.iter().find(|f| f.id() == t.family).expect("detected family is registered");
            (*family, t)
        }
        Detection::Unrecognised { closest_name, score, .. } => {
            return Err(NormalizeError::UnrecognisedTemplate { closest: closest_name.to_string(), score })
        }
        Detection::NotAnSop { reason } => return Err(NormalizeError::NotAnSop { reason }),
    };
    let mut record = Record::empty(template, source);
    // What extraction could not do (a page without text, a stream it could
    // not read) is said in every record, whatever the family.
    for (i, w) in layout.warnings.iter().enumerate() {
        record.push_warning(layout_notice(layout, i), w.clone());
    }
    family.normalize(layout, &mut record);
    ocr::mark(layout, &mut record);
    Ok(record)
}

/// A coded warning into a record: the Dutch sentence and its notice.
pub(crate) fn push_warning(record: &mut Record, w: &sop_i18n::Coded) {
    record.push_warning(sop_model::Notice { code: w.code.to_string(), params: w.params() }, w.sentence());
}

/// The notice of the layout's `i`th warning (a layout from before codes
/// existed has none: then the code says only that extraction wrote it).
pub(crate) fn layout_notice(layout: &Layout, i: usize) -> sop_model::Notice {
    match layout.notices.get(i) {
        Some(n) if layout.notices.len() == layout.warnings.len() => n.clone(),
        _ => sop_model::Notice { code: "extraction-note".into(), params: Default::default() },
    }
}

mod detect;
