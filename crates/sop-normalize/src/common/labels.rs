//! Row labels, marks and yes/no words.

use std::collections::BTreeSet;

use sop_model::text::{slug, words};

/// A row the template itself prints, with the stable key every school's
/// version of it gets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StandardRow {
    pub key: &'static str,
    /// The template's label.
    pub label: &'static str,
}

/// Words that every row of a table shares and that say nothing about which
/// row it is.
const FILLER: &[&str] = &[
    "expertise",
    "en",
    "de",
    "het",
    "van",
    "voor",
    "in",
    "op",
    "of",
    "met",
    "een",
    "voorzieningen",
    "voorziening",
    "werk",
];

fn distinctive(s: &str) -> Vec<String> {
    // Parenthesised additions ("(dyscalculie)", "(SMW, gedragsspecialist)")
    // are the school's gloss; compare what is outside them first.
    let outside: String = {
        let mut depth = 0i32;
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '(' => {
                    depth += 1;
                    out.push(' ');
                }
                ')' => {
                    depth -= 1;
                    out.push(' ');
                }
                _ if depth > 0 => {}
                _ => out.push(c),
            }
        }
        out
    };
    let base = if words(&outside).iter().any(|w| !FILLER.contains(&w.to_lowercase().as_str())) {
        outside
    } else {
        s.replace(['(', ')'], "")
    };
    words(&base.replace(['/', '-', ',', '+'], " "))
        .into_iter()
        .map(|w| slug(&w))
        .filter(|w| !w.is_empty() && !FILLER.contains(&w.as_str()))
        .collect()
}

/// Two words are the same word when equal, or when they share a stem of at
/// least five letters and differ only by an ending ("jeugdgezondheidzorg" /
/// "jeugdgezondheidszorg", "begaafdheid" / "hoogbegaafdheid" do not).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 5 && la.max(lb) - common <= 3
}

/// How well a label names a standard row (0..=1), given the [`distinctive`]
/// words of the label (`a`) and of the standard label (`b`), found once per
/// label rather than once per pair: the share of the standard label's
/// distinctive words the label has, times the share of the label's
/// distinctive words that belong to the standard label (so that "Expertise
/// taal, lezen en spraak" does not match "Expertise spraak-taalproblematiek").
fn label_score(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let covered = b.iter().filter(|w| a.iter().any(|x| same_word(x, w))).count() as f64 / b.len() as f64;
    let own = a.iter().filter(|w| b.iter().any(|x| same_word(x, w))).count() as f64 / a.len() as f64;
    covered * own.sqrt()
}

/// A unique key per list: the label's slug (`fallback` when it has no
/// letters or digits), with `_2`, `_3` ... when two different labels slug
/// alike or the slug is a key already `used`; the key is added to `used`.
pub(crate) fn unique_key(label: &str, fallback: &str, used: &mut BTreeSet<String>) -> String {
    let base = slug(label);
    let base = if base.is_empty() { fallback.to_string() } else { base };
    let mut key = base.clone();
    let mut n = 2;
    while !used.insert(key.clone()) {
        key = format!("{base}_{n}");
        n += 1;
    }
    key
}

/// The key of each label: the best still-unused standard row scoring at
/// least 0.6, else the slug of the label itself (made unique with a
/// number). Returns `(key, standard)` per label, in order.
pub(crate) fn assign_keys(labels: &[&str], standard: &[StandardRow]) -> Vec<(String, bool)> {
    // Best matches first, so that a row renamed a little does not lose its
    // key to a weaker candidate earlier in the table.
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let standard_words: Vec<Vec<String>> = standard.iter().map(|s| distinctive(s.label)).collect();
    for (i, l) in labels.iter().enumerate() {
        let label_words = distinctive(l);
        for (j, s) in standard_words.iter().enumerate() {
            let score = label_score(&label_words, s);
            if score >= 0.6 {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut key_of: Vec<Option<usize>> = vec![None; labels.len()];
    let mut used = vec![false; standard.len()];
    for (_, i, j) in candidates {
        if key_of[i].is_none() && !used[j] {
            key_of[i] = Some(j);
            used[j] = true;
        }
    }
    let mut taken: BTreeSet<String> = key_of.iter().flatten().map(|&j| standard[j].key.to_string()).collect();
    labels
        .iter()
        .zip(key_of)
        .map(|(l, k)| match k {
            Some(j) => (standard[j].key.to_string(), true),
            None => (unique_key(l, "row", &mut taken), false),
        })
        .collect()
}

/// Yes, no or not applicable, as schools write it in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YesNo {
    Yes,
    No,
    NotApplicable,
}

/// Reads the start of a cell: "Ja", "ja(badkamer)", "Nee", "nvt", "n.v.t.",
/// "niet van toepassing". The rest of the cell is returned as a note.
pub(crate) fn yes_no(cell: &str) -> Option<(YesNo, Option<String>)> {
    let t = cell.trim();
    let lower = t.to_lowercase();
    let table: &[(&str, YesNo)] = &[
        ("niet van toepassing", YesNo::NotApplicable),
        ("n.v.t.", YesNo::NotApplicable),
        ("n.v.t", YesNo::NotApplicable),
        ("nvt", YesNo::NotApplicable),
        ("nee", YesNo::No),
        ("ja", YesNo::Yes),
    ];
    for (word, v) in table {
        if let Some(rest) = lower.strip_prefix(word) {
            if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                let note = t[word.len()..]
                    .trim()
                    .trim_matches(|c: char| c == '(' || c == ')' || c == ',' || c == ':' || c.is_whitespace());
                return Some((*v, (!note.is_empty()).then(|| note.to_string())));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXP: &[StandardRow] = &[
        StandardRow { key: "taal_lezen_spraak", label: "Expertise taal, lezen en spraak" },
        StandardRow { key: "rekenen_wiskunde", label: "Expertise rekenen en wiskunde" },
        StandardRow { key: "gedrag", label: "Expertise gedrag" },
        StandardRow { key: "hoogbegaafdheid", label: "Expertise (hoog)begaafdheid" },
    ];

    #[test]
    fn renamed_rows_keep_their_standard_key() {
        let labels = [
            "Expertise rekenen en wiskunde (dyscalculie)",
            "Expertise gedrag (SMW, gedragsspecialist)",
            "Expertise spraak-taalproblematiek",
            "Expertise taal, lezen en spraak",
            "Expertise (hoog)begaafdheid",
        ];
        let keys = assign_keys(&labels, EXP);
        let keys: Vec<_> = keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["rekenen_wiskunde", "gedrag", "expertise_spraak_taalproblematiek", "taal_lezen_spraak", "hoogbegaafdheid"]
        );
    }

    #[test]
    fn yes_no_words_and_notes() {
        assert_eq!(yes_no("Ja gelijkvloers"), Some((YesNo::Yes, Some("gelijkvloers".into()))));
        assert_eq!(yes_no("Ja(badkamer)"), Some((YesNo::Yes, Some("badkamer".into()))));
        assert_eq!(yes_no("nvt"), Some((YesNo::NotApplicable, None)));
        assert_eq!(yes_no("Nee"), Some((YesNo::No, None)));
        assert_eq!(yes_no("Jaarlijks"), None);
    }
}
