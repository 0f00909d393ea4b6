//! `chorus ingest` and `chorus stories`: a store built, listed, searched, killed mid-batch.

use std::path::Path;

use crate::util::*;

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
    assert!(stdout(&brief).contains("--full prints them"));
    let full = chorus(&["stories", "--db", &db, "--story", "1", "--full"]);
    assert!(full.status.success(), "{}", stderr(&full));
    assert!(!stdout(&full).contains("--full prints them"));
    assert!(stdout(&full).len() > stdout(&brief).len());
    // What arrived since a time: everything since long ago, nothing since
    // a day to come; a --since that is no time is an error.
    let since = |when: &str| {
        let output = chorus(&[
            "stories", "--db", &db, "--story", "1", "--since", when, "--format", "json",
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        json_of(&output)["documents"].as_array().map_or(0, Vec::len)
    };
    assert_eq!(since("2000-01-01"), 7);
    assert_eq!(since("2999-01-01 00:00"), 0);
    let bad = chorus(&["stories", "--db", &db, "--story", "1", "--since", "monday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--since \"monday\""),
        "{}",
        stderr(&bad)
    );
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
    // Counters read in the plural when they are not one.
    let said = stdout(&ingested);
    assert!(
        said.starts_with("9 added, 0 already stored; 2 new stories, ")
            && said.contains("; 2 stories in "),
        "{said}"
    );
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

/// Articles committed to the store at `db`, read as another process would
/// (`None` while the store or its tables do not exist yet).
fn committed_articles(db: &Path) -> Option<i64> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let conn = rusqlite::Connection::open_with_flags(db, flags).ok()?;
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .ok()
}

/// Articles in the stories `chorus stories` lists.
fn listed_articles(db: &str) -> u64 {
    let listed = chorus(&["stories", "--db", db, "--format", "json"]);
    json_of(&listed)
        .as_array()
        .expect("stories")
        .iter()
        .filter_map(|s| s["articles"].as_u64())
        .sum()
}

/// An article that only ever arrives on stdin.
const LATE_REPORT: &str = "Talks Resume\n\nNegotiators for Qadira and Velmora met again on Thursday to finish the water-sharing agreement, a spokesman said.\n";

/// Starts `chorus` with `args`, which read stdin last, writes
/// [`LATE_REPORT`] to its stdin and keeps stdin open, so that the last
/// batch waits for more; returns once the store at `db_path` has committed
/// a count of articles `enough` accepts (failing if the process ends by
/// itself, or if `what` does not happen within a minute).
fn ingest_waiting_on_stdin(
    args: &[&str],
    db_path: &Path,
    enough: impl Fn(i64) -> bool,
    what: &str,
) -> (std::process::Child, std::process::ChildStdin) {
    use std::io::{Read, Write};
    let mut child = spawn_chorus(args);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(LATE_REPORT.as_bytes())
        .expect("stdin accepts input");
    let started = std::time::Instant::now();
    while !enough(committed_articles(db_path).unwrap_or(0)) {
        if let Some(status) = child.try_wait().expect("the ingest can be waited for") {
            let mut errors = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut errors);
            }
            panic!("the ingest ended by itself ({status}) instead of waiting for stdin: {errors}");
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "{what} never happened"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    (child, stdin)
}

#[test]
fn a_file_of_many_articles_is_stored_in_batches() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db_path = dir.path().join("chorus.db");
    let db = db_path.to_string_lossy().to_string();
    let towns = [
        "Elmer",
        "Marren",
        "Port Adley",
        "Caskill",
        "Doveridge",
        "Fennick",
        "Galloway Bay",
        "Harlow End",
        "Istery",
        "Jessop",
    ];
    let lines: String = towns
        .iter()
        .enumerate()
        .map(|(n, town)| {
            serde_json::json!({
                "id": format!("town-{n}"),
                "title": format!("{town} opens a new library"),
                "text": format!("The town of {town} opened a library with {} books on Saturday.", 1000 + n),
            })
            .to_string()
                + "\n"
        })
        .collect();
    let file = dir.path().join("towns.jsonl");
    std::fs::write(&file, lines).expect("input written");
    // Ten articles in one file, in batches of four, then stdin kept open:
    // two batches are committed and the last two articles wait for a batch
    // stdin never completes.
    let file_arg = file.to_string_lossy().to_string();
    let args = ["ingest", &file_arg, "-", "--db", &db, "--batch", "4"];
    let (mut child, stdin) =
        ingest_waiting_on_stdin(&args, &db_path, |n| n >= 8, "two batches committed");
    // Nothing more is committed while stdin stays open.
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(committed_articles(&db_path).unwrap_or(0), 8);
    child.kill().expect("the ingest can be killed");
    let _ = child.wait_with_output();
    drop(stdin);
}

#[test]
fn a_killed_ingest_keeps_its_committed_batches_and_a_rerun_adds_the_rest() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db_path = dir.path().join("chorus.db");
    let db = db_path.to_string_lossy().to_string();
    // Seven files in batches of four, then stdin: the first batch is
    // committed, the other three files wait in memory for a batch that
    // stdin never completes, because stdin is read to its end and is kept
    // open. The process is killed there, as a crash would end it.
    let args = [
        "ingest",
        "examples/reports",
        "-",
        "--db",
        &db,
        "--batch",
        "4",
    ];
    // Any count but four once something is committed fails below.
    let (mut child, stdin) =
        ingest_waiting_on_stdin(&args, &db_path, |n| n > 0, "the first batch committed");
    child.kill().expect("the ingest can be killed");
    let killed = child.wait_with_output().expect("the killed ingest");
    drop(stdin);
    assert!(!killed.status.success());
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            killed.status.signal(),
            Some(libc::SIGKILL),
            "the ingest was killed, not ended: {}",
            stderr(&killed)
        );
    }

    // The store opens cleanly and holds the committed batch, whole and
    // nothing else.
    assert_eq!(listed_articles(&db), 4);
    {
        let conn = rusqlite::Connection::open(&db_path).expect("the store opens");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("an integrity check");
        assert_eq!(check, "ok");
        let articles: i64 = conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .expect("a count");
        assert_eq!(articles, 4);
    }

    // The same run again adds what the killed one had not committed,
    // and stores nothing twice.
    let rerun = chorus_with_stdin(
        &["ingest", "examples/reports", "-", "--db", &db, "--json"],
        LATE_REPORT,
    );
    let rerun = json_of(&rerun);
    assert_eq!(
        (rerun["added"].as_u64(), rerun["already_stored"].as_u64()),
        (Some(4), Some(4)),
        "{rerun}"
    );
    assert_eq!(listed_articles(&db), 8);
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
