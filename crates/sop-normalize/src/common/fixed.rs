//! Fixed template text: did the school keep it, and where does it end?

use std::collections::HashMap;

use sop_model::text::words;

impl FixedPrefix {
    /// Words the lines and the template text share.
    fn lines_words(&self) -> usize {
        self.template_words.saturating_sub(self.missing)
    }
}

/// Words a school's copy of a fixed text may have more or fewer than the
/// template's and still count as the template's own: extraction artifacts (a
/// repaired hyphen, a split word) cost a word or two; an added or deleted
/// phrase costs more.
pub(crate) const TOLERATED_WORDS: usize = 2;

/// Where a fixed text ends among a section's lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FixedPrefix {
    /// Number of leading lines that are the fixed text (0 when none match).
    pub lines: usize,
    /// Word similarity of those lines with the best-matching variant.
    pub similarity: f64,
    /// Which variant matched best.
    pub variant: usize,
    /// Words of those lines that are not in the template text.
    pub extra: usize,
    /// Words of the template text missing from those lines.
    pub missing: usize,
    /// Words of the best variant.
    pub template_words: usize,
}

fn lower_words(s: &str) -> Vec<String> {
    words(s).into_iter().map(|w| w.to_lowercase()).collect()
}

/// Finds how many leading `lines` are the fixed text, trying each variant of
/// it (template revisions differ, e.g. by an instruction sentence): the
/// prefix, cut at a line end, with the highest word similarity (twice the
/// longest common word subsequence over the word counts). One pass of the
/// LCS table gives every prefix at once.
pub(crate) fn fixed_prefix(lines: &[&str], variants: &[&str]) -> FixedPrefix {
    let mut best = FixedPrefix { lines: 0, similarity: 0.0, variant: 0, extra: 0, missing: 0, template_words: 0 };
    // Words as numbers: the LCS only asks whether a line word equals a
    // template word, so every template word gets its own id and every other
    // word one id no template word has.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let variant_ids: Vec<Vec<u32>> = variants
        .iter()
        .map(|v| {
            lower_words(v)
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect()
        })
        .collect();
    // Found as far as some variant reads (see the stop below), once.
    let mut line_ids: Vec<Vec<u32>> = Vec::new();
    for (v, f) in variant_ids.iter().enumerate() {
        if f.is_empty() {
            continue;
        }
        let mut prev = vec![0u32; f.len() + 1];
        let mut cur = vec![0u32; f.len() + 1];
        let mut count = 0usize;
        for (li, line) in lines.iter().enumerate() {
            if li == line_ids.len() {
                line_ids.push(lower_words(line).iter().map(|w| ids.get(w).copied().unwrap_or(u32::MAX)).collect());
            }
            for &w in &line_ids[li] {
                for (j, &fw) in f.iter().enumerate() {
                    cur[j + 1] = if w == fw { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
                }
                std::mem::swap(&mut prev, &mut cur);
                count += 1;
            }
            let lcs = prev[f.len()] as usize;
            let sim = 2.0 * lcs as f64 / (count + f.len()) as f64;
            // On a tie the variant that accounts for more words wins (the one
            // with the instruction sentence the school kept).
            let best_lcs = best.lines_words();
            if sim > best.similarity + 1e-12 || ((sim - best.similarity).abs() <= 1e-12 && lcs > best_lcs) {
                best = FixedPrefix { lines: li + 1, similarity: sim, variant: v, extra: count - lcs, missing: f.len() - lcs, template_words: f.len() };
            }
            // No longer prefix can win: even with every template word matched
            // its similarity stays below the best (the lines after the fixed
            // text are the school's own, often many).
            let bound = 2.0 * f.len() as f64 / (count + f.len()) as f64;
            if bound < best.similarity - 1e-12 {
                break;
            }
        }
    }
    best
}

/// Whether the school kept the fixed text: at most [`TOLERATED_WORDS`]
/// words more or fewer than the template's.
pub(crate) fn is_standard(p: &FixedPrefix) -> bool {
    p.extra <= TOLERATED_WORDS && p.missing <= TOLERATED_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_text_then_school_text() {
        let lines = ["Elke school ontvangt een geldbedrag.", "Het bestaat uit een vaste voet.", "Op de begroting staat 32.000 euro."];
        let p = fixed_prefix(&lines, &["Elke school ontvangt een geldbedrag. Het bestaat uit een vaste voet."]);
        assert_eq!(p.lines, 2);
        assert!(is_standard(&p));
    }

    #[test]
    fn edited_fixed_text_is_not_standard() {
        let lines = ["Elke school krijgt jaarlijks wat geld van het SWV.", "Het bestaat uit een vaste voet."];
        let p = fixed_prefix(&lines, &["Elke school ontvangt een geldbedrag. Het bestaat uit een vaste voet."]);
        assert_eq!(p.lines, 2);
        assert!(!is_standard(&p), "{p:?}");
    }

    #[test]
    fn variants_with_an_instruction_sentence() {
        let lines = ["Onderstaande tekst is een vaste tekst.", "Basisondersteuning is ondersteuning."];
        let p = fixed_prefix(&lines, &["Basisondersteuning is ondersteuning.", "Onderstaande tekst is een vaste tekst. Basisondersteuning is ondersteuning."]);
        assert_eq!((p.lines, p.variant), (2, 1));
        assert!(is_standard(&p));
    }
}
