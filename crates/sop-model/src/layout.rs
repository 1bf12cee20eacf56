//! The positioned text of a document, as the extraction stage hands it on.
//!
//! Coordinates are PDF points with the origin at the **top left** of the page
//! (y grows downwards), so that sorting by `y` then `x` is reading order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a layout came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A PDF: runs carry real positions and marks were collected.
    Pdf,
    /// A `.txt` of already-extracted text: positions are synthetic (`x` is the
    /// character column, `y` the line number) and no marks exist.
    Text,
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Layout {
    pub origin: Origin,
    pub pages: Vec<Page>,
    /// Lines removed as running headers/footers, once each, as found.
    #[serde(default)]
    pub removed_furniture: Vec<String>,
    /// Link targets (URI annotations) found on the pages; never part of the text.
    #[serde(default)]
    pub links: Vec<String>,
    /// Plain-words notes about the extraction, e.g. "page 3 has no text layer (scanned?)".
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    pub width: f32,
    pub height: f32,
    /// Lines in reading order (top to bottom, left to right).
    pub lines: Vec<Line>,
    /// Marks drawn on the page that are not text: icons, ticks, crosses, boxes.
    #[serde(default)]
    pub marks: Vec<Mark>,
}

/// One line of text: runs that share a baseline, left to right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Line {
    /// The runs joined with single spaces (after hyphenation repair).
    pub text: String,
    /// Left edge of the first run.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    pub runs: Vec<Run>,
}

/// A run: a stretch of text without a visible gap, typically one table cell
/// or one phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Run {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub font_size: f32,
}

/// What kind of mark was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// A symbol glyph such as ✓ ✔ ☒ ✗ or a lone X in a cell.
    Glyph,
    /// A small filled or stroked vector shape (an SVG icon, a drawn tick).
    Shape,
    /// A small raster image.
    Image,
}

/// A mark with its bounding box (top-left origin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mark {
    pub kind: MarkKind,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The glyph's text for [`MarkKind::Glyph`], else null.
    pub text: Option<String>,
}

impl Mark {
    /// Horizontal centre of the mark.
    pub fn cx(&self) -> f32 {
        self.x + self.width / 2.0
    }
    /// Vertical centre of the mark.
    pub fn cy(&self) -> f32 {
        self.y + self.height / 2.0
    }
}

impl Layout {
    /// The document as plain text: lines joined by newlines, pages by form feeds.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, page) in self.pages.iter().enumerate() {
            if i > 0 {
                out.push('\u{c}');
            }
            for line in &page.lines {
                out.push_str(&line.text);
                out.push('\n');
            }
        }
        out
    }

    /// Builds a layout from already-extracted text: pages split at form feeds,
    /// one [`Line`] per non-blank line with a single run; `x` is the number of
    /// leading spaces and `y` the line's index on its page. Trailing spaces are
    /// kept in the run text because, in text extracted from tables, they count
    /// empty cells.
    pub fn from_text(text: &str) -> Layout {
        let mut pages = Vec::new();
        for (i, page_text) in text.split('\u{c}').enumerate() {
            let mut lines = Vec::new();
            for (j, raw) in page_text.lines().enumerate() {
                let raw = raw.trim_end_matches('\r');
                if raw.trim().is_empty() {
                    continue;
                }
                let indent = raw.len() - raw.trim_start().len();
                let body = &raw[indent..];
                lines.push(Line {
                    text: body.trim_end().to_string(),
                    x: indent as f32,
                    y: j as f32,
                    runs: vec![Run {
                        text: body.to_string(),
                        x: indent as f32,
                        y: j as f32,
                        width: body.chars().count() as f32,
                        font_size: 0.0,
                    }],
                });
            }
            pages.push(Page { number: i as u32 + 1, width: 0.0, height: 0.0, lines, marks: Vec::new() });
        }
        // A trailing form feed makes an empty last page that is no page.
        if pages.len() > 1 && pages.last().is_some_and(|p| p.lines.is_empty()) {
            pages.pop();
        }
        Layout { origin: Origin::Text, pages, removed_furniture: Vec::new(), links: Vec::new(), warnings: Vec::new() }
    }
}
