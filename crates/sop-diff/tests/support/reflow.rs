//! Re-flowing a record's free text the way a word processor would (other
//! line widths, line-end hyphenation): shared by the diff's property tests
//! (crates/sop-diff/tests/it) and the tests on the samples
//! (pipeline/tests/diff_samples.rs), which include this file by path.

use sop_model::Record;

/// Wraps a text at `width` columns; with `hyphenate`, long words are broken
/// at the line end with a hyphen, as a word processor does.
pub fn reflow(s: &str, width: usize, hyphenate: bool) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in s.split_whitespace() {
        let room = width.saturating_sub(col + 1);
        let chars: Vec<char> = word.chars().collect();
        if col > 0 && chars.len() > room {
            let split = (2..chars.len().saturating_sub(1))
                .rev()
                .find(|&i| i < room && chars[i - 1].is_alphanumeric() && chars[i].is_alphanumeric());
            match split {
                Some(i) if hyphenate && chars.len() >= 6 => {
                    let head: String = chars[..i].iter().collect();
                    let tail: String = chars[i..].iter().collect();
                    out.push(' ');
                    out.push_str(&head);
                    out.push_str("-\n");
                    out.push_str(&tail);
                    col = tail.chars().count();
                }
                _ => {
                    out.push('\n');
                    out.push_str(word);
                    col = chars.len();
                }
            }
            continue;
        }
        if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += chars.len();
    }
    out
}

/// Every free text of a record, re-flowed.
pub fn reflow_record(r: &Record, width: usize, hyphenate: bool) -> Record {
    let f = |s: &mut String| *s = reflow(s, width, hyphenate);
    let mut r = r.clone();
    for s in [
        &mut r.vision,
        &mut r.vision_context,
        &mut r.extra_support,
        &mut r.support_structure.text,
        &mut r.limits.text,
        &mut r.finance.text,
        &mut r.evaluation.text,
    ]
    .into_iter()
    .flatten()
    {
        f(s);
    }
    r.support_structure.levels.iter_mut().for_each(|l| f(&mut l.text));
    r.limits.items.iter_mut().for_each(|i| f(&mut i.text));
    r.ambitions.iter_mut().for_each(f);
    r.unmapped.iter_mut().for_each(|u| f(&mut u.text));
    r.hgw.iter_mut().for_each(|h| {
        f(&mut h.label);
        if let Some(n) = h.note.as_mut() {
            f(n);
        }
    });
    r.expertise.iter_mut().for_each(|e| f(&mut e.label));
    r.offers.iter_mut().for_each(|o| {
        if let Some(t) = o.timing.as_mut() {
            f(t);
        }
    });
    r
}
