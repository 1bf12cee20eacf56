//! `sop assign`: files a document from the holding area (`ontvangen/`, a
//! document received without a school) under a school, as a normal bundle:
//! read and normalised when it can be, else as received but not read. The
//! bundle's ledger line names the held document it came from.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use sop_archive::{Archive, HeldDoc, LockMode, SchoolId};

use crate::batch::filing::{self, Filing};
use crate::batch::report::reason_dutch;
use crate::batch::ArchivedOutcome;

#[derive(clap::Args)]
pub struct Args {
    /// The held document: the start of its sha256 (as the run report and `sop list` show it), or the file itself.
    #[arg(value_name = "SHA256-PREFIX|FILE")]
    document: String,
    /// The id of the school it belongs to (as in the registry).
    #[arg(long, value_name = "ID")]
    school: String,
    /// The school year to file it under [default: the year of the run that received it].
    #[arg(long, value_name = "YYYY-YYYY")]
    year: Option<String>,
    /// The list of schools; when given, the id must be in it.
    #[arg(long, value_name = "schools.csv")]
    registry: Option<PathBuf>,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    archive: PathBuf,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let id = SchoolId::parse(&a.school)
        .with_context(|| format!("--school {:?}: use the school's id as in the registry", a.school))?;
    if let Some(y) = &a.year {
        sop_archive::check_school_year(y).with_context(|| format!("--year {y}"))?;
    }
    let registry = match &a.registry {
        Some(path) => Some(
            sop_archive::Registry::from_csv(path)
                .with_context(|| format!("cannot use the registry `{}`", path.display()))?,
        ),
        None => None,
    };
    if let Some(r) = &registry {
        if r.get(&id).is_none() {
            bail!(
                "school `{id}` is not in the registry `{}`; check the id, or add the school to the registry first",
                a.registry.as_ref().expect("given").display()
            );
        }
    }
    if !a.archive.is_dir() {
        bail!("no archive at `{}` (give the folder with --archive DIR)", a.archive.display());
    }
    let mut archive = Archive::open(&a.archive, LockMode::Wait)
        .with_context(|| format!("cannot open the archive `{}`", a.archive.display()))?;
    let doc = find(&archive, &a.document, &a.archive)?;
    if let Some(b) = &doc.filed_as {
        if b.school != id {
            bail!(
                "the held document `{}` ({}) is filed under school `{}` already (`{}`); nothing was changed",
                doc.info.filename,
                &doc.sha256[..12],
                b.school,
                b.rel_path
            );
        }
        println!(
            "Al toegewezen: `{}` staat al in het archief bij {} {} als versie {} ({}).",
            doc.info.filename, b.school, b.year, b.version, b.rel_path
        );
        return Ok(ExitCode::SUCCESS);
    }
    let year = a.year.clone().unwrap_or_else(|| doc.year.clone());
    let bytes = archive.read_held(&doc).context("run `sop verify` and restore the file from a backup")?;
    let path = archive.root().join(&doc.file_path);
    let read = filing::read_bytes(&path.display().to_string(), &doc.info.filename, &bytes);
    let school_name = registry
        .as_ref()
        .and_then(|r| r.get(&id))
        .map(|e| e.name.clone())
        .or_else(|| read.read.as_ref().ok().and_then(|r| r.school.name.clone()));
    let filed = filing::file(
        &mut archive,
        Filing {
            school: &id,
            school_name: school_name.as_deref(),
            year: &year,
            bytes: &bytes,
            filename: &doc.info.filename,
            read: read.read.as_ref(),
            text: read.text.as_deref(),
            created: filing::created_now(),
            assigned_from: Some(&doc.info_path),
        },
    )
    .map_err(|e| anyhow::anyhow!("cannot file `{}` under `{id}`: {}", doc.info.filename, e.reason))?;
    archive.flush().context("cannot finish writing the archive's catalogue and ledger head")?;
    let rel = filed.path.strip_prefix(archive.root()).unwrap_or(&filed.path).display().to_string();
    let what = match &read.read {
        Ok(r) => format!("gelezen ({})", crate::batch::report::template_name(&r.template.family)),
        Err(e) => format!("ontvangen, niet leesbaar: {} ({})", reason_dutch(e.code), e.reason),
    };
    match filed.outcome {
        ArchivedOutcome::Unchanged => println!(
            "`{}` staat al in het archief bij {id} {year} als versie {} ({rel}); er is niets toegevoegd.",
            doc.info.filename, filed.version
        ),
        _ => {
            println!("Toegewezen: `{}` -> {id} {year}, versie {} ({rel}): {what}.", doc.info.filename, filed.version);
            if let Some(d) = &filed.diff_report {
                println!("Verschillen met vorig schooljaar: {}", d.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The held document a sha256 prefix or a file names.
fn find(archive: &Archive, document: &str, root: &std::path::Path) -> Result<HeldDoc> {
    let docs = archive.held_docs().context("run `sop verify` for the details")?;
    let path = std::path::Path::new(document);
    let (matches, what): (Vec<HeldDoc>, String) = if path.is_file() {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        let sha = crate::load::sha256_hex(&bytes);
        (docs.into_iter().filter(|d| d.sha256 == sha).collect(), format!("the file `{}`", path.display()))
    } else {
        let prefix = document.trim().to_ascii_lowercase();
        if prefix.len() < 6 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            bail!(
                "`{document}` is neither a file nor the start of a sha256 (at least 6 of the characters 0-9, a-f); `sop list --archive {}` shows the held documents",
                root.display()
            );
        }
        (docs.into_iter().filter(|d| d.sha256.starts_with(&prefix)).collect(), format!("sha256 `{prefix}…`"))
    };
    match matches.len() {
        0 => bail!(
            "no document in the holding area of `{}` matches {what}; `sop list --archive {}` shows the held documents",
            root.display(),
            root.display()
        ),
        1 => Ok(matches.into_iter().next().expect("one")),
        _ => bail!(
            "{what} matches {} held documents ({}); give more characters of the sha256",
            matches.len(),
            matches.iter().map(|d| d.sha256[..16].to_string()).collect::<Vec<_>>().join(", ")
        ),
    }
}
