//! The shared store: a PostgreSQL database that any number of ingest
//! workers and servers, on any number of machines, use at once.
//!
//! Writers read and count their articles in parallel; placing a batch
//! (reading and updating term frequencies, centroids, sizes, merges)
//! happens in the batch's transaction under an advisory lock, one placer at
//! a time, so that two workers never split one new event into two stories
//! or lose a centroid update. Articles are unique by content hash
//! (`INSERT … ON CONFLICT DO NOTHING`). Servers keep nothing between
//! requests; a stale report is built by one of them at a time (a session
//! advisory lock on the story, tried without waiting), and a request for a
//! story being built waits for that lock instead of repeating the build.

mod feeds;
mod schema;
mod tables;

use std::str::FromStr;
use std::time::Duration;

use postgres::NoTls;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use r2d2_postgres::PostgresConnectionManager;

use chorus::model::Article;

use crate::copy::CopySummary;
use crate::location::PostgresUrl;
use crate::tables::Tables;
use crate::{
    AddedArticle, FeedState, IngestSummary, Record, Store, StoreError, StoredArticle, StoredStory,
    UpdatedStory, brief, delete, ingest, search_words, sql_count,
};
use schema::{BUILDING, LOCK_CLASS, PLACING};
pub(crate) use tables::PgTables;
use tables::pg_text;

/// Connections kept open for concurrent requests.
const POOL_SIZE: u32 = 8;
/// How long connecting may take when the URL does not say.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request waits for a free connection of the pool.
const POOL_TIMEOUT: Duration = Duration::from_secs(60);

/// A chorus store in a PostgreSQL database.
pub struct PostgresStore {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
}

impl PostgresStore {
    /// Connects to the database at `url` and creates or migrates the
    /// store's tables there. The database itself must exist.
    pub fn open(url: &PostgresUrl) -> Result<PostgresStore, StoreError> {
        let config = config(url)?;
        // One connection first: a server that is down or a login refused
        // is said at once, not after the pool's retries.
        let mut client = config.connect(NoTls).map_err(StoreError::Connect)?;
        schema::migrate(&mut client)?;
        drop(client);
        let pool = r2d2::Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(0))
            .connection_timeout(POOL_TIMEOUT)
            .build_unchecked(PostgresConnectionManager::new(config, NoTls));
        Ok(PostgresStore { pool })
    }

    /// Whether the database at `url` holds a chorus store already (an
    /// empty database does not); refused when it holds other tables or a
    /// newer store. Changes nothing.
    pub fn exists(url: &PostgresUrl) -> Result<bool, StoreError> {
        let mut client = config(url)?.connect(NoTls).map_err(StoreError::Connect)?;
        Ok(schema::check(&mut client)? > 0)
    }

    fn client(
        &self,
    ) -> Result<r2d2::PooledConnection<PostgresConnectionManager<NoTls>>, StoreError> {
        Ok(self.pool.get()?)
    }
}

/// How to connect to `url`, with chorus's defaults where it says nothing.
fn config(url: &PostgresUrl) -> Result<postgres::Config, StoreError> {
    let mut config = postgres::Config::from_str(url.secret()).map_err(|e| StoreError::BadUrl {
        reason: e.to_string(),
    })?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("chorus");
    }
    Ok(config)
}

/// The columns [`read_story`] reads, in its order.
const STORY_COLUMNS: &str =
    "s.id, s.headline, s.articles, s.first_seen, s.last_seen, s.conflicts, s.failed";

/// A story from a row that begins with [`STORY_COLUMNS`] (its sources
/// added by [`add_sources`]).
fn read_story(r: &postgres::Row) -> StoredStory {
    StoredStory {
        id: r.get(0),
        headline: r.get(1),
        articles: r.get::<_, i64>(2) as usize,
        sources: Vec::new(),
        first_seen: r.get(3),
        last_seen: r.get(4),
        conflicts: r.get::<_, Option<i64>>(5).map(|n| n as usize),
        failed: r.get(6),
    }
}

/// Fills in each story's outlets (or article ids where none is known), in
/// one query for them all.
fn add_sources(
    client: &mut postgres::Client,
    stories: &mut [StoredStory],
) -> Result<(), StoreError> {
    let ids: Vec<i64> = stories.iter().map(|s| s.id).collect();
    let sources = client.query(
        "SELECT DISTINCT story, coalesce(source, doc_id) COLLATE \"C\" FROM articles
         WHERE story = ANY($1) ORDER BY 1, 2",
        &[&ids],
    )?;
    let mut of_story: rustc_hash::FxHashMap<i64, Vec<String>> = Default::default();
    for row in sources {
        of_story.entry(row.get(0)).or_default().push(row.get(1));
    }
    for story in stories {
        story.sources = of_story.remove(&story.id).unwrap_or_default();
    }
    Ok(())
}

/// A story's articles in the order they were stored.
fn story_articles(client: &mut postgres::Client, story: i64) -> Result<Vec<Article>, StoreError> {
    let rows = client.query(
        "SELECT doc_id, title, text, source, url, date FROM articles
         WHERE story = $1 ORDER BY id",
        &[&story],
    )?;
    Ok(rows.iter().map(|r| article_at(r, 0)).collect())
}

/// The article whose `doc_id, title, text, source, url, date` start at
/// column `first` of `row`.
fn article_at(row: &postgres::Row, first: usize) -> Article {
    Article {
        id: row.get(first),
        title: row.get(first + 1),
        text: row.get(first + 2),
        source: row.get(first + 3),
        url: row.get(first + 4),
        date: row.get(first + 5),
        notes: Vec::new(),
    }
}

/// Takes the placing lock for the rest of `tx` (released when it ends,
/// committed or not; a dropped connection ends it too): one placer,
/// deleter or importer at a time.
fn lock_placing(tx: &mut postgres::Transaction<'_>) -> Result<(), StoreError> {
    tx.execute(
        "SELECT pg_advisory_xact_lock($1, $2)",
        &[&LOCK_CLASS, &PLACING],
    )?;
    Ok(())
}

/// Runs `work` holding the session lock on building `story`'s brief:
/// waiting for a server that holds it when `wait`, else `None` at once.
/// The lock goes with the connection should this process end mid-build.
fn building<T>(
    client: &mut postgres::Client,
    story: i64,
    wait: bool,
    work: impl FnOnce(&mut postgres::Client) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    // Story numbers past 2^31 share a lock with a smaller one: two builds
    // then wait for each other, nothing worse.
    let key = story as i32;
    if wait {
        client.execute("SELECT pg_advisory_lock($1, $2)", &[&BUILDING, &key])?;
    } else {
        let row = client.query_one("SELECT pg_try_advisory_lock($1, $2)", &[&BUILDING, &key])?;
        if !row.get::<_, bool>(0) {
            return Ok(None);
        }
    }
    let done = work(client);
    let unlocked = client.execute("SELECT pg_advisory_unlock($1, $2)", &[&BUILDING, &key]);
    let done = done?;
    unlocked?;
    Ok(Some(done))
}

/// Builds and keeps the brief of `story`, whose build lock this
/// connection holds, unless it is built or failed already; `None` when
/// there is no such story, else the report and whether this call kept it.
/// The story is marked [`brief::INTERRUPTED`] (committed) while the brief
/// is built, so that a build that ends the process is not tried again by
/// the next server to start; rows are not locked meanwhile, so writers
/// adding articles to the story are not held up.
fn build_claimed(
    client: &mut postgres::Client,
    story: i64,
    pipeline: &mut chorus::Pipeline,
) -> Result<Option<(String, bool)>, StoreError> {
    if let Some(done) = finished(client, story, None)? {
        return Ok(done);
    }
    // The mark need only outlive this process, not the database server:
    // committed without waiting for the WAL to reach the disk, it costs no
    // flush, once per brief built.
    let mut tx = client.transaction()?;
    tx.batch_execute("SET LOCAL synchronous_commit TO OFF")?;
    tx.execute(
        "UPDATE stories SET failed = $2 WHERE id = $1",
        &[&story, &brief::INTERRUPTED],
    )?;
    tx.commit()?;
    let built =
        story_articles(client, story).and_then(|articles| brief::build(story, articles, pipeline));
    let brief = match built {
        Ok(brief) => brief,
        Err(failure) => {
            // A failed build is kept as the story's failure; a store that
            // failed leaves the story to be tried again. Should even this
            // fail, the mark stays and the story is skipped.
            let reason = match &failure {
                StoreError::BuildFailed { reason, .. } => Some(pg_text(reason).into_owned()),
                _ => None,
            };
            let _ = client.execute(
                "UPDATE stories SET failed = $2 WHERE id = $1 AND failed = $3",
                &[&story, &reason, &brief::INTERRUPTED],
            );
            return Err(failure);
        }
    };
    // Kept only if no article joined meanwhile (a new article clears the
    // mark).
    let kept = client.execute(
        "UPDATE stories SET report = $2, conflicts = $3, headline = coalesce($4, headline),
            failed = NULL
         WHERE id = $1 AND report IS NULL AND failed = $5",
        &[
            &story,
            &brief.json,
            &brief.conflicts,
            &brief.headline.as_deref().map(pg_text),
            &brief::INTERRUPTED,
        ],
    )?;
    if kept == 1 {
        return Ok(Some((brief.json, true)));
    }
    Ok(finished(client, story, Some(brief.json))?.flatten())
}

/// What a story holds when there is no brief to build for it: `None` when
/// it is stale and not failed (to be built), else the stored report (not
/// kept by this call), its failure, `built` for a story that changed while
/// it was built, or no story at all.
fn finished(
    client: &mut postgres::Client,
    story: i64,
    built: Option<String>,
) -> Result<Option<Option<(String, bool)>>, StoreError> {
    let row = client.query_opt(
        "SELECT report, failed FROM stories WHERE id = $1",
        &[&story],
    )?;
    let Some(row) = row else {
        return Ok(Some(None));
    };
    match (
        row.get::<_, Option<String>>(0),
        row.get::<_, Option<String>>(1),
    ) {
        (Some(report), _) => Ok(Some(Some((report, false)))),
        (None, Some(reason)) => Err(StoreError::BuildFailed { story, reason }),
        (None, None) => Ok(built.map(|json| Some((json, false)))),
    }
}

impl Store for PostgresStore {
    fn ingest(
        &self,
        articles: Vec<Article>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<IngestSummary, StoreError> {
        let mut client = self.client()?;
        let batch = ingest::read(
            articles,
            &mut |hashes| {
                let rows =
                    client.query("SELECT hash FROM articles WHERE hash = ANY($1)", &[&hashes])?;
                Ok(rows.iter().map(|r| r.get(0)).collect())
            },
            progress,
        )?;
        let mut tx = client.transaction()?;
        lock_placing(&mut tx)?;
        let summary = ingest::place(&mut PgTables::new(&mut tx), batch)?;
        tx.commit()?;
        Ok(summary)
    }

    fn list(
        &self,
        search: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<StoredStory>, StoreError> {
        let mut client = self.client()?;
        // The order SQLite gives: NULL dates last, text compared byte by byte.
        let order = "ORDER BY s.articles DESC, s.last_seen COLLATE \"C\" DESC NULLS LAST,
                     s.id DESC LIMIT $1 OFFSET $2";
        let columns = STORY_COLUMNS;
        let (limit, offset) = (sql_count(limit), sql_count(offset));
        let words = search.map(search_words).unwrap_or_default();
        let rows = if words.is_empty() {
            client.query(
                &format!("SELECT {columns} FROM stories s {order}"),
                &[&limit, &offset],
            )?
        } else {
            // plainto_tsquery: every word required, none read as syntax.
            let words = words.join(" ");
            client.query(
                &format!(
                    "SELECT {columns} FROM stories s WHERE s.id IN (
                        SELECT a.story FROM articles a
                        WHERE a.search @@ plainto_tsquery('simple'::regconfig, $3))
                     {order}"
                ),
                &[&limit, &offset, &words],
            )?
        };
        let mut stories: Vec<StoredStory> = rows.iter().map(read_story).collect();
        add_sources(&mut client, &mut stories)?;
        Ok(stories)
    }

    fn recently_updated(&self, limit: usize) -> Result<Vec<UpdatedStory>, StoreError> {
        let mut client = self.client()?;
        // The order SQLite gives (see `list`).
        let rows = client.query(
            &format!(
                "SELECT {STORY_COLUMNS}, u.updated
                 FROM (SELECT story, max(added) AS updated FROM articles GROUP BY story) u
                 JOIN stories s ON s.id = u.story
                 ORDER BY u.updated DESC, s.last_seen COLLATE \"C\" DESC NULLS LAST, s.id DESC
                 LIMIT $1"
            ),
            &[&sql_count(limit)],
        )?;
        let mut stories: Vec<StoredStory> = rows.iter().map(read_story).collect();
        add_sources(&mut client, &mut stories)?;
        Ok(stories
            .into_iter()
            .zip(&rows)
            .map(|(story, row)| UpdatedStory {
                story,
                updated: row.get(7),
            })
            .collect())
    }

    fn recently_added(&self, story: i64, limit: usize) -> Result<Vec<AddedArticle>, StoreError> {
        let rows = self.client()?.query(
            "SELECT doc_id, title, source, url, date, added FROM articles
             WHERE story = $1 ORDER BY added DESC, id DESC LIMIT $2",
            &[&story, &sql_count(limit)],
        )?;
        Ok(rows
            .iter()
            .map(|r| AddedArticle {
                id: r.get(0),
                title: r.get(1),
                source: r.get(2),
                url: r.get(3),
                date: r.get(4),
                added: r.get(5),
            })
            .collect())
    }

    fn report(&self, id: i64) -> Result<Option<String>, StoreError> {
        let mut client = self.client()?;
        let stored = client.query_opt("SELECT report FROM stories WHERE id = $1", &[&id])?;
        match stored.map(|r| r.get::<_, Option<String>>(0)) {
            None => return Ok(None),
            Some(Some(report)) => return Ok(Some(report)),
            Some(None) => {}
        }
        // Waits for another server building this story, then reads what it
        // built (or why it failed) instead of building it again.
        let built = building(&mut client, id, true, |client| {
            build_claimed(client, id, &mut brief::pipeline())
        })?;
        Ok(built.flatten().map(|(report, _)| report))
    }

    fn report_since(&self, id: i64, since: i64) -> Result<Option<String>, StoreError> {
        let mut client = self.client()?;
        // One snapshot: the split is of one moment's articles.
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        if tx
            .query_opt("SELECT 1 FROM stories WHERE id = $1", &[&id])?
            .is_none()
        {
            return Ok(None);
        }
        let rows = tx.query(
            "SELECT doc_id, title, text, source, url, date, added >= $2 FROM articles
             WHERE story = $1 ORDER BY id",
            &[&id, &since],
        )?;
        tx.commit()?;
        let (mut earlier, mut new) = (Vec::new(), Vec::new());
        for r in rows {
            let article = article_at(&r, 0);
            if r.get::<_, bool>(6) {
                &mut new
            } else {
                &mut earlier
            }
            .push(article);
        }
        brief::since(id, earlier, new).map(Some)
    }

    fn build_stale(&self, limit: usize) -> Result<usize, StoreError> {
        let mut client = self.client()?;
        let stale: Vec<i64> = client
            .query(
                "SELECT id FROM stories WHERE report IS NULL AND failed IS NULL
                 ORDER BY articles DESC, id LIMIT $1",
                &[&sql_count(limit)],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut pipeline = brief::pipeline();
        let mut built = 0;
        for story in stale {
            // A story another server is building is skipped, not waited for.
            match building(&mut client, story, false, |client| {
                build_claimed(client, story, &mut pipeline)
            }) {
                Ok(Some(Some((_, true)))) => built += 1,
                Ok(_) => {}
                // Failed elsewhere since it was listed: not this turn's
                // failure.
                Err(StoreError::BuildFailed { reason, .. }) if reason == brief::INTERRUPTED => {}
                Err(failure) => return Err(failure),
            }
        }
        Ok(built)
    }

    fn delete_story(&self, id: i64) -> Result<Option<usize>, StoreError> {
        let mut client = self.client()?;
        let mut tx = client.transaction()?;
        // No placer moves articles into the story while it goes.
        lock_placing(&mut tx)?;
        let deleted = delete::delete(&mut PgTables::new(&mut tx), id)?;
        tx.commit()?;
        Ok(deleted)
    }

    fn story_of(&self, document: &str) -> Result<Option<i64>, StoreError> {
        let mut client = self.client()?;
        let row = client.query_opt(
            "SELECT story FROM articles WHERE doc_id = $1 ORDER BY id LIMIT 1",
            &[&pg_text(document).as_ref()],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    fn articles(&self) -> Result<Vec<StoredArticle>, StoreError> {
        let mut client = self.client()?;
        let rows = client.query("SELECT doc_id, hash, story FROM articles ORDER BY id", &[])?;
        Ok(rows
            .iter()
            .map(|r| StoredArticle {
                id: r.get(0),
                hash: r.get(1),
                story: r.get(2),
            })
            .collect())
    }

    fn article_count(&self) -> Result<usize, StoreError> {
        let mut client = self.client()?;
        let row = client.query_one("SELECT count(*) FROM articles", &[])?;
        Ok(row.get::<_, i64>(0) as usize)
    }

    fn export(
        &self,
        each: &mut dyn FnMut(Record) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut client = self.client()?;
        // One snapshot for every table, streamed row by row.
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let none: [&(dyn ToSql + Sync); 0] = [];
        let mut rows = tx.query_raw(
            "SELECT id, headline, articles, first_seen, last_seen, report, conflicts, failed,
                    length, pair_sum
             FROM stories ORDER BY id",
            none,
        )?;
        while let Some(r) = rows.next()? {
            each(Record::Story {
                id: r.get(0),
                headline: r.get(1),
                articles: r.get(2),
                first_seen: r.get(3),
                last_seen: r.get(4),
                report: r.get(5),
                conflicts: r.get(6),
                failed: r.get(7),
                length: r.get(8),
                pair_sum: r.get(9),
            })?;
        }
        drop(rows);
        let mut rows = tx.query_raw(
            "SELECT id, doc_id, title, text, source, url, date, hash, story, added
             FROM articles ORDER BY id",
            none,
        )?;
        while let Some(r) = rows.next()? {
            each(Record::Article {
                row: r.get(0),
                article: article_at(&r, 1),
                hash: r.get(7),
                story: r.get(8),
                added: r.get(9),
            })?;
        }
        drop(rows);
        let mut rows = tx.query_raw(
            "SELECT term, documents FROM terms ORDER BY term COLLATE \"C\"",
            none,
        )?;
        while let Some(r) = rows.next()? {
            each(Record::Term {
                term: r.get(0),
                documents: r.get(1),
            })?;
        }
        drop(rows);
        let mut rows = tx.query_raw(
            "SELECT story, term, weight FROM story_terms ORDER BY story, term COLLATE \"C\"",
            none,
        )?;
        while let Some(r) = rows.next()? {
            each(Record::StoryTerm {
                story: r.get(0),
                term: r.get(1),
                weight: r.get(2),
            })?;
        }
        drop(rows);
        let mut rows = tx.query_raw(
            "SELECT story, term, articles FROM story_particulars
             ORDER BY story, term COLLATE \"C\"",
            none,
        )?;
        while let Some(r) = rows.next()? {
            each(Record::StoryParticular {
                story: r.get(0),
                term: r.get(1),
                articles: r.get(2),
            })?;
        }
        drop(rows);
        tx.commit()?;
        Ok(())
    }

    fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        feeds::feed_state(&mut *self.client()?, url)
    }

    fn feed_states(&self) -> Result<Vec<FeedState>, StoreError> {
        feeds::feed_states(&mut *self.client()?)
    }

    fn save_feed_state(&self, state: &FeedState) -> Result<(), StoreError> {
        feeds::save_feed_state(&mut *self.client()?, state)
    }

    fn import(&self, source: &dyn Store) -> Result<CopySummary, StoreError> {
        let mut client = self.client()?;
        let mut tx = client.transaction()?;
        // No writer places into the store while it is filled.
        lock_placing(&mut tx)?;
        let mut tables = PgTables::new(&mut tx);
        let articles = tables.article_total()?;
        let stories = tables.story_total()?;
        drop(tables);
        if articles + stories > 0 {
            return Err(StoreError::NotEmpty {
                articles: articles as usize,
            });
        }
        let story = tx.prepare(
            "INSERT INTO stories (id, headline, articles, first_seen, last_seen, report, conflicts,
                                  failed, length, pair_sum)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )?;
        let article = tx.prepare(
            "INSERT INTO articles (id, doc_id, hash, title, text, source, url, date, story, added)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )?;
        let term = tx.prepare("INSERT INTO terms (term, documents) VALUES ($1, $2)")?;
        let story_term =
            tx.prepare("INSERT INTO story_terms (story, term, weight) VALUES ($1, $2, $3)")?;
        let story_particular = tx
            .prepare("INSERT INTO story_particulars (story, term, articles) VALUES ($1, $2, $3)")?;
        let mut summary = CopySummary::default();
        source.export(&mut |record| {
            summary.count(&record);
            let text = |t: &Option<String>| t.as_deref().map(|t| pg_text(t).into_owned());
            match &record {
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
                } => tx.execute(
                    &story,
                    &[
                        id,
                        &pg_text(headline).as_ref(),
                        articles,
                        first_seen,
                        last_seen,
                        report,
                        conflicts,
                        &text(failed),
                        length,
                        pair_sum,
                    ],
                )?,
                Record::Article {
                    row,
                    article: a,
                    hash,
                    story,
                    added,
                } => tx.execute(
                    &article,
                    &[
                        row,
                        &pg_text(&a.id).as_ref(),
                        hash,
                        &text(&a.title),
                        &pg_text(&a.text).as_ref(),
                        &text(&a.source),
                        &text(&a.url),
                        &a.date,
                        story,
                        added,
                    ],
                )?,
                Record::Term { term: t, documents } => tx.execute(&term, &[t, documents])?,
                Record::StoryTerm {
                    story,
                    term: t,
                    weight,
                } => tx.execute(&story_term, &[story, t, weight])?,
                Record::StoryParticular {
                    story,
                    term: t,
                    articles,
                } => tx.execute(&story_particular, &[story, &pg_text(t).as_ref(), articles])?,
            };
            Ok(())
        })?;
        // New stories and articles are numbered after the copied ones.
        tx.batch_execute(
            "SELECT setval(pg_get_serial_sequence('stories', 'id'), coalesce(max(id), 0) + 1, false)
             FROM stories;
             SELECT setval(pg_get_serial_sequence('articles', 'id'), coalesce(max(id), 0) + 1, false)
             FROM articles;",
        )?;
        tx.commit()?;
        Ok(summary)
    }
}

#[cfg(test)]
mod tests;

/// Opens a connection outside the pool (for tests that need one of their
/// own).
#[cfg(test)]
pub(crate) fn connect(url: &PostgresUrl) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(url.secret(), NoTls)
}
