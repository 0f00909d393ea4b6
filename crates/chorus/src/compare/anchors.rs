//! The date each report's relative dates are read against, and how it was
//! found: its own publication date; else the earliest publication date in
//! the story; else, when no report is dated, a date the reports give: the
//! latest full date one writes, or a day and month one report gives that
//! falls on the weekday the others give for the same event ("15 March"
//! and "Wednesday": a Wednesday in 2023), in the latest year that fits
//! up to today.

use chrono::{Datelike, NaiveDate, Weekday};

use super::facts::dice;
use super::stems::Stems;
use crate::prepare::Story;
use crate::scan::dates::{self, Cal, DateMention, Expression, Resolver};
use crate::scan::tokens::Sentence;

/// Years back from today searched for the year in which a day and month
/// fall on a weekday.
const RECENT_YEARS: i32 = 12;
/// Content words (Dice) a sentence giving a day and month shares with one
/// giving a weekday, to be about the same event.
const SAME_EVENT: f32 = 0.3;

/// Where a report's anchor comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Source {
    /// Its own publication date.
    Published,
    /// The earliest publication date in the story.
    Story,
    /// A full date written in a report (the latest one).
    Written { document: usize, text: String },
    /// A day and month one report gives for the event others date by a
    /// weekday.
    Weekday {
        document: usize,
        text: String,
        weekday: Weekday,
        others: Vec<usize>,
    },
}

/// Every report's anchor, how it was found, and what the story's notes
/// should say about it.
pub(super) struct Anchors {
    /// Per document of the story.
    pub dates: Vec<Option<NaiveDate>>,
    /// Per document: how its anchor was found.
    pub sources: Vec<Option<Source>>,
}

impl Anchors {
    /// How a relative date of `document` was read, in words.
    pub fn how(&self, document: usize, ids: &[String]) -> String {
        let date = self.dates[document].map(|d| d.format("%Y-%m-%d").to_string());
        let date = date.unwrap_or_default();
        match &self.sources[document] {
            Some(Source::Published) | None => {
                format!("read against its publication date, {date}")
            }
            Some(Source::Story) => {
                format!("read against {date}, the earliest publication date in the story")
            }
            Some(Source::Written { document, text }) => format!(
                "read against {date}, the latest full date the reports give (\"{text}\", {})",
                ids[*document]
            ),
            Some(Source::Weekday {
                document,
                text,
                weekday,
                ..
            }) => format!(
                "read against {date}: {}'s \"{text}\" falls on the {} the other reports give in {}",
                ids[*document],
                weekday_name(*weekday),
                &date[..4.min(date.len())]
            ),
        }
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// What the compare stage read of a story's sentences.
pub(super) struct Reading<'a> {
    /// The counted documents' sentences.
    pub sentences: &'a [Sentence<'a>],
    /// Each sentence's date expressions.
    pub found: &'a [Vec<DateMention>],
    /// The latest day a date may be inferred to be.
    pub today: Option<NaiveDate>,
}

/// The anchors of a story's counted documents (`own`: each document's
/// publication date). Notes say what was inferred and from what.
pub(super) fn anchors(
    story: &Story,
    own: &[Option<NaiveDate>],
    counted: &[usize],
    reading: &Reading,
    stems: &mut Stems,
    notes: &mut Vec<String>,
) -> Anchors {
    let Reading {
        sentences,
        found,
        today,
    } = *reading;
    let mut sources: Vec<Option<Source>> =
        own.iter().map(|d| d.map(|_| Source::Published)).collect();
    let undated: Vec<usize> = counted
        .iter()
        .copied()
        .filter(|&d| own[d].is_none())
        .collect();
    if undated.is_empty() {
        return Anchors {
            dates: own.to_vec(),
            sources,
        };
    }
    let ids: Vec<&str> = story.documents.iter().map(|d| d.id()).collect();
    let names = |documents: &[usize]| -> String {
        documents
            .iter()
            .map(|&d| ids[d])
            .collect::<Vec<_>>()
            .join(", ")
    };
    let earliest = counted.iter().filter_map(|&d| own[d]).min();
    let (fallback, source) = match earliest {
        Some(date) => (Some(date), Some(Source::Story)),
        None => match written_date(sentences, found, today)
            .or_else(|| weekday_date(sentences, found, today, stems))
        {
            Some((date, source)) => (Some(date), Some(source)),
            None => (None, None),
        },
    };
    if let (Some(date), Some(source)) = (&fallback, &source) {
        let date = date.format("%Y-%m-%d");
        let why = match source {
            Source::Story | Source::Published => {
                "the earliest publication date in the story".to_string()
            }
            Source::Written { document, text } => format!(
                "the latest full date the reports give: \"{text}\" in {}",
                ids[*document]
            ),
            Source::Weekday {
                document,
                text,
                weekday,
                others,
            } => {
                let day = weekday_name(*weekday);
                format!(
                    "{} gives \"{text}\" and {} \"{day}\" for the same event; \"{text}\" is a {day} in {}, the latest such year up to today",
                    ids[*document],
                    names(others),
                    date.to_string().get(..4).unwrap_or_default()
                )
            }
        };
        notes.push(format!(
            "no publication date for {}: relative dates read against {date} ({why})",
            names(&undated)
        ));
    }
    for &d in &undated {
        sources[d] = source.clone();
    }
    Anchors {
        dates: own.iter().map(|d| d.or(fallback)).collect(),
        sources,
    }
}

/// The latest full date written: "15 March 2023", or "Wednesday, 15
/// March" (the weekday fixes the year, up to today).
fn written_date(
    sentences: &[Sentence],
    found: &[Vec<DateMention>],
    today: Option<NaiveDate>,
) -> Option<(NaiveDate, Source)> {
    let mut latest: Option<(NaiveDate, Source)> = None;
    for (sentence, mentions) in sentences.iter().zip(found) {
        for mention in mentions {
            let date = match mention.expression {
                Expression::Absolute(Cal::Day(d)) => Some(d),
                Expression::WeekdayDate(..) => {
                    let mut resolver = Resolver::new(None);
                    if let Some(today) = today {
                        resolver = resolver.today(today);
                    }
                    match resolver.resolve(mention, None).and_then(|r| r.cal()) {
                        Some(Cal::Day(d)) => Some(d),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(date) = date
                && latest.as_ref().is_none_or(|(l, _)| date > *l)
            {
                let text = sentence.text[mention.span.0..mention.span.1].to_string();
                latest = Some((
                    date,
                    Source::Written {
                        document: sentence.document,
                        text,
                    },
                ));
            }
        }
    }
    latest
}

/// A day and month one report gives ("15 March") for an event that other
/// reports date by a weekday ("Wednesday"): the sentences share most
/// content words, and the day and month fall on that weekday in a recent
/// year, the latest up to `today` and not before the latest year the
/// reports write.
fn weekday_date(
    sentences: &[Sentence],
    found: &[Vec<DateMention>],
    today: Option<NaiveDate>,
    stems: &mut Stems,
) -> Option<(NaiveDate, Source)> {
    let today = today?;
    let latest_year = found
        .iter()
        .flatten()
        .filter_map(|m| match m.expression {
            Expression::Absolute(cal) => dates::When::of(cal).map(|w| match w {
                dates::When::Year(y) | dates::When::Month(y, _) => y,
                dates::When::Day(d) => d.year(),
            }),
            _ => None,
        })
        .filter(|y| *y <= today.year())
        .max();
    // Each sentence's content words, stemmed only when a day and month and
    // a weekday in another report are to be compared: most stories have
    // no such pair, and stemming every sentence was most of this stage.
    let mut content: Vec<Option<Vec<u32>>> = vec![None; sentences.len()];
    for (s, mentions) in found.iter().enumerate() {
        for mention in mentions {
            let Expression::DayOfMonth(m, d) = mention.expression else {
                continue;
            };
            // The weekdays other reports give in sentences about the same
            // event.
            let mut weekdays: Vec<(Weekday, usize)> = Vec::new();
            for (o, others) in found.iter().enumerate() {
                let days = others.iter().filter_map(|other| match other.expression {
                    Expression::Weekday(day, 0) => Some(day),
                    _ => None,
                });
                if sentences[o].document == sentences[s].document || days.clone().next().is_none() {
                    continue;
                }
                for k in [s, o] {
                    if content[k].is_none() {
                        content[k] = Some(stems.content(&sentences[k].tokens));
                    }
                }
                let (Some(here), Some(there)) = (&content[s], &content[o]) else {
                    continue;
                };
                if dice(here, there) < SAME_EVENT {
                    continue;
                }
                weekdays.extend(days.map(|day| (day, sentences[o].document)));
            }
            let Some(&(weekday, _)) = weekdays.first() else {
                continue;
            };
            let mut others: Vec<usize> = weekdays
                .iter()
                .filter(|(w, _)| *w == weekday)
                .map(|(_, d)| *d)
                .collect();
            others.sort_unstable();
            others.dedup();
            let fits = |year: i32| {
                NaiveDate::from_ymd_opt(year, m, d)
                    .filter(|date| date.weekday() == weekday && *date <= today)
            };
            let recent = (today.year() - RECENT_YEARS..=today.year()).rev();
            let date = recent
                .clone()
                .filter(|y| latest_year.is_none_or(|l| *y >= l))
                .find_map(fits)
                .or_else(|| recent.clone().find_map(fits));
            if let Some(date) = date {
                let sentence = &sentences[s];
                return Some((
                    date,
                    Source::Weekday {
                        document: sentence.document,
                        text: sentence.text[mention.span.0..mention.span.1].to_string(),
                        weekday,
                        others,
                    },
                ));
            }
        }
    }
    None
}
