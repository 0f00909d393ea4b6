//! Average-link agglomeration that keeps events of one kind apart.
//!
//! The two stories whose articles are most similar on average merge first
//! (pairs never compared count as 0), as long as two tests allow it:
//!
//! - **Cohesion.** Their mean similarity must reach [`COHESION_SHARE`] of
//!   the geometric mean of each story's own cohesion (the mean similarity
//!   among its articles; [`LONE_COHESION`] for a single article). Two
//!   earthquakes share the words of earthquakes: their articles are more
//!   alike across the two stories (0.16 on average in ECB+, weighed with
//!   undamped idf) than the articles of many a wide story are among
//!   themselves (0.12–0.19 in DUC 2006), so no one threshold on
//!   similarity keeps them apart; but each event's articles are far more
//!   alike among themselves (0.36).
//! - **Particulars.** Two stories of [`PARTICULAR_STORY`] articles or more
//!   stay apart when each has particulars of its own — names that at least
//!   [`CORE_SHARE`] of its articles mention and fewer than
//!   [`ABSENT_SHARE`] of the other's — at least [`OWN_PARTICULARS`] each,
//!   or [`MANY_OWN_PARTICULARS`] on one side: one host named in every
//!   article of one Oscars story and never in the other's, the names of
//!   another team's players. A story of [`SMALLER_PARTICULAR_STORY`]
//!   articles or more stays apart from such a story when each has
//!   [`MANY_OWN_PARTICULARS`] of its own: four reports of a coach hired
//!   years before naming that year's general manager and players, which a
//!   story of his firing never names.
//!
//! A pair a test refuses is looked at again whenever either story grows.
//!
//! A store places each batch as it comes and never splits an older story
//! it keeps (small and recent ones are taken apart again), so a merge with
//! one is final: it needs firmer evidence ([`STORED_COHESION_SHARE`],
//! [`STORED_SMALL_JOIN`]) than a batch clustering of everything at once,
//! which makes the best merges first.

use std::collections::BinaryHeap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::prepare::terms::TermId;

/// Mean similarity between two stories' articles needed to merge them.
/// With the particulars test from four articles a side, 0.07 rather than
/// 0.08 gathers more of DUC 2006's wide topics (BCubed F1 0.883 against
/// 0.879) and of the mixed stream (0.879 against 0.874) at no cost to
/// ECB+ (0.937) and 0.001 to Multi-News; 0.06 costs Multi-News 0.002.
pub const JOIN_SIMILARITY: f32 = 0.07;
/// Share of the two stories' own cohesion (geometric mean) that their mean
/// similarity must reach.
pub const COHESION_SHARE: f32 = 0.5;
/// [`COHESION_SHARE`] when either story is kept in a store (and not taken
/// apart). A store places each batch as it comes and never splits such a
/// story, so it joins one on firmer evidence than a batch clustering of
/// everything at once, which makes the best merges first: in small batches
/// the first report of an event would otherwise join a story of a kindred
/// event before the rest of its own arrive.
pub const STORED_COHESION_SHARE: f32 = 0.6;
/// Mean similarity a lone article and a stored story of at most
/// [`STORED_SMALL`] articles (or a lone stored article and a small story)
/// need to merge.
pub const STORED_SMALL_JOIN: f32 = 0.15;
/// See [`STORED_SMALL_JOIN`].
pub const STORED_SMALL: u32 = 3;
/// The cohesion a single article counts as having.
pub const LONE_COHESION: f32 = 0.15;
/// Size from which a story's particulars are compared with another's.
pub const PARTICULAR_STORY: u32 = 6;
/// Size from which a story's particulars are compared with those of a
/// story of [`PARTICULAR_STORY`] or more, on firmer evidence: each must
/// have [`MANY_OWN_PARTICULARS`] of its own. Below it, a story has no
/// particulars worth the name: from three articles a side, DUC 2006's
/// topics came apart.
pub const SMALLER_PARTICULAR_STORY: u32 = 4;
/// Share of a story's articles that must mention a name for it to be one
/// of the story's particulars.
pub const CORE_SHARE: f32 = 0.6;
/// A particular is the story's own when fewer than this share of the other
/// story's articles mention it.
pub const ABSENT_SHARE: f32 = 0.1;
/// Particulars of its own each story must have to stay apart.
pub const OWN_PARTICULARS: usize = 2;
/// Particulars of its own one story alone must have to stay apart.
pub const MANY_OWN_PARTICULARS: usize = 4;

/// What agglomeration starts from: one article, or a story formed before
/// (kept in a store) that may grow but is never split.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Articles in it.
    pub articles: u32,
    /// Sum of the similarities of its pairs of articles.
    pub pair_sum: f32,
    /// Its particulars, in term order, each with the number of its articles
    /// that mention it.
    pub particulars: Vec<(TermId, u32)>,
    /// It holds a story kept in a store: joining it is final (see
    /// [`STORED_COHESION_SHARE`]).
    pub stored: bool,
}

/// A story agglomeration made.
#[derive(Debug, Clone, PartialEq)]
pub struct Agglomerated {
    /// Its items, in order.
    pub members: Vec<usize>,
    /// Sum of the similarities of its pairs of articles, pairs never
    /// compared counted as 0.
    pub pair_sum: f32,
}

/// Agglomerates `items`, given the summed similarity between their
/// articles for every pair of items compared (`(a, b, sum)`, each pair
/// once). Stories come in order of their first item.
///
/// Bounded on a story of tens of thousands of alike articles: a merge
/// pushes only the pairs whose sum grows (the links moved from the smaller
/// story, which has fewer, into the larger). Every other pair's mean can
/// only fall (the same sum, a bigger story), so its entry stays in the heap
/// as an upper bound and is brought up to date when it comes to the top;
/// the entry on top with current sizes is then the best pair. The tests
/// are made on that entry, with current stories; a pair they refuse is
/// set aside and pushed again when either story grows. Ties go to the pair
/// whose first items come first, so the result depends neither on the
/// heap's internals nor on which slot a merged story keeps.
pub fn agglomerate(mut items: Vec<Item>, pairs: Vec<(u32, u32, f32)>) -> Vec<Agglomerated> {
    let n = items.len();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // A slot's story is named by its first item.
    let mut first: Vec<usize> = (0..n).collect();
    // Summed similarity between two live stories, keyed by slot.
    let mut links: Vec<FxHashMap<usize, f32>> = vec![FxHashMap::default(); n];
    for (a, b, s) in pairs {
        let (a, b) = (a as usize, b as usize);
        *links[a].entry(b).or_default() += s;
        *links[b].entry(a).or_default() += s;
    }
    // Pairs a test refused, kept on both sides until either story grows.
    let mut refused: Vec<FxHashSet<usize>> = vec![FxHashSet::default(); n];
    let mut heap = BinaryHeap::new();
    for (a, neighbours) in links.iter().enumerate() {
        for (&b, &sum) in neighbours {
            if a < b {
                heap.extend(candidate(&items, &first, a, b, sum));
            }
        }
    }
    // Entries made dead or stale by merges since the heap was last rebuilt.
    let mut outdated = 0;
    while let Some(Candidate { slots, sizes, .. }) = heap.pop() {
        let (a, b) = (slots.0 as usize, slots.1 as usize);
        if !alive[a] || !alive[b] {
            continue;
        }
        let Some(&sum) = links[a].get(&b) else {
            continue;
        };
        if sizes != (items[a].articles, items[b].articles) {
            // Stale: one side has grown since this was pushed.
            heap.extend(candidate(&items, &first, a, b, sum));
            continue;
        }
        let (x, y) = (&items[a], &items[b]);
        let mean = sum / (x.articles as f32 * y.articles as f32);
        let share = if x.stored || y.stored {
            STORED_COHESION_SHARE
        } else {
            COHESION_SHARE
        };
        if mean < share * (cohesion(x) * cohesion(y)).sqrt() || distinct_events(x, y) {
            refused[a].insert(b);
            refused[b].insert(a);
            continue;
        }
        let (keep, gone) = if links[b].len() > links[a].len() {
            (b, a)
        } else {
            (a, b)
        };
        // Every entry of either story is now dead or stale; once they could
        // make up half the heap, the heap is rebuilt from the live pairs (a
        // heap of millions of dead entries costs more to pop than to
        // rebuild).
        outdated += links[keep].len() + links[gone].len();
        alive[gone] = false;
        first[keep] = first[keep].min(first[gone]);
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        let absorbed = std::mem::take(&mut items[gone]);
        let between = links[keep].remove(&gone).unwrap_or(0.0);
        items[keep] = merged(&items[keep], absorbed, between);
        let gone_links = std::mem::take(&mut links[gone]);
        for (c, sum) in gone_links {
            links[c].remove(&gone);
            if c != keep {
                let total = {
                    let entry = links[keep].entry(c).or_default();
                    *entry += sum;
                    *entry
                };
                *links[c].entry(keep).or_default() += sum;
                heap.extend(candidate(&items, &first, keep, c, total));
            }
        }
        // The story has grown: what was refused of either side is looked
        // at again.
        let mut again = std::mem::take(&mut refused[keep]);
        again.extend(std::mem::take(&mut refused[gone]));
        for c in again {
            refused[c].remove(&keep);
            refused[c].remove(&gone);
            if alive[c]
                && c != keep
                && let Some(&sum) = links[keep].get(&c)
            {
                heap.extend(candidate(&items, &first, keep, c, sum));
            }
        }
        if outdated > heap.len() / 2 {
            let entries = std::mem::take(&mut heap).into_vec();
            let current = entries.into_iter().filter_map(|c| {
                let (a, b) = (c.slots.0 as usize, c.slots.1 as usize);
                if !alive[a] || !alive[b] {
                    None
                } else if c.sizes == (items[a].articles, items[b].articles) {
                    Some(c)
                } else {
                    candidate(&items, &first, a, b, *links[a].get(&b)?)
                }
            });
            heap = current.collect::<Vec<_>>().into();
            outdated = 0;
        }
    }
    let mut stories: Vec<Agglomerated> = members
        .into_iter()
        .zip(items)
        .zip(alive)
        .filter(|(_, alive)| *alive)
        .map(|((mut members, item), _)| {
            members.sort_unstable();
            Agglomerated {
                members,
                pair_sum: item.pair_sum,
            }
        })
        .collect();
    stories.sort_by_key(|s| s.members[0]);
    stories
}

/// The heap entry for merging the stories in slots `a` and `b` (whose
/// articles' similarities sum to `sum`), if their mean similarity reaches
/// [`JOIN_SIMILARITY`]; the other tests are made when it comes to the top.
fn candidate(items: &[Item], first: &[usize], a: usize, b: usize, sum: f32) -> Option<Candidate> {
    let (a, b) = if first[a] <= first[b] { (a, b) } else { (b, a) };
    let sizes = (items[a].articles, items[b].articles);
    let mean = sum / (sizes.0 as f32 * sizes.1 as f32);
    let stored = items[a].stored || items[b].stored;
    let small = stored && sizes.0.min(sizes.1) == 1 && sizes.0.max(sizes.1) <= STORED_SMALL;
    let least = if small {
        STORED_SMALL_JOIN
    } else {
        JOIN_SIMILARITY
    };
    (mean >= least).then_some(Candidate {
        mean,
        key: (first[a] as u32, first[b] as u32),
        slots: (a as u32, b as u32),
        sizes,
    })
}

/// The mean similarity among a story's articles.
pub fn cohesion(item: &Item) -> f32 {
    if item.articles < 2 {
        return LONE_COHESION;
    }
    let n = item.articles as f32;
    item.pair_sum / (n * (n - 1.0) / 2.0)
}

/// Whether two stories tell different events by their particulars (see
/// the module notes).
fn distinct_events(x: &Item, y: &Item) -> bool {
    let (smaller, larger) = if x.articles <= y.articles {
        (x.articles, y.articles)
    } else {
        (y.articles, x.articles)
    };
    if smaller < SMALLER_PARTICULAR_STORY || larger < PARTICULAR_STORY {
        return false;
    }
    let (own_x, own_y) = (own_particulars(x, y), own_particulars(y, x));
    if smaller < PARTICULAR_STORY {
        // A smaller story names fewer of its event's people and places
        // in most of its articles: both sides must have many of their own.
        return own_x.min(own_y) >= MANY_OWN_PARTICULARS;
    }
    (own_x >= OWN_PARTICULARS && own_y >= OWN_PARTICULARS)
        || own_x.max(own_y) >= MANY_OWN_PARTICULARS
}

/// How many of `x`'s particulars `other` hardly mentions.
fn own_particulars(x: &Item, other: &Item) -> usize {
    let core = CORE_SHARE * x.articles as f32;
    let absent = ABSENT_SHARE * other.articles as f32;
    let mut theirs = other.particulars.iter().peekable();
    let mut own = 0;
    for &(term, count) in &x.particulars {
        if (count as f32) < core {
            continue;
        }
        while theirs.next_if(|&&(t, _)| t < term).is_some() {}
        let mentions = theirs
            .peek()
            .filter(|&&&(t, _)| t == term)
            .map_or(0, |x| x.1);
        if (mentions as f32) < absent {
            own += 1;
        }
    }
    own
}

/// Two stories as one: `between` is the summed similarity across them.
pub(crate) fn merged(x: &Item, y: Item, between: f32) -> Item {
    let mut particulars = Vec::with_capacity(x.particulars.len().max(y.particulars.len()));
    let (mut i, mut j) = (0, 0);
    let (p, q) = (&x.particulars, &y.particulars);
    while i < p.len() || j < q.len() {
        match (p.get(i), q.get(j)) {
            (Some(&(s, m)), Some(&(t, n))) if s == t => {
                particulars.push((s, m + n));
                i += 1;
                j += 1;
            }
            (Some(&(s, m)), Some(&(t, _))) if s < t => {
                particulars.push((s, m));
                i += 1;
            }
            (Some(&(s, m)), None) => {
                particulars.push((s, m));
                i += 1;
            }
            (_, Some(&(t, n))) => {
                particulars.push((t, n));
                j += 1;
            }
            (None, None) => break,
        }
    }
    Item {
        stored: x.stored || y.stored,
        articles: x.articles + y.articles,
        pair_sum: x.pair_sum + y.pair_sum + between,
        particulars,
    }
}

/// A possible merge, ordered by mean similarity, ties by the stories'
/// first items.
#[derive(Debug, PartialEq)]
struct Candidate {
    mean: f32,
    /// The first item of each story, the earlier first.
    key: (u32, u32),
    /// The stories' slots, in the same order.
    slots: (u32, u32),
    /// Their sizes (articles) when the entry was made.
    sizes: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then_with(|| other.key.cmp(&self.key))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(particulars: &[TermId]) -> Item {
        Item {
            articles: 1,
            pair_sum: 0.0,
            particulars: particulars.iter().map(|&t| (t, 1)).collect(),
            stored: false,
        }
    }

    /// All pairs among `a` and among `b` at `within`, across at `across`.
    fn two_groups(a: usize, b: usize, within: f32, across: f32) -> Vec<(u32, u32, f32)> {
        let mut pairs = Vec::new();
        for i in 0..a + b {
            for j in i + 1..a + b {
                let same = (i < a) == (j < a);
                pairs.push((i as u32, j as u32, if same { within } else { across }));
            }
        }
        pairs
    }

    fn member_lists(stories: &[Agglomerated]) -> Vec<Vec<usize>> {
        stories.iter().map(|s| s.members.clone()).collect()
    }

    #[test]
    fn merges_by_mean_similarity_and_keeps_the_pair_sum() {
        let items = vec![article(&[]); 3];
        let stories = agglomerate(items, vec![(0, 1, 0.5), (1, 2, 0.3), (0, 2, 0.2)]);
        assert_eq!(member_lists(&stories), [vec![0, 1, 2]]);
        assert!((stories[0].pair_sum - 1.0).abs() < 1e-6);
        // Below the threshold, nothing merges.
        let stories = agglomerate(vec![article(&[]); 2], vec![(0, 1, 0.06)]);
        assert_eq!(member_lists(&stories), [vec![0], vec![1]]);
    }

    #[test]
    fn cohesive_stories_stay_apart_when_only_loosely_alike() {
        // Two tight groups of four whose articles are 0.16 alike across:
        // above the threshold, but far below each group's own cohesion.
        let stories = agglomerate(vec![article(&[]); 8], two_groups(4, 4, 0.4, 0.16));
        assert_eq!(member_lists(&stories), [vec![0, 1, 2, 3], vec![4, 5, 6, 7]]);
        // Loose groups as alike across as within merge.
        let stories = agglomerate(vec![article(&[]); 8], two_groups(4, 4, 0.15, 0.12));
        assert_eq!(stories.len(), 1);
    }

    #[test]
    fn particulars_of_their_own_keep_big_stories_apart() {
        // Loose enough to merge on similarity alone.
        let pairs = two_groups(6, 6, 0.2, 0.15);
        let mut items: Vec<Item> = (0..6).map(|_| article(&[1, 2, 9])).collect();
        items.extend((0..6).map(|_| article(&[3, 4, 9])));
        assert_eq!(agglomerate(items.clone(), pairs.clone()).len(), 2);
        // Sharing their names, they are one story.
        let shared: Vec<Item> = (0..12).map(|_| article(&[1, 2, 9])).collect();
        assert_eq!(agglomerate(shared, pairs.clone()).len(), 1);
        // Smaller stories are not compared by particulars.
        let small: Vec<Item> = items[..4].iter().chain(&items[6..10]).cloned().collect();
        assert_eq!(agglomerate(small, two_groups(4, 4, 0.2, 0.15)).len(), 1);
    }

    #[test]
    fn a_smaller_story_stays_apart_from_a_big_one_on_many_names_of_its_own() {
        // Six articles and four, loose enough to merge on similarity alone.
        let pairs = two_groups(6, 4, 0.2, 0.15);
        let big = || article(&[1, 2, 3, 4, 9]);
        let mut items: Vec<Item> = (0..6).map(|_| big()).collect();
        items.extend((0..4).map(|_| article(&[5, 6, 7, 8, 9])));
        assert_eq!(agglomerate(items.clone(), pairs.clone()).len(), 2);
        // Two names of its own on each side are enough between two big
        // stories, not against a smaller one.
        let mut few: Vec<Item> = (0..6).map(|_| article(&[1, 2, 9])).collect();
        few.extend((0..4).map(|_| article(&[5, 6, 9])));
        assert_eq!(agglomerate(few, pairs).len(), 1);
        // Three articles are too few, however many names they hold.
        let three: Vec<Item> = items[..9].to_vec();
        assert_eq!(agglomerate(three, two_groups(6, 3, 0.2, 0.15)).len(), 1);
    }

    #[test]
    fn stories_formed_before_grow_as_wholes() {
        // A stored story of five articles, cohesion 0.3, and an article
        // whose similarities with them sum to 1.0 (mean 0.2).
        let stored = Item {
            articles: 5,
            pair_sum: 3.0,
            particulars: Vec::new(),
            stored: true,
        };
        let stories = agglomerate(vec![stored, article(&[])], vec![(0, 1, 1.0)]);
        assert_eq!(member_lists(&stories), [vec![0, 1]]);
        assert!((stories[0].pair_sum - 4.0).abs() < 1e-6);
        assert!(
            (cohesion(&Item {
                articles: 6,
                pair_sum: 4.0,
                ..Item::default()
            }) - 4.0 / 15.0)
                .abs()
                < 1e-6
        );
    }
}
