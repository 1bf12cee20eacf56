//! Icon marks of the Perspectief op School sample: every icon drawn in the
//! §3.1-3.3 tables is reported, in the column the HTML source put it in.

use std::collections::BTreeMap;
use std::path::PathBuf;

use sop_extract::{extract_pdf, Limits};
use sop_model::{Layout, MarkKind};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Icons per column (1-based, label column 0) in the source HTML's tables
/// whose header names the three "Op de school / Via het bestuur / Via het SWV" columns.
fn icons_per_column_in_html(html: &str) -> BTreeMap<usize, usize> {
    let mut counts = BTreeMap::new();
    for table in html.split("<table").skip(1) {
        let table = table.split("</table>").next().unwrap_or("");
        if !table.contains("Op de school</th>") && !table.contains("Op de school</td>") {
            continue;
        }
        for row in table.split("<tr").skip(1) {
            for (i, cell) in row.split("<td").skip(1).enumerate() {
                if cell.contains("<svg") {
                    *counts.entry(i).or_default() += 1;
                }
            }
        }
    }
    counts
}

/// Icon marks per column of the extracted tables. A column spans from its
/// header run's left edge to the next header's left edge; a table that runs
/// on over a page break keeps the columns of its last header.
fn icons_per_column_in_layout(layout: &Layout) -> BTreeMap<usize, usize> {
    let mut counts = BTreeMap::new();
    let mut columns: Option<Vec<f32>> = None;
    for page in &layout.pages {
        let mut headers: Vec<(f32, Vec<f32>)> = Vec::new();
        for line in page.lines.iter().filter(|l| l.runs.iter().any(|r| r.text == "Op de school")) {
            let mut starts: Vec<f32> = line.runs.iter().map(|r| r.x).collect();
            starts.sort_by(f32::total_cmp);
            assert_eq!(starts.len(), 4, "label + three columns in {:?}", line.text);
            headers.push((line.y, starts));
        }
        let mut marks: Vec<_> = page.marks.iter().filter(|m| m.kind == MarkKind::Shape).collect();
        marks.sort_by(|a, b| a.y.total_cmp(&b.y));
        for m in marks {
            let cols = headers.iter().rev().find(|(y, _)| *y < m.y).map(|(_, c)| c).or(columns.as_ref());
            let Some(starts) = cols else { continue };
            let col = starts.iter().rposition(|s| m.cx() >= *s - 2.0).unwrap_or(0);
            *counts.entry(col).or_default() += 1;
        }
        if let Some((_, last)) = headers.last() {
            columns = Some(last.clone());
        }
    }
    counts
}

#[test]
fn pos_sample_icons_are_reported_in_their_columns() {
    let pdf = repo().join("samples/pdf/003.pdf");
    let html = std::fs::read_to_string(repo().join("samples/src/003.html")).unwrap();
    let layout = extract_pdf("003.pdf", &std::fs::read(pdf).unwrap(), &Limits::default()).unwrap();
    let expected = icons_per_column_in_html(&html);
    assert!(expected.values().sum::<usize>() > 10, "the source has icons: {expected:?}");
    assert_eq!(icons_per_column_in_layout(&layout), expected);
    for m in layout.pages.iter().flat_map(|p| &p.marks) {
        assert!((3.0..=32.0).contains(&m.width) && (3.0..=32.0).contains(&m.height), "{m:?}");
    }
}
