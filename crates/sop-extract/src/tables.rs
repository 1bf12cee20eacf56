//! Tables found on the pages: the lattice method (from ruling lines, as
//! pdfplumber's table finder and camelot's lattice mode do it) and a
//! conservative stream method (from the alignment of runs, where a table
//! has no rulings).
//!
//! Lattice, step by step (pdfplumber `table.py`):
//! 1. rulings → edges: horizontal and vertical segments, snapped to a shared
//!    position when within [`SNAP`] of each other, then collinear segments
//!    within [`JOIN`] of each other joined; edges shorter than [`MIN_EDGE`]
//!    dropped;
//! 2. intersections: every vertical × horizontal pair that meets (within
//!    [`INTERSECT`]);
//! 3. cells: for each intersection, the smallest rectangle whose other three
//!    corners are intersections and whose four sides run along one edge each;
//! 4. tables: cells that share a corner, grouped; the grid rows and columns
//!    are the distinct cell edges; a cell over several grid lines is merged
//!    (its spans).
//!
//! Runs are cut at the vertical cell borders while lines are assembled (see
//! [`Grid::cuts`]), so that a run never crosses a border; every run and mark
//! is then assigned to the cell that holds its centre.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sop_model::text::normalize_ws;
use sop_model::{Cell, Mark, Page, Run, Table, TableStrategy};

/// A box `[x0, top, x1, bottom]` on a page.
type Bbox = [f32; 4];
/// A tagged table's index and one of its rows.
type TagRow = (usize, usize);

/// Edges within this distance of each other are snapped to one position (points).
const SNAP: f32 = 3.0;
/// Collinear edges with a gap up to this are joined.
const JOIN: f32 = 3.0;
/// Edges shorter than this (after joining) are dropped.
const MIN_EDGE: f32 = 3.0;
/// How far a vertical and a horizontal edge may miss each other and still meet.
const INTERSECT: f32 = 3.0;
/// Most horizontal × vertical edge pairs examined on a page.
const MAX_EDGE_PAIRS: usize = 250_000;
/// Smallest cell side: thinner "cells" are double borders.
const MIN_CELL: f32 = 2.0;

/// An axis-aligned ruling (a stroked line or a filled rectangle's side), top-left origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ruling {
    pub horizontal: bool,
    /// y of a horizontal ruling, x of a vertical one.
    pub pos: f32,
    /// Extent along the ruling: x range of a horizontal one, y range of a vertical one.
    pub start: f32,
    pub end: f32,
    /// Line width (0 for a side of a filled area).
    pub width: f32,
}

/// A lattice table on one page, before its text is known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grid {
    pub page: u32,
    /// Column and row borders, left to right and top to bottom.
    pub xs: Vec<f32>,
    pub ys: Vec<f32>,
    /// Cells as (row, col, row_span, col_span).
    pub cells: Vec<(usize, usize, usize, usize)>,
    /// For a grid made from the PDF's tags (see `tagged.rs`): which tagged
    /// table it is part of; its parts on following pages are one table.
    pub tag: Option<usize>,
    /// For a tagged grid: the tagged table's row each grid row is.
    pub tag_rows: Vec<usize>,
}

impl Grid {
    fn cell_box(&self, c: &(usize, usize, usize, usize)) -> [f32; 4] {
        let (r, k, rs, cs) = *c;
        [self.xs[k], self.ys[r], self.xs[k + cs], self.ys[r + rs]]
    }
    pub(crate) fn bbox(&self) -> [f32; 4] {
        [self.xs[0], self.ys[0], *self.xs.last().unwrap_or(&0.0), *self.ys.last().unwrap_or(&0.0)]
    }
    /// Vertical cell borders as `(x, top, bottom)`: where runs must be cut.
    pub fn cuts(&self) -> Vec<(f32, f32, f32)> {
        let mut out = Vec::new();
        for c in &self.cells {
            let [x0, y0, x1, y1] = self.cell_box(c);
            out.push((x0, y0, y1));
            out.push((x1, y0, y1));
        }
        out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        out.dedup();
        out
    }
}

#[derive(Debug, Clone, Copy)]
struct Edge {
    pos: f32,
    start: f32,
    end: f32,
}

/// Snaps positions within [`SNAP`] to their mean, joins collinear edges
/// within [`JOIN`], drops short ones.
fn edges(rulings: impl Iterator<Item = Ruling>) -> Vec<Edge> {
    let mut e: Vec<Edge> = rulings.map(|r| Edge { pos: r.pos, start: r.start, end: r.end }).collect();
    e.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    // Snap: clusters of positions each within SNAP of the previous one.
    let mut i = 0;
    while i < e.len() {
        let mut j = i + 1;
        while j < e.len() && e[j].pos - e[j - 1].pos <= SNAP && e[j].pos - e[i].pos <= 2.0 * SNAP {
            j += 1;
        }
        let mean = e[i..j].iter().map(|x| x.pos).sum::<f32>() / (j - i) as f32;
        for x in &mut e[i..j] {
            x.pos = mean;
        }
        i = j;
    }
    e.sort_by(|a, b| a.pos.total_cmp(&b.pos).then(a.start.total_cmp(&b.start)));
    let mut out: Vec<Edge> = Vec::new();
    for x in e {
        match out.last_mut() {
            Some(l) if l.pos == x.pos && x.start <= l.end + JOIN => l.end = l.end.max(x.end),
            _ => out.push(x),
        }
    }
    out.retain(|x| x.end - x.start >= MIN_EDGE);
    out
}

/// Lattice tables on one page from its rulings.
pub(crate) fn lattice(page: u32, rulings: &[Ruling]) -> Vec<Grid> {
    let h = edges(rulings.iter().copied().filter(|r| r.horizontal));
    let v = edges(rulings.iter().copied().filter(|r| !r.horizontal));
    // Too few edges for a cell, or so many (hatching, a drawn chart) that
    // the pairwise steps below would cost more than the page is worth.
    if h.len() < 2 || v.len() < 2 || h.len() * v.len() > MAX_EDGE_PAIRS {
        return Vec::new();
    }
    // Distinct positions; a point is (x index, y index).
    let uniq = |e: &[Edge]| {
        let mut p: Vec<f32> = e.iter().map(|x| x.pos).collect();
        p.dedup();
        p
    };
    let (px, py) = (uniq(&v), uniq(&h));
    let idx = |p: &[f32], x: f32| p.partition_point(|q| *q < x);
    // Intersections: point -> (vertical edge ids, horizontal edge ids).
    let mut points: BTreeMap<(usize, usize), (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (hi, he) in h.iter().enumerate() {
        for (vi, ve) in v.iter().enumerate() {
            if ve.start - INTERSECT <= he.pos
                && he.pos <= ve.end + INTERSECT
                && he.start - INTERSECT <= ve.pos
                && ve.pos <= he.end + INTERSECT
            {
                let p = points.entry((idx(&px, ve.pos), idx(&py, he.pos))).or_default();
                p.0.push(vi);
                p.1.push(hi);
            }
        }
    }
    let shares = |a: &[usize], b: &[usize]| a.iter().any(|x| b.contains(x));
    let connects = |p: (usize, usize), q: (usize, usize)| -> bool {
        let (Some(a), Some(b)) = (points.get(&p), points.get(&q)) else { return false };
        (p.0 == q.0 && shares(&a.0, &b.0)) || (p.1 == q.1 && shares(&a.1, &b.1))
    };
    // Points by column and by row, for "below" and "right of".
    let mut by_col: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut by_row: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(x, y) in points.keys() {
        by_col.entry(x).or_default().push(y);
        by_row.entry(y).or_default().push(x);
    }
    let mut cells: Vec<[usize; 4]> = Vec::new();
    for &(x, y) in points.keys() {
        let below = by_col[&x].iter().copied().filter(|&yy| yy > y);
        'found: for yb in below {
            if !connects((x, y), (x, yb)) {
                continue;
            }
            for xr in by_row[&y].iter().copied().filter(|&xx| xx > x) {
                if !connects((x, y), (xr, y)) {
                    continue;
                }
                if points.contains_key(&(xr, yb)) && connects((xr, yb), (xr, y)) && connects((xr, yb), (x, yb)) {
                    if px[xr] - px[x] >= MIN_CELL && py[yb] - py[y] >= MIN_CELL {
                        cells.push([x, y, xr, yb]);
                    }
                    break 'found;
                }
            }
        }
    }
    // Tables: cells sharing a corner.
    let mut parent: Vec<usize> = (0..cells.len()).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while p[r] != r {
            r = p[r];
        }
        let mut i = i;
        while p[i] != r {
            let n = p[i];
            p[i] = r;
            i = n;
        }
        r
    }
    let mut corner_owner: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, c) in cells.iter().enumerate() {
        for corner in [(c[0], c[1]), (c[2], c[1]), (c[0], c[3]), (c[2], c[3])] {
            match corner_owner.get(&corner) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    corner_owner.insert(corner, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<[usize; 4]>> = BTreeMap::new();
    for (i, c) in cells.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(*c);
    }
    let mut grids: Vec<Grid> = groups
        .into_values()
        .filter(|g| g.len() >= 2)
        .map(|g| {
            let xs: BTreeSet<usize> = g.iter().flat_map(|c| [c[0], c[2]]).collect();
            let ys: BTreeSet<usize> = g.iter().flat_map(|c| [c[1], c[3]]).collect();
            let (xs, ys): (Vec<usize>, Vec<usize>) = (xs.into_iter().collect(), ys.into_iter().collect());
            let at = |v: &[usize], i: usize| v.partition_point(|q| *q < i);
            let mut cells: Vec<(usize, usize, usize, usize)> = g
                .iter()
                .map(|c| {
                    let (c0, c1, r0, r1) = (at(&xs, c[0]), at(&xs, c[2]), at(&ys, c[1]), at(&ys, c[3]));
                    (r0, c0, r1 - r0, c1 - c0)
                })
                .collect();
            cells.sort();
            cells.dedup();
            let (xs, ys) = (xs.iter().map(|&i| px[i]).collect(), ys.iter().map(|&i| py[i]).collect());
            Grid { page, xs, ys, cells, tag: None, tag_rows: Vec::new() }
        })
        .collect();
    grids.sort_by(|a, b| a.ys[0].total_cmp(&b.ys[0]).then(a.xs[0].total_cmp(&b.xs[0])));
    grids
}

/// Where a run's text sits: its horizontal centre and a point inside its
/// glyphs' height (baseline is the bottom of most letters).
fn run_centre(r: &Run) -> (f32, f32) {
    (r.x + r.width / 2.0, r.y - 0.3 * r.font_size.max(1.0))
}

pub(crate) fn inside(b: &[f32; 4], x: f32, y: f32, tol: f32) -> bool {
    x >= b[0] - tol && x <= b[2] + tol && y >= b[1] - tol && y <= b[3] + tol
}

/// Fills the grids of one page with its runs and marks: each run (already cut
/// at the borders) and each mark goes to the cell that holds its centre; a
/// run inside the table's box that no cell holds goes to the nearest cell,
/// so that no text is lost.
pub(crate) fn fill(grid: &Grid, page: &Page) -> Table {
    let boxes: Vec<[f32; 4]> = grid.cells.iter().map(|c| grid.cell_box(c)).collect();
    let tb = grid.bbox();
    let pick = |x: f32, y: f32| -> Option<usize> {
        if !inside(&tb, x, y, 0.5) {
            return None;
        }
        boxes.iter().position(|b| inside(b, x, y, 0.0)).or_else(|| {
            boxes
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let dx = (b[0] - x).max(x - b[2]).max(0.0);
                    let dy = (b[1] - y).max(y - b[3]).max(0.0);
                    (i, dx + dy)
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        })
    };
    // Per cell: (line y, x, text) pieces.
    let mut pieces: Vec<Vec<(f32, f32, String)>> = vec![Vec::new(); boxes.len()];
    for line in &page.lines {
        for run in &line.runs {
            let (cx, cy) = run_centre(run);
            if let Some(i) = pick(cx, cy) {
                pieces[i].push((line.y, run.x, run.text.clone()));
            }
        }
    }
    let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); boxes.len()];
    for m in &page.marks {
        if let Some(i) = pick(m.cx(), m.cy()) {
            marks[i].push(m.clone());
        }
    }
    let cells = grid
        .cells
        .iter()
        .zip(boxes.iter())
        .zip(pieces)
        .zip(marks)
        .map(|(((&(row, col, row_span, col_span), b), pieces), marks)| Cell {
            row,
            col,
            row_span,
            col_span,
            page: page.number,
            x: b[0],
            y: b[1],
            width: b[2] - b[0],
            height: b[3] - b[1],
            lines: cell_lines(pieces),
            marks,
        })
        .collect();
    Table {
        strategy: if grid.tag.is_some() { TableStrategy::Tagged } else { TableStrategy::Lattice },
        pages: vec![page.number],
        n_rows: grid.ys.len() - 1,
        n_cols: grid.xs.len() - 1,
        header_rows: 0,
        cells,
    }
}

/// Pieces of text on the same page line (within a third of a line) form one
/// cell line, left to right; lines top to bottom.
fn cell_lines(mut pieces: Vec<(f32, f32, String)>) -> Vec<String> {
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f32, String)> = Vec::new();
    for (y, _, t) in pieces {
        let t = normalize_ws(&t);
        if t.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((ly, lt)) if (y - *ly).abs() < 1.0 => {
                lt.push(' ');
                lt.push_str(&t);
            }
            _ => out.push((y, t)),
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

/// Tables of a whole document: per page the lattice grids filled with text
/// and the stream tables among the remaining lines, top to bottom; a
/// lattice table that runs on at the top of the next page is joined to the
/// one that ended the page before. `pages` have had their running headers
/// and footers removed already.
pub(crate) fn document_tables(pages: &[Page], grids: &[Vec<Grid>]) -> Vec<Table> {
    // Per table: its box on its last page and, for a tagged one, its tag
    // and the tagged row its last row is.
    let mut out: Vec<(Table, Bbox, Option<TagRow>)> = Vec::new();
    for (page, page_grids) in pages.iter().zip(grids) {
        let mut found: Vec<(Table, Bbox, Option<usize>, &[usize])> =
            page_grids.iter().map(|g| (fill(g, page), g.bbox(), g.tag, g.tag_rows.as_slice())).collect();
        let taken: Vec<[f32; 4]> = found.iter().map(|(_, b, _, _)| *b).collect();
        found.extend(crate::stream::stream_tables(page, &taken).into_iter().map(|(t, b)| (t, b, None, &[][..])));
        found.sort_by(|a, b| a.1[1].total_cmp(&b.1[1]));
        for (t, bbox, tag, tag_rows) in found {
            let tagged = tag.zip(tag_rows.last().copied());
            if let Some((prev, prev_box, prev_tag)) = out.last_mut() {
                let on_next_page = prev.pages.last().is_some_and(|&p| p < page.number);
                match (tag, *prev_tag) {
                    // The tags say which parts are one table, which rows
                    // repeat the header and which row goes on from the page before.
                    (Some(a), Some((b, last))) if a == b && on_next_page => {
                        let skip = tag_rows.iter().take_while(|&&r| r < last).count();
                        let broken = tag_rows.get(skip) == Some(&last);
                        join_rows(prev, t, skip, broken);
                        *prev_box = bbox;
                        *prev_tag = tagged;
                        continue;
                    }
                    // Ruled parts must line up at the top of the next page.
                    (None, None)
                        if t.strategy == TableStrategy::Lattice
                            && prev.strategy == TableStrategy::Lattice
                            && continues(prev, prev_box, &t, &bbox, pages, page) =>
                    {
                        join(prev, t);
                        *prev_box = bbox;
                        continue;
                    }
                    _ => {}
                }
            }
            out.push((t, bbox, tagged));
        }
    }
    out.into_iter().map(|(t, _, _)| t).collect()
}

/// Column borders of a table's last page (the ones a continuation must match).
fn column_edges(t: &Table) -> Vec<f32> {
    let last = *t.pages.last().unwrap_or(&0);
    let mut xs: Vec<f32> = t.cells.iter().filter(|c| c.page == last).flat_map(|c| [c.x, c.x + c.width]).collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    xs
}

/// Whether `next` (the first table on its page) continues `prev`: on the
/// next page, nothing but removed furniture after `prev` on its page or
/// before `next` on its own, and the same column borders (within 2 pt).
fn continues(
    prev: &Table,
    prev_box: &[f32; 4],
    next: &Table,
    next_box: &[f32; 4],
    pages: &[Page],
    page: &Page,
) -> bool {
    let Some(&last) = prev.pages.last() else { return false };
    if page.number != last + 1 || prev.n_cols != next.n_cols {
        return false;
    }
    let Some(prev_page) = pages.iter().find(|p| p.number == last) else { return false };
    let text_below = prev_page.lines.iter().any(|l| l.y > prev_box[3] + 2.0);
    let text_above = page.lines.iter().any(|l| l.y < next_box[1] - 2.0);
    if text_below || text_above {
        return false;
    }
    let (a, b) = (column_edges(prev), column_edges(next));
    a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| (x - y).abs() <= 2.0)
}

fn row_texts(t: &Table, row: usize) -> Vec<String> {
    t.row(row).map(|c| c.text()).collect()
}

/// Appends `next`'s rows to `prev`, dropping rows at its top that repeat
/// `prev`'s first rows (a repeated header) and recording how many; a row
/// broken over the page goes into the row above.
fn join(prev: &mut Table, next: Table) {
    let mut skip = 0;
    for k in (1..=2.min(next.n_rows.saturating_sub(1))).rev() {
        let same = (0..k).all(|r| {
            let a = row_texts(prev, r);
            !a.iter().all(String::is_empty) && a == row_texts(&next, r)
        });
        if same {
            skip = k;
            break;
        }
    }
    let broken = skip < next.n_rows && continues_row(prev, &next, skip);
    join_rows(prev, next, skip, broken);
}

/// Appends `next`'s rows after its first `skip` (a header repeated on the
/// new page) to `prev`; with `broken`, the first of them is the rest of
/// `prev`'s last row, broken over the page, and goes into it.
fn join_rows(prev: &mut Table, mut next: Table, mut skip: usize, broken: bool) {
    if skip > 0 {
        prev.header_rows = prev.header_rows.max(skip);
    }
    if broken && skip < next.n_rows {
        let last = prev.n_rows - 1;
        for c in next.cells.iter().filter(|c| c.row == skip) {
            if let Some(p) = prev.cells.iter_mut().find(|p| p.row + p.row_span - 1 == last && p.col == c.col) {
                p.lines.extend(c.lines.iter().cloned());
                p.marks.extend(c.marks.iter().cloned());
            }
        }
        next.cells.retain(|c| c.row != skip);
        skip += 1;
    }
    let offset = prev.n_rows;
    for mut c in next.cells.into_iter().filter(|c| c.row >= skip) {
        c.row = c.row - skip + offset;
        prev.cells.push(c);
    }
    prev.n_rows += next.n_rows.saturating_sub(skip);
    prev.pages.extend(next.pages);
}

/// All tables of a document: lattice tables from the page grids (joined
/// over page breaks), then stream tables where a page has none, with
/// line-end hyphenation repaired inside each cell.
pub(crate) fn find_tables(pages: &[Page], grids: &[Vec<Grid>]) -> Vec<Table> {
    let mut tables = document_tables(pages, grids);
    let mut words = None;
    repair_cells(&mut tables, &mut |prefix, next| {
        if !prefix.ends_with('-') {
            return None;
        }
        let words = words.get_or_insert_with(|| crate::assemble::document_words(pages));
        crate::assemble::hyphen_join(prefix, next, words)
    });
    tables
}

/// Whether row `row` of `next` is the rest of `prev`'s last row, broken
/// over the page: the same cells (columns and spans), every cell with text
/// goes on in lowercase, and the cell above it has text that does not end a
/// sentence; the row has no marks of its own.
fn continues_row(prev: &Table, next: &Table, row: usize) -> bool {
    let last = prev.n_rows.saturating_sub(1);
    let above: Vec<&Cell> = prev.cells.iter().filter(|c| c.row + c.row_span - 1 == last).collect();
    let below: Vec<&Cell> = next.cells.iter().filter(|c| c.row == row).collect();
    if above.len() != below.len() || below.iter().any(|c| !c.marks.is_empty()) {
        return false;
    }
    let mut any_text = false;
    for c in &below {
        let Some(a) = above.iter().find(|a| a.col == c.col && a.col_span == c.col_span) else { return false };
        let Some(first) = c.lines.first() else { continue };
        any_text = true;
        let ends_sentence = a.lines.last().is_none_or(|l| l.ends_with(['.', '!', '?', ':']));
        if !first.starts_with(|ch: char| ch.is_lowercase()) || ends_sentence {
            return false;
        }
    }
    any_text
}

/// Repairs line-end hyphenation inside every cell, with the same rule as
/// the page text (`decide` says what "stem-" + "next" becomes, or `None`).
pub(crate) fn repair_cells(tables: &mut [Table], decide: &mut dyn FnMut(&str, &str) -> Option<String>) {
    for cell in tables.iter_mut().flat_map(|t| t.cells.iter_mut()) {
        let mut i = 0;
        while i + 1 < cell.lines.len() {
            let prefix = cell.lines[i].split_whitespace().last().unwrap_or("").to_string();
            let next = cell.lines[i + 1].split_whitespace().next().unwrap_or("").to_string();
            if let Some(joined) = decide(&prefix, &next) {
                let head = cell.lines[i][..cell.lines[i].len() - prefix.len()].to_string();
                cell.lines[i] = format!("{head}{joined}");
                let rest = cell.lines[i + 1].trim_start()[next.len()..].trim().to_string();
                if rest.is_empty() {
                    cell.lines.remove(i + 1);
                    continue;
                }
                cell.lines[i + 1] = rest;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests;
