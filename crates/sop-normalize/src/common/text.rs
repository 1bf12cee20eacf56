//! Joining the wrapped lines of one text, the same way for every family.

use sop_model::text::{continues_after_hyphen, normalize_ws};

/// Whether a line ending in `before` continues without a space into the
/// line starting with `after`: a word broken at a hyphen
/// ([`continues_after_hyphen`]: no conjunction follows) whose continuation
/// starts lowercase ("Latijns-" + "geletterd", "VSO-" + "scholen") or, after
/// a digit, with a digit ("2014-" + "2015"). The hyphen stays. A capital
/// after the hyphen starts a word of its own ("sociaal-" + "Emotioneel").
pub(crate) fn joins_at_hyphen(before: &str, after: &str) -> bool {
    let first = after.trim_start().chars().next();
    let digit_before = before.trim_end().chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit());
    continues_after_hyphen(before, after)
        && first.is_some_and(|c| c.is_lowercase() || (digit_before && c.is_ascii_digit()))
}

/// Joins wrapped lines into one text: each line whitespace-normalised, single
/// spaces between them, none where [`joins_at_hyphen`].
pub(crate) fn join<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for l in lines {
        let l = normalize_ws(l.as_ref());
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() && !joins_at_hyphen(&out, &l) {
            out.push(' ');
        }
        out.push_str(&l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphens_join_only_inside_words() {
        assert_eq!(join(&["moedertaal Latijns-", "geletterd is."]), "moedertaal Latijns-geletterd is.");
        assert_eq!(join(&["Vanaf het schooljaar 2014-", "2015 werken we"]), "Vanaf het schooljaar 2014-2015 werken we");
        assert_eq!(join(&["van de VSO-", "scholen"]), "van de VSO-scholen");
        assert_eq!(join(&["psychische-", "en gedragsproblematiek"]), "psychische- en gedragsproblematiek");
        assert_eq!(join(&["onderwijs- en", "ondersteuning"]), "onderwijs- en ondersteuning");
        assert_eq!(join(&["sociaal-", "Emotioneel"]), "sociaal- Emotioneel");
        assert_eq!(join(&["een  lijn ", " en nog een", ""]), "een lijn en nog een");
        assert_eq!(join::<&str>(&[]), "");
    }
}
