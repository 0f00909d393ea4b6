//! The watcher against a real HTTP server on 127.0.0.1: what it stores,
//! what it asks, and how it treats feeds that fail.

mod server;

use std::time::Duration;

use chorus_store::{Location, open};
use chorus_watch::{Options, Watcher};
use server::{Route, TestServer, rss};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const FLOOD: &str = "<p>Floodwaters rose across the river valley on Tuesday, forcing thousands of residents to leave their homes as emergency crews worked through the night.</p><p>The regional authority said 4,000 people had been evacuated and that the river would crest on Wednesday.</p>";
const FLOOD_2: &str = "<p>Thousands fled rising floodwaters in the river valley on Tuesday as the river neared its crest, the regional authority said.</p><p>About 4,000 residents were evacuated overnight while emergency crews reinforced levees.</p>";
const ROBOTS_OK: &str = "User-agent: *\nDisallow: /private/\n";

fn options() -> Options {
    Options {
        every: Duration::from_millis(300),
        contact: Some("https://example.org/about-our-bot".into()),
        timeout: Duration::from_secs(5),
        min_delay: Duration::ZERO,
        ..Options::default()
    }
}

fn watcher(dir: &tempfile::TempDir, feeds: Vec<String>, options: Options) -> Result<Watcher> {
    watcher_at(&sqlite(dir), feeds, options)
}

fn watcher_at(store: &Location, feeds: Vec<String>, options: Options) -> Result<Watcher> {
    Ok(Watcher::new(open(store, &mut |_| {})?, feeds, options))
}

fn sqlite(dir: &tempfile::TempDir) -> Location {
    Location::Sqlite(dir.path().join("chorus.db"))
}

/// Runs `test` against a fresh PostgreSQL database (skipped, said why,
/// when no server can be had; see the `chorus-testdb` crate).
fn on_postgres(name: &str, test: fn(&Location) -> Result) -> Result {
    match chorus_testdb::database(name) {
        Some(db) => test(&Location::parse(db.url())),
        None => Ok(()),
    }
}

fn page(headline: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{headline} | The Daily Example</title><meta property=\"og:site_name\" content=\"The Daily Example\"></head><body><nav>Home News Sport</nav><article><h1>{headline}</h1>{body}</article><footer>Copyright</footer></body></html>"
    )
}

#[test]
fn full_entries_are_stored_and_a_summary_only_entry_gets_its_page() -> Result {
    let server = TestServer::start();
    server.route("/robots.txt", Route::ok(ROBOTS_OK));
    let article = server.url("/news/flood-2");
    server.route(
        "/feed.xml",
        Route::ok(rss(
            "Example Wire",
            &[
                (
                    "River floods valley",
                    &server.url("/news/flood-1"),
                    "Floods.",
                    Some(FLOOD),
                ),
                ("Thousands flee floods", &article, "Thousands fled.", None),
            ],
        )),
    );
    server.route(
        "/news/flood-2",
        Route::ok(page("Thousands flee floods", FLOOD_2)),
    );
    let dir = tempfile::tempdir()?;
    let watcher = watcher(&dir, vec![server.url("/feed.xml")], options())?;
    let cycle = watcher.cycle(true)?;
    assert_eq!(
        (cycle.polled, cycle.new_articles, cycle.failures().count()),
        (1, 2, 0),
        "{cycle:?}"
    );
    assert_eq!(server.requests("/robots.txt").len(), 1);
    let fetched = server.requests("/news/flood-2");
    assert_eq!(fetched.len(), 1);
    let agent = &fetched[0].headers["user-agent"];
    assert!(
        agent.starts_with("chorus/") && agent.contains("https://example.org/about-our-bot"),
        "{agent}"
    );
    // The story holds both, the second read from its page.
    let store = watcher.store();
    let stories = store.stories()?;
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0].articles, 2);
    assert!(
        stories[0].sources.iter().any(|s| s == "The Daily Example"),
        "{stories:?}"
    );
    assert!(
        stories[0].sources.iter().any(|s| s == "Example Wire"),
        "{stories:?}"
    );
    assert!(store.story_of(&article)?.is_some());
    // Entries already stored are neither stored nor fetched again.
    let again = watcher.cycle(true)?;
    assert_eq!(again.new_articles, 0);
    assert_eq!(server.requests("/news/flood-2").len(), 1);
    Ok(())
}

#[test]
fn an_unchanged_feed_costs_a_304_asked_with_both_validators() -> Result {
    let dir = tempfile::tempdir()?;
    unchanged_feed(&sqlite(&dir))
}

#[test]
fn an_unchanged_feed_costs_a_304_with_the_validators_in_postgresql() -> Result {
    on_postgres(
        "an_unchanged_feed_costs_a_304_with_the_validators_in_postgresql",
        unchanged_feed,
    )
}

fn unchanged_feed(store: &Location) -> Result {
    let server = TestServer::start();
    let feed = rss(
        "Example Wire",
        &[(
            "River floods valley",
            "http://example.org/1",
            "F.",
            Some(FLOOD),
        )],
    );
    server.route(
        "/feed.xml",
        Route {
            etag: Some("\"v1\"".into()),
            ..Route::ok(feed).header("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
        },
    );
    let watcher = watcher_at(store, vec![server.url("/feed.xml")], options())?;
    let first = watcher.cycle(true)?;
    assert_eq!((first.new_articles, first.not_modified), (1, 0));
    let second = watcher.cycle(true)?;
    assert_eq!(
        (second.polled, second.not_modified, second.new_articles),
        (1, 1, 0),
        "{second:?}"
    );
    let asked = server.requests("/feed.xml");
    assert_eq!(asked.len(), 2);
    assert!(!asked[0].headers.contains_key("if-none-match"));
    assert_eq!(
        asked[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(
        asked[1]
            .headers
            .get("if-modified-since")
            .map(String::as_str),
        Some("Tue, 01 Dec 2026 10:00:00 GMT")
    );
    // The validators outlive the watcher: they are in the store.
    drop(watcher);
    let state = open(store, &mut |_| {})?
        .feed_state(&server.url("/feed.xml"))?
        .ok_or("no feed state")?;
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert!(state.last_success.is_some() && state.last_error.is_none());
    Ok(())
}

#[test]
fn a_page_robots_txt_forbids_is_not_fetched_and_the_summary_is_kept() -> Result {
    let server = TestServer::start();
    server.route("/robots.txt", Route::ok(ROBOTS_OK));
    server.route("/private/flood", Route::ok(page("Secret", FLOOD_2)));
    let link = server.url("/private/flood");
    let summary = "Floodwaters forced thousands from their homes in the river valley on Tuesday.";
    server.route(
        "/feed.xml",
        Route::ok(rss(
            "Example Wire",
            &[("Thousands flee", &link, summary, None)],
        )),
    );
    let dir = tempfile::tempdir()?;
    let watcher = watcher(&dir, vec![server.url("/feed.xml")], options())?;
    let cycle = watcher.cycle(true)?;
    assert_eq!(cycle.new_articles, 1);
    assert!(server.requests("/private/flood").is_empty());
    let problems = &cycle.feeds[0].problems;
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&link) && p.contains("robots.txt disallows it")),
        "{problems:?}"
    );
    assert!(watcher.store().story_of(&link)?.is_some());
    Ok(())
}

#[test]
fn a_failing_feed_backs_off_and_recovers_while_another_goes_on() -> Result {
    let dir = tempfile::tempdir()?;
    failing_feed(&sqlite(&dir))
}

#[test]
fn a_failing_feed_backs_off_and_recovers_in_postgresql() -> Result {
    on_postgres(
        "a_failing_feed_backs_off_and_recovers_in_postgresql",
        failing_feed,
    )
}

fn failing_feed(store: &Location) -> Result {
    let server = TestServer::start();
    server.route("/bad.xml", Route::status(500));
    server.route(
        "/good.xml",
        Route::ok(rss(
            "Good",
            &[("Floods", "http://example.org/g1", "F.", Some(FLOOD))],
        )),
    );
    let feeds = vec![server.url("/bad.xml"), server.url("/good.xml")];
    // The waits are checked against the times the store records, not
    // against sleeps: a loaded machine may take long over a cycle.
    let every = Duration::from_millis(1000);
    let options = Options { every, ..options() };
    let watcher = watcher_at(store, feeds, options)?;
    let bad = server.url("/bad.xml");
    let next_poll = |watcher: &Watcher| -> Result<i64> {
        let state = watcher.store().feed_state(&bad)?.ok_or("no state")?;
        Ok(state.next_poll.ok_or("no next poll")?)
    };
    let started = now_ms();
    let first = watcher.cycle(true)?;
    let ended = now_ms();
    assert_eq!(first.new_articles, 1);
    let failed: Vec<_> = first.failures().collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].url, bad);
    assert_eq!(failed[0].error.as_deref(), Some("HTTP status 500"));
    let wait = every.as_millis() as i64;
    let first_wait = next_poll(&watcher)?;
    assert!(
        (started + wait..=ended + wait).contains(&first_wait),
        "the first wait is `every`"
    );
    // At once again: the failing feed waits, the good one is asked.
    if now_ms() < first_wait {
        let second = watcher.cycle(true)?;
        assert_eq!((second.polled, second.backing_off), (1, 1), "{second:?}");
        assert_eq!(server.requests("/bad.xml").len(), 1);
        assert_eq!(server.requests("/good.xml").len(), 2);
    }
    // It fails again after its wait, which then doubles, and recovers.
    sleep_until(first_wait);
    let started = now_ms();
    let third = watcher.cycle(true)?;
    let ended = now_ms();
    assert_eq!(third.failures().count(), 1);
    let state = watcher.store().feed_state(&bad)?.ok_or("no state")?;
    assert_eq!(
        (state.failures, state.last_error.as_deref()),
        (2, Some("HTTP status 500"))
    );
    let second_wait = next_poll(&watcher)?;
    assert!(
        (started + 2 * wait..=ended + 2 * wait).contains(&second_wait),
        "the second wait is twice the first"
    );
    if now_ms() < second_wait {
        assert_eq!(watcher.cycle(true)?.backing_off, 1, "it waits");
    }
    sleep_until(second_wait);
    server.route(
        "/bad.xml",
        Route::ok(rss(
            "Bad",
            &[("Floods", "http://example.org/b1", "F.", Some(FLOOD_2))],
        )),
    );
    let recovered = watcher.cycle(true)?;
    assert_eq!(
        (recovered.failures().count(), recovered.new_articles),
        (0, 1),
        "{recovered:?}"
    );
    let state = watcher
        .store()
        .feed_state(&server.url("/bad.xml"))?
        .ok_or("no state")?;
    assert_eq!((state.failures, state.last_error), (0, None));
    Ok(())
}

#[test]
fn an_oversize_answer_is_refused() -> Result {
    let server = TestServer::start();
    let huge = rss(
        "Big",
        &[("Floods", "http://example.org/1", &"x".repeat(50_000), None)],
    );
    server.route("/big.xml", Route::ok(huge));
    let dir = tempfile::tempdir()?;
    let options = Options {
        max_bytes: 10_000,
        ..options()
    };
    let watcher = watcher(&dir, vec![server.url("/big.xml")], options)?;
    let cycle = watcher.cycle(true)?;
    assert_eq!(
        cycle.feeds[0].error.as_deref(),
        Some("response larger than 10000 bytes; refused")
    );
    assert_eq!(watcher.store().article_count()?, 0);
    Ok(())
}

#[test]
fn redirects_are_followed_a_bounded_number_of_times() -> Result {
    let server = TestServer::start();
    server.route("/moved.xml", Route::redirect("/feed.xml"));
    server.route(
        "/feed.xml",
        Route::ok(rss(
            "Wire",
            &[("Floods", "http://example.org/1", "F.", Some(FLOOD))],
        )),
    );
    server.route("/loop", Route::redirect("/loop"));
    let dir = tempfile::tempdir()?;
    let options = Options {
        max_redirects: 3,
        ..options()
    };
    let watcher = watcher(
        &dir,
        vec![server.url("/moved.xml"), server.url("/loop")],
        options,
    )?;
    let cycle = watcher.cycle(true)?;
    assert_eq!(cycle.feeds[0].new_articles, 1, "{cycle:?}");
    assert_eq!(
        cycle.feeds[1].error.as_deref(),
        Some("more than 3 redirects")
    );
    assert_eq!(server.requests("/loop").len(), 4);
    Ok(())
}

#[test]
fn bad_xml_a_web_page_and_a_slow_feed_are_named_and_the_rest_goes_on() -> Result {
    let server = TestServer::start();
    server.route(
        "/broken.xml",
        Route::ok("<rss><channel><title>x</title><item><title>A</ti"),
    );
    server.route("/page.html", Route::ok(page("Not a feed", FLOOD)));
    server.route(
        "/slow.xml",
        Route {
            delay: Duration::from_secs(3),
            ..Route::ok(rss(
                "Slow",
                &[("Floods", "http://example.org/s", "F.", Some(FLOOD))],
            ))
        },
    );
    server.route(
        "/good.xml",
        Route::ok(rss(
            "Good",
            &[("Floods", "http://example.org/1", "F.", Some(FLOOD))],
        )),
    );
    let dir = tempfile::tempdir()?;
    let feeds = ["/broken.xml", "/page.html", "/slow.xml", "/good.xml"].map(|p| server.url(p));
    let options = Options {
        timeout: Duration::from_millis(800),
        ..options()
    };
    let watcher = watcher(&dir, feeds.to_vec(), options)?;
    let cycle = watcher.cycle(true)?;
    let errors: Vec<String> = cycle
        .feeds
        .iter()
        .map(|f| f.error.clone().unwrap_or_default())
        .collect();
    assert!(
        errors[0].starts_with(&format!("{}: not a readable feed", feeds[0])),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with(&format!("{}: not a readable feed", feeds[1])),
        "{errors:?}"
    );
    assert!(errors[2].starts_with("timed out"), "{errors:?}");
    assert_eq!((errors[3].as_str(), cycle.feeds[3].new_articles), ("", 1));
    Ok(())
}

const FERRY: &str = "<p>Ferry crews in Port Elmer walked out over pay on Monday, halting every crossing to Marren Island.</p><p>The union said talks with the operator had broken down after three weeks, and islanders were told to expect no sailings before Thursday.</p>";

#[test]
fn the_same_article_in_two_feeds_is_stored_once_and_both_outlets_counted() -> Result {
    let server = TestServer::start();
    let entry = |outlet: &str, path: &str| {
        rss(
            outlet,
            &[(
                "Ferry crews strike",
                &server.url(path),
                "Strike.",
                Some(FERRY),
            )],
        )
    };
    // One wire story: two outlets under their own links, and the first
    // outlet again in another of its feeds.
    server.route("/coast.xml", Route::ok(entry("Coast News", "/coast/ferry")));
    server.route(
        "/harbour.xml",
        Route::ok(entry("Harbour Times", "/harbour/ferry")),
    );
    server.route(
        "/coast-world.xml",
        Route::ok(entry("Coast News", "/coast/world/ferry")),
    );
    let feeds = ["/coast.xml", "/harbour.xml", "/coast-world.xml"].map(|f| server.url(f));
    let dir = tempfile::tempdir()?;
    let watcher = watcher(&dir, feeds.to_vec(), options())?;
    let cycle = watcher.cycle(true)?;
    assert_eq!((cycle.polled, cycle.new_articles), (3, 2), "{cycle:?}");
    assert!(
        cycle.feeds.iter().all(|f| f.problems.is_empty()),
        "{cycle:?}"
    );
    let store = watcher.store();
    let stories = store.stories()?;
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0].articles, 2);
    assert_eq!(stories[0].sources, ["Coast News", "Harbour Times"]);
    // The brief counts the copy once: one document is a copy of the other.
    store.build_stale(10)?;
    let report: chorus::model::Report =
        serde_json::from_str(&store.report(stories[0].id)?.unwrap_or_default())?;
    let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    let copies: Vec<(&str, &str)> = report
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.duplicate_of.as_deref()?)))
        .collect();
    assert_eq!(copies.len(), 1, "{:?}", report.documents);
    assert!(ids.contains(&copies[0].1) && copies[0].0 != copies[0].1);
    // Polled again, nothing is stored twice.
    let again = watcher.cycle(true)?;
    assert_eq!(again.new_articles, 0, "{again:?}");
    assert_eq!(store.article_count()?, 2);
    Ok(())
}

/// An RSS feed from raw `<item>`s.
fn raw_rss(outlet: &str, items: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>{outlet}</title><link>http://example.org/</link><description>news</description>\n{}</channel></rss>\n",
        items.concat()
    )
}

fn item(guid: Option<&str>, link: Option<&str>, dated: bool, text: &str) -> String {
    let mut out = String::from("<item><title>Valley report</title>");
    if let Some(guid) = guid {
        out.push_str(&format!("<guid isPermaLink=\"false\">{guid}</guid>"));
    }
    if let Some(link) = link {
        out.push_str(&format!("<link>{link}</link>"));
    }
    if dated {
        out.push_str("<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>");
    }
    // Whole text, so that no page is fetched.
    out.push_str(&format!(
        "<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>\n"
    ));
    out
}

#[test]
fn repeated_guids_and_entries_without_links_or_dates_are_stored_once_each() -> Result {
    let server = TestServer::start();
    let feed = server.url("/valley.xml");
    let texts = [
        "The Tobrak river bridge in Ulden reopened to traffic after repairs.",
        "Schools across the Caskel valley closed as wildfire smoke thickened.",
        "Rescue teams reached the miners trapped at the Dunmore colliery.",
        "Voters in Fenwick elected a new mayor after a recount of ballots.",
        "Reservoirs around Halvik fell to their lowest level in forty years.",
        "A harbour fire destroyed three warehouses and a trawler in Garrow.",
    ];
    let (one, two) = (server.url("/valley/one"), server.url("/valley/two"));
    let first_poll = [
        // Keyed by its guid: no link, no date.
        item(Some("valley-1"), None, false, texts[0]),
        // The same entry again: nothing new.
        item(Some("valley-1"), None, false, texts[0]),
        // The same guid on another text: kept too, under its text's hash.
        item(Some("valley-1"), None, true, texts[1]),
        // One guid on two links: two articles.
        item(Some("valley-2"), Some(&one), true, texts[2]),
        item(Some("valley-2"), Some(&two), true, texts[3]),
        // Neither guid nor link nor date: keyed by its text.
        item(None, None, false, texts[4]),
        // A link listed twice with other text: one page, the first kept.
        item(Some("valley-3"), Some(&one), true, texts[5]),
    ];
    server.route(
        "/valley.xml",
        Route::ok(raw_rss("Valley Post", &first_poll)),
    );
    let dir = tempfile::tempdir()?;
    let watcher = watcher(&dir, vec![feed.clone()], options())?;
    let cycle = watcher.cycle(true)?;
    assert_eq!(cycle.new_articles, 5, "{cycle:?}");
    let problems = &cycle.feeds[0].problems;
    assert_eq!(problems.len(), 2, "{problems:?}");
    let rekeyed = format!("{feed}#valley-1: guid given to two entries with different text");
    assert!(problems[0].starts_with(&rekeyed), "{problems:?}");
    assert!(
        problems[1].starts_with(&format!("{one}: listed twice with different text")),
        "{problems:?}"
    );
    let text_id = |text: &str| format!("{feed}#{}", chorus_store::content_hash(text));
    let mut expected = vec![
        format!("{feed}#valley-1"),
        text_id(texts[1]),
        one.clone(),
        two.clone(),
        text_id(texts[4]),
    ];
    expected.sort();
    let store = watcher.store();
    let stored_ids = |store: &dyn chorus_store::Store| -> Result<Vec<String>> {
        let mut ids: Vec<String> = store.articles()?.into_iter().map(|a| a.id).collect();
        ids.sort();
        Ok(ids)
    };
    assert_eq!(stored_ids(store)?, expected);
    // Undated entries are stored without a date.
    let undated = store.story_of(&format!("{feed}#valley-1"))?.unwrap_or(-1);
    let added = store.recently_added(undated, 10)?;
    assert_eq!(added[0].date, None, "{added:?}");
    // The next poll: the guid-keyed entry edited, the rest the same, one
    // entry new; only the new one is stored.
    let mut second_poll = first_poll.to_vec();
    second_poll[0] = item(
        Some("valley-1"),
        None,
        false,
        "The Tobrak river bridge in Ulden reopened to traffic on Monday after repairs.",
    );
    second_poll.push(item(Some("valley-4"), None, false, texts[5]));
    server.route(
        "/valley.xml",
        Route::ok(raw_rss("Valley Post", &second_poll)),
    );
    let again = watcher.cycle(true)?;
    assert_eq!(again.new_articles, 1, "{again:?}");
    expected.push(format!("{feed}#valley-4"));
    expected.sort();
    assert_eq!(stored_ids(store)?, expected);
    Ok(())
}

#[test]
fn an_unreachable_host_and_a_tls_failure_are_named_and_the_rest_goes_on() -> Result {
    let server = TestServer::start();
    server.route(
        "/good.xml",
        Route::ok(rss(
            "Good",
            &[("Floods", "http://example.org/1", "F.", Some(FLOOD))],
        )),
    );
    // A port nothing listens on any more, and TLS asked of a server that
    // speaks plain HTTP.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
    let unreachable = format!("http://{closed}/feed.xml");
    let tls = server.url("/good.xml").replacen("http://", "https://", 1);
    let feeds = vec![unreachable, tls, server.url("/good.xml")];
    let dir = tempfile::tempdir()?;
    let watcher = watcher(&dir, feeds, options())?;
    let cycle = watcher.cycle(true)?;
    let errors: Vec<&str> = cycle
        .feeds
        .iter()
        .map(|f| f.error.as_deref().unwrap_or(""))
        .collect();
    assert!(!errors[0].is_empty() && !errors[1].is_empty(), "{errors:?}");
    assert_eq!((errors[2], cycle.feeds[2].new_articles), ("", 1));
    // Both back off; their failures are kept with the feed.
    let states = watcher.store().feed_states()?;
    let failing: Vec<u32> = states.iter().map(|s| s.failures).collect();
    assert_eq!(failing.iter().filter(|&&f| f == 1).count(), 2, "{states:?}");
    Ok(())
}

/// Milliseconds since the Unix epoch, as the store records poll times.
fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Sleeps until `when` (milliseconds since the Unix epoch) has passed.
fn sleep_until(when: i64) {
    while now_ms() <= when {
        std::thread::sleep(Duration::from_millis(20));
    }
}
