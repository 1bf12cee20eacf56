//! Tables from a tagged PDF's structure tree, for tables printed without
//! ruling lines.
//!
//! Word ("Save as PDF", accessibility tags on by default) and Chromium write
//! a structure tree: `Table` → (`THead`/`TBody`/`TFoot`) → `TR` → `TH`/`TD`,
//! with `RowSpan`/`ColSpan` attributes, each cell owning the marked content
//! (`BDC /MCID n` … `EMC`) of its text. Where a table has no borders, the
//! positions alone cannot tell a cell of several paragraphs from several
//! rows with an empty cell; the tags can. We read which glyphs belong to
//! which cell (the marks walk counts the character codes each marked-content
//! sequence shows, in pdf-extract's order), and make from the cells'
//! glyph boxes a grid of column and row borders, midway between neighbours,
//! which the lattice filling then uses as it uses ruled cells.
//!
//! Everything here is a hint that may be absent or wrong: no structure tree,
//! custom roles we cannot map, glyph counts that disagree with pdf-extract's,
//! overlapping columns. Then the page is read as before (rulings, the
//! stream strategy, the parsers' line readers). A table with rulings is
//! always read from its rulings.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::glyphs::Glyph;
use crate::tables::Grid;

/// Structure elements visited at most (a hostile tree is cut short).
const MAX_NODES: usize = 200_000;
/// Deepest nesting of structure elements followed.
const MAX_DEPTH: usize = 64;
/// Largest row or column span taken from an attribute.
const MAX_SPAN: usize = 64;
/// Largest table (rows × columns) placed.
const MAX_CELLS: usize = 20_000;

/// A cell of a tagged table: its place and the marked content it owns.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TaggedCell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    /// `(page object, MCID)` of every marked-content sequence inside it.
    pub content: Vec<(ObjectId, i64)>,
}

/// A table of the structure tree: rows in order, cells placed on the grid.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TaggedTable {
    pub n_rows: usize,
    pub n_cols: usize,
    pub cells: Vec<TaggedCell>,
    /// Per row, whether its cells fill every column. Chromium leaves empty
    /// cells out of the tree, so in a row that falls short the cells'
    /// columns are not known from the tree: they are taken from positions.
    pub full: Vec<bool>,
}

/// The tables of the document's structure tree, in tree order; none when it
/// has no tree (most PDFs that are not Word's or a browser's).
pub(crate) fn tables(doc: &Document) -> Vec<TaggedTable> {
    let Some(root) =
        doc.catalog().ok().and_then(|c| c.get_deref(b"StructTreeRoot", doc).ok()).and_then(|r| r.as_dict().ok())
    else {
        return Vec::new();
    };
    let roles: HashMap<Vec<u8>, Vec<u8>> = root
        .get_deref(b"RoleMap", doc)
        .and_then(Object::as_dict)
        .map(|m| m.iter().filter_map(|(k, v)| v.as_name().ok().map(|v| (k.clone(), v.to_vec()))).collect())
        .unwrap_or_default();
    let mut walk = Walk { doc, roles, seen: HashSet::new(), nodes: 0, tables: Vec::new() };
    if let Ok(k) = root.get(b"K") {
        walk.visit(k, None, 0);
    }
    walk.tables
}

struct Walk<'a> {
    doc: &'a Document,
    roles: HashMap<Vec<u8>, Vec<u8>>,
    seen: HashSet<ObjectId>,
    nodes: usize,
    tables: Vec<TaggedTable>,
}

/// What a kid of a structure element is.
enum Kid<'a> {
    Elem(&'a Dictionary),
    /// Marked content: its MCID and the page it is on (if the kid says).
    Content(i64, Option<ObjectId>),
}

impl<'a> Walk<'a> {
    /// The standard role of a structure type (the role map followed a few steps).
    fn role(&self, s: &[u8]) -> Vec<u8> {
        let mut r = s.to_vec();
        for _ in 0..8 {
            match self.roles.get(&r) {
                Some(next) if *next != r => r = next.clone(),
                _ => break,
            }
        }
        r
    }

    /// The kids of `k` (a `/K` value), each resolved once.
    fn kids(&mut self, k: &'a Object) -> Vec<Kid<'a>> {
        let items: Vec<&Object> = match k {
            Object::Array(a) => a.iter().collect(),
            o => vec![o],
        };
        let mut out = Vec::new();
        for item in items {
            self.nodes += 1;
            if self.nodes > MAX_NODES {
                break;
            }
            let obj = match item {
                Object::Reference(id) => {
                    if !self.seen.insert(*id) {
                        continue;
                    }
                    match self.doc.get_object(*id) {
                        Ok(o) => o,
                        Err(_) => continue,
                    }
                }
                o => o,
            };
            match obj {
                Object::Integer(n) => out.push(Kid::Content(*n, None)),
                Object::Dictionary(d) => match d.get(b"Type").and_then(Object::as_name) {
                    Ok(b"MCR") => {
                        if let Ok(n) = d.get(b"MCID").and_then(Object::as_i64) {
                            out.push(Kid::Content(n, d.get(b"Pg").and_then(Object::as_reference).ok()));
                        }
                    }
                    Ok(b"OBJR") => {}
                    _ => out.push(Kid::Elem(d)),
                },
                _ => {}
            }
        }
        out
    }

    fn visit(&mut self, k: &'a Object, page: Option<ObjectId>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for kid in self.kids(k) {
            if let Kid::Elem(d) = kid {
                let page = d.get(b"Pg").and_then(Object::as_reference).ok().or(page);
                let role = d.get(b"S").and_then(Object::as_name).map(|s| self.role(s)).unwrap_or_default();
                if role == b"Table" {
                    if let Some(t) = self.table(d, page, depth) {
                        self.tables.push(t);
                    }
                } else if let Ok(k) = d.get(b"K") {
                    self.visit(k, page, depth + 1);
                }
            }
        }
    }

    /// The rows of a `Table` element (directly or in `THead`/`TBody`/`TFoot`).
    fn rows(&mut self, d: &'a Dictionary, page: Option<ObjectId>, depth: usize, out: &mut Vec<Vec<Placed>>) {
        let Ok(k) = d.get(b"K") else { return };
        for kid in self.kids(k) {
            let Kid::Elem(e) = kid else { continue };
            let page = e.get(b"Pg").and_then(Object::as_reference).ok().or(page);
            let role = e.get(b"S").and_then(Object::as_name).map(|s| self.role(s)).unwrap_or_default();
            match role.as_slice() {
                b"TR" => {
                    let mut row = Vec::new();
                    if let Ok(k) = e.get(b"K") {
                        for cell in self.kids(k) {
                            let Kid::Elem(c) = cell else { continue };
                            let role = c.get(b"S").and_then(Object::as_name).map(|s| self.role(s)).unwrap_or_default();
                            if role != b"TD" && role != b"TH" {
                                continue;
                            }
                            let cpage = c.get(b"Pg").and_then(Object::as_reference).ok().or(page);
                            let mut content = Vec::new();
                            if let Ok(k) = c.get(b"K") {
                                self.content(k, cpage, depth + 2, &mut content);
                            }
                            row.push(Placed {
                                row_span: self.span(c, b"RowSpan"),
                                col_span: self.span(c, b"ColSpan"),
                                content,
                            });
                        }
                    }
                    out.push(row);
                }
                b"THead" | b"TBody" | b"TFoot" if depth < MAX_DEPTH => self.rows(e, page, depth + 1, out),
                _ => {}
            }
        }
    }

    fn table(&mut self, d: &'a Dictionary, page: Option<ObjectId>, depth: usize) -> Option<TaggedTable> {
        let mut rows = Vec::new();
        self.rows(d, page, depth + 1, &mut rows);
        place(rows)
    }

    /// Every marked-content sequence under `k`, with its page.
    fn content(&mut self, k: &'a Object, page: Option<ObjectId>, depth: usize, out: &mut Vec<(ObjectId, i64)>) {
        if depth > MAX_DEPTH {
            return;
        }
        for kid in self.kids(k) {
            match kid {
                Kid::Content(n, pg) => {
                    if let Some(pg) = pg.or(page) {
                        out.push((pg, n));
                    }
                }
                Kid::Elem(e) => {
                    let page = e.get(b"Pg").and_then(Object::as_reference).ok().or(page);
                    if let Ok(k) = e.get(b"K") {
                        self.content(k, page, depth + 1, out);
                    }
                }
            }
        }
    }

    /// A cell's `RowSpan` or `ColSpan` from its attributes (`/A`: one
    /// dictionary or an array of them, possibly with revision numbers).
    fn span(&self, cell: &'a Dictionary, key: &[u8]) -> usize {
        let Ok(a) = cell.get(b"A") else { return 1 };
        let deref = |o: &'a Object| self.doc.dereference(o).map(|(_, o)| o).ok();
        let items: Vec<&Object> = match deref(a) {
            Some(Object::Array(items)) => items.iter().filter_map(deref).collect(),
            Some(o) => vec![o],
            None => Vec::new(),
        };
        items
            .iter()
            .filter_map(|o| o.as_dict().ok()?.get(key).ok()?.as_i64().ok())
            .next()
            .and_then(|n| usize::try_from(n).ok())
            .map_or(1, |n| n.clamp(1, MAX_SPAN))
    }
}

/// A cell as the structure lists it, before it is placed on the grid.
struct Placed {
    row_span: usize,
    col_span: usize,
    content: Vec<(ObjectId, i64)>,
}

/// Places the cells of `rows` on a grid as HTML does: each cell in the
/// first column its row has free, taking `row_span × col_span` places.
fn place(rows: Vec<Vec<Placed>>) -> Option<TaggedTable> {
    let n_rows = rows.len();
    let mut taken: HashSet<(usize, usize)> = HashSet::new();
    let mut cells = Vec::new();
    let mut filled = vec![0usize; n_rows];
    for (r, row) in rows.into_iter().enumerate() {
        let mut c = 0;
        for p in row {
            while taken.contains(&(r, c)) {
                c += 1;
            }
            let row_span = p.row_span.min(n_rows - r);
            for dr in 0..row_span {
                for dc in 0..p.col_span {
                    taken.insert((r + dr, c + dc));
                }
            }
            if taken.len() > MAX_CELLS {
                return None;
            }
            cells.push(TaggedCell { row: r, col: c, row_span, col_span: p.col_span, content: p.content });
            c += p.col_span;
        }
    }
    for &(r, _) in &taken {
        filled[r] += 1;
    }
    let n_cols = filled.iter().copied().max().unwrap_or(0);
    let full = filled.iter().map(|&f| f == n_cols).collect();
    (n_rows > 0 && n_cols > 0).then_some(TaggedTable { n_rows, n_cols, cells, full })
}

/// The glyphs of one page with the marked content each was shown in.
pub(crate) struct Shown<'a> {
    pub glyphs: &'a [Glyph],
    /// Which of pdf-extract's characters each glyph was.
    pub seqs: &'a [usize],
    /// The marked-content id of each of pdf-extract's characters.
    pub mcids: &'a crate::marks::McidRuns,
}

/// A table's part on one page as a grid of borders, from the boxes of the
/// glyphs each cell owns there.
///
/// Columns come from the rows that fill every column (their cells' order
/// is their columns); a cell of a row that falls short goes to the column
/// its text stands in. Rows with no glyph on the page are left out (a row
/// of empty cells holds nothing to read). `None` where this cannot be done
/// cleanly: a column with no text in any full row, neighbouring columns or
/// rows whose text overlaps, two cells of a row in one column.
/// `known_xs` are the column borders the table had on an earlier page.
pub(crate) fn page_grid(
    table: &TaggedTable,
    tag: usize,
    page: u32,
    page_id: ObjectId,
    shown: &Shown<'_>,
    known_xs: Option<&[f32]>,
) -> Option<Grid> {
    // Cell index by MCID on this page.
    let mut owner: HashMap<i64, usize> = HashMap::new();
    for (i, c) in table.cells.iter().enumerate() {
        for &(pg, id) in &c.content {
            if pg == page_id {
                owner.insert(id, i);
            }
        }
    }
    if owner.is_empty() {
        return None;
    }
    // Each cell's glyph box [x0, top, x1, bottom].
    let mut boxes: Vec<Option<[f32; 4]>> = vec![None; table.cells.len()];
    for (g, &seq) in shown.glyphs.iter().zip(shown.seqs) {
        if g.text.trim().is_empty() {
            continue;
        }
        let Some(&cell) = shown.mcids.at(seq).and_then(|id| owner.get(&id)) else { continue };
        let b = [g.x, g.y - 0.8 * g.size, g.x + g.width, g.y + 0.2 * g.size];
        let e = boxes[cell].get_or_insert(b);
        *e = [e[0].min(b[0]), e[1].min(b[1]), e[2].max(b[2]), e[3].max(b[3])];
    }
    // Columns: the extent of the text of full rows' one-column cells; then
    // each cell of a short row goes to the column its text begins in, and
    // its text widens that column (a long label may reach past the header's).
    let n = table.n_cols;
    let extents = |col_of: &dyn Fn(usize) -> Option<usize>| -> Vec<Option<(f32, f32)>> {
        let mut ext: Vec<Option<(f32, f32)>> = vec![None; n];
        for (i, (c, b)) in table.cells.iter().zip(&boxes).enumerate() {
            if let (Some(b), Some(col), 1) = (b, col_of(i), c.col_span) {
                let e = ext[col].get_or_insert((b[0], b[2]));
                *e = (e.0.min(b[0]), e.1.max(b[2]));
            }
        }
        ext
    };
    let full_col = |i: usize| table.full[table.cells[i].row].then_some(table.cells[i].col);
    let col_at = |xs: &[f32], i: usize| -> Option<usize> {
        let x = boxes[i]?[0] + 0.5;
        xs.windows(2).position(|w| w[0] <= x && x < w[1])
    };
    let own = || -> Option<Vec<f32>> {
        let first: Vec<(f32, f32)> = extents(&full_col).into_iter().collect::<Option<_>>()?;
        let xs0 = borders(&first)?;
        let short_col = |i: usize| full_col(i).or_else(|| col_at(&xs0, i));
        let widened: Vec<(f32, f32)> = extents(&short_col).into_iter().collect::<Option<_>>()?;
        borders(&widened)
    };
    // A page with no full row of the table (its last rows, with empty
    // cells) keeps the columns the table had on the page before.
    let xs = own().or_else(|| known_xs.filter(|k| k.len() == n + 1).map(<[f32]>::to_vec))?;
    // Every cell with text on the page at its column.
    let mut placed: Vec<(usize, usize, usize, usize, [f32; 4])> = Vec::new();
    for (i, c) in table.cells.iter().enumerate() {
        let Some(b) = boxes[i] else { continue };
        let col = match full_col(i) {
            Some(col) => col,
            None => col_at(&xs, i)?,
        };
        if col + c.col_span > n {
            return None;
        }
        placed.push((c.row, col, c.row_span, c.col_span, b));
    }
    // Rows with text on this page, renumbered; their extent from one-row cells.
    let mut rows: Vec<usize> = placed.iter().flat_map(|p| p.0..p.0 + p.2).collect();
    rows.sort_unstable();
    rows.dedup();
    let mut row_ext: HashMap<usize, (f32, f32)> = HashMap::new();
    for p in placed.iter().filter(|p| p.2 == 1) {
        let e = row_ext.entry(p.0).or_insert((p.4[1], p.4[3]));
        *e = (e.0.min(p.4[1]), e.1.max(p.4[3]));
    }
    rows.retain(|r| row_ext.contains_key(r));
    if rows.is_empty() {
        return None;
    }
    let ys = borders(&rows.iter().map(|r| row_ext[r]).collect::<Vec<_>>())?;
    let index: HashMap<usize, usize> = rows.iter().enumerate().map(|(k, &r)| (r, k)).collect();
    let mut cells = Vec::new();
    let mut taken: HashSet<(usize, usize)> = HashSet::new();
    for &(row, col, row_span, col_span, _) in &placed {
        let kept: Vec<usize> = (row..row + row_span).filter_map(|r| index.get(&r).copied()).collect();
        let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else { continue };
        for r in first..=last {
            for k in col..col + col_span {
                if !taken.insert((r, k)) {
                    return None;
                }
            }
        }
        cells.push((first, col, last - first + 1, col_span));
    }
    // Empty places get a cell of their own, as a ruled table has them.
    for r in 0..rows.len() {
        for k in 0..n {
            if !taken.contains(&(r, k)) {
                cells.push((r, k, 1, 1));
            }
        }
    }
    cells.sort_unstable();
    Some(Grid { page, xs, ys, cells, tag: Some(tag), tag_rows: rows })
}

/// Borders around and between extents that follow each other (columns
/// left to right, rows top to bottom): midway between neighbours, 2 pt
/// outside the first and the last; `None` when neighbours overlap.
fn borders(ext: &[(f32, f32)]) -> Option<Vec<f32>> {
    let mut out = vec![ext.first()?.0 - 2.0];
    for w in ext.windows(2) {
        if w[0].1 > w[1].0 + 0.5 {
            return None;
        }
        out.push((w[0].1 + w[1].0) / 2.0);
    }
    out.push(ext[ext.len() - 1].1 + 2.0);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Object::Reference};

    /// A document whose structure tree holds one table: a custom role mapped
    /// to `TD`, cells whose content is an MCID, an `MCR` and a `P` below
    /// them, a `ColSpan` in an attribute array, and a kid that points back
    /// at the table (a loop a hostile file may hold).
    fn tagged_doc() -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.7");
        let page = doc.new_object_id();
        let table = doc.new_object_id();
        let p = doc.add_object(dictionary! { "S" => "P", "K" => 3 });
        let mcr = doc.add_object(dictionary! { "Type" => "MCR", "MCID" => 2, "Pg" => Reference(page) });
        let c1 = doc.add_object(dictionary! { "S" => "TH", "K" => 0 });
        let c2 = doc.add_object(dictionary! { "S" => "Cel", "K" => vec![1.into(), Reference(mcr)] });
        let attrs = vec![
            dictionary! { "O" => "Layout" }.into(),
            0.into(),
            dictionary! { "O" => "Table", "ColSpan" => 2 }.into(),
        ];
        let c3 = doc.add_object(dictionary! { "S" => "TD", "A" => attrs, "K" => Reference(p) });
        let r1 = doc.add_object(dictionary! { "S" => "TR", "K" => vec![Reference(c1), Reference(c2)] });
        let r2 = doc.add_object(dictionary! { "S" => "TR", "K" => vec![Reference(c3), Reference(table)] });
        let body = doc.add_object(dictionary! { "S" => "TBody", "K" => vec![Reference(r1), Reference(r2)] });
        doc.objects.insert(
            table,
            dictionary! { "S" => "Table", "Pg" => Reference(page), "K" => vec![Reference(body)] }.into(),
        );
        let root = doc.add_object(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => vec![Reference(table), Reference(table)],
            "RoleMap" => dictionary! { "Cel" => "TD" },
        });
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "StructTreeRoot" => Reference(root) });
        doc.trailer.set("Root", Reference(catalog));
        (doc, page)
    }

    #[test]
    fn a_tagged_table_is_read_with_roles_spans_and_content() {
        let (doc, page) = tagged_doc();
        let t = tables(&doc);
        assert_eq!(t.len(), 1, "the table listed twice is read once: {t:?}");
        let t = &t[0];
        assert_eq!((t.n_rows, t.n_cols, t.full.clone()), (2, 2, vec![true, true]));
        let got: Vec<(usize, usize, usize, Vec<i64>)> =
            t.cells.iter().map(|c| (c.row, c.col, c.col_span, c.content.iter().map(|x| x.1).collect())).collect();
        assert_eq!(got, vec![(0, 0, 1, vec![0]), (0, 1, 1, vec![1, 2]), (1, 0, 2, vec![3])]);
        assert!(t.cells.iter().all(|c| c.content.iter().all(|x| x.0 == page)));
    }

    #[test]
    fn no_structure_tree_no_tagged_tables() {
        let mut doc = Document::with_version("1.7");
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog" });
        doc.trailer.set("Root", Reference(catalog));
        assert!(tables(&doc).is_empty());
    }

    fn placed(spans: &[(usize, usize)]) -> Vec<Placed> {
        spans.iter().map(|&(row_span, col_span)| Placed { row_span, col_span, content: Vec::new() }).collect()
    }

    #[test]
    fn cells_are_placed_around_spans_as_html_does() {
        // Row 0: a cell over two rows, then two cells; row 1: two cells go right of the span.
        let t = place(vec![placed(&[(2, 1), (1, 1), (1, 1)]), placed(&[(1, 1), (1, 1)])]).expect("a table");
        let at: Vec<(usize, usize, usize, usize)> =
            t.cells.iter().map(|c| (c.row, c.col, c.row_span, c.col_span)).collect();
        assert_eq!(at, vec![(0, 0, 2, 1), (0, 1, 1, 1), (0, 2, 1, 1), (1, 1, 1, 1), (1, 2, 1, 1)]);
        assert_eq!((t.n_rows, t.n_cols), (2, 3));
    }

    #[test]
    fn a_row_span_past_the_last_row_is_cut() {
        let t = place(vec![placed(&[(9, 2)])]).expect("a table");
        assert_eq!((t.cells[0].row_span, t.cells[0].col_span, t.n_cols), (1, 2, 2));
    }
}
