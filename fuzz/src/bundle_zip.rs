//! A bundle's zip bytes as `sop verify` and `sop show` read them.

use std::path::Path;

use sop_archive::format::{open_bundle, ReadLimits};

/// Small limits, so that a zip bomb the reader fails to stop shows up as a
/// broken invariant (or an out-of-memory) at once.
const LIMITS: ReadLimits = ReadLimits { max_entries: 32, max_entry_bytes: 1 << 20, max_total_bytes: 4 << 20 };

/// Any bytes either fail to open as a bundle (with an error, not a panic) or
/// open into entries that stay within the limits, whatever the zip headers
/// claim.
pub fn run(data: &[u8]) {
    let Ok(bundle) = open_bundle(data, Path::new("fuzz.zip"), LIMITS) else {
        return;
    };
    assert!(bundle.entries.len() <= LIMITS.max_entries, "{} entries read past the limit", bundle.entries.len());
    let mut total = 0u64;
    for (name, bytes) in &bundle.entries {
        let size = bytes.len() as u64;
        assert!(size <= LIMITS.max_entry_bytes, "entry `{name}` of {size} bytes read past the limit");
        total += size;
    }
    assert!(total <= LIMITS.max_total_bytes, "{total} bytes in all read past the limit");
}
