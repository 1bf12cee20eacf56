//! School ids and school years: the two names that become folder names, so
//! the only two places where text from documents or CSVs could try to leave
//! the archive folder.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Longest id accepted: long enough for "name-city", short enough for any
/// file system's component limit with the version suffix added.
pub const MAX_ID_LEN: usize = 64;

/// Names the archive itself uses at its root; a school may not take them.
const RESERVED: &[&str] = &["reports", "ontvangen"];

/// A school's stable id and its folder name: lowercase ASCII letters, digits,
/// `-` and `_`, starting with a letter or digit, at most [`MAX_ID_LEN`] bytes.
/// Nothing else can be constructed, so `..`, `/`, `\`, absolute paths, dots,
/// spaces and control characters never reach a path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SchoolId(String);

impl SchoolId {
    /// Accepts an id exactly as written; rejects anything that is not
    /// already a valid id (no silent rewriting of what a registry says).
    pub fn parse(s: &str) -> Result<SchoolId> {
        let bad = |reason| Err(Error::BadSchoolId { id: s.to_string(), reason });
        if s.is_empty() {
            return bad("it is empty");
        }
        if s.len() > MAX_ID_LEN {
            return bad("it is longer than 64 characters");
        }
        if !s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') {
            return bad("use only lowercase letters a-z, digits, '-' and '_'");
        }
        if !s.as_bytes()[0].is_ascii_alphanumeric() {
            return bad("it must start with a letter or digit");
        }
        if RESERVED.contains(&s) {
            return bad("the name is reserved by the archive");
        }
        Ok(SchoolId(s.to_string()))
    }

    /// Makes an id out of free text (a school name, a city): diacritics
    /// folded, everything else that is not a letter or digit becomes `-`,
    /// cut to [`MAX_ID_LEN`]. `None` when no letter or digit is left.
    pub fn from_text(parts: &[&str]) -> Option<SchoolId> {
        let joined: Vec<String> =
            parts.iter().map(|p| sop_model::text::slug(p).replace('_', "-")).filter(|p| !p.is_empty()).collect();
        let mut id = joined.join("-");
        if id.len() > MAX_ID_LEN {
            id.truncate(MAX_ID_LEN);
        }
        let id = id.trim_end_matches('-').to_string();
        SchoolId::parse(&id).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SchoolId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SchoolId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        SchoolId::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Checks a school year `YYYY-YYYY` (second year = first + 1) and returns it.
pub fn check_school_year(s: &str) -> Result<&str> {
    let bad = || Error::BadSchoolYear(s.to_string());
    let (a, b) = s.split_once('-').ok_or_else(bad)?;
    let digits = |x: &str| x.len() == 4 && x.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return Err(bad());
    }
    let (a, b): (u32, u32) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
    if b != a + 1 {
        return Err(bad());
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_could_escape_the_folder_are_rejected() {
        for bad in [
            "",
            "..",
            "../x",
            "a/../../b",
            "/etc",
            "\\\\server\\x",
            "C:\\x",
            "a b",
            "a.b",
            ".hidden",
            "-x",
            "Ab",
            "a\0b",
            "é",
            "reports",
        ] {
            assert!(SchoolId::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(SchoolId::parse("obs-de-vuurvlinder_2").unwrap().as_str(), "obs-de-vuurvlinder_2");
        assert!(SchoolId::parse(&"a".repeat(65)).is_err());
    }

    #[test]
    fn ids_from_text_are_escaped_not_trusted() {
        assert_eq!(SchoolId::from_text(&["../../etc/passwd"]).unwrap().as_str(), "etc-passwd");
        assert_eq!(
            SchoolId::from_text(&["OBS De Vuurvlinder", "'s-Gravenhage"]).unwrap().as_str(),
            "obs-de-vuurvlinder-s-gravenhage"
        );
        assert_eq!(SchoolId::from_text(&["Coöperatieve École"]).unwrap().as_str(), "cooperatieve-ecole");
        assert!(SchoolId::from_text(&["../", "/"]).is_none());
        assert!(SchoolId::from_text(&["Reports"]).is_none());
        assert!(SchoolId::from_text(&[&"x ".repeat(80)]).unwrap().as_str().len() <= MAX_ID_LEN);
    }

    #[test]
    fn school_years() {
        assert!(check_school_year("2023-2024").is_ok());
        for bad in ["2023-2025", "2023/2024", "23-24", "../2023-2024", "2023-2024/..", ""] {
            assert!(check_school_year(bad).is_err(), "{bad:?} accepted");
        }
    }
}
