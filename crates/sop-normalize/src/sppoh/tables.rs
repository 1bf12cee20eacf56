//! The tables: HGW (§2C) and the four tables of §2D.
//!
//! Each table is read in two steps: every line becomes a [`LineCells`] (text
//! origin: the spacing rule; PDF: the header's column x positions), then
//! lines are grouped into rows ([`group_rows`], or the HGW's own grouping
//! because its rows carry explanation paragraphs).

use sop_i18n::notice;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use sop_model::text::normalize_ws;
use sop_model::{Expertise, Facility, HgwItem, Involvement, Offer, OfferKind, Origin, Partner, PartnerKind, Provider};

use super::template::*;
use super::{ModelOut, Out, Sections};
use crate::common::dates::month_number;
use crate::common::doc::{Doc, DocLine};
use crate::common::grid::{self, header_key as key, Grid};
use crate::common::labels::{assign_keys, yes_no, YesNo};
use crate::common::table::{group_rows, split_text_row, strip_one_trailing, Columns, LineCells, Row};
use crate::common::text::join as join_lines;
use sop_model::text::is_cell_mark as is_mark;

static ROW_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}\s*\.\s*\S").expect("valid regex"));

pub(super) fn read(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    hgw(doc, s, out);
    expertise(doc, s, out);
    partners(doc, s, out);
    offers(doc, s, out);
    facilities(doc, s, out);
}

/// Where a table's header ends: the first line at or after `from` (within
/// `range`) containing `last_header_word`, looked for in the first few lines.
fn header_end(doc: &Doc<'_>, range: &Range<usize>, last_header_word: &str) -> Option<usize> {
    let w = last_header_word.to_lowercase();
    (range.start..range.end.min(range.start + 8)).find(|&i| doc.lines[i].text.to_lowercase().contains(&w))
}

/// The letters of each header cell.
pub(super) fn header_keys(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| key(n)).collect()
}

/// PDF: whether every run of line `i` is a piece of a header cell (a header
/// line, or a header repeated on the next page).
pub(super) fn is_header_piece_line(doc: &Doc<'_>, i: usize, keys: &[String]) -> bool {
    doc.origin == Origin::Pdf
        && !doc.lines[i].runs.is_empty()
        && doc.lines[i].runs.iter().all(|r| {
            // The run as a whole, or word by word (narrow cells printed as one run).
            let piece = |t: &str| {
                let k = key(t);
                k.is_empty() || keys.iter().any(|n| n.contains(&k))
            };
            piece(&r.text) || r.text.split_whitespace().all(piece)
        })
}

/// PDF: where a table's header ends, found by its cells' words: the header
/// is the first block of lines (among the section's first lines) each of
/// whose runs is a piece of a header cell ("Structure" + "el", "Niet van" +
/// "toepassin" + "g": cells wrapped inside words in narrow columns), and it
/// must hold the start of the last value column.
fn pdf_header_end(doc: &Doc<'_>, range: &Range<usize>, names: &[&str]) -> Option<usize> {
    let keys = header_keys(names);
    let piece = |i: usize| is_header_piece_line(doc, i, &keys);
    let window = range.start..range.end.min(range.start + 10);
    let first = window.clone().find(|&i| piece(i))?;
    let mut end = first;
    while end + 1 < range.end && piece(end + 1) {
        end += 1;
    }
    let last = keys.last()?;
    let has_last = (first..=end).any(|i| {
        doc.lines[i].runs.iter().any(|r| {
            let k = key(&r.text);
            k.len() >= 2 && last.starts_with(&k)
        })
    });
    has_last.then_some(end)
}

/// How the lines of one table are read into cells.
enum Reader {
    Text {
        n: usize,
        is_start: fn(&str) -> bool,
    },
    Pdf(Columns),
    /// A PDF whose header columns could not be located.
    Unreadable,
}

impl Reader {
    fn new(doc: &Doc<'_>, header: Range<usize>, names: &[&str], is_start: fn(&str) -> bool) -> Reader {
        match doc.origin {
            Origin::Text => Reader::Text { n: names.len(), is_start },
            Origin::Pdf => {
                let lines: Vec<_> = doc.lines[header].iter().collect();
                Columns::from_header(&lines, names).map_or(Reader::Unreadable, Reader::Pdf)
            }
        }
    }

    fn cells(&self, doc: &Doc<'_>, i: usize) -> LineCells {
        match self {
            Reader::Text { n, is_start } => split_text_row(&doc.lines[i].raw, *n, &|t| is_start(t)),
            Reader::Pdf(c) => c.line_cells(doc, i),
            Reader::Unreadable => LineCells { label: doc.lines[i].text.clone(), cells: Vec::new() },
        }
    }
}

fn mark_start(t: &str) -> bool {
    is_mark(t)
}

fn facility_start(t: &str) -> bool {
    is_mark(t) || yes_no(t).is_some_and(|(_, note)| note.is_none() || t.contains('('))
}

fn hgw(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(h) = s.hgw_header else {
        if s.c.is_some() {
            out.warn(notice!("model-hgw-header-missing"));
        }
        return;
    };
    let end = s.d.or(s.expertise).unwrap_or(doc.len());
    struct HgwRow {
        label: String,
        note: Vec<String>,
        marks: Vec<(usize, String)>,
        lines: Range<usize>,
    }
    let mut rows = Vec::new();
    let spec = super::hgw_spec();
    // From section C's heading: a header that wraps puts its first line
    // before the line the header was found by.
    let grid = find_grid(doc, s.c.map_or(h, |c| c + 1).min(h)..end, &spec, "HGW", out);
    let readable = grid.is_some() || doc.origin == Origin::Text;
    if let Some(g) = &grid {
        for (k, r) in g.rows.iter().enumerate() {
            let (first, last) = doc.grid_row_lines(h..end, g, k).unwrap_or((h, h));
            // The label is the cell's first sentence (the template's labels end
            // with a period); what the school wrote under it is the note.
            let lines = &r.cells[0];
            let cut = lines.iter().position(|l| l.ends_with('.')).map_or(lines.len(), |p| p + 1).min(4);
            let label = join_lines(&lines[..cut]);
            let mut note: Vec<String> = lines[cut..].to_vec();
            let mut marks = Vec::new();
            for c in 1..=HGW_COLUMNS.len() {
                let t = r.text(c);
                match t.split_whitespace().next() {
                    Some(first) if is_mark(first) => marks.push((c, t.clone())),
                    Some(_) => note.push(t.clone()),
                    None => {}
                }
            }
            rows.push(HgwRow { label, note, marks, lines: first..last + 1 });
        }
    }
    let is_row_start = |i: usize| {
        let t = &doc.lines[i].text;
        ROW_NUMBER.is_match(t) || t.to_lowercase().starts_with("handelingsgericht werken is")
    };
    let first = if grid.is_some() { None } else { (h..end).find(|&i| is_row_start(i)) };
    if grid.is_none() && first.is_none() {
        out.warn(notice!("model-hgw-no-rows"));
        return;
    }
    let first = first.unwrap_or(end);
    let hgw_keys = header_keys(&spec);
    let reader = Reader::new(doc, h..first, HGW_COLUMNS, mark_start);
    let readable = readable || !matches!(reader, Reader::Unreadable);
    if !readable {
        out.warn(notice!("model-hgw-columns-unreadable"));
    }
    let starts: Vec<usize> =
        if grid.is_some() { Vec::new() } else { (first..end).filter(|&i| is_row_start(i)).collect() };
    for (k, &st) in starts.iter().enumerate() {
        let stop = starts.get(k + 1).copied().unwrap_or(end);
        let mut row = HgwRow { label: String::new(), note: Vec::new(), marks: Vec::new(), lines: st..stop };
        let mut in_label = true;
        for i in st..stop {
            if doc.lines[i].page != doc.lines[h].page && is_header_piece_line(doc, i, &hgw_keys) {
                continue; // the header repeated on the next page
            }
            let lc = reader.cells(doc, i);
            row.marks.extend(lc.cells.into_iter().filter(|(_, t)| is_mark(t)));
            if lc.label.is_empty() {
                continue;
            }
            // A label broken over a page goes on at the top of the next one.
            let next_page = i > st && doc.lines[i].page != doc.lines[i - 1].page && !row.label.ends_with('.');
            if in_label && (i == st || !doc.lines[i].gap_before || next_page) {
                if !row.label.is_empty() && !doc.joins_without_space(&doc.lines[i - 1], &lc.label) {
                    row.label.push(' ');
                }
                row.label.push_str(&lc.label);
                // The template's labels end with a period.
                if row.label.ends_with('.') || i + 1 - st >= 4 {
                    in_label = false;
                }
            } else {
                in_label = false;
                row.note.push(lc.label);
            }
        }
        rows.push(row);
    }
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    let keys = assign_keys(&labels, HGW_ROWS);
    for (k, (row, (key, _))) in rows.into_iter().zip(keys).enumerate() {
        let mut cols: Vec<usize> = row.marks.iter().map(|(c, _)| *c).collect();
        cols.sort_unstable();
        cols.dedup();
        // Column c (from 1) is the c-th of the Model's status words; a mark
        // beyond the last column counts as the last.
        let status_of = |c: usize| HGW_WORDS[c.clamp(1, HGW_WORDS.len()) - 1].1;
        let status = cols.last().map(|&c| status_of(c));
        if cols.len() > 1 {
            out.warn(notice!(
                "model-hgw-marked-twice",
                row = &row.label,
                columns = cols.len(),
                used = HGW_COLUMNS[cols.last().copied().unwrap_or(1).clamp(1, HGW_COLUMNS.len()) - 1]
            ));
        } else if cols.is_empty() && readable {
            out.warn(notice!("model-hgw-no-mark", row = &row.label));
        }
        let raw =
            (!row.marks.is_empty()).then(|| row.marks.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" "));
        let note = Some(join_lines(&row.note)).filter(|n| !n.is_empty());
        out.record.hgw.push(HgwItem { key, label: row.label, status, raw, note });
        out.prov(format!("/hgw/{k}"), doc, row.lines);
    }
}

/// Text origin of "Extra expertise binnen het team": label, then the first
/// Ja/Nee word, then the hours cell (any words). A line without Ja/Nee is a
/// label or a wrapped cell.
fn expertise_text_cells(raw: &str) -> LineCells {
    let tokens: Vec<&str> = strip_one_trailing(raw).split(' ').collect();
    let yn = tokens.iter().enumerate().skip(1).find(|(_, t)| {
        let l = t.to_lowercase();
        l == "ja" || l == "nee" || l == "ja," || l == "nee,"
    });
    match yn {
        Some((i, t)) => {
            let mut cells = vec![(1, t.trim_end_matches(',').to_string())];
            let rest = normalize_ws(&tokens[i + 1..].join(" "));
            if !rest.is_empty() {
                cells.push((2, rest));
            }
            LineCells { label: normalize_ws(&tokens[..i].join(" ")), cells }
        }
        None => LineCells { label: normalize_ws(raw), cells: Vec::new() },
    }
}

/// The extracted table of a section (`range`: the section's lines, its
/// heading before them), recognised by its header `spec` (label column
/// first). Columns the template does not have are kept in `unmapped`.
fn find_grid(doc: &Doc<'_>, range: Range<usize>, spec: &[&str], what: &str, out: &mut Out<'_>) -> Option<Grid> {
    if doc.origin != Origin::Pdf {
        return None;
    }
    let g = grid::find(doc.layout, spec, doc.at(range.start.saturating_sub(1)), doc.at(range.end))?;
    // Lines of the section the table does not hold: inside it, the line
    // reader reads the section; below it, they are kept under unmapped.
    for k in grid::strays(&g, range.clone().map(|i| doc.at(i)))? {
        let i = range.start + k;
        out.unmapped(Some(what), doc, i..i + 1);
    }
    for (k, name) in g.extra_columns.iter().enumerate() {
        let texts: Vec<String> = g
            .rows
            .iter()
            .filter(|r| !r.extra[k].is_empty())
            .map(|r| format!("{}: {}", r.text(0), r.extra[k]))
            .collect();
        out.warn(notice!("model-extra-column", table = what, column = name));
        if !texts.is_empty() {
            out.record.unmapped.push(sop_model::Unmapped {
                heading: Some(format!("{what}: {name}")),
                text: texts.join("\n"),
                page: g.rows.first().map(|r| r.page),
            });
        }
    }
    Some(g)
}

/// The rows of a table. `names` are its header cells, label column first.
fn table_rows(
    doc: &Doc<'_>,
    body: Range<usize>,
    names: &[&str],
    header_word: &str,
    text_cells: &dyn Fn(&DocLine) -> LineCells,
    what: &str,
    out: &mut Out<'_>,
) -> Vec<Row> {
    if let Some(g) = find_grid(doc, body.clone(), names, what, out) {
        return g
            .rows
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let (first, last) = doc.grid_row_lines(body.clone(), &g, k).unwrap_or((body.start, body.start));
                let cells = r.cells.iter().map(|c| grid::cell_text(c).unwrap_or_default()).collect();
                Row { first, last, cells }
            })
            .collect();
    }
    let header = if doc.origin == Origin::Pdf { pdf_header_end(doc, &body, names) } else { None };
    let all_names = names;
    let names = &names[1..];
    let Some(he) = header.or_else(|| header_end(doc, &body, header_word)) else {
        out.warn(notice!("model-table-header-missing", table = what));
        return Vec::new();
    };
    let reader = match doc.origin {
        Origin::Text => None,
        Origin::Pdf => {
            let lines: Vec<_> = doc.lines[body.start..he + 1].iter().collect();
            let cols = Columns::from_header(&lines, names);
            if cols.is_none() {
                out.warn(notice!("model-table-columns-unreadable", table = what));
            }
            cols
        }
    };
    let keys = header_keys(all_names);
    let header_page = doc.lines[he].page;
    let cells_of = |i: usize| match (&reader, doc.origin) {
        // The header repeated on the next page is no row.
        _ if doc.lines[i].page != header_page && is_header_piece_line(doc, i, &keys) => LineCells::default(),
        (_, Origin::Text) => text_cells(&doc.lines[i]),
        (Some(c), _) => c.line_cells(doc, i),
        (None, _) => LineCells { label: doc.lines[i].text.clone(), cells: Vec::new() },
    };
    group_rows(he + 1..body.end, names.len(), doc, &cells_of)
}

fn number(s: &str) -> Option<f64> {
    s.trim().replace(',', ".").parse::<f64>().ok()
}

static FTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(\d+(?:[.,]\d+)?)\s*fte$").expect("valid regex"));
static HOURS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(\d+(?:[.,]\d+)?)\s*(?:uur|u|uren)?(?:\s*per\s+week)?$").expect("valid regex"));

fn expertise(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(body) = s.body(s.expertise) else { return };
    let rows = table_rows(
        doc,
        body,
        &[&["Expertise"], EXPERTISE_COLUMNS].concat(),
        "beschikbaar",
        &|l: &DocLine| expertise_text_cells(&l.raw),
        "Extra expertise binnen het team",
        out,
    );
    let labels: Vec<&str> = rows.iter().map(|r| r.label()).collect();
    let keys = assign_keys(&labels, EXPERTISE_ROWS);
    for (row, (key, _)) in rows.iter().zip(keys) {
        if row.label().is_empty() {
            out.unmapped(Some(H_EXPERTISE), doc, row.first..row.last + 1);
            continue;
        }
        let available = row.cell(1).and_then(yes_no).map(|(v, _)| v == YesNo::Yes);
        let capacity = row.cell(2).map(str::to_string);
        let fte = capacity.as_deref().and_then(|c| FTE.captures(c)).and_then(|c| number(&c[1]));
        let hours = if fte.is_none() {
            capacity.as_deref().and_then(|c| HOURS.captures(c)).and_then(|c| number(&c[1]))
        } else {
            None
        };
        if available.is_none() {
            out.warn(notice!("model-expertise-yes-no-unreadable", row = row.label()));
        }
        let k = out.record.expertise.len();
        out.record.expertise.push(Expertise {
            key,
            label: row.label().to_string(),
            available,
            capacity,
            fte,
            hours,
            provided_by: available.map(|a| if a { vec![Provider::School] } else { Vec::new() }),
        });
        out.prov(format!("/expertise/{k}"), doc, row.first..row.last + 1);
    }
}

fn partners(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(body) = s.body(s.partners) else { return };
    let text_cells = |l: &DocLine| split_text_row(&l.raw, 4, &mark_start);
    let rows = table_rows(
        doc,
        body,
        &[&["Betrokken experts"], PARTNER_COLUMNS].concat(),
        "toepassing",
        &text_cells,
        "Expertise van externe deskundigen",
        out,
    );
    let labels: Vec<&str> = rows.iter().map(|r| r.label()).collect();
    let keys = assign_keys(&labels, PARTNER_ROWS);
    for (row, (key, _)) in rows.iter().zip(keys) {
        if row.label().is_empty() {
            out.unmapped(Some(H_PARTNERS), doc, row.first..row.last + 1);
            continue;
        }
        let marked = row.filled();
        let involvement = marked.first().map(|&c| match c {
            1 => Involvement::Structural,
            2 => Involvement::Regular,
            3 => Involvement::Incidental,
            _ => Involvement::NotApplicable,
        });
        if marked.len() > 1 {
            out.warn(notice!("model-partner-marked-twice", row = row.label(), columns = marked.len()));
        } else if marked.is_empty() {
            out.warn(notice!("model-partner-no-mark", row = row.label()));
        }
        let k = out.record.partners.len();
        out.record.partners.push(Partner {
            key,
            name: row.label().to_string(),
            kind: PartnerKind::ExternalExpert,
            involvement,
        });
        out.prov(format!("/partners/{k}"), doc, row.first..row.last + 1);
    }
}

/// Words that open a "Periode wanneer in te zetten" cell: time expressions.
fn starts_like_timing(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    month_number(w).is_some()
        || [
            "na",
            "vanaf",
            "start",
            "tijdens",
            "gedurende",
            "hele",
            "gehele",
            "wekelijks",
            "jaarlijks",
            "dagelijks",
            "maandelijks",
            "periode",
            "periodes",
            "voorjaar",
            "najaar",
            "eind",
            "begin",
            "halverwege",
            "schooljaar",
            "doorlopend",
            "altijd",
            "wanneer",
            "indien",
            "groep",
            "groepen",
        ]
        .contains(&w)
}

/// Text origin of "Extra aanbod": two text columns that the spacing cannot
/// separate unless a cell is empty (a double space) or the second cell starts
/// a new capitalised phrase. The guess is reported in `warnings`.
fn offer_text_cells(raw: &str, starts_row: bool) -> LineCells {
    let stripped = strip_one_trailing(raw);
    let tokens: Vec<&str> = stripped.split(' ').collect();
    let join = |t: &[&str]| normalize_ws(&t.join(" "));
    // A leading empty token: the first cell is empty.
    if tokens.first() == Some(&"") && tokens.len() > 1 {
        return LineCells { label: String::new(), cells: vec![(1, join(&tokens[1..]))] };
    }
    // A trailing empty token: the second cell is empty.
    if tokens.len() > 1 && tokens.last() == Some(&"") {
        return LineCells { label: join(&tokens), cells: Vec::new() };
    }
    // An empty token inside: the label's own trailing space before the cell.
    if let Some(i) = tokens.iter().position(|t| t.is_empty()) {
        return LineCells { label: join(&tokens[..i]), cells: vec![(1, join(&tokens[i + 1..]))] };
    }
    if !starts_row {
        // A wrapped line continues whatever cell it is under.
        return LineCells { label: join(&tokens), cells: Vec::new() };
    }
    if tokens.first().is_some_and(|t| starts_like_timing(t)) {
        return LineCells { label: String::new(), cells: vec![(1, join(&tokens))] };
    }
    // The last capitalised word followed by a lowercase word, after the first.
    let upper = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    let lower = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    if let Some(i) = (1..tokens.len().saturating_sub(1))
        .find(|&i| upper(tokens[i]) && lower(tokens[i + 1]) && !tokens[i - 1].ends_with(','))
    {
        return LineCells { label: join(&tokens[..i]), cells: vec![(1, join(&tokens[i..]))] };
    }
    LineCells { label: join(&tokens), cells: Vec::new() }
}

fn offers(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(body) = s.body(s.offers) else { return };
    let rows = table_rows(
        doc,
        body,
        &[&["Aanbod"], OFFER_COLUMNS].concat(),
        "periode",
        &|l: &DocLine| offer_text_cells(&l.raw, l.gap_before),
        "Extra aanbod georganiseerd door de school",
        out,
    );
    if doc.origin == Origin::Text && !rows.is_empty() {
        out.warn(notice!("model-offer-border-guessed"));
    }
    let labels: Vec<&str> = rows.iter().map(|r| r.label()).collect();
    let keys = assign_keys(&labels, &[]);
    for (row, (key, _)) in rows.iter().zip(keys) {
        if row.label().is_empty() {
            out.unmapped(Some(H_OFFERS), doc, row.first..row.last + 1);
            continue;
        }
        let k = out.record.offers.len();
        out.record.offers.push(Offer {
            key,
            name: row.label().to_string(),
            kind: OfferKind::Programme,
            timing: row.cell(1).map(str::to_string),
            provided_by: Some(vec![Provider::School]),
        });
        out.prov(format!("/offers/{k}"), doc, row.first..row.last + 1);
    }
}

fn facilities(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let Some(body) = s.body(s.facilities) else { return };
    let text_cells = |l: &DocLine| split_text_row(&l.raw, 2, &facility_start);
    let rows = table_rows(
        doc,
        body,
        &[&["Voorziening"], FACILITY_COLUMNS].concat(),
        "toepassing",
        &text_cells,
        "Bijzondere voorzieningen",
        out,
    );
    let labels: Vec<&str> = rows.iter().map(|r| r.label()).collect();
    let keys = assign_keys(&labels, FACILITY_ROWS);
    for (row, (key, _)) in rows.iter().zip(keys) {
        if row.label().is_empty() {
            out.unmapped(Some(H_FACILITIES), doc, row.first..row.last + 1);
            continue;
        }
        let filled = row.filled();
        let (present, note) = match filled.first() {
            None => {
                out.warn(notice!("model-facility-empty", row = row.label()));
                (None, None)
            }
            Some(&c) => {
                let cell = row.cell(c).unwrap_or_default();
                if let Some((v, note)) = yes_no(cell) {
                    (Some(v == YesNo::Yes), note)
                } else {
                    let first = cell.split_whitespace().next().unwrap_or_default();
                    let words = cell[first.len()..].trim().trim_start_matches([',', ';', ':']).trim();
                    let note = (!words.is_empty()).then(|| words.to_string());
                    if is_mark(first) {
                        // Text input: a cell with a mark and words wraps, and
                        // the wrapped row loses the spacing that tells its
                        // column; the school explains something present.
                        let wrapped = doc.origin == Origin::Text && note.is_some() && row.last > row.first;
                        if wrapped && c != 1 {
                            out.warn(notice!("model-facility-column-unclear", row = row.label(), cell = cell));
                            (Some(true), note)
                        } else {
                            (Some(c == 1), note)
                        }
                    } else {
                        (Some(c == 1), Some(cell.to_string()))
                    }
                }
            }
        };
        let k = out.record.facilities.len();
        out.record.facilities.push(Facility { key, name: row.label().to_string(), present, note });
        out.prov(format!("/facilities/{k}"), doc, row.first..row.last + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expertise_cells_split_at_ja_nee() {
        let lc = expertise_text_cells("Expertise tweede taal/NT2 Ja 2 + in takenpakket intern begeleider ");
        assert_eq!(lc.label, "Expertise tweede taal/NT2");
        assert_eq!(lc.cells, vec![(1, "Ja".into()), (2, "2 + in takenpakket intern begeleider".into())]);
        assert_eq!(expertise_text_cells("Expertise zieke leerlingen Nee   ").cells, vec![(1, "Nee".into())]);
    }

    #[test]
    fn offer_cells_by_spacing_and_capitals() {
        let lc = offer_text_cells("Playing for Success  Vaste periodes aangegeven door PFS, voorjaar of najaar ", true);
        assert_eq!(
            (lc.label.as_str(), lc.cells[0].1.as_str()),
            ("Playing for Success", "Vaste periodes aangegeven door PFS, voorjaar of najaar")
        );
        let lc = offer_text_cells("Rots en Water Aanbod door leerkracht, inzet is afhankelijk van de hulpvraag ", true);
        assert_eq!(lc.label, "Rots en Water");
        let lc = offer_text_cells("Denk aan: Powerkidzzz training  ", true);
        assert!(lc.cells.is_empty());
        let lc = offer_text_cells(" Trainingen worden ingekocht wanneer school denkt dat ze ", true);
        assert!(lc.label.is_empty());
    }
}
