//! Small text rules of the PoS parser: joining wrapped lines, splitting list
//! items.
//!
//! Where a line-end hyphen joins and which conjunctions keep it apart is the
//! rule all stages share (`sop_model::text`).

use sop_model::text::normalize_ws;

pub(crate) use crate::common::text::join;

/// Whether a line starts with a lowercase letter: in a table or list it then
/// continues the previous row's label.
pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Splits a numbered list ("1. ...; 2. ...") written in one text into items.
/// Only the next expected number starts an item, so that "klas 1 t/m klas 4"
/// or "2023-2027." never split. Returns the text before "1." and the items.
pub(crate) fn split_numbered(text: &str) -> (String, Vec<String>) {
    let mut items = Vec::new();
    let mut next = 1u32;
    let mut pos = 0usize;
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (marker start, text start)
    while let Some((m, t)) = find_number(text, pos, next) {
        starts.push((m, t));
        pos = t;
        next += 1;
    }
    if starts.is_empty() {
        return (normalize_ws(text), items);
    }
    let lead = normalize_ws(&text[..starts[0].0]);
    for (i, (_, t)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |s| s.0);
        items.push(clean_item(&text[*t..end]));
    }
    (lead, items)
}

/// Finds "N." or "N)" followed by whitespace, at the start or after whitespace.
fn find_number(text: &str, from: usize, n: u32) -> Option<(usize, usize)> {
    let pat = n.to_string();
    let mut search = from;
    while let Some(off) = text[search..].find(&pat) {
        let m = search + off;
        let after = m + pat.len();
        let before_ok = m == 0 || text[..m].ends_with(char::is_whitespace);
        let rest = &text[after..];
        let mut chars = rest.chars();
        let punct = chars.next();
        let space = chars.next();
        if before_ok && matches!(punct, Some('.') | Some(')')) && space.is_some_and(char::is_whitespace) {
            return Some((m, after + 1));
        }
        search = after;
    }
    None
}

/// Whitespace normalised, without the separator a list item ends with.
pub(crate) fn clean_item(s: &str) -> String {
    let t = normalize_ws(s);
    t.trim_end_matches(';').trim_end().to_string()
}

/// Splits on the ellipses that start each item of a PoS limits list
/// ("… die ...", "...met ..."). Returns the lead-in before the first one
/// ("Leerlingen") and the items; no ellipsis at all gives no items.
pub(crate) fn split_ellipsis(text: &str) -> (String, Vec<String>) {
    let t = text.replace('…', "...");
    let mut pieces = Vec::new();
    let mut rest = t.as_str();
    let mut lead = None;
    loop {
        // An item marker stands at the start or after whitespace.
        let at = find_marker(rest);
        match at {
            Some(i) => {
                if lead.is_none() {
                    lead = Some(rest[..i].to_string());
                } else {
                    pieces.push(rest[..i].to_string());
                }
                rest = rest[i..].trim_start_matches('.');
            }
            None => {
                if lead.is_none() {
                    return (normalize_ws(text), Vec::new());
                }
                pieces.push(rest.to_string());
                break;
            }
        }
    }
    let items = pieces.iter().map(|p| clean_item(p)).filter(|p| !p.is_empty()).collect();
    (normalize_ws(&lead.unwrap_or_default()), items)
}

fn find_marker(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(off) = s[from..].find("...") {
        let i = from + off;
        if i == 0 || s[..i].ends_with(char::is_whitespace) {
            return Some(i);
        }
        from = i + 3;
    }
    None
}

/// A bullet at the start of a line: "- ", "• ", "– ", "* ".
pub(crate) fn strip_bullet(s: &str) -> Option<&str> {
    let t = s.trim_start();
    for b in ["- ", "• ", "– ", "* ", "· "] {
        if let Some(rest) = t.strip_prefix(b) {
            return Some(rest.trim_start());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_items_split_only_at_the_next_number() {
        let (lead, items) =
            split_numbered("Ambities 1. Eerste in klas 1 t/m klas 4; 2. Tweede 2023-2027. 3) Derde; 5. geen vier");
        assert_eq!(lead, "Ambities");
        assert_eq!(items, vec!["Eerste in klas 1 t/m klas 4", "Tweede 2023-2027.", "Derde; 5. geen vier"]);
    }

    #[test]
    fn ellipsis_items_and_lead_in() {
        let (lead, items) = split_ellipsis("Leerlingen … die doof zijn ...die blind zijn ... met iets");
        assert_eq!(lead, "Leerlingen");
        assert_eq!(items, vec!["die doof zijn", "die blind zijn", "met iets"]);
        let (lead, items) = split_ellipsis("Geen lijst hier");
        assert_eq!((lead.as_str(), items.len()), ("Geen lijst hier", 0));
    }
}
