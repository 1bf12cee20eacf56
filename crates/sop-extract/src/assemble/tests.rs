use super::*;

/// Glyphs of `text` at x, one per char, advancing by `adv` per char and
/// `space` for a blank (drawn as a space glyph when `draw_spaces`).
fn glyphs(text: &str, x: f32, y: f32, adv: f32, space: f32, draw_spaces: bool) -> Vec<Glyph> {
    let mut out = Vec::new();
    let mut at = x;
    for c in text.chars() {
        if c == ' ' {
            if draw_spaces {
                out.push(Glyph { text: " ".into(), x: at, y, width: space, size: 10.0 });
            }
            at += space;
        } else {
            out.push(Glyph { text: c.to_string(), x: at, y, width: adv, size: 10.0 });
            at += adv;
        }
    }
    out
}

fn line(text: &str, y: f32) -> Line {
    Line {
        text: text.into(),
        x: 50.0,
        y,
        runs: vec![Run { text: text.into(), x: 50.0, y, width: 100.0, font_size: 10.0, confidence: None }],
    }
}

fn page(number: u32, lines: &[(&str, f32)]) -> Page {
    Page {
        number,
        width: 595.0,
        height: 842.0,
        lines: lines.iter().map(|(t, y)| line(t, *y)).collect(),
        marks: vec![],
        ocr: None,
    }
}

#[test]
fn glyphs_placed_one_by_one_join_into_words() {
    // Chromium/Skia places each glyph; small kerning gaps are no spaces.
    let mut g = glyphs("Example document", 50.0, 100.0, 5.0, 2.8, false);
    for (i, gl) in g.iter_mut().enumerate() {
        gl.x += (i % 3) as f32 * 0.3;
    }
    let lines = lines_from_glyphs(g);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text, "Example document");
    assert_eq!(lines[0].runs.len(), 1);
}

#[test]
fn a_wide_gap_ends_a_run_so_table_cells_stay_apart() {
    let mut g = glyphs("Adviseur", 60.0, 200.0, 5.0, 2.8, true);
    g.extend(glyphs("x", 350.0, 200.0, 5.0, 2.8, true));
    let lines = lines_from_glyphs(g);
    let runs: Vec<(&str, f32)> = lines[0].runs.iter().map(|r| (r.text.as_str(), r.x)).collect();
    assert_eq!(runs, vec![("Adviseur", 60.0), ("x", 350.0)]);
    assert_eq!(lines[0].text, "Adviseur x");
}

#[test]
fn adjacent_cells_without_a_space_glyph_are_separate_runs() {
    // Two table headers 6 pt apart: narrower than a stretched space, but no space is drawn.
    let mut g = glyphs("Op de school", 325.0, 300.0, 5.0, 2.8, true);
    let end = g.last().map(|g| g.x + g.width).unwrap();
    g.extend(glyphs("Via het", end + 6.0, 300.0, 5.0, 2.8, true));
    let lines = lines_from_glyphs(g);
    let texts: Vec<&str> = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, vec!["Op de school", "Via het"]);
}

#[test]
fn lines_are_in_reading_order() {
    let mut g = glyphs("tweede", 50.0, 120.0, 5.0, 2.8, true);
    g.extend(glyphs("eerste", 50.0, 100.0, 5.0, 2.8, true));
    let texts: Vec<String> = lines_from_glyphs(g).into_iter().map(|l| l.text).collect();
    assert_eq!(texts, vec!["eerste", "tweede"]);
}

#[test]
fn running_footers_and_page_numbers_are_removed() {
    let footer = |n: u32| format!("Model SchoolOndersteuningsProfiel 2021-2025 versie 15 maart 2021 {n} - 3.");
    let (f1, f2, f3) = (footer(1), footer(2), footer(3));
    let mut pages = vec![
        page(1, &[("Titel", 60.0), ("Tekst een", 100.0), (&f1, 800.0)]),
        page(2, &[("Tekst twee", 60.0), ("3", 790.0), (&f2, 800.0)]),
        page(3, &[("Tekst drie", 60.0), (&f3, 800.0)]),
    ];
    let removed = remove_furniture(&mut pages);
    let left: Vec<Vec<&str>> = pages.iter().map(|p| p.lines.iter().map(|l| l.text.as_str()).collect()).collect();
    assert_eq!(left, vec![vec!["Titel", "Tekst een"], vec!["Tekst twee"], vec!["Tekst drie"]]);
    assert_eq!(removed, vec![f1, "3".to_string(), f2, f3]);
}

#[test]
fn a_number_in_the_body_is_not_a_page_number() {
    let mut pages = vec![page(1, &[("Aantal", 300.0), ("3", 320.0), ("Einde", 340.0)])];
    assert!(remove_furniture(&mut pages).is_empty());
    assert_eq!(pages[0].lines.len(), 3);
}

fn repaired(lines: &[&str]) -> Vec<String> {
    let mut pages =
        vec![page(1, &lines.iter().enumerate().map(|(i, t)| (*t, 100.0 + 14.0 * i as f32)).collect::<Vec<_>>())];
    repair_hyphenation(&mut pages);
    pages[0].lines.iter().map(|l| l.text.clone()).collect()
}

#[test]
fn line_end_hyphenation_is_repaired() {
    assert_eq!(repaired(&["dat is ge-", "wenst gedrag"]), vec!["dat is gewenst", "gedrag"]);
    assert_eq!(repaired(&["een enkel ge-", "wenst."]), vec!["een enkel gewenst."]);
}

#[test]
fn real_hyphens_are_kept() {
    // The hyphenated form occurs elsewhere in the document.
    assert_eq!(
        repaired(&["met collega-scholen en collega-", "scholen samen"]),
        vec!["met collega-scholen en collega-scholen", "samen"]
    );
    // The same stem is hyphenated elsewhere in the document (sample 001).
    assert_eq!(
        repaired(&["de sociaal-emotionele ontwikkeling en sociaal-", "emotioneel de overstap"]),
        vec!["de sociaal-emotionele ontwikkeling en sociaal-emotioneel", "de overstap"]
    );
    // Vowels meet: Dutch writes the hyphen.
    assert_eq!(repaired(&["de havo-", "afdeling"]), vec!["de havo-afdeling"]);
    // Capitals or digits before the hyphen.
    assert_eq!(repaired(&["de ICT-", "coördinator"]), vec!["de ICT-coördinator"]);
    // A coordination: "hoog- en meerbegaafd" keeps its hyphen and space.
    assert_eq!(
        repaired(&["voor hoog-", "en meerbegaafde leerlingen"]),
        vec!["voor hoog-", "en meerbegaafde leerlingen"]
    );
    // A capital after the hyphen is a new sentence or a name, not a continuation.
    assert_eq!(repaired(&["taal-", "Rekenen"]), vec!["taal-", "Rekenen"]);
}

#[test]
fn symbol_glyphs_become_marks() {
    let g = vec![
        Glyph { text: "✓".into(), x: 400.0, y: 200.0, width: 8.0, size: 10.0 },
        Glyph { text: "X".into(), x: 450.0, y: 200.0, width: 6.0, size: 10.0 },
    ];
    let marks = glyph_marks(&g);
    assert_eq!(marks.len(), 1);
    assert_eq!(
        (marks[0].kind, marks[0].x, marks[0].y, marks[0].text.as_deref()),
        (MarkKind::Glyph, 400.0, 192.0, Some("✓"))
    );
}

#[test]
fn symbol_font_ticks_and_boxes_get_their_unicode_and_an_empty_box_is_a_mark() {
    // Wingdings 0xFC (tick) as producers map it: U+F0FC.
    assert_eq!(symbol_font_char("\u{f0fc}"), Some("✓"));
    assert_eq!(symbol_font_char("\u{f0fd}"), Some("☒"));
    assert_eq!(symbol_font_char("\u{f0a7}"), None, "a Wingdings bullet stays as it is");
    assert_eq!(symbol_font_char("a"), None);
    let g = vec![
        Glyph { text: "☐".into(), x: 100.0, y: 200.0, width: 8.0, size: 10.0 },
        Glyph { text: "☒".into(), x: 120.0, y: 200.0, width: 8.0, size: 10.0 },
    ];
    let texts: Vec<_> = glyph_marks(&g).into_iter().filter_map(|m| m.text).collect();
    assert_eq!(texts, vec!["☐", "☒"]);
}

#[test]
fn a_lone_x_run_is_a_mark_and_an_x_in_a_word_is_not() {
    let mut g = glyphs("Adviseur", 60.0, 200.0, 5.0, 2.8, true);
    g.extend(glyphs("x", 350.0, 200.0, 5.0, 2.8, true));
    g.extend(glyphs("Extra", 60.0, 220.0, 5.0, 2.8, true));
    g.extend(glyphs("X, wij werken", 350.0, 220.0, 5.0, 2.8, true));
    let marks = letter_marks(&lines_from_glyphs(g));
    assert_eq!(marks.len(), 1);
    assert_eq!((marks[0].x, marks[0].text.as_deref()), (350.0, Some("x")));
}

#[test]
fn a_run_is_cut_where_a_cell_border_passes() {
    // Two cells' text with a gap narrower than a run gap: the border at x 92 separates them.
    let mut g = glyphs("Ja", 80.0, 200.0, 5.0, 2.8, false);
    g.extend(glyphs("20", 95.0, 200.0, 5.0, 2.8, false));
    assert_eq!(lines_from_glyphs(g.clone())[0].runs.len(), 1, "without the border, one run");
    let lines = lines_from_glyphs_cut(g, &[(92.0, 180.0, 210.0)]);
    let runs: Vec<&str> = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(runs, vec!["Ja", "20"]);
}
