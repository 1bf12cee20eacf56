//! Tables of the sample PDFs against the HTML they were printed from: the
//! same tables in the same order with the same rows and columns (LibreOffice
//! Writer for 000-002, Chromium for 003), marks in the cells the source put
//! them in, and no cell text lost.

use std::path::PathBuf;

use sop_extract::{extract_pdf, Limits};
use sop_model::{Layout, MarkKind, TableStrategy};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn layout(n: &str) -> Layout {
    let pdf = repo().join(format!("samples/pdf/{n}.pdf"));
    extract_pdf(&pdf.display().to_string(), &std::fs::read(&pdf).unwrap(), &Limits::default()).unwrap()
}

/// Text between `<td`/`<th` and the tag's end, without tags, whitespace-normalised.
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    sop_model::text::normalize_ws(&out.replace("&amp;", "&").replace("&nbsp;", " "))
}

/// Each `<table>` of the HTML as rows of (cell text, colspan, has an icon).
fn html_tables(html: &str) -> Vec<Vec<Vec<(String, usize, bool)>>> {
    html.split("<table")
        .skip(1)
        .map(|t| {
            let t = t.split("</table>").next().unwrap_or("");
            t.split("<tr")
                .skip(1)
                .map(|row| {
                    let row = row.split("</tr>").next().unwrap_or("");
                    row.split("<t")
                        .skip(1)
                        .filter(|c| c.starts_with('d') || c.starts_with('h'))
                        .filter(|c| c[1..].starts_with([' ', '>']))
                        .map(|c| {
                            let span = c
                                .split_once("colspan=")
                                .and_then(|(_, r)| r.trim_start_matches('"').split('"').next()?.parse().ok())
                                .unwrap_or(1);
                            let body = c.split_once('>').map_or("", |(_, b)| b);
                            (strip_tags(body), span, body.contains("<svg") || body.contains("<img"))
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

#[test]
fn sample_tables_have_the_rows_and_columns_of_their_source() {
    for n in ["000", "001", "002", "003"] {
        let html = std::fs::read_to_string(repo().join(format!("samples/src/{n}.html"))).unwrap();
        let want: Vec<(usize, usize)> = html_tables(&html)
            .iter()
            .map(|t| (t.len(), t.iter().map(|r| r.iter().map(|c| c.1).sum::<usize>()).max().unwrap_or(0)))
            .collect();
        let l = layout(n);
        let got: Vec<(usize, usize)> = l.tables.iter().map(|t| (t.n_rows, t.n_cols)).collect();
        assert_eq!(got, want, "{n}.pdf: tables (rows, columns) against samples/src/{n}.html");
        assert!(l.tables.iter().all(|t| t.strategy == TableStrategy::Lattice), "{n}: all ruled");
    }
}

#[test]
fn sample_cells_hold_their_source_text_and_marks() {
    for n in ["000", "001", "002", "003"] {
        let html = std::fs::read_to_string(repo().join(format!("samples/src/{n}.html"))).unwrap();
        let l = layout(n);
        let mut checked = 0;
        for (t, src) in l.tables.iter().zip(html_tables(&html)) {
            for (r, row) in src.iter().enumerate() {
                let mut col = 0;
                for (text, span, icon) in row {
                    let cell = t.cell(r, col).unwrap_or_else(|| panic!("{n}: no cell at {r},{col}"));
                    // The characters as written: line breaks in a cell may add a
                    // space ("schoolarts/ Schoolverpleegkundige") where the source has none.
                    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                    assert_eq!(squeeze(&cell.text()), squeeze(text), "{n} row {r} col {col}");
                    let icons = cell.marks.iter().filter(|m| m.kind != MarkKind::Glyph).count();
                    assert_eq!(icons > 0, *icon, "{n} row {r} col {col}: icon marks {:?}", cell.marks);
                    col += span;
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "{n}: only {checked} cells compared");
    }
}

#[test]
fn the_hgw_table_marks_stand_in_the_op_orde_column() {
    let l = layout("000");
    let t = l.tables.iter().find(|t| t.cell(0, 0).is_some_and(|c| c.text() == "Uitgangspunt HGW")).unwrap();
    assert_eq!((t.n_rows, t.n_cols), (9, 4));
    assert_eq!(t.cell(0, 2).unwrap().lines, vec!["In", "ontwikkeling"], "a wrapped header cell, line by line");
    for r in 1..9 {
        let marks = &t.cell(r, 1).unwrap().marks;
        assert!(marks.iter().any(|m| m.text.as_deref() == Some("✓")), "row {r}: {marks:?}");
        assert!(t.cell(r, 2).unwrap().is_empty() && t.cell(r, 3).unwrap().is_empty());
    }
}

#[test]
fn a_row_broken_over_a_page_is_one_row() {
    // 001's HGW table breaks row 2 over pages 7 and 8.
    let l = layout("001");
    let t = &l.tables[0];
    assert_eq!(t.pages, vec![7, 8]);
    assert_eq!(t.n_rows, 9);
    let row = t.cell(3, 0).unwrap().text();
    assert!(row.starts_with("2. De werkwijze") && row.ends_with("lopen."), "{row}");
    assert!(t.cell(4, 0).unwrap().text().starts_with("3. Onderwijsbehoeften"));
}

/// The layout variants printed by Chromium without cell borders: Chromium
/// tags its PDFs, and the tags say which text is one cell where positions
/// cannot (a cell of four paragraphs beside a bottom-aligned period), and
/// it leaves empty cells out of them (a row of a label and one mark).
fn borderless_chromium_variants() -> Vec<(String, String)> {
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("samples/variants/manifest.json")).unwrap()).unwrap();
    manifest["variants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["producer"] == "html-chromium" && v["borders"] == false)
        .map(|v| {
            let base = v["base"].as_str().unwrap().trim_start_matches("pdf/").trim_end_matches(".pdf").to_string();
            (v["file"].as_str().unwrap().to_string(), base)
        })
        .collect()
}

#[test]
fn tagged_tables_without_borders_have_the_cells_of_their_source() {
    let variants = borderless_chromium_variants();
    assert!(variants.len() >= 4, "borderless Chromium variants: {variants:?}");
    for (file, base) in variants {
        let pdf = repo().join("samples").join(&file);
        let l = extract_pdf(&file, &std::fs::read(&pdf).unwrap(), &Limits::default()).unwrap();
        let html = std::fs::read_to_string(repo().join(format!("samples/src/{base}.html"))).unwrap();
        let src = html_tables(&html);
        assert_eq!(l.tables.len(), src.len(), "{file}: one table per source table");
        for (k, (t, rows)) in l.tables.iter().zip(&src).enumerate() {
            assert_eq!(t.strategy, TableStrategy::Tagged, "{file} table {k}");
            // A row of empty cells holds nothing to read and is left out.
            let rows: Vec<_> = rows.iter().filter(|r| r.iter().any(|c| !c.0.is_empty() || c.2)).collect();
            assert_eq!(t.n_rows, rows.len(), "{file} table {k}: rows");
            // A column of nothing but icons without a text (003's legend) is
            // decoration to Chromium: not in the tags, so not in the table.
            let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
            // (Variants that print their marks as letters keep the column.)
            let mut decoration: Vec<usize> = (0..width)
                .filter(|&c| {
                    rows.iter()
                        .all(|r| r.get(c).is_some_and(|(text, span, icon)| *icon && text.is_empty() && *span == 1))
                })
                .collect();
            if t.n_cols == width {
                decoration.clear();
            }
            assert_eq!(t.n_cols + decoration.len(), width, "{file} table {k}: columns");
            for (r, row) in rows.iter().enumerate() {
                let mut col = 0;
                for (i, (text, span, icon)) in row.iter().enumerate() {
                    if decoration.contains(&i) {
                        continue;
                    }
                    let cell = t.cell(r, col).unwrap_or_else(|| panic!("{file} table {k}: no cell at {r},{col}"));
                    // An empty check box (☐, the checkbox variants' unmarked cell) is no text.
                    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '☐').collect::<String>();
                    // A cell of one sign (X, x, ✓) is a mark.
                    let is_mark = *icon || (text.chars().count() == 1 && !text.chars().all(char::is_numeric));
                    if is_mark {
                        // The variant prints its own mark (✓, ☒, an icon) where the source has one.
                        assert!(!cell.is_empty(), "{file} table {k} row {r} col {col}: the mark is missing");
                    } else {
                        assert_eq!(squeeze(&cell.text()), squeeze(text), "{file} table {k} row {r} col {col}");
                    }
                    col += span;
                }
            }
        }
    }
}

#[test]
fn a_tagged_cell_of_paragraphs_is_one_cell() {
    let file = "variants/002-chromium-dejavu9-bottom-noborder.pdf";
    let pdf = repo().join("samples").join(file);
    let l = extract_pdf(file, &std::fs::read(&pdf).unwrap(), &Limits::default()).unwrap();
    let t = l.tables.iter().find(|t| t.cell(0, 0).is_some_and(|c| c.text() == "Aanbod")).unwrap();
    assert_eq!((t.strategy, t.n_rows, t.n_cols), (TableStrategy::Tagged, 3, 2));
    let name = t.cell(1, 0).unwrap();
    assert_eq!(name.lines.first().map(String::as_str), Some("Denk aan: Powerkidzzz training"));
    assert_eq!(name.lines.last().map(String::as_str), Some("van Youz"));
    assert_eq!(t.cell(1, 1).unwrap().text(), "Na de herfstvakantie in de groepen 6.");
    // The partners table goes on from page 3 to page 4, its rows of a label and one mark in place.
    let p = l.tables.iter().find(|t| t.cell(0, 0).is_some_and(|c| c.text() == "Betrokken experts")).unwrap();
    assert_eq!((p.pages.clone(), p.n_rows, p.n_cols), (vec![3, 4], 12, 5));
    let cjg = (1..p.n_rows).find(|&r| p.cell(r, 0).is_some_and(|c| c.text() == "CJG")).unwrap();
    let marked: Vec<usize> = (1..5).filter(|&c| !p.cell(cjg, c).unwrap().is_empty()).collect();
    assert_eq!(marked, vec![2], "CJG is marked 'Regelmatig' in samples/src/002.html");
}
