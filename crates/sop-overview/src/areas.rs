//! The support areas (ondersteuningsgebieden) and the mapping of record rows
//! to them: a TOML file an SWV can read and edit (`areas.toml` beside this
//! crate is the default, embedded in the binary).
//!
//! A row belongs to the areas that list its `key`; a row whose key no area
//! lists belongs to the areas whose `keywords` its label contains (at the
//! start of a word, compared as slugs: case, accents and punctuation do not
//! count). A row that belongs to none is "overig", never dropped.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;
use sop_model::text::slug;

/// The mapping that ships with `sop` (`crates/sop-overview/areas.toml`).
pub const DEFAULT_AREAS: &str = include_str!("../areas.toml");

/// The id of the pseudo-area for rows that map to no area.
pub const OTHER: &str = "overig";

/// One support area as the file defines it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaDef {
    /// A short, stable id (lowercase letters, digits, `_`).
    pub id: String,
    /// The name people read, in Dutch.
    pub label: String,
    #[serde(default)]
    pub keys: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AreasFile {
    #[serde(default)]
    area: Vec<AreaDef>,
}

/// What is wrong with an areas file, and where.
#[derive(Debug, thiserror::Error)]
pub enum AreasError {
    #[error("the areas file `{origin}` is not valid TOML or has unknown fields: {message}")]
    Syntax { origin: String, message: String },
    #[error("the areas file `{origin}`: {message}")]
    Invalid { origin: String, message: String },
}

/// The areas and the lookups built from them.
#[derive(Debug, Clone)]
pub struct AreaMap {
    pub areas: Vec<AreaDef>,
    by_key: HashMap<String, Vec<usize>>,
    /// (keyword slug, area index), in file order, indexed by the keyword's
    /// first byte so that a label is checked only against the keywords that
    /// can start at each of its words.
    keywords: Vec<Vec<(String, usize)>>,
}

impl AreaMap {
    /// The mapping that ships with `sop`.
    pub fn default_map() -> AreaMap {
        AreaMap::parse(DEFAULT_AREAS, "areas.toml (ingebouwd)").expect("the embedded areas.toml is valid")
    }

    /// Reads an areas file; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<AreaMap, AreasError> {
        let file: AreasFile = toml::from_str(text)
            .map_err(|e| AreasError::Syntax { origin: origin.to_string(), message: e.to_string() })?;
        let invalid = |message: String| AreasError::Invalid { origin: origin.to_string(), message };
        if file.area.is_empty() {
            return Err(invalid("it defines no area; each area is a `[[area]]` table with id, label and keys".into()));
        }
        let mut ids = BTreeSet::new();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut keywords: Vec<Vec<(String, usize)>> = vec![Vec::new(); 256];
        for (i, a) in file.area.iter().enumerate() {
            let ok_id =
                !a.id.is_empty() && a.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !ok_id {
                return Err(invalid(format!(
                    "area {} has the id {:?}: use lowercase letters, digits and _ only",
                    i + 1,
                    a.id
                )));
            }
            if a.id == OTHER {
                return Err(invalid(format!("the id `{OTHER}` is reserved for rows that map to no area")));
            }
            if !ids.insert(a.id.clone()) {
                return Err(invalid(format!("the id `{}` appears twice", a.id)));
            }
            if a.label.trim().is_empty() {
                return Err(invalid(format!("area `{}` has no label", a.id)));
            }
            if a.keys.is_empty() && a.keywords.is_empty() {
                return Err(invalid(format!(
                    "area `{}` lists no keys and no keywords, so no row can belong to it",
                    a.id
                )));
            }
            for k in &a.keys {
                let k = k.trim();
                if k.is_empty() {
                    return Err(invalid(format!("area `{}` lists an empty key", a.id)));
                }
                let list = by_key.entry(k.to_string()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
            for w in &a.keywords {
                let s = slug(w);
                if s.is_empty() {
                    return Err(invalid(format!(
                        "area `{}` has the keyword {w:?}, which has no letters or digits",
                        a.id
                    )));
                }
                keywords[s.as_bytes()[0] as usize].push((s, i));
            }
        }
        Ok(AreaMap { areas: file.area, by_key, keywords })
    }

    /// The indices (into [`AreaMap::areas`]) of the areas a row belongs to:
    /// by key first; by keyword only when no area lists the key. Empty: overig.
    pub fn areas_of(&self, key: &str, label: &str) -> Vec<usize> {
        if let Some(v) = self.by_key.get(key) {
            return v.clone();
        }
        let label = slug(label);
        let bytes = label.as_bytes();
        let mut out: Vec<usize> = Vec::new();
        for p in 0..bytes.len() {
            if p > 0 && bytes[p - 1] != b'_' {
                continue;
            }
            let rest = &label[p..];
            for (w, i) in &self.keywords[bytes[p] as usize] {
                if rest.starts_with(w.as_str()) && !out.contains(i) {
                    out.push(*i);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Whether some area lists this key (so its match is by key, not keyword).
    pub fn knows_key(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_map_loads_with_15_to_25_areas() {
        let m = AreaMap::default_map();
        assert!((15..=25).contains(&m.areas.len()), "{}", m.areas.len());
    }

    #[test]
    fn keys_win_over_keywords_and_keywords_match_at_word_starts() {
        let m = AreaMap::default_map();
        let id = |v: Vec<usize>| v.into_iter().map(|i| m.areas[i].id.clone()).collect::<Vec<_>>();
        // "minder begaafde" is listed by key under leren, never under hoogbegaafdheid.
        assert_eq!(
            id(m.areas_of("docent_coach_minder_begaafde_leerlingen", "Docent-coach minder begaafde leerlingen")),
            ["leren"]
        );
        // Unknown key: found by keyword.
        assert_eq!(id(m.areas_of("dyslexie_expert", "Dyslexie-expert")), ["lezen_spelling"]);
        assert_eq!(id(m.areas_of("x", "Meer- en hoogbegaafdheid specialist")), ["hoogbegaafdheid"]);
        // "afspraken" contains "spraak" but not at a word start.
        assert!(m.areas_of("heldere_afspraken", "Heldere afspraken").is_empty());
        // One row, two areas.
        assert_eq!(
            id(m.areas_of("taal_lezen_spraak", "Expertise taal, lezen en spraak")),
            ["lezen_spelling", "spraak_taal"]
        );
        // Nothing matches: overig.
        assert!(m.areas_of("theater", "theater").is_empty());
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let e = AreaMap::parse("[[area]]\nid = \"Gedrag\"\nlabel = \"x\"\nkeys = [\"a\"]\n", "mijn.toml").unwrap_err();
        assert!(e.to_string().contains("mijn.toml") && e.to_string().contains("lowercase"), "{e}");
        let e = AreaMap::parse("[[area]]\nid = \"a\"\nlabel = \"x\"\nkeyz = [\"a\"]\n", "f").unwrap_err();
        assert!(e.to_string().contains("keyz"), "{e}");
        let e = AreaMap::parse("", "f").unwrap_err();
        assert!(e.to_string().contains("no area"), "{e}");
        let two = "[[area]]\nid = \"a\"\nlabel = \"x\"\nkeys = [\"k\"]\n[[area]]\nid = \"a\"\nlabel = \"y\"\nkeys = [\"k\"]\n";
        assert!(AreaMap::parse(two, "f").unwrap_err().to_string().contains("twice"));
        let other = "[[area]]\nid = \"overig\"\nlabel = \"x\"\nkeys = [\"k\"]\n";
        assert!(AreaMap::parse(other, "f").unwrap_err().to_string().contains("reserved"));
    }
}
