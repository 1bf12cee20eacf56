//! What goes into a batch: the files of an inbox folder and the rows of a
//! sources CSV (`school_id,url[,name][,brin]`).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use sop_i18n::t;

/// One document to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// How the document is named in the report: its path or URL.
    pub label: String,
    pub kind: InputKind,
    /// The school a sources row names; `None` for inbox files (the archive
    /// identifies those from the record and the registry).
    pub school: Option<SourceSchool>,
    /// For inbox files: the names of the folders it is in (nearest first) and
    /// its file stem. When the document itself does not say which school it
    /// is, one of these that is a registry id does (staff sort such files
    /// into a folder named after the school).
    pub path_hints: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    File(PathBuf),
    Url(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSchool {
    pub id: String,
    pub name: Option<String>,
    pub brin: Option<String>,
}

/// Every file under `dir`, sorted by path, hidden files and folders skipped.
/// File names do not matter: what a file is, is decided from its bytes.
pub fn inbox(dir: &Path) -> Result<Vec<Input>> {
    let mut files = Vec::new();
    walk(dir, &mut files).with_context(|| t!("inbox-cannot-read", path = dir.display()))?;
    files.sort();
    Ok(files
        .into_iter()
        .map(|path| {
            let path_hints = path_hints(dir, &path);
            Input { label: path.display().to_string(), kind: InputKind::File(path), school: None, path_hints }
        })
        .collect())
}

fn path_hints(root: &Path, path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut hints: Vec<String> = rel
        .parent()
        .into_iter()
        .flat_map(|p| p.components().rev())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(stem) = path.file_stem() {
        hints.push(stem.to_string_lossy().into_owned());
    }
    hints
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, files)?;
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            files.push(path);
        }
    }
    Ok(())
}

/// The rows of a sources CSV. The header names the columns; `school_id` and
/// `url` are required, `name` and `brin` optional, others ignored.
pub fn sources(path: &Path) -> Result<Vec<Input>> {
    let file = std::fs::File::open(path).with_context(|| t!("sources-cannot-read", path = path.display()))?;
    sources_from(file, path)
}

pub fn sources_from(reader: impl std::io::Read, path: &Path) -> Result<Vec<Input>> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(reader);
    let headers = csv.headers().with_context(|| t!("sources-not-csv", path = path.display()))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name));
    let (Some(id_col), Some(url_col)) = (col("school_id"), col("url")) else {
        bail!(t!("sources-no-header", path = path.display(), found = headers.iter().collect::<Vec<_>>().join(", ")));
    };
    let (name_col, brin_col) = (col("name"), col("brin"));
    let mut out = Vec::new();
    for (n, row) in csv.records().enumerate() {
        let line = n + 2;
        let row = row.with_context(|| t!("sources-line-unreadable", path = path.display(), line = line))?;
        let get =
            |c: Option<usize>| c.and_then(|c| row.get(c)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        if row.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let (Some(id), Some(url)) = (get(Some(id_col)), get(Some(url_col))) else {
            bail!(t!("sources-line-incomplete", path = path.display(), line = line));
        };
        out.push(Input {
            label: url.clone(),
            kind: InputKind::Url(url),
            school: Some(SourceSchool { id, name: get(name_col), brin: get(brin_col) }),
            path_hints: Vec::new(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_take_columns_by_name() {
        let csv = "name,url,school_id,brin\nBS Het Kristal, https://example.org/sop.pdf ,kristal,\n\n,https://example.org/b.pdf,jeroen,12AB\n";
        let got = sources_from(csv.as_bytes(), Path::new("s.csv")).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].kind, InputKind::Url("https://example.org/sop.pdf".into()));
        assert_eq!(
            got[0].school,
            Some(SourceSchool { id: "kristal".into(), name: Some("BS Het Kristal".into()), brin: None })
        );
        assert_eq!(got[1].school.as_ref().unwrap().brin.as_deref(), Some("12AB"));
        assert_eq!(got[1].school.as_ref().unwrap().name, None);
    }

    #[test]
    fn sources_without_the_required_columns_say_which() {
        let err = sources_from("id,link\nx,y\n".as_bytes(), Path::new("s.csv")).unwrap_err().to_string();
        assert!(err.contains("`s.csv`") && err.contains("school_id") && err.contains("id, link"), "{err}");
        let err = sources_from("school_id,url\nx,\n".as_bytes(), Path::new("s.csv")).unwrap_err().to_string();
        assert!(err.contains("regel 2"), "{err}");
    }

    #[test]
    fn inbox_lists_every_visible_file_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b-school")).unwrap();
        std::fs::write(dir.path().join("b-school/SOP 2024 (def).PDF"), b"x").unwrap();
        std::fs::write(dir.path().join("a.txt"), b"x").unwrap();
        std::fs::write(dir.path().join(".DS_Store"), b"x").unwrap();
        let got = inbox(dir.path()).unwrap();
        let kinds: Vec<_> = got.iter().map(|i| i.kind.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                InputKind::File(dir.path().join("a.txt")),
                InputKind::File(dir.path().join("b-school/SOP 2024 (def).PDF"))
            ]
        );
        assert_eq!(got[0].path_hints, vec!["a".to_string()]);
        assert_eq!(got[1].path_hints, vec!["b-school".to_string(), "SOP 2024 (def)".to_string()]);
    }
}
