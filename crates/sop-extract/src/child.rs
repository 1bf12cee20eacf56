//! The child side of isolated extraction, `sop __extract-child`: it limits
//! its own address space (and CPU time) before it reads a byte, takes the
//! file's bytes from stdin and writes its [`Reply`] to stdout. With
//! [`WORKER_ENV`] set it serves file after file (see [`crate::worker`]).

use std::io::{BufRead, Read, Write};

use crate::glyphs::panic_message;
use crate::protocol::{out_of_memory, Answer, Reply, Request, WORKER_ENV};
use crate::{extract_pdf, ExtractError, Limits};

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
    if std::env::var_os(WORKER_ENV).is_some() {
        return serve(limits);
    }
    let cpu = limits.timeout.as_secs().max(1) + 1;
    let _ = rlimit::setrlimit(rlimit::Resource::CPU, cpu, cpu);
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().take(limits.max_bytes + 1).read_to_end(&mut bytes) {
        // The parent wrote the file to the pipe; failing to take it in is
        // the child's memory limit, not a missing or unreadable file.
        let err = if e.kind() == std::io::ErrorKind::OutOfMemory {
            out_of_memory(name.into(), limits)
        } else {
            ExtractError::Read { path: name.into(), reason: e.to_string() }
        };
        return reply(&Reply::Error(err));
    }
    reply(&extract_caught(name, &bytes, limits))
}

/// [`extract_pdf`] with a panic turned into a [`ExtractError::Crashed`].
fn extract_caught(name: &str, bytes: &[u8], limits: &Limits) -> Reply {
    match std::panic::catch_unwind(|| extract_pdf(name, bytes, limits)) {
        Ok(Ok(layout)) => Reply::Layout(layout),
        Ok(Err(e)) => Reply::Error(e),
        Err(p) => {
            Reply::Error(ExtractError::Crashed { path: name.into(), how: format!("panic: {}", panic_message(&p)) })
        }
    }
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

/// The worker side ([`child_main`] with [`WORKER_ENV`] set): files from
/// stdin, answers to stdout, until end of input. The address-space limit is
/// already set; the CPU limit is set per file. Returns the exit code.
fn serve(base: &Limits) -> i32 {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    loop {
        let mut header = Vec::new();
        match (&mut input).take(64 * 1024).read_until(b'\n', &mut header) {
            Ok(0) => return 0,
            Ok(_) => {}
            Err(_) => return 3,
        }
        let Ok(req) = serde_json::from_slice::<Request>(&header) else { return 2 };
        let limits = req.limits(base.memory_bytes);
        // The CPU backstop for this file: what this process used so far plus
        // the file's own allowance. Without a CPU clock, this is the last file.
        let retire = !limit_cpu(req.timeout_secs.max(1) + 1);
        if req.len > limits.max_bytes {
            return 2;
        }
        let mut bytes = Vec::with_capacity(req.len as usize);
        if (&mut input).take(req.len).read_to_end(&mut bytes).is_err() || bytes.len() as u64 != req.len {
            return 3;
        }
        let reply = extract_caught(&req.name, &bytes, &limits);
        drop(bytes);
        let Ok(json) = serde_json::to_vec(&Answer { reply, retire }) else { return 3 };
        let mut out = std::io::stdout().lock();
        let written = out
            .write_all(&(json.len() as u64).to_le_bytes())
            .and_then(|()| out.write_all(&json))
            .and_then(|()| out.flush());
        if written.is_err() {
            return 3;
        }
        if retire {
            return 0;
        }
    }
}

/// Lets this process use `allowance` more seconds of CPU from now on. False
/// when its CPU time cannot be read or the limit cannot be set.
fn limit_cpu(allowance: u64) -> bool {
    let Some(used) = cpu_seconds() else {
        let _ = rlimit::setrlimit(rlimit::Resource::CPU, allowance, allowance);
        return false;
    };
    let Ok((_, hard)) = rlimit::getrlimit(rlimit::Resource::CPU) else { return false };
    let soft = used.saturating_add(allowance);
    soft <= hard && rlimit::setrlimit(rlimit::Resource::CPU, soft, hard).is_ok()
}

/// CPU seconds (user + system) this process used, rounded up, from
/// `/proc/self/stat` (in clock ticks of 1/100 s, Linux's USER_HZ).
fn cpu_seconds() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; the fields after it don't.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name: state is field 3, utime field 14, stime field 15.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime).div_ceil(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_can_read_its_cpu_time() {
        // Without it every worker would retire after one file.
        let used = cpu_seconds().expect("CPU time from /proc/self/stat");
        assert!(used < 24 * 3600, "{used}");
    }
}
