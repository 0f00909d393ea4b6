//! Incremental clustering: where a new article goes among stored stories.
//!
//! Each story keeps a centroid (its articles' tf-idf vectors summed and
//! normalised, heaviest terms only) in `story_terms`, indexed by term. A
//! new article's candidates are the stories sharing one of its heaviest
//! terms (an index lookup, so the cost does not grow with the number of
//! stories kept); it joins the most similar if similar enough, else starts
//! a story. When it is similar enough to two stories that are themselves
//! alike, it bridges them and they merge. The same input order gives the
//! same stories.

use rusqlite::{Transaction, params};
use rustc_hash::FxHashMap;

use super::StoreError;
use crate::model::Article;
use crate::terms::Vocab;

/// Cosine similarity between an article and a story's centroid needed to
/// join the story.
pub const JOIN_SIMILARITY: f32 = 0.2;
/// Centroid similarity at which two stories an article bridges merge.
const MERGE_SIMILARITY: f32 = 0.2;
/// Terms kept per vector.
const VECTOR_TERMS: usize = 150;
/// Terms of an article used to find candidate stories.
const PROBE_TERMS: usize = 30;
/// Body words read per article.
const BODY_WORDS: usize = 2000;

/// Where an article went.
pub struct Placed {
    /// The story it joined or started.
    pub story: i64,
    /// It started a story.
    pub new_story: bool,
    /// Stories whose membership changed.
    pub touched: Vec<i64>,
}

type Vector = Vec<(String, f32)>;

/// Finds (or makes) the story for `article`, updating centroids and term
/// counts; the article row itself is written by the caller.
pub fn place(tx: &Transaction, article: &Article, vocab: &mut Vocab) -> Result<Placed, StoreError> {
    let counts = term_counts(article, vocab);
    let stored: i64 = tx.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    let vector = weigh(tx, &counts, stored)?;
    for term in counts.keys() {
        tx.execute(
            "INSERT INTO terms (term, documents) VALUES (?1, 1)
             ON CONFLICT(term) DO UPDATE SET documents = documents + 1",
            [term],
        )?;
    }
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut find = tx.prepare_cached("SELECT story FROM story_terms WHERE term = ?1")?;
        for (term, _) in vector.iter().take(PROBE_TERMS) {
            for story in find.query_map([term], |r| r.get::<_, i64>(0))? {
                let story = story?;
                if !candidates.contains(&story) {
                    candidates.push(story);
                }
            }
        }
    }
    candidates.sort_unstable();
    let mut scored: Vec<(i64, f32, Vector)> = Vec::new();
    for story in candidates {
        let centroid = centroid(tx, story)?;
        let similarity = cosine(&vector, &centroid);
        if similarity >= JOIN_SIMILARITY {
            scored.push((story, similarity, centroid));
        }
    }
    // Most similar first; the older story wins a tie.
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some((best, _, best_centroid)) = scored.first().cloned() else {
        let headline = article.title.clone().unwrap_or_default();
        tx.execute(
            "INSERT INTO stories (headline, articles) VALUES (?1, 0)",
            [headline],
        )?;
        let story = tx.last_insert_rowid();
        write_centroid(tx, story, &vector)?;
        return Ok(Placed {
            story,
            new_story: true,
            touched: vec![story],
        });
    };
    let members = |story: i64| -> Result<f32, StoreError> {
        let n: i64 = tx.query_row(
            "SELECT count(*) FROM articles WHERE story = ?1",
            [story],
            |r| r.get(0),
        )?;
        Ok(n.max(1) as f32)
    };
    let mut centroid = combine(&best_centroid, members(best)?, &vector, 1.0);
    let mut touched = vec![best];
    for (other, _, other_centroid) in scored.iter().skip(1) {
        if cosine(&best_centroid, other_centroid) < MERGE_SIMILARITY {
            continue;
        }
        centroid = combine(
            &centroid,
            members(best)? + 1.0,
            other_centroid,
            members(*other)?,
        );
        tx.execute(
            "UPDATE articles SET story = ?1 WHERE story = ?2",
            params![best, other],
        )?;
        tx.execute("DELETE FROM story_terms WHERE story = ?1", [other])?;
        tx.execute("DELETE FROM stories WHERE id = ?1", [other])?;
    }
    write_centroid(tx, best, &centroid)?;
    touched.sort_unstable();
    Ok(Placed {
        story: best,
        new_story: false,
        touched,
    })
}

/// Content-word stems of the headline (counted twice) and body.
fn term_counts(article: &Article, vocab: &mut Vocab) -> FxHashMap<String, f32> {
    let mut counts: FxHashMap<String, f32> = FxHashMap::default();
    let body: String = article
        .text
        .split_whitespace()
        .take(BODY_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    let title = article.title.as_deref().unwrap_or_default();
    for (text, weight) in [(title, 2.0), (body.as_str(), 1.0)] {
        for id in vocab.terms(text) {
            if vocab.is_stopword(id) || vocab.is_numeric(id) || vocab.stem(id).len() < 3 {
                continue;
            }
            *counts.entry(vocab.stem(id).to_string()).or_default() += weight;
        }
    }
    counts
}

/// tf-idf weights (idf from the stored articles), heaviest first, unit length.
fn weigh(
    tx: &Transaction,
    counts: &FxHashMap<String, f32>,
    stored: i64,
) -> Result<Vector, StoreError> {
    let mut df = tx.prepare_cached("SELECT documents FROM terms WHERE term = ?1")?;
    let mut vector: Vector = Vec::with_capacity(counts.len());
    for (term, count) in counts {
        let documents: i64 = df.query_row([term], |r| r.get(0)).or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(0),
            e => Err(e),
        })?;
        let idf = ((stored as f32 + 1.0) / (documents as f32 + 1.0)).ln() + 1.0;
        vector.push((term.clone(), count * idf));
    }
    Ok(normalize(vector))
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

fn centroid(tx: &Transaction, story: i64) -> Result<Vector, StoreError> {
    let mut statement =
        tx.prepare_cached("SELECT term, weight FROM story_terms WHERE story = ?1")?;
    let rows = statement.query_map([story], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)? as f32))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
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
