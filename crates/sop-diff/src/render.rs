//! The diff for people, in Dutch: Markdown and one self-contained HTML page.
//!
//! Both are written from one intermediate [`Report`], so that they always say
//! the same thing.

use std::fmt::Write as _;

use serde_json::Value;

use crate::labels::{attr_label, field_label, row_attrs, value_nl};
use crate::{text, Change, ChangeKind, Counts, Diff, HunkOp, Side, Verdict};
use sop_i18n::t;
use sop_model::family::{self, Family};
use sop_model::text::html_escape as esc;

/// Kept words around an edit in long free text; longer unchanged runs are
/// shortened to "…".
const CONTEXT_WORDS: usize = 12;

#[derive(Debug, Clone, PartialEq)]
enum Span {
    Text(String),
    Del(String),
    Ins(String),
}

enum Block {
    /// One line: "Expertise motoriek: ja → nee".
    Item { kind: ChangeKind, spans: Vec<Span> },
    /// A free text with its word-level changes.
    Text { kind: ChangeKind, title: String, similarity: Option<f64>, spans: Vec<Span> },
}

struct Section {
    title: String,
    blocks: Vec<Block>,
}

struct Report {
    title: String,
    years: String,
    sides: [Vec<(String, String)>; 2],
    warning: Option<String>,
    /// What a template switch left uncompared, one sentence.
    not_compared: Option<String>,
    total: Counts,
    per_field: Vec<(String, Counts)>,
    sections: Vec<Section>,
}

fn kind_nl(k: ChangeKind) -> String {
    match k {
        ChangeKind::Added => t!("diff-added"),
        ChangeKind::Removed => t!("diff-removed"),
        ChangeKind::Changed => t!("diff-changed"),
    }
}

fn side_rows(s: &Side) -> Vec<(String, String)> {
    let family = family::name_of(&s.template.family).to_string();
    let template = match &s.template.revision {
        Some(r) => format!("{family}, {r}"),
        None => family,
    };
    let short_hash = if s.sha256.len() > 12 { format!("{}…", &s.sha256[..12]) } else { s.sha256.clone() };
    vec![
        (t!("diff-side-year"), s.school_year.clone().unwrap_or_else(|| t!("diff-unknown"))),
        (t!("diff-side-template"), template),
        (t!("diff-side-file"), if s.filename.is_empty() { t!("diff-unknown") } else { s.filename.clone() }),
        ("SHA-256".into(), if short_hash.is_empty() { t!("diff-unknown") } else { short_hash }),
    ]
}

fn build(d: &Diff) -> Report {
    let title = match (d.from.school.as_deref(), d.to.school.as_deref()) {
        (Some(a), Some(b)) if a != b => format!("{a} / {b}"),
        (_, Some(b)) => b.to_string(),
        (Some(a), None) => a.to_string(),
        (None, None) => t!("diff-unknown-school"),
    };
    let year = |s: &Side| s.school_year.clone().unwrap_or_else(|| t!("diff-unknown-year"));
    let years = t!("diff-years", from = year(&d.from), to = year(&d.to));
    let warning = match d.same_school.verdict {
        Verdict::Same => None,
        Verdict::Unproven => Some(t!("diff-not-proven", reason = reason_nl(&d.same_school.reason))),
        Verdict::Different => Some(t!("diff-different", reason = reason_nl(&d.same_school.reason))),
    };

    let mut per_field: Vec<(String, Counts)> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    for c in &d.changes {
        let title = field_label(&c.field);
        if sections.last().is_none_or(|s| s.title != title) {
            sections.push(Section { title: title.clone(), blocks: Vec::new() });
            per_field.push((title, d.summary.fields.get(&c.field).copied().unwrap_or_default()));
        }
        let family = match c.change {
            ChangeKind::Removed => family::find(&d.from.template.family),
            _ => family::find(&d.to.template.family),
        };
        let block = block(c, family, family::find(&d.from.template.family));
        if let Some(s) = sections.last_mut() {
            s.blocks.push(block);
        }
    }
    Report {
        title,
        years,
        sides: [side_rows(&d.from), side_rows(&d.to)],
        warning,
        not_compared: not_compared_sentence(d),
        total: Counts { added: d.summary.added, removed: d.summary.removed, changed: d.summary.changed },
        per_field,
        sections,
    }
}

/// "Niet vergeleken, omdat het sjabloon Perspectief op School er geen plaats
/// voor heeft: Financiën, Ontwikkeling en evaluatie." — per family that lacks
/// fields, in the order the diff lists them.
fn not_compared_sentence(d: &Diff) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut families: Vec<&str> = Vec::new();
    for n in &d.not_compared {
        if !families.contains(&n.lacking_family.as_str()) {
            families.push(&n.lacking_family);
        }
    }
    for f in families {
        let labels: Vec<&str> =
            d.not_compared.iter().filter(|n| n.lacking_family == f).map(|n| n.label.as_str()).collect();
        parts.push(t!("diff-template-lacks", template = family::name_of(f), fields = labels.join(", ")));
    }
    let and = format!("{} ", t!("diff-not-compared-and"));
    (!parts.is_empty()).then(|| t!("diff-not-compared", parts = parts.join(&and)))
}

/// The reason two documents may not be of one school: made in the current
/// language by `identity.rs`; a diff stored before the catalogue has it in
/// English, which the Dutch report translates here.
fn reason_nl(reason: &str) -> String {
    if sop_i18n::lang() != sop_i18n::Lang::Nl {
        return reason.to_string();
    }
    reason
        .replace(
            "no name, BRIN or e-mail address is known in both documents",
            "geen naam, BRIN of e-mailadres staat in beide documenten",
        )
        .replace("names", "namen")
        .replace("e-mail domains", "e-maildomeinen")
        .replace(" and ", " en ")
        .replace(" differ", " verschillen")
}

fn block(c: &Change, family: Option<&Family>, old_family: Option<&Family>) -> Block {
    if let Some(hunks) = &c.hunks {
        let words: Vec<(HunkOp, String)> = hunks.iter().map(|h| (h.op, h.text.clone())).collect();
        return Block::Text {
            kind: c.change,
            title: c.label.clone(),
            similarity: (c.change == ChangeKind::Changed).then_some(c.similarity).flatten(),
            spans: elide(&words),
        };
    }
    let member = c.key.as_deref().map(|k| k.split('/').next().unwrap_or(k)).unwrap_or("");
    // "7. Constructieve samenwerking.: ..." reads badly.
    let mut spans = vec![Span::Text(format!("{}: ", c.label.trim_end_matches(['.', ':', ' '])))];
    if !row_attrs(&c.field, family).is_empty() {
        spans.extend(row_spans(c, family, old_family));
    } else if c.field == "boilerplate" {
        let standard = |v: &Value| v.get("standard").and_then(Value::as_bool);
        spans.push(Span::Text(match (c.change, standard(&c.new)) {
            (ChangeKind::Changed, Some(false)) => t!("diff-boilerplate-edited"),
            (ChangeKind::Changed, _) => t!("diff-boilerplate-standard-again"),
            (ChangeKind::Added, _) => t!("diff-boilerplate-added"),
            (ChangeKind::Removed, _) => t!("diff-boilerplate-removed"),
        }));
    } else {
        let v = |x: &Value, fam: Option<&Family>| value_nl(&c.field, member, x, fam);
        match c.change {
            ChangeKind::Changed => spans.extend(arrow(&v(&c.old, old_family), &v(&c.new, family))),
            ChangeKind::Added => spans.push(Span::Ins(v(&c.new, family))),
            ChangeKind::Removed => spans.push(Span::Del(v(&c.old, family))),
        }
    }
    Block::Item { kind: c.change, spans }
}

/// "old → new", or an inline word diff when the values are long texts.
fn arrow(old: &str, new: &str) -> Vec<Span> {
    if text::tokens(old).len() > 8 && text::tokens(new).len() > 8 {
        let words: Vec<(HunkOp, String)> = text::hunks(old, new).into_iter().map(|h| (h.op, h.text)).collect();
        return elide(&words);
    }
    vec![Span::Del(old.to_string()), Span::Text(" → ".into()), Span::Ins(new.to_string())]
}

fn row_spans(c: &Change, family: Option<&Family>, old_family: Option<&Family>) -> Vec<Span> {
    let attrs = row_attrs(&c.field, family);
    let mut spans = Vec::new();
    match c.change {
        ChangeKind::Changed => {
            let mut first = true;
            for (n_attr, &a) in attrs.iter().enumerate() {
                let (o, n) = (c.old.get(a).unwrap_or(&Value::Null), c.new.get(a).unwrap_or(&Value::Null));
                if canonical_eq(o, n) {
                    continue;
                }
                if !first {
                    spans.push(Span::Text("; ".into()));
                }
                first = false;
                if n_attr > 0 {
                    spans.push(Span::Text(format!("{} ", attr_label(a))));
                }
                spans.extend(arrow(&value_nl(&c.field, a, o, old_family), &value_nl(&c.field, a, n, family)));
            }
        }
        ChangeKind::Added | ChangeKind::Removed => {
            let row = if c.change == ChangeKind::Added { &c.new } else { &c.old };
            let mut parts = Vec::new();
            for (n_attr, &a) in attrs.iter().enumerate() {
                let v = row.get(a).unwrap_or(&Value::Null);
                if matches!(a, "label" | "name" | "kind") {
                    continue;
                }
                if n_attr == 0 {
                    parts.push(value_nl(&c.field, a, v, family));
                } else if !v.is_null() {
                    parts.push(format!("{}: {}", attr_label(a), value_nl(&c.field, a, v, family)));
                }
            }
            let s = parts.join("; ");
            spans.push(if c.change == ChangeKind::Added { Span::Ins(s) } else { Span::Del(s) });
        }
    }
    spans
}

fn canonical_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => text::canonical(x) == text::canonical(y),
        _ => a == b,
    }
}

/// Word runs to spans, with long unchanged runs shortened around the edits.
fn elide(words: &[(HunkOp, String)]) -> Vec<Span> {
    let n = words.len();
    let mut out = Vec::new();
    for (i, (op, text)) in words.iter().enumerate() {
        match op {
            HunkOp::Delete => out.push(Span::Del(text.clone())),
            HunkOp::Insert => out.push(Span::Ins(text.clone())),
            HunkOp::Equal => {
                let w: Vec<&str> = text.split(' ').collect();
                let (keep_head, keep_tail) = (i > 0, i + 1 < n);
                let limit = CONTEXT_WORDS * (usize::from(keep_head) + usize::from(keep_tail));
                let s = if w.len() <= limit.max(CONTEXT_WORDS) {
                    text.clone()
                } else {
                    let head = if keep_head { w[..CONTEXT_WORDS].join(" ") } else { String::new() };
                    let tail = if keep_tail { w[w.len() - CONTEXT_WORDS..].join(" ") } else { String::new() };
                    format!("{head} … {tail}").trim().to_string()
                };
                out.push(Span::Text(s));
            }
        }
    }
    // Words are joined by spaces in the output.
    let mut spaced = Vec::with_capacity(out.len() * 2);
    for (i, s) in out.into_iter().enumerate() {
        if i > 0 {
            spaced.push(Span::Text(" ".into()));
        }
        spaced.push(s);
    }
    spaced
}

fn summary_sentence(t: &Counts) -> String {
    let total = t.added + t.removed + t.changed;
    if total == 0 {
        return t!("diff-no-changes");
    }
    if total == 1 {
        t!("diff-total-one", total = total, added = t.added, removed = t.removed, changed = t.changed)
    } else {
        t!("diff-total", total = total, added = t.added, removed = t.removed, changed = t.changed)
    }
}

/// Rounded down, so that an edited text never reads "100% gelijk".
fn pct(s: f64) -> String {
    t!("diff-similar", pct = ((s * 100.0).floor() as i64).to_string())
}

// ---------------------------------------------------------------- Markdown

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_~[]|<>#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&md_escape(t)),
            Span::Del(t) if !t.trim().is_empty() => write!(out, "~~{}~~", md_escape(t.trim())).unwrap_or(()),
            Span::Ins(t) if !t.trim().is_empty() => write!(out, "**{}**", md_escape(t.trim())).unwrap_or(()),
            _ => {}
        }
    }
    out
}

/// The diff as Markdown, in Dutch.
pub fn render_markdown(d: &Diff) -> String {
    let r = build(d);
    let mut o = String::new();
    let w = &mut o;
    let _ = writeln!(w, "# {}\n", t!("diff-title", school = md_escape(&r.title)));
    let _ = writeln!(w, "**{}**\n", md_escape(&r.years));
    let _ = writeln!(w, "| | {} | {} |\n|---|---|---|", t!("diff-previous"), t!("diff-new"));
    for (i, (k, v)) in r.sides[0].iter().enumerate() {
        let _ = writeln!(w, "| {} | {} | {} |", k, md_escape(v), md_escape(&r.sides[1][i].1));
    }
    let _ = writeln!(w);
    if let Some(warn) = &r.warning {
        let _ = writeln!(w, "> **{}** {}\n", t!("diff-attention"), md_escape(warn));
    }
    if let Some(note) = &r.not_compared {
        let _ = writeln!(w, "> {}\n", md_escape(note));
    }
    let _ = writeln!(w, "## {}\n\n{}\n", t!("diff-summary"), summary_sentence(&r.total));
    if !r.per_field.is_empty() {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |\n|---|--:|--:|--:|",
            t!("diff-col-part"),
            t!("diff-added"),
            t!("diff-removed"),
            t!("diff-changed")
        );
        for (f, c) in &r.per_field {
            let _ = writeln!(w, "| {} | {} | {} | {} |", md_escape(f), c.added, c.removed, c.changed);
        }
        let _ = writeln!(w, "\n{}\n", t!("diff-legend-md"));
    }
    for s in &r.sections {
        let _ = writeln!(w, "## {}\n", md_escape(&s.title));
        let mut in_list = false;
        for b in &s.blocks {
            match b {
                Block::Item { kind, spans } => {
                    let _ = writeln!(w, "- *{}:* {}", kind_nl(*kind), md_spans(spans));
                    in_list = true;
                }
                Block::Text { kind, title, similarity, spans } => {
                    if in_list {
                        let _ = writeln!(w);
                        in_list = false;
                    }
                    let sim = similarity.map(|s| format!(" ({})", pct(s))).unwrap_or_default();
                    let _ = writeln!(w, "*{}:* {}{}\n", kind_nl(*kind), md_escape(title), sim);
                    let _ = writeln!(w, "> {}\n", md_spans(spans));
                }
            }
        }
        if in_list {
            let _ = writeln!(w);
        }
    }
    o.truncate(o.trim_end().len());
    o.push('\n');
    o
}

// ---------------------------------------------------------------- HTML

fn html_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&esc(t)),
            Span::Del(t) if !t.trim().is_empty() => {
                let _ = write!(out, "<del>{}</del>", esc(t.trim()));
            }
            Span::Ins(t) if !t.trim().is_empty() => {
                let _ = write!(out, "<ins>{}</ins>", esc(t.trim()));
            }
            _ => {}
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1d2733; --muted: #5b6876; --line: #d5dbe2; --accent: #1f4e79;
        --add: #0b6b2f; --add-bg: #e3f4e8; --del: #a4161a; --del-bg: #fbe5e6; --chg: #8a5a00; --chg-bg: #fdf1d6; }
* { box-sizing: border-box; }
body { font: 16px/1.55 "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); margin: 0; background: #f5f7f9; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: #fff; min-height: 100vh; }
h1 { font-size: 1.6rem; color: var(--accent); margin: 0 0 .2rem; line-height: 1.25; }
h2 { font-size: 1.2rem; color: var(--accent); border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin: 2rem 0 .8rem; }
p.years { font-size: 1.15rem; font-weight: bold; margin: 0 0 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; font-weight: bold; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.sides td:first-child { color: var(--muted); }
.warning { border-left: 4px solid var(--del); background: var(--del-bg); padding: .6rem .9rem; margin: 1rem 0; }
p.total { font-size: 1.1rem; }
ul.changes { list-style: none; padding: 0; margin: 0; }
ul.changes li { padding: .35rem 0; border-bottom: 1px solid #eef1f4; }
.badge { display: inline-block; min-width: 6.5rem; font-size: .8rem; font-weight: bold; text-transform: uppercase;
         letter-spacing: .03em; padding: .05rem .4rem; border-radius: 3px; margin-right: .5rem; text-align: center; }
.added { color: var(--add); background: var(--add-bg); }
.removed { color: var(--del); background: var(--del-bg); }
.changed { color: var(--chg); background: var(--chg-bg); }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--add); background: var(--add-bg); text-decoration: none; border-bottom: 1px solid var(--add); }
div.text { margin: .6rem 0 1.2rem; }
div.text h3 { font-size: 1rem; margin: 0 0 .3rem; }
div.text .sim { color: var(--muted); font-weight: normal; }
blockquote { margin: 0; padding: .6rem .9rem; background: #fafbfc; border-left: 4px solid var(--line); }
p.legend { color: var(--muted); font-size: .9rem; }
p.note { border-left: 4px solid var(--line); background: #fafbfc; padding: .6rem .9rem; margin: 1rem 0; }
@media print { body { background: #fff; } main { padding: 0; } }
"#;

/// The diff as one self-contained HTML page (no external assets), in Dutch.
pub fn render_html(d: &Diff) -> String {
    let r = build(d);
    let mut o = String::new();
    let w = &mut o;
    let _ =
        writeln!(w, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">", sop_i18n::lang().code());
    let _ = writeln!(w, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = writeln!(
        w,
        "<title>{}</title>",
        esc(&t!("diff-html-title", school = r.title.as_str(), years = r.years.as_str()))
    );
    let _ = writeln!(w, "<style>{CSS}</style>\n</head>\n<body>\n<main>");
    let _ = writeln!(w, "<h1>{}</h1>", esc(&t!("diff-title", school = r.title.as_str())));
    let _ = writeln!(w, "<p class=\"years\">{}</p>", esc(&r.years));
    let _ = writeln!(
        w,
        "<table class=\"sides\">\n<tr><th></th><th>{}</th><th>{}</th></tr>",
        esc(&t!("diff-previous")),
        esc(&t!("diff-new"))
    );
    for (i, (k, v)) in r.sides[0].iter().enumerate() {
        let _ = writeln!(w, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", esc(k), esc(v), esc(&r.sides[1][i].1));
    }
    let _ = writeln!(w, "</table>");
    if let Some(warn) = &r.warning {
        let _ = writeln!(w, "<p class=\"warning\"><strong>{}</strong> {}</p>", esc(&t!("diff-attention")), esc(warn));
    }
    if let Some(note) = &r.not_compared {
        let _ = writeln!(w, "<p class=\"note\">{}</p>", esc(note));
    }
    let _ = writeln!(w, "<section id=\"samenvatting\">\n<h2>{}</h2>", esc(&t!("diff-summary")));
    let _ = writeln!(w, "<p class=\"total\">{}</p>", esc(&summary_sentence(&r.total)));
    if !r.per_field.is_empty() {
        let _ = writeln!(
            w,
            "<table class=\"summary\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(&t!("diff-col-part")),
            esc(&t!("diff-added")),
            esc(&t!("diff-removed")),
            esc(&t!("diff-changed"))
        );
        for (f, c) in &r.per_field {
            let _ = writeln!(
                w,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(f),
                c.added,
                c.removed,
                c.changed
            );
        }
        let _ = writeln!(w, "</table>");
        let _ = writeln!(
            w,
            "<p class=\"legend\">{} <del>{}</del> {} <ins>{}</ins> {}</p>",
            esc(&t!("diff-legend-html-before")),
            esc(&t!("diff-legend-html-struck")),
            esc(&t!("diff-legend-html-middle")),
            esc(&t!("diff-legend-html-underlined")),
            esc(&t!("diff-legend-html-after"))
        );
    }
    let _ = writeln!(w, "</section>");
    for s in &r.sections {
        let _ = writeln!(w, "<section>\n<h2>{}</h2>", esc(&s.title));
        let mut in_list = false;
        for b in &s.blocks {
            match b {
                Block::Item { kind, spans } => {
                    if !in_list {
                        let _ = writeln!(w, "<ul class=\"changes\">");
                        in_list = true;
                    }
                    let _ = writeln!(w, "<li>{}{}</li>", badge(*kind), html_spans(spans));
                }
                Block::Text { kind, title, similarity, spans } => {
                    if in_list {
                        let _ = writeln!(w, "</ul>");
                        in_list = false;
                    }
                    let sim =
                        similarity.map(|s| format!(" <span class=\"sim\">({})</span>", pct(s))).unwrap_or_default();
                    let _ = writeln!(
                        w,
                        "<div class=\"text\"><h3>{}{}{}</h3><blockquote>{}</blockquote></div>",
                        badge(*kind),
                        esc(title),
                        sim,
                        html_spans(spans)
                    );
                }
            }
        }
        if in_list {
            let _ = writeln!(w, "</ul>");
        }
        let _ = writeln!(w, "</section>");
    }
    let _ = writeln!(w, "</main>\n</body>\n</html>");
    o
}

fn badge(k: ChangeKind) -> String {
    let class = match k {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Changed => "changed",
    };
    format!("<span class=\"badge {class}\">{}</span>", kind_nl(k))
}
