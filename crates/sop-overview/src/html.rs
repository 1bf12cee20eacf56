//! The overview as one self-contained HTML page in Dutch: no external assets,
//! tables sortable (click a column head) and filterable by board, region and
//! template (and a search on the school's name), a print layout (A4
//! landscape, no controls, header rows repeated on each page).

use std::fmt::Write as _;

use crate::csv::status_dutch;
use crate::model::{hgw_dutch, template_dutch, Coverage, Overview, Presence, SchoolRow, SchoolStatus, UNKNOWN_GROUP};
use crate::xlsx::area_labels;
use sop_model::text::html_escape as esc;

/// A fragment id from a school id (ids are slugs already; anything else is dropped).
fn anchor(id: &str) -> String {
    let a: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    format!("school-{a}")
}

fn class_of(c: Coverage) -> &'static str {
    match c {
        Coverage::Offered => "c-ja",
        Coverage::NotOffered => "c-nee",
        Coverage::Unknown => "c-onbekend",
        Coverage::NotMentioned => "c-niet",
    }
}

fn pct(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

const STYLE: &str = r#"
:root { --ja: #d9f2d9; --nee: #f6dcdc; --onb: #fff1c2; --niet: #f0f0f0; }
body { font-family: "Carlito", "Calibri", "Liberation Sans", Arial, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #446; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.meta { color: #555; margin-top: 0; }
nav a { margin-right: .8rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; vertical-align: top; text-align: left; }
thead th { background: #e6e8f0; position: sticky; top: 0; z-index: 1; }
table.sortable thead th { cursor: pointer; }
table.sortable thead th[aria-sort="ascending"]::after { content: " ▲"; }
table.sortable thead th[aria-sort="descending"]::after { content: " ▼"; }
th.v { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
td.num { text-align: right; }
.c-ja { background: var(--ja); }
.c-nee { background: var(--nee); }
.c-onbekend { background: var(--onb); }
.c-niet { background: var(--niet); color: #666; }
.legend span { display: inline-block; padding: .1rem .5rem; margin-right: .4rem; border: 1px solid #bbb; }
.filters { background: #f5f6fa; border: 1px solid #ccd; padding: .5rem .8rem; position: sticky; top: 0; z-index: 2; }
.filters label { margin-right: 1rem; }
.warn { color: #8a4b00; }
.missing { color: #a00; }
small { color: #555; display: block; }
ul.compact { margin: .2rem 0; padding-left: 1.2rem; }
@page { size: A4 landscape; margin: 1cm; }
@media print {
  body { margin: 0; font-size: 8.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .filters, nav, .noprint { display: none !important; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr, article { break-inside: avoid; }
  h2 { break-after: avoid; }
  section.matrix { break-before: page; }
  table { font-size: 7.5pt; }
  a { color: inherit; text-decoration: none; }
  tr[hidden] { display: none; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  function cellValue(row, i) {
    var c = row.cells[i];
    if (!c) return '';
    return c.getAttribute('data-sort') || c.textContent.trim();
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.title = th.title || 'Klik om te sorteren';
      th.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          var nx = parseFloat(x.replace(',', '.')), ny = parseFloat(y.replace(',', '.'));
          var r = (!isNaN(nx) && !isNaN(ny) && /^[-\d]/.test(x) && /^[-\d]/.test(y)) ? nx - ny : x.localeCompare(y, 'nl');
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  var selects = { board: document.getElementById('f-board'), region: document.getElementById('f-region'),
                  template: document.getElementById('f-template') };
  var search = document.getElementById('f-search');
  var counter = document.getElementById('f-count');
  function apply() {
    var q = (search.value || '').toLowerCase();
    var shown = 0, total = 0;
    document.querySelectorAll('[data-school]').forEach(function (el) {
      var ok = true;
      for (var k in selects) {
        var v = selects[k].value;
        if (v && el.getAttribute('data-' + k) !== v) ok = false;
      }
      if (q && (el.getAttribute('data-name') || '').toLowerCase().indexOf(q) < 0) ok = false;
      el.hidden = !ok;
      if (el.hasAttribute('data-count')) { total++; if (ok) shown++; }
    });
    counter.textContent = shown + ' van ' + total + ' scholen getoond';
  }
  for (var k in selects) selects[k].addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
})();
"#;

fn school_attrs(s: &SchoolRow) -> String {
    format!(
        " data-school=\"{}\" data-board=\"{}\" data-region=\"{}\" data-template=\"{}\" data-name=\"{}\"",
        esc(&s.id),
        esc(s.board.as_deref().unwrap_or(UNKNOWN_GROUP)),
        esc(s.region.as_deref().unwrap_or(UNKNOWN_GROUP)),
        esc(&s.template.as_deref().map(template_dutch).unwrap_or_else(|| "geen profiel".into())),
        esc(&format!("{} {}", s.name.as_deref().unwrap_or(""), s.id)),
    )
}

fn display_name(s: &SchoolRow) -> String {
    s.name.clone().unwrap_or_else(|| format!("({})", s.id))
}

fn school_name_cell(s: &SchoolRow) -> String {
    format!(
        "<td data-sort=\"{}\"><a href=\"#{}\">{}</a><small>{}</small></td>",
        esc(&display_name(s).to_lowercase()),
        anchor(&s.id),
        esc(&display_name(s)),
        esc(&s.id)
    )
}

fn school_head_cells(s: &SchoolRow) -> String {
    format!(
        "{}<td>{}</td><td>{}</td><td>{}</td>",
        school_name_cell(s),
        esc(s.board.as_deref().unwrap_or(UNKNOWN_GROUP)),
        esc(s.region.as_deref().unwrap_or(UNKNOWN_GROUP)),
        esc(&s.template.as_deref().map(template_dutch).unwrap_or_else(|| status_dutch(s.status).to_string())),
    )
}

fn links(s: &SchoolRow) -> String {
    let mut v = Vec::new();
    if let Some(l) = &s.record_link {
        v.push(format!("<a href=\"{}\">profiel</a>", esc(l)));
    }
    if let Some(l) = &s.diff_link {
        v.push(format!("<a href=\"{}\">verschillen</a>", esc(l)));
    }
    v.join(" · ")
}

fn options(values: &mut Vec<String>) -> String {
    values.sort_by_key(|v| (v == UNKNOWN_GROUP || v == "geen profiel", v.to_lowercase()));
    values.dedup();
    values.iter().map(|v| format!("<option value=\"{0}\">{0}</option>", esc(v))).collect()
}

pub fn render_html(o: &Overview) -> String {
    let mut h = String::with_capacity(64 * 1024 + o.schools.len() * 4096);
    let title = format!("Overzicht ondersteuning schooljaar {}", o.school_year);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let _ = writeln!(h, "<header><h1>{}</h1>", esc(&title));
    let mut meta = format!("{} scholen", o.counts.schools);
    if let Some(c) = &o.compare_year {
        let _ = write!(meta, " · vergeleken met {c}");
    }
    if let Some(g) = &o.generated {
        let _ = write!(meta, " · {g}");
    }
    let _ = writeln!(h, "<p class=\"meta\">{}</p></header>", esc(&meta));
    h.push_str("<nav class=\"noprint\"><a href=\"#samenvatting\">Samenvatting</a><a href=\"#per-bestuur\">Per bestuur</a><a href=\"#per-regio\">Per regio</a><a href=\"#witte-vlekken\">Witte vlekken</a><a href=\"#gebieden\">School × gebied</a><a href=\"#per-gebied\">Per gebied</a><a href=\"#hgw\">School × HGW</a><a href=\"#voorzieningen\">School × voorziening</a><a href=\"#overig\">Overig</a><a href=\"#scholen\">Per school</a>");
    if o.compare.is_some() {
        h.push_str("<a href=\"#vergelijking\">Vergelijking</a>");
    }
    h.push_str("</nav>\n");

    // Filters.
    let mut boards: Vec<String> =
        o.schools.iter().map(|s| s.board.clone().unwrap_or_else(|| UNKNOWN_GROUP.into())).collect();
    let mut regions: Vec<String> =
        o.schools.iter().map(|s| s.region.clone().unwrap_or_else(|| UNKNOWN_GROUP.into())).collect();
    let mut templates: Vec<String> = o
        .schools
        .iter()
        .map(|s| s.template.as_deref().map(template_dutch).unwrap_or_else(|| "geen profiel".into()))
        .collect();
    let _ = writeln!(
        h,
        "<div class=\"filters noprint\" id=\"filters\"><label>Bestuur <select id=\"f-board\"><option value=\"\">alle</option>{}</select></label><label>Regio <select id=\"f-region\"><option value=\"\">alle</option>{}</select></label><label>Sjabloon <select id=\"f-template\"><option value=\"\">alle</option>{}</select></label><label>School <input id=\"f-search\" type=\"search\" placeholder=\"naam of id\"></label><span id=\"f-count\"></span><small>De filters gelden voor de tabellen per school; de tellingen per gebied, bestuur en regio gaan altijd over alle scholen.</small></div>",
        options(&mut boards),
        options(&mut regions),
        options(&mut templates)
    );

    summary(&mut h, o);
    groups(&mut h, o, true);
    groups(&mut h, o, false);
    gaps(&mut h, o);
    area_matrix(&mut h, o);
    per_area(&mut h, o);
    hgw_matrix(&mut h, o);
    facility_matrix(&mut h, o);
    other(&mut h, o);
    per_school(&mut h, o);
    if o.compare.is_some() {
        comparison(&mut h, o);
    }
    let _ = write!(h, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    h
}

fn summary(h: &mut String, o: &Overview) {
    let c = &o.counts;
    h.push_str("<section id=\"samenvatting\"><h2>Samenvatting</h2>\n");
    let templates: Vec<String> = c.per_template.iter().map(|(t, n)| format!("{}: {n}", template_dutch(t))).collect();
    let _ = writeln!(
        h,
        "<p id=\"tellingen\">{} scholen: {} met een profiel voor {}{}; {} zonder profiel; {} ontvangen maar niet leesbaar. Bij {} profiel(en) staan waarschuwingen (zie per school).</p>",
        c.schools,
        c.with_record,
        esc(&o.school_year),
        if templates.is_empty() { String::new() } else { format!(" ({})", esc(&templates.join(", "))) },
        c.missing,
        c.unreadable,
        c.with_warnings
    );
    let missing: Vec<&SchoolRow> = o.schools.iter().filter(|s| s.status != SchoolStatus::Record).collect();
    if !missing.is_empty() {
        h.push_str("<h3>Scholen zonder bruikbaar profiel</h3><table class=\"sortable filterable\" id=\"zonder-profiel\"><thead><tr><th>School</th><th>Bestuur</th><th>Regio</th><th>Status</th></tr></thead><tbody>\n");
        for s in missing {
            let status = match &s.reason {
                Some(r) => format!("{}: {r}", status_dutch(s.status)),
                None => status_dutch(s.status).to_string(),
            };
            let _ = writeln!(
                h,
                "<tr{}>{}<td>{}</td><td>{}</td><td class=\"missing\">{}</td></tr>",
                school_attrs(s),
                school_name_cell(s),
                esc(s.board.as_deref().unwrap_or(UNKNOWN_GROUP)),
                esc(s.region.as_deref().unwrap_or(UNKNOWN_GROUP)),
                esc(&status)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("<p class=\"legend\">Betekenis: <span class=\"c-ja\">ja</span> een rij in het profiel zegt dat de school het biedt <span class=\"c-nee\">nee</span> de rijen zeggen dat de school het niet biedt <span class=\"c-onbekend\">onbekend</span> het profiel noemt het, maar wat er staat kon niet gelezen worden (bijvoorbeeld de vinkjes van Perspectief op School in een tekstbestand) <span class=\"c-niet\">niet genoemd</span> het profiel heeft geen rij over dit gebied.</p>\n");
    let _ = writeln!(
        h,
        "<h3>Dekking per ondersteuningsgebied</h3><table class=\"sortable\" id=\"t-gebieden\"><thead><tr><th>Gebied</th><th>Scholen ja</th><th>Aandeel ja</th><th>Onbekend</th><th>Nee</th><th>Niet genoemd</th></tr></thead><tbody>"
    );
    for a in &o.area_summary {
        let _ = writeln!(
            h,
            "<tr data-area=\"{}\"><td><a href=\"#gebied-{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\" data-sort=\"{}\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&a.area),
            esc(&a.area),
            esc(&a.label),
            a.offered,
            a.share,
            pct(a.share),
            a.unknown,
            a.not_offered,
            a.not_mentioned
        );
    }
    let _ = writeln!(
        h,
        "</tbody></table><p>Aandeel: van de {} scholen met een profiel. Scholen zonder profiel tellen niet mee.</p></section>",
        o.counts.with_record
    );
}

fn groups(h: &mut String, o: &Overview, by_board: bool) {
    let (id, title, word) =
        if by_board { ("per-bestuur", "Per bestuur", "Bestuur") } else { ("per-regio", "Per regio", "Regio") };
    let _ = writeln!(h, "<section id=\"{id}\"><h2>{title}</h2>");
    let Some(first) = o.area_summary.first() else {
        h.push_str("<p>Geen gebieden.</p></section>\n");
        return;
    };
    let gs = if by_board { &first.by_board } else { &first.by_region };
    if gs.is_empty() {
        h.push_str("<p>Geen scholen met een profiel.</p></section>\n");
        return;
    }
    let _ = write!(h, "<table class=\"sortable\" id=\"t-{id}\"><thead><tr><th>Gebied</th>");
    for g in gs {
        let n = if g.schools == 1 { "1 school".to_string() } else { format!("{} scholen", g.schools) };
        let _ = write!(h, "<th>{} ({n})</th>", esc(&g.group));
    }
    h.push_str("</tr></thead><tbody>\n");
    for a in &o.area_summary {
        let _ = write!(h, "<tr><td>{}</td>", esc(&a.label));
        for g in if by_board { &a.by_board } else { &a.by_region } {
            let unknown = if g.unknown > 0 { format!(" <small>{} onbekend</small>", g.unknown) } else { String::new() };
            let class = if g.offered > 0 {
                "c-ja"
            } else if g.unknown > 0 {
                "c-onbekend"
            } else {
                "c-nee"
            };
            let _ = write!(
                h,
                "<td class=\"num {class}\" data-sort=\"{}\">{} van {}{unknown}</td>",
                g.offered, g.offered, g.schools
            );
        }
        h.push_str("</tr>\n");
    }
    let _ = writeln!(
        h,
        "</tbody></table><p>Per cel: scholen die het gebied bieden, van de scholen met een profiel in die groep. {word} \"onbekend\": niet in het register of profiel te vinden.</p></section>"
    );
}

fn gaps(h: &mut String, o: &Overview) {
    let _ = writeln!(
        h,
        "<section id=\"witte-vlekken\"><h2>Witte vlekken</h2><p>Gebieden die minder dan {} school/scholen bieden, in heel het samenwerkingsverband en per regio. Staat er \"onbekend\" bij, dan kon het bij die scholen niet gelezen worden: de vlek is dan misschien kleiner.</p>",
        o.threshold
    );
    if o.gaps.is_empty() {
        h.push_str("<p id=\"geen-vlekken\">Geen witte vlekken bij deze drempel.</p></section>\n");
        return;
    }
    h.push_str("<table class=\"sortable\" id=\"t-vlekken\"><thead><tr><th>Regio</th><th>Gebied</th><th>Scholen ja</th><th>Onbekend</th><th>Scholen met profiel</th></tr></thead><tbody>\n");
    for g in &o.gaps {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(g.region.as_deref().unwrap_or("heel het samenwerkingsverband")),
            esc(&g.label),
            g.offered,
            g.unknown,
            g.schools
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn area_matrix(h: &mut String, o: &Overview) {
    h.push_str("<section id=\"gebieden\" class=\"matrix\"><h2>School × ondersteuningsgebied</h2>\n<table class=\"sortable filterable\" id=\"t-matrix\"><thead><tr><th>School</th><th>Bestuur</th><th>Regio</th><th>Sjabloon</th>");
    for a in &o.areas {
        let _ = write!(h, "<th class=\"v\" data-area=\"{}\">{}</th>", esc(&a.id), esc(&a.label));
    }
    h.push_str("<th class=\"v\">Overig</th><th class=\"v\">Waarschuwingen</th><th>Links</th></tr></thead><tbody>\n");
    for s in &o.schools {
        let _ = write!(h, "<tr{} data-count>{}", school_attrs(s), school_head_cells(s));
        if s.status == SchoolStatus::Record {
            for c in &s.areas {
                let _ = write!(h, "<td class=\"{}\">{}</td>", class_of(c.coverage), c.coverage.dutch());
            }
            let _ = write!(h, "<td class=\"num\">{}</td>", s.other.len());
        } else {
            let _ = write!(
                h,
                "<td class=\"missing\" colspan=\"{}\">{}</td>",
                o.areas.len() + 1,
                esc(&match &s.reason {
                    Some(r) => format!("{}: {r}", status_dutch(s.status)),
                    None => status_dutch(s.status).to_string(),
                })
            );
        }
        let _ = writeln!(
            h,
            "<td class=\"num{}\">{}</td><td>{}</td></tr>",
            if s.warnings.is_empty() { "" } else { " warn" },
            s.warnings.len(),
            links(s)
        );
    }
    h.push_str("</tbody></table><p>Welke rijen uit het profiel achter een cel zitten, staat <a href=\"#per-gebied\">per gebied</a> en <a href=\"#scholen\">per school</a>.</p></section>\n");
}

fn per_area(h: &mut String, o: &Overview) {
    h.push_str("<section id=\"per-gebied\"><h2>Per gebied: welke scholen en hoe</h2>\n");
    for (i, a) in o.areas.iter().enumerate() {
        let sum = &o.area_summary[i];
        let _ = writeln!(
            h,
            "<h3 id=\"gebied-{}\">{} <small>{} van {} scholen ja ({}), {} onbekend</small></h3>",
            esc(&a.id),
            esc(&a.label),
            sum.offered,
            sum.with_record,
            pct(sum.share),
            sum.unknown
        );
        let mut items = Vec::new();
        for s in o.schools.iter().filter(|s| s.status == SchoolStatus::Record) {
            let c = &s.areas[i];
            if matches!(c.coverage, Coverage::Offered | Coverage::Unknown) {
                let rows: Vec<String> = c
                    .rows
                    .iter()
                    .filter(|r| r.state != Coverage::NotOffered)
                    .map(|r| format!("{}: {}", esc(&r.label), esc(&r.text())))
                    .collect();
                items.push(format!(
                    "<li><a href=\"#{}\">{}</a> <span class=\"{}\">{}</span> — {}</li>",
                    anchor(&s.id),
                    esc(&display_name(s)),
                    class_of(c.coverage),
                    c.coverage.dutch(),
                    rows.join("; ")
                ));
            }
        }
        if items.is_empty() {
            h.push_str("<p class=\"missing\">Geen school biedt dit gebied volgens de profielen.</p>\n");
        } else {
            let _ = writeln!(h, "<ul class=\"compact\">{}</ul>", items.join(""));
        }
    }
    h.push_str("</section>\n");
}

fn hgw_matrix(h: &mut String, o: &Overview) {
    h.push_str("<section id=\"hgw\" class=\"matrix\"><h2>School × handelingsgericht werken (HGW)</h2><p>Het Model en Perspectief op School hebben elk hun eigen HGW-indicatoren; een lege cel betekent dat het sjabloon van de school die indicator niet heeft.</p>\n<table class=\"sortable filterable\" id=\"t-hgw\"><thead><tr><th>School</th><th>Bestuur</th><th>Regio</th><th>Sjabloon</th>");
    for c in &o.hgw_columns {
        let label: String = c.label.chars().take(70).collect();
        let more = if c.label.chars().count() > 70 { "…" } else { "" };
        let _ = write!(
            h,
            "<th class=\"v\" title=\"{} ({})\">{}{more}</th>",
            esc(&c.label),
            esc(&c.template.as_deref().map(template_dutch).unwrap_or_default()),
            esc(&label)
        );
    }
    h.push_str("</tr></thead><tbody>\n");
    for s in o.schools.iter().filter(|s| s.status == SchoolStatus::Record) {
        let _ = write!(h, "<tr{}>{}", school_attrs(s), school_head_cells(s));
        for c in &o.hgw_columns {
            match s.hgw.get(&c.key) {
                Some(st) => {
                    let class = match st {
                        None => "c-onbekend",
                        Some(sop_model::HgwStatus::NotStarted) => "c-nee",
                        Some(sop_model::HgwStatus::Developing) => "c-onbekend",
                        Some(_) => "c-ja",
                    };
                    let _ = write!(h, "<td class=\"{class}\">{}</td>", hgw_dutch(*st, s.template.as_deref()));
                }
                None => h.push_str("<td></td>"),
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></section>\n");
}

fn facility_matrix(h: &mut String, o: &Overview) {
    h.push_str("<section id=\"voorzieningen\" class=\"matrix\"><h2>School × voorziening in het gebouw</h2>\n<table class=\"sortable filterable\" id=\"t-voorzieningen\"><thead><tr><th>School</th><th>Bestuur</th><th>Regio</th><th>Sjabloon</th>");
    for c in &o.facility_columns {
        let _ = write!(h, "<th class=\"v\">{}</th>", esc(&c.label));
    }
    h.push_str("</tr></thead><tbody>\n");
    for s in o.schools.iter().filter(|s| s.status == SchoolStatus::Record) {
        let _ = write!(h, "<tr{}>{}", school_attrs(s), school_head_cells(s));
        for c in &o.facility_columns {
            let (class, word) = match s.facilities.get(&c.key) {
                Some(Some(true)) => ("c-ja", "ja"),
                Some(Some(false)) => ("c-nee", "nee"),
                Some(None) => ("c-onbekend", "onbekend"),
                None => ("c-niet", "niet genoemd"),
            };
            let _ = write!(h, "<td class=\"{class}\">{word}</td>");
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></section>\n");
}

fn other(h: &mut String, o: &Overview) {
    h.push_str("<section id=\"overig\"><h2>Overig: rijen die bij geen gebied horen</h2><p>Deze rijen vallen onder geen enkel gebied van de indeling (pas de indeling aan met <code>--areas</code> om ze onder te brengen). Ze blijven hier staan met hun eigen naam.</p>\n");
    if o.other_rows.is_empty() {
        h.push_str("<p>Geen.</p></section>\n");
        return;
    }
    h.push_str("<table class=\"sortable\" id=\"t-overig\"><thead><tr><th>Rij</th><th>Onderdeel</th><th>Scholen ja</th><th>Onbekend</th><th>Nee</th><th>Scholen</th></tr></thead><tbody>\n");
    for r in &o.other_rows {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&r.label),
            r.section.dutch(),
            r.offered,
            r.unknown,
            r.not_offered,
            esc(&r.schools.join(", "))
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn per_school(h: &mut String, o: &Overview) {
    h.push_str("<section id=\"scholen\"><h2>Per school</h2>\n");
    for s in &o.schools {
        let _ = write!(
            h,
            "<article id=\"{}\"{}><h3>{} <small>{}",
            anchor(&s.id),
            school_attrs(s),
            esc(&display_name(s)),
            esc(&s.id)
        );
        let _ = write!(
            h,
            " · bestuur: {} · regio: {}",
            esc(s.board.as_deref().unwrap_or(UNKNOWN_GROUP)),
            esc(s.region.as_deref().unwrap_or(UNKNOWN_GROUP))
        );
        if let Some(t) = &s.template {
            let _ = write!(h, " · {}", esc(&template_dutch(t)));
        }
        if let Some(y) = &s.record_year {
            if *y != o.school_year {
                let _ = write!(h, " · het profiel noemt schooljaar {}", esc(y));
            }
        }
        let _ = writeln!(h, "</small></h3>");
        let l = links(s);
        if !l.is_empty() {
            let _ = writeln!(h, "<p>{l}</p>");
        }
        if s.status != SchoolStatus::Record {
            let _ = writeln!(
                h,
                "<p class=\"missing\">{}</p>",
                esc(&match &s.reason {
                    Some(r) => format!("{}: {r}", status_dutch(s.status)),
                    None => status_dutch(s.status).to_string(),
                })
            );
        }
        if !s.warnings.is_empty() {
            let _ = write!(h, "<p class=\"warn\">Waarschuwingen bij dit profiel:</p><ul class=\"compact warn\">");
            for w in &s.warnings {
                let _ = write!(h, "<li>{}</li>", esc(w));
            }
            h.push_str("</ul>\n");
        }
        if s.status == SchoolStatus::Record {
            h.push_str("<ul class=\"compact\">");
            for (c, a) in s.areas.iter().zip(&o.areas) {
                let rows: Vec<String> =
                    c.rows.iter().map(|r| format!("{}: {}", esc(&r.label), esc(&r.text()))).collect();
                let _ = write!(
                    h,
                    "<li>{}: <span class=\"{}\">{}</span>{}</li>",
                    esc(&a.label),
                    class_of(c.coverage),
                    c.coverage.dutch(),
                    if rows.is_empty() { String::new() } else { format!(" — {}", rows.join("; ")) }
                );
            }
            if !s.other.is_empty() {
                let rows: Vec<String> =
                    s.other.iter().map(|r| format!("{}: {}", esc(&r.label), esc(&r.text()))).collect();
                let _ = write!(h, "<li>Overig — {}</li>", rows.join("; "));
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</article>\n");
    }
    h.push_str("</section>\n");
}

fn comparison(h: &mut String, o: &Overview) {
    let Some(c) = &o.compare else { return };
    let _ = writeln!(
        h,
        "<section id=\"vergelijking\"><h2>Vergelijking met {}</h2><h3>Per gebied</h3><table class=\"sortable\" id=\"t-vergelijking-gebieden\"><thead><tr><th>Gebied</th><th>Scholen ja {}</th><th>Scholen ja {}</th><th>Verschil</th><th>Erbij</th><th>Eraf</th></tr></thead><tbody>",
        esc(&c.compare_year),
        esc(&c.compare_year),
        esc(&o.school_year)
    );
    for a in &c.areas {
        let d = a.new_offered as i64 - a.old_offered as i64;
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{} van {}</td><td class=\"num\">{} van {}</td><td class=\"num\" data-sort=\"{d}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&a.label),
            a.old_offered,
            a.old_with_record,
            a.new_offered,
            a.new_with_record,
            if d > 0 { format!("+{d}") } else { d.to_string() },
            esc(&a.gained.join(", ")),
            esc(&a.lost.join(", "))
        );
    }
    h.push_str("</tbody></table><p>Erbij en eraf: ids van scholen. Een school zonder profiel in een van beide jaren telt in dat jaar niet mee; of ze dit jaar een profiel heeft, staat hieronder per school.</p>\n<h3>Per school</h3>\n<table class=\"sortable filterable\" id=\"t-vergelijking-scholen\"><thead><tr><th>School</th><th>Gebieden</th><th>Rijen (toegevoegd, verdwenen, gewijzigd)</th><th>HGW</th></tr></thead><tbody>\n");
    let by_id: std::collections::HashMap<&str, &SchoolRow> = o.schools.iter().map(|r| (r.id.as_str(), r)).collect();
    for s in &c.schools {
        let row = by_id.get(s.id.as_str()).copied();
        let attrs = row.map(school_attrs).unwrap_or_default();
        let name = format!(
            "<td><a href=\"#{}\">{}</a><small>{}</small></td>",
            anchor(&s.id),
            esc(s.name.as_deref().unwrap_or(&s.id)),
            esc(&s.id)
        );
        let presence = match s.presence {
            Presence::Both => None,
            Presence::NewOnly => Some(format!("geen profiel in {}", c.compare_year)),
            Presence::OldOnly => Some(format!("geen profiel in {}", o.school_year)),
        };
        if let Some(p) = presence {
            let _ = writeln!(h, "<tr{attrs}>{name}<td colspan=\"3\" class=\"missing\">{}</td></tr>", esc(&p));
            continue;
        }
        if s.area_changes.is_empty() && s.row_changes.is_empty() && s.hgw_changes.is_empty() {
            let _ = writeln!(
                h,
                "<tr{attrs}>{name}<td colspan=\"3\">geen wijzigingen in gebieden, HGW of voorzieningen</td></tr>"
            );
            continue;
        }
        let areas: String = s
            .area_changes
            .iter()
            .map(|a| {
                format!(
                    "<li>{}: <span class=\"{}\">{}</span> → <span class=\"{}\">{}</span></li>",
                    esc(&a.label),
                    class_of(a.old),
                    a.old.dutch(),
                    class_of(a.new),
                    a.new.dutch()
                )
            })
            .collect();
        let rows: String = s
            .row_changes
            .iter()
            .map(|r| {
                format!(
                    "<li>{} <b>{}</b> [{}]: {} → {}</li>",
                    r.change.dutch(),
                    esc(&r.label),
                    esc(&area_labels(o, &r.areas)),
                    esc(r.old.as_deref().unwrap_or("—")),
                    esc(r.new.as_deref().unwrap_or("—"))
                )
            })
            .collect();
        let family = row.and_then(|r| r.template.as_deref());
        let hgw: String = s
            .hgw_changes
            .iter()
            .map(|g| format!("<li>{}: {} → {}</li>", esc(&g.label), hgw_dutch(g.old, family), hgw_dutch(g.new, family)))
            .collect();
        let _ = writeln!(
            h,
            "<tr{attrs}>{name}<td data-sort=\"{}\"><ul class=\"compact\">{areas}</ul></td><td data-sort=\"{}\"><ul class=\"compact\">{rows}</ul></td><td data-sort=\"{}\"><ul class=\"compact\">{hgw}</ul></td></tr>",
            s.area_changes.len(),
            s.row_changes.len(),
            s.hgw_changes.len()
        );
    }
    h.push_str("</tbody></table></section>\n");
}
