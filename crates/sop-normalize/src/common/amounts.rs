//! Money as the documents write it: "€46.130,-", "32.000 euro", "€ 8.500",
//! "€ 106", "€ 1.234,56".

use std::sync::LazyLock;

use regex::Regex;

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:€\s*(?P<a>\d{1,3}(?:\.\d{3})+|\d+)(?P<ac>,(?:\d{1,2}|-{1,2}))?)|(?:\b(?P<b>\d{1,3}(?:\.\d{3})+|\d+)(?P<bc>,(?:\d{1,2}|-{1,2}))?\s*(?:euro|eur)\b)",
    )
    .expect("valid regex")
});

/// An amount of money found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FoundAmount {
    pub eur: f64,
    /// As written, e.g. "€46.130,-" or "32.000 euro".
    pub raw: String,
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
}

/// Every amount in euros in `text`, in order. Dots group thousands and a comma
/// starts the cents (Dutch notation); ",-" means whole euros.
pub(crate) fn find_amounts(text: &str) -> Vec<FoundAmount> {
    AMOUNT
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (int, cents) = match c.name("a") {
                Some(a) => (a.as_str(), c.name("ac").map(|m| m.as_str())),
                None => (c.name("b")?.as_str(), c.name("bc").map(|m| m.as_str())),
            };
            let mut eur: f64 = int.replace('.', "").parse().ok()?;
            if let Some(cents) = cents.map(|s| s.trim_start_matches(',')) {
                if let Ok(c) = cents.parse::<u32>() {
                    eur += f64::from(c) / if cents.len() == 1 { 10.0 } else { 100.0 };
                }
            }
            Some(FoundAmount { eur, raw: whole.as_str().trim().to_string(), start: whole.start(), end: whole.end() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_notations() {
        let a = find_amounts("De basisondersteuning in 2023 is €46.130,- dit bedrag");
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].eur, a[0].raw.as_str()), (46130.0, "€46.130,-"));
        let a = find_amounts("een bedrag van 32.000 euro begroot, vaste voet van € 8.500 plus € 106 per leerling");
        let got: Vec<_> = a.iter().map(|a| (a.eur, a.raw.as_str())).collect();
        assert_eq!(got, vec![(32000.0, "32.000 euro"), (8500.0, "€ 8.500"), (106.0, "€ 106")]);
        assert_eq!(find_amounts("€ 1.234,56")[0].eur, 1234.56);
        assert!(find_amounts("in 2023 en 4 keer per jaar").is_empty());
    }
}
