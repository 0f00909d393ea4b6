//! The story's sentences as interned terms, with an inverted index so that
//! sentence-to-sentence overlap is computed only for pairs that share words.
//! Summarize, attribute and the baselines all read this one structure.

use rustc_hash::FxHashMap;

use crate::model::Document;
use crate::prepare::terms::{TermId, Vocab};

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
    /// Distinct content terms (no stopwords) as story-local ids, sorted.
    pub content: Vec<LocalTerm>,
    /// Distinct figures (tokens with digits) as story-local ids, sorted.
    pub figures: Vec<LocalTerm>,
    /// Distinct concepts: adjacent term pairs (ROUGE-2's unit) that are not
    /// both function words, as [`concept`] keys, sorted. Keys are built from
    /// the vocabulary's ids, so stories prepared with one vocabulary share them.
    pub concepts: Vec<Concept>,
    /// The concepts that give a quantity: a figure or number word and the
    /// time, measure or people it counts ("three hours", "000 people" of
    /// "500,000 people"), sorted. Two sentences that share one tell the
    /// same figure.
    pub quantities: Vec<Concept>,
}

/// A pair of adjacent terms, first term in the high half.
pub type Concept = u64;

/// The concept key of the term pair `(a, b)`.
pub fn concept(a: TermId, b: TermId) -> Concept {
    (u64::from(a) << 32) | u64::from(b)
}

/// A content term numbered within one story (0, 1, 2, … in order of first
/// appearance), so that per-term tables are plain vectors.
pub type LocalTerm = u32;

/// All sentences of a story, flat, with postings from content terms.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    /// Sentences, document by document.
    pub sentences: Vec<IndexedSentence>,
    /// First flat index of each document's sentences, plus the total at the end.
    pub doc_starts: Vec<usize>,
    /// Postings of local term `t`: `posting_list[posting_starts[t]..posting_starts[t + 1]]`.
    posting_starts: Vec<u32>,
    posting_list: Vec<u32>,
    /// In how many documents (reprints not counted) each local content term occurs.
    pub doc_freq: Vec<u32>,
    /// The vocabulary's id of each local content term (stories prepared
    /// with one vocabulary compare their sentences through it).
    pub vocab_ids: Vec<TermId>,
    /// Per sentence, its document and its number of content terms: the two
    /// facts every pairwise comparison reads, kept apart from the sentences
    /// so the comparison loops stay in cache.
    doc_of: Vec<u32>,
    content_len: Vec<u32>,
    /// Each document's headline as content terms: the local ids of those
    /// that occur in some body, and how many content terms it has in all.
    pub titles: Vec<Option<(Vec<LocalTerm>, usize)>>,
}

impl StoryIndex {
    /// Indexes the sentences of `documents`.
    pub fn build(documents: &[Document], vocab: &mut Vocab) -> StoryIndex {
        let mut index = StoryIndex::default();
        let mut local: FxHashMap<TermId, LocalTerm> = FxHashMap::default();
        let mut last_doc_seen: Vec<usize> = Vec::new();
        let mut numeric: Vec<bool> = Vec::new();
        for (doc, document) in documents.iter().enumerate() {
            index.doc_starts.push(index.sentences.len());
            for (position, sentence) in document.sentences.iter().enumerate() {
                let terms = vocab.terms(&sentence.text);
                let mut content: Vec<LocalTerm> = Vec::with_capacity(terms.len());
                for &term in &terms {
                    if vocab.is_stopword(term) {
                        continue;
                    }
                    let next = local.len() as LocalTerm;
                    let id = *local.entry(term).or_insert(next);
                    if id == next {
                        index.doc_freq.push(0);
                        index.vocab_ids.push(term);
                        last_doc_seen.push(usize::MAX);
                        numeric.push(vocab.is_numeric(term));
                    }
                    if last_doc_seen[id as usize] != doc {
                        last_doc_seen[id as usize] = doc;
                        index.doc_freq[id as usize] += 1;
                    }
                    content.push(id);
                }
                content.sort_unstable();
                content.dedup();
                let figures = content
                    .iter()
                    .copied()
                    .filter(|&t| numeric[t as usize])
                    .collect();
                let mut concepts: Vec<Concept> = terms
                    .windows(2)
                    .filter(|pair| !(vocab.is_stopword(pair[0]) && vocab.is_stopword(pair[1])))
                    .map(|pair| concept(pair[0], pair[1]))
                    .collect();
                concepts.sort_unstable();
                concepts.dedup();
                let mut quantities: Vec<Concept> = terms
                    .windows(2)
                    .filter(|pair| vocab.is_figure(pair[0]) && vocab.is_counted(pair[1]))
                    .map(|pair| concept(pair[0], pair[1]))
                    .collect();
                quantities.sort_unstable();
                quantities.dedup();
                index.sentences.push(IndexedSentence {
                    doc,
                    position,
                    words: sentence.words,
                    terms,
                    content,
                    figures,
                    concepts,
                    quantities,
                });
            }
        }
        index.doc_starts.push(index.sentences.len());
        index.doc_of = index.sentences.iter().map(|s| s.doc as u32).collect();
        index.content_len = index
            .sentences
            .iter()
            .map(|s| s.content.len() as u32)
            .collect();
        index.titles = documents
            .iter()
            .map(|d| {
                let title = d.title.as_deref()?;
                let content: Vec<TermId> = vocab
                    .terms(title)
                    .into_iter()
                    .filter(|&t| !vocab.is_stopword(t))
                    .collect();
                let known = content
                    .iter()
                    .filter_map(|t| local.get(t).copied())
                    .collect();
                Some((known, content.len()))
            })
            .collect();
        // Postings in compressed rows: count, prefix-sum, fill.
        let mut starts = vec![0u32; local.len() + 1];
        for sentence in &index.sentences {
            for &t in &sentence.content {
                starts[t as usize + 1] += 1;
            }
        }
        for t in 0..local.len() {
            starts[t + 1] += starts[t];
        }
        let mut fill = starts.clone();
        let mut list = vec![0u32; starts[local.len()] as usize];
        for (i, sentence) in index.sentences.iter().enumerate() {
            for &t in &sentence.content {
                list[fill[t as usize] as usize] = i as u32;
                fill[t as usize] += 1;
            }
        }
        index.posting_starts = starts;
        index.posting_list = list;
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

    /// Recounts in how many documents each term occurs, leaving out
    /// reprints (a reprint's words are its original's: they count once).
    pub fn count_documents(&mut self, documents: &[Document]) {
        self.doc_freq.iter_mut().for_each(|f| *f = 0);
        let mut last_doc_seen = vec![usize::MAX; self.doc_freq.len()];
        for (doc, document) in documents.iter().enumerate() {
            if document.duplicate_of.is_some() {
                continue;
            }
            for sentence in &self.sentences[self.doc_starts[doc]..self.doc_starts[doc + 1]] {
                for &t in &sentence.content {
                    if last_doc_seen[t as usize] != doc {
                        last_doc_seen[t as usize] = doc;
                        self.doc_freq[t as usize] += 1;
                    }
                }
            }
        }
    }

    /// The document sentence `i` belongs to.
    pub fn doc_of(&self, i: usize) -> usize {
        self.doc_of[i] as usize
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
        for &term in &self.sentences[i].content {
            let range = self.posting_starts[term as usize] as usize
                ..self.posting_starts[term as usize + 1] as usize;
            for &j in &self.posting_list[range] {
                let j = j as usize;
                if j != i {
                    if counts[j] == 0 {
                        out.push((j, 0));
                    }
                    counts[j] += 1;
                }
            }
        }
        for pair in out.iter_mut() {
            pair.1 = counts[pair.0];
            counts[pair.0] = 0;
        }
    }

    /// In how many sentences local content term `t` occurs.
    pub fn sentence_freq(&self, t: LocalTerm) -> u32 {
        self.posting_starts[t as usize + 1] - self.posting_starts[t as usize]
    }

    /// Number of distinct content terms of sentence `i`.
    pub fn content_terms(&self, i: usize) -> usize {
        self.content_len[i] as usize
    }

    /// Dice coefficient of two sentences' content terms given their overlap.
    pub fn dice(&self, i: usize, j: usize, overlap: u32) -> f32 {
        let total = self.content_len[i] + self.content_len[j];
        if total == 0 {
            0.0
        } else {
            2.0 * overlap as f32 / total as f32
        }
    }

    /// Whether most of the shorter sentence's content words (at least three,
    /// and 70%) are in the other: choosing both would say a thing twice.
    /// Figures are left out of the count, since one figure is written many
    /// ways ("500,000", "half a million").
    pub fn contained(&self, i: usize, j: usize, overlap: u32) -> bool {
        let (a, b) = (&self.sentences[i].figures, &self.sentences[j].figures);
        let shared_figures = a.iter().filter(|f| b.binary_search(f).is_ok()).count() as u32;
        let words = overlap.saturating_sub(shared_figures);
        let shorter =
            (self.content_len[i] - a.len() as u32).min(self.content_len[j] - b.len() as u32);
        words >= 3 && words as f32 >= REDUNDANT_CONTAINMENT * shorter as f32
    }

    /// Whether sentence `j` states sentence `i` or a close paraphrase of it.
    ///
    /// Two sentences are close paraphrases when their content words (stemmed,
    /// no stopwords) have a Dice coefficient of at least 0.5, or when at least
    /// four content words are shared and they make up 80% of the shorter
    /// sentence's (one outlet quoting a fuller sentence of another) — unless
    /// each gives a figure the other does not: "killed at least 230" and
    /// "killed nearly 300" share words but not the claim.
    pub fn paraphrase(&self, i: usize, j: usize, overlap: u32) -> bool {
        let shorter = self.content_len[i].min(self.content_len[j]);
        let similar = self.dice(i, j, overlap) >= PARAPHRASE_DICE
            || (overlap >= 4 && overlap as f32 >= PARAPHRASE_CONTAINMENT * shorter as f32);
        similar && !different_figures(&self.sentences[i].figures, &self.sentences[j].figures)
    }
}

/// Whether each sorted list holds a figure the other lacks.
fn different_figures(a: &[LocalTerm], b: &[LocalTerm]) -> bool {
    let missing = |x: &[LocalTerm], y: &[LocalTerm]| x.iter().any(|f| y.binary_search(f).is_err());
    missing(a, b) && missing(b, a)
}

/// Dice coefficient above which two sentences say the same thing.
pub const PARAPHRASE_DICE: f32 = 0.5;
/// Share of the shorter sentence's content words that makes it contained.
pub const PARAPHRASE_CONTAINMENT: f32 = 0.8;
/// Share of the shorter sentence's content words that makes it redundant.
pub const REDUNDANT_CONTAINMENT: f32 = 0.7;

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
            language: None,
            excluded: false,
            notes: vec![],
        }
    }

    #[test]
    fn overlaps_and_paraphrases() {
        let docs = [
            doc(
                "a",
                &["The leaders met for three hours in Ankara.", "Rain fell."],
            ),
            doc(
                "b",
                &["In Ankara, the two leaders met for more than three hours."],
            ),
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

    #[test]
    fn different_figures_are_different_claims() {
        let docs = [
            doc(
                "a",
                &["The floods killed at least 230 people in the valley."],
            ),
            doc("b", &["The floods killed nearly 300 people in the valley."]),
            doc(
                "c",
                &["The floods killed at least 230 people in the valley, officials said."],
            ),
        ];
        let mut vocab = Vocab::new();
        let index = StoryIndex::build(&docs, &mut vocab);
        let (mut counts, mut out) = (Vec::new(), Vec::new());
        index.overlaps(0, &mut counts, &mut out);
        let states = |j: usize| {
            let overlap = out.iter().find(|x| x.0 == j).map_or(0, |x| x.1);
            index.paraphrase(0, j, overlap)
        };
        assert!(!states(1));
        assert!(states(2));
    }
}
