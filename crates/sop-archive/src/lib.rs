//! The archive of `sop`: what an SWV keeps for years and hands to the
//! inspectorate, built so that nothing in it can be lost or silently altered.
//!
//! - [`Archive`]: an archive folder under a lock. [`Archive::open`] (writers,
//!   exclusive lock; completes an interrupted run) and
//!   [`Archive::open_readonly`] (readers, shared lock). [`Archive::add`] turns a
//!   [`Submission`] into a **bundle**: a deterministic zip of the original file,
//!   its text, the `sop/1` record, the diff and a `manifest.json` that hashes
//!   every other entry. Each school, school year and version has one bundle,
//!   `<school-id>/<school-year>/v0001-<sha256 prefix>.zip`; the same source bytes
//!   again add nothing ([`Added::Unchanged`]).
//! - The **ledger** ([`ledger`]): one JSON line per bundle, each carrying the
//!   sha256 of the line before, plus a head file with the line count and last
//!   hash; the catalogue `index.json` is derived from it. The head is
//!   written before each commit of lines (announcing them) and plainly on
//!   open and [`Archive::flush`] / drop; the catalogue is kept in memory and
//!   written on open, flush and every so often in between, so an add costs
//!   the same in an archive of ten bundles or ten thousand.
//! - [`Archive::contents`]: a bundle's manifest, original, record and diff,
//!   checked against the ledger and the manifest; the bundle module itself
//!   is private ([`format`] re-exports its reader for outside readers).
//! - [`verify()`]: re-hashes every bundle and entry, checks the chain and that
//!   ledger and files agree; tells tampering ([`VerifyReport::problems`]) from
//!   traces of a killed run that the next open repairs ([`VerifyReport::notices`]).
//! - [`Archive::add_unread`]: a document received and tied to a school but
//!   not read (encrypted, no known template, no SOP) is a bundle too, with
//!   the original, any text and `unread.json` (stage, code, message) instead
//!   of `sop.json`; [`Archive::read_state`] tells read from unread.
//! - [`Archive::hold`]: a document no school could be found for is kept in
//!   the holding area `ontvangen/<year>/` ([`held`]) with a `held` ledger
//!   line, until `sop assign` files it (a bundle line with `assigned_from`).
//! - [`export`]: a school's bundles and ledger lines as a BagIt 1.0 bag (zip).
//! - [`SchoolId`], [`Registry`], [`identify`]: which school a record is, and
//!   the only names that become folder names.
//!
//! Crash safety: every bundle is written to a temp file in its folder,
//! fsynced, linked into place and the folder (and any new parent) fsynced; a
//! ledger line is appended and fsynced only after its bundle is durable.
//! Group commit ([`Archive::begin_group`], [`Archive::commit`]): the bundles
//! of a group are made durable, then the head announces their lines, then
//! the lines are appended with one fsync; a line removed after a crash is
//! still missed (see [`ledger`]).
//! Files derived from those (head, catalogue, HTTP cache) are replaced
//! atomically; a killed run leaves them behind, which `verify` reports as
//! notices and the next open brings up to date. The API is synchronous; the async batch calls
//! it from a blocking task.
//!
//! This crate depends on `sop-model` only; the pipeline hands it the diff bytes.

mod archive;
mod bundle;
mod catalogue;
mod error;
pub mod export;
mod fsutil;
pub mod held;
mod holding;
mod http_cache;
mod id;
pub mod ledger;
mod recovery;
mod registry;
mod reports;
mod scan;
mod verify;

pub use archive::{
    Added, Archive, BundleContents, BundleInfo, LockMode, ReadState, Submission, UnreadSubmission, LOCK,
};
pub use bundle::{EntryProblem, Manifest, ManifestSource, ReadLimits, Unread};
pub use catalogue::{Catalogue, CatalogueHeld, CatalogueSchool, CatalogueYear, INDEX};
pub use holding::{Held, HeldDoc, HoldSubmission};
pub use http_cache::{HttpCacheEntry, HTTP_CACHE};
pub use reports::{reports_dir, REPORTS};

/// The bundle format for readers outside the tool (fuzzing, tests, an
/// inspector's own checks): reading and checking a bundle's bytes. The tool
/// reads bundles only through [`Archive`] ([`Archive::contents`]).
pub mod format {
    pub use crate::bundle::{
        file_name, open_bundle, parse_file_name, read_entries, read_manifest, sha256_hex, EntryProblem, Manifest,
        ManifestSource, OpenedBundle, ReadLimits, BUNDLE_FORMAT, DIFF_JSON, DIFF_MD, MANIFEST, RECORD, TEXT, UNREAD,
    };
}
pub use error::{Error, Result};
pub use fsutil::{format_utc, CRASH_POINTS};
pub use id::{check_school_year, SchoolId, MAX_ID_LEN};
pub use registry::{identify, Identified, Registry, RegistryEntry, Unidentified};
pub use verify::{verify, verify_with_limits, Finding, VerifyReport};
