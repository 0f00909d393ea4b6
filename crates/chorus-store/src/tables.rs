//! What placing a batch reads and writes, inside the batch's transaction:
//! the same operations in each database's SQL, so that one placing
//! algorithm ([`crate::ingest`], [`crate::incremental`]) serves both.
//!
//! Lookups take many keys at once: a PostgreSQL server is a round trip
//! away, and a batch of a thousand articles asks for tens of thousands of
//! terms.

use rustc_hash::{FxHashMap, FxHashSet};

use chorus::model::Article;

use crate::StoreError;

/// A story's centroid or an article's vector: terms and weights, heaviest
/// first.
pub(crate) type Vector = Vec<(String, f32)>;

/// An article row to write.
pub(crate) struct NewArticle<'a> {
    pub article: &'a Article,
    pub hash: &'a str,
    /// Its publication date, when it reads as one.
    pub date: Option<String>,
    pub story: i64,
}

/// What average link needs of a stored story besides its centroid, as
/// stored (`stories.length`, `stories.pair_sum`, `story_particulars`).
pub(crate) struct StoredShape {
    /// Articles in it.
    pub articles: i64,
    /// Length of its articles' summed vectors over its centroid's terms;
    /// `None` for a story written before lengths were kept.
    pub length: Option<f32>,
    /// Summed similarity of its pairs of articles; `None` as for length.
    pub pair_sum: Option<f32>,
    /// Its names and how many of its articles mention each.
    pub particulars: Vec<(String, u32)>,
    /// The row of its oldest article (0 when it has none).
    pub first_row: i64,
}

/// The tables, as one batch's transaction sees them.
pub(crate) trait Tables {
    /// Articles stored.
    fn article_total(&mut self) -> Result<i64, StoreError>;
    /// The row of the newest article stored (0 when there is none).
    fn newest_row(&mut self) -> Result<i64, StoreError>;
    /// Which of `hashes` are stored.
    fn known_hashes(&mut self, hashes: &[&str]) -> Result<FxHashSet<String>, StoreError>;
    /// The outlet of each stored text among `hashes` (`None`: stored
    /// without one); hashes not stored are left out.
    fn outlets_of(
        &mut self,
        hashes: &[&str],
    ) -> Result<FxHashMap<String, Option<String>>, StoreError>;
    /// Which of `ids` are stored (under any text).
    fn known_ids(&mut self, ids: &[&str]) -> Result<FxHashSet<String>, StoreError>;
    /// Stored articles using each of `terms` (terms no article uses are
    /// left out).
    fn documents(&mut self, terms: &[&str]) -> Result<FxHashMap<String, i64>, StoreError>;
    /// For each of `terms`, the `per_term` most recent stories whose
    /// centroid carries it, newest first, with its weight there.
    fn postings(
        &mut self,
        terms: &[&str],
        per_term: usize,
    ) -> Result<FxHashMap<String, Vec<(i64, f32)>>, StoreError>;
    /// The stored centroids of `stories` (a story without one is left out).
    fn centroids(&mut self, stories: &[i64]) -> Result<FxHashMap<i64, Vector>, StoreError>;
    /// The stored size, cohesion and names of `stories` (a story that is
    /// not stored is left out).
    fn shapes(&mut self, stories: &[i64]) -> Result<FxHashMap<i64, StoredShape>, StoreError>;
    /// Starts a story; its number.
    fn new_story(&mut self, headline: &str) -> Result<i64, StoreError>;
    /// Moves `from`'s articles into `into` and deletes `from` (its
    /// centroid and names with it).
    fn merge(&mut self, into: i64, from: i64) -> Result<(), StoreError>;
    /// Writes article rows, in order (row numbers follow it), each also
    /// into the search index. A text already stored is skipped.
    fn insert_articles(&mut self, rows: &[NewArticle]) -> Result<(), StoreError>;
    /// Sets the article count of each of `terms`.
    fn write_documents(&mut self, terms: &[(&str, i64)]) -> Result<(), StoreError>;
    /// Replaces a story's centroid.
    fn write_centroid(&mut self, story: i64, vector: &[(String, f32)]) -> Result<(), StoreError>;
    /// Replaces a story's length, cohesion and names (see [`StoredShape`]).
    fn write_shape(
        &mut self,
        story: i64,
        length: f32,
        pair_sum: f32,
        particulars: &[(&str, u32)],
    ) -> Result<(), StoreError>;
    /// Updates each story's headline, article count and dates after its
    /// membership changed, and marks its report stale.
    fn refresh_stories(&mut self, stories: &[i64]) -> Result<(), StoreError>;
    /// The story of each stored text among `hashes`.
    fn stories_of(&mut self, hashes: &[&str]) -> Result<FxHashMap<String, i64>, StoreError>;
    /// Stories stored.
    fn story_total(&mut self) -> Result<i64, StoreError>;
    /// The headline and text of each article of `story` (nothing else).
    fn story_texts(&mut self, story: i64) -> Result<Vec<Article>, StoreError>;
    /// The row number, headline, text and date of each article of `story`,
    /// in the order they were stored: what placing needs to read them again.
    fn story_members(&mut self, story: i64) -> Result<Vec<(i64, Article)>, StoreError>;
    /// Moves the article in row `row` into `story`.
    fn move_article(&mut self, row: i64, story: i64) -> Result<(), StoreError>;
    /// Deletes `story`, its articles (and their search entries), its
    /// centroid and every term no article uses any more; how many articles
    /// went, or `None` when there is no such story.
    fn remove_story(&mut self, story: i64) -> Result<Option<usize>, StoreError>;
}
