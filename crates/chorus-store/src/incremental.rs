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
//! the batch, inside the batch's transaction.

use rusqlite::{Transaction, params};
use rustc_hash::{FxHashMap, FxHashSet};

use super::StoreError;
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

type Vector = Vec<(String, f32)>;

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
    /// Stories merged into others this batch.
    merged: FxHashSet<i64>,
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
    pub fn new(tx: &Transaction) -> Result<Placer, StoreError> {
        let stored = tx.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(Placer {
            stored,
            ..Placer::default()
        })
    }

    /// Counts an article that is about to be placed: its words join the
    /// document frequencies before any article of the batch is weighed, as
    /// in a batch clustering (weighing each against the articles before it
    /// only would let the first few, weighed with almost no frequencies,
    /// gather unrelated articles).
    pub fn count(
        &mut self,
        tx: &Transaction,
        article: &Article,
        vocab: &mut Vocab,
    ) -> Result<Counted, StoreError> {
        let counted = read_article(article, vocab);
        self.stored += 1;
        for term in counted.counts.keys() {
            let documents = self.documents(tx, term)?;
            self.documents.insert(term.clone(), documents + 1);
            self.counted.insert(term.clone());
        }
        Ok(counted)
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
        tx: &Transaction,
        article: &Article,
        counted: &Counted,
    ) -> Result<Placed, StoreError> {
        let vector = self.weigh(&counted.counts);
        let mut scored: Vec<(i64, f32)> = Vec::new();
        for story in self.candidates(tx, &vector)? {
            let similarity = cosine(&vector, self.centroid(tx, story)?);
            if similarity >= JOIN_SIMILARITY {
                scored.push((story, similarity));
            }
        }
        if scored.is_empty()
            && let Some(names) = &counted.foreign_names
            && let Some(story) = self.story_by_names(tx, names)?
        {
            scored.push((story, 0.0));
        }
        // Most similar first; the older story wins a tie.
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let Some(&(best, _)) = scored.first() else {
            let headline = chorus::cluster::headline(article);
            tx.execute(
                "INSERT INTO stories (headline, articles) VALUES (?1, 0)",
                [headline],
            )?;
            let story = tx.last_insert_rowid();
            self.sizes.insert(story, 1.0);
            self.set_centroid(story, vector);
            self.touch(story);
            return Ok(Placed {
                story,
                new_story: true,
            });
        };
        let best_centroid = self.centroid(tx, best)?.clone();
        let size = self.size(tx, best)?;
        let mut centroid = combine(&best_centroid, size, &vector, 1.0);
        let mut members = size + 1.0;
        for &(other, _) in scored.iter().skip(1) {
            if cosine(&best_centroid, self.centroid(tx, other)?) < MERGE_SIMILARITY {
                continue;
            }
            let other_size = self.size(tx, other)?;
            centroid = combine(&centroid, members, &self.centroids[&other], other_size);
            members += other_size;
            tx.execute(
                "UPDATE articles SET story = ?1 WHERE story = ?2",
                params![best, other],
            )?;
            tx.execute("DELETE FROM story_terms WHERE story = ?1", [other])?;
            tx.execute("DELETE FROM stories WHERE id = ?1", [other])?;
            self.merged.insert(other);
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

    /// Writes document frequencies and changed centroids.
    pub fn finish(self, tx: &Transaction) -> Result<(), StoreError> {
        let mut upsert = tx.prepare_cached(
            "INSERT INTO terms (term, documents) VALUES (?1, ?2)
             ON CONFLICT(term) DO UPDATE SET documents = excluded.documents",
        )?;
        let mut counted: Vec<&String> = self.counted.iter().collect();
        counted.sort_unstable();
        for term in counted {
            upsert.execute(params![term, self.documents[term]])?;
        }
        let mut changed: Vec<i64> = self.changed.iter().copied().collect();
        changed.sort_unstable();
        for story in changed {
            if let Some(vector) = self.centroids.get(&story) {
                write_centroid(tx, story, vector)?;
            }
        }
        Ok(())
    }

    fn touch(&mut self, story: i64) {
        if !self.touched.contains(&story) {
            self.touched.push(story);
        }
    }

    fn documents(&mut self, tx: &Transaction, term: &str) -> Result<i64, StoreError> {
        if let Some(&documents) = self.documents.get(term) {
            return Ok(documents);
        }
        let mut statement = tx.prepare_cached("SELECT documents FROM terms WHERE term = ?1")?;
        let documents = statement
            .query_row([term], |r| r.get(0))
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(0),
                e => Err(e),
            })?;
        self.documents.insert(term.to_string(), documents);
        Ok(documents)
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

    /// The stories sharing the most weight with `vector` among the most
    /// recent ones carrying each of its heaviest terms.
    fn candidates(&mut self, tx: &Transaction, vector: &Vector) -> Result<Vec<i64>, StoreError> {
        let mut shared: FxHashMap<i64, f32> = FxHashMap::default();
        for (term, weight) in vector.iter().take(PROBE_TERMS) {
            self.stories_with(tx, term, |story, theirs| {
                *shared.entry(story).or_default() += weight * theirs;
            })?;
        }
        let mut ranked: Vec<(i64, f32)> = shared.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES);
        let mut stories: Vec<i64> = ranked.into_iter().map(|(story, _)| story).collect();
        stories.sort_unstable();
        Ok(stories)
    }

    /// Calls `visit` with the most recent stories (up to
    /// [`STORIES_PER_TERM`] stored ones and as many changed this batch)
    /// whose centroid carries `term`, and its weight there; each story once.
    fn stories_with(
        &self,
        tx: &Transaction,
        term: &str,
        mut visit: impl FnMut(i64, f32),
    ) -> Result<(), StoreError> {
        let mut find = tx.prepare_cached(
            "SELECT story, weight FROM story_terms WHERE term = ?1 ORDER BY story DESC LIMIT ?2",
        )?;
        let rows = find.query_map(params![term, STORIES_PER_TERM as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)? as f32))
        })?;
        for row in rows {
            let (story, weight) = row?;
            // A story changed this batch is represented by its fresh postings.
            if !self.changed.contains(&story) && !self.merged.contains(&story) {
                visit(story, weight);
            }
        }
        let mut seen: FxHashSet<i64> = FxHashSet::default();
        let fresh = self.fresh_postings.get(term).into_iter().flatten().rev();
        for &(story, weight) in fresh {
            if seen.len() == STORIES_PER_TERM {
                break;
            }
            if seen.insert(story) && !self.merged.contains(&story) {
                visit(story, weight);
            }
        }
        Ok(())
    }

    /// The story whose centroid holds the most of `names`, at least
    /// [`chorus::cluster::SHARED_NAMES`] (the older on a tie).
    fn story_by_names(
        &mut self,
        tx: &Transaction,
        names: &[String],
    ) -> Result<Option<i64>, StoreError> {
        let mut held: FxHashMap<i64, usize> = FxHashMap::default();
        for name in names {
            self.stories_with(tx, name, |story, _| *held.entry(story).or_default() += 1)?;
        }
        Ok(held
            .into_iter()
            .filter(|&(_, n)| n >= chorus::cluster::SHARED_NAMES)
            .max_by_key(|&(story, n)| (n, std::cmp::Reverse(story)))
            .map(|(story, _)| story))
    }

    fn centroid(&mut self, tx: &Transaction, story: i64) -> Result<&Vector, StoreError> {
        match self.centroids.entry(story) {
            std::collections::hash_map::Entry::Occupied(known) => Ok(known.into_mut()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                let mut statement =
                    tx.prepare_cached("SELECT term, weight FROM story_terms WHERE story = ?1")?;
                let rows = statement.query_map([story], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)? as f32))
                })?;
                let mut vector: Vector = rows.collect::<Result<_, _>>()?;
                vector.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                Ok(slot.insert(vector))
            }
        }
    }

    fn set_centroid(&mut self, story: i64, vector: Vector) {
        for (term, weight) in &vector {
            let postings = self.fresh_postings.entry(term.clone()).or_default();
            postings.push((story, *weight));
        }
        self.changed.insert(story);
        self.centroids.insert(story, vector);
    }

    fn size(&mut self, tx: &Transaction, story: i64) -> Result<f32, StoreError> {
        if let Some(&size) = self.sizes.get(&story) {
            return Ok(size);
        }
        let n: i64 = tx.query_row(
            "SELECT count(*) FROM articles WHERE story = ?1",
            [story],
            |r| r.get(0),
        )?;
        let size = n.max(1) as f32;
        self.sizes.insert(story, size);
        Ok(size)
    }
}

/// Recounts document frequencies and rebuilds every story's centroid from
/// its stored articles, weighed as [`Placer`] weighs a new one; memberships
/// stay as they are. Two passes over the articles (frequencies, then
/// vectors story by story) keep only one story's sum in memory; `progress`
/// hears the articles read, both passes counted.
pub fn reweigh(tx: &Transaction, progress: &mut dyn FnMut(u64)) -> Result<(), StoreError> {
    let mut read = 0u64;
    let mut vocab = Vocab::new();
    let mut documents: FxHashMap<String, i64> = FxHashMap::default();
    let mut stored = 0i64;
    for_each_article(
        tx,
        "SELECT title, text, story FROM articles",
        |article, _| {
            stored += 1;
            read += 1;
            progress(read);
            for term in read_article(&article, &mut vocab).counts.into_keys() {
                *documents.entry(term).or_default() += 1;
            }
            Ok(())
        },
    )?;
    let placer = Placer {
        stored,
        documents,
        ..Placer::default()
    };
    let mut story: Option<(i64, FxHashMap<String, f32>)> = None;
    let finish = |story: Option<(i64, FxHashMap<String, f32>)>| match story {
        Some((id, sum)) => write_centroid(tx, id, &normalize(sum.into_iter().collect())),
        None => Ok(()),
    };
    for_each_article(
        tx,
        "SELECT title, text, story FROM articles ORDER BY story, id",
        |article, id| {
            read += 1;
            progress(read);
            if story.as_ref().is_some_and(|(current, _)| *current != id) {
                finish(story.take())?;
            }
            let (_, sum) = story.get_or_insert_with(|| (id, FxHashMap::default()));
            for (term, weight) in placer.weigh(&read_article(&article, &mut vocab).counts) {
                *sum.entry(term).or_default() += weight;
            }
            Ok(())
        },
    )?;
    finish(story)?;
    let mut upsert = tx.prepare_cached("INSERT INTO terms (term, documents) VALUES (?1, ?2)")?;
    let mut terms: Vec<(&String, &i64)> = placer.documents.iter().collect();
    terms.sort_unstable();
    for (term, documents) in terms {
        upsert.execute(params![term, documents])?;
    }
    Ok(())
}

/// Takes the articles of `story` out of the term frequencies, before the
/// story is deleted: the idf of the words they used is as if they had
/// never been stored. Centroids of other stories are left as they are.
pub fn forget(tx: &Transaction, story: i64) -> Result<(), StoreError> {
    let mut vocab = Vocab::new();
    let mut gone: FxHashMap<String, i64> = FxHashMap::default();
    let mut statement = tx.prepare("SELECT title, text FROM articles WHERE story = ?1")?;
    let mut rows = statement.query([story])?;
    while let Some(row) = rows.next()? {
        let article = Article {
            title: row.get(0)?,
            text: row.get(1)?,
            ..Article::default()
        };
        for term in read_article(&article, &mut vocab).counts.into_keys() {
            *gone.entry(term).or_default() += 1;
        }
    }
    let mut lower =
        tx.prepare_cached("UPDATE terms SET documents = documents - ?2 WHERE term = ?1")?;
    let mut terms: Vec<(String, i64)> = gone.into_iter().collect();
    terms.sort_unstable();
    for (term, count) in terms {
        lower.execute(params![term, count])?;
    }
    tx.execute("DELETE FROM terms WHERE documents <= 0", [])?;
    Ok(())
}

/// Calls `each` with every article `query` (title, text, story) yields
/// and its story.
fn for_each_article(
    tx: &Transaction,
    query: &str,
    mut each: impl FnMut(Article, i64) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut statement = tx.prepare(query)?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let article = Article {
            title: row.get(0)?,
            text: row.get(1)?,
            ..Article::default()
        };
        each(article, row.get(2)?)?;
    }
    Ok(())
}

/// An article as batch clustering reads it ([`chorus::cluster::article_terms`]:
/// cleaned text, headline twice); stems are kept as text because term ids
/// live only as long as one [`Vocab`].
fn read_article(article: &Article, vocab: &mut Vocab) -> Counted {
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

fn write_centroid(tx: &Transaction, story: i64, vector: &Vector) -> Result<(), StoreError> {
    tx.execute("DELETE FROM story_terms WHERE story = ?1", [story])?;
    let mut insert =
        tx.prepare_cached("INSERT INTO story_terms (story, term, weight) VALUES (?1, ?2, ?3)")?;
    for (term, weight) in vector {
        insert.execute(params![story, term, f64::from(*weight)])?;
    }
    Ok(())
}
