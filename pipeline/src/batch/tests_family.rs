//! A third template family through the whole batch, with no change outside
//! its parser module and its descriptor: the made-up "Voorbeeldprofiel"
//! (`sop_normalize::voorbeeld`, `sop_model::family::VOORBEELD`, compiled for
//! tests by the `test-family` feature). The real detection and normalisation
//! read it; the archive stage is a fake that holds the school's record of the
//! year before (of the Model: the school switched template) and diffs against
//! it with the real diff; the run report names the family.

use std::sync::Mutex;
use std::time::Duration;

use sop_model::family::{SPPOH_MODEL, VOORBEELD};
use sop_model::{Address, Expertise, Layout, Record, Signed, Source, Template};

use super::*;

/// The real detection and normalisation; an archive that knows one school.
struct Stages3 {
    previous: Record,
    diffs: Mutex<Vec<sop_diff::Diff>>,
    reports: tempfile::TempDir,
}

impl Stages for Stages3 {
    fn extract(&self, doc: &Doc, _limits: &sop_extract::Limits) -> Result<Layout, StageError> {
        Ok(Layout::from_text(&String::from_utf8_lossy(&doc.bytes)))
    }

    fn normalize(&self, layout: &Layout, source: Source) -> Result<Record, StageError> {
        sop_normalize::normalize(layout, source).map_err(|e| StageError::new(Stage::Normalize, e.to_string()))
    }

    fn archive(&self, item: Archivable) -> Result<Archived, StageError> {
        let record = item.read?;
        let d = sop_diff::diff(&self.previous, &record);
        let path = self.reports.path().join("diff.md");
        std::fs::write(&path, sop_diff::render_markdown(&d)).unwrap();
        let changes = d.changes.len();
        self.diffs.lock().unwrap().push(d);
        Ok(Archived {
            school: "proefschool".into(),
            school_name: record.school.name.clone(),
            outcome: ArchivedOutcome::NewVersion,
            template: None,
            year: None,
            changes: Some(changes),
            diff_report: Some(path),
            warnings: record.warnings.clone(),
            unread: None,
            held: None,
        })
    }

    fn known_validators(&self, _school: &str, _year: &str, _url: &str) -> Option<Validators> {
        None
    }

    fn remember_validators(&self, _school: &str, _year: &str, _url: &str, _v: &Validators, _sha256: &str) {}

    fn archived_unchanged(&self, _school: &str, _year: &str) -> Option<Archived> {
        None
    }
}

/// Last year's Model profile of the school: with fields the new template has
/// no place for (finance, the MR's advice), and an expertise row that changes.
fn previous_model_record() -> Record {
    let template = Template { family: SPPOH_MODEL.id.into(), revision: None, confidence: 1.0, evidence: vec![] };
    let source = Source {
        sha256: "1".repeat(64),
        bytes: 1,
        pages: 1,
        media_type: "application/pdf".into(),
        filename: "proefschool-2023.pdf".into(),
    };
    let mut r = Record::empty(template, source);
    r.school.name = Some("De Proefschool".into());
    r.school.email = Some("info@proefschool.nl".into());
    r.school.address = Some(Address { street: None, postcode: None, city: None, raw: "Proefstraat 1".into() });
    r.school_year = Some("2023-2024".into());
    // The same text, printed without the line-end hyphen: no change.
    r.vision = Some("Wij bieden elk kind passend onderwijs in een zorgzame en veilige omgeving.".into());
    r.finance.text = Some("Het budget gaat naar de intern begeleider.".into());
    r.governance.mr_advice = Some(Signed { date: None, raw: Some("12-12-2023".into()), chair: None });
    r.expertise.push(Expertise {
        key: "logopedie".into(),
        label: "Logopedie".into(),
        available: Some(false),
        capacity: Some("0".into()),
        fte: None,
        hours: Some(0.0),
        provided_by: Some(vec![]),
    });
    r
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_third_family_goes_through_detection_diff_archive_and_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("proefschool.txt"), sop_normalize::voorbeeld::SAMPLE).unwrap();
    let inputs = input::inbox(dir.path()).unwrap();
    let stages = Arc::new(Stages3 {
        previous: previous_model_record(),
        diffs: Mutex::new(Vec::new()),
        reports: tempfile::tempdir().unwrap(),
    });
    let config = Config {
        year: "2024-2025".into(),
        jobs: 1,
        limits: sop_extract::Limits {
            timeout: Duration::from_secs(10),
            max_bytes: 1024 * 1024,
            ..sop_extract::Limits::default()
        },
        fetch_concurrency: 1,
    };
    let progress = Progress::silent(inputs.len());
    let (rows, times) = run(&config, inputs, stages.clone(), None, &progress).await;

    // Detected, normalised and archived as its own family.
    assert_eq!(rows.len(), 1);
    assert!(matches!(rows[0].outcome, Outcome::NewVersion), "{:?}", rows[0].outcome);
    assert_eq!(rows[0].template.as_deref(), Some(VOORBEELD.id));
    assert_eq!(rows[0].year.as_deref(), Some("2024-2025"));

    // The diff across the template switch: the fields the new template has
    // no place for are not reported as removed, and the diff says so.
    let diffs = stages.diffs.lock().unwrap();
    let d = &diffs[0];
    for c in &d.changes {
        let never_filled = matches!(c.field.as_str(), "finance" | "evaluation" | "extra_support")
            || (c.field == "governance" && c.key.as_deref() == Some("mr_advice"));
        assert!(!never_filled, "a field the new template never fills was reported: {c:?}");
    }
    let skipped: Vec<(&str, Option<&str>, &str)> =
        d.not_compared.iter().map(|n| (n.field.as_str(), n.key.as_deref(), n.lacking_family.as_str())).collect();
    assert!(skipped.contains(&("finance", None, VOORBEELD.id)), "{skipped:?}");
    assert!(skipped.contains(&("governance", Some("mr_advice"), VOORBEELD.id)), "{skipped:?}");
    // Fields both templates have are compared: the row that changed, the
    // row that is new, the template itself. The vision is the same text
    // (re-flow and a line-end hyphen are no change).
    let change = |field: &str, key: Option<&str>| {
        d.changes.iter().find(|c| c.field == field && c.key.as_deref() == key).map(|c| c.change)
    };
    assert_eq!(change("expertise", Some("logopedie")), Some(sop_diff::ChangeKind::Changed));
    assert_eq!(change("expertise", Some("dyslexie")), Some(sop_diff::ChangeKind::Added));
    assert_eq!(change("template", None), Some(sop_diff::ChangeKind::Changed));
    assert_eq!(change("vision", None), None);
    assert_eq!(rows[0].changes, Some(d.changes.len()));

    // The diff report names both templates and what was not compared.
    let md = std::fs::read_to_string(rows[0].diff_report.as_ref().unwrap()).unwrap();
    assert!(md.contains(VOORBEELD.name) && md.contains(SPPOH_MODEL.name), "{md}");
    assert!(md.contains("niet vergeleken") && md.contains("Financiën"), "{md}");
    // The new template's own status words, from its descriptor.
    let hgw = d.changes.iter().find(|c| c.field == "hgw" && c.key.as_deref() == Some("doelgericht_werken")).unwrap();
    assert_eq!(hgw.new["status"], "in_place");
    assert!(md.contains("klaar"), "{md}");

    // The run report names the family by its descriptor.
    let report = RunReport {
        schema: report::RUN_SCHEMA,
        started: "2024-10-01T08:00:00Z".into(),
        school_year: config.year.clone(),
        jobs: 1,
        duration_s: 0.1,
        inbox: Some(dir.path().display().to_string()),
        sources: None,
        archive: "archief".into(),
        counts: progress.counts(),
        stage_times: times,
        documents: rows.clone(),
    };
    assert!(report.to_markdown().contains("| Voorbeeld (test) |"), "{}", report.to_markdown());

    // The overview's words for it, too.
    assert_eq!(sop_overview::template_dutch(VOORBEELD.id), "Voorbeeld");
    assert_eq!(sop_overview::hgw_dutch(Some(sop_model::HgwStatus::InPlace), Some(VOORBEELD.id)), "klaar");
}
