//! `sop detect FILE`: which SOP template a document follows.
//!
//! Exit 0 when a template is recognised, 2 when the file is not an SOP or
//! follows no known template, 1 when it cannot be read.
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use sop_normalize::{detect, Detection, FAMILIES};

use crate::load::layout_from_path;

#[derive(clap::Args)]
pub struct Args {
    /// A PDF or a .txt of extracted text.
    pub file: PathBuf,
    /// Print the detection as a JSON object instead of one line.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let loaded = layout_from_path(&args.file)?;
    let detection = detect(&loaded.layout);
    let file = args.file.display().to_string();
    let (value, line, code) = match &detection {
        Detection::Recognised(t) => {
            let name = FAMILIES.iter().find(|f| f.id() == t.family).map_or(t.family.as_str(), |f| f.name());
            let revision =
                t.revision.as_deref().map_or(String::new(), |r| sop_i18n::t!("detect-revision", revision = r));
            (
                json!({
                    "file": file, "result": "recognised", "family": t.family, "name": name,
                    "revision": t.revision, "confidence": round(t.confidence), "evidence": t.evidence,
                }),
                sop_i18n::t!(
                    "detect-recognised",
                    file = &file,
                    name = name,
                    revision = revision,
                    confidence = format!("{:.2}", t.confidence)
                ),
                0,
            )
        }
        Detection::Unrecognised { closest, closest_name, score, evidence } => (
            json!({
                "file": file, "result": "unrecognised_template", "closest": closest, "closest_name": closest_name,
                "confidence": round(*score), "evidence": evidence,
            }),
            sop_i18n::t!("detect-unrecognised", file = &file, closest = *closest_name, score = format!("{score:.2}")),
            2,
        ),
        Detection::NotAnSop { reason } => (
            json!({ "file": file, "result": "not_an_sop", "reason": reason }),
            sop_i18n::t!("detect-not-an-sop", file = &file, reason = reason),
            2,
        ),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!("{line}");
    }
    Ok(ExitCode::from(code))
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
