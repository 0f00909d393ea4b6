//! Dates and times of day as news writes them, resolved against the
//! publication date.
//!
//! Written here because news reads dates backwards: a report published on
//! Thursday that says "on Wednesday" means the day before, and "in
//! December" written in March means last December. The relative-date
//! crates resolve towards the future ("Wednesday" → next Wednesday), which
//! is right for calendars and wrong for reporting. The rule used: a
//! weekday is the latest such day on or before the anchor; a day or month
//! without a year is the latest one no more than a month after the anchor.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::{self, WEEKDAYS, month};
use super::tokens::{Token, TokenKind};
use crate::model::Bound;

/// A resolved date, as precise as the text allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    /// A year.
    Year(i32),
    /// A month of a year.
    Month(i32, u32),
    /// A day.
    Day(NaiveDate),
}

impl When {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        match self {
            When::Year(y) => format!("{y:04}"),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Day(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// First and last day it covers, as day numbers since 1970-01-01.
    pub fn days(&self) -> (i64, i64) {
        let first = match self {
            When::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            When::Month(y, m) => NaiveDate::from_ymd_opt(*y, *m, 1),
            When::Day(d) => Some(*d),
        };
        let last = match self {
            When::Year(y) => NaiveDate::from_ymd_opt(*y, 12, 31),
            When::Month(..) => first
                .and_then(|f| f.checked_add_months(Months::new(1)))
                .and_then(|f| f.pred_opt()),
            When::Day(d) => Some(*d),
        };
        (day_number(first), day_number(last))
    }
}

fn day_number(date: Option<NaiveDate>) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    date.map_or(0, |d| (d - epoch).num_days())
}

/// A date expression as written, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expression {
    /// Fully given: "15 March 2023", "2023-03-15", "March 2023", "in 1994".
    Absolute(When),
    /// A day without a year: "15 March", "Feb. 6".
    DayOfMonth(u32, u32),
    /// A month without a year: "in December".
    Month(u32),
    /// A weekday: "Wednesday" (0), "last Wednesday" (-1), "next Wednesday" (1).
    Weekday(Weekday, i8),
    /// Days from the anchor: "yesterday" (-1), "today", "tomorrow".
    Days(i64),
    /// Months from the anchor: "last month" (-1), "next month".
    Months(i32),
    /// Years from the anchor: "last year" (-1), "late last year", "this year".
    Years(i32),
}

impl Expression {
    /// Whether it needs an anchor date to mean anything.
    pub fn relative(&self) -> bool {
        !matches!(self, Expression::Absolute(_))
    }

    /// The date it names, read backwards from `anchor` (the publication
    /// date); `None` when it is relative and there is no anchor.
    pub fn resolve(&self, anchor: Option<NaiveDate>) -> Option<When> {
        if let Expression::Absolute(when) = self {
            return Some(*when);
        }
        let anchor = anchor?;
        match *self {
            Expression::Absolute(when) => Some(when),
            Expression::DayOfMonth(m, d) => {
                let this = NaiveDate::from_ymd_opt(anchor.year(), m, d);
                let limit = anchor.checked_add_days(Days::new(31))?;
                match this {
                    Some(date) if date <= limit => Some(When::Day(date)),
                    _ => NaiveDate::from_ymd_opt(anchor.year() - 1, m, d).map(When::Day),
                }
            }
            Expression::Month(m) => {
                if m <= anchor.month() + 1 {
                    Some(When::Month(anchor.year(), m))
                } else {
                    Some(When::Month(anchor.year() - 1, m))
                }
            }
            Expression::Weekday(day, shift) => {
                let back =
                    (7 + anchor.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
                let date = match shift {
                    0 => anchor.checked_sub_days(Days::new(back.into()))?,
                    s if s < 0 => {
                        let back = if back == 0 { 7 } else { back };
                        anchor.checked_sub_days(Days::new(back.into()))?
                    }
                    _ => {
                        let ahead = (7 - back) % 7;
                        let ahead = if ahead == 0 { 7 } else { ahead };
                        anchor.checked_add_days(Days::new(ahead.into()))?
                    }
                };
                Some(When::Day(date))
            }
            Expression::Days(n) => {
                let date = if n < 0 {
                    anchor.checked_sub_days(Days::new(n.unsigned_abs()))?
                } else {
                    anchor.checked_add_days(Days::new(n as u64))?
                };
                Some(When::Day(date))
            }
            Expression::Months(n) => {
                let first = anchor.with_day(1)?;
                let date = if n < 0 {
                    first.checked_sub_months(Months::new(n.unsigned_abs()))?
                } else {
                    first.checked_add_months(Months::new(n as u32))?
                };
                Some(When::Month(date.year(), date.month()))
            }
            Expression::Years(n) => Some(When::Year(anchor.year() + n)),
        }
    }
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// What was written.
    pub expression: Expression,
    /// Byte span in the sentence.
    pub span: (usize, usize),
    /// Token span, end exclusive.
    pub tokens: (usize, usize),
}

/// The weekday a capitalised name stands for.
fn weekday(word: &str) -> Option<Weekday> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let day = WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word))?;
    Weekday::try_from(day as u8).ok()
}

/// A capitalised month name at `i` (with its abbreviation's period), and
/// the token after it.
fn month_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Word || !token.capitalized() {
        return None;
    }
    let m = month(token.text)?;
    let next = if tokens.get(i + 1).is_some_and(|t| t.text == "." && t.glued) {
        i + 2
    } else {
        i + 1
    };
    Some((m, next))
}

fn number_at(tokens: &[Token], i: usize) -> Option<u32> {
    let token = tokens.get(i)?;
    (token.kind == TokenKind::Number && token.text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.text.parse().ok())
        .flatten()
}

fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let token = tokens.get(i)?;
    let year = number_at(tokens, i)?;
    (token.text.len() == 4 && (1800..=2100).contains(&year)).then_some(year as i32)
}

/// A day number at `i` with an optional ordinal suffix; the token after.
fn day_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let day = number_at(tokens, i)?;
    if !(1..=31).contains(&day) || tokens[i].text.len() > 2 {
        return None;
    }
    let next = match tokens.get(i + 1) {
        Some(t) if t.glued && matches!(t.text, "st" | "nd" | "rd" | "th") => i + 2,
        _ => i + 1,
    };
    Some((day, next))
}

/// Words before a month or a year that make it a date.
const DATE_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "early", "late", "mid", "during", "before",
    "after", "of", "last", "next", "this", "through", "between", "and", "to",
];

/// Finds the date expressions in a tokenized sentence.
pub fn dates(tokens: &[Token]) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match date_at(tokens, i) {
            Some((expression, start, end)) => {
                found.push(DateMention {
                    expression,
                    span: (tokens[start].start, tokens[end - 1].end),
                    tokens: (start, end),
                });
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The first full date (day, month and year) written in `text`, read as
/// the sentence scanner reads it ("March 15, 2023", "Wed 15 March 2023"):
/// what a publication date written out in words says.
pub(crate) fn written_date(text: &str) -> Option<NaiveDate> {
    let lower = text.to_ascii_lowercase();
    let tokens = super::tokens::tokenize(text, &lower);
    dates(&tokens).into_iter().find_map(|m| match m.expression {
        Expression::Absolute(When::Day(d)) => Some(d),
        _ => None,
    })
}

fn date_at(tokens: &[Token], i: usize) -> Option<(Expression, usize, usize)> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Number && !token.has(lexicon::DATE) {
        return None;
    }
    if token.kind != TokenKind::Number && !token.has(lexicon::DATE) {
        return None;
    }
    let word = token.lower();
    let before = i.checked_sub(1).map(|b| tokens[b].lower());
    // 2023-03-15
    if let Some(year) = year_at(tokens, i)
        && tokens.get(i + 1).is_some_and(|t| t.text == "-" && t.glued)
        && let Some(m) = number_at(tokens, i + 2)
        && tokens.get(i + 3).is_some_and(|t| t.text == "-" && t.glued)
        && let Some(d) = number_at(tokens, i + 4)
        && let Some(date) = NaiveDate::from_ymd_opt(year, m, d)
    {
        return Some((Expression::Absolute(When::Day(date)), i, i + 5));
    }
    // Wednesday, March 15: the weekday is absorbed by the date after it.
    if let Some(day) = weekday(token.text) {
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.text == ",") {
            j += 1;
        }
        if let Some((expression, _, end)) = date_at(tokens, j).filter(|(e, ..)| {
            matches!(
                e,
                Expression::DayOfMonth(..) | Expression::Absolute(When::Day(_))
            )
        }) {
            return Some((expression, i, end));
        }
        let (shift, start) = match before {
            Some("last") | Some("past") => (-1, i - 1),
            Some("next") | Some("coming") => (1, i - 1),
            _ => (0, i),
        };
        return Some((Expression::Weekday(day, shift), start, i + 1));
    }
    // March 15, 2023 / March 15 / March 2023 / in March
    if let Some((m, next)) = month_at(tokens, i) {
        if let Some((d, after_day)) = day_at(tokens, next) {
            let mut j = after_day;
            if tokens.get(j).is_some_and(|t| t.text == ",") {
                j += 1;
            }
            if let Some(year) = year_at(tokens, j) {
                let date = NaiveDate::from_ymd_opt(year, m, d)?;
                return Some((Expression::Absolute(When::Day(date)), i, j + 1));
            }
            NaiveDate::from_ymd_opt(2000, m, d)?;
            return Some((Expression::DayOfMonth(m, d), i, after_day));
        }
        if let Some(year) = year_at(tokens, next) {
            return Some((Expression::Absolute(When::Month(year, m)), i, next + 1));
        }
        let dated = before.is_some_and(|b| DATE_PREPOSITIONS.contains(&b));
        // "May" alone is a verb too often to be read as a month.
        if dated && m != 5 {
            let start = match before {
                Some("early" | "late" | "mid") => i - 1,
                _ => i,
            };
            return Some((Expression::Month(m), start, next));
        }
        return None;
    }
    // 15 March 2023 / 15 March
    if let Some((d, next)) = day_at(tokens, i)
        && let Some((m, after_month)) = month_at(tokens, next)
    {
        if let Some(year) = year_at(tokens, after_month) {
            let date = NaiveDate::from_ymd_opt(year, m, d)?;
            return Some((Expression::Absolute(When::Day(date)), i, after_month + 1));
        }
        NaiveDate::from_ymd_opt(2000, m, d)?;
        return Some((Expression::DayOfMonth(m, d), i, after_month));
    }
    // in 1994
    if let Some(year) = year_at(tokens, i)
        && before.is_some_and(|b| DATE_PREPOSITIONS.contains(&b))
        && !tokens
            .get(i + 1)
            .is_some_and(|t| t.glued && t.kind == TokenKind::Word)
    {
        return Some((Expression::Absolute(When::Year(year)), i, i + 1));
    }
    match word {
        "yesterday" => return Some((Expression::Days(-1), i, i + 1)),
        "today" | "tonight" => return Some((Expression::Days(0), i, i + 1)),
        "tomorrow" => return Some((Expression::Days(1), i, i + 1)),
        "last" | "next" | "this" => {
            let shift = match word {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let unit = tokens.get(i + 1)?.lower();
            let mut start = i;
            // "late last year", "earlier this year"
            if let Some(b) = before
                && matches!(b, "late" | "early" | "earlier" | "mid")
            {
                start = i - 1;
            }
            return match unit {
                "month" => Some((Expression::Months(shift), start, i + 2)),
                "year" => Some((Expression::Years(shift), start, i + 2)),
                _ => None,
            };
        }
        _ => {}
    }
    None
}

/// A time of day found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    /// Minutes after midnight in the zone written.
    pub local: i32,
    /// Offset of the zone from UTC in minutes, when a zone was written.
    pub offset: Option<i32>,
    /// "after" → more than, "around" → about.
    pub bound: Bound,
    /// Byte span in the sentence.
    pub span: (usize, usize),
    /// Token span, end exclusive.
    pub tokens: (usize, usize),
}

impl TimeMention {
    /// Minutes after midnight UTC, when the zone is known (0..1440).
    pub fn utc(&self) -> Option<i32> {
        self.offset
            .map(|offset| (self.local - offset).rem_euclid(24 * 60))
    }
}

/// UTC offsets (minutes, standard time) of zone abbreviations and of the
/// cities news names in "17:00 Moscow time".
fn zone_offset(name: &str) -> Option<i32> {
    let hours: f32 = match name {
        "GMT" | "UTC" | "Z" | "London" | "Lisbon" | "Dakar" | "Accra" => 0.0,
        "BST" | "CET" | "WAT" | "Paris" | "Berlin" | "Brussels" | "Madrid" | "Rome" | "Vienna"
        | "Warsaw" | "Lagos" | "Geneva" | "Amsterdam" | "Stockholm" | "Oslo" => 1.0,
        "CEST" | "EET" | "SAST" | "CAT" | "Kyiv" | "Kiev" | "Athens" | "Cairo" | "Jerusalem"
        | "Beirut" | "Helsinki" | "Bucharest" | "Johannesburg" | "Tripoli" => 2.0,
        "EEST" | "MSK" | "EAT" | "Moscow" | "Istanbul" | "Ankara" | "Riyadh" | "Baghdad"
        | "Doha" | "Nairobi" | "Minsk" | "Kuwait" | "Amman" | "Damascus" => 3.0,
        "IRST" | "Tehran" => 3.5,
        "GST" | "Dubai" | "Abu Dhabi" | "Baku" | "Tbilisi" | "Muscat" => 4.0,
        "Kabul" => 4.5,
        "PKT" | "Islamabad" | "Karachi" | "Lahore" | "Tashkent" => 5.0,
        "IST" | "Delhi" | "New Delhi" | "Mumbai" | "Kolkata" | "Colombo" => 5.5,
        "Kathmandu" => 5.75,
        "Dhaka" | "Almaty" => 6.0,
        "WIB" | "ICT" | "Bangkok" | "Jakarta" | "Hanoi" => 7.0,
        "HKT" | "SGT" | "Beijing" | "Shanghai" | "Hong Kong" | "Taipei" | "Singapore"
        | "Manila" | "Perth" | "Kuala Lumpur" => 8.0,
        "JST" | "KST" | "Tokyo" | "Seoul" | "Pyongyang" => 9.0,
        "AEST" | "Sydney" | "Melbourne" | "Canberra" => 10.0,
        "NZST" | "Wellington" | "Auckland" => 12.0,
        "EST" | "ET" | "Washington" | "New York" | "Toronto" | "Ottawa" => -5.0,
        "EDT" | "CDT" => {
            if name == "EDT" {
                -4.0
            } else {
                -5.0
            }
        }
        "CST" | "CT" | "Chicago" | "Mexico City" => -6.0,
        "MST" | "MT" | "Denver" | "MDT" => {
            if name == "MDT" {
                -6.0
            } else {
                -7.0
            }
        }
        "PST" | "PT" | "Los Angeles" | "San Francisco" | "Seattle" | "PDT" => {
            if name == "PDT" {
                -7.0
            } else {
                -8.0
            }
        }
        "Brasilia" | "Sao Paulo" | "Buenos Aires" => -3.0,
        _ => return None,
    };
    Some((hours * 60.0) as i32)
}

/// Finds times of day: "17:00", "2 p.m.", "14:00 GMT", "after 17:00
/// Moscow time", "around 9am ET".
pub fn times(tokens: &[Token]) -> Vec<TimeMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(mention) = time_at(tokens, i) {
            i = mention.tokens.1;
            found.push(mention);
        } else {
            i += 1;
        }
    }
    found
}

/// "a.m."/"am"/"p.m."/"pm" at `i`: whether afternoon, and the token after.
fn meridiem_at(tokens: &[Token], i: usize) -> Option<(bool, usize)> {
    let token = tokens.get(i)?;
    let word = token.lower();
    match word {
        "am" | "a.m" => Some((false, i + 1)),
        "pm" | "p.m" => Some((true, i + 1)),
        "a" | "p" => {
            let dotted = tokens.get(i + 1).is_some_and(|t| t.text == ".")
                && tokens.get(i + 2).is_some_and(|t| t.is("m"));
            if !dotted {
                return None;
            }
            let end = if tokens.get(i + 3).is_some_and(|t| t.text == "." && t.glued) {
                i + 4
            } else {
                i + 3
            };
            Some((word == "p", end))
        }
        _ => None,
    }
    .map(|(pm, end)| {
        // "a.m." tokenizes as "a.m" then "." when glued.
        let end = if tokens.get(end).is_some_and(|t| t.text == "." && t.glued) {
            end + 1
        } else {
            end
        };
        (pm, end)
    })
}

fn time_at(tokens: &[Token], i: usize) -> Option<TimeMention> {
    let token = &tokens[i];
    let (mut hours, minutes) = match token.kind {
        TokenKind::Clock => {
            let (h, m) = token.text.split_once(':')?;
            (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)
        }
        TokenKind::Number => {
            let h: i32 = token.text.parse().ok()?;
            meridiem_at(tokens, i + 1)?;
            (h, 0)
        }
        _ => return None,
    };
    if hours > 24 || minutes > 59 {
        return None;
    }
    let mut end = i + 1;
    if let Some((pm, next)) = meridiem_at(tokens, end) {
        if hours > 12 {
            return None;
        }
        if pm && hours < 12 {
            hours += 12;
        } else if !pm && hours == 12 {
            hours = 0;
        }
        end = next;
    }
    let mut offset = None;
    if let Some(zone) = tokens.get(end) {
        if let Some(o) = zone_offset(zone.text) {
            offset = Some(o);
            end += 1;
            // "Moscow time", "GMT+3" is left to the plain zone.
            if tokens.get(end).is_some_and(|t| t.is("time")) {
                end += 1;
            }
        } else if let Some(next) = tokens.get(end + 1)
            && let Some(o) = zone_offset(&format!("{} {}", zone.text, next.text))
        {
            offset = Some(o);
            end += 2;
            if tokens.get(end).is_some_and(|t| t.is("time")) {
                end += 1;
            }
        }
    }
    let (bound, start) = match i
        .checked_sub(1)
        .map(|b| tokens[b].text.to_ascii_lowercase())
    {
        Some(b) if b == "after" => (Bound::MoreThan, i - 1),
        Some(b) if b == "before" => (Bound::LessThan, i - 1),
        Some(b) if matches!(b.as_str(), "around" | "about" | "approximately" | "roughly") => {
            (Bound::About, i - 1)
        }
        _ => (Bound::Exact, i),
    };
    Some(TimeMention {
        local: hours * 60 + minutes,
        offset,
        bound,
        span: (tokens[start].start, tokens[end - 1].end),
        tokens: (start, end),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize_static as tokenize;
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn resolve(text: &'static str, anchor: Option<NaiveDate>) -> Vec<Option<String>> {
        let tokens = tokenize(text);
        dates(&tokens)
            .iter()
            .map(|m| m.expression.resolve(anchor).map(|w| w.iso()))
            .collect()
    }

    #[test]
    fn weekdays_look_back() {
        // 2023-03-16 is a Thursday.
        let thursday = Some(day(2023, 3, 16));
        assert_eq!(
            resolve("They met on Wednesday.", thursday),
            vec![Some("2023-03-15".into())]
        );
        assert_eq!(
            resolve("They met on Thursday.", thursday),
            vec![Some("2023-03-16".into())]
        );
        assert_eq!(
            resolve("They met on Friday.", thursday),
            vec![Some("2023-03-10".into())]
        );
        assert_eq!(
            resolve("They met last Thursday.", thursday),
            vec![Some("2023-03-09".into())]
        );
        assert_eq!(
            resolve("They meet next Monday.", thursday),
            vec![Some("2023-03-20".into())]
        );
        assert_eq!(resolve("They met on Wednesday.", None), vec![None]);
    }

    #[test]
    fn days_months_and_years_without_a_year() {
        let anchor = Some(day(2023, 3, 16));
        assert_eq!(
            resolve("on 15 March", anchor),
            vec![Some("2023-03-15".into())]
        );
        assert_eq!(
            resolve("on March 15", anchor),
            vec![Some("2023-03-15".into())]
        );
        assert_eq!(
            resolve("on Dec. 25", anchor),
            vec![Some("2022-12-25".into())]
        );
        assert_eq!(
            resolve("due on April 2", anchor),
            vec![Some("2023-04-02".into())]
        );
        assert_eq!(
            resolve("floods in February", anchor),
            vec![Some("2023-02".into())]
        );
        assert_eq!(
            resolve("talks in December", anchor),
            vec![Some("2022-12".into())]
        );
        assert_eq!(resolve("late last year", anchor), vec![Some("2022".into())]);
        assert_eq!(resolve("last month", anchor), vec![Some("2023-02".into())]);
        assert_eq!(resolve("next month", anchor), vec![Some("2023-04".into())]);
        assert_eq!(
            resolve("earlier this year", anchor),
            vec![Some("2023".into())]
        );
        assert_eq!(
            resolve("yesterday", anchor),
            vec![Some("2023-03-15".into())]
        );
        let january = Some(day(2024, 1, 3));
        assert_eq!(resolve("last month", january), vec![Some("2023-12".into())]);
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            resolve("on March 15, 2023,", None),
            vec![Some("2023-03-15".into())]
        );
        assert_eq!(
            resolve("on Wednesday, 15 March 2023", None),
            vec![Some("2023-03-15".into())]
        );
        assert_eq!(
            resolve("on 2023-03-15", None),
            vec![Some("2023-03-15".into())]
        );
        assert_eq!(
            resolve("fought a war in 1994.", None),
            vec![Some("1994".into())]
        );
        assert_eq!(resolve("in March 2020", None), vec![Some("2020-03".into())]);
        assert!(resolve("They march on. May we?", None).is_empty());
        assert!(resolve("1,994 people", None).is_empty());
        assert!(resolve("It happened on Wednesday", None) == vec![None]);
        assert!(resolve("It happened on Wednesday,", None) == vec![None]);
    }

    #[test]
    fn times_with_zones_are_one_moment() {
        let tokens = tokenize("talks began after 17:00 Istanbul time");
        let istanbul = times(&tokens);
        let tokens = tokenize("talks began around 14:00 GMT");
        let gmt = times(&tokens);
        assert_eq!(istanbul[0].utc(), gmt[0].utc());
        assert_eq!(istanbul[0].bound, Bound::MoreThan);
        assert_eq!(gmt[0].bound, Bound::About);
        let tokens = tokenize("at 2 p.m. ET and 9am New York time");
        let found = times(&tokens);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].utc(), Some(19 * 60));
        assert_eq!(found[1].utc(), Some(14 * 60));
    }
}
