//! Calendar values at every granularity news writes them in, as TimeML
//! (TIMEX3) and ISO 8601 write them: "199" for the 1990s, "2013-Q1",
//! "2013-SU", "2013-W11", "2013-W11-WE", "2013-03-22TMO",
//! "2013-03-22T14:00".
//!
//! chrono has days and clock times; quarters, seasons, ISO weeks,
//! weekends, decades and parts of the day are counted here.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use rustc_hash::FxHashMap;

/// A unit of time, for lengths ("three weeks") and for moving a value
/// ("last week", "two years ago").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A weekend (as a length: two days).
    Weekend,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A season (three months).
    Season,
    /// Half a year.
    Half,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// A thousand years.
    Millennium,
}

/// The words that name a unit of time. Each is a time word of the
/// lexicon (`TIMEX_CORE`): a word the grammar reads as a unit must open
/// an expression after an article ("a few millenniums"), and the test of
/// whether one may start looks for these flags.
pub const UNIT_WORDS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("sec", Unit::Second),
    ("secs", Unit::Second),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("min", Unit::Minute),
    ("mins", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("hr", Unit::Hour),
    ("hrs", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("weekend", Unit::Weekend),
    ("weekends", Unit::Weekend),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
    ("millennium", Unit::Millennium),
    ("millennia", Unit::Millennium),
    ("millenniums", Unit::Millennium),
];

/// The words that name a season (time words of the lexicon, as
/// [`UNIT_WORDS`]).
pub const SEASON_WORDS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("springtime", Season::Spring),
    ("summer", Season::Summer),
    ("summertime", Season::Summer),
    ("fall", Season::Fall),
    ("autumn", Season::Fall),
    ("winter", Season::Winter),
    ("wintertime", Season::Winter),
];

/// The words that name a part of the day (time words of the lexicon, as
/// [`UNIT_WORDS`]).
pub const DAY_PART_WORDS: &[(&str, DayPart)] = &[
    ("morning", DayPart::Morning),
    ("mornings", DayPart::Morning),
    ("afternoon", DayPart::Afternoon),
    ("afternoons", DayPart::Afternoon),
    ("mid-afternoon", DayPart::Afternoon),
    ("evening", DayPart::Evening),
    ("evenings", DayPart::Evening),
    ("night", DayPart::Night),
    ("nights", DayPart::Night),
    ("overnight", DayPart::Night),
    ("tonight", DayPart::Night),
];

/// What `word` names in a short table of words ([`SEASON_WORDS`],
/// [`DAY_PART_WORDS`]).
fn named<T: Copy>(words: &[(&str, T)], word: &str) -> Option<T> {
    words
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, named)| named)
}

impl Unit {
    /// The unit a word names, singular or plural ("days", "fortnight" is
    /// not one).
    pub fn of_word(word: &str) -> Option<Unit> {
        // Asked of many words per sentence: a hash table instead of
        // walking the 31 words (the dates 23.3–23.9 ms a pass of
        // multinews-dev against 24.0–24.4).
        static BY_WORD: LazyLock<FxHashMap<&str, Unit>> =
            LazyLock::new(|| UNIT_WORDS.iter().copied().collect());
        BY_WORD.get(word).copied()
    }

    /// How a length in this unit is written in a TimeML duration: the
    /// letter and whether it comes after the "T" (hours, minutes,
    /// seconds), with the factor to that letter's unit.
    fn duration_letter(self) -> (char, bool, u32) {
        match self {
            Unit::Second => ('S', true, 1),
            Unit::Minute => ('M', true, 1),
            Unit::Hour => ('H', true, 1),
            Unit::Day => ('D', false, 1),
            Unit::Weekend => ('D', false, 2),
            Unit::Week => ('W', false, 1),
            Unit::Month => ('M', false, 1),
            Unit::Quarter => ('Q', false, 1),
            Unit::Season => ('M', false, 3),
            Unit::Half => ('M', false, 6),
            Unit::Year => ('Y', false, 1),
            Unit::Decade => ('Y', false, 10),
            Unit::Century => ('Y', false, 100),
            Unit::Millennium => ('Y', false, 1000),
        }
    }

    /// The letter of an unknown number of this unit ("PXY" for "years",
    /// "PXC" for "centuries").
    fn unknown_letter(self) -> (char, bool) {
        match self {
            Unit::Decade => ('E', false),
            Unit::Century => ('C', false),
            Unit::Millennium => ('L', false),
            Unit::Weekend => ('W', false),
            Unit::Season | Unit::Half => ('M', false),
            other => {
                let (letter, time, _) = other.duration_letter();
                (letter, time)
            }
        }
    }
}

/// A length of time: up to two parts ("2 1/2 years" is a year part and a
/// month part); a part without a number is "some" of the unit ("years").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Length {
    /// The parts, largest unit first; `None` counts are unknown.
    pub parts: [Option<(Option<u32>, Unit)>; 2],
}

impl Length {
    /// `count` of `unit`; `None` for "some" ("several years").
    pub fn of(count: Option<u32>, unit: Unit) -> Length {
        Length {
            parts: [Some((count, unit)), None],
        }
    }

    /// A whole number of `unit` and a half: "2 1/2 years" → 2 years 6
    /// months, "a minute and a half" → 1 minute 30 seconds.
    pub fn and_a_half(count: u32, unit: Unit) -> Length {
        let half = match unit {
            Unit::Year => Some((6, Unit::Month)),
            Unit::Month => Some((15, Unit::Day)),
            Unit::Week => Some((84, Unit::Hour)),
            Unit::Day => Some((12, Unit::Hour)),
            Unit::Hour => Some((30, Unit::Minute)),
            Unit::Minute => Some((30, Unit::Second)),
            Unit::Decade => Some((5, Unit::Year)),
            Unit::Century => Some((50, Unit::Year)),
            _ => None,
        };
        match half {
            Some((h, small)) if count == 0 => Length::of(Some(h), small),
            Some((h, small)) => Length {
                parts: [Some((Some(count), unit)), Some((Some(h), small))],
            },
            None => Length::of(Some(count), unit),
        }
    }

    /// The TimeML duration: "P3D", "PT3H", "P10Y", "PXY", "P2Y6M",
    /// "PT1M30S".
    pub fn value(&self) -> String {
        let mut date = String::new();
        let mut time = String::new();
        for (count, unit) in self.parts.iter().flatten() {
            match count {
                Some(n) => {
                    let (letter, in_time, factor) = unit.duration_letter();
                    let target = if in_time { &mut time } else { &mut date };
                    target.push_str(&(n.saturating_mul(factor)).to_string());
                    target.push(letter);
                }
                None => {
                    let (letter, in_time) = unit.unknown_letter();
                    let target = if in_time { &mut time } else { &mut date };
                    target.push('X');
                    target.push(letter);
                }
            }
        }
        if time.is_empty() {
            format!("P{date}")
        } else {
            format!("P{date}T{time}")
        }
    }
}

/// A season, as TimeML names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// March to May (northern).
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Fall,
    /// December to February, named by the year it starts in.
    Winter,
}

impl Season {
    /// The season a word names.
    pub fn of_word(word: &str) -> Option<Season> {
        named(SEASON_WORDS, word)
    }

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Its first month.
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }

    /// The season a day falls in, with the year it is named by.
    fn of(date: NaiveDate) -> (i32, Season) {
        match date.month() {
            3..=5 => (date.year(), Season::Spring),
            6..=8 => (date.year(), Season::Summer),
            9..=11 => (date.year(), Season::Fall),
            12 => (date.year(), Season::Winter),
            _ => (date.year() - 1, Season::Winter),
        }
    }
}

/// A part of the day, as TimeML names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DayPart {
    /// Morning.
    Morning,
    /// Midday to evening.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
}

impl DayPart {
    /// The part of the day a word names.
    pub fn of_word(word: &str) -> Option<DayPart> {
        named(DAY_PART_WORDS, word)
    }

    fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// A calendar value: a stretch of the calendar at one granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cal {
    /// A century by its first two digits: 19 for 1900–1999.
    Century(i32),
    /// A decade by its first three digits: 199 for the 1990s.
    Decade(i32),
    /// A year.
    Year(i32),
    /// Half of a year (1 or 2).
    Half(i32, u32),
    /// A quarter of a year (1 to 4).
    Quarter(i32, u32),
    /// A season of a year.
    Season(i32, Season),
    /// A month of a year.
    Month(i32, u32),
    /// An ISO week of an ISO year.
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    /// A day.
    Day(NaiveDate),
    /// A part of a day.
    DayPart(NaiveDate, DayPart),
    /// A clock time on a day: hour (0–24) and minute.
    Clock(NaiveDate, u32, u32),
}

/// Years a calendar value may name: TimeML writes four digits, and
/// chrono's dates end well before year 99,999.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl Cal {
    /// The value of granularity `unit` that holds `date` (days and finer
    /// give the day).
    pub fn containing(date: NaiveDate, unit: Unit) -> Cal {
        match unit {
            Unit::Millennium | Unit::Century => Cal::Century(date.year().div_euclid(100)),
            Unit::Decade => Cal::Decade(date.year().div_euclid(10)),
            Unit::Year => Cal::Year(date.year()),
            Unit::Half => Cal::Half(date.year(), if date.month() <= 6 { 1 } else { 2 }),
            Unit::Quarter => Cal::Quarter(date.year(), (date.month() - 1) / 3 + 1),
            Unit::Season => {
                let (year, season) = Season::of(date);
                Cal::Season(year, season)
            }
            Unit::Month => Cal::Month(date.year(), date.month()),
            Unit::Week => {
                let week = date.iso_week();
                Cal::Week(week.year(), week.week())
            }
            Unit::Weekend => {
                let week = date.iso_week();
                Cal::Weekend(week.year(), week.week())
            }
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Cal::Day(date),
        }
    }

    /// The first day it covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Cal::Century(c) => NaiveDate::from_ymd_opt(c.checked_mul(100)?, 1, 1),
            Cal::Decade(d) => NaiveDate::from_ymd_opt(d.checked_mul(10)?, 1, 1),
            Cal::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Cal::Half(y, h) => NaiveDate::from_ymd_opt(y, (h - 1) * 6 + 1, 1),
            Cal::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1),
            Cal::Season(y, s) => NaiveDate::from_ymd_opt(y, s.first_month(), 1),
            Cal::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Cal::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            Cal::Weekend(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
            Cal::Day(d) | Cal::DayPart(d, _) | Cal::Clock(d, ..) => Some(d),
        }
    }

    /// The granularity it is written at.
    pub fn unit(&self) -> Unit {
        match self {
            Cal::Century(_) => Unit::Century,
            Cal::Decade(_) => Unit::Decade,
            Cal::Year(_) => Unit::Year,
            Cal::Half(..) => Unit::Half,
            Cal::Quarter(..) => Unit::Quarter,
            Cal::Season(..) => Unit::Season,
            Cal::Month(..) => Unit::Month,
            Cal::Week(..) => Unit::Week,
            Cal::Weekend(..) => Unit::Weekend,
            Cal::Day(_) => Unit::Day,
            Cal::DayPart(..) => Unit::Hour,
            Cal::Clock(..) => Unit::Minute,
        }
    }

    /// The same granularity, `n` steps later (earlier when negative);
    /// `None` off the calendar.
    pub fn shift(&self, n: i32) -> Option<Cal> {
        let months = |y: i32, m: u32, by: i32| -> Option<(i32, u32)> {
            let index = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(by);
            let year = i32::try_from(index.div_euclid(12)).ok()?;
            Some((year, index.rem_euclid(12) as u32 + 1))
        };
        let value = match *self {
            Cal::Century(c) => Cal::Century(c.checked_add(n)?),
            Cal::Decade(d) => Cal::Decade(d.checked_add(n)?),
            Cal::Year(y) => Cal::Year(y.checked_add(n)?),
            Cal::Half(y, h) => {
                let index = i64::from(y) * 2 + i64::from(h) - 1 + i64::from(n);
                Cal::Half(
                    i32::try_from(index.div_euclid(2)).ok()?,
                    index.rem_euclid(2) as u32 + 1,
                )
            }
            Cal::Quarter(y, q) => {
                let index = i64::from(y) * 4 + i64::from(q) - 1 + i64::from(n);
                Cal::Quarter(
                    i32::try_from(index.div_euclid(4)).ok()?,
                    index.rem_euclid(4) as u32 + 1,
                )
            }
            Cal::Season(y, s) => {
                let (year, month) = months(y, s.first_month(), n.checked_mul(3)?)?;
                let (year, season) = Season::of(NaiveDate::from_ymd_opt(year, month, 1)?);
                Cal::Season(year, season)
            }
            Cal::Month(y, m) => {
                let (year, month) = months(y, m, n)?;
                Cal::Month(year, month)
            }
            Cal::Week(..) | Cal::Weekend(..) => {
                let first = self.first_day()?;
                let moved = add_days(first, i64::from(n).checked_mul(7)?)?;
                Cal::containing(moved, self.unit())
            }
            Cal::Day(d) => Cal::Day(add_days(d, i64::from(n))?),
            Cal::DayPart(d, p) => Cal::DayPart(add_days(d, i64::from(n))?, p),
            Cal::Clock(d, h, m) => Cal::Clock(add_days(d, i64::from(n))?, h, m),
        };
        value.valid().then_some(value)
    }

    /// Moved by `n` of `unit`, keeping its own granularity where it is
    /// finer: a quarter a year earlier is the same quarter of the year
    /// before; a day two weeks later is a day.
    pub fn moved(&self, n: i32, unit: Unit) -> Option<Cal> {
        if unit == self.unit() {
            return self.shift(n);
        }
        let steps = match (self.unit(), unit) {
            (Unit::Quarter, Unit::Year) => n.checked_mul(4)?,
            (Unit::Half, Unit::Year) => n.checked_mul(2)?,
            (Unit::Season, Unit::Year) => n.checked_mul(4)?,
            (Unit::Month, Unit::Year) => n.checked_mul(12)?,
            (Unit::Month, Unit::Quarter) => n.checked_mul(3)?,
            (Unit::Quarter, Unit::Month) if n % 3 == 0 => n / 3,
            (Unit::Day | Unit::Hour | Unit::Minute, Unit::Week) => n.checked_mul(7)?,
            (Unit::Day | Unit::Hour | Unit::Minute, Unit::Day) => n,
            (Unit::Day | Unit::Hour | Unit::Minute, Unit::Month | Unit::Year) => {
                let first = self.first_day()?;
                let months = if unit == Unit::Year {
                    n.checked_mul(12)?
                } else {
                    n
                };
                let moved = if months < 0 {
                    first.checked_sub_months(Months::new(months.unsigned_abs()))?
                } else {
                    first.checked_add_months(Months::new(months.unsigned_abs()))?
                };
                return Some(match *self {
                    Cal::DayPart(_, p) => Cal::DayPart(moved, p),
                    Cal::Clock(_, h, m) => Cal::Clock(moved, h, m),
                    _ => Cal::Day(moved),
                });
            }
            (Unit::Decade, Unit::Year) if n % 10 == 0 => n / 10,
            _ => {
                // A coarser unit than the value's own: the result is
                // written at the unit's granularity.
                let first = self.first_day()?;
                return Cal::containing(first, unit).shift(n);
            }
        };
        self.shift(steps)
    }

    /// Whether every part is on the calendar TimeML writes (four-digit
    /// years, real weeks and days).
    pub fn valid(&self) -> bool {
        let year = match *self {
            Cal::Century(c) => c.saturating_mul(100),
            Cal::Decade(d) => d.saturating_mul(10),
            Cal::Year(y)
            | Cal::Half(y, _)
            | Cal::Quarter(y, _)
            | Cal::Season(y, _)
            | Cal::Month(y, _)
            | Cal::Week(y, _)
            | Cal::Weekend(y, _) => y,
            Cal::Day(d) | Cal::DayPart(d, _) | Cal::Clock(d, ..) => d.year(),
        };
        let parts = match *self {
            Cal::Half(_, h) => (1..=2).contains(&h),
            Cal::Quarter(_, q) => (1..=4).contains(&q),
            Cal::Month(_, m) => (1..=12).contains(&m),
            Cal::Week(..) | Cal::Weekend(..) => self.first_day().is_some(),
            Cal::Clock(_, h, m) => h < 24 && m < 60 || h == 24 && m == 0,
            _ => true,
        };
        YEARS.contains(&year) && parts
    }

    /// The TimeML value.
    pub fn value(&self) -> String {
        match *self {
            Cal::Century(c) => format!("{c:02}"),
            Cal::Decade(d) => format!("{d:03}"),
            Cal::Year(y) => format!("{y:04}"),
            Cal::Half(y, h) => format!("{y:04}-H{h}"),
            Cal::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Cal::Season(y, s) => format!("{y:04}-{}", s.code()),
            Cal::Month(y, m) => format!("{y:04}-{m:02}"),
            Cal::Week(y, w) => format!("{y:04}-W{w:02}"),
            Cal::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Cal::Day(d) => d.format("%Y-%m-%d").to_string(),
            Cal::DayPart(d, p) => format!("{}T{}", d.format("%Y-%m-%d"), p.code()),
            Cal::Clock(d, h, m) => format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
        }
    }
}

/// `date` moved by `days`, or `None` off chrono's calendar.
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days < 0 {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn values_as_timeml_writes_them() {
        let d = day(2013, 3, 15);
        assert_eq!(Cal::containing(d, Unit::Decade).value(), "201");
        assert_eq!(Cal::containing(d, Unit::Century).value(), "20");
        assert_eq!(Cal::containing(d, Unit::Quarter).value(), "2013-Q1");
        assert_eq!(Cal::containing(d, Unit::Half).value(), "2013-H1");
        assert_eq!(Cal::containing(d, Unit::Week).value(), "2013-W11");
        assert_eq!(Cal::containing(d, Unit::Weekend).value(), "2013-W11-WE");
        assert_eq!(Cal::containing(d, Unit::Season).value(), "2013-SP");
        assert_eq!(Cal::DayPart(d, DayPart::Morning).value(), "2013-03-15TMO");
        assert_eq!(Cal::Clock(d, 14, 0).value(), "2013-03-15T14:00");
        assert_eq!(
            Cal::containing(day(2013, 1, 10), Unit::Season).value(),
            "2012-WI"
        );
    }

    #[test]
    fn shifts_cross_years() {
        assert_eq!(Cal::Quarter(1989, 1).shift(-1), Some(Cal::Quarter(1988, 4)));
        assert_eq!(Cal::Month(2024, 1).shift(-1), Some(Cal::Month(2023, 12)));
        assert_eq!(Cal::Week(2000, 1).shift(-6), Some(Cal::Week(1999, 47)));
        assert_eq!(
            Cal::Quarter(1989, 3).moved(-1, Unit::Year),
            Some(Cal::Quarter(1988, 3))
        );
        assert_eq!(
            Cal::Day(day(2013, 3, 15)).moved(-2, Unit::Week),
            Some(Cal::Day(day(2013, 3, 1)))
        );
        assert_eq!(
            Cal::Season(2013, Season::Spring).shift(-1),
            Some(Cal::Season(2012, Season::Winter))
        );
        assert_eq!(Cal::Year(9999).shift(1), None);
    }

    #[test]
    fn lengths() {
        assert_eq!(Length::of(Some(3), Unit::Day).value(), "P3D");
        assert_eq!(Length::of(Some(3), Unit::Hour).value(), "PT3H");
        assert_eq!(Length::of(Some(2), Unit::Decade).value(), "P20Y");
        assert_eq!(Length::of(None, Unit::Year).value(), "PXY");
        assert_eq!(Length::and_a_half(2, Unit::Year).value(), "P2Y6M");
        assert_eq!(Length::and_a_half(1, Unit::Minute).value(), "PT1M30S");
        assert_eq!(Length::and_a_half(0, Unit::Hour).value(), "PT30M");
    }
}
