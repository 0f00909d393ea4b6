//! Quantities as news writes them: "1,200", "5,00,000", "2.5bn", "twenty-two",
//! "a dozen", "half a million", "five lakh", "Rs 1,200 crore", "200 to
//! 300", "12%", "tens of thousands", each with its qualifier ("about",
//! "more than", "at least", "up to") and what it counts ("people", "hours").
//!
//! Written here: the number-word crates read English number words but none
//! reads lakh and crore, Indian digit grouping, qualifiers or ranges, and
//! the qualifier decides whether two figures can both be true.

use super::lexicon::{
    self, currency_word, magnitude_word, measure_unit, month, number_value, scale_abbreviation,
    scale_word, small_number, time_unit,
};
use super::tokens::{Token, TokenKind};
use crate::model::words::{IRREGULAR_PLURALS, plural};
use crate::model::{Bound, FactKind};

/// One quantity found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value (seconds for durations).
    pub value: f64,
    /// Upper end of a range as written (seconds for durations).
    pub high: Option<f64>,
    /// The qualifier.
    pub bound: Bound,
    /// Every value the claim allows, lowest first: "about 500,000" allows
    /// 450,000 to 550,000; "more than 3 hours" allows 3 hours and up.
    pub range: (f64, f64),
    /// What it is counted in: "%", a currency code, a time unit, or the
    /// counted noun in the singular ("people", "soldier").
    pub unit: Option<String>,
    /// Quantity or duration.
    pub kind: FactKind,
    /// Byte span of the claim (qualifier to unit) in the sentence.
    pub span: (usize, usize),
    /// Token span of the claim, end exclusive.
    pub tokens: (usize, usize),
    /// The unit was taken from the figure before ("and at least 580,000").
    pub inherited: bool,
    /// The figure was written in words ("two", "a dozen").
    pub words: bool,
    /// For an age, whose ("geraldine alcorn", "girl"), folded to lower case.
    pub age_of: Option<String>,
}

fn currency_symbol(token: &Token) -> Option<&'static str> {
    match token.text {
        "$" => Some("USD"),
        "£" => Some("GBP"),
        "€" => Some("EUR"),
        "₹" => Some("INR"),
        "¥" => Some("JPY"),
        _ => match token.lower() {
            "rs" | "inr" => Some("INR"),
            "usd" => Some("USD"),
            "eur" => Some("EUR"),
            "gbp" => Some("GBP"),
            _ => None,
        },
    }
}

/// Qualifiers, longest first, with the bound they put on the figure.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::Bound(Bound::AtLeast)),
    (&["no", "less", "than"], Qualifier::Bound(Bound::AtLeast)),
    (&["no", "more", "than"], Qualifier::Bound(Bound::AtMost)),
    (&["in", "excess", "of"], Qualifier::Bound(Bound::MoreThan)),
    (&["a", "minimum", "of"], Qualifier::Bound(Bound::AtLeast)),
    (&["a", "maximum", "of"], Qualifier::Bound(Bound::AtMost)),
    (&["as", "many", "as"], Qualifier::Bound(Bound::AtMost)),
    (&["as", "much", "as"], Qualifier::Bound(Bound::AtMost)),
    (&["as", "few", "as"], Qualifier::Bound(Bound::AtLeast)),
    (&["more", "than"], Qualifier::Bound(Bound::MoreThan)),
    (&["greater", "than"], Qualifier::Bound(Bound::MoreThan)),
    (&["upwards", "of"], Qualifier::Bound(Bound::MoreThan)),
    (&["just", "over"], Qualifier::Bound(Bound::MoreThan)),
    (&["just", "under"], Qualifier::Nearly),
    (&["at", "least"], Qualifier::Bound(Bound::AtLeast)),
    (&["at", "most"], Qualifier::Bound(Bound::AtMost)),
    (&["up", "to"], Qualifier::Bound(Bound::AtMost)),
    (&["less", "than"], Qualifier::Bound(Bound::LessThan)),
    (&["fewer", "than"], Qualifier::Bound(Bound::LessThan)),
    (&["close", "to"], Qualifier::Nearly),
    (&["an", "estimated"], Qualifier::Bound(Bound::About)),
    (&["about"], Qualifier::Bound(Bound::About)),
    (&["around"], Qualifier::Bound(Bound::About)),
    (&["approximately"], Qualifier::Bound(Bound::About)),
    (&["roughly"], Qualifier::Bound(Bound::About)),
    (&["some"], Qualifier::Bound(Bound::About)),
    (&["estimated"], Qualifier::Bound(Bound::About)),
    (&["circa"], Qualifier::Bound(Bound::About)),
    (&["~"], Qualifier::Bound(Bound::About)),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["over"], Qualifier::Bound(Bound::MoreThan)),
    (&["above"], Qualifier::Bound(Bound::MoreThan)),
    (&["exceeding"], Qualifier::Bound(Bound::MoreThan)),
    (&["under"], Qualifier::Bound(Bound::LessThan)),
    (&["below"], Qualifier::Bound(Bound::LessThan)),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    Bound(Bound),
    /// "nearly", "almost", "close to": a little under the figure.
    Nearly,
}

/// Words before a figure that make it a label, not a count ("No. 5",
/// "Article 370", "Flight 17").
const LABELS: &[&str] = &[
    "no",
    "number",
    "article",
    "section",
    "chapter",
    "route",
    "highway",
    "flight",
    "page",
    "room",
    "level",
    "category",
    "grade",
    "stage",
    "phase",
    "version",
    "episode",
    "season",
    "round",
    "game",
    "channel",
    "week",
    "day",
    "act",
    "resolution",
    "rule",
    "bill",
    "#",
];

/// Words between a figure and the noun it counts.
const MODIFIERS: &[&str] = &[
    "more",
    "other",
    "additional",
    "new",
    "extra",
    "further",
    "young",
    "local",
    "foreign",
    "registered",
    "total",
    "full",
    "straight",
    "consecutive",
    "previous",
    "last",
    "first",
];

/// A figure read from tokens, before qualifier and unit.
#[derive(Debug, Clone, Copy)]
struct Figure {
    value: f64,
    /// Half the last written unit: "2.5 million" means 2.45–2.55 million.
    precision: f64,
    /// Order-of-magnitude phrase: the interval it spans.
    magnitude: Option<(f64, f64)>,
    /// Written as words ("five", "a dozen").
    words: bool,
    /// The scale word or abbreviation applied ("million": 10⁶), else 1.
    scale: f64,
    /// Token index just past the figure.
    next: usize,
}

fn lower<'t>(token: &'t Token) -> &'t str {
    token.lower()
}

/// Reads a figure in digits (with separators, a scale word or a glued
/// abbreviation) at token `i`.
/// A fraction written after a whole number ("2 1/2 hours"): its value
/// and the token after it. Without it the "1" would be read as a figure
/// of its own and the "2" as the whole claim. A date ("2 1/2/2019") is no
/// fraction.
fn fraction_after(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let (numerator, slash, denominator) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let glued = slash.text == "/" && slash.glued && denominator.glued;
    if numerator.glued || !glued || numerator.kind != TokenKind::Number {
        return None;
    }
    if tokens.get(i + 3).is_some_and(|t| t.glued && t.text == "/") {
        return None;
    }
    let (top, bottom): (u32, u32) = (numerator.text.parse().ok()?, denominator.text.parse().ok()?);
    (top >= 1 && top < bottom && bottom <= 16).then(|| (f64::from(top) / f64::from(bottom), i + 3))
}

fn digits_at(tokens: &[Token], i: usize) -> Option<Figure> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Number {
        return None;
    }
    // A whole number written with a leading zero ("09", "000", "0845") is
    // a code, a date's or a clock's digits or a piece of a figure split
    // by a stray space ("20, 000 people"), never a count.
    let text = token.text;
    if text.len() > 1 && text.starts_with('0') && !text.starts_with("0.") {
        return None;
    }
    let plain: String = text.chars().filter(|&c| c != ',').collect();
    let value: f64 = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let mut figure = Figure {
        value,
        precision: 0.0,
        magnitude: None,
        words: false,
        scale: 1.0,
        next: i + 1,
    };
    let unit = 10f64.powi(-(decimals as i32));
    if decimals > 0 {
        figure.precision = unit / 2.0;
    }
    if decimals == 0
        && let Some((share, next)) = fraction_after(tokens, i + 1)
    {
        figure.value += share;
        figure.next = next;
        return Some(figure);
    }
    if let Some(next) = tokens.get(i + 1) {
        let word = lower(next);
        let scale = if next.glued {
            scale_abbreviation(word)
                .filter(|_| !(word == "m" && reads_as_meters(tokens, i)))
                .or_else(|| scale_word(word))
        } else {
            scale_word(word)
        };
        if let Some(scale) = scale {
            figure.value *= scale;
            figure.scale = scale;
            figure.precision = if decimals > 0 {
                unit * scale / 2.0
            } else {
                0.0
            };
            figure.next = i + 2;
            // "1.2 million" written with a scale is a rounded figure.
            if decimals == 0 && scale >= 1e3 {
                figure.precision = 0.0;
            }
            if let Some(more) = tokens.get(i + 2).and_then(|t| scale_word(lower(t)))
                && more > scale
            {
                // "5 hundred thousand"
                figure.value *= more;
                figure.scale *= more;
                figure.next = i + 3;
            }
        }
    }
    Some(figure)
}

/// Reads a figure in words at token `i`: "twenty-two", "a dozen",
/// "two hundred and fifty thousand", "half a million", "five lakh".
fn words_at(tokens: &[Token], i: usize) -> Option<Figure> {
    let first = lower(tokens.get(i)?);
    let figure = |value: f64, scale: f64, next: usize| Figure {
        value,
        precision: 0.0,
        magnitude: None,
        words: true,
        scale,
        next,
    };
    // "a dozen", "a hundred", "a million", "half a million"
    if first == "a" || first == "an" || first == "half" {
        let mut j = i + 1;
        let mut factor = 1.0;
        if first == "half" {
            if tokens.get(j).is_some_and(|t| t.is("a") || t.is("an")) {
                j += 1;
            }
            factor = 0.5;
        }
        let word = lower(tokens.get(j)?);
        let scale = if word == "dozen" {
            12.0
        } else {
            scale_word(word).filter(|_| !word.ends_with('s'))?
        };
        return Some(figure(factor * scale, scale, j + 1));
    }
    // "a block and a half": one and a half of the noun between.
    if (first == "a" || first == "an")
        && tokens.get(i + 2).is_some_and(|t| t.is("and"))
        && tokens.get(i + 3).is_some_and(|t| t.is("a"))
        && tokens.get(i + 4).is_some_and(|t| t.is("half"))
    {
        return None;
    }
    let mut total = 0.0;
    let mut group = 0.0;
    let mut j = i;
    let mut read_any = false;
    let mut last_was_number = false;
    let mut last_scale = 1.0;
    while let Some(token) = tokens.get(j) {
        let word = lower(token);
        if let Some(value) = number_value(word) {
            if last_was_number && group % 100.0 != 0.0 {
                break;
            }
            group += value;
            last_was_number = true;
            last_scale = 1.0;
        } else if word == "dozen" && read_any {
            group *= 12.0;
        } else if let Some(scale) = scale_word(word).filter(|_| read_any) {
            if scale == 100.0 {
                group *= 100.0;
            } else {
                total += group.max(1.0) * scale;
                group = 0.0;
            }
            last_was_number = false;
            last_scale = scale;
        } else if word == "and"
            && read_any
            && tokens
                .get(j + 1)
                .is_some_and(|t| number_value(lower(t)).is_some())
            && !last_was_number
        {
            // "two hundred and fifty"
        } else {
            break;
        }
        read_any = true;
        j += 1;
    }
    if !read_any {
        return None;
    }
    // "two and a half"
    let mut value = total + group;
    if tokens.get(j).is_some_and(|t| t.is("and"))
        && tokens.get(j + 1).is_some_and(|t| t.is("a"))
        && tokens.get(j + 2).is_some_and(|t| t.is("half"))
    {
        value += 0.5;
        j += 3;
    }
    // A lone "one" is a pronoun far more often than a count.
    if j == i + 1 && first == "one" {
        return None;
    }
    Some(figure(value, last_scale, j))
}

/// "tens of thousands", "hundreds of thousands", "dozens", "thousands":
/// order of magnitude only.
fn magnitude_at(tokens: &[Token], i: usize) -> Option<Figure> {
    let first = lower(tokens.get(i)?);
    let (low, next) = if first == "tens" || first == "hundreds" {
        let of = tokens.get(i + 1)?;
        let scale = tokens
            .get(i + 2)
            .and_then(|t| magnitude_word(lower(t)))
            .filter(|_| of.is("of"));
        match scale {
            Some(scale) if scale >= 1e3 => {
                let factor = if first == "tens" { 10.0 } else { 100.0 };
                (factor * scale, i + 3)
            }
            _ => (magnitude_word(first)?, i + 1),
        }
    } else {
        (magnitude_word(first)?, i + 1)
    };
    // A magnitude word counts only when it counts something: "thousands
    // of people", "dozens were hurt"; not "the hundreds".
    if i > 0 && tokens[i - 1].is("the") {
        return None;
    }
    let high = if low == 12.0 { 100.0 } else { low * 10.0 };
    Some(Figure {
        value: low,
        precision: 0.0,
        magnitude: Some((low * 2.0, high)),
        words: true,
        scale: 1.0,
        next,
    })
}

fn figure_at(tokens: &[Token], i: usize) -> Option<Figure> {
    digits_at(tokens, i)
        .or_else(|| magnitude_at(tokens, i))
        .or_else(|| words_at(tokens, i))
}

/// The qualifier ending just before token `i`, and the token it starts at.
fn qualifier_before(tokens: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    for (words, qualifier) in QUALIFIERS {
        let n = words.len();
        if i < n {
            continue;
        }
        let start = i - n;
        if words.iter().zip(&tokens[start..i]).all(|(w, t)| t.is(w)) {
            return Some((*qualifier, start));
        }
    }
    None
}

/// Whether a figure in words names a set the reader already knows ("the
/// two leaders", "their three children") rather than claims a count.
pub fn names_a_known_set(tokens: &[Token], q: &Quantity) -> bool {
    q.words
        && q.value <= 10.0
        && q.tokens.0 > 0
        && matches!(
            tokens[q.tokens.0 - 1].lower(),
            "the" | "these" | "those" | "their" | "his" | "her" | "its" | "our" | "my" | "your"
        )
}

/// Whether a bare four-digit figure at `i` is a year rather than a count.
fn looks_like_year(tokens: &[Token], i: usize, figure: &Figure) -> bool {
    let token = &tokens[i];
    if figure.next != i + 1 || token.text.contains([',', '.']) || token.text.len() != 4 {
        return false;
    }
    if !(1800.0..=2100.0).contains(&figure.value) {
        return false;
    }
    let before = i.checked_sub(1).map(|b| lower(&tokens[b]));
    let after = tokens.get(i + 1);
    let counted = after.is_some_and(|t| {
        t.kind == TokenKind::Word
            && !t.capitalized()
            && !t.has(lexicon::FUNCTION)
            && time_unit(lower(t)).is_none()
    });
    let dated_by_before = before.is_some_and(|b| {
        matches!(
            b,
            "in" | "since"
                | "of"
                | "the"
                | "by"
                | "from"
                | "until"
                | "till"
                | "before"
                | "after"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "'s"
                | "to"
                | "and"
                | ","
                // "his 2009 speeches", "a 2016 study", "this 1998 law".
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "a"
                | "an"
                | "this"
                | "that"
        ) || month(b).is_some()
    });
    dated_by_before || !counted
}

/// Whether a figure at `i` is a day of the month next to a month name.
fn is_day_of_month(tokens: &[Token], i: usize, figure: &Figure) -> bool {
    if figure.words || figure.value > 31.0 || figure.next != i + 1 {
        return false;
    }
    let month_before = i >= 1
        && (month(tokens[i - 1].text).is_some()
            || (i >= 2 && tokens[i - 1].text == "." && month(tokens[i - 2].text).is_some()));
    let month_after = tokens.get(i + 1).is_some_and(|t| month(t.text).is_some())
        || tokens
            .get(i + 1)
            .is_some_and(|t| t.glued && matches!(t.text, "st" | "nd" | "rd" | "th"));
    month_before || month_after
}

/// Whether what follows a figure makes it a time ("1510 GMT") or a
/// street number ("3415 Neptune Ave.").
fn is_clock_or_address(tokens: &[Token], next: usize) -> bool {
    let Some(after) = tokens.get(next) else {
        return false;
    };
    if matches!(
        after.text,
        "GMT" | "UTC" | "ET" | "EST" | "EDT" | "PT" | "PST" | "PDT" | "BST" | "CET"
    ) {
        return true;
    }
    // "6 p.m.", "8 pm", "10 a.m.": a time of day, not six of anything.
    if matches!(after.lower(), "pm" | "am")
        || (matches!(after.lower(), "p" | "a")
            && tokens
                .get(next + 1)
                .is_some_and(|t| t.text == "." && t.glued)
            && tokens.get(next + 2).is_some_and(|t| t.is("m") && t.glued))
    {
        return true;
    }
    after.capitalized()
        && tokens.get(next + 1).is_some_and(|t| {
            matches!(
                t.lower().trim_end_matches('.'),
                "ave"
                    | "avenue"
                    | "st"
                    | "street"
                    | "road"
                    | "rd"
                    | "blvd"
                    | "boulevard"
                    | "drive"
                    | "dr"
                    | "lane"
                    | "ln"
                    | "way"
                    | "place"
                    | "pl"
            )
        })
}

/// Whether the figure at `i` (ending before `next`) is a resolution:
/// "1080p", either side of "1,920x1,080".
fn is_resolution(tokens: &[Token], i: usize, next: usize) -> bool {
    let glued_word = |t: &Token| t.glued && t.kind == TokenKind::Word;
    let dimension = |t: &Token| {
        t.text.len() > 1
            && t.text.starts_with(['x', '×'])
            && t.text[1..].starts_with(|c: char| c.is_ascii_digit())
    };
    if let Some(after) = tokens.get(next)
        && glued_word(after)
        && (matches!(after.text, "p" | "i") || dimension(after))
    {
        return true;
    }
    // The tokenizer cuts "x1,080" after the "1": the figure after the
    // glued comma is the rest of the second dimension.
    tokens[i].glued
        && i >= 2
        && tokens[i - 1].text == ","
        && tokens[i - 1].glued
        && dimension(&tokens[i - 2])
}

/// Whether the figure at `i` labels something rather than counts it.
fn is_label(tokens: &[Token], i: usize, figure: &Figure) -> bool {
    let Some(before) = i.checked_sub(1).map(|b| &tokens[b]) else {
        return false;
    };
    if figure.words {
        return false;
    }
    let word = before.text.trim_end_matches('.').to_ascii_lowercase();
    if LABELS.contains(&word.as_str()) {
        return true;
    }
    // A possessive name owns what the figure counts: "Israel's 144
    // settlements", "Apple's 2,000 employees" (but "Boeing's 737 Max").
    let possessive = before.text.ends_with("'s") || before.text.ends_with("’s");
    let counted_after = tokens
        .get(figure.next)
        .is_some_and(|t| t.kind == TokenKind::Word && !t.capitalized());
    if possessive && counted_after {
        return false;
    }
    // "Boeing 737", "Apollo 11": a name before a bare figure, mid-sentence.
    // (Opening a sentence, any word is capitalised: "Another 25 were
    // hurt" counts.)
    before.kind == TokenKind::Word
        && before.capitalized()
        && i >= 2
        && month(before.text).is_none()
        && tokens[i - 2].kind == TokenKind::Word
}

/// Finds the quantities in a tokenized sentence.
pub fn quantities(tokens: &[Token]) -> Vec<Quantity> {
    let mut found: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_open(&tokens[i]) {
            i += 1;
            continue;
        }
        if let Some(pair) = ages_of_two(tokens, i) {
            i = pair[0].tokens.1;
            found.extend(pair);
            continue;
        }
        let here = compound_at(tokens, i)
            .or_else(|| magnitude_word_at(tokens, i))
            .or_else(|| age_after_name(tokens, i))
            .or_else(|| aged_at(tokens, i))
            .or_else(|| age_told_at(tokens, i))
            .or_else(|| one_and_a_half_at(tokens, i))
            .or_else(|| quantity_at(tokens, i, found.last()));
        match here {
            Some(quantity) => {
                i = quantity.tokens.1;
                found.push(quantity);
            }
            None => i += 1,
        }
    }
    found
}

/// Whether any reader below may find a quantity starting at `token`:
/// the first test each of them makes, made once (most tokens start none,
/// and asking the six readers in turn was most of the scan's time).
fn may_open(token: &Token) -> bool {
    match token.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            // Words are short: a plain loop finds a hyphen sooner than
            // `contains`, which sets up a vector search for each.
            token.has(lexicon::FIGURE | lexicon::AGE_LEAD)
                || token.text.bytes().any(|b| b == b'-')
                || seismic_prefix(token.text).is_some()
        }
        TokenKind::Symbol => currency_symbol(token).is_some(),
        TokenKind::Clock => false,
    }
}

/// The figure a seismologist's magnitude word holds: "M7.5", "Mw 7.4"
/// written "Mw7.4" (moment, surface, local and body-wave magnitudes).
fn seismic_prefix(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('M')?;
    let rest = ["w", "s", "L", "l", "b"]
        .iter()
        .find_map(|scale| rest.strip_prefix(scale))
        .unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
        .then_some(rest)
}

/// An earthquake's magnitude written as one word: "a magnitude-7.8
/// quake", "the M7.5 earthquake". "M" and a figure name motorways and
/// models too ("the M25", "an M4 carbine"): only one written with its
/// tenths and followed by a quake word is a magnitude.
fn magnitude_word_at(tokens: &[Token], i: usize) -> Option<Quantity> {
    let token = &tokens[i];
    if token.kind != TokenKind::Word {
        return None;
    }
    let figure = match token.lower().strip_prefix("magnitude-") {
        Some(figure) => figure,
        None => {
            let quake_after = tokens
                .get(i + 1)
                .is_some_and(|t| QUAKES.contains(&lower(t).trim_end_matches('s')));
            seismic_prefix(token.text).filter(|f| f.contains('.') && quake_after)?
        }
    };
    let value: f64 = figure.parse().ok()?;
    if !(0.0..=10.0).contains(&value) {
        return None;
    }
    let (mut quantity, qualifier) = one_word_claim(tokens, i, value);
    quantity.unit = Some(MAGNITUDE.into());
    bound_by(&mut quantity, qualifier);
    Some(quantity)
}

/// The exact claim a figure written as one word makes (token `i`, with
/// the qualifier before it, if any, which is returned for [`bound_by`]
/// once the claim's unit and value are read): "7.4-magnitude",
/// "about 8,027-meter", "M7.5".
fn one_word_claim(
    tokens: &[Token],
    i: usize,
    value: f64,
) -> (Quantity, Option<(Qualifier, usize)>) {
    let qualifier = qualifier_before(tokens, i);
    let start = qualifier.map_or(i, |(_, q)| q);
    let quantity = Quantity {
        value,
        high: None,
        bound: Bound::Exact,
        range: (value, value),
        unit: None,
        kind: FactKind::Quantity,
        span: (tokens[start].start, tokens[i].end),
        tokens: (start, i + 1),
        inherited: false,
        words: false,
        age_of: None,
    };
    (quantity, qualifier)
}

/// Sets a one-figure claim's bound and the range it allows from the
/// qualifier read before it ("about", "at least").
fn bound_by(quantity: &mut Quantity, qualifier: Option<(Qualifier, usize)>) {
    if let Some((Qualifier::Bound(bound), _)) = qualifier {
        let value = quantity.value;
        quantity.bound = bound;
        quantity.range = match bound {
            Bound::About => (value * 0.9, value * 1.1),
            Bound::AtLeast | Bound::MoreThan => (value, f64::INFINITY),
            Bound::AtMost | Bound::LessThan => (0.0, value),
            Bound::Exact | Bound::OrderOf => quantity.range,
        };
    }
}

/// A figure joined to its unit by a hyphen: "8,027-meter", "10-year",
/// and ages: "29-year-old", "6-week-old", "Twenty-eight-year-old".
fn compound_at(tokens: &[Token], i: usize) -> Option<Quantity> {
    let token = &tokens[i];
    if token.kind != TokenKind::Word || !token.text.contains('-') {
        return None;
    }
    let lower = token.lower();
    let head = lower.split('-').next().unwrap_or_default();
    if !head.starts_with(|c: char| c.is_ascii_digit()) && small_number(head).is_none() {
        return None;
    }
    // The figure is everything before the first hyphen that leaves a
    // known unit behind: "twenty-eight" in "twenty-eight-year-old".
    if let Some(count) = compound_count(tokens, i) {
        return Some(count);
    }
    let (value, rest) = lower.match_indices('-').find_map(|(at, _)| {
        let (figure, rest) = (&lower[..at], &lower[at + 1..]);
        let value = if figure.starts_with(|c: char| c.is_ascii_digit()) {
            figure.replace(',', "").parse::<f64>().ok()?
        } else {
            number_value(figure)?
        };
        let known = rest.strip_suffix("-old").map_or_else(
            || {
                measure_unit(rest).is_some()
                    || time_unit(rest).is_some()
                    || area(rest).is_some()
                    || magnitude_compound(rest, tokens.get(i + 1))
            },
            |u| time_unit(u).is_some(),
        );
        known.then_some((value, rest))
    })?;
    let (mut quantity, qualifier) = one_word_claim(tokens, i, value);
    quantity.words = !lower.starts_with(|c: char| c.is_ascii_digit());
    if let Some(unit) = rest.strip_suffix("-old") {
        let (name, _) = time_unit(unit)?;
        quantity.unit = Some(format!("{name}s old"));
        // "Ismaël Mostefaï, a 29-year-old French citizen": one capitalised
        // word before a lower-case noun is a nationality, not the person:
        // the aside's name, if any, is whose age it is. Otherwise the name
        // after the age ("In Paris, the 29-year-old Ismael Mostefai").
        let modifier = tokens.get(i + 1).is_some_and(|t| t.capitalized())
            && tokens.get(i + 2).is_some_and(|t| {
                t.kind == TokenKind::Word && !t.capitalized() && !t.has(lexicon::FUNCTION)
            });
        quantity.age_of = if modifier {
            name_before_aside(tokens, i)
        } else {
            subject_after(tokens, i + 1).or_else(|| name_before_aside(tokens, i))
        };
    } else if let Some(unit) = measure_unit(rest).or_else(|| area(rest)) {
        quantity.unit = Some(unit.to_string());
    } else if magnitude_compound(rest, tokens.get(i + 1)) {
        quantity.unit = Some(MAGNITUDE.into());
    } else {
        let (name, seconds) = time_unit(rest)?;
        quantity.unit = Some(name.to_string());
        quantity.kind = FactKind::Duration;
        quantity.value *= seconds;
        // "a 2-minute 10-second trailer": one length, in the smaller unit.
        if let Some(part) = tokens
            .get(i + 1)
            .filter(|t| t.text.contains('-'))
            .and_then(|_| compound_at(tokens, i + 1))
            .filter(|part| part.kind == FactKind::Duration && part.value < seconds)
            && let Some((_, part_seconds)) = part.unit.as_deref().and_then(time_unit)
            && part_seconds < seconds
        {
            quantity.value += part.value;
            quantity.unit = part.unit;
            quantity.span.1 = part.span.1;
            quantity.tokens.1 = part.tokens.1;
        }
        quantity.range = (quantity.value, quantity.value);
    }
    bound_by(&mut quantity, qualifier);
    Some(quantity)
}

/// Whether a compound's unit gives an earthquake's magnitude: "a
/// 7.4-magnitude quake", "the 6.7-degree earthquake" (a degree of
/// anything else is a temperature or an angle).
fn magnitude_compound(unit: &str, next: Option<&Token>) -> bool {
    unit == MAGNITUDE || (unit == "degree" && next.is_some_and(|t| QUAKES.contains(&lower(t))))
}

/// The area a compound's unit names: "square-kilometer" in "a
/// 22,000-square-kilometer park".
fn area(unit: &str) -> Option<&'static str> {
    lexicon::area_unit(unit.strip_prefix("square-")?)
}

/// Nouns a figure joins by a hyphen that name a kind or a score rather
/// than things counted in the story: "a 3-point shot", "a 5-star hotel",
/// "a 4-door sedan".
const COMPOUND_NOT_COUNTS: &[&str] = &[
    "point", "star", "door", "hole", "seed", "round", "inning", "set", "goal", "run", "lane",
    "speed", "way", "digit", "bit", "core", "piece", "track", "part", "fold", "strong",
];

/// A count written as a digit figure joined to what it counts, before
/// what it describes: "a 30-car pileup", "a 25-vehicle pileup", "a
/// 12-member jury" (30 cars, 25 vehicles, 12 members). Figures in words
/// ("one-sided", "two-way") are idioms more often than counts.
fn compound_count(tokens: &[Token], i: usize) -> Option<Quantity> {
    let token = &tokens[i];
    let (figure, noun) = token.lower().split_once('-')?;
    let counted = figure.bytes().all(|b| b.is_ascii_digit())
        && !figure.is_empty()
        && noun.len() >= 3
        && noun.bytes().all(|b| b.is_ascii_lowercase())
        && measure_unit(noun).is_none()
        && time_unit(noun).is_none()
        && lexicon::flags(noun) & (lexicon::FUNCTION | lexicon::DATE | lexicon::FIGURE) == 0
        && !COMPOUND_NOT_COUNTS.contains(&noun)
        // "3-pronged", "2-seeded": an adjective, not a noun.
        && !noun.ends_with("ed")
        && !noun.ends_with("ing");
    // What it describes follows: a lower-case noun, not a verb's object.
    let described = tokens.get(i + 1).is_some_and(|t| {
        t.kind == TokenKind::Word && !t.capitalized() && !t.has(lexicon::FUNCTION)
    });
    if !counted || !described {
        return None;
    }
    let value: f64 = figure.parse().ok()?;
    Some(Quantity {
        value,
        high: None,
        bound: Bound::Exact,
        range: (value, value),
        unit: Some(singular(noun)),
        kind: FactKind::Quantity,
        span: (token.start, token.end),
        tokens: (i, i + 1),
        inherited: false,
        words: false,
        age_of: None,
    })
}

/// Who an age before a name belongs to: "29-year-old Geraldine Alcorn"
/// → "geraldine alcorn".
fn subject_after(tokens: &[Token], i: usize) -> Option<String> {
    let first = tokens.get(i)?;
    if first.kind != TokenKind::Word {
        return None;
    }
    if first.capitalized() {
        let end = (i..tokens.len())
            .take_while(|&j| tokens[j].kind == TokenKind::Word && tokens[j].capitalized())
            .last()?;
        let name: Vec<&str> = tokens[i..=end].iter().map(|t| t.lower()).collect();
        return Some(name.join(" "));
    }
    // "a 33-year-old hacker Oskar Reim", "the 70-year-old former mayor
    // Ana Pell": a role before the name. "an 11-year-old girl": which girl
    // is not said; such ages are not compared.
    let roles = (i..tokens.len().min(i + MAX_ROLE_WORDS))
        .take_while(|&j| {
            let t = &tokens[j];
            t.kind == TokenKind::Word && !t.capitalized() && !t.has(lexicon::FUNCTION)
        })
        .count();
    if roles > 0 && tokens.get(i + roles).is_some_and(|t| t.capitalized()) {
        return subject_after(tokens, i + roles);
    }
    None
}

/// The name an aside opened by an article follows: "Oskar Reim, a
/// 33-year-old hacker" → "oskar reim" (`i`: the age's token).
fn name_before_aside(tokens: &[Token], i: usize) -> Option<String> {
    let article = tokens.get(i.checked_sub(1)?)?;
    if !(article.is("a") || article.is("an") || article.is("the")) {
        return None;
    }
    let comma = i.checked_sub(2).filter(|&c| tokens[c].text == ",")?;
    name_ending_at(tokens, comma.checked_sub(1)?)
}

/// The name of up to four capitalised words (no month) that ends at token
/// `last`, in lower case: "Oskar Reim" → "oskar reim".
fn name_ending_at(tokens: &[Token], last: usize) -> Option<String> {
    let is_name =
        |t: &Token| t.kind == TokenKind::Word && t.capitalized() && month(t.text).is_none();
    let first = (0..=last)
        .rev()
        .take_while(|&j| is_name(&tokens[j]))
        .take(4)
        .last()?;
    let mut name: Vec<&str> = tokens[first..=last].iter().map(|t| t.lower()).collect();
    // A nickname in quotation marks between the names: Liberty “Libby”
    // German is Liberty German.
    let nickname = first >= 4
        && matches!(tokens[first - 1].text, "”" | "\"")
        && is_name(&tokens[first - 2])
        && matches!(tokens[first - 3].text, "“" | "\"")
        && is_name(&tokens[first - 4]);
    if nickname && name.len() == 1 {
        name.insert(0, tokens[first - 4].lower());
    }
    Some(name.join(" "))
}

/// An age of `value` years, written at `span` (tokens `at`), of the person
/// named `name`.
fn age(value: f64, span: (usize, usize), at: (usize, usize), name: String) -> Quantity {
    Quantity {
        value,
        high: None,
        bound: Bound::Exact,
        range: (value, value),
        unit: Some("years old".into()),
        kind: FactKind::Quantity,
        span,
        tokens: at,
        inherited: false,
        words: false,
        age_of: Some(name),
    }
}

/// Lower-case words of a role between an age and a name ("former
/// deputy mayor").
const MAX_ROLE_WORDS: usize = 3;

/// Capitalized words between a figure and the lower-case noun it counts:
/// "16 Grammy nominations", "12 Syrian soldiers" count nominations and
/// soldiers. Returns how many to skip (none when no lower-case noun
/// follows them: "3 Main Street" counts nothing).
fn proper_modifiers(tokens: &[Token], j: usize) -> usize {
    let names = (j..tokens.len().min(j + 2))
        .take_while(|&k| {
            let t = &tokens[k];
            t.kind == TokenKind::Word
                && t.capitalized()
                && t.text.chars().all(char::is_alphabetic)
                && month(t.text).is_none()
        })
        .count();
    let noun = tokens.get(j + names).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !t.capitalized()
            && t.text.chars().all(char::is_alphabetic)
            && !t.has(lexicon::FUNCTION)
    });
    if names > 0 && noun { names } else { 0 }
}

/// An age written "aged 32" or "age 32" after a name: "Oskar Reim, aged
/// 32, was arrested".
fn aged_at(tokens: &[Token], i: usize) -> Option<Quantity> {
    let word = &tokens[i];
    if !(word.is("aged") || word.is("age")) {
        return None;
    }
    let number = tokens.get(i + 1)?;
    if number.kind != TokenKind::Number || number.text.contains('.') {
        return None;
    }
    let value: f64 = number.text.parse().ok()?;
    if !(1.0..=120.0).contains(&value) {
        return None;
    }
    // The name is before the comma that opens the aside: "Reim, aged 32".
    let comma = i.checked_sub(1).filter(|&c| tokens[c].text == ",")?;
    let name = name_ending_at(tokens, comma.checked_sub(1)?)?;
    Some(age(value, (word.start, number.end), (i, i + 2), name))
}

/// An age a verb tells: "Colin Kroll dead at 34", "Kroll, who died at the
/// age of 34", "Kroll was 34." (a bare figure closing the clause). The
/// subject may be "he" or "she", kept as such for the story's names to
/// resolve (`i`: the verb's token).
fn age_told_at(tokens: &[Token], i: usize) -> Option<Quantity> {
    let verb = &tokens[i];
    let died = verb.is("died") || verb.is("dead");
    let mut at = i + 1;
    if died {
        if !tokens.get(at)?.is("at") {
            return None;
        }
        at += 1;
        if tokens.get(at)?.is("age") {
            at += 1;
        } else if tokens.get(at)?.is("the")
            && tokens.get(at + 1)?.is("age")
            && tokens.get(at + 2)?.is("of")
        {
            at += 3;
        }
    } else if !(verb.is("was") || verb.is("is")) {
        return None;
    }
    let number = tokens.get(at)?;
    if number.kind != TokenKind::Number || number.text.contains(['.', ',']) {
        return None;
    }
    let value: f64 = number.text.parse().ok()?;
    if !(1.0..=120.0).contains(&value) {
        return None;
    }
    // "Kroll was 34." but not "Kroll was 34th" or "the toll was 34 people".
    let closes = tokens
        .get(at + 1)
        .is_none_or(|t| matches!(t.text, "," | "." | ";"));
    if !closes {
        return None;
    }
    let before = i.checked_sub(1)?;
    let subject = &tokens[before];
    let name = if subject.is("he") || subject.is("she") {
        subject.lower().to_string()
    } else if died && subject.is("who") && before >= 2 && tokens[before - 1].text == "," {
        name_ending_at(tokens, before - 2)?
    } else {
        name_ending_at(tokens, before)?
    };
    // "was" tells an age only as the sentence's own statement: "by the
    // time she was 17", "when she was 29" tell an age at another time.
    let opens = tokens[..=before]
        .iter()
        .all(|t| t.capitalized() || matches!(t.text, "“" | "”" | "\""));
    if !died && !opens {
        return None;
    }
    Some(age(value, (number.start, number.end), (i, at + 1), name))
}

/// "a block and a half away", "an hour and a half": 1.5 of the noun.
fn one_and_a_half_at(tokens: &[Token], i: usize) -> Option<Quantity> {
    let article = &tokens[i];
    let noun = tokens.get(i + 1)?;
    let shape = (article.is("a") || article.is("an"))
        && noun.kind == TokenKind::Word
        && !noun.capitalized()
        && tokens.get(i + 2).is_some_and(|t| t.is("and"))
        && tokens.get(i + 3).is_some_and(|t| t.is("a"))
        && tokens.get(i + 4).is_some_and(|t| t.is("half"));
    if !shape {
        return None;
    }
    let (unit, kind, seconds) = match time_unit(noun.lower()) {
        Some((name, seconds)) => (name.to_string(), FactKind::Duration, seconds),
        None => (
            measure_unit(noun.lower()).map_or_else(|| singular(noun.lower()), str::to_string),
            FactKind::Quantity,
            1.0,
        ),
    };
    let value = 1.5 * seconds;
    Some(Quantity {
        value,
        high: None,
        bound: Bound::Exact,
        range: (value, value),
        unit: Some(unit),
        kind,
        span: (article.start, tokens[i + 4].end),
        tokens: (i, i + 5),
        inherited: false,
        words: true,
        age_of: None,
    })
}

/// One age of two people named together: "13-year-olds Liberty German
/// and Abigail Williams", "Liberty German and Abigail Williams, both 13".
/// Each person's age is a claim of its own.
fn ages_of_two(tokens: &[Token], i: usize) -> Option<[Quantity; 2]> {
    let token = &tokens[i];
    let (value, names) = if token.kind == TokenKind::Word {
        let lower = token.lower();
        let figure = lower.strip_suffix("-year-olds")?;
        let value = match figure.parse::<f64>() {
            Ok(v) => v,
            Err(_) => number_value(figure)?,
        };
        let first = subject_after(tokens, i + 1)?;
        let and = i + 1 + first.split(' ').count();
        if !tokens.get(and)?.is("and") {
            return None;
        }
        (value, [first, subject_after(tokens, and + 1)?])
    } else if token.kind == TokenKind::Number
        && i >= 4
        && tokens[i - 1].is("both")
        && tokens[i - 2].text == ","
    {
        let value: f64 = token.text.parse().ok()?;
        let closes = tokens
            .get(i + 1)
            .is_none_or(|t| matches!(t.text, "," | "." | ")" | ";") || t.is("and"));
        if !closes {
            return None;
        }
        let second = name_ending_at(tokens, i - 3)?;
        let and = (i - 3).checked_sub(second.split(' ').count())?;
        if !tokens[and].is("and") {
            return None;
        }
        (
            value,
            [name_ending_at(tokens, and.checked_sub(1)?)?, second],
        )
    } else {
        return None;
    };
    if !(1.0..=120.0).contains(&value) || value.fract() != 0.0 {
        return None;
    }
    let span = (token.start, token.end);
    Some(names.map(|name| age(value, span, (i, i + 1), name)))
}

/// An age after a name: "Salah Ali, 70, the infant's grandfather".
pub(crate) fn age_after_name(tokens: &[Token], i: usize) -> Option<Quantity> {
    let token = &tokens[i];
    if token.kind != TokenKind::Number || i < 2 || tokens[i - 1].text != "," {
        return None;
    }
    let value: f64 = token.text.parse().ok()?;
    if !(1.0..=120.0).contains(&value) || token.text.contains('.') {
        return None;
    }
    let closes = tokens
        .get(i + 1)
        .is_none_or(|t| matches!(t.text, "," | "." | ")" | ";") || t.is("and") || t.is("who"));
    if !closes {
        return None;
    }
    let name = name_ending_at(tokens, i - 2)?;
    Some(age(value, (token.start, token.end), (i, i + 1), name))
}

/// How far (in tokens) from a figure a word naming its event may be.
const EVENT_WINDOW: usize = 8;

/// The event named nearest the claim spanning tokens `span`: inside it
/// first ("230 deaths"), then outwards, the word before winning a tie,
/// stopping at a semicolon; capitalised words are names ("the Grateful
/// Dead"), not events.
pub fn event_near(tokens: &[Token], span: (usize, usize)) -> Option<&'static str> {
    let event = |t: &Token| {
        if t.has(lexicon::EVENT) && !t.capitalized() {
            lexicon::event_of(t.lower())
        } else {
            None
        }
    };
    if let Some(e) = tokens[span.0..span.1].iter().find_map(event) {
        return Some(e);
    }
    // "The death toll from the earthquake in Turkey has risen to 7,085":
    // a figure a tally rose to counts what the tally's subject names,
    // however long the subject, and not what a relative clause inside it
    // names ("the number injured in the attack that killed 12"). The
    // subject may open the sentence ("Deaths climbed to 12").
    if let Some(e) = tally_risen_to(tokens, span.0).and_then(|verb| {
        (verb.saturating_sub(TALLY_WINDOW)..verb)
            .rev()
            .take_while(|&i| tokens[i].text != ";")
            .filter(|&i| i == 0 || !matches!(tokens[i - 1].lower(), "that" | "which" | "who"))
            .find_map(|i| {
                let word = &tokens[i];
                if i == 0 && word.has(lexicon::EVENT) {
                    lexicon::event_of(word.lower())
                } else {
                    event(word)
                }
            })
    }) {
        return Some(e);
    }
    let (mut before, mut after) = (true, true);
    for distance in 1..=EVENT_WINDOW {
        if before && let Some(i) = span.0.checked_sub(distance) {
            before = tokens[i].text != ";";
            if let Some(e) = event(&tokens[i]).filter(|_| before) {
                return Some(e);
            }
        }
        let at = span.1 + distance - 1;
        if after && let Some(t) = tokens.get(at) {
            // "… according to relief agencies": the source, not the event;
            // "7,085, with 33,559 injured": a word right after another
            // figure is that figure's event ("300 people in 12 villages
            // were killed" still counts the 300).
            let anothers = at > span.1 && tokens[at - 1].kind == TokenKind::Number;
            after = t.text != ";" && !t.is("according") && !(anothers && event(t).is_some());
            if let Some(e) = event(t).filter(|_| after) {
                return Some(e);
            }
        }
    }
    None
}

/// Whether a sentence speaks of a running total: a toll, a total or a
/// tally, a count that rose ("climbed to", "has risen to") or one "so
/// far".
pub fn tells_a_total(tokens: &[Token]) -> bool {
    const TOTALS: &[&str] = &["toll", "tolls", "total", "tally", "cumulative"];
    tokens.iter().enumerate().any(|(i, t)| {
        TOTALS.contains(&t.lower())
            || (t.is("far") && i > 0 && tokens[i - 1].is("so"))
            || (t.kind == TokenKind::Number && tally_risen_to(tokens, i).is_some())
    })
}

/// How far before the verb of a tally that rose ("the death toll from …
/// has risen to") the tally's event word may be.
const TALLY_WINDOW: usize = 12;

/// The index of the verb when the figure starting at token `start` is what
/// a tally rose or came to: "risen to 7,085", "climbed to", "stood at",
/// "reached 300".
fn tally_risen_to(tokens: &[Token], start: usize) -> Option<usize> {
    const ROSE_TO: &[&str] = &[
        "rose",
        "risen",
        "rises",
        "rise",
        "climbed",
        "climbs",
        "jumped",
        "increased",
        "grew",
        "soared",
        "mounted",
    ];
    let before = |n: usize| start.checked_sub(n).map(|i| (i, tokens[i].lower()));
    let (i, word) = before(1)?;
    if matches!(word, "reached" | "hit" | "topped") {
        return Some(i);
    }
    let (j, verb) = before(2)?;
    let linked = match word {
        "to" => ROSE_TO.contains(&verb),
        "at" => matches!(verb, "stood" | "stands"),
        _ => false,
    };
    linked.then_some(j)
}

/// Whether a quantity counts a part of a figure given before it:
/// "killing more than 50,000, including over 6,000 in Syria", "144
/// dead, among them 64 at a checkpoint", "six of those arrested". A part
/// is never the same count as the whole, so the two are never set
/// against each other.
pub fn counts_a_part(tokens: &[Token], q: &Quantity) -> bool {
    let start = q.tokens.0;
    let before = |n: usize| start.checked_sub(n).and_then(|i| tokens.get(i));
    let one = before(1).is_some_and(|t| t.is("including") || t.is("incl"));
    let two = matches!(
        (before(2), before(1)),
        (Some(a), Some(b)) if (a.is("among") && (b.is("them") || b.is("whom")))
            || (a.is("of") && (b.is("whom") || b.is("which") || b.is("them")))
    );
    // "guilty on four of five charges": the five are the set the four
    // are picked from, not what the event counts.
    let set_picked_from = matches!(
        (before(2), before(1)),
        (Some(n), Some(of)) if of.is("of")
            && (n.kind == TokenKind::Number || crate::model::words::is_number_word(n.lower()))
    );
    // "82 percent of the seats": a share names its whole after "of", not
    // a set it is picked from (see `whole` in compare).
    let share = q.unit.as_deref() == Some("%");
    one || two
        || (!share
            && (set_picked_from
                || picks_from_a_set(tokens, q.tokens.1)
                || names_its_set(tokens, q)))
}

/// Whether a partitive count read whole ("eight of the children") goes on
/// to name the set it is picked from, as the object of a preposition:
/// "the parents of eight of the children killed in the shooting", "for
/// three of the hostages who died". Where the partitive is what happened
/// ("forces killed two of the gunmen", "three of the hostages died on
/// Sunday") it is the count.
fn names_its_set(tokens: &[Token], q: &Quantity) -> bool {
    const PARTICIPLES: &[&str] = &["slain", "hurt", "held", "taken", "dead", "missing"];
    const RELATIVES: &[&str] = &["who", "that", "whose", "whom"];
    const AFTER_A_PARTICIPLE: &[&str] = &[
        "in", "at", "on", "by", "during", "when", "since", "last", "this", ",", ".", ";",
    ];
    const GOVERNING: &[&str] = &["of", "for", "to", "with", "among", "from", "about"];
    let governed = q
        .tokens
        .0
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| GOVERNING.contains(&t.lower()));
    let partitive = (q.tokens.0 + 1..q.tokens.1).any(|of| picks_from_a_set(tokens, of));
    let Some(next) = tokens.get(q.tokens.1) else {
        return false;
    };
    let participle = (next.lower().ends_with("ed") || PARTICIPLES.contains(&next.lower()))
        && tokens
            .get(q.tokens.1 + 1)
            .is_none_or(|t| AFTER_A_PARTICIPLE.contains(&t.lower()));
    governed && partitive && (participle || RELATIVES.contains(&next.lower()))
}

/// Verbs before a figure that make it a forecast ("forecasters predict
/// 10 inches", "the fine could reach $2 million", "the next phase will
/// cover 23,000 square miles"), matched as written: "May" is a month,
/// "Will" a name.
const FORECASTING: &[&str] = &[
    "expect", "expects", "predict", "predicts", "could", "may", "might", "will",
];

/// Participles that make a figure a forecast when "to" follows them ("is
/// expected to rise as much as 7 feet"); before a noun they name a
/// figure that is itself known ("the projected $4.4 trillion surplus").
const FORECAST_TO: &[&str] = &[
    "expected",
    "projected",
    "predicted",
    "forecast",
    "forecasted",
];

/// Tokens before a figure looked at for a word that makes it a forecast.
const FORECAST_WINDOW: usize = 6;

/// Words that open a clause of its own between a forecasting word and a
/// figure ("expect more rain after 12 inches fell", "could not say why 12
/// people died").
const CLAUSE_OPENERS: &[&str] = &[
    "after", "before", "why", "how", "when", "because", "that", "since", "while", "if", "where",
    "as",
];

/// Whether a quantity is said of what is expected, not of what happened:
/// a forecasting word before it in its clause, not denied ("could not").
pub fn forecast(tokens: &[Token], q: &Quantity) -> bool {
    let start = q.tokens.0.min(tokens.len());
    let first = (0..start)
        .rev()
        .take(FORECAST_WINDOW)
        .take_while(|&i| {
            !matches!(tokens[i].text, "," | ";" | ":" | "." | "(" | ")")
                && !CLAUSE_OPENERS.contains(&tokens[i].lower())
        })
        .last()
        .unwrap_or(start);
    let denied = |i: usize| {
        tokens
            .get(i + 1)
            .is_some_and(|t| t.is("not") || t.is("n't") || t.is("never"))
    };
    (first..start).any(|i| {
        (FORECASTING.contains(&tokens[i].text) && !denied(i))
            || (FORECAST_TO.contains(&tokens[i].lower())
                && tokens.get(i + 1).is_some_and(|t| t.is("to")))
    })
}

/// Whether a bare figure ending before token `end` is followed by a
/// partitive "of those", "of the", "of whom": "six of those arrested are
/// Klan supporters" counts some of a set counted elsewhere, not the set.
/// "Of them" is left out: "her texts, 2,400 of them" counts the whole.
fn picks_from_a_set(tokens: &[Token], end: usize) -> bool {
    const SETS: &[&str] = &["those", "these", "the", "whom"];
    matches!(
        (tokens.get(end), tokens.get(end + 1)),
        (Some(of), Some(set)) if of.is("of") && SETS.iter().any(|w| set.is(w))
    )
}

/// Reads a quantity whose figure (or currency sign) starts at token `i`.
/// `previous` is the last quantity of the sentence, whose unit an
/// elliptical figure inherits ("about 500,000 people, and at least 580,000").
fn quantity_at(tokens: &[Token], i: usize, previous: Option<&Quantity>) -> Option<Quantity> {
    let may_start = match tokens[i].kind {
        TokenKind::Number => true,
        TokenKind::Word => tokens[i].has(lexicon::FIGURE),
        TokenKind::Symbol => currency_symbol(&tokens[i]).is_some(),
        TokenKind::Clock => false,
    };
    if !may_start {
        return None;
    }
    let mut currency = None;
    let mut core = i;
    // The claim's first token before its qualifier: the figure's, or a
    // currency written before it in words ("U.S. dlrs 3.7 billion").
    let mut first = i;
    if let Some(code) = currency_symbol(&tokens[i]) {
        currency = Some(code);
        core = i + 1;
        if tokens.get(core).is_some_and(|t| t.text == "." && t.glued) {
            core += 1;
        }
    } else if tokens[i].is("us") && tokens.get(i + 1).is_some_and(|t| t.text == "$" && t.glued) {
        currency = Some("USD");
        core = i + 2;
    } else if tokens[i].kind == TokenKind::Number
        && let Some((code, lead)) = currency_written_before(tokens, i)
    {
        currency = Some(code);
        first = lead;
    }
    let mut figure = figure_at(tokens, core)?;
    if currency.is_none()
        && (looks_like_year(tokens, core, &figure)
            || is_clock_or_address(tokens, figure.next)
            || is_day_of_month(tokens, core, &figure)
            || is_label(tokens, core, &figure))
    {
        return None;
    }
    // A screen's resolution ("1080p") or size in pixels ("1,920x1,080")
    // names a format, not a count.
    if is_resolution(tokens, core, figure.next) {
        return None;
    }
    // Ordinals ("3rd") and decades ("1990s") are not counts.
    if let Some(next) = tokens.get(figure.next)
        && next.glued
        && next.kind == TokenKind::Word
        && matches!(next.text, "st" | "nd" | "rd" | "th" | "s")
    {
        return None;
    }
    let mut end = figure.next;
    // Abbreviated scale after a currency: "$5 m", "Rs 300 cr".
    if currency.is_some()
        && !figure.words
        && let Some(scale) = tokens.get(end).and_then(|t| scale_abbreviation(lower(t)))
    {
        figure.value *= scale;
        end += 1;
    }
    // Ranges: "200 to 300", "200-300", "between 200 and 300".
    let mut high = None;
    let between = core >= 1 && tokens[core - 1].is("between");
    if let Some(joiner) = tokens.get(end)
        && (joiner.is("to")
            || joiner.text == "-"
            || joiner.text == "–"
            || (between && joiner.is("and")))
        && let Some(second) = figure_at(tokens, end + 1)
        && second.magnitude.is_none()
        && figure.magnitude.is_none()
    {
        let mut low = figure.value;
        // "2 to 3 million": the scale applies to both ends.
        if figure.scale == 1.0 && second.scale > 1.0 {
            low *= second.scale;
        }
        if second.value > low {
            figure.value = low;
            high = Some(second.value);
            end = second.next;
        }
    }
    // The qualifier before the figure (before the currency sign, if any).
    let mut qualifier = qualifier_before(tokens, if between { i - 1 } else { first });
    let start_token = match qualifier {
        Some((_, q)) => q,
        None if between => i - 1,
        None => first,
    };
    // Percent, currency words, time units, or the counted noun.
    // Where the figure ends and its unit, if any, begins.
    let figure_end = end;
    let mut unit: Option<String> = currency.map(str::to_string);
    let mut kind = FactKind::Quantity;
    let mut scale_unit = 1.0;
    if let Some(next) = tokens.get(end) {
        let word = lower(next);
        if next.text == "%" || word == "percent" || word == "pct" {
            unit = Some("%".into());
            end += 1;
        } else if word == "per" && tokens.get(end + 1).is_some_and(|t| t.is("cent")) {
            unit = Some("%".into());
            end += 2;
        } else if let Some(code) = currency_word(word)
            .filter(|_| unit.is_none())
            // "17 pounds" weighs; "5 million pounds" and "500 pounds
            // sterling" are sums.
            .filter(|&code| {
                code != "GBP"
                    || figure.scale > 1.0
                    || figure.magnitude.is_some()
                    || tokens.get(end + 1).is_some_and(|t| t.is("sterling"))
            })
        {
            unit = Some(code.into());
            end += 1;
        } else if let Some((name, seconds)) = time_unit(word) {
            // "two years ago" and "10 years old" are dates and ages.
            if tokens
                .get(end + 1)
                .is_some_and(|t| t.is("ago") || t.is("old") || t.is("earlier") || t.is("later"))
            {
                return None;
            }
            unit = Some(name.into());
            kind = FactKind::Duration;
            scale_unit = seconds;
            end += 1;
            // "1 hour, 30 minutes", "2 hours and 10 minutes": one length,
            // in the smaller unit.
            if let Some((rest, rest_unit, rest_seconds, next)) =
                smaller_part(tokens, end, seconds).filter(|_| figure.magnitude.is_none())
            {
                let per = seconds / rest_seconds;
                figure.value = figure.value * per + rest;
                figure.precision = (figure.precision * per).min(0.5);
                scale_unit = rest_seconds;
                unit = Some(rest_unit.into());
                end = next;
            }
        } else if let Some(symbol) = lexicon::symbol_unit(next.text).filter(|_| unit.is_none()) {
            // "16GB", "3.1 GHz": written in a unit's symbol, case and all.
            unit = Some(symbol.into());
            end += 1;
        } else if let Some((code, next)) = dollars_named_at(tokens, end).filter(|_| unit.is_none())
        {
            unit = Some(code.into());
            end = next;
        } else if let Some((area, next)) = area_at(tokens, end).filter(|_| unit.is_none()) {
            unit = Some(area.into());
            end = next;
        } else if unit.is_none() {
            let mut j = end;
            if figure.magnitude.is_some() && tokens.get(j).is_some_and(|t| t.is("of")) {
                j += 1;
            } else if let Some(after) = partitive(tokens, j, figure.value) {
                // "two of the gunmen": the gunmen are what is counted.
                j = after;
            }
            while tokens.get(j).is_some_and(|t| MODIFIERS.contains(&lower(t))) {
                j += 1;
            }
            j += proper_modifiers(tokens, j);
            // Three "terrorists": a word the report puts in quotation
            // marks is still what is counted, in the source's words.
            let quoted = tokens.get(j).is_some_and(|t| matches!(t.text, "\"" | "“"))
                && tokens
                    .get(j + 2)
                    .is_some_and(|t| matches!(t.text, "\"" | "”"));
            if quoted {
                j += 1;
            }
            if let Some(noun) = tokens.get(j)
                && noun.kind == TokenKind::Word
                && !noun.capitalized()
                && noun.text.chars().all(char::is_alphabetic)
                && (measure_unit(lower(noun)).is_some()
                    // "12 today", "three yesterday": when, not what.
                    || (!noun.has(lexicon::FUNCTION)
                        && !noun.has(lexicon::DATE)
                        && (!lexicon::event_of(lower(noun)).is_some_and(lexicon::counts_people)
                            || lexicon::names_things_counted(lower(noun)))
                        && !NOT_NOUNS.contains(&lower(noun))
                        // "125 northwest of Las Vegas": a distance without
                        // its unit.
                        && !lexicon::COMPASS.contains(&lower(noun))
                        // "three armed suspects": a participle before
                        // a plural describes what is counted.
                        && (!looks_participle(lower(noun))
                            || tokens.get(j + 1).is_some_and(looks_plural))))
            {
                // "millions of dollars" is a sum, as "$2 million" is.
                let mut name = measure_unit(lower(noun))
                    .or_else(|| currency_word(lower(noun)).filter(|&code| code != "GBP"))
                    .map_or_else(|| singular(lower(noun)), str::to_string);
                end = j + 1 + usize::from(quoted);
                // "20 trading days", "five major developers", "three car
                // bombs": an adjective or a singular noun before a plural
                // noun, after a figure above one, is not what is counted;
                // the plural is ("three suicide bombings" are bombings),
                // but for the messages news counts by their kind alone
                // ("2,400 text messages" are "2,400 texts").
                if figure.value > 1.0
                    && name == lower(noun)
                    && (looks_adjective(lower(noun))
                        || !(looks_plural(noun) || INVARIANT_PLURALS.contains(&lower(noun))))
                    && let Some(head) = tokens.get(end).filter(|t| looks_plural(t))
                    && !(lower(head) == "messages" && CLIPPED_MESSAGES.contains(&lower(noun)))
                {
                    name = singular(lower(head));
                    end += 1;
                }
                // "200 nautical miles" are not miles.
                if name == "mile" && lower(noun) == "nautical" {
                    name = "nautical mile".to_string();
                }
                // "120 km/h": a speed, not a length.
                if measure_unit(&name).is_some()
                    && tokens.get(end).is_some_and(|t| t.text == "/" && t.glued)
                    && let Some(per) = tokens
                        .get(end + 1)
                        .filter(|t| t.glued && t.kind == TokenKind::Word)
                {
                    name = format!("{}/{}", lower(noun), lower(per));
                    end += 2;
                }
                // "2.1 children per woman", "20 beats per minute": a rate,
                // never the same thing as a count of children or beats.
                if tokens.get(end).is_some_and(|t| t.is("per"))
                    && let Some(per) = tokens.get(end + 1)
                    && per.kind == TokenKind::Word
                    // "12 arrests per Reuters" names a source.
                    && !per.capitalized()
                    && !per.has(lexicon::FUNCTION)
                {
                    name = format!("{name} per {}", lower(per));
                    end += 2;
                }
                unit = Some(name);
            }
        }
    }
    // An earthquake's strength is a unit of its own: "magnitude 7.4",
    // "a magnitude of 7.8", "7.4 on the Richter scale".
    let decimal = tokens[core].text.contains('.');
    let mut start_token = start_token;
    let read = (start_token, figure_end, end);
    match magnitude_around(tokens, read, figure.value, decimal, unit.as_deref()) {
        Some((from, to)) if currency.is_none() => {
            unit = Some(MAGNITUDE.into());
            kind = FactKind::Quantity;
            scale_unit = 1.0;
            end = to;
            // "up to magnitude 4.8": the qualifier before the word.
            if from < start_token
                && qualifier.is_none()
                && let Some(before) = qualifier_before(tokens, from)
            {
                qualifier = Some(before);
                start_token = before.1;
            } else {
                start_token = from;
            }
        }
        // "9 magnitude" cut from "5. 9 magnitude" is no magnitude read.
        _ if unit.as_deref() == Some(MAGNITUDE) => unit = None,
        _ => {}
    }
    let mut inherited = false;
    // "about 500,000 people, and at least 580,000": a bare figure joined
    // to the one before by a list word counts the same thing; "which
    // included 12", "(71)", "13 Oscar nominations" do not.
    let listed = |previous: &Quantity| {
        previous.tokens.1 <= start_token
            && start_token - previous.tokens.1 <= 3
            && tokens[previous.tokens.1..start_token]
                .iter()
                .all(|t| matches!(t.lower(), "," | "and" | "or" | "to" | "but" | "while"))
            && !tokens.get(end).is_some_and(|t| t.capitalized())
    };
    if unit.is_none()
        && let Some(previous) = previous
        && listed(previous)
    {
        inherited = true;
        unit = previous.unit.clone();
        kind = previous.kind;
        scale_unit = match previous.unit.as_deref().and_then(time_unit) {
            Some((_, seconds)) => seconds,
            None => 1.0,
        };
    }
    let value = figure.value * scale_unit;
    let high = high.map(|h| h * scale_unit);
    let precision = figure.precision * scale_unit;
    let (bound, range) = match (qualifier.map(|(q, _)| q), figure.magnitude, high) {
        (_, Some((low, top)), _) => (Bound::OrderOf, (low, top)),
        (None, None, Some(h)) => (Bound::Exact, (value, h)),
        (None, None, None) => (Bound::Exact, (value - precision, value + precision)),
        (Some(Qualifier::Nearly), _, _) => (Bound::About, (value * 0.85, value + precision)),
        (Some(Qualifier::Bound(bound)), _, h) => {
            let top = h.unwrap_or(value);
            let range = match bound {
                Bound::About => (value * 0.9, top * 1.1),
                Bound::AtLeast | Bound::MoreThan => (value - precision, f64::INFINITY),
                Bound::AtMost | Bound::LessThan => (0.0, top + precision),
                Bound::Exact | Bound::OrderOf => (value, top),
            };
            (bound, range)
        }
    };
    let last = end.max(core + 1) - 1;
    Some(Quantity {
        value,
        high,
        bound,
        range,
        unit,
        kind,
        span: (tokens[start_token].start, tokens[last].end),
        tokens: (start_token, end),
        inherited,
        words: figure.words,
        age_of: None,
    })
}

/// The unit of an earthquake's strength.
pub const MAGNITUDE: &str = "magnitude";

/// The story's earthquake, whose magnitude a figure gives (see
/// [`quake_of_magnitude`]) …
pub const EARTHQUAKE: &str = "earthquake";
/// … one of its aftershocks …
pub const AFTERSHOCK: &str = "aftershock";
/// … or another quake the story names: an earlier year's, a second one.
pub const OTHER_QUAKE: &str = "another earthquake";

/// Nouns for an earthquake, whose strength a figure before them gives
/// ("a 7.4 quake", "a 6.7-degree earthquake").
const QUAKES: &[&str] = &[
    "quake",
    "earthquake",
    "tremor",
    "temblor",
    "aftershock",
    "foreshock",
];

/// Where a figure's claim starts and ends when it gives an earthquake's
/// magnitude, from the claim read so far (its first token, the token
/// after its figure, and its end, exclusive, past the `unit` found after
/// the figure): "magnitude 7.4", "a magnitude
/// of 7.8", "7.4 magnitude", "7.4 on the Richter scale", "7.4 degrees on
/// the Richter scale", "a 7.4 quake". Magnitudes run to ten at most; a
/// count of quakes is a whole number ("six other quakes"), a magnitude
/// before "quake" is written with its tenths.
fn magnitude_around(
    tokens: &[Token],
    (mut start, figure_end, mut end): (usize, usize, usize),
    value: f64,
    decimal: bool,
    unit: Option<&str>,
) -> Option<(usize, usize)> {
    if !(0.0..=10.0).contains(&value) {
        return None;
    }
    // "6. 1 on the Richter scale": text whose decimals were split off
    // gives no magnitude to read. The sentence may have been cut at the
    // stop, leaving "7 degree quake" or "a magnitude of at least 5.": a
    // magnitude in whole numbers is read only after the word
    // ("magnitude 7 quake"), and not at a sentence's end.
    let stop = |at: usize| tokens.get(at).is_some_and(|t| t.text == ".");
    let number = |at: usize| tokens.get(at).is_some_and(|t| t.kind == TokenKind::Number);
    if (start >= 2 && stop(start - 1) && number(start - 2)) || (stop(end) && number(end + 1)) {
        return None;
    }
    let named_before = if start >= 1 && tokens[start - 1].is(MAGNITUDE) {
        Some(start - 1)
    } else if start >= 2 && tokens[start - 1].is("of") && tokens[start - 2].is(MAGNITUDE) {
        Some(start - 2)
    } else {
        None
    };
    let richter = richter_scale_at(tokens, end);
    let quake_after = |at: usize| tokens.get(at).is_some_and(|t| QUAKES.contains(&lower(t)));
    let magnitude = match unit {
        None => named_before.is_some() || richter.is_some(),
        Some(MAGNITUDE) => true,
        // "with a magnitude of 7.4 degrees", "a 6.7 degree earthquake"
        Some("degree") => named_before.is_some() || richter.is_some() || quake_after(end),
        Some(noun) if QUAKES.contains(&noun) => named_before.is_some() || decimal,
        // "a second earthquake of magnitude 7.6 struck": the word after
        // the figure is none of its unit.
        Some(_) => {
            if named_before.is_some() {
                end = figure_end;
            }
            named_before.is_some()
        }
    };
    let whole_read = named_before.is_some() && tokens.get(end).is_some_and(|t| t.text != ".");
    if !magnitude || !(decimal || whole_read) {
        return None;
    }
    if let Some(before) = named_before {
        start = before;
    }
    if let Some(after) = richter {
        end = after;
    }
    Some((start, end))
}

/// Which quake a magnitude is of, as the words around it say: the quake
/// word nearest it ("confirmed as an aftershock following the earthquake
/// measuring 7.4": the earthquake's), an aftershock's or a foreshock's
/// ("the largest of the aftershocks was magnitude 5.3"), another quake's
/// (one of a year named with "in" or before a quake word, "a magnitude 8.2
/// quake in 1939", "Great Kanto in 1923, …, and that was 7.9 magnitude";
/// one of a month named without its day, "hit by a 6.1 quake in
/// September"; one said to be a second, another or a new one), or the
/// earthquake the story is about. "Since 1999", "about 2000 homes" and
/// "at 1842 GMT" name no other quake.
pub fn quake_of_magnitude(tokens: &[Token], span: (usize, usize)) -> &'static str {
    let quake = |i: usize| {
        let word = tokens.get(i).map_or("", lower);
        let word = word.strip_suffix('s').unwrap_or(word);
        QUAKES.contains(&word).then_some(word)
    };
    let nearest = (span.0..span.1).find_map(quake).or_else(|| {
        (1..=EVENT_WINDOW).find_map(|d| {
            let before = span.0.checked_sub(d).and_then(quake);
            before.or_else(|| quake(span.1 + d - 1))
        })
    });
    let window = span.0.saturating_sub(EVENT_WINDOW)..(span.1 + EVENT_WINDOW).min(tokens.len());
    let year_of_another = |k: usize| {
        let t = &tokens[k];
        let year = t.kind == TokenKind::Number
            && t.text.len() == 4
            && t.text
                .parse::<u16>()
                .is_ok_and(|y| (1800..=2100).contains(&y));
        year && (k > 0 && tokens[k - 1].is("in") || quake(k + 1).is_some())
    };
    let month_alone = |k: usize| {
        let t = &tokens[k];
        t.kind == TokenKind::Word
            && t.capitalized()
            && month(t.text).is_some()
            && tokens
                .get(k + 1)
                .is_none_or(|next| next.kind != TokenKind::Number)
    };
    let another = |k: usize| ANOTHER_QUAKE.contains(&lower(&tokens[k]));
    match nearest {
        Some(AFTERSHOCK | "foreshock") => AFTERSHOCK,
        // A year anywhere before it in its sentence, or just after it.
        _ if (0..window.end).any(year_of_another)
            || window.clone().any(|k| month_alone(k) || another(k)) =>
        {
            OTHER_QUAKE
        }
        _ => EARTHQUAKE,
    }
}

/// Words that make a quake another than the story's: "a second
/// earthquake of magnitude 7.6", "another quake", "the previous quake".
const ANOTHER_QUAKE: &[&str] = &["second", "another", "previous", "separate", "earlier"];

/// The end of "on the Richter scale" ("on the open-ended Richter scale")
/// when it is written at `at`.
fn richter_scale_at(tokens: &[Token], at: usize) -> Option<usize> {
    if !(tokens.get(at)?.is("on") && tokens.get(at + 1)?.is("the")) {
        return None;
    }
    (at + 2..at + 4).find_map(|r| {
        (tokens.get(r)?.is("richter") && tokens.get(r + 1)?.is("scale")).then_some(r + 2)
    })
}

/// Whether `b` is the report's own conversion of a measure `a`, given
/// right after it: "13 miles (22 km)", "8,027-meter (26,330-foot)", "65
/// miles, or 105 kilometers". A conversion is the same claim again, in
/// another unit, not a claim of its own. Sums in two currencies stay two
/// claims: no rate is known to compare them by, and each may agree with
/// another report's ("$3.7 billion (4.5 billion euros)").
pub fn converts(tokens: &[Token], a: &Quantity, b: &Quantity) -> bool {
    let between = tokens.get(a.tokens.1..b.tokens.0).unwrap_or_default();
    let joined = match between {
        [open] if open.text == "(" => tokens.get(b.tokens.1).is_some_and(|t| t.text == ")"),
        [comma, or] => comma.text == "," && or.is("or"),
        _ => false,
    };
    let (Some(x), Some(y)) = (a.unit.as_deref(), b.unit.as_deref()) else {
        return false;
    };
    let (Some((class_x, size_x)), Some((class_y, size_y))) =
        (lexicon::measure_base(x), lexicon::measure_base(y))
    else {
        return false;
    };
    // A conversion gives the same size, give or take the report's
    // rounding (or its slip: "12,000 square miles (19,000 sq. kms)").
    let (base_a, base_b) = (a.value * size_x, b.value * size_y);
    joined
        && x != y
        && class_x == class_y
        && base_a > 0.0
        && base_b > 0.0
        && base_a.max(base_b) <= 2.0 * base_a.min(base_b)
}

/// A currency written in words before a figure and its scale, as
/// newswire writes sums ("U.S. dlrs 3.7 billion", "Australian dollars 6.2
/// billion"): its code and the first token of its words. Without a scale
/// word the words are too loose to read as a sum ("paid in U.S. dollars 3
/// times a year").
fn currency_written_before(tokens: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let word = lower(tokens.get(i.checked_sub(1)?)?);
    let scaled = tokens
        .get(i + 1)
        .is_some_and(|t| scale_word(lower(t)).is_some());
    if !matches!(word, "dollars" | "dlrs") || !scaled {
        return None;
    }
    let country = i
        .checked_sub(2)
        .and_then(|c| Some((lexicon::dollar_of(lower(tokens.get(c)?))?, c)));
    country.or_else(|| (word == "dlrs").then_some(("USD", i - 1)))
}

/// A country's dollars after a figure ("380 million Australian dollars",
/// "4.46 billion U.S. dollars"): the currency's code and the token past
/// it. Without this the country read as a modifier of plain dollars.
fn dollars_named_at(tokens: &[Token], j: usize) -> Option<(&'static str, usize)> {
    let mut country = j;
    // "New Zealand", "Hong Kong": the country's last word names it.
    if tokens.get(j).is_some_and(|t| t.is("new") || t.is("hong")) {
        country += 1;
    }
    let code = lexicon::dollar_of(lower(tokens.get(country)?))?;
    let dollars = tokens.get(country + 1)?;
    matches!(lower(dollars), "dollar" | "dollars" | "dlrs").then_some((code, country + 2))
}

/// An area unit from token `j`: "square miles", "sq. km", "sq km",
/// "square-kilometer"; its name and the token past it. Read before the
/// counted noun, where "square miles" had been taken for miles.
fn area_at(tokens: &[Token], j: usize) -> Option<(&'static str, usize)> {
    let word = lower(tokens.get(j)?);
    if let Some(rest) = word
        .strip_prefix("square-")
        .or_else(|| word.strip_prefix("sq-"))
    {
        return Some((lexicon::area_unit(rest)?, j + 1));
    }
    if !matches!(word, "square" | "sq") {
        return None;
    }
    let mut k = j + 1;
    if tokens.get(k).is_some_and(|t| t.text == "." && t.glued) {
        k += 1;
    }
    Some((lexicon::area_unit(lower(tokens.get(k)?))?, k + 1))
}

/// The smaller unit's part of a length told in two units, from token `i`
/// after the larger unit ("…, 30 minutes", "and 10 minutes", "45 min"):
/// its figure, unit name, seconds per unit and the token past it.
pub(super) fn smaller_part(
    tokens: &[Token],
    i: usize,
    larger_seconds: f64,
) -> Option<(f64, &'static str, f64, usize)> {
    let mut at = i;
    if tokens.get(at).is_some_and(|t| t.text == ",") {
        at += 1;
    }
    if tokens.get(at).is_some_and(|t| t.is("and")) {
        at += 1;
    }
    let figure = figure_at(tokens, at)?;
    if figure.magnitude.is_some() || figure.scale > 1.0 {
        return None;
    }
    let (name, seconds) = time_unit(lower(tokens.get(figure.next)?))?;
    (seconds < larger_seconds && figure.value * seconds < larger_seconds).then_some((
        figure.value,
        name,
        seconds,
        figure.next + 1,
    ))
}

/// Words that may follow a figure without being what it counts.
const NOT_NOUNS: &[&str] = &[
    "according",
    "said",
    "say",
    "says",
    "were",
    "was",
    "are",
    "is",
    "have",
    "had",
    "has",
    "percent",
    "times",
    "per",
    "ago",
    "old",
    "later",
    "earlier",
];

/// Whether a word reads as an adjective by its ending or is one of the
/// common ones that precede a counted noun ("major", "key").
fn looks_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ing", "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary", "ern", "ish", "ed",
    ];
    const COMMON: &[&str] = &[
        "major",
        "minor",
        "senior",
        "junior",
        "key",
        "main",
        "top",
        "big",
        "small",
        "large",
        "former",
        "possible",
        "potential",
        "known",
        "serious",
        "separate",
        "different",
        "similar",
        "current",
        "alleged",
    ];
    ENDINGS
        .iter()
        .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
        || COMMON.contains(&word)
}

/// Words after a length that say it measures something.
const MEASURING: &[&str] = &["tall", "high", "long", "wide", "deep", "across", "in"];

/// Whether the "m" glued to the figure at `i` ("15m") is meters rather
/// than millions: no currency before it, and after it a word that
/// measures ("15m high", "2m to 15m in size"), a conversion into feet
/// ("15m (49ft)") or a singular noun it describes ("a 15m yacht"; "2m
/// people" is a count). British news writes both; a currency ("£15m")
/// or a plural ("2m barrels") makes it millions.
fn reads_as_meters(tokens: &[Token], i: usize) -> bool {
    let after_currency = i
        .checked_sub(1)
        .is_some_and(|b| currency_symbol(&tokens[b]).is_some() || tokens[b].text == ".");
    if after_currency {
        return false;
    }
    let mut next = i + 2;
    // "2m to 15m in size": the range's first end is read as its last.
    if tokens
        .get(next)
        .is_some_and(|t| t.is("to") || t.text == "-")
        && tokens
            .get(next + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && tokens.get(next + 2).is_some_and(|t| t.glued && t.is("m"))
    {
        next += 3;
    }
    let Some(after) = tokens.get(next) else {
        return false;
    };
    let feet = |t: &Token| t.is("ft") || t.is("feet") || t.is("foot");
    if after.text == "(" {
        return tokens
            .get(next + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
            && tokens.get(next + 2).is_some_and(feet);
    }
    MEASURING.contains(&lower(after))
        || (after.kind == TokenKind::Word
            && !after.capitalized()
            && after.text.chars().all(|c| c.is_ascii_alphabetic())
            && !looks_plural(after)
            && singular(lower(after)) == lower(after)
            // "people", "police": plural as written.
            && plural(lower(after)) != lower(after)
            && !after.has(lexicon::FUNCTION | lexicon::REPORTING | lexicon::DATE)
            && currency_word(lower(after)).is_none()
            && scale_word(lower(after)).is_none())
}

/// Whether a word after a figure reads as a verb's past participle, not
/// what the figure counts: "25 attended", "5 allowed" ("speed" and
/// "breed" are nouns; the killed and the wounded are events, read before
/// this test).
fn looks_participle(word: &str) -> bool {
    word.len() >= 5 && word.ends_with("ed") && !word.ends_with("eed")
}

/// Whether a token reads as a plural noun: a lower-case word ending in a
/// plural "s" that is no function word, verb of saying or date word.
fn looks_plural(token: &Token) -> bool {
    let word = lower(token);
    token.kind == TokenKind::Word
        && !token.capitalized()
        && word.len() >= 4
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && ((word.ends_with('s')
            && !["ss", "us", "is", "ous"]
                .iter()
                .any(|end| word.ends_with(end)))
            || men_plural(word)
            || IRREGULAR_PLURALS.iter().any(|(_, many)| *many == word))
        && !token.has(lexicon::FUNCTION | lexicon::REPORTING | lexicon::DATE)
        && !NOT_NOUNS.contains(&word)
}

/// Whether a word is the plural of a noun in "-man" ("gunmen",
/// "policemen"); a few singular nouns end alike.
fn men_plural(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with("men")
        && !["specimen", "abdomen", "regimen", "acumen", "stamen"].contains(&word)
}

/// Where the plural noun of a partitive count starts: "two of the
/// gunmen", "three of its soldiers" (not "one of the victims", a single
/// person, nor "three of the four", a part of another figure).
fn partitive(tokens: &[Token], of: usize, value: f64) -> Option<usize> {
    const DETERMINERS: &[&str] = &["the", "those", "these", "its", "their", "his", "her", "our"];
    if value <= 1.0 || !tokens.get(of)?.is("of") {
        return None;
    }
    let determiner = tokens.get(of + 1)?;
    if !DETERMINERS.contains(&lower(determiner)) {
        return None;
    }
    let mut j = of + 2;
    while tokens.get(j).is_some_and(|t| MODIFIERS.contains(&lower(t))) {
        j += 1;
    }
    tokens.get(j).filter(|t| looks_plural(t)).map(|_| j)
}

/// Plural nouns without a plural ending: "239 people disappear" counts
/// people.
const INVARIANT_PLURALS: &[&str] = &["people", "personnel", "cattle"];

/// Kinds of messages news counts by the kind alone ("texts", "emails").
const CLIPPED_MESSAGES: &[&str] = &["text", "email", "e-mail"];

/// The singular of a counted noun, for matching "soldier" and "soldiers".
fn singular(word: &str) -> String {
    if let Some((one, _)) = IRREGULAR_PLURALS.iter().find(|(_, many)| *many == word) {
        return (*one).to_string();
    }
    if men_plural(word) {
        return format!("{}man", &word[..word.len() - 3]);
    }
    // "ads", "ids"; not "gas" or "bus".
    if word.len() == 3
        && word.ends_with('s')
        && !["as", "is", "os", "us", "ss"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        return word[..2].to_string();
    }
    if word.len() > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize_static as tokenize;
    use super::*;

    type Read = (f64, Option<f64>, Bound, Option<String>, String);

    fn read(text: &'static str) -> Vec<Read> {
        let tokens = tokenize(text);
        quantities(&tokens)
            .into_iter()
            .map(|q| {
                (
                    q.value,
                    q.high,
                    q.bound,
                    q.unit,
                    text[q.span.0..q.span.1].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn an_earthquakes_magnitude_is_a_unit_of_its_own() {
        let magnitude = Some(MAGNITUDE.to_string());
        for (text, value, claim) in [
            (
                "Early Tuesday, a magnitude 7.4 quake struck.",
                7.4,
                "magnitude 7.4 quake",
            ),
            (
                "It had a preliminary magnitude of 7.8.",
                7.8,
                "magnitude of 7.8",
            ),
            (
                "The toll in the 7.4-magnitude quake rose.",
                7.4,
                "7.4-magnitude",
            ),
            ("A 4.2-magnitude aftershock followed.", 4.2, "4.2-magnitude"),
            (
                "The 6.7-degree earthquake ripped through.",
                6.7,
                "6.7-degree",
            ),
            (
                "The quake, measuring 7.4 on the open-ended Richter scale, hit.",
                7.4,
                "7.4 on the open-ended Richter scale",
            ),
            (
                "The quake, with a magnitude of 7.4 degrees on the Richter scale, hit.",
                7.4,
                "magnitude of 7.4 degrees on the Richter scale",
            ),
            (
                "Its 1999 earthquake with 7.4 magnitude was its largest.",
                7.4,
                "7.4 magnitude",
            ),
            ("A 6.1 quake shook the island.", 6.1, "6.1 quake"),
            (
                "A magnitude 7 quake shook the island.",
                7.0,
                "magnitude 7 quake",
            ),
        ] {
            let found = read(text);
            let read = found.iter().find(|r| r.3 == magnitude);
            assert!(
                read.is_some_and(|r| r.0 == value && r.4 == claim),
                "{text}: {found:?}"
            );
        }
        // Counts of quakes, degrees of heat and sums are no magnitudes.
        for text in [
            "Six other quakes struck the region.",
            "It was 7 degrees warmer on Tuesday.",
            "The magnitude of 250,000 protesters surprised officials.",
            "A 100-degree day followed.",
            // The halves of "6. 7" and "5. 9", the sentence cut between.
            "7 degree quake that left more than 31,000 dead.",
            "9 magnitude earthquake has leveled seven villages.",
            "A quake with a magnitude of at least 5.",
        ] {
            let found = read(text);
            assert!(found.iter().all(|r| r.3 != magnitude), "{text}: {found:?}");
        }
        // Text whose decimals were split off ("6. 1") gives none.
        let split = read("A quake measuring 6. 1 on the Richter scale hit.");
        assert!(split.iter().all(|r| r.3 != magnitude), "{split:?}");
        // "between 4.3 and 4.6 on the Richter scale"
        let range = read("Aftershocks between 4.3 and 4.6 on the Richter scale rocked the zone.");
        assert_eq!(range[0].1, Some(4.6));
        assert_eq!(range[0].3, magnitude);
    }

    #[test]
    fn a_magnitude_is_of_the_quake_named_nearest_it() {
        let quake = |text: &'static str| {
            let tokens = tokenize(text);
            let found = quantities(&tokens);
            let q = found
                .iter()
                .find(|q| q.unit.as_deref() == Some(MAGNITUDE))
                .unwrap_or_else(|| panic!("{text}: no magnitude"));
            quake_of_magnitude(&tokens, q.tokens)
        };
        assert_eq!(
            quake("A magnitude 7.4 quake struck on Tuesday."),
            "earthquake"
        );
        assert_eq!(
            quake("The largest of the aftershocks was magnitude 5.3."),
            "aftershock"
        );
        assert_eq!(
            quake(
                "It was an aftershock following the earthquake measuring 7.4 on the Richter scale."
            ),
            "earthquake"
        );
        assert_eq!(
            quake("The largest quake was a magnitude 8.2 quake in 1939."),
            "another earthquake"
        );
        assert_eq!(
            quake("The same island was hit by a 6.1 quake in September."),
            "another earthquake"
        );
        assert_eq!(quake("A 6.1 quake hit on September 12."), "earthquake");
        assert_eq!(
            quake("The largest was in 1923, which killed 140,000, and that was 7.9 magnitude."),
            "another earthquake"
        );
        // A second quake or a foreshock is not the story's quake revised.
        assert_eq!(
            quake("A second earthquake of magnitude 6.9 struck hours later."),
            "another earthquake"
        );
        assert_eq!(
            quake("A magnitude 7.2 foreshock hit two days earlier."),
            "aftershock"
        );
        // Numbers that are no year of another quake leave it the story's.
        for text in [
            "It was the strongest quake since 1999, at magnitude 7.1.",
            "About 2000 homes fell in the magnitude 6.4 quake.",
            "The magnitude 6.4 quake struck at 1842 GMT.",
        ] {
            assert_eq!(quake(text), "earthquake", "{text}");
        }
    }

    #[test]
    fn magnitudes_named_before_or_bounded() {
        let (value, bound, unit) = one("An earthquake of magnitude 7.6 struck the coast.");
        assert_eq!(
            (value, bound, unit.as_deref()),
            (7.6, Bound::Exact, Some(MAGNITUDE))
        );
        let (value, bound, unit) = one("Aftershocks of up to magnitude 4.8 followed.");
        assert_eq!(
            (value, bound, unit.as_deref()),
            (4.8, Bound::AtMost, Some(MAGNITUDE))
        );
    }

    #[test]
    fn magnitudes_written_as_one_word() {
        for (text, value) in [
            ("A magnitude-7.8 quake struck.", 7.8),
            ("The M7.5 earthquake struck at dawn.", 7.5),
            ("An Mw7.4 quake hit the coast.", 7.4),
        ] {
            let (read, bound, unit) = one(text);
            assert_eq!(
                (read, bound, unit.as_deref()),
                (value, Bound::Exact, Some(MAGNITUDE)),
                "{text}"
            );
        }
        // Motorways, models and codes hold no magnitude, and no figure
        // of their decimals.
        for text in [
            "Traffic on the M25 was slow.",
            "Fine particles (PM2.5) rose after the quake.",
            "He carried an M4 rifle.",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
    }

    fn one(text: &'static str) -> (f64, Bound, Option<String>) {
        let found = read(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let (value, _, bound, unit, _) = found[0].clone();
        (value, bound, unit)
    }

    #[test]
    fn areas_and_newswire_sums() {
        let unit = |text: &'static str| {
            let found = read(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let (value, _, _, unit, written) = found[0].clone();
            (value, unit.unwrap_or_default(), written)
        };
        // (sentence, value, unit, the claim as written)
        let read_as = [
            (
                "The park is almost 12,000 square miles.",
                12_000.0,
                "square mile",
                "almost 12,000 square miles",
            ),
            (
                "It covers 19,000 sq. kms of wetland.",
                19_000.0,
                "square kilometer",
                "19,000 sq. kms",
            ),
            (
                "the 22,000 square-kilometer Kakadu National Park",
                22_000.0,
                "square kilometer",
                "22,000 square-kilometer",
            ),
            (
                "a 22,000-square-kilometer park",
                22_000.0,
                "square kilometer",
                "22,000-square-kilometer",
            ),
            (
                "It would add U.S. dlrs 3.7 billion to output.",
                3.7e9,
                "USD",
                "U.S. dlrs 3.7 billion",
            ),
            (
                "It would add Australian dollars 6.2 billion to output.",
                6.2e9,
                "AUD",
                "Australian dollars 6.2 billion",
            ),
            (
                "It cost 380 million Australian dollars.",
                3.8e8,
                "AUD",
                "380 million Australian dollars",
            ),
            (
                "It adds 4.46 billion U.S. dollars a year.",
                4.46e9,
                "USD",
                "4.46 billion U.S. dollars",
            ),
            (
                "They paid 50 New Zealand dollars each.",
                50.0,
                "NZD",
                "50 New Zealand dollars",
            ),
        ];
        for (text, value, unit_name, written) in read_as {
            assert_eq!(
                unit(text),
                (value, unit_name.to_string(), written.to_string())
            );
        }
        // Currency words before a figure with no scale say too little.
        assert_ne!(unit("They were paid in dollars 3 times.").1, "USD");
        assert_ne!(unit("They were paid in U.S. dollars 3 times.").1, "USD");
        // Speeds, nautical miles and centimetres are their own units.
        assert_eq!(unit("Winds reached 120 km/h on the coast.").1, "km/h");
        assert_eq!(unit("It was 200 nautical miles out.").1, "nautical mile");
        assert_eq!(unit("The beam is 30 centimeters thick.").1, "centimeter");
    }

    #[test]
    fn a_report_s_own_conversion_is_told_from_a_second_figure() {
        let converts_in = |text: &'static str| {
            let tokens = tokenize(text);
            let found = quantities(&tokens);
            assert_eq!(found.len(), 2, "{text}: {found:?}");
            converts(&tokens, &found[0], &found[1])
        };
        assert!(converts_in("It lies 13 miles (22 km) from Ranger."));
        assert!(converts_in("the 8,027-meter (26,330-foot) peak"));
        assert!(converts_in("It lies 65 miles, or 105 kilometers, away."));
        // Sums in two currencies, another unit of another dimension, the
        // same unit, a list, a size no conversion gives.
        assert!(!converts_in(
            "It adds U.S. dlrs 3.7 billion (Australian dollars 6.2 billion)."
        ));
        assert!(!converts_in(
            "It earned 1.2 billion Canadian dlrs, or 1.45 dlrs a share."
        ));
        assert!(!converts_in("It lies 13 miles (220 km) away."));
        assert!(!converts_in("It ran 13 miles (22 hours) in all."));
        assert!(!converts_in("It ran 13 miles (22 miles) in all."));
        assert!(!converts_in("It ran 13 miles and 22 km."));
        assert!(!converts_in("It is 13 miles (22 km from the coast)."));
    }

    #[test]
    fn a_figure_takes_the_event_of_the_tally_it_rose_to_not_the_next_figures() {
        let tokens = tokenize(
            "The death toll from the powerful earthquake in Turkey has risen to 7,085, \
             with 33,559 injured, the crisis center said.",
        );
        let found = quantities(&tokens);
        let events: Vec<_> = found
            .iter()
            .map(|q| event_near(&tokens, q.tokens))
            .collect();
        assert_eq!(events, [Some("killed"), Some("injured")]);
        let tokens = tokenize(
            "The number of dead in the quake-hit towns of the Marmara region stood at \
             3,879 on Wednesday.",
        );
        let found = quantities(&tokens);
        assert_eq!(event_near(&tokens, found[0].tokens), Some("killed"));
        // The subject's event, not a relative clause's.
        for (text, event) in [
            (
                "The number of people injured in the attack that killed 12 has risen to 45.",
                "injured",
            ),
            (
                "The toll of the quake, which injured thousands, has risen to 7,085.",
                "killed",
            ),
            ("Deaths climbed to 12 on Sunday.", "killed"),
        ] {
            let tokens = tokenize(text);
            let last = quantities(&tokens).pop().map(|q| q.tokens);
            assert_eq!(
                last.and_then(|s| event_near(&tokens, s)),
                Some(event),
                "{text}"
            );
        }
        // Past another figure, the words after a figure name its event
        // only when they do not follow that figure directly.
        let tokens = tokenize("Officials counted 7,085, with 33,559 injured.");
        let found = quantities(&tokens);
        assert_eq!(event_near(&tokens, found[0].tokens), None);
        let tokens = tokenize("At least 300 people in 12 villages were killed.");
        let found = quantities(&tokens);
        assert_eq!(event_near(&tokens, found[0].tokens), Some("killed"));
    }

    #[test]
    fn lakh_and_crore() {
        assert_eq!(
            one("About five lakh people were displaced"),
            (5e5, Bound::About, Some("people".into()))
        );
        assert_eq!(one("crops worth Rs 1,200 crore were lost").0, 1.2e10);
        assert_eq!(
            one("crops worth Rs 1,200 crore were lost").2.as_deref(),
            Some("INR")
        );
        assert_eq!(one("a fund of 5,00,000 rupees").0, 5e5);
        assert_eq!(one("3.5 lakh voters").0, 3.5e5);
        assert_eq!(one("₹2 crore").0, 2e7);
    }

    #[test]
    fn a_glued_m_is_meters_when_it_measures_and_millions_when_it_counts() {
        let meters = Some("meter".to_string());
        assert_eq!(
            one("the wall is 3m high"),
            (3.0, Bound::Exact, meters.clone())
        );
        assert_eq!(one("a 15m yacht sank").2, meters);
        assert_eq!(one("an object 15m in size").0, 15.0);
        let converted = read("an object 15m (49ft) long");
        assert_eq!(converted[0].0, 15.0, "{converted:?}");
        assert_eq!(converted[0].3, meters);
        assert_eq!(one("about 2m people fled").0, 2e6);
        assert_eq!(one("output hit 2m barrels").0, 2e6);
        assert_eq!(one("he paid £15m for it").0, 1.5e7);
    }

    #[test]
    fn digits_words_and_scales() {
        assert_eq!(one("killed 1,200 people").0, 1200.0);
        assert_eq!(one("twenty-two soldiers died").0, 22.0);
        assert_eq!(one("a dozen houses burned").0, 12.0);
        assert_eq!(one("half a million people fled").0, 5e5);
        assert_eq!(one("two hundred and fifty thousand voters").0, 250_000.0);
        assert_eq!(one("the deal was worth $2.5bn").0, 2.5e9);
        assert_eq!(one("the deal was worth $2.5bn").2.as_deref(), Some("USD"));
        assert_eq!(one("a $5 million grant").0, 5e6);
        assert_eq!(one("some 3 million people").0, 3e6);
    }

    #[test]
    fn a_number_with_a_leading_zero_is_no_figure() {
        // A phone number, a season and the thousands of a figure a stray
        // space split.
        for text in [
            "call police on 0845 125 2222",
            "through the 2008-09 season",
            "another 20, 000 people marched",
        ] {
            let found = read(text);
            assert!(
                found.iter().all(|q| !q.4.starts_with('0')),
                "{text}: {found:?}"
            );
        }
        assert_eq!(one("a blood alcohol content of 0.09 percent").0, 0.09);
    }

    #[test]
    fn qualifiers() {
        assert_eq!(one("more than 500,000 people").1, Bound::MoreThan);
        assert_eq!(one("at least 580,000 people").1, Bound::AtLeast);
        assert_eq!(one("up to 40 people").1, Bound::AtMost);
        assert_eq!(one("fewer than 10 people").1, Bound::LessThan);
        assert_eq!(one("nearly 300 people").1, Bound::About);
        assert_eq!(one("tens of thousands of people").1, Bound::OrderOf);
        assert_eq!(one("tens of thousands of people").0, 1e4);
        let text = "more than half a million people";
        assert_eq!(read(text)[0].4, text);
    }

    #[test]
    fn ranges_percentages_and_durations() {
        let found = read("between 200 and 300 people");
        assert_eq!((found[0].0, found[0].1), (200.0, Some(300.0)));
        assert_eq!(read("2 to 3 million people")[0].1, Some(3e6));
        assert_eq!(read("2 to 3 million people")[0].0, 2e6);
        assert_eq!(one("rose 12% last year").2.as_deref(), Some("%"));
        assert_eq!(one("fell 4.5 per cent").2.as_deref(), Some("%"));
        let (value, bound, unit) = one("talks lasted about three hours");
        assert_eq!(
            (value, bound, unit.as_deref()),
            (10_800.0, Bound::About, Some("hour"))
        );
    }

    #[test]
    fn not_counts() {
        for text in [
            "The war began in 1994.",
            "They met on 15 March.",
            "They met on March 15, 2023.",
            "Flight 17 was shot down.",
            "A Boeing 737 landed.",
            "Flights left from Area 51 on Monday.",
            "In his 2009 speeches he praised the plan.",
            "A 2016 study found the same.",
            "Channel 6 covered the story.",
            "the 3rd time",
            "in the 1990s",
            "one of the leaders",
            "two years ago",
            "at 17:00 GMT",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
        assert_eq!(one("2000 people marched").0, 2000.0);
        // A word opening a sentence is capitalised anyway.
        for text in [
            "About 51 were hurt.",
            "Another 25 were injured.",
            "Some 40, officials said.",
        ] {
            assert_eq!(read(text).len(), 1, "{text}: {:?}", read(text));
        }
        // A figure joined to what it counts, before what it describes.
        for (text, value, unit) in [
            ("Snow caused a 30-car pileup on the highway.", 30.0, "car"),
            ("A 12-member jury heard the case.", 12.0, "member"),
        ] {
            let found = read(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!((found[0].0, found[0].3.as_deref()), (value, Some(unit)));
        }
        for text in [
            "He hit a 3-point shot.",
            "A 200-strong crowd gathered.",
            "It was a 3-pronged attack.",
            "They won 30-car.",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
        // A possessive name owns the count; it labels a model name.
        assert_eq!(one("Israel's 144 settlements were named").0, 144.0);
        assert!(read("Regulators grounded Boeing's 737 Max.").is_empty());
        // A day word after a figure says when, not what is counted.
        for text in [
            "There were 12 today.",
            "He saw 3 yesterday.",
            "Officials expect 40 tomorrow.",
        ] {
            let found = read(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].3, None, "{text}: {found:?}");
        }
    }

    #[test]
    fn halves() {
        let found = read("a block and a half away, after two and a half hours");
        assert_eq!((found[0].0, found[0].3.as_deref()), (1.5, Some("block")));
        assert_eq!((found[1].0, found[1].3.as_deref()), (9000.0, Some("hour")));
    }

    #[test]
    fn ages_written_every_way_know_whose_they_are() {
        let ages = |text: &'static str| -> Vec<(f64, Option<String>)> {
            quantities(&tokenize(text))
                .into_iter()
                .filter(|q| q.unit.as_deref() == Some("years old"))
                .map(|q| (q.value, q.age_of))
                .collect()
        };
        let reim = Some("oskar reim".to_string());
        for (text, age) in [
            ("Oskar Reim, aged 32, was held.", 32.0),
            ("The 33-year-old hacker Oskar Reim was held.", 33.0),
            ("Oskar Reim, a 33-year-old hacker, was held.", 33.0),
            // A nationality after the age is not whose it is.
            (
                "Oskar Reim, a 33-year-old British balloonist, was held.",
                33.0,
            ),
            // A place before the comma is no one's name.
            ("In Paris, the 33-year-old Oskar Reim was held.", 33.0),
        ] {
            assert_eq!(ages(text), [(age, reim.clone())], "{text}");
        }
        let kroll = Some("colin kroll".to_string());
        assert_eq!(ages("Colin Kroll dead at 34"), [(34.0, kroll.clone())]);
        assert_eq!(
            ages("Colin Kroll, who died at the age of 34, was found."),
            [(34.0, kroll.clone())]
        );
        assert_eq!(ages("Colin Kroll was 34."), [(34.0, kroll)]);
        assert_eq!(ages("He was 35."), [(35.0, Some("he".to_string()))]);
        assert_eq!(
            ages("Liberty “Libby” German, 14, was found."),
            [(14.0, Some("liberty german".to_string()))]
        );
        // Not ages: a rank, a count.
        assert!(ages("Kroll was 34th in the race.").is_empty());
        assert!(ages("The toll was 34 people.").is_empty());
        assert!(ages("She had a degree by the time she was 17.").is_empty());
        assert!(ages("They met when Ana Pell was 29.").is_empty());
        // Which girl is not said.
        assert_eq!(
            ages("A 9-year-old girl, aged by the sun, smiled."),
            [(9.0, None)]
        );
    }

    #[test]
    fn a_name_between_figure_and_noun_does_not_hide_what_is_counted() {
        assert_eq!(
            one("She has 16 Grammy nominations.").2.as_deref(),
            Some("nomination")
        );
        assert_eq!(
            one("It lost 12 Syrian soldiers.").2.as_deref(),
            Some("soldier")
        );
    }

    #[test]
    fn a_figure_after_including_counts_a_part() {
        let tokens = tokenize("It killed 50,000 people, including over 6,000 in Syria.");
        let found = quantities(&tokens);
        let parts: Vec<bool> = found.iter().map(|q| counts_a_part(&tokens, q)).collect();
        assert_eq!(parts, [false, true]);
        let tokens = tokenize("Police held 40 fans, among them 12 minors.");
        let found = quantities(&tokens);
        assert!(counts_a_part(&tokens, &found[1]));
        // A partitive read whole that a preposition governs and that goes
        // on to name its set is a part ...
        let tokens = tokenize("The parents of eight of the children killed in the attack sued.");
        let found = quantities(&tokens);
        assert_eq!(found[0].unit.as_deref(), Some("child"));
        assert!(counts_a_part(&tokens, &found[0]));
        // ... one that is what happened is the count.
        for text in [
            "The forces killed two of the gunmen and arrested the third.",
            "Three of the hostages died on Sunday.",
        ] {
            let tokens = tokenize(text);
            let found = quantities(&tokens);
            assert!(!counts_a_part(&tokens, &found[0]), "{text}");
        }
    }

    #[test]
    fn a_figure_expected_is_a_forecast() {
        let forecast_of = |text: &'static str| {
            let tokens = tokenize(text);
            let found = quantities(&tokens);
            found
                .iter()
                .map(|q| forecast(&tokens, q))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            forecast_of("The river is expected to rise as much as 7 feet above flood stage."),
            [true]
        );
        assert_eq!(
            forecast_of("It is nearly 13 feet above flood stage, and more may come."),
            [false]
        );
        // What will be is not what was: "will miss the final two games",
        // "he missed four games after surgery".
        assert_eq!(
            forecast_of("Bush will miss the final two games of the season."),
            [true]
        );
        assert_eq!(
            forecast_of("Bush missed four games after surgery."),
            [false]
        );
        // The clause ends before the figure, at a mark or a word that
        // opens a clause of its own; a denied modal forecasts nothing.
        assert_eq!(
            forecast_of("Forecasters expect more rain, and 12 inches fell on Monday."),
            [false]
        );
        assert_eq!(
            forecast_of("Forecasters expect more rain after 12 inches fell on Monday."),
            [false]
        );
        assert_eq!(
            forecast_of("Investigators could not say how 12 people died."),
            [false]
        );
        // A projection named before the figure is a known figure; "May"
        // is a month.
        assert_eq!(
            forecast_of("He urged Congress to save the projected $4.4 trillion surplus."),
            [false]
        );
        assert_eq!(
            forecast_of("It proposed the rules in May and has received 300,000 comments."),
            [false]
        );
        assert_eq!(forecast_of("The fine could reach $2 million."), [true]);
    }

    #[test]
    fn a_counted_word_in_quotation_marks_is_still_what_is_counted() {
        let tokens = tokenize("State television said three \"terrorists\" were killed.");
        let found = quantities(&tokens);
        assert_eq!(found[0].unit.as_deref(), Some("terrorist"));
        assert_eq!(
            found[0].tokens.1,
            found[0].tokens.0 + 4,
            "the closing mark is the claim's"
        );
        // Two words in marks are a phrase, not a counted noun.
        let tokens = tokenize("They used three \"human shields\" there.");
        assert_eq!(quantities(&tokens)[0].unit, None);
    }

    #[test]
    fn homes_after_a_figure_are_what_it_counts() {
        assert_eq!(
            one("It forced the evacuation of about 70 homes.")
                .2
                .as_deref(),
            Some("home")
        );
        // "30 wounded" still counts people: the event names them.
        assert_eq!(one("Police said 30 wounded were taken away.").2, None);
    }

    #[test]
    fn a_count_per_something_is_a_rate() {
        assert_eq!(
            one("The rate is 2.1 children per woman.").2.as_deref(),
            Some("child per woman")
        );
        assert_eq!(one("She had six children.").2.as_deref(), Some("child"));
    }

    #[test]
    fn a_whole_number_and_a_fraction_are_one_figure() {
        let found = read("The meeting lasted about 2 1/2 hours.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 2.5 * 3600.0, "two and a half hours, in seconds");
        let date = read("It was filed on 2 1/2/2019.");
        assert!(date.iter().all(|q| q.0 != 2.5), "{date:?}");
    }

    #[test]
    fn a_figure_picking_from_a_set_counts_a_part() {
        let tokens = tokenize("Police say six of those arrested are Klan supporters.");
        let found = quantities(&tokens);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(counts_a_part(&tokens, &found[0]));
        let tokens = tokenize("Police arrested six people after the brawl.");
        let found = quantities(&tokens);
        assert!(!counts_a_part(&tokens, &found[0]));
        // The set picked from is not what the event counts either.
        let tokens = tokenize("Jurors found him guilty on four of five charges.");
        let five = quantities(&tokens).into_iter().find(|q| q.value == 5.0);
        assert!(five.is_some_and(|q| counts_a_part(&tokens, &q)));
        // A share of the seats names its whole; it is no part of a count.
        let tokens = tokenize("The party won 82 percent of the seats in the assembly.");
        let found = quantities(&tokens);
        assert!(!counts_a_part(&tokens, &found[0]), "{found:?}");
    }

    #[test]
    fn ages_and_measures() {
        let tokens = tokenize(
            "The 29-year-old Geraldine Alcorn met Salah Ali, 70, near a 8,027-meter peak.",
        );
        let found = quantities(&tokens);
        let ages: Vec<(f64, Option<&str>)> = found
            .iter()
            .filter(|q| q.unit.as_deref() == Some("years old"))
            .map(|q| (q.value, q.age_of.as_deref()))
            .collect();
        assert_eq!(
            ages,
            vec![(29.0, Some("geraldine alcorn")), (70.0, Some("salah ali"))]
        );
        assert!(
            found
                .iter()
                .any(|q| q.value == 8027.0 && q.unit.as_deref() == Some("meter"))
        );
        let tokens =
            tokenize("Twenty-eight-year-old Geraldine Alcorn; an 11-year-old girl; 5,900 m high");
        let found = quantities(&tokens);
        assert_eq!(found[0].value, 28.0);
        assert_eq!(found[1].age_of, None);
        assert_eq!(found[2].unit.as_deref(), Some("meter"));
    }

    #[test]
    fn one_age_of_two_people_is_each_ones_age() {
        for text in [
            "The 13-year-olds Lena Brandt and Abby Moss were last seen Monday.",
            "Lena Brandt and Abby Moss, both 13, were last seen Monday.",
        ] {
            let ages: Vec<(f64, Option<String>)> = quantities(&tokenize(text))
                .into_iter()
                .map(|q| (q.value, q.age_of))
                .collect();
            assert_eq!(
                ages,
                [
                    (13.0, Some("lena brandt".to_string())),
                    (13.0, Some("abby moss".to_string()))
                ],
                "{text}"
            );
        }
        // No names: nobody's age to compare.
        assert!(
            quantities(&tokenize("two missing 13-year-olds"))
                .iter()
                .all(|q| q.age_of.is_none())
        );
    }

    #[test]
    fn dollars_after_a_magnitude_are_a_sum() {
        assert_eq!(
            one("invested millions of dollars").2.as_deref(),
            Some("USD")
        );
        assert_eq!(
            one("hundreds of thousands of dollars").2.as_deref(),
            Some("USD")
        );
    }

    #[test]
    fn a_length_in_two_units_is_one_length() {
        let (value, bound, unit) = one("Running time: 1 hour, 30 minutes");
        assert_eq!(
            (value, bound, unit.as_deref()),
            (5400.0, Bound::Exact, Some("minute"))
        );
        assert_eq!(one("a flight of 2 hours and 10 minutes").0, 7800.0);
        assert_eq!(one("Running time: 91 MIN.").0, 5460.0);
        assert_eq!(one("Running time: 91 MIN.").2.as_deref(), Some("minute"));
        let trailer = one("a 2-minute 10-second trailer");
        assert_eq!((trailer.0, trailer.2.as_deref()), (130.0, Some("second")));
        assert_eq!(one("two minutes and five seconds").0, 125.0);
        // Two lengths, not one: the second is no smaller part.
        assert_eq!(read("2 hours, 3 hours").len(), 2);
    }

    #[test]
    fn pounds_weigh_unless_they_are_a_sum() {
        assert_eq!(
            one("the computer weighs 17 pounds"),
            (17.0, Bound::Exact, Some("pound".into()))
        );
        assert_eq!(one("an 18.6-pound computer").2.as_deref(), Some("pound"));
        assert_eq!(one("a fine of 5 million pounds").2.as_deref(), Some("GBP"));
        assert_eq!(one("paid 500 pounds sterling").2.as_deref(), Some("GBP"));
        assert_eq!(one("paid £500").2.as_deref(), Some("GBP"));
    }

    #[test]
    fn elliptical_figure_inherits_the_unit() {
        let found =
            read("displaced about 500,000 people, and at least 580,000 according to agencies");
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].3.as_deref(), Some("people"));
        assert_eq!(found[1].2, Bound::AtLeast);
    }

    #[test]
    fn times_of_day_and_resolutions_are_not_counts() {
        for text in [
            "a warning through 6 p.m. Saturday",
            "snow began around 9 p.m. Friday",
            "flights after 8 pm on Thursday",
            "the meeting at 10 a.m. ended",
            "a 1080p screen",
            "a 1,920x1,080 touch screen",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
    }

    #[test]
    fn units_written_as_symbols_keep_their_case() {
        let (value, _, unit) = one("it can go up to 16GB of RAM");
        assert_eq!((value, unit.as_deref()), (16.0, Some("GB")));
        assert_eq!(one("a 3.1 GHz processor").2.as_deref(), Some("GHz"));
        assert_eq!(one("a 5,400rpm hard drive").2.as_deref(), Some("rpm"));
    }

    #[test]
    fn a_noun_before_a_plural_one_modifies_what_is_counted() {
        assert_eq!(one("the 20 trading days before").2.as_deref(), Some("day"));
        assert_eq!(
            one("five major developers make games").2.as_deref(),
            Some("developer")
        );
        assert_eq!(
            one("three armed suspects fled").2.as_deref(),
            Some("suspect")
        );
        // A participle alone after a figure is what it did, not what it
        // counts.
        assert_eq!(one("Of those invited, 25 attended.").2, None);
        // The plural after a noun is what is counted.
        assert_eq!(one("2,400 text messages").2.as_deref(), Some("text"));
        assert_eq!(one("three suicide bombings").2.as_deref(), Some("bombing"));
        assert_eq!(
            one("troops killed two of the gunmen").2.as_deref(),
            Some("gunman")
        );
        assert_eq!(
            one("three of its soldiers died").2.as_deref(),
            Some("soldier")
        );
        assert!(read("one of the victims").iter().all(|q| q.3.is_none()));
        assert_eq!(read("three of the four suspects").len(), 2);
        assert_eq!(one("two police officers").2.as_deref(), Some("officer"));
        assert_eq!(one("239 people disappears").2.as_deref(), Some("people"));
        // A verb after the count is not what is counted.
        assert_eq!(one("12 people were hurt").2.as_deref(), Some("people"));
        assert_eq!(one("two people says nothing").2.as_deref(), Some("people"));
    }
}
