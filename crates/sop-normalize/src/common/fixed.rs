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
/// longest common word subsequence over the word counts). One pass over the
/// lines gives the LCS of every prefix at once.
pub(crate) fn fixed_prefix(lines: &[&str], variants: &[&str]) -> FixedPrefix {
    let mut best = FixedPrefix { lines: 0, similarity: 0.0, variant: 0, extra: 0, missing: 0, template_words: 0 };
    // Words as numbers: the LCS only asks whether a line word equals a
    // template word, so every template word gets its own id and every other
    // word none.
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
    let mut line_ids: Vec<Vec<Option<u32>>> = Vec::new();
    for (v, f) in variant_ids.iter().enumerate() {
        if f.is_empty() {
            continue;
        }
        let mut lcs_of = PrefixLcs::new(f, ids.len());
        let mut count = 0usize;
        for (li, line) in lines.iter().enumerate() {
            if li == line_ids.len() {
                line_ids.push(lower_words(line).iter().map(|w| ids.get(w).copied()).collect());
            }
            for &w in &line_ids[li] {
                lcs_of.push(w);
                count += 1;
            }
            let lcs = lcs_of.len();
            let sim = 2.0 * lcs as f64 / (count + f.len()) as f64;
            // On a tie the variant that accounts for more words wins (the one
            // with the instruction sentence the school kept).
            let best_lcs = best.lines_words();
            if sim > best.similarity + 1e-12 || ((sim - best.similarity).abs() <= 1e-12 && lcs > best_lcs) {
                best = FixedPrefix {
                    lines: li + 1,
                    similarity: sim,
                    variant: v,
                    extra: count - lcs,
                    missing: f.len() - lcs,
                    template_words: f.len(),
                };
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

/// The length of the longest common subsequence of a growing word sequence
/// and a fixed one (the template text), after every word: bit-parallel
/// (Hyyrö 2004, "Bit-parallel LCS-length computation revisited"), one bit per
/// template word, so a fixed text of 400 words costs 7 machine words per line
/// word instead of a 400-cell table row.
struct PrefixLcs {
    /// Per word id, the template positions holding that word (`blocks` words each).
    positions: Vec<u64>,
    blocks: usize,
    /// Zero bits (within the template's length) count the LCS.
    v: Vec<u64>,
    last_block_mask: u64,
    template_len: usize,
}

impl PrefixLcs {
    fn new(template: &[u32], ids: usize) -> PrefixLcs {
        let blocks = template.len().div_ceil(64);
        let mut positions = vec![0u64; ids * blocks];
        for (j, &id) in template.iter().enumerate() {
            positions[id as usize * blocks + j / 64] |= 1 << (j % 64);
        }
        let last_block_mask = match template.len() % 64 {
            0 => u64::MAX,
            r => (1u64 << r) - 1,
        };
        let mut v = vec![u64::MAX; blocks];
        if let Some(last) = v.last_mut() {
            *last = last_block_mask;
        }
        PrefixLcs { positions, blocks, v, last_block_mask, template_len: template.len() }
    }

    /// Appends a word: its id, `None` for a word the template does not have
    /// (which leaves the LCS as it is).
    fn push(&mut self, word: Option<u32>) {
        let Some(id) = word else { return };
        let m = &self.positions[id as usize * self.blocks..(id as usize + 1) * self.blocks];
        // V = (V + U) | (V - U) with U = V & M; V - U is V & !M (no borrows,
        // U lies within V), the addition carries across blocks.
        let mut carry = false;
        for (v, &m) in self.v.iter_mut().zip(m) {
            let u = *v & m;
            let (sum, c1) = v.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            *v = sum | (*v & !m);
        }
        if let Some(last) = self.v.last_mut() {
            *last &= self.last_block_mask;
        }
    }

    fn len(&self) -> usize {
        self.template_len - self.v.iter().map(|b| b.count_ones() as usize).sum::<usize>()
    }
}

/// Whether the school kept the fixed text: at most [`TOLERATED_WORDS`]
/// words more or fewer than the template's.
pub(crate) fn is_standard(p: &FixedPrefix) -> bool {
    p.extra <= TOLERATED_WORDS && p.missing <= TOLERATED_WORDS
}

/// Whether a text is the template's fixed text: the same letters and digits
/// in the same order (re-flow, hyphenation and split words do not count), or
/// the same words in another order (a two-column table read line by line
/// from a PDF interleaves its cells).
pub(crate) fn same_fixed_text(a: &str, b: &str) -> bool {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    if letters(a) == letters(b) {
        return true;
    }
    // Marks printed as letters in the legend ("x Op de school aanwezig") are
    // not words of the text.
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .filter(|w| !sop_model::text::is_cell_mark(w))
            .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let bag = |s: &str| {
        let mut w = words(s);
        w.sort();
        w
    };
    // A table's cells read in another order, or words a narrow cell broke in
    // two ("Ondersteuningsadvis" + "eur"): the same letters.
    let chars = |s: &str| {
        let mut c: Vec<char> = words(s).concat().chars().collect();
        c.sort_unstable();
        c
    };
    bag(a) == bag(b) || chars(a) == chars(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The LCS table, row by row: what [`PrefixLcs`] must agree with.
    fn lcs_table(a: &[u32], b: &[u32]) -> Vec<usize> {
        let mut prev = vec![0usize; b.len() + 1];
        let mut cur = vec![0usize; b.len() + 1];
        let mut out = Vec::new();
        for x in a {
            for (j, y) in b.iter().enumerate() {
                cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
            }
            std::mem::swap(&mut prev, &mut cur);
            out.push(prev[b.len()]);
        }
        out
    }

    proptest! {
        // Small alphabets give many repeated words; lengths cross the
        // 64-word blocks (carries between blocks).
        #[test]
        fn bit_parallel_lcs_equals_the_table(
            template in proptest::collection::vec(0u32..6, 1..200),
            text in proptest::collection::vec(0u32..8, 0..250),
        ) {
            let mut lcs = PrefixLcs::new(&template, 8);
            let mut got = Vec::new();
            for &w in &text {
                lcs.push((w < 6).then_some(w));
                got.push(lcs.len());
            }
            prop_assert_eq!(got, lcs_table(&text, &template));
        }
    }

    #[test]
    fn fixed_text_then_school_text() {
        let lines = [
            "Elke school ontvangt een geldbedrag.",
            "Het bestaat uit een vaste voet.",
            "Op de begroting staat 32.000 euro.",
        ];
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
        let p = fixed_prefix(
            &lines,
            &[
                "Basisondersteuning is ondersteuning.",
                "Onderstaande tekst is een vaste tekst. Basisondersteuning is ondersteuning.",
            ],
        );
        assert_eq!((p.lines, p.variant), (2, 1));
        assert!(is_standard(&p));
    }
}
