//! Extraction in a child process: the parent spawns the same binary with the
//! hidden subcommand [`CHILD_SUBCOMMAND`], writes the file to its stdin and
//! reads one JSON reply from its stdout. The child limits its own address
//! space and CPU time before it reads a byte; the parent enforces the
//! wall-clock limit and kills the child when it is exceeded.
//!
//! Why a process and not `catch_unwind`: a self-referencing drawing overflows
//! the stack and a decompression bomb exhausts memory, and both abort the
//! whole process. In a child they cost one file.

use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};
use sop_model::Layout;
use wait_timeout::ChildExt;

use crate::{extract_pdf, glyphs::panic_message, sniff_not_pdf, ExtractError, Limits};

/// The hidden subcommand of the `sop` binary that runs [`child_main`].
pub const CHILD_SUBCOMMAND: &str = "__extract-child";

/// What the child writes to stdout.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Reply {
    Layout(Layout),
    Error(ExtractError),
}

/// Extracts `input` in a child process started from `exe` (normally
/// `std::env::current_exe()`, whose CLI must route [`CHILD_SUBCOMMAND`] and
/// its flags to [`child_main`]). Safe to call from many threads at once.
pub fn extract_isolated(exe: &Path, input: &Path, limits: &Limits) -> Result<Layout, ExtractError> {
    let (path, bytes) = read_input(input, limits)?;
    let spawn_err = |e: std::io::Error| ExtractError::Spawn { path: path.clone(), reason: e.to_string() };
    let mut child = Command::new(exe)
        .arg(CHILD_SUBCOMMAND)
        .args(child_args(&path, limits))
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_err)?;
    let mut stdin = child.stdin.take().ok_or_else(|| spawn_err(std::io::Error::other("no stdin")))?;
    let mut stdout = child.stdout.take().ok_or_else(|| spawn_err(std::io::Error::other("no stdout")))?;
    let mut stderr = child.stderr.take().ok_or_else(|| spawn_err(std::io::Error::other("no stderr")))?;
    // The JSON of a layout is a small multiple of its text; more is a runaway child.
    let reply_cap = limits.max_text_bytes.saturating_mul(64).max(1 << 20);
    let (reply, errors, status) = std::thread::scope(|s| {
        // A child that dies early closes its stdin: that write error is not the news.
        s.spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
        let out = s.spawn(move || {
            let mut buf = Vec::new();
            let _ = (&mut stdout).take(reply_cap).read_to_end(&mut buf);
            buf
        });
        let err = s.spawn(move || {
            let tail = std::sync::Mutex::new(Vec::new());
            drain_stderr(&mut stderr, &tail);
            tail.into_inner().unwrap_or_else(|p| p.into_inner())
        });
        let status = match child.wait_timeout(limits.timeout) {
            Ok(Some(status)) => Ok(status),
            Ok(None) | Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(())
            }
        };
        (out.join().unwrap_or_default(), err.join().unwrap_or_default(), status)
    });
    let Ok(status) = status else {
        return Err(ExtractError::Timeout { path, secs: limits.timeout.as_secs() });
    };
    if status.success() {
        return match serde_json::from_slice::<Reply>(&reply) {
            Ok(Reply::Layout(layout)) => Ok(layout),
            Ok(Reply::Error(e)) => Err(e),
            Err(e) => {
                Err(ExtractError::Crashed { path, how: format!("unreadable reply from the extraction process: {e}") })
            }
        };
    }
    Err(ExtractError::Crashed { path, how: crash_cause(&errors, status, limits) })
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

/// The file's name for messages and its bytes, after the checks that need no
/// child: size and file type.
pub(crate) fn read_input(input: &Path, limits: &Limits) -> Result<(String, Vec<u8>), ExtractError> {
    let path = input.display().to_string();
    let read_err = |e: std::io::Error| ExtractError::Read { path: path.clone(), reason: e.to_string() };
    let size = std::fs::metadata(input).map_err(read_err)?.len();
    if size > limits.max_bytes {
        return Err(ExtractError::TooLarge { path, size, limit: limits.max_bytes });
    }
    let bytes = std::fs::read(input).map_err(read_err)?;
    if let Some(found) = sniff_not_pdf(&bytes) {
        return Err(ExtractError::NotPdf { path, found: found.into() });
    }
    Ok((path, bytes))
}

/// Why a child died, from its stderr and exit status.
pub(crate) fn crash_cause(errors: &[u8], status: std::process::ExitStatus, limits: &Limits) -> String {
    let stderr = String::from_utf8_lossy(errors);
    if stderr.contains("memory allocation") || stderr.contains("out of memory") {
        format!("out of memory: over the limit of {} MiB", limits.memory_bytes / (1024 * 1024))
    } else if stderr.contains("overflowed its stack") {
        "stack overflow, probably a drawing that refers to itself".to_string()
    } else if let Some(sig) = status.signal() {
        match sig {
            24 => "CPU time limit exceeded".to_string(),
            9 => "killed (signal 9), probably out of memory".to_string(),
            _ => format!("killed by signal {sig}"),
        }
    } else {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
        format!("exit code {}{}{}", status.code().unwrap_or(-1), if last.is_empty() { "" } else { ": " }, last)
    }
}

/// The child's command-line flags for `limits`; [`child_main`]'s caller parses
/// them back (the pipeline's `ChildArgs`).
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

/// The child side: limits this process, reads the PDF from stdin, writes one
/// JSON reply to stdout. Returns the process exit code: 0 when a reply was
/// written (an [`ExtractError`] reply included).
pub fn child_main(name: &str, limits: &Limits) -> i32 {
    // Limits before any input is touched. The CPU limit is a backstop: the
    // parent's wall clock normally fires first.
    let _ = rlimit::setrlimit(rlimit::Resource::AS, limits.memory_bytes, limits.memory_bytes);
    // Panics are caught and reported in the reply; the default hook would
    // only add noise on stderr.
    std::panic::set_hook(Box::new(|_| {}));
    if std::env::var_os(crate::worker::WORKER_ENV).is_some() {
        return crate::worker::serve(limits);
    }
    let cpu = limits.timeout.as_secs().max(1) + 1;
    let _ = rlimit::setrlimit(rlimit::Resource::CPU, cpu, cpu);
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().take(limits.max_bytes + 1).read_to_end(&mut bytes) {
        // The parent wrote the file to the pipe; failing to take it in is
        // the child's memory limit, not a missing or unreadable file.
        let err = if e.kind() == std::io::ErrorKind::OutOfMemory {
            ExtractError::Crashed {
                path: name.into(),
                how: format!("out of memory: over the limit of {} MiB", limits.memory_bytes >> 20),
            }
        } else {
            ExtractError::Read { path: name.into(), reason: e.to_string() }
        };
        return reply(&Reply::Error(err));
    }
    let result = std::panic::catch_unwind(|| extract_pdf(name, &bytes, limits));
    let r = match result {
        Ok(Ok(layout)) => Reply::Layout(layout),
        Ok(Err(e)) => Reply::Error(e),
        Err(p) => {
            Reply::Error(ExtractError::Crashed { path: name.into(), how: format!("panic: {}", panic_message(&p)) })
        }
    };
    reply(&r)
}

fn reply(r: &Reply) -> i32 {
    // One write: stdout's line buffer would pass the newline-free JSON on in
    // 1 KiB pieces, a system call each.
    let Ok(json) = serde_json::to_vec(r) else { return 3 };
    let mut out = std::io::stdout().lock();
    match out.write_all(&json).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(_) => 3,
    }
}
