//! Cluster: group loose articles into stories.
//!
//! Each article becomes a tf-idf vector over its content words (headline
//! words count double; the body is read up to its first 2,000 words; the
//! 150 heaviest terms are kept). Pairs of articles that share one of their
//! 30 heaviest terms are found through an inverted index and compared;
//! then average-link agglomeration merges the two stories whose articles
//! are most similar on average (pairs never compared count as 0) until no
//! two reach [`JOIN_SIMILARITY`]. Average link, unlike a running centroid,
//! neither drifts with input order nor chains unrelated stories through
//! one bridging article. The result is deterministic. Publication dates
//! are not used yet: a penalty for distant dates lowered BCubed F1 on DUC
//! 2006, whose topics span years.

pub mod eval;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::clean::clean;
use crate::model::{Article, StoryInput};
use crate::terms::{TermId, Vocab, sparse_dot};

/// Mean similarity between two stories' articles needed to merge them.
pub const JOIN_SIMILARITY: f32 = 0.1;
/// Pairs of articles less similar than this are left out of the graph.
const PAIR_SIMILARITY: f32 = 0.05;
/// Body words read per article.
const BODY_WORDS: usize = 2000;
/// Terms kept per article vector (the heaviest).
const ARTICLE_TERMS: usize = 150;
/// Terms of an article used to look up candidate neighbours.
const PROBE_TERMS: usize = 30;

/// A sparse unit vector, heaviest terms first.
type Vector = Vec<(TermId, f32)>;

/// A story found by clustering, as `chorus cluster` reports it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoryGroup {
    /// `story-1`, `story-2`, … biggest first.
    pub id: String,
    /// The headline of its first article (or that article's opening words).
    pub headline: String,
    /// Ids of its articles, in input order.
    pub documents: Vec<String>,
}

/// Clusters `articles` into named stories, biggest first.
pub fn stories(articles: &[Article], vocab: &mut Vocab) -> Vec<StoryGroup> {
    let mut groups = cluster(articles, vocab);
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
        .iter()
        .enumerate()
        .map(|(n, members)| {
            let first = &articles[members[0]];
            let headline = first.title.clone().unwrap_or_else(|| {
                first
                    .text
                    .split_whitespace()
                    .take(12)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            StoryGroup {
                id: format!("story-{}", n + 1),
                headline,
                documents: members.iter().map(|&m| articles[m].id.clone()).collect(),
            }
        })
        .collect()
}

/// Splits loose articles into stories, biggest first: `{id}` when they
/// make one story, else `{id}-1`, `{id}-2`, …
///
/// A lone article in another language than the rest cannot be compared
/// word for word; it joins the story it shares the most names with
/// (capitalised words: people and places read the same across languages),
/// when it shares at least three.
pub fn split_loose(input: StoryInput, vocab: &mut Vocab) -> Vec<StoryInput> {
    if !input.loose || input.articles.len() < 2 {
        return vec![input];
    }
    let mut groups = cluster(&input.articles, vocab);
    attach_foreign_singletons(&input.articles, &mut groups);
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    if groups.len() == 1 {
        return vec![input];
    }
    let mut slots: Vec<Option<Article>> = input.articles.into_iter().map(Some).collect();
    groups
        .iter()
        .enumerate()
        .map(|(n, members)| StoryInput {
            id: format!("{}-{}", input.id, n + 1),
            articles: members.iter().filter_map(|&m| slots[m].take()).collect(),
            references: Vec::new(),
            loose: true,
        })
        .collect()
}

/// Shared names a lone foreign-language article needs to join a story.
const SHARED_NAMES: usize = 3;

fn attach_foreign_singletons(articles: &[Article], groups: &mut Vec<Vec<usize>>) {
    let english = |a: &Article| {
        whatlang::detect(&a.text).is_none_or(|info| info.lang() == whatlang::Lang::Eng)
    };
    let names = |a: &Article| -> FxHashSet<String> {
        a.text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    };
    let mut moved = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if group.len() != 1 || english(&articles[group[0]]) {
            continue;
        }
        let own = names(&articles[group[0]]);
        let best = groups
            .iter()
            .enumerate()
            .filter(|(h, other)| *h != g && other.len() > 1)
            .map(|(h, other)| {
                let theirs: FxHashSet<String> =
                    other.iter().flat_map(|&m| names(&articles[m])).collect();
                (h, own.intersection(&theirs).count())
            })
            .filter(|&(_, shared)| shared >= SHARED_NAMES)
            .max_by_key(|&(h, shared)| (shared, std::cmp::Reverse(h)));
        if let Some((h, _)) = best {
            moved.push((g, h));
        }
    }
    for &(from, to) in &moved {
        let member = groups[from][0];
        groups[to].push(member);
        groups[to].sort_unstable();
    }
    let gone: FxHashSet<usize> = moved.iter().map(|&(from, _)| from).collect();
    let mut n = 0;
    groups.retain(|_| {
        let keep = !gone.contains(&n);
        n += 1;
        keep
    });
}

/// Groups `articles` into stories; returns the members of each story, in
/// order of their first article, members in input order.
pub fn cluster(articles: &[Article], vocab: &mut Vocab) -> Vec<Vec<usize>> {
    let vectors = vectors(articles, vocab);
    let pairs = similar_pairs(&vectors);
    average_link(articles.len(), pairs)
}

/// Every pair of articles that share a heavy word, with their cosine
/// similarity when it is at least [`PAIR_SIMILARITY`].
fn similar_pairs(vectors: &[Vector]) -> Vec<(u32, u32, f32)> {
    // Probes read the heaviest terms; dot products merge vectors in term order.
    let by_term: Vec<Vector> = vectors
        .iter()
        .map(|v| {
            let mut sorted = v.clone();
            sorted.sort_unstable_by_key(|x| x.0);
            sorted
        })
        .collect();
    let mut postings: FxHashMap<TermId, Vec<u32>> = FxHashMap::default();
    let mut pairs = Vec::new();
    let mut seen = FxHashSet::default();
    for (a, vector) in vectors.iter().enumerate() {
        seen.clear();
        for (t, _) in vector.iter().take(PROBE_TERMS) {
            for &b in postings.get(t).into_iter().flatten() {
                if seen.insert(b) {
                    let similarity = sparse_dot(&by_term[a], &by_term[b as usize]);
                    if similarity >= PAIR_SIMILARITY {
                        pairs.push((b, a as u32, similarity));
                    }
                }
            }
        }
        for (t, _) in vector.iter().take(PROBE_TERMS) {
            postings.entry(*t).or_default().push(a as u32);
        }
    }
    pairs
}

/// Average-link agglomeration over the sparse similarity graph: the two
/// stories with the highest mean similarity between their articles (pairs
/// not in the graph count as 0) merge, until no two reach [`JOIN_SIMILARITY`].
fn average_link(n: usize, pairs: Vec<(u32, u32, f32)>) -> Vec<Vec<usize>> {
    use std::collections::BinaryHeap;
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Sum of pair similarities between two live stories, keyed by the pair.
    let mut links: Vec<FxHashMap<usize, f32>> = vec![FxHashMap::default(); n];
    for (a, b, s) in pairs {
        let (a, b) = (a as usize, b as usize);
        *links[a].entry(b).or_default() += s;
        *links[b].entry(a).or_default() += s;
    }
    let mut heap = BinaryHeap::new();
    let push =
        |heap: &mut BinaryHeap<Candidate>, a: usize, b: usize, sum: f32, sizes: (usize, usize)| {
            let mean = sum / (sizes.0 * sizes.1) as f32;
            if mean >= JOIN_SIMILARITY {
                heap.push(Candidate {
                    mean,
                    a: a.min(b),
                    b: a.max(b),
                    sizes,
                });
            }
        };
    for (a, neighbours) in links.iter().enumerate() {
        for (&b, &sum) in neighbours {
            if a < b {
                push(&mut heap, a, b, sum, (1, 1));
            }
        }
    }
    while let Some(Candidate { a, b, sizes, .. }) = heap.pop() {
        if !alive[a] || !alive[b] || sizes != (members[a].len(), members[b].len()) {
            continue; // stale: one side has changed since this was pushed
        }
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let b_links = std::mem::take(&mut links[b]);
        for (c, sum) in b_links {
            links[c].remove(&b);
            if c != a {
                *links[a].entry(c).or_default() += sum;
                *links[c].entry(a).or_default() += sum;
            }
        }
        links[a].remove(&b);
        let size = members[a].len();
        let neighbours: Vec<(usize, f32)> = links[a].iter().map(|(&c, &s)| (c, s)).collect();
        for (c, sum) in neighbours {
            push(
                &mut heap,
                a,
                c,
                sum,
                if a < c {
                    (size, members[c].len())
                } else {
                    (members[c].len(), size)
                },
            );
        }
    }
    let mut stories: Vec<Vec<usize>> = members
        .into_iter()
        .zip(alive)
        .filter(|(_, alive)| *alive)
        .map(|(mut m, _)| {
            m.sort_unstable();
            m
        })
        .collect();
    stories.sort_by_key(|m| m[0]);
    stories
}

/// A possible merge, ordered by mean similarity (ties by the pair, so that
/// the result does not depend on the heap's internals).
#[derive(Debug, PartialEq)]
struct Candidate {
    mean: f32,
    a: usize,
    b: usize,
    sizes: (usize, usize),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Unit tf-idf vectors, heaviest terms first, idf over this batch.
fn vectors(articles: &[Article], vocab: &mut Vocab) -> Vec<Vector> {
    let counts: Vec<FxHashMap<TermId, f32>> = articles
        .iter()
        .map(|article| {
            let cleaned = clean(article);
            let mut tf: FxHashMap<TermId, f32> = FxHashMap::default();
            let mut add = |text: &str, weight: f32, vocab: &mut Vocab, budget: &mut usize| {
                for t in vocab.terms(text) {
                    if *budget == 0 {
                        break;
                    }
                    *budget -= 1;
                    if !vocab.is_stopword(t) && !vocab.is_numeric(t) {
                        *tf.entry(t).or_default() += weight;
                    }
                }
            };
            if let Some(title) = &cleaned.title {
                let mut unlimited = usize::MAX;
                add(title, 2.0, vocab, &mut unlimited);
            }
            let mut budget = BODY_WORDS;
            for paragraph in &cleaned.paragraphs {
                add(paragraph, 1.0, vocab, &mut budget);
                if budget == 0 {
                    break;
                }
            }
            tf
        })
        .collect();
    let mut df: FxHashMap<TermId, u32> = FxHashMap::default();
    for tf in &counts {
        for &t in tf.keys() {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = articles.len() as f32;
    counts
        .into_iter()
        .map(|tf| {
            let mut vector: Vector = tf
                .into_iter()
                .map(|(t, f)| {
                    let idf = ((n + 1.0) / (df[&t] as f32 + 1.0)).ln() + 1.0;
                    (t, (1.0 + f.ln()) * idf)
                })
                .collect();
            vector.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            vector.truncate(ARTICLE_TERMS);
            let norm = vector.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                vector.iter_mut().for_each(|x| x.1 /= norm);
            }
            vector
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: Some(title.into()),
            text: text.into(),
            ..Article::default()
        }
    }

    #[test]
    fn groups_by_event() {
        let articles = [
            article(
                "a",
                "Flood hits river valley",
                "Floods on the Serin River displaced thousands of villagers on Monday as the dam overflowed.",
            ),
            article(
                "b",
                "Election results announced",
                "The electoral commission announced the parliamentary election results, with the ruling party losing its majority.",
            ),
            article(
                "c",
                "Serin valley floods",
                "Thousands of villagers were displaced after the Serin River dam overflowed and floods swept the valley.",
            ),
            article(
                "d",
                "Ruling party loses majority",
                "The ruling party lost its parliamentary majority, the electoral commission said as results were announced.",
            ),
        ];
        let mut vocab = Vocab::new();
        assert_eq!(cluster(&articles, &mut vocab), [vec![0, 2], vec![1, 3]]);
    }
}
