//! Near-duplicates: wire reprints and lightly edited copies.
//!
//! Two documents are copies when at least [`DUPLICATE_JACCARD`] of their
//! word 5-grams (tokens as ROUGE sees them, after cleaning) are shared. Each copy points
//! at the document taken for the original: the earliest published (when
//! both give an ISO date), else the fuller text, else the first in input
//! order. Stories are small, so every pair is compared exactly; no
//! sketching is needed at this size.

use rustc_hash::FxHashSet;

use crate::model::Document;
use crate::prepare::index::StoryIndex;

/// Jaccard similarity of word 5-gram sets above which one document copies another.
pub const DUPLICATE_JACCARD: f64 = 0.6;
const SHINGLE_WORDS: usize = 5;

/// For each document, the index of the document it copies, if any.
/// `index` holds the documents' tokens (the same words, already interned).
pub fn find_duplicates(documents: &[Document], index: &StoryIndex) -> Vec<Option<usize>> {
    if documents.len() < 2 {
        return vec![None; documents.len()];
    }
    let shingles: Vec<FxHashSet<u64>> = (0..documents.len()).map(|d| shingles(index, d)).collect();
    // Dated documents first, earliest first; then the fuller text; then input order.
    let mut priority: Vec<usize> = (0..documents.len()).collect();
    priority.sort_by_key(|&d| {
        let date = iso_date(documents[d].article.date.as_deref());
        (
            date.is_none(),
            date,
            std::cmp::Reverse(shingles[d].len()),
            d,
        )
    });
    let mut original: Vec<Option<usize>> = vec![None; documents.len()];
    let mut originals: Vec<usize> = Vec::new();
    for &j in &priority {
        let copied = originals.iter().copied().find(|&i| {
            let (a, b) = (shingles[i].len(), shingles[j].len());
            // Jaccard can reach the bar only if the sizes are close enough.
            a.min(b) > 0
                && a.min(b) as f64 >= DUPLICATE_JACCARD * a.max(b) as f64
                && jaccard(&shingles[i], &shingles[j]) >= DUPLICATE_JACCARD
        });
        match copied {
            Some(i) => original[j] = Some(i),
            None => originals.push(j),
        }
    }
    original
}

/// The `YYYY-MM-DD` a date starts with, if it does (such dates sort as text).
fn iso_date(date: Option<&str>) -> Option<&str> {
    let day = date?.get(..10)?;
    let b = day.as_bytes();
    let shape = b.iter().enumerate().all(|(k, c)| match k {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    shape.then_some(day)
}

/// Hashes of the document's token 5-grams (tokens as the index interned them).
fn shingles(index: &StoryIndex, doc: usize) -> FxHashSet<u64> {
    let tokens: Vec<u32> = index.sentences[index.doc_starts[doc]..index.doc_starts[doc + 1]]
        .iter()
        .flat_map(|s| s.terms.iter().copied())
        .collect();
    tokens
        .windows(SHINGLE_WORDS)
        .map(|gram| {
            gram.iter().fold(0u64, |h, &t| {
                (h.rotate_left(21) ^ u64::from(t)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            })
        })
        .collect()
}

fn jaccard(a: &FxHashSet<u64>, b: &FxHashSet<u64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|x| large.contains(x)).count();
    shared as f64 / (a.len() + b.len() - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;
    use crate::prepare::prepare_document;
    use crate::prepare::terms::Vocab;

    fn doc(text: &str) -> Document {
        prepare_document(Article {
            id: "d".into(),
            text: text.into(),
            ..Article::default()
        })
    }

    fn find(documents: &[Document]) -> Vec<Option<usize>> {
        let index = StoryIndex::build(documents, &mut Vocab::new());
        find_duplicates(documents, &index)
    }

    #[test]
    fn reprints_point_at_one_original() {
        let wire = "The leaders met in Istanbul on Wednesday for talks that lasted more than three hours. \
                    They agreed to set up a joint commission on the river's water. \
                    More than 500,000 people were displaced by the floods in February.";
        let edited = "The leaders met in Istanbul on Wednesday for talks that lasted more than three hours. \
                      They agreed to set up a joint commission on the river's water. \
                      More than 500,000 people were displaced by the February floods, officials said.";
        let other =
            "Floods in the valley displaced many people, and aid groups asked for help on Monday.";
        let documents = [doc(wire), doc(other), doc(wire), doc(edited)];
        // The edited copy is the fuller text, so it is taken for the original.
        assert_eq!(find(&documents), [Some(3), None, Some(3), None]);
    }

    #[test]
    fn the_fuller_or_earlier_copy_is_the_original() {
        let full = "The leaders met in Istanbul on Wednesday for talks that lasted more than three hours. \
                    They agreed to set up a joint commission on the river's water. \
                    More than 500,000 people were displaced by the floods in February. \
                    The two countries fought a short border war in 1994.";
        let cut = "The leaders met in Istanbul on Wednesday for talks that lasted more than three hours. \
                   They agreed to set up a joint commission on the river's water. \
                   More than 500,000 people were displaced by the floods in February.";
        assert_eq!(find(&[doc(cut), doc(full)]), [Some(1), None]);
        let mut early = doc(cut);
        early.article.date = Some("2023-03-15T10:00:00Z".into());
        let mut late = doc(full);
        late.article.date = Some("2023-03-16".into());
        assert_eq!(find(&[late, early]), [Some(1), None]);
    }

    #[test]
    fn empty_documents_copy_nothing() {
        let documents = [doc("Short."), doc("Short.")];
        assert_eq!(find(&documents), [None, None]);
    }
}
