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
    /// The same notes for scripts, index-aligned with `warnings` (see
    /// [`crate::Notice`]); copied into every record.
    #[serde(default)]
    pub notices: Vec<crate::record::Notice>,
    /// The tables found on the pages, in reading order (PDF only; a `.txt`
    /// has none: its tables are read by the spacing rule during
    /// normalisation). A table broken over pages is one table.
    #[serde(default)]
    pub tables: Vec<Table>,
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
    /// Set when the page's text was read by OCR from its image (a scan), not
    /// from a text layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<OcrInfo>,
}

/// OCR word confidence (0..=100) below which a value read from the word
/// is flagged for checking.
pub const OCR_LOW_CONFIDENCE: f32 = 60.0;

/// How a page was read by OCR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OcrInfo {
    /// The OCR engine and language, e.g. "tesseract 5.3.0 (nld)".
    pub engine: String,
    /// Resolution the page was rendered at.
    pub dpi: u32,
    /// Mean word confidence, 0..=100.
    pub mean_confidence: f32,
    /// The skew found and corrected before OCR, in degrees (counter-clockwise positive).
    pub skew_degrees: f32,
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

/// The font size assumed for a PDF line whose runs carry none, in points:
/// the body text size of the templates. (A `.txt` line has none either; its
/// `y` counts lines, see [`TEXT_LINE_HEIGHT`].)
pub const ASSUMED_FONT_SIZE: f32 = 11.0;

/// The height of a line of a `.txt` layout in the units of `y` (which counts
/// lines): the floor of every measure that is a multiple of a line's font
/// size, so that sizeless lines still measure one line.
pub const TEXT_LINE_HEIGHT: f32 = 1.0;

/// The largest font size of some runs (a line's, a cell's); 0 where none
/// has one.
pub fn font_size_of(runs: &[Run]) -> f32 {
    runs.iter().map(|r| r.font_size).fold(0.0f32, f32::max)
}

impl Line {
    /// The line's font size: its largest run's, in points; 0 where no run
    /// has one (a line from a `.txt`). Callers that divide by it or measure
    /// with it set their own floor.
    pub fn font_size(&self) -> f32 {
        font_size_of(&self.runs)
    }

    /// [`Line::font_size`], or [`ASSUMED_FONT_SIZE`] where no run has one.
    pub fn font_size_or_assumed(&self) -> f32 {
        let s = self.font_size();
        if s > 0.0 {
            s
        } else {
            ASSUMED_FONT_SIZE
        }
    }

    /// The height of one line in the units of `y`: [`Line::font_size`], at
    /// least [`TEXT_LINE_HEIGHT`].
    pub fn height(&self) -> f32 {
        self.font_size().max(TEXT_LINE_HEIGHT)
    }
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
    /// For text read by OCR: the lowest word confidence in the run, 0..=100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
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

/// How a table was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableStrategy {
    /// From ruling lines: stroked lines and thin filled rectangles (cell borders).
    Lattice,
    /// From the alignment of runs over consecutive lines (no rulings).
    Stream,
    /// From the PDF's tags (its structure tree: table, rows, cells), for a
    /// table without rulings; the cell borders lie midway between the
    /// cells' text.
    Tagged,
}

/// A table: a grid of cells, possibly over several pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    pub strategy: TableStrategy,
    /// Pages the table stands on, first to last (1-based).
    pub pages: Vec<u32>,
    /// Number of grid rows and columns (after joining the pages).
    pub n_rows: usize,
    pub n_cols: usize,
    /// Rows at the top that repeat on continuation pages were dropped there;
    /// this says how many header rows the table was found to have (0 when
    /// unknown).
    #[serde(default)]
    pub header_rows: usize,
    /// The cells, row by row, left to right. A merged cell appears once, at its
    /// top-left grid position, with its spans. Grid positions no cell covers
    /// have no entry.
    pub cells: Vec<Cell>,
}

/// One cell of a [`Table`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cell {
    /// Grid row and column of the top-left corner (0-based).
    pub row: usize,
    pub col: usize,
    #[serde(default = "one")]
    pub row_span: usize,
    #[serde(default = "one")]
    pub col_span: usize,
    /// Page (1-based) and box (top-left origin, points).
    pub page: u32,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The cell's text lines in reading order, each whitespace-normalised;
    /// whatever the vertical alignment.
    pub lines: Vec<String>,
    /// The marks (icons, ticks, checkbox glyphs) standing in the cell.
    #[serde(default)]
    pub marks: Vec<Mark>,
}

fn one() -> usize {
    1
}

impl Cell {
    /// The cell's text: its lines joined with single spaces.
    pub fn text(&self) -> String {
        self.lines.join(" ")
    }
    /// Whether the cell holds neither text nor a mark.
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.trim().is_empty()) && self.marks.is_empty()
    }
}

impl Table {
    /// The cell covering grid position (`row`, `col`), merged cells included.
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span)
    }
    /// The cells whose top-left corner is in `row`, left to right.
    pub fn row(&self, row: usize) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(move |c| c.row == row)
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
                        confidence: None,
                    }],
                });
            }
            pages.push(Page { number: i as u32 + 1, width: 0.0, height: 0.0, lines, marks: Vec::new(), ocr: None });
        }
        // A trailing form feed makes an empty last page that is no page.
        if pages.len() > 1 && pages.last().is_some_and(|p| p.lines.is_empty()) {
            pages.pop();
        }
        Layout {
            origin: Origin::Text,
            pages,
            removed_furniture: Vec::new(),
            links: Vec::new(),
            warnings: Vec::new(),
            notices: Vec::new(),
            tables: Vec::new(),
        }
    }
}
