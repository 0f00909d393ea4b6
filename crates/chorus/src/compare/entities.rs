//! Entities: people, organisations and places, with every spelling the
//! sources use merged into one.
//!
//! No model: names are runs of capitalised words; titles ("President",
//! "Foreign Minister") are taken off and mark a person; a compact
//! gazetteer (`gazetteer.tsv`, written by `scripts/gazetteer.py` from the
//! pycountry package plus cities and organisations) names countries,
//! cities and organisations and their other spellings; a list of common
//! given names (`given_names.txt`, from the 1990 US Census by
//! `scripts/given_names.py`) marks a person's name. Spellings merge
//! when they are equal once diacritics and the Arabic article are taken
//! off (Türkiye/Turkiye, al-Nasser/Nasser), when the gazetteer says so
//! (Turkey/Türkiye), and when a surname alone names one person only.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Entity, EntityKind};
use crate::scan::lexicon::{self, NOT_NAME, ORGANIZATION, PLACE, REPORTING, TITLE};
use crate::scan::quantity;
use crate::scan::tokens::{Sentence, Token, TokenKind};

const GAZETTEER: &str = include_str!("gazetteer.tsv");

/// First names that open a person's name (see the file's header).
const GIVEN_NAMES: &str = include_str!("given_names.txt");

/// Words that end the names of events and prizes, which a given name may
/// open ("Stanley Cup", "Hugo Award", "Boston Marathon").
const EVENT_NAME_ENDS: &[&str] = &[
    "cup",
    "final",
    "finals",
    "bowl",
    "series",
    "open",
    "classic",
    "prize",
    "award",
    "awards",
    "trophy",
    "festival",
    "show",
    "games",
    "championship",
    "marathon",
    "derby",
    "tournament",
];

/// Given names by the sexes they are given to ("f", "m" or "fm").
static GIVEN_NAME_SEXES: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    GIVEN_NAMES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

/// Whether a person of this name may be the "he" or "she" of `pronoun`:
/// "Priscilla Chan" is no "he", "Robert Mueller" no "she". A name whose
/// given name is not known, or given to both, may be either.
pub fn pronoun_fits(name: &str, pronoun: &str) -> bool {
    if pronoun != "he" && pronoun != "she" {
        return true;
    }
    // Asked of every person named before a quote: lowered on the stack.
    // The census's names are all ASCII and short.
    let first = name.split_whitespace().next().unwrap_or("");
    let mut buffer = [0u8; 16];
    let Some(lowered) = buffer.get_mut(..first.len()).filter(|_| first.is_ascii()) else {
        return true;
    };
    lowered.copy_from_slice(first.as_bytes());
    lowered.make_ascii_lowercase();
    let sexes = std::str::from_utf8(lowered)
        .ok()
        .and_then(|key| GIVEN_NAME_SEXES.get(key));
    !matches!((pronoun, sexes), ("he", Some(&"f")) | ("she", Some(&"m")))
}

/// Gazetteer entries by normalized spelling: kind and canonical name.
static GAZETTEER_KEYS: LazyLock<FxHashMap<String, (EntityKind, &'static str)>> =
    LazyLock::new(|| {
        let mut keys = FxHashMap::default();
        for line in GAZETTEER.lines() {
            let mut fields = line.split('\t');
            let (Some(kind), Some(name)) = (fields.next(), fields.next()) else {
                continue;
            };
            let kind = match kind {
                "place" => EntityKind::Place,
                "organization" => EntityKind::Organization,
                "person" => EntityKind::Person,
                _ => EntityKind::Other,
            };
            let aliases = fields.next().unwrap_or("");
            for spelling in std::iter::once(name).chain(aliases.split('|')) {
                if !spelling.is_empty() {
                    keys.entry(normalize(spelling)).or_insert((kind, name));
                }
            }
        }
        keys
    });

/// Folds a spelling to what its variants share: no diacritics, lower case,
/// no Arabic article ("al-", "el-"), no possessive, no periods.
pub fn normalize(name: &str) -> String {
    // Most names are one plain word: no need to transliterate or split.
    if name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return party_member(name.to_ascii_lowercase());
    }
    let folded = if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(name))
    };
    let text = strip_possessive(&folded).trim_end_matches('\'');
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '-') {
        let article = ["al", "el", "ad", "as", "ash", "at", "az", "the"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word));
        if word.is_empty() || article {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // One spelling of words names write two ways: "Fast & Furious",
        // "Saint Petersburg", "Washington, D.C.".
        if word == "&" {
            out.push_str("and");
        } else if word.eq_ignore_ascii_case("saint") {
            out.push_str("st");
        } else {
            out.extend(
                word.chars()
                    .filter(|&c| c != '.' && c != ',')
                    .map(|c| c.to_ascii_lowercase()),
            );
        }
    }
    party_member(out)
}

/// A party's members, one or many, are one name: "Democrat" and
/// "Democrats"; "Republicans" and "GOP". ("Democratic" is an adjective.)
fn party_member(key: String) -> String {
    match key.as_str() {
        "democrats" => "democrat".to_string(),
        "republicans" | "gop" => "republican".to_string(),
        _ => key,
    }
}

#[inline]
fn is_capitalized(token: &Token) -> bool {
    if token.kind != TokenKind::Word {
        return false;
    }
    let text = token.text;
    let bytes = text.as_bytes();
    let upper = match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(char::is_uppercase),
    };
    if upper {
        // Every capitalised token is asked: the contraction test runs
        // only for the words that hold an apostrophe (or a non-ASCII
        // byte, which a curly apostrophe is made of).
        let apostrophe = bytes.iter().any(|&b| b == b'\'' || !b.is_ascii());
        if (apostrophe && is_contraction(text)) || is_party_tag(text) {
            return false;
        }
        // "Moscow-led", "Russian-sponsored": an adjective, not a name.
        let adjective = text.rsplit_once('-').is_some_and(|(_, tail)| {
            tail.len() > 1 && tail.chars().all(|c| c.is_ascii_lowercase())
        });
        // (A word that opens on a capital is not all digits: no figure.)
        return !adjective;
    }
    // "al-Nasser", "el-Sisi"
    if bytes.get(2) != Some(&b'-') && bytes.get(3) != Some(&b'-') {
        return false;
    }
    let lower = token.lower();
    ["al-", "el-", "ad-", "as-", "ash-", "at-", "az-"]
        .iter()
        .any(|p| {
            lower.starts_with(p)
                && text[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
}

/// "Jong-un" after "Kim", "Geun-hye" after "Park": a Korean given name of
/// two syllables, the second in lower case, which elsewhere marks an
/// adjective ("Moscow-led").
fn given_name_after_family_name(tokens: &[Token], j: usize) -> bool {
    let (Some(family), Some(given)) = (j.checked_sub(1).map(|f| &tokens[f]), tokens.get(j)) else {
        return false;
    };
    // Asked at the end of every name: the hyphen first, the list last.
    is_syllable_pair(given.text) && FAMILY_NAMES_FIRST.contains(&family.lower())
}

/// "Jong-un", "Ki-moon", "Tze-keung": two syllables, the second in lower
/// case, as East Asian given names are written.
fn is_syllable_pair(word: &str) -> bool {
    let syllable =
        |part: &str| (1..=5).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphabetic());
    // "Hong Kong-based": an English word after the hyphen.
    let english = |tail: &str| {
        tail.ends_with("ed") || ["born", "run", "like", "style", "wide"].contains(&tail)
    };
    word.split_once('-').is_some_and(|(head, tail)| {
        syllable(head)
            && syllable(tail)
            && head.starts_with(|c: char| c.is_ascii_uppercase())
            && tail.chars().all(|c| c.is_ascii_lowercase())
            && !english(tail)
    })
}

/// "We’re", "Don't", "He'd": a pronoun or verb with its contraction,
/// capitalised at the start of a sentence, never a name ("O'Neill" is).
fn is_contraction(text: &str) -> bool {
    text.rsplit_once(['\'', '’']).is_some_and(|(_, tail)| {
        matches!(
            tail,
            "re" | "t" | "d" | "ll" | "ve" | "m" | "RE" | "T" | "D" | "LL" | "VE" | "M"
        )
    })
}

/// A legislator's party and state after their name: "D-Md.", "R-Wyo.",
/// "I-Vt." — not a name of its own.
fn is_party_tag(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 4
        && matches!(bytes[0], b'D' | b'R' | b'I')
        && bytes[1] == b'-'
        && bytes[2].is_ascii_uppercase()
}

/// A name found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// Index of the document in the story.
    pub document: usize,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// First token of the name (after any title).
    pub token: usize,
    /// Token just past the name.
    pub end: usize,
    /// The name as written, title and possessive taken off.
    pub surface: String,
    /// The surface folded by [`normalize`].
    pub key: String,
    /// The title before it, lower case ("president").
    pub title: Option<String>,
    /// Next to a reporting verb ("Nasser said").
    pub speaks: bool,
    /// After "in", "at", "from" or "near".
    pub located: bool,
    /// Naming a kind of thing, between an article and a noun ("the Sheen
    /// matter", "the Obama administration", "a Trump rally"): no one a
    /// later "he" or "she" refers to.
    pub attributive: bool,
    /// The person a possessive name is before ("mother" of "Price's
    /// mother", "lawyer" of "Smith's lawyer"): a "he" or "she" right after
    /// that fits is that person, unnamed.
    pub owns_person: Option<&'static str>,
    /// Said of as only a person is: an age after it ("Shimron Smith, 25,")
    /// or a relative of its own ("Romney's wife").
    pub personal: bool,
}

/// How a story writes its words: per normalized word, how often it is
/// capitalised somewhere other than at the start of a sentence, and how
/// often a word capitalised somewhere in the story is written in lower
/// case.
#[derive(Debug, Default)]
pub struct Casing {
    capitalized_inside: FxHashMap<String, u32>,
    lower_case: FxHashMap<String, u32>,
}

impl Casing {
    /// Whether `key` is capitalised somewhere other than at the start of
    /// a sentence.
    fn capitalized_inside(&self, key: &str) -> bool {
        self.capitalized_inside.contains_key(key)
    }

    /// Whether the story writes `key` (one word) in lower case anywhere.
    fn written_in_lower_case(&self, key: &str) -> bool {
        self.lower_case.contains_key(key)
    }

    /// Whether the story writes `key` (one word) in lower case at least
    /// as often as it capitalises it inside a sentence: a common word
    /// ("Maybe", "Department", "Charges" opening a sentence or a
    /// headline), not a name. A name that is also a word keeps its
    /// capital where it names ("Price said" five times, "the price" once).
    fn mostly_lower_case(&self, key: &str) -> bool {
        let lower = self.lower_case.get(key).copied().unwrap_or(0);
        let capitalized = self.capitalized_inside.get(key).copied().unwrap_or(0);
        lower > 0 && lower >= capitalized
    }
}

/// Finds the names in a tokenized sentence. `capitalized` says which of
/// its tokens are capitalised (see `is_capitalized`); `casing` holds the
/// words (normalized) found capitalised somewhere other than at the start
/// of a sentence (only those, or gazetteer names, may open one) and how
/// often the story writes them in lower case.
pub fn names(sentence: &Sentence, capitalized: &[bool], casing: &Casing) -> Vec<NameMention> {
    let tokens = &sentence.tokens;
    let is_capitalized_at = |k: usize| capitalized.get(k).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_capitalized_at(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            // "Russia's Deputy Foreign Minister …": the possessive ends a name.
            if strip_possessive(tokens[j - 1].text).len() < tokens[j - 1].text.len() {
                break;
            }
            if is_capitalized_at(j) || given_name_after_family_name(tokens, j) {
                j += 1;
            } else if tokens.get(j).is_some_and(|t| t.is("on"))
                && matches!(
                    tokens[j - 1].lower(),
                    "committee" | "subcommittee" | "council" | "commission" | "conference"
                )
                && is_capitalized_at(j + 1)
                && !tokens[j + 1].has(lexicon::DATE)
            {
                // "Council on Foreign Relations", "House Committee on
                // Oversight": a body named for its business.
                j += 2;
            } else if tokens
                .get(j)
                .is_some_and(|t| t.is("of") || t.is("for") || t.is("de"))
                && is_capitalized_at(j + 1)
                && (tokens[j - 1].has(ORGANIZATION)
                    || tokens[j - 1].text == "Church"
                    // "District of Columbia", "Gulf of Mexico".
                    || (tokens[j - 1].has(PLACE) && tokens[j].is("of")))
            {
                j += 2;
            } else if tokens[j - 1].has(ORGANIZATION)
                && tokens.get(j).is_some_and(|t| t.is("of"))
                && tokens.get(j + 1).is_some_and(|t| t.is("the"))
                && is_capitalized_at(j + 2)
                && is_capitalized_at(j + 3)
            {
                // "International Committee of the Red Cross": two
                // capitalised words after "of the" name one body; one
                // ("the Ministry of the Interior") may be a place or a
                // thing the body is of, and is left apart.
                j += 3;
            } else if tokens.get(j).is_some_and(|t| t.text == "." && t.glued)
                && (tokens[j - 1].text.chars().count() == 1
                    || matches!(tokens[j - 1].text, "St" | "Mt" | "Ft")
                    || tokens[j - 1].has(TITLE))
                && is_capitalized_at(j + 1)
            {
                // A middle initial: "Juan R. McCullum"; a place's
                // abbreviated first word: "St. Croix"; a title cut short:
                // "Ms. Vargas", "Sen. Mark Smith" (the title is read off
                // below, as "Senator" would be).
                j += 2;
            } else if tokens.get(j).is_some_and(|t| t.is("and"))
                && (i + 1..j).any(|k| {
                    (tokens[k].is("of") || tokens[k].is("for") || tokens[k].is("on"))
                        && tokens[k - 1].has(ORGANIZATION)
                })
                && body_continues(tokens, j + 1, &is_capitalized_at)
            {
                // "Bureau of Labor and Industries", "Department of
                // Health and Human Services": one body's name.
                j += 2;
            } else if tokens.get(j).is_some_and(|t| name_particle(t.lower()))
                && is_capitalized_at(j + 1)
                && !tokens[j - 1].has(ORGANIZATION)
            {
                // "Bashar al Assad", "Charles de Gaulle": one name.
                j += 2;
            } else {
                break;
            }
        }
        let (split, named_before) = name_before_title(tokens, i, j);
        if named_before && let Some(mention) = name_in(sentence, i, split, casing) {
            out.push(mention);
        }
        if let Some(mention) = name_in(sentence, split, j, casing) {
            out.push(mention);
        }
        i = j;
    }
    out
}

/// Whether the capitalised words from `start` go on a body's name after
/// "and" ("… of Labor and Industries"), rather than name a second thing
/// ("the Department of Energy and Microsoft", "the University of Rouen
/// and New York Medical College"): at most three words, none a word that
/// heads a body's name, no known name or given name opening them, the
/// last a word fields of work are named with (a plural, "Prevention",
/// "Development", "Security", "Technology").
fn body_continues(tokens: &[Token], start: usize, capitalized: &dyn Fn(usize) -> bool) -> bool {
    let mut end = start;
    while capitalized(end) {
        end += 1;
    }
    // ("Human Services" is a field of work; "Medical College" and
    // "Southwest Airlines" are bodies.)
    let heads_a_body = |t: &Token| t.has(ORGANIZATION) && !t.is("services");
    if end == start || end - start > 3 || tokens[start..end].iter().any(heads_a_body) {
        return false;
    }
    let first = tokens[start].lower();
    if GAZETTEER_KEYS.contains_key(first) || GIVEN_NAME_SEXES.contains_key(first) {
        return false;
    }
    let word = tokens[end - 1].lower();
    ["s", "ion", "ment", "ce", "ty", "gy"]
        .iter()
        .any(|ending| word.ends_with(ending))
        && strip_possessive(word).len() == word.len()
        && !word.ends_with("ss")
}

/// Lower-case words inside personal names: "Bashar al Assad", "Osama bin
/// Laden", "Charles de Gaulle", "Vincent van Gogh".
fn name_particle(word: &str) -> bool {
    matches!(
        word,
        "al" | "el" | "bin" | "ibn" | "de" | "del" | "da" | "di" | "van" | "von" | "der" | "dos"
    )
}

/// Where a run of capitalised words turns into a title and a person's
/// name ("US Chief Justice John Roberts", "Capitol Police Chief Matthew
/// Verderosa", "Syria Russian President Putin"): the first token of the
/// title (or of the demonym before it), the words before it being a
/// place or organisation of their own when they are known, an acronym
/// ("US", "UN") or more than one word;
/// `start` when the run does not turn; and whether the words before are a
/// name. "Attorney General Jeff Sessions" is one title: "general" follows
/// other words of a title.
fn name_before_title(tokens: &[Token], start: usize, end: usize) -> (usize, bool) {
    let title_at = |k: usize| tokens[k].has(TITLE) && !tokens[k].is("general");
    for k in start + 1..end {
        let titled = title_at(k) || (k + 1 < end && title_at(k + 1) && is_demonym(tokens[k].text));
        // ("Department of Justice", "Council on Foreign Relations": a
        // body's business, not a title.)
        let business = matches!(tokens[k - 1].lower(), "of" | "on" | "for");
        if !titled || business {
            continue;
        }
        if tokens[start..k].iter().all(|t| t.has(TITLE)) {
            return (start, false);
        }
        // A name follows the title.
        let named = (k + 1..end).any(|i| !tokens[i].has(TITLE) && !is_demonym(tokens[i].text));
        if !named {
            return (start, false);
        }
        let prefix: Vec<&str> = tokens[start..k].iter().map(|t| t.text).collect();
        let acronym = k - start == 1
            && (2..=5).contains(&tokens[start].text.len())
            && tokens[start].text.chars().all(|c| c.is_ascii_uppercase());
        let known = acronym || GAZETTEER_KEYS.contains_key(&normalize(&prefix.join(" ")));
        // An unknown single word before a title ("Senior Vice President",
        // "Press Secretary") is part of the title: dropped with it.
        return (k, known || k - start >= 2);
    }
    (start, false)
}

fn opens_sentence(tokens: &[Token], i: usize) -> bool {
    i == 0
        || tokens[..i].iter().all(|t| t.kind == TokenKind::Symbol)
        || matches!(tokens[i - 1].text, "\"" | "“" | "—" | ":")
        // "(The company declined …)" opens a sentence; "(BOLI)" right
        // after a name is the name's acronym, capitalised as a name is.
        || (tokens[i - 1].text == "("
            && !(is_acronym(tokens[i].text) && i >= 2 && is_capitalized(&tokens[i - 2])))
}

/// Whether a word opening a sentence may be a name's first word, the
/// story never writing it in lower case: no conjunction, adverb or
/// participle that opens sentences ("Although Lehmkuhl …", "Following
/// Goodlatte's …", "Today Ben Yu …"), no word printed in capitals.
fn may_open_name(token: &Token) -> bool {
    let word = token.lower();
    !token.has(lexicon::FUNCTION | lexicon::DATE | REPORTING)
        && !token.text.chars().skip(1).any(|c| c.is_uppercase())
        && !word.ends_with("ing")
        && !word.ends_with("ed")
        && !word.ends_with("ly")
        && !matches!(
            word,
            "although" | "though" | "whereas" | "despite" | "today" | "tonight" | "meanwhile"
        )
}

fn name_in(sentence: &Sentence, start: usize, end: usize, casing: &Casing) -> Option<NameMention> {
    let tokens = &sentence.tokens;
    let mut first = start;
    let mut end = end;
    let lower = |i: usize| tokens[i].lower();
    // A word opening a sentence is capitalised anyway: keep it only when
    // it is capitalised elsewhere too, or known.
    while first < end && opens_sentence(tokens, first) {
        // "Associated Press writer …", "New York City officials …": a
        // known name the word opens.
        let opens_known = (first + 2..=end)
            .any(|k| GAZETTEER_KEYS.contains_key(&normalize(span_text(sentence, first, k))));
        if opens_known {
            break;
        }
        // ("Mr", "Ms" are function words and titles: read as titles below.)
        if tokens[first].has(lexicon::FUNCTION) && !tokens[first].has(TITLE) {
            first += 1;
            continue;
        }
        let key = normalize(tokens[first].text);
        // "Eric Adams, the borough president, said …": the first word of
        // a name of two or more that the story never writes in lower
        // case is the name's own.
        let first_of_name = end - first >= 2
            && !casing.written_in_lower_case(&key)
            && may_open_name(&tokens[first]);
        let known = casing.capitalized_inside(&key)
            || GAZETTEER_KEYS.contains_key(&key)
            || tokens[first].has(TITLE)
            || first_of_name;
        if known {
            break;
        }
        first += 1;
    }
    // "But Democrat Stacey Plaskett", "Two Minneapolis men": function and
    // number words do not open a name (acronyms such as "US" and "WHO"
    // are names, and so are "May", "Will" and "New"; titles are read
    // below).
    let function_word = |i: usize| {
        let text = tokens[i].text;
        let acronym = text.len() >= 2 && text.chars().all(|c| c.is_ascii_uppercase());
        // "Stephanie A. Miner", "Channing D. Phillips": an initial; one
        // opening a name inside a sentence too ("the poet T. S. Eliot"),
        // unless it is the word "A" or "I".
        let initial = text.len() == 1
            && (i > start || (!opens_sentence(tokens, i) && !matches!(text, "A" | "I")))
            && tokens.get(i + 1).is_some_and(|t| t.text == "." && t.glued);
        tokens[i].has(lexicon::FUNCTION)
            && !tokens[i].has(TITLE)
            && !matches!(lower(i), "may" | "will" | "don" | "new")
            && !acronym
            && !initial
    };
    let number_word = |i: usize| crate::model::words::is_number_word(lower(i));
    // (An initial dropped takes its period: "S. David Schiller".)
    while first < end && (function_word(first) || number_word(first) || tokens[first].text == ".") {
        first += 1;
    }
    while end > first && number_word(end - 1) {
        end -= 1;
    }
    if first >= end {
        return None;
    }
    // A capitalised function word inside: a headline in title case ("Than
    // You Think", "Results Are Worse"), not a name.
    if (first..end).any(|i| function_word(i) && is_capitalized(&tokens[i])) {
        return None;
    }
    // Weekdays, months and other capitalised non-names end a name; so
    // does a month's short name before a day or its period ("Feb. 6").
    let short_month = |i: usize| {
        lexicon::month(tokens[i].lower()).is_some()
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number || (t.text == "." && t.glued))
    };
    if let Some(stop) = (first..end).find(|&i| tokens[i].has(NOT_NAME) || short_month(i)) {
        if stop == first {
            return None;
        }
        end = stop;
    }
    // Titles trailing a name ("Green Mountain Roasters President") and a
    // demonym trailing a place ("Syria Russian forces") describe what
    // follows, not the name; a title before "for" or "of" after a word
    // that names nothing alone heads the name of an office ("UN High
    // Commissioner for Refugees"; not "U.S. Attorney for …").
    let heads_an_office = end - first >= 2
        && tokens.get(end).is_some_and(|t| t.is("for") || t.is("of"))
        && !GAZETTEER_KEYS.contains_key(&normalize(tokens[end - 2].text))
        && !is_acronym(tokens[end - 2].text);
    while end - first >= 2 && !tokens[first].has(TITLE) && !heads_an_office {
        let last = &tokens[end - 1];
        let title = last.has(TITLE) && !last.is("general");
        let demonym = is_demonym(last.text)
            && GAZETTEER_KEYS.contains_key(&normalize(span_text(sentence, first, end - 1)));
        if !(title || demonym) {
            break;
        }
        end -= 1;
    }
    // "Office of the" before a title ("… Chief Medical Examiner"): a
    // name of two words or more ends on a word of its own, not "of",
    // "the", "for", "de" or "on" (a name cut before a title or a word
    // that is no name: "the Council on" before "Tuesday").
    while end - first >= 2 && matches!(lower(end - 1), "of" | "the" | "for" | "de" | "on") {
        end -= 1;
    }
    // Nationalities and peoples ("Americans", "Nevadans", "Jewish",
    // "North Korean") describe, they do not name.
    if is_nationality(&tokens[first..end]) {
        return None;
    }
    // Datelines and shouted words: all capitals, longer than an acronym.
    if (first..end).any(|i| {
        let t = tokens[i].text;
        t.chars().count() > 5 && t.chars().all(|c| !c.is_lowercase())
    }) && !GAZETTEER_KEYS.contains_key(&normalize(span_text(sentence, first, end)))
    {
        return None;
    }
    // A demonym before a title ("Qadiran President …") and the titles.
    let mut title: Option<String> = None;
    // A party before a person's name ("Democrat Stacey Plaskett") says
    // who they are, as a title does; "Republican Party" is a name.
    if end - first >= 3
        && is_party(lower(first))
        && !(first + 1..end).any(|i| tokens[i].has(ORGANIZATION) || tokens[i].has(PLACE))
    {
        title = Some(lower(first).to_string());
        first += 1;
    }
    let is_title = |i: usize| tokens[i].has(TITLE);
    if end - first >= 2 && !is_title(first) && is_title(first + 1) && is_demonym(tokens[first].text)
    {
        first += 1;
    }
    while first < end && is_title(first) {
        let word = lower(first);
        title = Some(match title {
            Some(t) => format!("{t} {word}"),
            None => word.to_string(),
        });
        first += 1;
        if tokens.get(first).is_some_and(|t| t.text == "." && t.glued) {
            first += 1;
        }
    }
    if first >= end {
        return None;
    }
    // A lone demonym describing a noun: "Turkish foreign ministry".
    let next = tokens.get(end);
    let reporting = |t: &Token| t.has(REPORTING);
    // "Nasser said" / "Hakan Demir, said"; not "a visit to Castel
    // Gandolfo, says the BBC's David Willey", where the one who speaks is
    // named after the verb.
    let speaker_after = |verb: usize| {
        let named = |i: usize| tokens.get(i).is_some_and(is_capitalized);
        named(verb + 1) || (tokens.get(verb + 1).is_some_and(|t| t.is("the")) && named(verb + 2))
    };
    let next_is_verb = next.is_some_and(reporting)
        || (next.is_some_and(|t| t.text == ",")
            && tokens.get(end + 1).is_some_and(reporting)
            && !speaker_after(end + 1));
    // "foreign minister, Hakan Demir" / "spokesman John Smith"
    if title.is_none() {
        let mut b = first;
        if b >= 1 && tokens[b - 1].text == "," {
            b -= 1;
        }
        if b >= 1 && !is_capitalized(&tokens[b - 1]) {
            let word = lower(b - 1);
            if tokens[b - 1].has(TITLE) && !matches!(word, "general" | "chief" | "vice" | "deputy")
            {
                title = Some(word.to_string());
            }
        }
    }
    if end - first == 1
        && is_demonym(tokens[first].text)
        && next.is_some_and(|t| t.kind == TokenKind::Word && !is_capitalized(t))
        && !next_is_verb
        && !GAZETTEER_KEYS.contains_key(&normalize(tokens[first].text))
        && names_a_people(tokens[first].text, casing)
    {
        return None;
    }
    let surface = strip_possessive(span_text(sentence, first, end)).to_string();
    // "New" opens names ("New York") but names nothing alone.
    let lone_new = end - first == 1 && lower(first) == "new";
    if surface.chars().count() < 2 || (end - first == 1 && function_word(first)) || lone_new {
        return None;
    }
    let mut key = normalize(&surface);
    // "Richmond, Va.": a state as the wires abbreviate it, after a place.
    if end - first == 1
        && first >= 2
        && tokens[first - 1].text == ","
        && is_capitalized(&tokens[first - 2])
        && tokens.get(end).is_some_and(|t| t.text == "." && t.glued)
        && let Some(&(_, state)) = STATE_ABBREVIATIONS.iter().find(|(a, _)| *a == surface)
    {
        key = normalize(state);
    }
    // One word the story mostly writes in lower case is a common word,
    // unless a title or the gazetteer makes it a name.
    if end - first == 1
        && title.is_none()
        && casing.mostly_lower_case(&key)
        && !GAZETTEER_KEYS.contains_key(&key)
    {
        return None;
    }
    // "said Nasser"; but "told Nevada Public Radio" and "asked Nasser"
    // name the one spoken to.
    let speaks = next_is_verb
        || first
            .checked_sub(1)
            .is_some_and(|b| tokens[b].has(REPORTING) && !names_the_addressee(&tokens[b]))
        || (first >= 2 && lower(first - 2) == "according" && lower(first - 1) == "to");
    // "according to" names a source, not a place.
    let located = start
        .checked_sub(1)
        .map(lower)
        .is_some_and(|b| matches!(b, "in" | "at" | "from" | "near" | "to"))
        && !(start >= 2 && lower(start - 2) == "according");
    let attributive = title.is_none()
        && start
            .checked_sub(1)
            .is_some_and(|b| matches!(lower(b), "the" | "a" | "an"))
        && next.is_some_and(|t| {
            t.kind == TokenKind::Word && !is_capitalized(t) && !t.has(lexicon::FUNCTION | REPORTING)
        });
    // ("a resident of Laguna Niguel, 45,": the age is the resident's.)
    let of_somewhere = start.checked_sub(1).is_some_and(|b| tokens[b].is("of"));
    let personal = !located && !of_somewhere && said_of_a_person(tokens, end);
    Some(NameMention {
        document: sentence.document,
        sentence: sentence.position,
        token: first,
        end,
        key,
        surface,
        title,
        speaks,
        located,
        attributive,
        owns_person: owned_person(tokens, end),
        personal,
    })
}

/// Given names "Al" shortens.
const AL_SHORTENS: &[&str] = &[
    "Albert",
    "Alberto",
    "Alfred",
    "Alfredo",
    "Alan",
    "Allan",
    "Allen",
    "Alvin",
    "Alexander",
    "Alonzo",
    "Alphonse",
    "Alfonso",
];

/// US states as the wires abbreviate them after a place ("Gresham,
/// Ore."), where an abbreviation that is also a word or a title ("Mass.",
/// "Miss.") can only be the state. Not "Wash.": the state would join the
/// capital, which the gazetteer knows as "Washington".
const STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("Neb", "Nebraska"),
    ("Nev", "Nevada"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Va", "Virginia"),
    ("Vt", "Vermont"),
    ("Wis", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// Relatives a possessive name has only when it is a person's (not
/// "sister", "brother" or "parents": companies, papers and ships have
/// them).
const RELATIVES: &[&str] = &[
    "wife",
    "husband",
    "mother",
    "father",
    "son",
    "daughter",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiance",
    "widow",
];

/// People a possessive name has ("Price's mother", "Smith's lawyer"):
/// a "he" or "she" after them is more often that person than the name.
const POSSESSED_PEOPLE: &[&str] = &[
    "lawyer",
    "lawyers",
    "attorney",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "publicist",
];

/// Whether a verb of saying is followed by the one spoken to, not the
/// speaker: "told Nevada Public Radio", "asked Nasser".
pub(super) fn names_the_addressee(verb: &Token) -> bool {
    matches!(verb.lower(), "told" | "tells" | "asked" | "asks")
}

/// Whether a word is a possessive: "Price's", "Price’s".
pub(super) fn is_possessive(token: &Token) -> bool {
    token.text.ends_with("'s") || token.text.ends_with("’s")
}

/// The person a name (tokens up to `end`) is a possessive before, as
/// listed: "mother" of "Price's mother", "lawyer" of "Smith's lawyer".
fn owned_person(tokens: &[Token], end: usize) -> Option<&'static str> {
    let possessive = end
        .checked_sub(1)
        .is_some_and(|last| is_possessive(&tokens[last]));
    let word = tokens.get(end).filter(|_| possessive)?.lower();
    RELATIVES
        .iter()
        .chain(POSSESSED_PEOPLE)
        .find(|&&w| w == word)
        .copied()
}

/// Whether a pronoun may stand for a person a word says is a woman's or
/// a man's: a title ("she" is no "Mr.": "his nickname, ``Mr.
/// Intensity''") or a relative ("she" is no father; either is a lawyer).
fn pronoun_fits_word(word: &str, pronoun: &str) -> bool {
    const FEMALE: &[&str] = &[
        "ms",
        "mrs",
        "miss",
        "dame",
        "queen",
        "princess",
        "wife",
        "mother",
        "daughter",
        "girlfriend",
        "fiancee",
        "widow",
        "spokeswoman",
    ];
    const MALE: &[&str] = &[
        "mr",
        "sir",
        "king",
        "prince",
        "husband",
        "father",
        "son",
        "boyfriend",
        "fiance",
        "spokesman",
    ];
    match pronoun {
        "she" => !MALE.contains(&word),
        "he" => !FEMALE.contains(&word),
        _ => true,
    }
}

/// Whether the words after a name (tokens up to `end`) say it is a
/// person's: an age set off after it ("Shimron Smith, 25, of Brooklyn")
/// or a relative of its own ("Mitt Romney's wife"). ("Who" after its
/// comma is said of groups too: "Log Cabin Republicans, who".)
fn said_of_a_person(tokens: &[Token], end: usize) -> bool {
    let at = |i: usize| tokens.get(i);
    // The figures' own reader of "Name, 25," says whether one follows.
    let aged = end + 1 < tokens.len() && quantity::age_after_name(tokens, end + 1).is_some();
    let possessive = end
        .checked_sub(1)
        .is_some_and(|last| is_possessive(&tokens[last]));
    let relative = possessive && at(end).is_some_and(|t| RELATIVES.contains(&t.lower()));
    aged || relative
}

/// The acronyms a name of two words or more may be shortened to: its
/// words' initials with its function words left out ("national policy
/// institute" → "npi"), with "of" or all of them ("bureau of labor and
/// industries" → "bli", "boli", "bolai") and with the article the name
/// is written with ("the right stuff" → "trs"), each also without the
/// country a US agency's name may open with ("U.S. Environmental
/// Protection Agency" → "epa").
fn acronyms(surface: &str) -> Vec<String> {
    let words: Vec<String> = surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(normalize)
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Vec<String> = Vec::new();
    initials_into(&words, &mut found);
    let country = match words.as_slice() {
        [first, ..] if first == "us" => 1,
        [first, second, ..] if first == "united" && second == "states" => 2,
        _ => 0,
    };
    if country > 0 {
        initials_into(&words[country..], &mut found);
    }
    found
}

/// Adds the initials of `words` (see [`acronyms`]) to `found`.
fn initials_into(words: &[String], found: &mut Vec<String>) {
    if words.len() < 2 {
        return;
    }
    let function = |w: &str| matches!(w, "of" | "and" | "for" | "on" | "in" | "at" | "de" | "to");
    let article = |w: &str| w == "the";
    let initials = |keep: &dyn Fn(&str) -> bool| -> String {
        words
            .iter()
            .filter(|w| keep(w))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    for initials in [
        initials(&|w| !function(w) && !article(w)),
        initials(&|w| w == "of" || (!function(w) && !article(w))),
        initials(&|w| !article(w)),
        initials(&|w| !function(w)),
    ] {
        if initials.len() >= 2 && !found.contains(&initials) {
            found.push(initials);
        }
    }
}

/// Whether a name as written is an acronym: two to six capitals, with or
/// without periods ("AP", "N.P.I.").
fn is_acronym(surface: &str) -> bool {
    let letters: Vec<char> = surface.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_ascii_uppercase())
}

/// A normalized name without the initials between its first and last
/// words: "Juan R. McCullum" and "Juan McCullum" are one person.
fn without_middle_initials(key: &str) -> std::borrow::Cow<'_, str> {
    // Most names have no middle word: no new string for them.
    if key.bytes().filter(|&b| b == b' ').count() < 2 {
        return std::borrow::Cow::Borrowed(key);
    }
    let words: Vec<&str> = key.split(' ').collect();
    let last = words.len() - 1;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || w.chars().count() > 1)
        .map(|(_, w)| *w)
        .collect();
    std::borrow::Cow::Owned(kept.join(" "))
}

/// A name of two words or more with each longer word in the singular:
/// "Federal Elections Commission" is the "Federal Election Commission"
/// another report names. A person's name goes too ("Paula Blades" and a
/// report's "Paula Blade"): in one story two people whose surnames differ
/// by an "s" are rarer than a slip. A name of one word keeps its plural
/// ("Kleins" are a family; "Williams" is no "William"), and so does a
/// people ("a French Quebecer" is one of the "French Quebecers", not a
/// name for them).
fn in_the_singular(key: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let plural = |w: &str| {
        w.len() >= 5
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
    };
    // ("French Quebecers", "Bosnian Serbs"; not "Indian Health Services".)
    let people = key
        .rsplit(' ')
        .next()
        .is_some_and(|last| plural(last) && lexicon::flags(last) & ORGANIZATION == 0)
        && key.split(' ').next().is_some_and(|first| {
            // (A key is in lower case; the irregular demonyms are written
            // capitalised.)
            is_demonym(first)
                || IRREGULAR_DEMONYMS
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(first))
        });
    if !key.contains(' ') || !key.split(' ').any(plural) || people {
        return key;
    }
    let words: Vec<&str> = key
        .split(' ')
        .map(|w| if plural(w) { &w[..w.len() - 1] } else { w })
        .collect();
    std::borrow::Cow::Owned(words.join(" "))
}

/// A company's name without its legal form ("Keurig Green Mountain Inc.",
/// "Onion, Inc."): reports name a company with and without it.
fn without_company_form(key: &str) -> &str {
    // Not "Co.": "Orange Co." is a county as often as a company.
    const FORMS: [&str; 8] = [
        " inc",
        " corp",
        " corporation",
        " llc",
        " llp",
        " ltd",
        " plc",
        " incorporated",
    ];
    let trimmed = key.trim_end_matches(',');
    FORMS
        .iter()
        .find_map(|form| trimmed.strip_suffix(form))
        .map(|rest| rest.trim_end_matches([',', ' ', '&']))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(key)
}

/// Records that group `g` has `key`: the map keeps the group for a key
/// only one group has ("the one person whose name ends with it"), `None`
/// for a key two or more share.
fn the_one<K: std::hash::Hash + Eq>(map: &mut FxHashMap<K, Option<usize>>, key: K, g: usize) {
    map.entry(key)
        .and_modify(|one| {
            if *one != Some(g) {
                *one = None;
            }
        })
        .or_insert(Some(g));
}

/// Common Chinese, Korean and Vietnamese family names, which those names
/// put first ("Kim Jong-un", "Xi Jinping", "Nguyen Tan Dung"). Japanese
/// names reach English news given name first. Names that are English
/// words a sentence may open with ("He", "Do", "Song") are left out.
const FAMILY_NAMES_FIRST: &[&str] = &[
    // Chinese.
    "wang", "li", "zhang", "liu", "chen", "huang", "zhao", "zhou", "xu", "sun", "zhu", "hu", "guo",
    "gao", "lin", "luo", "zheng", "liang", "xie", "tang", "deng", "feng", "cao", "peng", "zeng",
    "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "du", "cheng", "wei", "ding", "ren",
    "shen", "yao", "zhong", "xi", "mao", "wen", "bo", "qin", "lu", "jin", "tsai", "lai",
    // Cantonese and Taiwanese spellings.
    "wong", "cheung", "chan", "leung", "lam", "ho", "wan", "yip", "tse", "tsang", "ng", "kwok",
    "hau", "wu", "ma", "lo", "fung", "chow", "chiu", "lau", "yeung", "tam", "mak", "kwan", "siu",
    "tung", "tsui", "hui", "chu", "soong", "chiang", "hsu", "hsieh", "lien", "su", "teng",
    // Korean.
    "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "seo", "shin",
    "kwon", "hwang", "ahn", "yoo", "hong", "jeon", "moon", "bae", "baek", "roh", "chun", "ban",
    "choe", "ri", "han", "oh", "song", "yang", "ko", "nam", "yu",
    // Vietnamese, where the family name is written first as well.
    "nguyen", "tran", "pham", "hoang", "phan", "vu", "dang", "bui", "ngo", "duong",
];

/// Denominations that make "… Church" a church's name.
const DENOMINATIONS: &[&str] = &[
    "Catholic",
    "Baptist",
    "Methodist",
    "Lutheran",
    "Anglican",
    "Orthodox",
    "Presbyterian",
    "Episcopal",
    "Evangelical",
    "Pentecostal",
    "Bible",
    "Mormon",
    "LDS",
    "Unification",
    "Reformed",
    "Christian",
];

/// Whether a name is a church's: "Church of England", "Ebenezer Baptist
/// Church", "Catholic Church". "Church" after a single other word may be
/// a surname ("Charlotte Church") or a town ("Falls Church").
fn names_a_church(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| *w == "Church") else {
        return false;
    };
    words.get(at + 1) == Some(&"of")
        || words.len() >= 3
        || at
            .checked_sub(1)
            .is_some_and(|b| DENOMINATIONS.contains(&words[b]))
}

/// A key without the regnal number its name ends with ("Benedict XVI" is
/// "Benedict", "John Paul II" is "John Paul"): reports name a pope or a
/// monarch with and without it. Only a number printed in capitals, of
/// two letters or more, after a word of the name counts ("Xi" is a name,
/// "I" a pronoun).
fn without_regnal_number<'k>(key: &'k str, surface: &str) -> &'k str {
    let Some((_, number)) = surface.rsplit_once(' ') else {
        return key;
    };
    let regnal = number.len() >= 2
        && number
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'));
    match key.rsplit_once(' ') {
        Some((name, last)) if regnal && last.eq_ignore_ascii_case(number) => name,
        _ => key,
    }
}

/// A name without its possessive ending ("Nasser's" → "Nasser").
fn strip_possessive(name: &str) -> &str {
    ["'s", "’s", "'S"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name)
}

/// The text of tokens `first..end` as written.
fn span_text<'s>(sentence: &Sentence<'s>, first: usize, end: usize) -> &'s str {
    let tokens = &sentence.tokens;
    &sentence.text[tokens[first].start..tokens[end - 1].end]
}

/// A member of a party, as written before a name.
fn is_party(word: &str) -> bool {
    matches!(
        word,
        "democrat" | "republican" | "independent" | "labour" | "tory" | "conservative" | "liberal"
    )
}

/// Demonyms no common ending gives away. Alone they may be surnames
/// ("Dawn French … French said"): they are demonyms only beside a name or
/// a title ("French President …", "Syria French forces").
const IRREGULAR_DEMONYMS: &[&str] = &[
    "French",
    "Dutch",
    "Greek",
    "Thai",
    "Swiss",
    "Czech",
    "Welsh",
    "Basque",
    "Arab",
    "Uzbek",
    "Kazakh",
    "Slovak",
    "Croat",
    "Serb",
    "Filipino",
    "Argentine",
    "Cypriot",
    "Maori",
    "Inuit",
];

/// Adjectives of nationality: "Qadiran", "Turkish", "Japanese", "Iraqi",
/// "French".
fn is_demonym(word: &str) -> bool {
    if IRREGULAR_DEMONYMS.contains(&word) {
        return true;
    }
    let bytes = word.as_bytes();
    bytes.len() > 4
        && ["an", "ese", "ish", "i"]
            .iter()
            .any(|s| bytes[bytes.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes()))
        && !is_known_place(&normalize(word))
}

/// Whether the gazetteer knows a (normalized) name as a place's.
fn is_known_place(key: &str) -> bool {
    GAZETTEER_KEYS
        .get(key)
        .is_some_and(|(kind, _)| *kind == EntityKind::Place)
}

/// Peoples, faiths and factions whose adjective is not its place's name
/// with an ending.
const OTHER_PEOPLES: &[&str] = &[
    "American", "Afghan", "Saudi", "Emirati", "Sunni", "Houthi", "Anglican",
];

/// Whether a word shaped like a demonym (see [`is_demonym`]) is one: in
/// "-ese", "-ish", "-ian" or "-ean" (surnames seldom end so, adjectives of
/// names often: "Keynesian", "Aegean"), a party's, one of
/// [`OTHER_PEOPLES`], or a place's name with an ending ("Mexican",
/// "Pakistani", "Texan", "Qadiran" where the story names Qadira) — not a
/// surname that ends the same way ("Stadnicki recommend", "Sullivan
/// wrote", "Goodman plays").
fn names_a_people(word: &str, casing: &Casing) -> bool {
    // "Pro-Russian", "French-Syrian": the last part says.
    let word = word.rsplit('-').next().unwrap_or(word);
    let lower = word.to_lowercase();
    if !lower.is_ascii()
        || ["ese", "ish", "ian", "ean"]
            .iter()
            .any(|ending| lower.ends_with(ending))
        || IRREGULAR_DEMONYMS.contains(&word)
        || OTHER_PEOPLES.contains(&word)
        || is_party(&lower)
    {
        return true;
    }
    let mut candidate = String::with_capacity(lower.len() + 3);
    (0..=4).any(|cut| {
        let Some(stem) = lower
            .get(..lower.len().saturating_sub(cut))
            .filter(|s| s.len() >= 4)
        else {
            return false;
        };
        ["", "a", "o", "y", "s", "e", "ia", "ium"]
            .iter()
            .any(|ending| {
                candidate.clear();
                candidate.push_str(stem);
                candidate.push_str(ending);
                (cut > 0 || !ending.is_empty())
                    && (is_known_place(&candidate) || casing.capitalized_inside(&candidate))
            })
    })
}

/// Whether a run of words is a nationality or a people, not a name:
/// every word a demonym in the plural ("Americans", "Nevadans") or an
/// adjective in "-ish" or "-ese" ("Jewish", "Chinese"), or a compass
/// word before a demonym ("North Korean", "South African"). A single word
/// in "-an" alone ("Morgan", "Hassan") may be a name, so it is kept.
fn is_nationality(words: &[Token]) -> bool {
    let compass = |t: &Token| matches!(t.text, "North" | "South" | "East" | "West");
    let people = |t: &Token| {
        let text = t.text;
        let adjective = (text.ends_with("ish") || text.ends_with("ese")) && is_demonym(text);
        // Not "-is": "Israelis", but also "Minneapolis" and "Illinois".
        // "Republicans" name a party's members, which count.
        let plural = text.strip_suffix('s').is_some_and(|one| {
            one.ends_with("an") && is_demonym(one) && !is_party(&one.to_lowercase())
        });
        adjective || plural
    };
    match words {
        [] => false,
        [direction, demonym] if compass(direction) => people(demonym) || is_demonym(demonym.text),
        _ => words.iter().all(people),
    }
}

/// Entities found across the sentences, with a lookup from any spelling.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Most named first.
    pub list: Vec<Entity>,
    /// Every name found, with the entity it belongs to, in reading order
    /// (document, then sentence, then position).
    pub mentions: Vec<(NameMention, usize)>,
    by_key: FxHashMap<String, usize>,
    by_surname: FxHashMap<String, Option<usize>>,
}

impl Entities {
    /// The names found in one document, in reading order.
    pub fn in_document(&self, document: usize) -> &[(NameMention, usize)] {
        let start = self
            .mentions
            .partition_point(|(m, _)| m.document < document);
        let end = self
            .mentions
            .partition_point(|(m, _)| m.document <= document);
        &self.mentions[start..end]
    }

    /// The person last named in `document` before token `at` (sentence,
    /// token) whose mention `accept`s: who "he", "she" or "the president"
    /// is. None for a `pronoun` that stands for a person the last name
    /// owns ("Price's mother … she").
    pub fn last_person_before(
        &self,
        document: usize,
        at: (usize, usize),
        pronoun: Option<&str>,
        accept: impl Fn(&NameMention, &Entity) -> bool,
    ) -> Option<usize> {
        let persons = self.in_document(document).iter().filter(|(m, e)| {
            (m.sentence, m.token) < at && self.list[*e].kind == EntityKind::Person
        });
        // "Price's mother said she…": the one meant is not named.
        let nearest = persons.clone().max_by_key(|(m, _)| (m.sentence, m.token));
        if let (Some((m, _)), Some(pronoun)) = (nearest, pronoun)
            && m.owns_person
                .is_some_and(|noun| pronoun_fits_word(noun, pronoun))
        {
            return None;
        }
        persons
            .filter(|(m, _)| {
                // A title's last word says it ("prime minister", "mrs").
                let title = m.title.as_deref().and_then(|t| t.rsplit(' ').next());
                pronoun.is_none_or(|p| title.is_none_or(|t| pronoun_fits_word(t, p)))
            })
            .filter(|(m, e)| accept(m, &self.list[*e]))
            .max_by_key(|(m, _)| (m.sentence, m.token))
            .map(|(_, e)| *e)
    }

    /// The entity a spelling names: the same normalized spelling, or a
    /// person's surname when one person only has it.
    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        self.list.get(self.index_of(name)?)
    }

    /// The index in [`Entities::list`] of the entity a spelling names
    /// (see [`Entities::lookup`]).
    pub fn index_of(&self, name: &str) -> Option<usize> {
        let key = normalize(name);
        self.by_key
            .get(&key)
            .copied()
            .or_else(|| self.by_surname.get(&key).copied().flatten())
    }
}

/// What the names found are first grouped by: the gazetteer's name for
/// a spelling it knows, else the normalized spelling (borrowed from the
/// name found, as most are kept whole).
#[derive(PartialEq, Eq, Hash)]
enum GroupKey<'a> {
    Gazetteer(&'static str),
    Spelling(std::borrow::Cow<'a, str>),
}

/// Finds and merges the entities named in `sentences`.
pub fn entities(sentences: &[Sentence], ids: &[String]) -> Entities {
    let mut casing = Casing::default();
    // Plain words capitalised anywhere, whose lower-case uses are counted.
    let mut capitalized_words: FxHashSet<&str> = FxHashSet::default();
    let mut capitalized_anywhere: FxHashSet<String> = FxHashSet::default();
    // Whether each token of each sentence, in order, is capitalised: read
    // once here and again when the names are found.
    let capitalized: Vec<bool> = sentences
        .iter()
        .flat_map(|s| s.tokens.iter().map(is_capitalized))
        .collect();
    let mut flags = capitalized.iter();
    for sentence in sentences {
        for (i, token) in sentence.tokens.iter().enumerate() {
            if flags.next().copied().unwrap_or(false) {
                // Plain words normalize to their lower case: no need to
                // build a key to find they are known already.
                let plain = token.text.bytes().all(|b| b.is_ascii_alphanumeric());
                let owned;
                let key = if plain {
                    token.lower()
                } else {
                    owned = normalize(token.text);
                    owned.as_str()
                };
                if !opens_sentence(&sentence.tokens, i) {
                    match casing.capitalized_inside.get_mut(key) {
                        Some(count) => *count += 1,
                        None => {
                            casing.capitalized_inside.insert(key.to_string(), 1);
                        }
                    }
                }
                if plain {
                    capitalized_words.insert(token.lower());
                }
                // Only demonyms are looked up here ("Qadiran" for Qadira).
                if is_demonym(token.text) && !capitalized_anywhere.contains(key) {
                    capitalized_anywhere.insert(key.to_string());
                }
            }
        }
    }
    // Addresses and handles ("youtube.com", "@nytimes") are no uses of a
    // word.
    let in_address =
        |t: Option<&Token>| t.is_some_and(|t| matches!(t.text, "." | "/" | "@" | "#" | "_"));
    for sentence in sentences {
        let tokens = &sentence.tokens;
        for (i, token) in tokens.iter().enumerate() {
            // Most words are never capitalised: the set is asked first,
            // the neighbours only for the words it holds.
            if token.kind != TokenKind::Word
                || !token.text.starts_with(|c: char| c.is_ascii_lowercase())
                || !capitalized_words.contains(token.text)
            {
                continue;
            }
            let address = (token.glued && in_address(i.checked_sub(1).and_then(|b| tokens.get(b))))
                || tokens
                    .get(i + 1)
                    .is_some_and(|next| next.glued && in_address(Some(next)))
                    && tokens.get(i + 2).is_some_and(|after| after.glued);
            if !address {
                // Counted without a new key for each use: most are repeats.
                match casing.lower_case.get_mut(token.text) {
                    Some(count) => *count += 1,
                    None => {
                        casing.lower_case.insert(token.text.to_string(), 1);
                    }
                }
            }
        }
    }
    let mut offset = 0;
    let found: Vec<NameMention> = sentences
        .iter()
        .flat_map(|s| {
            let own = &capitalized[offset..offset + s.tokens.len()];
            offset += s.tokens.len();
            // Capitals tell no names in a sentence printed in them.
            if lexicon::shouts(s.text) {
                Vec::new()
            } else {
                names(s, own, &casing)
            }
        })
        .collect();
    // Group spellings: gazetteer name, else normalized spelling.
    let mut group_of_key: FxHashMap<GroupKey, usize> =
        FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut gazetteer: Vec<Option<(EntityKind, &'static str)>> = Vec::new();
    for (m, mention) in found.iter().enumerate() {
        if mention.key.is_empty() {
            continue;
        }
        let known = GAZETTEER_KEYS.get(&mention.key).copied();
        let group_key = match known {
            Some((_, name)) => GroupKey::Gazetteer(name),
            None => GroupKey::Spelling(in_the_singular(without_middle_initials(
                without_company_form(&mention.key),
            ))),
        };
        let g = *group_of_key.entry(group_key).or_insert_with(|| {
            groups.push(Vec::new());
            gazetteer.push(known);
            groups.len() - 1
        });
        groups[g].push(m);
    }
    let kinds: Vec<EntityKind> = (0..groups.len())
        .map(|g| kind(&groups[g], &found, gazetteer[g], &capitalized_anywhere))
        .collect();
    let key_of = |g: usize| found[groups[g][0]].key.as_str();
    // A shorter full name joins the one fuller name that ends with it
    // ("Tayyip Erdogan", "Recep Tayyip Erdogan"): left apart, the two
    // also made "Erdogan" alone name no one.
    let person_like = |g: usize| {
        gazetteer[g].is_none() && matches!(kinds[g], EntityKind::Person | EntityKind::Other)
    };
    let mut fuller: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    // The fuller name is known to be a person's ("Authorized K-Cups" is
    // not "K-Cups" with a first name).
    for g in (0..groups.len()).filter(|&g| person_like(g) && kinds[g] == EntityKind::Person) {
        let mut rest = key_of(g);
        while let Some((_, tail)) = rest.split_once(' ') {
            if tail.contains(' ') {
                the_one(&mut fuller, tail, g);
            }
            rest = tail;
        }
    }
    // A first and last name joins the one person named with a middle
    // name between them: "Kevin Johnson" is "Kevin Deon Johnson". Names
    // not yet known to be people's count too (a name with an age aside is
    // seldom typed a person's); unlike a shorter tail, a first and a last
    // word both shared are not a product's or a place's by chance.
    let mut with_middle: FxHashMap<(&str, &str), Option<usize>> = FxHashMap::default();
    for g in (0..groups.len()).filter(|&g| person_like(g)) {
        let words: Vec<&str> = key_of(g).split(' ').collect();
        if let (3..=4, Some(first), Some(last)) = (words.len(), words.first(), words.last()) {
            the_one(&mut with_middle, (first, last), g);
        }
    }
    let suffix_of: Vec<Option<usize>> = (0..groups.len())
        .map(|g| {
            let key = key_of(g);
            let h = fuller.get(key).copied().flatten().or_else(|| {
                let (first, last) = key.split_once(' ').filter(|(_, l)| !l.contains(' '))?;
                with_middle.get(&(first, last)).copied().flatten()
            });
            h.filter(|&h| h != g && person_like(g))
        })
        .collect();
    // A surname alone joins the one person whose name ends with it.
    let mut by_surname: FxHashMap<String, Option<usize>> = FxHashMap::default();
    // The same over the names typed a person's: "Urgant" is Ivan Urgant
    // though his show is "Evening Urgant".
    let mut by_persons_surname: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    // Family names some name puts first: "Lee" is neither Lee Harvey
    // Oswald nor Robert E. Lee.
    let mut family_first: FxHashSet<&str> = FxHashSet::default();
    for g in 0..groups.len() {
        let key = key_of(g);
        // A saint's name ("St Francis" of Assisi) is no one's full name in
        // the news: "Francis" alone is the pope the report names.
        if gazetteer[g].is_none()
            && suffix_of[g].is_none()
            && kinds[g] != EntityKind::Organization
            && !key.starts_with("st ")
            && let Some((_, last)) = key.rsplit_once(' ')
        {
            the_one(&mut by_surname, last.to_string(), g);
            if kinds[g] == EntityKind::Person {
                the_one(&mut by_persons_surname, last, g);
            }
            // Chinese, Korean and Vietnamese names put the family name
            // first: "Kim" and "President Xi" are Kim Jong-un and Xi
            // Jinping.
            if let Some((first, given)) = key.split_once(' ')
                && FAMILY_NAMES_FIRST.contains(&first)
                && given.split(' ').count() <= 2
            {
                the_one(&mut by_surname, first.to_string(), g);
                family_first.insert(first);
            }
        }
    }
    // A given name alone joins the one person whose name opens with it,
    // when no name ends with it: features call people by their first
    // names ("Rus" for Rus Yusupov, "Nolan" for Nolan Brandy). A name not
    // known to be a person's counts when its last word is a surname the
    // story uses alone or in another name ("Aaron Klein", "Klein",
    // "Melissa Klein"); "Disney Channel" is no one's.
    let mut last_words: FxHashMap<&str, usize> = FxHashMap::default();
    for g in 0..groups.len() {
        let key = key_of(g);
        let last = key.rsplit_once(' ').map_or(key, |(_, last)| last);
        *last_words.entry(last).or_default() += 1;
    }
    // Each group's name without the regnal number it ends with, if it
    // ends with one ("Henry VIII" → "henry").
    let regnal_base: Vec<Option<&str>> = groups
        .iter()
        .map(|group| {
            let first = &found[group[0]];
            let base = without_regnal_number(&first.key, &first.surface);
            (base.len() < first.key.len()).then_some(base)
        })
        .collect();
    let mut by_given_name: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for g in 0..groups.len() {
        // ("House Republicans": a party's members, not a surname.)
        let surname_used = || {
            key_of(g).rsplit_once(' ').is_some_and(|(_, last)| {
                last_words.get(last).is_some_and(|&n| n >= 2)
                    && !is_party(last.strip_suffix('s').unwrap_or(last))
            })
        };
        // (A regnal name's first word is its base: "Henry VIII".)
        if suffix_of[g].is_none()
            && person_like(g)
            && regnal_base[g].is_none()
            && (kinds[g] == EntityKind::Person || surname_used())
            && let Some((given, _)) = key_of(g).split_once(' ')
        {
            the_one(&mut by_given_name, given, g);
        }
    }
    // A bare name joins the one place or organisation it heads: "Serin"
    // and "Serin River".
    let mut by_head: FxHashMap<String, Option<usize>> = FxHashMap::default();
    for g in 0..groups.len() {
        let key = key_of(g);
        if gazetteer[g].is_none()
            && matches!(kinds[g], EntityKind::Place | EntityKind::Organization)
            && let Some((head, _)) = key.split_once(' ')
        {
            the_one(&mut by_head, head.to_string(), g);
        }
    }
    let mut merged_into: Vec<usize> = (0..groups.len())
        .map(|g| suffix_of[g].unwrap_or(g))
        .collect();
    // "Capitol Police" is the "U.S. Capitol Police" of a report that
    // names the country, "Bureau of Labor and Industries" the "Oregon
    // Bureau of Labor and Industries" of one that names the state.
    let by_key: FxHashMap<&str, usize> = (0..groups.len()).map(|g| (key_of(g), g)).collect();
    for g in 0..groups.len() {
        let key = key_of(g);
        let rest = key
            .strip_prefix("us ")
            .or_else(|| key.strip_prefix("united states "))
            .or_else(|| {
                // (No person's: "Jordan Michael Smith" does not take in
                // "Michael Smith".)
                let (first, rest) = key.split_once(' ')?;
                let person = kinds[g] == EntityKind::Person;
                (!person && is_known_place(first) && rest.contains(' ')).then_some(rest)
            });
        if let Some(&short) = rest.and_then(|rest| by_key.get(rest))
            && short != g
            && gazetteer[short].is_none()
            && kinds[short] != EntityKind::Person
            && merged_into[short] == short
            && merged_into[g] == g
        {
            merged_into[short] = g;
        }
    }
    // An acronym joins the one name it abbreviates: "AP" and "Associated
    // Press", "NPI" and "National Policy Institute", "BOLI" and "Bureau of
    // Labor and Industries" (which the "Oregon Bureau of Labor and
    // Industries" of another report took in above).
    // (Initials are spelt only in a story that writes an acronym, and
    // only for names of two words or more.)
    let writes_acronyms = (0..groups.len())
        .any(|g| gazetteer[g].is_none() && is_acronym(&found[groups[g][0]].surface));
    let mut by_initials: FxHashMap<String, Option<usize>> = FxHashMap::default();
    for (g, kind) in kinds.iter().enumerate() {
        if writes_acronyms && *kind != EntityKind::Person && key_of(g).contains(' ') {
            for initials in acronyms(&found[groups[g][0]].surface) {
                the_one(&mut by_initials, initials, merged_into[g]);
            }
        }
    }
    for g in 0..groups.len() {
        let surface = &found[groups[g][0]].surface;
        // Two initials with periods shorten a known place ("N.Y.",
        // "L.A."); "H.R." 3 and "M.D." are a bill and a degree more often
        // than a "House Republican" or "Mental Disorders".
        let dotted_pair = surface.contains('.') && key_of(g).len() == 2;
        let known_place = |target: usize| matches!(gazetteer[target], Some((EntityKind::Place, _)));
        if gazetteer[g].is_none()
            && is_acronym(surface)
            && let Some(Some(target)) = by_initials.get(key_of(g))
            && merged_into[*target] == *target
            && (!dotted_pair || known_place(*target))
        {
            merged_into[g] = *target;
        }
    }
    // A name a title or a verb of saying shows to be a person's and that
    // ends in a regnal number ("Pope emeritus Benedict XVI") takes the
    // name without it ("Benedict"); two such names on one base ("Pius XI",
    // "Pius XII") take none, nor does a base that is also another
    // person's given name ("Henry VIII", "Henry Ford").
    let mut by_regnal_base: FxHashMap<std::borrow::Cow<'_, str>, Option<usize>> =
        FxHashMap::default();
    for (g, group) in groups.iter().enumerate() {
        let person = group
            .iter()
            .any(|&m| found[m].title.is_some() || found[m].speaks);
        if gazetteer[g].is_none()
            && person
            && let Some(base) = regnal_base[g]
        {
            the_one(&mut by_regnal_base, without_middle_initials(base), g);
        }
    }
    for g in 0..groups.len() {
        let key = without_middle_initials(key_of(g));
        // Another person's given name too (or several people's): no one's.
        let given = by_given_name.get(key.as_ref());
        if gazetteer[g].is_none()
            && let Some(Some(target)) = by_regnal_base.get(&key)
            && *target != g
            && given.is_none()
        {
            merged_into[g] = *target;
        }
    }
    // "Al Gore" is keyed "gore", as "al-Assad" is "assad": but Al is
    // a given name there, and Al Gore is not Tipper Gore. Such a name
    // joins only a name with the article inside ("Ali Al Habsi",
    // "Bashar al-Assad") or one whose given name "Al" shortens
    // ("Alfred Blumstein").
    let given_al = |group: &[usize]| group.iter().any(|&m| found[m].surface.starts_with("Al "));
    let article_or_al = |t: usize| {
        let surface = found[groups[t][0]].surface.as_str();
        let shortened = surface
            .split(' ')
            .next()
            .is_some_and(|first| AL_SHORTENS.contains(&first));
        shortened
            || [" Al ", " al ", " Al-", " al-"]
                .iter()
                .any(|a| surface.contains(a))
    };
    for g in 0..groups.len() {
        let key = key_of(g);
        if gazetteer[g].is_some() || key.contains(' ') || merged_into[g] != g {
            continue;
        }
        // (When several names end with it, the one person's among them.)
        let surname: Option<Option<usize>> = by_surname.get(key).map(|one| {
            one.or_else(|| {
                (!family_first.contains(key))
                    .then(|| by_persons_surname.get(key).copied().flatten())
                    .flatten()
            })
        });
        // A given name is never a word the story writes in lower case
        // ("the House", "the house"), nor a name given with a title ("Prince
        // Andrew" is not Andrew Lownie), nor a regnal name's base.
        let given_name = || {
            let alone = surname.is_none()
                && matches!(kinds[g], EntityKind::Person | EntityKind::Other)
                && !casing.written_in_lower_case(key)
                && !groups[g].iter().any(|&m| found[m].title.is_some())
                && !by_regnal_base.contains_key(key);
            alone
                .then(|| by_given_name.get(key).copied().flatten())
                .flatten()
        };
        let target = match surname {
            Some(Some(target)) => Some(target),
            _ => given_name().or_else(|| {
                // A bare name written as a place's ("in Kiruna") is the
                // town, not the church or firm named after it.
                let located = groups[g].iter().any(|&m| found[m].located);
                (kinds[g] == EntityKind::Other)
                    .then(|| by_head.get(key).copied().flatten())
                    .flatten()
                    .filter(|&t| !(located && kinds[t] == EntityKind::Organization))
            }),
        };
        if let Some(target) = target.filter(|&t| t != g)
            && (!given_al(&groups[g]) || article_or_al(target))
        {
            merged_into[g] = target;
        }
    }
    // A name merged into one that is merged in turn goes where that one
    // went ("Rahall" → "Nick Rahall" → "Nick J. Rahall II").
    for g in 0..groups.len() {
        let mut target = merged_into[g];
        for _ in 0..groups.len() {
            if merged_into[target] == target {
                break;
            }
            target = merged_into[target];
        }
        // (A cycle, which no rule should make, leaves the name its own.)
        merged_into[g] = if merged_into[target] == target {
            target
        } else {
            g
        };
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for g in 0..groups.len() {
        members[merged_into[g]].extend(groups[g].iter().copied());
    }
    let mut built: Vec<(Entity, Vec<usize>)> = Vec::new();
    for g in 0..groups.len() {
        if merged_into[g] != g || members[g].is_empty() {
            continue;
        }
        // A name of no known kind that speaks or has a title is a
        // person's, unless only its acronym speaks: a body's ("the ESA
        // said").
        let speaking = |m: &usize| found[*m].title.is_some() || found[*m].speaks;
        let kind = if kinds[g] != EntityKind::Other || !members[g].iter().any(speaking) {
            kinds[g]
        } else if members[g]
            .iter()
            .filter(|m| speaking(m))
            .all(|&m| is_acronym(&found[m].surface))
        {
            EntityKind::Organization
        } else {
            EntityKind::Person
        };
        built.push((
            entity(&members[g], &found, kind, gazetteer[g], ids),
            members[g].clone(),
        ));
    }
    built.sort_by(|(a, _), (b, _)| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    let mut result = Entities::default();
    let mut entity_of = vec![usize::MAX; found.len()];
    for (e, (entity, members)) in built.into_iter().enumerate() {
        for &m in &members {
            entity_of[m] = e;
        }
        for spelling in std::iter::once(&entity.name).chain(&entity.aliases) {
            result.by_key.entry(normalize(spelling)).or_insert(e);
        }
        if entity.kind == EntityKind::Person
            && let Some((_, last)) = normalize(&entity.name).rsplit_once(' ')
        {
            result
                .by_surname
                .entry(last.to_string())
                .and_modify(|x| *x = None)
                .or_insert(Some(e));
        }
        result.list.push(entity);
    }
    result.mentions = found
        .into_iter()
        .zip(entity_of)
        .filter(|(_, e)| *e != usize::MAX)
        .collect();
    result
}

fn kind(
    group: &[usize],
    found: &[NameMention],
    gazetteer: Option<(EntityKind, &'static str)>,
    capitalized: &FxHashSet<String>,
) -> EntityKind {
    if let Some((kind, _)) = gazetteer {
        return kind;
    }
    let surface = &found[group[0]].surface;
    if group.iter().any(|&m| found[m].title.is_some()) {
        return EntityKind::Person;
    }
    // The words' flags, each word lowered into one buffer (a group's
    // kind is asked for every name found), and the flags of the head
    // word, which says what the name is: the last word ("Church Avenue" is
    // a street, "Ebenezer Baptist Church" a church) or the one before
    // "of" ("Department of State").
    let mut lower = String::new();
    let mut flags = 0;
    let mut head_flags = 0;
    let mut past_of = false;
    // A person's name of two or three capitalised words opening with a
    // common given name ("Robert Mueller", "Hillary Rodham Clinton"),
    // though no title or verb of saying marks it.
    let (mut words, mut capitalised, mut given) = (0, true, false);
    // "Ban Ki-moon", "Wong Tat-hou": a family name, then a given name of
    // two syllables. "T. S. Eliot", "W. H. Auden": initials, then a
    // surname (not "U. S. Marshals" spaced out, nor a question's "Q."
    // opening a line).
    let (mut family, mut initial, mut last) = (false, false, "");
    for word in surface.split_whitespace() {
        words += 1;
        last = word;
        capitalised &= word.chars().next().is_some_and(char::is_uppercase);
        if word == "of" {
            past_of = true;
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if words == 1 {
            given = GIVEN_NAME_SEXES.contains_key(lower.as_str());
            family = FAMILY_NAMES_FIRST.contains(&lower.as_str());
            initial = word.len() == 2
                && word.ends_with('.')
                && word.starts_with(|c: char| c.is_ascii_uppercase() && !matches!(c, 'U' | 'Q'));
        }
        // "Stanley Cup Final", "Grace Memorial Marathon": an event's name.
        given &= !EVENT_NAME_ENDS.contains(&lower.as_str());
        let word_flags = lexicon::flags(&lower);
        flags |= word_flags;
        if !past_of {
            head_flags = word_flags;
        }
    }
    let given_name_first = given && capitalised && (2..=3).contains(&words);
    let family_name_first = family && words == 2 && is_syllable_pair(last);
    let initials_first = initial
        && words >= 2
        && last.len() > 2
        && last.chars().all(char::is_alphabetic)
        && last.starts_with(char::is_uppercase);
    if (flags & ORGANIZATION != 0 && head_flags & PLACE == 0) || names_a_church(surface) {
        return EntityKind::Organization;
    }
    if flags & PLACE != 0 {
        return EntityKind::Place;
    }
    let (letters, capitals) = surface
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(n, up), c| {
            (n + 1, up + usize::from(c.is_uppercase()))
        });
    if (2..=5).contains(&letters) && capitals == letters {
        return EntityKind::Organization;
    }
    // A country or region has a demonym: Qadira → Qadiran.
    let mut words = surface.split_whitespace();
    if let (Some(word), None) = (words.next(), words.next()) {
        let word = word.to_lowercase();
        let base = word.trim_end_matches(['a', 'e', 'o']);
        let mut candidate = String::with_capacity(word.len() + 3);
        let demonym = ["n", "an", "ian", "i", "ese"].iter().any(|suffix| {
            [word.as_str(), base].iter().any(|stem| {
                candidate.clear();
                candidate.push_str(stem);
                candidate.push_str(suffix);
                capitalized.contains(&candidate)
            })
        });
        if demonym {
            return EntityKind::Place;
        }
    }
    if given_name_first
        || family_name_first
        || initials_first
        || group.iter().any(|&m| found[m].speaks || found[m].personal)
    {
        return EntityKind::Person;
    }
    let located = group.iter().filter(|&&m| found[m].located).count();
    if located * 2 > group.len() {
        return EntityKind::Place;
    }
    EntityKind::Other
}

fn entity(
    members: &[usize],
    found: &[NameMention],
    kind: EntityKind,
    gazetteer: Option<(EntityKind, &'static str)>,
    ids: &[String],
) -> Entity {
    let mut spellings: Vec<(&str, usize, usize)> = Vec::new();
    let mut documents: Vec<usize> = Vec::new();
    for (order, &m) in members.iter().enumerate() {
        let surface = found[m].surface.as_str();
        match spellings.iter_mut().find(|(s, ..)| *s == surface) {
            Some(entry) => entry.1 += 1,
            None => spellings.push((surface, 1, order)),
        }
        documents.push(found[m].document);
    }
    documents.sort_unstable();
    documents.dedup();
    fold_case_variants(&mut spellings);
    // The gazetteer's name when a source uses it, else the fullest
    // spelling, the most used of equals.
    let name = match gazetteer {
        Some((_, canonical)) if spellings.iter().any(|(s, ..)| *s == canonical) => {
            canonical.to_string()
        }
        _ => spellings
            .iter()
            .max_by(|a, b| {
                a.0.split_whitespace()
                    .count()
                    .cmp(&b.0.split_whitespace().count())
                    .then(a.1.cmp(&b.1))
                    .then(b.2.cmp(&a.2))
            })
            .map(|s| s.0.to_string())
            .unwrap_or_default(),
    };
    spellings.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    Entity {
        aliases: spellings
            .iter()
            .filter(|(s, ..)| *s != name)
            .map(|(s, ..)| s.to_string())
            .collect(),
        name,
        kind,
        sources: documents.into_iter().map(|d| ids[d].clone()).collect(),
        mentions: members.len(),
    }
}

/// Folds spellings that differ only in case ("Istanbul", "ISTANBUL" in a
/// dateline; "al-Nasser", "Al-Nasser" opening a sentence) into one, which
/// takes the others' uses: the one written inside a fuller spelling
/// ("Karim al-Nasser"), else the most used of those not in capitals. A
/// case variant is the same spelling, not an alias.
fn fold_case_variants(spellings: &mut Vec<(&str, usize, usize)>) {
    let shouted = |s: &str| !s.chars().any(char::is_lowercase);
    let all: Vec<&str> = spellings.iter().map(|s| s.0).collect();
    let inside_fuller = |s: &str| all.iter().any(|f| f.len() > s.len() && f.contains(s));
    let rank = |s: &str, uses: usize| (inside_fuller(s), !shouted(s), uses);
    let mut kept: Vec<(&str, usize, usize)> = Vec::with_capacity(spellings.len());
    for &(spelling, uses, order) in spellings.iter() {
        match kept
            .iter_mut()
            .find(|(k, ..)| k.to_lowercase() == spelling.to_lowercase())
        {
            Some(entry) => {
                let better = rank(spelling, uses) > rank(entry.0, entry.1);
                if better {
                    entry.0 = spelling;
                }
                entry.1 += uses;
                entry.2 = entry.2.min(order);
            }
            None => kept.push((spelling, uses, order)),
        }
    }
    *spellings = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entities of sentences given with the document each is in
    /// (documents `d0`, `d1`, … up to the last one named).
    fn found_in(texts: &[(usize, &'static str)]) -> Entities {
        let input = crate::scan::tokens::sentences_static(texts);
        let documents = texts.iter().map(|&(d, _)| d + 1).max().unwrap_or(0);
        let ids: Vec<String> = (0..documents).map(|i| format!("d{i}")).collect();
        entities(&input, &ids)
    }

    /// The entities' names, in the order found.
    fn names_of(found: &Entities) -> Vec<&str> {
        found.list.iter().map(|e| e.name.as_str()).collect()
    }

    /// The name of the entity a spelling names.
    fn name_of<'f>(found: &'f Entities, spelling: &str) -> Option<&'f str> {
        found.lookup(spelling).map(|e| e.name.as_str())
    }

    /// Asserts that each of `names` is an entity's name.
    fn assert_named(found: &Entities, names: &[&str]) {
        let all = names_of(found);
        for name in names {
            assert!(all.contains(name), "{name}: {all:?}");
        }
    }

    /// The name and kind of the entity a spelling names.
    fn kind_of<'f>(found: &'f Entities, name: &str) -> Option<(&'f str, EntityKind)> {
        found.lookup(name).map(|e| (e.name.as_str(), e.kind))
    }

    /// Asserts that each spelling names a person of that full name.
    fn assert_persons(found: &Entities, names: &[&str]) {
        for &name in names {
            assert_eq!(
                kind_of(found, name),
                Some((name, EntityKind::Person)),
                "{:?}",
                names_of(found)
            );
        }
    }

    #[test]
    fn places_named_with_of_or_an_abbreviated_saint_are_one_name() {
        let found = found_in(&[
            (
                0,
                "The attorney for the District of Columbia visited St. Croix on Monday.",
            ),
            (
                1,
                "Officials in St. Croix and the District of Columbia agreed.",
            ),
        ]);
        let names = names_of(&found);
        assert!(found.lookup("District of Columbia").is_some(), "{names:?}");
        assert!(found.lookup("St. Croix").is_some(), "{names:?}");
        for part in ["District", "Columbia", "St", "Croix"] {
            assert!(!names.contains(&part), "{names:?}");
        }
    }

    #[test]
    fn nationalities_and_peoples_are_not_names() {
        let found = found_in(&[
            (
                0,
                "Many Americans and Nevadans backed the plan, as did Jewish groups and North Korean officials.",
            ),
            (
                0,
                "Mostefai, a French citizen, and the Dutch police were named.",
            ),
            (
                1,
                "Republicans and Morgan Hassan opposed it in Minneapolis.",
            ),
        ]);
        let names = names_of(&found);
        for people in [
            "Americans",
            "Nevadans",
            "Jewish",
            "North Korean",
            "French",
            "Dutch",
        ] {
            assert!(!names.contains(&people), "{names:?}");
        }
        assert_named(&found, &["Republicans", "Morgan Hassan", "Minneapolis"]);
    }

    #[test]
    fn a_first_name_opening_a_sentence_stays_in_the_name() {
        let found = found_in(&[
            (
                0,
                "Eric Adams, the borough president, said the plan was fair.",
            ),
            (1, "Although Lehmkuhl disagreed, the council voted for it."),
            (1, "Adams spoke after the vote."),
        ]);
        let names = names_of(&found);
        assert!(names.contains(&"Eric Adams"), "{names:?}");
        assert_eq!(
            found.lookup("Adams").map(|e| e.name.as_str()),
            Some("Eric Adams")
        );
        // A conjunction opening a sentence is no first name.
        assert!(names.contains(&"Lehmkuhl"), "{names:?}");
        assert!(
            !names.iter().any(|n| n.starts_with("Although")),
            "{names:?}"
        );
    }

    #[test]
    fn a_word_the_story_writes_in_lower_case_is_no_name() {
        let found = found_in(&[
            (
                0,
                "Officials said Charges were filed on Monday, and Price said so.",
            ),
            (
                0,
                "The charges were read in court; the price of the deal fell.",
            ),
            (
                1,
                "Price said the charges were fair, and Price signed the deal.",
            ),
            (1, "Watch it at youtube.com, where YouTube hosts the video."),
        ]);
        let names = names_of(&found);
        // "Charges" is capitalised once and written in lower case twice.
        assert!(!names.contains(&"Charges"), "{names:?}");
        // "Price" names more often than "price" counts; an address is no
        // use of a word.
        assert_named(&found, &["Price", "YouTube"]);
    }

    #[test]
    fn a_common_given_name_opens_a_persons_name() {
        let found = found_in(&[
            (
                0,
                "The inquiry of Robert Mueller went on as Hillary Rodham Clinton waited.",
            ),
            (
                1,
                "Reporters in Santa Rosa waited for Al Jazeera and Summer Olympics news.",
            ),
        ]);
        let kind = |name: &str| found.lookup(name).map(|e| e.kind);
        assert_eq!(kind("Robert Mueller"), Some(EntityKind::Person));
        assert_eq!(kind("Hillary Rodham Clinton"), Some(EntityKind::Person));
        for thing in ["Santa Rosa", "Al Jazeera", "Summer Olympics"] {
            assert_ne!(kind(thing), Some(EntityKind::Person), "{thing}");
        }
        // Companies and events a given name opens.
        let found = found_in(&[(
            0,
            "Austin Energy said the Stanley Cup Final and Jack Daniel Distillery lost power.",
        )]);
        let kind = |name: &str| found.lookup(name).map(|e| e.kind);
        assert_eq!(kind("Austin Energy"), Some(EntityKind::Organization));
        assert_eq!(
            kind("Jack Daniel Distillery"),
            Some(EntityKind::Organization)
        );
        assert_ne!(kind("Stanley Cup Final"), Some(EntityKind::Person));
        // The one told is no speaker.
        let found = found_in(&[(0, "Mr. Reid told Nevada Public Radio about it.")]);
        let kind = |name: &str| found.lookup(name).map(|e| e.kind);
        assert_eq!(kind("Reid"), Some(EntityKind::Person));
        assert_ne!(kind("Nevada Public Radio"), Some(EntityKind::Person));
    }

    #[test]
    fn an_age_or_a_relative_after_a_name_makes_it_a_persons() {
        let found = found_in(&[
            (0, "Shimron Smith, 25, of Brooklyn was charged on Friday."),
            (0, "Rinat Akhmetshin's wife was at the meeting."),
            (0, "A resident of Laguna Niguel, 45, was hurt."),
            (0, "Zorvex's sister company Zorvex Heavy Industries grew."),
        ]);
        let kind = |name: &str| found.lookup(name).map(|e| e.kind);
        assert_eq!(kind("Shimron Smith"), Some(EntityKind::Person));
        assert_eq!(kind("Rinat Akhmetshin"), Some(EntityKind::Person));
        assert_ne!(kind("Laguna Niguel"), Some(EntityKind::Person));
        assert_ne!(kind("Zorvex"), Some(EntityKind::Person));
    }

    #[test]
    fn a_pronoun_fits_the_sex_a_given_name_is_given_to() {
        assert!(!pronoun_fits("Priscilla Chan", "he"));
        assert!(pronoun_fits("Priscilla Chan", "she"));
        assert!(!pronoun_fits("Robert Mueller", "she"));
        // A name the US gives women and Italy men.
        assert!(pronoun_fits("Andrea Bocelli", "he"));
        // Names given to both, or not known: either.
        assert!(pronoun_fits("Leslie Knope", "he"));
        assert!(pronoun_fits("Leslie Knope", "she"));
        assert!(pronoun_fits("Nkosazana Dlamini-Zuma", "he"));
        assert!(pronoun_fits("Obama", "she"));
    }

    #[test]
    fn a_middle_initial_that_is_also_a_word_stays_in_the_name() {
        let found = found_in(&[
            (0, "The case was brought by Channing D. Phillips on Monday."),
            (1, "Phillips agreed, and Stephanie A. Miner did not."),
        ]);
        let names = names_of(&found);
        assert!(names.contains(&"Channing D. Phillips"), "{names:?}");
        assert!(names.contains(&"Stephanie A. Miner"), "{names:?}");
        // Initials opening a name inside a sentence; such a name is a
        // person's, "U. S." spaced out is not.
        let found = found_in(&[
            (0, "The poet T. S. Eliot met W. H. Auden in London."),
            (1, "Both Eliot and the U. S. Marshals were there."),
        ]);
        assert_persons(&found, &["T. S. Eliot", "W. H. Auden"]);
        assert_ne!(
            kind_of(&found, "U. S. Marshals").map(|(_, kind)| kind),
            Some(EntityKind::Person)
        );
    }

    #[test]
    fn case_variants_initials_and_parties_are_one_name() {
        let found = found_in(&[
            (
                0,
                "Mayor Rui Tavares of Roma spoke, and Hadi al-Rami agreed.",
            ),
            (1, "Al-Rami thanked him."),
            (2, "Crowds cheered al-Rami."),
            (
                1,
                "ROMA - Crowds in Roma cheered Democrat Nora J. Pell on Monday.",
            ),
            (2, "Roma welcomed Nora Pell, and Pell thanked the city."),
        ]);
        let names: Vec<(&str, &[String])> = found
            .list
            .iter()
            .map(|e| (e.name.as_str(), e.aliases.as_slice()))
            .collect();
        let roma = found.lookup("Roma");
        assert_eq!(roma.map(|e| e.name.as_str()), Some("Roma"), "{names:?}");
        assert_eq!(roma.map(|e| e.aliases.len()), Some(0), "{names:?}");
        let pell = found.lookup("Nora Pell");
        assert_eq!(pell.map(|e| e.sources.len()), Some(2), "{names:?}");
        assert_eq!(pell.map(|e| e.kind), Some(EntityKind::Person), "{names:?}");
        assert!(
            !found.list.iter().any(|e| e.name.contains("Democrat")),
            "{names:?}"
        );
        let rami = found.lookup("Hadi al-Rami");
        assert_eq!(
            rami.map(|e| e.aliases.clone()),
            Some(vec!["al-Rami".to_string()]),
            "{names:?}"
        );
    }

    #[test]
    fn contractions_and_party_tags_are_not_names() {
        let found = found_in(&[
            (0, "“We’re ready,” said Sen. Ola Brandt, D-Ore., on Friday."),
            (
                1,
                "Don't wait, He'd said to Senate Majority Leader Ivo Rask.",
            ),
        ]);
        let names = names_of(&found);
        for junk in ["We’re", "Don't", "He'd", "D-Ore", "Senate Majority"] {
            assert!(!names.contains(&junk), "{junk}: {names:?}");
        }
        assert!(names.contains(&"Ola Brandt"), "{names:?}");
        assert!(names.contains(&"Ivo Rask"), "{names:?}");
    }

    #[test]
    fn a_shorter_full_name_joins_the_fuller_one() {
        let found = found_in(&[
            (0, "President Recep Ali Demiral opened the bridge."),
            (1, "President Ali Demiral spoke first."),
            (1, "Demiral thanked the builders."),
        ]);
        let names: Vec<(&str, &[String])> = found
            .list
            .iter()
            .map(|e| (e.name.as_str(), e.aliases.as_slice()))
            .collect();
        let demiral = found.lookup("Demiral");
        assert_eq!(
            demiral.map(|e| (e.name.as_str(), e.sources.len())),
            Some(("Recep Ali Demiral", 2)),
            "{names:?}"
        );
    }

    #[test]
    fn a_given_name_alone_joins_the_one_person_it_opens() {
        let found = found_in(&[
            (
                0,
                "The app's co-founder, Rus Yusupov, said the show would go on.",
            ),
            (0, "On Friday, Rus said he was proud of the team."),
            (1, "Kevin Marsh and Kevin Long spoke."),
            (1, "Kevin said nothing more."),
        ]);
        let rus = found.lookup("Rus");
        assert_eq!(rus.map(|e| e.name.as_str()), Some("Rus Yusupov"));
        // Two people open with "Kevin": it names neither.
        let kevin = found.lookup("Kevin").map(|e| e.name.as_str());
        assert!(
            !matches!(kevin, Some("Kevin Marsh" | "Kevin Long")),
            "{kevin:?}"
        );
    }

    #[test]
    fn a_party_s_members_one_or_many_are_one_name() {
        let found = found_in(&[
            (
                0,
                "Democrats blocked the bill, and one Democrat said it was rushed.",
            ),
            (1, "The GOP leader said Republicans would try again."),
            (1, "The Democratic nominee was not asked."),
        ]);
        let democrat = found.lookup("Democrats").map(|e| e.name.as_str());
        assert!(democrat.is_some());
        assert_eq!(found.lookup("Democrat").map(|e| e.name.as_str()), democrat);
        let republican = found.lookup("Republicans").map(|e| e.name.as_str());
        assert!(republican.is_some());
        assert_eq!(found.lookup("GOP").map(|e| e.name.as_str()), republican);
        // The adjective is not the party's members.
        assert_ne!(
            found.lookup("Democratic").map(|e| e.name.as_str()),
            democrat
        );
    }

    #[test]
    fn a_family_name_written_first_names_its_person_alone() {
        let found = found_in(&[
            (
                0,
                "North Korean leader Kim Jong-un met Chinese President Xi Jinping.",
            ),
            (
                1,
                "Leader Kim said the talks went well, and President Xi agreed.",
            ),
            (2, "Lee Harvey Oswald and Robert E. Lee were named."),
            (2, "Lee was not mentioned again."),
            (
                3,
                "The Hong Kong-based group Lin Chong-pin founded was named.",
            ),
        ]);
        assert!(found.lookup("Lin Chong-pin").is_some());
        assert!(found.list.iter().all(|e| !e.name.contains("based")));
        let kim = found.lookup("Kim");
        assert_eq!(kim.map(|e| e.name.as_str()), Some("Kim Jong-un"));
        let xi = found.lookup("Xi");
        assert_eq!(xi.map(|e| e.name.as_str()), Some("Xi Jinping"));
        // One name opens with "Lee" and another ends with it: it names neither.
        let lee = found.lookup("Lee").map(|e| e.name.as_str());
        assert!(
            !matches!(lee, Some("Lee Harvey Oswald" | "Robert E. Lee")),
            "{lee:?}"
        );
        // Korean and Cantonese family names; a hyphenated title.
        let found = found_in(&[
            (
                0,
                "U.N. Secretary-General Ban Ki-moon met Wong Tat-hou in Macau.",
            ),
            (1, "Ban Ki-moon thanked Wong Tat-hou."),
        ]);
        assert_persons(&found, &["Ban Ki-moon", "Wong Tat-hou"]);
    }

    #[test]
    fn a_regnal_number_is_part_of_the_name_a_title_shows_a_person_s() {
        let found = found_in(&[
            (0, "Pope emeritus Benedict XVI met his successor."),
            (0, "Benedict XVI greeted him at the door."),
            (1, "Benedict said they prayed together."),
            (1, "Fans of Led Zeppelin bought Led Zeppelin III again."),
        ]);
        let benedict = found.lookup("Benedict");
        assert_eq!(
            benedict.map(|e| (e.name.as_str(), e.kind, e.sources.len())),
            Some(("Benedict XVI", EntityKind::Person, 2)),
            "{:?}",
            names_of(&found)
        );
        // An album keeps its number: it is not the band.
        let band = found.lookup("Led Zeppelin").map(|e| e.name.as_str());
        assert_eq!(band, Some("Led Zeppelin"));
    }

    #[test]
    fn titled_names_regnal_bases_and_people_after_to_stay_apart() {
        let found = found_in(&[
            (0, "Prince Andrew left the palace on Monday."),
            (
                0,
                "The historian Andrew Lownie said the papers were sealed.",
            ),
            (
                1,
                "King Henry VIII built the palace, King Henry VIII said in a letter.",
            ),
            (1, "Henry Ford said cars would change the town."),
            (1, "Henry wrote back within a week."),
            (
                2,
                "Zelensky spoke to Trump by phone, and flew to Washington to meet Trump.",
            ),
            (2, "Trump said the meeting went well."),
        ]);
        let name = |spelling: &str| found.lookup(spelling).map(|e| e.name.as_str());
        assert_eq!(name("Andrew"), Some("Andrew"), "{:?}", names_of(&found));
        assert_eq!(name("Andrew Lownie"), Some("Andrew Lownie"));
        // "Henry" may be the king or the carmaker: neither takes it.
        assert!(!matches!(name("Henry"), Some("Henry VIII" | "Henry Ford")));
        let kind = found.lookup("Trump").map(|e| e.kind);
        assert_eq!(kind, Some(EntityKind::Person));
    }

    #[test]
    fn two_regnal_numbers_on_one_name_are_two_people() {
        let found = found_in(&[
            (0, "Pope Pius XII said the war must end."),
            (0, "Pope Pius XI had said so before him."),
            (1, "Pius was blamed for his silence."),
        ]);
        let xi = found.lookup("Pius XI").map(|e| e.name.as_str());
        let xii = found.lookup("Pius XII").map(|e| e.name.as_str());
        assert_ne!(xi, xii, "{:?}", names_of(&found));
    }

    #[test]
    fn church_after_one_word_may_be_a_surname() {
        let found = found_in(&[
            (
                0,
                "The singer Charlotte Church said she had missed performing.",
            ),
            (1, "Charlotte Church returns to the stage on Friday."),
        ]);
        let kind = found.lookup("Charlotte Church").map(|e| e.kind);
        assert_ne!(kind, Some(EntityKind::Organization));
    }

    #[test]
    fn a_saint_s_name_takes_no_one_s_given_name() {
        let found = found_in(&[
            (0, "Pope Francis met the crowd."),
            (
                0,
                "Francis said he chose the name in honour of St Francis of Assisi.",
            ),
            (1, "Pope Francis spoke."),
        ]);
        let francis = found.lookup("Francis");
        assert_eq!(francis.map(|e| e.name.as_str()), Some("Francis"));
    }

    #[test]
    fn a_church_is_an_organisation_and_its_street_a_place() {
        let found = found_in(&[
            (0, "Mourners gathered at Ebenezer Baptist Church on Sunday."),
            (0, "The shop stands on Church Avenue near the station."),
            (1, "The Church of England said nothing."),
        ]);
        let kind = |name: &str| found.lookup(name).map(|e| e.kind);
        assert_eq!(
            kind("Ebenezer Baptist Church"),
            Some(EntityKind::Organization)
        );
        assert_eq!(kind("Church Avenue"), Some(EntityKind::Place));
        assert_eq!(kind("Church of England"), Some(EntityKind::Organization));
    }

    #[test]
    fn a_name_mostly_written_as_a_place_s_is_a_place_though_a_verb_follows_it_once() {
        let found = found_in(&[
            (0, "Pope Francis flew to Castel Gandolfo on Saturday."),
            (0, "They met in Castel Gandolfo for lunch."),
            (
                1,
                "It was a brief visit to Castel Gandolfo, says David Willey.",
            ),
        ]);
        let kind = found.lookup("Castel Gandolfo").map(|e| e.kind);
        assert_eq!(kind, Some(EntityKind::Place));
    }

    #[test]
    fn a_first_and_last_name_joins_the_name_with_a_middle_name() {
        let found = found_in(&[
            (0, "Police arrested Kevin Deon Johnson on Friday."),
            (1, "Kevin Johnson, 25, was arrested a day later."),
            (1, "Kevin Marsh, a neighbour, called the police."),
        ]);
        let johnson = found.lookup("Kevin Johnson");
        assert_eq!(
            johnson.map(|e| (e.name.as_str(), e.sources.len())),
            Some(("Kevin Deon Johnson", 2))
        );
        assert_eq!(
            found.lookup("Kevin Marsh").map(|e| e.name.as_str()),
            Some("Kevin Marsh")
        );
    }

    #[test]
    fn acronyms_and_the_countrys_name_join_the_name_they_shorten() {
        let found = found_in(&[
            (
                0,
                "The rally was organised by the National Harbour Institute.",
            ),
            (1, "A spokesman for the NHI declined to comment."),
            (1, "Officers of the Capitol Police closed the street."),
            (0, "The U.S. Capitol Police said two people were held."),
        ]);
        assert_eq!(name_of(&found, "NHI"), Some("National Harbour Institute"));
        assert_eq!(
            name_of(&found, "Capitol Police"),
            Some("U.S. Capitol Police")
        );
        // Two names with the same initials: the acronym stays apart.
        let found = found_in(&[
            (
                0,
                "The National Harbour Institute met the Northern Hill Inn.",
            ),
            (1, "The NHI said nothing."),
        ]);
        assert_eq!(found.lookup("NHI").map(|e| e.name.as_str()), Some("NHI"));
    }

    #[test]
    fn an_acronym_in_brackets_or_with_its_function_words_joins_its_name() {
        let found = found_in(&[
            (
                0,
                "The Oregon Bureau of Labor and Industries (BOLI) fined the bakery.",
            ),
            (0, "BOLI said the fine was fair."),
            (
                1,
                "The Bureau of Labor and Industries said the couple broke the law.",
            ),
            (1, "The Federal Elections Commission (FEC) said nothing."),
            (
                0,
                "A spokesman for the Federal Election Commission declined to comment.",
            ),
            (1, "The U.S. Environmental Protection Agency issued a rule."),
            (0, "The EPA rule takes effect in May."),
        ]);
        for spelling in ["BOLI", "Bureau of Labor and Industries"] {
            assert_eq!(
                name_of(&found, spelling),
                Some("Oregon Bureau of Labor and Industries"),
                "{spelling}"
            );
        }
        assert!(found.lookup("Industries").is_none());
        assert_eq!(
            name_of(&found, "FEC"),
            name_of(&found, "Federal Election Commission"),
            "{:?}",
            names_of(&found)
        );
        assert_eq!(
            name_of(&found, "Federal Elections Commission"),
            name_of(&found, "Federal Election Commission")
        );
        assert_eq!(
            name_of(&found, "EPA"),
            Some("U.S. Environmental Protection Agency")
        );
    }

    #[test]
    fn and_goes_on_a_bodys_name_but_does_not_join_two_bodies() {
        let found = found_in(&[
            (
                0,
                "Researchers at the University of Rouen and New York Medical College wrote it.",
            ),
            (
                0,
                "The Department of Health and Human Services approved the plan.",
            ),
            (
                1,
                "The Department of Energy and Microsoft settled the case on Friday.",
            ),
        ]);
        assert_named(
            &found,
            &[
                "University of Rouen",
                "New York Medical College",
                "Department of Health and Human Services",
                "Department of Energy",
                "Microsoft",
            ],
        );
    }

    #[test]
    fn a_committee_on_its_business_is_one_name() {
        let found = found_in(&[
            (
                0,
                "He spoke at the Council on Foreign Relations in New York.",
            ),
            (1, "The House Committee on Appropriations met on Friday."),
            (1, "The Council on Tuesday rejected the plan."),
        ]);
        assert_named(
            &found,
            &[
                "Council on Foreign Relations",
                "House Committee on Appropriations",
            ],
        );
        let names = names_of(&found);
        assert!(!names.iter().any(|n| n.ends_with(" on")), "{names:?}");
    }

    #[test]
    fn a_state_the_wires_abbreviate_after_a_place_is_the_state() {
        let found = found_in(&[
            (
                0,
                "The couple moved from Richmond, Va., to Boston, Mass., last year.",
            ),
            (1, "Virginia and Massachusetts have similar laws."),
            (1, "Mass shootings have risen, officials in Ohio said."),
            (0, "Miss Dee Ellis sang, officials said."),
        ]);
        assert_eq!(name_of(&found, "Va"), Some("Virginia"));
        assert_eq!(name_of(&found, "Mass"), Some("Massachusetts"));
        assert_eq!(
            found.lookup("Massachusetts").map(|e| e.sources.len()),
            Some(2)
        );
        assert!(
            name_of(&found, "Mississippi").is_none(),
            "{:?}",
            names_of(&found)
        );
    }

    #[test]
    fn a_surname_shaped_like_a_demonym_is_still_a_name() {
        let found = found_in(&[
            (
                0,
                "The Tax Foundation's Lindsey Lassiter and Matthew Stadnicki wrote the study.",
            ),
            (0, "Lassiter and Stadnicki recommend a low tax."),
            (1, "Secretary-General Kofi Annan met the envoys."),
            (1, "Annan urged calm, and Syrian troops left the town."),
            (0, "Pakistani officials and Mexican diplomats attended."),
        ]);
        assert_eq!(name_of(&found, "Stadnicki"), Some("Matthew Stadnicki"));
        assert_eq!(name_of(&found, "Annan"), Some("Kofi Annan"));
        for demonym in ["Syrian", "Pakistani", "Mexican"] {
            assert!(
                name_of(&found, demonym).is_none(),
                "{demonym}: {:?}",
                names_of(&found)
            );
        }
    }

    #[test]
    fn a_surname_joins_the_one_person_though_a_show_bears_it_and_al_is_a_given_name() {
        let found = found_in(&[
            (0, "The host Ivan Urgant joked about it on Evening Urgant."),
            (1, "Urgant later apologised, a spokesman said."),
            (0, "Vice President Al Gore spoke in Iowa on Monday."),
            (1, "His wife, Tipper Gore, spoke to women voters in Ohio."),
        ]);
        assert_eq!(name_of(&found, "Urgant"), Some("Ivan Urgant"));
        assert_eq!(name_of(&found, "Evening Urgant"), Some("Evening Urgant"));
        assert_eq!(name_of(&found, "Al Gore"), Some("Al Gore"));
        assert_eq!(name_of(&found, "Tipper Gore"), Some("Tipper Gore"));
    }

    #[test]
    fn page_furniture_and_words_opening_a_quotation_are_not_names() {
        let found = found_in(&[
            (
                0,
                "It was a low point for Congress. Thank you for your service, he wrote on Twitter.",
            ),
            (
                1,
                "CLOSE Embed x Share A former Massachusetts officer was charged.",
            ),
            (
                1,
                "She said that was wrong. Unfortunately, Everyone Coughs closed.",
            ),
            (0, "Skip Spence played guitar, Spence's brother said."),
        ]);
        let names = names_of(&found);
        for word in ["Thank", "Embed", "Unfortunately"] {
            assert!(!names.iter().any(|n| n.contains(word)), "{word}: {names:?}");
        }
        assert!(names.contains(&"Skip Spence"), "{names:?}");
    }

    #[test]
    fn two_dotted_initials_shorten_only_a_known_place() {
        let found = found_in(&[
            (0, "He grew up in New York and later moved away."),
            (1, "The mayor of N.Y. said the plan would fail."),
            (0, "House Republicans backed the bill."),
            (1, "The bill, H.R. 3, passed on Friday."),
        ]);
        assert_eq!(name_of(&found, "N.Y."), Some("New York"));
        assert_ne!(
            name_of(&found, "H.R."),
            name_of(&found, "House Republicans")
        );
    }

    #[test]
    fn a_company_with_and_without_its_legal_form_and_bodies_of_the_are_one_name() {
        let found = found_in(&[
            (0, "Shares of Harbour Lantern Inc. fell on Monday."),
            (1, "Harbour Lantern said sales of its lamps slowed."),
            (
                0,
                "Aid came from the International Committee of the Red Cross, the ICRC said.",
            ),
            (
                1,
                "The Office of the Chief Medical Examiner named the victim.",
            ),
        ]);
        assert!(
            name_of(&found, "Harbour Lantern").is_some(),
            "{:?}",
            names_of(&found)
        );
        assert_eq!(
            name_of(&found, "Harbour Lantern"),
            name_of(&found, "Harbour Lantern Inc."),
            "{:?}",
            names_of(&found)
        );
        assert_eq!(
            name_of(&found, "ICRC"),
            Some("International Committee of the Red Cross")
        );
        // A title after "of the" is not part of the body's name.
        let names = names_of(&found);
        assert!(
            !names
                .iter()
                .any(|n| n.ends_with(" the") || n.ends_with(" of")),
            "{names:?}"
        );
    }

    #[test]
    fn a_known_name_opening_a_sentence_keeps_its_first_word() {
        let found = found_in(&[
            (0, "Associated Press writer Ines Moreau contributed."),
            (0, "New York City officials closed the bridge."),
            (1, "New rules start today, the AP said."),
        ]);
        let names = names_of(&found);
        assert!(names.contains(&"Associated Press"), "{names:?}");
        assert!(names.contains(&"New York City"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| *n == "Press" || *n == "York City" || *n == "New")
        );
        assert_eq!(
            found.lookup("AP").map(|e| e.name.as_str()),
            Some("Associated Press")
        );
    }

    #[test]
    fn normalizing_spellings() {
        assert_eq!(normalize("Karim al-Nasser"), normalize("Karim Nasser"));
        assert_eq!(normalize("Türkiye"), "turkiye");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("Nasser's"), "nasser");
        assert_eq!(normalize("Saint Petersburg"), normalize("St. Petersburg"));
        assert_eq!(normalize("Fast & Furious"), normalize("Fast and Furious"));
        assert_eq!(normalize("Washington, D.C."), "washington dc");
    }

    #[test]
    fn particles_titles_and_adjectives_are_read_in_general_terms() {
        let found = found_in(&[
            (
                0,
                "Putin hosted Bashar al-Assad in Moscow on Feb. 6 with Russia's Deputy Foreign Minister Mikhail Bogdanov.",
            ),
            (
                1,
                "Bashar al Assad thanked the Moscow-led coalition, and US Chief Justice John Roberts said nothing.",
            ),
            (1, "Attacks in Syria Russian forces backed were reported."),
        ]);
        let names: Vec<(&str, EntityKind)> = found
            .list
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        let assad = found.lookup("Bashar al Assad");
        assert_eq!(assad.map(|e| e.sources.len()), Some(2), "{names:?}");
        assert_eq!(found.lookup("Bashar al-Assad"), assad, "{names:?}");
        assert!(found.lookup("Bashar").is_none(), "{names:?}");
        assert_eq!(
            found.lookup("Bogdanov").map(|e| (e.name.as_str(), e.kind)),
            Some(("Mikhail Bogdanov", EntityKind::Person)),
            "{names:?}"
        );
        assert_eq!(
            found.lookup("Roberts").map(|e| e.name.as_str()),
            Some("John Roberts"),
            "{names:?}"
        );
        for not_a_name in ["Feb", "Moscow-led", "US Chief", "Syria Russian", "Russian"] {
            assert!(
                found.lookup(not_a_name).is_none(),
                "{not_a_name}: {names:?}"
            );
        }
        assert!(found.lookup("Syria").is_some() && found.lookup("US").is_some());
    }

    #[test]
    fn local_offices_are_titles() {
        let found = found_in(&[
            (
                0,
                "City Clerk Kim Lehmkuhl rejected the petition on Monday.",
            ),
            (
                1,
                "Labor Commissioner Brad Avakian ruled against the bakery.",
            ),
            (1, "Lehmkuhl and Avakian did not comment."),
            (1, "The UN High Commissioner for Refugees said nothing."),
        ]);
        let names: Vec<&str> = found.list.iter().map(|e| e.name.as_str()).collect();
        // A title heading an office's name stays in it.
        assert!(found.lookup("UN High").is_none(), "{names:?}");
        for (alone, whole) in [("Lehmkuhl", "Kim Lehmkuhl"), ("Avakian", "Brad Avakian")] {
            let entity = found.lookup(alone);
            assert_eq!(entity.map(|e| e.name.as_str()), Some(whole), "{names:?}");
            assert_eq!(
                entity.map(|e| e.kind),
                Some(EntityKind::Person),
                "{names:?}"
            );
        }
    }

    #[test]
    fn aliases_merge_and_titles_mark_people() {
        let found = found_in(&[
            (
                0,
                "President Karim al-Nasser of Qadira met Prime Minister Elena Varga in Türkiye.",
            ),
            (
                1,
                "Qadiran President Karim Nasser said Turkey would host talks.",
            ),
            (
                2,
                "Al-Nasser told reporters the Turkish foreign ministry agreed.",
            ),
            (2, "Turkiye has offered to mediate, Nasser said."),
            (3, "Varga said the talks were useful."),
        ]);
        let names: Vec<(&str, EntityKind)> = found
            .list
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        let nasser = found.lookup("al-Nasser").map(|e| e.name.as_str());
        assert_eq!(nasser, Some("Karim al-Nasser"), "{names:?}");
        let turkey = found.lookup("Turkey");
        assert_eq!(turkey.map(|e| e.name.as_str()), Some("Türkiye"));
        assert_eq!(turkey.map(|e| e.sources.len()), Some(3));
        let varga = found.lookup("Varga");
        assert_eq!(
            varga.map(|e| (e.name.as_str(), e.kind)),
            Some(("Elena Varga", EntityKind::Person))
        );
        assert_eq!(
            found.lookup("Qadira").map(|e| e.kind),
            Some(EntityKind::Place)
        );
        assert!(found.lookup("Turkish").is_none(), "{names:?}");
        assert!(found.lookup("Qadiran").is_none(), "{names:?}");
        let nasser = found
            .lookup("Nasser")
            .map(|e| (e.mentions, e.sources.len()));
        assert_eq!(nasser, Some((4, 3)));
    }
}
