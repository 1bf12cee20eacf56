//! The first page: title, "Algemene gegevens" and the school's links.

use sop_i18n::notice;
use std::sync::LazyLock;

use regex::Regex;
use sop_model::{Address, Director, Drafted, Sector, Signed};

use super::{ModelOut, Out, Sections};
use crate::common::dates::{find_date, find_school_year};
use crate::common::doc::Doc;
use crate::common::grid;
use sop_model::Origin;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<label>naam|adres|telefoon|e-?mail|website|datum|interim[- ]?directeur|adjunct[- ]?directeur|directeur|voorzitter\s+mr|voorzitter\s+bestuur)\s*:\s*(?P<value>.*)$")
        .expect("valid regex")
});
static LOCATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)Haaglanden\s*[-–]\s*(?P<loc>.+?)\s*$").expect("valid regex"));
static VALID_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:opgesteld|vastgesteld)\s+voor\s+(?:het\s+)?schooljaar\s+(\d{4}\s*[-/]\s*\d{4})")
        .expect("valid regex")
});
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<street>.*?)[,\s]+(?P<pc>\d{4}\s?[A-Z]{2})\b[,\s]*(?P<city>.*)$").expect("valid regex")
});

#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    School,
    Drafted,
    Mr,
    Board,
    Links,
}

fn group_of(text: &str) -> Option<(Group, usize)> {
    let lower = text.to_lowercase();
    for (start, g) in [
        ("opgesteld namens", Group::Drafted),
        ("opgesteld met advies", Group::Mr),
        ("vastgesteld door", Group::Board),
        ("schoolgids", Group::Links),
        ("schoolplan", Group::Links),
        ("school", Group::School),
    ] {
        if lower.starts_with(start) {
            return Some((g, start.len()));
        }
    }
    None
}

/// Whether `text` is made only of words of the group's printed title.
fn is_title_fragment(group: Group, text: &str) -> bool {
    let title = match group {
        Group::School => "school",
        Group::Drafted => "opgesteld namens directeur en team",
        Group::Mr => "opgesteld met advies mr",
        Group::Board => "vastgesteld door bestuur",
        Group::Links => "schoolgids schoolplan",
    };
    let words = sop_model::text::words(text);
    !words.is_empty() && words.iter().all(|w| title.split(' ').any(|t| t == w.to_lowercase()))
}

/// The texts of Algemene gegevens to read, each with the lines it came from:
/// the lines between `heading` and `end`, except that where the block is an
/// extracted table (the Word template's label cells beside value cells) each
/// table row is one text, its cells joined in column order, whatever the
/// cells' alignment or wrapping.
fn items(doc: &Doc<'_>, heading: usize, end: usize) -> Vec<(String, std::ops::Range<usize>)> {
    let lines = |r: std::ops::Range<usize>| r.map(|i| (doc.lines[i].text.clone(), i..i + 1));
    if doc.origin != Origin::Pdf || heading >= end {
        return lines(heading + 1..end).collect();
    }
    let is_label = |t: &str| LABEL.is_match(t.trim()) && t.trim().len() < 40;
    let Some(g) = grid::find_form(doc.layout, doc.at(heading), doc.at(end), &is_label) else {
        return lines(heading + 1..end).collect();
    };
    let boxes = grid::extent(&g);
    let inside = |i: usize| {
        let l = &doc.lines[i];
        boxes.iter().any(|(p, top, bottom)| l.page == Some(*p) && l.y >= top - 1.0 && l.y <= bottom + 1.0)
    };
    let mut out = Vec::new();
    let mut table_done = false;
    for i in heading + 1..end {
        if !inside(i) {
            out.push((doc.lines[i].text.clone(), i..i + 1));
        } else if !table_done {
            table_done = true;
            for r in &g.rows {
                let range = doc.lines_in(heading + 1..end, r).map_or(i..i + 1, |(a, b)| a..b + 1);
                let cells: Vec<String> = (0..r.cells.len()).map(|c| r.text(c)).filter(|t| !t.is_empty()).collect();
                out.push((cells.join(" "), range));
            }
        }
    }
    out
}

fn value(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

pub(super) fn read(doc: &Doc<'_>, s: &Sections, out: &mut Out<'_>) {
    let end = s.vision.or(s.basic).unwrap_or(0);
    let start = s.title.unwrap_or(0);
    let has_first_page = s.general.is_some() || s.title.is_some();

    // Title and location: "Schoolondersteuningsprofiel (SOP) Haaglanden-De Vuurvlinder",
    // possibly wrapped, up to "Algemene gegevens".
    if let Some(t) = s.title {
        let title_end = s.general.unwrap_or((t + 1).min(end));
        let title_end = title_end.max(t + 1);
        if let Some(title) = doc.text(t..title_end) {
            if let Some(c) = LOCATION.captures(&title) {
                out.record.school.location = Some(c["loc"].to_string());
                out.prov("/school/location", doc, t..title_end);
            }
        }
    }

    let mut group = Group::School;
    let mut drafted_by: Vec<String> = Vec::new();
    let mut drafted_lines: Option<std::ops::Range<usize>> = None;
    let body_start = s.general.map_or(start, |g| g + 1);
    for (text, here) in items(doc, body_start.saturating_sub(1), end) {
        let i = here.start;
        if let Some(c) = VALID_FOR.captures(&text) {
            let year = find_school_year(&c[1]);
            out.record.governance.valid_for = year.clone();
            out.record.school_year = year;
            out.prov("/governance/valid_for", doc, here.clone());
            out.prov("/school_year", doc, here);
            continue;
        }
        let (prefix, label) = match LABEL.captures(&text) {
            Some(c) => {
                let m = c.get(0).expect("match");
                (text[..m.start()].trim().to_string(), Some((c["label"].to_string(), value(&c["value"]))))
            }
            None => (text.trim().to_string(), None),
        };
        if !prefix.is_empty() {
            match group_of(&prefix) {
                Some((g, n)) => {
                    group = g;
                    if g == Group::Drafted {
                        let rest = prefix[n..].trim();
                        if !rest.is_empty() {
                            drafted_by.push(rest.to_string());
                        }
                        drafted_lines = Some(here.clone());
                    }
                }
                None if group == Group::Drafted => {
                    drafted_by.push(prefix.clone());
                    if let Some(r) = drafted_lines.as_mut() {
                        r.end = here.end;
                    }
                }
                // The rest of a wrapped group title ("Opgesteld met advies" / "MR").
                None if label.is_none() && is_title_fragment(group, &prefix) => {}
                None if label.is_none() => {
                    out.unmapped(Some("Algemene gegevens"), doc, here.clone());
                }
                None => {}
            }
        }
        let Some((label, val)) = label else { continue };
        let l = label.to_lowercase();
        let _ = i;
        match l.as_str() {
            "naam" => {
                out.record.school.name = val;
                out.prov("/school/name", doc, here);
            }
            "adres" => {
                if let Some(raw) = val {
                    out.record.school.address = Some(address(&raw));
                    out.prov("/school/address", doc, here);
                }
            }
            "telefoon" => {
                out.record.school.phone = val;
                out.prov("/school/phone", doc, here);
            }
            "email" | "e-mail" => {
                out.record.school.email = val;
                out.prov("/school/email", doc, here);
            }
            "website" => {
                out.record.school.website = val;
                out.prov("/school/website", doc, here);
            }
            "datum" => {
                let date = val.as_deref().and_then(find_date).map(|d| d.iso);
                match group {
                    Group::Drafted | Group::School => {
                        let d = out.record.governance.drafted.get_or_insert_with(Drafted::default);
                        d.date = date;
                        d.raw = val;
                        out.prov("/governance/drafted", doc, here);
                    }
                    Group::Mr => {
                        let d = out.record.governance.mr_advice.get_or_insert_with(Signed::default);
                        d.date = date;
                        d.raw = val;
                        out.prov("/governance/mr_advice", doc, here);
                    }
                    Group::Board | Group::Links => {
                        let d = out.record.governance.board_adoption.get_or_insert_with(Signed::default);
                        d.date = date;
                        d.raw = val;
                        out.prov("/governance/board_adoption", doc, here);
                    }
                }
            }
            "voorzitter mr" => {
                out.record.governance.mr_advice.get_or_insert_with(Signed::default).chair = val;
                out.prov("/governance/mr_advice/chair", doc, here);
            }
            "voorzitter bestuur" => {
                out.record.governance.board_adoption.get_or_insert_with(Signed::default).chair = val;
                out.prov("/governance/board_adoption/chair", doc, here);
            }
            _ => {
                // A director of whatever title: "Directeur", "Interim-directeur".
                out.record.governance.director = Some(Director { name: val, title: Some(capitalise(&label)) });
                out.prov("/governance/director", doc, here);
            }
        }
    }
    if !drafted_by.is_empty() {
        let by = drafted_by.join(" ");
        out.record.governance.drafted.get_or_insert_with(Drafted::default).by = Some(by);
        if let Some(r) = drafted_lines {
            out.prov("/governance/drafted/by", doc, r);
        }
    }

    // The school's link: the first link before §1 that is not the SWV's or a
    // search engine's (link annotations: in a .txt they stand on a line of
    // their own, in a PDF they come from the annotations).
    let school_link = |u: &str| {
        let l = u.to_lowercase();
        !l.contains("sppoh.nl") && !l.contains("google.") && !l.contains("bing.com") && !l.starts_with("mailto:")
    };
    let link = doc
        .link_positions
        .iter()
        .filter(|(at, _)| *at <= end)
        .map(|(_, u)| u.clone())
        .find(|u| school_link(u))
        .or_else(|| doc.layout.links.iter().find(|u| school_link(u)).cloned());
    if out.record.school.website.is_none() {
        out.record.school.website = link;
    }

    out.record.school.sector = out.record.school.name.as_deref().and_then(sector_of);
    if doc.text(0..doc.len()).is_some_and(|t| t.split(|c: char| !c.is_alphanumeric()).any(|w| w == "SPPOH")) {
        out.record.school.swv = Some("SPPOH".to_string());
    }

    if !has_first_page {
        out.warn(notice!("model-first-page-missing"));
    } else if out.record.school.name.is_none() {
        out.warn(notice!("model-school-name-empty"));
    }
    if has_first_page && out.record.school_year.is_none() {
        out.warn(notice!("model-school-year-missing"));
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "Guido Gezellestraat 51, 2524 CK Den Haag" -> street, postcode, city; a
/// line without a postcode is only a street.
pub(crate) fn address(raw: &str) -> Address {
    match POSTCODE.captures(raw) {
        Some(c) => Address {
            street: value(c["street"].trim_end_matches(',')),
            postcode: Some(c["pc"].replace(' ', "").split_at(4).0.to_string() + " " + &c["pc"].replace(' ', "")[4..]),
            city: value(&c["city"]),
            raw: raw.to_string(),
        },
        None => Address { street: Some(raw.trim().to_string()), postcode: None, city: None, raw: raw.to_string() },
    }
}

/// The sector where the school's name states it.
pub(crate) fn sector_of(name: &str) -> Option<Sector> {
    let lower = name.to_lowercase();
    let has = |w: &str| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    if lower.contains("speciaal basisonderwijs") || has("sbo") {
        Some(Sector::Sbo)
    } else if lower.contains("speciaal onderwijs") || has("so") {
        Some(Sector::So)
    } else if lower.contains("basisschool") || has("bs") || has("obs") || has("cbs") || has("rkbs") || has("pcbs") {
        Some(Sector::Po)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        let a = address("Guido Gezellestraat 51, 2524 CK Den Haag");
        assert_eq!(a.street.as_deref(), Some("Guido Gezellestraat 51"));
        assert_eq!(a.postcode.as_deref(), Some("2524 CK"));
        assert_eq!(a.city.as_deref(), Some("Den Haag"));
        let a = address("Diamanthorst 181a");
        assert_eq!((a.street.as_deref(), a.postcode, a.city), (Some("Diamanthorst 181a"), None, None));
    }

    #[test]
    fn sectors_only_when_the_name_says() {
        assert_eq!(sector_of("Basisschool Jeroen"), Some(Sector::Po));
        assert_eq!(sector_of("SBO De Vliet"), Some(Sector::Sbo));
        assert_eq!(sector_of("Diamant"), None);
    }
}
