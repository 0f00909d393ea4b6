//! Incremental clustering: where the articles of a new batch go among the
//! stored stories.
//!
//! A batch is clustered as batch clustering clusters articles
//! ([`chorus::cluster::Linker`]: the same vectors, particulars, average
//! link and tests that keep events apart), with the stored stories it may
//! join taken in as stories formed before: each keeps a centroid (its
//! articles' tf-idf vectors summed and normalised, heaviest terms only) in
//! `story_terms`, the length of that sum and the summed similarity of its
//! pairs of articles (so that average link sees its size and cohesion) in
//! `stories`, and how many of its articles mention each of its names in
//! `story_particulars`. A stored story grows as a whole and is never
//! split; two stored stories merge when the batch's articles bridge them.
//!
//! The stored stories taken in are found through the centroid index: for
//! each of an article's heaviest terms, the [`STORIES_PER_TERM`] most
//! recent stories that carry it, ranked by shared weight; the best
//! [`CANDIDATES`] per article. So the cost of placing an article does not
//! grow with the number of stories kept. The same input order gives the
//! same stories.
//!
//! Of those, the stories begun within the latest [`RECENT_ARTICLES`]
//! articles, and the small ones ([`REOPENED_SIZE`]), are taken apart: their
//! articles are read again and clustered one by one with the batch's. A
//! store thus keeps its recent stories open as one batch clustering would
//! form them, and only older ones are final.
//!
//! A [`Placer`] lives for one batch: it keeps document frequencies and the
//! stories it read or changed in memory and writes them once, at the end
//! of the batch, inside the batch's transaction. It reads and writes the
//! tables through [`Tables`], so the same placing runs on either database.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::StoreError;
use crate::tables::{StoredShape, Tables, Vector};
use chorus::cluster::{Item, Linker, common_name, tf_idf};
use chorus::model::Article;
use chorus::prepare::terms::{TermId, Vocab};

/// Terms kept per vector.
const VECTOR_TERMS: usize = chorus::cluster::ARTICLE_TERMS;
/// Terms of an article used to find candidate stories.
const PROBE_TERMS: usize = 30;
/// Most recent stories looked up per probe term.
pub const STORIES_PER_TERM: usize = 100;
/// Stored stories taken in per article (those sharing the most weight).
pub const CANDIDATES: usize = 10;

/// Stored stories of this many articles or fewer are taken apart when a
/// batch may join them: their articles are read again and clustered with
/// the batch's one by one. Two reports of kindred events may meet as a
/// story while the rest of their events is yet to come — in a store's first
/// batches, with few word frequencies known, or in small batches — and a
/// story taken whole is never split; taken apart while small, such a story
/// comes apart once the rest of its events arrive.
pub const REOPENED_SIZE: u32 = 3;

/// Stored stories begun within the latest this many articles stored are
/// taken apart too when a batch may join them, and their articles
/// clustered with the batch's as if they came in it: the recent part of a
/// store is clustered as one batch would cluster it, and only older
/// stories are taken whole. A story's first reports decide little until
/// the rest of its event (and of kindred events) arrive; in batches of 20
/// articles a store that took every story of four or more whole scored
/// BCubed F1 0.825 on ECB+ (0.937 in one batch), one that keeps the
/// latest 2,000 articles open scores as the single batch. The work per
/// batch stays bounded: at most this many articles are read again.
pub const RECENT_ARTICLES: i64 = 2000;

/// An article of a small or recent stored story, read again (see
/// [`REOPENED_SIZE`], [`RECENT_ARTICLES`]).
struct Reopened {
    /// The story it was in.
    story: i64,
    /// Its row.
    row: i64,
    counted: Counted,
}

/// Whether the reopened articles `again` are all of one story's.
fn whole_story(reopened: &[Reopened], again: &[usize]) -> bool {
    let story = reopened[again[0]].story;
    again.iter().all(|&r| reopened[r].story == story)
        && reopened.iter().filter(|r| r.story == story).count() == again.len()
}

/// Where an article went.
pub struct Placed {
    /// The story it joined or started.
    pub story: i64,
    /// It started a story.
    pub new_story: bool,
}

/// An article's content-word stems and their weighted counts.
pub type Counts = FxHashMap<String, f32>;

/// What placing reads of an article (see [`read_article`]).
pub struct Counted {
    /// Its content-word stems and their weighted counts.
    pub counts: Counts,
    /// Its particulars ([`chorus::cluster::ArticleTerms::particulars`]).
    pub particulars: Vec<String>,
    /// Its names, when it is not in English
    /// ([`chorus::cluster::ArticleTerms::foreign_names`]).
    pub foreign_names: Option<Vec<String>>,
    /// Its publication day (days from the common era), when its date reads
    /// as one.
    pub day: Option<i64>,
    /// The headline a story it starts takes.
    pub headline: String,
}

/// What average link needs of a stored story, besides its centroid.
#[derive(Clone, Default)]
struct Shape {
    /// Articles in it.
    articles: u32,
    /// Length of its centroid's terms in its articles' summed vectors
    /// (see [`centroid`]).
    length: f32,
    /// Summed similarity of its pairs of articles.
    pair_sum: f32,
    /// Its articles that mention each of its names.
    particulars: FxHashMap<String, u32>,
    /// The row of its oldest article.
    first_row: i64,
}

impl Shape {
    /// A stored story's shape. A story written before lengths were kept
    /// counts as tight as its centroid allows: its articles all alike.
    fn from_stored(stored: StoredShape) -> Shape {
        let articles = stored.articles.clamp(1, i64::from(u32::MAX)) as u32;
        let length = stored.length.unwrap_or(articles as f32);
        let pair_sum = stored
            .pair_sum
            .unwrap_or_else(|| ((length * length - articles as f32) / 2.0).max(0.0));
        Shape {
            articles,
            length,
            pair_sum,
            particulars: stored.particulars.into_iter().collect(),
            first_row: stored.first_row,
        }
    }
}

/// Places the articles of one batch: [`Placer::count`] counts their words,
/// [`Placer::place`] clusters them all, and [`Placer::finish`] writes what
/// changed.
#[derive(Default)]
pub struct Placer {
    /// Articles stored, this batch's included.
    stored: i64,
    /// Stories whose oldest article's row is above this are recent (see
    /// [`RECENT_ARTICLES`]).
    recent_after: i64,
    /// Document frequencies read or changed this batch.
    documents: FxHashMap<String, i64>,
    /// Terms whose frequency this batch changed.
    counted: FxHashSet<String>,
    /// Centroids read or changed this batch.
    centroids: FxHashMap<i64, Vector>,
    /// Sizes, cohesion and names of stories read or changed this batch.
    shapes: FxHashMap<i64, Shape>,
    /// Stories whose centroid changed (written at the end).
    changed: FxHashSet<i64>,
    /// Stories merged into others this batch, and the story each went into.
    merged: FxHashMap<i64, i64>,
    /// Stories whose membership changed, in the order first touched.
    pub touched: Vec<i64>,
}

impl Placer {
    /// A placer for a batch added to a store that holds `stored` articles.
    pub fn new(tables: &mut dyn Tables) -> Result<Placer, StoreError> {
        Ok(Placer {
            stored: tables.article_total()?,
            recent_after: tables.newest_row()? - RECENT_ARTICLES,
            ..Placer::default()
        })
    }

    /// Counts the articles about to be placed: their words join the
    /// document frequencies before any article of the batch is weighed, as
    /// in a batch clustering (weighing each against the articles before it
    /// only would let the first few, weighed with almost no frequencies,
    /// gather unrelated articles).
    pub fn count(
        &mut self,
        tables: &mut dyn Tables,
        articles: &[Counted],
    ) -> Result<(), StoreError> {
        let terms: Vec<&str> = articles
            .iter()
            .flat_map(|a| a.counts.keys())
            .map(String::as_str)
            .collect();
        self.load_documents(tables, &terms)?;
        for article in articles {
            self.stored += 1;
            for term in article.counts.keys() {
                if let Some(documents) = self.documents.get_mut(term) {
                    *documents += 1;
                }
                self.counted.insert(term.clone());
            }
        }
        Ok(())
    }

    /// Reads the stored frequencies of the terms not read yet.
    fn load_documents(
        &mut self,
        tables: &mut dyn Tables,
        terms: &[&str],
    ) -> Result<(), StoreError> {
        let mut missing: Vec<&str> = terms
            .iter()
            .copied()
            .filter(|t| !self.documents.contains_key(*t))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return Ok(());
        }
        let found = tables.documents(&missing)?;
        for term in missing {
            let documents = found.get(term).copied().unwrap_or(0);
            self.documents.insert(term.to_string(), documents);
        }
        Ok(())
    }

    /// Clusters the articles [`Placer::count`] counted with the stored
    /// stories they may join: the story of each, in order. The article
    /// rows themselves are written by the caller.
    ///
    /// A lone article in another language shares few words with any story:
    /// it joins a story of the batch, or else the stored story whose
    /// centroid holds the most of its names, at least
    /// [`chorus::cluster::SHARED_NAMES`], as batch clustering does.
    pub fn place(
        &mut self,
        tables: &mut dyn Tables,
        waiting: &[Counted],
    ) -> Result<Vec<Placed>, StoreError> {
        let vectors: Vec<Vector> = waiting.iter().map(|w| self.weigh(&w.counts)).collect();
        let candidates = self.candidates(tables, &vectors)?;
        let (taken_apart, formed): (Vec<i64>, Vec<i64>) = candidates
            .into_iter()
            .partition(|s| self.shapes[s].articles <= REOPENED_SIZE || self.recent(s));
        let reopened = self.reopen(tables, &taken_apart)?;
        let reopened_vectors: Vec<Vector> = reopened
            .iter()
            .map(|r| self.weigh(&r.counted.counts))
            .collect();
        self.load_stories(tables, &formed)?;
        let names: Vec<String> = formed
            .iter()
            .flat_map(|s| self.shapes[s].particulars.keys().cloned())
            .collect();
        // Their frequencies tell which are common.
        self.load_documents(
            tables,
            &names.iter().map(String::as_str).collect::<Vec<_>>(),
        )?;

        // Stems as term ids, in this batch's own numbering.
        let mut ids: FxHashMap<String, TermId> = FxHashMap::default();
        let mut id = |stem: &str| -> TermId {
            let next = ids.len() as TermId;
            *ids.entry(stem.to_string()).or_insert(next)
        };
        let mut linker = Linker::new();
        for story in &formed {
            let centroid: chorus::cluster::Vector = self.centroids[story]
                .iter()
                .map(|(t, w)| (id(t), *w))
                .collect();
            let shape = &self.shapes[story];
            let mut particulars: Vec<(TermId, u32)> =
                shape.particulars.iter().map(|(t, &n)| (id(t), n)).collect();
            particulars.sort_unstable();
            let item = Item {
                stored: true,
                articles: shape.articles,
                pair_sum: shape.pair_sum,
                particulars,
            };
            linker.add_formed(centroid, shape.length, item);
        }
        // The articles of the stories taken apart, then the batch's,
        // one by one, oldest first.
        let mut foreign: Vec<(u32, Vec<TermId>)> = Vec::new();
        let articles = reopened
            .iter()
            .map(|r| &r.counted)
            .zip(&reopened_vectors)
            .chain(waiting.iter().zip(&vectors));
        for (n, (w, vector)) in articles.enumerate() {
            let index = linker.len() as u32;
            let vector = vector.iter().map(|(t, x)| (id(t), *x)).collect();
            let mut particulars: Vec<TermId> = w.particulars.iter().map(|t| id(t)).collect();
            particulars.sort_unstable();
            particulars.dedup();
            if let Some(names) = &w.foreign_names {
                foreign.push((index, names.iter().map(|t| id(t)).collect()));
            }
            linker.add(vector, w.day, &particulars);
            if n < reopened.len() && !self.recent(&reopened[n].story) {
                // Taken apart because small, an older article is still
                // kept: joining it is as final as joining a stored story.
                // A recent one is clustered as the batch's own are.
                linker.mark_stored();
            }
        }
        let mut stems: Vec<&str> = vec![""; ids.len()];
        for (stem, &i) in &ids {
            stems[i as usize] = stem;
        }
        let stored_articles = self.stored as f32;
        let documents = &self.documents;
        let stories = linker.finish(|t| {
            documents
                .get(stems[t as usize])
                .is_some_and(|&n| !common_name(n as f32, stored_articles))
        });
        let mut pair_sums: Vec<f32> = stories.iter().map(|s| s.pair_sum).collect();
        let mut groups: Vec<Vec<usize>> = stories.into_iter().map(|s| s.members).collect();
        if !foreign.is_empty() {
            // Lone foreign articles join a story of the batch by its names
            // (their pair sums are not known: they count as 0).
            let before: FxHashMap<usize, f32> = groups
                .iter()
                .zip(&pair_sums)
                .map(|(g, &s)| (g[0], s))
                .collect();
            chorus::cluster::attach_foreign(&mut groups, &foreign, linker.vectors());
            pair_sums = groups
                .iter()
                .map(|g| before.get(&g[0]).copied().unwrap_or(0.0))
                .collect();
        }

        let seeds = formed.len();
        let batch_start = seeds + reopened.len();
        let mut placed: Vec<Option<Placed>> = (0..waiting.len()).map(|_| None).collect();
        // The stories taken apart that a group kept, and where the
        // articles of each went first.
        let mut kept: FxHashSet<i64> = FxHashSet::default();
        let mut went: FxHashMap<i64, i64> = FxHashMap::default();
        for (members, pair_sum) in groups.iter().zip(pair_sums) {
            let stored: Vec<i64> = members
                .iter()
                .filter(|&&m| m < seeds)
                .map(|&m| formed[m])
                .collect();
            let again: Vec<usize> = members
                .iter()
                .filter(|&&m| m >= seeds && m < batch_start)
                .map(|&m| m - seeds)
                .collect();
            let articles: Vec<usize> = members
                .iter()
                .filter(|&&m| m >= batch_start)
                .map(|&m| m - batch_start)
                .collect();
            let unchanged = if again.is_empty() {
                stored.len() < 2
            } else {
                stored.is_empty() && whole_story(&reopened, &again)
            };
            if articles.is_empty() && unchanged {
                // A stored story nothing joined, or one taken apart
                // that came together again as it was.
                if let Some(&r) = again.first() {
                    kept.insert(reopened[r].story);
                }
                continue;
            }
            let mut story = stored.iter().min().copied();
            if story.is_none() {
                story = again
                    .iter()
                    .map(|&r| reopened[r].story)
                    .filter(|s| !kept.contains(s))
                    .min();
            }
            if story.is_none()
                && again.is_empty()
                && let [first] = articles[..]
                && let Some(names) = &waiting[first].foreign_names
            {
                // A lone article in another language joins the stored
                // story holding the most of its names.
                story = self.story_by_names(tables, names)?;
            }
            let new_story = story.is_none();
            let story = match story {
                Some(story) => story,
                None => {
                    // A group holds a stored story, or articles.
                    let headline = match articles.first() {
                        Some(&a) => &waiting[a].headline,
                        None => &reopened[again[0]].counted.headline,
                    };
                    tables.new_story(headline)?
                }
            };
            kept.insert(story);
            let mut sum: FxHashMap<String, f32> = FxHashMap::default();
            let mut shape = Shape {
                pair_sum,
                ..Shape::default()
            };
            for &other in &stored {
                let other_shape = &self.shapes[&other];
                for (t, w) in &self.centroids[&other] {
                    *sum.entry(t.clone()).or_default() += w * other_shape.length;
                }
                shape.articles += other_shape.articles;
                for (t, n) in &other_shape.particulars {
                    *shape.particulars.entry(t.clone()).or_default() += n;
                }
                if other != story {
                    self.merge_away(tables, other, story)?;
                }
            }
            if stored.is_empty() && again.is_empty() && !new_story {
                // Joined by names: its similarity with the story is known
                // only through the centroid.
                self.load_stories(tables, &[story])?;
                let old = self.shapes[&story].clone();
                let centroid = &self.centroids[&story];
                shape.pair_sum =
                    old.pair_sum + cosine(&vectors[articles[0]], centroid) * old.length;
                shape.articles = old.articles;
                shape.particulars = old.particulars;
                for (t, w) in centroid {
                    *sum.entry(t.clone()).or_default() += w * old.length;
                }
            }
            let members = again
                .iter()
                .map(|&r| (&reopened[r].counted, &reopened_vectors[r]))
                .chain(articles.iter().map(|&a| (&waiting[a], &vectors[a])));
            for (counted, vector) in members {
                for (t, w) in vector {
                    *sum.entry(t.clone()).or_default() += w;
                }
                shape.articles += 1;
                for t in &counted.particulars {
                    *shape.particulars.entry(t.clone()).or_default() += 1;
                }
            }
            for &r in &again {
                let old = reopened[r].story;
                went.entry(old).or_insert(story);
                if old != story {
                    tables.move_article(reopened[r].row, story)?;
                    self.touch(old);
                }
            }
            for &a in &articles {
                placed[a] = Some(Placed {
                    story,
                    new_story: new_story && a == articles[0],
                });
            }
            let (vector, length) = centroid(sum.into_iter().collect());
            shape.length = length;
            self.centroids.insert(story, vector);
            self.shapes.insert(story, shape);
            self.changed.insert(story);
            self.touch(story);
        }
        // A story taken apart whose every article went elsewhere is gone.
        for &old in &taken_apart {
            if !kept.contains(&old)
                && let Some(&into) = went.get(&old)
            {
                self.merge_away(tables, old, into)?;
            }
        }
        // Clustering places every article it is given; were one left out,
        // it would start a story of its own rather than be lost.
        let mut all = Vec::with_capacity(waiting.len());
        for (placed, w) in placed.into_iter().zip(waiting) {
            all.push(match placed {
                Some(placed) => placed,
                None => Placed {
                    story: tables.new_story(&w.headline)?,
                    new_story: true,
                },
            });
        }
        Ok(all)
    }

    /// Reads again the articles of `stories` (small or recent stories a
    /// batch may join), to be clustered with the batch's one by one.
    fn reopen(
        &mut self,
        tables: &mut dyn Tables,
        stories: &[i64],
    ) -> Result<Vec<Reopened>, StoreError> {
        let mut vocab = Vocab::new();
        let mut reopened = Vec::new();
        for &story in stories {
            for (row, article) in tables.story_members(story)? {
                reopened.push(Reopened {
                    story,
                    row,
                    counted: read_article(&article, &mut vocab),
                });
            }
        }
        let terms: Vec<&str> = reopened
            .iter()
            .flat_map(|r| r.counted.counts.keys())
            .map(String::as_str)
            .collect();
        self.load_documents(tables, &terms)?;
        Ok(reopened)
    }

    /// Moves the articles of story `other` into `story` and deletes it.
    fn merge_away(
        &mut self,
        tables: &mut dyn Tables,
        other: i64,
        story: i64,
    ) -> Result<(), StoreError> {
        tables.merge(story, other)?;
        self.merged.insert(other, story);
        self.centroids.remove(&other);
        self.shapes.remove(&other);
        self.changed.remove(&other);
        self.touched.retain(|&s| s != other);
        Ok(())
    }

    /// The story `story` is in now: itself, or the one it merged into.
    pub fn current(&self, mut story: i64) -> i64 {
        while let Some(&into) = self.merged.get(&story) {
            story = into;
        }
        story
    }

    /// Writes document frequencies and changed stories. Names fewer than a
    /// tenth of a story's articles mention are left out: they can neither
    /// be its particulars nor count as mentioned when another story's are
    /// compared (see [`chorus::cluster::agglomerate`]).
    pub fn finish(self, tables: &mut dyn Tables) -> Result<(), StoreError> {
        let mut counted: Vec<(&str, i64)> = self
            .counted
            .iter()
            .map(|term| (term.as_str(), self.documents[term]))
            .collect();
        counted.sort_unstable();
        tables.write_documents(&counted)?;
        let mut changed: Vec<i64> = self.changed.iter().copied().collect();
        changed.sort_unstable();
        for story in changed {
            if let (Some(vector), Some(shape)) =
                (self.centroids.get(&story), self.shapes.get(&story))
            {
                write_story(tables, story, vector, shape)?;
            }
        }
        Ok(())
    }

    /// Whether a story read this batch was begun recently (see
    /// [`RECENT_ARTICLES`]).
    fn recent(&self, story: &i64) -> bool {
        self.shapes[story].first_row > self.recent_after
    }

    fn touch(&mut self, story: i64) {
        if !self.touched.contains(&story) {
            self.touched.push(story);
        }
    }

    /// tf-idf weights, heaviest first, unit length.
    fn weigh(&self, counts: &Counts) -> Vector {
        let vector = counts
            .iter()
            .map(|(term, count)| {
                let documents = self.documents.get(term).copied().unwrap_or(1);
                let weight = tf_idf(*count, documents as f32, self.stored as f32);
                (term.clone(), weight)
            })
            .collect();
        normalize(vector)
    }

    /// The stored stories taken in for a batch: for each article, those
    /// sharing the most weight with its vector among the most recent ones
    /// carrying each of its heaviest terms; each once, in order.
    fn candidates(
        &mut self,
        tables: &mut dyn Tables,
        vectors: &[Vector],
    ) -> Result<Vec<i64>, StoreError> {
        let mut probes: Vec<&str> = vectors
            .iter()
            .flat_map(|v| v.iter().take(PROBE_TERMS))
            .map(|(t, _)| t.as_str())
            .collect();
        probes.sort_unstable();
        probes.dedup();
        let postings = tables.postings(&probes, STORIES_PER_TERM)?;
        let mut formed: Vec<i64> = Vec::new();
        for vector in vectors {
            let mut shared: FxHashMap<i64, f32> = FxHashMap::default();
            for (term, weight) in vector.iter().take(PROBE_TERMS) {
                for &(story, theirs) in postings.get(term).into_iter().flatten() {
                    *shared.entry(story).or_default() += weight * theirs;
                }
            }
            let mut ranked: Vec<(i64, f32)> = shared.into_iter().collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.truncate(CANDIDATES);
            formed.extend(ranked.into_iter().map(|(story, _)| story));
        }
        formed.sort_unstable();
        formed.dedup();
        // A story with a centroid but no row would have nothing to join.
        let shapes = tables.shapes(&formed)?;
        formed.retain(|s| shapes.contains_key(s));
        for (story, stored) in shapes {
            self.shapes
                .entry(story)
                .or_insert_with(|| Shape::from_stored(stored));
        }
        Ok(formed)
    }

    /// The stored story whose centroid holds the most of `names`, at
    /// least [`chorus::cluster::SHARED_NAMES`] (the older on a tie); none
    /// merged away this batch.
    fn story_by_names(
        &mut self,
        tables: &mut dyn Tables,
        names: &[String],
    ) -> Result<Option<i64>, StoreError> {
        let mut terms: Vec<&str> = names.iter().map(String::as_str).collect();
        terms.sort_unstable();
        terms.dedup();
        let postings = tables.postings(&terms, STORIES_PER_TERM)?;
        let mut held: FxHashMap<i64, usize> = FxHashMap::default();
        for term in terms {
            for &(story, _) in postings.get(term).into_iter().flatten() {
                *held.entry(story).or_default() += 1;
            }
        }
        let merged = &self.merged;
        Ok(held
            .into_iter()
            .filter(|&(story, n)| {
                n >= chorus::cluster::SHARED_NAMES && !merged.contains_key(&story)
            })
            .max_by_key(|&(story, n)| (n, std::cmp::Reverse(story)))
            .map(|(story, _)| story))
    }

    /// Reads the stored centroids and shapes of the stories not read yet.
    fn load_stories(&mut self, tables: &mut dyn Tables, stories: &[i64]) -> Result<(), StoreError> {
        let missing: Vec<i64> = stories
            .iter()
            .copied()
            .filter(|s| !self.centroids.contains_key(s))
            .collect();
        if !missing.is_empty() {
            let mut found = tables.centroids(&missing)?;
            for story in missing {
                let mut vector = found.remove(&story).unwrap_or_default();
                vector.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                self.centroids.insert(story, vector);
            }
        }
        let missing: Vec<i64> = stories
            .iter()
            .copied()
            .filter(|s| !self.shapes.contains_key(s))
            .collect();
        if !missing.is_empty() {
            let mut found = tables.shapes(&missing)?;
            for story in missing {
                let shape = found
                    .remove(&story)
                    .map(Shape::from_stored)
                    .unwrap_or_default();
                self.shapes.insert(story, shape);
            }
        }
        Ok(())
    }
}

/// Recounts document frequencies and rebuilds every story's centroid,
/// length, cohesion and names from its stored articles, weighed as
/// [`Placer`] weighs a new one; memberships stay as they are. The database
/// runs two passes over the articles: every article to
/// [`Reweigh::count`], then every article to [`Reweigh::add`] in the order
/// of their stories, so that only one story's sum is kept in memory.
#[derive(Default)]
pub struct Reweigh {
    vocab: Vocab,
    placer: Placer,
    /// The story being summed.
    story: Option<StorySum>,
}

/// One story's articles summed so far.
struct StorySum {
    id: i64,
    sum: FxHashMap<String, f32>,
    shape: Shape,
}

impl Reweigh {
    /// Counts an article's words (the first pass).
    pub fn count(&mut self, article: &Article) {
        self.placer.stored += 1;
        for term in read_article(article, &mut self.vocab).counts.into_keys() {
            *self.placer.documents.entry(term).or_default() += 1;
        }
    }

    /// Adds an article of `story` (the second pass, story by story),
    /// writing the story before when this one is another.
    pub fn add(
        &mut self,
        tables: &mut dyn Tables,
        article: &Article,
        story: i64,
    ) -> Result<(), StoreError> {
        if self.story.as_ref().is_some_and(|s| s.id != story) {
            self.write_story(tables)?;
        }
        let current = self.story.get_or_insert_with(|| StorySum {
            id: story,
            sum: FxHashMap::default(),
            shape: Shape::default(),
        });
        let counted = read_article(article, &mut self.vocab);
        for (term, weight) in self.placer.weigh(&counted.counts) {
            *current.sum.entry(term).or_default() += weight;
        }
        current.shape.articles += 1;
        for name in counted.particulars {
            *current.shape.particulars.entry(name).or_default() += 1;
        }
        Ok(())
    }

    fn write_story(&mut self, tables: &mut dyn Tables) -> Result<(), StoreError> {
        let Some(StorySum { id, sum, mut shape }) = self.story.take() else {
            return Ok(());
        };
        let summed: Vector = sum.into_iter().collect();
        // The sum of unit vectors: its squared length is the number of
        // articles plus twice the similarities of their pairs.
        let squared: f32 = summed.iter().map(|(_, w)| w * w).sum();
        shape.pair_sum = ((squared - shape.articles as f32) / 2.0).max(0.0);
        let (vector, length) = centroid(summed);
        shape.length = length;
        write_story(tables, id, &vector, &shape)
    }

    /// Writes the last story and the frequencies.
    pub fn finish(mut self, tables: &mut dyn Tables) -> Result<(), StoreError> {
        self.write_story(tables)?;
        let mut terms: Vec<(&str, i64)> = self
            .placer
            .documents
            .iter()
            .map(|(t, &n)| (t.as_str(), n))
            .collect();
        terms.sort_unstable();
        tables.write_documents(&terms)
    }
}

/// An article as batch clustering reads it ([`chorus::cluster::article_terms`]:
/// cleaned text, headline twice); stems are kept as text because term ids
/// live only as long as one [`Vocab`].
pub fn read_article(article: &Article, vocab: &mut Vocab) -> Counted {
    let read = chorus::cluster::article_terms(article, vocab);
    let stem = |id: TermId| vocab.stem(id).to_string();
    let day = article
        .date
        .as_deref()
        .and_then(chorus::ingest::publication_date)
        .map(|d| i64::from(chrono::Datelike::num_days_from_ce(&d)));
    Counted {
        counts: read
            .terms
            .into_iter()
            .map(|(id, count)| (stem(id), count))
            .collect(),
        particulars: read.particulars.into_iter().map(stem).collect(),
        foreign_names: read
            .foreign_names
            .map(|names| names.into_iter().map(stem).collect()),
        day,
        headline: chorus::cluster::headline(article),
    }
}

/// A story's centroid — the heaviest terms of its articles' summed
/// vectors, made unit length — and the length of the sum of those terms:
/// the centroid times that length stands for the sum when an article is
/// compared with the story's articles (terms left out counted as 0, as
/// they are when two articles are compared).
fn centroid(mut sum: Vector) -> (Vector, f32) {
    sum.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sum.truncate(VECTOR_TERMS);
    let length = sum.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    (normalize(sum), length)
}

/// The heaviest [`VECTOR_TERMS`] terms, scaled to unit length.
fn normalize(mut vector: Vector) -> Vector {
    vector.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    vector.truncate(VECTOR_TERMS);
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut vector {
            *w /= norm;
        }
    }
    vector
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let lookup: FxHashMap<&str, f32> = b.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    a.iter()
        .filter_map(|(t, w)| lookup.get(t.as_str()).map(|v| w * v))
        .sum()
}

/// Writes a story's centroid, length, cohesion and names; names fewer than
/// [`chorus::cluster::agglomerate::ABSENT_SHARE`] of its articles mention
/// are left out.
fn write_story(
    tables: &mut dyn Tables,
    story: i64,
    vector: &Vector,
    shape: &Shape,
) -> Result<(), StoreError> {
    tables.write_centroid(story, vector)?;
    let least = chorus::cluster::agglomerate::ABSENT_SHARE * shape.articles as f32;
    let mut names: Vec<(&str, u32)> = shape
        .particulars
        .iter()
        .filter(|&(_, &n)| n as f32 >= least)
        .map(|(t, &n)| (t.as_str(), n))
        .collect();
    names.sort_unstable();
    tables.write_shape(story, shape.length, shape.pair_sum, &names)
}
