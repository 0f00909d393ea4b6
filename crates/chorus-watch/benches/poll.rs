//! Throughput: `Watcher::cycle` over many local feeds, in feeds/s and
//! articles/s, against the test server on 127.0.0.1.
//!
//!     cargo bench -p chorus-watch --bench poll [-- --feeds 500 --entries 20 --workers 4 --db postgres://…/empty_db]
//!
//! The store is a fresh SQLite file unless `--db` names another (an empty
//! PostgreSQL database, say).
//!
//! Each feed has its own entries (full content, ~120 generated words about
//! one of a few hundred invented events, so that stories form); the first
//! cycle fetches and stores them all, the second is answered 304 by every
//! feed. Politeness is set for one local host: per-host limit = workers,
//! no delay.

#[path = "../tests/server/mod.rs"]
#[allow(dead_code)]
mod server;

use std::time::{Duration, Instant};

use chorus_store::Location;
use chorus_watch::{Options, Watcher};
use server::{Route, TestServer, rss};

const WORDS: &[&str] = &[
    "council", "river", "harbour", "strike", "election", "bridge", "storm", "court", "market",
    "hospital", "minister", "school", "railway", "festival", "factory", "airport", "mayor",
    "union", "farmers", "drought", "museum", "budget", "police", "border", "island", "ferry",
];

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let (mut feeds, mut entries, mut workers) = (500usize, 20usize, 4usize);
    let mut db: Option<Location> = None;
    while let Some(arg) = args.next() {
        let value = args.next();
        let number = value.as_deref().and_then(|v| v.parse().ok());
        match (arg.as_str(), number) {
            ("--feeds", Some(n)) => feeds = n,
            ("--entries", Some(n)) => entries = n,
            ("--workers", Some(n)) => workers = n,
            ("--db", _) if value.is_some() => db = value.as_deref().map(Location::parse),
            _ => {
                eprintln!(
                    "usage: cargo bench -p chorus-watch --bench poll -- [--feeds N] [--entries N] [--workers N] [--db STORE]"
                );
                return;
            }
        }
    }
    let server = TestServer::start();
    let mut urls = Vec::with_capacity(feeds);
    for f in 0..feeds {
        let items: Vec<(String, String, String)> = (0..entries)
            .map(|e| {
                let n = f * entries + e;
                let event = n % 300;
                let (a, b) = (WORDS[event % WORDS.len()], WORDS[(event / WORDS.len()) % WORDS.len()]);
                let title = format!("The {a} of Place{event} and the {b}");
                let mut text = format!("<p>Officials in Place{event} said on Monday that the {a} and the {b} would be discussed by Person{event}.</p><p>");
                let mut seed = n as u64 * 2_654_435_761 + 1;
                for _ in 0..120 {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    // Words of this event's own vocabulary, so that its
                    // articles make one story and other events others.
                    let word = WORDS[(seed >> 33) as usize % WORDS.len()];
                    text.push_str(&format!("{word}{event} "));
                }
                text.push_str(&format!("report {n}.</p>"));
                (title, format!("http://example.org/{f}/{e}"), text)
            })
            .collect();
        let borrowed: Vec<(&str, &str, &str, Option<&str>)> = items
            .iter()
            .map(|(t, l, x)| (t.as_str(), l.as_str(), "summary", Some(x.as_str())))
            .collect();
        let path = format!("/feeds/{f}.xml");
        server.route(
            &path,
            Route {
                etag: Some(format!("\"{f}\"")),
                ..Route::ok(rss(&format!("Outlet {f}"), &borrowed))
            },
        );
        urls.push(server.url(&path));
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let location = db.unwrap_or_else(|| Location::Sqlite(dir.path().join("bench.db")));
    let store = chorus_store::open(&location, &mut |_| {}).expect("a store");
    let options = Options {
        workers,
        per_host: workers,
        min_delay: Duration::ZERO,
        ..Options::default()
    };
    let watcher = Watcher::new(store, urls, options);
    let start = Instant::now();
    let first = watcher.cycle(true).expect("a cycle");
    let took = start.elapsed().as_secs_f64();
    let failed = first.failures().count();
    println!(
        "first cycle: {feeds} feeds x {entries} entries in {took:.2} s: {:.0} feeds/s, {:.0} articles/s ({} stored, {} stories, {failed} failed)",
        feeds as f64 / took,
        first.new_articles as f64 / took,
        first.new_articles,
        watcher.store().stories().map(|s| s.len()).unwrap_or(0),
    );
    let start = Instant::now();
    let second = watcher.cycle(true).expect("a cycle");
    let took = start.elapsed().as_secs_f64();
    println!(
        "second cycle (all 304): {} unchanged in {took:.2} s: {:.0} feeds/s",
        second.not_modified,
        feeds as f64 / took
    );
}
