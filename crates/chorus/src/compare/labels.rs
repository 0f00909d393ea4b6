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

/// What a date or a time is the date or time of, when no phrase says it:
/// the act its verb names, nominalised ("was shot May 29" → "the
/// shooting", "On Tuesday, police arrested two men" → "the arrest"), or
/// the noun the date modifies ("the Nov. 8 election"). The verb is looked
/// for in the claim's clause, first before it, then after it past the
/// comma that closes a date opening the clause; never past the clause's
/// first other verb, another figure or date, a second comma, a
/// conjunction or a relative word: "arrested in 2010 for a shooting in
/// 2009" dates no arrest to 2009.
pub(super) fn act_dated(tokens: &[Token], span: (usize, usize)) -> Option<String> {
    let (from, to) = clause(tokens, span);
    // ("an Easter basket", "a Christmas tree": a holiday's name before a
    // noun dates nothing; "the 2016 presidential nominee" is no event.)
    let calendar = tokens[span.0..span.1].iter().any(|t| {
        t.kind == TokenKind::Number
            || lexicon::month(t.text).is_some()
            || lexicon::WEEKDAYS.contains(&t.lower())
    });
    if calendar
        && let Some(noun) = attributive_noun(tokens, span, to)
        && !noun
            .rsplit(' ')
            .next()
            .is_some_and(|head| ROLE_NOUNS.contains(&head))
    {
        return Some(noun);
    }
    let before = first_act(tokens, (from..span.0).rev(), span.0);
    // "On Tuesday, police arrested …": past the comma that closes an
    // opening date, not past a second one ("Christmas shoppers returned"
    // is no return dated Christmas).
    let opens_clause =
        span.0 == from || (span.0 == from + 1 && tokens[from].has(lexicon::FUNCTION));
    let after = || {
        tokens.get(span.1).filter(|t| t.text == ",")?;
        first_act(tokens, span.1 + 1..to, to)
    };
    before
        .or_else(|| opens_clause.then(after).flatten())
        .map(|act| format!("the {act}"))
}

/// The act of the first verb among `indices` (at most [`ACT_REACH`] of
/// them, up to where the search stops), with what it was done to when a
/// noun phrase before `end` says so ("completed the Serin dam").
fn first_act(tokens: &[Token], indices: impl Iterator<Item = usize>, end: usize) -> Option<String> {
    // The first token that is an act or the clause's own verb, read once:
    // a verb naming no act ends the search with none.
    let (i, act) = indices
        .take(ACT_REACH)
        .take_while(|&i| !ends_act_search(&tokens[i]))
        .find_map(|i| match act_at(tokens, i) {
            Some(act) => Some((i, Some(act))),
            None => is_main_verb(&tokens[i]).then_some((i, None)),
        })?;
    let act = act?;
    Some(match noun_phrase(tokens, i + 1, end) {
        Some(object) => format!("{act} of {object}"),
        None => act.to_string(),
    })
}

/// Nouns a date before them names no event of: "the 2016 presidential
/// nominee", "the Sunday papers".
const ROLE_NOUNS: &[&str] = &[
    "nominee",
    "nominees",
    "candidate",
    "candidates",
    "champion",
    "champions",
    "winner",
    "winners",
    "papers",
    "paper",
    "graduate",
    "graduates",
    "class",
    "model",
    "models",
    "version",
    "roster",
];

/// What an amount of money is paid, asked or owed as, when no phrase
/// says it: the noun it modifies ("posting a $50,000 bond"), the noun it
/// is "of" ("a fine of $8,000"), or the act or thing of money named just
/// before it in its clause ("billed them $66,000" → "the bill", "bail was
/// set at $1 million" → "the bail"), never past another figure or "by"
/// ("raised the price by $1.10" is no price).
pub(super) fn payment_named(tokens: &[Token], span: (usize, usize)) -> Option<String> {
    let (from, to) = clause(tokens, span);
    if let Some(noun) = attributive_noun(tokens, span, to) {
        return Some(noun);
    }
    // "$3 million in sales", "about $500,000 in tax revenue": what the
    // money is, as a bare noun after "in" (not "in March", "in Reno", "in
    // fiscal 1999", "in recent months").
    if tokens.get(span.1).is_some_and(|t| t.is("in"))
        && let Some(nouns) = bare_nouns(tokens, span.1 + 1, to)
    {
        return Some(nouns);
    }
    // "a fine of $8,000", "a budget surplus of $100 billion": the nouns
    // between an article and "of" ("an average of $4.5 billion", "the
    // figure of $1 million": a measure's word, not what is paid).
    if let Some(of) = span
        .0
        .checked_sub(1)
        .filter(|&o| o > from && tokens[o].is("of"))
        && tokens
            .get(of - 1)
            .is_some_and(|t| is_noun(t) && !MEASURE_NOUNS.contains(&t.lower()))
    {
        let first = (from..of)
            .rev()
            .take(PHRASE_WORDS)
            .take_while(|&i| is_noun(&tokens[i]))
            .last()
            .unwrap_or(of);
        if follows_article(tokens, first) {
            let nouns: Vec<&str> = tokens[first..of].iter().map(|t| t.lower()).collect();
            return Some(format!("the {}", nouns.join(" ")));
        }
    }
    // (Past a verb: the payment is often its subject, "emergency spending
    // averaged $9 billion", "the corrections budget has soared to".)
    (from..span.0)
        .rev()
        .take(ACT_REACH)
        .take_while(|&i| !ends_act_search(&tokens[i]) && !tokens[i].is("by"))
        .filter(|&i| !tokens[i].capitalized())
        .find_map(|i| money_noun(tokens[i].lower()))
        .map(|noun| format!("the {noun}"))
}

/// What a length of time or a share is of, when no phrase with an
/// article says it: the bare nouns after "of" right behind it ("16 years
/// of experience", "21 days of protection", "15 percent of sales"; not
/// "of those surveyed", "of Africa's", "of 2009").
pub(super) fn of_what(tokens: &[Token], span: (usize, usize)) -> Option<String> {
    tokens.get(span.1).filter(|t| t.is("of"))?;
    let (_, to) = clause(tokens, span);
    bare_nouns(tokens, span.1 + 1, to)
}

/// The bare nouns from `start` (before `to`), up to [`PHRASE_WORDS`]:
/// what a figure is "in" or "of". None when they run into a date or a
/// figure ("in fiscal 1999"), name a time ("in recent months") or end on
/// a measure's word ("of age", "of the range").
fn bare_nouns(tokens: &[Token], start: usize, to: usize) -> Option<String> {
    let words: Vec<&str> = tokens
        .get(start..to)?
        .iter()
        .take(PHRASE_WORDS)
        .take_while(|t| is_noun(t) && !is_participle(t.lower()))
        .map(|t| t.lower())
        .collect();
    let dated = tokens
        .get(start + words.len())
        .is_some_and(|t| t.kind == TokenKind::Number || t.has(lexicon::DATE));
    let timed = words.iter().any(|w| TIME_NOUNS.contains(w));
    let head = words.last()?;
    (!dated && !timed && !MEASURE_NOUNS.contains(head)).then(|| words.join(" "))
}

/// Words of time a figure's bare nouns may be: when, not what.
const TIME_NOUNS: &[&str] = &[
    "recent", "days", "weeks", "months", "years", "decades", "hours", "minutes", "day", "week",
    "month", "year", "decade",
];

/// Nouns a figure is "of" that say how it is measured, not what it is.
const MEASURE_NOUNS: &[&str] = &[
    "average",
    "sum",
    "figure",
    "amount",
    "maximum",
    "minimum",
    "estimate",
    "range",
    "value",
    "rate",
    "level",
    "tune",
    "number",
    "excess",
    "upwards",
    "worth",
    "age",
    "mark",
    "threshold",
    "barrier",
    "milestone",
];

/// Tokens either side of a date or an amount searched for the act it
/// dates or pays.
const ACT_REACH: usize = 6;

/// Whether the token before `i` is an article.
fn follows_article(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|a| matches!(tokens[a].lower(), "a" | "an" | "the"))
}

/// "a $50,000 bond", "the Nov. 8 election": the noun right after a claim
/// an article opens, as written (up to [`PHRASE_WORDS`] words ending on
/// a noun: "a $300 billion spending bill").
fn attributive_noun(tokens: &[Token], span: (usize, usize), to: usize) -> Option<String> {
    if !follows_article(tokens, span.0) {
        return None;
    }
    let words: Vec<&str> = tokens
        .get(span.1..to)?
        .iter()
        .take(PHRASE_WORDS)
        .take_while(|t| {
            // ("a $10 million winner used the money": a verb.)
            is_noun(t) && !is_magnitude_compound(t.lower()) && !is_participle(t.lower())
        })
        .map(|t| t.lower())
        .collect();
    // ("the $75 million range", "$136M worth of diamonds": how it is
    // measured.)
    let head = words.last()?;
    (!MEASURE_NOUNS.contains(head)).then(|| format!("the {}", words.join(" ")))
}

/// A word in "-ed" too short for [`looks_like_verb`] to tell ("used",
/// "led"), but not a noun in "-eed" ("seed money").
fn is_participle(word: &str) -> bool {
    word.len() >= 3 && word.ends_with("ed") && !word.ends_with("eed")
}

/// Auxiliaries: verbs that are not the clause's own.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "had", "have", "will", "would", "could", "may", "might",
];

/// Past participles no "-ed" gives away, which end a search for an act
/// as the clause's verb ("were taken", "will be sworn").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "taken", "brought", "sworn", "given", "held", "seen", "known", "shown", "found", "sent",
    "built", "caught", "thrown", "driven", "chosen", "written", "meet",
];

/// Whether a token is most likely the clause's own verb (not an
/// auxiliary): where the search for a date's act stops ("a convicted
/// rapist recaptured last month" is no conviction's date).
fn is_main_verb(t: &Token) -> bool {
    (looks_like_verb(t) || IRREGULAR_PARTICIPLES.contains(&t.lower()))
        && !AUXILIARIES.contains(&t.lower())
}

/// "million-a-year" after "$700": the figure's own words.
fn is_magnitude_compound(word: &str) -> bool {
    ["thousand", "million", "billion", "trillion"]
        .iter()
        .any(|m| word.starts_with(m))
}

/// Where the search for a claim's act stops: at another figure or date
/// (whose act it would be), at punctuation and at words that open another
/// clause.
fn ends_act_search(t: &Token) -> bool {
    t.kind == TokenKind::Number
        || t.has(lexicon::DATE)
        || matches!(
            t.text,
            "," | ";" | ":" | "\"" | "“" | "”" | "(" | ")" | "—" | "–"
        )
        || matches!(
            t.lower(),
            "and"
                | "but"
                | "or"
                | "who"
                | "which"
                | "that"
                | "after"
                | "before"
                | "since"
                | "until"
                | "when"
                | "while"
                | "because"
                | "said"
                | "says"
        )
}

/// The act the verb at `i` names (see [`act_noun`]), in lower case
/// unless it opens the sentence ("Acquitted on Feb. 27, 1905"): "Opened"
/// inside a sentence is a name's. "Opened fire" is a shooting.
fn act_at(tokens: &[Token], i: usize) -> Option<&'static str> {
    let token = &tokens[i];
    if i > 0 && token.capitalized() {
        return None;
    }
    if token.is("opened") && tokens.get(i + 1).is_some_and(|t| t.is("fire")) {
        return Some("shooting");
    }
    // A participle read as an adjective or a noun: after an article ("The
    // injured were taken …"), or opening the sentence or after an adverb
    // before a noun ("Elected officials will meet …", "Newly elected
    // lawmakers").
    let before = i.checked_sub(1).map(|b| &tokens[b]);
    let noun_after = tokens.get(i + 1).is_some_and(is_noun);
    if follows_article(tokens, i)
        || (noun_after && before.is_none_or(|b| b.lower().ends_with("ly")))
    {
        return None;
    }
    // "an adrenaline shot", "a long shot": a noun after a modifier; the
    // verb comes after a name, a pronoun, a form of "be" or "get", an
    // adverb ("fatally shot").
    if token.is("shot")
        && let Some(before) = before
        && !(before.capitalized()
            || before.lower().ends_with("ly")
            || matches!(
                before.lower(),
                "was"
                    | "were"
                    | "been"
                    | "being"
                    | "is"
                    | "are"
                    | "got"
                    | "get"
                    | "gets"
                    | "had"
                    | "has"
                    | "have"
                    | "he"
                    | "she"
                    | "they"
                    | "who"
                    | "and"
                    | "police"
                    | "gunman"
            ))
    {
        return None;
    }
    act_noun(token.lower())
}

/// The act a verb of the news names, as the noun a label dates: "shot" →
/// "shooting". Only verbs that name one act when a date is put on them
/// ("executed" a search warrant, "found" that …, "passed" away are left
/// out).
fn act_noun(verb: &str) -> Option<&'static str> {
    Some(match verb {
        "shot" => "shooting",
        "killed" | "slain" => "killing",
        "murdered" => "murder",
        "stabbed" => "stabbing",
        "attacked" => "attack",
        "bombed" => "bombing",
        "arrested" => "arrest",
        "detained" => "detention",
        "indicted" => "indictment",
        "convicted" => "conviction",
        "sentenced" => "sentencing",
        "acquitted" => "acquittal",
        "jailed" | "imprisoned" => "jailing",
        "died" => "death",
        "born" => "birth",
        "buried" => "burial",
        "married" => "wedding",
        "divorced" => "divorce",
        "elected" => "election",
        "appointed" => "appointment",
        "nominated" => "nomination",
        "resigned" => "resignation",
        "retired" => "retirement",
        "founded" => "founding",
        "opened" | "opens" => "opening",
        "launched" | "launches" => "launch",
        "premiered" | "premieres" => "premiere",
        "debuted" | "debuts" => "debut",
        "published" => "publication",
        "announced" | "announces" => "announcement",
        "signed" => "signing",
        "filed" => "filing",
        "sued" => "lawsuit",
        "completed" => "completion",
        "crashed" => "crash",
        "collided" => "collision",
        "sank" => "sinking",
        "disappeared" | "vanished" => "disappearance",
        "discovered" => "discovery",
        "escaped" => "escape",
        "kidnapped" => "kidnapping",
        "abducted" => "abduction",
        "rescued" => "rescue",
        "raided" => "raid",
        "evacuated" => "evacuation",
        "invaded" => "invasion",
        "erupted" => "eruption",
        "exploded" => "explosion",
        "collapsed" => "collapse",
        "landed" => "landing",
        "arrived" => "arrival",
        "visited" => "visit",
        "returned" => "return",
        "voted" => "vote",
        "approved" => "approval",
        "ruled" => "ruling",
        "banned" => "ban",
        "diagnosed" => "diagnosis",
        "injured" | "wounded" => "injury",
        "hospitalized" | "hospitalised" => "hospitalisation",
        "postponed" => "postponement",
        "cancelled" | "canceled" => "cancellation",
        "suspended" => "suspension",
        "expelled" => "expulsion",
        "deported" => "deportation",
        "extradited" => "extradition",
        "pardoned" => "pardon",
        "testified" => "testimony",
        "pleaded" => "plea",
        "confessed" => "confession",
        _ => return None,
    })
}

/// The payment a verb or noun of money names, as a label's noun: "billed"
/// → "bill", "bail" → "bail".
fn money_noun(word: &str) -> Option<&'static str> {
    Some(match word {
        "paid" | "pay" | "pays" | "paying" | "payment" => "payment",
        "billed" | "bill" => "bill",
        "fined" | "fine" => "fine",
        "spent" | "spend" | "spends" | "spending" => "spending",
        "donated" | "donation" => "donation",
        "bail" => "bail",
        "bond" => "bond",
        "ransom" => "ransom",
        "reward" => "reward",
        "salary" => "salary",
        "budget" => "budget",
        "settlement" => "settlement",
        "loan" | "borrowed" => "loan",
        "bonus" => "bonus",
        "fee" => "fee",
        "price" | "priced" => "price",
        "cost" | "costs" => "cost",
        "grant" => "grant",
        "penalty" => "penalty",
        "damages" => "damages",
        "invested" | "investment" => "investment",
        "owed" | "owes" | "debt" => "debt",
        "stole" | "embezzled" => "theft",
        "earned" | "earnings" => "earnings",
        "grossed" => "gross",
        "awarded" => "award",
        "pledged" | "pledge" => "pledge",
        "sold" | "sale" => "sale",
        "bought" | "purchased" | "purchase" => "purchase",
        _ => return None,
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
    // A phrase any claim is tied to before an act or payment read off a
    // verb ("filed for the divorce in July" over "filed … July 29"); an
    // act (the most common) only when at least half the row's claims have
    // one, whichever: a row of dates that merely fell together ("today",
    // "a year ago", "last month") is of no act, and one count worded
    // three ways ("in taxes", "in tax revenue", "in tax revenues") still
    // is of one.
    let act = || {
        let acts = || {
            group
                .iter()
                .filter_map(|&i| mentions[i].weak_topic.as_deref())
        };
        (2 * acts().count() >= group.len())
            .then(|| most_common(acts()))
            .flatten()
    };
    let topic =
        most_common(group.iter().filter_map(|&i| mentions[i].topic.as_deref())).or_else(act);
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
            // "price: $35", not "amount of the price".
            Some(unit) if lexicon::is_currency_code(unit) => match topic {
                Some("the price") => "price".to_string(),
                Some("the cost") => "cost".to_string(),
                Some("the gross") => "gross".to_string(),
                _ => of("amount"),
            },
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

    /// The act the first date or time in `text` dates.
    fn act_of(text: &'static str) -> Option<String> {
        act_of_nth(text, 0)
    }

    /// The act the `n`th date (or the first time) in `text` dates.
    fn act_of_nth(text: &'static str, n: usize) -> Option<String> {
        let tokens = tokenize_static(text);
        let span = match crate::scan::dates::dates(&tokens).get(n) {
            Some(found) => found.tokens,
            None => crate::scan::dates::times(&tokens)[0].tokens,
        };
        act_dated(&tokens, span)
    }

    /// What the first amount of money in `text` pays.
    fn payment_of(text: &'static str) -> Option<String> {
        let tokens = tokenize_static(text);
        let found = quantity::quantities(&tokens);
        let money = found
            .iter()
            .find(|q| q.unit.as_deref().is_some_and(lexicon::is_currency_code))?;
        payment_named(&tokens, money.tokens)
    }

    /// Asserts what `read` gives for each text.
    fn assert_reads(
        read: impl Fn(&'static str) -> Option<String>,
        cases: &[(&'static str, Option<&str>)],
    ) {
        for &(text, expected) in cases {
            assert_eq!(read(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn a_date_with_no_phrase_is_of_the_act_its_verb_names() {
        assert_reads(
            act_of,
            &[
                (
                    "Tavin Price, who was shot May 29, died later.",
                    Some("the shooting"),
                ),
                (
                    "Velmora completed the Serin dam last year.",
                    Some("the completion of the Serin dam"),
                ),
                // After a date that opens the clause, past its comma.
                ("On Tuesday, police arrested two men.", Some("the arrest")),
                (
                    "Gunmen opened fire at about 10:45 p.m. on the street.",
                    Some("the shooting"),
                ),
                // The noun a date modifies.
                (
                    "Turnout was high in the Nov. 8 election.",
                    Some("the election"),
                ),
            ],
        );
    }

    #[test]
    fn a_date_is_not_of_an_act_past_another_verb_figure_or_noun_use() {
        // "arrested in 2010" is not 2009's act.
        let arrested = "He was arrested in 2010 for a shooting in 2009.";
        assert_eq!(act_of_nth(arrested, 0).as_deref(), Some("the arrest"));
        assert_eq!(act_of_nth(arrested, 1), None);
        assert_reads(
            act_of,
            &[
                // The nearest verb is "recaptured", which names no act here.
                ("A convicted rapist recaptured last month fled.", None),
                // Participles read as adjectives or nouns.
                ("The injured were taken to hospital on Monday.", None),
                ("Elected officials will meet Tuesday to talk.", None),
                ("Newly elected lawmakers will be sworn in Jan. 3.", None),
                (
                    "He had shot the man on Tuesday.",
                    Some("the shooting of the man"),
                ),
                // A date before a role is no event's.
                ("Clinton, the 2016 presidential nominee, spoke.", None),
                // "an adrenaline shot": no shooting.
                ("It gave us an adrenaline shot this morning.", None),
                ("The two sides agreed on Monday to meet again.", None),
                ("She knelt before a Christmas tree.", None),
            ],
        );
    }

    #[test]
    fn an_amount_with_no_phrase_is_the_payment_named_with_it() {
        assert_reads(
            payment_of,
            &[
                (
                    "She was released after posting a $50,000 bond.",
                    Some("the bond"),
                ),
                (
                    "The court imposed a fine of $8,000 on her.",
                    Some("the fine"),
                ),
                (
                    "Congress sees a budget surplus of $100 billion.",
                    Some("the budget surplus"),
                ),
                (
                    "The firm billed Zimmerman $66,000 for protection.",
                    Some("the bill"),
                ),
                (
                    "Retailers made $3 million in sales in four days.",
                    Some("sales"),
                ),
                (
                    "It gave $10,000 in seed money to the group.",
                    Some("seed money"),
                ),
                ("They paid $5 in March.", Some("the payment")),
                // Measures of an amount, a name, the figure's own words.
                ("The average of $4.5 billion was cited.", None),
                (
                    "Floods cause an average of $4.5 billion in damage.",
                    Some("damage"),
                ),
                // "in fiscal 1999" is when, not what.
                (
                    "A surplus of $124 billion in fiscal 1999.",
                    Some("the surplus"),
                ),
                ("He seeks a deal in the $75 million range.", None),
                ("Bill Gates will send $1,000 to everyone.", None),
                // The payment as the subject of the verb; no time, no mark.
                (
                    "Emergency spending averaged $9 billion a year.",
                    Some("the spending"),
                ),
                ("Prices jumped $3 in recent months.", None),
                ("Bitcoin topped the $60,000 mark on Monday.", None),
                (
                    "After a $10 million winner used the money, they acted.",
                    Some("the winner"),
                ),
                ("It can enter the $700 million-a-year market.", None),
            ],
        );
    }

    #[test]
    fn a_length_or_a_share_is_of_the_bare_nouns_after_of() {
        let of_first = |text: &'static str| {
            let tokens = tokenize_static(text);
            let found = quantity::quantities(&tokens);
            of_what(&tokens, found[0].tokens)
        };
        assert_reads(
            of_first,
            &[
                ("He has 16 years of experience.", Some("experience")),
                (
                    "It billed them for 21 days of protection.",
                    Some("protection"),
                ),
                ("Books are 15 percent of sales at the store.", Some("sales")),
                ("It was 68 percent of those surveyed.", None),
                // "12 years of age" is an age, not a length of one.
                ("Children 12 years of age may enter.", None),
                ("It was 40 percent of Africa's budget.", None),
                ("Prices rose 5 percent in March.", None),
            ],
        );
    }

    #[test]
    fn a_phrase_labels_a_row_before_an_act_read_off_a_verb() {
        use crate::compare::facts::tests::count;
        let dated = |topic: Option<&str>, act: Option<&str>| Mention {
            kind: FactKind::Date,
            topic: topic.map(str::to_string),
            weak_topic: act.map(str::to_string),
            ..count(0, 3.0, "x", &[])
        };
        let mentions = [
            dated(None, Some("the filing")),
            dated(Some("for the divorce"), None),
        ];
        assert_eq!(about(&mentions, &[0, 1]), "date of the divorce");
        assert_eq!(about(&mentions, &[0]), "date of the filing");
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
