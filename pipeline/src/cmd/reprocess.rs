//! `sop reprocess`: reads again a document that was archived without being
//! read (e.g. after an update of `sop` that knows its template). When it can
//! now be read, a new version of the bundle is made from the same original,
//! with the record and the diff against the year before; nothing is
//! overwritten. When it still cannot, nothing is added.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use sop_archive::{Archive, LockMode, SchoolId};

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
    let id = SchoolId::parse(&a.school)
        .with_context(|| format!("--school {:?}: use an id as `sop list` shows it", a.school))?;
    sop_archive::check_school_year(&a.year).with_context(|| format!("--year {}", a.year))?;
    if !a.archive.is_dir() {
        bail!("no archive at `{}` (give the folder with --archive DIR)", a.archive.display());
    }
    let mut archive = Archive::open(&a.archive, LockMode::Wait)
        .with_context(|| format!("cannot open the archive `{}`", a.archive.display()))?;
    let Some(latest) = archive.latest(&id, &a.year)? else {
        bail!(
            "the archive `{}` has nothing of school `{id}` in school year {}; `sop show --school {id} --archive {}` shows what it has",
            a.archive.display(),
            a.year,
            a.archive.display()
        );
    };
    if latest.unread.is_none() {
        println!(
            "Versie {} van {id} {} is al gelezen ({}); er is niets opnieuw te lezen.",
            latest.version, a.year, latest.rel_path
        );
        return Ok(ExitCode::SUCCESS);
    }
    let opened =
        archive.contents(&latest).with_context(|| format!("run `sop verify --archive {}`", a.archive.display()))?;
    if let Some(p) = opened.problems.first() {
        bail!(
            "`{}`: entry {} does not match the manifest; run `sop verify --archive {}`",
            latest.rel_path,
            p.entry,
            a.archive.display()
        );
    }
    let m = &opened.manifest;
    let bytes = opened.source.clone().context("the bundle holds no original")?;
    let read = filing::read_bytes(&m.source.filename, &m.source.filename, &bytes);
    let record = match &read.read {
        Ok(r) => r,
        Err(e) => {
            println!(
                "Nog steeds niet leesbaar: `{}` van {id} {} ({}): {} ({}). Er is niets toegevoegd.",
                m.source.filename,
                a.year,
                latest.rel_path,
                reason_dutch(e.code),
                e.reason
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
    .map_err(|e| anyhow::anyhow!("cannot file the new version of `{}`: {}", latest.rel_path, e.reason))?;
    archive.flush().context("cannot finish writing the archive's catalogue and ledger head")?;
    let rel = filed.path.strip_prefix(archive.root()).unwrap_or(&filed.path).display().to_string();
    println!(
        "Opnieuw gelezen: `{}` van {id} {} is nu versie {} ({rel}), {}; versie {} blijft bewaard.",
        m.source.filename,
        a.year,
        filed.version,
        template_name(&record.template.family),
        latest.version
    );
    match (filed.changes, &filed.diff_report) {
        (Some(n), Some(d)) => println!("{n} wijziging(en) t.o.v. vorig schooljaar: {}", d.display()),
        _ => println!("Geen vorig schooljaar om mee te vergelijken."),
    }
    Ok(ExitCode::SUCCESS)
}
