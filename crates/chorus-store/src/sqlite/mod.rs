//! The embedded store: one SQLite file, WAL mode, shared by any number of
//! processes on one machine.
//!
//! Every connection waits for a lock up to [`BUSY_TIMEOUT`] instead of
//! failing with "database is locked": two `chorus ingest` runs on one file
//! take turns batch by batch, and `chorus serve` reads while they write.
//! A batch reads and counts its articles before it takes the write lock
//! (`BEGIN IMMEDIATE`), so the lock is held only while placing. A report
//! is built without the lock and stored only if the story did not change
//! meanwhile.

mod feeds;
mod schema;
mod tables;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rustc_hash::FxHashSet;

use chorus::model::Article;

use crate::copy::CopySummary;
use crate::tables::Tables;
use crate::{
    AddedArticle, FeedState, IngestSummary, Migrating, Record, Store, StoreError, StoredArticle,
    StoredStory, UpdatedStory, brief, delete, ingest, search_words, sql_count,
};
pub(crate) use tables::SqliteTables;

/// The columns [`read_story`] reads, in its order.
const STORY_COLUMNS: &str =
    "s.id, s.headline, s.articles, s.first_seen, s.last_seen, s.conflicts, s.failed";

/// A story from a row that begins with [`STORY_COLUMNS`] (its sources
/// added by [`add_sources`]).
fn read_story(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredStory> {
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
}

/// Fills in each story's outlets (or article ids where none is known).
fn add_sources(conn: &Connection, stories: &mut [StoredStory]) -> Result<(), StoreError> {
    let mut sources = conn.prepare_cached(
        "SELECT DISTINCT coalesce(source, doc_id) FROM articles WHERE story = ?1 ORDER BY 1",
    )?;
    for story in stories {
        story.sources = sources
            .query_map([story.id], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
    }
    Ok(())
}

/// How long a connection waits for another process's lock: longer than
/// any one batch or migration holds it.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(600);
/// SQLite page cache per connection, in KiB.
const CACHE_KIB: i64 = 64 * 1024;
/// Connections kept open for concurrent requests.
const POOL_SIZE: u32 = 8;
/// Longest a reader waits for another process building the brief it asks
/// for, past which the build counts as failed.
const BUILD_PATIENCE: Duration = Duration::from_secs(120);
/// How soon a process waiting for a build (or for a lock SQLite refused
/// without waiting) looks again, at first; each pause doubles.
const POLL_FIRST: Duration = Duration::from_millis(1);
/// The longest pause between a waiting process's looks.
const POLL_LAST: Duration = Duration::from_millis(50);

/// A chorus store in an SQLite file.
pub struct SqliteStore {
    pool: r2d2::Pool<Connections>,
}

/// Opens connections to one file, each set up alike.
#[derive(Debug)]
struct Connections {
    path: PathBuf,
}

impl r2d2::ManageConnection for Connections {
    type Connection = Connection;
    type Error = rusqlite::Error;

    fn connect(&self) -> Result<Connection, rusqlite::Error> {
        let conn = Connection::open(&self.path)?;
        set_up(&conn)?;
        Ok(conn)
    }

    fn is_valid(&self, conn: &mut Connection) -> Result<(), rusqlite::Error> {
        conn.execute_batch("")
    }

    fn has_broken(&self, _: &mut Connection) -> bool {
        false
    }
}

/// What every connection sets: the busy timeout first, so that even
/// reading the header waits for a migrating process.
fn set_up(conn: &Connection) -> Result<(), rusqlite::Error> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Ingest and migrations read and rewrite centroid and frequency rows
    // all over the file; SQLite's default 2 MB page cache spilled them
    // (64 MB, one paired run: a 5,000-article batch 9% faster, the
    // migration to schema 4 20% faster).
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    Ok(())
}

/// Switches the file to WAL mode (persistent in the file; readers then
/// never wait for writers). The switch holds a read lock when it asks for
/// the write lock, and SQLite answers such an upgrade at once with "database
/// is locked" instead of calling the busy handler: two processes opening a
/// new file together both switch it, and one would fail. Tried again until
/// [`BUSY_TIMEOUT`], like any other lock.
fn use_wal(conn: &Connection) -> Result<(), rusqlite::Error> {
    let started = Instant::now();
    let mut pause = POLL_FIRST;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(failure, _))
                if failure.code == rusqlite::ErrorCode::DatabaseBusy
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(POLL_LAST);
            }
            switched => return switched,
        }
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path`, migrating it to the
    /// current schema.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        SqliteStore::open_noticing(path, &mut |_| {})
    }

    /// [`SqliteStore::open`], telling `observe` when a migration reworks
    /// stored articles and how far it has come (a store of 20,000 articles
    /// takes half a minute).
    pub fn open_noticing(
        path: &Path,
        observe: &mut dyn FnMut(Migrating),
    ) -> Result<SqliteStore, StoreError> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Refused before anything is written.
        schema::check(&conn)?;
        set_up(&conn)?;
        schema::migrate(&mut conn, observe)?;
        use_wal(&conn)?;
        drop(conn);
        let pool = r2d2::Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(0))
            .connection_timeout(BUSY_TIMEOUT)
            .build_unchecked(Connections {
                path: path.to_path_buf(),
            });
        Ok(SqliteStore { pool })
    }

    fn connection(&self) -> Result<r2d2::PooledConnection<Connections>, StoreError> {
        Ok(self.pool.get()?)
    }

    /// Builds the brief of `story` from the articles it has now and keeps
    /// it unless the story changed meanwhile; `None` when there is no such
    /// story. The brief is built without holding the write lock, with the
    /// story marked [`brief::INTERRUPTED`] (committed) until it is kept:
    /// a build that ends the process is not tried again on the next start.
    fn build(
        &self,
        conn: &mut Connection,
        story: i64,
        pipeline: &mut chorus::Pipeline,
    ) -> Result<Option<(String, bool)>, StoreError> {
        let (articles, last) = {
            let tx = conn.transaction()?;
            let read = story_articles(&tx, story)?;
            tx.commit()?;
            read
        };
        if articles.is_empty() {
            return finished(conn, story, None);
        }
        if mark(conn, story)? == 0 {
            // Built, failed or being built meanwhile.
            return finished(conn, story, None);
        }
        let members = articles.len() as i64;
        let brief = match brief::build(story, articles, pipeline) {
            Ok(brief) => brief,
            Err(failure) => {
                // A failed build is kept as the story's failure; a store
                // that failed leaves the story to be tried again. Should
                // even this fail, the mark stays and the story is skipped.
                let reason = match &failure {
                    StoreError::BuildFailed { reason, .. } => Some(reason.as_str()),
                    _ => None,
                };
                let _ = conn.execute(
                    "UPDATE stories SET failed = ?2 WHERE id = ?1 AND failed = ?3",
                    params![story, reason, brief::INTERRUPTED],
                );
                return Err(failure);
            }
        };
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Kept only if its members are still those it was built from
        // (members only ever join a story: its count and newest article
        // tell; a new article also clears the mark).
        let kept = tx.execute(
            "UPDATE stories SET report = ?2, conflicts = ?3, headline = coalesce(?4, headline),
                failed = NULL
             WHERE id = ?1 AND report IS NULL AND failed = ?7
               AND (SELECT count(*) FROM articles WHERE story = ?1) = ?5
               AND (SELECT max(id) FROM articles WHERE story = ?1) = ?6",
            params![
                story,
                brief.json,
                brief.conflicts,
                brief.headline,
                members,
                last,
                brief::INTERRUPTED
            ],
        )?;
        tx.commit()?;
        if kept == 1 {
            return Ok(Some((brief.json, true)));
        }
        // Built and kept by another process meanwhile, or changed since.
        finished(conn, story, Some(brief.json))
    }
}

/// Marks `story`'s brief as being built, unless it is built, failed or
/// being built already; 1 when marked. The mark need only outlive the
/// process, not the machine: written without waiting for the disk (WAL
/// with synchronous=NORMAL keeps a commit through a crash of the process),
/// it costs a fraction of a millisecond instead of an fsync, once per
/// brief built.
fn mark(conn: &Connection, story: i64) -> Result<usize, StoreError> {
    let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let marked = conn.execute(
        "UPDATE stories SET failed = ?2, builder = ?3
         WHERE id = ?1 AND report IS NULL AND failed IS NULL",
        params![story, brief::INTERRUPTED, std::process::id()],
    );
    conn.pragma_update(None, "synchronous", synchronous)?;
    Ok(marked?)
}

/// What a story holds when this process did not keep a brief for it: the
/// stored report, its failure, or `built` (made from articles it no
/// longer has alone) while it is stale; `None` when there is no such
/// story.
fn finished(
    conn: &Connection,
    story: i64,
    built: Option<String>,
) -> Result<Option<(String, bool)>, StoreError> {
    match stored_report(conn, story)? {
        None => Ok(None),
        Some(Stored {
            report: Some(report),
            ..
        }) => Ok(Some((report, false))),
        Some(Stored {
            failed: Some(reason),
            ..
        }) => Err(StoreError::BuildFailed { story, reason }),
        Some(_) => Ok(Some((built.unwrap_or_default(), false))),
    }
}

/// Whether process `pid` on this machine is running (SQLite stores are
/// shared only on one machine). Where that cannot be asked it is taken to
/// be, and a reader waits no longer than [`BUILD_PATIENCE`].
fn running(pid: i64) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // Signal 0 sends nothing: it only asks whether the process exists
        // (EPERM: it does, under another user).
        // SAFETY: kill with signal 0 has no effect on any process.
        let answer = unsafe { libc::kill(pid, 0) };
        answer == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// The article whose `doc_id, title, text, source, url, date` start at
/// column `first` of `row`.
fn article_at(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Article> {
    Ok(Article {
        id: row.get(first)?,
        title: row.get(first + 1)?,
        text: row.get(first + 2)?,
        source: row.get(first + 3)?,
        url: row.get(first + 4)?,
        date: row.get(first + 5)?,
        notes: Vec::new(),
    })
}

/// A story's articles in the order they were stored, and the row of the
/// newest.
fn story_articles(conn: &Connection, story: i64) -> Result<(Vec<Article>, i64), StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT doc_id, title, text, source, url, date, id FROM articles
         WHERE story = ?1 ORDER BY id",
    )?;
    let mut last = 0;
    let articles = statement
        .query_map([story], |r| Ok((article_at(r, 0)?, r.get::<_, i64>(6)?)))?
        .map(|row| {
            row.map(|(article, id)| {
                last = id;
                article
            })
        })
        .collect::<Result<_, _>>()?;
    Ok((articles, last))
}

/// What a story's row says of its brief.
struct Stored {
    /// The built report (none while stale).
    report: Option<String>,
    /// Why it could not be built, or [`brief::INTERRUPTED`] while it is.
    failed: Option<String>,
    /// The process that marked it [`brief::INTERRUPTED`].
    builder: Option<i64>,
}

impl Stored {
    /// Whether another process is building the brief now.
    fn being_built(&self) -> bool {
        self.report.is_none()
            && self.failed.as_deref() == Some(brief::INTERRUPTED)
            && self.builder.is_some_and(running)
    }
}

/// What story `story`'s row says of its brief; `None` without such a story.
fn stored_report(conn: &Connection, story: i64) -> Result<Option<Stored>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT report, failed, builder FROM stories WHERE id = ?1",
            [story],
            |r| {
                Ok(Stored {
                    report: r.get(0)?,
                    failed: r.get(1)?,
                    builder: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Which of `hashes` are stored.
fn known_hashes(conn: &Connection, hashes: &[&str]) -> Result<FxHashSet<String>, StoreError> {
    let mut statement = conn.prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
    let mut found = FxHashSet::default();
    for hash in hashes {
        if statement.exists([hash])? {
            found.insert(hash.to_string());
        }
    }
    Ok(found)
}

impl Store for SqliteStore {
    fn ingest(
        &self,
        articles: Vec<Article>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<IngestSummary, StoreError> {
        let mut conn = self.connection()?;
        let batch = ingest::read(
            articles,
            &mut |hashes| known_hashes(&conn, hashes),
            progress,
        )?;
        // The write lock, taken at once: a transaction that read first and
        // wrote later could not wait for another writer.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let summary = ingest::place(&mut SqliteTables { tx: &tx }, batch)?;
        tx.commit()?;
        Ok(summary)
    }

    fn list(
        &self,
        search: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StoredStory>, StoreError> {
        let conn = self.connection()?;
        let columns = STORY_COLUMNS;
        let order = "ORDER BY s.articles DESC, s.last_seen DESC, s.id DESC LIMIT ?1 OFFSET ?2";
        let (limit, offset) = (sql_count(limit), sql_count(offset));
        let read = read_story;
        // Each word quoted: an FTS5 query that matches articles holding all
        // of them.
        let words = search.map(search_words).unwrap_or_default();
        let mut stories = if words.is_empty() {
            let mut statement =
                conn.prepare(&format!("SELECT {columns} FROM stories s {order}"))?;
            statement
                .query_map(params![limit, offset], read)?
                .collect::<Result<Vec<_>, _>>()?
        } else {
            let query: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            let mut statement = conn.prepare(&format!(
                "SELECT {columns} FROM stories s WHERE s.id IN (
                    SELECT a.story FROM article_search JOIN articles a
                    ON a.id = article_search.rowid WHERE article_search MATCH ?3)
                 {order}"
            ))?;
            statement
                .query_map(params![limit, offset, query.join(" ")], read)?
                .collect::<Result<Vec<_>, _>>()?
        };
        add_sources(&conn, &mut stories)?;
        Ok(stories)
    }

    fn recently_updated(&self, limit: usize) -> Result<Vec<UpdatedStory>, StoreError> {
        let conn = self.connection()?;
        // One pass over the articles' (story, added) pairs, not a story at
        // a time; only `limit` stories are read in full.
        let mut statement = conn.prepare(&format!(
            "SELECT {STORY_COLUMNS}, u.updated
             FROM (SELECT story, max(added) AS updated FROM articles GROUP BY story) u
             JOIN stories s ON s.id = u.story
             ORDER BY u.updated DESC, s.last_seen DESC, s.id DESC LIMIT ?1"
        ))?;
        let rows = statement
            .query_map([sql_count(limit)], |r| Ok((read_story(r)?, r.get(7)?)))?
            .collect::<Result<Vec<(StoredStory, i64)>, _>>()?;
        let (mut stories, times): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        add_sources(&conn, &mut stories)?;
        Ok(stories
            .into_iter()
            .zip(times)
            .map(|(story, updated)| UpdatedStory { story, updated })
            .collect())
    }

    fn recently_added(&self, story: i64, limit: usize) -> Result<Vec<AddedArticle>, StoreError> {
        let conn = self.connection()?;
        let mut statement = conn.prepare_cached(
            "SELECT doc_id, title, source, url, date, added FROM articles
             WHERE story = ?1 ORDER BY added DESC, id DESC LIMIT ?2",
        )?;
        let articles = statement
            .query_map(params![story, sql_count(limit)], |r| {
                Ok(AddedArticle {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    url: r.get(3)?,
                    date: r.get(4)?,
                    added: r.get(5)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(articles)
    }

    fn report(&self, id: i64) -> Result<Option<String>, StoreError> {
        let mut conn = self.connection()?;
        let asked = Instant::now();
        let mut pause = POLL_FIRST;
        loop {
            let Some(stored) = stored_report(&conn, id)? else {
                return Ok(None);
            };
            if stored.being_built() && asked.elapsed() < BUILD_PATIENCE {
                // Another process (or thread) is building it: its brief is
                // read when kept rather than built twice. Most briefs take
                // a few milliseconds, so the first looks come soon.
                std::thread::sleep(pause);
                pause = (pause * 2).min(POLL_LAST);
                continue;
            }
            return match stored {
                Stored {
                    report: Some(report),
                    ..
                } => Ok(Some(report)),
                Stored {
                    failed: Some(reason),
                    ..
                } => Err(StoreError::BuildFailed { story: id, reason }),
                _ => match self.build(&mut conn, id, &mut brief::pipeline()) {
                    // Marked by another builder meanwhile: wait for it.
                    Err(StoreError::BuildFailed { reason, .. })
                        if reason == brief::INTERRUPTED && asked.elapsed() < BUILD_PATIENCE =>
                    {
                        continue;
                    }
                    built => Ok(built?.map(|(report, _)| report)),
                },
            };
        }
    }

    fn report_since(&self, id: i64, since: i64) -> Result<Option<String>, StoreError> {
        let mut conn = self.connection()?;
        // One read transaction: the split is of one moment's articles.
        let tx = conn.transaction()?;
        if stored_report(&tx, id)?.is_none() {
            return Ok(None);
        }
        let (earlier, new) = {
            let mut statement = tx.prepare_cached(
                "SELECT doc_id, title, text, source, url, date, added >= ?2 FROM articles
                 WHERE story = ?1 ORDER BY id",
            )?;
            let rows = statement.query_map(params![id, since], |r| {
                Ok((article_at(r, 0)?, r.get::<_, bool>(6)?))
            })?;
            let (mut earlier, mut new) = (Vec::new(), Vec::new());
            for row in rows {
                let (article, is_new) = row?;
                if is_new { &mut new } else { &mut earlier }.push(article);
            }
            (earlier, new)
        };
        tx.commit()?;
        brief::since(id, earlier, new).map(Some)
    }

    fn build_stale(&self, limit: usize) -> Result<usize, StoreError> {
        let mut conn = self.connection()?;
        let stale: Vec<i64> = {
            let mut statement = conn.prepare_cached(
                "SELECT id FROM stories WHERE report IS NULL AND failed IS NULL
                 ORDER BY articles DESC, id LIMIT ?1",
            )?;
            statement
                .query_map([sql_count(limit)], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        let mut pipeline = brief::pipeline();
        let mut built = 0;
        for story in stale {
            match self.build(&mut conn, story, &mut pipeline) {
                Ok(Some((_, true))) => built += 1,
                Ok(_) => {}
                // Failed in another process since it was listed: not this
                // turn's failure.
                Err(StoreError::BuildFailed { reason, .. }) if reason == brief::INTERRUPTED => {}
                Err(failure) => return Err(failure),
            }
        }
        Ok(built)
    }

    fn delete_story(&self, id: i64) -> Result<Option<usize>, StoreError> {
        let mut conn = self.connection()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let deleted = delete::delete(&mut SqliteTables { tx: &tx }, id)?;
        tx.commit()?;
        Ok(deleted)
    }

    fn story_of(&self, document: &str) -> Result<Option<i64>, StoreError> {
        let conn = self.connection()?;
        Ok(conn
            .query_row(
                "SELECT story FROM articles WHERE doc_id = ?1",
                [document],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let conn = self.connection()?;
        let mut statement = conn.prepare("SELECT doc_id, hash, story FROM articles ORDER BY id")?;
        let articles = statement
            .query_map([], |r| {
                Ok(StoredArticle {
                    id: r.get(0)?,
                    hash: r.get(1)?,
                    story: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(articles)
    }

    fn article_count(&self) -> Result<usize, StoreError> {
        let conn = self.connection()?;
        Ok(conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
    }

    fn export(
        &self,
        each: &mut dyn FnMut(Record) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut conn = self.connection()?;
        // One read transaction: a consistent copy while writers go on.
        let tx = conn.transaction()?;
        export(&tx, each)?;
        tx.commit()?;
        Ok(())
    }

    fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        feeds::feed_state(&*self.connection()?, url)
    }

    fn feed_states(&self) -> Result<Vec<FeedState>, StoreError> {
        feeds::feed_states(&*self.connection()?)
    }

    fn save_feed_state(&self, state: &FeedState) -> Result<(), StoreError> {
        feeds::save_feed_state(&*self.connection()?, state)
    }

    fn import(&self, source: &dyn Store) -> Result<CopySummary, StoreError> {
        let mut conn = self.connection()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let articles = SqliteTables { tx: &tx }.article_total()?;
        let stories = SqliteTables { tx: &tx }.story_total()?;
        if articles + stories > 0 {
            return Err(StoreError::NotEmpty {
                articles: articles as usize,
            });
        }
        let mut summary = CopySummary::default();
        source.export(&mut |record| {
            summary.count(&record);
            import(&tx, record)
        })?;
        tx.commit()?;
        Ok(summary)
    }
}

/// Every row, stories first.
fn export(
    conn: &Connection,
    each: &mut dyn FnMut(Record) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stories = conn.prepare(
        "SELECT id, headline, articles, first_seen, last_seen, report, conflicts, failed,
                length, pair_sum
         FROM stories ORDER BY id",
    )?;
    let mut rows = stories.query([])?;
    while let Some(r) = rows.next()? {
        each(Record::Story {
            id: r.get(0)?,
            headline: r.get(1)?,
            articles: r.get(2)?,
            first_seen: r.get(3)?,
            last_seen: r.get(4)?,
            report: r.get(5)?,
            conflicts: r.get(6)?,
            failed: r.get(7)?,
            length: r.get(8)?,
            pair_sum: r.get(9)?,
        })?;
    }
    let mut articles = conn.prepare(
        "SELECT id, doc_id, title, text, source, url, date, hash, story, added
         FROM articles ORDER BY id",
    )?;
    let mut rows = articles.query([])?;
    while let Some(r) = rows.next()? {
        each(Record::Article {
            row: r.get(0)?,
            article: article_at(r, 1)?,
            hash: r.get(7)?,
            story: r.get(8)?,
            added: r.get(9)?,
        })?;
    }
    let mut terms = conn.prepare("SELECT term, documents FROM terms ORDER BY term")?;
    let mut rows = terms.query([])?;
    while let Some(r) = rows.next()? {
        each(Record::Term {
            term: r.get(0)?,
            documents: r.get(1)?,
        })?;
    }
    let mut centroids =
        conn.prepare("SELECT story, term, weight FROM story_terms ORDER BY story, term")?;
    let mut rows = centroids.query([])?;
    while let Some(r) = rows.next()? {
        each(Record::StoryTerm {
            story: r.get(0)?,
            term: r.get(1)?,
            weight: r.get(2)?,
        })?;
    }
    let mut names =
        conn.prepare("SELECT story, term, articles FROM story_particulars ORDER BY story, term")?;
    let mut rows = names.query([])?;
    while let Some(r) = rows.next()? {
        each(Record::StoryParticular {
            story: r.get(0)?,
            term: r.get(1)?,
            articles: r.get(2)?,
        })?;
    }
    Ok(())
}

/// Writes one row as it was.
fn import(conn: &Connection, record: Record) -> Result<(), StoreError> {
    match record {
        Record::Story {
            id,
            headline,
            articles,
            first_seen,
            last_seen,
            report,
            conflicts,
            failed,
            length,
            pair_sum,
        } => {
            conn.prepare_cached(
                "INSERT INTO stories (id, headline, articles, first_seen, last_seen, report, conflicts,
                                      failed, length, pair_sum)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                id, headline, articles, first_seen, last_seen, report, conflicts, failed, length,
                pair_sum
            ])?;
        }
        Record::Article {
            row,
            article: a,
            hash,
            story,
            added,
        } => {
            conn.prepare_cached(
                "INSERT INTO articles (id, doc_id, hash, title, text, source, url, date, story, added)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![row, a.id, hash, a.title, a.text, a.source, a.url, a.date, story, added])?;
            conn.prepare_cached(
                "INSERT INTO article_search (rowid, title, text) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![row, a.title, a.text])?;
        }
        Record::Term { term, documents } => {
            conn.prepare_cached("INSERT INTO terms (term, documents) VALUES (?1, ?2)")?
                .execute(params![term, documents])?;
        }
        Record::StoryTerm {
            story,
            term,
            weight,
        } => {
            conn.prepare_cached(
                "INSERT INTO story_terms (story, term, weight) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![story, term, weight])?;
        }
        Record::StoryParticular {
            story,
            term,
            articles,
        } => {
            conn.prepare_cached(
                "INSERT INTO story_particulars (story, term, articles) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![story, term, articles])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
