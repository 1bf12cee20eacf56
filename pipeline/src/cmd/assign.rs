//! `sop assign`: files a document from the holding area (`ontvangen/`, a
//! document received without a school) under a school, as a normal bundle:
//! read and normalised when it can be, else as received but not read. The
//! bundle's ledger line names the held document it came from.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use sop_archive::{Archive, HeldDoc, LockMode, SchoolId};
use sop_i18n::t;

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
            sop_archive::Registry::from_csv(path).with_context(|| t!("registry-cannot-use", path = path.display()))?,
        ),
        None => None,
    };
    if let Some(r) = &registry {
        if r.get(&id).is_none() {
            bail!(t!(
                "assign-not-in-registry",
                school = id.to_string(),
                registry = a.registry.as_ref().expect("given").display()
            ));
        }
    }
    if !a.archive.is_dir() {
        bail!(t!("archive-missing", path = a.archive.display()));
    }
    let mut archive = Archive::open(&a.archive, LockMode::Wait)
        .with_context(|| t!("archive-cannot-open", path = a.archive.display()))?;
    let doc = find(&archive, &a.document, &a.archive)?;
    if let Some(b) = &doc.filed_as {
        if b.school != id {
            bail!(t!(
                "assign-filed-elsewhere",
                name = doc.info.filename.as_str(),
                sha256 = &doc.sha256[..12],
                school = b.school.to_string(),
                path = b.rel_path.as_str()
            ));
        }
        println!(
            "{}",
            t!(
                "assign-already",
                name = doc.info.filename.as_str(),
                school = b.school.to_string(),
                year = b.year.as_str(),
                version = b.version,
                path = b.rel_path.as_str()
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    let year = a.year.clone().unwrap_or_else(|| doc.year.clone());
    let bytes = archive.read_held(&doc).with_context(|| t!("assign-cannot-read-held"))?;
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
    .map_err(|e| {
        anyhow::anyhow!(t!(
            "assign-cannot-file",
            name = doc.info.filename.as_str(),
            school = id.to_string(),
            reason = e.reason.as_str()
        ))
    })?;
    archive.flush().with_context(|| t!("archive-cannot-finish"))?;
    let rel = filed.path.strip_prefix(archive.root()).unwrap_or(&filed.path).display().to_string();
    let what = match &read.read {
        Ok(r) => t!("assign-read", template = crate::batch::report::template_name(&r.template.family)),
        Err(e) => t!("assign-unread", reason = reason_dutch(e.code), detail = e.reason.as_str()),
    };
    let (name, school) = (doc.info.filename.as_str(), id.to_string());
    match filed.outcome {
        ArchivedOutcome::Unchanged => println!(
            "{}",
            t!(
                "assign-unchanged",
                name = name,
                school = school,
                year = year.as_str(),
                version = filed.version,
                path = rel
            )
        ),
        _ => {
            println!(
                "{}",
                t!(
                    "assign-done",
                    name = name,
                    school = school,
                    year = year.as_str(),
                    version = filed.version,
                    path = rel,
                    what = what
                )
            );
            if let Some(d) = &filed.diff_report {
                println!("{}", t!("assign-diff", path = d.display()));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The held document a sha256 prefix or a file names.
fn find(archive: &Archive, document: &str, root: &std::path::Path) -> Result<HeldDoc> {
    let docs = archive.held_docs().with_context(|| t!("archive-check-details", archive = root.display()))?;
    let path = std::path::Path::new(document);
    let (matches, what): (Vec<HeldDoc>, String) = if path.is_file() {
        let bytes = std::fs::read(path).with_context(|| t!("assign-file-unreadable", path = path.display()))?;
        let sha = crate::load::sha256_hex(&bytes);
        (docs.into_iter().filter(|d| d.sha256 == sha).collect(), t!("assign-the-file", path = path.display()))
    } else {
        let prefix = document.trim().to_ascii_lowercase();
        if prefix.len() < 6 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            bail!(t!("assign-not-a-document", document = document, archive = root.display()));
        }
        let what = t!("assign-the-prefix", prefix = prefix.as_str());
        (docs.into_iter().filter(|d| d.sha256.starts_with(&prefix)).collect(), what)
    };
    match matches.len() {
        0 => bail!(t!("assign-no-match", archive = root.display(), what = what)),
        1 => Ok(matches.into_iter().next().expect("one")),
        _ => bail!(t!(
            "assign-many-match",
            what = what,
            n = matches.len(),
            list = matches.iter().map(|d| d.sha256[..16].to_string()).collect::<Vec<_>>().join(", ")
        )),
    }
}
