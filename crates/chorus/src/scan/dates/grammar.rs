//! The patterns of time expressions over a sentence's tokens.
//!
//! At each token that may open one (a number, or a word the lexicon
//! flags), every family of patterns is tried and the longest match wins:
//! calendar dates ("Wednesday, March 15", "15 March 2023", "mid-November"),
//! years, decades and centuries ("1994", "the early 1990s", "nineteen
//! ninety-six"), quarters, halves and reporting periods ("the third
//! quarter", "the year-ago period"), seasons, holidays, days and units
//! relative to the anchor ("yesterday", "last week", "two years ago", "a
//! year earlier"), clock times ("10 p.m. Wednesday"), lengths of time
//! ("the past two months", "about three hours", "a 10-year"), sets
//! ("daily", "each winter") and the present, past and future ("now",
//! "recently", "the near future").

use std::cell::Cell;
use std::sync::LazyLock;

use chrono::Weekday;
use rustc_hash::FxHashMap;

use super::super::lexicon::{self, WEEKDAYS, month};
use super::super::quantity;
use super::super::tokens::{Token, TokenKind};
use super::calendar::{Cal, DayPart, Length, Season, Unit};
use super::clock;
use super::{
    DateMention, Expression, Holiday, Modifier, Placement, Recurrence, Ref, TimeOfDay, YearPart,
};
use crate::model::words::time_unit;

/// Finds the time expressions in a tokenized sentence.
pub fn dates(tokens: &[Token]) -> Vec<DateMention> {
    // Built at the first word that may open an expression: most
    // sentences hold none.
    let mut scan: Option<Scan> = None;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let may_open = matches!(token.kind, TokenKind::Number | TokenKind::Clock)
            || token.has(lexicon::DATE | lexicon::TIMEX | lexicon::FIGURE)
            || matches!(token.text, "'" | "’");
        let may_open = may_open && (opens_alone(token) || opener_ahead(tokens, i));
        if !may_open {
            i += 1;
            continue;
        }
        let scan = scan.get_or_insert_with(|| Scan::new(tokens));
        match scan.longest(i) {
            Some(f) => {
                let future = f.readable_forward() && scan.future_clause(f.start);
                found.push(DateMention {
                    expression: f.expression,
                    time: f.time,
                    modifier: f.modifier,
                    future,
                    span: (tokens[f.start].start, tokens[f.end - 1].end),
                    tokens: (f.start, f.end),
                });
                i = f.end;
            }
            None => i += 1,
        }
    }
    found
}

/// Tokens a lead word ("the", "about") may come before the core of the
/// expression it opens: "more than a week", "about the first three".
const LEAD_REACH: usize = 8;

/// Whether a token can be a time expression's core: a figure, a date
/// word, a time word.
fn is_core(token: &Token) -> bool {
    matches!(token.kind, TokenKind::Number | TokenKind::Clock)
        || token.has(lexicon::DATE | lexicon::FIGURE | lexicon::TIMEX_CORE)
}

/// Whether a token is a core that may open an expression by itself: any
/// core but an article. "a" and "an" are figures ("a week") but open an
/// expression only with another core after them (every unit word is a
/// core), and they are among the commonest words.
fn opens_alone(token: &Token) -> bool {
    is_core(token) && !(token.is("a") || token.is("an"))
}

/// Whether a core that is no article ([`opens_alone`]) follows the word
/// at `i` closely enough for it to open an expression: most leads ("the", "at", "more")
/// and articles open none, and trying every family of the grammar at each
/// was most of its cost.
fn opener_ahead(tokens: &[Token], i: usize) -> bool {
    tokens[i + 1..].iter().take(LEAD_REACH).any(opens_alone)
}

/// One match: what it means and the tokens it spans.
#[derive(Debug, Clone, Copy)]
struct Found {
    expression: Expression,
    time: Option<TimeOfDay>,
    modifier: Option<Modifier>,
    start: usize,
    end: usize,
}

impl Found {
    fn new(expression: Expression, start: usize, end: usize) -> Found {
        Found {
            expression,
            time: None,
            modifier: None,
            start,
            end,
        }
    }

    fn modified(mut self, modifier: Option<Modifier>) -> Found {
        if modifier.is_some() {
            self.modifier = modifier;
        }
        self
    }

    fn at(mut self, time: Option<TimeOfDay>) -> Found {
        if time.is_some() {
            self.time = time;
        }
        self
    }

    /// Whether a clause about the future reads it forwards.
    fn readable_forward(&self) -> bool {
        matches!(
            self.expression,
            Expression::Weekday(_, 0) | Expression::Weekend
        )
    }
}

/// A count before a unit: known, or "some" (`None`).
#[derive(Debug, Clone, Copy)]
struct Count {
    n: Option<u32>,
    /// "and a half" follows, or the count is "half a".
    half: bool,
    /// Written "a" or "an".
    article: bool,
    end: usize,
}

/// Words between a count and its unit: "two more weeks", "eight trading
/// days", "two long years".
const UNIT_FILLERS: &[&str] = &[
    "more",
    "additional",
    "straight",
    "consecutive",
    "full",
    "long",
    "trading",
    "business",
    "working",
    "calendar",
    "extra",
    "whole",
    "short",
    "solid",
    "successive",
    "further",
    "previous",
    "past",
];

/// Words that open a length counted from somewhere: "the past two
/// months", "the first nine months", "the next few days".
const LENGTH_POSITIONS: &[&str] = &[
    "past",
    "last",
    "next",
    "first",
    "coming",
    "previous",
    "following",
    "final",
    "latest",
    "initial",
    "remaining",
    "ensuing",
    "preceding",
    "subsequent",
    "recent",
    "entire",
    "whole",
    "same",
    "few",
];

/// Qualifiers of a length or a clock time, longest first.
const QUALIFIERS: &[(&[&str], Modifier)] = &[
    (&["no", "more", "than"], Modifier::EqualOrLess),
    (&["no", "less", "than"], Modifier::EqualOrMore),
    (&["no", "fewer", "than"], Modifier::EqualOrMore),
    (&["a", "maximum", "of"], Modifier::EqualOrLess),
    (&["a", "minimum", "of"], Modifier::EqualOrMore),
    (&["as", "many", "as"], Modifier::EqualOrLess),
    (&["as", "much", "as"], Modifier::EqualOrLess),
    (&["more", "than"], Modifier::MoreThan),
    (&["greater", "than"], Modifier::MoreThan),
    (&["upwards", "of"], Modifier::MoreThan),
    (&["just", "over"], Modifier::MoreThan),
    (&["just", "under"], Modifier::LessThan),
    (&["less", "than"], Modifier::LessThan),
    (&["fewer", "than"], Modifier::LessThan),
    (&["at", "least"], Modifier::EqualOrMore),
    (&["at", "most"], Modifier::EqualOrLess),
    (&["up", "to"], Modifier::EqualOrLess),
    (&["close", "to"], Modifier::Approx),
    (&["about"], Modifier::Approx),
    (&["around"], Modifier::Approx),
    (&["approximately"], Modifier::Approx),
    (&["roughly"], Modifier::Approx),
    (&["nearly"], Modifier::LessThan),
    (&["almost"], Modifier::LessThan),
    (&["over"], Modifier::MoreThan),
    (&["within"], Modifier::EqualOrLess),
    (&["under"], Modifier::LessThan),
];

/// Phrases of a list by their first word, each word's in the list's
/// order: a word is looked up once rather than compared with every phrase.
type ByFirst = FxHashMap<&'static str, Vec<(&'static [&'static str], Modifier)>>;

fn by_first(phrases: &'static [(&'static [&'static str], Modifier)]) -> ByFirst {
    let mut map = ByFirst::default();
    for &(words, modifier) in phrases {
        if let Some(&first) = words.first() {
            map.entry(first).or_default().push((words, modifier));
        }
    }
    map
}

static QUALIFIERS_BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| by_first(QUALIFIERS));
static POSITIONS_BY_FIRST: LazyLock<ByFirst> = LazyLock::new(|| by_first(POSITIONS));

/// Words before a date that place it in a span: "early", "the end of".
const POSITIONS: &[(&[&str], Modifier)] = &[
    (&["the", "end", "of"], Modifier::End),
    (&["the", "close", "of"], Modifier::End),
    (&["the", "beginning", "of"], Modifier::Start),
    (&["the", "start", "of"], Modifier::Start),
    (&["the", "middle", "of"], Modifier::Mid),
    (&["the", "turn", "of"], Modifier::Start),
    (&["end", "of"], Modifier::End),
    (&["early"], Modifier::Start),
    (&["earlier"], Modifier::Start),
    (&["late"], Modifier::End),
    (&["later"], Modifier::End),
    (&["mid"], Modifier::Mid),
];

/// Words that say a clause speaks of the future, and of the past, looked
/// for leftwards from a weekday: the nearest decides.
const FUTURE_CUES: &[&str] = &[
    "will",
    "ll",
    "shall",
    "scheduled",
    "planned",
    "plans",
    "planning",
    "plan",
    "expected",
    "expects",
    "due",
    "going",
    "intends",
];

const PAST_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "since",
    "last",
];

/// Holidays by the words that name them (capitalised in the text).
const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["christmas"], Holiday::Christmas),
    (&["new", "year's"], Holiday::NewYear),
    (&["new", "years"], Holiday::NewYear),
    (&["thanksgiving"], Holiday::Thanksgiving),
    (&["easter"], Holiday::Easter),
    (&["halloween"], Holiday::Halloween),
    (&["valentine's", "day"], Holiday::Valentines),
    (&["independence", "day"], Holiday::IndependenceDay),
    (&["labor", "day"], Holiday::LaborDay),
    (&["labour", "day"], Holiday::LaborDay),
    (&["memorial", "day"], Holiday::MemorialDay),
    (&["election", "day"], Holiday::ElectionDay),
];

/// A modifier phrase looked up at a token: the token, and what was
/// found there.
type ModifierAt = Option<(usize, Option<(Modifier, usize)>)>;

struct Scan<'s, 't> {
    t: &'s [Token<'t>],
    /// Each token's word as the grammar reads it (`possessive` of its
    /// lower case), made once: the families ask for the same words many
    /// times over.
    words: Vec<&'t str>,
    /// The last qualifier and position looked up: most families ask for
    /// one at the same token in turn, and even through the table of first
    /// words a lookup costs a hash and the phrases' tries (without this
    /// memo the grammar took 828 M instructions instead of 652 M on two
    /// multinews-dev runs: docs/experiments.md).
    last_qualifier: Cell<ModifierAt>,
    last_position: Cell<ModifierAt>,
}

impl<'s, 't> Scan<'s, 't> {
    fn new(t: &'s [Token<'t>]) -> Self {
        Scan {
            t,
            words: t.iter().map(|t| possessive(t.lower())).collect(),
            last_qualifier: Cell::new(None),
            last_position: Cell::new(None),
        }
    }
    /// The lower-case word at `i` ("" past the end).
    fn w(&self, i: usize) -> &'t str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    fn any(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.w(i))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.t.get(i).map(|t| t.kind)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.capitalized())
    }

    /// The words `words` at `i`; the token after them.
    fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.is(i + k, w))
            .then_some(i + words.len())
    }

    fn before(&self, i: usize) -> &'t str {
        i.checked_sub(1).map_or("", |b| self.w(b))
    }

    /// The longest match at `i` (the first family wins a tie).
    fn longest(&self, i: usize) -> Option<Found> {
        let families = [
            self.clock(i),
            self.calendar(i),
            self.year(i),
            self.quarter(i),
            self.season(i),
            self.holiday(i),
            self.relative(i),
            self.length(i),
            self.set(i),
            self.reference(i),
        ];
        families
            .into_iter()
            .flatten()
            .fold(None, |best: Option<Found>, f| match best {
                Some(b) if b.end >= f.end => Some(b),
                _ => Some(f),
            })
    }

    /// Whether the clause before `start` speaks of the future: the
    /// nearest cue word within a few tokens, in the same clause.
    fn future_clause(&self, start: usize) -> bool {
        for k in (start.saturating_sub(8)..start).rev() {
            let word = self.w(k);
            if matches!(word, "." | ";" | "!" | "?" | "\"" | "“" | "”" | "'" | "`") {
                return false;
            }
            if word == "as" && self.any(k + 1, &["soon", "early"]) {
                return true;
            }
            // "set to resume Monday", "is to resume trading Tuesday"
            if word == "to"
                && self.any(k.wrapping_sub(1), &["set", "is", "are", "due", "scheduled"])
            {
                return true;
            }
            if FUTURE_CUES.contains(&word) {
                return true;
            }
            if PAST_CUES.contains(&word) {
                return false;
            }
        }
        false
    }

    // Pieces.

    /// A qualifier at `i`, and the token after it.
    fn qualifier(&self, i: usize) -> Option<(Modifier, usize)> {
        self.remembered(&self.last_qualifier, i, &QUALIFIERS_BY_FIRST)
    }

    /// A position ("early", "the end of") at `i`, and the token after it.
    fn position(&self, i: usize) -> Option<(Modifier, usize)> {
        self.remembered(&self.last_position, i, &POSITIONS_BY_FIRST)
    }

    /// The first of `phrases` at `i`, from `last` when it was the last
    /// token asked about.
    fn remembered(
        &self,
        last: &Cell<ModifierAt>,
        i: usize,
        phrases: &ByFirst,
    ) -> Option<(Modifier, usize)> {
        if let Some((at, found)) = last.get()
            && at == i
        {
            return found;
        }
        let found = self.first_of(i, phrases);
        last.set(Some((i, found)));
        found
    }

    /// The first of `phrases` written at `i`, and the token after it. The
    /// word at `i` is read once and only the phrases it starts are tried:
    /// qualifiers and positions are looked for at nearly every figure of
    /// every sentence, and trying each phrase in turn was over a quarter
    /// of the compare stage's instructions; comparing the word with every
    /// phrase's first was still most of what is left.
    fn first_of(&self, i: usize, phrases: &ByFirst) -> Option<(Modifier, usize)> {
        phrases
            .get(self.w(i))?
            .iter()
            .find_map(|&(words, m)| self.phrase(i, words).map(|end| (m, end)))
    }

    /// A count at `i`: digits ("2", "1,000", "2 1/2", "2.5"), number
    /// words ("two", "twenty four", "twenty-four"), "a"/"an", "a couple
    /// of", "a dozen", "half a", or "some" ("several", "a few").
    fn count(&self, i: usize) -> Option<Count> {
        let token = self.t.get(i)?;
        let word = token.lower();
        let known = |n: u32, end: usize| {
            Some(Count {
                n: Some(n),
                half: false,
                article: false,
                end,
            })
        };
        let some = |end: usize| {
            Some(Count {
                n: None,
                half: false,
                article: false,
                end,
            })
        };
        let mut count = match token.kind {
            TokenKind::Number => {
                let text = token.text.replace(',', "");
                let (whole, half) = match text.split_once('.') {
                    Some((w, "5")) => (w.parse::<u32>().ok()?, true),
                    Some(_) => return None,
                    None => (text.parse::<u32>().ok()?, false),
                };
                if whole > 100_000 {
                    return None;
                }
                // "2 1/2"
                let fraction = self.is(i + 1, "1")
                    && self.t.get(i + 2).is_some_and(|t| t.text == "/" && t.glued)
                    && self.t.get(i + 3).is_some_and(|t| t.text == "2" && t.glued);
                if fraction {
                    Count {
                        n: Some(whole),
                        half: true,
                        article: false,
                        end: i + 4,
                    }
                } else {
                    Count {
                        n: Some(whole),
                        half,
                        article: false,
                        end: i + 1,
                    }
                }
            }
            TokenKind::Word => match word {
                "a" | "an" => {
                    if let Some(end) = self.phrase(i + 1, &["couple", "of"]) {
                        return known(2, end);
                    }
                    if self.is(i + 1, "few") {
                        return some(i + 2);
                    }
                    if self.is(i + 1, "dozen") {
                        return known(12, i + 2);
                    }
                    if self.is(i + 1, "half") {
                        return Some(Count {
                            n: Some(0),
                            half: true,
                            article: true,
                            end: i + 2,
                        });
                    }
                    Count {
                        n: Some(1),
                        half: false,
                        article: true,
                        end: i + 1,
                    }
                }
                "couple" if self.is(i + 1, "of") => return known(2, i + 2),
                "dozen" => return known(12, i + 1),
                "half" if self.any(i + 1, &["a", "an"]) => {
                    return Some(Count {
                        n: Some(0),
                        half: true,
                        article: false,
                        end: i + 2,
                    });
                }
                "several" | "few" | "many" | "some" | "numerous" | "countless" => {
                    return some(i + 1);
                }
                "hundreds" | "thousands" | "dozens" if self.is(i + 1, "of") => {
                    return some(i + 2);
                }
                _ => {
                    let n = lexicon::number_value(word)? as u32;
                    // "twenty four"
                    let units = (n >= 20 && n.is_multiple_of(10))
                        .then(|| lexicon::small_number(self.w(i + 1)))
                        .flatten()
                        .filter(|u| *u < 10.0 && *u > 0.0);
                    match units {
                        Some(u) => Count {
                            n: Some(n + u as u32),
                            half: false,
                            article: false,
                            end: i + 2,
                        },
                        None => Count {
                            n: Some(n),
                            half: false,
                            article: false,
                            end: i + 1,
                        },
                    }
                }
            },
            _ => return None,
        };
        // "two thousand years", "a hundred years"
        if let Some(n) = count.n {
            let scale = match self.w(count.end) {
                "hundred" => Some(100),
                "thousand" => Some(1000),
                _ => None,
            };
            if let Some(scale) = scale {
                count.n = Some(n.saturating_mul(scale));
                count.article = false;
                count.end += 1;
            }
        }
        // "two and a half years"
        if let Some(end) = self.phrase(count.end, &["and", "a", "half"]) {
            count.half = true;
            count.end = end;
        }
        Some(count)
    }

    /// A unit at `i` (after filler words such as "more" or "trading"):
    /// the unit, whether written plural, and the token after it.
    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let mut j = i;
        while j < i + 2 && self.any(j, UNIT_FILLERS) {
            j += 1;
        }
        let word = self.w(j);
        let unit = Unit::of_word(word)?;
        let plural = word.ends_with('s') || word == "millennia";
        Some((unit, plural, j + 1))
    }

    /// A weekday name at `i` (capitalised, or after "on"/"last"/"next").
    fn weekday(&self, i: usize) -> Option<Weekday> {
        let token = self.t.get(i)?;
        if token.kind != TokenKind::Word || !token.has(lexicon::DATE) {
            return None;
        }
        let day = WEEKDAYS.iter().position(|d| *d == self.w(i))?;
        if !token.capitalized() && !self.any(i.wrapping_sub(1), &["on", "last", "next", "this"]) {
            return None;
        }
        Weekday::try_from(day as u8).ok()
    }

    /// A month name at `i` (with its abbreviation's period), and the token
    /// after it; abbreviated when shorter than the full name.
    fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        let token = self.t.get(i)?;
        if token.kind != TokenKind::Word || !token.capitalized() || !token.has(lexicon::DATE) {
            return None;
        }
        let m = month(possessive(token.text))?;
        let full = lexicon::MONTHS
            .iter()
            .filter(|(_, n)| *n == m)
            .all(|(name, _)| name.len() <= token.text.len());
        let next = if !full && self.t.get(i + 1).is_some_and(|t| t.text == "." && t.glued) {
            i + 2
        } else {
            i + 1
        };
        Some((m, !full, next))
    }

    fn number(&self, i: usize) -> Option<u32> {
        let token = self.t.get(i)?;
        (token.kind == TokenKind::Number && token.text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| token.text.parse().ok())
            .flatten()
    }

    /// A four-digit year at `i`.
    fn year_number(&self, i: usize) -> Option<i32> {
        let token = self.t.get(i)?;
        let year = self.number(i)?;
        (token.text.len() == 4 && (1000..=2099).contains(&year)).then_some(year as i32)
    }

    /// A day of the month at `i` ("15", "15th", "eighth" after a month),
    /// and the token after it.
    fn day(&self, i: usize, words: bool) -> Option<(u32, usize)> {
        let token = self.t.get(i)?;
        if token.kind == TokenKind::Word {
            if !words {
                return None;
            }
            let d = lexicon::ordinal(token.lower())?;
            return (1..=31).contains(&d).then_some((d, i + 1));
        }
        let day = self.number(i)?;
        let suffixed = self
            .t
            .get(i + 1)
            .is_some_and(|t| t.glued && matches!(t.lower(), "st" | "nd" | "rd" | "th"));
        // Days past 31 are read (and left unresolved) only when written
        // as days: "the 45th of May".
        let limit = if suffixed { 99 } else { 31 };
        if !(1..=limit).contains(&day) || token.text.len() > 2 {
            return None;
        }
        Some((day, if suffixed { i + 2 } else { i + 1 }))
    }

    /// An ordinal at `i` ("third", "3rd"), and the token after it.
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let token = self.t.get(i)?;
        if token.kind == TokenKind::Word {
            return lexicon::ordinal(token.lower()).map(|n| (n, i + 1));
        }
        let n = self.number(i)?;
        match self.t.get(i + 1) {
            Some(t) if t.glued && matches!(t.lower(), "st" | "nd" | "rd" | "th") => {
                Some((n, i + 2))
            }
            _ => None,
        }
    }

    /// A year at `i` written in digits or words ("1994", "nineteen
    /// ninety-six", "two thousand and one"), and the token after it.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(year) = self.year_number(i) {
            return Some((year, i + 1));
        }
        self.spelled_year(i)
    }

    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        match self.w(i) {
            "nineteen" | "eighteen" => {
                let century = if self.is(i, "nineteen") { 1900 } else { 1800 };
                let n = lexicon::number_value(self.w(i + 1))? as i32;
                if !(10..100).contains(&n) {
                    return None;
                }
                // "nineteen ninety six"
                let units = (n % 10 == 0)
                    .then(|| lexicon::small_number(self.w(i + 2)))
                    .flatten()
                    .filter(|u| (1.0..10.0).contains(u));
                match units {
                    Some(u) => Some((century + n + u as i32, i + 3)),
                    None => Some((century + n, i + 2)),
                }
            }
            "two" if self.is(i + 1, "thousand") => {
                let mut j = i + 2;
                if self.is(j, "and") {
                    j += 1;
                }
                match lexicon::number_value(self.w(j)) {
                    Some(n) if n < 100.0 => Some((2000 + n as i32, j + 1)),
                    _ => Some((2000, i + 2)),
                }
            }
            _ => None,
        }
    }

    /// A number of five digits or more where a year is written ("15
    /// March 99999"): read, so that it can be refused.
    fn huge_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, ",") { i + 1 } else { i };
        let token = self.t.get(j)?;
        if token.kind != TokenKind::Number
            || token.text.len() < 5
            || !token.text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some((token.text.parse::<i32>().unwrap_or(i32::MAX), j + 1))
    }

    /// A year written after a month, season or quarter: "2023", ", 2023",
    /// "of 2023"; the year and the token after it.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.any(i, &[",", "of"]) { i + 1 } else { i };
        self.year_at(j)
    }

    /// "this year", "last year", "next year" after a part of the year
    /// ("June last year"), or "of this year".
    fn year_offset_after(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, "of") { i + 1 } else { i };
        if !self.is(j + 1, "year") {
            return None;
        }
        let offset = match self.w(j) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        Some((offset, j + 2))
    }

    /// "this", "last", "next", "this coming", "this past", "coming" at
    /// `i`: the placement and the token after.
    fn placement(&self, i: usize) -> Option<(Placement, usize)> {
        Some(match self.w(i) {
            "this" if self.is(i + 1, "coming") => (Placement::Following, i + 2),
            "this" if self.any(i + 1, &["past", "last"]) => (Placement::Previous, i + 2),
            "this" | "current" => (Placement::Current, i + 1),
            "last" | "past" | "previous" => (Placement::Previous, i + 1),
            "next" | "coming" => (Placement::Following, i + 1),
            _ => return None,
        })
    }

    /// A part of the day at `i` ("morning", "night"), and the token after.
    fn day_part(&self, i: usize) -> Option<(DayPart, usize)> {
        DayPart::of_word(self.w(i))
            .filter(|_| self.w(i) != "tonight" && self.w(i) != "overnight")
            .map(|p| (p, i + 1))
    }

    // Families.

    /// Calendar dates: "2023-03-15", "3/15/2023", "March 15, 2023",
    /// "15 March", "Wednesday, March 15", "last Friday", "Friday
    /// morning", "in December", "mid-November", "June last year".
    fn calendar(&self, i: usize) -> Option<Found> {
        let (modifier, j) = match self.position(i) {
            Some((m, j)) => (Some(m), j),
            None => (None, i),
        };
        // "mid-November", "late-November"
        if let Some(found) = self.hyphened_month(j) {
            return Some(Found { start: i, ..found }.modified(modifier));
        }
        let (placement, core) = match self.placement(j) {
            Some((p, core)) if !self.is(j, "current") => (Some(p), core),
            _ => (None, j),
        };
        if let Some(found) = self.numeric_date(core) {
            return (placement.is_none()).then(|| Found { start: i, ..found }.modified(modifier));
        }
        if let Some(day) = self.weekday(core) {
            return self
                .weekday_date(i, core, day, placement)
                .map(|f| f.modified(modifier));
        }
        if let Some(found) = self.month_date(core, placement) {
            return Some(Found { start: i, ..found }.modified(modifier));
        }
        if placement.is_none() && modifier.is_none() {
            return self.day_first(i);
        }
        None
    }

    fn hyphened_month(&self, i: usize) -> Option<Found> {
        let word = self.w(i);
        let (position, name) = word.split_once('-')?;
        let modifier = match position {
            "mid" => Modifier::Mid,
            "early" => Modifier::Start,
            "late" => Modifier::End,
            _ => return None,
        };
        let m = month(name).filter(|_| name.len() >= 3)?;
        let found = match self.year_after(i + 1) {
            Some((year, end)) => Found::new(Expression::Absolute(Cal::Month(year, m)), i, end),
            None => Found::new(
                Expression::Part(YearPart::Month(m), Placement::Nearest),
                i,
                i + 1,
            ),
        };
        Some(found.modified(Some(modifier)))
    }

    /// "2023-03-15", "3/15/2023".
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let glued = |k: usize, text: &str| self.t.get(k).is_some_and(|t| t.text == text && t.glued);
        if let Some(year) = self.year_number(i)
            && glued(i + 1, "-")
            && let Some(m) = self.number(i + 2)
            && glued(i + 3, "-")
            && let Some(d) = self.number(i + 4)
        {
            let date = chrono::NaiveDate::from_ymd_opt(year, m, d)?;
            return Some(Found::new(Expression::Absolute(Cal::Day(date)), i, i + 5));
        }
        if let Some(m) = self.number(i)
            && glued(i + 1, "/")
            && let Some(d) = self.number(i + 2)
            && glued(i + 3, "/")
            && let Some(year) = self.year_number(i + 4)
        {
            let date = chrono::NaiveDate::from_ymd_opt(year, m, d)?;
            return Some(Found::new(Expression::Absolute(Cal::Day(date)), i, i + 5));
        }
        None
    }

    /// A weekday at `core` (opened at `start` by a position or
    /// placement): "Friday", "last Friday", "Friday morning", "Wednesday,
    /// March 15" (the date after it wins, and fixes its year).
    fn weekday_date(
        &self,
        start: usize,
        core: usize,
        day: Weekday,
        placement: Option<Placement>,
    ) -> Option<Found> {
        let mut j = core + 1;
        if self.is(j, ",") {
            j += 1;
        }
        if placement.is_none()
            && let Some(date) = self.month_date(j, None).or_else(|| self.day_first(j))
        {
            let expression = match date.expression {
                Expression::DayOfMonth(m, d) => Expression::WeekdayDate(day, m, d),
                Expression::Absolute(Cal::Day(_)) => date.expression,
                _ => return None,
            };
            return Some(Found {
                expression,
                start,
                ..date
            });
        }
        let shift = match placement {
            None | Some(Placement::Current) | Some(Placement::Nearest) => 0,
            Some(Placement::Previous) => -1,
            Some(Placement::Following) => 1,
            Some(Placement::Year(_)) => return None,
        };
        let mut found = Found::new(Expression::Weekday(day, shift), start, core + 1);
        if let Some((part, end)) = self.day_part(core + 1) {
            found = found.at(Some(TimeOfDay::Part(part)));
            found.end = end;
            // "Tuesday nights": every Tuesday night.
            if self.w(core + 1).ends_with('s') && placement.is_none() {
                found.expression = Expression::Every(Recurrence::Weekday(day));
            }
        }
        Some(found)
    }

    /// Month first: "March 15, 2023", "March 15", "March eighth", "March
    /// 2023", "June last year", "last May", "in December".
    fn month_date(&self, i: usize, placement: Option<Placement>) -> Option<Found> {
        let (m, abbreviated, next) = self.month(i)?;
        if placement.is_none()
            && let Some((d, after_day)) = self.day(next, !abbreviated)
        {
            let mut j = after_day;
            if self.is(j, ",") {
                j += 1;
            }
            if let Some((year, end)) = self.year_at(j).or_else(|| self.huge_year(j)) {
                return Some(Found::new(full_date(year, m, d), i, end));
            }
            return Some(Found::new(Expression::DayOfMonth(m, d), i, after_day));
        }
        if placement.is_none() {
            if let Some((year, end)) = self.year_after(next) {
                return Some(Found::new(
                    Expression::Absolute(Cal::Month(year, m)),
                    i,
                    end,
                ));
            }
            if let Some((offset, end)) = self.year_offset_after(next) {
                let expression = Expression::Part(YearPart::Month(m), Placement::Year(offset));
                return Some(Found::new(expression, i, end));
            }
        }
        if abbreviated {
            return None;
        }
        let before = self.before(i);
        let dated = placement.is_some() || lexicon::DATE_PREPOSITIONS.contains(&before);
        // "May" alone is a verb; "June Carter" a name; "March" at the
        // start of a sentence may be either.
        let name_follows = self.capitalized(next) && self.kind(next) == Some(TokenKind::Word);
        let bare = !name_follows && m != 5 && !(m == 3 && i == 0);
        if !dated && !bare {
            return None;
        }
        let placement = placement.unwrap_or(Placement::Nearest);
        Some(Found::new(
            Expression::Part(YearPart::Month(m), placement),
            i,
            next,
        ))
    }

    /// Day first: "15 March 2023", "15th March", "the 15th of March".
    fn day_first(&self, i: usize) -> Option<Found> {
        let (start, j) = if self.is(i, "the") {
            (i, i + 1)
        } else {
            (i, i)
        };
        let (d, mut next) = self.day(j, false)?;
        if self.is(next, "of") {
            next += 1;
        } else if start != j {
            return None;
        }
        let (m, _, after_month) = self.month(next)?;
        if let Some((year, end)) = self
            .year_after(after_month)
            .or_else(|| self.huge_year(after_month))
        {
            return Some(Found::new(full_date(year, m, d), start, end));
        }
        Some(Found::new(Expression::DayOfMonth(m, d), start, after_month))
    }

    /// Years, decades and centuries: "1994", "in 1994", "fiscal 1989",
    /// "early 1998", "the year 2000", "nineteen ninety-six", "the 1990s",
    /// "the early '80s", "mid-1990s", "the nineties", "the 20th century",
    /// "this century".
    fn year(&self, i: usize) -> Option<Found> {
        let (modifier, j) = match self.position(i) {
            Some((m, j)) => (Some(m), j),
            None => (None, i),
        };
        let (the, j) = if self.is(j, "the") {
            (true, j + 1)
        } else {
            (false, j)
        };
        // "the early 1990s": the position after "the".
        let (modifier, j) = match (modifier, self.position(j)) {
            (None, Some((m, next))) if the => (Some(m), next),
            _ => (modifier, j),
        };
        // "mid-1990s", "mid-1990"

        let word = self.w(j);
        if let Some((position, rest)) = word.split_once('-') {
            let modifier = match position {
                "mid" => Modifier::Mid,
                "early" => Modifier::Start,
                "late" => Modifier::End,
                _ => return self.century_compound(i, j),
            };
            let digits = rest.trim_end_matches('s');
            let value: i32 = digits.parse().ok()?;
            let cal = match (digits.len(), rest.ends_with('s')) {
                (4, true) if value % 10 == 0 => Cal::Decade(value / 10),
                (4, false) => Cal::Year(value),
                _ => return None,
            };
            return Some(Found::new(Expression::Absolute(cal), i, j + 1).modified(Some(modifier)));
        }
        // Decades: "1990s", "'80s", "the nineties"
        if let Some((decade, end)) = self.decade(j, the) {
            return Some(
                Found::new(Expression::Absolute(Cal::Decade(decade)), i, end).modified(modifier),
            );
        }
        // Centuries: "the 20th century", "this century"
        if let Some(found) = self.century(i, j, the) {
            return Some(found.modified(modifier));
        }
        // "the year 2000", "fiscal 1989", "calendar 1998"
        let mut k = j;
        let mut named = false;
        if (the && self.is(k, "year")) || self.any(k, &["fiscal", "calendar", "year"]) {
            if self.is(k, "fiscal") && self.is(k + 1, "year") {
                k += 1;
            }
            k += 1;
            named = true;
        }
        if the && !named {
            return None;
        }
        if let Some((year, end)) = self
            .spelled_year(k)
            .filter(|(_, end)| Unit::of_word(self.w(*end)).is_none())
        {
            return Some(
                Found::new(Expression::Absolute(Cal::Year(year)), i, end).modified(modifier),
            );
        }
        if named && let Some((_, end)) = self.huge_year(k) {
            return Some(Found::new(Expression::Impossible, i, end));
        }
        let year = self.year_number(k)?;
        if !named && modifier.is_none() && !self.bare_year(k) {
            return None;
        }
        Some(Found::new(Expression::Absolute(Cal::Year(year)), i, k + 1).modified(modifier))
    }

    /// Whether a four-digit number at `i`, alone, is a year: not money,
    /// a share, a label ("Flight 1549") or a count ("2000 people").
    fn bare_year(&self, i: usize) -> bool {
        let token = &self.t[i];
        let Some(year) = self.year_number(i) else {
            return false;
        };
        let before = self.before(i);
        let previous = i.checked_sub(1).map(|b| &self.t[b]);
        if previous
            .is_some_and(|p| p.kind == TokenKind::Symbol && p.glued == token.glued && token.glued)
            || previous.is_some_and(|p| matches!(p.text, "$" | "£" | "€" | "#" | "No" | "no"))
        {
            return false;
        }
        if lexicon::LABEL_WORDS.contains(&before) || self.qualifier_ends_at(i) {
            return false;
        }
        let after = self.t.get(i + 1);
        if after.is_some_and(|t| {
            matches!(t.text, "%" | ":" | "/")
                || (t.text == "," && self.kind(i + 2) == Some(TokenKind::Number))
                || t.kind == TokenKind::Number
        }) || self.any(i + 1, &["percent", "pct"])
        {
            return false;
        }
        // "a 1996 law", "its 1990 invasion", "the company's 1989 results"
        let possessed =
            previous.is_some_and(|p| p.lower().ends_with("'s") || p.lower().ends_with("’s"));
        let dated_before = lexicon::DATE_PREPOSITIONS.contains(&before)
            || possessed
            || matches!(
                before,
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "that"
                    | "this"
                    | "'s"
                    | "s"
                    | ","
                    | "("
                    | "-"
                    | "since"
                    | "from"
            );
        // A lower-case word after: "2000 people" counts, "the 2000
        // elections" dates, "1998 was" dates.
        let counted = after.is_some_and(|t| {
            t.kind == TokenKind::Word
                && !t.capitalized()
                && !t.has(lexicon::FUNCTION)
                && !t.has(lexicon::TIMEX)
                && !t.has(lexicon::DATE)
        });
        (1800..=2099).contains(&year) && (!counted || dated_before)
            || (1000..1800).contains(&year) && lexicon::DATE_PREPOSITIONS.contains(&before)
    }

    /// Whether a qualifier ("about", "more than") ends just before `i`.
    fn qualifier_ends_at(&self, i: usize) -> bool {
        (1..=3).any(|n| {
            i.checked_sub(n)
                .and_then(|s| self.qualifier(s))
                .is_some_and(|(_, end)| end == i)
        })
    }

    /// A decade at `i`: "1990s", "'80s", "the nineties" (`the` read
    /// before it); the decade and the token after.
    fn decade(&self, i: usize, the: bool) -> Option<(i32, usize)> {
        let glued_s = |k: usize| {
            self.t
                .get(k)
                .is_some_and(|t| t.glued && (t.text == "s" || t.text == "'s"))
        };
        if let Some(n) = self.number(i)
            && glued_s(i + 1)
        {
            let len = self.t[i].text.len();
            return match len {
                4 if n % 10 == 0 && (1000..2100).contains(&n) => Some((n as i32 / 10, i + 2)),
                2 if n % 10 == 0 && the => Some((190 + n as i32 / 10, i + 2)),
                _ => None,
            };
        }
        if matches!(self.w(i), "'" | "’")
            && let Some(n) = self.number(i + 1)
            && self.t[i + 1].text.len() == 2
            && n % 10 == 0
            && glued_s(i + 2)
        {
            return Some((190 + n as i32 / 10, i + 3));
        }
        if the {
            let decade = match self.w(i) {
                "twenties" => 2,
                "thirties" => 3,
                "forties" => 4,
                "fifties" => 5,
                "sixties" => 6,
                "seventies" => 7,
                "eighties" => 8,
                "nineties" => 9,
                _ => return None,
            };
            return Some((190 + decade, i + 1));
        }
        None
    }

    /// "the 20th century", "the twentieth century", "this century", "the
    /// last century".
    fn century(&self, start: usize, i: usize, the: bool) -> Option<Found> {
        if let Some((n, next)) = self.ordinal(i).filter(|(n, _)| (1..=30).contains(n))
            && self.is(next, "century")
        {
            return Some(Found::new(
                Expression::Absolute(Cal::Century(n as i32 - 1)),
                start,
                next + 1,
            ));
        }
        if self.is(i + 1, "century") {
            let shift = match self.w(i) {
                "this" | "current" => 0,
                "last" | "previous" | "past" if the || self.is(i, "last") => -1,
                "next" | "coming" => 1,
                _ => return None,
            };
            return Some(Found::new(
                Expression::Shift(Unit::Century, shift),
                start,
                i + 2,
            ));
        }
        None
    }

    /// "19th-century".
    fn century_compound(&self, start: usize, i: usize) -> Option<Found> {
        let (first, rest) = self.w(i).split_once('-')?;
        if rest != "century" {
            return None;
        }
        let n: i32 = first
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()
            .or_else(|| lexicon::ordinal(first).map(|n| n as i32))?;
        (1..=30)
            .contains(&n)
            .then(|| Found::new(Expression::Absolute(Cal::Century(n - 1)), start, i + 1))
    }

    /// Quarters, halves and reporting periods: "the third quarter of
    /// 1990", "third-quarter", "Q3", "this year's third quarter", "the
    /// first half", "the quarter", "the year-ago period", "the 1988
    /// quarter".
    fn quarter(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut determiner = None;
        if self.any(j, &["the", "its", "their", "this", "last", "next", "a"])
            || self.is(j, "that") && self.any(j + 1, &["quarter", "period"])
        {
            determiner = Some(self.w(j));
            j += 1;
        }
        // "this year's", "last year's", "next year's"
        let mut year_offset = None;
        if determiner.is_some_and(|d| matches!(d, "this" | "last" | "next"))
            && self.is(j, "year")
            && self
                .t
                .get(j + 1)
                .is_some_and(|t| t.text == "'" || t.text == "’")
        {
            year_offset = Some(match determiner {
                Some("this") => 0,
                Some("last") => -1,
                _ => 1,
            });
            determiner = Some("the");
            j += 3;
        } else if determiner.is_some_and(|d| matches!(d, "this" | "last" | "next"))
            && self.is(j, "year")
            && self.t.get(j).is_some_and(|t| t.lower() != "year")
        {
            year_offset = Some(match determiner {
                Some("this") => 0,
                Some("last") => -1,
                _ => 1,
            });
            determiner = Some("the");
            j += 1;
        }
        // Words that may come before the ordinal.
        let mut year = None;
        let mut years_back = None;
        let mut latest = false;
        let mut current = false;
        for _ in 0..3 {
            match self.w(j) {
                "fiscal" | "comparable" | "corresponding" | "same" | "flat" | "strong" | "weak"
                | "disappointing" | "traditionally" | "seasonally" | "slow" => j += 1,
                "latest" | "recent" | "just-ended" | "most" => {
                    latest = true;
                    j += 1;
                }
                "current" => {
                    current = true;
                    j += 1;
                }
                "year-ago" | "year-earlier" | "prior-year" | "year-before" => {
                    years_back = Some(-1);
                    j += 1;
                }
                _ => match self.year_number(j) {
                    Some(y) if determiner.is_some() => {
                        year = Some(y);
                        j += 1;
                    }
                    _ => break,
                },
            }
        }
        // The ordinal and the unit: "third quarter", "third-quarter",
        // "first half", "Q3", "first two quarters".
        let mut part: Option<YearPart> = None;
        let mut end = j;
        let word = self.w(j);
        if let Some((ordinal, unit)) = word.split_once('-')
            && let Some(n) = lexicon::ordinal(ordinal).or((ordinal == "last").then_some(99))
        {
            part = match unit {
                "quarter" if n <= 4 || n == 99 => Some(YearPart::Quarter(n.min(4))),
                "half" if n <= 2 || n == 99 => Some(YearPart::Half(n.min(2))),
                _ => None,
            };
            end = j + 1;
        } else if word.len() == 2
            && word.starts_with('q')
            && let Some(q) = word[1..]
                .parse::<u32>()
                .ok()
                .filter(|q| (1..=4).contains(q))
        {
            part = Some(YearPart::Quarter(q));
            end = j + 1;
        } else if let Some((n, next)) = self
            .ordinal(j)
            .or_else(|| (self.any(j, &["last", "final"])).then_some((99, j + 1)))
        {
            if self.is(next, "quarter")
                || self.is(next, "quarters") && self.phrase(next + 1, &["of"]).is_some()
            {
                if n <= 4 || n == 99 {
                    part = Some(YearPart::Quarter(n.min(4)));
                    end = next + 1;
                }
            } else if self.is(next, "half") && (n <= 2 || n == 99) {
                part = Some(YearPart::Half(n.min(2)));
                end = next + 1;
            } else if n == 1 && self.is(next, "two") && self.is(next + 1, "quarters") {
                part = Some(YearPart::Half(1));
                end = next + 2;
            } else if self.is(next, "quarters") && determiner.is_none() && n <= 4 {
                // "fourth quarters": every fourth quarter.
                return Some(Found::new(
                    Expression::Every(Recurrence::Quarter(n)),
                    i,
                    next + 1,
                ));
            }
        }
        if let Some(part) = part {
            // "of 1990", "of fiscal 1990", "of this year"
            if let Some((y, after)) = self.year_after(end).or_else(|| {
                self.is(end, "of")
                    .then(|| self.year_after_fiscal(end + 1))
                    .flatten()
            }) {
                return Some(Found::new(
                    Expression::Absolute(part_cal(part, y)),
                    i,
                    after,
                ));
            }
            if let Some((offset, after)) = self.year_offset_after(end) {
                return Some(Found::new(
                    Expression::Part(part, Placement::Year(offset)),
                    i,
                    after,
                ));
            }
            if let Some(y) = year {
                return Some(Found::new(Expression::Absolute(part_cal(part, y)), i, end));
            }
            let placement = match (year_offset, years_back, determiner) {
                (Some(offset), ..) => Placement::Year(offset),
                (None, Some(back), _) => Placement::Year(back),
                (None, None, Some("last")) => Placement::Previous,
                (None, None, Some("next")) => Placement::Following,
                (None, None, Some("this")) => Placement::Current,
                _ => Placement::Nearest,
            };
            return Some(Found::new(Expression::Part(part, placement), i, end));
        }
        // No ordinal: "the quarter", "this quarter", "last quarter", "the
        // year-ago period", "the 1988 period".
        let unit = self.w(j);
        let quarter = unit == "quarter";
        let period = unit == "period";
        if !quarter && !period {
            // "year-ago", "year-earlier" alone ("year-ago levels").
            if years_back.is_some() && determiner.is_none() && j == i + 1 {
                return Some(Found::new(Expression::Period(-1), i, j));
            }
            return None;
        }
        let determiner = determiner?;
        let mut end = j + 1;
        let mut back = years_back.unwrap_or(0);
        // "the same period last year", "the quarter a year ago"
        if let Some(after) = self.phrase(end, &["last", "year"]).or_else(|| {
            self.phrase(end, &["a", "year", "ago"])
                .or_else(|| self.phrase(end, &["a", "year", "earlier"]))
        }) {
            back = -1;
            end = after;
        }
        if let Some(y) = year {
            return Some(Found::new(Expression::PeriodIn(y), i, end));
        }
        let expression = match (determiner, quarter) {
            _ if current && quarter => Expression::Shift(Unit::Quarter, 0),
            // The latest quarter is the last one finished.
            _ if latest && quarter && back == 0 => Expression::Shift(Unit::Quarter, -1),
            ("this", true) => Expression::Shift(Unit::Quarter, 0),
            ("last", true) if years_back.is_none() && !latest => {
                Expression::Shift(Unit::Quarter, -1)
            }
            ("next", true) => Expression::Shift(Unit::Quarter, 1),
            ("the" | "its" | "their" | "that" | "this", _) => Expression::Period(back),
            _ => return None,
        };
        // "the period" alone is too common to be a date unless the text
        // reports on quarters: the resolver leaves it out otherwise.
        Some(Found::new(expression, i, end))
    }

    fn year_after_fiscal(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, "fiscal") { i + 1 } else { i };
        self.year_at(j)
    }

    /// Seasons: "this summer", "last fall", "the winter of 1994",
    /// "summer 1998", "early summer".
    fn season(&self, i: usize) -> Option<Found> {
        let (modifier, mut j) = match self.position(i) {
            Some((m, j)) => (Some(m), j),
            None => (None, i),
        };
        let mut placement = None;
        let mut the = false;
        if let Some((p, next)) = self.placement(j) {
            placement = Some(p);
            j = next;
        } else if self.is(j, "the") {
            the = true;
            j += 1;
            if self.any(j, &["early", "late"]) {
                j += 1;
            }
        }
        let season = Season::of_word(self.w(j))?;
        let next = j + 1;
        if let Some((year, end)) = self.year_after(next) {
            return Some(
                Found::new(Expression::Absolute(Cal::Season(year, season)), i, end)
                    .modified(modifier),
            );
        }
        if let Some((offset, end)) = self.year_offset_after(next) {
            let expression = Expression::Part(YearPart::Season(season), Placement::Year(offset));
            return Some(Found::new(expression, i, end).modified(modifier));
        }
        // A bare season needs a word that makes it one: "fall" and
        // "spring" are verbs, "the fall of" a defeat.
        let introduced = placement.is_some()
            || modifier.is_some()
            || the && !self.is(next, "of")
            || self.any(
                i.wrapping_sub(1),
                &["in", "during", "this", "since", "until", "by", "over"],
            ) && !matches!(self.w(j), "fall" | "spring");
        if !introduced || (the && self.w(j) == "fall" && self.any(next, &["in", "of"])) {
            return None;
        }
        let placement = placement.unwrap_or(Placement::Nearest);
        Some(
            Found::new(
                Expression::Part(YearPart::Season(season), placement),
                i,
                next,
            )
            .modified(modifier),
        )
    }

    /// Holidays: "Christmas", "Christmas Eve", "New Year's Day",
    /// "Thanksgiving", "Easter", "Election Day", with an optional year.
    fn holiday(&self, i: usize) -> Option<Found> {
        if !self.capitalized(i) {
            return None;
        }
        let (holiday, end) = HOLIDAYS
            .iter()
            .find_map(|(words, holiday)| self.phrase(i, words).map(|end| (*holiday, end)))?;
        let end = if self.any(end, &["day", "eve", "sunday"]) && self.capitalized(end) {
            end + 1
        } else {
            end
        };
        // "New Year" alone, and the Eve forms, are written apart.
        let holiday = match (holiday, self.w(end - 1)) {
            (Holiday::Christmas, "eve") => Holiday::ChristmasEve,
            (Holiday::NewYear, "eve") => Holiday::NewYearsEve,
            (h, _) => h,
        };
        if let Some((year, after)) = self.year_after(end)
            && let Some(date) = super::resolve::holiday_in(holiday, year)
        {
            return Some(Found::new(Expression::Absolute(Cal::Day(date)), i, after));
        }
        Some(Found::new(Expression::Holiday(holiday), i, end))
    }

    /// Days and units from the anchor or from the last time named:
    /// "yesterday", "tonight", "this morning", "last week", "this year",
    /// "late last year", "the next day", "that year", "the weekend",
    /// "the end of the month", "year-end".
    fn relative(&self, i: usize) -> Option<Found> {
        let (modifier, j) = match self.position(i) {
            Some((m, j)) => (Some(m), j),
            None => (None, i),
        };
        let word = self.w(j);
        // A part of the day before its day: "mid-afternoon yesterday".
        if let Some((part, next)) = self
            .day_part(j)
            .or_else(|| (word == "mid-afternoon").then_some((DayPart::Afternoon, j + 1)))
            && let Some(day) = self.day_word(next)
        {
            let modifier = modifier.or((word == "mid-afternoon").then_some(Modifier::Mid));
            return Some(
                Found::new(Expression::Shift(Unit::Day, day), i, next + 1)
                    .at(Some(TimeOfDay::Part(part)))
                    .modified(modifier),
            );
        }
        if let Some(day) = self.day_word(j) {
            let mut found = Found::new(Expression::Shift(Unit::Day, day), i, j + 1);
            if word == "tonight" {
                found = found.at(Some(TimeOfDay::Part(DayPart::Night)));
            } else if let Some((part, end)) = self.day_part(j + 1) {
                found = found.at(Some(TimeOfDay::Part(part)));
                found.end = end;
            }
            return Some(found.modified(modifier));
        }
        if word == "year-end" {
            return Some(
                Found::new(Expression::Shift(Unit::Year, 0), i, j + 1)
                    .modified(Some(Modifier::End)),
            );
        }
        // "the day before yesterday"
        if let Some(end) = self.phrase(j, &["the", "day", "before", "yesterday"]) {
            return Some(Found::new(Expression::Shift(Unit::Day, -2), i, end));
        }
        if let Some(end) = self.phrase(j, &["the", "day", "after", "tomorrow"]) {
            return Some(Found::new(Expression::Shift(Unit::Day, 2), i, end));
        }
        // "the year", "the fiscal year", "the full year": the year the
        // text is about; "the year ended June 30" is a year's length.
        if self.is(j, "the") {
            let mut k = j + 1;
            if self.any(k, &["fiscal", "full", "calendar", "current", "entire"]) {
                k += 1;
            }
            if self.is(k, "year") && self.t.get(k).is_some_and(|t| t.lower() == "year") {
                if self.any(
                    k + 1,
                    &[
                        "ended", "ending", "to", "through", "before", "after", "of", "in", "when",
                        "that", "earlier", "ago",
                    ],
                ) {
                    return (k == j + 1 && self.any(k + 1, &["ended", "ending"])).then(|| {
                        Found::new(
                            Expression::Length(Length::of(Some(1), Unit::Year)),
                            i,
                            k + 1,
                        )
                    });
                }
                return Some(
                    Found::new(Expression::Shift(Unit::Year, 0), i, k + 1).modified(modifier),
                );
            }
        }
        // "the weekend", "over the weekend"
        if self.is(j, "the") && self.is(j + 1, "weekend") {
            return Some(Found::new(Expression::Weekend, i, j + 2).modified(modifier));
        }
        // "this week", "last year", "next month", "this morning", "last
        // night"; "the end of the month".
        let shift = match word {
            "this" | "current" => Some(0),
            "last" | "past" | "previous" => Some(-1),
            "next" | "coming" => Some(1),
            "the" if modifier.is_some() => Some(0),
            _ => None,
        };
        if let Some(shift) = shift {
            let next = if word == "this" && self.any(j + 1, &["past", "coming"]) {
                j + 2
            } else {
                j + 1
            };
            let shift = match self.w(j + 1) {
                "past" if word == "this" => -1,
                "coming" if word == "this" => 1,
                _ => shift,
            };
            if let Some((part, end)) = self.day_part(next)
                && !self.w(next).ends_with('s')
            {
                // "this morning", "last night"
                let day = if shift < 0 && part == DayPart::Night {
                    -1
                } else {
                    0
                };
                if shift > 0 {
                    return None;
                }
                return Some(
                    Found::new(Expression::Shift(Unit::Day, day), i, end)
                        .at(Some(TimeOfDay::Part(part)))
                        .modified(modifier),
                );
            }
            let unit_word = self.w(next);
            // "This Week", "Next Month": a title, not a time.
            if self.capitalized(next) && self.capitalized(j) && j > 0 {
                return None;
            }
            let unit = match unit_word {
                "week" => Unit::Week,
                "weekend" => Unit::Weekend,
                "month" => Unit::Month,
                "year" => Unit::Year,
                "decade" => Unit::Decade,
                _ => return None,
            };
            // "the past year", "the last decade" with "the": a length.
            if word == "past" && i == j {
                return None;
            }
            if word == "the" && shift == 0 && !matches!(unit, Unit::Month | Unit::Year | Unit::Week)
            {
                return None;
            }
            return Some(
                Found::new(Expression::Shift(unit, shift), i, next + 1).modified(modifier),
            );
        }
        // From the time last named: "the next day", "the following
        // week", "the day before", "that day", "the same day", "that
        // same year", "later that year", "the next morning".
        if self.is(j, "the") || self.is(j, "that") {
            let mut k = j + 1;
            let that = self.is(j, "that");
            let relation = match self.w(k) {
                "next" | "following" | "ensuing" | "subsequent" if !that => {
                    k += 1;
                    Some(1)
                }
                "previous" | "preceding" | "prior" if !that => {
                    k += 1;
                    Some(-1)
                }
                "same" => {
                    k += 1;
                    Some(0)
                }
                _ if that => Some(0),
                _ => None,
            };
            let mut shift = relation?;
            let unit = match self.w(k) {
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                "morning" | "afternoon" | "evening" | "night" => Unit::Day,
                _ => return None,
            };
            let part = DayPart::of_word(self.w(k)).map(TimeOfDay::Part);
            let mut end = k + 1;
            // "the day before", "the day after"
            if self.is(j, "the")
                && relation == Some(0)
                && self.w(k) == "day"
                && self.is(j + 1, "day")
            {
                return None;
            }
            if self.is(j, "the") && shift == 0 && !self.is(j + 1, "same") {
                return None;
            }
            if self.is(j + 1, "day") || self.is(j + 1, "night") {
                match self.w(end) {
                    "before" if self.is(j, "the") => {
                        shift = -1;
                        end += 1;
                    }
                    "after" if self.is(j, "the") => {
                        shift = 1;
                        end += 1;
                    }
                    _ => {}
                }
            }
            if shift == 0 && self.is(j, "the") && relation != Some(0) {
                return None;
            }
            return Some(
                Found::new(Expression::Later(unit, shift), i, end)
                    .at(part)
                    .modified(modifier),
            );
        }
        if self.is(j, "the") {
            return None;
        }
        None
    }

    /// "yesterday" (-1), "today", "tonight" (0), "tomorrow" (1).
    fn day_word(&self, i: usize) -> Option<i32> {
        match self.w(i) {
            "yesterday" => Some(-1),
            "today" | "tonight" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        }
    }

    /// Lengths of time, and units counted back or on: "three days",
    /// "about three hours", "the past two months", "the first nine
    /// months", "2 1/2 years", "a 10-year", "8-month-old", "two years
    /// ago", "a year earlier", "three days later", "for years", "in
    /// recent weeks".
    fn length(&self, i: usize) -> Option<Found> {
        if let Some(found) = self.compound_length(i) {
            return Some(found);
        }
        let (modifier, mut j) = match self.qualifier(i) {
            // "over the next three quarters": a preposition.
            Some((_, j))
                if self.is(j, "the")
                    && matches!(self.w(i), "over" | "within" | "under" | "around") =>
            {
                return None;
            }
            Some((m, j)) => (Some(m), j),
            None => (None, i),
        };
        let mut the = false;
        if self.any(j, &["the", "its", "their", "his", "her", "our", "another"]) {
            the = true;
            j += 1;
        }
        let mut positioned = false;
        if self.any(j, LENGTH_POSITIONS) && !self.is(j, "few") {
            positioned = true;
            j += 1;
        }
        let count = self.count(j);
        let (unit, plural, mut end) = match count {
            Some(c) => self.unit(c.end)?,
            None => self.unit(j)?,
        };
        let unit_word = self.w(end - 1);
        let count = match count {
            Some(c) => c,
            // No count: plural units only, after a position or "for"/"in".
            None => {
                if !plural {
                    return None;
                }
                let introduced = positioned
                    || (i == j && self.any(i.wrapping_sub(1), &["for", "in", "over", "within"]));
                if !introduced || unit == Unit::Weekend {
                    return None;
                }
                // "years ago", "in recent years": the past, unmeasured.
                let recent = self.any(j.wrapping_sub(1), &["recent", "past"]) && j == i + 1;
                if self.is(end, "ago") {
                    return Some(Found::new(Expression::Ref(Ref::Past), i, end + 1));
                }
                if recent && matches!(unit, Unit::Year | Unit::Decade) {
                    return Some(Found::new(Expression::Ref(Ref::Past), i, end));
                }
                return Some(
                    Found::new(Expression::Length(Length::of(None, unit)), i, end)
                        .modified(modifier),
                );
            }
        };
        if count.article && !the && !positioned {
            // "$5 a year", "twice a week": a rate, read by `set`.
            let before = self.before(i);
            let rate = i
                .checked_sub(1)
                .is_some_and(|b| self.t[b].kind == TokenKind::Number)
                || matches!(before, "once" | "twice" | "thrice" | "times" | "per" | "%")
                || lexicon::number_value(before).is_some();
            if rate {
                return None;
            }
            // "a second", "a minute" as in a moment, and "a quarter of".
            if matches!(unit, Unit::Second | Unit::Quarter) {
                return None;
            }
        }
        if unit == Unit::Second && count.n == Some(2) && !plural && self.w(j) != "2" {
            return None;
        }
        if unit == Unit::Quarter && self.is(end, "of") {
            return None;
        }
        let mut half = count.half;
        if let Some(after) = self.phrase(end, &["and", "a", "half"]) {
            half = true;
            end = after;
        }
        let n = count.n;
        let length = match (n, half) {
            (Some(n), true) => Length::and_a_half(n, unit),
            (n, false) => Length::of(n, unit),
            (None, true) => Length::of(None, unit),
        };
        // Counted from now or from the time last named.
        let steps = n.and_then(|n| i32::try_from(n).ok()).filter(|_| !half);
        let shift_unit = match unit {
            Unit::Weekend => Unit::Week,
            u => u,
        };
        match self.w(end) {
            "ago" if !the && !positioned => {
                let found = match steps {
                    Some(n) => Found::new(
                        Expression::Ago(granular(shift_unit), -n * scale(shift_unit)),
                        i,
                        end + 1,
                    ),
                    None => Found::new(Expression::Ref(Ref::Past), i, end + 1),
                };
                return Some(found.modified(modifier));
            }
            "earlier" | "later"
                if !the
                    && !positioned
                    && matches!(
                        unit,
                        Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century
                    ) =>
            {
                let sign = if self.is(end, "earlier") { -1 } else { 1 };
                if let Some(n) = steps {
                    return Some(
                        Found::new(
                            Expression::Later(granular(shift_unit), sign * n * scale(shift_unit)),
                            i,
                            end + 1,
                        )
                        .modified(modifier),
                    );
                }
            }
            "from" if self.is(end + 1, "now") && !the => {
                if let Some(n) = steps {
                    return Some(
                        Found::new(
                            Expression::Shift(granular(shift_unit), n * scale(shift_unit)),
                            i,
                            end + 2,
                        )
                        .modified(modifier),
                    );
                }
            }
            // Ages are not times.
            "old" => return None,
            "or" if self.is(end + 1, "so") => end += 2,
            _ => {}
        }
        // "1 hour, 30 minutes", "two hours and 15 minutes": one length.
        let (length, end) = match (n, half) {
            (Some(n), false) => self
                .smaller_part(n, unit, unit_word, end)
                .unwrap_or((length, end)),
            _ => (length, end),
        };
        // "in the next two years or so"
        Some(Found::new(Expression::Length(length), i, end).modified(modifier))
    }

    /// The smaller unit a length of `n` `unit` (written `unit_word`) goes
    /// on with at `at`, read as the figures' scanner reads it
    /// ([`quantity::smaller_part`]), and where it ends: "1 hour, 30
    /// minutes", "two hours and 15 minutes", "a year and two months". A
    /// unit as large after it is another length ("two days, three days").
    fn smaller_part(
        &self,
        n: u32,
        unit: Unit,
        unit_word: &str,
        at: usize,
    ) -> Option<(Length, usize)> {
        let (_, larger) = time_unit(unit_word)?;
        let (value, name, _, end) = quantity::smaller_part(self.t, at, larger)?;
        let small = Unit::of_word(name)?;
        let m = (value.fract() == 0.0).then_some(value as u32)?;
        let length = Length {
            parts: [Some((Some(n), unit)), Some((Some(m), small))],
        };
        Some((length, end))
    }

    /// One token: "two-day", "10-year", "52-week", "day-long",
    /// "decades-long", "8-month-old", "twenty-four-hour".
    fn compound_length(&self, i: usize) -> Option<Found> {
        let token = self.t.get(i)?;
        if token.kind != TokenKind::Word || !token.text.contains('-') {
            return None;
        }
        let parts: Vec<&str> = token.lower().split('-').collect();
        let mut k = parts.len();
        // Ages ("35-year-old") are not times.
        if parts[k - 1] == "old" {
            return None;
        }
        if parts[k - 1] == "long" {
            k -= 1;
        }
        if k == 0 {
            return None;
        }
        let unit = Unit::of_word(parts[k - 1])?;
        let numbers = &parts[..k - 1];
        let plural = parts[k - 1].ends_with('s');
        let count = match numbers {
            // "day-long" is a day; "decades-long" some decades.
            [] if k < parts.len() && !plural => Some(1),
            [] if k < parts.len() => None,
            [] => return None,
            [digits] if digits.bytes().all(|b| b.is_ascii_digit()) => {
                Some(digits.parse::<u32>().ok()?)
            }
            [word] => match *word {
                "one" | "a" => Some(1),
                "several" | "multi" | "many" => None,
                w => Some(lexicon::number_value(w)? as u32),
            },
            [tens, units] => Some(lexicon::number_value(&format!("{tens}-{units}"))? as u32),
            _ => return None,
        };
        if count.is_some() && plural {
            return None;
        }
        Some(Found::new(
            Expression::Length(Length::of(count, unit)),
            i,
            i + 1,
        ))
    }

    /// Sets: "daily", "annually", "every day", "each year", "every two
    /// years", "each Thursday", "on Mondays", "Tuesday nights", "each
    /// July", "every winter", "$5 a year".
    fn set(&self, i: usize) -> Option<Found> {
        let word = self.w(i);
        let every = |n: u32, unit: Unit, end: usize| {
            Some(Found::new(
                Expression::Every(Recurrence::Every(n, unit)),
                i,
                end,
            ))
        };
        match word {
            "daily" | "nightly" => return every(1, Unit::Day, i + 1),
            "weekly" => return every(1, Unit::Week, i + 1),
            "monthly" => return every(1, Unit::Month, i + 1),
            "yearly" => return every(1, Unit::Year, i + 1),
            "hourly" => return every(1, Unit::Hour, i + 1),
            _ => {}
        }
        // Plural weekdays: "Mondays", "Tuesday nights".
        if let Some(found) = self.weekdays(i) {
            return Some(found);
        }
        if matches!(word, "every" | "each" | "per") {
            let mut j = i + 1;
            let mut n = 1;
            if self.is(j, "other") {
                n = 2;
                j += 1;
            } else if let Some(c) = self.count(j).filter(|c| c.n.is_some() && !c.article) {
                n = c.n.unwrap_or(1);
                j = c.end;
            }
            if let Some(day) = self.weekday(j) {
                let mut found = Found::new(Expression::Every(Recurrence::Weekday(day)), i, j + 1);
                if let Some((part, end)) = self.day_part(j + 1) {
                    found = found.at(Some(TimeOfDay::Part(part)));
                    found.end = end;
                }
                return Some(found);
            }
            if let Some((m, _, end)) = self.month(j) {
                return Some(Found::new(Expression::Every(Recurrence::Month(m)), i, end));
            }
            if let Some(season) = Season::of_word(self.w(j)) {
                return Some(Found::new(
                    Expression::Every(Recurrence::Season(season)),
                    i,
                    j + 1,
                ));
            }
            if let Some((unit, _, end)) = self.unit(j) {
                if word == "each" && self.is(end, "of") {
                    return None;
                }
                return every(n, unit, end);
            }
            if let Some(part) = DayPart::of_word(self.w(j)) {
                let _ = part;
                return every(1, Unit::Day, j + 1);
            }
            return None;
        }
        // "twice a year", "$5 a month"
        if matches!(word, "a" | "an") {
            let before = self.before(i);
            let rate = i
                .checked_sub(1)
                .is_some_and(|b| self.t[b].kind == TokenKind::Number)
                || matches!(before, "once" | "twice" | "thrice" | "times")
                || lexicon::number_value(before).is_some();
            let (unit, plural, end) = self.unit(i + 1)?;
            if rate && !plural && end == i + 2 {
                return every(1, unit, end);
            }
        }
        None
    }

    fn weekdays(&self, i: usize) -> Option<Found> {
        let token = self.t.get(i)?;
        if !token.capitalized() {
            return None;
        }
        let word = token.lower();
        let singular = word.strip_suffix('s')?;
        let day = WEEKDAYS.iter().position(|d| *d == singular)?;
        let day = Weekday::try_from(day as u8).ok()?;
        Some(Found::new(
            Expression::Every(Recurrence::Weekday(day)),
            i,
            i + 1,
        ))
    }

    /// A plural weekday with a part of day ("Tuesday nights"), or a set
    /// of them, is read by `set`; this reads the present, the past and
    /// the future: "now", "currently", "recently", "the past", "in the
    /// future", "soon", "the near future".
    fn reference(&self, i: usize) -> Option<Found> {
        let word = self.w(i);
        let found = |r: Ref, end: usize| Some(Found::new(Expression::Ref(r), i, end));
        match word {
            "now" | "currently" | "nowadays" => found(Ref::Present, i + 1),
            "these" if self.is(i + 1, "days") => found(Ref::Present, i + 2),
            "recently" | "lately" => found(Ref::Past, i + 1),
            "the" => match self.w(i + 1) {
                "future" => found(Ref::Future, i + 2),
                "near" | "foreseeable" | "distant" if self.is(i + 2, "future") => {
                    found(Ref::Future, i + 3)
                }
                "near" | "short" | "long" | "longer" | "medium" if self.is(i + 2, "term") => {
                    found(Ref::Future, i + 3)
                }
                "past"
                    if !self.t.get(i + 2).is_some_and(|t| {
                        t.kind == TokenKind::Number
                            || lexicon::number_value(t.lower()).is_some()
                            || Unit::of_word(t.lower()).is_some()
                            || matches!(t.lower(), "few" | "several")
                    }) =>
                {
                    found(Ref::Past, i + 2)
                }
                _ => None,
            },
            // "current" before a unit is read by the families of units.
            "current" if Unit::of_word(self.w(i + 1)).is_none() => found(Ref::Present, i + 1),
            _ => None,
        }
    }

    /// Clock times and parts of the day: "10:35 a.m.", "around 7:15
    /// p.m.", "noon", "midnight Friday", "10 p.m. Wednesday", "5 p.m.
    /// EST, Nov. 6", "4 in the morning", "the morning", "overnight".
    fn clock(&self, i: usize) -> Option<Found> {
        let (modifier, j) = match self.qualifier(i) {
            Some((m, j)) if m == Modifier::Approx => (Some(m), j),
            _ => (None, i),
        };
        let (hour, minute, mut end) = match self.w(j) {
            "noon" | "midday" => (12, 0, j + 1),
            "midnight" => (24, 0, j + 1),
            _ => match self.kind(j) {
                Some(TokenKind::Clock | TokenKind::Number) => {
                    if let Some(t) = clock::time_at(self.t, j) {
                        let local = t.local as u32;
                        (local / 60, local % 60, t.tokens.1)
                    } else if let Some(h) = self.number(j).filter(|h| (1..=12).contains(h)) {
                        // "4 in the morning", "6 o'clock"
                        if let Some(end) = self.phrase(j + 1, &["in", "the", "morning"]) {
                            (h % 12, 0, end)
                        } else if let Some(end) = self
                            .phrase(j + 1, &["in", "the", "afternoon"])
                            .or_else(|| self.phrase(j + 1, &["in", "the", "evening"]))
                        {
                            (h % 12 + 12, 0, end)
                        } else if self.is(j + 1, "o'clock") {
                            (h, 0, j + 2)
                        } else {
                            return self.day_part_alone(i);
                        }
                    } else {
                        return None;
                    }
                }
                _ => return self.day_part_alone(i),
            },
        };
        let time = Some(TimeOfDay::Clock(hour, minute));
        // A day after it: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6".
        let mut k = end;
        if self.is(k, ",") {
            k += 1;
        }
        if let Some(day) = self
            .calendar(k)
            .filter(|f| day_granular(f.expression) && f.time.is_none())
        {
            return Some(Found { start: i, ..day }.at(time).modified(modifier));
        }
        if let Some(day) = self.day_word(k) {
            end = k + 1;
            return Some(
                Found::new(Expression::Shift(Unit::Day, day), i, end)
                    .at(time)
                    .modified(modifier),
            );
        }
        Some(
            Found::new(Expression::SameDay, i, end)
                .at(time)
                .modified(modifier),
        )
    }

    /// "the morning", "overnight", "mid-afternoon".
    fn day_part_alone(&self, i: usize) -> Option<Found> {
        let (modifier, j) = match self.w(i) {
            "mid-afternoon" => {
                return Some(
                    Found::new(Expression::SameDay, i, i + 1)
                        .at(Some(TimeOfDay::Part(DayPart::Afternoon)))
                        .modified(Some(Modifier::Mid)),
                );
            }
            "overnight" => {
                return Some(
                    Found::new(Expression::SameDay, i, i + 1)
                        .at(Some(TimeOfDay::Part(DayPart::Night))),
                );
            }
            "mid" if self.is(i + 1, "afternoon") => (Some(Modifier::Mid), i + 1),
            "the" => (None, i + 1),
            _ => return None,
        };
        let (part, end) = self.day_part(j)?;
        if self.w(j).ends_with('s') {
            return None;
        }
        Some(
            Found::new(Expression::SameDay, i, end)
                .at(Some(TimeOfDay::Part(part)))
                .modified(modifier),
        )
    }
}

/// A day, month and year written out; off the calendar ("31 February
/// 2023", "15 March 99999") it stays as written and is not resolved.
fn full_date(year: i32, m: u32, d: u32) -> Expression {
    match chrono::NaiveDate::from_ymd_opt(year, m, d) {
        Some(date) if super::calendar::YEARS.contains(&year) => {
            Expression::Absolute(Cal::Day(date))
        }
        _ => Expression::Impossible,
    }
}

/// A word without its possessive "'s" ("Friday's" → "friday").
fn possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .filter(|base| !base.is_empty())
        .unwrap_or(word)
}

/// Whether an expression names a day (which a clock time before it
/// belongs to).
fn day_granular(expression: Expression) -> bool {
    matches!(
        expression,
        Expression::Weekday(..)
            | Expression::DayOfMonth(..)
            | Expression::WeekdayDate(..)
            | Expression::Absolute(Cal::Day(_))
    )
}

fn part_cal(part: YearPart, year: i32) -> Cal {
    match part {
        YearPart::Month(m) => Cal::Month(year, m),
        YearPart::Quarter(q) => Cal::Quarter(year, q),
        YearPart::Half(h) => Cal::Half(year, h),
        YearPart::Season(s) => Cal::Season(year, s),
    }
}

/// The granularity "n units ago" is written at: hours and finer at the
/// day (TimeML writes no clock for them), the rest at their own.
fn granular(unit: Unit) -> Unit {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Unit::Day,
        Unit::Millennium => Unit::Century,
        u => u,
    }
}

/// Steps of [`granular`]'s unit in one `unit`.
fn scale(unit: Unit) -> i32 {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => 0,
        Unit::Millennium => 10,
        _ => 1,
    }
}
