//! The field's baselines, run on the same cleaned sentences as chorus:
//! the first document's lead, round-robin leads, LexRank and TextRank.

use super::{Budget, Selection, Story, select};
use crate::model::SentenceRef;
use crate::prepare::index::StoryIndex;
use crate::prepare::terms::sparse_dot;

/// The first document's opening sentences.
pub fn lead(story: &Story, budget: Budget) -> Vec<SentenceRef> {
    let index = &story.index;
    if index.documents() == 0 {
        return Vec::new();
    }
    let order: Vec<usize> = (index.doc_starts[0]..index.doc_starts[1]).collect();
    document_order(index, select(index, &order, budget, Selection::PLAIN))
}

/// First sentences of every document, then second sentences, and so on.
pub fn lead_round_robin(story: &Story, budget: Budget) -> Vec<SentenceRef> {
    let index = &story.index;
    let longest = (0..index.documents())
        .map(|d| index.doc_len(d))
        .max()
        .unwrap_or(0);
    let mut order = Vec::new();
    for position in 0..longest {
        for doc in 0..index.documents() {
            if position < index.doc_len(doc) {
                order.push(index.flat(doc, position));
            }
        }
    }
    // Round robin keeps its own order: that is the baseline.
    select(index, &order, budget, Selection::PLAIN)
        .into_iter()
        .map(|i| to_ref(index, i))
        .collect()
}

/// LexRank: PageRank over the graph of sentences whose tf-idf cosine
/// similarity is at least 0.1 (Erkan & Radev 2004, as sumy implements it).
pub fn lexrank(story: &Story, budget: Budget) -> Vec<SentenceRef> {
    let index = &story.index;
    let vectors = tfidf_vectors(index);
    let n = index.sentences.len();
    let mut edges: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    let mut similar = Vec::new();
    for (i, edges_i) in edges.iter_mut().enumerate() {
        edges_i.push((i, 1.0));
        index.overlaps(i, &mut counts, &mut overlaps);
        similar.clear();
        for &(j, _) in &overlaps {
            let similarity = sparse_dot(&vectors[i], &vectors[j]);
            if similarity >= LEXRANK_THRESHOLD {
                similar.push((j, similarity));
            }
        }
        keep_heaviest(&mut similar, NEIGHBOURS);
        edges_i.extend(similar.iter().map(|&(j, _)| (j, 1.0)));
    }
    rank_and_select(index, &edges, budget)
}

/// TextRank: PageRank over sentence similarity
/// `|shared words| / (ln |a| + ln |b|)` (Mihalcea & Tarau 2004).
pub fn textrank(story: &Story, budget: Budget) -> Vec<SentenceRef> {
    let index = &story.index;
    let n = index.sentences.len();
    let mut edges: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    let mut counts = Vec::new();
    let mut overlaps = Vec::new();
    for (i, edges_i) in edges.iter_mut().enumerate() {
        index.overlaps(i, &mut counts, &mut overlaps);
        let a = index.sentences[i].content.len() as f32;
        for &(j, overlap) in &overlaps {
            let b = index.sentences[j].content.len() as f32;
            let norm = a.ln() + b.ln();
            if norm > 0.0 {
                edges_i.push((j, overlap as f32 / norm));
            }
        }
        keep_heaviest(edges_i, NEIGHBOURS);
    }
    rank_and_select(index, &edges, budget)
}

/// Edges each sentence keeps (its heaviest), as in chorus's own graph, so
/// that the graph grows with the story's sentences, not with their pairs.
/// No summary of the evaluation data changes at 800; at 400, 6 of
/// DUC 2006's 50 TextRank summaries did (it links every pair that shares a
/// word).
const NEIGHBOURS: usize = super::features::CENTRALITY_NEIGHBOURS;

/// Keeps the `keep` heaviest edges (ties to the earlier sentence), in the
/// order given.
fn keep_heaviest(edges: &mut Vec<(usize, f32)>, keep: usize) {
    if edges.len() <= keep {
        return;
    }
    let heavier = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let mut ranked = edges.clone();
    ranked.select_nth_unstable_by(keep.max(1) - 1, heavier);
    let bar = ranked[keep.max(1) - 1];
    edges.retain(|e| keep > 0 && heavier(e, &bar).is_le());
}

const LEXRANK_THRESHOLD: f32 = 0.1;
const DAMPING: f32 = 0.85;
const ITERATIONS: usize = 50;

/// PageRank over weighted edges, then the best-ranked sentences in document order.
fn rank_and_select(
    index: &StoryIndex,
    edges: &[Vec<(usize, f32)>],
    budget: Budget,
) -> Vec<SentenceRef> {
    let n = edges.len();
    if n == 0 {
        return Vec::new();
    }
    let out_weight: Vec<f32> = edges.iter().map(|e| e.iter().map(|x| x.1).sum()).collect();
    let mut rank = vec![1.0 / n as f32; n];
    let mut next = vec![0.0; n];
    for _ in 0..ITERATIONS {
        next.iter_mut()
            .for_each(|x| *x = (1.0 - DAMPING) / n as f32);
        let mut dangling = 0.0;
        for (i, edges_i) in edges.iter().enumerate() {
            if out_weight[i] == 0.0 {
                dangling += rank[i];
                continue;
            }
            let share = DAMPING * rank[i] / out_weight[i];
            for &(j, w) in edges_i {
                next[j] += share * w;
            }
        }
        let spread = DAMPING * dangling / n as f32;
        let mut change = 0.0;
        for (r, x) in rank.iter_mut().zip(&next) {
            change += (*r - (x + spread)).abs();
            *r = x + spread;
        }
        if change < 1e-6 {
            break;
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| rank[b].total_cmp(&rank[a]).then(a.cmp(&b)));
    document_order(index, select(index, &order, budget, Selection::PLAIN))
}

type SparseVector = Vec<(u32, f32)>;

/// Unit-length tf-idf vectors over content terms; idf counts sentences as
/// documents, as LexRank does. A word rarely repeats within one sentence,
/// so term frequency is taken as presence.
fn tfidf_vectors(index: &StoryIndex) -> Vec<SparseVector> {
    let n = index.sentences.len() as f32;
    index
        .sentences
        .iter()
        .map(|sentence| {
            let mut vector: SparseVector = sentence
                .content
                .iter()
                .map(|&t| {
                    let df = index.sentence_freq(t).max(1) as f32;
                    (t, (n / df).ln().max(0.0) + 1e-3)
                })
                .collect();
            let norm = vector.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                vector.iter_mut().for_each(|x| x.1 /= norm);
            }
            vector
        })
        .collect()
}

fn to_ref(index: &StoryIndex, i: usize) -> SentenceRef {
    SentenceRef {
        document: index.sentences[i].doc,
        sentence: index.sentences[i].position,
    }
}

fn document_order(index: &StoryIndex, mut chosen: Vec<usize>) -> Vec<SentenceRef> {
    chosen.sort_unstable();
    chosen.into_iter().map(|i| to_ref(index, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_edges_are_kept_in_order() {
        let mut edges = vec![(7, 0.1), (3, 0.8), (9, 0.4), (1, 0.8)];
        keep_heaviest(&mut edges, 3);
        assert_eq!(edges, [(3, 0.8), (9, 0.4), (1, 0.8)]);
        keep_heaviest(&mut edges, 5);
        assert_eq!(edges.len(), 3);
        keep_heaviest(&mut edges, 0);
        assert!(edges.is_empty());
    }
}
