use std::path::PathBuf;

use thiserror::Error;

/// Everything that can go wrong in the archive. Messages name the file and,
/// where a person can act, what to do.
#[derive(Debug, Error)]
pub enum Error {
    #[error("cannot {action} `{path}`")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the archive `{0}` is in use by another run; try again when it has finished")]
    Locked(PathBuf),
    #[error("no archive at `{0}`")]
    NoArchive(PathBuf),
    #[error("invalid school id {id:?}: {reason}")]
    BadSchoolId { id: String, reason: &'static str },
    #[error("invalid school year {0:?}: expected YYYY-YYYY with consecutive years, e.g. 2023-2024")]
    BadSchoolYear(String),
    #[error("invalid report name {0:?}: use a plain file name without folders")]
    BadReportName(String),
    #[error("the record says the source has sha256 {record} but the bytes given hash to {actual}")]
    SourceMismatch { record: String, actual: String },
    #[error("`{path}` is not a valid bundle: {reason}")]
    BadBundle { path: PathBuf, reason: String },
    #[error("`{path}` line {line}: {reason}")]
    BadLedger { path: PathBuf, line: usize, reason: String },
    #[error("the archive `{root}` is damaged ({summary}); run `sop verify --archive {root}` for the details and restore from a backup before adding to it")]
    Damaged { root: PathBuf, summary: String },
    #[error("the archive was opened read-only")]
    ReadOnly,
    #[error("`{path}` line {line}: {reason}")]
    BadRegistry { path: PathBuf, line: usize, reason: String },
    #[error("no bundles of school `{school}`{year} in the archive")]
    NothingToExport { school: String, year: String },
    #[error("cannot serialise {what}")]
    Json {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot write zip `{path}`")]
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
