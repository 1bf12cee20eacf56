//! From positioned glyphs to lines and runs, and the document-level clean-up:
//! running headers/footers and line-end hyphenation.

use std::collections::{BTreeMap, BTreeSet};

use sop_model::{Line, Mark, MarkKind, Page, Run};

use crate::glyphs::Glyph;

/// A gap wider than this many font sizes ends a run (a table cell boundary or a tab).
pub(crate) const RUN_GAP_EM: f32 = 0.9;
/// A gap wider than this many font sizes is a space between words.
pub(crate) const WORD_GAP_EM: f32 = 0.15;
/// The same where the producer draws its spaces as glyphs. It was 0.5 while
/// pdf-extract misread Chromium's CID font widths (see `cidwidths.rs`); at
/// that size two cells with little padding ran together ("bovenbouwEerste").
pub(crate) const WORD_GAP_EM_SPACED: f32 = 0.2;
/// Where spaces are drawn: a space wider than this many font sizes ends a run.
pub(crate) const RUN_GAP_EM_SPACED: f32 = 2.0;

/// Whether a glyph is reported as a [`MarkKind::Glyph`] mark (and kept in
/// the text): a symbol that marks a table cell, or an empty check box (☐,
/// which the reader must not count as ticked). The lists are the ones every
/// stage shares (`sop_model::text`). A run that is a lone "X" or "x" is a
/// mark too.
fn is_mark_glyph(t: &str) -> bool {
    sop_model::text::MARK_GLYPHS.contains(&t) || t == sop_model::text::EMPTY_BOX
}

/// Symbol-font glyphs without a Unicode meaning of their own: Wingdings and
/// Symbol characters that PDF producers map to the private use area
/// (U+F000 + the font's code). The ticks, crosses and boxes among them are
/// given their Unicode equivalents; other characters stay as they are.
pub(crate) fn symbol_font_char(text: &str) -> Option<&'static str> {
    let mut chars = text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    Some(match c as u32 {
        0xF0FC => "✓",          // Wingdings tick
        0xF0FB => "✗",          // Wingdings cross
        0xF0FD => "☒",          // Wingdings boxed cross
        0xF0FE => "☑",          // Wingdings boxed tick
        0xF06F | 0xF0A8 => "☐", // Wingdings empty boxes
        0xF06E => "■",          // Wingdings filled box
        0xF0D6 => "√",          // Symbol radical, used as a tick
        _ => return None,
    })
}

/// Groups glyphs into lines (shared baseline) and runs (no wide gap).
///
/// Word breaks: a space glyph always breaks a word. Producers that draw
/// their spaces (Chromium, LibreOffice) get a generous gap threshold so that
/// pdf-extract's occasionally wrong glyph widths (CID fonts from Chromium)
/// do not split "Algemene" into "A lgemene"; producers that position words
/// without space glyphs are split by the gap alone.
#[cfg(test)]
pub(crate) fn lines_from_glyphs(glyphs: Vec<Glyph>) -> Vec<Line> {
    lines_from_glyphs_cut(glyphs, &[])
}

/// [`lines_from_glyphs`], with runs also ended where a table's vertical cell
/// border `(x, top, bottom)` passes between two glyphs of a line, so that no
/// run crosses from one cell into the next.
pub(crate) fn lines_from_glyphs_cut(mut glyphs: Vec<Glyph>, cuts: &[(f32, f32, f32)]) -> Vec<Line> {
    glyphs.retain(|g| g.size > 0.0 && !g.text.chars().any(char::is_control));
    let spaces = glyphs.iter().filter(|g| is_space(g)).count();
    let spaced = spaces * 20 >= glyphs.len();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Rows are runs of the sorted glyphs: a new row where the baseline moves.
    let mut lines: Vec<Line> = Vec::new();
    let mut start = 0;
    for i in 1..=glyphs.len() {
        let new_row = i == glyphs.len() || {
            let (first, g) = (&glyphs[start], &glyphs[i]);
            (g.y - first.y).abs() > 0.3 * g.size.max(first.size)
        };
        if new_row {
            let y = glyphs[start].y;
            let row_cuts: Vec<f32> =
                cuts.iter().filter(|(_, top, bottom)| *top <= y && y <= *bottom).map(|c| c.0).collect();
            lines.extend(line_from_row(&mut glyphs[start..i], spaced, &row_cuts));
            start = i;
        }
    }
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    lines
}

fn is_space(g: &Glyph) -> bool {
    match g.text.as_bytes() {
        [b] => b.is_ascii_whitespace() || *b == 0x0b,
        _ => g.text.chars().all(|c| c.is_whitespace() || c == '\u{a0}'),
    }
}

fn line_from_row(row: &mut [Glyph], spaced: bool, cuts: &[f32]) -> Option<Line> {
    let word_gap = if spaced { WORD_GAP_EM_SPACED } else { WORD_GAP_EM };
    row.sort_by(|a, b| a.x.total_cmp(&b.x));
    // Fake bold and shadows draw the same glyph twice at (nearly) the same
    // place: keep the first (what `Vec::dedup_by` keeps, done in place).
    let mut kept = 0;
    for i in 1..row.len() {
        let (a, b) = (&row[kept], &row[i]);
        if !(a.text == b.text && (a.x - b.x).abs() < 0.2 * a.size) {
            kept += 1;
            row.swap(kept, i);
        }
    }
    let len = (kept + 1).min(row.len());
    let row = &mut row[..len];
    let mut runs: Vec<Run> = Vec::new();
    let mut prev_end = f32::NEG_INFINITY;
    let mut pending_space = false;
    let mut prev_centre = f32::NEG_INFINITY;
    for g in row {
        if is_space(g) {
            pending_space = true;
            continue;
        }
        let centre = g.x + g.width / 2.0;
        let crosses_border = cuts.iter().any(|c| prev_centre < *c && *c < centre);
        prev_centre = centre;
        let gap = g.x - prev_end;
        let em = g.size;
        // Where spaces are drawn, a gap with no space glyph in it is a cell
        // boundary, while a space may be stretched wide by justification.
        let run_gap = match (spaced, pending_space) {
            (true, true) => RUN_GAP_EM_SPACED * em,
            (true, false) => word_gap * em,
            (false, _) => RUN_GAP_EM * em,
        };
        match runs.last_mut() {
            Some(run) if gap <= run_gap && !crosses_border => {
                if pending_space || gap > word_gap * em {
                    run.text.push(' ');
                }
                run.text.push_str(&g.text);
                run.width = (g.x + g.width - run.x).max(run.width);
                run.font_size = run.font_size.max(g.size);
            }
            _ => runs.push(Run {
                text: std::mem::take(&mut g.text),
                x: g.x,
                y: g.y,
                width: g.width,
                font_size: g.size,
                confidence: None,
            }),
        }
        pending_space = false;
        prev_end = prev_end.max(g.x + g.width);
    }
    let first = runs.first()?;
    let y = runs.iter().map(|r| r.y).sum::<f32>() / runs.len() as f32;
    Some(Line { text: join_runs(&runs), x: first.x, y, runs })
}

pub(crate) fn join_runs(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Symbol glyphs as marks, with a box from the baseline and font size.
pub(crate) fn glyph_marks(glyphs: &[Glyph]) -> Vec<Mark> {
    glyphs.iter().filter(|g| is_mark_glyph(&g.text)).map(|g| text_mark(g.x, g.y, g.width, g.size, &g.text)).collect()
}

/// A mark for text at `x` on `baseline`: its box from the baseline up by
/// the font's ascent (0.8 of its size), one font size high.
fn text_mark(x: f32, baseline: f32, width: f32, size: f32, text: &str) -> Mark {
    Mark { kind: MarkKind::Glyph, x, y: baseline - 0.8 * size, width, height: size, text: Some(text.to_string()) }
}

/// Runs that are a lone "X" or "x" (how people tick a table cell by typing)
/// as glyph marks, with a box from the baseline and font size.
pub(crate) fn letter_marks(lines: &[Line]) -> Vec<Mark> {
    lines
        .iter()
        .flat_map(|l| &l.runs)
        .filter(|r| matches!(r.text.trim(), "X" | "x"))
        .map(|r| text_mark(r.x, r.y, r.width, r.font_size, r.text.trim()))
        .collect()
}

/// Digits replaced by `#` so that "2 - 14." and "3 - 14." compare equal.
fn furniture_key(text: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Two furniture keys that differ by a few OCR misreadings: an edit
/// distance of at most a sixth of the longer one.
fn similar_keys(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longest = a.len().max(b.len());
    if a.len().min(b.len()) < 10 || a.len().abs_diff(b.len()) * 6 > longest {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()] * 6 <= longest
}

/// A line that is only a page number: "3", "2 - 14.", "Pagina 3 van 14", "3/14".
fn is_page_number(text: &str) -> bool {
    let key = furniture_key(text);
    let key = key.trim_end_matches('.');
    matches!(key, "#" | "#-#" | "#/#" | "-#-" | "pagina#" | "pagina#van#" | "page#" | "page#of#" | "blz.#")
}

/// How many lines at the top and bottom of a page can be running headers/footers.
const EDGE_LINES: usize = 3;

/// Removes running headers and footers: lines near the top or bottom edge
/// that repeat (digits ignored) on at least half of the pages (and at least two),
/// and lone page numbers near an edge. Returns the removed lines, once each.
pub(crate) fn remove_furniture(pages: &mut [Page]) -> Vec<String> {
    let edge = |page: &Page| -> Vec<usize> {
        let n = page.lines.len();
        let mut idx: BTreeSet<usize> = (0..n.min(EDGE_LINES)).collect();
        idx.extend(n.saturating_sub(EDGE_LINES)..n);
        idx.into_iter().collect()
    };
    // On pages read by OCR a footer comes out a little different on every
    // page ("Madel SchoolOndersteuningsProfiel"): their edge lines count as
    // the same key as a similar one seen before.
    let mut canonical: BTreeMap<(u32, usize), String> = BTreeMap::new();
    let mut seen: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for page in pages.iter() {
        for i in edge(page) {
            let mut key = furniture_key(&page.lines[i].text);
            if page.ocr.is_some() && !seen.contains_key(&key) && key.chars().count() >= 10 {
                if let Some(similar) = seen.keys().find(|k| similar_keys(k, &key)) {
                    key = similar.clone();
                }
            }
            seen.entry(key.clone()).or_default().insert(page.number);
            canonical.insert((page.number, i), key);
        }
    }
    let n_pages = pages.len();
    let repeats = |key: &str| seen.get(key).is_some_and(|p| p.len() >= 2 && 2 * p.len() >= n_pages);
    let mut removed: Vec<String> = Vec::new();
    for page in pages.iter_mut() {
        let height = page.height;
        let near_edge = |y: f32| height <= 0.0 || y < 0.1 * height || y > 0.88 * height;
        let mut drop: BTreeSet<usize> = BTreeSet::new();
        for i in edge(page) {
            let line = &page.lines[i];
            let key = canonical.get(&(page.number, i)).cloned().unwrap_or_else(|| furniture_key(&line.text));
            if key.is_empty() {
                continue;
            }
            if (repeats(&key) && near_edge(line.y)) || (is_page_number(&line.text) && near_edge(line.y)) {
                drop.insert(i);
            }
        }
        for (i, line) in page.lines.iter().enumerate() {
            if drop.contains(&i) && !removed.contains(&line.text) {
                removed.push(line.text.clone());
            }
        }
        let mut i = 0;
        page.lines.retain(|_| {
            i += 1;
            !drop.contains(&(i - 1))
        });
    }
    removed
}

/// Repairs line-end hyphenation across consecutive lines of a page, and across
/// a page break: "ge-" + "wenst" becomes "gewenst" on the first line. A hyphen
/// is kept ("collega-scholen") when the hyphenated form occurs elsewhere in
/// the document, when the document hyphenates the same stem elsewhere
/// ("sociaal-emotionele" keeps "sociaal-" + "emotioneel"), or the part before it is not a plain lowercase word part
/// ("ICT-", "2-") or two vowels meet ("havo-afdeling"); it is left alone
/// before a coordinator ("hoog- en").
pub(crate) fn repair_hyphenation(pages: &mut [Page]) {
    // Every word of the document as it stood before any join; built at the
    // first line-end hyphen that needs it (many documents have none).
    let mut all_words: Option<BTreeSet<String>> = None;
    let positions: Vec<(usize, usize)> =
        pages.iter().enumerate().flat_map(|(p, page)| (0..page.lines.len()).map(move |l| (p, l))).collect();
    for w in positions.windows(2) {
        let [(pa, la), (pb, lb)] = [w[0], w[1]];
        let Some(prefix) = pages[pa].lines[la].text.split_whitespace().last().map(str::to_string) else {
            continue;
        };
        if !prefix.ends_with('-') {
            continue;
        }
        let Some(next) = pages[pb].lines[lb].text.split_whitespace().next().map(str::to_string) else {
            continue;
        };
        let all_words = all_words.get_or_insert_with(|| document_words(pages));
        let Some(joined) = hyphen_join(&prefix, &next, all_words) else { continue };
        // Move the continuation to the end of the first line.
        {
            let line = &mut pages[pa].lines[la];
            if let Some(run) = line.runs.iter_mut().rev().find(|r| r.text.trim_end().ends_with(&prefix)) {
                let t = run.text.trim_end();
                run.text = format!("{}{}", &t[..t.len() - prefix.len()], joined);
            }
            line.text = join_runs(&line.runs);
        }
        let line = &mut pages[pb].lines[lb];
        if let Some(run) = line.runs.iter_mut().find(|r| !r.text.trim().is_empty()) {
            let t = run.text.trim_start();
            run.text = t[next.len().min(t.len())..].trim_start().to_string();
        }
        line.runs.retain(|r| !r.text.trim().is_empty());
        line.text = join_runs(&line.runs);
        if let Some(r) = line.runs.first() {
            line.x = r.x;
        }
    }
    for page in pages.iter_mut() {
        page.lines.retain(|l| !l.runs.is_empty());
    }
}

/// What "stem-" at a line end and `next` at the start of the next line
/// become, or `None` when they are left alone (see [`repair_hyphenation`]).
/// `all_words` are the document's words before any join.
pub(crate) fn hyphen_join(prefix: &str, next: &str, all_words: &BTreeSet<String>) -> Option<String> {
    let stem = prefix.strip_suffix('-')?;
    let stem_word = stem.rsplit(['-', '(', '/']).next().unwrap_or(stem);
    if stem_word.chars().count() < 2 || !stem_word.chars().all(char::is_alphabetic) {
        return None;
    }
    let first_char = next.chars().next().unwrap_or(' ');
    // A conjunction after the hyphen ("hoog- en meerbegaafd") shows a real
    // one: the list every stage shares.
    if !first_char.is_lowercase() || sop_model::text::is_hyphen_conjunction(next) {
        return None;
    }
    let next_core = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    let hyphenated = format!("{}-{}", stem, next_core).to_lowercase();
    // Dutch writes a hyphen where two vowels would collide ("havo-afdeling").
    let vowel = |c: Option<char>| c.is_some_and(|c| "aeiouyáéíóúàèëïöü".contains(c));
    // The document hyphenates this stem elsewhere ("sociaal-emotionele"
    // elsewhere makes "sociaal-" + "emotioneel" a real hyphen too).
    let stem_prefix = format!("{}-", stem_word.to_lowercase());
    let stem_hyphenated_elsewhere = all_words
        .range(stem_prefix.clone()..)
        .take_while(|w| w.starts_with(&stem_prefix))
        .any(|w| w.len() > stem_prefix.len());
    let keep_hyphen = all_words.contains(&hyphenated)
        || stem_hyphenated_elsewhere
        || !stem_word.chars().all(char::is_lowercase)
        || (vowel(stem_word.chars().last()) && vowel(next.chars().next()));
    Some(if keep_hyphen { format!("{prefix}{next}") } else { format!("{stem}{next}") })
}

/// The lowercased words of all lines, punctuation trimmed (hyphens kept).
pub(crate) fn document_words(pages: &[Page]) -> BTreeSet<String> {
    pages
        .iter()
        .flat_map(|p| p.lines.iter())
        .flat_map(|l| l.text.split_whitespace())
        .map(|w| trim_punct(w).to_lowercase())
        .collect()
}

fn trim_punct(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

#[cfg(test)]
mod tests;
