//! Dates, times and lengths of time as news writes them, resolved the
//! way TimeML (TempEval-3) normalises them, against the publication date.
//!
//! Written here because news reads dates backwards: a report published on
//! Thursday that says "on Wednesday" means the day before, and "in
//! December" written in March means last December. The relative-date
//! crates resolve towards the future ("Wednesday" → next Wednesday), which
//! is right for calendars and wrong for reporting. The rules used: a
//! weekday is the latest such day on or before the anchor (the next one
//! when the clause speaks of the future: "will meet on Monday"); a day or
//! month without a year is the latest one no more than a month after the
//! anchor; a quarter or season without a year is the latest one begun by
//! the anchor.
//!
//! [`dates`] finds the expressions in a tokenized sentence; a
//! [`Resolver`], one per document, resolves them in reading order, since
//! "a year earlier", "that day" and "the quarter" lean on what the text
//! named before.

mod calendar;
mod clock;
mod grammar;
mod resolve;

use chrono::{NaiveDate, Weekday};

pub use calendar::{Cal, DayPart, Length, Season, Unit};
pub use clock::{TimeMention, times};
pub use grammar::dates;
pub use resolve::{Resolved, Resolver};

/// A resolved date, as precise as a report's facts and timeline keep it.
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
                .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
                .and_then(|f| f.pred_opt()),
            When::Day(d) => Some(*d),
        };
        (day_number(first), day_number(last))
    }

    /// The date a calendar value names at a year's, a month's or a day's
    /// precision; `None` for other stretches (weeks, quarters, decades).
    pub fn of(cal: Cal) -> Option<When> {
        match cal {
            Cal::Year(y) => Some(When::Year(y)),
            Cal::Month(y, m) => Some(When::Month(y, m)),
            Cal::Day(d) | Cal::DayPart(d, _) | Cal::Clock(d, ..) => Some(When::Day(d)),
            _ => None,
        }
    }
}

fn day_number(date: Option<NaiveDate>) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    date.map_or(0, |d| (d - epoch).num_days())
}

/// What TimeML calls the type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A stretch of the calendar: a day, a month, "last week", "now".
    Date,
    /// A time of day, or a part of one ("Friday morning").
    Time,
    /// A length of time: "three hours".
    Duration,
    /// Something that recurs: "daily", "each winter".
    Set,
}

impl TimexType {
    /// The name `chorus extract` gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "date",
            TimexType::Time => "time",
            TimexType::Duration => "duration",
            TimexType::Set => "set",
        }
    }
}

/// How an expression qualifies its value (TimeML's `mod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modifier {
    /// "about", "around".
    Approx,
    /// "more than", "over".
    MoreThan,
    /// "less than", "nearly".
    LessThan,
    /// "at least".
    EqualOrMore,
    /// "up to", "within", "no more than".
    EqualOrLess,
    /// "early", "the beginning of".
    Start,
    /// "mid", "the middle of".
    Mid,
    /// "late", "the end of".
    End,
}

impl Modifier {
    /// TimeML's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Approx => "APPROX",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::LessThan => "LESS_THAN",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
        }
    }
}

/// A time of day given with a date, or alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// "morning", "tonight".
    Part(DayPart),
    /// Hour (0–24) and minute.
    Clock(u32, u32),
}

/// Now, the past or the future, unspecified (TimeML's `PRESENT_REF`,
/// `PAST_REF`, `FUTURE_REF`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    /// "now", "currently".
    Present,
    /// "recently", "in the past".
    Past,
    /// "soon", "in the future".
    Future,
}

impl Ref {
    /// TimeML's value.
    pub fn value(self) -> &'static str {
        match self {
            Ref::Present => "PRESENT_REF",
            Ref::Past => "PAST_REF",
            Ref::Future => "FUTURE_REF",
        }
    }
}

/// Holidays whose date news gives by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// 25 December.
    Christmas,
    /// 24 December.
    ChristmasEve,
    /// 1 January.
    NewYear,
    /// 31 December.
    NewYearsEve,
    /// The fourth Thursday of November (United States).
    Thanksgiving,
    /// Easter Sunday (Western).
    Easter,
    /// 31 October.
    Halloween,
    /// 14 February.
    Valentines,
    /// 4 July (United States).
    IndependenceDay,
    /// The first Monday of September (United States).
    LaborDay,
    /// The last Monday of May (United States).
    MemorialDay,
    /// The Tuesday after the first Monday of November (United States).
    ElectionDay,
}

/// What recurs in a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recurrence {
    /// Every `n` of a unit: "daily" (1 day), "every two years".
    Every(u32, Unit),
    /// A weekday: "each Thursday", "on Mondays".
    Weekday(Weekday),
    /// A month: "each July".
    Month(u32),
    /// A season: "every winter".
    Season(Season),
    /// A quarter: "fourth quarters".
    Quarter(u32),
}

impl Recurrence {
    /// TimeML's value: "P1D", "XXXX-WXX-4", "XXXX-07", "XXXX-WI".
    pub fn value(&self, time: Option<TimeOfDay>) -> String {
        let mut value = match *self {
            Recurrence::Every(n, unit) => Length::of(Some(n), unit).value(),
            Recurrence::Weekday(day) => format!("XXXX-WXX-{}", day.number_from_monday()),
            Recurrence::Month(m) => format!("XXXX-{m:02}"),
            Recurrence::Season(s) => Cal::Season(0, s).value().replacen("0000", "XXXX", 1),
            Recurrence::Quarter(q) => format!("XXXX-Q{q}"),
        };
        if matches!(self, Recurrence::Weekday(_)) {
            match time {
                Some(TimeOfDay::Part(part)) => {
                    let day = Cal::DayPart(NaiveDate::default(), part).value();
                    value.push_str(&day[10..]);
                }
                Some(TimeOfDay::Clock(h, m)) => value.push_str(&format!("T{h:02}:{m:02}")),
                None => {}
            }
        }
        value
    }
}

/// A part of a year named without its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearPart {
    /// A month (1–12).
    Month(u32),
    /// A quarter (1–4).
    Quarter(u32),
    /// A half (1–2).
    Half(u32),
    /// A season.
    Season(Season),
}

/// Which one of a part of the year the text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// Bare ("in December", "the third quarter"): the latest begun by the
    /// anchor (a month may be the next one), or the next one in a clause
    /// about the future.
    Nearest,
    /// "last May": the latest finished before the anchor's.
    Previous,
    /// "this May": the anchor's year's.
    Current,
    /// "next May": the first after the anchor's.
    Following,
    /// "June last year" (-1), "this year's third quarter" (0).
    Year(i32),
}

/// A time expression as written, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expression {
    /// Fully given: "15 March 2023", "March 2023", "1994", "the 1990s",
    /// "the third quarter of 1990".
    Absolute(Cal),
    /// A day without a year: "15 March", "Feb. 6".
    DayOfMonth(u32, u32),
    /// A day and month with the weekday they fall on, without a year:
    /// "Wednesday, 15 March" (the weekday fixes the year).
    WeekdayDate(Weekday, u32, u32),
    /// A month, quarter, half or season without a year: "in December",
    /// "last fall", "the third quarter", "June last year".
    Part(YearPart, Placement),
    /// A weekday: "Wednesday" (0), "last Wednesday" (-1), "next
    /// Wednesday" (1).
    Weekday(Weekday, i8),
    /// "the weekend": the last one begun, or the next one in a clause
    /// about the future.
    Weekend,
    /// A holiday without a year: "Christmas".
    Holiday(Holiday),
    /// `n` of a unit from the anchor, at the unit's granularity:
    /// "yesterday" (day, -1), "last week" (week, -1), "this year" (year,
    /// 0), "two years ago" (year, -2).
    Shift(Unit, i32),
    /// `n` of a unit back or on from the anchor, counted ("two years
    /// ago", "three days from now"): at the unit's granularity, except
    /// that years counted from a quarter or half the text reports on keep
    /// its granularity ("profit a year ago" is the year-ago quarter's).
    Ago(Unit, i32),
    /// `n` of a unit from the time the text last named (the anchor when
    /// it named none): "a year earlier", "the next day", "that year" (0).
    Later(Unit, i32),
    /// A time of day with no day: the day the sentence or the text last
    /// named, else the anchor's.
    SameDay,
    /// The quarter or half the text reports on, moved by `n` years ("the
    /// quarter", "the year-ago period" (-1)); the last one finished by the
    /// anchor when the text named none.
    Period(i32),
    /// The quarter or half of year `y` the text reports on ("the 1988
    /// period"); the year when it named none.
    PeriodIn(i32),
    /// Now, the past or the future.
    Ref(Ref),
    /// A length of time.
    Length(Length),
    /// Something that recurs.
    Every(Recurrence),
    /// Written as a date but on no calendar: "31 February 2023", "the
    /// year 99999".
    Impossible,
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// What was written.
    pub expression: Expression,
    /// A time of day given with it ("Friday morning", "10 p.m. Wednesday").
    pub time: Option<TimeOfDay>,
    /// Its qualifier ("about three hours", "late last year").
    pub modifier: Option<Modifier>,
    /// The clause speaks of the future ("will meet on Monday"): an
    /// underspecified date is then read forwards.
    pub future: bool,
    /// Byte span in the sentence.
    pub span: (usize, usize),
    /// Token span, end exclusive.
    pub tokens: (usize, usize),
}

impl DateMention {
    /// TimeML's type.
    pub fn timex_type(&self) -> TimexType {
        match self.expression {
            Expression::Length(_) => TimexType::Duration,
            Expression::Every(_) => TimexType::Set,
            _ if self.time.is_some() => TimexType::Time,
            Expression::SameDay => TimexType::Time,
            _ => TimexType::Date,
        }
    }

    /// Whether it needs an anchor date to mean anything.
    pub fn relative(&self) -> bool {
        !matches!(
            self.expression,
            Expression::Absolute(_)
                | Expression::Impossible
                | Expression::Ref(_)
                | Expression::Length(_)
                | Expression::Every(_)
        )
    }

    /// Whether it is no date of the calendar whatever the anchor: "31
    /// February", "the 45th of May", the year 99999.
    pub fn impossible(&self) -> bool {
        match self.expression {
            Expression::Impossible => true,
            Expression::Absolute(cal) => !cal.valid(),
            Expression::DayOfMonth(m, d) | Expression::WeekdayDate(_, m, d) => {
                NaiveDate::from_ymd_opt(2000, m, d).is_none()
            }
            _ => false,
        }
    }

    /// Whether it names a day, a month or a year, which a report's facts
    /// and timeline hold (weeks, quarters, decades, lengths, "now" and
    /// sets they do not).
    pub fn calendar(&self) -> bool {
        match self.expression {
            Expression::Absolute(cal) => When::of(cal).is_some(),
            Expression::DayOfMonth(..)
            | Expression::WeekdayDate(..)
            | Expression::Part(YearPart::Month(_), _)
            | Expression::Weekday(..)
            | Expression::Holiday(_)
            | Expression::Impossible => true,
            Expression::Shift(unit, _) | Expression::Later(unit, _) | Expression::Ago(unit, _) => {
                matches!(unit, Unit::Day | Unit::Month | Unit::Year)
            }
            _ => false,
        }
    }

    /// The day, month or year it names, read against `anchor` alone (no
    /// earlier mention); `None` when it names none or cannot be read.
    pub fn when(&self, anchor: Option<NaiveDate>) -> Option<When> {
        if !self.calendar() {
            return None;
        }
        match Resolver::new(anchor).resolve(self, None)? {
            Resolved::Point(cal) => When::of(cal),
            _ => None,
        }
    }
}

/// Today (UTC) by the system clock: the latest day a weekday written with
/// a day and month and no year may fall on.
pub fn today() -> Option<NaiveDate> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    epoch.checked_add_days(chrono::Days::new(seconds / 86_400))
}

/// The first full date (day, month and year) written in `text`, read as
/// the sentence scanner reads it ("March 15, 2023", "Wed 15 March 2023"):
/// what a publication date written out in words says.
pub(crate) fn written_date(text: &str) -> Option<NaiveDate> {
    let lower = text.to_ascii_lowercase();
    let tokens = super::tokens::tokenize(text, &lower);
    dates(&tokens).into_iter().find_map(|m| match m.expression {
        Expression::Absolute(Cal::Day(d)) => Some(d),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize_static as tokenize;
    use super::*;
    use crate::model::Bound;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// The day, month or year of each calendar date in `text`.
    fn resolve(text: &'static str, anchor: Option<NaiveDate>) -> Vec<Option<String>> {
        let tokens = tokenize(text);
        dates(&tokens)
            .iter()
            .filter(|m| m.calendar())
            .map(|m| m.when(anchor).map(|w| w.iso()))
            .collect()
    }

    /// Every expression in `text` with its TimeML value, read in order.
    fn values(text: &'static str, anchor: NaiveDate) -> Vec<(String, String)> {
        let tokens = tokenize(text);
        let found = dates(&tokens);
        let mut resolver = Resolver::new(Some(anchor));
        let resolved = resolver.resolve_sentence(&found);
        found
            .iter()
            .zip(resolved)
            .map(|(m, v)| {
                (
                    text[m.span.0..m.span.1].to_string(),
                    v.map(|v| v.value()).unwrap_or_default(),
                )
            })
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect()
    }

    /// The text of every expression found in `text`.
    fn spans(text: &'static str) -> Vec<&'static str> {
        let tokens = tokenize(text);
        dates(&tokens)
            .iter()
            .map(|m| &text[m.span.0..m.span.1])
            .collect()
    }

    #[test]
    fn lead_words_still_open_the_expressions_they_lead_into() {
        // Leads ("the", "about", "more") are passed over unless a figure,
        // a date word or a time word follows them closely.
        for (text, expression) in [
            ("It grew in the nineties.", "the nineties"),
            ("Prices will rise in the long term.", "the long term"),
            ("The talks lasted more than a week.", "more than a week"),
            ("They spoke for about three hours.", "about three hours"),
            (
                "Sales fell over the past three years.",
                "the past three years",
            ),
            ("Nothing changed in the past.", "the past"),
            ("It meets every other week.", "every other week"),
            ("It fell in the first quarter.", "the first quarter"),
            // Articles open one only with a core after them.
            ("They met a week ago.", "a week ago"),
            ("It lasted an hour.", "an hour"),
            ("They waited a few days.", "a few days"),
            ("It took a year and a half.", "a year and a half"),
            ("The dynasty lasted a few millenniums.", "a few millenniums"),
            ("In nineteen ninety-six it grew.", "nineteen ninety-six"),
        ] {
            assert!(
                spans(text).iter().any(|s| s.contains(expression)),
                "{text}: {:?}",
                spans(text)
            );
        }
        assert!(spans("The man at the door said more than that.").is_empty());
        assert!(spans("A man gave an answer to a question.").is_empty());
    }

    #[test]
    fn every_unit_season_and_part_of_the_day_is_a_time_word() {
        // What the grammar reads as a unit must open an expression after
        // an article, and only words the lexicon flags do.
        let words = calendar::UNIT_WORDS.iter().map(|(w, _)| *w);
        let words = words
            .chain(calendar::SEASON_WORDS.iter().map(|(w, _)| *w))
            .chain(calendar::DAY_PART_WORDS.iter().map(|(w, _)| *w));
        for word in words {
            let flags = crate::scan::lexicon::flags(word);
            assert!(
                flags & (crate::scan::lexicon::TIMEX_CORE | crate::scan::lexicon::DATE) != 0,
                "{word}"
            );
        }
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
    fn a_clause_about_the_future_reads_a_weekday_forward() {
        let thursday = Some(day(2023, 3, 16));
        assert_eq!(
            resolve("The leaders will meet on Monday.", thursday),
            vec![Some("2023-03-20".into())]
        );
        assert_eq!(
            resolve("Talks are set to resume Monday.", thursday),
            vec![Some("2023-03-20".into())]
        );
        assert_eq!(
            resolve("He said on Monday that they will meet.", thursday),
            vec![Some("2023-03-13".into())]
        );
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
        assert!(resolve("2000 people marched", None).is_empty());
        assert!(resolve("It happened on Wednesday", None) == vec![None]);
        assert!(resolve("It happened on Wednesday,", None) == vec![None]);
    }

    #[test]
    fn timeml_values_of_every_kind() {
        // 1998-08-09 is a Sunday in ISO week 32.
        let anchor = day(1998, 8, 9);
        assert_eq!(
            values(
                "Profit in the third quarter of 1997 was flat, and next week's figures \
                 for the third quarter are due; last week sales rose, as they have \
                 since the early 1990s and in the 20th century.",
                anchor
            ),
            pairs(&[
                ("the third quarter of 1997", "1997-Q3"),
                ("next week's", "1998-W33"),
                ("the third quarter", "1998-Q3"),
                ("last week", "1998-W31"),
                ("the early 1990s", "199"),
                ("the 20th century", "19"),
            ])
        );
        assert_eq!(
            values(
                "He spoke at 10 p.m. Wednesday and again this morning, two hours \
                 after the blast, and will return each winter and every Thursday.",
                anchor
            ),
            pairs(&[
                ("10 p.m. Wednesday", "1998-08-05T22:00"),
                ("this morning", "1998-08-09TMO"),
                ("two hours", "PT2H"),
                ("each winter", "XXXX-WI"),
                ("every Thursday", "XXXX-WXX-4"),
            ])
        );
        assert_eq!(
            values(
                "Now talks that lasted 2 1/2 years, a 10-year plan and the past \
                 three months, recently revived, end in the near future.",
                anchor
            ),
            pairs(&[
                ("Now", "PRESENT_REF"),
                ("2 1/2 years", "P2Y6M"),
                ("10-year", "P10Y"),
                ("the past three months", "P3M"),
                ("recently", "PAST_REF"),
                ("the near future", "FUTURE_REF"),
            ])
        );
        // A length in two units is one length; two lengths of one unit
        // are two.
        assert_eq!(
            values(
                "Running time: 1 hour, 30 minutes. The talks lasted two hours and 15 \
                 minutes, after two days, three days of delays.",
                anchor
            ),
            pairs(&[
                ("1 hour, 30 minutes", "PT1H30M"),
                ("two hours and 15 minutes", "PT2H15M"),
                ("two days", "P2D"),
                ("three days", "P3D"),
            ])
        );
        assert_eq!(
            values(
                "On March 5, 1997, the fund opened; a year earlier it had failed, \
                 and two years ago it closed last summer.",
                anchor
            ),
            pairs(&[
                ("March 5, 1997", "1997-03-05"),
                ("a year earlier", "1996-03-05"),
                ("two years ago", "1996"),
                ("last summer", "1997-SU"),
            ])
        );
    }

    #[test]
    fn reporting_periods_follow_the_quarter_the_text_names() {
        let anchor = day(1989, 10, 26);
        assert_eq!(
            values(
                "Third-quarter net rose from the year-ago period; in the quarter, \
                 sales were up from a year ago, and the current quarter looks weak.",
                anchor
            ),
            pairs(&[
                ("Third-quarter", "1989-Q3"),
                ("the year-ago period", "1988-Q3"),
                ("the quarter", "1989-Q3"),
                ("a year ago", "1988-Q3"),
                ("the current quarter", "1989-Q4"),
            ])
        );
    }

    #[test]
    fn a_weekday_with_a_day_and_month_fixes_the_year() {
        let tokens = tokenize("They met on Wednesday, 15 March.");
        let found = dates(&tokens);
        let mut resolver = Resolver::new(None).today(day(2026, 12, 3));
        let resolved = resolver.resolve_sentence(&found);
        assert_eq!(
            resolved[0].map(|r| r.value()).as_deref(),
            Some("2023-03-15")
        );
    }

    #[test]
    fn impossible_dates_are_found_and_refused() {
        for text in [
            "on 31 February",
            "on the 45th of May",
            "in the year 99999",
            "on March 15, 99999",
        ] {
            let tokens = tokenize(text);
            let found = dates(&tokens);
            assert_eq!(found.len(), 1, "{text}");
            assert!(found[0].impossible(), "{text}");
            let mut resolver = Resolver::new(Some(day(2023, 3, 16)));
            assert_eq!(resolver.resolve(&found[0], None), None, "{text}");
        }
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

    #[test]
    fn an_hour_before_am_or_pm_is_one_of_the_twelve() {
        // The minutes of a time a stray space cut ("6: 00 p.m.") are no
        // hour, nor is a figure past twelve.
        for text in [
            "surrendered just after 6: 00 p.m.",
            "polls closed at 00 am",
            "at 13 pm",
        ] {
            let found = times(&tokenize(text));
            assert!(
                found.iter().all(|t| t.local != 0 && t.local != 12 * 60),
                "{text}: {found:?}"
            );
            assert!(
                found
                    .iter()
                    .all(|t| t.local != 13 * 60 && t.local != 25 * 60),
                "{text}"
            );
        }
        let found = times(&tokenize("at 7 p.m. and 12 am"));
        assert_eq!(
            found.iter().map(|t| t.local).collect::<Vec<_>>(),
            [19 * 60, 0]
        );
    }
}
