//! Store: articles and stories kept in an embedded SQLite database.
//!
//! One file, WAL mode, a schema versioned by `PRAGMA user_version` and
//! migrated forward on open; a file that is not a chorus store (another
//! `application_id`) or comes from a newer chorus is refused. `ingest`
//! adds a batch in one transaction: every article is stored once (by a
//! hash of its text), joins the story its words fit best or starts one,
//! and every story it touched gets its counts and dates updated and its
//! report marked stale — all committed together or not at all, so a
//! process killed mid-batch leaves the store as it was and the batch can
//! simply be run again. A stale report is built (and kept) when it is
//! first read or by [`Store::build_stale`]: a stream touches the same big
//! stories batch after batch, and rebuilding each one's brief every time
//! would cost more than all the rest of ingesting. Articles' headlines and
//! text are indexed for full-text search (FTS5) as they are stored.

#![warn(missing_docs)]

mod incremental;

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use rustc_hash::FxHashSet;

use chorus::model::{Article, StoryInput};
use chorus::prepare::terms::Vocab;
use chorus::{Detail, Pipeline};
pub use incremental::JOIN_SIMILARITY;

/// Marks a SQLite file as a chorus store ("chrs").
const APPLICATION_ID: i32 = 0x6368_7273;
/// The schema this version writes; older stores are migrated to it.
pub const SCHEMA_VERSION: i32 = 5;
/// SQLite page cache per connection, in KiB.
const CACHE_KIB: i64 = 64 * 1024;
/// Words of each story's stored brief.
const BRIEF_WORDS: usize = 150;

/// A migration step that SQL cannot do, run in the migration's transaction;
/// it calls the progress function with the articles it has been through
/// (each pass counted: [`REWORK_PASSES`] passes in all).
type Rework = fn(&rusqlite::Transaction, &mut dyn FnMut(u64)) -> Result<(), StoreError>;

/// Passes a [`Rework`] makes over the stored articles.
const REWORK_PASSES: u64 = 2;

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

/// One step of the schema: SQL, then what SQL cannot do.
struct Migration {
    sql: &'static str,
    /// Reworks the stored articles (slow on a big store: opening it says so).
    rework: Option<Rework>,
}

/// Migrations, in order: entry `n` takes a store from version `n` to `n + 1`.
const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: "
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        title TEXT,
        text TEXT NOT NULL,
        source TEXT,
        url TEXT,
        date TEXT,
        story INTEGER NOT NULL REFERENCES stories(id),
        added INTEGER NOT NULL
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_doc_id ON articles(doc_id);
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        headline TEXT NOT NULL,
        articles INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        report TEXT
    );
    -- Each story's centroid: its heaviest terms, for finding the story a
    -- new article belongs to without comparing it with every story.
    CREATE TABLE story_terms (
        story INTEGER NOT NULL REFERENCES stories(id),
        term TEXT NOT NULL,
        weight REAL NOT NULL,
        PRIMARY KEY (story, term)
    );
    CREATE INDEX story_terms_term ON story_terms(term);
    -- How many stored articles use each term, for idf.
    CREATE TABLE terms (term TEXT PRIMARY KEY, documents INTEGER NOT NULL);
",
        rework: None,
    },
    Migration {
        sql: "
    -- Candidate stories are the most recent ones carrying a term.
    CREATE INDEX story_terms_recent ON story_terms(term, story DESC);
    DROP INDEX story_terms_term;
    -- Reports are now built when first read after a change (NULL: stale).
    UPDATE stories SET report = NULL;
",
        rework: None,
    },
    Migration {
        sql: "
    -- Conflicting facts in the built report (NULL while it is stale).
    ALTER TABLE stories ADD COLUMN conflicts INTEGER;
    -- Full-text search over headlines and text, kept beside the articles.
    CREATE VIRTUAL TABLE article_search USING fts5(
        title, text, content = 'articles', content_rowid = 'id'
    );
    INSERT INTO article_search (article_search) VALUES ('rebuild');
",
        rework: None,
    },
    Migration {
        sql: "
    -- Articles are now weighed as batch clustering weighs them (cleaned
    -- text, sublinear counts): frequencies and centroids are recomputed
    -- from the stored articles; stories keep their members.
    DELETE FROM terms;
    DELETE FROM story_terms;
",
        rework: Some(incremental::reweigh),
    },
    Migration {
        sql: "
    -- Why a story's brief could not be built (NULL while it can be): set
    -- before each build and cleared by a build that succeeds, so that a
    -- build which ends the process is not tried again on every restart.
    ALTER TABLE stories ADD COLUMN failed TEXT;
",
        rework: None,
    },
];

/// What can go wrong with a store.
///
/// The message does not repeat the source's: callers print the whole chain
/// (`{:#}` with anyhow), under the store's path.
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
    /// The store was written by a newer chorus.
    #[error("written by a newer chorus (schema {found}; this one reads up to {SCHEMA_VERSION})")]
    Newer {
        /// Its schema version.
        found: i32,
    },
    /// SQLite said no.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// A story's brief could not be built (the pipeline panicked, or the
    /// process ended while building it); it is not tried again until the
    /// story changes.
    #[error("story {story}'s brief could not be built: {reason}")]
    BuildFailed {
        /// The story.
        story: i64,
        /// Why, as kept in the store.
        reason: String,
    },
    /// A story's report could not be written as JSON.
    #[error("story {story}'s report could not be written as JSON")]
    Report {
        /// The story.
        story: i64,
        /// Why.
        #[source]
        source: serde_json::Error,
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

/// An open chorus store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, migrating it to the
    /// current schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_noticing(path, |_| {})
    }

    /// [`Store::open`], telling `observe` when a migration reworks stored
    /// articles and how far it has come (a store of 20,000 articles takes
    /// half a minute).
    pub fn open_noticing(path: &Path, observe: impl FnMut(Migrating)) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        // A file that is not SQLite at all fails here.
        let application: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(StoreError::NotSqlite)?;
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if application != APPLICATION_ID && (application != 0 || tables > 0) {
            return Err(StoreError::OtherProgram {
                application_id: application,
            });
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer { found: version });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Ingest and migrations read and rewrite centroid and frequency rows
        // all over the file; SQLite's default 2 MB page cache spilled them
        // (64 MB, one paired run: a 5,000-article batch 9% faster, the
        // migration to schema 4 20% faster).
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        let mut store = Store { conn };
        store.migrate(version, observe)?;
        Ok(store)
    }

    fn migrate(&mut self, from: i32, mut observe: impl FnMut(Migrating)) -> Result<(), StoreError> {
        for (n, migration) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
            if migration.rework.is_some() && from > 0 {
                let articles = self.article_count()?;
                if articles > 0 {
                    observe(Migrating::Started {
                        notice: &format!(
                            "updating the store to schema {}: weighing {articles} stored articles again",
                            n + 1
                        ),
                        steps: articles as u64 * REWORK_PASSES,
                    });
                }
            }
            let tx = self.conn.transaction()?;
            tx.execute_batch(migration.sql)?;
            if let Some(rework) = migration.rework {
                rework(&tx, &mut |done| observe(Migrating::Progress(done)))?;
            }
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", n as i32 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Adds a batch of articles in one transaction; see the module notes.
    /// `progress` is called with (articles done, total) as the batch goes.
    pub fn ingest(
        &mut self,
        articles: Vec<Article>,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<IngestSummary, StoreError> {
        let mut summary = IngestSummary::default();
        let tx = self.conn.transaction()?;
        let total = articles.len();
        let mut vocab = Vocab::new();
        let mut placer = incremental::Placer::new(&tx)?;
        // What became of each article, in input order, with the hash of
        // those in the store: their stories are read after the batch, when
        // merges are done.
        let mut placements: Vec<(Placement, Option<String>)> = Vec::with_capacity(total);
        let placement = |id: String, status: &'static str, reason: Option<&str>| Placement {
            id,
            status,
            story: None,
            reason: reason.map(str::to_string),
        };
        // First what becomes of each article, counting the words of those
        // to add as they are found, then they are placed in order.
        let mut fates: Vec<Fate> = Vec::with_capacity(total);
        let mut batch_hashes: FxHashSet<String> = FxHashSet::default();
        let mut batch_ids: FxHashSet<String> = FxHashSet::default();
        let mut known_hash = tx.prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
        let mut known_id = tx.prepare_cached("SELECT 1 FROM articles WHERE doc_id = ?1")?;
        for article in &articles {
            let fate = if article.text.trim().is_empty() {
                Fate::Refused("no text")
            } else {
                let hash = content_hash(&article.text);
                if batch_hashes.contains(&hash) || known_hash.exists([&hash])? {
                    Fate::Known(hash)
                } else if batch_ids.contains(&article.id) || known_id.exists([&article.id])? {
                    Fate::Refused("an article with this id and different text is already stored")
                } else {
                    batch_hashes.insert(hash.clone());
                    batch_ids.insert(article.id.clone());
                    Fate::Add(hash, placer.count(&tx, article, &mut vocab)?)
                }
            };
            fates.push(fate);
        }
        drop((known_hash, known_id));
        for (done, (article, fate)) in articles.into_iter().zip(fates).enumerate() {
            progress(done, total);
            let (hash, counted) = match fate {
                Fate::Add(hash, counted) => (hash, counted),
                Fate::Known(hash) => {
                    summary.already_stored += 1;
                    placements.push((placement(article.id, "already_stored", None), Some(hash)));
                    continue;
                }
                Fate::Refused(reason) => {
                    summary.refused.push(Refused {
                        id: article.id.clone(),
                        reason: reason.to_string(),
                    });
                    placements.push((placement(article.id, "refused", Some(reason)), None));
                    continue;
                }
            };
            let placed = placer.place(&tx, &article, &counted)?;
            if placed.new_story {
                summary.new_stories += 1;
            }
            tx.execute(
                "INSERT INTO articles (doc_id, hash, title, text, source, url, date, story, added)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, unixepoch())",
                params![
                    article.id,
                    hash,
                    article.title,
                    article.text,
                    article.source,
                    article.url,
                    sane_date(article.date.as_deref()),
                    placed.story
                ],
            )?;
            tx.execute(
                "INSERT INTO article_search (rowid, title, text) VALUES (?1, ?2, ?3)",
                params![tx.last_insert_rowid(), article.title, article.text],
            )?;
            placements.push((placement(article.id, "added", None), Some(hash)));
            summary.added += 1;
        }
        progress(total, total);
        let touched = std::mem::take(&mut placer.touched);
        placer.finish(&tx)?;
        for &story in &touched {
            refresh_story(&tx, story)?;
        }
        summary.updated_stories = touched.len();
        let mut story_of = tx.prepare_cached("SELECT story FROM articles WHERE hash = ?1")?;
        for (mut placement, hash) in placements {
            if let Some(hash) = hash {
                placement.story = story_of.query_row([&hash], |r| r.get(0)).optional()?;
            }
            summary.articles.push(placement);
        }
        drop(story_of);
        summary.stories =
            tx.query_row("SELECT count(*) FROM stories", [], |r| r.get::<_, i64>(0))? as usize;
        tx.commit()?;
        Ok(summary)
    }

    /// Every story, most articles first.
    pub fn stories(&self) -> Result<Vec<StoredStory>, StoreError> {
        self.list(None, usize::MAX, 0)
    }

    /// Stories, most articles and then most recent first, `limit` of them
    /// after skipping `offset`; with a `search`, only stories with an
    /// article whose headline or text has all its words (SQLite FTS5).
    pub fn list(
        &self,
        search: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StoredStory>, StoreError> {
        let columns =
            "s.id, s.headline, s.articles, s.first_seen, s.last_seen, s.conflicts, s.failed";
        let order = "ORDER BY s.articles DESC, s.last_seen DESC, s.id DESC LIMIT ?1 OFFSET ?2";
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let read = |r: &rusqlite::Row<'_>| {
            Ok(StoredStory {
                id: r.get(0)?,
                headline: r.get(1)?,
                articles: r.get::<_, i64>(2)? as usize,
                sources: Vec::new(),
                first_seen: r.get(3)?,
                last_seen: r.get(4)?,
                conflicts: r.get::<_, Option<i64>>(5)?.map(|n| n as usize),
                failed: r.get(6)?,
            })
        };
        let mut stories = match search.map(fts_query).filter(|q| !q.is_empty()) {
            Some(query) => {
                let mut statement = self.conn.prepare(&format!(
                    "SELECT {columns} FROM stories s WHERE s.id IN (
                        SELECT a.story FROM article_search JOIN articles a
                        ON a.id = article_search.rowid WHERE article_search MATCH ?3)
                     {order}"
                ))?;
                statement
                    .query_map(params![limit, offset, query], read)?
                    .collect::<Result<Vec<_>, _>>()?
            }
            None => {
                let mut statement = self
                    .conn
                    .prepare(&format!("SELECT {columns} FROM stories s {order}"))?;
                statement
                    .query_map(params![limit, offset], read)?
                    .collect::<Result<Vec<_>, _>>()?
            }
        };
        let mut sources = self.conn.prepare_cached(
            "SELECT DISTINCT coalesce(source, doc_id) FROM articles WHERE story = ?1 ORDER BY 1",
        )?;
        for story in &mut stories {
            story.sources = sources
                .query_map([story.id], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
        }
        Ok(stories)
    }

    /// Builds the reports of up to `limit` stories whose report is stale,
    /// biggest first, skipping those whose build failed before; returns how
    /// many it built. A build that fails is kept as failed and ends the
    /// turn with [`StoreError::BuildFailed`]; the stories before it are kept.
    pub fn build_stale(&mut self, limit: usize) -> Result<usize, StoreError> {
        let stale: Vec<i64> = {
            let mut statement = self.conn.prepare_cached(
                "SELECT id FROM stories WHERE report IS NULL AND failed IS NULL
                 ORDER BY articles DESC, id LIMIT ?1",
            )?;
            statement
                .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        let mut pipeline = brief_pipeline();
        for &story in &stale {
            build_report(&mut self.conn, story, &mut pipeline)?;
        }
        Ok(stale.len())
    }

    /// Removes story `id`, its articles, their search entries and their
    /// share of the term frequencies; returns how many articles went, or
    /// `None` when there is no such story.
    pub fn delete_story(&mut self, id: i64) -> Result<Option<usize>, StoreError> {
        let tx = self.conn.transaction()?;
        let exists = tx
            .query_row("SELECT 1 FROM stories WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Ok(None);
        }
        incremental::forget(&tx, id)?;
        tx.execute(
            "INSERT INTO article_search (article_search, rowid, title, text)
             SELECT 'delete', id, title, text FROM articles WHERE story = ?1",
            [id],
        )?;
        tx.execute("DELETE FROM story_terms WHERE story = ?1", [id])?;
        let articles = tx.execute("DELETE FROM articles WHERE story = ?1", [id])?;
        tx.execute("DELETE FROM stories WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(Some(articles))
    }

    /// The story an article (by its id) is in.
    pub fn story_of(&self, document: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT story FROM articles WHERE doc_id = ?1",
                [document],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The JSON report of story `id`, if there is such a story: the stored
    /// one, or built now (and stored) when articles joined since;
    /// [`StoreError::BuildFailed`] when its brief could not be built.
    pub fn report(&mut self, id: i64) -> Result<Option<String>, StoreError> {
        let stored: Option<(Option<String>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT report, failed FROM stories WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match stored {
            None => Ok(None),
            Some((Some(report), _)) => Ok(Some(report)),
            Some((None, Some(reason))) => Err(StoreError::BuildFailed { story: id, reason }),
            Some((None, None)) => build_report(&mut self.conn, id, &mut brief_pipeline()).map(Some),
        }
    }

    /// Ingests `articles` in batches of `batch` and returns the stories they
    /// are in, as indexes into `articles` (an article already stored under
    /// the same text is in its twin's story): how `chorus eval-cluster
    /// --store` scores incremental clustering.
    pub fn place_all(
        &mut self,
        articles: &[Article],
        batch: usize,
    ) -> Result<Vec<Vec<usize>>, StoreError> {
        for chunk in articles.chunks(batch.max(1)) {
            self.ingest(chunk.to_vec(), |_, _| {})?;
        }
        let mut find = self
            .conn
            .prepare("SELECT story FROM articles WHERE hash = ?1")?;
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut slot: rustc_hash::FxHashMap<i64, usize> = rustc_hash::FxHashMap::default();
        for (n, article) in articles.iter().enumerate() {
            let story: Option<i64> = find
                .query_row([content_hash(&article.text)], |r| r.get(0))
                .optional()?;
            // An article the store refused (no text) stands alone.
            let group = match story {
                Some(story) => *slot.entry(story).or_insert_with(|| {
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

    /// Number of articles stored.
    pub fn article_count(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as usize)
    }
}

/// A search box's words as an FTS5 query that matches articles holding
/// all of them: each word quoted, so that no input is query syntax.
fn fts_query(search: &str) -> String {
    search
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What `ingest` does with one article of a batch.
enum Fate {
    /// Stored now, under this hash, with what placing reads of it.
    Add(String, incremental::Counted),
    /// The same text is stored already (or earlier in the batch).
    Known(String),
    /// Not stored, for this reason.
    Refused(&'static str),
}

/// A stable hash of an article's text (FNV-1a, 64 bits, over its words):
/// the same text stored twice, however it was spaced, is stored once.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in text.split_whitespace() {
        for byte in word.bytes().chain(std::iter::once(b' ')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// A publication date kept only when it reads as one, in a plausible year.
fn sane_date(date: Option<&str>) -> Option<String> {
    let parsed = chorus::ingest::publication_date(date?)?;
    Some(parsed.format("%Y-%m-%d").to_string())
}

/// Updates a story's headline, article count and dates after its
/// membership changed, and marks its report stale.
fn refresh_story(tx: &rusqlite::Transaction, story: i64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE stories SET
            articles = (SELECT count(*) FROM articles WHERE story = ?1),
            first_seen = (SELECT min(date) FROM articles WHERE story = ?1),
            last_seen = (SELECT max(date) FROM articles WHERE story = ?1),
            headline = coalesce((SELECT title FROM articles
                WHERE story = ?1 AND title IS NOT NULL ORDER BY id LIMIT 1), headline),
            report = NULL,
            conflicts = NULL,
            failed = NULL
         WHERE id = ?1",
        [story],
    )?;
    Ok(())
}

/// How a stored story's brief is made: chorus's summarizer within
/// [`BRIEF_WORDS`], with the compare stage, and each document's sentences
/// kept so that pages can link to them.
fn brief_pipeline() -> Pipeline {
    Pipeline::new().words(BRIEF_WORDS).detail(Detail::Pages)
}

/// What a story's `failed` says while its brief is being built: left there
/// when the process ends mid-build (killed, out of memory), so that the
/// next start does not try again and end the same way.
const INTERRUPTED: &str = "the process ended while building it";

/// Builds and stores the report of a story from its articles. The story
/// is marked [`INTERRUPTED`] (committed) before the pipeline runs and the
/// mark is cleared with the report; a panic in the pipeline is kept as the
/// story's failure and `pipeline` replaced, as it may be left half-updated.
fn build_report(
    conn: &mut Connection,
    story: i64,
    pipeline: &mut Pipeline,
) -> Result<String, StoreError> {
    // The mark need only outlive the process, not the machine: written
    // without waiting for the disk (WAL with synchronous=NORMAL keeps a
    // commit through a crash of the process), it costs 0.03 ms instead of
    // an fsync's 4.6 ms here, once per brief built.
    let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let marked = conn.execute(
        "UPDATE stories SET failed = ?2 WHERE id = ?1",
        params![story, INTERRUPTED],
    );
    conn.pragma_update(None, "synchronous", synchronous)?;
    marked?;
    let built = build_and_keep(conn, story, pipeline);
    if let Err(failure) = &built
        && !matches!(failure, StoreError::BuildFailed { .. })
    {
        // The store failed, not the build: the story may be tried again.
        // Should even this fail, the mark stays and the story is skipped.
        let _ = conn.execute(
            "UPDATE stories SET failed = NULL WHERE id = ?1 AND failed = ?2",
            params![story, INTERRUPTED],
        );
    }
    built
}

/// [`build_report`] once the story is marked.
fn build_and_keep(
    conn: &mut Connection,
    story: i64,
    pipeline: &mut Pipeline,
) -> Result<String, StoreError> {
    let tx = conn.transaction()?;
    let articles = story_articles(&tx, story)?;
    let input = StoryInput::story(format!("story-{story}"), articles);
    let report = match guarded(|| pipeline.brief_stories(vec![input])) {
        Ok(report) => report,
        Err(reason) => {
            drop(tx);
            *pipeline = brief_pipeline();
            conn.execute(
                "UPDATE stories SET failed = ?2 WHERE id = ?1",
                params![story, reason],
            )?;
            return Err(StoreError::BuildFailed { story, reason });
        }
    };
    let json =
        serde_json::to_string(&report).map_err(|source| StoreError::Report { story, source })?;
    let conflicts = report
        .stories
        .iter()
        .flat_map(|s| &s.facts)
        .filter(|f| f.status == chorus::model::FactStatus::Conflict)
        .count();
    // The brief's headline (the title most sources' words agree with)
    // replaces the first article's once the brief exists.
    let headline = report.stories.first().map(|s| s.headline.clone());
    tx.execute(
        "UPDATE stories SET report = ?2, conflicts = ?3, headline = coalesce(?4, headline),
            failed = NULL
         WHERE id = ?1",
        params![story, json, conflicts as i64, headline],
    )?;
    tx.commit()?;
    Ok(json)
}

/// A story's articles, in the order they were stored.
fn story_articles(tx: &rusqlite::Transaction, story: i64) -> Result<Vec<Article>, StoreError> {
    let mut statement = tx.prepare(
        "SELECT doc_id, title, text, source, url, date FROM articles WHERE story = ?1 ORDER BY id",
    )?;
    let articles = statement
        .query_map([story], |r| {
            Ok(Article {
                id: r.get(0)?,
                title: r.get(1)?,
                text: r.get(2)?,
                source: r.get(3)?,
                url: r.get(4)?,
                date: r.get(5)?,
                notes: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(articles)
}

/// Runs a build, turning a panic into the reason kept for the story: one
/// story the pipeline cannot handle must not take the server down with it.
fn guarded<T>(build: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        format!("the pipeline panicked: {message}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            text: text.to_string(),
            ..Article::default()
        }
    }

    #[test]
    fn hashes_ignore_spacing() {
        assert_eq!(content_hash("a  b\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }

    #[test]
    fn ingest_is_idempotent_and_groups_stories() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("chorus.db");
        let mut store = Store::open(&path)?;
        let batch = vec![
            article(
                "a",
                "Ferry crews in Port Elmer walked out over pay, halting crossings to Marren Island.",
            ),
            article(
                "b",
                "A ferry strike over pay halted crossings from Port Elmer to Marren Island on Monday.",
            ),
            article(
                "c",
                "The Velmora central bank raised interest rates by half a point to slow inflation.",
            ),
        ];
        let first = store.ingest(batch.clone(), |_, _| {})?;
        assert_eq!((first.added, first.stories), (3, 2));
        let again = store.ingest(batch, |_, _| {})?;
        assert_eq!(
            (again.added, again.already_stored, again.stories),
            (0, 3, 2)
        );
        let stories = store.stories()?;
        assert_eq!(stories[0].articles, 2);
        assert!(
            store
                .report(stories[0].id)?
                .is_some_and(|r| r.contains("\"version\":1"))
        );
        drop(store);
        // Reopening migrates nothing and keeps everything.
        assert_eq!(Store::open(&path)?.article_count()?, 3);
        Ok(())
    }

    #[test]
    fn search_finds_stories_by_their_articles_words() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut store = Store::open(&dir.path().join("chorus.db"))?;
        let summary = store.ingest(
            vec![
                article("a", "Ferry crews in Port Elmer walked out over pay."),
                article("b", "The Velmora central bank raised interest rates."),
                article("a2", "Ferry crews in Port Elmer walked out over pay."),
                article("e", " "),
            ],
            |_, _| {},
        )?;
        let statuses: Vec<&str> = summary.articles.iter().map(|a| a.status).collect();
        assert_eq!(statuses, ["added", "added", "already_stored", "refused"]);
        assert_eq!(summary.articles[0].story, summary.articles[2].story);
        assert_eq!(summary.articles[3].reason.as_deref(), Some("no text"));
        let found = store.list(Some("ferry PORT"), 10, 0)?;
        assert_eq!(found.len(), 1);
        assert_eq!(Some(found[0].id), summary.articles[0].story);
        assert!(store.list(Some("ferry bank"), 10, 0)?.is_empty());
        // Query syntax in the box is only words.
        assert!(store.list(Some("\"ferry\" OR NEAR(bank"), 10, 0)?.len() <= 2);
        assert_eq!(store.list(Some("  "), 10, 0)?.len(), 2);
        assert_eq!(store.list(None, 1, 1)?.len(), 1);
        assert_eq!(store.story_of("b")?, summary.articles[1].story);
        assert_eq!(store.list(None, 10, 0)?[0].conflicts, None, "not built yet");
        assert_eq!(store.build_stale(10)?, 2);
        assert_eq!(store.build_stale(10)?, 0);
        assert_eq!(store.list(None, 10, 0)?[0].conflicts, Some(0));
        Ok(())
    }

    #[test]
    fn a_first_version_store_is_migrated() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path)?;
            conn.execute_batch(MIGRATIONS[0].sql)?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            conn.pragma_update(None, "user_version", 1)?;
            conn.execute(
                "INSERT INTO stories (id, headline, articles, report) VALUES (1, 'Ferry strike', 1, 'old')",
                [],
            )?;
            conn.execute(
                "INSERT INTO articles (doc_id, hash, text, story, added)
                 VALUES ('a', 'h', 'Ferry crews walked out over pay on Monday.', 1, 0)",
                [],
            )?;
        }
        let mut notices = Vec::new();
        let mut progress = Vec::new();
        let mut store = Store::open_noticing(&path, |m| match m {
            Migrating::Started { notice, steps } => notices.push((notice.to_string(), steps)),
            Migrating::Progress(done) => progress.push(done),
        })?;
        let version: i32 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(
            notices,
            [(
                "updating the store to schema 4: weighing 1 stored articles again".to_string(),
                2
            )]
        );
        assert_eq!(progress, [1, 2]);
        Store::open_noticing(&dir.path().join("new.db"), |m| {
            panic!("a new store needs no notice: {m:?}")
        })?;
        // The old report is stale after the migration and is built anew.
        let report = store.report(1)?.unwrap_or_default();
        assert!(report.contains("Ferry crews walked out"), "{report}");
        assert_eq!(store.report(1)?, Some(report));
        assert_eq!(store.report(2)?, None);
        // Articles stored before search existed are found.
        assert_eq!(store.list(Some("ferry crews"), 10, 0)?.len(), 1);
        assert_eq!(store.stories()?[0].conflicts, Some(0));
        // The old story's centroid was rebuilt from its article, so a new
        // report of the same strike finds it.
        let summary = store.ingest(
            vec![article(
                "b",
                "Ferry crews walked out over pay again on Tuesday.",
            )],
            |_, _| {},
        )?;
        assert_eq!(summary.articles[0].story, Some(1));
        assert_eq!(summary.new_stories, 0);
        Ok(())
    }

    /// What a batch changes, besides the article rows: for comparing a store
    /// before and after a batch that failed.
    fn state(store: &Store) -> Result<Vec<String>, rusqlite::Error> {
        [
            "SELECT count(*) || ' articles' FROM articles",
            "SELECT count(*) || ' searchable' FROM article_search",
            "SELECT group_concat(id || ':' || articles || ':' || headline || ':' \
             || (report IS NULL), ' ') FROM stories",
            "SELECT count(*) || ' terms ' || total(documents) FROM terms",
            "SELECT count(*) || ' story terms ' || total(weight) FROM story_terms",
        ]
        .iter()
        .map(|query| store.conn.query_row(query, [], |r| r.get(0)))
        .collect()
    }

    #[test]
    fn a_batch_that_fails_midway_leaves_the_store_as_it_was()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut store = Store::open(&dir.path().join("chorus.db"))?;
        store.ingest(
            vec![article(
                "a",
                "Ferry crews in Port Elmer walked out over pay.",
            )],
            |_, _| {},
        )?;
        store.build_stale(10)?;
        let before = state(&store)?;
        // The third article's row is refused, after two of the batch were
        // placed and written: the whole batch must go.
        store.conn.execute_batch(
            "CREATE TEMP TRIGGER refuse_c AFTER INSERT ON main.articles WHEN new.doc_id = 'c'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )?;
        let batch = vec![
            article(
                "b",
                "A ferry strike over pay halted crossings from Port Elmer.",
            ),
            article(
                "x",
                "The Velmora central bank raised interest rates by half a point.",
            ),
            article(
                "c",
                "Ferry crossings to Marren Island stopped as crews struck.",
            ),
            article("d", "Inflation in Velmora slowed after the rate rise."),
        ];
        let failed = store.ingest(batch.clone(), |_, _| {});
        assert!(matches!(failed, Err(StoreError::Sqlite(_))), "{failed:?}");
        assert_eq!(state(&store)?, before);
        store.conn.execute_batch("DROP TRIGGER refuse_c")?;
        let summary = store.ingest(batch, |_, _| {})?;
        assert_eq!((summary.added, summary.already_stored), (4, 0));
        assert_eq!(store.article_count()?, 5);
        Ok(())
    }

    #[test]
    fn foreign_and_newer_files_are_refused_by_kind() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let text = dir.path().join("notes.db");
        std::fs::write(&text, "these are my notes, not a database\n")?;
        let err = Store::open(&text).err();
        assert!(matches!(err, Some(StoreError::NotSqlite(_))), "{err:?}");
        let source = err.as_ref().and_then(std::error::Error::source);
        assert!(source.is_some_and(|s| s.to_string().contains("not a database")));

        let other = dir.path().join("other.db");
        Connection::open(&other)?.execute_batch("CREATE TABLE notes (text TEXT)")?;
        let err = Store::open(&other).err();
        assert!(
            matches!(err, Some(StoreError::OtherProgram { application_id: 0 })),
            "{err:?}"
        );

        let newer = dir.path().join("newer.db");
        {
            let conn = Connection::open(&newer)?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;
        }
        let err = Store::open(&newer).err();
        assert!(
            matches!(err, Some(StoreError::Newer { found }) if found == SCHEMA_VERSION + 1),
            "{err:?}"
        );
        Ok(())
    }

    #[test]
    fn a_panicking_build_is_a_reason_not_a_crash() {
        assert_eq!(guarded(|| 7), Ok(7));
        let failed = guarded(|| -> usize { panic!("sentence graph too big") });
        assert_eq!(
            failed,
            Err("the pipeline panicked: sentence graph too big".to_string())
        );
        let id = 3;
        let failed = guarded(|| -> usize { panic!("story {id}") });
        assert_eq!(failed, Err("the pipeline panicked: story 3".to_string()));
    }

    #[test]
    fn a_build_that_never_finished_is_not_tried_again_until_the_story_changes()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("chorus.db");
        let mut store = Store::open(&path)?;
        let summary = store.ingest(
            vec![
                article("a", "Ferry crews in Port Elmer walked out over pay."),
                article("b", "The Velmora central bank raised interest rates."),
            ],
            |_, _| {},
        )?;
        let ferry = summary.articles[0].story.ok_or("placed")?;
        let bank = summary.articles[1].story.ok_or("placed")?;
        // What a process killed while building the ferry story leaves.
        store.conn.execute(
            "UPDATE stories SET failed = ?2 WHERE id = ?1",
            params![ferry, INTERRUPTED],
        )?;
        drop(store);
        let mut store = Store::open(&path)?;
        assert_eq!(store.build_stale(10)?, 1, "only the bank story is built");
        assert_eq!(store.build_stale(10)?, 0);
        let failure = store.report(ferry).err();
        assert!(
            matches!(&failure, Some(StoreError::BuildFailed { story, reason })
                if *story == ferry && reason == INTERRUPTED),
            "{failure:?}"
        );
        assert!(store.report(bank)?.is_some());
        let listed = store.stories()?;
        let failed = |id: i64| listed.iter().find(|s| s.id == id).map(|s| s.failed.clone());
        assert_eq!(failed(ferry), Some(Some(INTERRUPTED.to_string())));
        assert_eq!(failed(bank), Some(None));
        // A new article changes the story: its brief is tried again.
        store.ingest(
            vec![article(
                "c",
                "Ferry crews in Port Elmer stayed out over pay on Tuesday.",
            )],
            |_, _| {},
        )?;
        assert!(
            store
                .report(ferry)?
                .is_some_and(|r| r.contains("Port Elmer"))
        );
        assert_eq!(
            store
                .stories()?
                .iter()
                .filter(|s| s.failed.is_some())
                .count(),
            0
        );
        Ok(())
    }

    #[test]
    fn a_deleted_story_leaves_no_trace() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut store = Store::open(&dir.path().join("chorus.db"))?;
        let summary = store.ingest(
            vec![
                article("a", "Ferry crews in Port Elmer walked out over pay."),
                article(
                    "a2",
                    "A ferry strike over pay halted crossings from Port Elmer.",
                ),
                article("b", "The Velmora central bank raised interest rates."),
            ],
            |_, _| {},
        )?;
        let ferry = summary.articles[0].story.ok_or("placed")?;
        let bank = summary.articles[2].story.ok_or("placed")?;
        assert_eq!(store.delete_story(ferry)?, Some(2));
        assert_eq!(store.delete_story(ferry)?, None);
        assert_eq!(store.report(ferry)?, None);
        assert_eq!(store.story_of("a")?, None);
        assert!(store.list(Some("ferry"), 10, 0)?.is_empty());
        let left: Vec<i64> = store.stories()?.iter().map(|s| s.id).collect();
        assert_eq!(left, [bank]);
        assert_eq!(store.article_count()?, 1);
        // Term counts are those of the bank article alone: the same as a
        // store that only ever held it.
        let counts = |store: &Store| -> Result<Vec<(String, i64)>, rusqlite::Error> {
            let mut statement = store
                .conn
                .prepare("SELECT term, documents FROM terms ORDER BY term")?;
            statement
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        };
        let other = tempfile::tempdir()?;
        let mut fresh = Store::open(&other.path().join("chorus.db"))?;
        fresh.ingest(
            vec![article(
                "b",
                "The Velmora central bank raised interest rates.",
            )],
            |_, _| {},
        )?;
        assert_eq!(counts(&store)?, counts(&fresh)?);
        let search: i64 = store.conn.query_row(
            "SELECT count(*) FROM article_search WHERE article_search MATCH 'ferry'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(search, 0);
        // The deleted texts can be stored again, under the same ids.
        let again = store.ingest(
            vec![article(
                "a",
                "Ferry crews in Port Elmer walked out over pay.",
            )],
            |_, _| {},
        )?;
        assert_eq!(again.added, 1);
        Ok(())
    }

    #[test]
    fn clashing_ids_and_empty_articles_are_refused() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut store = Store::open(&dir.path().join("chorus.db"))?;
        store.ingest(
            vec![article("a", "One text about ferries and strikes.")],
            |_, _| {},
        )?;
        let summary = store.ingest(
            vec![
                article("a", "Another text entirely, about banks."),
                article("e", "  "),
            ],
            |_, _| {},
        )?;
        assert_eq!(summary.added, 0);
        assert_eq!(summary.refused.len(), 2);
        Ok(())
    }
}
