//! The catalogue (`index.json`): schools, years and newest versions, derived
//! from the ledger and the bundles' manifests; rebuilt on open when stale.

use std::collections::BTreeMap;
use std::fs;

use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::bundle;
use crate::error::{Error, Result};
use crate::fsutil;

pub const INDEX: &str = "index.json";

/// The catalogue (`index.json`): schools, years and newest versions. Always
/// derived from the ledger and bundles; never the only copy of anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub format: String,
    pub schools: Vec<CatalogueSchool>,
    /// Documents received without a school (`ontvangen/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<CatalogueHeld>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueSchool {
    pub id: String,
    /// The school's name in its newest bundle's record.
    pub name: Option<String>,
    pub years: Vec<CatalogueYear>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueYear {
    pub year: String,
    pub versions: u32,
    pub newest_version: u32,
    pub newest_bundle: String,
    pub newest_bundle_sha256: String,
    pub newest_created: String,
    /// Set when the newest version was received but not read: its reason code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newest_unread: Option<String>,
}

/// A held document in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueHeld {
    pub sha256: String,
    pub year: String,
    pub info: String,
    pub received: String,
    /// The bundle it was filed as, once assigned (or archived otherwise).
    pub filed_as: Option<String>,
}

/// Where the catalogue's school names come from. A school's name is the one
/// in the manifest of the newest bundle of its latest school year that has a
/// name.
#[derive(Debug, Default)]
pub(crate) struct Names {
    /// The name in the newest bundle of a (school, year), once known: from
    /// an add of this handle, or read from the bundle's manifest.
    pub(crate) years: BTreeMap<(String, String), Option<String>>,
    /// Names from the `index.json` found on open, for the schools whose
    /// entries there agree with the ledger and that got no bundle since.
    pub(crate) from_index: BTreeMap<String, Option<String>>,
}

/// Between durable writes, the catalogue is rewritten once the lines added
/// since its last write are this share (1/n) of the ledger.
pub(crate) const INDEX_STALE_SHARE: u64 = 32;

/// The value of [`Catalogue::format`].
pub(crate) const CATALOGUE_FORMAT: &str = "sop-index/1";

pub(crate) fn catalogue_bytes(c: &Catalogue) -> Result<Vec<u8>> {
    let mut b = serde_json::to_vec_pretty(c).map_err(|source| Error::Json { what: "the catalogue", source })?;
    b.push(b'\n');
    Ok(b)
}

impl Archive {
    /// The school names of `index.json` for the schools whose years, versions
    /// and newest bundles there are exactly what the ledger says: those need
    /// no bundle read. Everything else (a missing, unreadable or stale
    /// catalogue) is rebuilt from the bundles.
    pub(crate) fn names_from_index(&self) -> BTreeMap<String, Option<String>> {
        let Ok(bytes) = fs::read(self.root.join(INDEX)) else { return BTreeMap::new() };
        let Ok(index) = serde_json::from_slice::<Catalogue>(&bytes) else { return BTreeMap::new() };
        if index.format != CATALOGUE_FORMAT {
            return BTreeMap::new();
        }
        let ledger = self.catalogue_years();
        index
            .schools
            .into_iter()
            .filter(|s| ledger.get(s.id.as_str()) == Some(&s.years))
            .map(|s| (s.id, s.name))
            .collect()
    }

    /// Writes the catalogue: `durable` on open and close; in between without
    /// fsyncs, as it is derived and checked against the ledger on open.
    pub(crate) fn write_index(&mut self, durable: bool) -> Result<()> {
        let b = catalogue_bytes(&self.catalogue()?)?;
        let path = self.root.join(INDEX);
        if !durable {
            fsutil::write_replace_unsynced(&path, &b, "index")?;
            // `index_dirty` stays: the close makes it durable.
        } else {
            // Bytes written unsynced may equal these and still not be on disk.
            if self.index_dirty || fs::read(&path).ok().as_deref() != Some(b.as_slice()) {
                fsutil::write_replace(&path, &b, "index")?;
            }
            self.index_dirty = false;
        }
        self.index_lines = self.entries.len() as u64;
        Ok(())
    }

    /// The catalogue as the ledger and the bundles' manifests give it.
    pub fn catalogue(&self) -> Result<Catalogue> {
        let schools = self
            .catalogue_years()
            .into_iter()
            .map(|(id, years)| CatalogueSchool { name: self.school_name(id, &years), id: id.to_string(), years })
            .collect();
        let held = self
            .held
            .iter()
            .map(|&i| {
                let e = &self.entries[i];
                CatalogueHeld {
                    sha256: e.source_sha256.clone(),
                    year: e.year.clone(),
                    info: e.bundle.clone(),
                    received: e.time.clone(),
                    filed_as: self.filed_as(e).map(|b| b.rel_path),
                }
            })
            .collect();
        Ok(Catalogue { format: CATALOGUE_FORMAT.to_string(), schools, held })
    }

    /// The catalogue without names: what the ledger alone gives.
    fn catalogue_years(&self) -> BTreeMap<&str, Vec<CatalogueYear>> {
        let mut out: BTreeMap<&str, Vec<CatalogueYear>> = BTreeMap::new();
        for ((school, year), v) in &self.by_year {
            let newest = &self.entries[*v.last().expect("no empty year lists")];
            out.entry(school.as_str()).or_default().push(CatalogueYear {
                year: year.clone(),
                versions: v.len() as u32,
                newest_version: newest.version,
                newest_bundle: newest.bundle.clone(),
                newest_bundle_sha256: newest.bundle_sha256.clone(),
                newest_created: newest.time.clone(),
                newest_unread: newest.unread.clone(),
            });
        }
        out
    }

    /// A school's name: from an up-to-date `index.json`, else the newest
    /// bundle of its latest school year that names it. Each manifest is read
    /// at most once per handle.
    fn school_name(&self, school: &str, years: &[CatalogueYear]) -> Option<String> {
        let mut names = self.names.borrow_mut();
        if let Some(name) = names.from_index.get(school) {
            return name.clone();
        }
        for y in years.iter().rev() {
            let name = names
                .years
                .entry((school.to_string(), y.year.clone()))
                .or_insert_with(|| {
                    bundle::read_manifest(&self.root.join(&y.newest_bundle), self.limits)
                        .ok()
                        .and_then(|m| m.school_name)
                })
                .clone();
            if name.is_some() {
                return name;
            }
        }
        None
    }
}
