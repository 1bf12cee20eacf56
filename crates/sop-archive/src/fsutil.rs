//! Crash-safe file writes and the test-only crash points.
//!
//! Every file the archive creates is written as a temp file in the same
//! folder (`.tmp-*`, never read by anyone), fsynced, then moved into place
//! and the folder fsynced. A bundle is moved with `hard_link` (which fails if
//! the name exists: nothing is ever overwritten); replaceable files (catalogue,
//! ledger head, caches, reports) with `rename`.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{io, Result};

/// Prefix of temp files; [`crate::Archive::open`] removes leftovers.
pub(crate) const TMP_PREFIX: &str = ".tmp-";

/// Stops the process at a named point when `SOP_ARCHIVE_CRASH_AT` names it.
///
/// Only in debug builds (tests), so a release binary carries no such switch.
/// `abort` runs no destructors and flushes nothing, and every write before it
/// is a plain syscall, so what is on disk afterwards is what a `kill -9` at
/// that moment would leave. Points are listed in [`CRASH_POINTS`].
#[inline]
pub(crate) fn crash_point(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("SOP_ARCHIVE_CRASH_AT").is_ok_and(|v| v == name) {
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}

/// Every point [`crash_point`] knows, in the order an `add` passes them.
pub const CRASH_POINTS: &[&str] = &[
    "bundle-tmp-partial",
    "bundle-tmp-written",
    "bundle-linked",
    "bundle-durable",
    "ledger-partial",
    "ledger-appended",
    "head-tmp-written",
    "head-written",
    "index-tmp-written",
    "index-written",
    // Only when a document is held (`Archive::hold`).
    "held-original-durable",
    "held-info-durable",
];

pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    // Directories can be opened and fsynced on Unix; on Windows opening a
    // directory fails and NTFS journals the rename itself.
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all()).map_err(io("fsync folder", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Creates `dir` and its parents, fsyncing each new folder's parent so the
/// new entries survive a crash.
pub(crate) fn create_dirs(dir: &Path) -> Result<()> {
    let created = create_dirs_unsynced(dir)?;
    sync_parents(&created)
}

/// Creates `dir` and its parents without fsyncing anything; returns the
/// folders it created, deepest first, for [`sync_parents`] once their
/// content is written (one journal commit then covers them all).
pub(crate) fn create_dirs_unsynced(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut cur = dir;
    while !cur.exists() {
        missing.push(cur.to_path_buf());
        match cur.parent() {
            Some(p) if !p.as_os_str().is_empty() => cur = p,
            _ => break,
        }
    }
    for d in missing.iter().rev() {
        match fs::create_dir(d) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io("create folder", d)(e)),
        }
    }
    Ok(missing)
}

/// Makes the entries of new folders durable: fsyncs the parent of each.
pub(crate) fn sync_parents(created: &[PathBuf]) -> Result<()> {
    for d in created {
        if let Some(p) = d.parent().filter(|p| !p.as_os_str().is_empty()) {
            sync_dir(p)?;
        }
    }
    Ok(())
}

fn tmp_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!("{TMP_PREFIX}{}-{name}", std::process::id()))
}

/// Writes `bytes` to a durable temp file beside `target`; `point` prefixes the
/// crash points passed on the way.
fn write_tmp(target: &Path, bytes: &[u8], point: &str, durable: bool) -> Result<PathBuf> {
    let tmp = tmp_path(target);
    let mut f = OpenOptions::new().write(true).create(true).truncate(true).open(&tmp).map_err(io("create", &tmp))?;
    if point == "bundle" {
        f.write_all(&bytes[..bytes.len() / 2]).map_err(io("write", &tmp))?;
        crash_point("bundle-tmp-partial");
        f.write_all(&bytes[bytes.len() / 2..]).map_err(io("write", &tmp))?;
    } else {
        f.write_all(bytes).map_err(io("write", &tmp))?;
    }
    if durable {
        f.sync_all().map_err(io("fsync", &tmp))?;
    }
    crash_point(&format!("{point}-tmp-written"));
    Ok(tmp)
}

/// Replaces `target` atomically: a reader sees the old bytes or the new ones.
pub(crate) fn write_replace(target: &Path, bytes: &[u8], point: &str) -> Result<()> {
    replace(target, bytes, point, true)
}

/// [`write_replace`] without the fsyncs, for a file that is derived from
/// durable ones and checked on open (the catalogue between its durable
/// writes): after a crash it may hold the old bytes, the new ones or none.
pub(crate) fn write_replace_unsynced(target: &Path, bytes: &[u8], point: &str) -> Result<()> {
    replace(target, bytes, point, false)
}

fn replace(target: &Path, bytes: &[u8], point: &str, durable: bool) -> Result<()> {
    let tmp = write_tmp(target, bytes, point, durable)?;
    fs::rename(&tmp, target).map_err(io("rename into", target))?;
    if durable {
        sync_dir(parent(target))?;
    }
    crash_point(&format!("{point}-written"));
    Ok(())
}

/// Creates `target` atomically and durably; fails if it exists. `new_dirs`
/// are folders on its path made by [`create_dirs_unsynced`]: their entries
/// are made durable here too, before the bundle counts as durable.
pub(crate) fn write_new(target: &Path, bytes: &[u8], new_dirs: &[PathBuf]) -> Result<()> {
    link_new(target, bytes)?;
    sync_dir(parent(target))?;
    sync_parents(new_dirs)?;
    crash_point("bundle-durable");
    Ok(())
}

/// Creates `target` atomically with durable content (fsynced before it gets
/// its name); fails if it exists. Its name is not durable yet: the caller
/// syncs the folders ([`folders_to_sync`], [`sync_dirs`]) before anything
/// refers to it.
pub(crate) fn link_new(target: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = write_tmp(target, bytes, "bundle", true)?;
    match fs::hard_link(&tmp, target) {
        Ok(()) => {
            crash_point("bundle-linked");
            fs::remove_file(&tmp).map_err(io("remove", &tmp))?;
        }
        // File systems without hard links: check, then rename (we hold the
        // archive lock, so nobody else can create the name in between).
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists && !target.exists() => {
            tracing::debug!("hard link failed ({e}), renaming instead");
            fs::rename(&tmp, target).map_err(io("rename into", target))?;
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            return Err(io("create (it already exists)", target)(e));
        }
    }
    Ok(())
}

/// The folders whose entries must be synced for `target`, just created with
/// the `new_dirs` of [`create_dirs_unsynced`], to keep its name.
pub(crate) fn folders_to_sync(target: &Path, new_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = vec![parent(target).to_path_buf()];
    out.extend(new_dirs.iter().filter_map(|d| d.parent().filter(|p| !p.as_os_str().is_empty())).map(Path::to_path_buf));
    out
}

/// Syncs folders, several at once: concurrent fsyncs share the file
/// system's journal commits, so a group costs about what one folder does.
pub(crate) fn sync_dirs(dirs: &[PathBuf]) -> Result<()> {
    const AT_ONCE: usize = 16;
    for chunk in dirs.chunks(AT_ONCE) {
        if let [one] = chunk {
            sync_dir(one)?;
            continue;
        }
        std::thread::scope(|s| {
            let handles: Vec<_> = chunk.iter().map(|d| s.spawn(move || sync_dir(d))).collect();
            handles.into_iter().try_for_each(|h| h.join().expect("an fsync thread does not panic"))
        })?;
    }
    Ok(())
}

/// Appends lines (each without its newline) to the ledger in one write and
/// makes them durable with one fsync (and the folder's, for a new file). A
/// crash mid-write leaves a line without its newline, which the next open
/// recognises as torn.
pub(crate) fn append_lines(path: &Path, lines: &[String]) -> Result<()> {
    let existed = path.exists();
    let mut f = OpenOptions::new().create(true).append(true).open(path).map_err(io("open", path))?;
    let mut bytes = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for l in lines {
        bytes.extend_from_slice(l.as_bytes());
        bytes.push(b'\n');
    }
    #[cfg(debug_assertions)]
    if std::env::var("SOP_ARCHIVE_CRASH_AT").is_ok_and(|v| v == "ledger-partial") {
        f.write_all(&bytes[..bytes.len() / 2]).map_err(io("append to", path))?;
        let _ = f.sync_all();
        crash_point("ledger-partial");
    }
    f.write_all(&bytes).map_err(io("append to", path))?;
    f.sync_all().map_err(io("fsync", path))?;
    if !existed {
        sync_dir(parent(path))?;
    }
    crash_point("ledger-appended");
    Ok(())
}

fn parent(p: &Path) -> &Path {
    p.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a unix time (UTC), without a date library.
pub fn format_utc(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 -> (y, m, d).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_formatting() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(format_utc(-1), "1969-12-31T23:59:59Z");
    }
}
