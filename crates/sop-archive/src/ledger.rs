//! The append-only ledger (`ledger.jsonl`) and its head (`ledger.head.json`).
//!
//! Each line is one bundle, with the sha256 of the previous line's bytes in
//! `prev`, so editing or removing a line breaks the chain at the next line.
//! Removing the *last* line breaks no chain; the head file remembers how many
//! lines there were and the hash of the last one, which tells a removed last
//! line (head ahead of the ledger: tampering) from a run killed between bundle
//! and ledger line (bundle extra: repaired by the next open).
//!
//! Group commit: a writer makes a group of bundles durable, then writes the
//! head naming the lines it has and announcing the files of the lines it is
//! about to append ([`Head::pending`]), then appends those lines with one
//! fsync; it writes a plain head again when it closes. A killed run
//! therefore leaves the head behind only by lines it announced, in that
//! order, and every announced file that has no line yet is on disk (it was
//! durable before the head named it): an interrupted run, which the next
//! open completes. A head further behind, an announced file that is
//! neither in the ledger nor on disk (a trailing line removed with its
//! bundle), or no head at all, is loss or tampering.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::bundle::sha256_hex;
use crate::error::{Error, Result};

pub const LEDGER: &str = "ledger.jsonl";
pub const HEAD: &str = "ledger.head.json";
/// How far a head *without* [`Head::pending`] may be behind after a crash:
/// writers before group commit rewrote the head after every append, so
/// their killed runs leave it one line behind. (Writers now announce every
/// line in the head first, so a larger lag never needs to be allowed: that
/// would let someone remove that many trailing lines, with their bundles,
/// unnoticed after a crash.)
pub const HEAD_MAX_LAG: u64 = 1;
/// `prev` of the first line.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One ledger line. Field order is the serialisation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    /// 1-based line number.
    pub seq: u64,
    /// The bundle's creation time, `YYYY-MM-DDTHH:MM:SSZ`.
    pub time: String,
    pub school: String,
    pub year: String,
    pub version: u32,
    /// Path of the bundle relative to the archive root, `/`-separated.
    pub bundle: String,
    pub bundle_sha256: String,
    pub source_sha256: String,
    /// What the line records: a bundle (absent) or a document held without
    /// a school (`held`; then `bundle` is its info file in `ontvangen/`,
    /// `school` is empty and `version` is 0).
    #[serde(default, skip_serializing_if = "EntryKind::is_bundle")]
    pub kind: EntryKind,
    /// For a bundle of a document that was received but not read: the
    /// reason's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<String>,
    /// For a bundle filed by `sop assign`: the held info file it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_from: Option<String>,
    /// sha256 of the previous line (without its newline), or [`GENESIS`].
    pub prev: String,
}

/// The kinds of ledger line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    #[default]
    Bundle,
    Held,
}

impl EntryKind {
    pub fn is_bundle(&self) -> bool {
        *self == EntryKind::Bundle
    }
}

impl LedgerEntry {
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("a ledger entry always serialises")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub lines: u64,
    pub last_sha256: String,
    /// The files (bundle paths, held info paths) whose lines a writer is
    /// about to append after `lines`, in order: written before a group of
    /// lines is appended, so that the head needs no rewrite after it and a
    /// line removed after a crash is still missed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<String>,
}

/// The ledger as read, with every way it departs from a clean chain.
#[derive(Debug, Default)]
pub struct ParsedLedger {
    /// Lines that parsed, with their raw text and the sha256 of that text.
    pub lines: Vec<(LedgerEntry, String, String)>,
    /// A last line without newline: a write cut short by a crash.
    pub torn_tail: Option<String>,
    /// Byte length of the complete lines (where a torn tail starts).
    pub complete_len: u64,
    /// (1-based line number, what is wrong).
    pub breaks: Vec<(usize, String)>,
}

impl ParsedLedger {
    pub fn last_sha(&self) -> &str {
        self.lines.last().map(|l| l.2.as_str()).unwrap_or(GENESIS)
    }
    pub fn head(&self) -> Head {
        Head { lines: self.lines.len() as u64, last_sha256: self.last_sha().to_string(), pending: Vec::new() }
    }
}

pub fn parse(bytes: &[u8]) -> ParsedLedger {
    let mut out = ParsedLedger::default();
    let (complete, tail) = match bytes.iter().rposition(|&b| b == b'\n') {
        Some(i) => bytes.split_at(i + 1),
        None => bytes.split_at(0),
    };
    if !tail.is_empty() {
        out.torn_tail = Some(String::from_utf8_lossy(tail).into_owned());
    }
    out.complete_len = complete.len() as u64;
    let mut prev = GENESIS.to_string();
    // Counted once: counting per line made reading the ledger quadratic.
    let complete_lines = complete.iter().filter(|&&b| b == b'\n').count();
    for (i, raw) in complete.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        if n > complete_lines {
            break; // the empty piece after the last newline
        }
        let sha = sha256_hex(raw);
        let text = String::from_utf8_lossy(raw).into_owned();
        match serde_json::from_slice::<LedgerEntry>(raw) {
            Err(e) => out.breaks.push((n, sop_i18n::t!("ledger-not-an-entry", detail = e.to_string()))),
            Ok(entry) => {
                if entry.prev != prev {
                    out.breaks.push((n, sop_i18n::t!("ledger-chain-broken", prev = &entry.prev, actual = &prev)));
                }
                if entry.seq != n as u64 {
                    out.breaks.push((n, sop_i18n::t!("ledger-wrong-seq", seq = entry.seq, line = n)));
                }
                out.lines.push((entry, text, sha.clone()));
            }
        }
        prev = sha;
    }
    out
}

pub fn read_head(path: &Path) -> Result<Option<Head>> {
    match std::fs::read(path) {
        Ok(b) => serde_json::from_slice(&b).map(Some).map_err(|e| Error::BadLedger {
            path: path.to_path_buf(),
            line: 1,
            reason: format!("not a ledger head ({e})"),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(crate::error::io("read", path)(e)),
    }
}

/// How the head relates to the ledger.
#[derive(Debug, PartialEq, Eq)]
pub enum HeadState {
    /// Head names exactly the ledger's last line.
    Agrees,
    /// Head is behind by lines that chain on from it: a run stopped after
    /// appending and before rewriting the head (if at most [`HEAD_MAX_LAG`]).
    Behind,
    /// Head names more lines or another last line than the ledger has.
    Disagrees(String),
}

pub fn head_state(ledger: &ParsedLedger, head: Option<&Head>) -> HeadState {
    let Some(head) = head else {
        return if ledger.lines.is_empty() { HeadState::Agrees } else { HeadState::Behind };
    };
    let n = ledger.lines.len() as u64;
    if head.lines == n && head.last_sha256 == ledger.last_sha() {
        return HeadState::Agrees;
    }
    if head.lines < n {
        let at = if head.lines == 0 { GENESIS } else { ledger.lines[head.lines as usize - 1].2.as_str() };
        if at == head.last_sha256 {
            return HeadState::Behind;
        }
    }
    HeadState::Disagrees(sop_i18n::t!(
        "ledger-head-disagrees",
        head_lines = head.lines,
        sha256 = &head.last_sha256,
        lines = n,
        removed = if head.lines <= n { "no" } else { "yes" }
    ))
}

/// How many lines the ledger has beyond those the head records.
pub fn lag(ledger: &ParsedLedger, head: Option<&Head>) -> u64 {
    let n = ledger.lines.len() as u64;
    n - head.map_or(0, |h| h.lines.min(n))
}

/// Whether a head this far behind is what a killed writer leaves: lines it
/// announced in [`Head::pending`], in that order; without any, at most
/// [`HEAD_MAX_LAG`] lines (archives of writers before group commit), or,
/// without any head file, the first line only (archives made before the
/// head was written on open).
pub fn lag_is_interrupted_run(ledger: &ParsedLedger, head: Option<&Head>, lag: u64) -> bool {
    match head {
        Some(h) if !h.pending.is_empty() => {
            let from = h.lines.min(ledger.lines.len() as u64) as usize;
            lag <= h.pending.len() as u64
                && ledger.lines[from..].iter().zip(&h.pending).all(|((e, _, _), want)| e.bundle == *want)
        }
        Some(_) => lag <= HEAD_MAX_LAG,
        None => lag <= 1,
    }
}
