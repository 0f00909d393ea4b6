//! Compare: what the sources say about the same numbers, dates, quotes
//! and names, and where they disagree.
//!
//! Every sentence of every document that counts (reprints and documents
//! in another language are left out: a reprint would count its original
//! twice) is tokenized once; the scanners find quantities, dates, times,
//! quotes and names; `facts` groups the claims across sources; the
//! timeline, quotes, entities and each source's unique sentences follow.

mod anchors;
pub(crate) mod entities;
pub(crate) mod facts;
mod labels;
mod posts;
mod printed;
pub(crate) mod quotes;
mod runs;
pub(crate) mod stems;
mod tables;
mod timeline;
pub(crate) mod unique;
mod updates;

use chrono::NaiveDate;

use crate::ingest::publication_date;
use crate::model::{Bound, Entity, Fact, FactKind, Quote, TimelineEvent, UniqueContent};
use crate::prepare::Story;
use crate::prepare::limits::thousands;
use crate::scan::dates::{self, DateMention, TimeMention};
use crate::scan::lexicon;
use crate::scan::quantity::{self, Quantity, event_near};
use crate::scan::tokens::{Sentence, Token, TokenKind, tokenize_with};
use entities::Entities;
use facts::{Distance, Mention};
use stems::Stems;
use timeline::Dated;

/// Everything the compare stage finds in one story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Facts, conflicts first.
    pub facts: Vec<Fact>,
    /// Quotes grouped across sources.
    pub quotes: Vec<Quote>,
    /// Entities with aliases, most mentioned first.
    pub entities: Vec<Entity>,
    /// Dated events, earliest first.
    pub timeline: Vec<TimelineEvent>,
    /// Each source's sentences that no other source states.
    pub unique: Vec<UniqueContent>,
    /// What could not be worked out, and what was inferred.
    pub notes: Vec<String>,
    /// For each quote, the wording each document used (document index,
    /// text): what the report's variants merge, kept for evaluation.
    pub quote_wordings: Vec<Vec<(usize, String)>>,
}

/// Distinct words whose stems are kept between stories.
const STEM_CACHE_WORDS: usize = 500_000;
/// Words of context on each side of a claim.
const CONTEXT_WINDOW: usize = 10;

/// Runs the compare stage on a prepared story. `today` is the latest day a
/// date may be inferred to be when no report is dated (see
/// [`crate::scan::dates::today`]).
pub fn compare(story: &Story, today: Option<NaiveDate>) -> Comparison {
    let counted: Vec<usize> = (0..story.documents.len())
        .filter(|&d| {
            let document = &story.documents[d];
            document.duplicate_of.is_none() && !document.excluded
        })
        .collect();
    let places: Vec<(usize, usize, usize, &str)> = counted
        .iter()
        .flat_map(|&d| {
            story.documents[d]
                .sentences
                .iter()
                .enumerate()
                .map(move |(position, s)| (d, position, s.paragraph, s.text.as_str()))
        })
        .collect();
    let lowered: Vec<String> = places
        .iter()
        .map(|(.., t)| t.to_ascii_lowercase())
        .collect();
    // Stems are cached across stories: a run sees the same words again
    // and again, and stemming them anew was most of this stage's cost.
    thread_local! {
        static STEMS: std::cell::RefCell<Stems> = std::cell::RefCell::new(Stems::default());
    }
    let mut stems = STEMS.with(|cache| cache.take());
    if stems.words() > STEM_CACHE_WORDS {
        stems = Stems::default();
    }
    // Each content word's stem is found with its flags as the words are
    // read: the readers after this one hash no word again.
    let sentences: Vec<Sentence> = places
        .iter()
        .zip(&lowered)
        .map(|(&(document, position, paragraph, text), lower)| Sentence {
            document,
            position,
            paragraph,
            text,
            tokens: tokenize_with(text, lower, &mut stems),
        })
        .collect();
    let ids: Vec<String> = story.documents.iter().map(|d| d.id().to_string()).collect();
    let mut notes = Vec::new();
    let found_dates: Vec<Vec<DateMention>> =
        sentences.iter().map(|s| dates::dates(&s.tokens)).collect();
    let published: Vec<Option<NaiveDate>> = story
        .documents
        .iter()
        .map(|d| d.article.date.as_deref().and_then(publication_date))
        .collect();
    let reading = anchors::Reading {
        sentences: &sentences,
        found: &found_dates,
        today,
    };
    let anchors = anchors::anchors(
        story, &published, &counted, &reading, &mut stems, &mut notes,
    );
    // Each date claim (index into `mentions`) and whether it was written
    // in full, for the timeline.
    let mut dated: Vec<(usize, bool)> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut unresolved: Vec<String> = Vec::new();
    let mut impossible: Vec<String> = Vec::new();
    let mut resolver: Option<(usize, dates::Resolver)> = None;
    for (sentence, found_dates) in sentences.iter().zip(&found_dates) {
        let anchor = anchors.dates[sentence.document];
        // One resolver per document: "that day" leans on the document's own
        // earlier dates.
        if resolver
            .as_ref()
            .is_none_or(|(d, _)| *d != sentence.document)
        {
            let mut new = dates::Resolver::new(anchor);
            if let Some(today) = today {
                new = new.today(today);
            }
            resolver = Some((sentence.document, new));
        }
        let first = mentions.len();
        let found = quantity::quantities(&sentence.tokens);
        // Read once for the sentence, for each of its figures.
        let total = !found.is_empty() && quantity::tells_a_total(&sentence.tokens);
        // The claim made of the figure before, if it was kept as one.
        let mut claimed: Option<usize> = None;
        for (k, q) in found.iter().enumerate() {
            // "13 miles (22 km)": the conversion is the claim before it.
            if k > 0 && quantity::converts(&sentence.tokens, &found[k - 1], q) {
                // (A claim takes one conversion.)
                if let Some(c) = claimed.take() {
                    let (claim, conversion) = (&found[k - 1], q);
                    with_conversion(&mut mentions[c], sentence, claim, conversion, &mut stems);
                }
                continue;
            }
            let mut mention = quantity_mention(sentence, q, &mut stems);
            mention.cumulative = total;
            // "and at least 580,000": the event of the figure it continues.
            if q.inherited
                && mention.event.is_none()
                && let Some(previous) = mentions[first..].last()
            {
                mention.event = previous.event;
            }
            // "230 were killed" and "230 deaths" count people.
            let people_noun = mention
                .unit
                .as_deref()
                .and_then(lexicon::event_of)
                .is_some_and(lexicon::counts_people);
            if (mention.unit.is_none() && mention.event.is_some_and(lexicon::counts_people))
                || people_noun
            {
                mention.unit = Some("people".into());
            }
            claimed = None;
            if !quantity::names_a_known_set(&sentence.tokens, q) {
                claimed = Some(mentions.len());
                mentions.push(mention);
            }
        }
        let resolved = match resolver.as_mut() {
            Some((_, r)) => r.resolve_sentence(found_dates),
            None => Vec::new(),
        };
        for (d, value) in found_dates.iter().zip(resolved) {
            if !d.calendar() {
                continue;
            }
            match value.and_then(|v| v.cal()).and_then(dates::When::of) {
                Some(when) => {
                    let mut mention = date_mention(sentence, d, when, &mut stems);
                    // A relative date ("Friday", "today") is read against its
                    // report's date or a date found in the text: two reports
                    // reading it apart more often means one "Friday" was past
                    // and the other to come than that they disagree.
                    mention.inferred = d.relative();
                    dated.push((mentions.len(), !d.relative()));
                    mentions.push(mention);
                }
                None if d.impossible() => {
                    impossible.push(sentence.text[d.span.0..d.span.1].to_string());
                }
                None if anchor.is_none() && d.relative() => {
                    unresolved.push(sentence.text[d.span.0..d.span.1].to_string());
                }
                None => {}
            }
        }
        for t in dates::times(&sentence.tokens) {
            mentions.push(time_mention(sentence, &t, &mut stems));
        }
    }
    if !unresolved.is_empty() {
        unresolved.sort();
        unresolved.dedup();
        let shown: Vec<String> = unresolved
            .iter()
            .take(5)
            .map(|u| format!("\"{u}\""))
            .collect();
        notes.push(format!(
            "no publication date to read {} relative date(s) against ({}): left out of facts and timeline",
            unresolved.len(),
            shown.join(", ")
        ));
    }
    if !impossible.is_empty() {
        impossible.sort();
        impossible.dedup();
        let shown: Vec<String> = impossible
            .iter()
            .take(5)
            .map(|u| format!("\"{u}\""))
            .collect();
        notes.push(format!(
            "{} date(s) not on the calendar ({}): left out of facts and timeline",
            impossible.len(),
            shown.join(", ")
        ));
    }
    let entities = entities::entities(&sentences, &ids);
    // An age's owner by the fullest name the story gives; a surname that
    // several people share names no one ("Pasztor": the mother or her son),
    // nor does a single word no one is known by ("a 26-year-old Navajo").
    // "He was 35" is of the person last named before it in its report
    // (a name known to be a person's: "HQ Trivia" is not a "he"). The
    // pronoun opens its sentence: a name in the same sentence comes after
    // it ("He was 35, his brother John Smith said"). A player's points or
    // rebounds are the player's named with them (`player_of`).
    let person = |e: &Entity| {
        e.kind == crate::model::EntityKind::Person
            || (e.kind == crate::model::EntityKind::Other && e.name.contains(' '))
    };
    for mention in &mut mentions {
        if let Some(name) = mention.age_of.take() {
            let owner = if name == "he" || name == "she" {
                entities
                    .last_person_before(
                        mention.document,
                        (mention.sentence, 0),
                        Some(&name),
                        |m, e| !m.attributive && entities::pronoun_fits(&e.name, &name),
                    )
                    .map(|e| &entities.list[e])
            } else {
                entities.lookup(&name).filter(|e| person(e))
            };
            mention.age_of = owner.map(|e| e.name.to_lowercase());
        }
        if facts::is_statistic(mention) {
            mention.holder = player_of(mention, &sentences, &entities, person)
                .map(|e| entities.list[e].name.to_lowercase());
        }
    }
    limit_claims(&mut mentions, &mut dated, &mut notes);
    let facts = facts::facts(&mentions, &ids, &published);
    notes.extend(tables::dense_notes(&mentions, &ids));
    let claims = unique::claims_by_sentence(&mentions, &facts, &ids);
    let dated: Vec<Dated> = dated
        .into_iter()
        .map(|(i, absolute)| Dated {
            mention: &mentions[i],
            absolute,
            how: anchors.how(mentions[i].document, &ids),
        })
        .collect();
    let timeline = timeline::timeline(&dated, &sentences, &ids);
    let facts = facts::without_years_in_passing(facts);
    // A copy counts once, but it is still a source of the quotes it prints.
    let copy_texts: Vec<(usize, usize, &crate::model::Sentence, String)> =
        (0..story.documents.len())
            .filter(|&d| story.documents[d].duplicate_of.is_some())
            .flat_map(|d| {
                let sentences = story.documents[d].sentences.iter().enumerate();
                sentences.map(move |(p, s)| (d, p, s, s.text.to_ascii_lowercase()))
            })
            .collect();
    let copies: Vec<Sentence> = copy_texts
        .iter()
        .map(|&(document, position, sentence, ref lower)| Sentence {
            document,
            position,
            paragraph: sentence.paragraph,
            text: &sentence.text,
            tokens: tokenize_with(&sentence.text, lower, &mut stems),
        })
        .collect();
    let (quotes, quote_wordings) =
        quotes::quotes(&sentences, &copies, &entities, &ids, &mut stems, &mut notes);
    let unique = unique::unique(story, &counted, &claims);
    STEMS.with(|cache| cache.replace(stems));
    Comparison {
        facts,
        quotes,
        entities: entities.list,
        timeline,
        unique,
        notes,
        quote_wordings,
    }
}

/// Claims grouped per story at most. Grouping compares each claim with
/// those before it, so it grows with the square of their number; the most
/// any story of the evaluation data makes is 1,132 (WikiRef220), a DUC 2006
/// story 813.
pub const MAX_CLAIMS: usize = 5_000;

/// Keeps at most [`MAX_CLAIMS`] claims, with a note saying how many were
/// left out; `dated` (indices into `mentions`) follows them.
fn limit_claims(
    mentions: &mut Vec<Mention>,
    dated: &mut Vec<(usize, bool)>,
    notes: &mut Vec<String>,
) {
    let Some(kept) = keep_earliest(mentions, MAX_CLAIMS, |m| (m.sentence, m.document)) else {
        return;
    };
    dated.retain_mut(|(i, _)| match kept[*i] {
        Some(new) => {
            *i = new;
            true
        }
        None => false,
    });
    notes.push(format!(
        "the reports make {} claims of figures, dates and times: {} were compared, \
         each report's earliest in turn",
        thousands(kept.len()),
        thousands(MAX_CLAIMS)
    ));
}

/// Keeps at most `max` of `items`, in their order: each report's earliest
/// in turn (those in every report's first sentence, then in every second,
/// …), as `place` gives them (sentence position, document). When some were
/// left out, returns for each item as it was its new index, if kept.
pub(crate) fn keep_earliest<T>(
    items: &mut Vec<T>,
    max: usize,
    place: impl Fn(&T) -> (usize, usize),
) -> Option<Vec<Option<usize>>> {
    let total = items.len();
    if total <= max {
        return None;
    }
    let mut order: Vec<usize> = (0..total).collect();
    order.sort_by_key(|&i| (place(&items[i]), i));
    let mut keep = vec![false; total];
    for &i in &order[..max] {
        keep[i] = true;
    }
    let mut next = 0;
    let new_index: Vec<Option<usize>> = keep
        .iter()
        .map(|&k| {
            k.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    let mut kept = keep.into_iter();
    items.retain(|_| kept.next().unwrap_or(false));
    Some(new_index)
}

/// Context of a claim spanning tokens `span`: stems and words, nearest first.
fn context(sentence: &Sentence, span: (usize, usize), stems: &mut Stems) -> (Vec<u32>, Vec<u32>) {
    let tokens = &sentence.tokens;
    let mut ids = Vec::new();
    let mut words = Vec::new();
    let mut take = |token: &Token| {
        if let Some(id) = stems.of(token) {
            ids.push(id);
            // Names tell claims apart but make poor labels.
            if !token.text.chars().any(char::is_uppercase) {
                words.push(id);
            }
        }
    };
    // Nearest first, the word before ahead of the word after.
    for distance in 1..=CONTEXT_WINDOW {
        if let Some(i) = span.0.checked_sub(distance) {
            take(&tokens[i]);
        }
        if let Some(t) = tokens.get(span.1 + distance - 1) {
            take(t);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    (ids, words)
}

/// Whether a unit is a counted noun ("people", "soldier"), not a currency,
/// a share or a unit of measure.
fn counted_noun(unit: &str) -> bool {
    unit != quantity::MAGNITUDE
        && unit.chars().all(|c| c.is_ascii_lowercase())
        && lexicon::measure_unit(unit).is_none()
        && lexicon::time_unit(unit).is_none()
}

impl Mention {
    /// A claim of `kind` spanning `span` (bytes) and `tokens` of a
    /// sentence, with its context; value and qualifier left for the caller.
    fn at(
        sentence: &Sentence,
        kind: FactKind,
        span: (usize, usize),
        tokens: (usize, usize),
        stems: &mut Stems,
    ) -> Mention {
        let (context, context_words) = context(sentence, tokens, stems);
        Mention {
            document: sentence.document,
            sentence: sentence.position,
            kind,
            value: 0.0,
            high: None,
            bound: Bound::Exact,
            range: (0.0, 0.0),
            unit: None,
            resolved: None,
            text: sentence.text[span.0..span.1].to_string(),
            event: None,
            elliptical: false,
            age_of: None,
            holder: None,
            token: tokens.0,
            inferred: false,
            part: false,
            forecast: false,
            cumulative: false,
            topic: labels::topic(&sentence.tokens, tokens),
            weak_topic: None,
            whole: None,
            conversion: None,
            distance: None,
            context,
            context_words,
        }
    }
}

/// The player whose figure a statistic is: the name last given before it
/// in its sentence, a verb of scoring between them ("Carter scored 14
/// points", not "the Dow Jones industrial average fell 150 points").
/// `sentences` are the story's, in document order.
fn player_of(
    mention: &Mention,
    sentences: &[Sentence],
    entities: &Entities,
    person: impl Fn(&Entity) -> bool,
) -> Option<usize> {
    let tokens = sentences
        .binary_search_by_key(&(mention.document, mention.sentence), |s| {
            (s.document, s.position)
        })
        .map(|s| sentences[s].tokens.as_slice())
        .ok()?;
    let (name, entity) = entities
        .in_document(mention.document)
        .iter()
        .rev()
        .find(|(m, e)| {
            m.sentence == mention.sentence && m.token < mention.token && person(&entities.list[*e])
        })?;
    let between = tokens.get(name.end..mention.token)?;
    between
        .iter()
        .any(|t| SCORING.contains(&t.lower()))
        .then_some(*entity)
}

/// Verbs a game's report gives a player's figures with ("scored 14
/// points", "had 11 rebounds", "threw for 300 yards").
const SCORING: &[&str] = &[
    "scored",
    "scores",
    "score",
    "scoring",
    "had",
    "has",
    "added",
    "adding",
    "grabbed",
    "pulled",
    "threw",
    "throws",
    "rushed",
    "ran",
    "caught",
    "finished",
    "totaled",
    "totalled",
    "recorded",
    "posted",
    "collected",
    "kicked",
    "hit",
    "hits",
    "tallied",
    "dished",
    "contributed",
    "netted",
    "struck",
    "passed",
    "gained",
    "racked",
    "notched",
    "blocked",
];

/// A claim made of `claim` given with its report's own `conversion` right
/// after it ("13 miles (22 km)"): its text shows both, its context is the
/// words around both.
fn with_conversion(
    mention: &mut Mention,
    sentence: &Sentence,
    claim: &Quantity,
    conversion: &Quantity,
    stems: &mut Stems,
) {
    let closing = sentence
        .tokens
        .get(conversion.tokens.1)
        .filter(|t| t.text == ")");
    let end = closing.map_or(conversion.span.1, |t| t.end);
    mention.text = sentence.text[claim.span.0..end].to_string();
    mention.conversion = Some(Box::new(quantity_mention(sentence, conversion, stems)));
    let span = (
        claim.tokens.0,
        conversion.tokens.1 + usize::from(closing.is_some()),
    );
    (mention.context, mention.context_words) = context(sentence, span, stems);
}

fn quantity_mention(sentence: &Sentence, q: &Quantity, stems: &mut Stems) -> Mention {
    // Measures are held in their dimension's base unit, as lengths of
    // time are in seconds: "55 miles" and "70 kilometers" compare.
    let base = q
        .unit
        .as_deref()
        .and_then(lexicon::measure_base)
        .map_or(1.0, |(_, size)| size);
    let mut mention = Mention {
        value: q.value * base,
        high: q.high.map(|h| h * base),
        bound: q.bound,
        range: (q.range.0 * base, q.range.1 * base),
        unit: q.unit.clone(),
        event: match q.unit.as_deref() {
            Some(u) if u.ends_with(" old") => Some("age"),
            Some(quantity::MAGNITUDE) => {
                Some(quantity::quake_of_magnitude(&sentence.tokens, q.tokens))
            }
            // Events count people and things, not money, shares or measures.
            // A prison term is a length the event names ("sentenced to
            // five years", "sent him to prison for 3 years").
            _ if q.kind == FactKind::Duration => {
                event_near(&sentence.tokens, q.tokens).filter(|&e| e == "sentenced")
            }
            Some(u) if !counted_noun(u) || q.kind != FactKind::Quantity => None,
            _ => event_near(&sentence.tokens, q.tokens),
        },
        elliptical: q.inherited,
        age_of: q.age_of.clone(),
        part: quantity::counts_a_part(&sentence.tokens, q),
        forecast: quantity::forecast(&sentence.tokens, q),
        whole: whole_or_kind(&sentence.tokens, q),
        distance: q
            .unit
            .as_deref()
            .and_then(|unit| distance_from_place(&sentence.tokens, q.tokens, unit)),
        ..Mention::at(sentence, q.kind, q.span, q.tokens, stems)
    };
    mention.weak_topic = weak_topic(&mention, sentence, q.tokens);
    mention
}

/// What a share is of, or the kind of thing a count counts, as its words
/// after "of" (see `Mention::whole`). A count names a kind when a bare
/// noun follows ("two counts of assault", "300 cases of measles"), not a
/// name or a determiner: "residents of Paradise", "members of the
/// council" say whose, which another report may say otherwise. Money and
/// measures are not compared by what they buy or measure.
fn whole_or_kind(tokens: &[Token], q: &Quantity) -> Option<Vec<String>> {
    let unit = q.unit.as_deref()?;
    let kind_named = || {
        q.kind == FactKind::Quantity
            && counted_noun(unit)
            && tokens.get(q.tokens.1 + 1).is_some_and(|t| {
                t.kind == TokenKind::Word && !t.capitalized() && !t.has(lexicon::FUNCTION)
            })
    };
    if unit == "%" || kind_named() {
        labels::whole(tokens, q.tokens)
    } else {
        None
    }
}

/// A distance from a named place, read around the claim at `span`: "90
/// miles north of Las Vegas", "about 220 miles from Darwin", "Ivanovo, a
/// textile town 190 miles east of Moscow" (the place located: a name
/// closing an aside just before).
fn distance_from_place(tokens: &[Token], span: (usize, usize), unit: &str) -> Option<Distance> {
    if lexicon::measure_base(unit).is_none_or(|(class, _)| class != "length") {
        return None;
    }
    let mut i = span.1;
    // "north-west", "south - west": one bearing, "northwest".
    let mut direction = String::new();
    while let Some(t) = tokens.get(i) {
        if lexicon::COMPASS.contains(&t.lower()) {
            direction.extend(t.lower().chars().filter(|&c| c != '-'));
        } else if !(t.is("due") || t.is("away") || t.text == "-") {
            break;
        }
        i += 1;
    }
    let direction = (!direction.is_empty()).then_some(direction);
    if !tokens.get(i).is_some_and(|t| t.is("of") || t.is("from")) {
        return None;
    }
    let from: Vec<String> = tokens[i + 1..]
        .iter()
        .skip_while(|t| t.is("the"))
        .take_while(|t| t.kind == TokenKind::Word && t.capitalized())
        .take(3)
        .map(|t| t.lower().trim_end_matches("'s").to_string())
        .collect();
    if from.is_empty() {
        return None;
    }
    // "Ivanovo, a down-at-the-heels textile town 190 miles": the name
    // before the nearest comma within the aside's reach.
    let comma = (span.0.saturating_sub(ASIDE_WORDS)..span.0)
        .rev()
        .find(|&k| tokens[k].text == ",");
    // ("In Ivanovo": the sentence's first word is no part of it.)
    let name_ending_at = |k: usize| -> Vec<&str> {
        let mut name: Vec<&str> = tokens[..k]
            .iter()
            .rev()
            .take_while(|t| {
                t.kind == TokenKind::Word && t.capitalized() && !t.has(lexicon::FUNCTION)
            })
            .map(|t| t.lower())
            .collect();
        name.reverse();
        name
    };
    let located = comma.and_then(|k| {
        let mut name = name_ending_at(k);
        // "Beatty, Nevada, 90 miles north of Las Vegas": the town and its
        // state, not the state alone.
        let before = k - name.len();
        if !name.is_empty() && before >= 1 && tokens[before - 1].text == "," {
            let mut town = name_ending_at(before - 1);
            town.append(&mut name);
            name = town;
        }
        (!name.is_empty()).then(|| name.join(" "))
    });
    Some(Distance {
        from,
        direction,
        located,
    })
}

/// Words between a place's name and its distance in an aside: "Ivanovo,
/// a down-at-the-heels textile factory town 180 miles".
const ASIDE_WORDS: usize = 7;

fn date_mention(
    sentence: &Sentence,
    d: &DateMention,
    when: dates::When,
    stems: &mut Stems,
) -> Mention {
    let (first, last) = when.days();
    let mut mention = Mention {
        value: first as f64,
        range: (first as f64, last as f64),
        resolved: Some(when.iso()),
        ..Mention::at(sentence, FactKind::Date, d.span, d.tokens, stems)
    };
    mention.weak_topic = weak_topic(&mention, sentence, d.tokens);
    mention
}

/// What a claim no phrase is tied to may still say it is of (see
/// `Mention::weak_topic`): the act a date's or a time's verb names ("was
/// shot May 29": the shooting), what money pays ("a $50,000 bond",
/// "billed them $66,000"), what a length or a share is of ("16 years of
/// experience", "15 percent of sales").
fn weak_topic(mention: &Mention, sentence: &Sentence, tokens: (usize, usize)) -> Option<String> {
    if mention.topic.is_some() {
        return None;
    }
    let tokens_of = &sentence.tokens;
    match mention.kind {
        FactKind::Date | FactKind::Time => labels::act_dated(tokens_of, tokens),
        FactKind::Duration => labels::of_what(tokens_of, tokens),
        FactKind::Quantity => match mention.unit.as_deref() {
            Some(unit) if lexicon::is_currency_code(unit) => {
                labels::payment_named(tokens_of, tokens)
            }
            Some("%") => labels::of_what(tokens_of, tokens),
            _ => None,
        },
    }
}

/// Minutes either side of a time given as "around".
const ABOUT_MINUTES: f64 = 30.0;

fn time_mention(sentence: &Sentence, t: &TimeMention, stems: &mut Stems) -> Mention {
    let (value, unit) = match t.utc() {
        Some(utc) => (utc as f64, "UTC"),
        None => (t.local as f64, "local"),
    };
    let range = match t.bound {
        Bound::About => (value - ABOUT_MINUTES, value + ABOUT_MINUTES),
        Bound::MoreThan | Bound::AtLeast => (value, f64::INFINITY),
        Bound::LessThan | Bound::AtMost => (f64::NEG_INFINITY, value),
        _ => (value, value),
    };
    let minutes = value as i64;
    let mut mention = Mention {
        value,
        bound: t.bound,
        range,
        unit: Some(unit.into()),
        resolved: Some(format!("{:02}:{:02} {unit}", minutes / 60, minutes % 60)),
        ..Mention::at(sentence, FactKind::Time, t.span, t.tokens, stems)
    };
    mention.weak_topic = weak_topic(&mention, sentence, t.tokens);
    mention
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::tokens::tokenize_static;

    #[test]
    fn the_earliest_of_each_report_are_kept_in_turn() {
        // (document, sentence) of each item, in reading order.
        let mut items: Vec<(usize, usize)> = (0..6)
            .map(|s| (0, s))
            .chain((0..2).map(|s| (1, s)))
            .chain([(2, 0)])
            .collect();
        assert_eq!(keep_earliest(&mut items, 20, |&(d, s)| (s, d)), None);
        let kept = keep_earliest(&mut items, 6, |&(d, s)| (s, d)).map(|k| k.len());
        assert_eq!(kept, Some(9));
        assert_eq!(items, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn a_distance_names_the_place_it_is_from_and_the_place_it_locates() {
        let distance = |text: &'static str| {
            let tokens = tokenize_static(text);
            let found = quantity::quantities(&tokens);
            let q = &found[0];
            distance_from_place(&tokens, q.tokens, q.unit.as_deref().unwrap_or_default())
        };
        let ivanovo = distance("In Ivanovo, a textile town 190 miles east of Moscow, he spoke.");
        assert_eq!(
            ivanovo,
            Some(Distance {
                from: vec!["moscow".into()],
                direction: Some("east".into()),
                located: Some("ivanovo".into()),
            })
        );
        let bearing = |text| distance(text).and_then(|d| d.direction);
        assert_eq!(
            bearing("The epicentre was 58 km south - west of Bandar Abbas."),
            Some("southwest".into())
        );
        assert_eq!(
            bearing("It lies 58 km north-west of Bandar Abbas."),
            Some("northwest".into())
        );
        let plain = distance("The mine is about 220 miles from Darwin.");
        assert_eq!(
            plain.map(|d| (d.from, d.direction)),
            Some((vec!["darwin".into()], None))
        );
        // A length that is no distance from a place, and a count.
        assert_eq!(distance("The fault runs 100 miles of the coast."), None);
        assert_eq!(distance("Some 300 people of Paris marched."), None);
    }

    #[test]
    fn a_count_names_its_kind_but_not_whose_it_is() {
        let kind = |text: &'static str| {
            let tokens = tokenize_static(text);
            let found = quantity::quantities(&tokens);
            whole_or_kind(&tokens, &found[0])
        };
        assert_eq!(
            kind("He faces six counts of criminal mischief."),
            Some(vec!["criminal".to_string(), "mischief".to_string()])
        );
        assert_eq!(kind("It left 300 residents of Paradise homeless."), None);
        assert_eq!(kind("It left 250 residents of the town homeless."), None);
        assert_eq!(kind("It raised $3 million of its budget."), None);
    }

    #[test]
    fn events_named_near_figures() {
        let tokens = tokenize_static("Alcorn exchanged hundreds of texts with the girl.");
        let found = quantity::quantities(&tokens);
        assert_eq!(found.len(), 1);
        assert_eq!(event_near(&tokens, found[0].tokens), Some("messages"));
        let tokens = tokenize_static("The Grateful Dead played three shows.");
        let found = quantity::quantities(&tokens);
        assert_eq!(event_near(&tokens, found[0].tokens), None);
        // The verb before the figure, not the next clause's.
        let tokens = tokenize_static(
            "Malaria is sickening more than 300 million people a year and killing 600,000.",
        );
        let found = quantity::quantities(&tokens);
        assert_eq!(event_near(&tokens, found[0].tokens), Some("infected"));
    }
}
