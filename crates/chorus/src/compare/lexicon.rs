//! What each word can start or signal, looked up once per token.
//!
//! Every scanner asks the same question of every token ("could a figure,
//! a date, an event start here?"); one hash lookup at tokenizing time
//! answers them all, and the scanners skip the rest of their work for
//! the great majority of tokens, which answer no.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// A figure can start here: a number word, "a"/"half", a currency word.
pub const FIGURE: u16 = 1;
/// A date can start here: a weekday, a month, "yesterday", "last".
pub const DATE: u16 = 1 << 1;
/// The word names an event news counts ("killed", "displaced").
pub const EVENT: u16 = 1 << 2;
/// A function word.
pub const FUNCTION: u16 = 1 << 3;
/// A title before a name ("president", "minister").
pub const TITLE: u16 = 1 << 4;
/// Capitalised but never a name ("Monday", "Photo").
pub const NOT_NAME: u16 = 1 << 5;
/// A verb that reports speech ("said", "told").
pub const REPORTING: u16 = 1 << 6;
/// A word that makes a name an organisation ("ministry", "agency").
pub const ORGANIZATION: u16 = 1 << 7;
/// A word that makes a name a place ("river", "palace").
pub const PLACE: u16 = 1 << 8;

/// Words that may open a figure besides digits and number words.
const FIGURE_WORDS: &[&str] = &[
    "a",
    "an",
    "half",
    "tens",
    "hundreds",
    "dozens",
    "scores",
    "thousands",
    "millions",
    "billions",
    "lakhs",
    "crores",
    "rs",
    "inr",
    "usd",
    "eur",
    "gbp",
    "us",
];

/// Words that may open a date besides weekdays and months.
const DATE_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "next",
    "this",
];

static LEXICON: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u16> = FxHashMap::default();
    let mut add = |words: &[&'static str], flag: u16| {
        for &w in words {
            *map.entry(w).or_insert(0) |= flag;
        }
    };
    add(FIGURE_WORDS, FIGURE);
    add(super::quantity::NUMBER_WORDS, FIGURE);
    add(DATE_WORDS, DATE);
    add(&super::dates::WEEKDAYS, DATE | NOT_NAME);
    for &(name, month) in super::quantity::MONTHS {
        // A month's full name is never a name; "May" and abbreviations may be.
        let longest = super::quantity::MONTHS
            .iter()
            .filter(|(_, m)| *m == month)
            .all(|(other, _)| other.len() <= name.len());
        let flags = if longest && name != "may" {
            DATE | NOT_NAME
        } else {
            DATE
        };
        add(&[name], flags);
    }
    for (_, words) in super::facts::EVENTS {
        add(words, EVENT);
    }
    add(crate::prepare::terms::FUNCTION_WORDS, FUNCTION);
    add(super::entities::TITLES, TITLE);
    add(super::entities::NOT_NAMES, NOT_NAME);
    add(super::entities::REPORTING_VERBS, REPORTING);
    add(super::entities::ORGANIZATION_WORDS, ORGANIZATION);
    add(super::entities::PLACE_WORDS, PLACE);
    map
});

/// The flags of a lower-case word.
pub fn flags(lower: &str) -> u16 {
    match LEXICON.get(lower) {
        Some(&flags) => flags,
        // "twenty-two"
        None if lower.contains('-') && super::quantity::is_number_word(lower) => FIGURE,
        None => 0,
    }
}
