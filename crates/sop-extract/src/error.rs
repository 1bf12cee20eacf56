use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a file yields no layout. Every variant names the file; [`ExtractError::hint`]
/// says what the user can do about it.
///
/// The enum is serialisable because the isolated child reports its failure to
/// the parent as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExtractError {
    #[error("`{path}`: cannot read the file: {reason}")]
    Read { path: String, reason: String },
    #[error("`{path}`: not a PDF (the file looks like {found})")]
    NotPdf { path: String, found: String },
    #[error("`{path}`: the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("`{path}`: damaged PDF that cannot be read ({reason})")]
    Corrupt { path: String, reason: String },
    #[error("`{path}`: the PDF has no pages")]
    NoPages { path: String },
    #[error("`{path}`: the PDF has {pages} pages, over the limit of {limit}")]
    TooManyPages { path: String, pages: u64, limit: u64 },
    #[error("`{path}`: the PDF is protected with a password")]
    Encrypted { path: String },
    #[error("`{path}`: a content stream of page {page} unpacks to more than the limit of {limit} bytes (a decompression bomb, or an unusually heavy page)")]
    StreamTooLarge { path: String, page: u32, limit: u64 },
    #[error("`{path}`: the extracted text is over the limit of {limit} bytes")]
    TextTooLarge { path: String, limit: u64 },
    #[error("`{path}`: extraction took longer than {secs} s and was stopped")]
    Timeout { path: String, secs: u64 },
    #[error("`{path}`: extraction crashed ({how})")]
    Crashed { path: String, how: String },
    /// The child ran out of its address space (or was killed, most likely for it).
    #[error("`{path}`: extraction crashed ({how})")]
    OutOfMemory { path: String, how: String },
    #[error("`{path}`: cannot start the extraction process: {reason}")]
    Spawn { path: String, reason: String },
}

impl ExtractError {
    /// What the user can do about it, in one sentence.
    pub fn hint(&self) -> &'static str {
        match self {
            ExtractError::Read { .. } => "check that the file exists and that you may read it",
            ExtractError::NotPdf { .. } => {
                "open the document in its own program (Word, a browser) and save or print it as PDF, then try again"
            }
            ExtractError::TooLarge { .. } | ExtractError::TooManyPages { .. } | ExtractError::TextTooLarge { .. } => {
                "check that this is the right document; if it is, raise the limit (see `sop extract --help`)"
            }
            ExtractError::StreamTooLarge { .. } => {
                "check that this is the right document; if it is, raise the limit with --max-stream-bytes"
            }
            ExtractError::OutOfMemory { .. } => {
                "check that this is the right document; if it is, raise the memory limit (`sop extract --memory-bytes`, `sop run --max-memory`)"
            }
            ExtractError::Corrupt { .. } | ExtractError::Crashed { .. } => {
                "ask the school for a new copy of the PDF, or open it in a PDF viewer and print it to a new PDF"
            }
            ExtractError::NoPages { .. } => "ask the school for a complete copy of the PDF",
            ExtractError::Encrypted { .. } => "ask the school for a copy without a password",
            ExtractError::Timeout { .. } => {
                "the file may be damaged or very large: ask for a new copy, or raise the limit with --timeout-secs"
            }
            ExtractError::Spawn { .. } => "this is a problem with the installation of `sop`, not with the file",
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            ExtractError::Read { path, .. }
            | ExtractError::NotPdf { path, .. }
            | ExtractError::TooLarge { path, .. }
            | ExtractError::Corrupt { path, .. }
            | ExtractError::NoPages { path }
            | ExtractError::TooManyPages { path, .. }
            | ExtractError::Encrypted { path }
            | ExtractError::TextTooLarge { path, .. }
            | ExtractError::StreamTooLarge { path, .. }
            | ExtractError::Timeout { path, .. }
            | ExtractError::Crashed { path, .. }
            | ExtractError::OutOfMemory { path, .. }
            | ExtractError::Spawn { path, .. } => path,
        }
    }

    /// What kind of failure this is: what callers decide on (never the message).
    pub fn kind(&self) -> ErrorKind {
        match self {
            ExtractError::Read { .. } => ErrorKind::Read,
            ExtractError::NotPdf { .. } => ErrorKind::NotPdf,
            ExtractError::TooLarge { .. } | ExtractError::StreamTooLarge { .. } | ExtractError::TextTooLarge { .. } => {
                ErrorKind::TooLarge
            }
            ExtractError::TooManyPages { .. } => ErrorKind::TooManyPages,
            ExtractError::Corrupt { .. } => ErrorKind::Damaged,
            ExtractError::NoPages { .. } => ErrorKind::NoPages,
            ExtractError::Encrypted { .. } => ErrorKind::Encrypted,
            ExtractError::Timeout { .. } => ErrorKind::Timeout,
            ExtractError::Crashed { .. } | ExtractError::OutOfMemory { .. } => ErrorKind::Crashed,
            ExtractError::Spawn { .. } => ErrorKind::Tool,
        }
    }
}

/// The kinds of [`ExtractError`], each with a stable [`code`](ErrorKind::code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The file could not be read.
    Read,
    NotPdf,
    /// Over a size limit: the file, one stream or the text.
    TooLarge,
    TooManyPages,
    Damaged,
    NoPages,
    Encrypted,
    Timeout,
    /// The extraction process died (out of memory included).
    Crashed,
    /// The extraction process could not be started: the installation, not the file.
    Tool,
}

impl ErrorKind {
    /// Every kind, for tables and tests.
    pub const ALL: [ErrorKind; 10] = [
        ErrorKind::Read,
        ErrorKind::NotPdf,
        ErrorKind::TooLarge,
        ErrorKind::TooManyPages,
        ErrorKind::Damaged,
        ErrorKind::NoPages,
        ErrorKind::Encrypted,
        ErrorKind::Timeout,
        ErrorKind::Crashed,
        ErrorKind::Tool,
    ];

    /// The stable code kept with a document that could not be read (the
    /// archive's `unread.json` `code`, the run report); scripts rely on it.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Read => "read_error",
            ErrorKind::NotPdf => "not_pdf",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::TooManyPages => "too_many_pages",
            ErrorKind::Damaged => "damaged",
            ErrorKind::NoPages => "no_pages",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Crashed => "crashed",
            ErrorKind::Tool => "tool_error",
        }
    }
}
