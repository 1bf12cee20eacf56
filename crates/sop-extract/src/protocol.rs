//! What the parent side ([`crate::isolate`], [`crate::worker`]) and the child
//! side ([`crate::child`]) of isolated extraction share: the subcommand and
//! environment variable that start a child, the messages they exchange, the
//! child's flags for a [`Limits`], and how a dead child's stderr and exit
//! status become a reason. Both sides depend on this module; it depends on
//! neither.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;

use serde::{Deserialize, Serialize};
use sop_model::Layout;

use crate::{ExtractError, Limits};

/// The hidden subcommand of the `sop` binary that runs [`crate::child_main`].
pub const CHILD_SUBCOMMAND: &str = "__extract-child";

/// Set (to any value) in the environment of a child that should serve many files.
pub const WORKER_ENV: &str = "SOP_EXTRACT_WORKER";

/// What a child answers for one file: the layout or why there is none.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Reply {
    Layout(Layout),
    Error(ExtractError),
}

/// One file for a worker: a one-line JSON header followed by `len` bytes of
/// the file. The memory limit was set when the worker started.
#[derive(Serialize, Deserialize)]
pub(crate) struct Request {
    pub name: String,
    pub max_bytes: u64,
    pub max_pages: u64,
    pub max_text_bytes: u64,
    pub max_stream_bytes: u64,
    pub timeout_secs: u64,
    pub memory_bytes: u64,
    pub ocr_page_secs: u64,
    pub len: u64,
}

impl Request {
    pub fn new(name: &str, len: usize, limits: &Limits) -> Request {
        Request {
            name: name.to_string(),
            max_bytes: limits.max_bytes,
            max_pages: limits.max_pages,
            max_text_bytes: limits.max_text_bytes,
            max_stream_bytes: limits.max_stream_bytes,
            timeout_secs: limits.timeout.as_secs().max(1),
            memory_bytes: limits.memory_bytes,
            ocr_page_secs: limits.ocr_page_timeout.as_secs().max(1),
            len: len as u64,
        }
    }

    /// The file's limits; the memory limit is the worker's own (`memory_bytes`).
    pub fn limits(&self, memory_bytes: u64) -> Limits {
        Limits {
            max_bytes: self.max_bytes,
            max_pages: self.max_pages,
            max_text_bytes: self.max_text_bytes,
            max_stream_bytes: self.max_stream_bytes,
            timeout: std::time::Duration::from_secs(self.timeout_secs.max(1)),
            memory_bytes,
            ocr_page_timeout: std::time::Duration::from_secs(self.ocr_page_secs.max(1)),
        }
    }
}

/// A worker's answer to one file, after an 8-byte little-endian length.
#[derive(Serialize, Deserialize)]
pub(crate) struct Answer {
    pub reply: Reply,
    /// The worker will not take another file (it could not bound its CPU time).
    pub retire: bool,
}

/// The largest reply taken from a child: the JSON of a layout is a small
/// multiple of its text; more is a runaway child.
pub(crate) fn reply_cap(limits: &Limits) -> u64 {
    limits.max_text_bytes.saturating_mul(64).max(1 << 20)
}

/// Most of a child's stderr kept (its tail), to explain a crash.
pub(crate) const STDERR_CAP: usize = 64 * 1024;

/// Reads a child's stderr to its end, keeping the last [`STDERR_CAP`] bytes
/// in `tail`. Read to the end, never closed early: pdf-extract prints
/// warnings, and a closed stderr makes its printing panic, which would cost
/// the page it was on.
pub(crate) fn drain_stderr(pipe: &mut impl Read, tail: &std::sync::Mutex<Vec<u8>>) {
    let mut chunk = [0u8; 4096];
    while let Ok(n @ 1..) = pipe.read(&mut chunk) {
        let mut buf = tail.lock().unwrap_or_else(|p| p.into_inner());
        buf.extend_from_slice(&chunk[..n]);
        if buf.len() > STDERR_CAP {
            let cut = buf.len() - STDERR_CAP;
            buf.drain(..cut);
        }
    }
}

/// The error for a child that died on `path`, from its stderr and exit status.
pub(crate) fn crashed(path: &str, errors: &[u8], status: std::process::ExitStatus, limits: &Limits) -> ExtractError {
    let path = path.to_string();
    let stderr = String::from_utf8_lossy(errors);
    if stderr.contains("memory allocation") || stderr.contains("out of memory") {
        return out_of_memory(path, limits);
    }
    let how = if stderr.contains("overflowed its stack") {
        "stack overflow, probably a drawing that refers to itself".to_string()
    } else if let Some(sig) = status.signal() {
        match sig {
            24 => "CPU time limit exceeded".to_string(),
            9 => return ExtractError::OutOfMemory { path, how: "killed (signal 9), probably out of memory".into() },
            _ => format!("killed by signal {sig}"),
        }
    } else {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
        format!("exit code {}{}{}", status.code().unwrap_or(-1), if last.is_empty() { "" } else { ": " }, last)
    };
    ExtractError::Crashed { path, how }
}

/// The error for a child that ran out of its address space on `path`.
pub(crate) fn out_of_memory(path: String, limits: &Limits) -> ExtractError {
    ExtractError::OutOfMemory {
        path,
        how: format!("out of memory: over the limit of {} MiB", limits.memory_bytes / (1024 * 1024)),
    }
}

/// The child's command-line flags for `limits`; [`crate::child_main`]'s caller
/// parses them back (the pipeline's `ChildArgs`).
pub(crate) fn child_args(path: &str, limits: &Limits) -> Vec<String> {
    vec![
        "--name".into(),
        path.into(),
        "--max-bytes".into(),
        limits.max_bytes.to_string(),
        "--max-pages".into(),
        limits.max_pages.to_string(),
        "--max-text-bytes".into(),
        limits.max_text_bytes.to_string(),
        "--max-stream-bytes".into(),
        limits.max_stream_bytes.to_string(),
        "--timeout-secs".into(),
        limits.timeout.as_secs().max(1).to_string(),
        "--memory-bytes".into(),
        limits.memory_bytes.to_string(),
        "--ocr-page-secs".into(),
        limits.ocr_page_timeout.as_secs().max(1).to_string(),
    ]
}
