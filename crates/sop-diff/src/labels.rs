//! Dutch names of fields and values, for the change labels and the reports.

use serde_json::Value;
use sop_model::family::{self, Family};
use sop_model::HgwStatus;

/// The heading of a top-level field of `sop/1`, in the current language.
pub(crate) fn field_label(field: &str) -> String {
    use sop_i18n::t;
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

/// The Dutch name of a member of an object field (`school.email` -> "E-mail").
pub(crate) fn member_label(field: &str, member: &str) -> String {
    match (field, member) {
        ("school", "name") => "Naam",
        ("school", "sector") => "Sector",
        ("school", "brin") => "BRIN",
        ("school", "address") => "Adres",
        ("school", "phone") => "Telefoon",
        ("school", "email") => "E-mail",
        ("school", "website") => "Website",
        ("school", "board") => "Schoolbestuur",
        ("school", "swv") => "Samenwerkingsverband",
        ("school", "location") => "Locatie",
        ("school", "levels_lower") => "Onderwijsniveaus onderbouw",
        ("school", "levels_upper") => "Onderwijsniveaus bovenbouw",
        ("governance", "drafted") => "Opgesteld namens directeur en team",
        ("governance", "director") => "Directeur",
        ("governance", "mr_advice") => "Opgesteld met advies MR",
        ("governance", "board_adoption") => "Vastgesteld door bestuur",
        ("governance", "filled_in") => "Invuldatum",
        ("governance", "valid_for") => "Opgesteld voor schooljaar",
        ("support_structure", "text") => "Zorgstructuur",
        ("support_structure", "team") => "Lid ondersteuningsteam",
        ("support_structure", "meetings_per_year") => "Ondersteuningsteam komt per jaar bijeen",
        ("limits", "text") => "Grenzen aan de zorg",
        ("limits", "items") => "Grens",
        ("ambitions", "item") => "Ambitie",
        ("finance", "text") => "Toelichting financiën",
        ("finance", "amounts") => "Bedrag basisondersteuning",
        ("evaluation", "text") => "Evaluatie",
        ("evaluation", "date") => "Evaluatiemoment",
        ("unmapped", "item") => "Tekst zonder kopje",
        (_, other) => other,
    }
    .to_string()
}

/// The Dutch name of an attribute of a row, shown beside its value
/// ("uren beschikbaar 20 → 10").
pub(crate) fn attr_label(attr: &str) -> &'static str {
    match attr {
        "label" | "name" => "naam",
        "note" => "toelichting",
        "capacity" => "uren beschikbaar",
        "fte" => "fte",
        "hours" => "uren",
        "provided_by" => "aangeboden",
        "raw" => "zoals geschreven",
        "kind" => "soort",
        "status" => "status",
        "timing" => "periode",
        "present" => "aanwezig",
        "available" => "beschikbaar",
        "involvement" => "betrokkenheid",
        "key" => "sleutel",
        _ => "waarde",
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
            ("hgw", "status") => "geen markering".into(),
            (_, "provided_by") => "onbekend (markering niet leesbaar)".into(),
            _ => "niet ingevuld".into(),
        },
        ("facilities", "present", Value::Bool(true)) => "aanwezig".into(),
        ("facilities", "present", Value::Bool(false)) => {
            family.map_or("niet van toepassing", |f| f.facility_absent).into()
        }
        (_, _, Value::Bool(b)) => if *b { "ja" } else { "nee" }.into(),
        ("hgw", "status", Value::String(s)) => hgw_status(s, family),
        ("partners", "involvement", Value::String(s)) => match s.as_str() {
            "structural" => "structureel".into(),
            "regular" => "regelmatig".into(),
            "incidental" => "incidenteel".into(),
            "not_applicable" => "niet van toepassing".into(),
            other => other.into(),
        },
        ("partners", "kind", Value::String(s)) => match s.as_str() {
            "external_expert" => "externe deskundige".into(),
            "chain_partner" => "keten-/kernpartner".into(),
            "education_sector" => "onderwijssector".into(),
            other => other.into(),
        },
        ("offers", "kind", Value::String(s)) => match s.as_str() {
            "programme" => "aanbod van de school".into(),
            "provision" => "voorziening".into(),
            "education_offer" => "onderwijsaanbod".into(),
            other => other.into(),
        },
        (_, "provided_by", Value::Array(a)) => {
            if a.is_empty() {
                "niet aangeboden".into()
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
                (None, Some(w)) => format!("geen datum ({w})"),
                (None, None) => "niet ingevuld".into(),
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
            let family = o.get("family").and_then(Value::as_str).map_or("onbekend", family::name_of);
            match o.get("revision").and_then(Value::as_str) {
                Some(r) => format!("{family}, {r}"),
                None => family.to_string(),
            }
        }
        ("hgw_summary", _, Value::Object(o)) => {
            let pct = |k: &str| o.get(k).and_then(Value::as_f64).map(number).unwrap_or_default();
            format!(
                "nog niet ontwikkeld {}%, in ontwikkeling {}%, ontwikkeld {}%, ver ontwikkeld {}%",
                pct("not_started_pct"),
                pct("developing_pct"),
                pct("in_place_pct"),
                pct("advanced_pct")
            )
        }
        (_, _, Value::Number(n)) => n.as_f64().map(number).unwrap_or_else(|| n.to_string()),
        (_, _, Value::String(s)) => s.clone(),
        (_, _, Value::Array(a)) => {
            if a.is_empty() {
                "geen".into()
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
        "niet ingevuld".into()
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

fn provider(p: &str) -> &str {
    match p {
        "school" => "op de school",
        "board" => "via het bestuur",
        "swv_or_third_party" => "via het SWV of derden",
        other => other,
    }
}

/// "2023-11" -> "november 2023", "2024-06-01" -> "1 juni 2024".
pub(crate) fn date_nl(s: &str) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let parts: Vec<&str> = s.split('-').collect();
    let month = |m: &str| m.parse::<usize>().ok().filter(|m| (1..=12).contains(m)).map(|m| MONTHS[m - 1]);
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
