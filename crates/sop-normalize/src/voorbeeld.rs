//! A made-up third template family, "Voorbeeldprofiel", compiled only with
//! the `test-family` feature. It exists to show that a family is this: one
//! module implementing [`TemplateFamily`] on the shared kit of `common/`, its
//! descriptor (`sop_model::family::VOORBEELD`), and one line in each
//! `FAMILIES`. Detection, normalisation, the diff, the overview and the batch
//! then handle it with no change elsewhere (see the tests here and in
//! `pipeline/src/batch/tests_family.rs`).
//!
//! The template, as plain text:
//!
//! ```text
//! Voorbeeldprofiel schoolondersteuning
//! School: <naam>
//! E-mail: <adres>
//! Schooljaar: 2024-2025
//! Visie
//! <the school's text>
//! Expertise
//! <label>: ja | nee
//! HGW
//! <label>: Klaar | Gestart | Niet begonnen
//! ```

use sop_model::family::{self, Family};
use sop_model::text::slug;
use sop_model::{Expertise, HgwItem, Layout, Provider, Record};

use crate::common::doc::Doc;
use crate::common::labels::{yes_no, YesNo};
use crate::common::out::Out;
use crate::{Score, TemplateFamily};

pub struct Voorbeeld;

/// The line that names the template; without it nothing else counts.
const TITLE: &str = "voorbeeldprofiel schoolondersteuning";
/// The section headings, in order.
const SECTIONS: &[&str] = &["Visie", "Expertise", "HGW"];

/// A complete document of this template, for the tests.
pub const SAMPLE: &str = "Voorbeeldprofiel schoolondersteuning
School: De Proefschool
E-mail: info@proefschool.nl
Schooljaar: 2024-2025
Visie
Wij bieden elk kind passend onderwijs in een zorg-
zame en veilige omgeving.
Expertise
Logopedie: ja
Dyslexie: nee
HGW
Doelgericht werken: Klaar
Afstemming: Gestart
Opmerking van de school zonder kopje
";

impl TemplateFamily for Voorbeeld {
    fn family(&self) -> &'static Family {
        &family::VOORBEELD
    }

    fn score(&self, layout: &Layout) -> Score {
        let doc = Doc::new(layout, &|_| false);
        let Some(title) = doc.find(0, doc.len(), |l| l.to_lowercase() == TITLE) else {
            return Score { confidence: 0.0, evidence: Vec::new(), revision: None };
        };
        let mut evidence = vec![format!("the title \"{}\"", doc.lines[title].text)];
        let found: Vec<&str> =
            SECTIONS.iter().copied().filter(|h| doc.find(title, doc.len(), |l| l == *h).is_some()).collect();
        evidence.extend(found.iter().map(|h| format!("heading \"{h}\"")));
        let confidence = 0.6 + 0.4 * found.len() as f64 / SECTIONS.len() as f64;
        Score { confidence, evidence, revision: None }
    }

    fn normalize(&self, layout: &Layout, record: &mut Record) {
        let doc = Doc::new(layout, &|_| false);
        let mut out = Out::new(record, layout);
        let at = |h: &str| doc.find(0, doc.len(), |l| l == h);
        let starts: Vec<usize> = SECTIONS.iter().filter_map(|h| at(h)).collect();
        let end_of = |start: usize| starts.iter().copied().find(|&s| s > start).unwrap_or(doc.len());
        let header_end = starts.first().copied().unwrap_or(doc.len());
        for l in doc.range(1..header_end) {
            match l.text.split_once(':').map(|(k, v)| (k.trim(), v.trim())) {
                Some(("School", v)) if !v.is_empty() => out.record.school.name = Some(v.to_string()),
                Some(("E-mail", v)) if !v.is_empty() => out.record.school.email = Some(v.to_string()),
                Some(("Schooljaar", v)) if !v.is_empty() => out.record.school_year = Some(v.to_string()),
                _ => out.keep(l, None, l.text.clone()),
            }
        }
        if let Some(v) = at("Visie") {
            out.record.vision = doc.text(v + 1..end_of(v));
            out.prov_lines("/vision", doc.range(v + 1..end_of(v)));
        } else {
            out.warn(sop_i18n::notice!("paragraph-missing", paragraph = "Visie"));
        }
        for (heading, fill) in [("Expertise", expertise as fn(&str, &mut Record) -> bool), ("HGW", hgw)] {
            let Some(h) = at(heading) else {
                out.warn(sop_i18n::notice!("paragraph-missing", paragraph = heading));
                continue;
            };
            for l in doc.range(h + 1..end_of(h)) {
                if !fill(&l.text, out.record) {
                    // Nothing the school wrote is dropped.
                    out.keep(l, Some(heading.into()), l.text.clone());
                }
            }
        }
        out.finish();
    }
}

/// "Logopedie: ja" as an expertise row; false when the line is no such row.
fn expertise(line: &str, record: &mut Record) -> bool {
    let Some((label, value)) = line.split_once(':') else { return false };
    let available = match yes_no(value) {
        Some((YesNo::Yes, None)) => true,
        Some((YesNo::No, None)) => false,
        _ => return false,
    };
    record.expertise.push(Expertise {
        key: slug(label),
        label: label.trim().to_string(),
        available: Some(available),
        capacity: None,
        fte: None,
        hours: None,
        provided_by: Some(if available { vec![Provider::School] } else { vec![] }),
    });
    true
}

/// "Doelgericht werken: Klaar" as an HGW row, its status from the family's
/// own words; false when the line is no such row.
fn hgw(line: &str, record: &mut Record) -> bool {
    let Some((label, word)) = line.rsplit_once(':') else { return false };
    let Some(status) = family::VOORBEELD.hgw_status_of(word.trim()) else { return false };
    record.hgw.push(HgwItem {
        key: slug(label),
        label: label.trim().to_string(),
        status: Some(status),
        raw: Some(word.trim().to_string()),
        note: None,
    });
    true
}

#[cfg(test)]
mod tests {
    use sop_model::{HgwStatus, Source};

    use crate::{detect, normalize, Detection};

    use super::*;

    fn source() -> Source {
        Source {
            sha256: "0".repeat(64),
            bytes: SAMPLE.len() as u64,
            pages: 1,
            media_type: "text/plain".into(),
            filename: "voorbeeld.txt".into(),
        }
    }

    #[test]
    fn the_third_family_is_detected_and_normalised() {
        let layout = Layout::from_text(SAMPLE);
        match detect(&layout) {
            Detection::Recognised(t) => {
                assert_eq!(t.family, family::VOORBEELD.id);
                assert_eq!(t.confidence, 1.0);
            }
            other => panic!("{other:?}"),
        }
        let r = normalize(&layout, source()).unwrap();
        assert_eq!(r.school.name.as_deref(), Some("De Proefschool"));
        assert_eq!(r.school_year.as_deref(), Some("2024-2025"));
        // The shared text rules: wrapped lines joined, a line-end hyphen
        // before a lowercase word kept without a space.
        assert_eq!(
            r.vision.as_deref(),
            Some("Wij bieden elk kind passend onderwijs in een zorg-zame en veilige omgeving.")
        );
        let expertise: Vec<(&str, Option<bool>)> = r.expertise.iter().map(|e| (e.key.as_str(), e.available)).collect();
        assert_eq!(expertise, [("logopedie", Some(true)), ("dyslexie", Some(false))]);
        let hgw: Vec<(&str, Option<HgwStatus>)> = r.hgw.iter().map(|h| (h.key.as_str(), h.status)).collect();
        assert_eq!(
            hgw,
            [("doelgericht_werken", Some(HgwStatus::InPlace)), ("afstemming", Some(HgwStatus::Developing))]
        );
        // What fits no field is kept.
        assert_eq!(r.unmapped.len(), 1);
        assert_eq!(r.unmapped[0].text, "Opmerking van de school zonder kopje");
    }

    #[test]
    fn without_its_title_the_third_family_scores_nothing() {
        let layout = Layout::from_text(&SAMPLE.replacen("Voorbeeldprofiel schoolondersteuning\n", "", 1));
        assert_eq!(Voorbeeld.score(&layout).confidence, 0.0);
        assert!(matches!(detect(&layout), Detection::NotAnSop { .. }));
    }
}
