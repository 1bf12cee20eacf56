//! §2.2 Visie and §2.3 Onderwijs en ondersteuning: vision, its context, the
//! ambitions, and the limits of support.

use sop_i18n::notice;
use sop_model::LimitItem;

use super::doc::{Doc, Kind};
use super::text::{join, split_ellipsis, split_numbered, strip_bullet};
use super::{refs, Out, PosOut};
use crate::common::doc::DocLine;

pub(crate) fn parse(doc: &Doc, out: &mut Out<'_>) {
    vision(doc, out);
    limits(doc, out);
    goals(doc, out);
}

fn texts<'l>(lines: &[&'l DocLine]) -> Vec<&'l str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

fn vision(doc: &Doc, out: &mut Out<'_>) {
    let concept = doc.part(Kind::Concept).map(refs).unwrap_or_default();
    let note = doc.part(Kind::ConceptNote).map(refs).unwrap_or_default();
    let concept_text = join(&texts(&concept));
    let note_text = join(&texts(&note));
    let context = match (concept_text.is_empty(), note_text.is_empty()) {
        (true, true) => None,
        (false, true) => Some(concept_text),
        (true, false) => Some(note_text),
        (false, false) => Some(format!("{concept_text}\n\n{note_text}")),
    };
    if context.is_some() {
        let mut lines = concept.clone();
        lines.extend(note.iter());
        out.prov("/vision_context", &lines);
    }
    out.record.vision_context = context;

    let Some(part) = doc.part(Kind::VisionText) else {
        out.warn(notice!("heading-missing-field-empty", heading = "Onze visie op passend onderwijs", field = "vision"));
        return;
    };
    let lines = refs(part);
    // The school may close its vision with "Ambities ..." and a numbered
    // list: those items are ambitions, not vision text.
    let split = lines.iter().position(|l| is_ambitions_heading(&l.text)).filter(|&i| {
        let (_, items) = split_numbered(&join(&texts(&lines[i + 1..])));
        !items.is_empty()
    });
    let (body, list) = match split {
        Some(i) => (&lines[..i], Some(&lines[i..])),
        None => (&lines[..], None),
    };
    let text = join(&texts(body));
    if !text.is_empty() {
        out.record.vision = Some(text);
        out.prov("/vision", body);
    } else {
        out.warn(notice!("section-empty", section = "Onze visie op passend onderwijs"));
    }
    if let Some(list) = list {
        let (lead, items) = split_numbered(&join(&texts(&list[1..])));
        // The list's own heading ("Ambities voor de periode 2023-2027") names
        // its period: kept, as it fits no field.
        out.unmapped(Some(part.title()), &list[..1]);
        out.keep(list[0], Some(list[0].text.clone()), lead);
        push_ambitions(out, items, &list[1..]);
    }
}

/// A short line that introduces ambitions: "Ambities voor de periode 2023-2027",
/// "Onze ambities:".
fn is_ambitions_heading(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("ambitie") && text.split_whitespace().count() <= 8 && !text.ends_with('.')
}

fn push_ambitions(out: &mut Out<'_>, items: Vec<String>, lines: &[&DocLine]) {
    for item in items {
        let i = out.record.ambitions.len();
        // The source line is the one the item starts on.
        let head: String = item.chars().take(30).collect();
        let src: Vec<&DocLine> = lines.iter().filter(|l| l.text.contains(head.trim())).take(1).copied().collect();
        if src.is_empty() {
            out.prov(format!("/ambitions/{i}"), &lines[..1.min(lines.len())]);
        } else {
            out.prov(format!("/ambitions/{i}"), &src);
        }
        out.record.ambitions.push(item);
    }
}

/// "Onze ambities en ontwikkeldoelen voor de ondersteuning": a bulleted or
/// numbered list; a text without either is one ambition per paragraph line.
fn goals(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::Goals) else { return };
    let lines = refs(part);
    let (lead, numbered) = split_numbered(&join(&texts(&lines)));
    if !numbered.is_empty() {
        if let Some(first) = lines.first() {
            out.keep(first, Some(part.title()), lead);
        }
        push_ambitions(out, numbered, &lines);
        return;
    }
    let mut items: Vec<(String, Vec<&DocLine>)> = Vec::new();
    let mut lead: Vec<&DocLine> = Vec::new();
    for l in &lines {
        match strip_bullet(&l.text) {
            Some(rest) => items.push((rest.to_string(), vec![*l])),
            None => match items.last_mut() {
                Some((t, src)) => {
                    *t = join(&[t.as_str(), l.text.as_str()]);
                    src.push(l);
                }
                None => lead.push(l),
            },
        }
    }
    if items.is_empty() {
        // No list: the whole text is one ambition.
        let text = join(&texts(&lines));
        if !text.is_empty() {
            let i = out.record.ambitions.len();
            out.prov(format!("/ambitions/{i}"), &lines);
            out.record.ambitions.push(text);
        }
        return;
    }
    out.unmapped(Some(part.title()), &lead);
    for (text, src) in items {
        let i = out.record.ambitions.len();
        out.prov(format!("/ambitions/{i}"), &src);
        out.record.ambitions.push(super::text::clean_item(&text));
    }
}

/// "Grenzen aan onze ondersteuning": an intro, then items under category
/// headings ("Gedrag:"), each item introduced by an ellipsis or a bullet.
fn limits(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::Limits) else { return };
    let lines = refs(part);
    let mut intro: Vec<&DocLine> = Vec::new();
    // (category, lines)
    let mut groups: Vec<(Option<String>, Vec<&DocLine>)> = Vec::new();
    for l in &lines {
        if let Some(cat) = category_heading(&l.text) {
            groups.push((Some(cat), Vec::new()));
        } else {
            match groups.last_mut() {
                Some((_, g)) => g.push(l),
                None => intro.push(l),
            }
        }
    }
    // Items before any category heading: the intro may end in a list itself.
    let intro_text = join(&texts(&intro));
    let (lead, pre_items) = items_of(&intro);
    if !pre_items.is_empty() {
        groups.insert(0, (None, Vec::new()));
        out.record.limits.text = (!lead.is_empty()).then_some(lead);
    } else {
        out.record.limits.text = (!intro_text.is_empty()).then_some(intro_text);
    }
    if out.record.limits.text.is_some() {
        out.prov("/limits/text", &intro);
    }
    let mut first_none = !pre_items.is_empty();
    for (category, g) in groups {
        let (lead, items) = if first_none && category.is_none() {
            first_none = false;
            (String::new(), pre_items.clone())
        } else {
            items_of(&g)
        };
        let items = if items.is_empty() && !lead.is_empty() { vec![lead.clone()] } else { items };
        let lead = if items.len() == 1 && items[0] == lead { String::new() } else { lead };
        if items.is_empty() {
            out.warn(notice!("pos-limits-category-empty", category = category.clone().unwrap_or_default()));
        }
        for item in items {
            let text = if lead.is_empty() { item } else { format!("{lead} {item}") };
            let i = out.record.limits.items.len();
            let head: String =
                text.split(' ').rev().take(3).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(" ");
            let src: Vec<&DocLine> = g.iter().filter(|l| l.text.contains(&head)).take(1).copied().collect();
            if !src.is_empty() {
                out.prov(format!("/limits/items/{i}"), &src);
            } else if !g.is_empty() {
                out.prov(format!("/limits/items/{i}"), &g[..1]);
            }
            out.record.limits.items.push(LimitItem { category: category.clone(), text });
        }
    }
}

/// "Gedrag:", "Sociaal-emotionele ontwikkeling:" -> the category; a short
/// line ending in a colon that is not itself an item.
fn category_heading(text: &str) -> Option<String> {
    let t = text.trim();
    let name = t.strip_suffix(':')?.trim();
    // A category is a capitalised name of a few words; the intro's last line
    // ("... de onderstaande problematiek niet kunnen begeleiden:") is not.
    if !name.starts_with(char::is_uppercase) || name.split_whitespace().count() > 5 {
        return None;
    }
    if strip_bullet(t).is_some() {
        return None;
    }
    Some(name.to_string())
}

/// The items of a group: ellipsis items, else bulleted lines. Returns the
/// lead-in ("Leerlingen") and the items.
fn items_of(lines: &[&DocLine]) -> (String, Vec<String>) {
    let text = join(&texts(lines));
    let (lead, items) = split_ellipsis(&text);
    if !items.is_empty() {
        return (lead, items);
    }
    let mut lead = Vec::new();
    let mut items: Vec<String> = Vec::new();
    for l in lines {
        match strip_bullet(&l.text) {
            Some(rest) => items.push(rest.to_string()),
            None => match items.last_mut() {
                Some(t) => *t = join(&[t.as_str(), l.text.as_str()]),
                None => lead.push(l.text.as_str()),
            },
        }
    }
    (join(&lead), items.iter().map(|i| super::text::clean_item(i)).collect())
}
