//! Labels of fact rows a reader understands: what is counted and the
//! event it is about ("people killed in the earthquake", "length of the
//! talks", "start time of the quake"), built from the claim's counted noun,
//! its event word and the noun phrase the sentence ties it to, never from
//! arbitrary neighbouring words. When no phrase is found the label says
//! only what is counted ("people killed", "nominations", "share").

use rustc_hash::FxHashMap;

use super::facts::Mention;
use crate::model::FactKind;
use crate::model::words::plural;
use crate::scan::lexicon;
use crate::scan::quantity::{AFTERSHOCK, MAGNITUDE, OTHER_QUAKE};
use crate::scan::tokens::{Token, TokenKind};

/// Tokens either side of a claim searched for the phrase it is about.
const WINDOW: usize = 8;
/// Words of a noun phrase after its determiner, at most.
const PHRASE_WORDS: usize = 3;

/// The noun phrase a claim spanning `span` (tokens) is about, as written
/// with its preposition or determiner: "in the earthquake", "from
/// Tuesday's quake", "the talks". Looked for within the claim's clause:
/// first a prepositional phrase ("killed 312 people in the earthquake",
/// "the death toll from the quake stood at 298"), then the noun a length
/// or time modifies ("five-hour talks"), then the nearest "the …" before
/// it ("the talks lasted three hours").
pub(super) fn topic(tokens: &[Token], span: (usize, usize)) -> Option<String> {
    let (from, to) = clause(tokens, span);
    let mut starts: Vec<usize> = (from..to)
        .filter(|&i| (i < span.0 || i >= span.1) && is_topic_preposition(&tokens[i]))
        .collect();
    starts.sort_by_key(|&i| distance(i, span));
    // A place or a people says where or whom a count counted ("killed in
    // the northern city"), not what a date or a time is of ("clashed on
    // Monday in an upscale neighborhood", "killed three of the people on
    // Sunday").
    let dating = tokens[span.0..span.1].iter().any(|t| t.has(lexicon::DATE));
    for start in starts {
        let Some(phrase) = noun_phrase(tokens, start + 1, to) else {
            continue;
        };
        let about = if dating {
            !phrase.rsplit(' ').next().is_some_and(says_where_or_who)
        } else {
            !runs_into_figure(tokens, start, &phrase, span)
        };
        if about {
            return Some(format!("{} {phrase}", tokens[start].lower()));
        }
    }
    // "the floods in February killed …": the noun a date is the date of
    // (not a sentence's first word: "Putin on Tuesday said").
    if tokens[span.0].has(lexicon::DATE)
        && let Some(at) = span.0.checked_sub(1).filter(|&p| p >= from)
        && (tokens[at].is("in") || tokens[at].is("on"))
        && let Some(noun) = at.checked_sub(1).map(|n| &tokens[n])
        && is_noun(noun)
        && !says_where_or_who(noun.lower())
    {
        return Some(format!("the {}", noun.lower()));
    }
    // "crops worth Rs 1,200 crore", "a deal worth $5 billion": what is
    // worth it.
    if let Some(worth) = span
        .0
        .checked_sub(1)
        .filter(|&w| w >= from && tokens[w].is("worth"))
        && let Some(noun) = worth
            .checked_sub(1)
            .map(|n| &tokens[n])
            .filter(|t| is_noun(t))
    {
        return Some(noun.lower().to_string());
    }
    // "a five-hour meeting": the noun right after the compound.
    if let Some(next) = tokens.get(span.1)
        && span.1 < to
        && span.1 > span.0
        && tokens[span.1 - 1].text.contains('-')
        && is_noun(next)
    {
        return Some(format!("the {}", next.lower()));
    }
    // "The talks lasted three hours", "the talks began at 14:00": the
    // subject right before the verb of the claim. A subject further off
    // ("the leaders of both countries agreed on Wednesday") is often not
    // what the claim measures.
    (from..span.0)
        .rev()
        .filter(|&i| tokens[i].is("the"))
        .find_map(|i| {
            let phrase = noun_phrase(tokens, i, span.0)?;
            let end = i + phrase.split(' ').count();
            let gap = tokens.get(end..span.0)?;
            let measured = gap.iter().any(|t| MEASURE_VERBS.contains(&t.lower()));
            (gap.len() <= SUBJECT_GAP && measured).then_some(phrase)
        })
}

/// Whether the phrase after the preposition at `start` runs into the
/// claim at `span`: "to the tune of a cool $500,000" — the figure's own
/// words, not what it is about. A compound's noun is ("the 300-seat
/// parliament"), as is a date's ("the Senate trial Thursday").
fn runs_into_figure(tokens: &[Token], start: usize, phrase: &str, span: (usize, usize)) -> bool {
    start < span.0
        && start + 1 + phrase.split(' ').count() >= span.0
        && !tokens[span.0..span.1].iter().any(|t| t.text.contains('-'))
}

/// The whole a share is of, as its words after "of" ("11.9 percent of
/// the world's total" → ["world", "total"]), function words, possessives
/// and a plural's "s" taken off; up to a verb ("68 percent of American
/// adults favored …"), the clause's end or four words.
pub(super) fn whole(tokens: &[Token], span: (usize, usize)) -> Option<Vec<String>> {
    if !tokens.get(span.1)?.is("of") {
        return None;
    }
    // A plural noun ends the whole ("of Americans favor …").
    let mut ended = false;
    let words: Vec<String> = tokens[span.1 + 1..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word && !t.is("and") && !t.is("or"))
        .filter(|t| !t.has(lexicon::FUNCTION))
        .take_while(|t| !looks_like_verb(t) && !t.has(lexicon::REPORTING))
        .take_while(|t| {
            let more = !ended;
            let word = t.lower();
            ended = word.len() > 3 && word.ends_with('s') && !word.ends_with("'s");
            more
        })
        .take(4)
        .map(|t| {
            let word = t.lower().trim_end_matches("'s").trim_end_matches("’s");
            word.strip_suffix('s').unwrap_or(word).to_string()
        })
        .collect();
    (!words.is_empty()).then_some(words)
}

/// Verbs whose subject is what a figure after them measures: "the
/// meeting lasted three hours", "the toll stood at 298", "the quake struck
/// at 4:17"; not "the leaders talked for three hours".
const MEASURE_VERBS: &[&str] = &[
    "lasted", "lasts", "last", "ran", "runs", "took", "takes", "began", "begins", "started",
    "starts", "ended", "ends", "opened", "opens", "closed", "struck", "hit", "happened",
    "occurred", "stood", "stands", "reached", "reaches", "rose", "rises", "climbed", "fell",
    "totaled", "totalled", "was", "were", "is", "are",
];

/// Tokens between a subject and the claim it is the subject of: a verb and
/// a preposition or qualifier ("lasted more than", "began at").
const SUBJECT_GAP: usize = 3;

/// The clause around a claim: up to a sentence break, a semicolon, a
/// quote or "said" on either side, within [`WINDOW`] tokens.
fn clause(tokens: &[Token], span: (usize, usize)) -> (usize, usize) {
    let stop = |t: &Token| matches!(t.text, ";" | "." | "\"" | "“" | "”" | ":") || t.is("said");
    let mut from = span.0;
    while from > 0 && span.0 - from < WINDOW && !stop(&tokens[from - 1]) {
        from -= 1;
    }
    let mut to = span.1;
    while to < tokens.len() && to - span.1 < WINDOW && !stop(&tokens[to]) {
        to += 1;
    }
    (from, to)
}

fn distance(i: usize, span: (usize, usize)) -> usize {
    if i < span.0 {
        span.0 - i
    } else {
        i + 1 - span.1
    }
}

/// Prepositions that tie a count to the event it is part of.
/// Nouns that name a place or people: a phrase they head says where or
/// whom, not what happened.
const WHERE_OR_WHO_NOUNS: &[&str] = &[
    "people",
    "residents",
    "neighborhood",
    "neighbourhood",
    "district",
    "city",
    "town",
    "village",
    "area",
    "region",
    "province",
    "state",
    "country",
    "capital",
    "street",
    "suburb",
    "county",
    "building",
    "home",
    "house",
];

fn says_where_or_who(word: &str) -> bool {
    WHERE_OR_WHO_NOUNS.contains(&word)
}

fn is_topic_preposition(token: &Token) -> bool {
    ["in", "from", "during", "of", "for"]
        .iter()
        .any(|w| token.is(w))
}

/// A noun phrase starting at `i` (before `end`): a determiner or a
/// possessive name, at most [`PHRASE_WORDS`] words, ending on a lower-case
/// noun: "the Syrian war", "Tuesday's earthquake", "the talks". Dates and
/// places alone ("in March", "in Velmar") are not what is counted.
fn noun_phrase(tokens: &[Token], i: usize, end: usize) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut j = i;
    let first = tokens.get(j).filter(|_| j < end)?;
    if ["the", "a", "an", "this", "their", "its", "his", "her"]
        .iter()
        .any(|w| first.is(w))
    {
        words.push(first.lower().to_string());
        j += 1;
    } else if first.capitalized() && (first.text.ends_with("'s") || first.text.ends_with("’s")) {
        words.push(first.text.replace('’', "'"));
        j += 1;
    } else if first.capitalized()
        && tokens
            .get(j + 1)
            .is_some_and(|t| matches!(t.text, "'s" | "’s" | "'" | "’"))
    {
        // "Tuesday's earthquake".
        let mut possessive = first.text.to_string();
        possessive.push_str("'s");
        words.push(possessive);
        j += if tokens.get(j + 2).is_some_and(|t| t.text == "s" && t.glued) {
            3
        } else {
            2
        };
    } else {
        return None;
    }
    let mut last_noun = None;
    let mut taken = Vec::new();
    while j < end && taken.len() < PHRASE_WORDS {
        let t = &tokens[j];
        if t.kind != TokenKind::Word
            || t.has(lexicon::FUNCTION)
            || t.text.contains('\'')
            || looks_like_verb(t)
            || PHRASE_ENDS.contains(&t.lower())
        {
            break;
        }
        taken.push(t);
        if is_noun(t) {
            last_noun = Some(taken.len());
        }
        j += 1;
    }
    let n = last_noun?;
    let mut phrase = words;
    phrase.extend(taken[..n].iter().map(|t| {
        if t.capitalized() {
            t.text.to_string()
        } else {
            t.lower().to_string()
        }
    }));
    Some(phrase.join(" "))
}

/// A lower-case content word that may head a noun phrase (not a date word,
/// a figure or a verb of saying).
fn is_noun(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && !t.capitalized()
        && t.text.len() > 2
        && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
        && !t.has(lexicon::FUNCTION)
        && !t.has(lexicon::DATE)
        && !t.has(lexicon::FIGURE)
        && !NOT_HEADS.contains(&t.lower())
        && !is_adverb(t.lower())
        && !looks_like_verb(t)
        && t.lower()
            .split_once('-')
            .is_none_or(|(head, _)| lexicon::number_value(head).is_none())
}

/// An adverb in "-ly" ("the privately owned", "the market slightly"):
/// never what a row is about, unlike the few nouns so spelt.
fn is_adverb(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "family",
        "assembly",
        "rally",
        "supply",
        "ally",
        "anomaly",
        "monopoly",
        "elderly",
        "belly",
        "butterfly",
        "reply",
        "folly",
        "tally",
        "bully",
        "lily",
        "jelly",
    ];
    word.len() > 4 && word.ends_with("ly") && !NOUNS.contains(&word)
}

/// Whether a word is most likely a verb ending the subject before it:
/// "the toll from the blast stood at 15", "the talks began at 14:00".
fn looks_like_verb(t: &Token) -> bool {
    let word = t.lower();
    (word.len() > 4 && word.ends_with("ed")) || VERBS.contains(&word)
}

/// Common verbs of news sentences that no "-ed" gives away.
const VERBS: &[&str] = &[
    "began", "begins", "stood", "stands", "rose", "rises", "met", "meets", "hit", "hits", "took",
    "takes", "came", "comes", "went", "fell", "falls", "grew", "grows", "ran", "runs", "left",
    "leaves", "says", "said", "told", "made", "makes", "won", "wins", "lost", "loses", "saw",
    "sees", "held", "holds", "struck", "strikes", "is", "are", "was", "were", "has", "had", "have",
    "will", "would", "could", "may", "might",
];

/// Words that end no noun phrase a row is about.
const NOT_HEADS: &[&str] = &[
    "said",
    "says",
    "according",
    "total",
    "least",
    "most",
    "more",
    "than",
    "about",
    "some",
    "nearly",
    "almost",
    "around",
    "over",
    "under",
    "lasted",
    "struck",
    "killed",
    "died",
    "were",
    "was",
    "been",
    "being",
    "same",
    "other",
    "first",
    "last",
    "next",
    "local",
    "time",
    // Adverbs a phrase may end on ("the recently …"): never its noun.
    "recently",
    "reportedly",
    "allegedly",
    "previously",
    "currently",
    "initially",
    "apparently",
    "already",
    // Words of time a phrase may end on ("the past", "a statement
    // later"): what is counted is not said.
    "ago",
    "past",
    "previous",
    "later",
    "earlier",
    "former",
    "latter",
    "following",
    "latest",
];

/// Words that end a noun phrase: conjunctions and prepositions the
/// lexicon does not mark as function words.
const PHRASE_ENDS: &[&str] = &[
    "since", "after", "before", "until", "while", "when", "where", "than", "because", "despite",
    "amid", "over", "under", "near", "across", "through",
];

/// The label of a row of claims (`group`: indexes into `mentions`).
pub(super) fn about(mentions: &[Mention], group: &[usize]) -> String {
    let first = &mentions[group[0]];
    if first.event == Some("age") {
        return age(mentions, group);
    }
    // "magnitude of the earthquake", "magnitude of an aftershock"
    if first.unit.as_deref() == Some(MAGNITUDE) {
        return match first.event {
            Some(AFTERSHOCK) => "magnitude of an aftershock".to_string(),
            Some(OTHER_QUAKE) => "magnitude of another earthquake".to_string(),
            _ => "magnitude of the earthquake".to_string(),
        };
    }
    let topic = most_common(group.iter().filter_map(|&i| mentions[i].topic.as_deref()));
    let counted = group
        .iter()
        .find_map(|&i| mentions[i].event)
        .map(|event| match &first.unit {
            // "votes" counted in "votes": said once.
            Some(unit) if first.kind == FactKind::Quantity && is_word(unit) => {
                let counted = plural(unit);
                if counted == event {
                    counted
                } else {
                    format!("{counted} {event}")
                }
            }
            _ => event.to_string(),
        });
    let of = |what: &str| match topic {
        Some(t) => format!("{what} of {}", without_preposition(t)),
        None => what.to_string(),
    };
    match (first.kind, counted) {
        (FactKind::Quantity, Some(counted)) => match topic {
            Some(t) if t.starts_with("the ") => counted,
            Some(t) => format!("{counted} {t}"),
            None => counted,
        },
        (FactKind::Quantity, None) => match first.unit.as_deref() {
            Some("%") => of("share"),
            // "1K M deep", "6 feet tall" read without their unit: a
            // measure, not "deeps".
            Some(unit) if MEASURE_ADJECTIVES.contains(&unit) => of("measure"),
            Some(unit) if is_word(unit) && lexicon::measure_unit(unit).is_none() => match topic {
                Some(t) if !t.starts_with("the ") => format!("{} {t}", plural(unit)),
                _ => plural(unit),
            },
            Some(unit) if lexicon::is_currency_code(unit) => of("amount"),
            Some(unit) if lexicon::is_abbreviated_unit(unit) => of(&format!("measure (in {unit})")),
            Some(unit) => of(&format!("measure (in {})", plural(unit))),
            None => of("figure"),
        },
        // A length the sentence ties to a sentencing is a prison term;
        // what it is for is seldom said in a phrase a label can hold.
        (FactKind::Duration, Some(event)) if event == "sentenced" => "prison term".to_string(),
        (FactKind::Duration, _) => of("length"),
        (FactKind::Time, _) => of("time"),
        (FactKind::Date, _) => of("date"),
    }
}

/// Adjectives a figure may be read as counting, which say what it
/// measures instead.
const MEASURE_ADJECTIVES: &[&str] = &[
    "high", "deep", "tall", "long", "wide", "thick", "away", "old", "heavy", "big", "large",
];

fn age(mentions: &[Mention], group: &[usize]) -> String {
    // "2-day-old cells", "a 9-year-old girl": whose is not said.
    let Some(whose) = group
        .iter()
        .filter_map(|&i| mentions[i].age_of.as_deref())
        .max_by_key(|name| name.len())
    else {
        return "age".to_string();
    };
    let title: Vec<String> = whose
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect();
    format!("age of {}", title.join(" "))
}

/// The most frequent of `items`, the first seen winning a tie.
fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for (order, item) in items.enumerate() {
        counts.entry(item).or_insert((0, order)).0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(item, _)| item)
}

/// "in the earthquake" → "the earthquake", for "length of …".
fn without_preposition(topic: &str) -> &str {
    ["in ", "from ", "during ", "of ", "for "]
        .iter()
        .find_map(|p| topic.strip_prefix(p))
        .unwrap_or(topic)
}

fn is_word(unit: &str) -> bool {
    unit.chars().all(char::is_alphabetic)
        && unit.chars().any(char::is_lowercase)
        && !lexicon::is_abbreviated_unit(unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::quantity;
    use crate::scan::tokens::tokenize_static;

    fn topic_of(text: &'static str) -> Option<String> {
        let tokens = tokenize_static(text);
        let found = quantity::quantities(&tokens);
        topic(&tokens, found[0].tokens)
    }

    /// The topic of the first date in `text`.
    fn date_topic_of(text: &'static str) -> Option<String> {
        let tokens = tokenize_static(text);
        let found = crate::scan::dates::dates(&tokens);
        topic(&tokens, found[0].tokens)
    }

    fn whole_of(text: &'static str) -> Option<Vec<String>> {
        let tokens = tokenize_static(text);
        let found = quantity::quantities(&tokens);
        let share = found.iter().find(|q| q.unit.as_deref() == Some("%"))?;
        whole(&tokens, share.tokens)
    }

    #[test]
    fn the_whole_a_share_is_of() {
        assert_eq!(
            whole_of("Wetlands are 11.9 percent of the world's total."),
            Some(vec!["world".to_string(), "total".to_string()])
        );
        assert_eq!(
            whole_of("A poll found 68 percent of American adults favored it."),
            Some(vec!["american".to_string(), "adult".to_string()])
        );
        assert_eq!(whole_of("68 percent of those surveyed favored it."), None);
        assert_eq!(whole_of("Turnout rose 5 percent on Tuesday."), None);
    }

    #[test]
    fn a_phrase_running_into_a_figure_is_not_what_it_is_about() {
        assert_eq!(
            topic_of("Sales filled the coffers to the tune of a cool $500,000 for the state."),
            Some("for the state".into())
        );
        assert_eq!(topic_of("Prices rose over the past five years."), None);
        // A compound's noun still is: "the 300-seat parliament".
        assert_eq!(
            topic_of("The party won a majority in the 300-seat parliament."),
            Some("in the 300-seat parliament".into())
        );
    }

    #[test]
    fn a_place_is_not_what_a_date_is_of() {
        assert_eq!(
            date_topic_of(
                "Security forces clashed on Monday with gunmen in an upscale neighborhood."
            ),
            None
        );
        assert_eq!(
            date_topic_of("A car bomb killed at least three people on Sunday."),
            None
        );
        // It still says where a count was counted.
        assert_eq!(
            topic_of("The bombs killed 27 people in the northern city."),
            Some("in the northern city".into())
        );
    }

    #[test]
    fn an_adverb_is_no_noun() {
        // "… attacks, most recently on Saturday": the date is not "the
        // recently"'s.
        let tokens = tokenize_static("most recently on Saturday, the ministry said");
        assert!(!is_noun(&tokens[1]));
        assert!(is_noun(&tokens[6]));
        // "on Monday in the privately owned tower": the date is the
        // tower's, if anything's; "a family" is a noun.
        let topic = date_topic_of("The fall happened on Monday in the privately owned tower.");
        assert!(
            topic.as_deref().is_none_or(|t| !t.contains("privately")),
            "{topic:?}"
        );
        let tokens = tokenize_static("the elderly and a family");
        assert!(is_noun(&tokens[1]) && is_noun(&tokens[4]));
        // A word of time heads no phrase: "in the past", "a statement later".
        assert_eq!(topic_of("There were 12 collisions in the past."), None);
    }

    #[test]
    fn a_label_with_no_phrase_says_only_the_kind_the_brief_leaves_out() {
        use crate::compare::facts::tests::count;
        use crate::model::{Fact, FactStatus};
        let fact = |m: Mention| Fact {
            kind: m.kind,
            about: about(std::slice::from_ref(&m), &[0]),
            status: FactStatus::SingleSource,
            claims: Vec::new(),
        };
        let bare = |kind, unit: Option<&str>| Mention {
            kind,
            unit: unit.map(str::to_string),
            ..count(0, 3.0, "x", &[])
        };
        // What the brief takes for a kind alone is what `about` writes
        // when nothing ties the figure to a phrase.
        for m in [
            bare(FactKind::Quantity, None),
            bare(FactKind::Quantity, Some("USD")),
            bare(FactKind::Quantity, Some("%")),
            bare(FactKind::Quantity, Some("mile")),
            // "6 feet tall" read as six "talls".
            bare(FactKind::Quantity, Some("tall")),
            bare(FactKind::Duration, Some("year")),
            bare(FactKind::Date, None),
            bare(FactKind::Time, None),
        ] {
            let fact = fact(m);
            assert!(!fact.label_says_what(), "{}", fact.about);
        }
        let with_topic = Mention {
            topic: Some("the floods".into()),
            ..bare(FactKind::Date, None)
        };
        assert!(fact(with_topic).label_says_what());
        assert!(fact(bare(FactKind::Quantity, Some("nomination"))).label_says_what());
    }

    #[test]
    fn the_phrase_a_figure_is_about() {
        assert_eq!(
            topic_of("The earthquake killed 312 people in the mountain villages."),
            Some("in the mountain villages".into())
        );
        assert_eq!(
            topic_of("The toll from Tuesday's earthquake stood at 298."),
            Some("from Tuesday's earthquake".into())
        );
        assert_eq!(
            topic_of("The talks lasted three hours, aides said."),
            Some("the talks".into())
        );
        assert_eq!(
            topic_of("They held five-hour talks."),
            Some("the talks".into())
        );
        assert_eq!(
            topic_of("The sides held 12 meetings for their first talks since the war."),
            Some("for their first talks".into())
        );
        assert_eq!(
            topic_of("The toll from the blast stood at 15."),
            Some("from the blast".into())
        );
        assert_eq!(
            topic_of("The talks ran 40 minutes after a late start."),
            Some("the talks".into())
        );
        // A place or a month alone is not what is counted.
        assert_eq!(topic_of("Officials counted 40 dead in Velmar."), None);
        assert_eq!(
            topic_of("The leaders of both sides met for 40 minutes."),
            None
        );
        assert_eq!(topic_of("The leaders talked for 40 minutes."), None);
        // "a four-day weekend" is when, not what.
        assert_eq!(
            topic_of("It made $90 million in a four-day Memorial Day weekend."),
            None
        );
        assert_eq!(
            topic_of("The flood destroyed crops worth $12 million."),
            Some("crops".into())
        );
    }

    #[test]
    fn the_event_a_date_is_of() {
        assert_eq!(
            date_topic_of("The floods in February killed 40 people."),
            Some("the floods".into())
        );
        assert_eq!(
            date_topic_of("The two sides agreed on Monday to meet again."),
            None
        );
    }
}
