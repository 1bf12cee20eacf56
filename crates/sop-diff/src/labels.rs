//! Dutch names of fields and values, for the change labels and the reports.

use serde_json::Value;
use sop_i18n::t;
use sop_model::family::{self, Family};
use sop_model::HgwStatus;

/// The heading of a top-level field of `sop/1`, in the current language.
pub(crate) fn field_label(field: &str) -> String {
    match field {
        "template" => t!("diff-field-template"),
        "school_year" => t!("diff-field-school-year"),
        "school" => t!("diff-field-school"),
        "governance" => t!("diff-field-governance"),
        "vision" => t!("diff-field-vision"),
        "vision_context" => t!("diff-field-vision-context"),
        "support_structure" => t!("diff-field-support-structure"),
        "hgw" => t!("diff-field-hgw"),
        "hgw_summary" => t!("diff-field-hgw-summary"),
        "expertise" => t!("diff-field-expertise"),
        "partners" => t!("diff-field-partners"),
        "offers" => t!("diff-field-offers"),
        "facilities" => t!("diff-field-facilities"),
        "protocols" => t!("diff-field-protocols"),
        "extra_support" => t!("diff-field-extra-support"),
        "limits" => t!("diff-field-limits"),
        "ambitions" => t!("diff-field-ambitions"),
        "finance" => t!("diff-field-finance"),
        "evaluation" => t!("diff-field-evaluation"),
        "boilerplate" => t!("diff-field-boilerplate"),
        "unmapped" => t!("diff-field-unmapped"),
        other => other.to_string(),
    }
}

/// The name of a member of an object field, in the current language (`school.email` -> "E-mail").
pub(crate) fn member_label(field: &str, member: &str) -> String {
    match (field, member) {
        ("school", "name") => t!("diff-member-school-name"),
        ("school", "sector") => t!("diff-member-school-sector"),
        ("school", "brin") => t!("diff-member-school-brin"),
        ("school", "address") => t!("diff-member-school-address"),
        ("school", "phone") => t!("diff-member-school-phone"),
        ("school", "email") => t!("diff-member-school-email"),
        ("school", "website") => t!("diff-member-school-website"),
        ("school", "board") => t!("diff-member-school-board"),
        ("school", "swv") => t!("diff-member-school-swv"),
        ("school", "location") => t!("diff-member-school-location"),
        ("school", "levels_lower") => t!("diff-member-school-levels-lower"),
        ("school", "levels_upper") => t!("diff-member-school-levels-upper"),
        ("governance", "drafted") => t!("diff-member-governance-drafted"),
        ("governance", "director") => t!("diff-member-governance-director"),
        ("governance", "mr_advice") => t!("diff-member-governance-mr-advice"),
        ("governance", "board_adoption") => t!("diff-member-governance-board-adoption"),
        ("governance", "filled_in") => t!("diff-member-governance-filled-in"),
        ("governance", "valid_for") => t!("diff-member-governance-valid-for"),
        ("support_structure", "text") => t!("diff-member-support-structure-text"),
        ("support_structure", "team") => t!("diff-member-support-structure-team"),
        ("support_structure", "meetings_per_year") => t!("diff-member-support-structure-meetings-per-year"),
        ("limits", "text") => t!("diff-member-limits-text"),
        ("limits", "items") => t!("diff-member-limits-items"),
        ("ambitions", "item") => t!("diff-member-ambitions-item"),
        ("finance", "text") => t!("diff-member-finance-text"),
        ("finance", "amounts") => t!("diff-member-finance-amounts"),
        ("evaluation", "text") => t!("diff-member-evaluation-text"),
        ("evaluation", "date") => t!("diff-member-evaluation-date"),
        ("unmapped", "item") => t!("diff-member-unmapped-item"),
        (_, other) => other.to_string(),
    }
}

/// The name of an attribute of a row, in the current language, shown beside its value
/// ("uren beschikbaar 20 → 10").
pub(crate) fn attr_label(attr: &str) -> String {
    match attr {
        "label" | "name" => t!("diff-attr-name"),
        "note" => t!("diff-attr-note"),
        "capacity" => t!("diff-attr-capacity"),
        "fte" => t!("diff-attr-fte"),
        "hours" => t!("diff-attr-hours"),
        "provided_by" => t!("diff-attr-provided-by"),
        "raw" => t!("diff-attr-raw"),
        "kind" => t!("diff-attr-kind"),
        "status" => t!("diff-attr-status"),
        "timing" => t!("diff-attr-timing"),
        "present" => t!("diff-attr-present"),
        "available" => t!("diff-attr-available"),
        "involvement" => t!("diff-attr-involvement"),
        "key" => t!("diff-attr-key"),
        _ => t!("diff-attr-value"),
    }
}

/// The attributes of a row a reader wants to see, in that order; the first
/// is the row's main value, shown bare ("Expertise motoriek: ja → nee").
/// Attributes the row's family never fills or derives from another
/// ([`Family::quiet_row_attributes`]: `fte`/`hours` from `capacity`, the
/// Model's `provided_by` from Ja/Nee, PoS `available` from the provider
/// columns) are left out: showing them would say one thing twice.
pub(crate) fn row_attrs(field: &str, family: Option<&Family>) -> Vec<&'static str> {
    let all: &[&'static str] = match field {
        "hgw" => &["status", "note", "label"],
        "expertise" => &["available", "capacity", "provided_by", "label"],
        "partners" => &["involvement", "kind", "name"],
        "offers" => &["timing", "provided_by", "kind", "name"],
        "facilities" => &["present", "note", "name"],
        "protocols" => &["status", "name"],
        _ => &[],
    };
    all.iter().copied().filter(|a| !family.is_some_and(|f| f.quiet_row_attribute(field, a))).collect()
}

/// A value in Dutch, as a reader of the document would say it.
pub(crate) fn value_nl(field: &str, attr: &str, v: &Value, family: Option<&Family>) -> String {
    match (field, attr, v) {
        (_, _, Value::Null) => match (field, attr) {
            ("hgw", "status") => t!("diff-value-no-mark"),
            (_, "provided_by") => t!("diff-value-unknown-provider"),
            _ => t!("diff-value-not-filled-in"),
        },
        ("facilities", "present", Value::Bool(true)) => t!("diff-value-present"),
        ("facilities", "present", Value::Bool(false)) => {
            family.map_or("niet van toepassing", |f| f.facility_absent).into()
        }
        (_, _, Value::Bool(b)) => {
            if *b {
                t!("diff-value-yes")
            } else {
                t!("diff-value-no")
            }
        }
        ("hgw", "status", Value::String(s)) => hgw_status(s, family),
        ("partners", "involvement", Value::String(s)) => match s.as_str() {
            "structural" => t!("diff-value-structural"),
            "regular" => t!("diff-value-regular"),
            "incidental" => t!("diff-value-incidental"),
            "not_applicable" => t!("diff-value-not-applicable"),
            other => other.into(),
        },
        ("partners", "kind", Value::String(s)) => match s.as_str() {
            "external_expert" => t!("diff-value-external-expert"),
            "chain_partner" => t!("diff-value-chain-partner"),
            "education_sector" => t!("diff-value-education-sector"),
            other => other.into(),
        },
        ("offers", "kind", Value::String(s)) => match s.as_str() {
            "programme" => t!("diff-value-programme"),
            "provision" => t!("diff-value-provision"),
            "education_offer" => t!("diff-value-education-offer"),
            other => other.into(),
        },
        (_, "provided_by", Value::Array(a)) => {
            if a.is_empty() {
                t!("diff-value-not-offered")
            } else {
                a.iter().map(|p| provider(p.as_str().unwrap_or_default())).collect::<Vec<_>>().join(", ")
            }
        }
        ("school", "sector", Value::String(s)) => s.to_uppercase(),
        ("school", "address", Value::Object(o)) => o.get("raw").and_then(Value::as_str).unwrap_or_default().to_string(),
        ("governance", "director", Value::Object(o)) => join_present(&[o.get("title"), o.get("name")], ": "),
        ("governance", _, Value::Object(o)) => {
            let date = o.get("raw").filter(|v| !v.is_null()).or(o.get("date"));
            let who = o.get("chair").or(o.get("by"));
            match (date.and_then(Value::as_str), who.and_then(Value::as_str)) {
                (Some(d), Some(w)) => format!("{d} ({w})"),
                (Some(d), None) => d.to_string(),
                (None, Some(w)) => t!("diff-value-no-date", who = w),
                (None, None) => t!("diff-value-not-filled-in"),
            }
        }
        ("governance", "filled_in", Value::String(s)) | ("evaluation", "date", Value::String(s)) => date_nl(s),
        ("finance", "amounts", Value::Object(o)) => {
            let eur = o.get("eur").and_then(Value::as_f64).map(euro).unwrap_or_default();
            match o.get("period").and_then(Value::as_str) {
                Some(p) => format!("{eur} ({p})"),
                None => eur,
            }
        }
        ("template", _, Value::Object(o)) => {
            let family = o
                .get("family")
                .and_then(Value::as_str)
                .map_or_else(|| t!("diff-value-unknown"), |f| family::name_of(f).to_string());
            match o.get("revision").and_then(Value::as_str) {
                Some(r) => format!("{family}, {r}"),
                None => family.to_string(),
            }
        }
        ("hgw_summary", _, Value::Object(o)) => {
            let pct = |k: &str| o.get(k).and_then(Value::as_f64).map(number).unwrap_or_default();
            t!(
                "diff-value-hgw-summary",
                a = pct("not_started_pct"),
                b = pct("developing_pct"),
                c = pct("in_place_pct"),
                d = pct("advanced_pct")
            )
        }
        (_, _, Value::Number(n)) => n.as_f64().map(number).unwrap_or_else(|| n.to_string()),
        (_, _, Value::String(s)) => s.clone(),
        (_, _, Value::Array(a)) => {
            if a.is_empty() {
                t!("diff-value-none")
            } else {
                a.iter().map(|x| value_nl(field, attr, x, family)).collect::<Vec<_>>().join(", ")
            }
        }
        (_, _, Value::Object(o)) => {
            o.values().filter(|v| !v.is_null()).map(|x| value_nl(field, attr, x, family)).collect::<Vec<_>>().join(", ")
        }
    }
}

fn join_present(parts: &[Option<&Value>], sep: &str) -> String {
    let s: Vec<&str> = parts.iter().filter_map(|p| p.and_then(Value::as_str)).collect();
    if s.is_empty() {
        t!("diff-value-not-filled-in")
    } else {
        s.join(sep)
    }
}

fn hgw_status(s: &str, family: Option<&Family>) -> String {
    match serde_json::from_value::<HgwStatus>(Value::String(s.to_string())) {
        Ok(status) => family::hgw_word(family, status),
        Err(_) => s.to_string(),
    }
}

fn provider(p: &str) -> String {
    match p {
        "school" => t!("diff-value-by-school"),
        "board" => t!("diff-value-by-board"),
        "swv_or_third_party" => t!("diff-value-by-swv"),
        other => other.to_string(),
    }
}

/// "2023-11" -> "november 2023", "2024-06-01" -> "1 juni 2024".
pub(crate) fn date_nl(s: &str) -> String {
    let months = t!("diff-months");
    let months: Vec<&str> = months.split_whitespace().collect();
    let parts: Vec<&str> = s.split('-').collect();
    let month =
        |m: &str| m.parse::<usize>().ok().filter(|m| (1..=12).contains(m)).and_then(|m| months.get(m - 1).copied());
    match parts.as_slice() {
        [y, m] if y.len() == 4 => month(m).map_or_else(|| s.to_string(), |m| format!("{m} {y}")),
        [y, m, d] if y.len() == 4 => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => s.to_string(),
        },
        _ => s.to_string(),
    }
}

/// "€ 33.500" or "€ 1.234,50": Dutch thousands and decimal separators.
pub(crate) fn euro(v: f64) -> String {
    format!("€ {}", number(v))
}

/// A number the Dutch way: "33.500", "0,8".
pub(crate) fn number(v: f64) -> String {
    let neg = v < 0.0;
    let cents = (v.abs() * 100.0).round() as u64;
    let (int, frac) = (cents / 100, cents % 100);
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if neg { "-" } else { "" };
    match frac {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped},{}", f / 10),
        f => format!("{sign}{grouped},{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_and_dates() {
        assert_eq!(euro(33500.0), "€ 33.500");
        assert_eq!(euro(46130.0), "€ 46.130");
        assert_eq!(number(0.8), "0,8");
        assert_eq!(number(1234.56), "1.234,56");
        assert_eq!(number(106.0), "106");
        assert_eq!(date_nl("2023-11"), "november 2023");
        assert_eq!(date_nl("2024-06-01"), "1 juni 2024");
    }

    #[test]
    fn statuses_follow_the_template_words() {
        let (model, pos) = (Some(&family::SPPOH_MODEL), Some(&family::PERSPECTIEF_OP_SCHOOL));
        let v = Value::String("in_place".into());
        assert_eq!(value_nl("hgw", "status", &v, model), "op orde");
        assert_eq!(value_nl("hgw", "status", &v, pos), "ontwikkeld");
        assert_eq!(value_nl("hgw", "status", &Value::String("advanced".into()), pos), "ver ontwikkeld");
        assert_eq!(value_nl("facilities", "present", &Value::Bool(false), model), "niet van toepassing");
        assert_eq!(value_nl("facilities", "present", &Value::Bool(false), pos), "niet aanwezig");
        assert_eq!(row_attrs("expertise", model), ["available", "capacity", "label"]);
        assert_eq!(row_attrs("expertise", pos), ["provided_by", "label"]);
        assert_eq!(row_attrs("offers", model), ["timing", "name"]);
        assert_eq!(row_attrs("offers", pos), ["provided_by", "kind", "name"]);
        assert_eq!(row_attrs("expertise", None), ["available", "capacity", "provided_by", "label"]);
    }
}
