//! What the store remembers about each watched feed, so that a watcher
//! restarted (or run from cron) asks conditionally, keeps backing off a
//! failing feed, and can say when each feed was last read.

use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError};

/// The migration that adds the feeds table.
pub(crate) const MIGRATION_SQL: &str = "
    -- One row per watched feed: its validators for conditional requests,
    -- its schedule and its recent failures.
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_success INTEGER,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll INTEGER
    );
";

/// What is known about one feed. Times are milliseconds since the Unix
/// epoch.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FeedState {
    /// The feed's address, as listed.
    pub url: String,
    /// The `ETag` of its last full answer.
    pub etag: Option<String>,
    /// The `Last-Modified` of its last full answer.
    pub last_modified: Option<String>,
    /// When it last answered well (200 or 304).
    pub last_success: Option<i64>,
    /// What went wrong the last time, if the last poll failed.
    pub last_error: Option<String>,
    /// Polls failed in a row (the backoff grows with them).
    pub failures: u32,
    /// Not to be polled before this.
    pub next_poll: Option<i64>,
}

impl Store {
    /// What is known about the feed at `url` (nothing yet: `None`).
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT url, etag, last_modified, last_success, last_error, failures, next_poll
                 FROM feeds WHERE url = ?1",
                [url],
                read_state,
            )
            .optional()?)
    }

    /// Every feed known, by address.
    pub fn feed_states(&self) -> Result<Vec<FeedState>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT url, etag, last_modified, last_success, last_error, failures, next_poll
             FROM feeds ORDER BY url",
        )?;
        let rows = statement.query_map([], read_state)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keeps `state` as what is known about its feed.
    pub fn save_feed_state(&mut self, state: &FeedState) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO feeds (url, etag, last_modified, last_success, last_error, failures, next_poll)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (url) DO UPDATE SET etag = ?2, last_modified = ?3, last_success = ?4,
                 last_error = ?5, failures = ?6, next_poll = ?7",
            params![
                state.url,
                state.etag,
                state.last_modified,
                state.last_success,
                state.last_error,
                state.failures,
                state.next_poll
            ],
        )?;
        Ok(())
    }
}

fn read_state(r: &rusqlite::Row<'_>) -> rusqlite::Result<FeedState> {
    Ok(FeedState {
        url: r.get(0)?,
        etag: r.get(1)?,
        last_modified: r.get(2)?,
        last_success: r.get(3)?,
        last_error: r.get(4)?,
        failures: r.get(5)?,
        next_poll: r.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_state_is_kept_and_replaced() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut store = Store::open(&dir.path().join("s.db"))?;
        assert_eq!(store.feed_state("http://a/feed")?, None);
        let mut state = FeedState {
            url: "http://a/feed".into(),
            etag: Some("\"v1\"".into()),
            failures: 2,
            next_poll: Some(5),
            ..FeedState::default()
        };
        store.save_feed_state(&state)?;
        assert_eq!(store.feed_state("http://a/feed")?, Some(state.clone()));
        state.etag = None;
        state.failures = 0;
        state.last_error = Some("500".into());
        store.save_feed_state(&state)?;
        assert_eq!(store.feed_state("http://a/feed")?, Some(state.clone()));
        assert_eq!(store.feed_states()?, [state]);
        Ok(())
    }
}
