//! Dates and school years as the documents write them.

use std::sync::LazyLock;

use regex::Regex;

/// Dutch month names (and common abbreviations) -> month number.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let m = match w.as_str() {
        "januari" | "jan" => 1,
        "februari" | "feb" | "febr" => 2,
        "maart" | "mrt" | "mar" => 3,
        "april" | "apr" => 4,
        "mei" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "augustus" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b").expect("valid regex"));
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(\d{1,2})\s+)?(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(\d{4})\b")
        .expect("valid regex")
});
static SCHOOL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(20\d{2})\s*[-/–]\s*(20\d{2})\b").expect("valid regex"));

/// A date found in a text: ISO form and the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// `YYYY-MM-DD`, or `YYYY-MM` when the text names only a month.
    pub iso: String,
    /// The matched text, as written.
    pub raw: String,
    /// Byte offset of the match in the searched text.
    pub start: usize,
}

/// The first date in `text`: day-month-year with `-`, `/` or `.` ("22-5-2023",
/// "07-06-2021"), or written out ("19 mei 2024", "september 2023" -> `2023-09`).
/// Impossible dates (31-2-2023) are not dates.
pub(crate) fn find_date(text: &str) -> Option<FoundDate> {
    let mut best: Option<FoundDate> = None;
    for c in NUMERIC.captures_iter(text) {
        let (d, m) = (c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?);
        let mut y = c[3].parse::<i32>().ok()?;
        if c[3].len() == 2 {
            y += 2000;
        }
        if valid_ymd(y, m, d) {
            let whole = c.get(0).expect("match");
            best = Some(FoundDate {
                iso: format!("{y:04}-{m:02}-{d:02}"),
                raw: whole.as_str().to_string(),
                start: whole.start(),
            });
            break;
        }
    }
    if let Some(c) = WRITTEN.captures_iter(text).next() {
        let whole = c.get(0).expect("match");
        if best.as_ref().is_none_or(|b| whole.start() < b.start) {
            let m = month_number(&c[2]).expect("regex only matches months");
            let y: i32 = c[3].parse().ok()?;
            let iso = match c.get(1).and_then(|d| d.as_str().parse::<u32>().ok()) {
                Some(d) if valid_ymd(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
                _ => format!("{y:04}-{m:02}"),
            };
            best = Some(FoundDate { iso, raw: whole.as_str().to_string(), start: whole.start() });
        }
    }
    best
}

fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days
}

/// The first school year written in `text` ("2023-2024", "2023 - 2024",
/// "2023/2024"), as `"YYYY-YYYY"`; only consecutive years count.
pub(crate) fn find_school_year(text: &str) -> Option<String> {
    SCHOOL_YEAR.captures_iter(text).find_map(|c| {
        let (a, b) = (c[1].parse::<i32>().ok()?, c[2].parse::<i32>().ok()?);
        (b == a + 1).then(|| format!("{a}-{b}"))
    })
}

/// The school year (1 August to 31 July) an ISO date or month falls in:
/// `2023-11` and `2024-03` both belong to `2023-2024`.
pub(crate) fn school_year_of(iso: &str) -> Option<String> {
    let y: i32 = iso.get(0..4)?.parse().ok()?;
    let m: u32 = iso.get(5..7)?.parse().ok()?;
    let start = if m >= 8 { y } else { y - 1 };
    Some(format!("{}-{}", start, start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_written_dates() {
        assert_eq!(find_date("Datum: 22-5-2023").unwrap().iso, "2023-05-22");
        assert_eq!(find_date("07-06-2021").unwrap().iso, "2021-06-07");
        assert_eq!(find_date("in de maand september 2023.").unwrap().iso, "2023-09");
        let d = find_date("op 19 mei 2024 en later").unwrap();
        assert_eq!((d.iso.as_str(), d.raw.as_str()), ("2024-05-19", "19 mei 2024"));
        assert_eq!(find_date("31-2-2023"), None);
        assert_eq!(find_date("4 keer per jaar"), None);
    }

    #[test]
    fn school_years() {
        assert_eq!(find_school_year("voor schooljaar 2023-2024."), Some("2023-2024".into()));
        assert_eq!(find_school_year("2021-2025"), None);
        assert_eq!(school_year_of("2023-11"), Some("2023-2024".into()));
        assert_eq!(school_year_of("2024-03-01"), Some("2023-2024".into()));
        assert_eq!(school_year_of("2024-08-01"), Some("2024-2025".into()));
    }
}
