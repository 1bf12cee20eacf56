//! Text comparison that ignores layout: two texts that differ only in line
//! breaks, page breaks or line-end hyphenation compare equal.
//!
//! A line-end hyphen ("ge-\nwenst") becomes "ge- wenst" after whitespace
//! normalisation; [`tokens`] joins such pairs again. Because a hyphenated
//! compound can also be broken at its own hyphen ("ICT-\ncoördinator"), the
//! comparison key of a word drops hyphens between letters or digits
//! altogether: "e-mail" and "email" compare equal. That loses a distinction no
//! adviser cares about and makes every re-flow compare equal.

use similar::{capture_diff_slices, Algorithm, DiffTag};
use sop_model::text::{normalize_ws, word_similarity};

use crate::{Hunk, HunkOp};

/// The words of a text as they should be shown: whitespace normalised, soft
/// hyphens removed, words split by a line-end hyphen joined ("ge- wenst" ->
/// "gewenst"; "Model- School" -> "Model-School").
pub fn tokens(s: &str) -> Vec<String> {
    let cleaned = s.replace('\u{ad}', "");
    let normalized = normalize_ws(&cleaned);
    let raw: Vec<&str> = normalized.split(' ').filter(|t| !t.is_empty()).collect();
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let mut word = raw[i].to_string();
        i += 1;
        while i < raw.len() && is_broken(&word, raw[i]) {
            let next = raw[i];
            if word.ends_with('-') && next.chars().next().is_some_and(char::is_lowercase) {
                word.pop();
            }
            word.push_str(next);
            i += 1;
        }
        out.push(word);
    }
    out
}

/// "ge-" followed by "wenst", or "emotioneel/" followed by "gedrag": a word
/// ending in a hyphen or a slash after a letter or digit, followed by a word
/// starting with one. A line may break after either, and whether a space
/// stood there cannot be told from the printed page.
fn is_broken(word: &str, next: &str) -> bool {
    let mut rev = word.chars().rev();
    matches!(rev.next(), Some('-' | '/'))
        && rev.next().is_some_and(char::is_alphanumeric)
        && next.chars().next().is_some_and(char::is_alphanumeric)
}

/// The comparison key of one token: hyphens between letters or digits dropped.
pub fn token_key(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    let mut out = String::with_capacity(token.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = i > 0 && i + 1 < chars.len() && chars[i - 1].is_alphanumeric() && chars[i + 1].is_alphanumeric();
        if c == '-' && between {
            continue;
        }
        out.push(c);
    }
    out
}

/// The form two texts are compared in: equal exactly when they differ only in
/// layout (line breaks, page breaks, hyphenation).
pub fn canonical(s: &str) -> String {
    let keys: Vec<String> = tokens(s).iter().map(|t| token_key(t)).collect();
    // A line may break after a dash standing alone ("leer –" + "en"):
    // whether a space followed it cannot be told from the printed page.
    let mut out = String::new();
    for (i, k) in keys.iter().enumerate() {
        let after_dash = i > 0 && matches!(keys[i - 1].as_str(), "-" | "–" | "—");
        if i > 0 && !after_dash {
            out.push(' ');
        }
        out.push_str(k);
    }
    out
}

/// Word similarity (0..=1) of two texts after canonicalisation.
pub fn similarity(old: &str, new: &str) -> f64 {
    word_similarity(&canonical(old), &canonical(new))
}

/// A word-level diff of two texts as runs of kept, deleted and inserted words.
/// Kept runs show the new text's words.
pub fn hunks(old: &str, new: &str) -> Vec<Hunk> {
    let (old_t, new_t) = (tokens(old), tokens(new));
    let old_k: Vec<String> = old_t.iter().map(|t| token_key(t)).collect();
    let new_k: Vec<String> = new_t.iter().map(|t| token_key(t)).collect();
    let mut out: Vec<Hunk> = Vec::new();
    let mut push = |op: HunkOp, words: &[String]| {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => out.push(Hunk { op, text }),
        }
    };
    for op in capture_diff_slices(Algorithm::Patience, &old_k, &new_k) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(HunkOp::Equal, &new_t[n]),
            DiffTag::Delete => push(HunkOp::Delete, &old_t[o]),
            DiffTag::Insert => push(HunkOp::Insert, &new_t[n]),
            DiffTag::Replace => {
                push(HunkOp::Delete, &old_t[o]);
                push(HunkOp::Insert, &new_t[n]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphenation_is_repaired() {
        assert_eq!(tokens("ge-\nwenst gedrag"), vec!["gewenst", "gedrag"]);
        assert_eq!(tokens("Model-\nSchool"), vec!["Model-School"]);
        assert_eq!(canonical("ICT-\ncoördinator"), canonical("ICT-coördinator"));
        assert_eq!(canonical("een\u{ad}voudig"), "eenvoudig");
    }

    #[test]
    fn a_line_broken_after_a_slash_is_re_flow() {
        assert_eq!(canonical("sociaal-emotioneel/ gedrag"), canonical("sociaal-emotioneel/gedrag"));
        assert_eq!(
            tokens(
                "en/
of"
            ),
            vec!["en/of"]
        );
        assert_ne!(canonical("en / of"), canonical("en/of"));
    }

    #[test]
    fn dashes_that_are_not_hyphenation_stay() {
        assert_eq!(tokens("zorg - en"), vec!["zorg", "-", "en"]);
        assert_eq!(canonical("niveau 1 - 5"), "niveau 1 -5");
        assert_eq!(canonical("leer –en gedrag"), canonical("leer –\nen gedrag"));
        assert_ne!(canonical("leer – en"), canonical("leer en"));
        assert_ne!(canonical("wel"), canonical("niet"));
    }

    #[test]
    fn hunks_mark_inserted_and_deleted_words() {
        let h = hunks("wij werken met groepsplannen", "wij werken met\nindividuele plannen");
        assert_eq!(
            h,
            vec![
                Hunk { op: HunkOp::Equal, text: "wij werken met".into() },
                Hunk { op: HunkOp::Delete, text: "groepsplannen".into() },
                Hunk { op: HunkOp::Insert, text: "individuele plannen".into() },
            ]
        );
        assert!(hunks("a b", "a\nb").iter().all(|h| h.op == HunkOp::Equal));
    }
}
