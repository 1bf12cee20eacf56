//! Chapter 4, Organisatie van de ondersteuning: the support route (§4.1), the
//! support team and how often it meets, and the education sectors and chain
//! partners the school works with (§4.2).

use sop_i18n::notice;
use std::collections::BTreeSet;

use sop_model::{Partner, PartnerKind};

use super::doc::{Doc, Kind, PosLine};
use super::text::{clean_item, join, starts_lowercase, strip_bullet};
use super::{check_fixed, fixed, refs, Out, PosOut};
use crate::common::doc::DocLine;
use crate::common::labels::unique_key;
use crate::common::tolerant::{is_ocr, key_label};

pub(crate) fn parse(doc: &Doc, out: &mut Out<'_>) {
    route(doc, out);
    team(doc, out);
    partners(
        doc,
        out,
        Kind::Sectors,
        "onderwijssector",
        PartnerKind::EducationSector,
        "4.2 Onderwijssector: inleiding",
        fixed::SECTOR_INTRO,
    );
    partners(
        doc,
        out,
        Kind::ChainPartners,
        "keten_kernpartner",
        PartnerKind::ChainPartner,
        "4.2 Keten- / Kernpartner: inleiding",
        fixed::PARTNER_INTRO,
    );
}

/// "Inrichting ondersteuningsroute": the school's route, one paragraph per
/// step ("Stap 1a Signaleren").
fn route(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::RouteSteps) else {
        out.warn(notice!(
            "heading-missing-field-empty",
            heading = "Inrichting ondersteuningsroute",
            field = "support_structure.text"
        ));
        return;
    };
    let lines = refs(part);
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    for l in &lines {
        if is_step(&l.text) || paragraphs.is_empty() {
            paragraphs.push(Vec::new());
        }
        if let Some(p) = paragraphs.last_mut() {
            p.push(l.text.as_str());
        }
    }
    let text = paragraphs.iter().map(|p| join(p)).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n");
    if text.is_empty() {
        out.warn(notice!("section-empty", section = "Inrichting ondersteuningsroute"));
        return;
    }
    out.record.support_structure.text = Some(text);
    out.prov("/support_structure/text", &lines);
}

fn is_step(text: &str) -> bool {
    let mut w = text.split_whitespace();
    w.next().is_some_and(|s| s.eq_ignore_ascii_case("stap"))
        && w.next().is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// "Ondersteuningsteam": fixed sentences, the members as a bulleted list, and
/// "Ons ondersteuningsteam komt minimaal N keer per jaar bij elkaar."
fn team(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::Team) else {
        out.warn(notice!(
            "heading-missing-field-empty",
            heading = "Ondersteuningsteam",
            field = "support_structure.team"
        ));
        return;
    };
    let lines = refs(part);
    let mut fixed_lines: Vec<&DocLine> = Vec::new();
    let mut other: Vec<&DocLine> = Vec::new();
    let mut members: Vec<(String, Vec<&DocLine>)> = Vec::new();
    let mut in_list = false;
    for l in &lines {
        if let Some(rest) = strip_bullet(&l.text) {
            members.push((rest.to_string(), vec![*l]));
            in_list = true;
        } else if let Some(n) = meetings(&l.text) {
            out.record.support_structure.meetings_per_year = Some(n);
            out.prov("/support_structure/meetings_per_year", &[*l]);
            in_list = false;
        } else if in_list && starts_lowercase(&l.text) {
            if let Some((t, src)) = members.last_mut() {
                *t = join(&[t.as_str(), l.text.as_str()]);
                src.push(l);
            }
        } else if members.is_empty() {
            fixed_lines.push(l);
        } else {
            in_list = false;
            other.push(l);
        }
    }
    // The sentences before the list are the platform's; a school that wrote
    // more keeps its text under unmapped.
    if !fixed_lines.is_empty() {
        check_fixed(out, "4.1 Ondersteuningsteam: vaste tekst", &fixed_lines, fixed::TEAM_INTRO);
    }
    if !other.is_empty() {
        let meeting_like = other.iter().any(|l| l.text.to_lowercase().contains("bij elkaar"));
        if meeting_like && out.record.support_structure.meetings_per_year.is_none() {
            out.warn(notice!("pos-meetings-unreadable"));
        }
        out.unmapped(Some(part.title()), &other);
    }
    for (i, (m, src)) in members.into_iter().enumerate() {
        out.prov(format!("/support_structure/team/{i}"), &src);
        out.record.support_structure.team.push(clean_item(&m));
    }
    if out.record.support_structure.team.is_empty() {
        out.warn(notice!("pos-team-no-members"));
    }
}

/// "komt minimaal 7 keer per jaar bij elkaar" -> 7.
fn meetings(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let i = lower.find("keer per jaar")?;
    lower[..i].split_whitespace().last()?.parse().ok()
}

/// A list under a heading that the list's column header repeats:
/// heading, fixed intro, the header again, then one item per line.
fn partners(
    doc: &Doc,
    out: &mut Out<'_>,
    kind: Kind,
    header_slug: &str,
    pkind: PartnerKind,
    section: &str,
    intro: &str,
) {
    let Some(part) = doc.part(kind) else {
        out.warn(notice!("list-missing", list = section.trim_end_matches(": inleiding")));
        return;
    };
    let lines = refs(part);
    let (intro_lines, items) = match lines.iter().position(|l| l.slug() == header_slug) {
        Some(h) => (&lines[..h], &lines[h + 1..]),
        None => (&lines[..0], &lines[..]),
    };
    check_fixed(out, section, intro_lines, intro);
    let mut used = BTreeSet::new();
    let mut rows: Vec<(String, Vec<&DocLine>)> = Vec::new();
    // The list's column header, repeated where the list goes on over a page, is no item.
    for l in items.iter().filter(|l| l.slug() != header_slug) {
        match rows.last_mut() {
            Some((t, src)) if starts_lowercase(&l.text) => {
                *t = join(&[t.as_str(), l.text.as_str()]);
                src.push(l);
            }
            _ => rows.push((l.text.clone(), vec![*l])),
        }
    }
    for (name, src) in rows {
        let ocr = src.iter().any(|l| is_ocr(&l.runs));
        let key = unique_key(&key_label(&name, ocr, fixed::PARTNERS), "item", &mut used);
        let i = out.record.partners.len();
        out.prov(format!("/partners/{i}"), &src);
        out.record.partners.push(Partner { key, name, kind: pkind, involvement: None });
    }
}
