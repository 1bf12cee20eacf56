use std::path::PathBuf;

use thiserror::Error;

/// Everything that can go wrong in the archive. Messages name the file and,
/// where a person can act, what to do.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{}", sop_i18n::t!("archive-io", action = action_key(action), path = path))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", sop_i18n::t!("archive-locked", path = .0))]
    Locked(PathBuf),
    #[error("{}", sop_i18n::t!("archive-none", path = .0))]
    NoArchive(PathBuf),
    #[error("{}", sop_i18n::t!("archive-bad-id", id = id, reason = *reason))]
    BadSchoolId { id: String, reason: &'static str },
    #[error("{}", sop_i18n::t!("archive-bad-year", year = .0))]
    BadSchoolYear(String),
    #[error("{}", sop_i18n::t!("archive-bad-report-name", name = .0))]
    BadReportName(String),
    #[error("{}", sop_i18n::t!("archive-source-mismatch", record = record, actual = actual))]
    SourceMismatch { record: String, actual: String },
    #[error("{}", sop_i18n::t!("archive-bad-bundle", path = path, reason = reason))]
    BadBundle { path: PathBuf, reason: String },
    #[error("{}", sop_i18n::t!("archive-line-error", path = path, line = *line, reason = reason))]
    BadLedger { path: PathBuf, line: usize, reason: String },
    #[error("{}", sop_i18n::t!("archive-damaged", root = root, summary = summary))]
    Damaged { root: PathBuf, summary: String },
    #[error("{}", sop_i18n::t!("archive-read-only"))]
    ReadOnly,
    #[error("{}", sop_i18n::t!("archive-line-error", path = path, line = *line, reason = reason))]
    BadRegistry { path: PathBuf, line: usize, reason: String },
    #[error("{}", sop_i18n::t!("archive-nothing-to-export", school = school, year = year))]
    NothingToExport { school: String, year: String },
    #[error("{}", sop_i18n::t!("archive-json", what = *what))]
    Json {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("{}", sop_i18n::t!("archive-zip", path = path))]
    Zip {
        path: PathBuf,
        #[source]
        source: zip::result::ZipError,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.into();
    move |source| Error::Io { action, path, source }
}

/// An I/O action ("append to", "create (it already exists)") as the
/// catalogue's variant key ("append-to", "create").
fn action_key(action: &str) -> String {
    action.split(" (").next().unwrap_or(action).replace(' ', "-")
}
