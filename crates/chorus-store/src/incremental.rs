//! Incremental clustering: where a new article goes among stored stories.
//!
//! Each story keeps a centroid (its articles' tf-idf vectors summed and
//! normalised, heaviest terms only) in `story_terms`, indexed by term and
//! story. A new article's candidates are found through that index: for each
//! of its heaviest terms, the [`STORIES_PER_TERM`] most recent stories that
//! carry it, ranked by shared weight; the best [`CANDIDATES`] are compared
//! in full. So the cost of placing an article does not grow with the number
//! of stories kept. It joins the most similar story if similar enough, else
//! starts one. When it is similar enough to two stories that are themselves
//! alike, it bridges them and they merge. The same input order gives the
//! same stories.
//!
//! A [`Placer`] lives for one batch: it keeps document frequencies,
//! centroids and story sizes in memory and writes them once, at the end of
//! the batch, inside the batch's transaction. It reads and writes the
//! tables through [`Tables`], so the same placing runs on either database.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::StoreError;
use crate::tables::{Tables, Vector};
use chorus::cluster::tf_idf;
use chorus::model::Article;
use chorus::prepare::terms::Vocab;

/// Cosine similarity between an article and a story's centroid needed to
/// join the story.
pub const JOIN_SIMILARITY: f32 = 0.15;
/// Centroid similarity at which two stories an article bridges merge.
const MERGE_SIMILARITY: f32 = 0.4;
/// Terms kept per vector.
const VECTOR_TERMS: usize = 150;
/// Terms of an article used to find candidate stories.
const PROBE_TERMS: usize = 30;
/// Most recent stories looked up per probe term.
pub const STORIES_PER_TERM: usize = 100;
/// Stories compared in full with each article.
pub const CANDIDATES: usize = 10;

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
    /// Its names, when it is not in English
    /// ([`chorus::cluster::ArticleTerms::foreign_names`]).
    pub foreign_names: Option<Vec<String>>,
}

/// Places the articles of one batch, caching what it reads and writing
/// what it changed in [`Placer::finish`].
#[derive(Default)]
pub struct Placer {
    /// Articles stored, this batch's included.
    stored: i64,
    /// Document frequencies read or changed this batch.
    documents: FxHashMap<String, i64>,
    /// Terms whose frequency this batch changed.
    counted: FxHashSet<String>,
    /// Centroids read or changed this batch.
    centroids: FxHashMap<i64, Vector>,
    /// Stories whose centroid changed (written at the end).
    changed: FxHashSet<i64>,
    /// Stories merged into others this batch, and the story each went into.
    merged: FxHashMap<i64, i64>,
    /// Stored postings read this batch, per term (as [`Tables::postings`]
    /// gives them; a merge deletes postings, so it empties this).
    stored_postings: FxHashMap<String, Vec<(i64, f32)>>,
    /// Terms of changed centroids, not yet in `story_terms`, with the
    /// story and the term's weight, latest last (earlier entries of a story
    /// may be stale: only the latest counts).
    fresh_postings: FxHashMap<String, Vec<(i64, f32)>>,
    /// Members per story read or changed this batch.
    sizes: FxHashMap<i64, f32>,
    /// Stories whose membership changed, in the order first touched.
    pub touched: Vec<i64>,
}

impl Placer {
    /// A placer for a batch added to a store that holds `stored` articles.
    pub fn new(tables: &mut dyn Tables) -> Result<Placer, StoreError> {
        Ok(Placer {
            stored: tables.article_total()?,
            ..Placer::default()
        })
    }

    /// A placer that only weighs, with these frequencies over `stored`
    /// articles (for recomputing centroids).
    pub fn weighing(stored: i64, documents: FxHashMap<String, i64>) -> Placer {
        Placer {
            stored,
            documents,
            ..Placer::default()
        }
    }

    /// Counts the articles about to be placed: their words join the
    /// document frequencies before any article of the batch is weighed, as
    /// in a batch clustering (weighing each against the articles before it
    /// only would let the first few, weighed with almost no frequencies,
    /// gather unrelated articles).
    pub fn count<'a>(
        &mut self,
        tables: &mut dyn Tables,
        articles: impl IntoIterator<Item = &'a Counted>,
    ) -> Result<(), StoreError> {
        let articles: Vec<&Counted> = articles.into_iter().collect();
        let mut missing: Vec<&str> = articles
            .iter()
            .flat_map(|a| a.counts.keys())
            .map(String::as_str)
            .filter(|t| !self.documents.contains_key(*t))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let found = tables.documents(&missing)?;
        for term in missing {
            let documents = found.get(term).copied().unwrap_or(0);
            self.documents.insert(term.to_string(), documents);
        }
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

    /// Finds (or makes) the story for `article`, whose words [`Placer::count`]
    /// counted; the article row itself is written by the caller.
    ///
    /// An article in another language shares few words with any story:
    /// when no story is similar enough it joins the one whose centroid
    /// holds the most of its names, at least
    /// [`chorus::cluster::SHARED_NAMES`], as batch clustering does.
    pub fn place(
        &mut self,
        tables: &mut dyn Tables,
        article: &Article,
        counted: &Counted,
    ) -> Result<Placed, StoreError> {
        let vector = self.weigh(&counted.counts);
        let candidates = self.candidates(tables, &vector)?;
        self.load_centroids(tables, &candidates)?;
        let mut scored: Vec<(i64, f32)> = Vec::new();
        for story in candidates {
            let similarity = cosine(&vector, self.centroid(tables, story)?);
            if similarity >= JOIN_SIMILARITY {
                scored.push((story, similarity));
            }
        }
        if scored.is_empty()
            && let Some(names) = &counted.foreign_names
            && let Some(story) = self.story_by_names(tables, names)?
        {
            scored.push((story, 0.0));
        }
        // Most similar first; the older story wins a tie.
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let Some(&(best, _)) = scored.first() else {
            let story = tables.new_story(&chorus::cluster::headline(article))?;
            self.sizes.insert(story, 1.0);
            self.set_centroid(story, vector);
            self.touch(story);
            return Ok(Placed {
                story,
                new_story: true,
            });
        };
        let best_centroid = self.centroid(tables, best)?.clone();
        let size = self.size(tables, best)?;
        let mut centroid = combine(&best_centroid, size, &vector, 1.0);
        let mut members = size + 1.0;
        for &(other, _) in scored.iter().skip(1) {
            if cosine(&best_centroid, self.centroid(tables, other)?) < MERGE_SIMILARITY {
                continue;
            }
            let other_size = self.size(tables, other)?;
            centroid = combine(&centroid, members, &self.centroids[&other], other_size);
            members += other_size;
            tables.merge(best, other)?;
            self.merged.insert(other, best);
            self.stored_postings.clear();
            self.centroids.remove(&other);
            self.changed.remove(&other);
            self.sizes.remove(&other);
            self.touched.retain(|&s| s != other);
        }
        self.sizes.insert(best, members);
        self.set_centroid(best, centroid);
        self.touch(best);
        Ok(Placed {
            story: best,
            new_story: false,
        })
    }

    /// The story `story` is in now: itself, or the one it merged into.
    pub fn current(&self, mut story: i64) -> i64 {
        while let Some(&into) = self.merged.get(&story) {
            story = into;
        }
        story
    }

    /// Writes document frequencies and changed centroids.
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
            if let Some(vector) = self.centroids.get(&story) {
                tables.write_centroid(story, vector)?;
            }
        }
        Ok(())
    }

    fn touch(&mut self, story: i64) {
        if !self.touched.contains(&story) {
            self.touched.push(story);
        }
    }

    /// tf-idf weights, heaviest first, unit length.
    pub fn weigh(&self, counts: &Counts) -> Vector {
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

    /// The stories sharing the most weight with `vector` among the most
    /// recent ones carrying each of its heaviest terms.
    fn candidates(
        &mut self,
        tables: &mut dyn Tables,
        vector: &Vector,
    ) -> Result<Vec<i64>, StoreError> {
        let probes: Vec<&str> = vector
            .iter()
            .take(PROBE_TERMS)
            .map(|(t, _)| t.as_str())
            .collect();
        self.load_postings(tables, &probes)?;
        let mut shared: FxHashMap<i64, f32> = FxHashMap::default();
        for (term, weight) in vector.iter().take(PROBE_TERMS) {
            self.stories_with(term, |story, theirs| {
                *shared.entry(story).or_default() += weight * theirs;
            });
        }
        let mut ranked: Vec<(i64, f32)> = shared.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES);
        let mut stories: Vec<i64> = ranked.into_iter().map(|(story, _)| story).collect();
        stories.sort_unstable();
        Ok(stories)
    }

    /// Reads the stored postings of the terms not read yet.
    fn load_postings(&mut self, tables: &mut dyn Tables, terms: &[&str]) -> Result<(), StoreError> {
        let mut missing: Vec<&str> = terms
            .iter()
            .copied()
            .filter(|t| !self.stored_postings.contains_key(*t))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return Ok(());
        }
        let mut found = tables.postings(&missing, STORIES_PER_TERM)?;
        for term in missing {
            let postings = found.remove(term).unwrap_or_default();
            self.stored_postings.insert(term.to_string(), postings);
        }
        Ok(())
    }

    /// Calls `visit` with the most recent stories (up to
    /// [`STORIES_PER_TERM`] stored ones and as many changed this batch)
    /// whose centroid carries `term`, and its weight there; each story once.
    /// The term's stored postings must have been loaded.
    fn stories_with(&self, term: &str, mut visit: impl FnMut(i64, f32)) {
        for &(story, weight) in self.stored_postings.get(term).into_iter().flatten() {
            // A story changed this batch is represented by its fresh postings.
            if !self.changed.contains(&story) && !self.merged.contains_key(&story) {
                visit(story, weight);
            }
        }
        let mut seen: FxHashSet<i64> = FxHashSet::default();
        let fresh = self.fresh_postings.get(term).into_iter().flatten().rev();
        for &(story, weight) in fresh {
            if seen.len() == STORIES_PER_TERM {
                break;
            }
            if seen.insert(story) && !self.merged.contains_key(&story) {
                visit(story, weight);
            }
        }
    }

    /// The story whose centroid holds the most of `names`, at least
    /// [`chorus::cluster::SHARED_NAMES`] (the older on a tie).
    fn story_by_names(
        &mut self,
        tables: &mut dyn Tables,
        names: &[String],
    ) -> Result<Option<i64>, StoreError> {
        let terms: Vec<&str> = names.iter().map(String::as_str).collect();
        self.load_postings(tables, &terms)?;
        let mut held: FxHashMap<i64, usize> = FxHashMap::default();
        for name in names {
            self.stories_with(name, |story, _| *held.entry(story).or_default() += 1);
        }
        Ok(held
            .into_iter()
            .filter(|&(_, n)| n >= chorus::cluster::SHARED_NAMES)
            .max_by_key(|&(story, n)| (n, std::cmp::Reverse(story)))
            .map(|(story, _)| story))
    }

    /// Reads the stored centroids of the stories not read yet.
    fn load_centroids(
        &mut self,
        tables: &mut dyn Tables,
        stories: &[i64],
    ) -> Result<(), StoreError> {
        let missing: Vec<i64> = stories
            .iter()
            .copied()
            .filter(|s| !self.centroids.contains_key(s))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let mut found = tables.centroids(&missing)?;
        for story in missing {
            let mut vector = found.remove(&story).unwrap_or_default();
            vector.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            self.centroids.insert(story, vector);
        }
        Ok(())
    }

    fn centroid(&mut self, tables: &mut dyn Tables, story: i64) -> Result<&Vector, StoreError> {
        self.load_centroids(tables, &[story])?;
        Ok(&self.centroids[&story])
    }

    fn set_centroid(&mut self, story: i64, vector: Vector) {
        for (term, weight) in &vector {
            let postings = self.fresh_postings.entry(term.clone()).or_default();
            postings.push((story, *weight));
        }
        self.changed.insert(story);
        self.centroids.insert(story, vector);
    }

    fn size(&mut self, tables: &mut dyn Tables, story: i64) -> Result<f32, StoreError> {
        if let Some(&size) = self.sizes.get(&story) {
            return Ok(size);
        }
        let size = tables.members(story)?.max(1) as f32;
        self.sizes.insert(story, size);
        Ok(size)
    }
}

/// An article as batch clustering reads it ([`chorus::cluster::article_terms`]:
/// cleaned text, headline twice); stems are kept as text because term ids
/// live only as long as one [`Vocab`].
pub fn read_article(article: &Article, vocab: &mut Vocab) -> Counted {
    let read = chorus::cluster::article_terms(article, vocab);
    let stem = |id: chorus::prepare::terms::TermId| vocab.stem(id).to_string();
    Counted {
        counts: read
            .terms
            .into_iter()
            .map(|(id, count)| (stem(id), count))
            .collect(),
        foreign_names: read
            .foreign_names
            .map(|names| names.into_iter().map(stem).collect()),
    }
}

/// The heaviest [`VECTOR_TERMS`] terms, scaled to unit length.
pub fn normalize(mut vector: Vector) -> Vector {
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

/// The normalised weighted sum of two vectors.
fn combine(a: &Vector, a_weight: f32, b: &Vector, b_weight: f32) -> Vector {
    let mut sum: FxHashMap<String, f32> = FxHashMap::default();
    for (t, w) in a {
        *sum.entry(t.clone()).or_default() += w * a_weight;
    }
    for (t, w) in b {
        *sum.entry(t.clone()).or_default() += w * b_weight;
    }
    normalize(sum.into_iter().collect())
}
