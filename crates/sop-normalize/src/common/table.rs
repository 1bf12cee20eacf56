//! Reading table rows.
//!
//! Text origin (DOMAIN.md): extraction joins a row's cells with single
//! spaces, empty cells included, usually followed by one trailing space. A
//! mark's column is therefore counted **from the right**: strip one trailing
//! space, split on single spaces, and the number of tokens after the cell
//! says how many columns follow it. Labels sometimes carry a trailing space
//! of their own, which is why counting from the left fails. Multi-word cells
//! ("Ja gelijkvloers") are a start token plus the non-empty tokens after it.
//!
//! PDF origin: the header row's cells give each column's left edge
//! ([`Columns`]); a run or mark belongs to the last column starting at or left
//! of it.
//!
//! Either way a line becomes a [`LineCells`]: the label part (column 0) and
//! the value cells found, so that row grouping is the same for both.

use sop_model::text::normalize_ws;
use sop_model::Origin;

use super::doc::{Doc, DocLine};
use sop_model::text::is_cell_mark as is_mark;

/// The band a mark of a line stands in reaches at least this many points
/// above the baseline (a tick is often larger than small table text).
const MIN_MARK_BAND: f32 = 8.0;
/// ... and this many font sizes below it (a tick's foot).
const MARK_BELOW_BASELINE: f32 = 0.3;

/// The step between two lines of one wrapped cell, in font sizes: from
/// this many (lines set tight)...
pub(crate) const WRAP_STEP_MIN: f32 = 0.95;
/// ... to this many (above it the lines are rows or paragraphs apart).
pub(crate) const WRAP_STEP_MAX: f32 = 1.7;

/// Whether a step from one baseline to the next, for a line of this height,
/// is the pitch of wrapped lines (see [`WRAP_STEP_MIN`]).
pub(crate) fn is_wrap_step(step: f32, height: f32) -> bool {
    step >= WRAP_STEP_MIN * height && step <= WRAP_STEP_MAX * height
}

/// The cells of one line of a table. Column 0 is the label column; value
/// columns are numbered 1..=n.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LineCells {
    /// Text in the label column (may be empty).
    pub label: String,
    /// `(column, text)` for each value cell with text, left to right.
    pub cells: Vec<(usize, String)>,
}

/// The line without the one trailing space extraction adds after a row.
pub(crate) fn strip_one_trailing(raw: &str) -> &str {
    raw.strip_suffix(' ').unwrap_or(raw)
}

/// The column (1..=n) of a cell followed by `after` tokens on its line (after
/// [`strip_one_trailing`]). When the count leaves no column, the cell carried
/// a trailing space of its own and the count is one too high.
pub(crate) fn column_from_right(after: usize, n: usize) -> usize {
    if after < n {
        n - after
    } else if after == n {
        1
    } else {
        // More empty tokens than columns: a badly spaced line; the cell can
        // only be the first value column.
        1
    }
}

/// Splits a text-origin line of a table with `n` value columns. A value cell
/// starts at a token for which `is_start` holds (a mark, "ja", "nvt", ...);
/// the label is everything before the first such token. A cell runs over the
/// following non-empty tokens that do not start a cell themselves.
pub(crate) fn split_text_row(raw: &str, n: usize, is_start: &dyn Fn(&str) -> bool) -> LineCells {
    let tokens: Vec<&str> = strip_one_trailing(raw).split(' ').collect();
    let mut out = LineCells::default();
    let mut i = 0;
    let mut label_end = tokens.len();
    while i < tokens.len() {
        if !tokens[i].is_empty() && is_start(tokens[i]) {
            if label_end == tokens.len() {
                label_end = i;
            }
            let mut j = i + 1;
            while j < tokens.len() && !tokens[j].is_empty() && !is_start(tokens[j]) {
                j += 1;
            }
            let after = tokens.len() - j;
            out.cells.push((column_from_right(after, n), tokens[i..j].join(" ")));
            i = j;
        } else {
            i += 1;
        }
    }
    out.label = normalize_ws(&tokens[..label_end].join(" "));
    // Two cells can never share a column; keep the later one's column honest
    // by pushing it right (a count error shifts every later cell the same way).
    for k in 1..out.cells.len() {
        if out.cells[k].0 <= out.cells[k - 1].0 {
            out.cells[k].0 = (out.cells[k - 1].0 + 1).min(n);
        }
    }
    out
}

/// Column left edges of a PDF table, from its header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Columns {
    /// Left edge of value columns 1..=n (index 0 is column 1).
    pub starts: Vec<f32>,
}

impl Columns {
    /// Finds the header cells `names` (value columns, left to right, e.g.
    /// `["Op orde", "In ontwikkeling", "Nog op te starten"]`) among the runs of
    /// lines `lines` (a header may wrap onto two or three lines). A name is
    /// found by the run that starts it: the run's letters are the start of the
    /// name's, or the name's first word starts the run ("Op" for "Op orde",
    /// "Structuree" for "Structureel", "Ja/" for "Ja / nee"). `None` unless all
    /// are found left to right.
    pub(crate) fn from_header(lines: &[&DocLine], names: &[&str]) -> Option<Columns> {
        let key = super::grid::header_key;
        let mut starts = Vec::new();
        let mut min_x = f32::MIN;
        for name in names {
            let whole = key(name);
            let first = key(name.split_whitespace().next()?);
            let x = lines
                .iter()
                .flat_map(|l| l.runs.iter())
                .flat_map(|r| words_of(r))
                .filter(|(w, x)| {
                    let k = key(w);
                    *x > min_x && !k.is_empty() && (k.starts_with(&first) || (k.len() >= 2 && whole.starts_with(&k)))
                })
                .map(|(_, x)| x)
                .fold(None, |acc: Option<f32>, x| Some(acc.map_or(x, |a| a.min(x))))?;
            starts.push(x);
            min_x = x + 1.0;
        }
        Some(Columns { starts })
    }

    /// The column of a horizontal position: 0 (label) left of the first value
    /// column. A small tolerance admits text a little left of its header.
    pub(crate) fn column_of(&self, x: f32) -> usize {
        const TOLERANCE: f32 = 4.0;
        self.starts.iter().rposition(|&s| x + TOLERANCE >= s).map_or(0, |i| i + 1)
    }

    /// The cells of a PDF line: runs by their x, plus marks drawn on the page
    /// within the line's height (a mark without text reads as "✓").
    pub(crate) fn line_cells(&self, doc: &Doc<'_>, i: usize) -> LineCells {
        let line = &doc.lines[i];
        let n = self.starts.len();
        let mut parts: Vec<Vec<String>> = vec![Vec::new(); n + 1];
        for r in &line.runs {
            // An empty check box (☐) is no text of its cell.
            let kept: Vec<&str> = r.text.split_whitespace().filter(|w| !sop_model::text::is_empty_box(w)).collect();
            let t = normalize_ws(&kept.join(" "));
            if !t.is_empty() {
                parts[self.column_of(r.x)].push(t);
            }
        }
        let h = sop_model::layout::font_size_of(&line.runs).max(MIN_MARK_BAND);
        for m in doc.marks_between(i, line.y - h, line.y + h * MARK_BELOW_BASELINE) {
            let col = self.column_of(m.x);
            if col == 0 {
                continue;
            }
            let Some(text) = super::grid::mark_text(m) else { continue };
            if !parts[col].iter().any(|p| is_mark(p)) {
                parts[col].push(text);
            }
        }
        LineCells {
            label: parts[0].join(" "),
            cells: parts
                .into_iter()
                .enumerate()
                .skip(1)
                .filter(|(_, p)| !p.is_empty())
                .map(|(c, p)| (c, p.join(" ")))
                .collect(),
        }
    }
}

/// The words of a run with where each starts, estimated by its share of the
/// run's characters: narrow header cells with little space between them come
/// out as one run ("Aanwezig in de Niet van").
pub(crate) fn words_of(r: &sop_model::Run) -> Vec<(&str, f32)> {
    let total = r.text.chars().count().max(1) as f32;
    let per_char = r.width.max(0.0) / total;
    let mut out = Vec::new();
    let mut offset = 0usize;
    for w in r.text.split(' ') {
        if !w.is_empty() {
            out.push((w, r.x + offset as f32 * per_char));
        }
        offset += w.chars().count() + 1;
    }
    out
}

/// A table row: the lines it spans and its cells (index 0 = label).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub first: usize,
    pub last: usize,
    /// `cells[0]` is the label, `cells[c]` value column c; empty = no text.
    pub cells: Vec<String>,
}

impl Row {
    pub(crate) fn label(&self) -> &str {
        &self.cells[0]
    }
    pub(crate) fn cell(&self, c: usize) -> Option<&str> {
        self.cells.get(c).map(String::as_str).filter(|s| !s.is_empty())
    }
    /// Columns holding text, left to right.
    pub(crate) fn filled(&self) -> Vec<usize> {
        (1..self.cells.len()).filter(|&c| !self.cells[c].is_empty()).collect()
    }
}

/// The line pitch of a table from the steps between its lines (a line's
/// height or more, at most 1.7 of it): the smallest, a wrapped cell's;
/// infinite without steps. Lines that are no rows (a repeated header) must
/// be left out of the steps.
pub(crate) fn line_pitch(steps: impl Iterator<Item = f32>) -> f32 {
    steps.fold(f32::INFINITY, f32::min)
}

/// Whether a gap as between two table rows precedes each line of `range`.
/// Text: a blank line. PDF: a new page, or a step from the line above larger
/// than the table's own line pitch (the smallest step between its lines, a
/// wrapped cell's) by the cell padding: rows are further apart than the
/// lines inside a cell, by however much padding this printing used.
pub(crate) fn row_gaps(doc: &Doc<'_>, range: std::ops::Range<usize>) -> Vec<bool> {
    if doc.origin != Origin::Pdf {
        return range.map(|i| doc.lines[i].row_gap_before).collect();
    }
    let step = |i: usize| -> Option<f32> {
        (i > range.start && doc.lines[i].page == doc.lines[i - 1].page).then(|| doc.lines[i].y - doc.lines[i - 1].y)
    };
    let font = |i: usize| doc.lines[i].line_height();
    // The pitch of wrapped lines: the smallest step that is a line's height
    // or more (steps below that are runs of one row split by alignment).
    let pitch = line_pitch(range.clone().filter_map(|i| step(i).filter(|s| is_wrap_step(*s, font(i)))));
    range
        .clone()
        .map(|i| match step(i) {
            None => true,
            Some(s) => doc.lines[i].row_gap_before || (pitch.is_finite() && s > pitch + (0.15 * pitch).max(2.0)),
        })
        .collect()
}

/// Groups the lines `range` of a table with `n` value columns into rows.
/// `cells_of(i)` reads line `i` (spacing rule or x positions). A labelled
/// line starts a new row after a gap or when it brings value cells of its own
/// to a row that has some; an unlabelled line (marks standing on their own
/// line) and a labelled line without cells right below a row belong to that
/// row (wrapped label or wrapped cell).
pub(crate) fn group_rows(
    range: std::ops::Range<usize>,
    n: usize,
    doc: &Doc<'_>,
    cells_of: &dyn Fn(usize) -> LineCells,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let end = range.end;
    let row_gap = row_gaps(doc, range.clone());
    let row_gap_before = |i: usize| row_gap[i - range.start];
    for i in range.clone() {
        let lc = cells_of(i);
        if lc.label.is_empty() && lc.cells.is_empty() {
            continue;
        }
        let gap = row_gap_before(i);
        // A row whose cells are aligned to the bottom (or centred) shows a
        // taller value cell's first lines above its label: after a row gap,
        // cells alone followed closely by a label open that label's row.
        let opens_row = || {
            doc.origin == Origin::Pdf
                && (i + 1..end).take_while(|&j| !row_gap_before(j)).any(|j| !cells_of(j).label.is_empty())
        };
        let start_new = match rows.last() {
            None => true,
            Some(row) => {
                let has_cells = row.cells[1..].iter().any(|c| !c.is_empty());
                let refills = lc.cells.iter().any(|(c, _)| !row.cells[(*c).min(n)].is_empty());
                if lc.label.is_empty() {
                    // Cells alone after a row gap, where the row already has
                    // them: a row whose label cell is empty.
                    gap && (refills || opens_row())
                } else if doc.origin == Origin::Pdf && row.cells[0].is_empty() && (!refills || !gap) {
                    // The label of a row whose taller value cell began above it.
                    false
                } else if doc.origin == Origin::Pdf
                    && lc.cells.is_empty()
                    && doc.lines[i].page != doc.lines[row.last].page
                    && (row.cells[0].ends_with(['/', '-', ','])
                        || lc.label.chars().next().is_some_and(char::is_lowercase))
                {
                    // A label broken over a page goes on at the top of the next.
                    false
                } else {
                    gap || (has_cells && !lc.cells.is_empty())
                }
            }
        };
        if start_new {
            rows.push(Row { first: i, last: i, cells: vec![String::new(); n + 1] });
        }
        let row = rows.last_mut().expect("a row exists");
        let prev = row.last;
        row.last = i;
        if !lc.label.is_empty() {
            // In a PDF the position says which cell a line continues. In
            // text, a labelled line under a row that already has cells
            // continues the last filled cell (a wrapped cell) unless that cell
            // is a mark (marks do not wrap; the label does).
            let last_filled = row.filled().last().copied().filter(|&c| !is_mark(&row.cells[c]));
            let target = match doc.origin {
                Origin::Text if !start_new && lc.cells.is_empty() => last_filled.unwrap_or(0),
                _ => 0,
            };
            let cell = &mut row.cells[target];
            if !cell.is_empty() && doc.continues_word(cell, &doc.lines[prev], &lc.label) {
                cell.push_str(&lc.label);
            } else {
                append(cell, &lc.label);
            }
        }
        for (c, t) in lc.cells {
            let cell = &mut row.cells[c.min(n)];
            if !cell.is_empty() && doc.continues_word(cell, &doc.lines[prev], &t) {
                cell.push_str(&t);
            } else {
                append(cell, &t);
            }
        }
    }
    rows
}

fn append(cell: &mut String, text: &str) {
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use sop_model::text::is_cell_mark as is_mark;

    fn cols(raw: &str, n: usize) -> (String, Vec<(usize, String)>) {
        let lc = split_text_row(raw, n, &|t| is_mark(t));
        (lc.label, lc.cells)
    }

    #[test]
    fn marks_are_counted_from_the_right() {
        assert_eq!(cols("Speciaal Basisonderwijs   x  ", 4), ("Speciaal Basisonderwijs".into(), vec![(3, "x".into())]));
        assert_eq!(cols("Adviseur passend onderwijs x    ", 4).1, vec![(1, "x".into())]);
        assert_eq!(cols("Fysiotherapie    x  ", 4).1, vec![(3, "x".into())]);
        assert_eq!(cols("Jeugdhulppartners   x   ", 4).1, vec![(2, "x".into())]);
        assert_eq!(cols(" x   ", 3), (String::new(), vec![(1, "x".into())]));
        assert_eq!(cols(" x x  ", 3).1, vec![(1, "x".into()), (2, "x".into())]);
        // A tick with a space of its own inside the cell.
        assert_eq!(cols("1. Doelgericht werken. ✓    ", 3), ("1. Doelgericht werken.".into(), vec![(1, "✓".into())]));
        assert_eq!(cols("Rolstoelvriendelijk  x ", 2).1, vec![(2, "x".into())]);
        assert_eq!(cols("Invalidetoilet x  ", 2).1, vec![(1, "x".into())]);
    }

    #[test]
    fn multi_word_cells() {
        let lc = split_text_row("Rolstoelvriendelijk  Ja gelijkvloers  ", 2, &|t| {
            is_mark(t) || ["ja", "nee", "nvt"].contains(&t.to_lowercase().as_str())
        });
        assert_eq!(lc.cells, vec![(1, "Ja gelijkvloers".into())]);
        assert_eq!(lc.label, "Rolstoelvriendelijk");
    }

    #[test]
    fn pdf_columns_from_header_positions() {
        let c = Columns { starts: vec![300.0, 360.0, 430.0] };
        assert_eq!(c.column_of(72.0), 0);
        assert_eq!(c.column_of(298.0), 1);
        assert_eq!(c.column_of(365.0), 2);
        assert_eq!(c.column_of(500.0), 3);
    }
}
