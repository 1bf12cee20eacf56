//! `sop overview`: the SWV-wide overview of one school year (see
//! `crates/sop-overview`), from the newest version of each school's record in
//! the archive; and [`after_run`], the one hook `sop run` calls at its end to
//! write the year's overview and each school's diff as HTML into
//! `archive/reports/`.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use sop_archive::{Archive, LockMode, SchoolId};
use sop_i18n::t;
use sop_overview::{AreaMap, EntryStatus, Options, SchoolEntry};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Html,
    Xlsx,
    Csv,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// The school year to show (YYYY-YYYY).
    #[arg(long, value_name = "YYYY-YYYY")]
    year: String,
    /// Compare with this school year: per school what it added or dropped, per area the change in coverage.
    #[arg(long, value_name = "YYYY-YYYY")]
    compare: Option<String>,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
    /// The list of schools (schools.csv): schools in it without a profile for the year are listed as missing;
    /// its optional columns `region` and `board` group the schools.
    #[arg(long, value_name = "schools.csv")]
    registry: Option<PathBuf>,
    /// The support areas and which rows belong to them [default: the built-in areas.toml].
    #[arg(long, value_name = "FILE.toml")]
    areas: Option<PathBuf>,
    /// An area is a gap (witte vlek) in a region when fewer than N schools there offer it.
    #[arg(long, value_name = "N", default_value_t = 1)]
    threshold: u32,
    /// Output format [default: from the extension of --out, else html].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// The optional grouping columns of the registry, by school id.
#[derive(Debug, Default, Clone)]
struct Groups {
    /// id -> (name, board, region), in registry order.
    rows: Vec<(String, String, Option<String>, Option<String>)>,
}

impl Groups {
    fn get(&self, id: &str) -> Option<&(String, String, Option<String>, Option<String>)> {
        self.rows.iter().find(|r| r.0 == id)
    }
}

/// Reads the registry as `sop run` does (ids must be valid), plus its
/// optional `region` (or `regio`, `gemeente`) and `board` (or `bestuur`) columns.
fn read_registry(path: &Path) -> Result<Groups> {
    let registry =
        sop_archive::Registry::from_csv(path).with_context(|| t!("registry-cannot-use", path = path.display()))?;
    let text = std::fs::read_to_string(path).with_context(|| t!("overview-file-unreadable", path = path.display()))?;
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rdr.headers()?.iter().map(|h| h.trim().to_lowercase()).collect();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let (id_col, region_col, board_col) =
        (col(&["id"]), col(&["region", "regio", "gemeente"]), col(&["board", "bestuur"]));
    let mut extra: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for rec in rdr.records() {
        let Ok(rec) = rec else { continue };
        let get =
            |c: Option<usize>| c.and_then(|c| rec.get(c)).map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        if let Some(id) = get(id_col) {
            extra.insert(id, (get(board_col), get(region_col)));
        }
    }
    Ok(Groups {
        rows: registry
            .entries
            .iter()
            .map(|e| {
                let (board, region) = extra.get(e.id.as_str()).cloned().unwrap_or_default();
                (e.id.to_string(), e.name.clone(), board, region)
            })
            .collect(),
    })
}

/// `to` relative to the folder `from_dir`, `/`-separated (for links in a page).
fn relative(from_dir: &Path, to: &Path) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let norm = |p: PathBuf| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                Component::ParentDir => {
                    v.pop();
                }
                Component::CurDir => {}
                Component::Normal(s) => v.push(s.to_string_lossy().into_owned()),
                _ => {}
            }
        }
        v
    };
    let (from, to) = (norm(abs(from_dir)), norm(abs(to)));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(to[common..].iter().cloned());
    parts.join("/")
}

/// The entries of one school year: every school with a bundle for the year
/// (its newest version), plus the registry's schools without one (missing),
/// plus `failed` (school id -> why its document could not be read) where no
/// record exists. Links are relative to `out_dir`.
fn entries(
    archive: &Archive,
    year: &str,
    groups: Option<&Groups>,
    failed: &BTreeMap<String, String>,
    out_dir: &Path,
) -> Result<Vec<SchoolEntry>> {
    let mut ids: Vec<String> = archive.schools().iter().map(|s| s.to_string()).collect();
    if let Some(g) = groups {
        for r in &g.rows {
            if !ids.contains(&r.0) {
                ids.push(r.0.clone());
            }
        }
    }
    for id in failed.keys() {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    let reports = archive.reports_dir();
    let mut out = Vec::new();
    for id in ids {
        let registered = groups.and_then(|g| g.get(&id));
        let latest = match SchoolId::parse(&id) {
            Ok(sid) => archive.latest(&sid, year).with_context(|| t!("overview-year", year = year))?,
            Err(_) => None,
        };
        let mut e = SchoolEntry {
            id: id.clone(),
            name: registered.map(|r| r.1.clone()),
            board: registered.and_then(|r| r.2.clone()),
            region: registered.and_then(|r| r.3.clone()),
            status: EntryStatus::Missing,
            warnings: Vec::new(),
            record_link: None,
            diff_link: None,
        };
        match latest {
            Some(info) => {
                e.record_link = Some(relative(out_dir, &info.path));
                for ext in ["html", "md"] {
                    let p = reports.join(format!("diff-{id}-{year}-v{:04}.{ext}", info.version));
                    if p.exists() {
                        e.diff_link = Some(relative(out_dir, &p));
                        break;
                    }
                }
                match archive.contents(&info) {
                    Ok(opened) => {
                        for p in &opened.problems {
                            e.warnings.push(format!(
                                "het bestand {} in de bundel klopt niet met het manifest; draai `sop verify`",
                                p.entry
                            ));
                        }
                        match opened.record {
                            Some(Ok(r)) => e.status = EntryStatus::Record(Box::new(r)),
                            Some(Err(err)) => {
                                e.status = EntryStatus::Unreadable(format!(
                                    "sop.json in de bundel is geen leesbaar sop/1-profiel ({err})"
                                ))
                            }
                            None => e.status = EntryStatus::Unreadable("de bundel heeft geen sop.json".into()),
                        }
                    }
                    Err(err) => {
                        e.status = EntryStatus::Unreadable(format!(
                            "de bundel {} kon niet gelezen worden ({err}); draai `sop verify`",
                            info.rel_path
                        ))
                    }
                }
            }
            None => {
                if let Some(reason) = failed.get(&id) {
                    e.status = EntryStatus::Unreadable(reason.clone());
                } else if registered.is_none() {
                    // In the archive for another year only, and no registry says it is expected.
                    continue;
                }
            }
        }
        out.push(e);
    }
    Ok(out)
}

/// Whether the archive holds any bundle of `year`.
fn has_year(archive: &Archive, year: &str) -> bool {
    archive.schools().iter().any(|s| archive.latest(s, year).ok().flatten().is_some())
}

fn now_text() -> String {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    let t = sop_archive::format_utc(now);
    format!("gemaakt op {} om {} UTC", &t[..10], &t[11..16])
}

/// The year before `year` ("2024-2025" -> "2023-2024").
fn previous_year(year: &str) -> Option<String> {
    let a: i32 = year.get(..4)?.parse().ok()?;
    Some(format!("{}-{}", a - 1, a))
}

fn load_areas(path: Option<&Path>) -> Result<AreaMap> {
    match path {
        None => Ok(AreaMap::default_map()),
        Some(p) => {
            let text =
                std::fs::read_to_string(p).with_context(|| t!("overview-cannot-read-areas", path = p.display()))?;
            Ok(AreaMap::parse(&text, &p.display().to_string())?)
        }
    }
}

pub fn run(a: Args) -> Result<ExitCode> {
    for (flag, y) in [("--year", Some(&a.year)), ("--compare", a.compare.as_ref())] {
        if let Some(y) = y {
            if let Err(e) = sop_archive::check_school_year(y) {
                bail!("{flag} {y}: {e}");
            }
        }
    }
    let format = a.format.unwrap_or_else(|| {
        match a.out.extension().and_then(|e| e.to_str()).map(str::to_lowercase).as_deref() {
            Some("xlsx") => Format::Xlsx,
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            _ => Format::Html,
        }
    });
    let map = load_areas(a.areas.as_deref())?;
    let groups = a.registry.as_deref().map(read_registry).transpose()?;
    let archive = Archive::open_readonly(&a.archive, LockMode::Wait)
        .with_context(|| t!("overview-cannot-read-archive", path = a.archive.display()))?;
    let out_dir = match a.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let none = BTreeMap::new();
    let current = entries(&archive, &a.year, groups.as_ref(), &none, &out_dir)?;
    let old = match &a.compare {
        Some(y) => Some(entries(&archive, y, groups.as_ref(), &none, &out_dir)?),
        None => None,
    };
    let opts = Options {
        school_year: a.year.clone(),
        compare_year: a.compare.clone(),
        threshold: a.threshold,
        generated: Some(format!("{} uit het archief `{}`", now_text(), a.archive.display())),
    };
    let o = sop_overview::build(&current, old.as_deref(), &map, &opts);
    let bytes = match format {
        Format::Html => sop_overview::html::render_html(&o).into_bytes(),
        Format::Csv => sop_overview::csv::render_csv(&o).into_bytes(),
        Format::Json => sop_overview::render_json(&o).into_bytes(),
        Format::Xlsx => sop_overview::xlsx::render_xlsx(&o).with_context(|| t!("overview-cannot-write-workbook"))?,
    };
    if !out_dir.exists() {
        std::fs::create_dir_all(&out_dir)
            .with_context(|| t!("overview-cannot-create-folder", path = out_dir.display()))?;
    }
    std::fs::write(&a.out, bytes).with_context(|| t!("overview-cannot-write", path = a.out.display()))?;
    let c = &o.counts;
    let mut msg = t!(
        "overview-done",
        year = a.year.as_str(),
        schools = c.schools,
        with_record = c.with_record,
        missing = c.missing,
        unreadable = c.unreadable,
        path = a.out.display()
    ) + "\n";
    if c.with_record == 0 {
        msg.push_str(&t!("overview-no-profiles", year = a.year.as_str(), archive = a.archive.display()));
        msg.push('\n');
    }
    use std::io::Write as _;
    std::io::stdout().lock().write_all(msg.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The end of `sop run`: each school's diff (newest version of the year) as
/// HTML beside its Markdown, and `overview-<year>.html` compared with the
/// previous school year when the archive has it. Failed documents whose
/// school is known show as "ontvangen, niet leesbaar". Never fails the run:
/// a problem is logged and the overview is skipped. Returns the overview's path.
pub fn after_run(
    archive: &mut Archive,
    year: &str,
    registry: Option<&Path>,
    documents: &[crate::batch::report::Row],
) -> Option<PathBuf> {
    let result = (|| -> Result<PathBuf> {
        for id in archive.schools() {
            let Some(info) = archive.latest(&id, year)? else { continue };
            let name = format!("diff-{id}-{year}-v{:04}.html", info.version);
            if archive.reports_dir().join(&name).exists() {
                continue;
            }
            let Ok(contents) = archive.contents(&info) else { continue };
            let Some(raw) = contents.diff_json else { continue };
            let Ok(diff) = serde_json::from_slice::<sop_diff::Diff>(&raw) else { continue };
            // Beside the Dutch overview and the bundle's Dutch diff.md: Dutch.
            let html = sop_i18n::with_lang(sop_i18n::Lang::Nl, || sop_diff::render_html(&diff));
            archive.write_report(&name, html.as_bytes())?;
        }
        let groups = registry.map(read_registry).transpose()?;
        let failed: BTreeMap<String, String> = documents
            .iter()
            .filter(|r| r.outcome.is_failed())
            .filter_map(|r| Some((r.school.clone()?, format!("{} ({})", r.outcome.dutch(), r.input))))
            .collect();
        let out_dir = archive.reports_dir();
        let current = entries(archive, year, groups.as_ref(), &failed, &out_dir)?;
        let prev = previous_year(year).filter(|p| has_year(archive, p));
        let old = match &prev {
            Some(p) => Some(entries(archive, p, groups.as_ref(), &BTreeMap::new(), &out_dir)?),
            None => None,
        };
        let opts = Options {
            school_year: year.to_string(),
            compare_year: prev,
            threshold: 1,
            generated: Some(format!("{} aan het eind van `sop run`", now_text())),
        };
        let o = sop_overview::build(&current, old.as_deref(), &AreaMap::default_map(), &opts);
        Ok(archive.write_report(&format!("overview-{year}.html"), sop_overview::html::render_html(&o).as_bytes())?)
    })();
    match result {
        Ok(p) => Some(p),
        Err(e) => {
            tracing::warn!("the overview of {year} was not written: {e:#}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_out_of_the_output_folder() {
        assert_eq!(
            relative(Path::new("/a/archive/reports"), Path::new("/a/archive/x/2024-2025/v1.zip")),
            "../x/2024-2025/v1.zip"
        );
        assert_eq!(relative(Path::new("/a/archive/reports"), Path::new("/a/archive/reports/d.html")), "d.html");
        assert_eq!(relative(Path::new("/out"), Path::new("/a/b.zip")), "../a/b.zip");
    }

    /// A document of a known school that could not be read shows as
    /// "ontvangen, niet leesbaar" in the batch's overview, with the reason.
    #[test]
    fn after_run_lists_a_failed_document_of_a_known_school() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = Archive::open(dir.path(), LockMode::Fail).unwrap();
        let row = crate::batch::report::Row {
            input: "https://example.org/sop.pdf".into(),
            school: Some("kristal".into()),
            school_name: None,
            template: None,
            year: None,
            outcome: crate::batch::report::Outcome::Failed {
                stage: crate::batch::Stage::Extract,
                reason: "damaged PDF".into(),
            },
            changes: None,
            diff_report: None,
            warnings: Vec::new(),
        };
        let path = after_run(&mut archive, "2024-2025", None, &[row]).expect("the overview is written");
        assert_eq!(path, dir.path().join("reports/overview-2024-2025.html"));
        let html = std::fs::read_to_string(path).unwrap();
        assert!(html.contains("0 met een profiel voor 2024-2025"), "{html}");
        assert!(html.contains("1 ontvangen maar niet leesbaar"), "{html}");
        assert!(html.contains("ontvangen, niet leesbaar: mislukt: damaged PDF"), "{html}");
    }

    #[test]
    fn previous_year_is_the_year_before() {
        assert_eq!(previous_year("2024-2025").as_deref(), Some("2023-2024"));
    }
}
