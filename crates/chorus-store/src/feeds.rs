//! What the store remembers about each watched feed, so that a watcher
//! restarted (or run from cron) asks conditionally, keeps backing off a
//! failing feed, and can say when each feed was last read. Each backend
//! keeps it in a `feeds` table, one row per feed address.

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
