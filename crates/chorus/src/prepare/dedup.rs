//! Near-duplicates: wire reprints and lightly edited copies.
//!
//! Two documents are copies when at least [`DUPLICATE_JACCARD`] of their
//! word 5-grams (tokens as ROUGE sees them, after cleaning) are shared. Each copy points
//! at the document taken for the original: the earliest published (when
//! both give an ISO date), else the fuller text, else the first in input
//! order. Shared 5-grams are counted through an index from each 5-gram to
//! the originals holding it, so a document is compared only with the
//! originals it shares a 5-gram with; the count is exact unless a 5-gram is
//! held by more than [`HOLDERS_PER_SHINGLE`] originals (a phrase thousands
//! of documents repeat), where the cost stays linear and later holders go
//! uncounted.

use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

use crate::model::Document;
use crate::prepare::index::StoryIndex;

/// Jaccard similarity of word 5-gram sets above which one document copies another.
pub const DUPLICATE_JACCARD: f64 = 0.6;
const SHINGLE_WORDS: usize = 5;
/// Originals listed under one 5-gram; stories of fewer documents are
/// compared exactly.
pub const HOLDERS_PER_SHINGLE: usize = 64;

/// For each document, the index of the document it copies, if any.
/// `index` holds the documents' tokens (the same words, already interned).
pub fn find_duplicates(documents: &[Document], index: &StoryIndex) -> Vec<Option<usize>> {
    if documents.len() < 2 {
        return vec![None; documents.len()];
    }
    let shingles: Vec<Vec<u64>> = (0..documents.len()).map(|d| shingles(index, d)).collect();
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
    // Originals in the order they were taken, and by 5-gram the ranks (in
    // that order) of those holding it.
    let mut originals: Vec<usize> = Vec::new();
    let mut holders = Holders::default();
    let mut shared: Vec<u32> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for &j in &priority {
        candidates.clear();
        for &gram in &shingles[j] {
            for rank in holders.of(gram) {
                if shared[rank as usize] == 0 {
                    candidates.push(rank);
                }
                shared[rank as usize] += 1;
            }
        }
        // The first original in order that it copies, as if every
        // original were tried in turn.
        candidates.sort_unstable();
        let copied = candidates.iter().find(|&&rank| {
            let i = originals[rank as usize];
            let (a, b) = (shingles[i].len(), shingles[j].len());
            let common = shared[rank as usize] as usize;
            // Jaccard can reach the bar only if the sizes are close enough.
            a.min(b) > 0
                && a.min(b) as f64 >= DUPLICATE_JACCARD * a.max(b) as f64
                && jaccard(common, a, b) >= DUPLICATE_JACCARD
        });
        match copied {
            Some(&rank) => original[j] = Some(originals[rank as usize]),
            None => {
                let rank = originals.len() as u32;
                originals.push(j);
                shared.push(0);
                for &gram in &shingles[j] {
                    holders.add(gram, rank);
                }
            }
        }
        for &rank in &candidates {
            shared[rank as usize] = 0;
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

/// The originals holding each 5-gram, in the order they were taken, at
/// most [`HOLDERS_PER_SHINGLE`] apiece. One table entry per 5-gram points
/// into one shared list of links: a story's thousands of 5-grams cost no
/// allocation apiece.
#[derive(Default)]
struct Holders {
    by_gram: FxHashMap<u64, Chain>,
    links: Vec<Link>,
}

/// Where a 5-gram's holders start and end in [`Holders::links`].
struct Chain {
    first: u32,
    last: u32,
    len: u32,
}

#[derive(Clone, Copy)]
struct Link {
    rank: u32,
    next: u32,
}

const NO_LINK: u32 = u32::MAX;

impl Holders {
    fn add(&mut self, gram: u64, rank: u32) {
        let Holders { by_gram, links } = self;
        let at = links.len() as u32;
        match by_gram.entry(gram) {
            Entry::Occupied(mut entry) => {
                let chain = entry.get_mut();
                if chain.len as usize >= HOLDERS_PER_SHINGLE {
                    return;
                }
                links[chain.last as usize].next = at;
                chain.last = at;
                chain.len += 1;
            }
            Entry::Vacant(entry) => {
                entry.insert(Chain {
                    first: at,
                    last: at,
                    len: 1,
                });
            }
        }
        links.push(Link {
            rank,
            next: NO_LINK,
        });
    }

    /// The ranks of the originals holding `gram`, in rank order.
    fn of(&self, gram: u64) -> impl Iterator<Item = u32> + '_ {
        let mut at = self.by_gram.get(&gram).map_or(NO_LINK, |c| c.first);
        std::iter::from_fn(move || {
            let link = *self.links.get(at as usize)?;
            at = link.next;
            Some(link.rank)
        })
    }
}

/// Hashes of the document's token 5-grams (tokens as the index interned
/// them), sorted, each once.
fn shingles(index: &StoryIndex, doc: usize) -> Vec<u64> {
    let tokens: Vec<u32> = index.sentences[index.doc_starts[doc]..index.doc_starts[doc + 1]]
        .iter()
        .flat_map(|s| s.terms.iter().copied())
        .collect();
    let mut grams = tokens
        .windows(SHINGLE_WORDS)
        .map(|gram| {
            gram.iter().fold(0u64, |h, &t| {
                (h.rotate_left(21) ^ u64::from(t)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            })
        })
        .collect::<Vec<u64>>();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Jaccard similarity of two sets of sizes `a` and `b` sharing `shared`.
fn jaccard(shared: usize, a: usize, b: usize) -> f64 {
    shared as f64 / (a + b - shared) as f64
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
    fn copies_are_found_among_many_originals_sharing_a_phrase() {
        // Every report opens with the same phrase, which more originals hold
        // than one 5-gram lists; the copy of the 90th is still found.
        let text = |i: usize| {
            let own: Vec<String> = (0..12).map(|w| format!("word{i}x{w}")).collect();
            format!(
                "The storm hit the coast on Monday night. {}.",
                own.join(" ")
            )
        };
        let mut documents: Vec<Document> = (0..100).map(|i| doc(&text(i))).collect();
        documents.push(doc(&text(90)));
        let found = find(&documents);
        assert_eq!(found[100], Some(90));
        assert!(found[..100].iter().all(Option::is_none));
    }

    #[test]
    fn empty_documents_copy_nothing() {
        let documents = [doc("Short."), doc("Short.")];
        assert_eq!(find(&documents), [None, None]);
    }
}
