//! The similarity graph: each new article is compared with the earlier
//! articles (and stories formed before) it shares heavy terms with.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use super::agglomerate::{Agglomerated, Item, agglomerate, merged};
use crate::prepare::terms::TermId;

/// Mean similarity below which a pair is left out of the graph.
const PAIR_SIMILARITY: f32 = 0.05;
/// Terms of an article used to look up candidate neighbours.
const PROBE_TERMS: usize = 30;
/// Latest articles per term that a new article is matched against.
pub const POSTINGS_WINDOW: usize = 500;
/// Earlier articles compared in full with each new one (those sharing the
/// most weight among their heaviest terms).
pub const NEIGHBOURS: usize = 100;
/// Articles published further apart than this are never paired.
pub const MAX_DAYS_APART: i64 = 5 * 366;

/// Rounds of [`Linker::regroup`] at most.
const REGROUP_ROUNDS: usize = 2;

/// A sparse vector.
pub type Vector = Vec<(TermId, f32)>;

/// Builds the similarity graph of a stream of weighed articles, then
/// agglomerates it ([`Linker::finish`]). The cost per article does not
/// grow with the stream: each term's postings keep only its latest
/// [`POSTINGS_WINDOW`] items, and an article is compared in full with at
/// most [`NEIGHBOURS`] others.
#[derive(Default)]
pub struct Linker {
    /// Unit vectors in term order, by item.
    vectors: Vec<Vector>,
    /// What each item's vector is multiplied by: the length of a formed
    /// story's summed vectors, 1 for an article.
    scales: Vec<f32>,
    days: Vec<Option<i64>>,
    items: Vec<Item>,
    /// Latest items by heavy term, with the term's weight in each.
    postings: FxHashMap<TermId, VecDeque<(u32, f32)>>,
    pairs: Vec<(u32, u32, f32)>,
    shared: FxHashMap<u32, f32>,
    /// The weights of the article being linked, by term, zero elsewhere:
    /// comparing a candidate is then one lookup per term of the
    /// candidate's, where merging the two sorted vectors mispredicted a
    /// branch at every step.
    scattered: Vec<f32>,
}

impl Linker {
    /// An empty graph.
    pub fn new() -> Self {
        Linker::default()
    }

    /// Adds a story formed before — kept in a store — as one item that is
    /// compared as a whole and never split: `centroid` is its articles'
    /// summed vectors made unit length (heaviest terms first), `length`
    /// the length of the sum it stands for, and `story` its size,
    /// cohesion and particulars. Its similarity with another item is the
    /// sum of its articles' similarities with that item's, as average
    /// link needs; so two stories formed before merge when they are as
    /// alike as two stories grown in the same batch would have to be.
    pub fn add_formed(&mut self, centroid: Vector, length: f32, story: Item) {
        let index = self.items.len() as u32;
        let probes: Vec<(TermId, f32)> = centroid.iter().take(PROBE_TERMS).copied().collect();
        let mut by_term = centroid;
        by_term.sort_unstable_by_key(|x| x.0);
        let last = by_term.last().map_or(0, |x| x.0 as usize + 1);
        if self.scattered.len() < last {
            self.scattered.resize(last, 0.0);
        }
        self.link(index, &probes, &by_term, None, length, story.articles);
        self.post(index, &probes);
        self.vectors.push(by_term);
        self.scales.push(length);
        self.days.push(None);
        self.items.push(story);
    }

    /// Adds the next article: its unit tf-idf vector (heaviest terms
    /// first), its publication day and its particulars (in term order).
    pub fn add(&mut self, vector: Vector, day: Option<i64>, particulars: &[TermId]) {
        let a = self.items.len() as u32;
        let probes: Vec<(TermId, f32)> = vector.iter().take(PROBE_TERMS).copied().collect();
        let mut by_term = vector;
        by_term.sort_unstable_by_key(|x| x.0);
        // Room for its terms first: comparing scatters them.
        let last = by_term.last().map_or(0, |x| x.0 as usize + 1);
        if self.scattered.len() < last {
            self.scattered.resize(last, 0.0);
        }
        self.link(a, &probes, &by_term, day, 1.0, 1);
        self.post(a, &probes);
        self.vectors.push(by_term);
        self.scales.push(1.0);
        self.days.push(day);
        self.items.push(Item {
            stored: false,
            articles: 1,
            pair_sum: 0.0,
            particulars: particulars.iter().map(|&t| (t, 1)).collect(),
        });
    }

    /// Marks the article added last as one a store keeps (see
    /// [`Item::stored`]): one of a small story taken apart.
    pub fn mark_stored(&mut self) {
        if let Some(item) = self.items.last_mut() {
            item.stored = true;
        }
    }

    /// Items added so far, stories formed before first.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Each item's unit vector, in term order.
    pub fn vectors(&self) -> &[Vector] {
        &self.vectors
    }

    /// The stories, particulars limited to those `particular` accepts (a
    /// name most articles carry tells no event from another): items of
    /// each, in order of their first item, items in order.
    pub fn finish(&mut self, particular: impl Fn(TermId) -> bool) -> Vec<Agglomerated> {
        let mut items = std::mem::take(&mut self.items);
        for item in &mut items {
            item.particulars.retain(|&(t, _)| particular(t));
        }
        let mut stories = agglomerate(items.clone(), std::mem::take(&mut self.pairs));
        for _ in 0..REGROUP_ROUNDS {
            let Some(regrouped) = self.regroup(&items, &stories) else {
                break;
            };
            stories = regrouped;
        }
        stories
    }

    /// Agglomerates `stories` again, each taken whole as a story formed
    /// before (its articles' vectors summed): the stories that now merge,
    /// or `None` when none does.
    ///
    /// Each article is compared with at most [`NEIGHBOURS`] others, and
    /// pairs never compared count as 0; so in a story of hundreds of
    /// articles the mean similarity between two halves, counted through
    /// the graph, falls below what it is: 600 reports of one flood, worded
    /// alike but for their figures, came apart into 99 stories. Taken
    /// whole, two stories are compared through their summed vectors, every
    /// pair of their articles counted, as a store compares the stories it
    /// keeps.
    fn regroup(&self, items: &[Item], stories: &[Agglomerated]) -> Option<Vec<Agglomerated>> {
        if stories.len() < 2 {
            return None;
        }
        let mut again = Linker::new();
        for story in stories {
            let mut sum: FxHashMap<TermId, f32> = FxHashMap::default();
            let mut item = Item::default();
            for &m in &story.members {
                for &(t, w) in &self.vectors[m] {
                    *sum.entry(t).or_default() += w * self.scales[m];
                }
                item = merged(&item, items[m].clone(), 0.0);
            }
            item.pair_sum = story.pair_sum;
            let mut centroid: Vector = sum.into_iter().collect();
            centroid.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            centroid.truncate(super::ARTICLE_TERMS);
            let length = centroid.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if length > 0.0 {
                for x in &mut centroid {
                    x.1 /= length;
                }
            }
            again.add_formed(centroid, length, item);
        }
        let groups = agglomerate(std::mem::take(&mut again.items), again.pairs);
        if groups.len() == stories.len() {
            return None;
        }
        let mut regrouped: Vec<Agglomerated> = groups
            .into_iter()
            .map(|group| {
                let mut members: Vec<usize> = group
                    .members
                    .iter()
                    .flat_map(|&s| stories[s].members.iter().copied())
                    .collect();
                members.sort_unstable();
                Agglomerated {
                    members,
                    pair_sum: group.pair_sum,
                }
            })
            .collect();
        regrouped.sort_by_key(|s| s.members[0]);
        Some(regrouped)
    }

    /// Pairs item `a` (its heaviest terms `probes`, all its terms
    /// `by_term`, its vector's multiplier `scale` and its `articles`) with
    /// the earlier items it is similar to: the pair's summed similarity is
    /// kept when its mean per pair of articles reaches [`PAIR_SIMILARITY`].
    fn link(
        &mut self,
        a: u32,
        probes: &[(TermId, f32)],
        by_term: &[(TermId, f32)],
        day: Option<i64>,
        scale: f32,
        articles: u32,
    ) {
        self.shared.clear();
        for &(t, w) in probes {
            for &(b, wb) in self.postings.get(&t).into_iter().flatten() {
                *self.shared.entry(b).or_default() += w * wb;
            }
        }
        let mut candidates: Vec<(u32, f32)> = self.shared.iter().map(|(&b, &s)| (b, s)).collect();
        let most_shared = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        if candidates.len() > NEIGHBOURS {
            candidates.select_nth_unstable_by(NEIGHBOURS - 1, most_shared);
            candidates.truncate(NEIGHBOURS);
        }
        candidates.sort_unstable_by(most_shared);
        for &(t, w) in by_term {
            self.scattered[t as usize] = w;
        }
        for (b, _) in candidates {
            let b_index = b as usize;
            let apart = day.zip(self.days[b_index]).map(|(x, y)| (x - y).abs());
            if apart.is_some_and(|d| d > MAX_DAYS_APART) {
                continue;
            }
            let sum = scattered_dot(&self.scattered, &self.vectors[b_index])
                * self.scales[b_index]
                * scale;
            if sum >= PAIR_SIMILARITY * (self.items[b_index].articles * articles) as f32 {
                self.pairs.push((b, a, sum));
            }
        }
        for &(t, _) in by_term {
            self.scattered[t as usize] = 0.0;
        }
    }

    /// Lists item `index` under its heaviest terms, and makes room for
    /// all its terms in `scattered`.
    fn post(&mut self, index: u32, vector: &[(TermId, f32)]) {
        let last = vector.iter().map(|x| x.0 as usize + 1).max().unwrap_or(0);
        if self.scattered.len() < last {
            self.scattered.resize(last, 0.0);
        }
        for &(t, w) in vector.iter().take(PROBE_TERMS) {
            let list = self.postings.entry(t).or_default();
            if list.len() == POSTINGS_WINDOW {
                list.pop_front();
            }
            list.push_back((index, w));
        }
    }
}

/// Dot product of a vector with one scattered by term (see
/// `Linker::scattered`), summed in term order as a merge of the two would.
fn scattered_dot(scattered: &[f32], vector: &[(TermId, f32)]) -> f32 {
    let mut sum = 0.0;
    for &(t, w) in vector {
        sum += scattered[t as usize] * w;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_join_a_story_formed_before_as_a_whole() {
        let mut linker = Linker::new();
        // A stored story of four articles about terms 1 and 2.
        let stored = Item {
            articles: 4,
            pair_sum: 6.0 * 0.5,
            particulars: Vec::new(),
            stored: true,
        };
        let unit = std::f32::consts::FRAC_1_SQRT_2;
        linker.add_formed(vec![(1, unit), (2, unit)], 3.0, stored);
        linker.add(vec![(1, unit), (2, unit)], None, &[]);
        linker.add(vec![(7, 1.0)], None, &[]);
        let stories = linker.finish(|_| true);
        let members: Vec<Vec<usize>> = stories.iter().map(|s| s.members.clone()).collect();
        assert_eq!(members, [vec![0, 1], vec![2]]);
        // The article's similarities with the four sum to the length of
        // their summed vectors: 3.
        assert!((stories[0].pair_sum - 6.0).abs() < 1e-5);
    }

    #[test]
    fn hundreds_of_alike_articles_make_one_story() {
        // Each article is compared with at most NEIGHBOURS others: taken
        // through the graph alone, 600 alike articles came apart.
        let mut linker = Linker::new();
        for _ in 0..600 {
            linker.add(vec![(2, 0.8), (1, 0.6)], None, &[]);
        }
        let stories = linker.finish(|_| true);
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].members.len(), 600);
    }
}
