//! Unique: each source's sentences whose content no other source carries.
//!
//! A sentence is stated elsewhere when another source's sentence states it
//! or carries most of its words, and also when the other source gives the
//! same content reworded or split differently: what decides is the share of
//! its content words found in one sentence of another source, or in that
//! sentence and the next or previous one (a report often makes two
//! sentences of another's one), with its figures counted as carried when
//! the fact rows show another source giving one of them. A figure is
//! compared through the fact rows, not by its words, because one figure is
//! written many ways ("About five lakh people", "more than half a
//! million"), and a figure in conflict is stated elsewhere too: the fact
//! rows show both.

use rustc_hash::FxHashMap;

use super::facts::Mention;
use crate::model::{Fact, FactKind, UniqueContent};
use crate::prepare::Story;
use crate::prepare::index::{LocalTerm, StoryIndex};

/// Share of a sentence's content words another source's sentence (or two
/// adjacent ones) must carry for the content to count as stated elsewhere.
const CARRIED: f32 = 0.5;
/// Sentences with fewer content words say too little to list.
const MIN_CONTENT_WORDS: usize = 4;
/// Other sources' sentences (those sharing the most words) a sentence is
/// compared with together with their neighbours, once none carries it alone.
const CANDIDATES: usize = 3;

/// A sentence's claims, and how many of them another source also gives.
#[derive(Debug, Default, Clone)]
pub(crate) struct SentenceClaims {
    /// Whether another source's fact row holds one of its claims.
    any_shared: bool,
    /// Counts and lengths of time in the sentence (dates and times are
    /// left out: "on Monday" places what a sentence tells, it is not what
    /// the sentence tells).
    figures: usize,
    /// Of those, how many another source gives.
    figures_shared: usize,
}

/// The claims of each sentence, keyed by (document, position), marked as
/// given elsewhere when their fact row holds a claim by another source.
pub(crate) fn claims_by_sentence(
    mentions: &[Mention],
    facts: &[Fact],
    ids: &[String],
) -> FxHashMap<(usize, usize), SentenceClaims> {
    // (source, wording in lower case) → whether the wording's fact row
    // holds a claim by another source.
    let mut given_elsewhere: FxHashMap<(&str, String), bool> = FxHashMap::default();
    for fact in facts {
        let several = fact.source_count() > 1;
        for claim in &fact.claims {
            for wording in std::iter::once(&claim.text).chain(&claim.also_written) {
                for source in &claim.sources {
                    *given_elsewhere
                        .entry((source.as_str(), wording.to_lowercase()))
                        .or_default() |= several;
                }
            }
        }
    }
    let mut out: FxHashMap<(usize, usize), SentenceClaims> = FxHashMap::default();
    for mention in mentions {
        let key = (ids[mention.document].as_str(), mention.text.to_lowercase());
        let elsewhere = given_elsewhere.get(&key).copied().unwrap_or(false);
        let entry = out.entry((mention.document, mention.sentence)).or_default();
        entry.any_shared |= elsewhere;
        if matches!(mention.kind, FactKind::Quantity | FactKind::Duration) {
            entry.figures += 1;
            entry.figures_shared += usize::from(elsewhere);
        }
    }
    out
}

/// For each counted document (in story order), the sentences no other
/// counted document states, paraphrases, or mostly carries. `claims` holds
/// each sentence's claims (see [`claims_by_sentence`]).
pub(crate) fn unique(
    story: &Story,
    counted: &[usize],
    claims: &FxHashMap<(usize, usize), SentenceClaims>,
) -> Vec<UniqueContent> {
    let index = &story.index;
    let mut is_counted = vec![false; story.documents.len()];
    for &d in counted {
        is_counted[d] = true;
    }
    if counted.len() < 2 {
        return Vec::new();
    }
    let no_claims = SentenceClaims::default();
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    let mut out = Vec::new();
    for &d in counted {
        let document = &story.documents[d];
        let mut sentences = Vec::new();
        for (position, sentence) in document.sentences.iter().enumerate() {
            let i = index.flat(d, position);
            let own = index.content_terms(i);
            if own < MIN_CONTENT_WORDS {
                continue;
            }
            index.overlaps(i, &mut counts, &mut overlaps);
            overlaps.retain(|&(j, _)| {
                let other = index.doc_of(j);
                other != d && is_counted[other]
            });
            let elsewhere = overlaps.iter().any(|&(j, overlap)| {
                index.paraphrase(i, j, overlap) || overlap as f32 >= CARRIED * own as f32
            });
            if elsewhere {
                continue;
            }
            let claims = claims.get(&(d, position)).unwrap_or(&no_claims);
            // A sentence that gives figures is about them: when most of its
            // figures are another source's too, it is not this source's alone.
            if claims.figures > 0 && 2 * claims.figures_shared >= claims.figures {
                continue;
            }
            overlaps.sort_unstable_by_key(|&(j, overlap)| (std::cmp::Reverse(overlap), j));
            let shared_with = |k: usize| overlaps.iter().find(|o| o.0 == k).map_or(0, |o| o.1);
            let figures_carried = claims.any_shared;
            let elsewhere = overlaps[..overlaps.len().min(CANDIDATES)]
                .iter()
                .any(|&(j, _)| split_elsewhere(index, i, j, &shared_with, figures_carried));
            if !elsewhere {
                sentences.push(sentence.text.clone());
            }
        }
        if !sentences.is_empty() {
            out.push(UniqueContent {
                document: document.id().to_string(),
                sentences,
            });
        }
    }
    out
}

/// Whether sentence `j` of another source, with the sentence before or
/// after it, carries half of sentence `i`'s content words, its figures
/// counted as carried when `figures_carried` (another source gives one of
/// them).
/// `shared_with(k)` is how many content words sentence `k` shares with
/// `i`: the sum over two sentences bounds what they carry together, so
/// most pairs are ruled out without comparing their words.
fn split_elsewhere(
    index: &StoryIndex,
    i: usize,
    j: usize,
    shared_with: &impl Fn(usize) -> u32,
    figures_carried: bool,
) -> bool {
    let this = &index.sentences[i];
    let needed = CARRIED * this.content.len() as f32;
    let figures = if figures_carried {
        this.figures.len() as u32
    } else {
        0
    };
    let at_most = |k: Option<usize>| (shared_with(j) + k.map_or(0, shared_with) + figures) as f32;
    let held = |list: &[LocalTerm], t: &LocalTerm| list.binary_search(t).is_ok();
    let carried_with = |extra: &[LocalTerm]| {
        this.content
            .iter()
            .filter(|t| {
                held(&index.sentences[j].content, t)
                    || held(extra, t)
                    || (figures_carried && held(&this.figures, t))
            })
            .count() as f32
    };
    let doc = index.doc_of(j);
    [j.checked_sub(1), Some(j + 1)]
        .into_iter()
        .flatten()
        .filter(|&k| k < index.sentences.len() && index.doc_of(k) == doc)
        .filter(|&k| at_most(Some(k)) >= needed)
        .any(|k| carried_with(&index.sentences[k].content) >= needed)
        || (at_most(None) >= needed && carried_with(&[]) >= needed)
}

#[cfg(test)]
mod tests {
    use crate::compare::compare;
    use crate::model::{Article, StoryInput};
    use crate::prepare::Story;
    use crate::prepare::terms::Vocab;

    /// Each document's sentences listed as its own.
    fn only_in(docs: &[&str]) -> Vec<(String, Vec<String>)> {
        let articles = docs
            .iter()
            .enumerate()
            .map(|(i, text)| Article::new(format!("d{i}"), *text))
            .collect();
        let story = Story::prepare(StoryInput::story("s", articles), &mut Vocab::default());
        compare(&story, None)
            .unique
            .into_iter()
            .map(|u| (u.document, u.sentences))
            .collect()
    }

    fn listed(found: &[(String, Vec<String>)], sentence: &str) -> bool {
        found
            .iter()
            .any(|(_, sentences)| sentences.iter().any(|s| s == sentence))
    }

    #[test]
    fn a_sentence_no_other_source_carries_is_listed() {
        let found = only_in(&[
            "The ministers of Norland and Pellia met in Ardel on Monday. \
             The harbour pilots' union announced a strike for the whole of next winter.",
            "The ministers of Norland and Pellia held talks in Ardel on Monday. \
             Both sides called the meeting useful.",
        ]);
        assert!(listed(
            &found,
            "The harbour pilots' union announced a strike for the whole of next winter."
        ));
        assert!(!listed(
            &found,
            "The ministers of Norland and Pellia met in Ardel on Monday."
        ));
    }

    #[test]
    fn a_wire_paragraph_reworded_and_split_is_not_one_source_s_alone() {
        let found = only_in(&[
            "The ministers met in Ardel on Monday. \
             Fishing crews in the delta asked for compensation after the storm season. \
             While Norland now concentrates its navy on the northern straits, it has kept \
             its frigates at the Pellian port of Casso since the ceasefire, officials said.",
            "The ministers held talks in Ardel on Monday. \
             Both delegations will meet again in the spring to discuss grain exports. \
             Norland has lately focused its navy and air force on the northern straits. \
             Its frigates have stayed in the Pellian port of Casso since the ceasefire, \
             along with a supply ship and a small team of engineers.",
        ]);
        let sentence = "While Norland now concentrates its navy on the northern straits, it has kept \
                        its frigates at the Pellian port of Casso since the ceasefire, officials said.";
        assert!(!listed(&found, sentence), "{found:?}");
        // What each report adds is still its own.
        assert!(listed(
            &found,
            "Fishing crews in the delta asked for compensation after the storm season."
        ));
    }

    #[test]
    fn a_figure_others_give_in_other_words_is_not_one_source_s_alone() {
        let found = only_in(&[
            "Storms in Pellia displaced more than 500,000 people, aid groups said. \
             The ministers met in Ardel on Monday.",
            "The ministers met in Ardel on Monday. \
             Storms displaced over half a million people, the aid groups say.",
            "About five lakh people were displaced by the storms, which also \
             wrecked crops worth Rs 1,200 crore.",
        ]);
        assert!(
            !listed(
                &found,
                "About five lakh people were displaced by the storms, which also \
                 wrecked crops worth Rs 1,200 crore."
            ),
            "{found:?}"
        );
    }
}
