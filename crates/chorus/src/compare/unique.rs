//! Unique: each source's sentences whose content no other source carries.

use crate::model::UniqueContent;
use crate::prepare::Story;

/// Share of a sentence's content words another source's sentence must
/// carry for the content to count as stated elsewhere.
const CARRIED: f32 = 0.5;
/// Sentences with fewer content words say too little to list.
const MIN_CONTENT_WORDS: usize = 4;

/// For each counted document (in story order), the sentences no other
/// counted document states, paraphrases, or mostly carries.
pub fn unique(story: &Story, counted: &[usize]) -> Vec<UniqueContent> {
    let index = &story.index;
    let mut is_counted = vec![false; story.documents.len()];
    for &d in counted {
        is_counted[d] = true;
    }
    if counted.len() < 2 {
        return Vec::new();
    }
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
            let elsewhere = overlaps.iter().any(|&(j, overlap)| {
                let other = index.doc_of(j);
                other != d
                    && is_counted[other]
                    && (index.paraphrase(i, j, overlap) || overlap as f32 >= CARRIED * own as f32)
            });
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
