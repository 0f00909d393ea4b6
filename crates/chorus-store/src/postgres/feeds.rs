//! The `feeds` table in PostgreSQL: see [`crate::FeedState`].

use postgres::Row;

use super::tables::pg_text;
use crate::{FeedState, StoreError};

const COLUMNS: &str = "url, etag, last_modified, last_success, last_error, failures, next_poll";

pub(super) fn feed_state(
    client: &mut postgres::Client,
    url: &str,
) -> Result<Option<FeedState>, StoreError> {
    let row = client.query_opt(
        &format!("SELECT {COLUMNS} FROM feeds WHERE url = $1"),
        &[&pg_text(url).as_ref()],
    )?;
    Ok(row.map(|r| read_state(&r)))
}

pub(super) fn feed_states(client: &mut postgres::Client) -> Result<Vec<FeedState>, StoreError> {
    let rows = client.query(&format!("SELECT {COLUMNS} FROM feeds ORDER BY url"), &[])?;
    Ok(rows.iter().map(read_state).collect())
}

pub(super) fn save_feed_state(
    client: &mut postgres::Client,
    state: &FeedState,
) -> Result<(), StoreError> {
    // PostgreSQL text holds no NUL; an error message or header might.
    let text = |t: &Option<String>| t.as_deref().map(|t| pg_text(t).into_owned());
    client.execute(
        &format!(
            "INSERT INTO feeds ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (url) DO UPDATE SET etag = $2, last_modified = $3, last_success = $4,
                 last_error = $5, failures = $6, next_poll = $7"
        ),
        &[
            &pg_text(&state.url).as_ref(),
            &text(&state.etag),
            &text(&state.last_modified),
            &state.last_success,
            &text(&state.last_error),
            &i64::from(state.failures),
            &state.next_poll,
        ],
    )?;
    Ok(())
}

fn read_state(r: &Row) -> FeedState {
    FeedState {
        url: r.get(0),
        etag: r.get(1),
        last_modified: r.get(2),
        last_success: r.get(3),
        last_error: r.get(4),
        // Written from a u32; a row edited by hand past it counts as many.
        failures: u32::try_from(r.get::<_, i64>(5).max(0)).unwrap_or(u32::MAX),
        next_poll: r.get(6),
    }
}
