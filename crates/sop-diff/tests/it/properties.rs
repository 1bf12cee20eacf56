//! Invariants: a record has no changes against itself, diff(b, a) mirrors
//! diff(a, b), and re-flowing free text is no change.

use proptest::prelude::*;
use serde_json::Value;
use sop_diff::{diff, Change, ChangeKind, HunkOp, Record};

use crate::all_fixtures;
use crate::reflow::{reflow, reflow_record};

#[test]
fn a_record_has_no_changes_against_itself() {
    for r in all_fixtures() {
        let d = diff(&r, &r);
        assert!(!d.has_changes(), "{}: {:#?}", r.source.filename, d.changes);
        assert_eq!((d.summary.added, d.summary.removed, d.summary.changed), (0, 0, 0));
        assert!(d.summary.fields.is_empty());
    }
}

/// What a change says, with old and new in a fixed role, for comparing a
/// diff with its mirror.
fn mirrored(c: &Change) -> (String, Option<String>, ChangeKind, String, String, Option<String>) {
    let kind = match c.change {
        ChangeKind::Added => ChangeKind::Removed,
        ChangeKind::Removed => ChangeKind::Added,
        ChangeKind::Changed => ChangeKind::Changed,
    };
    (
        c.field.clone(),
        c.key.clone(),
        kind,
        c.new.to_string(),
        c.old.to_string(),
        c.similarity.map(|s| format!("{s:.9}")),
    )
}

fn plain(c: &Change) -> (String, Option<String>, ChangeKind, String, String, Option<String>) {
    (
        c.field.clone(),
        c.key.clone(),
        c.change,
        c.old.to_string(),
        c.new.to_string(),
        c.similarity.map(|s| format!("{s:.9}")),
    )
}

/// The hunks of a change rebuild both texts (kept + deleted = old, kept +
/// inserted = new), word for word after canonicalisation.
fn hunks_rebuild(c: &Change) {
    let Some(hunks) = &c.hunks else { return };
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Object(o) => o.get("text").and_then(Value::as_str).unwrap_or_default().to_string(),
        _ => String::new(),
    };
    let side =
        |skip: HunkOp| hunks.iter().filter(|h| h.op != skip).map(|h| h.text.as_str()).collect::<Vec<_>>().join(" ");
    let canon = sop_diff::text::canonical;
    assert_eq!(canon(&side(HunkOp::Insert)), canon(&text(&c.old)), "old side of {c:?}");
    assert_eq!(canon(&side(HunkOp::Delete)), canon(&text(&c.new)), "new side of {c:?}");
}

fn assert_mirror(a: &Record, b: &Record) {
    let (ab, ba) = (diff(a, b), diff(b, a));
    let mut x: Vec<_> = ab.changes.iter().map(plain).collect();
    let mut y: Vec<_> = ba.changes.iter().map(mirrored).collect();
    x.sort();
    y.sort();
    assert_eq!(x, y, "{} vs {}", a.source.filename, b.source.filename);
    assert_eq!(
        (ab.summary.added, ab.summary.removed, ab.summary.changed),
        (ba.summary.removed, ba.summary.added, ba.summary.changed)
    );
    assert_eq!(ab.same_school.verdict, ba.same_school.verdict);
    ab.changes.iter().chain(&ba.changes).for_each(hunks_rebuild);
}

#[test]
fn every_pair_of_fixtures_mirrors() {
    let all = all_fixtures();
    for a in &all {
        for b in &all {
            assert_mirror(a, b);
        }
    }
}

#[test]
fn the_reflow_helper_really_breaks_lines_and_words() {
    let s = "Passend onderwijs is op verschillende wijze zichtbaar op Diamant.";
    let r = reflow(s, 12, true);
    assert!(r.contains("-\n"), "{r}");
    assert!(r.lines().count() > 4, "{r}");
    assert_ne!(sop_model::text::normalize_ws(&r), s);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn reflowed_free_text_is_no_change(which in 0usize..4, width in 8usize..100, hyphenate: bool) {
        let r = &all_fixtures()[which];
        let flowed = reflow_record(r, width, hyphenate);
        let d = diff(r, &flowed);
        prop_assert!(!d.has_changes(), "width {width}: {:#?}", d.changes);
    }

    #[test]
    fn diffs_of_edited_records_mirror(
        which in 0usize..4,
        drop in proptest::collection::vec(any::<bool>(), 8),
        flip in proptest::collection::vec(any::<bool>(), 8),
        cut in 0usize..40,
    ) {
        let a = all_fixtures()[which].clone();
        let mut b = a.clone();
        let mut i = 0;
        b.expertise.retain(|_| { i += 1; !drop[i % 8] });
        for (e, f) in b.expertise.iter_mut().zip(&flip) {
            if *f { e.available = e.available.map(|x| !x); }
        }
        for (h, f) in b.hgw.iter_mut().zip(flip.iter().rev()) {
            if *f { h.status = None; }
        }
        if let Some(v) = b.vision.as_mut() {
            let words: Vec<&str> = v.split_whitespace().collect();
            let keep = words.len().saturating_sub(cut % (words.len() + 1));
            *v = words[..keep].join(" ");
        }
        b.ambitions.push("Een nieuwe ambitie voor dit jaar.".into());
        assert_mirror(&a, &b);
    }
}
