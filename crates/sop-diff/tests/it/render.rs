//! The reports for people: Dutch, in the documents' own words.

use std::path::PathBuf;
use std::process::Command;

use sop_diff::{diff, render_html, render_markdown};

use crate::fixture;

#[test]
fn markdown_report_reads_in_dutch_in_the_documents_words() {
    let d = diff(&fixture("model_2023.json"), &fixture("model_2024.json"));
    let md = render_markdown(&d);
    for needle in [
        "# Wijzigingen in het schoolondersteuningsprofiel van Diamant",
        "**Schooljaar 2023-2024 → 2024-2025**",
        "12 wijzigingen: 2 toegevoegd, 1 verwijderd, 9 gewijzigd.",
        "| Expertise binnen het team | 1 | 1 | 1 |",
        "## Expertise binnen het team",
        "- *Gewijzigd:* Expertise motoriek: ~~ja~~ → **nee**; uren beschikbaar ~~2~~ → **niet ingevuld**\n",
        "- *Toegevoegd:* Expertise tweede taal/NT2: **ja; uren beschikbaar: 2**",
        "- *Verwijderd:* Expertise faalangst: ~~nee~~",
        "- *Gewijzigd:* Therapieruimte: ~~niet van toepassing~~ → **aanwezig**",
        "- *Gewijzigd:* Logopedie: ~~regelmatig~~ → **incidenteel**",
        "2. De werkwijze is systematisch, in stappen en transparant: ~~op orde~~ → **in ontwikkeling**",
        "- *Gewijzigd:* Bedrag basisondersteuning: ~~€ 32.000 (2023-2024)~~ → **€ 33.500 (2023-2024)**",
        "- *Gewijzigd:* Schooljaar: ~~2023-2024~~ → **2024-2025**",
        "- *Gewijzigd:* Vastgesteld door bestuur: ~~geen datum (Ewald van Vliet)~~ → **18-6-2024 (Ewald van Vliet)**",
        "*Gewijzigd:* Visie op passend onderwijs (98% gelijk)",
        "~~ouders.~~ **ouders en verzorgers.**",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in:\n{md}");
    }
    // Not school content, so not in the report.
    assert!(!md.contains("Extra ondersteuning"), "{md}");
}

#[test]
fn markdown_of_no_changes_says_so() {
    let r = fixture("pos_2023.json");
    let md = render_markdown(&diff(&r, &r));
    assert!(md.contains("Geen wijzigingen gevonden."), "{md}");
    assert!(!md.contains("| Onderdeel |"), "{md}");
}

#[test]
fn pos_statuses_use_the_pos_words() {
    let old = fixture("pos_2023.json");
    let mut new = old.clone();
    new.hgw[0].status = Some(sop_model::HgwStatus::Advanced);
    let md = render_markdown(&diff(&old, &new));
    assert!(md.contains("~~ontwikkeld~~ → **ver ontwikkeld**"), "{md}");
}

#[test]
fn html_is_one_self_contained_escaped_page() {
    let mut new = fixture("model_2024.json");
    new.vision = new.vision.map(|v| format!("{v} <script>alert(1)</script> & meer"));
    let d = diff(&fixture("model_2023.json"), &new);
    let html = render_html(&d);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("<section id=\"samenvatting\">"));
    assert!(html.contains("<del>ja</del> → <ins>nee</ins>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer"));
    assert!(!html.contains("<script"), "document text must be escaped");
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "external asset reference {external:?}");
    }
}

/// Renders the HTML in headless Chromium and checks the page shows the
/// summary. Skipped, with a message, when no Chromium is installed.
#[test]
fn html_renders_in_headless_chromium_with_the_summary() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
    else {
        eprintln!("SKIPPED html_renders_in_headless_chromium_with_the_summary: no chromium installed");
        return;
    };
    let d = diff(&fixture("model_2023.json"), &fixture("model_2024.json"));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sop-diff-render");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = dir.join("diff.html");
    std::fs::write(&page, render_html(&d)).expect("write html");
    let profile = dir.join("profile");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.contains("Samenvatting"), "{dom}");
    assert!(dom.contains("12 wijzigingen: 2 toegevoegd, 1 verwijderd, 9 gewijzigd."), "{dom}");
    assert!(dom.contains("Expertise binnen het team"), "{dom}");
}
