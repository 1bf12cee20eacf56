//! Chapter 3, Ondersteuningsmogelijkheden: the three provider-marked tables
//! (§3.1 Specialismen, §3.2 Voorzieningen, §3.3 Onderwijsaanbod), the list of
//! physical spaces (§3.4), the protocols (§3.5) and the HGW self-assessment
//! (§3.6).

use sop_i18n::notice;
use std::collections::{BTreeMap, BTreeSet};

use sop_model::text::normalize_ws;
use sop_model::{Expertise, Facility, HgwItem, HgwStatus, HgwSummary, Offer, OfferKind, Protocol, Provider};

use super::doc::{Doc, Kind, Part, PosLine};
use super::marks::{self, Band};
use super::text::{join, starts_lowercase};
use super::{check_fixed, fixed, grid_of, refs, row_lines, Out, PosOut};
use crate::common::doc::DocLine;
use crate::common::grid;
use crate::common::labels::unique_key;
use crate::common::tolerant::{is_ocr, key_label};

/// The provider columns of §3.1-3.3, as their header names them.
const PROVIDER_COLUMNS: [&str; 3] = ["Op de school", "Via het bestuur", "Via het SWV of derden"];
const PROVIDERS: [Provider; 3] = [Provider::School, Provider::Board, Provider::SwvOrThirdParty];

pub(crate) fn parse(doc: &Doc, out: &mut Out<'_>) {
    for (kind, name, intro) in [
        (Kind::Specialismen, "3.1 Specialismen", fixed::SPECIALISMEN_INTRO),
        (Kind::Voorzieningen, "3.2 Voorzieningen", fixed::VOORZIENINGEN_INTRO),
        (Kind::Onderwijsaanbod, "3.3 Onderwijsaanbod", fixed::ONDERWIJSAANBOD_INTRO),
    ] {
        match doc.part(kind) {
            Some(part) => marked_table(doc, out, part, kind, name, intro),
            None => out.warn(notice!("paragraph-missing", paragraph = name)),
        }
    }
    facilities(doc, out);
    protocols(doc, out);
    hgw(doc, out);
}

/// A table row: its label and the lines it was read from.
struct Row<'p> {
    label: String,
    lines: Vec<&'p DocLine>,
}

/// Rows of a one-label-column table: one row per line, except that a line
/// starting in lowercase continues the row above (a wrapped label), unless
/// the row above already showed its empty cells (trailing spaces in text).
fn rows<'p>(lines: &[&'p DocLine]) -> Vec<Row<'p>> {
    rows_by(lines, &|l: &DocLine| l.text.clone())
}

/// [`rows`] with the label part of each line given by `label_of`: a line
/// whose label part is empty (marks standing on a line of their own, beside
/// a label that wraps) belongs to the row above.
fn rows_by<'p>(lines: &[&'p DocLine], label_of: &dyn Fn(&DocLine) -> String) -> Vec<Row<'p>> {
    let mut rows: Vec<Row<'p>> = Vec::new();
    for l in lines {
        let text = label_of(l);
        let closed = rows.last().and_then(|r| r.lines.last()).is_some_and(|p| p.trailing_spaces() >= 2);
        let ends_hyphen = rows.last().is_some_and(|r| r.label.ends_with('-') || r.label.ends_with(','));
        match rows.last_mut() {
            Some(r) if text.is_empty() => r.lines.push(l),
            Some(r) if !closed && (starts_lowercase(&text) || ends_hyphen) => {
                r.label = join(&[r.label.as_str(), text.as_str()]);
                r.lines.push(l);
            }
            _ if text.is_empty() => {}
            _ => rows.push(Row { label: text, lines: vec![l] }),
        }
    }
    rows
}

/// The label column's header of each provider-marked table.
fn label_column(kind: Kind) -> &'static str {
    match kind {
        Kind::Specialismen => "Specialisten",
        Kind::Voorzieningen => "Voorziening",
        _ => "Onderwijsaanbod",
    }
}

/// The rows of a provider-marked table, the providers marked in each, and
/// where the table starts.
type MarkedRows<'p> = (Vec<Row<'p>>, Vec<Option<BTreeSet<Provider>>>, grid::At);

/// §3.1-3.3 from the extracted table: rows with the providers whose cell holds
/// a mark. `None` when no table with the provider header was found.
fn marked_rows_from_grid<'p>(doc: &Doc, out: &mut Out<'_>, part: &'p Part, kind: Kind) -> Option<MarkedRows<'p>> {
    let spec = [label_column(kind), PROVIDER_COLUMNS[0], PROVIDER_COLUMNS[1], PROVIDER_COLUMNS[2]];
    let g = grid_of(doc, part, &spec, out)?;
    let mut rows = Vec::new();
    let mut marked = Vec::new();
    for r in &g.rows {
        let label = join(&r.cells[0]);
        if label.is_empty() {
            out.unmapped(Some(part.title()), &row_lines(part, r));
            continue;
        }
        let providers: BTreeSet<Provider> =
            (1..=3).filter(|&c| !r.text(c).trim().is_empty()).map(|c| PROVIDERS[c - 1]).collect();
        rows.push(Row { label, lines: row_lines(part, r) });
        marked.push(Some(providers));
    }
    Some((rows, marked, g.start))
}

fn marked_table(doc: &Doc, out: &mut Out<'_>, part: &Part, kind: Kind, name: &str, intro: &str) {
    let lines = refs(part);
    let positioned = out.positioned();
    if let Some((rows, marked, start)) = marked_rows_from_grid(doc, out, part, kind) {
        // The intro is the fixed text above the table.
        let above = lines.iter().take_while(|l| (l.page.unwrap_or(0), l.y) < start).count();
        check_fixed(out, &format!("{name}: inleiding"), &lines[..above], intro);
        let any_mark = marked.iter().any(|m| m.as_ref().is_some_and(|s| !s.is_empty()));
        if !any_mark {
            out.warn(notice!("pos-no-icons", table = name));
        }
        push_marked(out, kind, &rows, marked, any_mark);
        return;
    }
    let Some(header) = marks::find_header(&part.lines, positioned) else {
        out.warn(notice!("pos-provider-header-missing", table = name));
        out.unmapped(Some(part.title()), &lines);
        return;
    };
    // The intro is fixed text up to the header, whose first line also names
    // the label column ("Specialisten", "Voorziening").
    check_fixed(out, &format!("{name}: inleiding"), &lines[..header.start], intro);
    // A header repeated where the table goes on over a page is no row.
    // The header again: a line of its words alone, the label column's among them.
    let body: Vec<&DocLine> = lines[header.body_start..]
        .iter()
        .copied()
        .filter(|l| !(positioned && marks::is_repeated_header(&l.text)))
        .collect();
    let body = &body[..];
    // Glyph marks (☒, ✓) are runs of the line: the label is what stands left
    // of the provider columns.
    let rows = match provider_area(&header) {
        Some(limit) => rows_by(body, &|l: &DocLine| {
            let left: Vec<&str> = l.runs.iter().filter(|r| r.x < limit).map(|r| r.text.as_str()).collect();
            normalize_ws(&left.join(" "))
        }),
        None => rows(body),
    };
    if rows.is_empty() {
        out.warn(notice!("table-no-rows", table = name));
        return;
    }
    let bands = bands(&rows, part, doc);
    let marked = if positioned { marks::assign(&header, &bands, &out.layout.pages) } else { vec![None; rows.len()] };
    let any_mark = marked.iter().any(|m| m.as_ref().is_some_and(|s| !s.is_empty()));
    let readable = positioned && header.columns.len() == 3 && any_mark;
    if !positioned {
        out.warn(notice!("pos-icons-lost-in-text", table = name, rows = rows.len()));
    } else if header.columns.len() < 3 {
        out.warn(notice!("pos-provider-columns-incomplete", table = name));
    } else if !any_mark {
        out.warn(notice!("pos-no-icons", table = name));
    }
    push_marked(out, kind, &rows, marked, readable);
}

/// The rows of §3.1 (expertise) or §3.2-3.3 (offers) into the record.
fn push_marked(
    out: &mut Out<'_>,
    kind: Kind,
    rows: &[Row<'_>],
    marked: Vec<Option<BTreeSet<Provider>>>,
    readable: bool,
) {
    let mut used = BTreeSet::new();
    for (row, m) in rows.iter().zip(marked) {
        let provided_by: Option<Vec<Provider>> = if readable { m.map(|s| s.into_iter().collect()) } else { None };
        let key = unique_key(&row.label, "item", &mut used);
        match kind {
            Kind::Specialismen => {
                let i = out.record.expertise.len();
                out.prov(format!("/expertise/{i}"), &row.lines);
                out.record.expertise.push(Expertise {
                    key,
                    label: row.label.clone(),
                    available: provided_by.as_ref().map(|p| !p.is_empty()),
                    capacity: None,
                    fte: None,
                    hours: None,
                    provided_by,
                });
            }
            _ => {
                let i = out.record.offers.len();
                out.prov(format!("/offers/{i}"), &row.lines);
                let kind = if kind == Kind::Voorzieningen { OfferKind::Provision } else { OfferKind::EducationOffer };
                out.record.offers.push(Offer { key, name: row.label.clone(), kind, timing: None, provided_by });
            }
        }
    }
}

/// Where the provider columns begin: half a column left of the first one's
/// centre. `None` without positions.
fn provider_area(header: &marks::Header) -> Option<f32> {
    let first = header.columns.first()?.1;
    let spacing = header.columns.windows(2).map(|w| w[1].1 - w[0].1).fold(f32::INFINITY, f32::min);
    Some(first - if spacing.is_finite() { spacing / 2.0 } else { 30.0 })
}

/// Each row's vertical band: from the top of its first line to the top of
/// the next row on the same page; the last row on a page (and the last row)
/// reaches to the line after it, or a line height below its last line.
fn bands(rows: &[Row<'_>], part: &Part, _doc: &Doc) -> Vec<Band> {
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let first = row.lines[0];
        // A row broken over a page: its band is on the page it starts on.
        let last = row.lines.iter().rev().find(|l| l.page == first.page).copied().unwrap_or(first);
        let top = marks::line_top(first);
        let bottom = match rows.get(i + 1) {
            Some(next) if next.lines[0].page == first.page => marks::line_top(next.lines[0]),
            _ => {
                // The line after the table, if on this page, closes the band.
                let after = part.lines.iter().find(|l| l.page == last.page && l.y > last.y);
                match after {
                    Some(a) => marks::line_top(a),
                    None => marks::line_bottom(last) + 6.0,
                }
            }
        };
        out.push(Band { page: first.page, top, bottom });
    }
    out
}

/// §3.4 Fysieke ruimten: every listed space is present; "Anders, namelijk …"
/// lists more, separated by semicolons (or commas).
fn facilities(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::FysiekeRuimten) else {
        out.warn(notice!("paragraph-missing", paragraph = "3.4 Fysieke ruimten"));
        return;
    };
    let lines = refs(part);
    let header = lines.iter().position(|l| l.slug() == "fysieke_ruimten");
    let (intro, list) = match header {
        Some(h) => (&lines[..h], &lines[h + 1..]),
        None => (&lines[..], &lines[lines.len()..]),
    };
    check_fixed(out, "3.4 Fysieke ruimten: inleiding", intro, fixed::FYSIEKE_RUIMTEN_INTRO);
    let mut used = BTreeSet::new();
    let mut names: Vec<String> = Vec::new();
    // The list's header, repeated where the list goes on over a page, is no item.
    let list: Vec<&DocLine> = list.iter().copied().filter(|l| l.slug() != "fysieke_ruimten").collect();
    for row in rows(&list) {
        push_facility(out, &row.label, &row.lines, &mut used, &mut names);
    }
    if let Some(anders) = doc.part(Kind::Anders) {
        let lines = refs(anders);
        let text = join(&lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>());
        let sep = if text.contains(';') { ';' } else { ',' };
        for item in text.split(sep).map(normalize_ws).filter(|s| !s.is_empty()) {
            let src: Vec<&DocLine> = lines.iter().filter(|l| l.text.contains(&item)).take(1).copied().collect();
            let src = if src.is_empty() { lines.clone() } else { src };
            push_facility(out, &item, &src, &mut used, &mut names);
        }
    }
}

fn push_facility(
    out: &mut Out<'_>,
    name: &str,
    src: &[&DocLine],
    used: &mut BTreeSet<String>,
    names: &mut Vec<String>,
) {
    if names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
        out.warn(notice!("pos-room-listed-twice", name = name));
        return;
    }
    names.push(name.to_string());
    let key = unique_key(name, "item", used);
    let i = out.record.facilities.len();
    out.prov(format!("/facilities/{i}"), src);
    out.record.facilities.push(Facility { key, name: name.to_string(), present: Some(true), note: None });
}

/// §3.5 Protocollen: a Protocol | Status table.
fn protocols(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::Protocollen) else {
        out.warn(notice!("paragraph-missing", paragraph = "3.5 Protocollen"));
        return;
    };
    let lines = refs(part);
    let Some(h) = lines.iter().position(|l| l.slug() == "protocol_status") else {
        out.warn(notice!("pos-protocols-header-missing"));
        out.unmapped(Some(part.title()), &lines);
        return;
    };
    check_fixed(out, "3.5 Protocollen: inleiding", &lines[..h], fixed::PROTOCOLLEN_INTRO);
    let status_x = column_x(lines[h], "status");
    let mut used = BTreeSet::new();
    // (name, status, lines)
    let mut rows: Vec<(String, Option<String>, Vec<&DocLine>)> = Vec::new();
    let grid = grid_of(doc, part, &["Protocol", "Status"], out);
    if let Some(g) = &grid {
        for r in &g.rows {
            let status = join(&r.cells[1]);
            rows.push((join(&r.cells[0]), (!status.is_empty()).then_some(status), row_lines(part, r)));
        }
    }
    for l in lines[h + 1..].iter().filter(|_| grid.is_none()) {
        let (left, right) = split_cells(l, status_x, out.positioned());
        match rows.last_mut() {
            // A wrapped protocol name: the row above has no status yet, or
            // this line starts in lowercase.
            Some((n, s, src)) if starts_lowercase(&left) => {
                *n = join(&[n.as_str(), left.as_str()]);
                if s.is_none() {
                    *s = right;
                }
                src.push(l);
            }
            Some((_, s @ None, src)) if left.is_empty() && right.is_some() => {
                *s = right;
                src.push(l);
            }
            _ => rows.push((left, right, vec![l])),
        }
    }
    for (name, status, src) in rows {
        if status.is_none() {
            out.warn(notice!("pos-protocol-no-status", name = &name));
        }
        let key = unique_key(&name, "item", &mut used);
        let i = out.record.protocols.len();
        out.prov(format!("/protocols/{i}"), &src);
        out.record.protocols.push(Protocol { key, name, status });
    }
}

/// The left edge of a header cell, when positions are known.
fn column_x(header: &DocLine, name: &str) -> Option<f32> {
    header.runs.iter().find(|r| r.text.trim().eq_ignore_ascii_case(name)).map(|r| r.x - 2.0)
}

/// Splits a two-column line: by the column's x from a PDF, else at the last
/// run of two or more spaces (text extraction keeps the gap between cells).
fn split_cells(l: &DocLine, right_x: Option<f32>, positioned: bool) -> (String, Option<String>) {
    if positioned {
        if let Some(x) = right_x {
            // A run that crosses into the right column (little space between
            // the cells) is cut by its words' estimated positions.
            let words: Vec<(&str, f32)> = l.runs.iter().flat_map(crate::common::table::words_of).collect();
            let left: Vec<&str> = words.iter().filter(|(_, wx)| *wx < x).map(|(w, _)| *w).collect();
            let right: Vec<&str> = words.iter().filter(|(_, wx)| *wx >= x).map(|(w, _)| *w).collect();
            let right = normalize_ws(&right.join(" "));
            return (normalize_ws(&left.join(" ")), (!right.is_empty()).then_some(right));
        }
    }
    let raw = l.runs_text();
    let trimmed = raw.trim();
    match trimmed.rfind("  ") {
        Some(i) => {
            let right = normalize_ws(&trimmed[i..]);
            (normalize_ws(&trimmed[..i]), (!right.is_empty()).then_some(right))
        }
        None => (normalize_ws(trimmed), None),
    }
}

/// A step from one line's baseline to the next larger than this many font
/// sizes starts a new row of a list table (a wrapped label's lines stand
/// about 1.2 apart).
const NEW_ROW_STEP: f32 = 1.35;

/// A PoS score ("Ver ontwikkeld", any case and spacing) on the shared scale,
/// by the family's status words.
fn score_of(s: &str) -> Option<HgwStatus> {
    sop_model::family::PERSPECTIEF_OP_SCHOOL.hgw_status_of(&normalize_ws(s))
}

/// A score written at the end of a line, after a cell gap: "... hebben.  Ontwikkeld".
fn trailing_score(raw: &str) -> Option<(String, String)> {
    let t = raw.trim_end();
    let i = t.rfind("  ")?;
    let (left, right) = (t[..i].trim(), t[i..].trim());
    score_of(right).map(|_| (normalize_ws(left), right.to_string()))
}

/// §3.6 Leerkrachtvaardigheden: the summary row (# N I O V in percentages) and
/// the indicators with their score.
fn hgw(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::Leerkrachtvaardigheden) else {
        out.warn(notice!("pos-hgw-missing"));
        return;
    };
    let lines = refs(part);
    let summary_h = lines.iter().position(|l| l.slug().starts_with("leerkrachtvaardigheden_n_i_o_v"));
    let indicator_h = lines.iter().position(|l| l.slug().starts_with("indicator_hgw"));
    let intro_end = summary_h.or(indicator_h).unwrap_or(lines.len());
    check_fixed(
        out,
        "3.6 Leerkrachtvaardigheden: inleiding en legenda",
        &lines[..intro_end],
        fixed::LEERKRACHTVAARDIGHEDEN_INTRO,
    );
    if let Some(s) = summary_h {
        let end = indicator_h.unwrap_or(lines.len());
        let mut found = false;
        for l in &lines[s + 1..end] {
            match summary(&l.text) {
                Some(sum) if !found => {
                    found = true;
                    out.record.hgw_summary = Some(sum);
                    out.prov("/hgw_summary", &[*l]);
                }
                _ => out.unmapped(Some(part.title()), &[*l]),
            }
        }
        if !found {
            out.warn(notice!("pos-hgw-summary-unreadable"));
        }
    } else {
        out.warn(notice!("pos-hgw-summary-missing"));
    }
    let Some(h) = indicator_h else {
        out.warn(notice!("pos-hgw-table-missing"));
        return;
    };
    // The score column: its header cell, else where the scores stand (a
    // header printed as one run with its neighbour).
    let score_x = column_x(lines[h], "score").or_else(|| {
        let xs: Vec<f32> = lines[h + 1..]
            .iter()
            .flat_map(|l| l.runs.iter())
            .filter(|r| score_of(&r.text).is_some())
            .map(|r| r.x - 2.0)
            .collect();
        (xs.len() >= 3).then(|| xs.iter().copied().fold(f32::INFINITY, f32::min))
    });
    let grid = grid_of(doc, part, &["Indicator HGW", "Score"], out);
    // The header repeated where the table goes on over a page is no indicator.
    let body: Vec<&DocLine> =
        lines[h + 1..].iter().copied().filter(|l| !l.slug().starts_with("indicator_hgw")).collect();
    let rows = match (grid, score_x) {
        (Some(g), _) => g
            .rows
            .iter()
            .map(|r| {
                let score = join(&r.cells[1]);
                (r.cells[0].clone(), (!score.is_empty()).then_some(score), row_lines(part, r))
            })
            .collect(),
        (None, Some(x)) if out.positioned() => indicator_rows_by_gap(&body, x),
        _ => indicator_rows_by_text(out, &body),
    };
    let mut used = BTreeSet::new();
    let mut counts: BTreeMap<HgwStatus, u32> = BTreeMap::new();
    for (label, raw, src) in rows {
        let label = join(&label);
        let status = raw.as_deref().and_then(score_of);
        match (&raw, status) {
            (None, _) => out.warn(notice!("pos-hgw-no-score", indicator = &label)),
            (Some(r), None) => out.warn(notice!("pos-hgw-score-off-scale", score = r, indicator = &label)),
            _ => {}
        }
        if let Some(s) = status {
            *counts.entry(s).or_default() += 1;
        }
        let ocr = src.iter().any(|l| is_ocr(&l.runs));
        let key = unique_key(&key_label(&label, ocr, fixed::HGW_INDICATORS), "item", &mut used);
        let i = out.record.hgw.len();
        out.prov(format!("/hgw/{i}"), &src);
        out.record.hgw.push(HgwItem { key, label, status, raw, note: None });
    }
    check_summary(out, &counts);
}

type IndicatorRow<'p> = (Vec<String>, Option<String>, Vec<&'p DocLine>);

/// Plain text: the score stands on its own line (or after a cell gap at the
/// end of the label's last line) and closes the indicator above it. An
/// indicator without a score ends where its sentence ends and a new one
/// starts.
fn indicator_rows_by_text<'p>(out: &mut Out<'_>, body: &[&'p DocLine]) -> Vec<IndicatorRow<'p>> {
    let mut rows: Vec<IndicatorRow<'p>> = Vec::new();
    let mut open = false; // the last row still waits for its score
    for l in body {
        let (label, score) = if score_of(&l.text).is_some() {
            (String::new(), Some(l.text.clone()))
        } else if let Some((left, right)) = trailing_score(&l.runs_text()) {
            (left, Some(right))
        } else {
            (l.text.clone(), None)
        };
        if !label.is_empty() {
            let sentence_done = rows.last().is_some_and(|(t, _, _)| t.last().is_some_and(|s| s.ends_with('.')));
            let new_sentence = label.chars().next().is_some_and(char::is_uppercase);
            let unscored = rows.last().is_some_and(|r| r.1.is_none());
            if !open || (sentence_done && new_sentence && unscored) {
                rows.push((vec![label], None, vec![*l]));
            } else if let Some(r) = rows.last_mut() {
                r.0.push(label);
                r.2.push(*l);
            }
            open = true;
        }
        if let Some(s) = score {
            match rows.last_mut() {
                Some(r) if r.1.is_none() => {
                    r.1 = Some(s);
                    if !r.2.iter().any(|x| std::ptr::eq(*x, *l)) {
                        r.2.push(*l);
                    }
                }
                _ => out.warn(notice!("pos-hgw-score-without-indicator", score = s)),
            }
            open = false;
        }
    }
    rows
}

/// PDF: table cells are padded, so the lines of one row stand closer together
/// than the last line of a row and the first of the next. A row's score is
/// the text right of the score column, wherever it stands vertically in the
/// row. A row split by a page break has no score in its second part, which
/// joins the first.
fn indicator_rows_by_gap<'p>(body: &[&'p DocLine], score_x: f32) -> Vec<IndicatorRow<'p>> {
    let mut groups: Vec<Vec<&'p DocLine>> = Vec::new();
    for l in body {
        let new_row = match groups.last().and_then(|g| g.last()) {
            None => true,
            Some(prev) => prev.page != l.page || l.y - prev.y > prev.line_height() * NEW_ROW_STEP,
        };
        if new_row {
            groups.push(vec![*l]);
        } else if let Some(g) = groups.last_mut() {
            g.push(*l);
        }
    }
    let mut rows: Vec<IndicatorRow<'p>> = Vec::new();
    for g in groups {
        let mut label = Vec::new();
        let mut score: Option<String> = None;
        for l in &g {
            let (left, right) = split_cells(l, Some(score_x), true);
            if !left.is_empty() {
                label.push(left);
            }
            if let Some(r) = right {
                score = Some(match score {
                    Some(s) => format!("{s} {r}"),
                    None => r,
                });
            }
        }
        let continues = score.is_none()
            && g.first().zip(rows.last().and_then(|r| r.2.last())).is_some_and(|(a, b)| a.page != b.page);
        match rows.last_mut() {
            Some(r) if continues => {
                r.0.extend(label);
                r.2.extend(g);
            }
            _ => rows.push((label, score, g)),
        }
    }
    rows
}

/// "Handelingsgericht werken 14 0 % 14 % 79 % 7 %".
fn summary(text: &str) -> Option<HgwSummary> {
    let t = text.replace('%', " ");
    let nums: Vec<f64> = t
        .split_whitespace()
        .rev()
        .take_while(|w| w.replace(',', ".").parse::<f64>().is_ok())
        .map(|w| w.replace(',', ".").parse::<f64>().unwrap_or(0.0))
        .collect();
    if nums.len() < 5 {
        return None;
    }
    // Read from the right: V O I N #.
    let indicators = nums[4];
    if indicators.fract() != 0.0 || indicators < 0.0 {
        return None;
    }
    Some(HgwSummary {
        indicators: indicators as u32,
        not_started_pct: nums[3],
        developing_pct: nums[2],
        in_place_pct: nums[1],
        advanced_pct: nums[0],
    })
}

/// The summary should agree with the indicators read; say so when it does not.
fn check_summary(out: &mut Out<'_>, counts: &BTreeMap<HgwStatus, u32>) {
    let Some(sum) = out.record.hgw_summary.clone() else { return };
    let n = out.record.hgw.len() as u32;
    if n != sum.indicators {
        out.warn(notice!("pos-hgw-count-mismatch", summary = sum.indicators, table = n));
        return;
    }
    if n == 0 {
        return;
    }
    let pct = |s: HgwStatus| f64::from(*counts.get(&s).unwrap_or(&0)) * 100.0 / f64::from(n);
    for (s, given, name) in [
        (HgwStatus::NotStarted, sum.not_started_pct, "N"),
        (HgwStatus::Developing, sum.developing_pct, "I"),
        (HgwStatus::InPlace, sum.in_place_pct, "O"),
        (HgwStatus::Advanced, sum.advanced_pct, "V"),
    ] {
        if (pct(s) - given).abs() > 1.0 {
            out.warn(notice!("pos-hgw-pct-mismatch", given = given, score = name, computed = format!("{:.0}", pct(s))));
        }
    }
}
