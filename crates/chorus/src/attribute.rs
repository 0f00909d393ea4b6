//! Attribute: every document that states a summary sentence.
//!
//! A document states a sentence when it contains that sentence or a close
//! paraphrase of it, as [`StoryIndex::paraphrase`] defines: content words
//! (stemmed, stopwords left out) with a Dice coefficient of at least 0.5,
//! or at least four shared content words making up 80% of the shorter
//! sentence. The document the sentence was taken from always counts.

use crate::model::SentenceRef;
use crate::prepare::index::StoryIndex;

/// For each chosen sentence, every document that states it, in document
/// order, each with the sentence of its own that states it (the one sharing
/// the most content words; the chosen sentence itself for its document).
pub fn attribute(index: &StoryIndex, chosen: &[SentenceRef]) -> Vec<Vec<SentenceRef>> {
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    // Where each document's stating sentence is in `stating`: one lookup,
    // however many documents state the sentence.
    let mut slot: Vec<Option<usize>> = vec![None; index.documents()];
    chosen
        .iter()
        .map(|r| {
            let i = index.flat(r.document, r.sentence);
            let mut stating: Vec<(SentenceRef, u32)> = vec![(*r, u32::MAX)];
            slot[r.document] = Some(0);
            index.overlaps(i, &mut counts, &mut overlaps);
            for &(j, overlap) in &overlaps {
                let document = index.doc_of(j);
                let known = slot[document];
                // Only a paraphrase sharing more words can replace a
                // document's stating sentence: test nothing else.
                if known.is_some_and(|k| stating[k].1 >= overlap)
                    || !index.paraphrase(i, j, overlap)
                {
                    continue;
                }
                let sentence = SentenceRef {
                    document,
                    sentence: j - index.flat(document, 0),
                };
                match known {
                    Some(k) => stating[k] = (sentence, overlap),
                    None => {
                        slot[document] = Some(stating.len());
                        stating.push((sentence, overlap));
                    }
                }
            }
            for (s, _) in &stating {
                slot[s.document] = None;
            }
            stating.sort_unstable_by_key(|(s, _)| s.document);
            stating.into_iter().map(|(s, _)| s).collect()
        })
        .collect()
}
