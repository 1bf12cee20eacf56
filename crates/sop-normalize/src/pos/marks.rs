//! Which of the three provider columns (Op de school / Via het bestuur / Via
//! het SWV of derden) a row of §3.1-3.3 has an icon in.
//!
//! The header tells where the columns are: the runs of "Op de school", "Via
//! het bestuur" and "Via het SWV of derden" (each may wrap over two lines)
//! give each column's horizontal centre. A mark belongs to a row when its
//! vertical centre lies in the row's band (from the top of the row's first
//! line to the top of the next row) and to the column whose centre is nearest.

use std::collections::BTreeSet;

use sop_model::{Mark, Page, Provider};

use crate::common::doc::DocLine;

/// Words a provider column header is made of.
const HEADER_WORDS: &[&str] =
    &["op", "de", "school", "via", "het", "bestuur", "swv", "of", "derden", "samenwerkingsverband"];

/// The header of a marks table: where it is and where its columns are.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// Index of the first line after the header.
    pub body_start: usize,
    /// Index of the header's first line.
    pub start: usize,
    /// Horizontal centres: the label column and each provider column found.
    /// Empty for text input (no positions).
    pub label_cx: Option<f32>,
    pub columns: Vec<(Provider, f32)>,
}

fn is_header_word_line(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    !words.is_empty() && words.iter().all(|w| HEADER_WORDS.contains(&w.as_str()))
}

/// Finds the provider header among `lines` (a part's lines): the line with
/// "Op de school" and the header-only lines around it, up to the one that
/// completes "Via het SWV of derden".
pub(crate) fn find_header(lines: &[DocLine], positioned: bool) -> Option<Header> {
    let Some(anchor) = lines.iter().position(|l| l.text.to_lowercase().contains("op de school")) else {
        return positioned.then(|| find_wrapped_header(lines)).flatten();
    };
    let mut start = anchor;
    while start > 0 && anchor - start < 3 && is_header_word_line(&lines[start - 1].text) {
        start -= 1;
    }
    let mut end = anchor + 1;
    let mut seen: String = lines[start..end].iter().map(|l| l.text.to_lowercase() + " ").collect();
    while end < lines.len() && end - anchor < 5 && !(seen.contains("bestuur") && seen.contains("derden")) {
        if !is_header_word_line(&lines[end].text) {
            break;
        }
        seen.push_str(&lines[end].text.to_lowercase());
        seen.push(' ');
        end += 1;
    }
    let mut header = Header { body_start: end, start, label_cx: None, columns: Vec::new() };
    if positioned {
        locate_columns(&lines[start..end], &mut header);
    }
    Some(header)
}

/// A line made only of the header's words, the label column's among them
/// ("Specialisten Op de Via het Via het"): the header, repeated where the
/// table goes on over a page.
pub(crate) fn is_repeated_header(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    !words.is_empty() && words.iter().all(|w| HEADER_WORDS.contains(&w.as_str()) || LABEL_HEADERS.contains(&w.as_str()))
}

/// Label column headers of the three tables.
const LABEL_HEADERS: &[&str] = &["specialisten", "voorziening", "voorzieningen", "onderwijsaanbod"];

/// A header whose cells wrapped so narrowly, or were centred so, that no line
/// holds "Op de school" ("Via het" / "Op de Via het" / "Specialisten SWV of"
/// / "school bestuur" / "derden"): the first block of lines made only of
/// header words (the label column's header among them), which together name
/// all three columns.
fn find_wrapped_header(lines: &[DocLine]) -> Option<Header> {
    let header_line = |t: &str| {
        is_repeated_header(t) && t.split_whitespace().any(|w| HEADER_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let start = lines.iter().position(|l| header_line(&l.text))?;
    let mut end = start;
    while end < lines.len() && header_line(&lines[end].text) {
        end += 1;
    }
    let seen: String = lines[start..end].iter().map(|l| l.text.to_lowercase() + " ").collect();
    if !(seen.contains("school") && seen.contains("bestuur") && seen.contains("derden")) {
        return None;
    }
    let mut header = Header { body_start: end, start, label_cx: None, columns: Vec::new() };
    locate_columns(&lines[start..end], &mut header);
    (header.columns.len() == 3).then_some(header)
}

struct Segment {
    text: String,
}

/// A header run cut where another header cell starts: narrow columns with
/// little space between them come out as one run ("Op de Via het Via het",
/// "Specialisten Op de"). A cell starts at "Op" or "Via" or at the label
/// column's header; each piece gets its share of the run's width by its
/// characters.
fn split_header_run(r: &sop_model::Run) -> Vec<(String, f32, f32)> {
    let starts = |w: &str| {
        let l = w.to_lowercase();
        l == "op" || l == "via" || LABEL_HEADERS.contains(&l.as_str())
    };
    let per_char = r.width.max(0.0) / r.text.chars().count().max(1) as f32;
    let mut out: Vec<(String, f32, f32)> = Vec::new();
    for (i, (w, x0)) in crate::common::table::words_of(r).into_iter().enumerate() {
        let x1 = x0 + w.chars().count() as f32 * per_char;
        match out.last_mut() {
            Some(last) if !(starts(w) && i > 0) => {
                last.0.push(' ');
                last.0.push_str(w);
                last.2 = x1;
            }
            _ => out.push((w.to_string(), x0, x1)),
        }
    }
    out
}

/// Groups the header runs into the three provider columns and the label column.
fn locate_columns(lines: &[DocLine], header: &mut Header) {
    struct Cell {
        text: String,
        x0: f32,
        x1: f32,
    }
    let mut cells: Vec<Cell> = Vec::new();
    for l in lines {
        for (text, x0, x1) in l.runs.iter().flat_map(split_header_run) {
            let r = Segment { text };
            if LABEL_HEADERS.contains(&r.text.trim().to_lowercase().as_str()) {
                // The label column's own header, possibly on a line with provider words.
                if header.label_cx.is_none() {
                    header.label_cx = Some((x0 + x1) / 2.0);
                }
                continue;
            }
            // Runs of one header cell overlap horizontally ("Via het" / "bestuur").
            match cells.iter_mut().find(|c| x0 < c.x1 && c.x0 < x1) {
                Some(c) => {
                    c.text.push(' ');
                    c.text.push_str(&r.text.to_lowercase());
                    c.x0 = c.x0.min(x0);
                    c.x1 = c.x1.max(x1);
                }
                None => cells.push(Cell { text: r.text.to_lowercase(), x0, x1 }),
            }
        }
    }
    for c in &cells {
        let cx = (c.x0 + c.x1) / 2.0;
        let words = |w: &str| c.text.split_whitespace().any(|x| x == w);
        let provider = if c.text.contains("op de school") || (words("op") && words("school")) {
            Some(Provider::School)
        } else if c.text.contains("swv") || c.text.contains("derden") || c.text.contains("samenwerkingsverband") {
            Some(Provider::SwvOrThirdParty)
        } else if c.text.contains("bestuur") {
            Some(Provider::Board)
        } else {
            None
        };
        match provider {
            Some(p) if !header.columns.iter().any(|(q, _)| *q == p) => header.columns.push((p, cx)),
            Some(_) => {}
            None if header.label_cx.is_none() && !is_header_word_line(&c.text) => header.label_cx = Some(cx),
            None => {}
        }
    }
    header.columns.sort_by(|a, b| a.1.total_cmp(&b.1));
}

/// A row's vertical extent on one page, from the top of its first line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Band {
    pub page: Option<u32>,
    pub top: f32,
    pub bottom: f32,
}

/// The top of a line's text: its baseline minus its font size.
pub(crate) fn line_top(l: &DocLine) -> f32 {
    l.y - l.font_size_or_assumed() * LINE_ABOVE_BASELINE
}

/// The bottom of a line's cell band: its baseline plus part of its font size.
pub(crate) fn line_bottom(l: &DocLine) -> f32 {
    l.y + l.font_size_or_assumed() * LINE_BELOW_BASELINE
}

/// A line's band reaches this many font sizes above its baseline (the
/// ascenders and the cell padding above)...
const LINE_ABOVE_BASELINE: f32 = 1.2;
/// ... and this many below it (descenders and a mark's foot).
const LINE_BELOW_BASELINE: f32 = 0.6;

/// Marks small enough to be an icon or tick (not a cell border or shading).
fn is_icon(m: &Mark) -> bool {
    (2.0..=30.0).contains(&m.width) && (2.0..=30.0).contains(&m.height)
}

/// The provider columns marked in each band. `None` for a band means no
/// column could be told (no header positions).
pub(crate) fn assign(header: &Header, bands: &[Band], pages: &[Page]) -> Vec<Option<BTreeSet<Provider>>> {
    if header.columns.is_empty() {
        return bands.iter().map(|_| None).collect();
    }
    // Half the smallest distance between column centres: a mark farther than
    // that from every column is not in the table's marks area.
    let mut centres: Vec<f32> = header.columns.iter().map(|c| c.1).collect();
    if let Some(l) = header.label_cx {
        centres.push(l);
    }
    centres.sort_by(f32::total_cmp);
    let spacing = centres.windows(2).map(|w| w[1] - w[0]).fold(f32::INFINITY, f32::min);
    let reach = if spacing.is_finite() { spacing * 0.75 } else { 40.0 };
    bands
        .iter()
        .map(|b| {
            let mut set = BTreeSet::new();
            let Some(page) = pages.iter().find(|p| Some(p.number) == b.page) else {
                return Some(set);
            };
            // An empty check box (☐) is no mark.
            for m in page.marks.iter().filter(|m| is_icon(m) && crate::common::grid::mark_text(m).is_some()) {
                let (cx, cy) = (m.cx(), m.cy());
                if cy < b.top || cy >= b.bottom {
                    continue;
                }
                let nearest = header.columns.iter().min_by(|a, c| (a.1 - cx).abs().total_cmp(&(c.1 - cx).abs()));
                let Some((provider, col_cx)) = nearest else { continue };
                if (col_cx - cx).abs() > reach {
                    continue;
                }
                if header.label_cx.is_some_and(|l| (l - cx).abs() < (col_cx - cx).abs()) {
                    continue;
                }
                set.insert(*provider);
            }
            Some(set)
        })
        .collect()
}
