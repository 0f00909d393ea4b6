//! The moment `chorus stories --since` and `?since=` name.

/// A moment as `--since` and `?since=` take it — a date (`2026-12-03`,
/// midnight UTC), a date and time in UTC (`2026-12-03 14:00`,
/// `2026-12-03T14:00:00`) or RFC 3339 with an offset — as Unix seconds;
/// `None` when the text is none of these.
pub fn parse_since(text: &str) -> Option<i64> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let text = text.trim();
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.timestamp());
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(time) = NaiveDateTime::parse_from_str(text, format) {
            return Some(time.and_utc().timestamp());
        }
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_reads_dates_and_times() {
        assert_eq!(parse_since("1970-01-02"), Some(86_400));
        assert_eq!(parse_since("1970-01-01 01:00"), Some(3_600));
        assert_eq!(parse_since("1970-01-01T00:00:10"), Some(10));
        assert_eq!(parse_since("1970-01-01T02:00:00+01:00"), Some(3_600));
        assert_eq!(parse_since("yesterday"), None);
        assert_eq!(parse_since("2026-02-30"), None);
    }
}
