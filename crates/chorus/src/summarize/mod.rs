//! Summarize: pick and order sentences for one story within a word budget.
//!
//! chorus scores every sentence with a small linear model over features
//! that are known to matter for news (lead position, centrality to the
//! story, how many other outlets state the same thing, how many of its
//! content words the other outlets use), weighs every concept (pair of
//! adjacent words) by how likely a summary is to state it, then chooses the
//! set of sentences that covers the most concept weight within the budget
//! ([`mod@select`]), skipping anything that paraphrases a sentence already
//! chosen, and orders the result as the outlets told it. Given what earlier
//! articles said ([`Known`]), concepts they already hold weigh less: the
//! brief says what is new.

pub(crate) mod baselines;
mod features;
pub(crate) mod page_junk;
pub mod select;

use crate::ingest::decode::has_mojibake;
use crate::model::SentenceRef;
use crate::prepare::Story;
use crate::prepare::index::StoryIndex;
use crate::scan::lexicon;

use features::leans_on_previous;
pub use features::{
    FEATURE_NAMES, Features, Weights, WeightsError, features, opens_with_connective,
};
pub use select::{CONCEPT_FEATURE_NAMES, ConceptFeatures, Known, Objective};

/// How long a summary may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Target length in words.
    pub words: usize,
    /// Whether the last sentence may run past the target (evaluation then
    /// cuts the text at exactly `words`, as ROUGE's length limit does).
    pub overflow: bool,
}

impl Budget {
    /// A budget that whole sentences must fit in.
    pub fn within(words: usize) -> Budget {
        Budget {
            words,
            overflow: false,
        }
    }
}

/// The summarizers chorus ships: its own and the field's baselines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    /// chorus's scorer.
    Chorus,
    /// The first document's lead.
    Lead,
    /// Leads of all documents, round robin.
    LeadRoundRobin,
    /// LexRank (Erkan & Radev 2004).
    LexRank,
    /// TextRank (Mihalcea & Tarau 2004).
    TextRank,
}

impl System {
    /// Every system, in report order.
    pub const ALL: [System; 5] = [
        System::Chorus,
        System::Lead,
        System::LeadRoundRobin,
        System::LexRank,
        System::TextRank,
    ];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            System::Chorus => "chorus",
            System::Lead => "lead",
            System::LeadRoundRobin => "lead-rr",
            System::LexRank => "lexrank",
            System::TextRank => "textrank",
        }
    }

    /// Parses a system name.
    pub fn from_name(name: &str) -> Option<System> {
        System::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Picks sentences for `story` within `budget`, in reading order.
    pub fn summarize(self, story: &Story, budget: Budget) -> Vec<SentenceRef> {
        match self {
            System::Chorus => summarize(story, budget, &Weights::default()),
            System::Lead => baselines::lead(story, budget),
            System::LeadRoundRobin => baselines::lead_round_robin(story, budget),
            System::LexRank => baselines::lexrank(story, budget),
            System::TextRank => baselines::textrank(story, budget),
        }
    }
}

/// Sentences shorter than this are never chosen by the scorers.
pub const MIN_SENTENCE_WORDS: usize = 6;
/// Sentences longer than this are run-ons or segmentation failures.
pub const MAX_SENTENCE_WORDS: usize = 80;

/// chorus's summarizer with explicit weights.
pub fn summarize(story: &Story, budget: Budget, weights: &Weights) -> Vec<SentenceRef> {
    summarize_after(story, budget, weights, &Known::default())
}

/// chorus's summarizer for a story some of which the reader has seen:
/// `known` holds what earlier articles said, and concepts they already
/// state weigh as the weights' model says (less, once trained on update
/// summaries).
pub fn summarize_after(
    story: &Story,
    budget: Budget,
    weights: &Weights,
    known: &Known,
) -> Vec<SentenceRef> {
    let features = features(story);
    let scores: Vec<f32> = features.iter().map(|f| weights.score(f)).collect();
    let selectable: Vec<bool> = (0..scores.len()).map(|i| selectable(story, i)).collect();
    // A sentence the earlier articles already told is no news to a reader
    // who saw them; it is taken only when nothing new is left.
    let last_resort: Vec<bool> = (0..scores.len())
        .map(|i| {
            let text = sentence_text(story, i);
            leans_on_previous(text) || lexicon::shouts(text) || known.retells(&story.index, i)
        })
        .collect();
    let concepts = select::concepts(story, &scores, known);
    let concept_weights: Vec<f32> = concepts
        .features
        .iter()
        .zip(&concepts.known)
        .map(|(f, &known)| {
            let weight = weights.concept(f);
            if known {
                weight * weights.objective.known_factor
            } else {
                weight
            }
        })
        .collect();
    let problem = select::Problem {
        story,
        concepts: &concepts.of_sentence,
        weights: &concept_weights,
        scores: &scores,
        selectable: &selectable,
        last_resort: &last_resort,
    };
    let chosen = select::greedy(&problem, budget, weights.objective);
    reading_order(&story.index, chosen)
}

/// What greedy selection passes over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Pass over a sentence that paraphrases one already chosen (wire
    /// copies and restatements add words, not information).
    pub skip_redundant: bool,
    /// Pass over fragments and run-ons (see [`MIN_SENTENCE_WORDS`]).
    pub length_limits: bool,
}

impl Selection {
    /// The pairwise tests and length limits chorus's own selection
    /// ([`select::greedy`]) applies, for a caller ranking sentences its own
    /// way.
    pub const CHORUS: Selection = Selection {
        skip_redundant: true,
        length_limits: true,
    };
    /// Take sentences as ranked, as the published baselines do.
    pub const PLAIN: Selection = Selection {
        skip_redundant: false,
        length_limits: false,
    };
}

/// Greedy selection in the given preference order within `budget` (the
/// baselines' selection; chorus's own is [`select::greedy`]).
pub fn select(
    index: &StoryIndex,
    preference: &[usize],
    budget: Budget,
    selection: Selection,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0;
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    let mut blocked = vec![false; index.sentences.len()];
    for &i in preference {
        if used >= budget.words {
            break;
        }
        let sentence = &index.sentences[i];
        let bad_length = sentence.words < MIN_SENTENCE_WORDS || sentence.words > MAX_SENTENCE_WORDS;
        if blocked[i] || (selection.length_limits && bad_length) {
            continue;
        }
        if !budget.overflow && used + sentence.words > budget.words {
            continue;
        }
        chosen.push(i);
        used += sentence.words;
        if selection.skip_redundant {
            index.overlaps(i, &mut counts, &mut overlaps);
            for &(j, overlap) in &overlaps {
                if index.paraphrase(i, j, overlap) || index.contained(i, j, overlap) {
                    blocked[j] = true;
                }
            }
        }
    }
    chosen
}

/// Orders chosen sentences as the outlets told them: by position in their
/// document, ties by document order.
pub fn reading_order(index: &StoryIndex, mut chosen: Vec<usize>) -> Vec<SentenceRef> {
    chosen.sort_by_key(|&i| (index.sentences[i].position, index.sentences[i].doc));
    chosen
        .into_iter()
        .map(|i| SentenceRef {
            document: index.sentences[i].doc,
            sentence: index.sentences[i].position,
        })
        .collect()
}

/// The text of the chosen sentences, joined by spaces.
pub fn summary_text(story: &Story, chosen: &[SentenceRef]) -> String {
    chosen
        .iter()
        .map(|r| {
            story.documents[r.document].sentences[r.sentence]
                .text
                .as_str()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether sentence `i` (flat index) may be chosen for the brief: its
/// document is not kept out and it shows no mojibake that decoding could
/// not repair. (Page junk is tested later, only on the sentences selection
/// is about to take: [`select::greedy`]; a sentence that continues one the
/// reader has not seen, "But …", "He also said …", is taken only when
/// nothing else fits: [`select::Problem::last_resort`].)
fn selectable(story: &Story, i: usize) -> bool {
    let document = &story.documents[story.index.doc_of(i)];
    let text = sentence_text(story, i);
    // A sentence ending in a colon introduces what follows it ("Persson
    // elaborated in a blog post:"): out of its place it tells nothing.
    !document.excluded && !has_mojibake(text) && !text.trim_end().ends_with(':')
}

fn sentence_text(story: &Story, i: usize) -> &str {
    &story.documents[story.index.doc_of(i)].sentences[story.index.sentences[i].position].text
}
