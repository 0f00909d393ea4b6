//! `chorus watch`: the command line over the chorus-watch crate.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use chorus_store::Location;
use chorus_watch::{Cycle, Options, Watcher, read_feed_list};

use crate::{complain, open_store};

#[derive(clap::Args)]
pub struct WatchArgs {
    /// The feeds: a text file of feed addresses (one a line, # for
    /// comments) or an OPML subscription list.
    feeds: PathBuf,
    /// The store (created if missing): an SQLite file, or a PostgreSQL
    /// database as postgres://user@host:port/db.
    #[arg(long, required = true)]
    db: Location,
    /// Poll every feed once and exit (for cron); feeds backing off after
    /// failures are left for a later run.
    #[arg(long)]
    once: bool,
    /// Time between polls of a feed (e.g. 90s, 10m, 1h); a feed asking
    /// for longer (RSS ttl, Cache-Control max-age) is polled less often.
    #[arg(long, default_value = "10m", value_parser = humantime::parse_duration)]
    every: Duration,
    /// A web page saying who runs this watcher, sent in the User-Agent.
    #[arg(long)]
    contact: Option<String>,
    /// Print each poll cycle as one line of JSON on stdout.
    #[arg(long)]
    json: bool,
}

/// Runs `chorus watch`; returns whether every feed was read.
pub fn watch(args: WatchArgs) -> Result<bool> {
    let list = read_feed_list(&args.feeds).map_err(anyhow::Error::msg)?;
    let mut clean = list.problems.is_empty();
    for problem in &list.problems {
        complain(problem);
    }
    if list.feeds.is_empty() {
        anyhow::bail!("{}: no feeds to watch", args.feeds.display());
    }
    let store = open_store(&args.db)?;
    let options = Options {
        every: args.every,
        contact: args.contact.clone(),
        ..Options::default()
    };
    let watcher = Watcher::new(store, list.feeds, options);
    let db = args.db.to_string();
    let mut print = |cycle: &Cycle| {
        clean &= show(cycle, args.json);
    };
    if args.once {
        let cycle = watcher.cycle(true).with_context(|| db.clone())?;
        print(&cycle);
        return Ok(clean);
    }
    // Ctrl-C lets the cycle under way finish and its articles be stored.
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .context("cannot catch Ctrl-C")?;
    watcher.run(&stop, &mut print).with_context(|| db.clone())?;
    Ok(clean)
}

/// Prints what a cycle did: failures and problems on stderr, then one line
/// (or JSON on stdout); returns whether nothing failed.
fn show(cycle: &Cycle, json: bool) -> bool {
    let mut clean = true;
    for feed in &cycle.feeds {
        if let Some(error) = &feed.error {
            complain(&format!("{}: {error}", feed.url));
            clean = false;
        }
        for problem in &feed.problems {
            complain(problem);
        }
    }
    if json {
        match serde_json::to_string(cycle) {
            Ok(line) => println!("{line}"),
            Err(err) => complain(&format!("cannot write the cycle as JSON: {err}")),
        }
    } else {
        let failed = cycle.failures().count();
        eprintln!(
            "watch: {} polled ({} unchanged, {} backing off), {}; {}, {} updated; {} failed",
            cycle.polled,
            cycle.not_modified,
            cycle.backing_off,
            crate::listing::count(cycle.new_articles, "new article"),
            crate::listing::count(cycle.new_stories, "new story"),
            cycle.updated_stories,
            failed
        );
    }
    clean
}

#[derive(clap::Args)]
pub struct FeedsArgs {
    /// The store: an SQLite file, or a PostgreSQL database as
    /// postgres://user@host:port/db.
    #[arg(long, required = true)]
    db: Location,
    /// Print the feeds as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `chorus feeds`: what the store knows about each watched feed.
pub fn feeds(args: FeedsArgs) -> Result<bool> {
    let db = &args.db;
    if let Location::Sqlite(path) = db
        && !path.exists()
    {
        anyhow::bail!("{db}: no such store");
    }
    let store = open_store(db)?;
    let states = store.feed_states().with_context(|| db.to_string())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&states)?);
        return Ok(true);
    }
    for state in &states {
        let mut line = format!(
            "{}  last read {}, next {}",
            state.url,
            time(state.last_success),
            time(state.next_poll)
        );
        if let Some(error) = &state.last_error {
            line.push_str(&format!("; failing ({} in a row): {error}", state.failures));
        }
        println!("{}", chorus::scan::controls::escape_controls(&line));
    }
    Ok(true)
}

/// A stored time (milliseconds since the epoch) for people.
fn time(ms: Option<i64>) -> String {
    ms.and_then(chrono::DateTime::from_timestamp_millis)
        .map_or_else(
            || "never".to_string(),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
}
