//! Resolving what a document writes against its anchor (the publication
//! date) and against what it named before, in reading order.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{Cal, Length, Season, Unit, add_days};
use super::{DateMention, Expression, Holiday, Placement, Recurrence, Ref, TimeOfDay, YearPart};

/// What an expression resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolved {
    /// A stretch of the calendar.
    Point(Cal),
    /// Now, the past or the future.
    Ref(Ref),
    /// A length of time.
    Length(Length),
    /// Something that recurs, at a time of day.
    Every(Recurrence, Option<TimeOfDay>),
}

impl Resolved {
    /// TimeML's value: "2013-03-22", "2013-W11", "PRESENT_REF", "P3D",
    /// "XXXX-WI".
    pub fn value(&self) -> String {
        match self {
            Resolved::Point(cal) => cal.value(),
            Resolved::Ref(r) => r.value().to_string(),
            Resolved::Length(length) => length.value(),
            Resolved::Every(recurrence, time) => recurrence.value(*time),
        }
    }

    /// The calendar value, when it is one.
    pub fn cal(&self) -> Option<Cal> {
        match self {
            Resolved::Point(cal) => Some(*cal),
            _ => None,
        }
    }
}

/// Years either side of the anchor searched for the year in which a day
/// of a month falls on the weekday written with it.
const WEEKDAY_YEARS: i32 = 6;

/// Resolves one document's expressions in reading order: "a year
/// earlier" and "that day" lean on the time the text last named, "the
/// quarter" on the quarter it reports on.
#[derive(Debug, Clone)]
pub struct Resolver {
    anchor: Option<NaiveDate>,
    today: Option<NaiveDate>,
    reference: Option<Cal>,
    /// The last day (or finer) named.
    day: Option<NaiveDate>,
    period: Option<Cal>,
}

impl Resolver {
    /// A resolver for a document published on `anchor` (relative
    /// expressions stay unresolved without one).
    pub fn new(anchor: Option<NaiveDate>) -> Resolver {
        Resolver {
            anchor,
            today: None,
            reference: None,
            day: None,
            period: None,
        }
    }

    /// The day the reader reads on: without an anchor, a weekday written
    /// with a day and month ("Wednesday, 15 March") is then read in the
    /// latest year it fits no later than this day.
    pub fn today(mut self, today: NaiveDate) -> Resolver {
        self.today = Some(today);
        self
    }

    /// The anchor.
    pub fn anchor(&self) -> Option<NaiveDate> {
        self.anchor
    }

    /// Resolves the mentions of one sentence in reading order; a time of
    /// day given alone belongs to the nearest day the sentence names
    /// ("10:35 a.m. (0735 GMT) Friday").
    pub fn resolve_sentence(&mut self, mentions: &[DateMention]) -> Vec<Option<Resolved>> {
        let alone = |m: &DateMention| matches!(m.expression, Expression::SameDay);
        let mut out: Vec<Option<Resolved>> = mentions
            .iter()
            .map(|m| {
                if alone(m) {
                    None
                } else {
                    self.resolve(m, None)
                }
            })
            .collect();
        for (k, mention) in mentions.iter().enumerate() {
            if !alone(mention) {
                continue;
            }
            let day = out
                .iter()
                .zip(mentions)
                .enumerate()
                .filter_map(|(j, (resolved, m))| {
                    let day = match resolved.and_then(|r| r.cal())? {
                        Cal::Day(d) | Cal::DayPart(d, _) | Cal::Clock(d, ..) => d,
                        _ => return None,
                    };
                    Some((m.tokens.0.abs_diff(mention.tokens.0), j, day))
                })
                .min()
                .map(|(.., day)| day);
            out[k] = self.resolve(mention, day);
        }
        out
    }

    /// What `mention` means here. `day` is a day named elsewhere in the
    /// same sentence, which a time of day given alone belongs to
    /// ("10:35 a.m. (0735 GMT) Friday").
    pub fn resolve(&mut self, mention: &DateMention, day: Option<NaiveDate>) -> Option<Resolved> {
        let cal = match mention.expression {
            Expression::Ref(r) => return Some(Resolved::Ref(r)),
            Expression::Length(length) => return Some(Resolved::Length(length)),
            Expression::Every(recurrence) => {
                return Some(Resolved::Every(recurrence, mention.time));
            }
            other => self.point(other, mention.future, day)?,
        };
        let cal = with_time(cal, mention.time);
        if !cal.valid() {
            return None;
        }
        let derived = matches!(
            mention.expression,
            Expression::Period(_)
                | Expression::PeriodIn(_)
                | Expression::Ago(..)
                | Expression::Later(..)
                | Expression::Part(_, Placement::Year(_))
        );
        if !matches!(mention.expression, Expression::SameDay) && !derived {
            self.reference = Some(cal);
            if let Cal::Day(d) | Cal::DayPart(d, _) | Cal::Clock(d, ..) = cal {
                self.day = Some(d);
            }
        }
        // The period a report is about is the one it names, not one it
        // counts back from it ("the year-ago quarter").
        if matches!(cal, Cal::Quarter(..) | Cal::Half(..)) && !derived {
            self.period = Some(cal);
        }
        Some(Resolved::Point(cal))
    }

    fn point(&self, expression: Expression, future: bool, day: Option<NaiveDate>) -> Option<Cal> {
        if let Expression::Absolute(cal) = expression {
            return Some(cal);
        }
        if let Expression::WeekdayDate(weekday, m, d) = expression {
            return self.weekday_date(weekday, m, d, future);
        }
        let anchor = self.anchor?;
        Some(match expression {
            Expression::DayOfMonth(m, d) => Cal::Day(day_of_month(anchor, m, d, future)?),
            Expression::Part(part, placement) => part_of_year(anchor, part, placement, future)?,
            Expression::Weekday(weekday, shift) => {
                Cal::Day(weekday_near(anchor, weekday, shift, future)?)
            }
            Expression::Weekend => {
                let this = Cal::containing(anchor, Unit::Weekend);
                let begun = anchor.weekday().number_from_monday() >= 6;
                match (begun, future) {
                    (true, _) | (false, true) => this,
                    (false, false) => this.shift(-1)?,
                }
            }
            Expression::Holiday(holiday) => Cal::Day(
                (anchor.year() - 1..=anchor.year() + 1)
                    .filter_map(|y| holiday_in(holiday, y))
                    .min_by_key(|date| weighted_distance(anchor, *date))?,
            ),
            Expression::Ago(Unit::Year, n) if self.period.is_some() && n.abs() == 1 => {
                self.period?.moved(n, Unit::Year)?
            }
            Expression::Shift(unit, n) | Expression::Ago(unit, n) => {
                Cal::containing(anchor, unit).shift(n)?
            }
            Expression::Later(unit, n) => {
                let day = Cal::Day(self.day.unwrap_or(anchor));
                // A day or week from the last day named; a month, quarter
                // or year from the last time named, keeping its
                // granularity when finer ("a year earlier" than Sept. 30
                // is a day, than the third quarter a quarter).
                let base = match self.reference {
                    Some(r) if !matches!(unit, Unit::Day | Unit::Week) => r,
                    _ => day,
                };
                if n != 0
                    && matches!(unit, Unit::Month | Unit::Quarter | Unit::Year)
                    && base.unit() <= unit
                {
                    base.moved(n, unit)?
                } else {
                    Cal::containing(base.first_day()?, unit).shift(n)?
                }
            }
            Expression::SameDay => Cal::Day(day.or(self.day).unwrap_or(anchor)),
            Expression::Period(years) => {
                let period = self
                    .period
                    .or_else(|| Cal::containing(anchor, Unit::Quarter).shift(-1))?;
                period.moved(years, Unit::Year)?
            }
            Expression::PeriodIn(year) => match self.period {
                Some(Cal::Quarter(_, q)) => Cal::Quarter(year, q),
                Some(Cal::Half(_, h)) => Cal::Half(year, h),
                _ => Cal::Year(year),
            },
            Expression::Absolute(_)
            | Expression::WeekdayDate(..)
            | Expression::Ref(_)
            | Expression::Length(_)
            | Expression::Every(_)
            | Expression::Impossible => return None,
        })
    }

    /// The year in which day `d` of month `m` is a `weekday`: the one
    /// nearest the anchor (the latest before it unless the clause speaks
    /// of the future); without an anchor, the latest no later than
    /// today.
    fn weekday_date(&self, weekday: Weekday, m: u32, d: u32, future: bool) -> Option<Cal> {
        let fits = |year: i32| {
            NaiveDate::from_ymd_opt(year, m, d).filter(|date| date.weekday() == weekday)
        };
        let found = match (self.anchor, self.today) {
            (Some(anchor), _) => (-WEEKDAY_YEARS..=WEEKDAY_YEARS)
                .filter_map(|k| fits(anchor.year() + k))
                .min_by_key(|date| {
                    if future && *date >= anchor {
                        (*date - anchor).num_days()
                    } else {
                        weighted_distance(anchor, *date)
                    }
                }),
            (None, Some(today)) => (0..2 * WEEKDAY_YEARS)
                .filter_map(|k| fits(today.year() - k))
                .find(|date| *date <= today),
            (None, None) => None,
        };
        match found {
            Some(date) => Some(Cal::Day(date)),
            // A weekday that fits no nearby year is a slip: the date
            // written wins, read as a day without a year.
            None => Some(Cal::Day(day_of_month(self.anchor?, m, d, future)?)),
        }
    }
}

/// A time of day on the day a value names.
fn with_time(cal: Cal, time: Option<TimeOfDay>) -> Cal {
    match (cal, time) {
        (Cal::Day(d), Some(TimeOfDay::Part(part))) => Cal::DayPart(d, part),
        (Cal::Day(d), Some(TimeOfDay::Clock(h, m))) => Cal::Clock(d, h, m),
        _ => cal,
    }
}

/// How much nearer a date ahead of the anchor must be than one behind it
/// to be the one meant: news reports mostly what has happened.
const AHEAD_WEIGHT: i64 = 2;

/// Day `d` of month `m` near `anchor`: of last year's, this year's and
/// next year's, the nearest, a day ahead counting [`AHEAD_WEIGHT`] times
/// one behind; with a clause about the future the first on or after it.
fn day_of_month(anchor: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
    let year = anchor.year();
    if future {
        return match NaiveDate::from_ymd_opt(year, m, d) {
            Some(date) if date >= anchor => Some(date),
            _ => NaiveDate::from_ymd_opt(year + 1, m, d),
        };
    }
    (year - 1..=year + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|date| weighted_distance(anchor, *date))
}

/// Days from `anchor` to `date`, those ahead weighted.
fn weighted_distance(anchor: NaiveDate, date: NaiveDate) -> i64 {
    let days = (date - anchor).num_days();
    if days > 0 { days * AHEAD_WEIGHT } else { -days }
}

/// A weekday near `anchor`: the latest on or before it (0), the one
/// before that when the anchor is that day ("last", -1), the first after
/// it ("next", 1); a clause about the future reads a bare weekday forward.
fn weekday_near(anchor: NaiveDate, day: Weekday, shift: i8, future: bool) -> Option<NaiveDate> {
    let back = (7 + anchor.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    let ahead = (7 - back) % 7;
    let days = match shift {
        0 if future => i64::from(ahead),
        0 => -i64::from(back),
        s if s < 0 => -i64::from(if back == 0 { 7 } else { back }),
        _ => i64::from(if ahead == 0 { 7 } else { ahead }),
    };
    add_days(anchor, days)
}

/// The first month of a part of a year.
fn first_month(part: YearPart) -> u32 {
    match part {
        YearPart::Month(m) => m,
        YearPart::Quarter(q) => (q - 1) * 3 + 1,
        YearPart::Half(h) => (h - 1) * 6 + 1,
        YearPart::Season(s) => s.first_month(),
    }
}

fn part_in(part: YearPart, year: i32) -> Cal {
    match part {
        YearPart::Month(m) => Cal::Month(year, m),
        YearPart::Quarter(q) => Cal::Quarter(year, q),
        YearPart::Half(h) => Cal::Half(year, h),
        YearPart::Season(s) => Cal::Season(year, s),
    }
}

/// A month, quarter, half or season placed against the anchor.
fn part_of_year(
    anchor: NaiveDate,
    part: YearPart,
    placement: Placement,
    future: bool,
) -> Option<Cal> {
    let year = anchor.year();
    let month = anchor.month();
    let first = first_month(part);
    // The winter that holds January and February is named by the year
    // before.
    let winter_now = part == YearPart::Season(Season::Winter) && month <= 2;
    let this = if winter_now {
        part_in(part, year - 1)
    } else {
        part_in(part, year)
    };
    let begun = winter_now || first <= month;
    let holds_anchor = this
        .first_day()
        .zip(this.shift(1).and_then(|next| next.first_day()))
        .is_some_and(|(start, end)| start <= anchor && anchor < end);
    Some(match placement {
        Placement::Nearest if future => {
            if holds_anchor || !begun {
                this
            } else {
                this.shift(1).map(|_| part_in(part, year + 1))?
            }
        }
        // A month is the nearest, as a day of the month is (its middle
        // measured); quarters, halves and seasons must have begun.
        Placement::Nearest if matches!(part, YearPart::Month(_)) => (year - 1..=year + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, first, 15).map(|mid| (y, mid)))
            .min_by_key(|(_, mid)| weighted_distance(anchor, *mid))
            .map(|(y, _)| part_in(part, y))?,
        Placement::Nearest => {
            if begun {
                this
            } else {
                part_in(part, year - 1)
            }
        }
        Placement::Current => this,
        Placement::Previous => {
            if begun && !holds_anchor {
                this
            } else {
                part_in(part, if winter_now { year - 2 } else { year - 1 })
            }
        }
        Placement::Following => {
            if begun || holds_anchor {
                part_in(part, if winter_now { year } else { year + 1 })
            } else {
                this
            }
        }
        Placement::Year(offset) => part_in(part, year.checked_add(offset)?),
    })
}

/// The day a holiday falls on in `year`.
pub(super) fn holiday_in(holiday: Holiday, year: i32) -> Option<NaiveDate> {
    let nth = |month: u32, weekday: Weekday, n: u8| {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
    };
    match holiday {
        Holiday::Christmas => NaiveDate::from_ymd_opt(year, 12, 25),
        Holiday::ChristmasEve => NaiveDate::from_ymd_opt(year, 12, 24),
        Holiday::NewYear => NaiveDate::from_ymd_opt(year, 1, 1),
        Holiday::NewYearsEve => NaiveDate::from_ymd_opt(year, 12, 31),
        Holiday::Halloween => NaiveDate::from_ymd_opt(year, 10, 31),
        Holiday::Valentines => NaiveDate::from_ymd_opt(year, 2, 14),
        Holiday::IndependenceDay => NaiveDate::from_ymd_opt(year, 7, 4),
        Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
        Holiday::LaborDay => nth(9, Weekday::Mon, 1),
        Holiday::MemorialDay => {
            let june = NaiveDate::from_ymd_opt(year, 6, 1)?;
            let back = (june.weekday().num_days_from_monday() + 6) % 7 + 1;
            add_days(june, -i64::from(back))
        }
        Holiday::ElectionDay => add_days(nth(11, Weekday::Mon, 1)?, 1),
        Holiday::Easter => easter(year),
    }
}

/// Western Easter Sunday (the anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2024), Some(day(2024, 3, 31)));
        assert_eq!(easter(2000), Some(day(2000, 4, 23)));
        assert_eq!(
            holiday_in(Holiday::Thanksgiving, 1999),
            Some(day(1999, 11, 25))
        );
        assert_eq!(
            holiday_in(Holiday::MemorialDay, 2023),
            Some(day(2023, 5, 29))
        );
        assert_eq!(
            holiday_in(Holiday::ElectionDay, 2020),
            Some(day(2020, 11, 3))
        );
    }

    #[test]
    fn parts_of_the_year_look_back() {
        let october = day(1989, 10, 26);
        let q = |q, placement| part_of_year(october, YearPart::Quarter(q), placement, false);
        assert_eq!(q(3, Placement::Nearest), Some(Cal::Quarter(1989, 3)));
        assert_eq!(q(4, Placement::Nearest), Some(Cal::Quarter(1989, 4)));
        let january = day(1998, 1, 26);
        assert_eq!(
            part_of_year(january, YearPart::Quarter(4), Placement::Nearest, false),
            Some(Cal::Quarter(1997, 4))
        );
        let season = |s, placement| part_of_year(october, YearPart::Season(s), placement, false);
        assert_eq!(
            season(Season::Spring, Placement::Previous),
            Some(Cal::Season(1989, Season::Spring))
        );
        assert_eq!(
            season(Season::Fall, Placement::Previous),
            Some(Cal::Season(1988, Season::Fall))
        );
        assert_eq!(
            season(Season::Fall, Placement::Current),
            Some(Cal::Season(1989, Season::Fall))
        );
        assert_eq!(
            season(Season::Summer, Placement::Nearest),
            Some(Cal::Season(1989, Season::Summer))
        );
        let month = |m, placement| part_of_year(october, YearPart::Month(m), placement, false);
        assert_eq!(month(5, Placement::Previous), Some(Cal::Month(1989, 5)));
        assert_eq!(month(11, Placement::Previous), Some(Cal::Month(1988, 11)));
        // The nearest, a month ahead counting twice a month behind.
        assert_eq!(month(12, Placement::Nearest), Some(Cal::Month(1989, 12)));
        assert_eq!(month(4, Placement::Nearest), Some(Cal::Month(1989, 4)));
        assert_eq!(month(11, Placement::Nearest), Some(Cal::Month(1989, 11)));
        assert_eq!(month(3, Placement::Following), Some(Cal::Month(1990, 3)));
    }

    #[test]
    fn weekdays_and_dates_together_fix_the_year() {
        let resolver = Resolver::new(None).today(day(2026, 12, 3));
        assert_eq!(
            resolver.weekday_date(Weekday::Wed, 3, 15, false),
            Some(Cal::Day(day(2023, 3, 15)))
        );
        let resolver = Resolver::new(Some(day(2017, 6, 1)));
        assert_eq!(
            resolver.weekday_date(Weekday::Wed, 3, 15, false),
            Some(Cal::Day(day(2017, 3, 15)))
        );
    }
}
