//! The outcome of a batch: one [`Row`] per document, the [`RunReport`] that
//! is written into the archive as JSON and as Dutch Markdown, and the summary
//! table printed at the end of `sop run`.

use sop_i18n::t;
use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use super::{Archived, ArchivedOutcome, Input, Stage, StageError};

/// What happened to one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The file path or URL it came from.
    pub input: String,
    /// The school id it was filed under (or that its sources row names).
    pub school: Option<String>,
    pub school_name: Option<String>,
    pub template: Option<String>,
    /// The school year the document itself names.
    pub year: Option<String>,
    pub outcome: Outcome,
    /// Changes against the school's record of the previous school year.
    pub changes: Option<usize>,
    pub diff_report: Option<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    New,
    NewVersion,
    Unchanged,
    /// Archived as received but not read (no record): why, and whether the
    /// bundle is new (`new`, `new_version`) or was there already (`unchanged`).
    Unread {
        stage: Stage,
        code: String,
        reason: String,
        filed: ArchivedOutcome,
    },
    /// Kept in the holding area: no school could be told.
    Held {
        code: String,
        reason: String,
        sha256: String,
        new: bool,
        command: String,
    },
    /// Not in the archive.
    Failed {
        stage: Stage,
        reason: String,
    },
}

impl Outcome {
    /// As in the reports: "nieuw", "nieuwe versie", "ongewijzigd",
    /// "ontvangen, niet leesbaar: …", "ontvangen, school onbekend …", "mislukt: …".
    pub fn dutch(&self) -> String {
        match self {
            Outcome::New => t!("outcome-new"),
            Outcome::NewVersion => t!("outcome-new-version"),
            Outcome::Unchanged => t!("outcome-unchanged"),
            Outcome::Unread { code, filed: ArchivedOutcome::Unchanged, .. } => {
                t!("outcome-unread-unchanged", reason = reason_dutch(code))
            }
            Outcome::Unread { code, .. } => t!("outcome-unread", reason = reason_dutch(code)),
            Outcome::Held { new: true, .. } => t!("outcome-held"),
            Outcome::Held { new: false, .. } => t!("outcome-held-again"),
            Outcome::Failed { stage, reason } => t!("outcome-failed", reason = reason, stage = stage.dutch()),
        }
    }
    /// [`Outcome::dutch`] with the full reason, for the progress lines.
    pub fn detail(&self) -> String {
        match self {
            Outcome::Unread { stage, reason, .. } => {
                t!("outcome-unread-detail", outcome = self.dutch(), stage = stage.dutch(), reason = reason)
            }
            Outcome::Held { reason, command, .. } => {
                t!("outcome-held-detail", outcome = self.dutch(), reason = reason, command = command)
            }
            _ => self.dutch(),
        }
    }
    /// Not in the archive at all.
    pub fn is_failed(&self) -> bool {
        matches!(self, Outcome::Failed { .. })
    }
    /// Needs a person: failed, not read, or waiting for a school.
    pub fn needs_attention(&self) -> bool {
        matches!(self, Outcome::Failed { .. } | Outcome::Unread { .. } | Outcome::Held { .. })
    }
}

/// A reason code in a few Dutch words, for tables and lists.
pub fn reason_dutch(code: &str) -> String {
    match code {
        "encrypted" => t!("reason-encrypted"),
        "not_pdf" => t!("reason-not-pdf"),
        "damaged" => t!("reason-damaged"),
        "no_pages" => t!("reason-no-pages"),
        "too_large" | "too_many_pages" => t!("reason-too-large"),
        "timeout" => t!("reason-timeout"),
        "crashed" | "unreadable" => t!("reason-unreadable"),
        "not_an_sop" => t!("reason-not-an-sop"),
        "unrecognised_template" | "not_recognised" => t!("reason-unrecognised-template"),
        "internal_error" | "normalize_failed" | "tool_error" => t!("reason-program-error"),
        "school_unknown" => t!("reason-school-unknown"),
        other => other.replace('_', " "),
    }
}

impl Row {
    pub fn failed(input: &Input, err: StageError) -> Row {
        Row {
            input: input.label.clone(),
            school: input.school.as_ref().map(|s| s.id.clone()),
            school_name: input.school.as_ref().and_then(|s| s.name.clone()),
            template: None,
            year: None,
            outcome: Outcome::Failed { stage: err.stage, reason: err.reason },
            changes: None,
            diff_report: None,
            warnings: Vec::new(),
        }
    }

    pub fn archived(input: &Input, a: Archived) -> Row {
        let outcome = match (a.held, a.unread) {
            (Some(h), _) => Outcome::Held {
                code: "school_unknown".into(),
                reason: h.reason,
                sha256: h.sha256,
                new: h.new,
                command: h.command,
            },
            (None, Some(e)) => {
                Outcome::Unread { stage: e.stage, code: e.code.into(), reason: e.reason, filed: a.outcome }
            }
            (None, None) => match a.outcome {
                ArchivedOutcome::New => Outcome::New,
                ArchivedOutcome::NewVersion => Outcome::NewVersion,
                ArchivedOutcome::Unchanged => Outcome::Unchanged,
            },
        };
        Row {
            input: input.label.clone(),
            school: Some(a.school).filter(|s| !s.is_empty()),
            school_name: a.school_name.or_else(|| input.school.as_ref().and_then(|s| s.name.clone())),
            template: a.template,
            year: a.year,
            outcome,
            changes: a.changes,
            diff_report: a.diff_report.map(|p| p.display().to_string()),
            warnings: a.warnings,
        }
    }
}

/// Documents per outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub new: usize,
    pub new_version: usize,
    pub unchanged: usize,
    /// Archived without being read.
    pub unread: usize,
    /// In the holding area, waiting for a school.
    pub held: usize,
    pub failed: usize,
}

impl Counts {
    pub fn add(&mut self, outcome: &Outcome) {
        self.total += 1;
        match outcome {
            Outcome::New => self.new += 1,
            Outcome::NewVersion => self.new_version += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Unread { .. } => self.unread += 1,
            Outcome::Held { .. } => self.held += 1,
            Outcome::Failed { .. } => self.failed += 1,
        }
    }
    pub fn of(rows: &[Row]) -> Counts {
        let mut c = Counts::default();
        rows.iter().for_each(|r| c.add(&r.outcome));
        c
    }
    /// "nieuw 3 · nieuwe versie 1 · ongewijzigd 0 · niet leesbaar 1 · school onbekend 0 · mislukt 1"
    pub fn line(&self) -> String {
        t!(
            "counts-line",
            new = self.new,
            new_version = self.new_version,
            unchanged = self.unchanged,
            unread = self.unread,
            held = self.held,
            failed = self.failed
        )
    }
    /// Documents that need a person.
    pub fn needing_attention(&self) -> usize {
        self.unread + self.held + self.failed
    }
}

/// Seconds each stage was busy, summed over documents (with `--jobs` above
/// one, stages overlap, so the sum can exceed the wall time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StageTimes {
    pub read_s: f64,
    pub fetch_s: f64,
    pub extract_s: f64,
    pub normalize_s: f64,
    pub archive_s: f64,
}

/// The run report, `reports/run-<timestamp>.json` and `.md` in the archive.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub schema: &'static str,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub started: String,
    pub school_year: String,
    pub jobs: usize,
    pub duration_s: f64,
    pub inbox: Option<String>,
    pub sources: Option<String>,
    pub archive: String,
    pub counts: Counts,
    pub stage_times: StageTimes,
    pub documents: Vec<Row>,
}

pub const RUN_SCHEMA: &str = "sop-run/1";

impl RunReport {
    /// The base name of the report files: the batch year and the start time.
    pub fn file_stem(&self) -> String {
        format!("run-{}-{}", self.school_year, self.started.replace(['-', ':'], ""))
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("a run report serialises");
        out.push(b'\n');
        out
    }

    /// The report for people, in Dutch.
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# {}\n", t!("report-title", year = self.school_year.as_str()));
        let _ = writeln!(
            md,
            "{}\n",
            t!(
                "report-started",
                started = self.started.as_str(),
                secs = format!("{:.1}", self.duration_s),
                n = self.counts.total,
                jobs = self.jobs
            )
        );
        if let Some(inbox) = &self.inbox {
            let _ = writeln!(md, "- {}: `{inbox}`", t!("report-inbox"));
        }
        if let Some(sources) = &self.sources {
            let _ = writeln!(md, "- {}: `{sources}`", t!("report-sources"));
        }
        let _ = writeln!(md, "- {}: `{}`\n", t!("report-archive"), self.archive);
        let _ = writeln!(md, "## {}\n", t!("report-summary"));
        let _ = writeln!(md, "| {} | {} |\n|---|---:|", t!("report-col-outcome"), t!("report-col-count"));
        for (label, n) in [
            (t!("outcome-new"), self.counts.new),
            (t!("outcome-new-version"), self.counts.new_version),
            (t!("outcome-unchanged"), self.counts.unchanged),
            (t!("report-count-unread"), self.counts.unread),
            (t!("report-count-held"), self.counts.held),
            (t!("report-count-failed"), self.counts.failed),
        ] {
            let _ = writeln!(md, "| {label} | {n} |");
        }
        let _ = writeln!(md, "| **{}** | **{}** |\n", t!("report-total"), self.counts.total);
        let _ = writeln!(md, "## {}\n", t!("report-per-school"));
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---:|---|",
            t!("report-col-school"),
            t!("report-col-template"),
            t!("report-col-year"),
            t!("report-col-outcome"),
            t!("report-col-changes"),
            t!("report-col-document")
        );
        for row in &self.documents {
            let changes = match (row.changes, &row.diff_report) {
                // Diff reports live beside the run report.
                (Some(n), Some(path)) => {
                    format!("{n} ([{}]({}))", t!("report-diff-link"), md_link(&short_input(path)))
                }
                (Some(n), None) => n.to_string(),
                (None, _) if row.outcome.needs_attention() => String::new(),
                (None, _) => t!("report-no-previous"),
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | `{}` |",
                cell(&school_cell(row)),
                cell(&row.template.as_deref().map(template_name).unwrap_or_default()),
                cell(row.year.as_deref().unwrap_or("")),
                cell(&row.outcome.dutch()),
                changes,
                row.input.replace('`', "'")
            );
        }
        let warned: Vec<&Row> = self.documents.iter().filter(|r| !r.warnings.is_empty()).collect();
        if !warned.is_empty() {
            let _ = writeln!(md, "\n## {}\n", t!("report-warnings"));
            for row in warned {
                for w in &row.warnings {
                    let _ = writeln!(md, "- {}: {}", school_cell(row), w);
                }
            }
        }
        let unread: Vec<&Row> = self.documents.iter().filter(|r| matches!(r.outcome, Outcome::Unread { .. })).collect();
        if !unread.is_empty() {
            let _ = writeln!(md, "\n## {}\n", t!("report-unread"));
            let _ = writeln!(md, "{}\n", t!("report-unread-intro"));
            for row in unread {
                if let Outcome::Unread { stage, code, reason, .. } = &row.outcome {
                    let school = row.school.as_deref().unwrap_or("?");
                    let _ = writeln!(
                        md,
                        "- {}: `{}` — {}: {} ({code}; {reason})\n  `sop reprocess --school {school} --year {} --archive {}`",
                        school_cell(row),
                        row.input.replace('`', "'"),
                        t!("report-at-stage", stage = stage.dutch()),
                        reason_dutch(code),
                        self.school_year,
                        self.archive
                    );
                }
            }
        }
        let held: Vec<&Row> = self.documents.iter().filter(|r| matches!(r.outcome, Outcome::Held { .. })).collect();
        if !held.is_empty() {
            let _ = writeln!(md, "\n## {}\n", t!("report-held"));
            let _ = writeln!(md, "{}\n", t!("report-held-intro", year = self.school_year.as_str()));
            for row in held {
                if let Outcome::Held { reason, command, new, .. } = &row.outcome {
                    let again = if *new { String::new() } else { format!(" ({})", t!("report-held-again")) };
                    let _ = writeln!(md, "- `{}`{again} — {reason}\n  `{command}`", row.input.replace('`', "'"));
                }
            }
        }
        let failed: Vec<&Row> = self.documents.iter().filter(|r| r.outcome.is_failed()).collect();
        if !failed.is_empty() {
            let _ = writeln!(md, "\n## {}\n", t!("report-failed"));
            let _ = writeln!(md, "{}\n", t!("report-failed-intro"));
            for row in failed {
                if let Outcome::Failed { stage, reason } = &row.outcome {
                    let _ = writeln!(
                        md,
                        "- `{}` — {}: {}",
                        row.input.replace('`', "'"),
                        t!("report-at-stage", stage = stage.dutch()),
                        reason
                    );
                }
            }
        }
        md
    }

    /// The table printed at the end of `sop run`: plain text, no colour.
    pub fn summary_table(&self) -> String {
        let header =
            [t!("table-school"), t!("table-template"), t!("table-year"), t!("table-outcome"), t!("table-changes")];
        let rows: Vec<[String; 5]> = self
            .documents
            .iter()
            .map(|r| {
                [
                    school_cell(r),
                    r.template.as_deref().map(template_name).unwrap_or_default(),
                    r.year.clone().unwrap_or_default(),
                    r.outcome.dutch(),
                    r.changes.map(|n| n.to_string()).unwrap_or_else(|| {
                        if r.outcome.needs_attention() {
                            String::new()
                        } else {
                            "-".into()
                        }
                    }),
                ]
            })
            .collect();
        let mut widths = header.each_ref().map(|h| h.chars().count());
        for row in &rows {
            for (w, c) in widths.iter_mut().zip(row) {
                // The reason column may be long: it goes last in spirit, so cap it.
                *w = (*w).max(c.chars().count().min(60));
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut l = String::new();
            for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
                if i > 0 {
                    l.push_str("  ");
                }
                l.push_str(c);
                let n = c.chars().count();
                if i + 1 < cells.len() && n < w {
                    l.push_str(&" ".repeat(w - n));
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        };
        line(&header, &mut out);
        line(&widths.map(|w| "-".repeat(w)), &mut out);
        for row in &rows {
            line(row, &mut out);
        }
        let _ = writeln!(out, "\n{}", t!("table-total", n = self.counts.total, counts = self.counts.line()));
        out
    }
}

fn school_cell(row: &Row) -> String {
    match (&row.school_name, &row.school) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        (None, Some(id)) => id.clone(),
        (Some(name), None) => name.clone(),
        (None, None) => short_input(&row.input),
    }
}

fn short_input(input: &str) -> String {
    input.rsplit(['/', '\\']).find(|s| !s.is_empty()).unwrap_or(input).to_string()
}

/// A short human name for a template family id ("Model SOP 2021-2025
/// (SPPOH)"), from the family's descriptor; an unknown id as it is.
pub fn template_name(family: &str) -> String {
    sop_model::family::find(family).map_or_else(|| family.to_string(), |f| f.short_name_with_users())
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn md_link(path: &str) -> String {
    path.replace(' ', "%20").replace(')', "%29").replace('(', "%28")
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a moment (UTC). The caller passes the clock so
/// that tests can fix it.
pub fn iso_utc(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn iso_utc_of_known_moments() {
        assert_eq!(iso_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(UNIX_EPOCH + Duration::from_secs(1_727_776_800)), "2024-10-01T10:00:00Z");
        assert_eq!(iso_utc(UNIX_EPOCH + Duration::from_secs(951_782_400)), "2000-02-29T00:00:00Z");
    }

    fn report(documents: Vec<Row>) -> RunReport {
        RunReport {
            schema: RUN_SCHEMA,
            started: "2024-10-01T10:00:00Z".into(),
            school_year: "2024-2025".into(),
            jobs: 2,
            duration_s: 1.25,
            inbox: Some("inbox".into()),
            sources: None,
            archive: "archive".into(),
            counts: Counts::of(&documents),
            stage_times: StageTimes::default(),
            documents,
        }
    }

    fn row(school: &str, outcome: Outcome, changes: Option<usize>) -> Row {
        Row {
            input: format!("inbox/{school}.pdf"),
            school: Some(school.into()),
            school_name: None,
            template: Some("sppoh-model-2021-2025".into()),
            year: Some("2024-2025".into()),
            outcome,
            changes,
            diff_report: changes.map(|_| format!("archive/reports/diff-{school}.md")),
            warnings: vec![],
        }
    }

    #[test]
    fn markdown_is_dutch_and_lists_every_outcome() {
        let r = report(vec![
            row("diamant", Outcome::New, None),
            row("kristal", Outcome::NewVersion, Some(3)),
            row("jeroen", Outcome::Unchanged, Some(0)),
            Row {
                warnings: vec!["geen schooljaar".into()],
                ..row("x", Outcome::Failed { stage: Stage::Detect, reason: "not an SOP: no markers".into() }, None)
            },
        ]);
        let md = r.to_markdown();
        for needle in [
            "## Samenvatting",
            "| nieuw | 1 |",
            "| nieuwe versie | 1 |",
            "| ongewijzigd | 1 |",
            "| mislukt | 1 |",
            "mislukt: not an SOP: no markers (sjabloon herkennen)",
            "3 ([verschillen](diff-kristal.md))",
            "geen vorig jaar",
            "## Waarschuwingen",
            "## Mislukt",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in\n{md}");
        }
        assert_eq!(r.file_stem(), "run-2024-2025-20241001T100000Z");
    }

    #[test]
    fn unread_and_held_documents_are_received_not_missing() {
        let held = Outcome::Held {
            code: "school_unknown".into(),
            reason: "niet te zien van welke school het is".into(),
            sha256: "ab".repeat(32),
            new: true,
            command: "sop assign abababababab --school <id> --year 2024-2025 --archive archive".into(),
        };
        let r = report(vec![
            row(
                "kristal",
                Outcome::Unread {
                    stage: Stage::Extract,
                    code: "encrypted".into(),
                    reason: "the PDF is protected with a password".into(),
                    filed: ArchivedOutcome::New,
                },
                None,
            ),
            Row { school: None, ..row("x", held, None) },
        ]);
        let md = r.to_markdown();
        for needle in [
            "| ontvangen, niet leesbaar | 1 |",
            "| ontvangen, school onbekend | 1 |",
            "| mislukt | 0 |",
            "ontvangen, niet leesbaar: beveiligd met een wachtwoord",
            "## Ontvangen, niet leesbaar",
            "`sop reprocess --school kristal --year 2024-2025 --archive archive`",
            "## Nog toe te wijzen",
            "`sop assign abababababab --school <id> --year 2024-2025 --archive archive`",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in\n{md}");
        }
        assert!(!md.contains("## Mislukt") && !md.contains("ontbreekt"), "{md}");
        assert_eq!(r.counts.needing_attention(), 2);
    }

    #[test]
    fn summary_table_aligns_columns() {
        let r = report(vec![row("diamant", Outcome::New, None), row("kristal-school", Outcome::NewVersion, Some(12))]);
        let table = r.summary_table();
        let lines: Vec<&str> = table.lines().collect();
        let col = |l: &str| l.find("nieuw").unwrap();
        assert_eq!(col(lines[2]), col(lines[3]), "{table}");
        assert!(
            table.contains(
                "nieuw 1 · nieuwe versie 1 · ongewijzigd 0 · niet leesbaar 0 · school onbekend 0 · mislukt 0"
            ),
            "{table}"
        );
        assert!(!table.contains('\u{1b}'), "no escape codes");
    }
}
