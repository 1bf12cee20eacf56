//! The document as one list of lines in reading order, cleaned of page
//! furniture, with the questions every parser asks of it.

use std::sync::LazyLock;

use regex::Regex;
use sop_model::text::{is_hyphen_conjunction, normalize_ws, word_similarity};
use sop_model::{Layout, Mark, Origin, Provenance, Run};

/// One line of the document.
#[derive(Debug, Clone)]
pub(crate) struct DocLine {
    /// 1-based page number, or `None` where a `.txt` without form feeds or
    /// page footers does not tell.
    pub page: Option<u32>,
    /// Position in the document's lines (for document order of what a parser
    /// keeps, whatever order it read the parts in).
    pub idx: usize,
    /// Whitespace-normalised text.
    pub text: String,
    /// `text` lowercased, once: heading searches and markers test every
    /// line for many targets.
    pub lower: String,
    /// The line with its spacing as extracted. Text origin: leading indent and
    /// trailing spaces kept (they count empty table cells). PDF: runs joined.
    pub raw: String,
    /// The runs (PDF: real positions; text: one run, `x` = indent).
    pub runs: Vec<Run>,
    pub y: f32,
    /// Index of the line's page in `layout.pages` (for marks).
    pub page_index: usize,
    /// A blank line (text) or a paragraph-sized gap (PDF) precedes this line.
    pub gap_before: bool,
    /// Whether a gap as large as between table rows precedes this line: in a
    /// PDF table, paragraphs inside one cell are further apart than wrapped
    /// lines but closer than rows (cell padding).
    pub row_gap_before: bool,
}

impl DocLine {
    /// The height of one line in the units of `y`, as `Line::height`.
    pub(crate) fn line_height(&self) -> f32 {
        sop_model::layout::font_size_of(&self.runs).max(sop_model::layout::TEXT_LINE_HEIGHT)
    }

    /// The font size, or the assumed one where no run has one, as
    /// `Line::font_size_or_assumed`.
    pub(crate) fn font_size_or_assumed(&self) -> f32 {
        let s = sop_model::layout::font_size_of(&self.runs);
        if s > 0.0 {
            s
        } else {
            sop_model::layout::ASSUMED_FONT_SIZE
        }
    }
}

/// The cleaned document.
#[derive(Debug, Clone)]
pub(crate) struct Doc<'a> {
    pub layout: &'a Layout,
    pub origin: Origin,
    pub lines: Vec<DocLine>,
    /// Page furniture (footers, running headers) found: the extractor's
    /// `removed_furniture` plus lines the family's predicate removed here.
    pub furniture: Vec<String>,
    /// Line index before which each bare URL line stood (parallel to the text
    /// part of `links`; PDF links have no position and are not listed).
    pub link_positions: Vec<(usize, String)>,
    /// Text origin where lines end in a space unless the line broke inside a
    /// word (the seeds' convention): then a line without one continues the
    /// word on the next line ("School" + "verpleegkundige").
    pub trailing_space_convention: bool,
}

static PAGE_OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d+)\s*-\s*(\d+)\s*\.?\s*$").expect("valid regex"));
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").expect("valid regex"));
static ENUM_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\d{1,2}|[A-Za-z])\s*[.)]\s*").expect("valid regex"));

impl<'a> Doc<'a> {
    /// Builds the line list. `is_furniture` says which lines are page
    /// furniture of the family (e.g. the Model's footer); those lines are
    /// removed and, when they end in "N - M", tell the page of a `.txt`
    /// without form feeds. Bare URL lines are taken out into `link_positions`.
    pub(crate) fn new(layout: &'a Layout, is_furniture: &dyn Fn(&str) -> bool) -> Doc<'a> {
        Doc::build(layout, is_furniture, true)
    }

    /// Every non-empty line, none taken out as furniture or link: for a
    /// family whose template has no page furniture of its own and keeps a URL
    /// line as the school's text (Perspectief op School).
    pub(crate) fn all_lines(layout: &'a Layout) -> Doc<'a> {
        Doc::build(layout, &|_| false, false)
    }

    fn build(layout: &'a Layout, is_furniture: &dyn Fn(&str) -> bool, links_apart: bool) -> Doc<'a> {
        let mut lines = Vec::new();
        let mut furniture: Vec<String> = layout.removed_furniture.clone();
        let mut link_positions = Vec::new();
        // (index of the first line after the footer, page number in the footer)
        let mut footers: Vec<(usize, u32)> = Vec::new();
        let single_text_page = layout.origin == Origin::Text && layout.pages.len() == 1;
        for (pi, page) in layout.pages.iter().enumerate() {
            let mut prev_y: Option<f32> = None;
            for line in &page.lines {
                let text = normalize_line(&line.text);
                if text.is_empty() {
                    continue;
                }
                if is_furniture(&text) {
                    if single_text_page {
                        if let Some(c) = PAGE_OF.captures(&text) {
                            if let Ok(n) = c[1].parse::<u32>() {
                                footers.push((lines.len(), n));
                            }
                        }
                    }
                    furniture.push(text);
                    continue;
                }
                if links_apart && URL_LINE.is_match(&text) {
                    link_positions.push((lines.len(), text));
                    continue;
                }
                let raw = match layout.origin {
                    Origin::Text => {
                        let body = line.runs.first().map_or(line.text.as_str(), |r| r.text.as_str());
                        format!("{}{}", " ".repeat(line.x.max(0.0) as usize), body)
                    }
                    Origin::Pdf => line.text.clone(),
                };
                let font = line.font_size_or_assumed();
                let (gap_before, row_gap_before) = match (layout.origin, prev_y) {
                    (_, None) => (true, true),
                    (Origin::Text, Some(p)) => (line.y - p > 1.0, line.y - p > 1.0),
                    (Origin::Pdf, Some(p)) => (line.y - p > PARAGRAPH_GAP * font, line.y - p > ROW_GAP * font),
                };
                prev_y = Some(line.y);
                lines.push(DocLine {
                    page: Some(page.number),
                    idx: lines.len(),
                    lower: text.to_lowercase(),
                    text,
                    raw,
                    runs: line.runs.clone(),
                    y: line.y,
                    page_index: pi,
                    gap_before,
                    row_gap_before,
                });
            }
        }
        if single_text_page {
            // One text page: the page numbers are those of the footers. A
            // footer closes its page, unless it stands before any text (then it
            // was printed at the top); after the last footer the page is unknown.
            let mut start = 0;
            let mut assigned = vec![None; lines.len()];
            for &(at, n) in &footers {
                for slot in assigned.iter_mut().take(at).skip(start) {
                    *slot = Some(n);
                }
                start = at;
            }
            for (line, page) in lines.iter_mut().zip(assigned) {
                line.page = page;
            }
        }
        let with_space = lines.iter().filter(|l| l.raw.ends_with(' ')).count();
        let trailing_space_convention = layout.origin == Origin::Text && with_space * 2 > lines.len();
        Doc { layout, origin: layout.origin, lines, furniture, link_positions, trailing_space_convention }
    }

    pub(crate) fn len(&self) -> usize {
        self.lines.len()
    }

    /// First line in `from..to` whose normalised text satisfies `pred`.
    pub(crate) fn find(&self, from: usize, to: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
        (from..to.min(self.lines.len())).find(|&i| pred(&self.lines[i].text))
    }

    /// First heading-like line in `from..to` that matches `target` by word
    /// similarity at least `min` (numbering such as "1." or "A." ignored;
    /// "1.Visie" and "1. Visie" are the same). Lines ending in a period are
    /// list items or sentences, not headings.
    pub(crate) fn find_heading(&self, from: usize, to: usize, target: &str, min: f64) -> Option<usize> {
        let want = heading_words(target);
        let anchor = longest_word(&want);
        (from..to.min(self.lines.len())).find(|&i| {
            let t = &self.lines[i].text;
            // Cheap rejection first: a heading has the target's longest word.
            self.lines[i].lower.contains(&anchor)
                && !t.ends_with('.')
                && t.chars().count() <= 2 * target.chars().count() + 12
                && heading_similarity_words(&heading_words(t), &want) >= min
        })
    }

    /// The text of lines `range`, joined with single spaces; a line ending in
    /// a hyphen directly after a letter joins the next line's lowercase word
    /// without a space ("Latijns-" + "geletterd"). `None` when empty.
    pub(crate) fn text(&self, range: std::ops::Range<usize>) -> Option<String> {
        let lines = self.range(range);
        let mut out = String::new();
        let mut prev: Option<&DocLine> = None;
        for l in lines {
            if let Some(p) = prev {
                if !self.joins_without_space(p, &l.text) {
                    out.push(' ');
                }
            }
            out.push_str(&l.text);
            prev = Some(l);
        }
        (!out.is_empty()).then(|| repair_split_words(&out))
    }

    /// Whether line `next` continues `prev`'s last word: after a hyphen
    /// ending a word when the next starts lowercase (the hyphen stays:
    /// "Latijns-geletterd"), after a slash, and in the seeds' convention after a
    /// line that broke without its trailing space.
    pub(crate) fn joins_without_space(&self, prev: &DocLine, next: &str) -> bool {
        self.continues_word(&prev.text, prev, next)
    }

    /// [`Doc::joins_without_space`] for text `tail` (e.g. a table cell so far)
    /// whose last line is `prev`.
    pub(crate) fn continues_word(&self, tail: &str, prev: &DocLine, next: &str) -> bool {
        let first = next.chars().next();
        let t = tail;
        if super::text::joins_at_hyphen(t, next) {
            return true;
        }
        // A line broken after a slash inside a word ("Jeugdgezondheidzorg/" +
        // "schoolarts/"): the slash's run ends without a space. In text the
        // trailing-space convention below says the same.
        if self.origin == Origin::Pdf
            && t.ends_with('/')
            && first.is_some_and(char::is_alphanumeric)
            && prev.runs.iter().any(|r| r.text.trim_end().ends_with('/') && !r.text.ends_with(' '))
        {
            return true;
        }
        self.trailing_space_convention
            && !prev.raw.ends_with(' ')
            && t.chars().last().is_some_and(char::is_alphanumeric)
            && first.is_some_and(char::is_lowercase)
    }

    /// The lines of `range`, clamped to the document (none for an empty or
    /// inverted range).
    pub(crate) fn range(&self, range: std::ops::Range<usize>) -> &[DocLine] {
        let start = range.start.min(self.len());
        &self.lines[start..range.end.clamp(start, self.len())]
    }

    /// Provenance of lines `range`: the first line's page and the lines as
    /// extracted, one per line.
    pub(crate) fn provenance(&self, range: std::ops::Range<usize>) -> Provenance {
        provenance_of(&self.range(range).iter().collect::<Vec<_>>())
    }

    /// Where line `i` stands, for finding the extracted table of a section:
    /// its page (0 where unknown) and baseline.
    pub(crate) fn at(&self, i: usize) -> super::grid::At {
        self.lines.get(i).map_or((u32::MAX, 0.0), |l| (l.page.unwrap_or(0), l.y))
    }

    /// The first line in `from..to` that stands at or below `at` (the top of
    /// an extracted table): the table's first line, whatever its alignment.
    pub(crate) fn first_line_at(&self, from: usize, to: usize, at: super::grid::At) -> Option<usize> {
        (from..to.min(self.len())).find(|&i| {
            let l = &self.lines[i];
            l.page.is_some_and(|p| p > at.0 || (p == at.0 && l.y >= at.1))
        })
    }

    /// The lines of `range` that stand in a grid row (on its page, between
    /// its top and bottom): the row's source lines, for provenance.
    pub(crate) fn lines_in(&self, range: std::ops::Range<usize>, row: &super::grid::GridRow) -> Option<(usize, usize)> {
        let inside: Vec<usize> = range
            .filter(|&i| {
                let l = &self.lines[i];
                l.page == Some(row.page) && l.y >= row.top - 1.0 && l.y <= row.bottom + 1.0
            })
            .collect();
        Some((*inside.first()?, *inside.last()?))
    }

    /// The lines of `range` that row `k` of grid `g` was read from: from its
    /// top to the next row's top, so that a row broken over a page keeps the
    /// lines of both pages; the last row, its own band.
    pub(crate) fn grid_row_lines(
        &self,
        range: std::ops::Range<usize>,
        g: &super::grid::Grid,
        k: usize,
    ) -> Option<(usize, usize)> {
        let row = &g.rows[k];
        let Some(next) = g.rows.get(k + 1) else { return self.lines_in(range, row) };
        let (start, stop) = ((row.page, row.top - 1.0), (next.page, next.top - 1.0));
        let inside: Vec<usize> = range
            .filter(|&i| {
                let at = self.at(i);
                at >= start && at < stop
            })
            .collect();
        Some((*inside.first()?, *inside.last()?))
    }

    /// Marks drawn on the page of line `i` whose vertical centre lies in `y0..=y1`.
    pub(crate) fn marks_between(&self, i: usize, y0: f32, y1: f32) -> Vec<&'a Mark> {
        let page = &self.layout.pages[self.lines[i].page_index];
        page.marks.iter().filter(|m| (y0..=y1).contains(&m.cy())).collect()
    }
}

/// Provenance of `lines`: the first page known and the lines' text, one per
/// line (empty for no lines).
pub(crate) fn provenance_of(lines: &[&DocLine]) -> Provenance {
    Provenance {
        page: lines.iter().find_map(|l| l.page),
        text: lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n"),
        ocr: false,
        ocr_confidence: None,
    }
}

/// "ge- wenst": a lowercase word part, a hyphen and a space, and the next
/// word (with "/m" of "t/m", so that the conjunctions rule sees it whole).
/// A step from one line's baseline to the next larger than this many font
/// sizes is a gap: a new paragraph (single spacing is about 1.2).
const PARAGRAPH_GAP: f32 = 1.45;
/// A step larger than this many font sizes is a gap between table rows
/// (a row's own wrapped lines stand closer, its cell padding adds more).
const ROW_GAP: f32 = 1.7;

static SPLIT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\p{Ll}+)- (\p{Ll}+(?:/\p{Ll}+)?)\b").expect("valid regex"));

/// Repairs words a line break split and the extraction then put on one line
/// ("ge- wenst" -> "gewenst"), but not a Dutch elision before a conjunction
/// ("onderwijs- en ondersteuningsbehoeften", "leer- of ontwikkelbaar").
pub(crate) fn repair_split_words(text: &str) -> String {
    SPLIT_WORD
        .replace_all(
            text,
            |c: &regex::Captures<'_>| {
                if is_hyphen_conjunction(&c[2]) {
                    c[0].to_string()
                } else {
                    format!("{}{}", &c[1], &c[2])
                }
            },
        )
        .into_owned()
}

/// [`normalize_ws`], without its per-character work for the usual line that
/// is already normalised: ASCII, single spaces inside, none at the ends.
pub(crate) fn normalize_line(s: &str) -> String {
    let b = s.as_bytes();
    let normalised = b.first().is_some_and(|&c| c != b' ')
        && b.last().is_some_and(|&c| c != b' ')
        && b.iter().all(|&c| c.is_ascii() && (c == b' ' || !char::from(c).is_whitespace()))
        && !s.contains("  ");
    if normalised {
        s.to_string()
    } else {
        normalize_ws(s)
    }
}

/// The words of a heading for comparison: lowercase, numbering dropped,
/// slashes split.
pub(crate) fn heading_words(s: &str) -> String {
    let s = ENUM_PREFIX.replace(s, "");
    s.replace(['/', '-'], " ").to_lowercase()
}

fn heading_similarity_words(a: &str, b: &str) -> f64 {
    word_similarity(a, b)
}

/// The longest word of a heading's words (for a quick substring test).
pub(crate) fn longest_word(words: &str) -> String {
    words.split_whitespace().max_by_key(|w| w.len()).unwrap_or("").to_string()
}

/// Whether a line looks like a heading the school wrote: short, starting with
/// a capital or a number, not ending like a sentence or a list item.
pub(crate) fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (2..=70).contains(&n)
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with(['.', ',', ';'])
        && !t.starts_with(['•', '-', '*', '·', '▪', '●'])
        && t.split_whitespace().count() <= 10
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn normalize_line_is_normalize_ws(s in "[a-zé \t\n\u{a0}\u{2003}\u{c}.]{0,12}") {
            proptest::prop_assert_eq!(normalize_line(&s), normalize_ws(&s));
        }
    }

    #[test]
    fn split_words_are_repaired_but_elisions_kept() {
        assert_eq!(repair_split_words("onderzoek is dan ge- wenst, wat"), "onderzoek is dan gewenst, wat");
        assert_eq!(
            repair_split_words("onderwijs- en ondersteuning, leer- of ontwikkelbaar"),
            "onderwijs- en ondersteuning, leer- of ontwikkelbaar"
        );
    }

    #[test]
    fn txt_pages_come_from_footers() {
        let text = "Visie\nfooter 2 - 14.\nB. De ondersteuningsstructuur\nfooter 3 - 14.\nrest\n";
        let layout = Layout::from_text(text);
        let doc = Doc::new(&layout, &|t: &str| t.starts_with("footer"));
        let pages: Vec<_> = doc.lines.iter().map(|l| l.page).collect();
        assert_eq!(pages, vec![Some(2), Some(3), None]);
        assert_eq!(doc.furniture.len(), 2);
    }

    #[test]
    fn url_lines_are_links_not_text() {
        let layout = Layout::from_text("Schoolplan\nhttps://example.nl/gids\nTekst\n");
        let doc = Doc::new(&layout, &|_: &str| false);
        assert_eq!(doc.lines.len(), 2);
        assert_eq!(doc.link_positions, vec![(1, "https://example.nl/gids".to_string())]);
    }

    #[test]
    fn headings_match_with_or_without_numbering_space() {
        let layout = Layout::from_text(
            "1.Visie passend onderwijs   \nBeschrijf kort de visie op passend onderwijs van de school.\n",
        );
        let doc = Doc::new(&layout, &|_: &str| false);
        assert_eq!(doc.find_heading(0, doc.len(), "1. Visie passend onderwijs", 0.9), Some(0));
        assert_eq!(doc.find_heading(1, doc.len(), "1. Visie passend onderwijs", 0.9), None);
    }
}
