//! A school that moved from one template to the other.

use sop_diff::{diff, ChangeKind};

use crate::fixture;

#[test]
fn fields_only_one_template_has_are_not_reported_as_removed() {
    let model = fixture("model_2023.json");
    let mut pos = fixture("pos_2023.json");
    // Same school, new template: keep the identity.
    pos.school.name = model.school.name.clone();
    pos.school.email = model.school.email.clone();
    let d = diff(&model, &pos);
    for c in &d.changes {
        assert!(
            !matches!(c.field.as_str(), "finance" | "evaluation" | "extra_support"),
            "a Model-only field reported: {c:?}"
        );
        assert!(
            !(c.field == "governance"
                && matches!(c.key.as_deref(), Some("drafted" | "director" | "mr_advice" | "board_adoption"))),
            "a Model-only governance member reported: {c:?}"
        );
        assert!(
            !matches!(c.field.as_str(), "protocols" | "hgw_summary" | "vision_context" | "boilerplate"),
            "a PoS-only field or fixed text reported: {c:?}"
        );
    }
    // The template change itself is reported, once.
    let templates: Vec<_> = d.changes.iter().filter(|c| c.field == "template").collect();
    assert_eq!(templates.len(), 1);
    assert_eq!(templates[0].change, ChangeKind::Changed);
    // Fields both templates have are still compared.
    assert!(d.changes.iter().any(|c| c.field == "vision" && c.change == ChangeKind::Changed));
    assert!(d.changes.iter().any(|c| c.field == "expertise" && c.change == ChangeKind::Removed));
}
