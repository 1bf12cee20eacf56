//! The holding area, `ontvangen/<school-year>/`: documents that were received
//! but could not be tied to a school. Each is kept byte for byte as
//! `<sha256>.<ext>` beside a small info file `<sha256>.info.json` (its
//! original name, when it came, why it is held); a ledger line of kind
//! `held` records the info file. `sop assign` later files such a document
//! under a school as a normal bundle; the held files stay where they are.

use serde::{Deserialize, Serialize};

use crate::bundle::Unread;

/// The folder of the holding area under the archive root.
pub const HELD_DIR: &str = "ontvangen";
/// The value of [`HeldInfo::format`].
pub const HELD_FORMAT: &str = "sop-held/1";
const INFO_SUFFIX: &str = ".info.json";

/// What `<sha256>.info.json` says about a held document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldInfo {
    /// Always [`HELD_FORMAT`].
    pub format: String,
    pub sha256: String,
    pub bytes: u64,
    /// The held file's name beside this one: `<sha256>.<ext>`.
    pub file: String,
    /// The name it came with (data only, never a path).
    pub filename: String,
    pub media_type: String,
    /// The school year of the run that received it.
    pub school_year: String,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub received: String,
    pub received_unix: i64,
    /// Where it came from: the inbox path or URL.
    pub origin: String,
    /// Why it could not be tied to a school.
    pub reason: Unread,
    /// Why it could not be read, when it could not.
    pub unread: Option<Unread>,
    pub tool_version: String,
}

/// The extension a held file gets: `pdf` for a PDF, else the original's
/// extension when it is short and plain, else `txt` for text or `bin`.
pub fn extension(media_type: &str, filename: &str) -> String {
    if media_type == "application/pdf" {
        return "pdf".into();
    }
    let ext = filename.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if !ext.is_empty() && ext.len() <= 10 && ext.bytes().all(|b| b.is_ascii_alphanumeric()) && ext != "json" {
        return ext;
    }
    if media_type == "text/plain" { "txt" } else { "bin" }.into()
}

/// `ontvangen/<year>/<sha256>.info.json`
pub fn info_path(year: &str, sha256: &str) -> String {
    format!("{HELD_DIR}/{year}/{sha256}{INFO_SUFFIX}")
}

/// `ontvangen/<year>/<sha256>.<ext>`
pub fn file_path(year: &str, file: &str) -> String {
    format!("{HELD_DIR}/{year}/{file}")
}

fn is_sha(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The sha256 in an info file name, if it is one.
pub fn parse_info_name(name: &str) -> Option<&str> {
    name.strip_suffix(INFO_SUFFIX).filter(|s| is_sha(s))
}

/// The sha256 and extension of a held file name, if it is one.
pub fn parse_file_name(name: &str) -> Option<(&str, &str)> {
    let (sha, ext) = name.split_once('.')?;
    let ok = is_sha(sha) && !ext.is_empty() && ext.len() <= 10 && ext.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then_some((sha, ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_never_carry_a_path_or_collide_with_the_info_file() {
        assert_eq!(extension("application/pdf", "SOP.docx"), "pdf");
        assert_eq!(extension("application/octet-stream", "SOP 2024.DOCX"), "docx");
        assert_eq!(extension("text/plain", "notes"), "txt");
        assert_eq!(extension("application/octet-stream", "../../x.p/df"), "bin");
        assert_eq!(extension("text/plain", "x.json"), "txt");
        assert_eq!(extension("application/octet-stream", "x.verylongextension"), "bin");
        let sha = "a".repeat(64);
        assert_eq!(parse_file_name(&format!("{sha}.pdf")), Some((sha.as_str(), "pdf")));
        assert_eq!(parse_file_name(&format!("{sha}.info.json")), None);
        assert_eq!(parse_info_name(&format!("{sha}.info.json")), Some(sha.as_str()));
        assert_eq!(parse_info_name("x.info.json"), None);
    }
}
