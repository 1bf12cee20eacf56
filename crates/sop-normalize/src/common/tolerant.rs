//! Reading the template's own wording tolerantly where a page was read by
//! OCR: a scan's one-character misreadings ("ieer-" for "leer-", "ts" for
//! "is", "Jeugdhuipverlening") must not turn a standard row into a new one,
//! a known row label into an unknown one, or the fixed text into changed
//! boilerplate. Only text read by OCR gets this tolerance (its runs carry a
//! word confidence, [`is_ocr`]); text from a text layer is compared as
//! strictly as before. What is compared is the template's wording (standard
//! row labels, the questionnaire's questions, the fixed texts), never a
//! school's own text, and the value kept is always what was read: the
//! tolerance decides a key, a field or `standard`, not the text.

use sop_model::text::slug;
use sop_model::Run;

/// Whether a line was read by OCR: its runs carry Tesseract's word
/// confidence (runs from a text layer have none).
pub(crate) fn is_ocr(runs: &[Run]) -> bool {
    !runs.is_empty() && runs.iter().all(|r| r.confidence.is_some())
}

/// The character errors tolerated in OCR'd text of `len` characters: one per
/// 25 characters, at least one. Tesseract's misreadings on the samples'
/// scans are single characters, a few per paragraph; a school's own edit of
/// a template text changes words.
pub(crate) fn tolerance(len: usize) -> usize {
    (len / 25).max(1)
}

/// The character errors tolerated in a whole fixed text of `len` letters read
/// by OCR: one per 50, at least one; stricter than for a label, since a
/// school's edit of a long text (a word or a phrase changed) must not hide
/// in a large allowance. On the samples' scans the fixed texts differ by 2
/// of 1872 letters (§1), 4 of 601 (§3.6) and 12 of 3312 (§5, a table read in
/// another cell order).
pub(crate) fn fixed_text_tolerance(len: usize) -> usize {
    (len / 50).max(1)
}

/// The edit distance (Levenshtein, over characters) of `a` and `b`, or
/// `None` when it exceeds `max` (the band outside ±`max` is never filled).
pub(crate) fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let inf = usize::MAX / 2;
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| if j <= max { j } else { inf }).collect();
    let mut cur = vec![inf; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(b.len());
        cur.iter_mut().for_each(|c| *c = inf);
        cur[0] = if i <= max { i } else { inf };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// The standard label that `label`, read by OCR, names: the one whose slug
/// is within [`tolerance`] of the label's slug, or of it without one stray
/// word of one or two characters at its start or end (a speck read as "es"),
/// and clearly nearer than any other (the next one is more than the
/// tolerance farther). `None` when no standard label is that near.
pub(crate) fn nearest_standard<'s>(label: &str, standard: &[&'s str]) -> Option<&'s str> {
    let s = slug(label);
    if s.is_empty() {
        return None;
    }
    let mut forms = vec![s.clone()];
    let parts: Vec<&str> = s.split('_').collect();
    if parts.len() > 1 {
        if parts[parts.len() - 1].chars().count() <= 2 {
            forms.push(parts[..parts.len() - 1].join("_"));
        }
        if parts[0].chars().count() <= 2 {
            forms.push(parts[1..].join("_"));
        }
    }
    let mut scored: Vec<(usize, usize)> = Vec::new();
    for (k, st) in standard.iter().enumerate() {
        let ss = slug(st);
        let max = tolerance(ss.chars().count());
        // Twice the tolerance is looked at, to know how near the runner-up is.
        let best = forms.iter().filter_map(|f| distance_within(f, &ss, 2 * max)).min();
        if let Some(d) = best {
            scored.push((d, k));
        }
    }
    scored.sort();
    let &(d, k) = scored.first()?;
    let max = tolerance(slug(standard[k]).chars().count());
    let clear = scored.get(1).is_none_or(|&(d2, _)| d2 > d + max);
    (d <= max && clear).then_some(standard[k])
}

/// The label a row's key is made from: on a line read by OCR, the standard
/// label it names ([`nearest_standard`]), so that a misread letter does not
/// change the key; otherwise, and where none is near, the label as read.
pub(crate) fn key_label(label: &str, ocr: bool, standard: &[&str]) -> String {
    match ocr.then(|| nearest_standard(label, standard)).flatten() {
        Some(s) => s.to_string(),
        None => label.to_string(),
    }
}

/// Whether `text`, read by OCR, is the fixed text `reference`: their letters
/// and digits (lowercased, as [`super::fixed::same_fixed_text`] compares
/// them) within [`fixed_text_tolerance`] of each other, in order, or, for a table whose
/// cells were read in another order (that function's last test), as
/// multisets (letters the one has more than the other, counted both ways).
pub(crate) fn same_fixed_text_read_by_ocr(text: &str, reference: &str) -> bool {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (a, b) = (letters(text), letters(reference));
    if b.is_empty() {
        return a.is_empty();
    }
    let max = fixed_text_tolerance(b.chars().count());
    if distance_within(&a, &b, max).is_some() {
        return true;
    }
    let mut count: std::collections::HashMap<char, i64> = std::collections::HashMap::new();
    for c in a.chars() {
        *count.entry(c).or_default() += 1;
    }
    for c in b.chars() {
        *count.entry(c).or_default() -= 1;
    }
    count.values().map(|n| n.unsigned_abs() as usize).sum::<usize>() <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_levenshtein_within_a_bound() {
        assert_eq!(distance_within("leer", "ieer", 3), Some(1));
        assert_eq!(distance_within("kitten", "sitting", 3), Some(3));
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(distance_within("", "abc", 3), Some(3));
        assert_eq!(distance_within("abc", "abc", 0), Some(0));
    }

    const LABELS: &[&str] = &["Onderwijsniveaus onderbouw", "Onderwijsniveaus bovenbouw", "Naam van onze school"];

    #[test]
    fn a_misread_or_noisy_label_names_its_standard_row() {
        assert_eq!(nearest_standard("Onderwijsniveaus onderbouw es", LABELS), Some(LABELS[0]));
        assert_eq!(nearest_standard("Onderwijsniveaus bovenbouw", LABELS), Some(LABELS[1]));
        assert_eq!(nearest_standard("Naam van onze schooi", LABELS), Some(LABELS[2]));
        assert_eq!(
            nearest_standard("Jeugdhuipverlening", &["Jeugdhulpverlening", "Jongerenwerk"]),
            Some("Jeugdhulpverlening")
        );
    }

    #[test]
    fn another_label_is_no_standard_row() {
        assert_eq!(nearest_standard("Onderwijsniveaus", LABELS), None);
        assert_eq!(nearest_standard("Naam van ons bestuur", LABELS), None);
        assert_eq!(nearest_standard("Jeugdzorg", &["Jeugdhulpverlening"]), None);
    }

    /// §3.5's intro, 173 letters: three misread characters are tolerated.
    const FIXED: &str = "De onderstaande lijst toont de protocollen die we binnen onze school gebruiken. Het betreft handelingsrichtlijnen waarmee onze school voorbereid is om snel te kunnen handelen in voorkomende gevallen.";

    #[test]
    fn fixed_text_with_a_few_misread_characters_is_the_fixed_text() {
        assert!(same_fixed_text_read_by_ocr(
            "De onderstaande iijst toont de protocollen die we binnen onze schoo! gebruiken. Het betreft handelingsrichtlijnen waarmee onze school voorbereid is om snel te kunnen handelen in voorkomende gevallen.",
            FIXED
        ));
        // A phrase the school changed is not a misreading.
        assert!(!same_fixed_text_read_by_ocr(
            "De onderstaande lijst toont de protocollen die we op school gebruiken. Het betreft handelingsrichtlijnen waarmee onze school voorbereid is om snel te kunnen handelen in voorkomende gevallen.",
            FIXED
        ));
    }

    #[test]
    fn fixed_table_read_in_another_order_with_misread_characters() {
        // The two sentences in the other order, one letter misread.
        assert!(same_fixed_text_read_by_ocr(
            "Het betreft handelingsrichtlijnen waarmee onze school voorbereid is om snel te kunnen handelen in voorkomende gevallen. De onderstaande lijst toont de protocollen die we binnen onze school gebruiken.",
            FIXED
        ));
        assert!(same_fixed_text_read_by_ocr(
            "Het betreft handelingsrichtlijnen waarmee onze school voorbereid is om snel te kunnen handelen in voorkomende gevallen. De onderstaande lijst toont de protocollen die we binnen onze schoo! gebruiken.",
            FIXED
        ));
        // A sentence left out is not.
        assert!(!same_fixed_text_read_by_ocr(
            "Het betreft handelingsrichtlijnen waarmee onze school voorbereid is om snel te kunnen handelen in voorkomende gevallen.",
            FIXED
        ));
    }
}
