use super::*;
use sop_model::{Line, MarkKind};

fn h(y: f32, x0: f32, x1: f32) -> Ruling {
    Ruling { horizontal: true, pos: y, start: x0, end: x1, width: 0.5 }
}
fn v(x: f32, y0: f32, y1: f32) -> Ruling {
    Ruling { horizontal: false, pos: x, start: y0, end: y1, width: 0.5 }
}

/// A 3-row × 3-column grid at x 50/150/250/350, y 100/120/140/160, with the
/// first column's two lower cells merged (no rule between them there).
fn merged_grid() -> Vec<Ruling> {
    vec![
        h(100.0, 50.0, 350.0),
        h(120.0, 50.0, 350.0),
        h(140.0, 150.0, 350.0),
        h(160.0, 50.0, 350.0),
        v(50.0, 100.0, 160.0),
        v(150.0, 100.0, 160.0),
        v(250.0, 100.0, 160.0),
        v(350.0, 100.0, 160.0),
    ]
}

#[test]
fn a_ruled_grid_gives_cells_with_spans() {
    let grids = lattice(1, &merged_grid());
    assert_eq!(grids.len(), 1);
    let g = &grids[0];
    assert_eq!(g.xs, vec![50.0, 150.0, 250.0, 350.0]);
    assert_eq!(g.ys, vec![100.0, 120.0, 140.0, 160.0]);
    assert!(g.cells.contains(&(1, 0, 2, 1)), "merged cell over rows 1-2: {:?}", g.cells);
    assert_eq!(g.cells.len(), 3 + 1 + 2 + 2);
}

#[test]
fn borders_drawn_in_pieces_and_slightly_off_are_snapped_and_joined() {
    // Word draws each cell's border separately, with 0.48 pt corner squares,
    // and positions a little apart.
    let rulings = vec![
        h(100.0, 50.0, 149.7),
        h(100.3, 150.2, 250.0),
        h(130.0, 50.0, 250.0),
        v(50.0, 100.0, 130.0),
        v(150.4, 100.0, 130.0),
        v(250.0, 100.0, 115.0),
        v(250.2, 115.5, 130.0),
    ];
    let grids = lattice(1, &rulings);
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].cells, vec![(0, 0, 1, 1), (0, 1, 1, 1)]);
}

#[test]
fn lone_lines_and_single_boxes_are_no_table() {
    // An underline, a rule under a heading, one framed paragraph.
    let rulings = vec![
        h(50.0, 50.0, 300.0),
        h(80.0, 60.0, 120.0),
        h(200.0, 50.0, 300.0),
        h(260.0, 50.0, 300.0),
        v(50.0, 200.0, 260.0),
        v(300.0, 200.0, 260.0),
    ];
    assert!(lattice(1, &rulings).is_empty());
}

fn run(text: &str, x: f32, y: f32) -> Run {
    Run { text: text.into(), x, y, width: 6.0 * text.chars().count() as f32, font_size: 10.0, confidence: None }
}

fn line(runs: Vec<Run>) -> Line {
    let y = runs[0].y;
    Line { text: runs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" "), x: runs[0].x, y, runs }
}

fn page(number: u32, lines: Vec<Line>) -> Page {
    Page { number, width: 595.0, height: 842.0, lines, marks: vec![], ocr: None }
}

#[test]
fn runs_and_marks_go_to_the_cell_that_holds_them_in_reading_order() {
    let g = &lattice(1, &merged_grid())[0];
    let mut p = page(
        1,
        vec![
            line(vec![run("Label", 55.0, 113.0), run("Op", 155.0, 113.0)]),
            line(vec![run("lang", 55.0, 133.0)]),
            line(vec![run("label", 55.0, 153.0), run("x", 260.0, 153.0)]),
        ],
    );
    p.marks.push(Mark { kind: MarkKind::Shape, x: 195.0, y: 125.0, width: 8.0, height: 8.0, text: None });
    let t = fill(g, &p);
    assert_eq!(t.cell(0, 0).unwrap().lines, vec!["Label"]);
    assert_eq!(t.cell(1, 0).unwrap().lines, vec!["lang", "label"], "merged cell, top to bottom");
    assert_eq!(t.cell(2, 0).unwrap().row, 1, "covered by the merged cell");
    assert_eq!(t.cell(2, 2).unwrap().lines, vec!["x"]);
    assert_eq!(t.cell(1, 1).unwrap().marks.len(), 1);
    assert!(t.cell(1, 2).unwrap().is_empty());
}

/// A one-page table: a header row and `rows` body rows, 2 columns, at the
/// given top; with its text.
fn table_page(number: u32, top: f32, header: &str, body: &[(&str, &str)]) -> (Page, Grid) {
    let mut rulings = Vec::new();
    let n = body.len() + 1;
    for i in 0..=n {
        rulings.push(h(top + 20.0 * i as f32, 50.0, 350.0));
    }
    for x in [50.0, 200.0, 350.0] {
        rulings.push(v(x, top, top + 20.0 * n as f32));
    }
    let mut lines = vec![line(vec![run(header, 55.0, top + 14.0), run("Status", 205.0, top + 14.0)])];
    for (i, (a, b)) in body.iter().enumerate() {
        let y = top + 20.0 * (i + 1) as f32 + 14.0;
        let mut runs = vec![run(a, 55.0, y)];
        if !b.is_empty() {
            runs.push(run(b, 205.0, y));
        }
        lines.push(line(runs));
    }
    (page(number, lines), lattice(number, &rulings).remove(0))
}

#[test]
fn a_table_continued_on_the_next_page_is_one_table_without_its_repeated_header() {
    let (p1, g1) = table_page(1, 700.0, "Protocol", &[("Pesten", "ja"), ("Verzuim", "ja")]);
    let (p2, g2) = table_page(2, 60.0, "Protocol", &[("Medicijnen", "nee")]);
    let tables = document_tables(&[p1, p2], &[vec![g1], vec![g2]]);
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!((t.pages.clone(), t.n_rows, t.n_cols, t.header_rows), (vec![1, 2], 4, 2, 1));
    assert_eq!(t.cell(3, 0).unwrap().text(), "Medicijnen");
    assert_eq!(t.cell(3, 0).unwrap().page, 2);
}

#[test]
fn a_table_after_text_on_the_next_page_is_another_table() {
    let (p1, g1) = table_page(1, 700.0, "Protocol", &[("Pesten", "ja")]);
    let (mut p2, g2) = table_page(2, 200.0, "Protocol", &[("Medicijnen", "nee")]);
    p2.lines.insert(0, line(vec![run("Een nieuwe paragraaf.", 50.0, 100.0)]));
    assert_eq!(document_tables(&[p1, p2], &[vec![g1], vec![g2]]).len(), 2);
}

#[test]
fn a_row_broken_over_the_page_is_joined_and_a_new_row_is_not() {
    let (p1, g1) = table_page(1, 700.0, "Protocol", &[("Pesten", "wordt gevolgd en")]);
    let (p2, g2) = table_page(2, 60.0, "Protocol", &[("", "geëvalueerd."), ("Verzuim", "ja")]);
    let t = &document_tables(&[p1, p2], &[vec![g1], vec![g2]])[0];
    assert_eq!(t.n_rows, 3);
    assert_eq!(t.cell(1, 1).unwrap().lines, vec!["wordt gevolgd en", "geëvalueerd."]);
    assert_eq!(t.cell(2, 0).unwrap().text(), "Verzuim");
}

#[test]
fn hyphenation_is_repaired_inside_a_cell() {
    let (p, g) = table_page(1, 100.0, "Protocol", &[("ge-", "")]);
    let mut t = fill(&g, &p);
    t.cells.iter_mut().find(|c| c.row == 1 && c.col == 0).unwrap().lines = vec!["ge-".into(), "wenst gedrag".into()];
    let words = BTreeSet::new();
    repair_cells(std::slice::from_mut(&mut t), &mut |a, b| crate::assemble::hyphen_join(a, b, &words));
    assert_eq!(t.cell(1, 0).unwrap().lines, vec!["gewenst", "gedrag"]);
}

#[test]
fn paragraphs_and_label_value_lines_are_no_stream_table() {
    let p = page(
        1,
        vec![
            line(vec![run("Dit is een gewone zin die doorloopt", 50.0, 100.0)]),
            line(vec![run("over meerdere regels van de alinea.", 50.0, 112.0)]),
            line(vec![run("Naam:", 50.0, 130.0), run("De Vlinder", 200.0, 130.0)]),
            line(vec![run("Adres:", 50.0, 142.0), run("Laan 1", 200.0, 142.0)]),
            line(vec![run("Telefoon:", 50.0, 154.0), run("070 123", 200.0, 154.0)]),
        ],
    );
    assert!(crate::stream::stream_tables(&p, &[]).is_empty());
}

#[test]
fn aligned_columns_without_rulings_are_a_stream_table() {
    let rows = [("Groep", "Uren", "Leerlingen"), ("3-4", "9 uur", "206"), ("5", "2 uur", "72"), ("8", "11 uur", "23")];
    let lines = rows
        .iter()
        .enumerate()
        .map(|(i, (a, b, c))| {
            let y = 100.0 + 14.0 * i as f32;
            line(vec![run(a, 50.0, y), run(b, 200.0, y), run(c, 300.0, y)])
        })
        .collect();
    let found = crate::stream::stream_tables(&page(1, lines), &[]);
    assert_eq!(found.len(), 1);
    let t = &found[0].0;
    assert_eq!((t.strategy, t.n_rows, t.n_cols), (TableStrategy::Stream, 4, 3));
    assert_eq!(t.cell(2, 1).unwrap().text(), "2 uur");
}
