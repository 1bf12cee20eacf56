//! The stream strategy (camelot's stream mode, Tabula's "stream"): a table
//! without ruling lines, found from runs that line up in columns over
//! consecutive lines. It is deliberately conservative, so that ordinary
//! paragraphs, label/value forms and bulleted lists never become tables:
//!
//! - a block is at least [`MIN_ROWS`] consecutive lines (outside every
//!   lattice table) that each have two runs or more, with no vertical gap
//!   wider than [`MAX_LEAD`] line heights between them;
//! - its columns are the x ranges some run of the block covers; the gaps
//!   between them are empty on every line of the block and at least
//!   [`MIN_GAP_EM`] font sizes wide; there must be two such gaps or more
//!   (three columns);
//! - every line of the block is one row (a wrapped cell gives two rows: the
//!   reader joins them if it wants to).

use sop_model::text::normalize_ws;
use sop_model::{Cell, Line, Page, Table, TableStrategy};

use crate::tables::inside;

/// Fewest lines in a stream table.
const MIN_ROWS: usize = 3;
/// Fewest column gaps (columns − 1).
const MIN_GAPS: usize = 2;
/// Narrowest column gap, in font sizes.
const MIN_GAP_EM: f32 = 1.0;
/// Widest vertical step between two rows of one block, in font sizes.
const MAX_LEAD: f32 = 2.5;

fn font_size(l: &Line) -> f32 {
    l.height()
}

/// Stream tables on one page, with their boxes; `taken` are the boxes of
/// the page's lattice tables, whose lines are not considered.
pub(crate) fn stream_tables(page: &Page, taken: &[[f32; 4]]) -> Vec<(Table, [f32; 4])> {
    let free: Vec<&Line> = page
        .lines
        .iter()
        .filter(|l| !taken.iter().any(|b| l.runs.iter().any(|r| inside(b, r.x + r.width / 2.0, l.y - 1.0, 1.0))))
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < free.len() {
        // A block: consecutive multi-run lines, close together.
        let mut end = start;
        while end < free.len()
            && free[end].runs.len() >= 2
            && (end == start || free[end].y - free[end - 1].y <= MAX_LEAD * font_size(free[end]))
        {
            end += 1;
        }
        if end - start >= MIN_ROWS {
            if let Some(t) = block_table(page, &free[start..end]) {
                out.push(t);
            }
        }
        start = end.max(start + 1);
    }
    out
}

fn block_table(page: &Page, lines: &[&Line]) -> Option<(Table, [f32; 4])> {
    let mut spans: Vec<(f32, f32)> =
        lines.iter().flat_map(|l| l.runs.iter().map(|r| (r.x, r.x + r.width.max(0.0)))).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut sizes: Vec<f32> = lines.iter().map(|l| font_size(l)).collect();
    sizes.sort_by(f32::total_cmp);
    let em = sizes[sizes.len() / 2];
    // Columns: the union of run extents, split where a gap is wide enough.
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a < c.1 + MIN_GAP_EM * em => c.1 = c.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    if cols.len() < MIN_GAPS + 1 {
        return None;
    }
    // Every line must have text in at least two columns.
    let col_of = |x: f32| cols.iter().rposition(|c| x >= c.0 - 0.5).unwrap_or(0);
    let occupied = |l: &Line| {
        let mut seen: Vec<usize> = l.runs.iter().map(|r| col_of(r.x)).collect();
        seen.dedup();
        seen.len()
    };
    if lines.iter().any(|l| occupied(l) < 2) {
        return None;
    }
    // Cell borders: the middles of the gaps.
    let mut xs: Vec<f32> = vec![cols[0].0];
    xs.extend(cols.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0));
    xs.push(cols[cols.len() - 1].1);
    let mut cells = Vec::new();
    for (row, l) in lines.iter().enumerate() {
        let size = font_size(l);
        let (top, bottom) = (l.y - size, l.y + 0.3 * size);
        for col in 0..cols.len() {
            let text: Vec<&str> = l.runs.iter().filter(|r| col_of(r.x) == col).map(|r| r.text.as_str()).collect();
            let b = [xs[col], top, xs[col + 1], bottom];
            let text = normalize_ws(&text.join(" "));
            let marks: Vec<_> = page.marks.iter().filter(|m| inside(&b, m.cx(), m.cy(), 0.0)).cloned().collect();
            cells.push(Cell {
                row,
                col,
                row_span: 1,
                col_span: 1,
                page: page.number,
                x: b[0],
                y: b[1],
                width: b[2] - b[0],
                height: b[3] - b[1],
                lines: if text.is_empty() { Vec::new() } else { vec![text] },
                marks,
            });
        }
    }
    let bbox = [xs[0], lines[0].y - font_size(lines[0]), xs[xs.len() - 1], lines[lines.len() - 1].y + 2.0];
    let table = Table {
        strategy: TableStrategy::Stream,
        pages: vec![page.number],
        n_rows: lines.len(),
        n_cols: cols.len(),
        header_rows: 0,
        cells,
    };
    Some((table, bbox))
}
