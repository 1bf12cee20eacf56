//! The overview as CSV for scripts: long form, one line per school, area and
//! row (RFC 4180, comma-separated, UTF-8, header row). An area a school's
//! profile says nothing about is one line with `niet genoemd` and empty row
//! fields; a school without a record is one line with its status; rows that
//! map to no area have area `overig`; the HGW indicators follow with section
//! `hgw`. Values are the Dutch words of the HTML page.

use crate::model::{hgw_dutch, template_dutch, Overview, SchoolRow, SchoolStatus};
use crate::OTHER;

pub const HEADER: [&str; 14] = [
    "school_id",
    "school_naam",
    "bestuur",
    "regio",
    "sjabloon",
    "status",
    "gebied_id",
    "gebied",
    "dekking",
    "onderdeel",
    "rij_key",
    "rij",
    "waarde",
    "waarschuwingen",
];

fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn line(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

pub fn status_dutch(s: SchoolStatus) -> &'static str {
    match s {
        SchoolStatus::Record => "profiel",
        SchoolStatus::Missing => "geen profiel ontvangen",
        SchoolStatus::Unreadable => "ontvangen, niet leesbaar",
    }
}

pub fn render_csv(o: &Overview) -> String {
    let mut out = String::new();
    line(&mut out, &HEADER);
    for s in &o.schools {
        school_lines(&mut out, o, s);
    }
    out
}

fn school_lines(out: &mut String, o: &Overview, s: &SchoolRow) {
    let name = s.name.as_deref().unwrap_or("");
    let board = s.board.as_deref().unwrap_or("");
    let region = s.region.as_deref().unwrap_or("");
    let template = s.template.as_deref().map(template_dutch).unwrap_or_default();
    let status = match (&s.status, &s.reason) {
        (SchoolStatus::Unreadable, Some(r)) => format!("{}: {r}", status_dutch(s.status)),
        _ => status_dutch(s.status).to_string(),
    };
    let warnings = s.warnings.join(" | ");
    let head = [s.id.as_str(), name, board, region, template.as_str(), status.as_str()];
    if s.status != SchoolStatus::Record {
        let mut f: Vec<&str> = head.to_vec();
        f.extend(["", "", "", "", "", "", "", warnings.as_str()]);
        line(out, &f);
        return;
    }
    for (cell, area) in s.areas.iter().zip(&o.areas) {
        if cell.rows.is_empty() {
            let mut f: Vec<&str> = head.to_vec();
            f.extend([area.id.as_str(), area.label.as_str(), cell.coverage.dutch(), "", "", "", "", warnings.as_str()]);
            line(out, &f);
        }
        for r in &cell.rows {
            let value = r.text();
            let mut f: Vec<&str> = head.to_vec();
            f.extend([
                area.id.as_str(),
                area.label.as_str(),
                cell.coverage.dutch(),
                r.section.dutch(),
                r.key.as_str(),
                r.label.as_str(),
                value.as_str(),
                warnings.as_str(),
            ]);
            line(out, &f);
        }
    }
    for r in &s.other {
        let value = r.text();
        let mut f: Vec<&str> = head.to_vec();
        f.extend([
            OTHER,
            "overig",
            r.state.dutch(),
            r.section.dutch(),
            r.key.as_str(),
            r.label.as_str(),
            value.as_str(),
            warnings.as_str(),
        ]);
        line(out, &f);
    }
    for c in &o.hgw_columns {
        if let Some(st) = s.hgw.get(&c.key) {
            let status = hgw_dutch(*st, s.template.as_deref());
            let mut f: Vec<&str> = head.to_vec();
            f.extend(["", "", "", "hgw", c.key.as_str(), c.label.as_str(), status.as_str(), warnings.as_str()]);
            line(out, &f);
        }
    }
}
