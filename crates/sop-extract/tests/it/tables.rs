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
