//! Extraction in a child process, one file per child: the parent spawns the
//! same binary with the hidden subcommand [`CHILD_SUBCOMMAND`], writes the
//! file's bytes to its stdin and reads one JSON reply from its stdout. The
//! child ([`crate::child`]) limits its own address space and CPU time before
//! it reads a byte; the parent enforces the wall-clock limit and kills the
//! child when it is exceeded.
//!
//! Why a process and not `catch_unwind`: a self-referencing drawing overflows
//! the stack and a decompression bomb exhausts memory, and both abort the
//! whole process. In a child they cost one file.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use sop_model::Layout;
use wait_timeout::ChildExt;

use crate::protocol::{child_args, crashed, drain_stderr, reply_cap, Reply, CHILD_SUBCOMMAND};
use crate::{check_input, ExtractError, Limits};

/// Extracts the PDF `bytes` (called `name` in errors) in a child process
/// started from `exe` (normally `std::env::current_exe()`, whose CLI must
/// route [`CHILD_SUBCOMMAND`] and its flags to [`crate::child_main`]). The
/// checks that need no child (size, file type) are made here first. Safe to
/// call from many threads at once.
pub fn extract_isolated(exe: &Path, name: &str, bytes: &[u8], limits: &Limits) -> Result<Layout, ExtractError> {
    check_input(name, bytes, limits)?;
    let path = name.to_string();
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
    let cap = reply_cap(limits);
    let (reply, errors, status) = std::thread::scope(|s| {
        // A child that dies early closes its stdin: that write error is not the news.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        let out = s.spawn(move || {
            let mut buf = Vec::new();
            let _ = (&mut stdout).take(cap).read_to_end(&mut buf);
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
    Err(crashed(&path, &errors, status, limits))
}
