//! `sop verify`, `sop list`, `sop show`, `sop export`: reading the archive
//! that `sop run` fills. All four only read it, under the archive's shared
//! lock (a running `sop run` is waited for, with a message).

use sop_i18n::t;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use sop_archive::export::{BagInfo, Selection};
use sop_archive::ReadLimits;
use sop_archive::{Archive, LockMode, SchoolId};

use crate::batch::report::reason_dutch;

#[derive(clap::Args)]
pub struct VerifyArgs {
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
    /// Most entries a bundle may hold before it is refused unread (a zip bomb guard).
    #[arg(long, value_name = "N", default_value_t = ReadLimits::default().max_entries)]
    max_bundle_entries: usize,
    /// Most bytes one entry of a bundle may unpack to, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = ReadLimits::default().max_entry_bytes >> 20)]
    max_entry_mib: u64,
    /// Most bytes all entries of a bundle may unpack to together, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = ReadLimits::default().max_total_bytes >> 20)]
    max_bundle_mib: u64,
}

#[derive(clap::Args)]
pub struct ListArgs {
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
    /// Print the catalogue as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ShowArgs {
    /// The school's id, as `sop list` shows it.
    #[arg(long, value_name = "ID")]
    school: String,
    /// Only this school year (YYYY-YYYY).
    #[arg(long, value_name = "YYYY-YYYY")]
    year: Option<String>,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
    /// Print the bundles and their manifests as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The school's id, as `sop list` shows it.
    #[arg(long, value_name = "ID", required_unless_present = "ontvangen")]
    school: Option<String>,
    /// Export the waiting area instead: every document received without a school (`ontvangen/`).
    #[arg(long, conflicts_with_all = ["school", "year", "all"])]
    ontvangen: bool,
    /// Export this school year [default: the newest school year in the archive].
    #[arg(long, value_name = "YYYY-YYYY", conflicts_with = "all")]
    year: Option<String>,
    /// Export every school year.
    #[arg(long)]
    all: bool,
    /// The zip file to write (a BagIt 1.0 bag).
    #[arg(long, value_name = "FILE.zip")]
    out: PathBuf,
    /// Source-Organization in bag-info.txt [default: the samenwerkingsverband named in the newest profile].
    #[arg(long, value_name = "NAME")]
    organization: Option<String>,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
}

fn open(dir: &std::path::Path) -> Result<Archive> {
    Archive::open_readonly(dir, LockMode::Wait).with_context(|| t!("archive-cannot-read", path = dir))
}

fn school_id(s: &str) -> Result<SchoolId> {
    SchoolId::parse(s).with_context(|| t!("archive-bad-school-id", id = s))
}

pub fn verify(a: VerifyArgs) -> Result<ExitCode> {
    let limits = ReadLimits {
        max_entries: a.max_bundle_entries,
        max_entry_bytes: a.max_entry_mib.saturating_mul(1 << 20),
        max_total_bytes: a.max_bundle_mib.saturating_mul(1 << 20),
    };
    let r = sop_archive::verify_with_limits(&a.archive, LockMode::Wait, limits)
        .with_context(|| t!("verify-cannot", path = &a.archive))?;
    let mut out = String::new();
    if a.json {
        out = serde_json::to_string_pretty(&r)? + "\n";
    } else {
        out.push_str(&t!(
            "verify-checked",
            path = &a.archive,
            bundles = r.bundles,
            files = r.files,
            lines = r.ledger_lines
        ));
        out.push('\n');
        for (label, list) in [(t!("verify-problem"), &r.problems), (t!("verify-notice"), &r.notices)] {
            for f in list {
                out.push_str(&format!(
                    "\n{label}: {}\n  {}: {}\n  {}: {}\n",
                    f.file,
                    t!("verify-expected"),
                    f.expected,
                    t!("verify-found"),
                    f.found
                ));
            }
        }
        out.push('\n');
        if r.problems.is_empty() {
            out.push_str(&t!("verify-ok"));
            out.push('\n');
            if !r.notices.is_empty() {
                out.push_str(&t!("verify-ok-notices", n = r.notices.len()));
                out.push('\n');
            }
        } else {
            out.push_str(&t!("verify-not-ok", n = r.problems.len()));
            out.push('\n');
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(if r.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn list(a: ListArgs) -> Result<ExitCode> {
    let archive = open(&a.archive)?;
    let cat = archive.catalogue()?;
    let mut out = String::new();
    if a.json {
        out = serde_json::to_string_pretty(&cat)? + "\n";
    } else if cat.schools.is_empty() && cat.held.is_empty() {
        out.push_str(&t!("list-empty", path = &a.archive));
        out.push('\n');
    } else {
        let w_id = cat.schools.iter().map(|s| s.id.len()).max().unwrap_or(6).max(6);
        let names: Vec<String> = cat.schools.iter().map(|s| s.name.clone().unwrap_or_else(|| "-".into())).collect();
        let w_name = names.iter().map(|n| n.chars().count()).max().unwrap_or(4).clamp(4, 40);
        out.push_str(&format!(
            "{:w_id$}  {:w_name$}  {:10}  {:>7}  {}\n",
            t!("list-school"),
            t!("list-name"),
            t!("list-year"),
            t!("list-versions"),
            t!("list-newest")
        ));
        for (s, name) in cat.schools.iter().zip(&names) {
            let name: String = name.chars().take(w_name).collect();
            for (i, y) in s.years.iter().enumerate() {
                let (id, n) = if i == 0 { (s.id.as_str(), name.as_str()) } else { ("", "") };
                // Received but not read is not missing: say so, with why.
                let state = y
                    .newest_unread
                    .as_deref()
                    .map(|code| format!("  {}", t!("outcome-unread", reason = reason_dutch(code))))
                    .unwrap_or_default();
                let newest = t!("list-version-of", version = y.newest_version, date = &y.newest_created[..10]);
                out.push_str(&format!("{id:w_id$}  {n:w_name$}  {:10}  {:>7}  {newest}{state}\n", y.year, y.versions));
            }
        }
        let bundles: u32 = cat.schools.iter().flat_map(|s| &s.years).map(|y| y.versions).sum();
        let unread = cat.schools.iter().flat_map(|s| &s.years).filter(|y| y.newest_unread.is_some()).count();
        out.push('\n');
        out.push_str(&t!("list-total", schools = cat.schools.len(), bundles = bundles, unread = unread));
        out.push('\n');
        let held = archive.held_docs().with_context(|| {
            t!("archive-check-details", archive = crate::batch::real::shell_word(&a.archive.display().to_string()))
        })?;
        if !held.is_empty() {
            let waiting = held.iter().filter(|d| d.filed_as.is_none()).count();
            out.push('\n');
            out.push_str(&t!("list-waiting", n = held.len(), waiting = waiting));
            out.push('\n');
            for d in &held {
                let status = match &d.filed_as {
                    Some(b) => {
                        t!("list-assigned-to", school = b.school.to_string(), year = &b.year, version = b.version)
                    }
                    None => t!(
                        "list-assign-with",
                        command = format!(
                            "sop assign {} --school <id> --archive {}",
                            &d.sha256[..12],
                            crate::batch::real::shell_word(&a.archive.display().to_string())
                        )
                    ),
                };
                let received = t!("list-received", name = &d.info.filename, date = &d.info.received[..10]);
                out.push_str(&format!(
                    "  {}  {}  {received}\n    {}\n    {status}\n",
                    &d.sha256[..12],
                    d.year,
                    d.info.reason.message
                ));
            }
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(a: ShowArgs) -> Result<ExitCode> {
    let id = school_id(&a.school)?;
    let archive = open(&a.archive)?;
    let bundles = archive
        .bundles(&id, a.year.as_deref())
        .with_context(|| format!("--year {:?}", a.year.as_deref().unwrap_or("")))?;
    if bundles.is_empty() {
        let archive = a.archive.display().to_string();
        let msg = match a.year.as_deref() {
            Some(y) => t!("show-nothing-in-year", school = id.to_string(), year = y, archive = archive),
            None => t!("show-nothing", school = id.to_string(), archive = archive),
        };
        eprintln!("sop: {msg}");
        return Ok(ExitCode::from(1));
    }
    let mut shown = Vec::new();
    for b in &bundles {
        let opened = archive.contents(b).with_context(|| {
            t!("archive-check-details", archive = crate::batch::real::shell_word(&a.archive.display().to_string()))
        })?;
        shown.push((b, opened));
    }
    let mut out = String::new();
    if a.json {
        let v: Vec<serde_json::Value> = shown
            .iter()
            .map(|(b, o)| serde_json::json!({ "bundle": b, "manifest": o.manifest, "problems": o.problems.iter().map(|p| serde_json::json!({"entry": p.entry, "expected": p.expected, "found": p.found})).collect::<Vec<_>>() }))
            .collect();
        out = serde_json::to_string_pretty(&v)? + "\n";
    } else {
        let name = shown.iter().rev().find_map(|(_, o)| o.manifest.school_name.clone());
        let school = format!("{id}{}", name.map(|n| format!(" ({n})")).unwrap_or_default());
        out.push_str(&format!("{}\n", t!("show-school", school = school)));
        let mut year = "";
        for (b, o) in &shown {
            let m = &o.manifest;
            if b.year != year {
                year = &b.year;
                out.push_str(&format!("\n{}\n", t!("show-year", year = year)));
            }
            let version = t!("show-version", version = b.version, created = b.created.as_str());
            out.push_str(&format!("  {version}  {}\n", b.rel_path));
            let source = t!(
                "show-source",
                name = m.source.filename.as_str(),
                media_type = m.source.media_type.as_str(),
                bytes = m.source.bytes.to_string(),
                sha256 = m.source.sha256.as_str()
            );
            out.push_str(&format!("    {source}\n"));
            let files: Vec<String> =
                m.files.iter().map(|f| t!("show-file", name = f.name.as_str(), bytes = f.bytes.to_string())).collect();
            out.push_str(&format!("    {}\n", t!("show-contents", files = files.join(", "))));
            let bundle = t!("show-bundle", sha256 = b.bundle_sha256.as_str(), tool = m.tool_version.as_str());
            out.push_str(&format!("    {bundle}\n"));
            if let Some(s) = &m.supersedes {
                out.push_str(&format!("    {}\n", t!("show-supersedes", sha256 = s.to_string())));
            }
            match &m.unread {
                Some(u) => {
                    let unread = t!(
                        "show-unread",
                        reason = reason_dutch(&u.code),
                        code = u.code.as_str(),
                        stage = u.stage.to_string(),
                        message = u.message.as_str()
                    );
                    let command = format!(
                        "sop reprocess --school {id} --year {} --archive {}",
                        b.year,
                        crate::batch::real::shell_word(&a.archive.display().to_string())
                    );
                    out.push_str(&format!("    {unread}\n    {}\n", t!("show-read-again", command = command)));
                }
                None => out.push_str(&format!("    {}\n", t!("show-read"))),
            }
            if let Some(h) = &m.assigned_from {
                out.push_str(&format!("    {}\n", t!("show-assigned-from", sha256 = h.to_string())));
            }
            if !o.problems.is_empty() {
                out.push_str(&format!("    {}\n", t!("show-damaged", n = o.problems.len())));
            }
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(a: ExportArgs) -> Result<ExitCode> {
    let archive = open(&a.archive)?;
    let Some(school) = &a.school else { return export_held(&a, &archive) };
    let id = school_id(school)?;
    let selection = match (&a.year, a.all) {
        (Some(y), _) => Selection::Year(y),
        (None, true) => Selection::All,
        (None, false) => Selection::Newest,
    };
    let organization = match &a.organization {
        Some(o) => o.clone(),
        None => newest_swv(&archive, &id)
            .unwrap_or_else(|| "samenwerkingsverband (onbekend; geef --organization)".to_string()),
    };
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
    let date = sop_archive::format_utc(now)[..10].to_string();
    let info =
        BagInfo { source_organization: &organization, bagging_date: &date, tool_version: env!("CARGO_PKG_VERSION") };
    let e = sop_archive::export::export(&archive, &id, selection, &a.out, &info)
        .with_context(|| t!("export-failed", school = id.to_string(), path = a.out.display()))?;
    let msg = format!(
        "{}\n",
        t!(
            "export-done",
            bundles = e.bundles,
            school = id.to_string(),
            years = e.years.join(", "),
            path = e.path.display(),
            bag = e.bag_name.as_str(),
            files = e.payload_files,
            bytes = e.payload_bytes.to_string()
        )
    );
    std::io::stdout().lock().write_all(msg.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `sop export --ontvangen`: the waiting area as a BagIt bag.
fn export_held(a: &ExportArgs, archive: &Archive) -> Result<ExitCode> {
    let organization =
        a.organization.clone().unwrap_or_else(|| "samenwerkingsverband (onbekend; geef --organization)".to_string());
    let date = sop_archive::format_utc(crate::batch::filing::created_now())[..10].to_string();
    let info =
        BagInfo { source_organization: &organization, bagging_date: &date, tool_version: env!("CARGO_PKG_VERSION") };
    let e = sop_archive::export::export_held(archive, &a.out, &info)
        .with_context(|| t!("export-held-failed", path = a.out.display()))?;
    println!(
        "{}",
        t!(
            "export-held-done",
            bundles = e.bundles,
            years = e.years.join(", "),
            path = e.path.display(),
            bag = e.bag_name.as_str(),
            files = e.payload_files,
            bytes = e.payload_bytes.to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The samenwerkingsverband as the school's newest archived record names it
/// (bundles of documents that were not read hold no record).
fn newest_swv(archive: &Archive, id: &SchoolId) -> Option<String> {
    let newest = archive.bundles(id, None).ok()?.into_iter().rev().find(|b| b.unread.is_none())?;
    let record = archive.contents(&newest).ok()?.record?.ok()?;
    record.school.swv
}
