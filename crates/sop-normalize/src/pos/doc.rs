//! The report as a list of lines cut into the template's parts.
//!
//! The parts are found by the headings the platform prints: the numbered
//! chapters and paragraphs ("3.1 Specialismen") and the fixed unnumbered
//! headings inside them ("Grenzen aan onze ondersteuning"). The unnumbered ones
//! decide as much as the numbered ones, so that a paragraph heading the text
//! flow swallowed (it ends up at the end of a line) costs little.

use sop_model::text::slug;

use crate::common::doc::{Doc as Lines, DocLine};
use crate::common::tolerant;
use sop_model::Layout;

/// What the PoS parsers ask of a line beyond the common model.
pub(crate) trait PosLine {
    /// The runs as extracted, joined with single spaces, trailing spaces
    /// included (they count empty cells in text extracted from tables); no
    /// indent.
    fn runs_text(&self) -> String;
    /// Spaces after the last visible character of [`PosLine::runs_text`].
    fn trailing_spaces(&self) -> usize;
    fn slug(&self) -> String;
}

impl PosLine for DocLine {
    fn runs_text(&self) -> String {
        let mut out = String::new();
        for (i, r) in self.runs.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&r.text);
        }
        if out.is_empty() {
            out = self.raw.clone();
        }
        out
    }

    fn trailing_spaces(&self) -> usize {
        let raw = self.runs_text();
        raw.len() - raw.trim_end().len()
    }

    fn slug(&self) -> String {
        slug(self.text.trim_end_matches(':'))
    }
}

/// The parts of the template, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text before the first heading (a cover page, say).
    Preamble,
    Inleiding,
    Chapter2,
    General,
    Vision,
    Concept,
    ConceptNote,
    VisionText,
    EduSupport,
    Strengths,
    Limits,
    Goals,
    Chapter3,
    Legend,
    Specialismen,
    Voorzieningen,
    Onderwijsaanbod,
    /// "Toelichting voorzieningen" and the like: the school's own text under a table.
    TableNote,
    FysiekeRuimten,
    Anders,
    Protocollen,
    Leerkrachtvaardigheden,
    Chapter4,
    Route,
    RouteSteps,
    Team,
    Partners,
    Sectors,
    ChainPartners,
    Bijlage,
}

/// Numbered headings: (chapter, paragraph or 0, slug prefix of the title, kind).
const NUMBERED: &[(u32, u32, &str, Kind)] = &[
    (1, 0, "inleiding", Kind::Inleiding),
    (2, 0, "onze_school_passend_onderwijs", Kind::Chapter2),
    (2, 1, "algemene_gegevens", Kind::General),
    (2, 2, "visie", Kind::Vision),
    (2, 3, "onderwijs_en_ondersteuning", Kind::EduSupport),
    (3, 0, "ondersteuningsmogelijkheden", Kind::Chapter3),
    (3, 1, "specialismen", Kind::Specialismen),
    (3, 2, "voorzieningen", Kind::Voorzieningen),
    (3, 3, "onderwijsaanbod", Kind::Onderwijsaanbod),
    (3, 4, "fysieke_ruimten", Kind::FysiekeRuimten),
    (3, 5, "protocollen", Kind::Protocollen),
    (3, 6, "leerkrachtvaardigheden", Kind::Leerkrachtvaardigheden),
    (4, 0, "organisatie_van_de_ondersteuning", Kind::Chapter4),
    (4, 1, "ondersteuningsroute", Kind::Route),
    (4, 2, "samenwerking_met_kern_en_ketenpartners", Kind::Partners),
    (5, 0, "bijlage", Kind::Bijlage),
];

/// Unnumbered headings: the whole line's slug, and the chapter it belongs to.
const UNNUMBERED: &[(&str, u32, Kind)] = &[
    ("ons_onderwijsconcept", 2, Kind::Concept),
    ("toelichting_op_onderwijsconcept", 2, Kind::ConceptNote),
    ("onze_visie_op_passend_onderwijs", 2, Kind::VisionText),
    ("sterke_punten_in_onze_ondersteuning", 2, Kind::Strengths),
    ("grenzen_aan_onze_ondersteuning", 2, Kind::Limits),
    ("onze_ambities_en_ontwikkeldoelen_voor_de_ondersteuning", 2, Kind::Goals),
    ("legenda", 3, Kind::Legend),
    ("anders_namelijk", 3, Kind::Anders),
    ("inrichting_ondersteuningsroute", 4, Kind::RouteSteps),
    ("ondersteuningsteam", 4, Kind::Team),
    ("onderwijssector", 4, Kind::Sectors),
    ("keten_kernpartner", 4, Kind::ChainPartners),
];

/// A part: its heading line (none for the preamble) and the lines under it.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub kind: Kind,
    pub heading: Option<DocLine>,
    pub lines: Vec<DocLine>,
}

impl Part {
    /// The heading as printed, or a fallback name.
    pub fn title(&self) -> String {
        self.heading.as_ref().map(|h| h.text.trim_end_matches(':').trim().to_string()).unwrap_or_default()
    }
}

/// The document's lines ([`crate::common::doc::Doc::all_lines`]) cut into
/// the template's parts.
pub(crate) struct Doc {
    pub parts: Vec<Part>,
}

impl Doc {
    pub fn new(layout: &Layout) -> Doc {
        let mut parts = vec![Part { kind: Kind::Preamble, heading: None, lines: Vec::new() }];
        let mut chapter = 0u32;
        for ln in Lines::all_lines(layout).lines {
            let current = parts.last().map(|p| p.kind).unwrap_or(Kind::Preamble);
            match heading_kind(&ln.text, chapter).or_else(|| numbered_heading_read_by_ocr(&ln)) {
                // A list repeats its heading as its column header
                // ("Onderwijssector" twice): that is content.
                Some((kind, _)) if kind == current && kind_is_unnumbered(kind) => {
                    parts.last_mut().expect("never empty").lines.push(ln)
                }
                Some((kind, ch)) => {
                    chapter = ch;
                    parts.push(Part { kind, heading: Some(ln), lines: Vec::new() });
                }
                None => parts.last_mut().expect("never empty").lines.push(ln),
            }
        }
        Doc { parts }
    }

    pub fn part(&self, kind: Kind) -> Option<&Part> {
        self.parts.iter().find(|p| p.kind == kind)
    }

    /// Every part of a kind ("Toelichting" notes occur under several tables).
    pub fn parts_of(&self, kind: Kind) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(move |p| p.kind == kind)
    }
}

fn kind_is_unnumbered(kind: Kind) -> bool {
    UNNUMBERED.iter().any(|(_, _, k)| *k == kind) || kind == Kind::TableNote
}

/// Whether a line is a template heading, given the chapter we are in; returns
/// the part and the chapter it opens.
fn heading_kind(text: &str, chapter: u32) -> Option<(Kind, u32)> {
    if let Some((ch, par, title)) = split_number(text) {
        let s = slug(title);
        for (c, p, prefix, kind) in NUMBERED {
            // A paragraph number must belong to the chapter we are in or the next,
            // so that an ambition "3. Ondersteuningsmogelijkheden bieden ..." in
            // chapter 2 is not taken for chapter 3 unless it is the title itself.
            if *c == ch && *p == par && s.starts_with(prefix) && (par != 0 || title_is_heading(&s, prefix)) {
                return Some((*kind, ch));
            }
        }
        return None;
    }
    if !may_be_unnumbered_heading(text, chapter) {
        return None;
    }
    let s = slug(text.trim_end_matches(':'));
    if s.is_empty() {
        return None;
    }
    for (h, ch, kind) in UNNUMBERED {
        if s == *h && (*ch == chapter || chapter == 0) {
            return Some((*kind, *ch));
        }
    }
    // "Toelichting voorzieningen", "Toelichting onderwijsaanbod", ...: the
    // school's note under a table in chapter 3.
    if chapter == 3 && s.starts_with("toelichting") && s.split('_').count() <= 3 {
        return Some((Kind::TableNote, 3));
    }
    None
}

/// A numbered template heading on a line read by OCR, through what Tesseract
/// misreads in it: a comma for the point of its number ("4,2 Samenwerking
/// …") and a few characters of its title (`common::tolerant::tolerance` of
/// the title's known start). Lines from a text layer never get here.
fn numbered_heading_read_by_ocr(ln: &DocLine) -> Option<(Kind, u32)> {
    numbered_heading_ocr(&ln.text, &ln.runs)
}

/// [`numbered_heading_read_by_ocr`] of a line's text and runs.
fn numbered_heading_ocr(text: &str, runs: &[sop_model::Run]) -> Option<(Kind, u32)> {
    if !tolerant::is_ocr(runs) {
        return None;
    }
    let (num, title) = text.split_once(' ')?;
    let text = format!("{} {title}", num.replace(',', "."));
    let (ch, par, title) = split_number(&text)?;
    let s = slug(title);
    NUMBERED.iter().find_map(|(c, p, prefix, kind)| {
        let start: String = s.chars().take(prefix.chars().count()).collect();
        let near = tolerant::distance_within(&start, prefix, tolerant::tolerance(prefix.len())).is_some();
        (*c == ch && *p == par && near && (par != 0 || title_is_heading(&s, prefix))).then_some((*kind, ch))
    })
}

/// A cheap necessary condition for the unnumbered branch of [`heading_kind`],
/// so that running text is not slugged line by line: a slug starts with the
/// line's first ASCII letter or digit (lowercased), every ASCII letter or
/// digit of a line is one character of its slug, and every word holding one
/// is one `_`-separated part of it.
fn may_be_unnumbered_heading(text: &str, chapter: u32) -> bool {
    // The slug starts with the first ASCII letter or digit, unless a letter
    // with a diacritic (folded: "é" -> "e") or another non-ASCII character
    // comes first: then only the slug itself tells.
    let first = text.chars().find(|c| !c.is_ascii() || c.is_ascii_alphanumeric());
    if let Some(c) = first.filter(char::is_ascii) {
        let c = c.to_ascii_lowercase() as u8;
        let opens = |h: &str| h.as_bytes().first() == Some(&c);
        if !UNNUMBERED.iter().any(|(h, _, _)| opens(h)) && !opens("toelichting") {
            return false;
        }
    }
    let longest = UNNUMBERED.iter().map(|(h, _, _)| h.len()).max().unwrap_or(0);
    if text.bytes().filter(u8::is_ascii_alphanumeric).count() <= longest {
        return true;
    }
    // Only a "Toelichting ..." note of at most three words remains.
    chapter == 3 && text.split_whitespace().filter(|w| w.bytes().any(|b| b.is_ascii_alphanumeric())).count() <= 3
}

/// A chapter title is short: the known title plus at most a few words
/// ("Ondersteuningsmogelijkheden van onze school").
fn title_is_heading(s: &str, prefix: &str) -> bool {
    s.len() <= prefix.len() + 20
}

/// "3.1 Specialismen" -> (3, 1, "Specialismen"); "2. Onze school" -> (2, 0, ...).
fn split_number(text: &str) -> Option<(u32, u32, &str)> {
    let (num, rest) = text.split_once(' ')?;
    let num = num.trim_end_matches('.');
    let (a, b) = match num.split_once('.') {
        Some((a, b)) => (a, b),
        None => (num, "0"),
    };
    let ch: u32 = a.parse().ok()?;
    let par: u32 = b.parse().ok()?;
    if !(1..=9).contains(&ch) || par > 9 {
        return None;
    }
    Some((ch, par, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_need_their_title() {
        assert_eq!(heading_kind("3.1 Specialismen", 3), Some((Kind::Specialismen, 3)));
        assert_eq!(heading_kind("3. Ondersteuningsmogelijkheden van onze school", 2), Some((Kind::Chapter3, 3)));
        assert_eq!(heading_kind("3. Uitrollen van loopbaanoriëntatie in de reguliere vakken", 2), None);
        assert_eq!(heading_kind("12. Werken vanuit verbinding", 2), None);
    }

    #[test]
    fn the_cheap_heading_test_keeps_every_unnumbered_heading() {
        for (h, ch, _) in UNNUMBERED {
            let printed = h.replace('_', " ");
            assert!(may_be_unnumbered_heading(&printed, *ch), "{printed}");
            assert!(may_be_unnumbered_heading(&format!("• {}:", printed.to_uppercase()), *ch), "{printed}");
        }
        assert!(may_be_unnumbered_heading("Toelichting ondersteuningsmogelijkheden voorzieningenoverzichten", 3));
        assert!(!may_be_unnumbered_heading(
            "Toelichting onderwijsaanbod en ondersteuningsmogelijkheden van de school",
            3
        ));
        assert!(may_be_unnumbered_heading("Één regel", 2), "a folded letter first: the slug decides");
        assert!(!may_be_unnumbered_heading("Wij bieden extra begeleiding aan leerlingen", 2));
        assert!(!may_be_unnumbered_heading(
            "Onze school biedt leerlingen met dyslexie extra tijd bij toetsen en examens",
            2
        ));
    }

    #[test]
    fn unnumbered_headings_match_the_whole_line_in_their_chapter() {
        assert_eq!(heading_kind("Grenzen aan onze ondersteuning", 2), Some((Kind::Limits, 2)));
        assert_eq!(heading_kind("Grenzen aan onze ondersteuning zijn er", 2), None);
        assert_eq!(heading_kind("Ondersteuningsteam", 2), None);
        assert_eq!(heading_kind("Toelichting voorzieningen", 3), Some((Kind::TableNote, 3)));
        assert_eq!(heading_kind("Algemeen:", 2), None);
    }

    #[test]
    fn a_numbered_heading_read_by_ocr_may_have_a_comma_and_a_misread_letter() {
        let line = |text: &str, confidence: Option<f32>| {
            let run =
                sop_model::Run { text: text.into(), x: 60.0, y: 100.0, width: 300.0, font_size: 14.0, confidence };
            (text.to_string(), vec![run])
        };
        let ocr = |l: &(String, Vec<sop_model::Run>)| numbered_heading_ocr(&l.0, &l.1);
        let misread = line("4,2 Samenwerking met kern- en ketenpartners", Some(83.0));
        let got = heading_kind(&misread.0, 4).or_else(|| ocr(&misread));
        assert_eq!(got, heading_kind("4.2 Samenwerking met kern- en ketenpartners", 4));
        assert!(got.is_some());
        let letter = line("3.1 Specia1ismen", Some(70.0));
        assert_eq!(ocr(&letter), Some((Kind::Specialismen, 3)));
        // A text layer's line is read as printed.
        let digital = line("4,2 Samenwerking met kern- en ketenpartners", None);
        assert_eq!(ocr(&digital), None);
        // Another title is no heading.
        let other = line("3,1 Uitrollen van loopbaanoriëntatie", Some(90.0));
        assert_eq!(ocr(&other), None);
    }
}
