//! Cluster: group loose articles into stories.
//!
//! Each article becomes a tf-idf vector over its content words (headline
//! words count double; the body is read up to its first 2,000 words; the
//! 150 heaviest terms are kept). An inverted index over each article's 30
//! heaviest terms finds the earlier articles it shares them with; the
//! [`NEIGHBOURS`] with the most shared weight are compared in full. Then
//! average-link agglomeration merges the two stories whose articles are
//! most similar on average (pairs never compared count as 0) until no two
//! reach [`JOIN_SIMILARITY`]. Average link, unlike a running centroid,
//! neither drifts with input order nor chains unrelated stories through
//! one bridging article. The result is deterministic.
//!
//! The cost per article does not grow with the stream: each term's
//! postings keep only its latest [`POSTINGS_WINDOW`] articles (a window in
//! arrival order), and an article is compared in full with at most
//! [`NEIGHBOURS`] others. Articles are read one at a time ([`Clusterer`]);
//! only their vectors are kept. Document frequencies come from the whole
//! batch up to [`WARM_UP`] articles, then from the stream seen so far.
//!
//! A lone article in another language than the rest shares no words with
//! its story; it joins the story holding at least three of its names (see
//! `attach_foreign`).
//!
//! Publication dates keep apart articles more than [`MAX_DAYS_APART`] days
//! apart (a story that runs longer is a topic, not an event); within that
//! they do not weigh: every penalty tried for pairs 7, 30, 90 or 365 days
//! apart cost BCubed F1 on DUC 2006, whose topics are followed for years.

use chrono::Datelike;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Article, StoryInput};
use crate::prepare::StoryLimits;
use crate::prepare::clean::clean;
use crate::prepare::limits::first_words;
use crate::prepare::terms::{TermId, Vocab};

/// Mean similarity between two stories' articles needed to merge them.
pub const JOIN_SIMILARITY: f32 = 0.1;
/// Pairs of articles less similar than this are left out of the graph.
const PAIR_SIMILARITY: f32 = 0.05;
/// Body words read per article.
const BODY_WORDS: usize = 2000;
/// Words of an article's text cleaned before those are read: enough for
/// boilerplate to be removed ahead of them, and a bound on the work a
/// single huge article costs (the summarizer's own limit, the same for
/// every article so that batch and store weigh it alike).
const CLEANED_WORDS: usize = StoryLimits::DOCUMENT_WORDS;
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

/// Names groups of articles (given by index into `labels`, each an id
/// and a headline) `story-1`, `story-2`, … biggest first; a story is
/// headed by its first article's headline.
pub fn name_stories(mut groups: Vec<Vec<usize>>, labels: &[(String, String)]) -> Vec<StoryGroup> {
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
        .iter()
        .enumerate()
        .map(|(n, members)| StoryGroup {
            id: format!("story-{}", n + 1),
            headline: labels[members[0]].1.clone(),
            documents: members.iter().map(|&m| labels[m].0.clone()).collect(),
        })
        .collect()
}

/// An article's headline, or its opening words when it has none.
pub fn headline(article: &Article) -> String {
    article.title.clone().unwrap_or_else(|| {
        article
            .text
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Splits loose articles into stories, biggest first: `{id}` when they
/// make one story, else `{id}-1`, `{id}-2`, …
pub(crate) fn split_loose(input: StoryInput, vocab: &mut Vocab) -> Vec<StoryInput> {
    if !input.loose || input.articles.len() < 2 {
        return vec![input];
    }
    let mut groups = cluster(&input.articles, vocab);
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

/// Groups `articles` into stories; returns the members of each story, in
/// order of their first article, members in input order.
pub fn cluster(articles: &[Article], vocab: &mut Vocab) -> Vec<Vec<usize>> {
    let mut clusterer = Clusterer::new(vocab);
    for article in articles {
        clusterer.add(article);
    }
    clusterer.finish()
}

/// Articles counted before the first is weighed: up to this many, idf is
/// the whole batch's.
pub const WARM_UP: usize = 5_000;
/// Latest articles per term that a new article is matched against.
pub const POSTINGS_WINDOW: usize = 500;
/// Earlier articles compared in full with each new one (those sharing the
/// most weight among their heaviest terms).
pub const NEIGHBOURS: usize = 100;
/// Articles published further apart than this are never paired.
pub const MAX_DAYS_APART: i64 = 5 * 366;

/// An article counted but not yet weighed.
struct Counted {
    tf: Vec<(TermId, f32)>,
    day: Option<i64>,
}

/// Clusters a stream of articles read one at a time, keeping only their
/// vectors; [`Clusterer::finish`] gives the stories.
pub struct Clusterer<'v> {
    vocab: &'v mut Vocab,
    documents: FxHashMap<TermId, u32>,
    counted: usize,
    waiting: Vec<Counted>,
    /// Weighed vectors, in term order, by article.
    vectors: Vec<Vector>,
    days: Vec<Option<i64>>,
    /// Latest articles by heavy term, with the term's weight in each.
    postings: FxHashMap<TermId, std::collections::VecDeque<(u32, f32)>>,
    pairs: Vec<(u32, u32, f32)>,
    shared: FxHashMap<u32, f32>,
    /// The weights of the article being linked, by term, zero elsewhere:
    /// comparing a candidate is then one lookup per term of the
    /// candidate's, where merging the two sorted vectors mispredicted a
    /// branch at every step.
    scattered: Vec<f32>,
    /// Articles not in English, with the terms of their capitalised names.
    foreign: Vec<(u32, Vec<TermId>)>,
}

impl<'v> Clusterer<'v> {
    /// An empty clusterer interning words in `vocab`.
    pub fn new(vocab: &'v mut Vocab) -> Self {
        Clusterer {
            vocab,
            documents: FxHashMap::default(),
            counted: 0,
            waiting: Vec::new(),
            vectors: Vec::new(),
            days: Vec::new(),
            postings: FxHashMap::default(),
            pairs: Vec::new(),
            shared: FxHashMap::default(),
            scattered: Vec::new(),
            foreign: Vec::new(),
        }
    }

    /// Adds the next article of the stream.
    pub fn add(&mut self, article: &Article) {
        let ArticleTerms {
            terms: tf,
            foreign_names,
        } = article_terms(article, self.vocab);
        if let Some(names) = foreign_names {
            self.foreign.push((self.counted as u32, names));
        }
        for &(t, _) in &tf {
            *self.documents.entry(t).or_default() += 1;
        }
        self.counted += 1;
        let day = article
            .date
            .as_deref()
            .and_then(crate::ingest::publication_date)
            .map(|d| i64::from(d.num_days_from_ce()));
        self.waiting.push(Counted { tf, day });
        if self.counted > WARM_UP {
            self.weigh_waiting();
        }
    }

    /// The stories: members of each, in order of their first article,
    /// members in input order.
    pub fn finish(mut self) -> Vec<Vec<usize>> {
        self.weigh_waiting();
        let mut groups = average_link(self.counted, self.pairs);
        attach_foreign(&mut groups, &self.foreign, &self.vectors);
        groups
    }

    fn weigh_waiting(&mut self) {
        for counted in std::mem::take(&mut self.waiting) {
            let vector = self.weigh(counted.tf);
            self.link(vector, counted.day);
        }
    }

    /// A unit tf-idf vector, heaviest terms first.
    fn weigh(&self, tf: Vec<(TermId, f32)>) -> Vector {
        let n = self.counted as f32;
        let mut vector: Vector = tf
            .into_iter()
            .map(|(t, f)| {
                let df = self.documents.get(&t).copied().unwrap_or(1) as f32;
                (t, tf_idf(f, df, n))
            })
            .collect();
        vector.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        vector.truncate(ARTICLE_TERMS);
        // Kept for the whole run: without this, each keeps the capacity of
        // all its article's distinct words (60 MiB more at 100,000 articles).
        vector.shrink_to_fit();
        let norm = vector.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|x| x.1 /= norm);
        }
        vector
    }

    /// Pairs the next article with the earlier ones it is similar to.
    fn link(&mut self, vector: Vector, day: Option<i64>) {
        let a = self.vectors.len() as u32;
        let probes: Vec<(TermId, f32)> = vector.iter().take(PROBE_TERMS).copied().collect();
        let mut by_term = vector;
        by_term.sort_unstable_by_key(|x| x.0);
        self.shared.clear();
        for &(t, w) in &probes {
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
        self.scattered.resize(self.vocab.len(), 0.0);
        for &(t, w) in &by_term {
            self.scattered[t as usize] = w;
        }
        for (b, _) in candidates {
            let apart = day.zip(self.days[b as usize]).map(|(x, y)| (x - y).abs());
            if apart.is_some_and(|d| d > MAX_DAYS_APART) {
                continue;
            }
            let similarity = scattered_dot(&self.scattered, &self.vectors[b as usize]);
            if similarity >= PAIR_SIMILARITY {
                self.pairs.push((b, a, similarity));
            }
        }
        for &(t, _) in &by_term {
            self.scattered[t as usize] = 0.0;
        }
        for (t, w) in probes {
            let list = self.postings.entry(t).or_default();
            if list.len() == POSTINGS_WINDOW {
                list.pop_front();
            }
            list.push_back((a, w));
        }
        self.vectors.push(by_term);
        self.days.push(day);
    }
}

/// Dot product of a vector with one scattered by term (see
/// `Clusterer::scattered`), summed in term order as a merge of the two would.
fn scattered_dot(scattered: &[f32], vector: &[(TermId, f32)]) -> f32 {
    let mut sum = 0.0;
    for &(t, w) in vector {
        sum += scattered[t as usize] * w;
    }
    sum
}

/// What clustering reads of an article. Batch clustering and the store's
/// incremental placement both read articles through [`article_terms`], so
/// that one article weighs the same in each.
pub struct ArticleTerms {
    /// Raw frequencies of the content terms of its headline (counted
    /// double) and the first 2,000 words of its cleaned body, in term order.
    pub terms: Vec<(TermId, f32)>,
    /// The terms of its capitalised words of four letters or more, when
    /// fewer than a fifth of its first words are English function words and
    /// whatlang does not call it English either (a lone such article is
    /// placed by the names it shares with a story).
    pub foreign_names: Option<Vec<TermId>>,
}

/// An article's [`ArticleTerms`].
pub fn article_terms(article: &Article, vocab: &mut Vocab) -> ArticleTerms {
    let opening;
    let (text, cut) = first_words(&article.text, CLEANED_WORDS);
    let title = article
        .title
        .as_deref()
        .map(|t| first_words(t, CLEANED_WORDS));
    let article = if cut.is_some() || title.is_some_and(|(_, cut)| cut.is_some()) {
        opening = Article {
            text: text.to_string(),
            title: title.map(|(t, _)| t.to_string()),
            ..Article::default()
        };
        &opening
    } else {
        article
    };
    let cleaned = clean(article);
    let mut tf: FxHashMap<TermId, f32> = FxHashMap::default();
    // Function words among the first tokens: English prose has a fifth or
    // more, as the summarizer's language test assumes.
    let (mut sampled, mut function_words) = (0usize, 0usize);
    let mut add = |text: &str, weight: f32, vocab: &mut Vocab, budget: &mut usize| {
        for t in vocab.terms(text) {
            if *budget == 0 {
                break;
            }
            *budget -= 1;
            let stopword = vocab.is_stopword(t);
            if sampled < crate::prepare::language::SAMPLE_TOKENS {
                sampled += 1;
                function_words += usize::from(stopword);
            }
            if !stopword && !vocab.is_numeric(t) {
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
    let mut terms: Vec<(TermId, f32)> = tf.into_iter().collect();
    terms.sort_unstable_by_key(|x| x.0);
    let english_by_words =
        function_words as f32 >= crate::prepare::language::ENGLISH_STOPWORD_SHARE * sampled as f32;
    let foreign_names = (!english_by_words
        && !crate::prepare::language::looks_english(&article.text))
    .then(|| name_terms(article, vocab))
    .filter(|names| !names.is_empty());
    ArticleTerms {
        terms,
        foreign_names,
    }
}

/// The terms of an article's capitalised words of four letters or more:
/// the names in it, which read the same in most languages.
fn name_terms(article: &Article, vocab: &mut Vocab) -> Vec<TermId> {
    let title = article.title.as_deref().unwrap_or_default();
    let mut names: Vec<TermId> = Vec::new();
    let words = [title, article.text.as_str()]
        .into_iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase));
    for word in words {
        vocab.terms_into(word, &mut names);
    }
    names.retain(|&t| !vocab.is_stopword(t) && !vocab.is_numeric(t));
    names.sort_unstable();
    names.dedup();
    names
}

/// Names a lone foreign-language article must share with a story to join it.
pub const SHARED_NAMES: usize = 3;

/// A lone article in another language than the rest cannot be compared
/// word for word; it joins the story of two or more whose articles' terms
/// hold the most of its names, when they hold at least [`SHARED_NAMES`].
/// Keeps `groups` in order of their first member, members in order.
fn attach_foreign(
    groups: &mut Vec<Vec<usize>>,
    foreign: &[(u32, Vec<TermId>)],
    vectors: &[Vector],
) {
    if foreign.is_empty() {
        return;
    }
    let mut group_of = vec![0; vectors.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let lone: Vec<&(u32, Vec<TermId>)> = foreign
        .iter()
        .filter(|(article, _)| groups[group_of[*article as usize]].len() == 1)
        .collect();
    let wanted: FxHashSet<TermId> = lone
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .collect();
    // Which stories of two or more carry each wanted name: one pass over
    // the vectors, however many lone articles there are.
    let mut carriers: FxHashMap<TermId, FxHashSet<usize>> = FxHashMap::default();
    for (article, vector) in vectors.iter().enumerate() {
        let g = group_of[article];
        if groups[g].len() < 2 {
            continue;
        }
        for &(t, _) in vector {
            if wanted.contains(&t) {
                carriers.entry(t).or_default().insert(g);
            }
        }
    }
    let mut moves = Vec::new();
    for (article, names) in lone {
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for story in names
            .iter()
            .flat_map(|t| carriers.get(t).into_iter().flatten())
        {
            *shared.entry(*story).or_default() += 1;
        }
        let best = shared
            .into_iter()
            .filter(|&(_, n)| n >= SHARED_NAMES)
            .max_by_key(|&(g, n)| (n, std::cmp::Reverse(g)));
        if let Some((g, _)) = best {
            moves.push((*article as usize, g));
        }
    }
    for (article, g) in moves {
        groups[group_of[article]].clear();
        groups[g].push(article);
    }
    groups.retain(|members| !members.is_empty());
    for members in groups.iter_mut() {
        members.sort_unstable();
    }
    groups.sort_by_key(|members| members[0]);
}

/// The weight of a term counted `count` times in an article and found in
/// `documents` of `articles`: sublinear in the count, so that a word an
/// article repeats does not outweigh the names it shares with its story.
pub fn tf_idf(count: f32, documents: f32, articles: f32) -> f32 {
    let idf = ((articles + 1.0) / (documents + 1.0)).ln() + 1.0;
    (1.0 + count.ln()) * idf
}

/// Average-link agglomeration over the sparse similarity graph: the two
/// stories with the highest mean similarity between their articles (pairs
/// not in the graph count as 0) merge, until no two reach [`JOIN_SIMILARITY`].
///
/// Ties go to the pair whose first articles come first, so the result
/// depends neither on the heap's internals nor on which of two merged
/// stories keeps its slot: the one with more links does, and the other's
/// links move (small into large, so that a story of thousands of articles
/// is not moved again and again). A merge changes the mean of every pair
/// it touches: the pairs whose sum grows (the moved links) are pushed
/// again; every other pair's mean can only fall (the same sum, a bigger
/// story), so its entry stays in the heap as an upper bound and is brought
/// up to date when it comes to the top. The entry on top with current
/// sizes is then the best pair, as if every pair were pushed again at
/// every merge, which cost a story of 20,000 alike articles minutes.
fn average_link(n: usize, pairs: Vec<(u32, u32, f32)>) -> Vec<Vec<usize>> {
    use std::collections::BinaryHeap;
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Sum of pair similarities between two live stories, keyed by slot.
    let mut links: Vec<FxHashMap<usize, f32>> = vec![FxHashMap::default(); n];
    for (a, b, s) in pairs {
        let (a, b) = (a as usize, b as usize);
        *links[a].entry(b).or_default() += s;
        *links[b].entry(a).or_default() += s;
    }
    let mut heap = BinaryHeap::new();
    // A slot's story is named by its first article (members[slot] holds it).
    let mut first: Vec<usize> = (0..n).collect();
    // The entry for merging the stories in slots `a` and `b`, whose links
    // sum to `sum`, if their mean similarity reaches the bar.
    let candidate = |members: &[Vec<usize>], first: &[usize], a: usize, b: usize, sum: f32| {
        let (a, b) = if first[a] <= first[b] { (a, b) } else { (b, a) };
        let sizes = (members[a].len() as u32, members[b].len() as u32);
        let mean = sum / (sizes.0 as f32 * sizes.1 as f32);
        (mean >= JOIN_SIMILARITY).then_some(Candidate {
            mean,
            key: (first[a] as u32, first[b] as u32),
            slots: (a as u32, b as u32),
            sizes,
        })
    };
    let push = |heap: &mut BinaryHeap<Candidate>,
                members: &[Vec<usize>],
                first: &[usize],
                a: usize,
                b: usize,
                sum: f32| {
        heap.extend(candidate(members, first, a, b, sum));
    };
    for (a, neighbours) in links.iter().enumerate() {
        for (&b, &sum) in neighbours {
            if a < b {
                push(&mut heap, &members, &first, a, b, sum);
            }
        }
    }
    let mut outdated = 0;
    while let Some(Candidate { slots, sizes, .. }) = heap.pop() {
        let (a, b) = (slots.0 as usize, slots.1 as usize);
        if !alive[a] || !alive[b] {
            continue;
        }
        if sizes != (members[a].len() as u32, members[b].len() as u32) {
            // Stale: one side has grown since this was pushed.
            if let Some(&sum) = links[a].get(&b) {
                push(&mut heap, &members, &first, a, b, sum);
            }
            continue;
        }
        let (keep, gone) = if links[b].len() > links[a].len() {
            (b, a)
        } else {
            (a, b)
        };
        // Every entry of either story is now dead or stale; once they could
        // make up half the heap, the heap is rebuilt from the live pairs
        // (a heap of millions of dead entries costs more to pop than to
        // rebuild).
        outdated += links[keep].len() + links[gone].len();
        alive[gone] = false;
        first[keep] = first[keep].min(first[gone]);
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        let gone_links = std::mem::take(&mut links[gone]);
        links[keep].remove(&gone);
        for (c, sum) in gone_links {
            links[c].remove(&gone);
            if c != keep {
                let total = {
                    let entry = links[keep].entry(c).or_default();
                    *entry += sum;
                    *entry
                };
                *links[c].entry(keep).or_default() += sum;
                push(&mut heap, &members, &first, keep, c, total);
            }
        }
        if outdated > heap.len() / 2 {
            let entries = std::mem::take(&mut heap).into_vec();
            let current = entries.into_iter().filter_map(|c| {
                let (a, b) = (c.slots.0 as usize, c.slots.1 as usize);
                if !alive[a] || !alive[b] {
                    None
                } else if c.sizes == (members[a].len() as u32, members[b].len() as u32) {
                    Some(c)
                } else {
                    let sum = *links[a].get(&b)?;
                    candidate(&members, &first, a, b, sum)
                }
            });
            heap = current.collect::<Vec<_>>().into();
            outdated = 0;
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

/// A possible merge, ordered by mean similarity, ties by the stories'
/// first articles.
#[derive(Debug, PartialEq)]
struct Candidate {
    mean: f32,
    /// The first article of each story, the earlier first.
    key: (u32, u32),
    /// The stories' slots, in the same order.
    slots: (u32, u32),
    /// Their sizes when the entry was made.
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
