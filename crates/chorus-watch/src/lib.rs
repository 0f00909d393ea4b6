//! Watch: feeds polled politely, their new entries stored as articles and
//! placed in stories, as `chorus ingest` places them.
//!
//! A [`Watcher`] holds the store, one HTTP client and the feed list. Each
//! [`Watcher::cycle`] polls the feeds that are due, a few at a time (never
//! more than [`Options::per_host`] at once to one host, each request
//! [`Options::min_delay`] after the last to it): a conditional request
//! (the `ETag` and `Last-Modified` kept in the store), the entries read by
//! the core's feed reader, the linked page of each summary-only entry
//! fetched (where `robots.txt` allows) and read by its HTML reader, the
//! new articles stored in one transaction per feed. A feed that fails waits
//! twice as long after each failure in a row (up to
//! [`Options::max_backoff`]) while the others go on; its first success
//! resets it. Entries already stored (by link) are not read again.

#![warn(missing_docs)]

mod http;
mod list;
mod poll;
mod robots;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chorus::ingest::Limits;
use chorus_store::{Store, StoreError};

pub use http::{FetchError, user_agent};
pub use list::{FeedList, read_feed_list};
pub use poll::{FeedReport, PAGE_READ};

/// How a watcher polls.
#[derive(Debug, Clone)]
pub struct Options {
    /// Time between polls of a feed (longer when the feed asks for it).
    pub every: Duration,
    /// A URL that says who runs this watcher, sent in the User-Agent.
    pub contact: Option<String>,
    /// Longest a request may take, body included.
    pub timeout: Duration,
    /// Largest response body read.
    pub max_bytes: u64,
    /// Redirects followed before a request fails.
    pub max_redirects: u32,
    /// Requests at once to one host.
    pub per_host: usize,
    /// Least time between the starts of two requests to one host.
    pub min_delay: Duration,
    /// Feeds polled at once.
    pub workers: usize,
    /// Longest wait before a failing feed is tried again.
    pub max_backoff: Duration,
    /// Limits on what the readers accept.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            every: Duration::from_secs(600),
            contact: None,
            timeout: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            per_host: 2,
            min_delay: Duration::from_secs(1),
            workers: 4,
            max_backoff: Duration::from_secs(24 * 3600),
            limits: Limits::default(),
        }
    }
}

/// What one poll cycle did.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cycle {
    /// Feeds asked.
    pub polled: usize,
    /// Of those, feeds that answered 304 Not Modified.
    pub not_modified: usize,
    /// Feeds not asked because they are backing off after failures.
    pub backing_off: usize,
    /// Articles stored.
    pub new_articles: usize,
    /// Stories started.
    pub new_stories: usize,
    /// Stories that gained articles (counted once per feed).
    pub updated_stories: usize,
    /// Each feed polled, in list order.
    pub feeds: Vec<FeedReport>,
}

impl Cycle {
    /// Feeds whose poll failed.
    pub fn failures(&self) -> impl Iterator<Item = &FeedReport> {
        self.feeds.iter().filter(|f| f.error.is_some())
    }
}

/// Polls a list of feeds into a store.
pub struct Watcher {
    store: Box<dyn Store>,
    fetcher: http::Fetcher,
    robots: robots::RobotsCache,
    options: Options,
    feeds: Vec<String>,
}

impl Watcher {
    /// A watcher of `feeds` into `store`.
    pub fn new(store: Box<dyn Store>, feeds: Vec<String>, options: Options) -> Watcher {
        Watcher {
            store,
            fetcher: http::Fetcher::new(&options),
            robots: robots::RobotsCache::default(),
            options,
            feeds,
        }
    }

    /// The store it writes to.
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// Polls the feeds that are due (`every_feed`: all but those backing
    /// off, as `--once` does) and stores what is new.
    pub fn cycle(&self, every_feed: bool) -> Result<Cycle, StoreError> {
        let now = now_ms();
        let mut cycle = Cycle::default();
        let mut due = Vec::new();
        for url in &self.feeds {
            let state = self.store.feed_state(url)?;
            let waiting = state
                .as_ref()
                .is_some_and(|s| s.next_poll.is_some_and(|next| next > now));
            let failing = state.as_ref().is_some_and(|s| s.failures > 0);
            if waiting && (failing || !every_feed) {
                cycle.backing_off += usize::from(failing);
                continue;
            }
            due.push(url.as_str());
        }
        let queue = Mutex::new(due.iter().enumerate());
        let results: Mutex<Vec<(usize, Result<FeedReport, StoreError>)>> = Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for _ in 0..self.options.workers.clamp(1, due.len().max(1)) {
                scope.spawn(|| {
                    loop {
                        let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                        let Some((n, url)) = next else { break };
                        let report = self.poll(url);
                        results
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push((n, report));
                    }
                });
            }
        });
        let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
        results.sort_by_key(|(n, _)| *n);
        for (_, report) in results {
            let report = report?;
            cycle.polled += 1;
            cycle.not_modified += usize::from(report.not_modified);
            cycle.new_articles += report.new_articles;
            cycle.new_stories += report.new_stories;
            cycle.updated_stories += report.updated_stories;
            cycle.feeds.push(report);
        }
        Ok(cycle)
    }

    /// Polls in cycles until `stop` is set, handing each cycle to `each`;
    /// a cycle under way when `stop` is set is finished first.
    pub fn run(&self, stop: &AtomicBool, mut each: impl FnMut(&Cycle)) -> Result<(), StoreError> {
        while !stop.load(Ordering::SeqCst) {
            let cycle = self.cycle(false)?;
            each(&cycle);
            let until = self.next_due()?;
            while !stop.load(Ordering::SeqCst) && now_ms() < until {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Ok(())
    }

    /// When the next feed is due (milliseconds since the epoch).
    fn next_due(&self) -> Result<i64, StoreError> {
        let mut soonest = now_ms().saturating_add(self.options.every.as_millis() as i64);
        for url in &self.feeds {
            match self.store.feed_state(url)?.and_then(|s| s.next_poll) {
                Some(next) => soonest = soonest.min(next),
                None => return Ok(now_ms()),
            }
        }
        Ok(soonest)
    }

    /// Wait after `failures` failures in a row: `every`, doubled with each
    /// further failure, at most `max_backoff`.
    fn backoff(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(20);
        self.options
            .every
            .saturating_mul(1 << doublings)
            .min(self.options.max_backoff.max(self.options.every))
    }
}

/// Milliseconds since the Unix epoch.
fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Box::new(chorus_store::SqliteStore::open(&dir.path().join("s.db"))?);
        let options = Options {
            every: Duration::from_secs(60),
            max_backoff: Duration::from_secs(300),
            ..Options::default()
        };
        let watcher = Watcher::new(store, Vec::new(), options);
        let waits: Vec<u64> = (1..=5).map(|n| watcher.backoff(n).as_secs()).collect();
        assert_eq!(waits, [60, 120, 240, 300, 300]);
        Ok(())
    }
}
