//! Isolated extraction of many files by long-lived child processes.
//!
//! Starting a process per file costs more than a small school PDF takes to
//! extract, so [`Extractor`] keeps a worker child per concurrent caller: the
//! same binary and subcommand as [`crate::extract_isolated`], told by the
//! environment variable [`WORKER_ENV`] to serve files one after another
//! (the child side is [`crate::child`]).
//! Isolation stays per file:
//! - the worker limits its address space once (the memory limit) and, before
//!   each file, its CPU time to what it used so far plus that file's time
//!   limit, so a runaway file still dies on its own;
//! - the parent enforces each file's wall-clock limit and kills the worker
//!   when it is exceeded; a worker that dies (stack overflow, out of memory,
//!   signal) costs the file it was working on, with the cause read from its
//!   stderr, and the next file gets a fresh worker;
//! - a worker is retired after [`MAX_FILES_PER_WORKER`] files, so what one
//!   file leaves behind in the allocator cannot pile up.
//!
//! Protocol ([`crate::protocol`]): the parent writes a one-line JSON header
//! (`Request`) and the file's bytes; the worker answers with an 8-byte
//! little-endian length and a JSON `Answer`. End of input ends the worker.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sop_model::Layout;
use wait_timeout::ChildExt;

use crate::protocol::{
    child_args, crashed, drain_stderr, reply_cap, Answer, Reply, Request, CHILD_SUBCOMMAND, WORKER_ENV,
};
use crate::{check_input, ExtractError, Limits};

/// Files one worker extracts before it is replaced by a fresh one.
pub const MAX_FILES_PER_WORKER: usize = 32;

/// Extracts files in child processes, like [`crate::extract_isolated`], but
/// reuses a child for many files (see the module docs). Safe to share between
/// threads: each concurrent call gets its own worker.
pub struct Extractor {
    exe: PathBuf,
    reuse: bool,
    idle: Mutex<Vec<Worker>>,
}

impl Extractor {
    /// Workers started from `exe` (normally `std::env::current_exe()`), whose
    /// CLI routes [`CHILD_SUBCOMMAND`] to [`crate::child_main`].
    pub fn new(exe: impl Into<PathBuf>) -> Extractor {
        Extractor { exe: exe.into(), reuse: true, idle: Mutex::new(Vec::new()) }
    }

    /// One child per file, exactly [`crate::extract_isolated`]: for a child
    /// program that only speaks the one-file protocol (a test stand-in).
    pub fn one_per_file(exe: impl Into<PathBuf>) -> Extractor {
        Extractor { exe: exe.into(), reuse: false, idle: Mutex::new(Vec::new()) }
    }

    /// Extracts the PDF `bytes` (called `name` in errors) under `limits`;
    /// every failure, including a crash or a hang of the worker, is an
    /// [`ExtractError`] about this file. The bytes go to the worker over its
    /// stdin: the file is not read again.
    pub fn extract_bytes(&self, name: &str, bytes: &[u8], limits: &Limits) -> Result<Layout, ExtractError> {
        if !self.reuse {
            return crate::extract_isolated(&self.exe, name, bytes, limits);
        }
        check_input(name, bytes, limits)?;
        let spawn_err = |e: std::io::Error| ExtractError::Spawn { path: name.to_string(), reason: e.to_string() };
        // An idle worker that died in between is not this file's fault: one
        // more try with a fresh worker.
        let mut reused = false;
        let mut worker = match self.take_idle(limits.memory_bytes) {
            Some(w) => {
                reused = true;
                w
            }
            None => Worker::spawn(&self.exe, limits).map_err(spawn_err)?,
        };
        loop {
            match worker.extract(name, bytes, limits) {
                Outcome::Done(result, keep) => {
                    if keep {
                        self.idle.lock().unwrap_or_else(|p| p.into_inner()).push(worker);
                    }
                    return result;
                }
                Outcome::Gone(e) if reused => {
                    tracing::debug!("an idle extraction worker was gone ({e}); starting a fresh one");
                    reused = false;
                    worker = Worker::spawn(&self.exe, limits).map_err(spawn_err)?;
                }
                Outcome::Gone(e) => return Err(e),
            }
        }
    }

    fn take_idle(&self, memory_bytes: u64) -> Option<Worker> {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        let at = idle.iter().position(|w| w.memory_bytes == memory_bytes)?;
        Some(idle.swap_remove(at))
    }
}

enum Outcome {
    /// The file's result, and whether the worker may take another file.
    Done(Result<Layout, ExtractError>, bool),
    /// The worker died before it read the request.
    Gone(ExtractError),
}

struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    answers: Receiver<Vec<u8>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    stderr_thread: Option<std::thread::JoinHandle<()>>,
    memory_bytes: u64,
    served: usize,
}

impl Worker {
    fn spawn(exe: &Path, limits: &Limits) -> std::io::Result<Worker> {
        let mut child = Command::new(exe)
            .arg(CHILD_SUBCOMMAND)
            .args(child_args("<worker>", limits))
            .env("RUST_BACKTRACE", "0")
            .env(WORKER_ENV, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let missing = |what: &str| std::io::Error::other(format!("no {what}"));
        let stdin = child.stdin.take().ok_or_else(|| missing("stdin"))?;
        let mut stdout = child.stdout.take().ok_or_else(|| missing("stdout"))?;
        let mut err_pipe = child.stderr.take().ok_or_else(|| missing("stderr"))?;
        let answer_cap = reply_cap(limits);
        let (tx, answers) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut len = [0u8; 8];
            if stdout.read_exact(&mut len).is_err() {
                return;
            }
            let len = u64::from_le_bytes(len);
            if len > answer_cap {
                return;
            }
            let mut buf = Vec::new();
            if (&mut stdout).take(len).read_to_end(&mut buf).is_err()
                || buf.len() as u64 != len
                || tx.send(buf).is_err()
            {
                return;
            }
        });
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&stderr);
        let stderr_thread = std::thread::spawn(move || drain_stderr(&mut err_pipe, &sink));
        Ok(Worker {
            child,
            stdin: Some(stdin),
            answers,
            stderr,
            stderr_thread: Some(stderr_thread),
            memory_bytes: limits.memory_bytes,
            served: 0,
        })
    }

    fn extract(&mut self, path: &str, bytes: &[u8], limits: &Limits) -> Outcome {
        self.stderr.lock().unwrap_or_else(|p| p.into_inner()).clear();
        let request = Request::new(path, bytes.len(), limits);
        let mut header = serde_json::to_vec(&request).unwrap_or_default();
        header.push(b'\n');
        let Some(stdin) = self.stdin.as_mut() else {
            return Outcome::Gone(ExtractError::Spawn { path: path.into(), reason: "the worker has no input".into() });
        };
        // Written from a thread: a worker that hangs before reading would
        // block the write, and the time limit must still apply.
        let (sent, answer) = std::thread::scope(|s| {
            let writer =
                s.spawn(|| stdin.write_all(&header).and_then(|()| stdin.write_all(bytes)).and_then(|()| stdin.flush()));
            let answer = self.answers.recv_timeout(limits.timeout);
            if matches!(answer, Err(RecvTimeoutError::Timeout)) {
                let _ = self.child.kill();
            }
            (writer.join().unwrap_or_else(|_| Err(std::io::Error::other("writer panicked"))), answer)
        });
        match answer {
            Ok(frame) => {
                self.served += 1;
                match serde_json::from_slice::<Answer>(&frame) {
                    Ok(a) => {
                        let keep = !a.retire && self.served < MAX_FILES_PER_WORKER;
                        let result = match a.reply {
                            Reply::Layout(layout) => Ok(layout),
                            Reply::Error(e) => Err(e),
                        };
                        Outcome::Done(result, keep)
                    }
                    Err(e) => Outcome::Done(
                        Err(ExtractError::Crashed {
                            path: path.into(),
                            how: format!("unreadable reply from the extraction process: {e}"),
                        }),
                        false,
                    ),
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                Outcome::Done(Err(ExtractError::Timeout { path: path.into(), secs: limits.timeout.as_secs() }), false)
            }
            Err(RecvTimeoutError::Disconnected) => {
                // The worker died: wait for it (briefly; a child that closed
                // its output but lingers is killed) and say why.
                let status = match self.child.wait_timeout(Duration::from_secs(2)) {
                    Ok(Some(status)) => Ok(status),
                    _ => {
                        let _ = self.child.kill();
                        self.child.wait()
                    }
                };
                if let Some(t) = self.stderr_thread.take() {
                    let _ = t.join();
                }
                let errors = self.stderr.lock().unwrap_or_else(|p| p.into_inner()).clone();
                let e = match status {
                    Ok(status) => crashed(path, &errors, status, limits),
                    Err(e) => ExtractError::Crashed {
                        path: path.into(),
                        how: format!("the extraction process was lost: {e}"),
                    },
                };
                if sent.is_err() {
                    // It never read the file: nothing about the file made it die.
                    Outcome::Gone(e)
                } else {
                    Outcome::Done(Err(e), false)
                }
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // End of input ends a healthy worker; kill covers any other.
        drop(self.stdin.take());
        if !matches!(self.child.wait_timeout(Duration::from_millis(200)), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
