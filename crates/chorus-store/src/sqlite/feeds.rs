//! The `feeds` table in SQLite: see [`crate::FeedState`].

use rusqlite::{Connection, OptionalExtension, params};

use crate::{FeedState, StoreError};

const COLUMNS: &str = "url, etag, last_modified, last_success, last_error, failures, next_poll";

pub(super) fn feed_state(conn: &Connection, url: &str) -> Result<Option<FeedState>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM feeds WHERE url = ?1"),
            [url],
            read_state,
        )
        .optional()?)
}

pub(super) fn feed_states(conn: &Connection) -> Result<Vec<FeedState>, StoreError> {
    let mut statement = conn.prepare(&format!("SELECT {COLUMNS} FROM feeds ORDER BY url"))?;
    let rows = statement.query_map([], read_state)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn save_feed_state(conn: &Connection, state: &FeedState) -> Result<(), StoreError> {
    conn.execute(
        &format!(
            "INSERT INTO feeds ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (url) DO UPDATE SET etag = ?2, last_modified = ?3, last_success = ?4,
                 last_error = ?5, failures = ?6, next_poll = ?7"
        ),
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
