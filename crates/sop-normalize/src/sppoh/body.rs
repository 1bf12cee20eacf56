//! The running-text sections: §1 vision, the fixed texts of §2, the support
//! structure (§2B), §3 extra support and its limits, §4, §5 finance, §6
//! evaluation.

use sop_i18n::notice;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use sop_model::{Amount, Boilerplate, LimitItem, SupportLevel};

use super::template::*;
use super::{ModelOut, Out, Sections};
use crate::common::amounts::find_amounts;
use crate::common::dates::{find_date, find_school_year};
use crate::common::doc::{looks_like_heading, Doc};
use crate::common::fixed::{fixed_prefix, is_standard};

static LEVEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^zorgniveau\s*(\d)\b\s*[:.\-–]?\s*(.*)$").expect("valid regex"));
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•·▪●◦\-–*]|\d{1,2}[.)])\s*(.*)$").expect("valid regex"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(19|20)\d{2}\b").expect("valid regex"));

pub(super) fn read(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    vision(doc, s, out);
    if let Some(r) = s.body(s.basic) {
        fixed_then_unmapped(doc, r, &FIXED_BASIC, out);
    }
    if let Some(r) = s.body(s.a) {
        fixed_then_unmapped(doc, r, &FIXED_A, out);
    }
    support(doc, s, out);
    if let Some(r) = s.body(s.c) {
        fixed_then_unmapped(doc, r, &FIXED_C, out);
    }
    if let Some(r) = s.body(s.d) {
        fixed_then_unmapped(doc, r, &FIXED_D, out);
    }
    extra(doc, s, out);
    if let Some(r) = s.body(s.duty) {
        fixed_then_unmapped(doc, r, &FIXED_DUTY, out);
    }
    finance(doc, s, out);
    evaluation(doc, s, out);
}

fn texts<'d>(doc: &'d Doc<'_>, r: &Range<usize>) -> Vec<&'d str> {
    doc.lines[r.clone()].iter().map(|l| l.text.as_str()).collect()
}

/// Records whether the fixed text at the start of `r` is the template's and
/// returns the lines after it (the school's own). An edited fixed text is
/// kept in `unmapped` under the section's name.
fn fixed_part(doc: &Doc<'_>, r: Range<usize>, fixed: &FixedSection, out: &mut Out<'_>) -> Range<usize> {
    let p = fixed_prefix(&texts(doc, &r), fixed.variants);
    // Below half the words in common, the school replaced the whole text.
    let matched = p.similarity >= 0.5;
    let standard = matched && is_standard(&p);
    let i = out.record.boilerplate.len();
    out.record.boilerplate.push(Boilerplate { section: fixed.section.to_string(), standard });
    if matched {
        let fixed_lines = r.start..r.start + p.lines;
        out.prov(format!("/boilerplate/{i}"), doc, fixed_lines.start..(fixed_lines.start + 1).min(fixed_lines.end));
        if !standard {
            out.unmapped(Some(fixed.section), doc, fixed_lines);
        }
        r.start + p.lines..r.end
    } else {
        r
    }
}

fn fixed_then_unmapped(doc: &Doc<'_>, r: Range<usize>, fixed: &FixedSection, out: &mut Out<'_>) {
    let own = fixed_part(doc, r, fixed, out);
    if own.start < own.end {
        out.unmapped(Some(fixed.section), doc, own);
    }
}

fn vision(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(r) = s.body(s.vision) else { return };
    let p = fixed_prefix(&texts(doc, &r), &[VISION_INSTRUCTION]);
    let own = if p.similarity >= 0.7 { r.start + p.lines..r.end } else { r };
    out.record.vision = doc.text(own.clone());
    out.prov("/vision", doc, own.start..(own.start + 1).min(own.end));
}

fn support(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(r) = s.body(s.b) else { return };
    let own = fixed_part(doc, r, &FIXED_B, out);
    out.record.support_structure.text = doc.text(own.clone());
    out.prov("/support_structure/text", doc, own.start..(own.start + 1).min(own.end));
    // Zorgniveaus: a line starting "Zorgniveau N" opens a level; it runs to the
    // next level, or to a heading the school set after a blank line.
    let mut i = own.start;
    while i < own.end {
        let Some(c) = LEVEL.captures(&doc.lines[i].text) else {
            i += 1;
            continue;
        };
        let level: u32 = c[1].parse().unwrap_or(0);
        let mut j = i + 1;
        while j < own.end {
            let l = &doc.lines[j];
            if LEVEL.is_match(&l.text) || (l.gap_before && looks_like_heading(&l.text) && !ITEM.is_match(&l.text)) {
                break;
            }
            j += 1;
        }
        let head = c[2].trim().to_string();
        let rest = doc.text(i + 1..j);
        let text = match (head.is_empty(), rest) {
            (true, Some(r)) => r,
            (false, Some(r)) => format!("{head} {r}"),
            (false, None) => head,
            (true, None) => String::new(),
        };
        if !text.is_empty() {
            let k = out.record.support_structure.levels.len();
            out.record.support_structure.levels.push(SupportLevel { level, text });
            out.prov(format!("/support_structure/levels/{k}"), doc, i..i + 1);
        }
        i = j;
    }
}

fn extra(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(r) = s.body(s.extra) else { return };
    let own = fixed_part(doc, r, &FIXED_EXTRA, out);
    out.record.extra_support = doc.text(own.clone());
    out.prov("/extra_support", doc, own.start..(own.start + 1).min(own.end));
    let Some(lr) = s.body(s.limits) else { return };
    out.record.limits.text = doc.text(lr.clone());
    out.prov("/limits/text", doc, lr.start..(lr.start + 1).min(lr.end));
    // Items: each bulleted or numbered line, with the lines that continue it
    // (no blank line, no new item).
    let mut i = lr.start;
    while i < lr.end {
        let Some(c) = ITEM.captures(&doc.lines[i].text) else {
            i += 1;
            continue;
        };
        let first = c[1].trim().to_string();
        let mut j = i + 1;
        // An item continues on lines that carry on its sentence (start in
        // lowercase); a capital starts the explanation or the next paragraph,
        // which stay in `limits.text`.
        while j < lr.end
            && !doc.lines[j].gap_before
            && !ITEM.is_match(&doc.lines[j].text)
            && doc.lines[j].text.chars().next().is_some_and(|c| !c.is_uppercase())
        {
            j += 1;
        }
        let text = match doc.text(i + 1..j) {
            Some(rest) if !first.is_empty() => format!("{first} {rest}"),
            Some(rest) => rest,
            None => first,
        };
        if !text.is_empty() {
            let k = out.record.limits.items.len();
            out.record.limits.items.push(LimitItem { category: None, text });
            out.prov(format!("/limits/items/{k}"), doc, i..j);
        }
        i = j;
    }
}

fn finance(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(r) = s.body(s.finance) else { return };
    let own = fixed_part(doc, r, &FIXED_FINANCE, out);
    let Some(text) = doc.text(own.clone()) else { return };
    out.prov("/finance/text", doc, own.start..(own.start + 1).min(own.end));
    for (k, a) in find_amounts(&text).into_iter().enumerate() {
        let sentence = sentence_around(&text, a.start, a.end);
        let period = find_school_year(sentence).or_else(|| {
            YEAR.find_iter(sentence)
                .find(|m| {
                    // A year, not a digit group of the amount itself.
                    let abs = m.start() + (sentence.as_ptr() as usize - text.as_ptr() as usize);
                    abs + m.len() <= a.start || abs >= a.end
                })
                .map(|m| m.as_str().to_string())
        });
        out.record.finance.amounts.push(Amount { eur: a.eur, raw: a.raw, period });
        let line = (own.start..own.end)
            .find(|&i| {
                doc.lines[i].text.contains(out.record.finance.amounts[k].raw.split_whitespace().next().unwrap_or(""))
            })
            .unwrap_or(own.start);
        out.prov(format!("/finance/amounts/{k}"), doc, line..line + 1);
    }
    out.record.finance.text = Some(text);
}

/// The sentence of `text` containing bytes `start..end`: from after the last
/// ". " + capital before it to the next one after it (dots inside amounts
/// such as "46.130" are not sentence ends).
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let bytes = text.as_bytes();
    let is_end = |i: usize| {
        matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && text[i + 2..].chars().next().is_some_and(|c| c.is_uppercase() || c == '€')
    };
    let s = (0..start).rev().find(|&i| is_end(i)).map_or(0, |i| i + 2);
    let e = (end..bytes.len()).find(|&i| is_end(i)).map_or(bytes.len(), |i| i + 1);
    &text[s..e]
}

fn evaluation(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(r) = s.body(s.evaluation) else { return };
    let Some(text) = doc.text(r.clone()) else { return };
    let lower = text.to_lowercase();
    let anchor = "cyclus van de school";
    let i = out.record.boilerplate.len();
    match lower.find(anchor) {
        Some(at) => {
            let fixed = &text[..at + anchor.len()];
            let p = fixed_prefix(&[fixed], FIXED_EVALUATION.variants);
            let standard = is_standard(&p);
            out.record.boilerplate.push(Boilerplate { section: FIXED_EVALUATION.section.to_string(), standard });
            if !standard {
                out.record.unmapped.push(sop_model::Unmapped {
                    heading: Some(FIXED_EVALUATION.section.to_string()),
                    text: fixed.to_string(),
                    page: doc.lines[r.start].page,
                });
            }
            let moment = text[at + anchor.len()..].trim().trim_end_matches('.').trim();
            if !moment.is_empty() {
                out.record.evaluation.text = Some(moment.to_string());
                out.record.evaluation.date = find_date(moment).map(|d| d.iso);
            }
        }
        None => {
            out.record.boilerplate.push(Boilerplate { section: FIXED_EVALUATION.section.to_string(), standard: false });
            out.record.evaluation.date = find_date(&text).map(|d| d.iso);
            out.record.evaluation.text = Some(text);
            out.warn(notice!("model-evaluation-sentence-changed"));
        }
    }
    out.prov(format!("/boilerplate/{i}"), doc, r.start..r.start + 1);
    out.prov("/evaluation/text", doc, r.clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_end_inside_amounts() {
        let t = "Op de begroting van het kalenderjaar 2023 staat een bedrag van 32.000 euro begroot. Deze is samengesteld uit € 8.500.";
        let at = t.find("32.000").unwrap();
        assert_eq!(
            sentence_around(t, at, at + 11),
            "Op de begroting van het kalenderjaar 2023 staat een bedrag van 32.000 euro begroot."
        );
    }
}
