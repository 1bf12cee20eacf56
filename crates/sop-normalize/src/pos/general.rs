//! §2.1 Algemene gegevens: the Gegeven | Antwoord table.
//!
//! Its rows are the questionnaire's fixed questions, so rows are found by
//! those labels (which may wrap over lines). From a PDF the answer column's
//! position splits each line into label and answer, so a wrapped label next
//! to its answer is read right and an unknown row is kept under `unmapped`;
//! from plain text an unknown label cannot be told from an answer line and
//! stays with the answer above it.

use sop_i18n::notice;
use sop_model::text::{normalize_ws, slug};
use sop_model::Sector;

use super::doc::{Doc, Kind};
use super::text::{join, starts_lowercase};
use super::{Out, PosOut};
use crate::common::dates::{find_date, school_year_of};
use crate::common::doc::DocLine;
use crate::common::tolerant::{is_ocr, nearest_standard};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    FilledIn,
    Name,
    Sector,
    Board,
    Swv,
    LevelsLower,
    LevelsUpper,
    /// Read but without a field of its own ("Leerjaren").
    Other,
}

/// The questions of the table (their slugs) and where their answers go.
const LABELS: &[(&str, Field)] = &[
    ("invuldatum", Field::FilledIn),
    ("naam_van_onze_school", Field::Name),
    ("onderwijstype", Field::Sector),
    ("naam_van_ons_schoolbestuur", Field::Board),
    ("naam_schoolbestuur", Field::Board),
    ("naam_samenwerkingsverband", Field::Swv),
    ("naam_van_ons_samenwerkingsverband", Field::Swv),
    ("onderwijsniveaus_onderbouw", Field::LevelsLower),
    ("onderwijsniveaus_bovenbouw", Field::LevelsUpper),
    ("leerjaren", Field::Other),
];

struct Row<'p> {
    label: String,
    field: Option<Field>,
    label_lines: Vec<&'p DocLine>,
    /// Answer pieces, one per line, with their line.
    answers: Vec<(String, &'p DocLine)>,
}

pub(crate) fn parse(doc: &Doc, out: &mut Out<'_>) {
    let Some(part) = doc.part(Kind::General) else {
        out.warn(notice!("pos-general-missing"));
        return;
    };
    let lines: Vec<&DocLine> = part.lines.iter().collect();
    let header =
        lines.iter().position(|l| slug(&l.text).starts_with("gegeven_antwoord") || l.text.starts_with("Gegeven"));
    let (before, body) = match header {
        Some(h) => (&lines[..h], &lines[h + 1..]),
        None => (&lines[..0], &lines[..]),
    };
    if !before.is_empty() {
        out.unmapped(Some(part.title()), before);
    }
    let answer_x = header.and_then(|h| answer_column_x(lines[h]));
    let grid = super::grid_of(doc, part, &["Gegeven", "Antwoord"], out);
    let rows = if let Some(g) = &grid {
        rows_by_grid(part, g)
    } else if out.positioned() && answer_x.is_some() {
        rows_by_column(body, answer_x.unwrap_or_default())
    } else {
        rows_by_label(body)
    };
    for row in &rows {
        apply(row, out);
    }
    for (slug, field) in [("naam_van_onze_school", Field::Name), ("invuldatum", Field::FilledIn)] {
        if !rows.iter().any(|r| r.field == Some(field)) {
            out.warn(notice!("pos-general-no-row", row = slug.replace('_', " ")));
        }
    }
}

/// The left edge of the "Antwoord" header run, when positions are known.
fn answer_column_x(line: &DocLine) -> Option<f32> {
    line.runs.iter().find(|r| r.text.trim().eq_ignore_ascii_case("antwoord")).map(|r| r.x - 2.0)
}

fn known(label_slug: &str) -> Option<Field> {
    LABELS.iter().find(|(s, _)| *s == label_slug).map(|(_, f)| *f)
}

/// The field of a label: [`known`], or on lines read by OCR the question
/// it names despite a misread character or a stray speck read as a word
/// ("Onderwijsniveaus onderbouw es"): `common::tolerant::nearest_standard`.
fn known_read(label: &str, lines: &[&DocLine]) -> Option<Field> {
    known(&slug(label)).or_else(|| {
        let ocr = !lines.is_empty() && lines.iter().all(|l| is_ocr(&l.runs));
        let questions: Vec<&str> = LABELS.iter().map(|(s, _)| *s).collect();
        ocr.then(|| nearest_standard(label, &questions)).flatten().and_then(known)
    })
}

fn is_prefix_of_known(label_slug: &str) -> bool {
    LABELS.iter().any(|(s, _)| s.starts_with(label_slug) && s.as_bytes().get(label_slug.len()) == Some(&b'_'))
}

/// Plain text: a row starts where a known label starts, possibly wrapped over
/// up to three lines; the rest of the label's last line is the first answer.
fn rows_by_label<'p>(body: &[&'p DocLine]) -> Vec<Row<'p>> {
    let mut rows: Vec<Row<'p>> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        if let Some((field, used, rest, label)) = match_label(&body[i..]) {
            let mut row =
                Row { label, field: Some(field), label_lines: body[i..i + used].to_vec(), answers: Vec::new() };
            if !rest.is_empty() {
                row.answers.push((rest, body[i + used - 1]));
            }
            rows.push(row);
            i += used;
            continue;
        }
        match rows.last_mut() {
            Some(row) => row.answers.push((body[i].text.clone(), body[i])),
            None => rows.push(Row {
                label: body[i].text.clone(),
                field: None,
                label_lines: vec![body[i]],
                answers: Vec::new(),
            }),
        }
        i += 1;
    }
    rows
}

/// Tries each known label against the words at the start of `lines`.
/// Returns the field, the number of lines the label took, the rest of the
/// last line and the label as printed.
fn match_label(lines: &[&DocLine]) -> Option<(Field, usize, String, String)> {
    let mut best: Option<(Field, usize, String, String, usize)> = None;
    for (label_slug, field) in LABELS {
        let want: Vec<&str> = label_slug.split('_').collect();
        let mut got = 0;
        let mut printed: Vec<String> = Vec::new();
        'lines: for (n, l) in lines.iter().take(3).enumerate() {
            let words: Vec<&str> = l.text.split(' ').collect();
            for (k, w) in words.iter().enumerate() {
                let ws = slug(w);
                if ws.is_empty() {
                    continue;
                }
                // One printed word may be several slug words ("schoolbestuur" is one).
                let parts: Vec<&str> = ws.split('_').collect();
                if want.len() >= got + parts.len() && want[got..got + parts.len()] == parts[..] {
                    got += parts.len();
                    printed.push((*w).to_string());
                    if got == want.len() {
                        let rest = normalize_ws(&words[k + 1..].join(" "));
                        if best.as_ref().is_none_or(|b| b.4 < got) {
                            best = Some((*field, n + 1, rest, printed.join(" "), got));
                        }
                        break 'lines;
                    }
                } else {
                    break 'lines;
                }
            }
        }
    }
    best.map(|(f, n, rest, label, _)| (f, n, rest, label))
}

/// PDF: runs left of the answer column are label text, the others answers.
/// A label line starts a new row unless it continues an incomplete known
/// label or starts in lowercase.
fn rows_by_column<'p>(body: &[&'p DocLine], answer_x: f32) -> Vec<Row<'p>> {
    // The header repeated where the table goes on over a page is no row.
    let body: Vec<&'p DocLine> =
        body.iter().copied().filter(|l| !slug(&l.text).starts_with("gegeven_antwoord")).collect();
    let body = &body[..];
    let split = |l: &DocLine| -> (String, String) {
        let mut label = Vec::new();
        let mut answer = Vec::new();
        for r in &l.runs {
            if r.x < answer_x {
                label.push(r.text.as_str());
            } else {
                answer.push(r.text.as_str());
            }
        }
        (normalize_ws(&label.join(" ")), normalize_ws(&answer.join(" ")))
    };
    // A gap as between table rows (cell padding) before line `k`.
    // A row gap is larger than the table's own line pitch (the smallest step
    // between its lines, a wrapped cell's) by the cell padding: 2 pt or more
    // (a bottom-aligned label's own line stands less than that lower).
    let size = |k: usize| body[k].line_height();
    let step = |k: usize| (k > 0 && body[k].page == body[k - 1].page).then(|| body[k].y - body[k - 1].y);
    let pitch = crate::common::table::line_pitch(
        (1..body.len()).filter_map(|k| step(k).filter(|s| crate::common::table::is_wrap_step(*s, size(k)))),
    );
    let row_gap = |k: usize| match step(k) {
        None => true,
        Some(s) => s > 1.7 * size(k) || (pitch.is_finite() && s > pitch + 2.0),
    };
    let mut rows: Vec<Row<'p>> = Vec::new();
    for (k, l) in body.iter().enumerate() {
        let (label, answer) = split(l);
        // A row whose label is centred (or at the bottom) beside a longer
        // answer shows answers before its label: after a row gap, answers
        // followed closely by a label open that label's row.
        let opens_row = label.is_empty()
            && row_gap(k)
            && k > 0
            && (k + 1..body.len()).take_while(|&j| !row_gap(j)).any(|j| !split(body[j]).0.is_empty());
        if opens_row {
            rows.push(Row { label: String::new(), field: None, label_lines: Vec::new(), answers: Vec::new() });
        }
        let awaiting = rows.last().is_some_and(|r| r.label.is_empty() && r.label_lines.is_empty());
        if !label.is_empty() && awaiting {
            let row = rows.last_mut().expect("a row awaits its label");
            row.field = known(&slug(&label));
            row.label = label.clone();
            row.label_lines.push(l);
        } else if !label.is_empty() {
            let continues = rows.last().is_some_and(|r| {
                r.field.is_none() && is_prefix_of_known(&slug(&r.label))
                    || starts_lowercase(&label) && r.field.is_none()
            });
            match rows.last_mut() {
                Some(row) if continues => {
                    row.label = join(&[row.label.as_str(), label.as_str()]);
                    row.field = known(&slug(&row.label));
                    row.label_lines.push(l);
                }
                _ => rows.push(Row { field: known(&slug(&label)), label, label_lines: vec![l], answers: Vec::new() }),
            }
        }
        if !answer.is_empty() {
            match rows.last_mut() {
                Some(row) => row.answers.push((answer, l)),
                None => rows.push(Row {
                    label: String::new(),
                    field: None,
                    label_lines: Vec::new(),
                    answers: vec![(answer, l)],
                }),
            }
        }
    }
    rows
}

/// The extracted table: one row per table row; each line of the answer cell
/// is one answer piece (lists are one item per line).
fn rows_by_grid<'p>(part: &'p super::doc::Part, g: &crate::common::grid::Grid) -> Vec<Row<'p>> {
    let mut rows: Vec<Row<'p>> = Vec::new();
    for r in &g.rows {
        let src = super::row_lines(part, r);
        let Some(first) = src.first().copied() else { continue };
        let label = join(&r.cells[0]);
        // Each answer piece with the source line it is printed on, where found.
        let answers: Vec<(String, &'p DocLine)> = r.cells[1]
            .iter()
            .map(|a| (a.clone(), src.iter().copied().find(|l| l.text.contains(a.as_str())).unwrap_or(first)))
            .collect();
        let label_lines: Vec<&'p DocLine> =
            src.iter().copied().filter(|l| r.cells[0].iter().any(|c| l.text.contains(c.as_str()))).collect();
        // A row broken over a page goes on without its label.
        match rows.last_mut() {
            Some(prev) if label.is_empty() => prev.answers.extend(answers),
            _ => rows.push(Row { field: known_read(&label, &label_lines), label, label_lines, answers }),
        }
    }
    rows
}

/// List answers: one item per line, a line in lowercase continuing the item.
fn items(row: &Row<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (a, _) in &row.answers {
        match out.last_mut() {
            Some(prev) if starts_lowercase(a) => *prev = join(&[prev.as_str(), a.as_str()]),
            _ => out.push(a.clone()),
        }
    }
    out
}

fn apply(row: &Row<'_>, out: &mut Out<'_>) {
    let mut lines: Vec<&DocLine> = row.label_lines.clone();
    lines.extend(row.answers.iter().map(|(_, l)| *l));
    lines.dedup_by(|a, b| std::ptr::eq(*a, *b));
    let single = {
        let texts: Vec<&str> = row.answers.iter().map(|(a, _)| a.as_str()).collect();
        let j = join(&texts);
        (!j.is_empty()).then_some(j)
    };
    let Some(field) = row.field else {
        let heading = (!row.label.is_empty()).then(|| row.label.clone());
        out.unmapped(heading, &row.answers.iter().map(|(_, l)| *l).collect::<Vec<_>>());
        return;
    };
    if single.is_none() && field != Field::Other {
        out.warn(notice!("pos-general-no-answer", row = &row.label));
    }
    match field {
        Field::Name => {
            out.record.school.name = single;
            out.prov("/school/name", &lines);
        }
        Field::Board => {
            out.record.school.board = single;
            out.prov("/school/board", &lines);
        }
        Field::Swv => {
            out.record.school.swv = single;
            out.prov("/school/swv", &lines);
        }
        Field::Sector => {
            if let Some(s) = &single {
                out.record.school.sector = sector(s);
                if out.record.school.sector.is_none() {
                    out.warn(notice!("pos-general-unknown-sector", value = s));
                }
                out.prov("/school/sector", &lines);
            }
        }
        Field::FilledIn => {
            let Some(s) = single else { return };
            out.prov("/governance/filled_in", &lines);
            match find_date(&s) {
                Some(date) => {
                    let sy = school_year_of(&date.iso);
                    out.record.governance.filled_in = Some(date.iso);
                    if let Some(sy) = sy {
                        out.warn(notice!("pos-school-year-from-fill-in-date", year = &sy, date = s));
                        out.record.school_year = Some(sy);
                        out.prov("/school_year", &lines);
                    }
                }
                None => out.warn(notice!("pos-fill-in-date-unreadable", date = s)),
            }
        }
        Field::LevelsLower | Field::LevelsUpper => {
            let list = items(row);
            let pointer = if field == Field::LevelsLower { "/school/levels_lower" } else { "/school/levels_upper" };
            out.prov(pointer, &lines);
            if field == Field::LevelsLower {
                out.record.school.levels_lower = list.clone();
            } else {
                out.record.school.levels_upper = list.clone();
            }
            for l in list {
                if !out.record.school.levels.contains(&l) {
                    out.record.school.levels.push(l);
                }
            }
        }
        Field::Other => {
            let list = items(row);
            if let Some(first) = lines.first() {
                out.keep(first, Some(row.label.clone()), list.join("; "));
            }
        }
    }
}

/// The sector from the Onderwijstype answer.
fn sector(s: &str) -> Option<Sector> {
    let l = s.to_lowercase();
    if l.contains("speciaal basisonderwijs") || l.contains("(sbo)") {
        Some(Sector::Sbo)
    } else if l.contains("speciaal onderwijs") || l.contains("(so)") || l.contains("(vso)") {
        Some(Sector::So)
    } else if l.contains("voortgezet onderwijs") || l.contains("(vo)") {
        Some(Sector::Vo)
    } else if l.contains("basisonderwijs") || l.contains("primair onderwijs") || l.contains("(po)") {
        Some(Sector::Po)
    } else {
        None
    }
}
