//! `sop reprocess`: reads again a document that was archived without being
//! read (e.g. after an update of `sop` that knows its template). When it can
//! now be read, a new version of the bundle is made from the same original,
//! with the record and the diff against the year before; nothing is
//! overwritten. When it still cannot, nothing is added.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use sop_archive::{Archive, LockMode, SchoolId};
use sop_i18n::t;

use crate::batch::filing::{self, Filing};
use crate::batch::report::{reason_dutch, template_name};

#[derive(clap::Args)]
pub struct Args {
    /// The school's id, as `sop list` shows it.
    #[arg(long, value_name = "ID")]
    school: String,
    /// The school year.
    #[arg(long, value_name = "YYYY-YYYY")]
    year: String,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let id = SchoolId::parse(&a.school).with_context(|| t!("reprocess-bad-school", school = a.school.as_str()))?;
    sop_archive::check_school_year(&a.year).with_context(|| format!("--year {}", a.year))?;
    if !a.archive.is_dir() {
        bail!(t!("archive-missing", path = a.archive.display()));
    }
    let mut archive = Archive::open(&a.archive, LockMode::Wait)
        .with_context(|| t!("archive-cannot-open", path = a.archive.display()))?;
    let Some(latest) = archive.latest(&id, &a.year)? else {
        bail!(t!("reprocess-nothing", archive = a.archive.display(), school = id.to_string(), year = a.year.as_str()));
    };
    if latest.unread.is_none() {
        println!(
            "{}",
            t!(
                "reprocess-already-read",
                version = latest.version,
                school = id.to_string(),
                year = a.year.as_str(),
                path = latest.rel_path.as_str()
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    let opened =
        archive.contents(&latest).with_context(|| t!("archive-check-details", archive = a.archive.display()))?;
    if let Some(p) = opened.problems.first() {
        bail!(t!(
            "reprocess-damaged",
            path = latest.rel_path.as_str(),
            entry = p.entry.as_str(),
            archive = a.archive.display()
        ));
    }
    let m = &opened.manifest;
    let bytes = opened.source.clone().with_context(|| t!("reprocess-no-original"))?;
    let read = filing::read_bytes(&m.source.filename, &m.source.filename, &bytes);
    let record = match &read.read {
        Ok(r) => r,
        Err(e) => {
            println!(
                "{}",
                t!(
                    "reprocess-still-unread",
                    name = m.source.filename.as_str(),
                    school = id.to_string(),
                    year = a.year.as_str(),
                    path = latest.rel_path.as_str(),
                    reason = reason_dutch(e.code),
                    detail = e.reason.as_str()
                )
            );
            return Ok(ExitCode::from(1));
        }
    };
    let filed = filing::file(
        &mut archive,
        Filing {
            school: &id,
            school_name: m.school_name.as_deref(),
            year: &a.year,
            bytes: &bytes,
            filename: &m.source.filename,
            read: Ok(record),
            text: read.text.as_deref(),
            created: filing::created_now(),
            assigned_from: None,
        },
    )
    .map_err(|e| {
        anyhow::anyhow!(t!("reprocess-cannot-file", path = latest.rel_path.as_str(), reason = e.reason.as_str()))
    })?;
    archive.flush().with_context(|| t!("archive-cannot-finish"))?;
    let rel = filed.path.strip_prefix(archive.root()).unwrap_or(&filed.path).display().to_string();
    println!(
        "{}",
        t!(
            "reprocess-done",
            name = m.source.filename.as_str(),
            school = id.to_string(),
            year = a.year.as_str(),
            version = filed.version,
            path = rel,
            template = template_name(&record.template.family),
            old = latest.version
        )
    );
    match (filed.changes, &filed.diff_report) {
        (Some(n), Some(d)) => println!("{}", t!("reprocess-changes", n = n, path = d.display())),
        _ => println!("{}", t!("reprocess-no-previous")),
    }
    Ok(ExitCode::SUCCESS)
}
