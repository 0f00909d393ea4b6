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

use super::stems::Stems;
use super::updates;
use crate::model::{Bound, Claim, Fact, FactKind, FactStatus};

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
    /// A relative date ("Friday", "last month"), read against its report's
    /// date, another report's or a date found in the text: good enough to
    /// place, not to contradict anyone.
    pub inferred: bool,
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
    if a.kind != b.kind || a.unit != b.unit {
        return Unrelated;
    }
    let same_sentence = a.document == b.document && a.sentence == b.sentence;
    let same_document = a.document == b.document;
    if a.event == Some("age") || b.event == Some("age") {
        return if same_person(a.age_of.as_deref(), b.age_of.as_deref()) {
            Strong
        } else {
            Unrelated
        };
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
    let (loose, strong) = match (a.kind, a.event, b.event) {
        (FactKind::Date | FactKind::Time, ..) => (
            context >= SAME_MOMENT_CONTEXT && compatible(a, b),
            context >= SAME_CONTEXT_CONFLICT,
        ),
        (_, Some(x), Some(y)) if x == y => (
            context >= SAME_EVENT_CONTEXT,
            a.unit.is_some() && context >= SAME_EVENT_CONFLICT,
        ),
        (_, Some(_), Some(_)) => (false, false),
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
    let comparable = a.kind != FactKind::Quantity || within_factor(a.range, b.range, SCOPE_FACTOR);
    if strong && comparable && !same_document && !a.inferred && !b.inferred {
        Strong
    } else if loose || strong {
        Loose
    } else {
        Unrelated
    }
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

/// The mentions of each sentence (document, sentence).
type BySentence<'m> = FxHashMap<(usize, usize), Vec<&'m Mention>>;

/// Counts further apart than this factor are of different scopes.
const SCOPE_FACTOR: f64 = 3.0;

/// Whether two claims' ranges come within `factor` of each other:
/// "hundreds" (200 to 1,000) and "2,400" do; "125" and "four" do not.
fn within_factor(a: (f64, f64), b: (f64, f64), factor: f64) -> bool {
    let (low, high) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    if high.0 <= low.1 {
        return true;
    }
    low.1 > 0.0 && high.0 <= low.1 * factor
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
    let scale = a.value.abs().max(b.value.abs()).max(1.0);
    let tolerance = match a.kind {
        FactKind::Quantity | FactKind::Duration => ROUNDING * scale,
        FactKind::Date | FactKind::Time => 1e-9 * scale,
    };
    if a.range.0 <= b.range.1 + tolerance && b.range.0 <= a.range.1 + tolerance {
        return true;
    }
    // A figure written coarser than the other may be it rounded.
    let (coarse, fine) = if written_precision(a.value) >= written_precision(b.value) {
        (a, b)
    } else {
        (b, a)
    };
    if written_precision(coarse.value) <= written_precision(fine.value) {
        return false;
    }
    let (low, high) = as_written(coarse);
    low <= fine.range.1 + tolerance && fine.range.0 <= high + tolerance
}

/// Largest share of a figure its written precision may round away.
const WRITTEN_ROUNDING: f64 = 0.05;

/// The values an exact count or share allows as written: "74 percent"
/// is any of 73.5 to 74.5 (so 74.2 agrees), "2,000 square miles" any of
/// 1,900 to 2,100 — half a unit of the last digit written, at most a
/// twentieth of the figure. Only set against a figure written finer:
/// "33" and "32" years old disagree.
fn as_written(m: &Mention) -> (f64, f64) {
    if m.kind != FactKind::Quantity || m.bound != Bound::Exact || m.high.is_some() {
        return m.range;
    }
    let half = (written_precision(m.value) / 2.0).min(m.value.abs() * WRITTEN_ROUNDING);
    (m.range.0 - half, m.range.1 + half)
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
pub fn facts(
    mentions: &[Mention],
    ids: &[String],
    published: &[Option<NaiveDate>],
    stems: &Stems,
) -> Vec<Fact> {
    // A mention joins the first group holding a claim it relates to: if
    // only loosely, it must agree with every claim there, so that a group
    // never mixes figures that merely look alike and disagree. Claims of
    // different kinds or units never relate, so each kind and unit is
    // grouped on its own.
    let mut buckets: FxHashMap<(FactKind, Option<&str>), Vec<Vec<usize>>> = FxHashMap::default();
    for (i, mention) in mentions.iter().enumerate() {
        let groups = buckets
            .entry((mention.kind, mention.unit.as_deref()))
            .or_default();
        let home = groups.iter_mut().find(|g| {
            let mut loose = false;
            for &j in g.iter() {
                match updates::in_time(&mentions[j], mention, published) {
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
    groups.sort_by_key(|g| g[0]);
    let mut by_sentence: BySentence<'_> = FxHashMap::default();
    for m in mentions {
        by_sentence
            .entry((m.document, m.sentence))
            .or_default()
            .push(m);
    }
    // Each document as the first document with its id: two documents
    // with one id are one source.
    let mut first_with_id: FxHashMap<&str, usize> = FxHashMap::default();
    let source: Vec<usize> = ids
        .iter()
        .enumerate()
        .map(|(d, id)| *first_with_id.entry(id.as_str()).or_insert(d))
        .collect();
    let context = Context {
        by_sentence: &by_sentence,
        source: &source,
        ids,
        published,
        stems,
    };
    let mut facts: Vec<(Fact, usize)> = groups
        .into_iter()
        .map(|group| (fact(mentions, &group, &context), group[0]))
        .collect();
    facts.sort_by(|(a, first_a), (b, first_b)| {
        a.status
            .cmp(&b.status)
            .then_with(|| distinct_sources(b).cmp(&distinct_sources(a)))
            .then(first_a.cmp(first_b))
    });
    facts.into_iter().map(|(f, _)| f).collect()
}

/// The facts without the years one source mentions in passing ("fought a
/// border war in 1994"): background, not a fact the sources could be
/// compared on. The timeline is built before they are dropped.
pub fn without_years_in_passing(mut facts: Vec<Fact>) -> Vec<Fact> {
    facts.retain(|f| !year_in_passing(f));
    facts
}

fn year_in_passing(fact: &Fact) -> bool {
    fact.kind == FactKind::Date
        && fact.status == FactStatus::SingleSource
        && fact.claims.iter().all(|c| {
            c.resolved
                .as_deref()
                .is_some_and(|r| r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit()))
        })
}

fn distinct_sources(fact: &Fact) -> usize {
    let mut sources: Vec<&String> = fact.claims.iter().flat_map(|c| &c.sources).collect();
    sources.sort_unstable();
    sources.dedup();
    sources.len()
}

/// What every fact of a story is built with.
struct Context<'a> {
    by_sentence: &'a BySentence<'a>,
    /// For each document, the first document with its id.
    source: &'a [usize],
    ids: &'a [String],
    /// Each document's publication date, when it has one.
    published: &'a [Option<NaiveDate>],
    stems: &'a Stems,
}

fn fact(mentions: &[Mention], group: &[usize], context: &Context<'_>) -> Fact {
    let Context {
        by_sentence,
        source,
        ids,
        published,
        stems,
    } = *context;
    let first = &mentions[group[0]];
    let disagreeing: Vec<(usize, usize)> = group
        .iter()
        .enumerate()
        .flat_map(|(n, &i)| group[n + 1..].iter().map(move |&j| (i, j)))
        .filter(|&(i, j)| {
            let (a, b) = (&mentions[i], &mentions[j]);
            updates::in_time(a, b, published) == Relation::Strong
                && !compatible(a, b)
                && !(a.document != b.document
                    && (agrees_beside(by_sentence, a, b) || agrees_beside(by_sentence, b, a)))
        })
        .collect();
    let updated = updates::grew_over_time(mentions, &disagreeing, published);
    let conflict = !disagreeing.is_empty() && !updated;
    // Equal claims from several sources become one claim with every
    // source, written as most of them write it. Sources are kept as
    // document indices (in story order) until the claim is complete.
    let mut claims: Vec<(Claim, usize)> = Vec::new();
    let mut sources: Vec<Vec<usize>> = Vec::new();
    let mut wordings: Vec<Vec<(&str, usize)>> = Vec::new();
    for &i in group {
        let m = &mentions[i];
        let same = claims.iter_mut().enumerate().find(|(_, (c, _))| {
            c.value == m.value && c.high == m.high && c.bound == m.bound && c.resolved == m.resolved
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
                        value: m.value,
                        high: m.high,
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
        about: about(mentions, group, stems),
        status,
        claims,
    }
}

/// What a group of claims is about: the counted noun and the event
/// ("people displaced"), else the context words the claims share most.
fn about(mentions: &[Mention], group: &[usize], stems: &Stems) -> String {
    let first = &mentions[group[0]];
    if first.event == Some("age") {
        let whose = group
            .iter()
            .filter_map(|&i| mentions[i].age_of.as_deref())
            .max_by_key(|name| name.len())
            .unwrap_or_default();
        let title: Vec<String> = whose
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
            })
            .collect();
        return format!("age of {}", title.join(" "));
    }
    let mut parts: Vec<String> = Vec::new();
    if first.kind == FactKind::Quantity
        && let Some(unit) = &first.unit
        && unit.chars().all(char::is_alphabetic)
        && unit.chars().any(char::is_lowercase)
    {
        parts.push(unit.clone());
    }
    if let Some(event) = group.iter().find_map(|&i| mentions[i].event) {
        parts.push(event.to_string());
    } else {
        let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
        for (order, &i) in group.iter().enumerate() {
            for &word in &mentions[i].context_words {
                let entry = counts.entry(stems.surface(word)).or_insert((0, order));
                entry.0 += 1;
            }
        }
        let mut words: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
        words.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)).then(a.0.cmp(b.0)));
        parts.extend(words.iter().take(2).map(|(w, _)| w.to_string()));
    }
    if parts.is_empty() {
        return match first.kind {
            FactKind::Quantity => "figure".into(),
            FactKind::Date => "date".into(),
            FactKind::Time => "time".into(),
            FactKind::Duration => "duration".into(),
        };
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
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
            inferred: false,
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
    }

    #[test]
    fn a_year_one_source_mentions_in_passing_is_not_a_fact() {
        let ids: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let cases = [
            (vec![date(0, "1994", "1994")], 0),
            (vec![date(0, "2023-03-15", "Wednesday")], 1),
            (
                vec![date(0, "2022", "last year"), date(1, "2022", "2022")],
                1,
            ),
            (
                vec![date(0, "2022", "last year"), date(0, "2022", "2022")],
                0,
            ),
        ];
        for (mentions, kept) in cases {
            let found = without_years_in_passing(facts(&mentions, &ids, &[], &Stems::default()));
            assert_eq!(found.len(), kept, "{mentions:?}: {found:?}");
        }
    }
}
