//! The overview as an Excel workbook (rust_xlsxwriter): a summary sheet, the
//! coverage per board and per region, the gaps, one sheet per matrix (school ×
//! area, school × HGW indicator, school × facility), the "overig" rows, the
//! schools without a profile, the warnings and, with a comparison, the
//! changes. Every sheet has a bold, frozen header row, an autofilter over its
//! table and column widths that fit the text (within limits).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::csv::status_dutch;
use crate::model::{hgw_dutch, template_dutch, Coverage, Overview, SchoolRow, SchoolStatus};

/// The sheet names, in order (those of the comparison only with `--compare`).
pub const SHEETS: [&str; 11] = [
    "Samenvatting",
    "Per bestuur",
    "Per regio",
    "Witte vlekken",
    "School x gebied",
    "School x HGW",
    "School x voorziening",
    "Overig",
    "Waarschuwingen",
    "Vergelijking scholen",
    "Vergelijking gebieden",
];

enum Cell {
    Text(String),
    Num(f64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<u32> for Cell {
    fn from(n: u32) -> Cell {
        Cell::Num(n as f64)
    }
}
impl From<f64> for Cell {
    fn from(n: f64) -> Cell {
        Cell::Num(n)
    }
}

struct Table {
    name: &'static str,
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
    /// Columns frozen at the left (the school's id and name in a matrix).
    freeze_cols: u16,
}

impl Table {
    fn new(name: &'static str, header: Vec<String>, freeze_cols: u16) -> Table {
        Table { name, header, rows: Vec::new(), freeze_cols }
    }
}

fn write_table(wb: &mut Workbook, t: &Table, bold: &Format) -> Result<(), XlsxError> {
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name(t.name)?;
    let mut widths: Vec<usize> = t.header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in t.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, bold)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c16) = (r as u32 + 1, c as u16);
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    ws.write_string(r, c16, s)?;
                    if let Some(w) = widths.get_mut(c) {
                        *w = (*w).max(s.chars().count());
                    }
                }
                Cell::Num(n) => {
                    ws.write_number(r, c16, *n)?;
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 60.0))?;
    }
    ws.set_freeze_panes(1, t.freeze_cols)?;
    let last_col = t.header.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, t.rows.len() as u32, last_col)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_landscape();
    Ok(())
}

fn school_cells(s: &SchoolRow) -> Vec<Cell> {
    vec![
        s.id.as_str().into(),
        s.name.clone().unwrap_or_default().into(),
        s.board.clone().unwrap_or_default().into(),
        s.region.clone().unwrap_or_default().into(),
        s.template.as_deref().map(template_dutch).unwrap_or_default().into(),
        match (&s.status, &s.reason) {
            (SchoolStatus::Unreadable, Some(r)) => format!("{}: {r}", status_dutch(s.status)),
            _ => status_dutch(s.status).to_string(),
        }
        .into(),
    ]
}

fn school_header(extra: impl IntoIterator<Item = String>) -> Vec<String> {
    ["School (id)", "Naam", "Bestuur", "Regio", "Sjabloon", "Status"]
        .into_iter()
        .map(String::from)
        .chain(extra)
        .collect()
}

/// The text of a matrix cell: "ja: Expertise gedrag (op de school); …".
pub fn area_cell_text(cell: &crate::model::AreaCell) -> String {
    if cell.rows.is_empty() {
        return cell.coverage.dutch().to_string();
    }
    let rows: Vec<String> = cell.rows.iter().map(|r| format!("{}: {}", r.label, r.text())).collect();
    format!("{} — {}", cell.coverage.dutch(), rows.join("; "))
}

/// The workbook as bytes.
pub fn render_xlsx(o: &Overview) -> Result<Vec<u8>, XlsxError> {
    let mut tables = Vec::new();

    let mut t = Table::new(
        SHEETS[0],
        ["Gebied", "Scholen ja", "Aandeel ja (%)", "Onbekend", "Nee", "Niet genoemd", "Scholen met profiel"]
            .map(String::from)
            .to_vec(),
        1,
    );
    for a in &o.area_summary {
        t.rows.push(vec![
            a.label.as_str().into(),
            a.offered.into(),
            ((a.share * 1000.0).round() / 10.0).into(),
            a.unknown.into(),
            a.not_offered.into(),
            a.not_mentioned.into(),
            a.with_record.into(),
        ]);
    }
    tables.push(t);

    for (name, by_board) in [(SHEETS[1], true), (SHEETS[2], false)] {
        let mut t = Table::new(
            name,
            [if by_board { "Bestuur" } else { "Regio" }, "Gebied", "Scholen ja", "Onbekend", "Scholen met profiel"]
                .map(String::from)
                .to_vec(),
            1,
        );
        for a in &o.area_summary {
            for g in if by_board { &a.by_board } else { &a.by_region } {
                t.rows.push(vec![
                    g.group.as_str().into(),
                    a.label.as_str().into(),
                    g.offered.into(),
                    g.unknown.into(),
                    g.schools.into(),
                ]);
            }
        }
        tables.push(t);
    }

    let mut t = Table::new(
        SHEETS[3],
        ["Regio", "Gebied", "Scholen ja", "Onbekend", "Scholen met profiel", "Drempel"].map(String::from).to_vec(),
        1,
    );
    for g in &o.gaps {
        t.rows.push(vec![
            g.region.clone().unwrap_or_else(|| "heel het samenwerkingsverband".into()).into(),
            g.label.as_str().into(),
            g.offered.into(),
            g.unknown.into(),
            g.schools.into(),
            o.threshold.into(),
        ]);
    }
    tables.push(t);

    let mut t =
        Table::new(SHEETS[4], school_header(o.areas.iter().map(|a| a.label.clone()).chain(["Overig".to_string()])), 2);
    for s in &o.schools {
        let mut row = school_cells(s);
        if s.status == SchoolStatus::Record {
            row.extend(s.areas.iter().map(|c| Cell::from(area_cell_text(c))));
            let other: Vec<String> = s.other.iter().map(|r| format!("{}: {}", r.label, r.text())).collect();
            row.push(other.join("; ").into());
        }
        t.rows.push(row);
    }
    tables.push(t);

    let mut t = Table::new(
        SHEETS[5],
        school_header(
            o.hgw_columns
                .iter()
                .map(|c| format!("{} [{}]", c.label, c.template.as_deref().map(template_dutch).unwrap_or_default())),
        ),
        2,
    );
    for s in &o.schools {
        let mut row = school_cells(s);
        if s.status == SchoolStatus::Record {
            for c in &o.hgw_columns {
                row.push(match s.hgw.get(&c.key) {
                    Some(st) => hgw_dutch(*st, s.template.as_deref()).into(),
                    None => "".into(),
                });
            }
        }
        t.rows.push(row);
    }
    tables.push(t);

    let mut t = Table::new(SHEETS[6], school_header(o.facility_columns.iter().map(|c| c.label.clone())), 2);
    for s in &o.schools {
        let mut row = school_cells(s);
        if s.status == SchoolStatus::Record {
            for c in &o.facility_columns {
                row.push(match s.facilities.get(&c.key) {
                    Some(Some(true)) => "ja".into(),
                    Some(Some(false)) => "nee".into(),
                    Some(None) => "onbekend".into(),
                    None => Coverage::NotMentioned.dutch().into(),
                });
            }
        }
        t.rows.push(row);
    }
    tables.push(t);

    let mut t = Table::new(
        SHEETS[7],
        ["Rij", "Onderdeel", "Sleutel", "Scholen ja", "Onbekend", "Nee", "Scholen"].map(String::from).to_vec(),
        1,
    );
    for r in &o.other_rows {
        t.rows.push(vec![
            r.label.as_str().into(),
            r.section.dutch().into(),
            r.key.as_str().into(),
            r.offered.into(),
            r.unknown.into(),
            r.not_offered.into(),
            r.schools.join(", ").into(),
        ]);
    }
    tables.push(t);

    let mut t = Table::new(SHEETS[8], school_header(["Waarschuwing".to_string()]), 2);
    for s in &o.schools {
        for w in &s.warnings {
            let mut row = school_cells(s);
            row.push(w.as_str().into());
            t.rows.push(row);
        }
    }
    tables.push(t);

    if let Some(c) = &o.compare {
        let mut t = Table::new(
            SHEETS[9],
            ["School (id)", "Naam", "Wat", "Gebied", "Rij", "Was", "Nu"].map(String::from).to_vec(),
            2,
        );
        for s in &c.schools {
            let name = s.name.clone().unwrap_or_default();
            let presence = match s.presence {
                crate::model::Presence::Both => None,
                crate::model::Presence::NewOnly => Some(format!("geen profiel in {}", c.compare_year)),
                crate::model::Presence::OldOnly => Some(format!("geen profiel in {}", o.school_year)),
            };
            if let Some(p) = presence {
                t.rows.push(vec![s.id.as_str().into(), name.as_str().into(), p.into()]);
            }
            for a in &s.area_changes {
                t.rows.push(vec![
                    s.id.as_str().into(),
                    name.as_str().into(),
                    "gebied".into(),
                    a.label.as_str().into(),
                    "".into(),
                    a.old.dutch().into(),
                    a.new.dutch().into(),
                ]);
            }
            for r in &s.row_changes {
                t.rows.push(vec![
                    s.id.as_str().into(),
                    name.as_str().into(),
                    r.change.dutch().into(),
                    area_labels(o, &r.areas).into(),
                    r.label.as_str().into(),
                    r.old.clone().unwrap_or_default().into(),
                    r.new.clone().unwrap_or_default().into(),
                ]);
            }
            for h in &s.hgw_changes {
                t.rows.push(vec![
                    s.id.as_str().into(),
                    name.as_str().into(),
                    "HGW".into(),
                    "".into(),
                    h.label.as_str().into(),
                    hgw_dutch(h.old, None).into(),
                    hgw_dutch(h.new, None).into(),
                ]);
            }
        }
        tables.push(t);
        let mut t = Table::new(
            SHEETS[10],
            [
                "Gebied".to_string(),
                format!("Scholen ja {}", c.compare_year),
                format!("Scholen ja {}", o.school_year),
                "Verschil".to_string(),
                "Erbij".to_string(),
                "Eraf".to_string(),
            ]
            .to_vec(),
            1,
        );
        for a in &c.areas {
            t.rows.push(vec![
                a.label.as_str().into(),
                a.old_offered.into(),
                a.new_offered.into(),
                (a.new_offered as f64 - a.old_offered as f64).into(),
                a.gained.join(", ").into(),
                a.lost.join(", ").into(),
            ]);
        }
        tables.push(t);
    }

    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    for t in &tables {
        write_table(&mut wb, t, &bold)?;
    }
    wb.save_to_buffer()
}

/// Area ids as their labels ("overig" for rows that map to none).
pub fn area_labels(o: &Overview, ids: &[String]) -> String {
    ids.iter()
        .map(|id| o.areas.iter().find(|a| &a.id == id).map_or(id.as_str(), |a| a.label.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}
