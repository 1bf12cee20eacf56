//! Positioned glyphs from pdf-extract's `OutputDev`, one page at a time.
//!
//! pdf-extract does the font work (encodings, ToUnicode, CID widths); we only
//! keep where each glyph lands and ignore its own word/space guesses, which
//! split Chromium/Skia text into "Exa mp le".

use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One glyph in page space with a top-left origin.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    pub text: String,
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Rendered font size (text size times the vertical scale of the text matrix).
    pub size: f32,
}

/// What one page yielded.
pub(crate) struct PageGlyphs {
    pub glyphs: Vec<Glyph>,
    /// For each glyph, which of pdf-extract's characters it was (0-based, in
    /// content order): glyphs without a position are skipped, so the two differ.
    pub seqs: Vec<usize>,
    /// How many characters pdf-extract reported on the page.
    pub calls: usize,
    /// Why the glyphs may be incomplete (pdf-extract error or panic).
    pub failure: Option<String>,
}

#[derive(Default)]
struct Collector {
    llx: f64,
    ury: f64,
    glyphs: Vec<Glyph>,
    seqs: Vec<usize>,
    calls: usize,
    max_glyphs: usize,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _n: u32,
        media_box: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.llx = media_box.llx.min(media_box.urx);
        self.ury = media_box.ury.max(media_box.lly);
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        let seq = self.calls;
        self.calls += 1;
        if self.glyphs.len() >= self.max_glyphs {
            return Ok(());
        }
        let sx = trm.m11.hypot(trm.m12);
        let sy = trm.m21.hypot(trm.m22);
        let size = (font_size * sy).abs();
        let mut adv = (width * font_size * sx).abs();
        let x = trm.m31 - self.llx;
        let y = self.ury - trm.m32;
        if !(x.is_finite() && y.is_finite() && size.is_finite() && adv.is_finite()) {
            return Ok(());
        }
        if adv <= 0.0 && !ch.trim().is_empty() {
            // A font without widths: assume an average glyph so that gaps stay meaningful.
            adv = 0.5 * size;
        }
        self.glyphs.push(Glyph {
            text: crate::assemble::symbol_font_char(ch).map_or_else(|| ch.to_string(), str::to_string),
            x: x as f32,
            y: y as f32,
            width: adv as f32,
            size: size as f32,
        });
        self.seqs.push(seq);
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Runs pdf-extract on one page; a panic or error keeps what was collected
/// before it and says why.
pub(crate) fn page_glyphs(doc: &pdf_extract::Document, page: u32, max_glyphs: usize) -> PageGlyphs {
    let mut out = Collector { max_glyphs, ..Collector::default() };
    let result = catch_unwind(AssertUnwindSafe(|| pdf_extract::output_doc_page(doc, &mut out, page)));
    let failure = match result {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(format!("{e:?}")),
        Err(panic) => Some(format!("panic: {}", panic_message(&panic))),
    };
    PageGlyphs { glyphs: out.glyphs, seqs: out.seqs, calls: out.calls, failure }
}

/// Whether the page's `/Parent` chain ends. pdf-extract follows it to find
/// inherited attributes with no limit, and on a cycle it never returns (in a
/// release build the recursion becomes a loop): such a page must not reach it.
pub(crate) fn parent_chain_ends(doc: &pdf_extract::Document, page: u32) -> bool {
    let Some(&start) = doc.get_pages().get(&page) else { return false };
    let mut seen = std::collections::HashSet::new();
    let mut current = start;
    loop {
        if !seen.insert(current) || seen.len() > 256 {
            return false;
        }
        let Ok(dict) = doc.get_dictionary(current) else { return true };
        match dict.get(b"Parent").and_then(|p| p.as_reference()) {
            Ok(parent) => current = parent,
            Err(_) => return true,
        }
    }
}

pub(crate) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown".to_string()
    }
}
