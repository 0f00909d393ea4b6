//! Times of day: "17:00", "2 p.m.", "14:00 GMT", "after 17:00 Moscow
//! time", with the zone's offset from UTC when one is written, so that
//! two reports giving one moment in two zones agree.

use super::super::tokens::{Token, TokenKind};
use crate::model::Bound;

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

pub(super) fn time_at(tokens: &[Token], i: usize) -> Option<TimeMention> {
    let token = &tokens[i];
    let (mut hours, minutes) = match token.kind {
        TokenKind::Clock => {
            let (h, m) = token.text.split_once(':')?;
            (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)
        }
        TokenKind::Number => {
            // "7 p.m.": an hour of the 12-hour clock, written without a
            // leading zero ("00 p.m." is the minutes of "6: 00 p.m." cut
            // off by a stray space; "07 pm", rare in news, is lost too).
            let h: i32 = token.text.parse().ok()?;
            if !(1..=12).contains(&h) || token.text.starts_with('0') {
                return None;
            }
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
