//! Tables as text grids, for a person checking what extraction found
//! (`sop extract --tables FILE`).

use sop_model::{Cell, Layout, MarkKind, Table, TableStrategy};

/// Widest column in the grid, in characters; longer cell text wraps.
const MAX_COL: usize = 28;
/// Most lines shown of one cell; the rest is cut with "…".
const MAX_CELL_LINES: usize = 4;

/// Every table of `layout` as a text grid, one after another; a sentence
/// when there are none.
pub fn tables_text(layout: &Layout) -> String {
    if layout.tables.is_empty() {
        return "No tables found.\n".to_string();
    }
    let mut out = String::new();
    for (i, t) in layout.tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&table_text(i + 1, t));
    }
    out
}

fn mark_text(c: &Cell) -> Vec<String> {
    c.marks
        .iter()
        .filter(|m| {
            // A glyph mark is also in the text; show it only when the text lacks it.
            !(m.kind == MarkKind::Glyph && m.text.as_ref().is_some_and(|t| c.lines.iter().any(|l| l.contains(t))))
        })
        .map(|m| match (m.kind, &m.text) {
            (MarkKind::Glyph, Some(t)) => format!("[{t}]"),
            (MarkKind::Image, _) => "[image]".to_string(),
            _ => "[icon]".to_string(),
        })
        .collect()
}

/// Greedy word wrap to `width` characters; a longer word is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_string();
        while word.chars().count() > width {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn table_text(n: usize, t: &Table) -> String {
    let pages = match (t.pages.first(), t.pages.last()) {
        (Some(a), Some(b)) if a != b => format!("pages {a}-{b}"),
        (Some(a), _) => format!("page {a}"),
        _ => "no page".to_string(),
    };
    let strategy = match t.strategy {
        TableStrategy::Lattice => "lattice (ruled)",
        TableStrategy::Stream => "stream (aligned text)",
        TableStrategy::Tagged => "tagged (the PDF's table structure)",
    };
    let mut out = format!("Table {n}: {pages}, {strategy}, {} rows × {} columns", t.n_rows, t.n_cols);
    if t.header_rows > 0 {
        out.push_str(&format!(", {} header row(s) repeated on later pages", t.header_rows));
    }
    out.push('\n');
    let n_cols = t.n_cols.max(1);
    // Each cell's display lines (text lines wrapped, then its marks).
    let content = |c: &Cell, width: usize| -> Vec<String> {
        let mut lines: Vec<String> = c.lines.iter().flat_map(|l| wrap(l, width)).collect();
        let marks = mark_text(c);
        if !marks.is_empty() {
            lines.extend(wrap(&marks.join(" "), width));
        }
        if lines.len() > MAX_CELL_LINES {
            lines.truncate(MAX_CELL_LINES);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        lines
    };
    // Column widths from single-column cells.
    let mut widths = vec![3usize; n_cols];
    for c in t.cells.iter().filter(|c| c.col_span == 1 && c.col < n_cols) {
        let w =
            c.lines.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(mark_text(c).join(" ").chars().count());
        widths[c.col] = widths[c.col].max(w.min(MAX_COL));
    }
    let border = |out: &mut String| {
        out.push('+');
        for w in &widths {
            out.push_str(&"-".repeat(w + 2));
            out.push('+');
        }
        out.push('\n');
    };
    border(&mut out);
    for row in 0..t.n_rows {
        // Grid columns this row shows: a cell starting here, or covered from above ("↑").
        let mut slots: Vec<(usize, usize, Vec<String>)> = Vec::new();
        let mut col = 0;
        while col < n_cols {
            match t.cell(row, col) {
                Some(c) => {
                    let span = c.col_span.max(1).min(n_cols - col);
                    let width = widths[col..col + span].iter().sum::<usize>() + 3 * (span - 1);
                    let lines = if c.row == row { content(c, width) } else { vec!["↑".to_string()] };
                    slots.push((col, span, lines));
                    col += span;
                }
                None => {
                    slots.push((col, 1, Vec::new()));
                    col += 1;
                }
            }
        }
        let height = slots.iter().map(|s| s.2.len()).max().unwrap_or(0).max(1);
        for k in 0..height {
            out.push('|');
            for (col, span, lines) in &slots {
                let width = widths[*col..*col + *span].iter().sum::<usize>() + 3 * (span - 1);
                let text = lines.get(k).map(String::as_str).unwrap_or("");
                let pad = width.saturating_sub(text.chars().count());
                out.push(' ');
                out.push_str(text);
                out.push_str(&" ".repeat(pad));
                out.push_str(" |");
            }
            out.push('\n');
        }
        if row + 1 == t.header_rows {
            out.push('+');
            for w in &widths {
                out.push_str(&"=".repeat(w + 2));
                out.push('+');
            }
            out.push('\n');
        } else {
            border(&mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_word_and_cuts_long_ones() {
        assert_eq!(wrap("Op de school", 5), vec!["Op de", "schoo", "l"]);
        assert_eq!(wrap("a b c", 10), vec!["a b c"]);
    }
}
