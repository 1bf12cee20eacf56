//! Text helpers that several stages must apply identically.

/// Collapses every run of whitespace (including non-breaking spaces) to one
/// space and trims the ends.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if word.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
            out.push_str(&expand_ligatures(word));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) as their letters: fonts that
/// draw "fi" as one glyph must not change the words ("proﬁel" is "profiel").
pub fn expand_ligatures(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

/// Text for HTML element content or a quoted attribute value: `& < > " '`
/// as entities. The reports (diff, overview) are written without a template
/// engine, so every school-written string goes through this.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The words of a text, in order: split on whitespace, with leading and
/// trailing punctuation that is not part of a word removed. Empty tokens are
/// dropped.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !"€%&@".contains(c)))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Word-level similarity of two texts in 0..=1: twice the number of words in
/// the longest common subsequence divided by the total number of words
/// (the Ratcliff/Obershelp-style ratio on words). Two empty texts are 1.0.
pub fn word_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * lcs_len(&a, &b) as f64 / total as f64
}

/// Length of the longest common subsequence, O(n·m) time and O(m) memory.
fn lcs_len(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// A stable key slug: lowercase ASCII, runs of anything else become one `_`,
/// diacritics folded (é -> e), no leading/trailing `_`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        let folded = fold_diacritic(c);
        for c in folded.chars() {
            if c.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push('_');
                }
                gap = false;
                out.push(c.to_ascii_lowercase());
            } else {
                gap = true;
            }
        }
    }
    out
}

/// The ASCII letters of a letter with a diacritic (é -> "e", ĳ -> "ij");
/// any other character as it is.
fn fold_diacritic(c: char) -> Folded {
    let base = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => "A",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => "O",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ç' => "c",
        'ñ' => "n",
        'ĳ' => "ij",
        _ => return Folded::Char(c),
    };
    Folded::Str(base)
}

/// A folded character without an allocation.
enum Folded {
    Char(char),
    Str(&'static str),
}

impl Folded {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let (one, many) = match self {
            Folded::Char(c) => (Some(*c), ""),
            Folded::Str(s) => (None, *s),
        };
        one.into_iter().chain(many.chars())
    }
}

/// Words after a line-end hyphen that show the hyphen is a real one in a
/// Dutch coordination ("hoog- en meerbegaafd", "taal- of rekenproblemen",
/// "groep 1- t/m 8"): the hyphen stays and the words stay apart. The one
/// list every stage that repairs hyphenation reads (extraction, the
/// parsers' line joining).
pub const HYPHEN_CONJUNCTIONS: &[&str] = &["en", "of", "tot", "t/m", "als", "dan", "noch", "maar", "naar", "and", "or"];

/// Whether `word` (the first word after a line-end hyphen, punctuation
/// around it ignored) is one of the [`HYPHEN_CONJUNCTIONS`]; "en/of" counts
/// by its first part.
pub fn is_hyphen_conjunction(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    HYPHEN_CONJUNCTIONS.contains(&w) || w.split_once('/').is_some_and(|(first, _)| HYPHEN_CONJUNCTIONS.contains(&first))
}

/// Whether a line ending in `before` and the next line starting with
/// `after` are one word broken at a hyphen: `before` ends in a letter or
/// digit and a hyphen ("2014-", "VSO-", "ge-"), `after` starts with a
/// letter or digit and is no [`HYPHEN_CONJUNCTIONS`] word. The hyphen itself
/// is the caller's to keep or drop.
pub fn continues_after_hyphen(before: &str, after: &str) -> bool {
    let mut rev = before.trim_end().chars().rev();
    if rev.next() != Some('-') || !rev.next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let first = after.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_alphanumeric) && !is_hyphen_conjunction(first)
}

/// Symbols that tick or cross a table cell wherever they stand (a check
/// mark, a cross, a ticked or crossed box, a filled square). Extraction
/// reports them as glyph marks; the parsers read them as "marked".
pub const MARK_GLYPHS: &[&str] = &["✓", "✔", "✗", "✘", "☒", "☑", "☓", "✕", "✖", "■", "√", "✅", "❎", "⊠"];

/// The empty check box Word prints in every unticked box: extraction reports
/// it as a glyph mark, which the parsers must not count as ticked.
pub const EMPTY_BOX: &str = "☐";

/// [`EMPTY_BOX`] and its look-alikes, and the Wingdings empty boxes as fonts
/// without a Unicode map report them (U+F06F, U+F0A8).
pub const EMPTY_BOX_GLYPHS: &[&str] = &[EMPTY_BOX, "□", "◻", "❑", "❒", "\u{f06f}", "\u{f0a8}"];

/// Whether a cell's token says "marked": one of the [`MARK_GLYPHS`], a lone
/// X or x, a filled dot (in a marks column, not a list bullet), or the
/// Wingdings tick and ticked box as fonts without a Unicode map report them
/// (U+F0FC, U+F0FE). A trailing comma, period or semicolon is allowed ("X,").
pub fn is_cell_mark(token: &str) -> bool {
    let t = token.trim().trim_end_matches([',', '.', ';']);
    MARK_GLYPHS.contains(&t) || matches!(t, "X" | "x" | "●" | "\u{f0fc}" | "\u{f0fe}")
}

/// Whether a glyph is an empty box ([`EMPTY_BOX_GLYPHS`]).
pub fn is_empty_box(t: &str) -> bool {
    EMPTY_BOX_GLYPHS.contains(&t)
}

/// A BRIN as a key: its letters and digits, upper case ("12 ab" and "12AB"
/// are one school); `None` when nothing is left. The diff's school check and
/// the archive's registry both compare BRINs by this.
pub fn brin_key(brin: &str) -> Option<String> {
    let b: String = brin.chars().filter(|c| c.is_alphanumeric()).collect();
    (!b.is_empty()).then(|| b.to_uppercase())
}

/// The domain of an e-mail address as a key: after the last `@`, trimmed,
/// without a trailing dot, lower case; `None` when there is no `@` or the
/// domain has no dot.
pub fn email_domain(email: &str) -> Option<String> {
    let (_, domain) = email.trim().rsplit_once('@')?;
    domain_key(domain)
}

/// A domain (as a registry writes it, "@school.nl" or "School.NL.") as the
/// key [`email_domain`] gives; `None` when it has no dot.
pub fn domain_key(domain: &str) -> Option<String> {
    let d = domain.trim().trim_start_matches('@').trim_end_matches('.').to_lowercase();
    d.contains('.').then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_of_identical_and_disjoint_texts() {
        assert_eq!(word_similarity("een twee drie", "een  twee\ndrie"), 1.0);
        assert_eq!(word_similarity("een twee", "drie vier"), 0.0);
        let s = word_similarity("een twee drie vier", "een twee vier");
        assert!((s - 6.0 / 7.0).abs() < 1e-9, "{s}");
    }

    #[test]
    fn slug_folds_case_diacritics_and_punctuation() {
        assert_eq!(slug("Expertise rekenen en wiskunde (dyscalculie)"), "expertise_rekenen_en_wiskunde_dyscalculie");
        assert_eq!(slug("Coöperatief leren – één"), "cooperatief_leren_een");
        assert_eq!(slug("  --  "), "");
    }

    #[test]
    fn hyphen_conjunctions_keep_the_hyphen() {
        assert!(continues_after_hyphen("ge-", "wenst"));
        assert!(continues_after_hyphen("2014-", "2015"));
        assert!(!continues_after_hyphen("hoog-", "en meerbegaafd"));
        assert!(!continues_after_hyphen("groep 1-", "t/m 8"));
        assert!(!continues_after_hyphen("taal-", "en/of rekenen"));
        assert!(!continues_after_hyphen("- ", "wenst"));
        assert!(!continues_after_hyphen("ge-", "(wenst)"));
    }

    #[test]
    fn marks_and_empty_boxes_are_apart() {
        for t in ["X", "x,", "✓", "☒", "●", "\u{f0fc}"] {
            assert!(is_cell_mark(t), "{t}");
        }
        for t in EMPTY_BOX_GLYPHS {
            assert!(is_empty_box(t) && !is_cell_mark(t), "{t}");
        }
        assert!(!is_cell_mark("Ja"));
    }

    #[test]
    fn school_identity_keys() {
        assert_eq!(brin_key(" 12 ab "), Some("12AB".into()));
        assert_eq!(brin_key(" - "), None);
        assert_eq!(email_domain("Info@School.NL. "), Some("school.nl".into()));
        assert_eq!(email_domain("info@localhost"), None);
        assert_eq!(email_domain("geen adres"), None);
        assert_eq!(domain_key("@School.nl"), Some("school.nl".into()));
    }

    #[test]
    fn normalize_ws_collapses_nbsp_and_newlines() {
        assert_eq!(normalize_ws(" a\u{a0} b\n\nc "), "a b c");
    }
}
