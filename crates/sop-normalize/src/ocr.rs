//! What every family's record says about pages read by OCR (scans), added
//! after the family's parser ran, so that a new family gets it for free:
//! - the extraction's warnings are in the record (a parser may have copied
//!   them already; each is there once);
//! - one warning names the pages read by OCR;
//! - every provenance entry from such a page says `ocr: true`, with the
//!   lowest word confidence of its source lines where they are found, and a
//!   field read from words below [`OCR_LOW_CONFIDENCE`] gets a warning.

use std::collections::BTreeMap;

use sop_model::text::normalize_ws;
use sop_model::{Layout, Page, Record, OCR_LOW_CONFIDENCE};

pub(crate) fn mark(layout: &Layout, record: &mut Record) {
    let missing: Vec<usize> =
        (0..layout.warnings.len()).filter(|&i| !record.warnings.contains(&layout.warnings[i])).collect();
    let notices: Vec<sop_model::Notice> = missing.iter().map(|&i| crate::layout_notice(layout, i)).collect();
    record.warnings.splice(0..0, missing.iter().map(|&i| layout.warnings[i].clone()));
    record.notices.splice(0..0, notices);
    let ocr_pages: BTreeMap<u32, &Page> =
        layout.pages.iter().filter(|p| p.ocr.is_some()).map(|p| (p.number, p)).collect();
    if ocr_pages.is_empty() {
        return;
    }
    let confs: Vec<f32> = ocr_pages.values().filter_map(|p| p.ocr.as_ref()).map(|o| o.mean_confidence).collect();
    let mean = confs.iter().sum::<f32>() / confs.len() as f32;
    let list: Vec<String> = ocr_pages.keys().map(u32::to_string).collect();
    let w =
        sop_i18n::notice!("ocr-pages", count = list.len(), pages = list.join(", "), confidence = format!("{mean:.0}"));
    crate::push_warning(record, &w);
    let mut low = Vec::new();
    for (pointer, prov) in record.provenance.iter_mut() {
        let Some(page) = prov.page.and_then(|n| ocr_pages.get(&n)) else { continue };
        prov.ocr = true;
        prov.ocr_confidence = lowest_confidence(page, &prov.text);
        if let Some(c) = prov.ocr_confidence.filter(|c| *c < OCR_LOW_CONFIDENCE) {
            low.push(sop_i18n::notice!(
                "ocr-low-confidence",
                field = pointer.as_str(),
                page = page.number,
                confidence = format!("{c:.0}")
            ));
        }
    }
    for w in &low {
        crate::push_warning(record, w);
    }
}

/// The lowest run confidence among the page's lines that make up `text`
/// (the source lines, one per line); `None` when no line is found.
fn lowest_confidence(page: &Page, text: &str) -> Option<f32> {
    let mut lowest: Option<f32> = None;
    for wanted in text.lines().map(normalize_ws).filter(|t| !t.is_empty()) {
        let found = page.lines.iter().find(|l| normalize_ws(&l.text) == wanted).or_else(|| {
            page.lines.iter().find(|l| {
                let t = normalize_ws(&l.text);
                wanted.len() >= 8 && t.len() >= 8 && (t.contains(&wanted) || wanted.contains(&t))
            })
        });
        for c in found.into_iter().flat_map(|l| l.runs.iter()).filter_map(|r| r.confidence) {
            lowest = Some(lowest.map_or(c, |l: f32| l.min(c)));
        }
    }
    lowest
}

#[cfg(test)]
mod tests {
    use super::*;
    use sop_model::{Line, OcrInfo, Provenance, Run, Source, Template};

    fn line(text: &str, y: f32, confidence: Option<f32>) -> Line {
        let run = Run { text: text.into(), x: 60.0, y, width: 200.0, font_size: 11.0, confidence };
        Line { text: text.into(), x: 60.0, y, runs: vec![run] }
    }

    fn page(number: u32, lines: Vec<Line>, ocr: bool) -> Page {
        let info =
            OcrInfo { engine: "tesseract 5.3.0 (nld)".into(), dpi: 300, mean_confidence: 88.0, skew_degrees: 0.5 };
        Page { number, width: 595.0, height: 842.0, lines, marks: vec![], ocr: ocr.then_some(info) }
    }

    fn prov(page: u32, text: &str) -> Provenance {
        Provenance { page: Some(page), text: text.into(), ocr: false, ocr_confidence: None }
    }

    #[test]
    fn fields_from_ocr_pages_are_marked_and_low_confidence_ones_warned() {
        let mut layout = Layout::from_text("");
        layout.warnings = vec!["page 2: read by OCR (no text layer: a scan)".into()];
        layout.pages = vec![
            page(1, vec![line("Naam: Diamant", 100.0, None)], false),
            page(
                2,
                vec![
                    line("Voorzitter MR: Guideon (nocente", 100.0, Some(41.0)),
                    line("Datum: 12-12-2023", 120.0, Some(93.0)),
                ],
                true,
            ),
        ];
        let template = Template { family: "x".into(), revision: None, confidence: 1.0, evidence: vec![] };
        let mut record = Record::empty(template, Source::default());
        record.provenance.insert("/school/name".into(), prov(1, "Naam: Diamant"));
        record.provenance.insert("/governance/mr_advice/chair".into(), prov(2, "Voorzitter MR: Guideon (nocente"));
        record.provenance.insert("/governance/mr_advice/date".into(), prov(2, "Datum: 12-12-2023"));
        mark(&layout, &mut record);
        let p = &record.provenance;
        assert!(!p["/school/name"].ocr && p["/school/name"].ocr_confidence.is_none(), "a text page is no OCR");
        assert!(p["/governance/mr_advice/chair"].ocr);
        assert_eq!(p["/governance/mr_advice/chair"].ocr_confidence, Some(41.0));
        assert_eq!(p["/governance/mr_advice/date"].ocr_confidence, Some(93.0));
        let w = &record.warnings;
        assert_eq!(w[0], layout.warnings[0], "the extraction's warnings come first, once");
        assert!(w.iter().any(|w| w.starts_with("Pagina 2 is een scan en is gelezen met tekstherkenning")), "{w:#?}");
        assert_eq!(record.notices.len(), w.len(), "every warning has its code");
        let n = &record.notices;
        assert!(n.iter().any(|n| n.code == "ocr-pages" && n.params["pages"] == "2" && n.params["count"] == 1));
        let low: Vec<_> = n.iter().filter(|n| n.code == "ocr-low-confidence").collect();
        assert_eq!(low.len(), 1, "{w:#?}");
        assert_eq!(low[0].params["field"], "/governance/mr_advice/chair", "{low:?}");
        assert_eq!(low[0].params["page"], 2, "{low:?}");
        mark(&layout, &mut record);
        assert_eq!(record.warnings.iter().filter(|x| **x == layout.warnings[0]).count(), 1, "not copied twice");
    }
}
