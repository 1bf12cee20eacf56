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
    fn normalize_ws_collapses_nbsp_and_newlines() {
        assert_eq!(normalize_ws(" a\u{a0} b\n\nc "), "a b c");
    }
}
