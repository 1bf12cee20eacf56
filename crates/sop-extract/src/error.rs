use serde::{Deserialize, Serialize};
use sop_i18n::t;

/// Why a file yields no layout. Every variant names the file; [`ExtractError::hint`]
/// says what the user can do about it.
///
/// The enum is serialisable because the isolated child reports its failure to
/// the parent as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExtractError {
    Read {
        path: String,
        reason: String,
    },
    NotPdf {
        path: String,
        found: String,
    },
    TooLarge {
        path: String,
        size: u64,
        limit: u64,
    },
    Corrupt {
        path: String,
        reason: String,
    },
    NoPages {
        path: String,
    },
    TooManyPages {
        path: String,
        pages: u64,
        limit: u64,
    },
    Encrypted {
        path: String,
    },
    StreamTooLarge {
        path: String,
        page: u32,
        limit: u64,
    },
    TextTooLarge {
        path: String,
        limit: u64,
    },
    Timeout {
        path: String,
        secs: u64,
    },
    Crashed {
        path: String,
        how: String,
    },
    /// The child ran out of its address space (or was killed, most likely for it).
    OutOfMemory {
        path: String,
        how: String,
    },
    Spawn {
        path: String,
        reason: String,
    },
}

impl ExtractError {
    /// What the user can do about it, in one sentence (in the current language).
    pub fn hint(&self) -> String {
        match self {
            ExtractError::Read { .. } => t!("extract-hint-read"),
            ExtractError::NotPdf { .. } => t!("extract-hint-not-pdf"),
            ExtractError::TooLarge { .. } | ExtractError::TooManyPages { .. } | ExtractError::TextTooLarge { .. } => {
                t!("extract-hint-too-large")
            }
            ExtractError::StreamTooLarge { .. } => t!("extract-hint-stream-too-large"),
            ExtractError::OutOfMemory { .. } => t!("extract-hint-out-of-memory"),
            ExtractError::Corrupt { .. } | ExtractError::Crashed { .. } => t!("extract-hint-corrupt"),
            ExtractError::NoPages { .. } => t!("extract-hint-no-pages"),
            ExtractError::Encrypted { .. } => t!("extract-hint-encrypted"),
            ExtractError::Timeout { .. } => t!("extract-hint-timeout"),
            ExtractError::Spawn { .. } => t!("extract-hint-spawn"),
        }
    }

    /// The technical detail behind the message (a library's own words, in
    /// English), when there is one: for `-v` and for the archive's
    /// `unread.json`, not for the sentence a person reads first.
    pub fn detail(&self) -> Option<&str> {
        match self {
            ExtractError::Read { reason, .. }
            | ExtractError::Corrupt { reason, .. }
            | ExtractError::Spawn { reason, .. } => Some(reason),
            ExtractError::Crashed { how, .. } | ExtractError::OutOfMemory { how, .. } => Some(how),
            _ => None,
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

/// What a file that is not a PDF looks like, from [`crate::Looks::describe`]'s
/// words (or "not text"), in the current language.
pub fn looks_like(found: &str) -> String {
    match found {
        "an empty file" => t!("looks-like-empty"),
        "a Word (.docx) or other zipped Office document" => t!("looks-like-docx"),
        "an old Word (.doc) or other Office document" => t!("looks-like-doc"),
        "a web page (HTML)" => t!("looks-like-html"),
        "an RTF document" => t!("looks-like-rtf"),
        "an image" => t!("looks-like-image"),
        "not text" => t!("looks-like-binary"),
        _ => t!("looks-like-other"),
    }
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = match self {
            ExtractError::Read { path, reason } => t!("extract-read", path = path, reason = reason_text(reason)),
            ExtractError::NotPdf { path, found } => t!("extract-not-pdf", path = path, found = looks_like(found)),
            ExtractError::TooLarge { path, size, limit } => {
                t!("extract-too-large", path = path, size = size, limit = limit)
            }
            ExtractError::Corrupt { path, .. } => t!("extract-corrupt", path = path),
            ExtractError::NoPages { path } => t!("extract-no-pages", path = path),
            ExtractError::TooManyPages { path, pages, limit } => {
                t!("extract-too-many-pages", path = path, pages = pages, limit = limit)
            }
            ExtractError::Encrypted { path } => t!("extract-encrypted", path = path),
            ExtractError::StreamTooLarge { path, page, limit } => {
                t!("extract-stream-too-large", path = path, page = page, limit = limit)
            }
            ExtractError::TextTooLarge { path, limit } => t!("extract-text-too-large", path = path, limit = limit),
            ExtractError::Timeout { path, secs } => t!("extract-timeout", path = path, secs = secs),
            ExtractError::OutOfMemory { path, .. } => t!("extract-out-of-memory", path = path),
            ExtractError::Crashed { path, .. } => t!("extract-crashed", path = path),
            ExtractError::Spawn { path, .. } => t!("extract-spawn", path = path),
        };
        f.write_str(&s)
    }
}

impl std::error::Error for ExtractError {}

/// An operating-system reason as the system words it ("No such file or
/// directory (os error 2)") back to its kind, in the current language.
fn reason_text(reason: &str) -> String {
    use std::io::ErrorKind as K;
    let kind = if reason.contains("os error 2)") {
        K::NotFound
    } else if reason.contains("os error 13)") {
        K::PermissionDenied
    } else if reason.contains("os error 21)") {
        K::IsADirectory
    } else {
        K::Other
    };
    sop_i18n::io_error(&std::io::Error::new(kind, reason.to_string()))
}
