//! The HTTP validators of fetched sources (`http-cache.json`), so that a
//! re-run can ask a server "changed since?".

use std::cell::RefMut;
use std::collections::BTreeMap;
use std::fs;

use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::error::{io, Error, Result};
use crate::fsutil;

pub const HTTP_CACHE: &str = "http-cache.json";

/// Remembered HTTP validators of a URL, so a re-run can ask "changed since?".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpCacheEntry {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub source_sha256: Option<String>,
}

impl Archive {
    /// The remembered validators of `url`, if any.
    pub fn http_cache_get(&self, url: &str) -> Result<Option<HttpCacheEntry>> {
        Ok(self.http_cache()?.get(url).cloned())
    }

    /// Remembers the validators of `url`. The cache file is replaced
    /// atomically by [`Archive::flush`]: losing an entry to a crash only
    /// costs a full download next time.
    pub fn http_cache_put(&mut self, url: &str, entry: HttpCacheEntry) -> Result<()> {
        if !self.writable {
            return Err(Error::ReadOnly);
        }
        self.http_cache()?.insert(url.to_string(), entry);
        self.http_cache_dirty = true;
        Ok(())
    }

    /// The HTTP cache, read from its file on first use.
    fn http_cache(&self) -> Result<RefMut<'_, BTreeMap<String, HttpCacheEntry>>> {
        let mut cache = self.http_cache.borrow_mut();
        if cache.is_none() {
            let path = self.root.join(HTTP_CACHE);
            *cache = Some(match fs::read(&path) {
                // A damaged cache only costs a re-download: start afresh.
                Ok(b) => serde_json::from_slice(&b).unwrap_or_else(|e| {
                    tracing::warn!("ignoring unreadable `{}` ({e})", path.display());
                    BTreeMap::new()
                }),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
                Err(e) => return Err(io("read", &path)(e)),
            });
        }
        Ok(RefMut::map(cache, |c| c.as_mut().expect("filled above")))
    }

    /// Writes the cache if it changed (by [`Archive::flush`]).
    pub(crate) fn flush_http_cache(&mut self) -> Result<()> {
        if !self.http_cache_dirty {
            return Ok(());
        }
        let cache = self.http_cache.get_mut().get_or_insert_with(BTreeMap::new);
        let mut b =
            serde_json::to_vec_pretty(cache).map_err(|source| Error::Json { what: "the HTTP cache", source })?;
        b.push(b'\n');
        fsutil::write_replace(&self.root.join(HTTP_CACHE), &b, "http-cache")?;
        self.http_cache_dirty = false;
        Ok(())
    }
}
