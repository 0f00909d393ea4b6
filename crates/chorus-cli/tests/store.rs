//! `chorus ingest` and `chorus stories`: a store built, listed, searched, killed mid-batch.

use crate::util::*;
use std::process::Command;

#[test]
fn ingest_is_idempotent_and_stories_are_listed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let first = chorus(&["ingest", "examples/reports", "--db", &db, "--json"]);
    let first = json_of(&first);
    assert_eq!(first["added"], 7);
    let again = chorus(&["ingest", "examples/reports", "--db", &db, "--json"]);
    let again: serde_json::Value = serde_json::from_str(&stdout(&again)).expect("JSON");
    assert_eq!(
        (again["added"].clone(), again["already_stored"].clone()),
        (0.into(), 7.into())
    );
    let listed = chorus(&["stories", "--db", &db, "--format", "json"]);
    let stories = json_of(&listed);
    assert_eq!(stories.as_array().map(Vec::len), Some(1));
    assert_eq!(stories[0]["articles"], 7);
    let brief = chorus(&["stories", "--db", &db, "--story", "1"]);
    assert!(stdout(&brief).contains("Facts:"), "{}", stdout(&brief));
}

#[test]
fn stories_are_searched_and_limited() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let strike = dir.path().join("strike.jsonl");
    std::fs::write(
        &strike,
        concat!(
            r#"{"id":"s1","title":"Port workers strike","text":"Dock workers at the port of Halvik walked out on Monday over pay, halting container traffic."}"#,
            "\n",
            r#"{"id":"s2","title":"Halvik dock strike enters second day","text":"The strike by Halvik dock workers over pay entered its second day, with container traffic still halted."}"#,
            "\n"
        ),
    )
    .expect("fixture written");
    let ingested = chorus(&[
        "ingest",
        "examples/reports",
        &strike.to_string_lossy(),
        "--db",
        &db,
    ]);
    assert!(ingested.status.success(), "{}", stderr(&ingested));
    let listed = |args: &[&str]| {
        let mut all = vec!["stories", "--db", &db];
        all.extend_from_slice(args);
        let output = chorus(&all);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let all = listed(&[]);
    assert!(all.starts_with("2 stories\n"), "{all}");
    // A listing's first line, and a story it shows and one it does not.
    let shows = |args: &[&str], head: &str, has: &str, lacks: &str| {
        let out = listed(args);
        assert!(out.starts_with(head), "{out}");
        assert!(out.contains(has) && !out.contains(lacks), "{out}");
    };
    // The biggest story first; the cut is said.
    shows(
        &["--limit", "1"],
        "1 story (more with a higher --limit)\n",
        "Istanbul",
        "Port workers",
    );
    shows(
        &["--search", "dock workers"],
        "1 story with \"dock workers\"\n",
        "Port workers strike (2 articles)",
        "Istanbul",
    );
    assert!(listed(&["--search", "glacier"]).starts_with("0 stories with"));
    let json: serde_json::Value =
        serde_json::from_str(&listed(&["--search", "Serin", "--format", "json"])).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1));
}

#[test]
fn ingest_places_a_foreign_language_report_by_its_names() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let output = chorus(&["ingest", "examples", "--db", &db, "--json"]);
    let summary = json_of(&output);
    let articles = summary["articles"].as_array().expect("articles");
    let story_of = |id: &str| {
        articles
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["story"].clone())
            .expect("every article is reported")
    };
    assert_eq!(
        story_of("le-quotidien"),
        story_of("arab-herald"),
        "{articles:?}"
    );
}

#[test]
fn a_killed_ingest_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    let killed = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["ingest", "examples/reports", "--db", &db])
        .current_dir(workspace_root())
        .env("CHORUS_CRASH_AFTER", "4")
        .output()
        .expect("chorus runs");
    assert!(!killed.status.success(), "the ingest was meant to die");
    // Nothing of the dead batch is visible; the store opens cleanly.
    let listed = chorus(&["stories", "--db", &db, "--format", "json"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert_eq!(stdout(&listed).trim(), "[]");
    // The batch runs again in full.
    let rerun = chorus(&["ingest", "examples/reports", "--db", &db, "--json"]);
    let rerun: serde_json::Value = serde_json::from_str(&stdout(&rerun)).expect("JSON");
    assert_eq!(rerun["added"], 7);
}

#[test]
fn a_kill_in_a_later_batch_keeps_the_batches_before_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("chorus.db").to_string_lossy().to_string();
    // Batches of three: the kill comes in the second batch, after its second article.
    let killed = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["ingest", "examples/reports", "--db", &db, "--batch", "3"])
        .current_dir(workspace_root())
        .env("CHORUS_CRASH_AFTER", "5")
        .output()
        .expect("chorus runs");
    assert!(!killed.status.success(), "the ingest was meant to die");
    let listed = chorus(&["stories", "--db", &db, "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("JSON");
    let kept: u64 = listed
        .as_array()
        .expect("stories")
        .iter()
        .filter_map(|s| s["articles"].as_u64())
        .sum();
    assert_eq!(
        kept, 3,
        "the first batch was committed, the second not at all"
    );
    let rerun = chorus(&["ingest", "examples/reports", "--db", &db, "--json"]);
    let rerun: serde_json::Value = serde_json::from_str(&stdout(&rerun)).expect("JSON");
    assert_eq!(
        (rerun["added"].as_u64(), rerun["already_stored"].as_u64()),
        (Some(4), Some(3))
    );
}

#[test]
fn a_store_that_is_not_ours_is_refused() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let text = write(
        dir.path(),
        "notes.db",
        b"these are my notes, not a database\n",
    );
    let text = text.to_string_lossy().to_string();
    let output = chorus(&["ingest", "examples/reports", "--db", &text]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("notes.db"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not a chorus store"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(dir.path().join("notes.db")).expect("still there"),
        b"these are my notes, not a database\n"
    );

    let newer = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&newer).expect("SQLite opens");
        conn.pragma_update(None, "application_id", 0x6368_7273)
            .expect("application id");
        conn.pragma_update(None, "user_version", 99)
            .expect("version");
    }
    let newer = newer.to_string_lossy().to_string();
    let output = chorus(&["ingest", "examples/reports", "--db", &newer]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("newer chorus"),
        "{}",
        stderr(&output)
    );
}
