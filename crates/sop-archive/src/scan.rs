//! What lies in the archive folder: bundles, held files, temp files and strays.

use std::fs;
use std::path::Path;
use std::path::PathBuf;

use crate::bundle;
use crate::error::{io, Result};
use crate::fsutil::TMP_PREFIX;
use crate::held::{self, HELD_DIR};
use crate::id::{check_school_year, SchoolId};
use crate::reports::REPORTS;

/// What lies in the archive folder.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// (root-relative `/` path, path) of every well-named bundle.
    pub bundles: Vec<(String, PathBuf)>,
    /// Leftover temp files of interrupted runs.
    pub temps: Vec<PathBuf>,
    /// Anything else inside school folders.
    pub strays: Vec<PathBuf>,
    /// (root-relative path, path) of every held info file in `ontvangen/`.
    pub held_infos: Vec<(String, PathBuf)>,
    /// (root-relative path, path) of every held original in `ontvangen/`.
    pub held_files: Vec<(String, PathBuf)>,
}

pub(crate) fn scan(root: &Path) -> Result<Scan> {
    let mut out = Scan::default();
    let list = |dir: &Path| -> Result<Vec<(String, PathBuf, bool)>> {
        let mut v = Vec::new();
        for e in fs::read_dir(dir).map_err(io("list", dir))? {
            let e = e.map_err(io("list", dir))?;
            let is_dir = e.file_type().map_err(io("inspect", e.path()))?.is_dir();
            v.push((e.file_name().to_string_lossy().into_owned(), e.path(), is_dir));
        }
        v.sort();
        Ok(v)
    };
    for (name, path, is_dir) in list(root)? {
        if name.starts_with(TMP_PREFIX) {
            out.temps.push(path);
            continue;
        }
        if name == REPORTS && is_dir {
            out.temps.extend(list(&path)?.into_iter().filter(|(n, _, _)| n.starts_with(TMP_PREFIX)).map(|(_, p, _)| p));
            continue;
        }
        if name == HELD_DIR && is_dir {
            for (year, ypath, ydir) in list(&path)? {
                if !ydir || check_school_year(&year).is_err() {
                    out.strays.push(ypath);
                    continue;
                }
                for (file, fpath, fdir) in list(&ypath)? {
                    let rel = format!("{HELD_DIR}/{year}/{file}");
                    if fdir {
                        out.strays.push(fpath);
                    } else if file.starts_with(TMP_PREFIX) {
                        out.temps.push(fpath);
                    } else if held::parse_info_name(&file).is_some() {
                        out.held_infos.push((rel, fpath));
                    } else if held::parse_file_name(&file).is_some() {
                        out.held_files.push((rel, fpath));
                    } else {
                        out.strays.push(fpath);
                    }
                }
            }
            continue;
        }
        if !is_dir || SchoolId::parse(&name).is_err() {
            continue; // the archive's own files; verify checks what it knows
        }
        for (year, ypath, ydir) in list(&path)? {
            if year.starts_with(TMP_PREFIX) {
                out.temps.push(ypath);
                continue;
            }
            if !ydir || check_school_year(&year).is_err() {
                out.strays.push(ypath);
                continue;
            }
            for (file, fpath, fdir) in list(&ypath)? {
                if file.starts_with(TMP_PREFIX) && !fdir {
                    out.temps.push(fpath);
                } else if !fdir && bundle::parse_file_name(&file).is_some() {
                    out.bundles.push((format!("{name}/{year}/{file}"), fpath));
                } else {
                    out.strays.push(fpath);
                }
            }
        }
    }
    Ok(out)
}
