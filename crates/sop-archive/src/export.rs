//! The package for an inspectorate request: a school's bundles and ledger
//! lines as a BagIt 1.0 bag (RFC 8493), serialised as a zip whose single top
//! folder is the bag.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha512};

use crate::archive::Archive;
use crate::bundle::{deterministic_zip, sha256_hex};
use crate::error::{Error, Result};
use crate::fsutil;
use crate::id::{check_school_year, SchoolId};

/// Which school years of a school go into the bag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection<'a> {
    /// One school year, every version of it.
    Year(&'a str),
    /// The newest school year the archive holds for the school.
    Newest,
    /// Every school year.
    All,
}

/// The bag-info values the caller decides.
#[derive(Debug, Clone, Copy)]
pub struct BagInfo<'a> {
    /// The SWV handing the bag over.
    pub source_organization: &'a str,
    /// `YYYY-MM-DD`.
    pub bagging_date: &'a str,
    /// Put in `Bag-Software-Agent`.
    pub tool_version: &'a str,
}

/// What [`export`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    /// The bag's folder name inside the zip.
    pub bag_name: String,
    pub years: Vec<String>,
    pub bundles: usize,
    /// Payload-Oxum: bytes and files under `data/`.
    pub payload_bytes: u64,
    pub payload_files: usize,
}

/// Writes the bag of `school` to `out` (atomically). Every bundle is checked
/// against the ledger and its manifest first; a damaged archive exports
/// nothing. Same archive and same `info` give the same bytes.
pub fn export(
    archive: &Archive,
    school: &SchoolId,
    selection: Selection<'_>,
    out: &Path,
    info: &BagInfo<'_>,
) -> Result<Exported> {
    let all = archive.bundles(school, None)?;
    let years: Vec<String> = {
        let mut y: Vec<String> = all.iter().map(|b| b.year.clone()).collect();
        y.dedup();
        match selection {
            Selection::All => y,
            Selection::Newest => y.last().cloned().into_iter().collect(),
            Selection::Year(want) => {
                check_school_year(want)?;
                y.into_iter().filter(|y| y == want).collect()
            }
        }
    };
    let year_label = match selection {
        Selection::All => String::new(),
        Selection::Year(y) => sop_i18n::t!("export-in-year", year = y),
        Selection::Newest => String::new(),
    };
    if years.is_empty() {
        return Err(Error::NothingToExport { school: school.to_string(), year: year_label });
    }
    let bundles: Vec<_> = all.into_iter().filter(|b| years.contains(&b.year)).collect();
    let bag_name = match selection {
        Selection::All => format!("sop-{school}-alle-jaren"),
        _ => format!("sop-{school}-{}", years[0]),
    };

    let mut payload: Vec<(String, Vec<u8>)> = Vec::new();
    let mut name = None;
    // (bundle path, reason) of every bundle whose document was not read.
    let mut unread: Vec<(String, String)> = Vec::new();
    for b in &bundles {
        let (bytes, opened) = archive.read_bundle(b)?;
        if let Some(p) = opened.problems.first() {
            return Err(Error::BadBundle {
                path: b.path.clone(),
                reason: format!("entry {} does not match the manifest; run `sop verify`", p.entry),
            });
        }
        name = opened.manifest.school_name.clone().or(name);
        if let Some(u) = &opened.manifest.unread {
            unread.push((b.rel_path.clone(), format!("{}: {}", u.code, u.message)));
        }
        payload.push((format!("data/{}", b.rel_path), bytes));
    }
    let mut ledger = String::new();
    for y in &years {
        for line in archive.ledger_lines(school, Some(y))? {
            ledger.push_str(&line);
            ledger.push('\n');
        }
    }
    // Documents first held without a school and filed under this one with
    // `sop assign`: the held original and its info file, as received, and
    // their ledger lines.
    let assigned: Vec<&str> = bundles.iter().filter_map(|b| b.assigned_from.as_deref()).collect();
    let mut held_count = 0;
    for doc in archive.held_docs()?.into_iter().filter(|d| assigned.contains(&d.info_path.as_str())) {
        let original = archive.read_held(&doc)?;
        let info = std::fs::read(archive.root().join(&doc.info_path))
            .map_err(crate::error::io("read", archive.root().join(&doc.info_path)))?;
        payload.push((format!("data/{}", doc.file_path), original));
        payload.push((format!("data/{}", doc.info_path), info));
        held_count += 1;
    }
    for line in archive.held_ledger_lines(&assigned)? {
        ledger.push_str(&line);
        ledger.push('\n');
    }
    payload.push(("data/ledger.jsonl".to_string(), ledger.into_bytes()));
    payload.push(("data/LEESMIJ.txt".to_string(), readme(school, name.as_deref(), &years).into_bytes()));
    payload.sort_by(|a, b| a.0.cmp(&b.0));

    let description = format!(
        "Schoolondersteuningsprofielen van {} ({school}), schooljaar{} {}, uit het archief van het samenwerkingsverband. \
         Per versie een bundel (zip) met het originele bestand, de uitgelezen tekst, het gestandaardiseerde profiel (sop.json), \
         de verschillen met het vorige schooljaar en een manifest met sha256-controlegetallen; ledger.jsonl bevat de bijbehorende \
         regels uit het logboek van het archief. Zie data/LEESMIJ.txt.",
        name.as_deref().unwrap_or("de school"),
        if years.len() > 1 { "en" } else { "" },
        years.join(", ")
    );
    // Which documents were received but not read: one tag per bundle, so a
    // reader of bag-info.txt sees them without opening a bundle.
    let mut extra = format!("Unread-Bundles: {}\n", unread.len());
    for (path, why) in &unread {
        extra.push_str(&format!("Unread-Bundle: data/{path} (ontvangen, niet leesbaar: {})\n", one_line(why)));
    }
    if held_count > 0 {
        extra.push_str(&format!("Assigned-Held-Documents: {held_count}\n"));
    }
    let payload_bytes: u64 = payload.iter().map(|(_, b)| b.len() as u64).sum();
    write_bag(&bag_name, &payload, &description, &extra, info, out)?;
    Ok(Exported {
        path: out.to_path_buf(),
        bag_name,
        years,
        bundles: bundles.len(),
        payload_bytes,
        payload_files: payload.len(),
    })
}

/// Tag values are single lines; a newline in a value would start a new tag.
fn one_line(s: &str) -> String {
    sop_model::text::normalize_ws(s)
}

fn readme(school: &SchoolId, name: Option<&str>, years: &[String]) -> String {
    format!(
        "Schoolondersteuningsprofielen - export voor de inspectie\n\
         \n\
         School: {} ({school})\n\
         Schooljaren: {}\n\
         \n\
         Inhoud\n\
         - {school}/<schooljaar>/v0001-<controlegetal>.zip: een bundel per versie van het profiel.\n\
         \x20 Elke bundel bevat het originele bestand (source.pdf of source.txt), de uitgelezen\n\
         \x20 tekst (text.txt), het gestandaardiseerde profiel (sop.json), waar er een vorig\n\
         \x20 schooljaar is de verschillen daarmee (diff.json, diff.md), en manifest.json met\n\
         \x20 de sha256 en grootte van elk ander bestand in de bundel.\n\
         \x20 Een bundel van een document dat wel ontvangen is maar niet gelezen kon worden\n\
         \x20 (beveiligd, onbekend sjabloon, geen profiel) heeft geen sop.json maar unread.json\n\
         \x20 met de reden; bag-info.txt noemt deze bundels (Unread-Bundle).\n\
         - ontvangen/<schooljaar>/: documenten die zonder herkenbare school binnenkwamen en later\n\
         \x20 met `sop assign` aan deze school zijn toegewezen, zoals ontvangen, met hun info-bestand.\n\
         - ledger.jsonl: de regels uit het logboek van het archief voor deze bundels. Elke regel\n\
         \x20 noemt de sha256 van de bundel en van het originele bestand, en de sha256 van de\n\
         \x20 regel ervoor in het volledige logboek van het samenwerkingsverband.\n\
         \n\
         Controleren\n\
         Deze map is een BagIt-pakket (RFC 8493): manifest-sha256.txt en manifest-sha512.txt\n\
         geven de controlegetallen van alle bestanden, te controleren met elk BagIt-programma,\n\
         bijvoorbeeld `bagit.py --validate <map>`.\n",
        name.unwrap_or("naam onbekend"),
        years.join(", ")
    )
}

/// Writes `payload` (paths under `data/`, sorted) as a BagIt 1.0 bag named
/// `bag_name`, zipped, to `out` (atomically).
fn write_bag(
    bag_name: &str,
    payload: &[(String, Vec<u8>)],
    description: &str,
    extra_tags: &str,
    info: &BagInfo<'_>,
    out: &Path,
) -> Result<()> {
    let payload_bytes: u64 = payload.iter().map(|(_, b)| b.len() as u64).sum();
    let mut m256 = String::new();
    let mut m512 = String::new();
    for (p, b) in payload {
        m256.push_str(&format!("{}  {p}\n", sha256_hex(b)));
        m512.push_str(&format!("{}  {p}\n", hex::encode(Sha512::digest(b))));
    }
    let bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".to_string();
    let mut bag_info = format!(
        "Source-Organization: {}\nExternal-Identifier: {bag_name}\nExternal-Description: {}\nBagging-Date: {}\nPayload-Oxum: {payload_bytes}.{}\nBag-Software-Agent: sop {}\n",
        one_line(info.source_organization),
        one_line(description),
        one_line(info.bagging_date),
        payload.len(),
        one_line(info.tool_version),
    );
    bag_info.push_str(extra_tags);
    let mut tags = vec![
        ("bag-info.txt".to_string(), bag_info.into_bytes()),
        ("bagit.txt".to_string(), bagit.into_bytes()),
        ("manifest-sha256.txt".to_string(), m256.into_bytes()),
        ("manifest-sha512.txt".to_string(), m512.into_bytes()),
    ];
    let mut tagm = String::new();
    for (p, b) in &tags {
        tagm.push_str(&format!("{}  {p}\n", sha256_hex(b)));
    }
    tags.push(("tagmanifest-sha256.txt".to_string(), tagm.into_bytes()));

    let mut entries: Vec<(String, Vec<u8>)> =
        tags.into_iter().chain(payload.iter().cloned()).map(|(p, b)| (format!("{bag_name}/{p}"), b)).collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let zip = deterministic_zip(&entries, out)?;
    fsutil::write_replace(out, &zip, "export")
}

/// Writes the holding area (`ontvangen/`: documents received without a
/// school, waiting or assigned) as a BagIt bag: every held original and info
/// file as received, and their ledger lines; `bag-info.txt` says which still
/// wait for a school.
pub fn export_held(archive: &Archive, out: &Path, info: &BagInfo<'_>) -> Result<Exported> {
    let docs = archive.held_docs()?;
    if docs.is_empty() {
        return Err(Error::NothingToExport { school: crate::held::HELD_DIR.to_string(), year: String::new() });
    }
    let mut payload: Vec<(String, Vec<u8>)> = Vec::new();
    let mut extra = String::new();
    let waiting = docs.iter().filter(|d| d.filed_as.is_none()).count();
    extra.push_str(&format!("Held-Documents: {}\nHeld-Documents-Waiting: {waiting}\n", docs.len()));
    for d in &docs {
        let original = archive.read_held(d)?;
        let info_bytes = std::fs::read(archive.root().join(&d.info_path))
            .map_err(crate::error::io("read", archive.root().join(&d.info_path)))?;
        payload.push((format!("data/{}", d.file_path), original));
        payload.push((format!("data/{}", d.info_path), info_bytes));
        let status = match &d.filed_as {
            Some(b) => format!("toegewezen aan {} ({})", b.school, b.rel_path),
            None => "school onbekend, nog niet toegewezen; niet gelezen".to_string(),
        };
        extra.push_str(&format!("Held-Document: data/{} ({}; {status})\n", d.file_path, one_line(&d.info.filename)));
    }
    let paths: Vec<&str> = docs.iter().map(|d| d.info_path.as_str()).collect();
    let mut ledger = String::new();
    for line in archive.held_ledger_lines(&paths)? {
        ledger.push_str(&line);
        ledger.push('\n');
    }
    payload.push(("data/ledger.jsonl".to_string(), ledger.into_bytes()));
    payload.sort_by(|a, b| a.0.cmp(&b.0));
    let mut years: Vec<String> = docs.iter().map(|d| d.year.clone()).collect();
    years.sort();
    years.dedup();
    let bag_name = "sop-ontvangen".to_string();
    let description = "Documenten die het samenwerkingsverband heeft ontvangen zonder dat te zien was van welke school \
        ze zijn (de wachtruimte ontvangen/ van het archief): per document het origineel zoals ontvangen en een info-bestand \
        met de oorspronkelijke naam, het tijdstip en de reden; ledger.jsonl bevat de bijbehorende regels uit het logboek.";
    write_bag(&bag_name, &payload, description, &extra, info, out)?;
    Ok(Exported {
        path: out.to_path_buf(),
        bag_name,
        years,
        bundles: docs.len(),
        payload_bytes: payload.iter().map(|(_, b)| b.len() as u64).sum(),
        payload_files: payload.len(),
    })
}
