//! The story's sentences as interned terms, with an inverted index so that
//! sentence-to-sentence overlap is computed only for pairs that share words.
//! Summarize, attribute and the baselines all read this one structure.

use rustc_hash::FxHashMap;

use crate::model::Document;
use crate::terms::{TermId, Vocab};

/// One sentence as the scorers see it.
#[derive(Debug, Clone)]
pub struct IndexedSentence {
    /// Document index in the story.
    pub doc: usize,
    /// Sentence index in its document.
    pub position: usize,
    /// Whitespace words.
    pub words: usize,
    /// Every token, in order (ROUGE's view).
    pub terms: Vec<TermId>,
    /// Distinct content terms (no stopwords), sorted.
    pub content: Vec<TermId>,
}

/// All sentences of a story, flat, with postings from content terms.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    /// Sentences, document by document.
    pub sentences: Vec<IndexedSentence>,
    /// First flat index of each document's sentences, plus the total at the end.
    pub doc_starts: Vec<usize>,
    postings: FxHashMap<TermId, Vec<u32>>,
    /// In how many documents each content term occurs.
    pub doc_freq: FxHashMap<TermId, u32>,
}

impl StoryIndex {
    /// Indexes the sentences of `documents`.
    pub fn build(documents: &[Document], vocab: &mut Vocab) -> StoryIndex {
        let mut index = StoryIndex::default();
        for (doc, document) in documents.iter().enumerate() {
            index.doc_starts.push(index.sentences.len());
            let mut doc_terms: Vec<TermId> = Vec::new();
            for (position, sentence) in document.sentences.iter().enumerate() {
                let terms = vocab.terms(&sentence.text);
                let mut content: Vec<TermId> = terms
                    .iter()
                    .copied()
                    .filter(|&t| !vocab.is_stopword(t))
                    .collect();
                content.sort_unstable();
                content.dedup();
                let flat = index.sentences.len() as u32;
                for &term in &content {
                    index.postings.entry(term).or_default().push(flat);
                }
                doc_terms.extend_from_slice(&content);
                index.sentences.push(IndexedSentence {
                    doc,
                    position,
                    words: sentence.words,
                    terms,
                    content,
                });
            }
            doc_terms.sort_unstable();
            doc_terms.dedup();
            for term in doc_terms {
                *index.doc_freq.entry(term).or_default() += 1;
            }
        }
        index.doc_starts.push(index.sentences.len());
        index
    }

    /// Number of documents.
    pub fn documents(&self) -> usize {
        self.doc_starts.len().saturating_sub(1)
    }

    /// Flat index of sentence `position` of document `doc`.
    pub fn flat(&self, doc: usize, position: usize) -> usize {
        self.doc_starts[doc] + position
    }

    /// Number of sentences in document `doc`.
    pub fn doc_len(&self, doc: usize) -> usize {
        self.doc_starts[doc + 1] - self.doc_starts[doc]
    }

    /// For sentence `i`, the number of shared content terms with every other
    /// sentence that shares at least one, as `(j, overlap)` pairs.
    pub fn overlaps(&self, i: usize, counts: &mut Vec<u32>, out: &mut Vec<(usize, u32)>) {
        out.clear();
        counts.resize(self.sentences.len(), 0);
        for term in &self.sentences[i].content {
            if let Some(list) = self.postings.get(term) {
                for &j in list {
                    let j = j as usize;
                    if j != i {
                        if counts[j] == 0 {
                            out.push((j, 0));
                        }
                        counts[j] += 1;
                    }
                }
            }
        }
        for pair in out.iter_mut() {
            pair.1 = counts[pair.0];
            counts[pair.0] = 0;
        }
    }

    /// Dice coefficient of two sentences' content terms given their overlap.
    pub fn dice(&self, i: usize, j: usize, overlap: u32) -> f32 {
        let total = self.sentences[i].content.len() + self.sentences[j].content.len();
        if total == 0 {
            0.0
        } else {
            2.0 * overlap as f32 / total as f32
        }
    }

    /// Whether sentence `j` states sentence `i` or a close paraphrase of it.
    ///
    /// Two sentences are close paraphrases when their content words (stemmed,
    /// no stopwords) have a Dice coefficient of at least 0.5, or when at least
    /// four content words are shared and they make up 80% of the shorter
    /// sentence's (one outlet quoting a fuller sentence of another).
    pub fn paraphrase(&self, i: usize, j: usize, overlap: u32) -> bool {
        let shorter = self.sentences[i]
            .content
            .len()
            .min(self.sentences[j].content.len());
        self.dice(i, j, overlap) >= PARAPHRASE_DICE
            || (overlap >= 4 && overlap as f32 >= PARAPHRASE_CONTAINMENT * shorter as f32)
    }
}

/// Dice coefficient above which two sentences say the same thing.
pub const PARAPHRASE_DICE: f32 = 0.5;
/// Share of the shorter sentence's content words that makes it contained.
pub const PARAPHRASE_CONTAINMENT: f32 = 0.8;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Sentence};

    fn doc(id: &str, sentences: &[&str]) -> Document {
        Document {
            article: Article {
                id: id.into(),
                ..Article::default()
            },
            title: None,
            removed: vec![],
            sentences: sentences
                .iter()
                .map(|s| Sentence {
                    text: s.to_string(),
                    paragraph: 0,
                    words: s.split_whitespace().count(),
                })
                .collect(),
            duplicate_of: None,
        }
    }

    #[test]
    fn overlaps_and_paraphrases() {
        let docs = [
            doc("a", &["The leaders met for three hours in Ankara.", "Rain fell."]),
            doc("b", &["In Ankara, the two leaders met for more than three hours."]),
        ];
        let mut vocab = Vocab::new();
        let index = StoryIndex::build(&docs, &mut vocab);
        assert_eq!(index.documents(), 2);
        assert_eq!(index.flat(1, 0), 2);
        let (mut counts, mut out) = (Vec::new(), Vec::new());
        index.overlaps(0, &mut counts, &mut out);
        assert_eq!(out.len(), 1);
        let (j, overlap) = out[0];
        assert_eq!(j, 2);
        assert_eq!(overlap, 5); // leader, met, three, hour, ankara
        assert!(index.paraphrase(0, j, overlap));
        assert!(counts.iter().all(|&c| c == 0));
    }
}
