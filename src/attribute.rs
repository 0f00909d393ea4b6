//! Attribute: every document that states a summary sentence.
//!
//! A document states a sentence when it contains that sentence or a close
//! paraphrase of it, as [`StoryIndex::paraphrase`] defines: content words
//! (stemmed, stopwords left out) with a Dice coefficient of at least 0.5,
//! or at least four shared content words making up 80% of the shorter
//! sentence. The document the sentence was taken from always counts.

use crate::index::StoryIndex;
use crate::model::SentenceRef;

/// For each chosen sentence, the indices of the documents that state it, in
/// document order.
pub fn attribute(index: &StoryIndex, chosen: &[SentenceRef]) -> Vec<Vec<usize>> {
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    chosen
        .iter()
        .map(|r| {
            let i = index.flat(r.document, r.sentence);
            let mut docs = vec![r.document];
            index.overlaps(i, &mut counts, &mut overlaps);
            for &(j, overlap) in &overlaps {
                let doc = index.doc_of(j);
                if !docs.contains(&doc) && index.paraphrase(i, j, overlap) {
                    docs.push(doc);
                }
            }
            docs.sort_unstable();
            docs
        })
        .collect()
}
