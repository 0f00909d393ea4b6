//! Facts: claims that count or date the same thing, grouped across
//! sources and classified as agreed, conflicting or single-source.
//!
//! Written here (no crate matches claims across documents). Two claims of
//! the same kind and unit are shown together when they name the same event
//! ("killed", "dead" and "lives lost" are one event) with some shared
//! context, or share most of their context, and agree; they are called a
//! conflict only when they are surely about the same thing (see
//! [`relation`]) and no value satisfies both, given their qualifiers.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::labels;
use super::tables::Rows;
use super::updates;
use crate::model::words::time_unit;
use crate::model::{Bound, Claim, Fact, FactKind, FactStatus, SCOPE_FACTOR, within_factor};
use crate::scan::lexicon;
use crate::scan::quantity::{AFTERSHOCK, EARTHQUAKE, MAGNITUDE, OTHER_QUAKE};

/// One claim found in one sentence, before grouping.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the document in the story.
    pub document: usize,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Quantity, date, time or duration.
    pub kind: FactKind,
    /// The value as the report gives it (see [`Claim`]).
    pub value: f64,
    /// Upper end of a range.
    pub high: Option<f64>,
    /// The qualifier.
    pub bound: Bound,
    /// Every value the claim allows.
    pub range: (f64, f64),
    /// Unit or counted noun; "UTC" or "local" for times.
    pub unit: Option<String>,
    /// Dates and times as resolved.
    pub resolved: Option<String>,
    /// The claim as written.
    pub text: String,
    /// The event the claim counts, when one is named near it.
    pub event: Option<&'static str>,
    /// A figure that took its unit from the one before ("and at least 580,000").
    pub elliptical: bool,
    /// For an age, whose it is ("geraldine alcorn").
    pub age_of: Option<String>,
    /// For a player's statistic ("30 points", "three touchdowns"), the
    /// player: the name last given before it in its sentence with a verb
    /// of scoring between them ("Carter scored 14 points"), folded to
    /// lower case.
    pub holder: Option<String>,
    /// The claim's first token in its sentence.
    pub token: usize,
    /// A relative date ("Friday", "last month"), read against its report's
    /// date, another report's or a date found in the text: good enough to
    /// place, not to contradict anyone.
    pub inferred: bool,
    /// A part of a figure given before it ("including over 6,000 in
    /// Syria"): never the same count as a whole.
    pub part: bool,
    /// Said of what is expected rather than of what happened ("is
    /// expected to rise as much as 7 feet"): a forecast and a report of
    /// what came about are never at odds.
    pub forecast: bool,
    /// Said of a running total: its sentence names a toll or a total, or
    /// a count that rose ("the death toll climbed", "has risen to",
    /// "so far").
    pub cumulative: bool,
    /// The noun phrase the claim is about, as written ("in the
    /// earthquake", "the talks"), for its row's label.
    pub topic: Option<String>,
    /// When no phrase says what the claim is about, what its words still
    /// say it is of: the act a date's verb names, the payment an amount
    /// is, what a length or a share is of ("the shooting", "the bond",
    /// "experience"). A weaker label than `topic`, taken when no claim of
    /// the row has one.
    pub weak_topic: Option<String>,
    /// For a share (unit "%"), the words of the whole it is a share of
    /// ("of the world's total" → world, total); for a count, the words of
    /// what it counts ("two counts of third degree assault" → third,
    /// degree, assault).
    pub whole: Option<Vec<String>>,
    /// For a distance from a named place, where it is measured from and
    /// what it locates.
    pub distance: Option<Distance>,
    /// The report's own conversion of a measure, given right after it
    /// ("13 miles (22 km)"): the same claim in another unit.
    pub conversion: Option<Box<Mention>>,
    /// Stems of the content words around the claim, sorted ids.
    pub context: Vec<u32>,
    /// Stems of the context words that can label the claim (not names),
    /// nearest first.
    pub context_words: Vec<u32>,
}

/// Context words (Dice) two claims naming the same event share at least
/// to be shown together …
const SAME_EVENT_CONTEXT: f32 = 0.15;
/// … and to be called a conflict when their figures disagree.
const SAME_EVENT_CONFLICT: f32 = 0.25;
/// Context shared by claims no event ties together, to be shown together.
const SAME_CONTEXT: f32 = 0.4;
/// … and to be called a conflict.
const SAME_CONTEXT_CONFLICT: f32 = 0.45;
/// Context shared by dates or times that agree, to be shown together.
const SAME_MOMENT_CONTEXT: f32 = 0.1;
/// Relative difference below which two exact figures are one figure
/// rounded two ways ("19,350 feet" and "19,356 feet").
const ROUNDING: f64 = 1e-3;

/// A distance from a named place: "Ivanovo, a textile town 190 miles
/// east of Moscow".
#[derive(Debug, Clone, PartialEq)]
pub struct Distance {
    /// The place measured from, its words in lower case (moscow).
    pub from: Vec<String>,
    /// The compass direction, if given, without hyphens (east, northwest).
    pub direction: Option<String>,
    /// The place located, when the sentence names it just before (ivanovo).
    pub located: Option<String>,
}

/// Share of two sorted id sets held by both (Dice).
pub(super) fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    2.0 * shared as f32 / (a.len() + b.len()) as f32
}

/// How surely two claims are about the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// Different things, or nothing says they are the same.
    Unrelated,
    /// Probably the same thing: shown together when the figures agree.
    Loose,
    /// Surely the same thing: figures that disagree are a conflict.
    Strong,
}

/// How surely two claims are about the same thing.
///
/// Precision comes first: a conflict is only called between two reports
/// (or within one sentence, "about 500,000 …, and at least 580,000"), on
/// claims of the same kind and unit that name the same event with shared
/// context, or share most of their context, or are ages of one named
/// person. Lists of different figures in one article (price tables,
/// stretch goals, survey shares) are never set against each other.
pub fn relation(a: &Mention, b: &Mention) -> Relation {
    use Relation::{Loose, Strong, Unrelated};
    let same_sentence = a.document == b.document && a.sentence == b.sentence;
    let age = a.event == Some("age") || b.event == Some("age");
    // Two figures of one sentence are one count only as the sentence
    // continues it (see below) or as one person's age: a table's row of
    // figures is told apart here, before anything else is compared.
    if same_sentence && !age && !a.elliptical && !b.elliptical {
        return Unrelated;
    }
    if a.kind != b.kind
        || (a.unit != b.unit && unit_class(a) != unit_class(b))
        || a.part != b.part
        || of_different_wholes(a, b)
    {
        return Unrelated;
    }
    // "At least three people" killed by one bomb and "more than 8,000"
    // in the uprising agree as written, but no reader takes them for one
    // count: figures written an order of magnitude apart are never shown
    // together ("at least two" of 13 hurt still are; "dozens" and
    // "hundreds" say too little to be held to it).
    let point = |m: &Mention| (m.value, m.value);
    let vague = a.bound == Bound::OrderOf || b.bound == Bound::OrderOf;
    // Lengths told in different units (a "12-minute mile", a race of
    // "2.5 hours") are held to the same.
    let held = a.kind == FactKind::Quantity || (a.kind == FactKind::Duration && a.unit != b.unit);
    if held && !vague && !within_factor(point(a), point(b), ROW_FACTOR) {
        return Unrelated;
    }
    let same_document = a.document == b.document;
    if age {
        return if same_person(a.age_of.as_deref(), b.age_of.as_deref()) {
            Strong
        } else {
            Unrelated
        };
    }
    // A game's report gives every player his points, yards and
    // touchdowns: two such figures are one only when they are the same
    // player's.
    if statistics_of_others(a, b) {
        return Unrelated;
    }
    // A story recalls other earthquakes (see
    // `quantity::quake_of_magnitude`): nothing says two are one.
    if a.event == Some(OTHER_QUAKE) || b.event == Some(OTHER_QUAKE) {
        return Unrelated;
    }
    if same_sentence {
        // "about 500,000 …, and at least 580,000": two estimates of one
        // count, told apart by their qualifiers; two exact figures in one
        // sentence ("1,150 jobs in Ohio and 1,050 in Texas") are a list.
        let continued = (a.elliptical || b.elliptical)
            && (a.bound != Bound::Exact || b.bound != Bound::Exact)
            && a.event.is_some()
            && a.event == b.event
            && within_factor(a.range, b.range, SCOPE_FACTOR);
        return if continued { Strong } else { Unrelated };
    }
    let context = dice(&a.context, &b.context);
    let located = located(a, b);
    let (loose, strong) = match (a.kind, a.event, b.event) {
        // "5,900 meters (19,350 feet)" and "19,356 feet (5,900 m)": one
        // measure, the same in both units, whatever the words around it.
        _ if alike_in_two_units(a, b) => (true, false),
        // The story's earthquake has one magnitude, which agencies and
        // days revise by a point or so ("6.7", "7.8", "7.4"); its
        // aftershocks are many, of many sizes.
        (FactKind::Quantity, Some(EARTHQUAKE), Some(EARTHQUAKE))
            if magnitude(a) && magnitude(b) =>
        {
            let near = (a.value - b.value).abs() <= MAGNITUDE_REVISION;
            (near || context >= SAME_EVENT_CONTEXT, near)
        }
        (FactKind::Quantity, Some(AFTERSHOCK), Some(AFTERSHOCK))
            if magnitude(a) && magnitude(b) =>
        {
            (
                context >= SAME_EVENT_CONTEXT,
                context >= SAME_EVENT_CONFLICT,
            )
        }
        // A day and the year or month it falls in ("Tuesday", "earlier
        // this year") agree as written, but no reader takes them for one
        // date: dates given to different precisions are not joined
        // loosely (the same words next to them still join them).
        (FactKind::Date | FactKind::Time, ..) => (
            context >= SAME_MOMENT_CONTEXT && compatible(a, b) && same_precision(a, b),
            context >= SAME_CONTEXT_CONFLICT && same_words_next_to(a, b),
        ),
        // Reports that disagree on a count of one event disagree by a
        // little ("12 people were arrested during a brawl", "13 people
        // are in custody following a violent altercation"), in words of
        // their own: the event and the near figure say it is one count.
        (_, Some(x), Some(y)) if x == y => (
            context >= SAME_EVENT_CONTEXT,
            a.unit.is_some()
                && (context >= SAME_EVENT_CONFLICT || nearly_equal(a.value, b.value, NEARLY)),
        ),
        (_, Some(_), Some(_)) => (false, false),
        // "seventeen Grammy nominations" and "16 Grammy nominations", "a
        // drama that runs 106 minutes" and "a 95-minute drama": a noun
        // more telling than "people", or a length, names what is counted
        // as an event word does.
        _ if located == Some(Located::Apart) => (false, false),
        // (A place's name before an aside's comma is seldom another's.)
        _ if located == Some(Located::Same) => (true, context >= SAME_MOMENT_CONTEXT),
        (_, None, None) if telling_unit(a) || located == Some(Located::Likely) => (
            context >= SAME_EVENT_CONTEXT,
            context >= SAME_EVENT_CONFLICT,
        ),
        // Nearly equal figures in the same unit are rarely about different
        // things: "8,027 meters" and "8,013 m" for one peak.
        _ if a.unit.is_some() && nearly_equal(a.value, b.value, NEARLY) => (
            context >= SAME_EVENT_CONTEXT,
            context >= SAME_MOMENT_CONTEXT && nearly_equal(a.value, b.value, CLOSE),
        ),
        _ => (
            a.unit.is_some() && context >= SAME_CONTEXT,
            a.unit.is_some() && context >= SAME_CONTEXT_CONFLICT,
        ),
    };
    // Reports that disagree on a count disagree by a little (125 and 144
    // dead); figures apart by a large factor count different scopes (a
    // day's dead and a war's, a city's and a country's).
    let comparable =
        a.kind != FactKind::Quantity || within_factor(reach(a), reach(b), SCOPE_FACTOR);
    if strong
        && comparable
        && !same_document
        && !a.inferred
        && !b.inferred
        && a.forecast == b.forecast
    {
        Strong
    } else if loose || strong {
        Loose
    } else {
        Unrelated
    }
}

/// Whether two dates are given to the same precision: both a day, both a
/// month, both a year (their ranges as long, within a few days: months
/// differ in length). Times are always a minute.
fn same_precision(a: &Mention, b: &Mention) -> bool {
    let days = |m: &Mention| m.range.1 - m.range.0;
    a.kind != FactKind::Date || (days(a) - days(b)).abs() <= 3.0
}

/// How far apart two magnitudes given for one earthquake may be: early
/// readings of one quake, by different agencies and scales, differ by a
/// point or so (6.7 and 7.8 for Izmit in 1999, 7.9 and 9.0 for Tohoku).
const MAGNITUDE_REVISION: f64 = 1.2;

/// Whether a claim gives an earthquake's magnitude.
pub(super) fn magnitude(m: &Mention) -> bool {
    m.unit.as_deref() == Some(MAGNITUDE)
}

/// Whether two shares name the wholes they are shares of, one kind of
/// whole told apart by its words ("of the world's total", "of the
/// national total area"). Wholes that share no word may be one whole
/// described two ways ("of those surveyed", "of American adults"), and
/// one whose words the other holds is the same whole ("of the vote", "of
/// the popular vote").
///
/// Counts of things named after them ("two counts of third degree
/// assault", "six counts of criminal mischief") that share no word count
/// different things; sharing one, they may count one thing ("five counts
/// of fifth degree criminal mischief").
fn of_different_wholes(a: &Mention, b: &Mention) -> bool {
    let (Some(x), Some(y)) = (&a.whole, &b.whole) else {
        return false;
    };
    let shared = x.iter().any(|w| y.contains(w));
    if a.unit.as_deref() != Some("%") {
        return !shared;
    }
    shared && !x.iter().all(|w| y.contains(w)) && !y.iter().all(|w| x.contains(w))
}

/// Whether the sentence of `other` also gives a figure about the same
/// thing as `claim` that agrees with it: then `other` is a neighbouring
/// figure (a table's other column, last year's value), not a
/// contradiction.
fn agrees_beside(by_sentence: &BySentence<'_>, claim: &Mention, other: &Mention) -> bool {
    by_sentence
        .get(&(other.document, other.sentence))
        .into_iter()
        .flatten()
        .any(|m| compatible(m, claim) && relation(m, claim) != Relation::Unrelated)
}

/// Whether two claims are ages of one person each names: a report that
/// gives "21" and "22" gives them to two people ("Henderson, 21", "Aaron
/// McKinney, 22"), but the name already tells whose age each is.
fn ages_of_one_named_person(a: &Mention, b: &Mention) -> bool {
    a.event == Some("age") && b.event == Some("age") && a.age_of.is_some() && b.age_of.is_some()
}

/// Whether two claims share too little context to be tied by it: what
/// ties them is their event and near figures.
fn little_shared(a: &Mention, b: &Mention) -> bool {
    dice(&a.context, &b.context) < SAME_EVENT_CONFLICT
}

/// Whether one report gives both dates, times or lengths of a
/// disagreeing pair, each its own claim ("2014" and "2004" in one profile,
/// a mission's "two hours" down and "16 hours" searching, two posts
/// stamped "10:33am" and "11:32am"): a report that knows both values gives
/// them to two things, so setting them against each other across reports
/// contradicts nobody. A story dates and times many events, and lengths,
/// sums and shares are of many things (a sentence, a mission's legs, an
/// award and a payment, a poll's answers); counts and measures are not
/// exempt, since a report that gives a count two ways ("eight stories",
/// later "six stories" of one fall) contradicts itself.
///
/// A count is exempt too when only its event and the near figures tie the
/// pair (`told_apart`, little shared context): a report that gives "eight
/// people injured" and, of the moment responders arrived, "seven people
/// injured" gives the two figures to two scopes. Ages of one named person
/// never are: the report's other age is another person's.
fn stated_apart(stating: &mut Stating<'_>, i: usize, j: usize, told_apart: bool) -> bool {
    let (a, b) = (&stating.mentions[i], &stating.mentions[j]);
    if ages_of_one_named_person(a, b) {
        return false;
    }
    let count = a.kind == FactKind::Quantity && !amount_or_share(a);
    if count && !told_apart {
        return false;
    }
    let (with_a, with_b) = (stating.of(i), stating.of(j));
    // "At least two people" gives no count of its own: it agrees with
    // every larger one.
    let gives = |k: usize| !count || stating.mentions[k].range.1.is_finite();
    // Any claim of the pair's own two reports counts (the report giving
    // "two hours" down also gives the other's "16 hours" searching, in a
    // row of its own); a third report's only when tied to the claim.
    let counts =
        |document: usize, tied: bool| tied || document == a.document || document == b.document;
    with_a.iter().any(|&(document, k, tied)| {
        counts(document, tied) && gives(k) && {
            let from = with_b.partition_point(|&(d, ..)| d < document);
            with_b[from..]
                .iter()
                .take_while(|&&(d, ..)| d == document)
                // Two values one sentence ties to one thing ("about
                // 11:40, or perhaps 11:45") are the report hedging, not
                // two things.
                .any(|&(_, l, tied)| {
                    counts(document, tied)
                        && gives(l)
                        && k != l
                        && relation(&stating.mentions[k], &stating.mentions[l]) != Relation::Strong
                })
        }
    })
}

/// The claims stating each value of one row, found when a pair of the
/// row first disagrees and kept for the row's other pairs: linear in the
/// story's claims of the row's kind and unit for each claim asked about.
struct Stating<'m> {
    mentions: &'m [Mention],
    /// The row, sorted.
    group: &'m [usize],
    /// The story's claims of the row's kind and unit.
    same_unit: Option<Vec<usize>>,
    /// For each claim asked about: (document, claim, tied to it), sorted.
    found: FxHashMap<usize, Vec<(usize, usize, bool)>>,
}

impl<'m> Stating<'m> {
    fn new(mentions: &'m [Mention], group: &'m [usize]) -> Self {
        Stating {
            mentions,
            group,
            same_unit: None,
            found: FxHashMap::default(),
        }
    }

    /// The claims giving a value that agrees with claim `c`'s, each with
    /// whether it is of the row or tied to `c`.
    fn of(&mut self, c: usize) -> Vec<(usize, usize, bool)> {
        let mentions = self.mentions;
        let claim = &mentions[c];
        let same_unit = self.same_unit.get_or_insert_with(|| {
            (0..mentions.len())
                .filter(|&k| {
                    mentions[k].kind == claim.kind && unit_class(&mentions[k]) == unit_class(claim)
                })
                .collect()
        });
        let group = self.group;
        self.found
            .entry(c)
            .or_insert_with(|| {
                let mut at: Vec<(usize, usize, bool)> = same_unit
                    .iter()
                    .filter(|&&k| compatible(&mentions[k], claim))
                    .map(|&k| {
                        let tied = group.binary_search(&k).is_ok()
                            || relation(&mentions[k], claim) != Relation::Unrelated;
                        (mentions[k].document, k, tied)
                    })
                    .collect();
                at.sort_unstable();
                at
            })
            .clone()
    }
}

/// Lower-case content words nearest a date or time (within its context
/// window, names and function words skipped) that say what happened then
/// ("convicted in 1992", "born on May 3").
const NEXT_WORDS: usize = 3;

/// Whether two dates or times are said of the same happening: one of the
/// [`NEXT_WORDS`] words nearest one is among those nearest the other. Two
/// sentences of one story share most of their context ("the couple … the
/// day care … dismembered babies") while one dates the abuse and the
/// other the conviction.
fn same_words_next_to(a: &Mention, b: &Mention) -> bool {
    fn next(m: &Mention) -> &[u32] {
        &m.context_words[..m.context_words.len().min(NEXT_WORDS)]
    }
    next(a).iter().any(|w| next(b).contains(w))
}

/// The unit claims must share to be compared: their own, but one for
/// the lengths of a sitting, whose values are all held in seconds ("a
/// 95-minute drama" and "one hour and 46 minutes" are one running time),
/// one for cars and vehicles, one for people and "others", and one for
/// armed men, whom each side names its own way.
pub(super) fn unit_class(m: &Mention) -> Option<&str> {
    match (m.kind, m.unit.as_deref()) {
        (FactKind::Duration, Some("second" | "minute" | "hour")) => Some("second"),
        // Reports call the same things by a narrower or wider name.
        (FactKind::Quantity, Some("car" | "truck" | "vehicle")) => Some("vehicle"),
        (FactKind::Quantity, Some("home" | "house" | "household" | "residence")) => Some("home"),
        (FactKind::Quantity, Some("child" | "kid")) => Some("child"),
        // "10,059 people have been killed, 45,000 others injured": others
        // an event that counts people counts are people ("damaged 300
        // others" are not).
        (FactKind::Quantity, Some("other")) if m.event.is_some_and(lexicon::counts_people) => {
            Some("people")
        }
        // "207 million cases of malaria" and "sickening 300 million
        // people": a case of a disease is a person sickened.
        (FactKind::Quantity, Some("case")) if m.event == Some("infected") => Some("people"),
        // One side's "terrorists" are the other's "rebels".
        (
            FactKind::Quantity,
            Some(
                "gunman" | "terrorist" | "rebel" | "militant" | "insurgent" | "fighter"
                | "attacker" | "assailant" | "jihadist",
            ),
        ) => Some("fighter"),
        // Lengths, areas and weights in any unit, held in one base unit.
        (FactKind::Quantity, Some(unit)) => {
            Some(lexicon::measure_base(unit).map_or(unit, |(class, _)| class))
        }
        (_, unit) => unit,
    }
}

/// Whether a quantity is a sum of money or a share ("$1.5 million", "45
/// percent"), given in a currency's code or as "%": a story gives many
/// (grants, awards, payments; a poll's every answer), as it does dates.
fn amount_or_share(m: &Mention) -> bool {
    m.unit
        .as_deref()
        .is_some_and(|u| u == "%" || lexicon::is_currency_code(u))
}

/// The mentions of each sentence (document, sentence).
type BySentence<'m> = FxHashMap<(usize, usize), Vec<&'m Mention>>;

/// What only a sports report counts, for each player (or team) in a game
/// or a season.
const STATISTICS: &[&str] = &[
    "rebound",
    "assist",
    "touchdown",
    "tackle",
    "homer",
    "strikeout",
    "inning",
    "birdie",
    "bogey",
    "wicket",
];

/// What a sports report counts for each player, but other news too (an
/// index's "150 points", "5 million games sold", a bomb "50 yards" away,
/// "500 sacks of rice").
const STATISTICS_TOO: &[&str] = &[
    "point",
    "game",
    "goal",
    "run",
    "hit",
    "pass",
    "save",
    "steal",
    "carry",
    "catch",
    "try",
    "lap",
    "yard",
    "sack",
    "reception",
    "interception",
    "turnover",
];

/// Whether a claim may be a player's statistic ("30 points", "189
/// rushing yards").
pub(super) fn is_statistic(m: &Mention) -> bool {
    m.kind == FactKind::Quantity
        && m.unit
            .as_deref()
            .is_some_and(|u| STATISTICS.contains(&u) || STATISTICS_TOO.contains(&u))
}

/// Whether two claims are statistics of different players, or of a
/// player and no one, which are never one figure. Counts other news gives
/// too that no one is named with (an index's points, games sold) are
/// compared as other figures are.
fn statistics_of_others(a: &Mention, b: &Mention) -> bool {
    if !is_statistic(a) || same_person(a.holder.as_deref(), b.holder.as_deref()) {
        return false;
    }
    let sports_only = a.unit.as_deref().is_some_and(|u| STATISTICS.contains(&u));
    sports_only || a.holder.is_some() || b.holder.is_some()
}

/// Whether a claim's unit tells what is counted: a counted noun other
/// than a generic one ("people", "times"), or a length of time.
fn telling_unit(m: &Mention) -> bool {
    match (m.kind, m.unit.as_deref()) {
        // The length of one sitting (a film, a meeting, a flight) is told
        // in hours and minutes; years and days are the length of too many
        // things in one story (a sentence, a contract, a ban).
        (FactKind::Duration, Some(unit)) => matches!(unit, "minute" | "hour" | "second"),
        // An area in a story is of one park, fire or zone more often than
        // a length is of one road or distance.
        (FactKind::Quantity, Some(unit)) => match lexicon::measure_base(unit) {
            Some((class, _)) => class == "area",
            None => super::counted_noun(unit) && !GENERIC_NOUNS.contains(&unit),
        },
        _ => false,
    }
}

/// How two distances from named places are tied.
#[derive(Debug, PartialEq)]
enum Located {
    /// From two places, in two directions or of two places located:
    /// never one distance.
    Apart,
    /// Of one place located from one place ("Ivanovo, … 190 miles east of
    /// Moscow", "Ivanovo, … 180 miles northeast of Moscow").
    Same,
    /// From one place, in one direction, the place located not named
    /// twice ("90 miles north of Las Vegas", "about 125 miles northwest
    /// of Las Vegas"): most often where the story happened, told from the
    /// nearest city; its words tie them as a telling noun's do.
    Likely,
}

/// How two distances are tied by the places they name, if both are
/// distances from a named place.
fn located(a: &Mention, b: &Mention) -> Option<Located> {
    let (x, y) = (a.distance.as_ref()?, b.distance.as_ref()?);
    // One place written whole or shortened ("Las Vegas", "Las Vegas
    // Strip"); "New York City" and "New Haven" are two.
    let within = |p: &[String], q: &[String]| p.iter().all(|w| q.contains(w));
    if !within(&x.from, &y.from) && !within(&y.from, &x.from) {
        return Some(Located::Apart);
    }
    // "north" and "northwest" may be one bearing rounded; "north" and
    // "east" are not.
    let near = |p: &str, q: &str| p.contains(q) || q.contains(p);
    if let (Some(p), Some(q)) = (x.direction.as_deref(), y.direction.as_deref())
        && !near(p, q)
    {
        return Some(Located::Apart);
    }
    Some(match (&x.located, &y.located) {
        (Some(p), Some(q)) if p == q => Located::Same,
        (Some(_), Some(_)) => Located::Apart,
        _ => Located::Likely,
    })
}

/// Counted nouns that say too little of what is counted to tie two
/// claims together.
const GENERIC_NOUNS: &[&str] = &[
    "people", "person", "time", "one", "thing", "other", "way", "member", "case", "point",
];

/// Whether two claims may count the same thing as far as their size
/// goes: counts further apart than [`SCOPE_FACTOR`] never do.
pub(super) fn same_scope(a: &Mention, b: &Mention) -> bool {
    a.kind != FactKind::Quantity || within_factor(a.range, b.range, SCOPE_FACTOR)
}

/// Figures this close (relative) may be shown as one fact …
const NEARLY: f64 = 0.15;
/// … and this close, with shared context, are one measure two ways.
const CLOSE: f64 = 0.03;

/// Whether two figures are within `share` of each other (and not zero).
fn nearly_equal(a: f64, b: f64, share: f64) -> bool {
    let (low, high) = if a <= b { (a, b) } else { (b, a) };
    low > 0.0 && high <= low * (1.0 + share)
}

/// Whether two ages are of the same person: the same name, as the
/// entities resolved it (a surname alone only when one person has it).
fn same_person(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a == b)
}

/// Whether two claims can both be true (figures within rounding).
pub fn compatible(a: &Mention, b: &Mention) -> bool {
    // "More than 7,000 deaths" tells a figure a little above 7,000, not
    // any: 16,500 deaths disagree.
    let (range_a, range_b) = (reach(a), reach(b));
    let scale = a.value.abs().max(b.value.abs()).max(1.0);
    let tolerance = match a.kind {
        FactKind::Quantity | FactKind::Duration => ROUNDING * scale,
        FactKind::Date | FactKind::Time => 1e-9 * scale,
    };
    if range_a.0 <= range_b.1 + tolerance && range_b.0 <= range_a.1 + tolerance {
        // "$2.4 million" (2.35 to 2.45 million as written) and "$2.5
        // million" (2.45 to 2.55) only touch: two figures written to
        // the same digit, not one figure rounded.
        let width = |range: (f64, f64)| range.1 - range.0;
        let overlap = range_a.1.min(range_b.1) - range_a.0.max(range_b.0);
        let touching = width(range_a) > 0.0
            && width(range_b) > 0.0
            && a.value != b.value
            && a.high.is_none()
            && b.high.is_none()
            && overlap <= 1e-9 * scale;
        return !touching;
    }
    if a.unit != b.unit
        && measure_size(a).is_some()
        && measure_size(b).is_some()
        && unit_class(a) == unit_class(b)
    {
        // Two reports that each give both units ("8,027-meter
        // (26,330-foot)", "26,291-foot (8,013 m)") are held to what they
        // write in the unit they share.
        let pair = in_one_unit(a, b);
        if let Some((x, y)) = pair.filter(|_| a.conversion.is_some() && b.conversion.is_some()) {
            return compatible(x, y);
        }
        // Otherwise a report's own conversion is its rounding ("13 miles
        // (22 km)" and "21 kilometers" agree), and a length in miles and
        // one in kilometres are one length when they are as close as
        // converting and rounding leave them ("2.8 miles" and "14,436
        // feet" for one depth).
        return pair.is_some_and(|(x, y)| compatible(x, y))
            || nearly_equal(a.value, b.value, WRITTEN_ROUNDING);
    }
    // A figure written coarser than the other may be it rounded; not a
    // count of people or things, which a report gives as counted ("150
    // Chinese passengers" and "153 Chinese passengers" disagree).
    if a.unit.as_deref().is_some_and(super::counted_noun) {
        return false;
    }
    let (Some(figure_a), Some(figure_b)) = (as_figure(a), as_figure(b)) else {
        return false;
    };
    let (precision_a, precision_b) = (written_to(a, figure_a), written_to(b, figure_b));
    let (coarse, fine) = if precision_a >= precision_b {
        ((a, figure_a), (range_b, figure_b))
    } else {
        ((b, figure_b), (range_a, figure_a))
    };
    if precision_a.max(precision_b) <= precision_a.min(precision_b) * (1.0 + ROUNDING) {
        return false;
    }
    let (low, high) = as_written(coarse.0, coarse.1);
    low <= fine.0.1 + tolerance && fine.0.0 <= high + tolerance
}

/// Whether two claims each give a measure with its conversion, in the
/// same two units, and agree in both, one of them written to three
/// figures or more ("19,350 feet"): "5 miles (8 km)" may measure two
/// things of one story.
fn alike_in_two_units(a: &Mention, b: &Mention) -> bool {
    let (Some(x), Some(y)) = (a.conversion.as_deref(), b.conversion.as_deref()) else {
        return false;
    };
    let precise = |m: &Mention| {
        as_figure(m).is_some_and(|figure| written_precision(figure) * 100.0 <= figure.abs())
    };
    if ![a, b, x, y].into_iter().any(precise) {
        return false;
    }
    if a.unit == b.unit && x.unit == y.unit {
        compatible(a, b) && compatible(x, y)
    } else if a.unit == y.unit && x.unit == b.unit {
        compatible(a, y) && compatible(x, b)
    } else {
        false
    }
}

/// Two claims in different units as written in one unit, through
/// either one's conversion (see [`Mention::conversion`]).
fn in_one_unit<'m>(a: &'m Mention, b: &'m Mention) -> Option<(&'m Mention, &'m Mention)> {
    let (x, y) = (a.conversion.as_deref(), b.conversion.as_deref());
    [(Some(a), y), (x, Some(b)), (x, y)]
        .into_iter()
        .find_map(|pair| match pair {
            (Some(x), Some(y)) if x.unit == y.unit => Some((x, y)),
            _ => None,
        })
}

/// How far above its figure an open-ended count reaches ("more than
/// 7,000", "at least 580,000") as a reader takes it.
const OPEN_ENDED_REACH: f64 = 2.0;

/// The values a claim allows as a reader takes it: an open-ended count's
/// range capped at [`OPEN_ENDED_REACH`] times its figure.
fn reach(m: &Mention) -> (f64, f64) {
    let open = matches!(m.bound, Bound::MoreThan | Bound::AtLeast) && m.range.1.is_infinite();
    // (A measure's figure as written, not in metres.)
    if open && m.kind == FactKind::Quantity && m.value / base_size(m) >= OPEN_ENDED_MIN {
        (m.range.0, m.value * OPEN_ENDED_REACH)
    } else {
        m.range
    }
}

/// Counts whose figures as written are further apart than this factor
/// are never one row.
const ROW_FACTOR: f64 = 10.0;

/// Open-ended counts below this are left open ("at least two people"
/// of the 13 hurt).
const OPEN_ENDED_MIN: f64 = 100.0;

/// The figure of a count or a length as written, in its own unit: 90 for
/// "90 years", whose value is kept in seconds. Dates and times are not
/// written as figures that round.
fn as_figure(m: &Mention) -> Option<f64> {
    match m.kind {
        FactKind::Quantity => Some(m.value / base_size(m)),
        FactKind::Duration => {
            let (_, seconds) = time_unit(m.unit.as_deref()?)?;
            Some(m.value / seconds)
        }
        FactKind::Date | FactKind::Time => None,
    }
}

/// How many of its dimension's base units (metres, square metres,
/// kilograms) one of a measure's units is; 1 for anything else.
fn base_size(m: &Mention) -> f64 {
    measure_size(m).unwrap_or(1.0)
}

/// A value held in base units back in the claim's own unit, without the
/// float noise dividing leaves (7 miles, not 6.999999999999999).
fn as_written_unit(m: &Mention, value: f64) -> f64 {
    let Some(size) = measure_size(m) else {
        return value;
    };
    let written = value / size;
    if !written.is_finite() || written == 0.0 {
        return written;
    }
    // Twelve significant figures: more than any report writes.
    let scale = 10f64.powi(11 - written.abs().log10().floor() as i32);
    if scale.is_finite() && (written * scale).is_finite() {
        (written * scale).round() / scale
    } else {
        written
    }
}

/// [`base_size`] of a measure's unit, `None` for anything else.
fn measure_size(m: &Mention) -> Option<f64> {
    match m.kind {
        FactKind::Quantity => m
            .unit
            .as_deref()
            .and_then(lexicon::measure_base)
            .map(|(_, size)| size),
        _ => None,
    }
}

/// Largest share of a figure its written precision may round away.
const WRITTEN_ROUNDING: f64 = 0.05;

/// The values an exact count, share or length allows as written: "74
/// percent" is any of 73.5 to 74.5 (so 74.2 agrees), "2,000 square miles"
/// any of 1,900 to 2,100, "a 40-year rule" any of 38 to 42 years — half
/// a unit of the last digit written (`figure`, in the claim's own unit),
/// at most a twentieth of the figure. Only set against a figure written
/// finer: "33" and "32" years old disagree.
fn as_written(m: &Mention, figure: f64) -> (f64, f64) {
    if m.bound != Bound::Exact || m.high.is_some() || figure == 0.0 {
        return reach(m);
    }
    let half = (written_to(m, figure) / 2.0).min(figure.abs() * WRITTEN_ROUNDING);
    let per_unit = m.value / figure;
    (m.range.0 - half * per_unit, m.range.1 + half * per_unit)
}

/// The place of the last digit a claim's figure was written to: its
/// last significant digit, or the decimals written after it ("a 9.0
/// magnitude" is written to a tenth, and disagrees with 8.8), which an
/// exact claim's range keeps.
fn written_to(m: &Mention, figure: f64) -> f64 {
    let significant = written_precision(figure);
    if m.bound != Bound::Exact || m.high.is_some() || figure == 0.0 {
        return significant;
    }
    let width = (m.range.1 - m.range.0) * figure / m.value;
    if width > 0.0 && width < significant {
        width
    } else {
        significant
    }
}

/// The place of a figure's last significant digit: 0.1 for 74.2, 1 for
/// 74, 1,000 for 2,000.
fn written_precision(value: f64) -> f64 {
    let value = value.abs();
    if value == 0.0 || !value.is_finite() {
        return 1.0;
    }
    let whole = |x: f64| (x - x.round()).abs() < 1e-6 * x.max(1.0);
    if !whole(value) {
        let mut unit = 1.0;
        for _ in 0..6 {
            unit /= 10.0;
            if whole(value / unit) {
                break;
            }
        }
        return unit;
    }
    let mut unit = 1.0;
    while unit < 1e15 && whole(value / (unit * 10.0)) {
        unit *= 10.0;
    }
    unit
}

/// Groups mentions into facts, conflicts first, then updates.
/// `published` holds each document's publication date.
pub fn facts(mentions: &[Mention], ids: &[String], published: &[Option<NaiveDate>]) -> Vec<Fact> {
    let rows = Rows::of(mentions);
    let tie = |a: &Mention, b: &Mention| tie(a, b, published, &rows);
    // A mention joins the first group holding a claim it relates to: if
    // only loosely, it must agree with every claim there, so that a group
    // never mixes figures that merely look alike and disagree. Claims of
    // different kinds or units never relate, so each kind and unit is
    // grouped on its own.
    // Each document as the first document with its id: two documents
    // with one id are one source.
    let mut first_with_id: FxHashMap<&str, usize> = FxHashMap::default();
    let source: Vec<usize> = ids
        .iter()
        .enumerate()
        .map(|(d, id)| *first_with_id.entry(id.as_str()).or_insert(d))
        .collect();
    // A story's running tallies are rows of their own, grouped first.
    let tallies = updates::running_tallies(mentions, published, &source, |m| rows.holds(m));
    let mut in_a_tally = vec![false; mentions.len()];
    for &i in tallies.iter().flatten() {
        in_a_tally[i] = true;
    }
    let mut buckets: FxHashMap<(FactKind, Option<&str>), Vec<Vec<usize>>> = FxHashMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        if in_a_tally[i] {
            continue;
        }
        let groups = buckets
            .entry((mention.kind, unit_class(mention)))
            .or_default();
        let home = groups.iter_mut().find(|g| {
            // A row counts one thing: a figure far out of scope of any
            // claim there (a war's dead beside a day's) does not join it
            // through a third claim close to both.
            if !g.iter().all(|&j| same_scope(&mentions[j], mention)) {
                return false;
            }
            let mut loose = false;
            for &j in g.iter() {
                match tie(&mentions[j], mention) {
                    // Surely about the same thing as one claim here: it may
                    // disagree with the rest (that is the conflict to show).
                    Relation::Strong => return true,
                    Relation::Loose => loose = true,
                    Relation::Unrelated => {}
                }
            }
            loose && g.iter().all(|&j| compatible(&mentions[j], mention))
        });
        match home {
            Some(group) => group.push(i),
            None => groups.push(vec![i]),
        }
    }
    let mut groups: Vec<Vec<usize>> = buckets.into_values().flatten().collect();
    groups.extend(tallies);
    groups.sort_by_key(|g| g[0]);
    let mut by_sentence: BySentence<'_> = FxHashMap::default();
    for m in mentions {
        by_sentence
            .entry((m.document, m.sentence))
            .or_default()
            .push(m);
    }
    let context = Context {
        rows: &rows,
        by_sentence: &by_sentence,
        source: &source,
        ids,
        published,
    };
    let mut facts: Vec<(Fact, usize)> = Vec::with_capacity(groups.len());
    for group in groups {
        let running = in_a_tally[group[0]];
        let row = fact(mentions, &group, &context, running);
        let settled = matches!(row.status, FactStatus::Agreed | FactStatus::SingleSource);
        if settled && !all_compatible(mentions, &group) {
            // Figures told apart as two things (a poll's two answers, a
            // report's two scopes) are two rows, never one "agreed" row
            // of two values.
            for part in compatible_parts(mentions, &group) {
                facts.push((fact(mentions, &part, &context, false), part[0]));
            }
        } else {
            facts.push((row, group[0]));
        }
    }
    facts.sort_by(|(a, first_a), (b, first_b)| {
        a.status
            .cmp(&b.status)
            .then_with(|| distinct_sources(b).cmp(&distinct_sources(a)))
            .then(first_a.cmp(first_b))
    });
    facts.into_iter().map(|(f, _)| f).collect()
}

/// Whether every two claims of a row can both be true.
fn all_compatible(mentions: &[Mention], group: &[usize]) -> bool {
    group.iter().enumerate().all(|(n, &i)| {
        group[n + 1..]
            .iter()
            .all(|&j| compatible(&mentions[i], &mentions[j]))
    })
}

/// A row cut into rows of claims that can all be true together, each
/// claim in the first that it agrees with whole, in the row's order.
fn compatible_parts(mentions: &[Mention], group: &[usize]) -> Vec<Vec<usize>> {
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for &i in group {
        let home = parts
            .iter_mut()
            .find(|part| part.iter().all(|&j| compatible(&mentions[i], &mentions[j])));
        match home {
            Some(part) => part.push(i),
            None => parts.push(vec![i]),
        }
    }
    parts
}

/// How surely two claims are about the same thing, given their reports'
/// dates ([`updates::in_time`]) and whether either stands in a row of a
/// list or table: such claims are shown together, never a conflict.
fn tie(a: &Mention, b: &Mention, published: &[Option<NaiveDate>], rows: &Rows) -> Relation {
    match updates::in_time(a, b, published) {
        Relation::Strong if rows.holds(a) || rows.holds(b) => Relation::Loose,
        related => related,
    }
}

/// The facts without the years mentioned in passing: one source's
/// ("fought a border war in 1994"), or several sources' years and months
/// that agree but that nothing ties to an event ("this year's Open" and
/// "seeking his fourth term this year").
/// Background, not facts the sources could be compared on; the timeline
/// is built before they are dropped.
pub fn without_years_in_passing(mut facts: Vec<Fact>) -> Vec<Fact> {
    facts.retain(|f| !year_in_passing(f));
    facts
}

fn year_in_passing(fact: &Fact) -> bool {
    let year = |r: &str| r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit());
    let month = |r: &str| r.len() == 7 && r.as_bytes()[4] == b'-' && r.get(..4).is_some_and(year);
    let all = |test: &dyn Fn(&str) -> bool| {
        fact.claims
            .iter()
            .all(|c| c.resolved.as_deref().is_some_and(test))
    };
    fact.kind == FactKind::Date
        && match fact.status {
            FactStatus::SingleSource => all(&year),
            FactStatus::Agreed => !fact.label_says_what() && all(&|r| year(r) || month(r)),
            _ => false,
        }
}

fn distinct_sources(fact: &Fact) -> usize {
    let mut sources: Vec<&String> = fact.claims.iter().flat_map(|c| &c.sources).collect();
    sources.sort_unstable();
    sources.dedup();
    sources.len()
}

/// What every fact of a story is built with.
struct Context<'a> {
    /// The sentences that are rows of lists.
    rows: &'a Rows,
    by_sentence: &'a BySentence<'a>,
    /// For each document, the first document with its id.
    source: &'a [usize],
    ids: &'a [String],
    /// Each document's publication date, when it has one.
    published: &'a [Option<NaiveDate>],
}

/// The row of `group`; a `running` tally is an update as a whole, its
/// counts of one day allowed to differ (the tally at different hours).
fn fact(mentions: &[Mention], group: &[usize], context: &Context<'_>, running: bool) -> Fact {
    let Context {
        rows,
        by_sentence,
        source,
        ids,
        published,
    } = *context;
    let first = &mentions[group[0]];
    let mut stating = Stating::new(mentions, group);
    // A running tally's disagreements are known: it is an update.
    let pairs = if running { &group[..0] } else { group };
    let disagreeing: Vec<(usize, usize)> = pairs
        .iter()
        .enumerate()
        .flat_map(|(n, &i)| pairs[n + 1..].iter().map(move |&j| (i, j)))
        .filter(|&(i, j)| {
            let (a, b) = (&mentions[i], &mentions[j]);
            tie(a, b, published, rows) == Relation::Strong
                && !compatible(a, b)
                && !(a.document != b.document
                    && (agrees_beside(by_sentence, a, b)
                        || agrees_beside(by_sentence, b, a)
                        || stated_apart(&mut stating, i, j, little_shared(a, b))))
        })
        .collect();
    let updated = running || updates::grew_over_time(mentions, &disagreeing, published);
    let conflict = !disagreeing.is_empty() && !updated;
    // Equal claims from several sources become one claim with every
    // source, written as most of them write it. Sources are kept as
    // document indices (in story order) until the claim is complete.
    let mut claims: Vec<(Claim, usize)> = Vec::new();
    let mut sources: Vec<Vec<usize>> = Vec::new();
    let mut wordings: Vec<Vec<(&str, usize)>> = Vec::new();
    for &i in group {
        let m = &mentions[i];
        // Shown in the unit the report wrote.
        let (value, high) = (
            as_written_unit(m, m.value),
            m.high.map(|h| as_written_unit(m, h)),
        );
        // (Measures in one unit only: a claim's value is in its unit.)
        let same = claims.iter_mut().enumerate().find(|(_, (c, first))| {
            let first = &mentions[*first];
            first.value == m.value
                && first.high == m.high
                && c.bound == m.bound
                && c.resolved == m.resolved
                && (measure_size(m).is_none() || first.unit == m.unit)
        });
        match same {
            Some((k, _)) => {
                sources[k].push(source[m.document]);
                match wordings[k]
                    .iter_mut()
                    .find(|(w, _)| w.eq_ignore_ascii_case(&m.text))
                {
                    Some(entry) => entry.1 += 1,
                    None => wordings[k].push((&m.text, 1)),
                }
            }
            None => {
                wordings.push(vec![(&m.text, 1)]);
                sources.push(vec![source[m.document]]);
                claims.push((
                    Claim {
                        value,
                        high,
                        unit: m.unit.clone(),
                        bound: m.bound,
                        text: m.text.clone(),
                        also_written: Vec::new(),
                        resolved: m.resolved.clone(),
                        sources: Vec::new(),
                    },
                    i,
                ));
            }
        }
    }
    for ((claim, _), words) in claims.iter_mut().zip(&wordings) {
        if let Some((text, _)) = words.iter().rev().max_by_key(|(_, n)| *n) {
            claim.text = text.to_string();
        }
        claim.also_written = words
            .iter()
            .filter(|(w, _)| *w != claim.text)
            .map(|(w, _)| w.to_string())
            .collect();
    }
    for ((claim, _), mut documents) in claims.iter_mut().zip(sources) {
        documents.sort_unstable();
        documents.dedup();
        claim.sources = documents.into_iter().map(|d| ids[d].clone()).collect();
    }
    claims.sort_by(|(a, i), (b, j)| b.sources.len().cmp(&a.sources.len()).then(i.cmp(j)));
    let mut claims: Vec<Claim> = claims.into_iter().map(|(c, _)| c).collect();
    if updated {
        updates::in_time_order(&mut claims, ids, published);
    }
    let mut documents: Vec<usize> = group.iter().map(|&i| mentions[i].document).collect();
    documents.sort_unstable();
    documents.dedup();
    let status = if conflict {
        FactStatus::Conflict
    } else if updated {
        FactStatus::Updated
    } else if documents.len() > 1 {
        FactStatus::Agreed
    } else {
        FactStatus::SingleSource
    };
    Fact {
        kind: first.kind,
        about: labels::about(mentions, group),
        status,
        claims,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn date(document: usize, resolved: &str, text: &str) -> Mention {
        Mention {
            document,
            sentence: 0,
            kind: FactKind::Date,
            value: 0.0,
            high: None,
            bound: Bound::Exact,
            range: (0.0, 0.0),
            unit: None,
            resolved: Some(resolved.to_string()),
            text: text.to_string(),
            event: None,
            elliptical: false,
            age_of: None,
            holder: None,
            token: 0,
            inferred: false,
            part: false,
            forecast: false,
            cumulative: false,
            topic: None,
            weak_topic: None,
            whole: None,
            conversion: None,
            distance: None,
            // Both reports say the dam was completed that year.
            context: vec![1, 2],
            context_words: vec![1, 2],
        }
    }

    fn share(document: usize, value: f64) -> Mention {
        Mention {
            kind: FactKind::Quantity,
            value,
            range: (value, value),
            unit: Some("%".into()),
            resolved: None,
            ..date(document, "", "")
        }
    }

    /// A count of `unit` in `document`, its context the word ids `context`.
    pub(in crate::compare) fn count(
        document: usize,
        value: f64,
        unit: &str,
        context: &[u32],
    ) -> Mention {
        Mention {
            kind: FactKind::Quantity,
            value,
            range: (value, value),
            unit: Some(unit.into()),
            resolved: None,
            context: context.to_vec(),
            context_words: context.to_vec(),
            ..date(document, "", "")
        }
    }

    /// A distance of `miles` in `document`, from `from` in `direction`,
    /// locating `located`.
    fn distance(
        document: usize,
        miles: f64,
        from: &str,
        direction: Option<&str>,
        located: Option<&str>,
    ) -> Mention {
        Mention {
            distance: Some(Distance {
                from: from.split(' ').map(String::from).collect(),
                direction: direction.map(String::from),
                located: located.map(String::from),
            }),
            ..count(document, miles, "mile", &[1, 2, 3, 4])
        }
    }

    #[test]
    fn distances_are_tied_by_the_places_they_name() {
        let vegas = distance(0, 125.0, "las vegas", Some("northwest"), None);
        let north = distance(1, 90.0, "las vegas", Some("north"), None);
        // One bearing rounded, the place located not named twice.
        assert_eq!(located(&vegas, &north), Some(Located::Likely));
        let east = distance(1, 90.0, "las vegas", Some("east"), None);
        assert_eq!(located(&vegas, &east), Some(Located::Apart));
        // A place written whole or shortened is one place; two that share
        // a word are two.
        let strip = distance(1, 90.0, "las vegas strip", None, None);
        assert_eq!(located(&vegas, &strip), Some(Located::Likely));
        let city = distance(0, 80.0, "new york city", None, None);
        let haven = distance(1, 80.0, "new haven", None, None);
        assert_eq!(located(&city, &haven), Some(Located::Apart));
        assert_eq!(relation(&city, &haven), Relation::Unrelated);
        // Two towns of one state located from one city are two distances.
        let beatty = distance(0, 120.0, "las vegas", None, Some("beatty nevada"));
        let tonopah = distance(1, 210.0, "las vegas", None, Some("tonopah nevada"));
        assert_eq!(located(&beatty, &tonopah), Some(Located::Apart));
        assert_eq!(relation(&beatty, &tonopah), Relation::Unrelated);
        let again = distance(1, 115.0, "las vegas", None, Some("beatty nevada"));
        assert_eq!(located(&beatty, &again), Some(Located::Same));
        assert_eq!(relation(&beatty, &again), Relation::Strong);
    }

    #[test]
    fn magnitudes_of_one_quake_are_a_point_or_so_apart() {
        let magnitude = |document: usize, value: f64, context: &[u32]| Mention {
            event: Some(EARTHQUAKE),
            ..count(document, value, MAGNITUDE, context)
        };
        // Early readings of one quake differ by up to a point and a bit,
        // whatever words surround them.
        let first = magnitude(0, 7.9, &[1, 2, 3]);
        assert_eq!(
            relation(&first, &magnitude(1, 9.0, &[4, 5, 6])),
            Relation::Strong
        );
        // Further apart, only shared words tie them, and loosely.
        assert_eq!(
            relation(&first, &magnitude(1, 5.6, &[4, 5, 6])),
            Relation::Unrelated
        );
        assert_eq!(
            relation(&first, &magnitude(1, 5.6, &[1, 2, 3])),
            Relation::Loose
        );
        // Another quake is never the story's.
        let other = Mention {
            event: Some(OTHER_QUAKE),
            ..magnitude(1, 7.9, &[1, 2, 3])
        };
        assert_eq!(relation(&first, &other), Relation::Unrelated);
    }

    #[test]
    fn a_telling_noun_ties_claims_as_an_event_word_does() {
        // "The singer has seventeen Grammy nominations" / "the singer, with
        // 16 Grammy nominations": a quarter of the context shared.
        let a = count(0, 17.0, "nomination", &[1, 2, 3, 4]);
        let b = count(1, 16.0, "nomination", &[1, 5, 6, 7]);
        assert_eq!(relation(&a, &b), Relation::Strong);
        // "people" says too little: the same words do not tie two counts.
        let a = count(0, 17.0, "people", &[1, 2, 3, 4]);
        let b = count(1, 16.0, "people", &[1, 5, 6, 7]);
        assert_ne!(relation(&a, &b), Relation::Strong);
        // An area is of one park or zone ("25 million hectares of
        // wetlands", "63 million hectares of wetlands"); a length may be
        // of many roads and distances.
        let a = count(0, 25e10, "hectare", &[1, 2, 3, 4]);
        let b = count(1, 63e10, "hectare", &[1, 5, 6, 7]);
        assert_eq!(relation(&a, &b), Relation::Strong);
        let a = count(0, 25e3, "kilometer", &[1, 2, 3, 4]);
        let b = count(1, 63e3, "kilometer", &[1, 5, 6, 7]);
        assert_ne!(relation(&a, &b), Relation::Strong);
        // Lengths of one sitting do; years are the length of many things.
        let minutes = |d, v: f64| Mention {
            kind: FactKind::Duration,
            ..count(
                d,
                v * 60.0,
                "minute",
                if d == 0 { &[1, 2, 3, 4] } else { &[1, 5, 6, 7] },
            )
        };
        assert_eq!(
            relation(&minutes(0, 106.0), &minutes(1, 95.0)),
            Relation::Strong
        );
        // In hours and in minutes alike: "1 hour 46 minutes" and "95
        // minutes" are one running time, a "12-minute mile" no part of a
        // race of 2.5 hours.
        let hours = |d, v: f64| Mention {
            unit: Some("hour".into()),
            ..minutes(d, v * 60.0)
        };
        assert_eq!(
            relation(&hours(0, 106.0 / 60.0), &minutes(1, 95.0)),
            Relation::Strong
        );
        assert_eq!(
            relation(&minutes(0, 12.0), &hours(1, 2.5)),
            Relation::Unrelated
        );
        let years = |d, v: f64| Mention {
            unit: Some("year".into()),
            ..minutes(d, v * 525_600.0)
        };
        assert_eq!(
            relation(&years(0, 5.0), &years(1, 3.0)),
            Relation::Unrelated
        );
    }

    #[test]
    fn a_part_is_never_set_against_the_whole() {
        // "killing more than 50,000, including over 6,000 in Syria" against
        // "killing 6,500 in Syria and Turkey".
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let whole = Mention {
            event: Some("killed"),
            ..count(0, 50_000.0, "people", &[1, 2])
        };
        let part = Mention {
            part: true,
            sentence: 0,
            ..Mention {
                value: 6000.0,
                range: (6000.0, 6000.0),
                ..whole.clone()
            }
        };
        let other = Mention {
            value: 6500.0,
            range: (6500.0, 6500.0),
            ..count(1, 0.0, "people", &[1, 2])
        };
        let other = Mention {
            event: Some("killed"),
            ..other
        };
        assert_eq!(relation(&whole, &part), Relation::Unrelated);
        assert_eq!(relation(&part, &other), Relation::Unrelated);
        assert_ne!(relation(&other, &whole), Relation::Strong);
        let found = facts(&[whole, part, other], &ids, &[]);
        assert!(
            found.iter().all(|f| f.status != FactStatus::Conflict),
            "{found:?}"
        );
    }

    #[test]
    fn a_row_never_joins_counts_of_different_scopes_through_a_third() {
        // "dozens killed" ties loosely to both a day's 144 and a war's
        // 7,500: the two must not end in one row.
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let killed = |d, low: f64, high: f64| Mention {
            event: Some("killed"),
            bound: Bound::OrderOf,
            range: (low, high),
            value: low,
            ..count(d, low, "people", &[1, 2, 3])
        };
        let mentions = [
            killed(0, 24.0, f64::INFINITY),
            killed(1, 144.0, 144.0),
            killed(2, 7500.0, 7500.0),
        ];
        let found = facts(&mentions, &ids, &[]);
        assert!(
            found
                .iter()
                .all(|f| !(f.claims.iter().any(|c| c.value == 144.0)
                    && f.claims.iter().any(|c| c.value == 7500.0))),
            "{found:?}"
        );
    }

    #[test]
    fn figures_agree_within_the_precision_they_are_written_in() {
        assert_eq!(written_precision(74.2), 0.1);
        assert_eq!(written_precision(74.0), 1.0);
        assert_eq!(written_precision(2000.0), 1000.0);
        assert_eq!(written_precision(1.25), 0.01);
        let agree = |a: f64, b: f64| compatible(&share(0, a), &share(1, b));
        assert!(agree(74.0, 74.2) && agree(40.0, 39.7) && agree(2000.0, 1969.0));
        assert!(agree(50.0, 49.2) && agree(100e6, 103e6));
        assert!(!agree(36.0, 36.7) && !agree(81.0, 82.0) && !agree(50.0, 45.0));
        assert!(!agree(33.0, 32.0) && !agree(28.0, 27.0) && !agree(5.2e9, 4.4e9));
        // "9.0" is written to a tenth, as its range keeps: not "9" rounded.
        let tenth = Mention {
            range: (8.95, 9.05),
            ..share(0, 9.0)
        };
        assert!(!compatible(&tenth, &share(1, 8.8)));
        assert!(agree(9.0, 8.8));
    }

    #[test]
    fn shares_of_different_wholes_never_conflict() {
        let of = |document, value: f64, whole: &[&str]| Mention {
            whole: Some(whole.iter().map(|w| w.to_string()).collect()),
            context: vec![1, 2, 3],
            event: Some("share"),
            ..share(document, value)
        };
        let world = of(0, 11.9, &["world", "total"]);
        let national = of(1, 6.6, &["national", "total", "area"]);
        assert_ne!(relation(&world, &national), Relation::Strong);
        // "of the vote" and "of the popular vote" are one whole; "of
        // those surveyed" and "of American adults" may be.
        let vote = of(0, 43.0, &["vote"]);
        let popular = of(1, 48.0, &["popular", "vote"]);
        assert!(!of_different_wholes(&vote, &popular));
        let adults = of(1, 48.0, &["american", "adult"]);
        assert!(!of_different_wholes(&vote, &adults));
        assert!(of_different_wholes(&world, &national));
    }

    #[test]
    fn a_players_statistics_are_only_set_against_the_same_players() {
        let held = |document, value: f64, unit: &str, holder: Option<&str>| Mention {
            holder: holder.map(String::from),
            ..count(document, value, unit, &[1, 2, 3, 4])
        };
        // "Richard Carter scored 14 points" / "Richard Carter had 12 points".
        let carter = held(0, 14.0, "point", Some("richard carter"));
        let again = held(1, 12.0, "point", Some("richard carter"));
        assert_eq!(relation(&carter, &again), Relation::Strong);
        // Another player's points, or points no one is said to have.
        let artino = held(1, 12.0, "point", Some("will artino"));
        assert_eq!(relation(&carter, &artino), Relation::Unrelated);
        let touchdowns = held(0, 3.0, "touchdown", Some("tom brady"));
        let unheld = held(1, 5.0, "touchdown", None);
        assert_eq!(relation(&touchdowns, &unheld), Relation::Unrelated);
        // An index's points are no one's: compared as other counts are.
        let dow = held(0, 150.0, "point", None);
        let fell = held(1, 180.0, "point", None);
        assert_eq!(relation(&dow, &fell), Relation::Strong);
        // Rebounds are always someone's: no one named, nothing to compare.
        let grabbed = held(0, 11.0, "rebound", None);
        let pulled = held(1, 8.0, "rebound", None);
        assert_eq!(relation(&grabbed, &pulled), Relation::Unrelated);
    }

    #[test]
    fn an_age_is_labelled_by_whose_it_is_when_that_is_said() {
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let age = |document, whose: Option<&str>| Mention {
            event: Some("age"),
            age_of: whose.map(str::to_string),
            ..count(document, 33.0, "years old", &[1, 2])
        };
        let labels = |mentions: &[Mention]| -> Vec<String> {
            facts(mentions, &ids, &[])
                .into_iter()
                .map(|f| f.about)
                .collect()
        };
        assert_eq!(labels(&[age(0, Some("oskar reim"))]), ["age of Oskar Reim"]);
        // "2-day-old cells": whose is not said.
        assert_eq!(labels(&[age(0, None)]), ["age"]);
    }

    #[test]
    fn counts_of_things_named_apart_never_conflict() {
        let counts = |document, value: f64, of: &[&str]| Mention {
            whole: Some(of.iter().map(|w| w.to_string()).collect()),
            ..count(document, value, "counts", &[1, 2, 3])
        };
        let assault = counts(0, 2.0, &["third", "degree", "assault"]);
        let mischief = counts(1, 6.0, &["criminal", "mischief"]);
        let fifth_degree = counts(0, 5.0, &["fifth", "degree", "criminal", "mischief"]);
        assert_eq!(relation(&assault, &mischief), Relation::Unrelated);
        assert!(of_different_wholes(&assault, &mischief));
        assert!(!of_different_wholes(&fifth_degree, &mischief));
    }

    #[test]
    fn a_length_agrees_within_the_precision_it_is_written_in() {
        let length = |document, figure: f64, unit: &str| {
            let (_, seconds) = time_unit(unit).unwrap();
            Mention {
                kind: FactKind::Duration,
                ..count(document, figure * seconds, unit, &[1, 2])
            }
        };
        // "in 90 years" of an "89-year history"; "his 40-year rule" of a
        // "41-year rule".
        assert!(compatible(
            &length(0, 90.0, "year"),
            &length(1, 89.0, "year")
        ));
        assert!(compatible(
            &length(0, 40.0, "year"),
            &length(1, 41.0, "year")
        ));
        assert!(!compatible(
            &length(0, 33.0, "year"),
            &length(1, 32.0, "year")
        ));
        assert!(!compatible(
            &length(0, 11.0, "hour"),
            &length(1, 13.0, "hour")
        ));
    }

    /// A claim in sentence `sentence` of `document`, with its context.
    fn at(m: Mention, sentence: usize, context: &[u32]) -> Mention {
        Mention {
            sentence,
            context: context.to_vec(),
            context_words: context.to_vec(),
            ..m
        }
    }

    fn year(document: usize, value: f64) -> Mention {
        Mention {
            value,
            range: (value, value + 364.0),
            ..date(document, "", "")
        }
    }

    fn conflicts(mentions: &[Mention]) -> usize {
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        facts(mentions, &ids, &[])
            .iter()
            .filter(|f| f.status == FactStatus::Conflict)
            .count()
    }

    #[test]
    fn a_report_that_gives_both_dates_is_dating_two_things() {
        // "In 2014, the Senate issued a report" / "the foundation, founded
        // in 2004" against "a 2014 Senate inquiry" in the other report.
        let senate = [1, 2, 3, 4];
        let founded = [1, 2, 3, 5];
        let alone = [
            at(year(0, 16071.0), 0, &senate),
            at(year(1, 12418.0), 0, &founded),
        ];
        assert_eq!(conflicts(&alone), 1, "without the second date, a conflict");
        let both = [
            alone[0].clone(),
            alone[1].clone(),
            at(year(1, 16071.0), 1, &[6, 7, 8]),
        ];
        assert_eq!(conflicts(&both), 0);
    }

    #[test]
    fn a_report_that_gives_a_count_two_ways_still_disagrees() {
        // "fell eight stories" in one report; "eight stories", later "six
        // stories" in the other: the second contradicts itself.
        let fall = [1, 2, 3, 4];
        let mentions = [
            at(count(0, 8.0, "word", &[]), 0, &fall),
            at(count(1, 6.0, "word", &[]), 0, &fall),
            at(count(1, 8.0, "word", &[]), 1, &[6, 7, 8]),
        ];
        assert_eq!(conflicts(&mentions), 1);
        // A sum of money is not: an award beside a payment.
        let money = |d, v| Mention {
            unit: Some("USD".into()),
            ..count(d, v, "", &[])
        };
        let mentions = [
            at(money(0, 135_000.0), 0, &fall),
            at(money(1, 139_000.0), 0, &fall),
            at(money(1, 135_000.0), 1, &[6, 7, 8]),
        ];
        assert_eq!(conflicts(&mentions), 0);
        // Told apart, the two sums are two rows, not one agreed row.
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let rows: Vec<Vec<f64>> = facts(&mentions, &ids, &[])
            .iter()
            .map(|f| f.claims.iter().map(|c| c.value).collect())
            .collect();
        assert!(rows.contains(&vec![135_000.0]), "{rows:?}");
        assert!(rows.contains(&vec![139_000.0]), "{rows:?}");
        let alone = &mentions[..2];
        assert_eq!(conflicts(alone), 1, "without the second sum, a conflict");
    }

    #[test]
    fn near_counts_of_one_event_disagree_in_words_of_their_own() {
        // "12 people were arrested during a brawl" / "13 people are in
        // custody following a violent altercation": nothing shared but
        // the event and near figures.
        let arrested = |document, value| Mention {
            event: Some("arrested"),
            ..count(document, value, "people", &[])
        };
        let mentions = [
            at(arrested(0, 12.0), 0, &[1, 2, 3]),
            at(arrested(1, 13.0), 0, &[4, 5, 6]),
        ];
        assert_eq!(conflicts(&mentions), 1);
        // Far figures with nothing shared count different scopes.
        let far = [mentions[0].clone(), at(arrested(1, 30.0), 0, &[4, 5, 6])];
        assert_eq!(conflicts(&far), 0);
        // "At least two people" in the second report gives no count.
        let at_least = Mention {
            bound: Bound::AtLeast,
            range: (2.0, f64::INFINITY),
            ..at(arrested(1, 2.0), 1, &[7, 8])
        };
        let open = [mentions[0].clone(), mentions[1].clone(), at_least];
        assert_eq!(conflicts(&open), 1);
        // A report giving both near counts gives them to two scopes
        // ("eight people injured"; "seven" when responders arrived).
        let both = [
            mentions[0].clone(),
            mentions[1].clone(),
            at(arrested(1, 12.0), 1, &[7, 8]),
        ];
        assert_eq!(conflicts(&both), 0);
    }

    #[test]
    fn counts_are_not_rounded_and_touching_figures_differ() {
        // "150 Chinese passengers" and "153 Chinese passengers".
        assert!(!compatible(
            &count(0, 150.0, "passenger", &[]),
            &count(1, 153.0, "passenger", &[])
        ));
        // A share written "150" may still be 153 rounded.
        assert!(compatible(&share(0, 150.0), &share(1, 153.0)));
        // "$2.4 million" and "$2.5 million", each read to its last digit.
        let money = |document, low: f64, high: f64| Mention {
            unit: Some("USD".into()),
            range: (low, high),
            ..count(document, (low + high) / 2.0, "", &[])
        };
        let (low, high) = (money(0, 2.35e6, 2.45e6), money(1, 2.45e6, 2.55e6));
        assert!(!compatible(&low, &high));
        assert!(compatible(&high, &money(0, 2.45e6, 2.55e6)));
    }

    #[test]
    fn more_than_a_figure_reaches_only_so_far_above_it() {
        let more_than = |document, value: f64| Mention {
            bound: Bound::MoreThan,
            range: (value, f64::INFINITY),
            ..count(document, value, "people", &[])
        };
        // "More than 7,000 deaths" and "16,500 deaths a year" disagree;
        // "more than 50,000" and 58,000 do not.
        assert!(!compatible(
            &more_than(0, 7000.0),
            &count(1, 16_500.0, "people", &[])
        ));
        assert!(compatible(
            &more_than(0, 50_000.0),
            &count(1, 58_000.0, "people", &[])
        ));
        // Small counts stay open: "at least two people" of 13.
        assert!(compatible(
            &more_than(0, 2.0),
            &count(1, 13.0, "people", &[])
        ));
    }

    #[test]
    fn a_day_and_the_year_it_falls_in_are_not_shown_as_one_date() {
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        // A day and the year around it, their contexts alike enough to
        // be shown together, not to be held to one date.
        let on = |document, day: f64, text| Mention {
            value: day,
            range: (day, day),
            context: vec![1, 2, 3, 4, 5],
            ..date(document, "1997-05-20", text)
        };
        let year = Mention {
            value: 9_862.0,
            range: (9_862.0, 10_226.0),
            context: vec![1, 2, 6, 7, 8],
            ..date(1, "1997", "earlier this year")
        };
        let statuses = |mentions: &[Mention]| -> Vec<FactStatus> {
            facts(mentions, &ids, &[])
                .into_iter()
                .map(|f| f.status)
                .collect()
        };
        assert_eq!(
            statuses(&[on(0, 10_000.0, "Tuesday"), year]),
            [FactStatus::SingleSource, FactStatus::SingleSource]
        );
        let may_20 = Mention {
            context: vec![1, 2, 6, 7, 8],
            ..on(1, 10_000.0, "May 20")
        };
        assert_eq!(
            statuses(&[on(0, 10_000.0, "Tuesday"), may_20]),
            [FactStatus::Agreed]
        );
    }

    #[test]
    fn a_year_mentioned_in_passing_is_not_a_fact() {
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let completed = |document, resolved, text| Mention {
            weak_topic: Some("the completion of the dam".into()),
            ..date(document, resolved, text)
        };
        let cases = [
            (vec![date(0, "1994", "1994")], 0),
            (vec![date(0, "2023-03-15", "Wednesday")], 1),
            // Two sources' year or month that nothing ties to an event
            // ("this year's Open", "his fourth term this year").
            (
                vec![date(0, "2022", "last year"), date(1, "2022", "2022")],
                0,
            ),
            (
                vec![date(0, "2022-05", "May"), date(1, "2022-05", "in May")],
                0,
            ),
            // Tied to an act, or a day: a fact.
            (
                vec![
                    completed(0, "2022", "last year"),
                    completed(1, "2022", "2022"),
                ],
                1,
            ),
            (
                vec![
                    date(0, "2022-05-03", "May 3"),
                    date(1, "2022-05-03", "Tuesday"),
                ],
                1,
            ),
            (
                vec![date(0, "2022", "last year"), date(0, "2022", "2022")],
                0,
            ),
        ];
        for (mentions, kept) in cases {
            let found = without_years_in_passing(facts(&mentions, &ids, &[]));
            assert_eq!(found.len(), kept, "{mentions:?}: {found:?}");
        }
    }
}
