//! The SPPOH "Model SchoolOndersteuningsProfiel 2021-2025" (primary schools).
use crate::{Score, TemplateFamily};
use sop_model::{Layout, Record};

pub struct SppohModel;

impl TemplateFamily for SppohModel {
    fn id(&self) -> &'static str {
        "sppoh-model-2021-2025"
    }
    fn name(&self) -> &'static str {
        "Model SchoolOndersteuningsProfiel 2021-2025 (SPPOH)"
    }
    fn score(&self, _layout: &Layout) -> Score {
        Score { confidence: 0.0, evidence: Vec::new(), revision: None }
    }
    fn normalize(&self, _layout: &Layout, _record: &mut Record) {}
}
