//! The SQLite schema and its migrations: `PRAGMA user_version` holds the
//! version, and every migration a process finds to do runs in one
//! exclusive transaction, after reading the version again inside it — so
//! two processes opening a fresh file at once never both migrate.

use chorus::model::Article;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::tables::SqliteTables;
use crate::incremental::Reweigh;
use crate::{Migrating, SCHEMA_VERSION, StoreError};

/// Marks a SQLite file as a chorus store ("chrs").
pub(super) const APPLICATION_ID: i32 = 0x6368_7273;

/// A migration step that SQL cannot do, run in the migration's transaction;
/// it calls the progress function with the articles it has been through
/// (each pass counted: [`REWORK_PASSES`] passes in all).
type Rework = fn(&Transaction, &mut dyn FnMut(u64)) -> Result<(), StoreError>;

/// Passes a [`Rework`] makes over the stored articles.
const REWORK_PASSES: u64 = 2;

/// One step of the schema: SQL, then what SQL cannot do.
pub(super) struct Migration {
    pub sql: &'static str,
    /// Reworks the stored articles (slow on a big store: opening it says so).
    rework: Option<Rework>,
}

/// Migrations, in order: entry `n` takes a store from version `n` to `n + 1`.
pub(super) const MIGRATIONS: &[Migration] = &[
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
        // Done by schema 7's, which recomputes all of it.
        rework: None,
    },
    Migration {
        sql: "
    -- One row per watched feed: its validators for conditional requests,
    -- its schedule and its recent failures (times in ms since the epoch).
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_success INTEGER,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll INTEGER
    );
",
        rework: None,
    },
    Migration {
        sql: "
    -- Why a story's brief could not be built (NULL while it can be): set
    -- before each build and cleared by a build that finishes or by a new
    -- article, so that a build which ends the process is not tried again
    -- on every restart.
    ALTER TABLE stories ADD COLUMN failed TEXT;
    -- The process building the brief meanwhile: another process asking
    -- for the story waits for it while it lives.
    ALTER TABLE stories ADD COLUMN builder INTEGER;
",
        rework: None,
    },
    Migration {
        sql: "
    -- Stories are clustered as batch clustering clusters articles: each
    -- keeps the length of its articles' summed vectors and the summed
    -- similarity of its pairs of articles (its size and cohesion for
    -- average link), and how many of its articles mention each name.
    ALTER TABLE stories ADD COLUMN length REAL;
    ALTER TABLE stories ADD COLUMN pair_sum REAL;
    CREATE TABLE story_particulars (
        story INTEGER NOT NULL REFERENCES stories(id),
        term TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (story, term)
    );
    DELETE FROM terms;
    DELETE FROM story_terms;
",
        rework: Some(reweigh),
    },
];

/// Refuses a file that is not a chorus store or is from a newer chorus;
/// returns its schema version. Reads only.
pub(super) fn check(conn: &Connection) -> Result<i32, StoreError> {
    // One statement, so one snapshot: read apart, another process's
    // migration could commit between the id (still 0) and the tables.
    // A file that is not SQLite at all fails here.
    let (application, version, tables): (i32, i32, i64) = conn
        .query_row(
            "SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master)
             FROM pragma_application_id() a, pragma_user_version() v",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(StoreError::NotSqlite)?;
    if application != APPLICATION_ID && (application != 0 || tables > 0) {
        return Err(StoreError::OtherProgram {
            application_id: application,
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer { found: version });
    }
    Ok(version)
}

/// Brings the store to [`SCHEMA_VERSION`], in one exclusive transaction
/// that reads the version again first: a process that waited for another's
/// migration finds nothing left to do.
pub(super) fn migrate(
    conn: &mut Connection,
    observe: &mut dyn FnMut(Migrating),
) -> Result<(), StoreError> {
    if check(conn)? == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let from = check(&tx)?;
    for (n, migration) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        if migration.rework.is_some() && from > 0 {
            let articles: i64 = tx.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
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
        tx.execute_batch(migration.sql)?;
        if let Some(rework) = migration.rework {
            rework(&tx, &mut |done| observe(Migrating::Progress(done)))?;
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Recounts document frequencies and rebuilds every story's centroid,
/// length, cohesion and names from its stored articles ([`Reweigh`]);
/// `progress` hears the articles read, both passes counted.
fn reweigh(tx: &Transaction, progress: &mut dyn FnMut(u64)) -> Result<(), StoreError> {
    let mut read = 0u64;
    let mut reweigh = Reweigh::default();
    for_each_article(
        tx,
        "SELECT title, text, story FROM articles",
        |article, _| {
            read += 1;
            progress(read);
            reweigh.count(&article);
            Ok(())
        },
    )?;
    let mut tables = SqliteTables { tx };
    for_each_article(
        tx,
        "SELECT title, text, story FROM articles ORDER BY story, id",
        |article, story| {
            read += 1;
            progress(read);
            reweigh.add(&mut tables, &article, story)
        },
    )?;
    reweigh.finish(&mut tables)
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
