//! The brief: what a reader on a terminal (or reading raw Markdown) is
//! shown by default. Every list is ranked by how many sources carry an item
//! and cut short; `Detail::Full` keeps everything, and JSON always does.

use crate::model::{Entity, Fact, FactStatus, Quote, StoryReport, TimelineEvent};
use crate::scan::lexicon;

/// How much of each compare section to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// The short brief: conflicts, the facts and quotes most sources state,
    /// the main names, the timeline and a sentence or two only each source
    /// has.
    #[default]
    Brief,
    /// Everything the report holds.
    Full,
}

/// Facts other than conflicts shown in a brief (conflicts are all shown).
const FACTS_SHOWN: usize = 6;
/// Quotes shown in a brief.
const QUOTES_SHOWN: usize = 5;
/// People, organisations and places shown in a brief.
const ENTITIES_SHOWN: usize = 8;
/// Timeline events shown in a brief.
const EVENTS_SHOWN: usize = 8;
/// Sentences of each source's own shown in a brief.
const UNIQUE_SHOWN: usize = 2;

/// Items picked for printing and how many were left out.
pub(crate) struct Picked<'a, T> {
    pub items: Vec<&'a T>,
    pub left_out: usize,
}

impl<'a, T> Picked<'a, T> {
    fn all(items: &'a [T]) -> Self {
        Picked {
            items: items.iter().collect(),
            left_out: 0,
        }
    }

    fn of(total: usize, items: Vec<&'a T>) -> Self {
        Picked {
            left_out: total - items.len(),
            items,
        }
    }
}

/// Every conflict and update, then the facts most sources state, those
/// whose label says what they count first (report order breaks ties, so
/// agreed facts come before single-source ones). A figure one source
/// gives with no word of what it counts ("amount: millions", "figure:
/// 6") tells a reader of the brief nothing: it is left to `--full`.
pub(crate) fn facts(story: &StoryReport, detail: Detail) -> Picked<'_, Fact> {
    if detail == Detail::Full {
        return Picked::all(&story.facts);
    }
    let mut others: Vec<&Fact> = story
        .facts
        .iter()
        .filter(|f| !always_shown(f) && (f.source_count() > 1 || f.label_says_what()))
        .collect();
    others.sort_by_key(|f| std::cmp::Reverse((f.source_count(), f.label_says_what())));
    others.truncate(FACTS_SHOWN);
    let shown = story
        .facts
        .iter()
        .filter(|f| always_shown(f))
        .chain(others)
        .collect();
    Picked::of(story.facts.len(), shown)
}

/// Conflicts and updates: what a reader of the brief must not miss.
fn always_shown(fact: &Fact) -> bool {
    matches!(fact.status, FactStatus::Conflict | FactStatus::Updated)
}

/// The quotes most sources carry.
pub(crate) fn quotes(story: &StoryReport, detail: Detail) -> Picked<'_, Quote> {
    if detail == Detail::Full {
        return Picked::all(&story.quotes);
    }
    let mut shown: Vec<&Quote> = story.quotes.iter().collect();
    shown.sort_by_key(|q| std::cmp::Reverse(q.sources.len()));
    shown.truncate(QUOTES_SHOWN);
    Picked::of(story.quotes.len(), shown)
}

/// The names most sources use, then the most mentioned.
pub(crate) fn entities(story: &StoryReport, detail: Detail) -> Picked<'_, Entity> {
    if detail == Detail::Full {
        return Picked::all(&story.entities);
    }
    let mut shown: Vec<&Entity> = story.entities.iter().collect();
    shown.sort_by_key(|e| std::cmp::Reverse((e.sources.len(), e.mentions)));
    shown.truncate(ENTITIES_SHOWN);
    Picked::of(story.entities.len(), shown)
}

/// The events most sources date, kept in time order; a year one source
/// mentions in passing ("fought a border war in 1994") is background, not
/// the story's own event, and is left to `--full` (as it is left out of
/// the facts).
pub(crate) fn timeline(story: &StoryReport, detail: Detail) -> Picked<'_, TimelineEvent> {
    if detail == Detail::Full {
        return Picked::all(&story.timeline);
    }
    let mut ranked: Vec<usize> = (0..story.timeline.len())
        .filter(|&i| !year_in_passing(&story.timeline[i]))
        .collect();
    ranked.sort_by_key(|&i| std::cmp::Reverse(story.timeline[i].sources.len()));
    ranked.truncate(EVENTS_SHOWN);
    ranked.sort_unstable();
    let shown = ranked.into_iter().map(|i| &story.timeline[i]).collect();
    Picked::of(story.timeline.len(), shown)
}

/// A year alone, dated by one source.
fn year_in_passing(event: &TimelineEvent) -> bool {
    event.sources.len() == 1
        && event.date.len() == 4
        && event.date.bytes().all(|b| b.is_ascii_digit())
}

/// One source's own sentences as printed.
pub(crate) struct OwnSentences<'a> {
    pub document: &'a str,
    pub sentences: Vec<&'a str>,
}

/// For each source, its most informative sentences that the brief does not
/// already print (in the summary or the timeline shown), in the source's
/// order; and how many were left out.
pub(crate) fn unique(story: &StoryReport, detail: Detail) -> (Vec<OwnSentences<'_>>, usize) {
    let shown_events = timeline(story, detail).items;
    let already_shown = |s: &str| {
        story.summary.iter().any(|summary| summary.text == s)
            || shown_events.iter().any(|event| event.text == s)
    };
    let mut left_out = 0;
    let mut out = Vec::new();
    for only in &story.unique {
        let fresh: Vec<(usize, &str)> = only
            .sentences
            .iter()
            .map(String::as_str)
            .filter(|s| detail == Detail::Full || !already_shown(s))
            .enumerate()
            .collect();
        let mut kept = fresh.clone();
        if detail == Detail::Brief {
            let news = OwnNews::of(story, &only.document);
            // A sentence printed in capitals shouts: listed last.
            kept.sort_by_key(|&(_, s)| {
                std::cmp::Reverse((
                    !lexicon::shouts(s),
                    news.in_sentence(s).min(NEWS_COUNTED),
                    informative(s),
                ))
            });
            kept.truncate(UNIQUE_SHOWN);
            kept.sort_unstable();
        }
        // Sentences the brief already prints are not left out.
        left_out += fresh.len() - kept.len();
        if !kept.is_empty() {
            out.push(OwnSentences {
                document: &only.document,
                sentences: kept.into_iter().map(|(_, s)| s).collect(),
            });
        }
    }
    (out, left_out)
}

/// New names and figures counted in a sentence's rank, at most: past two,
/// the wording decides.
const NEWS_COUNTED: usize = 2;

/// What one source alone tells: the names no other source uses and the
/// figures no other source gives (claims of its single-source facts).
struct OwnNews<'a> {
    names: Vec<&'a str>,
    figures: Vec<&'a str>,
}

impl<'a> OwnNews<'a> {
    fn of(story: &'a StoryReport, document: &str) -> Self {
        let alone = |sources: &[String]| sources.len() == 1 && sources[0] == document;
        let names = story
            .entities
            .iter()
            .filter(|e| alone(&e.sources))
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(String::as_str)
            .collect();
        let figures = story
            .facts
            .iter()
            .filter(|f| f.status == FactStatus::SingleSource)
            .flat_map(|f| &f.claims)
            .filter(|c| alone(&c.sources))
            .flat_map(|c| std::iter::once(&c.text).chain(&c.also_written))
            .map(String::as_str)
            .collect();
        OwnNews { names, figures }
    }

    /// How many of the source's own names and figures the sentence gives.
    fn in_sentence(&self, sentence: &str) -> usize {
        let names = self.names.iter().filter(|n| says(sentence, n)).count();
        let figures = self.figures.iter().filter(|f| says(sentence, f)).count();
        names + figures
    }
}

/// Whether `phrase` is in `sentence` as whole words ("Ann" is not in
/// "Annual").
fn says(sentence: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    sentence.match_indices(phrase).any(|(at, _)| {
        !word_char(sentence[..at].chars().next_back())
            && !word_char(sentence[at + phrase.len()..].chars().next())
    })
}

/// How much a sentence tells: its distinct longer words, with figures and
/// names (capitalised words after the first) counted again, since those
/// are what a reader cannot get from the other sources. Long sentences
/// gain nothing past a point, so that a run-on caption does not win.
fn informative(sentence: &str) -> usize {
    let mut words: Vec<String> = Vec::new();
    let mut specific = 0;
    for (n, word) in sentence.split_whitespace().enumerate() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.chars().any(|c| c.is_ascii_digit())
            || (n > 0 && word.chars().next().is_some_and(char::is_uppercase))
        {
            specific += 1;
        }
        if word.chars().count() >= 4 {
            words.push(word.to_lowercase());
        }
    }
    words.sort_unstable();
    words.dedup();
    words.len().min(25) + specific.min(8)
}

/// "1 more fact", "7 more facts": `what` is written plural, and for one
/// its first word ending in "s" (the noun: "dated events", "sentences only
/// one source has") loses it.
pub(crate) fn count_of(count: usize, what: &str) -> String {
    if count != 1 {
        return format!("{count} more {what}");
    }
    let mut singular = false;
    let one: Vec<&str> = what
        .split(' ')
        .map(|word| match word.strip_suffix('s') {
            Some(noun) if !singular => {
                singular = true;
                noun
            }
            _ => word,
        })
        .collect();
    format!("1 more {}", one.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Bound, Claim, EntityKind, FactKind, FromRef, SummarySentence, UniqueContent,
    };

    fn sources(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("d{i}")).collect()
    }

    fn quote(text: &str, carried_by: usize) -> Quote {
        Quote {
            speaker: None,
            text: text.to_string(),
            variants: Vec::new(),
            sources: sources(carried_by),
        }
    }

    #[test]
    fn a_brief_keeps_the_quotes_most_sources_carry() {
        let story = StoryReport {
            quotes: (1..=9)
                .map(|n| quote(&format!("q{n}"), n % 4 + 1))
                .collect(),
            ..StoryReport::default()
        };
        let brief = quotes(&story, Detail::Brief);
        let texts: Vec<&str> = brief.items.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["q3", "q7", "q2", "q6", "q1"]);
        assert_eq!(brief.left_out, 4);
        let full = quotes(&story, Detail::Full);
        assert_eq!((full.items.len(), full.left_out), (9, 0));
    }

    #[test]
    fn a_brief_keeps_two_informative_own_sentences_not_in_the_summary() {
        let own = [
            "It was a good day for everyone there.",
            "Officials in Ankara said 6,000 people died in Syria and 44,000 in Turkey.",
            "The summary already says this about Putin and Assad in Moscow.",
            "He said the talks were good.",
            "Bogdanov met Mekdad in Moscow on March 15 to prepare the visit.",
        ];
        let story = StoryReport {
            summary: vec![SummarySentence {
                text: own[2].to_string(),
                sources: sources(1),
                from: FromRef {
                    document: "d0".to_string(),
                    sentence: 2,
                },
                evidence: Vec::new(),
            }],
            unique: vec![UniqueContent {
                document: "d0".to_string(),
                sentences: own.iter().map(|s| s.to_string()).collect(),
            }],
            ..StoryReport::default()
        };
        let (brief, left_out) = unique(&story, Detail::Brief);
        assert_eq!(brief[0].sentences, [own[1], own[4]]);
        // Five sentences: one is in the summary, two are shown.
        assert_eq!(left_out, 2);
        let (full, left_out) = unique(&story, Detail::Full);
        assert_eq!((full[0].sentences.len(), left_out), (5, 0));
    }

    #[test]
    fn own_names_and_figures_rank_first_and_the_timeline_shown_is_not_repeated() {
        let own = [
            "It was a slow day for all of them.",
            "Harbour master Ilse Brandt said 14 berths would be rebuilt.",
            "Pellia has offered to host a second round of talks next month.",
            "The talks were held in the old customs house near the harbour of Ardel.",
        ];
        let one = |id: &str| vec![id.to_string()];
        let story = StoryReport {
            entities: vec![Entity {
                name: "Ilse Brandt".to_string(),
                kind: EntityKind::Person,
                aliases: vec!["Brandt".to_string()],
                sources: one("d0"),
                mentions: 1,
            }],
            facts: vec![Fact {
                kind: FactKind::Quantity,
                about: "berths rebuilt".to_string(),
                status: FactStatus::SingleSource,
                claims: vec![Claim {
                    value: 14.0,
                    high: None,
                    unit: Some("berths".to_string()),
                    bound: Bound::Exact,
                    text: "14 berths".to_string(),
                    also_written: Vec::new(),
                    resolved: None,
                    sources: one("d0"),
                }],
            }],
            timeline: vec![TimelineEvent {
                date: "2023-04".to_string(),
                text: own[2].to_string(),
                sources: one("d0"),
                how: String::new(),
            }],
            unique: vec![UniqueContent {
                document: "d0".to_string(),
                sentences: own.iter().map(|s| s.to_string()).collect(),
            }],
            ..StoryReport::default()
        };
        let (brief, left_out) = unique(&story, Detail::Brief);
        // The sentence with a name and a figure no other source gives comes
        // first; the one the timeline prints is not repeated.
        assert_eq!(brief[0].sentences, [own[1], own[3]]);
        assert_eq!(left_out, 1);
        let (full, _) = unique(&story, Detail::Full);
        assert_eq!(full[0].sentences.len(), 4);
    }

    #[test]
    fn a_year_one_source_mentions_in_passing_is_left_to_the_full_timeline() {
        let event = |date: &str, carried_by: usize| TimelineEvent {
            date: date.to_string(),
            text: format!("Something happened in {date}."),
            sources: sources(carried_by),
            how: String::new(),
        };
        let story = StoryReport {
            timeline: vec![
                event("1994", 1),
                event("2022", 2),
                event("2023-03", 1),
                event("2023-03-15", 3),
            ],
            ..StoryReport::default()
        };
        let brief = timeline(&story, Detail::Brief);
        let dates: Vec<&str> = brief.items.iter().map(|e| e.date.as_str()).collect();
        assert_eq!(dates, ["2022", "2023-03", "2023-03-15"]);
        assert_eq!(brief.left_out, 1);
        assert_eq!(timeline(&story, Detail::Full).items.len(), 4);
    }

    #[test]
    fn names_are_found_as_whole_words() {
        assert!(says("Ann said so.", "Ann"));
        assert!(!says("The annual Annex report.", "Ann"));
        assert!(says("It cost 14 berths, 14", "14"));
        assert!(!says("It cost 140 berths", "14"));
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count_of(1, "facts"), "1 more fact");
        assert_eq!(count_of(7, "facts"), "7 more facts");
        assert_eq!(count_of(1, "dated events"), "1 more dated event");
        assert_eq!(
            count_of(1, "sentences only one source has"),
            "1 more sentence only one source has"
        );
    }

    #[test]
    fn names_and_figures_make_a_sentence_informative() {
        let cases = [
            (
                "Officials in Ankara said 6,000 people died in Syria.",
                "He said it was good.",
            ),
            (
                "The Kremlin said Putin and Assad signed 12 agreements on Tuesday.",
                "The meeting was described as very warm and also constructive.",
            ),
        ];
        for (more, less) in cases {
            assert!(informative(more) > informative(less), "{more} / {less}");
        }
    }
}
