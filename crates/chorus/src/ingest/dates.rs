//! Publication dates as articles and feeds give them.
//!
//! A publication date anchors every relative date in its article ("on
//! Wednesday", "last month") and places the article in a story's time
//! span, so ingest checks it as it reads an article, and the compare
//! stage, clustering and the store read it the same way. Dates written in
//! words are read by the compare stage's date scanner, so that a date
//! means the same in a date field as in a sentence.

use chrono::{Datelike, NaiveDate};

use crate::scan::dates::written_date;

/// Years a news article can be published in; a date outside them is a
/// typo or a placeholder, and would anchor every relative date wrongly.
pub const PUBLICATION_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Reads a publication date: ISO 8601 (date or date-time), RFC 2822, or
/// "March 15, 2023" / "15 March 2023"; `None` when unreadable or its year
/// is outside [`PUBLICATION_YEARS`].
pub fn publication_date(text: &str) -> Option<NaiveDate> {
    any_date(text).filter(|d| PUBLICATION_YEARS.contains(&d.year()))
}

/// What is wrong with a publication date that [`publication_date`] refuses.
pub fn publication_date_problem(text: &str) -> Option<String> {
    match any_date(text) {
        Some(date) if PUBLICATION_YEARS.contains(&date.year()) => None,
        Some(date) => Some(format!(
            "date \"{text}\" is implausible (year {}); it is not used",
            date.year()
        )),
        None => Some(format!(
            "date \"{text}\" is not a date chorus reads (ISO 8601, RFC 2822, \"15 March 2023\"); it is not used"
        )),
    }
}

fn any_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // Numeric dates with slashes: month first, as US wire feeds write them,
    // unless the first number cannot be a month.
    if let Some(prefix) = text.split_whitespace().next().filter(|p| p.contains('/')) {
        for format in ["%Y/%m/%d", "%m/%d/%Y", "%d/%m/%Y"] {
            if let Ok(date) = NaiveDate::parse_from_str(prefix, format) {
                return Some(date);
            }
        }
    }
    if let Some(prefix) = text.get(..10) {
        // Day and month swapped ("1998-30-06") is read only when the
        // second field cannot be a month, so nothing is ambiguous.
        for format in ["%Y-%m-%d", "%Y-%d-%m"] {
            if let Ok(date) = NaiveDate::parse_from_str(prefix, format) {
                return Some(date);
            }
        }
    }
    if let Ok(date) = chrono::DateTime::parse_from_rfc2822(text) {
        return Some(date.date_naive());
    }
    written_date(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn slashed_publication_dates() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(publication_date("08/12/1998 13:29:00"), day(1998, 8, 12));
        assert_eq!(publication_date("25/12/2023"), day(2023, 12, 25));
        assert_eq!(publication_date("2023/12/25"), day(2023, 12, 25));
        assert_eq!(publication_date("1998-30-06 11:49:00"), day(1998, 6, 30));
        assert_eq!(publication_date("13/13/2023"), None);
        assert_eq!(publication_date("3024-01-01"), None);
    }

    #[test]
    fn publication_dates() {
        assert_eq!(publication_date("2023-03-16"), Some(day(2023, 3, 16)));
        assert_eq!(
            publication_date("2023-03-16T08:00:00+00:00"),
            Some(day(2023, 3, 16))
        );
        assert_eq!(
            publication_date("Thu, 16 Mar 2023 08:00:00 GMT"),
            Some(day(2023, 3, 16))
        );
        assert_eq!(publication_date("March 16, 2023"), Some(day(2023, 3, 16)));
        assert_eq!(publication_date("soon"), None);
    }
}
