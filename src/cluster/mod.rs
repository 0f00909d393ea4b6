//! Cluster: group loose articles into stories.
//!
//! Each article becomes a tf-idf vector over its content words (headline
//! words count double, the body is read up to its first few hundred words,
//! which is where news states its event). Articles are taken in input
//! order; each joins the story whose centroid it is most similar to, when
//! that similarity clears a threshold, or starts a new story. A second pass
//! merges stories whose centroids are alike. Candidates always come from an
//! inverted index over heavy words, so the cost of an article does not grow
//! with every story kept. The result is deterministic for a given input
//! order. Publication dates are not used yet: a penalty for distant dates
//! lowered BCubed F1 on DUC 2006, whose topics span years.

pub mod eval;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::clean::clean;
use crate::model::Article;
use crate::terms::{TermId, Vocab};

/// Cosine similarity to a story's centroid needed to join it.
pub const JOIN_SIMILARITY: f32 = 0.12;
/// Cosine similarity of two stories' centroids needed to merge them.
pub const MERGE_SIMILARITY: f32 = 0.3;
/// Body words read per article.
const BODY_WORDS: usize = 600;
/// Terms kept per article vector (the heaviest).
const ARTICLE_TERMS: usize = 60;
/// Terms of an article used to look up candidate stories.
const PROBE_TERMS: usize = 12;

/// A sparse unit vector, sorted by term.
type Vector = Vec<(TermId, f32)>;

struct Story {
    members: Vec<usize>,
    centroid: FxHashMap<TermId, f32>,
    indexed: FxHashSet<TermId>,
}

/// Groups `articles` into stories; returns the members of each story, in
/// order of their first article, members in input order.
pub fn cluster(articles: &[Article], vocab: &mut Vocab) -> Vec<Vec<usize>> {
    let vectors = vectors(articles, vocab);
    let mut stories: Vec<Story> = Vec::new();
    let mut postings: FxHashMap<TermId, Vec<u32>> = FxHashMap::default();
    for (a, vector) in vectors.iter().enumerate() {
        let mut candidates: Vec<u32> = vector
            .iter()
            .take(PROBE_TERMS)
            .filter_map(|(t, _)| postings.get(t))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f32)> = None;
        for &s in &candidates {
            let story = &stories[s as usize];
            let similarity = cosine_to_centroid(vector, &story.centroid);
            if similarity >= JOIN_SIMILARITY && best.is_none_or(|(_, b)| similarity > b) {
                best = Some((s as usize, similarity));
            }
        }
        let s = match best {
            Some((s, _)) => s,
            None => {
                stories.push(Story {
                    members: Vec::new(),
                    centroid: FxHashMap::default(),
                    indexed: FxHashSet::default(),
                });
                stories.len() - 1
            }
        };
        let story = &mut stories[s];
        story.members.push(a);
        for &(t, w) in vector {
            *story.centroid.entry(t).or_default() += w;
        }
        for &(t, _) in vector.iter().take(PROBE_TERMS) {
            if story.indexed.insert(t) {
                postings.entry(t).or_default().push(s as u32);
            }
        }
    }
    merge_similar(stories)
}

/// Second pass: stories whose centroids are alike are merged (an event
/// first reported from two angles), most similar pairs first, until no
/// pair clears the bar. Candidates again come from shared heavy terms.
fn merge_similar(stories: Vec<Story>) -> Vec<Vec<usize>> {
    let mut groups: Vec<Option<Story>> = stories.into_iter().map(Some).collect();
    loop {
        let unit: Vec<Option<Vector>> = groups
            .iter()
            .map(|g| g.as_ref().map(|s| unit_top(&s.centroid, MERGE_TERMS)))
            .collect();
        let mut postings: FxHashMap<TermId, Vec<usize>> = FxHashMap::default();
        for (g, vector) in unit.iter().enumerate() {
            for (t, _) in vector.iter().flatten().take(PROBE_TERMS) {
                postings.entry(*t).or_default().push(g);
            }
        }
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for (a, vector) in unit.iter().enumerate() {
            let Some(vector) = vector else { continue };
            let mut candidates: Vec<usize> = vector
                .iter()
                .take(PROBE_TERMS)
                .filter_map(|(t, _)| postings.get(t))
                .flatten()
                .copied()
                .filter(|&b| b > a)
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for b in candidates {
                if let Some(other) = &unit[b] {
                    let similarity = dot(vector, other);
                    if similarity >= MERGE_SIMILARITY {
                        pairs.push((similarity, a, b));
                    }
                }
            }
        }
        if pairs.is_empty() {
            break;
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut touched = vec![false; groups.len()];
        for (_, a, b) in pairs {
            if touched[a] || touched[b] {
                continue;
            }
            touched[a] = true;
            touched[b] = true;
            if let Some(merged) = groups[b].take()
                && let Some(into) = groups[a].as_mut()
            {
                into.members.extend(merged.members);
                into.members.sort_unstable();
                for (t, w) in merged.centroid {
                    *into.centroid.entry(t).or_default() += w;
                }
            }
        }
    }
    let mut result: Vec<Vec<usize>> = groups.into_iter().flatten().map(|s| s.members).collect();
    result.sort_by_key(|m| m[0]);
    result
}

/// Terms of a merged story's centroid compared in the merge pass.
const MERGE_TERMS: usize = 100;

fn unit_top(centroid: &FxHashMap<TermId, f32>, keep: usize) -> Vector {
    let mut vector: Vector = centroid.iter().map(|(&t, &w)| (t, w)).collect();
    vector.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    vector.truncate(keep);
    let norm = vector.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        vector.iter_mut().for_each(|x| x.1 /= norm);
    }
    vector
}

fn dot(a: &Vector, b: &Vector) -> f32 {
    let lookup: FxHashMap<TermId, f32> = b.iter().copied().collect();
    a.iter()
        .filter_map(|(t, w)| lookup.get(t).map(|v| v * w))
        .sum()
}

fn cosine_to_centroid(vector: &Vector, centroid: &FxHashMap<TermId, f32>) -> f32 {
    let norm: f32 = centroid.values().map(|w| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return 0.0;
    }
    let dot: f32 = vector
        .iter()
        .filter_map(|(t, w)| centroid.get(t).map(|c| c * w))
        .sum();
    dot / norm
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
