//! Reports for people, kept beside the archive in `reports/` (run reports,
//! diff reports, the overview); not part of what the ledger records.

use std::path::{Path, PathBuf};

use crate::archive::Archive;
use crate::error::{Error, Result};
use crate::fsutil;

pub const REPORTS: &str = "reports";

impl Archive {
    /// Writes a run report to `<root>/reports/<name>` atomically; returns its path.
    pub fn write_report(&mut self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        let ok = !name.is_empty()
            && name.len() <= 128
            && !name.starts_with('.')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        if !ok {
            return Err(Error::BadReportName(name.to_string()));
        }
        let dir = self.reports_dir();
        fsutil::create_dirs(&dir)?;
        let path = dir.join(name);
        fsutil::write_replace(&path, bytes, "report")?;
        Ok(path)
    }

    /// The folder of the reports, `<root>/reports`.
    pub fn reports_dir(&self) -> PathBuf {
        reports_dir(&self.root)
    }
}

/// The folder of the reports of the archive at `root`.
pub fn reports_dir(root: &Path) -> PathBuf {
    root.join(REPORTS)
}
