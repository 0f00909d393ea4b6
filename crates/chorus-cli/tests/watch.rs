//! `chorus watch`: feeds from a local HTTP server into a store, then listed.

use std::io::{BufRead, BufReader};

use crate::util::*;

#[path = "../../chorus-watch/tests/server/mod.rs"]
#[allow(dead_code)]
mod server;

use server::{Route, TestServer, rss};

const QUAKE: &str = "<p>A magnitude 6.1 earthquake struck the coastal city early on Monday, damaging hundreds of buildings and cutting power to much of the region.</p><p>Officials said at least 12 people were injured and rescue teams were searching collapsed homes.</p>";
const QUAKE_2: &str = "<p>An earthquake of magnitude 6.1 hit the coastal city on Monday morning, injuring at least 12 people and damaging hundreds of buildings.</p><p>Power was cut across much of the region as rescue teams searched collapsed homes.</p>";

fn quake_server() -> TestServer {
    let server = TestServer::start();
    server.route(
        "/world.xml",
        Route::ok(rss(
            "Coast Herald",
            &[(
                "Earthquake strikes coastal city",
                &server.url("/a/1"),
                "Quake.",
                Some(QUAKE),
            )],
        )),
    );
    server.route(
        "/wire.xml",
        Route::ok(rss(
            "Wire Service",
            &[(
                "Quake injures 12 in coastal city",
                &server.url("/a/2"),
                "Quake.",
                Some(QUAKE_2),
            )],
        )),
    );
    server
}

#[test]
fn watch_once_stores_the_feeds_and_stories_lists_the_story() {
    let server = quake_server();
    let dir = tempfile::tempdir().expect("temporary folder");
    let list = format!(
        "# two outlets\n{}\nnot a feed address\n{} # the wire\n",
        server.url("/world.xml"),
        server.url("/wire.xml")
    );
    let feeds = write(dir.path(), "feeds.txt", list.as_bytes());
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let feeds = feeds.to_string_lossy().to_string();
    let output = chorus(&[
        "watch",
        &feeds,
        "--db",
        &db,
        "--once",
        "--contact",
        "https://example.org/bot",
    ]);
    let err = stderr(&output);
    // The garbage line is named with its line number; the rest is watched.
    assert!(
        err.contains("feeds.txt:3: \"not a feed address\": not a web address"),
        "{err}"
    );
    assert!(
        err.contains("watch: 2 polled (0 unchanged, 0 backing off), 2 new articles; 1 new story, "),
        "{err}"
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad line is a problem: {err}"
    );
    let agent = &server.requests("/world.xml")[0].headers["user-agent"];
    assert!(agent.contains("+https://example.org/bot"), "{agent}");
    let stories = json_of(&chorus(&["stories", "--db", &db, "--format", "json"]));
    assert_eq!(stories.as_array().map(Vec::len), Some(1), "{stories}");
    assert_eq!(stories[0]["articles"], 2);
    // Again: both feeds are asked again, nothing is new.
    let again = chorus(&["watch", &feeds, "--db", &db, "--once", "--json"]);
    let line: serde_json::Value = serde_json::from_str(&stdout(&again)).expect("one JSON line");
    assert_eq!(
        (line["polled"].clone(), line["new_articles"].clone()),
        (2.into(), 0.into())
    );
    // What the store keeps about each feed.
    let listed = stdout(&chorus(&["feeds", "--db", &db]));
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(
        listed.contains(&format!("{}  last read 2", server.url("/world.xml"))),
        "{listed}"
    );
    let states = json_of(&chorus(&["feeds", "--db", &db, "--json"]));
    assert_eq!(states[0]["failures"], 0);
}

#[test]
fn watch_once_into_postgresql_keeps_the_feeds_there() {
    let Some(database) =
        chorus_testdb::database("watch_once_into_postgresql_keeps_the_feeds_there")
    else {
        return;
    };
    let server = quake_server();
    let dir = tempfile::tempdir().expect("temporary folder");
    let list = format!(
        "{}\n{}\n",
        server.url("/world.xml"),
        server.url("/wire.xml")
    );
    let feeds = write(dir.path(), "feeds.txt", list.as_bytes());
    let feeds = feeds.to_string_lossy().to_string();
    let db = database.url();
    let output = chorus(&["watch", &feeds, "--db", db, "--once"]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("2 new articles"), "{err}");
    let stories = json_of(&chorus(&["stories", "--db", db, "--format", "json"]));
    assert_eq!(stories[0]["articles"], 2, "{stories}");
    // What the database keeps about each feed, by address.
    let states = json_of(&chorus(&["feeds", "--db", db, "--json"]));
    assert_eq!(states.as_array().map(Vec::len), Some(2), "{states}");
    assert_eq!(states[0]["url"], server.url("/wire.xml").as_str());
    assert!(states[0]["last_success"].is_i64(), "{states}");
}

#[test]
fn watch_runs_until_interrupted_and_exits_cleanly() {
    let server = quake_server();
    let dir = tempfile::tempdir().expect("temporary folder");
    let feeds = write(dir.path(), "feeds.txt", server.url("/world.xml").as_bytes());
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let feeds = feeds.to_string_lossy().to_string();
    let mut child = spawn_chorus(&["watch", &feeds, "--db", &db, "--every", "1h"]);
    let mut err = BufReader::new(child.stderr.take().expect("stderr is piped"));
    let mut line = String::new();
    err.read_line(&mut line).expect("a cycle line");
    // Counters read in the singular when they are one.
    assert!(
        line.starts_with(
            "watch: 1 polled (0 unchanged, 0 backing off), 1 new article; 1 new story, "
        ),
        "{line}"
    );
    // SAFETY: kill sends a signal to the child this test started.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(sent, 0);
    let status = child.wait().expect("chorus exits");
    assert!(status.success(), "{status:?}");
    let stories = json_of(&chorus(&["stories", "--db", &db, "--format", "json"]));
    assert_eq!(stories[0]["articles"], 1);
}
