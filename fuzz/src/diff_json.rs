//! Two `sop.json` records (one after the other in the input) through the diff
//! and its reports.

use sop_model::Record;

/// The first record is last year's, the second this year's (the first again
/// when there is no second). Whatever the records hold: the diff never
/// panics, a record never differs from itself, the summary counts the
/// changes, the diff's JSON reads back, and both reports render.
pub fn run(data: &[u8]) {
    let mut records = serde_json::Deserializer::from_slice(data).into_iter::<Record>();
    let Some(Ok(old)) = records.next() else {
        return;
    };
    let new = match records.next() {
        Some(Ok(new)) => new,
        _ => old.clone(),
    };
    let diff = sop_diff::diff(&old, &new);
    let s = &diff.summary;
    assert_eq!(s.added + s.removed + s.changed, diff.changes.len(), "the summary does not count the changes");
    let json = serde_json::to_vec(&diff).expect("a diff always serialises");
    let back: sop_diff::Diff = serde_json::from_slice(&json).expect("a written diff reads back");
    assert_eq!(back.changes.len(), diff.changes.len(), "a diff read back lost changes");
    let _ = sop_diff::render_markdown(&diff);
    let _ = sop_diff::render_html(&diff);
    let _ = sop_diff::check_same_school(&old, &new);
    for record in [&old, &new] {
        let itself = sop_diff::diff(record, record);
        assert!(!itself.has_changes(), "a record differs from itself: {:?}", itself.changes.first());
    }
}
