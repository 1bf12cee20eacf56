//! The SPPOH "Model SchoolOndersteuningsProfiel 2021-2025" (primary and
//! special schools in Haaglanden).
//!
//! [`template`] holds what the template prints (headings, fixed texts,
//! standard rows); [`score`](SppohModel::score) looks for those markers;
//! normalisation finds the section headings in order ([`Sections`]) and reads
//! each section: [`general`] (Algemene gegevens), [`body`] (the running-text
//! sections and the fixed texts), [`tables`] (HGW and the four tables of §2D).

mod body;
mod general;
mod tables;
pub(crate) mod template;

use sop_i18n::notice;
use std::sync::LazyLock;

use regex::Regex;
use sop_model::family::{self, Family};
use sop_model::{Layout, Origin, Record};

use crate::common::doc::Doc;
use crate::common::grid;
pub(crate) use crate::common::out::Out;
use crate::{Score, TemplateFamily};
use template::*;

pub struct SppohModel;

static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^Model\s+SchoolOndersteuningsProfiel\s+2021\s*-\s*2025\s*(?P<rev>.*?)\s*(?:\d+\s*-\s*\d+\s*\.?)?\s*$",
    )
    .expect("valid regex")
});

/// Whether a line is the Model's page footer.
pub(crate) fn is_footer(text: &str) -> bool {
    FOOTER.is_match(text)
}

/// The revision a footer names ("versie 15 maart 2021", "augustus 2023").
pub(crate) fn revision_of(footer: &str) -> Option<String> {
    FOOTER.captures(footer).and_then(|c| {
        let rev = c.name("rev")?.as_str().trim();
        (!rev.is_empty()).then(|| rev.to_string())
    })
}

/// Markers of the template and what each weighs. Headings are matched as
/// heading lines, sentences anywhere in the text. The weights add up to 1;
/// the footer and the fixed sentences weigh most because schools rarely touch
/// them, while a missing first page costs only the title and general data.
const HEADING_MARKERS: &[(&str, f64)] = &[
    (H_GENERAL, 0.04),
    (H_VISION, 0.06),
    (H_BASIC, 0.08),
    (H_B, 0.04),
    (H_C, 0.04),
    (H_D, 0.04),
    (H_EXPERTISE, 0.05),
    (H_PARTNERS, 0.05),
    (H_OFFERS, 0.05),
    (H_FACILITIES, 0.05),
    (H_EXTRA, 0.03),
    (H_DUTY, 0.02),
    (H_FINANCE, 0.05),
    (H_EVALUATION, 0.04),
];
const SENTENCE_MARKERS: &[(&str, &str, f64)] = &[
    (
        "schoolondersteuningsprofiel (sop) haaglanden",
        "the title \"Schoolondersteuningsprofiel (SOP) Haaglanden\"",
        0.06,
    ),
    (
        "beschrijf kort de visie op passend onderwijs van de school",
        "the §1 instruction \"Beschrijf kort de visie op passend onderwijs\"",
        0.04,
    ),
    (
        "zo ziet de zorgstructuur van onze school eruit",
        "the sentence \"Zo ziet de zorgstructuur van onze school eruit\"",
        0.04,
    ),
    (
        "uitgangspunt hgw op orde in ontwikkeling nog op te starten",
        "the HGW table header (Op orde / In ontwikkeling / Nog op te starten)",
        0.06,
    ),
    (
        "betrokken experts structureel regelmatig incidenteel",
        "the external experts table header (Structureel / Regelmatig / Incidenteel)",
        0.04,
    ),
    (
        "wordt geëvalueerd via de pdca cyclus van de school",
        "the §6 sentence \"geëvalueerd via de PDCA cyclus van de school\"",
        0.04,
    ),
];
const FOOTER_WEIGHT: f64 = 0.14;
/// The sentence markers that are table headers, with their header cells.
const TABLE_HEADER_MARKERS: &[(&str, &[&str])] = &[
    (
        "uitgangspunt hgw op orde in ontwikkeling nog op te starten",
        &["Uitgangspunt HGW", "Op orde", "In ontwikkeling", "Nog op te starten"],
    ),
    (
        "betrokken experts structureel regelmatig incidenteel",
        &["Betrokken experts", "Structureel", "Regelmatig", "Incidenteel"],
    ),
];

/// Whether a PDF shows the header `spec` as a block of lines made of pieces
/// of its cells, with all of the cells' letters: a table without borders
/// whose narrow header cells wrapped inside words.
fn wrapped_header(doc: &Doc<'_>, spec: &[&str]) -> bool {
    let keys = tables::header_keys(spec);
    let mut want: Vec<char> = keys.concat().chars().collect();
    want.sort_unstable();
    let mut i = 0;
    while i < doc.len() {
        if !tables::is_header_piece_line(doc, i, &keys) {
            i += 1;
            continue;
        }
        let start = i;
        while i < doc.len() && i - start < 8 && tables::is_header_piece_line(doc, i, &keys) {
            i += 1;
        }
        let mut have: Vec<char> =
            doc.lines[start..i].iter().map(|l| grid::header_key(&l.text)).collect::<String>().chars().collect();
        have.sort_unstable();
        if have == want {
            return true;
        }
    }
    false
}

/// The HGW table's header cells, label column first.
pub(super) fn hgw_spec() -> Vec<&'static str> {
    let mut spec = vec![HGW_LABEL_COLUMN];
    spec.extend_from_slice(HGW_COLUMNS);
    spec
}

impl TemplateFamily for SppohModel {
    fn family(&self) -> &'static Family {
        &family::SPPOH_MODEL
    }

    fn score(&self, layout: &Layout) -> Score {
        let doc = Doc::new(layout, &is_footer);
        let mut confidence = 0.0;
        let mut evidence = Vec::new();
        let revision = doc.furniture.iter().find(|f| is_footer(f)).and_then(|f| revision_of(f));
        if let Some(footer) = doc.furniture.iter().find(|f| is_footer(f)) {
            confidence += FOOTER_WEIGHT;
            evidence.push(format!("footer \"{footer}\""));
        }
        let mut from = 0;
        for (heading, weight) in HEADING_MARKERS {
            // In order where possible, but a heading out of order still counts
            // (the lines from `from` on are known not to have it).
            let found =
                doc.find_heading(from, doc.len(), heading, 0.85).or_else(|| doc.find_heading(0, from, heading, 0.85));
            if let Some(i) = found {
                confidence += weight;
                evidence.push(format!("heading \"{}\"", doc.lines[i].text));
                from = i + 1;
            }
        }
        let flat = flat_lower(&doc);
        for (needle, what, weight) in SENTENCE_MARKERS {
            // A table header is also found as the cells of an extracted table.
            let in_table = || {
                TABLE_HEADER_MARKERS
                    .iter()
                    .any(|(n, spec)| n == needle && (grid::has_header(layout, spec) || wrapped_header(&doc, spec)))
            };
            if flat.contains(needle) || in_table() {
                confidence += weight;
                evidence.push((*what).to_string());
            }
        }
        Score { confidence: (f64::min(confidence, 1.0) * 1000.0).round() / 1000.0, evidence, revision }
    }

    fn normalize(&self, layout: &Layout, record: &mut Record) {
        let doc = Doc::new(layout, &is_footer);
        let sections = Sections::find(&doc);
        let mut out = Out::repeating_warnings(record, layout);
        general::read(&doc, &sections, &mut out);
        body::read(&doc, &sections, &mut out);
        tables::read(&doc, &sections, &mut out);
        for (name, at) in sections.named() {
            if at.is_none() {
                out.warn(notice!("model-heading-missing", heading = name));
            }
        }
        out.finish();
    }
}

/// The whole text, lowercased, on one line with single spaces (for sentence markers).
pub(crate) fn flat_lower(doc: &Doc<'_>) -> String {
    // The lines are whitespace-normalised and never empty, so joined with
    // one space they are too; lowercasing line by line is lowercasing the
    // whole (the joining space stops the one context-dependent rule, final
    // sigma).
    doc.lines.iter().map(|l| l.lower.as_str()).collect::<Vec<_>>().join(" ")
}

/// Line index of each section heading found, searched in template order so
/// that the list under §2 ("A. Basiskwaliteit.") is not taken for heading A.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sections {
    pub title: Option<usize>,
    pub general: Option<usize>,
    pub vision: Option<usize>,
    pub basic: Option<usize>,
    pub a: Option<usize>,
    pub b: Option<usize>,
    pub c: Option<usize>,
    pub hgw_header: Option<usize>,
    pub d: Option<usize>,
    pub expertise: Option<usize>,
    pub partners: Option<usize>,
    pub offers: Option<usize>,
    pub facilities: Option<usize>,
    pub extra: Option<usize>,
    pub limits: Option<usize>,
    pub duty: Option<usize>,
    pub finance: Option<usize>,
    pub evaluation: Option<usize>,
    len: usize,
}

impl Sections {
    fn find(doc: &Doc<'_>) -> Sections {
        let mut s = Sections { len: doc.len(), ..Sections::default() };
        let n = doc.len();
        let heading = |from: usize, target: &str| -> Option<usize> {
            let want = crate::common::doc::heading_words(target);
            let anchor = crate::common::doc::longest_word(&want);
            (from..n).find(|&i| {
                let t = &doc.lines[i].text;
                doc.lines[i].lower.contains(&anchor)
                    && !t.ends_with('.')
                    && t.chars().count() <= target.chars().count() + 16
                    && sop_model::text::word_similarity(&crate::common::doc::heading_words(t), &want) >= 0.85
            })
        };
        s.title = doc.find(0, n.min(40), |t| t.to_lowercase().starts_with("schoolondersteuningsprofiel"));
        let mut at = 0;
        let next = |target: &str, at: &mut usize| -> Option<usize> {
            let found = heading(*at, target);
            if let Some(i) = found {
                *at = i + 1;
            }
            found
        };
        s.general = next(H_GENERAL, &mut at);
        s.vision = next(H_VISION, &mut at);
        s.basic = next(H_BASIC, &mut at);
        s.a = next(H_A, &mut at);
        s.b = next(H_B, &mut at);
        s.c = next(H_C, &mut at);
        // The HGW header: the first line of the extracted table with its
        // header (a wrapped, centred header cell puts other words first),
        // else the line that starts with its first cell.
        let hgw_table = (doc.origin == Origin::Pdf)
            .then(|| grid::find(doc.layout, &hgw_spec(), doc.at(at.saturating_sub(1)), (u32::MAX, 0.0)))
            .flatten()
            .and_then(|g| doc.first_line_at(at, n, g.start));
        s.hgw_header = hgw_table.or_else(|| {
            // The line that starts with the first header cell, and the lines
            // of header pieces just above it (a header centred or aligned to
            // the bottom puts its other cells' first lines higher).
            let mut h = doc.find(at, n, |t| t.to_lowercase().starts_with("uitgangspunt hgw"))?;
            let keys = tables::header_keys(&hgw_spec());
            while h > at && tables::is_header_piece_line(doc, h - 1, &keys) {
                h -= 1;
            }
            Some(h)
        });
        if let Some(h) = s.hgw_header {
            at = h + 1;
        }
        s.d = next(H_D, &mut at);
        s.expertise = next(H_EXPERTISE, &mut at);
        s.partners = next(H_PARTNERS, &mut at);
        s.offers = next(H_OFFERS, &mut at);
        s.facilities = next(H_FACILITIES, &mut at);
        s.extra = next(H_EXTRA, &mut at);
        let after_extra = at;
        s.duty = next(H_DUTY, &mut at);
        s.finance = next(H_FINANCE, &mut at);
        s.evaluation = next(H_EVALUATION, &mut at);
        if s.extra.is_some() {
            let end = s.duty.or(s.finance).or(s.evaluation).unwrap_or(n);
            s.limits = heading(after_extra, H_LIMITS).filter(|&i| i < end);
        }
        s
    }

    /// The template's headings with where they were found, for warnings.
    fn named(&self) -> Vec<(&'static str, Option<usize>)> {
        vec![
            (H_VISION, self.vision),
            (H_BASIC, self.basic),
            (H_B, self.b),
            (H_C, self.c),
            (H_D, self.d),
            (H_EXPERTISE, self.expertise),
            (H_PARTNERS, self.partners),
            (H_OFFERS, self.offers),
            (H_FACILITIES, self.facilities),
            (H_EXTRA, self.extra),
            (H_DUTY, self.duty),
            (H_FINANCE, self.finance),
            (H_EVALUATION, self.evaluation),
        ]
    }

    /// Every heading position found, sorted, for "where does this section end".
    fn all(&self) -> Vec<usize> {
        let mut v: Vec<usize> = [
            self.general,
            self.vision,
            self.basic,
            self.a,
            self.b,
            self.c,
            self.hgw_header,
            self.d,
            self.expertise,
            self.partners,
            self.offers,
            self.facilities,
            self.extra,
            self.limits,
            self.duty,
            self.finance,
            self.evaluation,
        ]
        .into_iter()
        .flatten()
        .collect();
        v.sort_unstable();
        v
    }

    /// The lines of the section whose heading is at `start`: up to the next
    /// heading found, or the end of the document.
    pub(crate) fn body(&self, start: Option<usize>) -> Option<std::ops::Range<usize>> {
        let s = start?;
        let end = self.all().into_iter().find(|&i| i > s).unwrap_or(self.len);
        Some(s + 1..end)
    }
}

/// The Model's ways of recording what it read: the lines are ranges of the
/// one [`Doc`], and kept text goes to `unmapped` as it is read, with the
/// provenance of its first line.
pub(crate) trait ModelOut {
    fn prov(&mut self, pointer: impl Into<String>, doc: &Doc<'_>, range: std::ops::Range<usize>);
    /// Keeps school text that fits no field.
    fn unmapped(&mut self, heading: Option<&str>, doc: &Doc<'_>, range: std::ops::Range<usize>);
}

impl ModelOut for Out<'_> {
    fn prov(&mut self, pointer: impl Into<String>, doc: &Doc<'_>, range: std::ops::Range<usize>) {
        if range.start < range.end {
            self.record.provenance.insert(pointer.into(), doc.provenance(range));
        }
    }

    fn unmapped(&mut self, heading: Option<&str>, doc: &Doc<'_>, range: std::ops::Range<usize>) {
        if let Some(text) = doc.text(range.clone()) {
            let page = doc.lines.get(range.start).and_then(|l| l.page);
            let i = self.record.unmapped.len();
            self.record.unmapped.push(sop_model::Unmapped { heading: heading.map(str::to_string), text, page });
            self.prov(format!("/unmapped/{i}"), doc, range.start..(range.start + 1).min(range.end));
        }
    }
}
