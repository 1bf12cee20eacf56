//! The HTML page rendered in headless Chromium (what a person sees, after the
//! page's own script ran) and the XLSX read back with calamine.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use sop_model::Record;
use sop_overview::*;

fn record(name: &str) -> Record {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/expected").join(name);
    serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap()
}

fn overview() -> Overview {
    let mut diamant = SchoolEntry::with_record("diamant", record("next-year/000.pdf.json"));
    diamant.region = Some("Den Haag".into());
    diamant.record_link = Some("../diamant/2024-2025/v0001-abc.zip".into());
    diamant.diff_link = Some("diff-diamant-2024-2025-v0001.html".into());
    let mut college = SchoolEntry::with_record("diamant-college", record("next-year/003.pdf.json"));
    college.region = Some("Den Haag".into());
    let text = SchoolEntry::with_record("tekst-college", record("003_02d0c3e2c681c107.txt.json"));
    let missing = SchoolEntry {
        id: "kristal".into(),
        name: Some("BS Het Kristal <b>".into()),
        board: None,
        region: Some("Rijswijk".into()),
        status: EntryStatus::Missing,
        warnings: Vec::new(),
        record_link: None,
        diff_link: None,
    };
    let old = [
        SchoolEntry::with_record("diamant", record("000.pdf.json")),
        SchoolEntry::with_record("diamant-college", record("003.pdf.json")),
    ];
    let opts = Options {
        school_year: "2024-2025".into(),
        compare_year: Some("2023-2024".into()),
        threshold: 1,
        generated: Some("gemaakt voor de test".into()),
    };
    build(&[diamant, college, text, missing], Some(&old), &AreaMap::default_map(), &opts)
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
}

fn dump_dom(chromium: &str, page: &Path, profile: &Path) -> String {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn html_is_self_contained_and_escapes_school_text() {
    let html = html::render_html(&overview());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    for external in ["src=", "@import", "url(", "http://", "https://"] {
        assert!(!html.contains(external), "external reference {external:?}");
    }
    assert!(html.contains("BS Het Kristal &lt;b&gt;"));
    assert!(!html.contains("Kristal <b>"));
    assert!(html.contains("@media print"));
}

/// Renders the page in headless Chromium and checks what it shows: the
/// counts, both templates' schools in one matrix, "onbekend" for lost marks,
/// the missing school, the comparison, and that the script ran (the filter
/// counter is filled). Skipped, with a message, when no Chromium is installed.
#[test]
fn html_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        eprintln!("SKIPPED html_renders_in_headless_chromium: no chromium installed");
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sop-overview-render");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("overzicht.html");
    std::fs::write(&page, html::render_html(&overview())).unwrap();
    let dom = dump_dom(chromium, &page, &dir.join("profile"));

    assert!(dom.contains("Overzicht ondersteuning schooljaar 2024-2025"), "{dom}");
    assert!(
        dom.contains("4 scholen: 3 met een profiel voor 2024-2025 (Perspectief op School: 2, Model SOP 2021-2025: 1); 1 zonder profiel; 0 ontvangen maar niet leesbaar."),
        "{dom}"
    );
    // The script ran: 4 matrix rows, all shown.
    assert!(dom.contains("4 van 4 scholen getoond"), "{dom}");
    // One matrix, both templates.
    let matrix = section(&dom, "id=\"t-matrix\"");
    for needle in ["Diamant College", "Model SOP 2021-2025", "Perspectief op School", "BS Het Kristal &lt;b&gt;"] {
        assert!(matrix.contains(needle), "matrix lacks {needle}: {matrix}");
    }
    // Model school, autism: "ja"; the text-input PoS school, behaviour: "onbekend".
    let row = |id: &str| {
        let start = matrix.find(&format!("data-school=\"{id}\"")).unwrap_or_else(|| panic!("no row {id}"));
        let end = matrix[start..].find("</tr>").unwrap() + start;
        matrix[start..end].to_string()
    };
    let areas = AreaMap::default_map();
    let col = |area: &str| areas.areas.iter().position(|a| a.id == area).unwrap();
    let cells = |r: &str| -> Vec<String> {
        r.split("<td")
            .skip(5)
            .map(|c| c.split('>').nth(1).unwrap_or("").split('<').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(cells(&row("diamant"))[col("autisme")], "ja");
    assert_eq!(cells(&row("tekst-college"))[col("gedrag")], "onbekend");
    assert_eq!(cells(&row("diamant-college"))[col("autisme")], "niet genoemd");
    assert!(row("kristal").contains("geen profiel ontvangen"));
    // Links to the record and the diff report.
    assert!(row("diamant").contains("href=\"diff-diamant-2024-2025-v0001.html\""));
    // The comparison shows a planted change.
    let cmp = section(&dom, "id=\"vergelijking\"");
    assert!(cmp.contains("Dyslexiespecialist") && cmp.contains("ja (op de school)"), "{cmp}");
    assert!(cmp.contains("Gedragswetenschapper") && cmp.contains("ja (via het SWV of derden)"), "{cmp}");
}

/// Filtering by region hides the other schools' rows (the script, in Chromium).
#[test]
fn html_filter_by_region_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        eprintln!("SKIPPED html_filter_by_region_in_headless_chromium: no chromium installed");
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sop-overview-filter");
    std::fs::create_dir_all(&dir).unwrap();
    // Select "Rijswijk" before the script runs its first filter pass.
    let html = html::render_html(&overview()).replace(
        "<option value=\"Rijswijk\">Rijswijk</option>",
        "<option value=\"Rijswijk\" selected>Rijswijk</option>",
    );
    let page = dir.join("gefilterd.html");
    std::fs::write(&page, html).unwrap();
    let dom = dump_dom(chromium, &page, &dir.join("profile"));
    assert!(dom.contains("1 van 4 scholen getoond"), "{dom}");
    let matrix = section(&dom, "id=\"t-matrix\"");
    let hidden = |id: &str| {
        let start = matrix.find(&format!("data-school=\"{id}\"")).unwrap();
        let tag_start = matrix[..start].rfind("<tr").unwrap();
        let tag_end = matrix[start..].find('>').unwrap() + start;
        matrix[tag_start..tag_end].contains("hidden")
    };
    assert!(!hidden("kristal"));
    assert!(hidden("diamant") && hidden("diamant-college") && hidden("tekst-college"));
}

/// The part of the DOM from `marker` to the end of its table or section.
fn section<'a>(dom: &'a str, marker: &str) -> &'a str {
    let start = dom.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let end = dom[start..].find("</section>").map_or(dom.len(), |e| e + start);
    &dom[start..end]
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
fn xlsx_reads_back_with_the_same_cells() {
    let o = overview();
    let bytes = xlsx::render_xlsx(&o).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), xlsx::SHEETS.to_vec());

    let sum = wb.worksheet_range("Samenvatting").unwrap();
    let rows: Vec<Vec<String>> = sum.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    assert_eq!(rows[0][..3], ["Gebied", "Scholen ja", "Aandeel ja (%)"]);
    assert_eq!(rows.len(), 1 + o.areas.len());
    for (row, a) in rows[1..].iter().zip(&o.area_summary) {
        assert_eq!(row[0], a.label);
        assert_eq!(row[1], a.offered.to_string());
        assert_eq!(row[3], a.unknown.to_string());
    }

    let m = wb.worksheet_range("School x gebied").unwrap();
    let rows: Vec<Vec<String>> = m.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    assert_eq!(rows[0][..6], ["School (id)", "Naam", "Bestuur", "Regio", "Sjabloon", "Status"]);
    assert_eq!(rows[0][6], o.areas[0].label);
    let by_id = |id: &str| rows.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("no row {id}"));
    let col = |area: &str| 6 + o.areas.iter().position(|a| a.id == area).unwrap();
    assert!(by_id("diamant")[col("autisme")].starts_with("ja — Expertise autisme: ja"), "{:?}", by_id("diamant"));
    assert!(by_id("tekst-college")[col("gedrag")].starts_with("onbekend"));
    assert_eq!(by_id("diamant-college")[4], "Perspectief op School");
    assert_eq!(by_id("diamant")[4], "Model SOP 2021-2025");
    assert_eq!(by_id("kristal")[5], "geen profiel ontvangen");

    let h = wb.worksheet_range("School x HGW").unwrap();
    let rows: Vec<Vec<String>> = h.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    let c = 6 + o.hgw_columns.iter().position(|c| c.key == "ouders_leerkrachten_partners").unwrap();
    assert_eq!(rows.iter().find(|r| r[0] == "diamant").unwrap()[c], "in ontwikkeling");
    assert_eq!(rows.iter().find(|r| r[0] == "diamant-college").unwrap()[c], "");

    let f = wb.worksheet_range("School x voorziening").unwrap();
    let rows: Vec<Vec<String>> = f.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    let c = 6 + o.facility_columns.iter().position(|c| c.key == "lift").unwrap();
    assert_eq!(rows.iter().find(|r| r[0] == "diamant").unwrap()[c], "ja");

    let v = wb.worksheet_range("Vergelijking scholen").unwrap();
    let rows: Vec<Vec<String>> = v.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    assert!(rows
        .iter()
        .any(|r| r[0] == "diamant" && r[4] == "Expertise faalangst" && r[2] == "verdwenen" && r[5] == "nee"));
}

/// The frozen header row and the autofilter are in the sheet XML.
#[test]
fn xlsx_sheets_have_frozen_headers_and_autofilters() {
    let bytes = xlsx::render_xlsx(&overview()).unwrap();
    let mut zip = zip_entries(&bytes);
    let sheet = zip.remove("xl/worksheets/sheet5.xml").expect("the fifth sheet (School x gebied)");
    assert!(sheet.contains("<pane xSplit=\"2\" ySplit=\"1\""), "{sheet}");
    assert!(sheet.contains("<autoFilter ref=\"A1:"), "{sheet}");
    assert!(sheet.contains("<col "), "column widths: {sheet}");
}

/// The XML entries of an xlsx (a zip), read with calamine's own zip dependency via a minimal reader.
fn zip_entries(bytes: &[u8]) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut s = String::new();
        if std::io::Read::read_to_string(&mut f, &mut s).is_ok() {
            out.insert(f.name().unwrap().to_string(), s);
        }
    }
    out
}
