//! Layout-aware text extraction: a PDF in, a [`sop_model::Layout`] out —
//! pages of lines in reading order, each line made of positioned runs, plus
//! the marks (icons, ticks, small images) drawn on the page, the link targets,
//! the running headers/footers that were removed and warnings.
//!
//! Two entry points:
//! - [`Extractor::extract_bytes`]: what every caller on untrusted files uses.
//!   It takes the file's bytes (read once by the caller, or downloaded) and
//!   runs the extraction in a child process (the `sop __extract-child`
//!   subcommand of the same binary, which calls [`child_main`]) under a
//!   wall-clock, CPU and memory limit, so that a panic, a stack overflow on a
//!   self-referencing drawing or a decompression bomb becomes a per-file
//!   [`ExtractError`]. The child gets the bytes over its stdin and serves
//!   many files one after another (killed and replaced when one file hangs or
//!   crashes it), which saves starting a process per file.
//! - [`extract_isolated`]: the same with one child for one file.
//! - [`extract_pdf`]: the same extraction in this process, for tests and for
//!   the child itself.
//!
//! How (see `EXTRACTION.md`): lopdf 0.47 loads the file (with its limits on
//! decompression), decrypts an empty user password, counts pages, reads link
//! annotations and walks the content streams for marks; pdf-extract (which
//! brings its own lopdf 0.42) decodes fonts and reports each glyph with its
//! position. Glyphs are joined into words and runs by their gaps, not by
//! pdf-extract's spacing guesses. A page pdf-extract fails on falls back to
//! lopdf's plain text for that page, with a warning.

mod assemble;
mod child;
mod cidwidths;
mod error;
mod glyphs;
mod isolate;
mod marks;
mod ocr;
mod protocol;
mod render;
mod stream;
mod tables;
mod tagged;
mod worker;

use sop_i18n::{notice, Coded};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use lopdf::{Document, LoadOptions, Object, ObjectId};
use sop_model::{Layout, Line, Origin, Page, Run};

pub use child::child_main;
pub use error::{looks_like, ErrorKind, ExtractError};
pub use isolate::extract_isolated;
pub use ocr::{OCR_PACKAGES, PDFTOPPM_ENV, TESSERACT_ENV};
pub use protocol::{CHILD_SUBCOMMAND, WORKER_ENV};
pub use render::tables_text;
pub use worker::{Extractor, MAX_FILES_PER_WORKER};

/// Bounds on what one document may cost: the one set of limits of every
/// command and of the batch (`sop run`'s `--max-size`, `--timeout-secs`,
/// `--ocr-page-secs` and `--max-memory` fill it; the batch's read, download
/// and extraction stages all take theirs from it). The defaults suit school
/// documents of a few dozen pages with room to spare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes (default 50 MiB).
    pub max_bytes: u64,
    /// Most pages (default 2000).
    pub max_pages: u64,
    /// Largest extracted text, in bytes (default 20 MiB).
    pub max_text_bytes: u64,
    /// Largest size one stream may decompress to, in bytes (default 128 MiB).
    pub max_stream_bytes: u64,
    /// Wall-clock time for one file in the child, OCR of scanned pages
    /// included (default 180 s: a text PDF takes well under a second, a
    /// scanned page a few seconds; see BENCHMARKS.md).
    pub timeout: Duration,
    /// Address-space limit of the child, in bytes (default 1 GiB).
    pub memory_bytes: u64,
    /// Wall-clock time for the OCR of one scanned page (rendering and
    /// Tesseract; default 30 s). OCR also stops when the file's `timeout`
    /// is nearly used up: the pages left are reported unread.
    pub ocr_page_timeout: Duration,
}

/// Time kept back from OCR at the end of a file's time limit, to assemble
/// and send the layout.
const OCR_RESERVE: Duration = Duration::from_secs(5);

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 50 * 1024 * 1024,
            max_pages: 2000,
            max_text_bytes: 20 * 1024 * 1024,
            max_stream_bytes: 128 * 1024 * 1024,
            timeout: Duration::from_secs(180),
            memory_bytes: 1024 * 1024 * 1024,
            ocr_page_timeout: Duration::from_secs(30),
        }
    }
}

/// Whether `bytes` are a PDF, as PDF readers see one: the header `%PDF-` may
/// follow some junk, within the first kilobyte. The one such check of the
/// project (the loader, the batch and the downloader use it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// What a file that is not a PDF looks like, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    Empty,
    /// A `.docx` or other zipped Office document.
    ZippedOffice,
    /// An old `.doc` or other OLE Office document.
    OldOffice,
    Html,
    Rtf,
    Image,
    /// None of the above: maybe text, maybe something else.
    Unknown,
}

impl Looks {
    /// How a message says what the file looks like.
    pub fn describe(self) -> &'static str {
        match self {
            Looks::Empty => "an empty file",
            Looks::ZippedOffice => "a Word (.docx) or other zipped Office document",
            Looks::OldOffice => "an old Word (.doc) or other Office document",
            Looks::Html => "a web page (HTML)",
            Looks::Rtf => "an RTF document",
            Looks::Image => "an image",
            Looks::Unknown => "something else (no PDF header)",
        }
    }
}

/// What a file that is not a PDF looks like, from its first bytes; `None` for a PDF.
pub fn sniff_not_pdf(bytes: &[u8]) -> Option<Looks> {
    if is_pdf(bytes) {
        return None;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    Some(if bytes.is_empty() {
        Looks::Empty
    } else if head.starts_with(b"PK\x03\x04") {
        Looks::ZippedOffice
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Looks::OldOffice
    } else if has(b"<html") || has(b"<!doctype") {
        Looks::Html
    } else if head.starts_with(b"{\\rtf") {
        Looks::Rtf
    } else if head.starts_with(&[0xFF, 0xD8]) || head.starts_with(b"\x89PNG") {
        Looks::Image
    } else {
        Looks::Unknown
    })
}

/// Reads the file at `path` for extraction, once: refused unread when it is
/// over the size limit. Errors name the file as `path` displays.
pub fn read_file(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    let name = path.display().to_string();
    let read_err = |e: std::io::Error| ExtractError::Read { path: name.clone(), reason: e.to_string() };
    let size = std::fs::metadata(path).map_err(read_err)?.len();
    if size > limits.max_bytes {
        return Err(ExtractError::TooLarge { path: name, size, limit: limits.max_bytes });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    // The file may have grown since it was measured.
    if bytes.len() as u64 > limits.max_bytes {
        return Err(ExtractError::TooLarge { path: name, size: bytes.len() as u64, limit: limits.max_bytes });
    }
    Ok(bytes)
}

/// The checks on a file that need no PDF reader: its size and that it is a
/// PDF at all. Made before a child is started and again inside it.
pub(crate) fn check_input(name: &str, bytes: &[u8], limits: &Limits) -> Result<(), ExtractError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(ExtractError::TooLarge { path: name.into(), size: bytes.len() as u64, limit: limits.max_bytes });
    }
    if let Some(found) = sniff_not_pdf(bytes) {
        return Err(ExtractError::NotPdf { path: name.into(), found: found.describe().into() });
    }
    Ok(())
}

/// Extracts the layout of a PDF in this process. `name` is used in errors.
/// Prefer [`extract_isolated`] for files from outside.
pub fn extract_pdf(name: &str, bytes: &[u8], limits: &Limits) -> Result<Layout, ExtractError> {
    let started = Instant::now();
    check_input(name, bytes, limits)?;
    let path = name.to_string();
    let max_stream = usize::try_from(limits.max_stream_bytes).unwrap_or(usize::MAX);
    let doc = load(&path, bytes, max_stream)?;
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(ExtractError::NoPages { path });
    }
    if page_ids.len() as u64 > limits.max_pages {
        return Err(ExtractError::TooManyPages { path, pages: page_ids.len() as u64, limit: limits.max_pages });
    }
    let mut warnings = Vec::new();
    let positioned = positioned_doc(&doc, bytes, &mut warnings);
    let max_glyphs = usize::try_from(limits.max_text_bytes).unwrap_or(usize::MAX);
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut links: Vec<String> = Vec::new();
    let mut text_bytes: u64 = 0;
    let mut ocr = ocr::Ocr::new(limits.ocr_page_timeout, started + limits.timeout.saturating_sub(OCR_RESERVE));
    // Lattice grids per page (tables: rulings found by the marks walk).
    let mut grids: Vec<Vec<tables::Grid>> = Vec::with_capacity(page_ids.len());
    // Tables of the structure tree (a tagged PDF), for tables without rulings.
    let tagged_tables = catch_unwind(AssertUnwindSafe(|| tagged::tables(&doc))).unwrap_or_default();
    let mut tagged_xs: std::collections::HashMap<usize, Vec<f32>> = std::collections::HashMap::new();
    for (&number, &id) in &page_ids {
        let bbox = media_box(&doc, id);
        let mut lines = Vec::new();
        let mut marks = Vec::new();
        let mut failure = None;
        // pdf-extract's lopdf 0.42 unpacks content streams without a limit:
        // a page whose content is over the stream limit never reaches it.
        let content = match doc.get_page_content_with_limit(id, max_stream) {
            Ok(content) => Some(content),
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(ExtractError::StreamTooLarge { path, page: number, limit: limits.max_stream_bytes })
            }
            Err(e) => {
                warnings.push(notice!("page-content-unreadable", page = number, detail = short(&e.to_string())));
                None
            }
        };
        // Tables: the page's drawing first, so that runs are cut at cell borders.
        let mut cuts = Vec::new();
        let mut glyph_mcids = None;
        match catch_unwind(AssertUnwindSafe(|| {
            marks::page_marks(&doc, id, bbox, max_stream, content.as_deref(), number, !tagged_tables.is_empty())
        })) {
            Ok(drawing) => {
                marks.extend(drawing.marks);
                warnings.extend(drawing.warnings);
                glyph_mcids = drawing.glyph_mcids;
                let page_grids = tables::lattice(number, &drawing.rulings);
                cuts = page_grids.iter().flat_map(tables::Grid::cuts).collect();
                grids.push(page_grids);
            }
            Err(p) => {
                warnings.push(notice!("page-marks-not-collected", page = number, detail = glyphs::panic_message(&p)));
                grids.push(Vec::new());
            }
        }
        // End of the table part.
        if let Some(pe) = positioned.as_ref().filter(|pe| {
            let ends = glyphs::parent_chain_ends(pe, number);
            if !ends {
                failure = Some("the page tree loops back on itself".to_string());
            }
            ends
        }) {
            let got = glyphs::page_glyphs(pe, number, max_glyphs);
            // Tagged tables where the page has no ruled table: only when the
            // walk counted the same characters as pdf-extract showed.
            if let (Some(mcids), Some(page_grids)) = (&glyph_mcids, grids.last_mut()) {
                if mcids.total == got.calls && got.failure.is_none() {
                    for (ti, t) in tagged_tables.iter().enumerate() {
                        let known = tagged_xs.get(&ti).map(Vec::as_slice);
                        let shown = tagged::Shown { glyphs: &got.glyphs, seqs: &got.seqs, mcids };
                        let Some(g) = tagged::page_grid(t, ti, number, id, &shown, known) else { continue };
                        let b = g.bbox();
                        let overlaps = |o: &tables::Grid| {
                            let c = o.bbox();
                            b[0] < c[2] && c[0] < b[2] && b[1] < c[3] && c[1] < b[3]
                        };
                        if !page_grids.iter().any(overlaps) {
                            tagged_xs.insert(ti, g.xs.clone());
                            cuts.extend(g.cuts());
                            page_grids.push(g);
                        }
                    }
                }
            }
            marks.extend(assemble::glyph_marks(&got.glyphs));
            lines = assemble::lines_from_glyphs_cut(got.glyphs, &cuts);
            marks.extend(assemble::letter_marks(&lines));
            failure = got.failure;
        }
        if let Some(why) = &failure {
            warnings.push(notice!("page-positions-incomplete", page = number, detail = short(why)));
        }
        if lines.is_empty() && (failure.is_some() || positioned.is_none()) {
            lines = plain_lines(&doc, number, max_stream);
            if !lines.is_empty() {
                warnings.push(notice!("page-text-without-positions", page = number));
            }
        }
        // Scanned pages: OCR (ocr.rs) when the page has no readable text.
        let ocr_info =
            ocr::read_if_scanned(&mut ocr, &doc, id, bytes, number, bbox, &mut lines, &mut marks, &mut warnings).map(
                |(info, rulings)| {
                    // A scan's tables: from the rulings in its image, as a text page's from its drawing.
                    if let Some(page_grids) = grids.last_mut() {
                        *page_grids = tables::lattice(number, &rulings);
                    }
                    info
                },
            );
        if lines.is_empty() {
            warnings.push(notice!("page-no-text-layer", page = number));
        }
        text_bytes += lines.iter().map(|l| l.text.len() as u64 + 1).sum::<u64>();
        if text_bytes > limits.max_text_bytes {
            return Err(ExtractError::TextTooLarge { path, limit: limits.max_text_bytes });
        }
        for uri in page_links(&doc, id) {
            if !links.contains(&uri) {
                links.push(uri);
            }
        }
        marks.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        pages.push(Page { number, width: bbox[2] - bbox[0], height: bbox[3] - bbox[1], lines, marks, ocr: ocr_info });
    }
    warnings.extend(ocr::missing_warning(&ocr));
    let removed_furniture = assemble::remove_furniture(&mut pages);
    // Tables: filled from the lines without furniture, before the page
    // text's hyphenation repair moves words between lines (cells are repaired on their own).
    let tables = tables::find_tables(&pages, &grids);
    assemble::repair_hyphenation(&mut pages);
    warnings.dedup();
    let notices = warnings.iter().map(|w| sop_model::Notice { code: w.code.to_string(), params: w.params() }).collect();
    let warnings = warnings.iter().map(sop_i18n::Coded::sentence).collect();
    Ok(Layout { origin: Origin::Pdf, pages, removed_furniture, links, warnings, notices, tables })
}

fn short(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(160).collect()
}

fn load(path: &str, bytes: &[u8], max_stream: usize) -> Result<Document, ExtractError> {
    let options = LoadOptions { max_decompressed_size: Some(max_stream), ..LoadOptions::default() };
    let loaded = catch_unwind(AssertUnwindSafe(|| Document::load_mem_with_options(bytes, options)));
    let mut doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(
            lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) | lopdf::Error::UnsupportedSecurityHandler(_),
        )) => return Err(ExtractError::Encrypted { path: path.into() }),
        Ok(Err(e)) => return Err(ExtractError::Corrupt { path: path.into(), reason: short(&e.to_string()) }),
        Err(p) => return Err(ExtractError::Corrupt { path: path.into(), reason: short(&glyphs::panic_message(&p)) }),
    };
    if doc.is_encrypted() {
        // An empty user password opens the file for reading: viewers open it silently too.
        match catch_unwind(AssertUnwindSafe(|| doc.decrypt(""))) {
            Ok(Ok(())) => {}
            Ok(Err(
                lopdf::Error::InvalidPassword
                | lopdf::Error::Decryption(_)
                | lopdf::Error::UnsupportedSecurityHandler(_),
            ))
            | Err(_) => return Err(ExtractError::Encrypted { path: path.into() }),
            Ok(Err(e)) => return Err(ExtractError::Corrupt { path: path.into(), reason: short(&e.to_string()) }),
        }
    }
    Ok(doc)
}

/// The same document for pdf-extract (its own lopdf 0.42). Encrypted input is
/// handed over as lopdf 0.47 decrypted it; input lopdf 0.42 cannot read is
/// retried as lopdf 0.47 re-wrote it.
fn positioned_doc(doc: &Document, bytes: &[u8], warnings: &mut Vec<Coded>) -> Option<pdf_extract::Document> {
    let try_load = |b: &[u8]| -> Result<pdf_extract::Document, String> {
        match catch_unwind(AssertUnwindSafe(|| pdf_extract::Document::load_mem(b))) {
            Ok(Ok(mut d)) if !d.is_encrypted() => {
                cidwidths::fix_cid_widths(&mut d);
                Ok(d)
            }
            Ok(Ok(_)) => Err("still encrypted".into()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(p) => Err(glyphs::panic_message(&p)),
        }
    };
    let resaved = || -> Option<Vec<u8>> {
        let mut copy = doc.clone();
        let mut out = Vec::new();
        catch_unwind(AssertUnwindSafe(|| copy.save_to(&mut out))).ok()?.ok()?;
        Some(out)
    };
    let first = if doc.was_encrypted() { Err("encrypted".to_string()) } else { try_load(bytes) };
    let why = match first {
        Ok(d) => return Some(d),
        Err(why) => why,
    };
    let why = match resaved().map(|b| try_load(&b)) {
        Some(Ok(d)) => return Some(d),
        Some(Err(e)) => e,
        None => why,
    };
    warnings.push(notice!("positions-unavailable", detail = short(&why)));
    None
}

/// The page's MediaBox `[llx, lly, urx, ury]`, inherited if need be; A4 if absent.
fn media_box(doc: &Document, page: ObjectId) -> [f32; 4] {
    let mut dict = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(d) = dict else { break };
        if let Ok(arr) = d.get_deref(b"MediaBox", doc).and_then(Object::as_array) {
            let v: Vec<f32> =
                arr.iter().filter_map(|o| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok())).collect();
            if v.len() == 4 && v.iter().all(|x| x.is_finite()) {
                return [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])];
            }
        }
        dict = d.get(b"Parent").and_then(Object::as_reference).and_then(|id| doc.get_dictionary(id)).ok();
    }
    [0.0, 0.0, 595.28, 841.89]
}

/// URI targets of the page's link annotations.
fn page_links(doc: &Document, page: ObjectId) -> Vec<String> {
    let Ok(annots) = catch_unwind(AssertUnwindSafe(|| doc.get_page_annotations(page).unwrap_or_default())) else {
        return Vec::new();
    };
    annots
        .iter()
        .filter(|a| a.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Link"))
        .filter_map(|a| {
            let action = a.get_deref(b"A", doc).and_then(Object::as_dict).ok()?;
            let uri = action.get_deref(b"URI", doc).ok()?;
            match uri {
                Object::String(s, _) => Some(String::from_utf8_lossy(s).into_owned()),
                _ => None,
            }
        })
        .collect()
}

/// lopdf's plain text of one page as lines without real positions (y is the
/// line index, as for `.txt` input).
fn plain_lines(doc: &Document, number: u32, max_stream: usize) -> Vec<Line> {
    let text = match catch_unwind(AssertUnwindSafe(|| doc.extract_text_with_limit(&[number], max_stream))) {
        Ok(Ok(t)) => t,
        _ => return Vec::new(),
    };
    text.lines()
        .map(sop_model::text::normalize_ws)
        .filter(|t| !t.is_empty())
        .enumerate()
        .map(|(i, t)| {
            let run = Run { text: t.clone(), x: 0.0, y: i as f32, width: 0.0, font_size: 0.0, confidence: None };
            Line { text: t, x: 0.0, y: i as f32, runs: vec![run] }
        })
        .collect()
}
