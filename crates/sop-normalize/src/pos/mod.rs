//! The "Perspectief op School" report (secondary schools).
use crate::{Score, TemplateFamily};
use sop_model::{Layout, Record};

pub struct PerspectiefOpSchool;

impl TemplateFamily for PerspectiefOpSchool {
    fn id(&self) -> &'static str {
        "perspectief-op-school-vo"
    }
    fn name(&self) -> &'static str {
        "Perspectief op School (VO)"
    }
    fn score(&self, _layout: &Layout) -> Score {
        Score { confidence: 0.0, evidence: Vec::new(), revision: None }
    }
    fn normalize(&self, _layout: &Layout, _record: &mut Record) {}
}
