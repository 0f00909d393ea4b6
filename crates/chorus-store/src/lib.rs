//! Store: articles and stories kept as they arrive, in embedded SQLite or
//! in PostgreSQL.
//!
//! Callers use a store only through the [`Store`] trait, opened from a
//! `--db` value by [`open`]: a path is an SQLite file ([`SqliteStore`]),
//! a `postgres://` or `postgresql://` URL a PostgreSQL database
//! ([`PostgresStore`]). Both hold the same tables and behave the same; one
//! test suite runs against both.
//!
//! `ingest` adds a batch: every article is stored once (by a hash of its
//! text), joins the story its words fit best or starts one, and every story
//! it touched gets its counts and dates updated and its report marked stale
//! — all committed together or not at all, so a process killed mid-batch
//! leaves the store as it was and the batch can simply be run again.
//! Reading and counting an article's words (the costly part) happens before
//! the batch's transaction; placing articles into stories happens inside
//! it, one placer at a time (SQLite's write lock; a PostgreSQL advisory
//! lock), so that any number of processes may ingest into one store at once
//! without splitting one event into two stories or losing an update.
//!
//! A stale report is built (and kept) when it is first read or by
//! [`Store::build_stale`]: a stream touches the same big stories batch after
//! batch, and rebuilding each one's brief every time would cost more than
//! all the rest of ingesting. Articles' headlines and text are indexed for
//! full-text search as they are stored.

#![warn(missing_docs)]

mod brief;
mod copy;
mod delete;
mod feeds;
mod incremental;
mod ingest;
mod location;
mod outlets;
mod postgres;
mod since;
mod sqlite;
mod tables;

use chorus::model::Article;

pub use copy::CopySummary;
pub use feeds::FeedState;
pub use location::Location;
pub use postgres::PostgresStore;
pub use since::parse_since;
pub use sqlite::SqliteStore;

/// The schema this version writes; older stores are migrated to it.
pub const SCHEMA_VERSION: i32 = 7;

/// What opening a store tells while a migration reworks its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Migrating<'a> {
    /// A rework starts: what it does, and how many steps it takes.
    Started {
        /// A line for the user.
        notice: &'a str,
        /// Steps in all (an article read once per pass).
        steps: u64,
    },
    /// Steps done so far.
    Progress(u64),
}

/// A chorus store: what the command line and the server do with one.
///
/// Every method takes `&self`: an implementation keeps a pool of
/// connections, so that a server answers many requests at once and
/// several processes share one store. Object safe, so that callers hold a
/// `Box<dyn Store>` whichever database is behind it.
pub trait Store: Send + Sync {
    /// Adds a batch of articles in one transaction; see the crate notes.
    /// `progress` hears (articles read, total) as the batch goes.
    fn ingest(
        &self,
        articles: Vec<Article>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<IngestSummary, StoreError>;

    /// Stories, most articles and then most recent first, `limit` of them
    /// after skipping `offset`; with a `search`, only stories with an
    /// article whose headline or text holds all its words.
    fn list(
        &self,
        search: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StoredStory>, StoreError>;

    /// The JSON report of story `id`, if there is such a story: the stored
    /// one, or built now (and stored) when articles joined since;
    /// [`StoreError::BuildFailed`] when its brief could not be built (it is
    /// not tried again until the story gains an article).
    fn report(&self, id: i64) -> Result<Option<String>, StoreError>;

    /// The JSON brief of what arrived in story `id` since `since` (Unix
    /// seconds): the articles stored from then on, summarized given the
    /// ones stored before, each summary sentence citing the new articles
    /// that state it. Built on each call, not kept. `None` if there is no
    /// such story; a story with nothing new gets a brief of no articles.
    fn report_since(&self, id: i64, since: i64) -> Result<Option<String>, StoreError>;

    /// Builds the reports of up to `limit` stories whose report is stale,
    /// biggest first, skipping those whose build failed before; returns how
    /// many it built. Stories another process is building at the moment are
    /// left to it. A build that fails is kept as the story's failure and
    /// ends the turn with [`StoreError::BuildFailed`]; the briefs built
    /// before it are kept.
    fn build_stale(&self, limit: usize) -> Result<usize, StoreError>;

    /// Removes story `id`, its articles, their search entries and their
    /// share of the term frequencies (as if they had never been stored);
    /// returns how many articles went, or `None` when there is no such
    /// story.
    fn delete_story(&self, id: i64) -> Result<Option<usize>, StoreError>;

    /// The story an article (by its id) is in.
    fn story_of(&self, document: &str) -> Result<Option<i64>, StoreError>;

    /// Every stored article: its id, the hash of its text and its story.
    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError>;

    /// Number of articles stored.
    fn article_count(&self) -> Result<usize, StoreError>;

    /// Calls `each` with every row of the store, stories before the
    /// articles and centroids that refer to them: what [`Store::import`]
    /// reads.
    fn export(
        &self,
        each: &mut dyn FnMut(Record) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Copies every row of `source` into this store, which must be empty,
    /// in one transaction: stories keep their numbers, so links to them
    /// stay valid.
    fn import(&self, source: &dyn Store) -> Result<CopySummary, StoreError>;

    /// What is known about the watched feed at `url` (nothing yet: `None`).
    fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError>;

    /// Every watched feed known, by address.
    fn feed_states(&self) -> Result<Vec<FeedState>, StoreError>;

    /// Keeps `state` as what is known about its feed, replacing what was.
    fn save_feed_state(&self, state: &FeedState) -> Result<(), StoreError>;

    /// The `limit` stories changed last: the latest time an article joined
    /// them first, then the latest publication date (a whole archive
    /// ingested at once joins in one second). What a feed of the stories
    /// lists, without reading every story.
    fn recently_updated(&self, limit: usize) -> Result<Vec<UpdatedStory>, StoreError>;

    /// Up to `limit` articles of story `story`, the last to join it first
    /// (none for no such story): that story's updates.
    fn recently_added(&self, story: i64, limit: usize) -> Result<Vec<AddedArticle>, StoreError>;

    /// Every story, most articles first.
    fn stories(&self) -> Result<Vec<StoredStory>, StoreError> {
        self.list(None, usize::MAX, 0)
    }

    /// Ingests `articles` in batches of `batch` and returns the stories they
    /// are in, as indexes into `articles` (an article already stored under
    /// the same text is in its twin's story): how `chorus eval-cluster
    /// --store` scores incremental clustering.
    fn place_all(&self, articles: &[Article], batch: usize) -> Result<Vec<Vec<usize>>, StoreError> {
        for chunk in articles.chunks(batch.max(1)) {
            self.ingest(chunk.to_vec(), &mut |_, _| {})?;
        }
        let story_of: rustc_hash::FxHashMap<String, i64> = self
            .articles()?
            .into_iter()
            .map(|a| (a.hash, a.story))
            .collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut slot: rustc_hash::FxHashMap<i64, usize> = rustc_hash::FxHashMap::default();
        for (n, article) in articles.iter().enumerate() {
            // An article the store refused (no text, or no word once page
            // furniture is removed) stands alone.
            let group = match story_of.get(&content_hash(&article.text)) {
                Some(&story) => *slot.entry(story).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                }),
                None => {
                    groups.push(Vec::new());
                    groups.len() - 1
                }
            };
            groups[group].push(n);
        }
        Ok(groups)
    }
}

/// Opens (creating if needed) the store at `location`, migrating it to the
/// current schema; `observe` hears when a migration reworks stored
/// articles and how far it has come.
pub fn open(
    location: &Location,
    observe: &mut dyn FnMut(Migrating),
) -> Result<Box<dyn Store>, StoreError> {
    Ok(match location {
        Location::Sqlite(path) => Box::new(SqliteStore::open_noticing(path, observe)?),
        Location::Postgres(url) => Box::new(PostgresStore::open(url)?),
    })
}

/// Whether a chorus store is at `location` already: an SQLite file that
/// exists (opening it checks what it holds), or a PostgreSQL database
/// holding chorus's tables. Creates nothing: what `chorus serve` asks
/// before it would make a new, empty store of a mistyped `--db`.
pub fn exists(location: &Location) -> Result<bool, StoreError> {
    match location {
        Location::Sqlite(path) => Ok(path.exists()),
        Location::Postgres(url) => PostgresStore::exists(url),
    }
}

/// What can go wrong with a store.
///
/// The message does not repeat the source's: callers print the whole chain
/// (`{:#}` with anyhow), under the store's name ([`Location`]'s display,
/// which never shows a password).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not an SQLite database at all (SQLite's complaint is
    /// the source).
    #[error("not a chorus store")]
    NotSqlite(#[source] rusqlite::Error),
    /// An SQLite database another program made (its `application_id`).
    #[error("not a chorus store: a SQLite database of another program")]
    OtherProgram {
        /// The application id it carries (0 when none, but it has tables).
        application_id: i32,
    },
    /// A PostgreSQL database that holds tables but no chorus store.
    #[error("not a chorus store: the database holds tables of another program")]
    OtherTables,
    /// The store was written by a newer chorus.
    #[error("written by a newer chorus (schema {found}; this one reads up to {SCHEMA_VERSION})")]
    Newer {
        /// Its schema version.
        found: i32,
    },
    /// A `postgres://` connection string that does not parse.
    #[error("not a PostgreSQL connection string: {reason}")]
    BadUrl {
        /// What is wrong with it (never the string itself, which may hold a
        /// password).
        reason: String,
    },
    /// The PostgreSQL server could not be reached or refused the login.
    #[error("cannot connect")]
    Connect(#[source] ::postgres::Error),
    /// SQLite said no.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL said no, or the connection dropped.
    #[error(transparent)]
    Postgres(#[from] ::postgres::Error),
    /// No connection could be had from the pool in time.
    #[error(transparent)]
    Pool(#[from] r2d2::Error),
    /// A story's report could not be written as JSON.
    #[error("story {story}'s report could not be written as JSON")]
    Report {
        /// The story.
        story: i64,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// A story's brief could not be built (the pipeline panicked, or the
    /// process ended while building it); it is not tried again until the
    /// story gains an article.
    #[error("story {story}'s brief could not be built: {reason}")]
    BuildFailed {
        /// The story.
        story: i64,
        /// Why, as kept in the store.
        reason: String,
    },
    /// A copy's target already holds articles.
    #[error("the target store is not empty ({articles} articles)")]
    NotEmpty {
        /// Articles it holds.
        articles: usize,
    },
}

/// An article the store would not take, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The article's id.
    pub id: String,
    /// Why.
    pub reason: String,
}

/// What one `ingest` did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestSummary {
    /// Articles stored now.
    pub added: usize,
    /// Articles already in the store (same text), left as they were.
    pub already_stored: usize,
    /// Stories created.
    pub new_stories: usize,
    /// Stories that gained articles, counted once per batch (their reports
    /// are rebuilt when next read).
    pub updated_stories: usize,
    /// Stories in the store after the batch.
    pub stories: usize,
    /// Articles not stored, each with its reason.
    #[serde(skip)]
    pub refused: Vec<Refused>,
    /// What became of each article, in input order.
    pub articles: Vec<Placement>,
}

/// What became of one article given to `ingest`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Placement {
    /// The article's id.
    pub id: String,
    /// `added`, `already_stored` (the same text is stored) or `refused`.
    pub status: &'static str,
    /// The story it is in (none when refused).
    pub story: Option<i64>,
    /// Why it was refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl IngestSummary {
    /// Adds a later batch's summary to this one.
    pub fn absorb(&mut self, later: IngestSummary) {
        self.added += later.added;
        self.already_stored += later.already_stored;
        self.new_stories += later.new_stories;
        self.updated_stories += later.updated_stories;
        self.stories = later.stories;
        self.refused.extend(later.refused);
        self.articles.extend(later.articles);
    }
}

/// A story as listed by `chorus stories`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredStory {
    /// Story number in the store.
    pub id: i64,
    /// Headline of its brief.
    pub headline: String,
    /// Articles in it.
    pub articles: usize,
    /// Outlets (or article ids where no outlet is known).
    pub sources: Vec<String>,
    /// Earliest and latest publication date of its articles.
    pub first_seen: Option<String>,
    /// Latest publication date.
    pub last_seen: Option<String>,
    /// Conflicting facts in its report; unknown until the report is built.
    pub conflicts: Option<usize>,
    /// Why its brief could not be built, when it could not.
    pub failed: Option<String>,
}

/// A story and when it last changed, as [`Store::recently_updated`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdatedStory {
    /// The story.
    pub story: StoredStory,
    /// When its latest article was stored (Unix time, seconds).
    pub updated: i64,
}

/// An article of a story, as [`Store::recently_added`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedArticle {
    /// The article's id.
    pub id: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub source: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Its publication date (`YYYY-MM-DD`), when it has a sane one.
    pub date: Option<String>,
    /// When it was stored (Unix time, seconds).
    pub added: i64,
}

/// A stored article, as [`Store::articles`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    /// The article's id.
    pub id: String,
    /// [`content_hash`] of its text (of its text and outlet when another
    /// outlet's copy of the text was stored first).
    pub hash: String,
    /// The story it is in.
    pub story: i64,
}

/// One row of a store, as [`Store::export`] gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// A story.
    Story {
        /// Its number.
        id: i64,
        /// Its headline.
        headline: String,
        /// Articles in it.
        articles: i64,
        /// Earliest publication date.
        first_seen: Option<String>,
        /// Latest publication date.
        last_seen: Option<String>,
        /// Its built report (none while stale).
        report: Option<String>,
        /// Conflicting facts in the built report.
        conflicts: Option<i64>,
        /// Why its brief could not be built, when it could not.
        failed: Option<String>,
        /// Length of its articles' summed vectors over its centroid's terms.
        length: Option<f64>,
        /// Summed similarity of its pairs of articles.
        pair_sum: Option<f64>,
    },
    /// An article.
    Article {
        /// Its row number (the order articles were stored in).
        row: i64,
        /// The article as given, its `notes` empty.
        article: Article,
        /// [`content_hash`] of its text (of its text and outlet when another
        /// outlet's copy of the text was stored first).
        hash: String,
        /// Its story.
        story: i64,
        /// When it was stored (Unix time).
        added: i64,
    },
    /// How many stored articles use a term.
    Term {
        /// The term.
        term: String,
        /// Articles using it.
        documents: i64,
    },
    /// One term of a story's centroid.
    StoryTerm {
        /// The story.
        story: i64,
        /// The term.
        term: String,
        /// Its weight.
        weight: f64,
    },
    /// How many of a story's articles mention one of its names.
    StoryParticular {
        /// The story.
        story: i64,
        /// The name.
        term: String,
        /// Its articles that mention it.
        articles: i64,
    },
}

/// A stable hash of an article's text (FNV-1a, 64 bits, over its words):
/// the same text stored twice, however it was spaced, is stored once.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", fnv_words(text))
}

/// The FNV-1a prime (64 bits).
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over the words of `text`, each followed by one space.
fn fnv_words(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in text.split_whitespace() {
        for byte in word.bytes().chain(std::iter::once(b' ')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    }
    hash
}

/// A publication date kept only when it reads as one, in a plausible year.
fn sane_date(date: Option<&str>) -> Option<String> {
    let parsed = chorus::ingest::publication_date(date?)?;
    Some(parsed.format("%Y-%m-%d").to_string())
}

/// A search box's words: split on everything that is not a letter or a
/// digit, so that no input is query syntax in either database.
fn search_words(search: &str) -> Vec<&str> {
    search
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A limit or offset as SQL takes it.
fn sql_count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod suite;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_ignore_spacing() {
        assert_eq!(content_hash("a  b\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }

    #[test]
    fn search_words_are_only_words() {
        assert_eq!(
            search_words("\"ferry\" OR NEAR(bank*"),
            ["ferry", "OR", "NEAR", "bank"]
        );
        assert!(search_words("  ").is_empty());
    }
}
