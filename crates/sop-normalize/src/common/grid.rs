//! The one table reader: a template table found among the tables extraction
//! delivered (`Layout::tables`), recognised by its header cells, read as rows
//! of cells whose columns are the header's columns.
//!
//! Both families read their tables through [`find`]: the Model's HGW,
//! expertise, external-experts, programme and facilities tables, and the
//! Perspectief op School tables (§2.1, §3.1-3.3, §3.5, §3.6). A header cell is
//! matched fuzzily and over wrapped lines ("Op" / "orde", "Ja/" / "nee",
//! "Structuree" / "l" all match), in the document's own spelling; columns come
//! from the header cells, never from positions learned from one rendering. A
//! mark counts for the cell it stands in; an empty check box (☐) is no mark.
//!
//! Where no extracted table carries the header (a table without borders that
//! extraction did not find, or text input), the caller falls back to its line
//! reader (`table.rs`: the spacing rule for text, header positions for PDF).

use sop_model::{Cell, Layout, MarkKind, Table, TableStrategy};

use sop_model::text::{is_cell_mark as is_mark, is_empty_box};

/// A position in the document: page (1-based) and y from the page top.
pub(crate) type At = (u32, f32);

/// A table read through its header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grid {
    pub strategy: TableStrategy,
    /// Where the table (its header included) starts.
    pub start: At,
    /// The header cells as the document spells them, in spec order (index 0
    /// is the label column; empty where the document has no such cell).
    pub header: Vec<String>,
    pub rows: Vec<GridRow>,
    /// Header texts of columns the spec does not name, with their cell texts
    /// per row (kept so that nothing the school wrote is dropped).
    pub extra_columns: Vec<String>,
}

/// One body row of a [`Grid`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GridRow {
    /// Page of the row's first cell, and its vertical extent there.
    pub page: u32,
    pub top: f32,
    pub bottom: f32,
    /// Per spec column: the cell's text lines in reading order. A mark
    /// without text in the cell reads as its glyph, or "✓" for a drawn icon.
    pub cells: Vec<Vec<String>>,
    /// Text in columns the spec does not name ("" where empty), parallel to
    /// [`Grid::extra_columns`].
    pub extra: Vec<String>,
}

impl GridRow {
    /// Column `c`'s text, lines joined by single spaces ("" when empty).
    pub(crate) fn text(&self, c: usize) -> String {
        self.cells.get(c).map(|l| l.join(" ")).unwrap_or_default()
    }
    /// Whether every cell is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.iter().all(|l| l.trim().is_empty()))
            && self.extra.iter().all(|e| e.trim().is_empty())
    }
}

/// How much a header cell must resemble the name it stands for (0..1, by
/// edit distance over letters and digits only).
const HEADER_SIMILARITY: f64 = 0.8;
/// At most this many grid rows make a header (a header cell wrapped into
/// rows of its own when extraction split them).
const MAX_HEADER_ROWS: usize = 3;
/// Slack, in points, when comparing positions of tables with a region.
const SLACK: f32 = 2.0;

/// The letters and digits of a header text, lowercased: what a header match
/// compares, so that wrapping, hyphenation and spacing do not count.
pub(crate) fn header_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether a header cell's text stands for `name`.
pub(crate) fn header_matches(text: &str, name: &str) -> bool {
    let (a, b) = (header_key(text), header_key(name));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || strsim::normalized_levenshtein(&a, &b) >= HEADER_SIMILARITY
}

/// A cell's lines as one text: joined by single spaces, except after a
/// hyphen ending a word before a lowercase word ("leer-" + "lingen") and
/// after a slash ("schoolarts/" + "Schoolverpleegkundige"), where a cell
/// broke inside a word. `None` when empty.
pub(crate) fn cell_text(lines: &[String]) -> Option<String> {
    let mut out = String::new();
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let first = l.chars().next();
        let glue = out.ends_with('/') && first.is_some_and(char::is_alphanumeric)
            || out.ends_with('-')
                && out.chars().rev().nth(1).is_some_and(char::is_alphabetic)
                && first.is_some_and(char::is_lowercase);
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(l);
    }
    (!out.is_empty()).then_some(out)
}

/// Whether any extracted table has the header `spec` (label column first):
/// detection's evidence where the header's words do not stand on one line.
pub(crate) fn has_header(layout: &Layout, spec: &[&str]) -> bool {
    layout.tables.iter().any(|t| header_of(t, spec).is_some())
}

/// The text a cell reads as: its lines, then its marks where no mark is
/// written in its text already. An empty check box is no mark.
fn cell_lines(cell: &Cell) -> Vec<String> {
    // An empty check box printed as a character is no text either.
    let mut lines: Vec<String> = cell
        .lines
        .iter()
        .map(|l| {
            let kept: Vec<&str> = l.split_whitespace().filter(|w| !is_empty_box(w)).collect();
            sop_model::text::normalize_ws(&kept.join(" "))
        })
        .filter(|l| !l.is_empty())
        .collect();
    let has_mark_text = lines.iter().any(|l| l.split_whitespace().any(is_mark));
    if !has_mark_text {
        if let Some(m) = cell.marks.iter().find_map(mark_text) {
            lines.insert(0, m);
        }
    }
    lines
}

/// What a mark reads as: a ticked box or tick glyph as itself, a drawn icon or
/// image as "✓"; `None` for an empty box.
pub(crate) fn mark_text(m: &sop_model::Mark) -> Option<String> {
    match (m.kind, m.text.as_deref().map(str::trim)) {
        (MarkKind::Glyph, Some(t)) if is_empty_box(t) => None,
        (MarkKind::Glyph, Some(t)) if !t.is_empty() => Some(t.to_string()),
        _ => Some("✓".to_string()),
    }
}

fn before(a: At, b: At) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 <= b.1 + SLACK)
}

fn table_start(t: &Table) -> Option<At> {
    t.cells.iter().map(|c| (c.page, c.y)).min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
}

/// The text of column `col` over header rows `0..h`.
fn header_text(t: &Table, col: usize, h: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for r in 0..h {
        if let Some(c) = t.cell(r, col) {
            // A cell spanning rows is met once per row: take it once.
            if c.row == r || r == 0 {
                out.extend(c.lines.iter().cloned());
            }
        }
    }
    out.join(" ")
}

/// Matches `spec` (label column first) against the header rows `0..h` of `t`:
/// the table column of each spec column (`None` for an unmatched label
/// column). Every value column must match, left to right.
fn match_header(t: &Table, spec: &[&str], h: usize) -> Option<Vec<Option<usize>>> {
    let texts: Vec<String> = (0..t.n_cols).map(|c| header_text(t, c, h)).collect();
    let mut cols: Vec<Option<usize>> = vec![None; spec.len()];
    let mut next = 0;
    for (j, name) in spec.iter().enumerate() {
        let found = (next..t.n_cols).find(|&c| header_matches(&texts[c], name));
        match found {
            Some(c) => {
                cols[j] = Some(c);
                next = c + 1;
            }
            None if j == 0 => {}
            None => return None,
        }
    }
    if cols[0].is_none() {
        // The label column is named in the school's own words: the column
        // left of the first value column, if there is one.
        let first = cols[1..].iter().flatten().next().copied().unwrap_or(0);
        cols[0] = first.checked_sub(1);
    }
    Some(cols)
}

/// The number of header rows of `t` for `spec`, and the column map.
fn header_of(t: &Table, spec: &[&str]) -> Option<(usize, Vec<Option<usize>>)> {
    (1..=MAX_HEADER_ROWS.min(t.n_rows)).find_map(|h| match_header(t, spec, h).map(|m| (h, m)))
}

/// Finds the table whose header names the columns `spec` (label column
/// first, e.g. `["Uitgangspunt HGW", "Op orde", "In ontwikkeling", "Nog op te
/// starten"]`) and that starts at or after `from` and before `to`, and reads
/// its body rows. A table that the next page continues (the next table found,
/// with as many columns, at the top of the next page) is read on, with a
/// repeated header skipped.
pub(crate) fn find(layout: &Layout, spec: &[&str], from: At, to: At) -> Option<Grid> {
    let tables = &layout.tables;
    let (ti, (h, map)) = tables.iter().enumerate().find_map(|(i, t)| {
        // A table found by alignment alone knows less than the template's
        // header does: the parsers' header-anchored line readers read those.
        if t.strategy == TableStrategy::Stream {
            return None;
        }
        let start = table_start(t)?;
        (before(from, start) && !before(to, start)).then_some(())?;
        header_of(t, spec).map(|m| (i, m))
    })?;
    let first = &tables[ti];
    let header: Vec<String> = map.iter().map(|c| c.map(|c| header_text(first, c, h)).unwrap_or_default()).collect();
    let extra_cols: Vec<usize> = (0..first.n_cols).filter(|c| !map.contains(&Some(*c))).collect();
    let extra_columns: Vec<String> = extra_cols.iter().map(|&c| header_text(first, c, h)).collect();
    let mut rows = Vec::new();
    read_rows(first, h, &map, &extra_cols, &mut rows);
    // Continuations on the following pages.
    let mut last_page = *first.pages.last().unwrap_or(&0);
    for t in &tables[ti + 1..] {
        let Some(start) = table_start(t) else { break };
        if start.0 != last_page + 1 || t.n_cols != first.n_cols || before(to, start) {
            break;
        }
        // Nothing but this table may stand between: it is the first table on its page.
        let skip = header_of(t, spec).map_or(0, |(h, _)| h);
        read_rows(t, skip, &map, &extra_cols, &mut rows);
        last_page = *t.pages.last().unwrap_or(&start.0);
    }
    let start = table_start(first).unwrap_or(from);
    Some(Grid { strategy: first.strategy, start, header, rows, extra_columns })
}

/// A table without a header row (a form such as the Model's Algemene
/// gegevens: label cells beside value cells): the first table that starts in
/// `from..to` and one of whose cells satisfies `is_label`, all its rows read
/// as body rows, every column kept in order.
pub(crate) fn find_form(layout: &Layout, from: At, to: At, is_label: &dyn Fn(&str) -> bool) -> Option<Grid> {
    let t = layout.tables.iter().find(|t| {
        table_start(t).is_some_and(|s| before(from, s) && !before(to, s))
            && t.cells.iter().any(|c| is_label(&c.lines.join(" ")))
    })?;
    let map: Vec<Option<usize>> = (0..t.n_cols).map(Some).collect();
    let mut rows = Vec::new();
    read_rows(t, 0, &map, &[], &mut rows);
    let start = table_start(t).unwrap_or(from);
    Some(Grid { strategy: t.strategy, start, header: vec![String::new(); t.n_cols], rows, extra_columns: Vec::new() })
}

/// Whether a line at `(page, y)` stands inside the grid: in its header or a
/// row, or between them (a header repeated on a later page: at most a few
/// lines above that page's first row).
fn covers(g: &Grid, page: u32, y: f32) -> bool {
    const REPEATED_HEADER: f32 = 60.0;
    let rows: Vec<&GridRow> = g.rows.iter().filter(|r| r.page == page).collect();
    let Some(bottom) = rows.iter().map(|r| r.bottom).reduce(f32::max) else {
        return page == g.start.0 && y >= g.start.1;
    };
    let top = if page == g.start.0 {
        g.start.1
    } else {
        rows.iter().map(|r| r.top).fold(f32::MAX, f32::min) - REPEATED_HEADER
    };
    y >= top - SLACK && y <= bottom + SLACK
}

/// The lines of a section (their positions, in order) that stand below the
/// grid's start but in none of its rows: their indices, to keep under
/// `unmapped`. `None` when one of them stands before the grid's last row,
/// inside the table: a row the table finder missed (one cut by a page end
/// without its bottom border, say), so the grid is not to be trusted and the
/// section is for the line reader.
pub(crate) fn strays(g: &Grid, ats: impl Iterator<Item = At>) -> Option<Vec<usize>> {
    let last_row = g.rows.last().map_or(g.start, |r| (r.page, r.top));
    let mut out = Vec::new();
    for (i, at) in ats.enumerate() {
        if at > g.start && !covers(g, at.0, at.1) {
            if at < last_row {
                return None;
            }
            out.push(i);
        }
    }
    Some(out)
}

/// The box a grid's rows cover on each page: `(page, top, bottom)`.
pub(crate) fn extent(g: &Grid) -> Vec<(u32, f32, f32)> {
    let mut out: Vec<(u32, f32, f32)> = Vec::new();
    for r in &g.rows {
        match out.iter_mut().find(|e| e.0 == r.page) {
            Some(e) => {
                e.1 = e.1.min(r.top);
                e.2 = e.2.max(r.bottom);
            }
            None => out.push((r.page, r.top, r.bottom)),
        }
    }
    out
}

fn read_rows(t: &Table, from_row: usize, map: &[Option<usize>], extra_cols: &[usize], out: &mut Vec<GridRow>) {
    for r in from_row..t.n_rows {
        // A cell spanning rows counts in its first row only.
        let at = |c: usize| t.cell(r, c).filter(|cell| cell.row == r);
        let cells: Vec<Vec<String>> = map.iter().map(|c| c.and_then(at).map(cell_lines).unwrap_or_default()).collect();
        let extra: Vec<String> =
            extra_cols.iter().map(|&c| at(c).map(|cell| cell_lines(cell).join(" ")).unwrap_or_default()).collect();
        let in_row: Vec<&Cell> = t.row(r).collect();
        let Some(first) = in_row.iter().min_by(|a, b| a.page.cmp(&b.page).then(a.y.total_cmp(&b.y))) else {
            continue;
        };
        let top = in_row.iter().filter(|c| c.page == first.page).map(|c| c.y).fold(f32::MAX, f32::min);
        let bottom = in_row.iter().filter(|c| c.page == first.page).map(|c| c.y + c.height).fold(f32::MIN, f32::max);
        let row = GridRow { page: first.page, top, bottom, cells, extra };
        if !row.is_empty() {
            out.push(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sop_model::{Mark, Origin, TableStrategy};

    fn cell(row: usize, col: usize, page: u32, y: f32, lines: &[&str]) -> Cell {
        Cell {
            row,
            col,
            row_span: 1,
            col_span: 1,
            page,
            x: col as f32 * 100.0,
            y,
            width: 100.0,
            height: 20.0,
            lines: lines.iter().map(|s| s.to_string()).collect(),
            marks: Vec::new(),
        }
    }

    fn table(page: u32, rows: &[&[&[&str]]]) -> Table {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, lines) in row.iter().enumerate() {
                cells.push(cell(r, c, page, 100.0 + r as f32 * 20.0, lines));
            }
        }
        Table {
            strategy: TableStrategy::Lattice,
            pages: vec![page],
            n_rows: rows.len(),
            n_cols: rows[0].len(),
            header_rows: 0,
            cells,
        }
    }

    fn layout(tables: Vec<Table>) -> Layout {
        let mut l = Layout::from_text("");
        l.origin = Origin::Pdf;
        l.tables = tables;
        l
    }

    const HGW: &[&str] = &["Uitgangspunt HGW", "Op orde", "In ontwikkeling", "Nog op te starten"];

    #[test]
    fn headers_match_over_wrapped_lines_and_split_words() {
        assert!(header_matches("Op orde", "Op orde"));
        assert!(header_matches("Op\norde", "Op orde"));
        assert!(header_matches("Ja/ nee", "Ja / nee"));
        assert!(header_matches("Structuree l", "Structureel"));
        assert!(header_matches("In ontwik- keling", "In ontwikkeling"));
        assert!(!header_matches("Incidenteel", "Structureel"));
        assert!(!header_matches("", "Op orde"));
    }

    #[test]
    fn a_header_wrapped_into_two_grid_rows_is_one_header() {
        let t = table(
            2,
            &[
                &[&["Uitgangspunt"], &["Op"], &["In"], &["Nog op te"]],
                &[&["HGW"], &["orde"], &["ontwikkeling"], &["starten"]],
                &[&["1. Doelgericht werken."], &["X"], &[], &[]],
                &[&["2. De werkwijze is systematisch,", "in stappen en transparant."], &[], &["x"], &[]],
            ],
        );
        let g = find(&layout(vec![t]), HGW, (1, 0.0), (9, 0.0)).expect("found");
        assert_eq!(g.header[1], "Op orde");
        assert_eq!(g.rows.len(), 2);
        assert_eq!(g.rows[0].text(1), "X");
        assert_eq!(g.rows[1].text(0), "2. De werkwijze is systematisch, in stappen en transparant.");
        assert_eq!(g.rows[1].text(2), "x");
    }

    #[test]
    fn marks_count_in_their_cell_and_empty_boxes_do_not() {
        let mut t = table(1, &[&[&["Expertise"], &["Structureel"], &["Regelmatig"]], &[&["CJG"], &[], &[]]]);
        let tick = Mark { kind: MarkKind::Glyph, x: 0.0, y: 0.0, width: 5.0, height: 5.0, text: Some("☒".into()) };
        let empty = Mark { text: Some("☐".into()), ..tick.clone() };
        let icon = Mark { kind: MarkKind::Shape, text: None, ..tick.clone() };
        t.cells[4].marks = vec![empty.clone()];
        t.cells[5].marks = vec![tick, empty];
        t.cells[4].lines = vec!["☐".into()];
        let g = find(&layout(vec![t.clone()]), &["Expertise", "Structureel", "Regelmatig"], (1, 0.0), (2, 0.0));
        let g = g.expect("found");
        assert_eq!((g.rows[0].text(1).as_str(), g.rows[0].text(2).as_str()), ("", "☒"));
        t.cells[4].marks = vec![icon];
        let g = find(&layout(vec![t]), &["Expertise", "Structureel", "Regelmatig"], (1, 0.0), (2, 0.0)).unwrap();
        assert_eq!(g.rows[0].text(1), "✓");
    }

    #[test]
    fn a_table_is_only_found_inside_its_region_and_by_all_value_columns() {
        let t = table(3, &[&[&["Protocol"], &["Status"]], &[&["Pesten"], &["Aanwezig"]]]);
        let l = layout(vec![t]);
        assert!(find(&l, &["Protocol", "Status"], (1, 0.0), (2, 0.0)).is_none());
        assert!(find(&l, &["Protocol", "Status"], (3, 50.0), (4, 0.0)).is_some());
        assert!(find(&l, &["Protocol", "Score"], (3, 0.0), (4, 0.0)).is_none());
    }

    #[test]
    fn the_label_column_may_be_named_otherwise_and_unknown_columns_are_kept() {
        let t = table(
            1,
            &[
                &[&["Deskundige"], &["Structureel"], &["Toelichting"], &["Regelmatig"]],
                &[&["CJG"], &["X"], &["elke week"], &[]],
            ],
        );
        let g = find(&layout(vec![t]), &["Betrokken experts", "Structureel", "Regelmatig"], (1, 0.0), (2, 0.0));
        let g = g.expect("found");
        assert_eq!(g.rows[0].text(0), "CJG");
        assert_eq!(g.extra_columns, vec!["Toelichting".to_string()]);
        assert_eq!(g.rows[0].extra, vec!["elke week".to_string()]);
    }

    #[test]
    fn a_table_continued_on_the_next_page_is_read_on_without_its_repeated_header() {
        let spec = &["Protocol", "Status"];
        let a = table(1, &[&[&["Protocol"], &["Status"]], &[&["Pesten"], &["Aanwezig"]]]);
        let b = table(2, &[&[&["Protocol"], &["Status"]], &[&["Medicijnen"], &["In ontwikkeling"]]]);
        let c = table(3, &[&[&["Verzuim"], &["Aanwezig"]]]);
        let g = find(&layout(vec![a.clone(), b, c]), spec, (1, 0.0), (9, 0.0)).expect("found");
        let labels: Vec<String> = g.rows.iter().map(|r| r.text(0)).collect();
        assert_eq!(labels, ["Pesten", "Medicijnen", "Verzuim"]);
        // A table further on is no continuation.
        let far = table(5, &[&[&["Verzuim"], &["Aanwezig"]]]);
        let g = find(&layout(vec![a, far]), spec, (1, 0.0), (9, 0.0)).expect("found");
        assert_eq!(g.rows.len(), 1);
    }
}
