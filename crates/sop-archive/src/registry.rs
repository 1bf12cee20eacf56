//! Which school a record belongs to: from the SWV's registry (`schools.csv`)
//! when there is one, else derived from the record itself. A record that
//! cannot be tied to one school is not archived under a guess.

use sop_i18n::t;
use std::path::Path;

use sop_model::text::{self, slug};
use sop_model::Record;

use crate::error::{Error, Result};
use crate::id::SchoolId;

/// One row of `schools.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryEntry {
    pub id: SchoolId,
    pub brin: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub url: Option<String>,
    pub email_domain: Option<String>,
}

/// The SWV's list of its schools with their stable ids.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub entries: Vec<RegistryEntry>,
}

/// A school found for a record, and how, in words for the run report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identified {
    pub id: SchoolId,
    pub how: String,
}

/// Why no school could be found; shown in the run report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unidentified {
    pub reason: String,
}

impl std::fmt::Display for Unidentified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "school not identified: {}", self.reason)
    }
}

impl std::error::Error for Unidentified {}

impl Registry {
    /// Reads `schools.csv`: a header row naming the columns `id`, `name`
    /// (required) and `brin`, `aliases` (separated by `;`), `url`,
    /// `email_domain` (optional), in any order; comma-separated, fields may
    /// be double-quoted (RFC 4180). Every id must be a valid [`SchoolId`] and
    /// unique.
    pub fn from_csv(path: &Path) -> Result<Registry> {
        let text = std::fs::read_to_string(path).map_err(crate::error::io("read", path))?;
        Registry::parse_csv(&text, path)
    }

    pub fn parse_csv(text: &str, path: &Path) -> Result<Registry> {
        let bad = |line: usize, reason: String| Error::BadRegistry { path: path.to_path_buf(), line, reason };
        let rows = parse_csv(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|(l, r)| bad(l, r))?;
        let Some((_, header)) = rows.first() else {
            return Err(bad(1, "the file is empty; expected a header row".into()));
        };
        let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        let col = |name: &str| header.iter().position(|h| h == name);
        let (Some(id_col), Some(name_col)) = (col("id"), col("name")) else {
            return Err(bad(
                1,
                "the header must name the columns id and name (and optionally brin, aliases, url, email_domain)".into(),
            ));
        };
        let (brin, aliases, url, domain) = (col("brin"), col("aliases"), col("url"), col("email_domain"));
        let mut entries: Vec<RegistryEntry> = Vec::new();
        for (line, row) in &rows[1..] {
            if row.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let get =
                |c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            let id_text = get(Some(id_col)).unwrap_or_default();
            let id = SchoolId::parse(&id_text).map_err(|e| bad(*line, e.to_string()))?;
            if entries.iter().any(|e| e.id == id) {
                return Err(bad(*line, format!("id `{id}` appears twice")));
            }
            let name = get(Some(name_col)).ok_or_else(|| bad(*line, format!("school `{id}` has no name")))?;
            entries.push(RegistryEntry {
                id,
                brin: get(brin).and_then(|b| text::brin_key(&b)),
                name,
                aliases: get(aliases)
                    .map(|a| a.split(';').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
                    .unwrap_or_default(),
                url: get(url),
                email_domain: get(domain).and_then(|d| text::domain_key(&d)),
            });
        }
        Ok(Registry { entries })
    }

    pub fn get(&self, id: &SchoolId) -> Option<&RegistryEntry> {
        self.entries.iter().find(|e| &e.id == id)
    }
}

/// A CSV row and the 1-based line it starts on.
type Row = (usize, Vec<String>);

/// RFC 4180 rows; the error is (line, reason).
fn parse_csv(text: &str) -> std::result::Result<Vec<Row>, (usize, String)> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let (mut line, mut row_line) = (1usize, 1usize);
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push((row_line, std::mem::take(&mut row)));
                line += 1;
                row_line = line;
                any = false;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err((row_line, "a quoted field is not closed".into()));
    }
    if any {
        row.push(field);
        rows.push((row_line, row));
    }
    Ok(rows)
}

/// Comparable form of a name: case, diacritics and punctuation folded.
fn norm(s: &str) -> String {
    slug(s)
}

fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    host.contains('.').then_some(host)
}

/// A criterion's name in a reason a person reads.
fn criterion(what: &str) -> String {
    match what {
        "BRIN" => t!("identify-criterion-brin"),
        "name" => t!("identify-criterion-name"),
        _ => t!("identify-criterion-domain"),
    }
}

/// Several criteria's names, joined ("BRIN en naam").
fn criteria_named(used: &[&str]) -> String {
    let names: Vec<String> = used.iter().map(|w| criterion(w)).collect();
    names.join(&format!(" {} ", t!("identify-and")))
}

/// Finds the school of `record`.
///
/// - `hint` (e.g. the id column of a sources list) wins: with a registry it
///   must be one of its ids.
/// - With a registry: the BRIN, then the name or an alias, then the e-mail
///   domain or website host must point at exactly one school; several
///   candidates are narrowed by the next criterion, never guessed between.
///   A BRIN and a name that point at different schools are a conflict.
/// - Without one: the id is derived from the school's name and city (or,
///   lacking a city, its e-mail domain); a record without a name is
///   unidentified.
pub fn identify(record: &Record, registry: Option<&Registry>, hint: Option<&str>) -> Result<Identified, Unidentified> {
    let un = |reason: String| Err(Unidentified { reason });
    if let Some(h) = hint {
        let id = match SchoolId::parse(h.trim()) {
            Ok(id) => id,
            Err(e) => return un(e.to_string()),
        };
        return match registry {
            Some(r) if r.get(&id).is_none() => un(t!("identify-id-not-in-registry", id = id.to_string())),
            Some(_) => Ok(Identified { how: format!("id `{id}` given with the input, found in the registry"), id }),
            None => Ok(Identified { how: format!("id `{id}` given with the input"), id }),
        };
    }
    let school = &record.school;
    let name = school.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let domain = school.email.as_deref().and_then(text::email_domain);
    let host = school.website.as_deref().and_then(url_host);
    let Some(registry) = registry else {
        let Some(name) = name else { return un(t!("identify-no-name-no-registry")) };
        let city = school.address.as_ref().and_then(|a| a.city.as_deref()).filter(|c| !c.trim().is_empty());
        let (id, how) = match (city, &domain) {
            (Some(c), _) => (
                SchoolId::from_text(&[name, c]),
                format!("derived from name \"{name}\" and city \"{c}\" (no registry)"),
            ),
            (None, Some(d)) => (
                SchoolId::from_text(&[name, d.split('.').next().unwrap_or(d)]),
                format!("derived from name \"{name}\" and e-mail domain {d} (no registry, no city)"),
            ),
            (None, None) => (
                SchoolId::from_text(&[name]),
                format!("derived from name \"{name}\" alone (no registry, no city, no e-mail)"),
            ),
        };
        return match id {
            Some(id) => Ok(Identified { id, how }),
            None => un(t!("identify-name-gives-no-id", name = name)),
        };
    };

    let all: Vec<&RegistryEntry> = registry.entries.iter().collect();
    let brin = school.brin.as_deref().and_then(text::brin_key);
    let by_brin: Vec<&RegistryEntry> = match &brin {
        Some(b) => all.iter().copied().filter(|e| e.brin.as_deref() == Some(b.as_str())).collect(),
        None => Vec::new(),
    };
    let by_name: Vec<&RegistryEntry> = match name.map(norm) {
        Some(n) if !n.is_empty() => {
            all.iter().copied().filter(|e| norm(&e.name) == n || e.aliases.iter().any(|a| norm(a) == n)).collect()
        }
        _ => Vec::new(),
    };
    let by_domain: Vec<&RegistryEntry> = all
        .iter()
        .copied()
        .filter(|e| {
            let d = e.email_domain.as_deref();
            let h = e.url.as_deref().and_then(url_host);
            (domain.is_some() && (d == domain.as_deref() || h.as_deref() == domain.as_deref()))
                || (host.is_some() && (h.as_deref() == host.as_deref() || d == host.as_deref()))
        })
        .collect();
    let criteria: [(&str, &Vec<&RegistryEntry>); 3] =
        [("BRIN", &by_brin), ("name", &by_name), ("e-mail domain / website", &by_domain)];
    let mut candidates: Option<Vec<&RegistryEntry>> = None;
    let mut used: Vec<&str> = Vec::new();
    for (what, hits) in criteria {
        if hits.is_empty() {
            continue;
        }
        let narrowed: Vec<&RegistryEntry> = match &candidates {
            None => hits.clone(),
            Some(c) => c.iter().copied().filter(|e| hits.iter().any(|h| h.id == e.id)).collect(),
        };
        if narrowed.is_empty() {
            let have: Vec<String> = candidates.unwrap_or_default().iter().map(|e| e.id.to_string()).collect();
            let other: Vec<String> = hits.iter().map(|e| e.id.to_string()).collect();
            return un(t!(
                "identify-conflict",
                used = criteria_named(&used),
                have = have.join(", "),
                what = criterion(what),
                other = other.join(", ")
            ));
        }
        used.push(what);
        candidates = Some(narrowed);
        // BRIN and name are both checked even when the first decides, so a
        // document copied from a sister school is caught; the domain (often
        // a whole board's) only narrows what is still open.
        if what != "BRIN" && candidates.as_ref().is_some_and(|c| c.len() == 1) {
            break;
        }
    }
    match candidates {
        Some(c) if c.len() == 1 => {
            let e = c[0];
            let detail = used
                .iter()
                .map(|w| match *w {
                    "BRIN" => format!("BRIN {}", brin.clone().unwrap_or_default()),
                    "name" => format!("name \"{}\"", name.unwrap_or_default()),
                    _ => format!("domain {}", domain.clone().or(host.clone()).unwrap_or_default()),
                })
                .collect::<Vec<_>>()
                .join(" + ");
            Ok(Identified { id: e.id.clone(), how: format!("registry: {detail} matches `{}` ({})", e.id, e.name) })
        }
        Some(c) => {
            let ids: Vec<String> = c.iter().map(|e| e.id.to_string()).collect();
            un(t!("identify-several", used = criteria_named(&used), ids = ids.join(", ")))
        }
        None => un(t!(
            "identify-no-match",
            name = name.map_or_else(|| t!("identify-none"), |n| format!("\"{n}\"")),
            brin = brin.unwrap_or_else(|| t!("identify-none")),
            domain = domain.or(host).unwrap_or_else(|| t!("identify-none"))
        )),
    }
}
