//! What only the SQLite store does: migrating old files, refusing files
//! that are not stores, a failed batch, and processes (here: connections)
//! meeting on one file.

use super::*;
use crate::suite::article;

fn store_at(dir: &tempfile::TempDir) -> Result<SqliteStore, StoreError> {
    SqliteStore::open(&dir.path().join("chorus.db"))
}

#[test]
fn a_first_version_store_is_migrated() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path)?;
        conn.execute_batch(schema::MIGRATIONS[0].sql)?;
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        conn.pragma_update(None, "user_version", 1)?;
        conn.execute(
            "INSERT INTO stories (id, headline, articles, report) VALUES (1, 'Ferry strike', 1, 'old')",
            [],
        )?;
        conn.execute(
            "INSERT INTO articles (doc_id, hash, text, story, added)
             VALUES ('a', 'h', 'Ferry crews walked out over pay on Monday.', 1, 0)",
            [],
        )?;
    }
    let mut notices = Vec::new();
    let mut progress = Vec::new();
    let store = SqliteStore::open_noticing(&path, &mut |m| match m {
        Migrating::Started { notice, steps } => notices.push((notice.to_string(), steps)),
        Migrating::Progress(done) => progress.push(done),
    })?;
    let version: i32 =
        Connection::open(&path)?.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(version, crate::SCHEMA_VERSION);
    assert_eq!(
        notices,
        [(
            "updating the store to schema 7: weighing 1 stored articles again".to_string(),
            2
        )]
    );
    assert_eq!(progress, [1, 2]);
    SqliteStore::open_noticing(&dir.path().join("new.db"), &mut |m| {
        panic!("a new store needs no notice: {m:?}")
    })?;
    // The old report is stale after the migration and is built anew.
    let report = store.report(1)?.unwrap_or_default();
    assert!(report.contains("Ferry crews walked out"), "{report}");
    assert_eq!(store.report(1)?, Some(report));
    assert_eq!(store.report(2)?, None);
    // Articles stored before search existed are found.
    assert_eq!(store.list(Some("ferry crews"), 10, 0)?.len(), 1);
    assert_eq!(store.stories()?[0].conflicts, Some(0));
    // The old story's centroid was rebuilt from its article, so a new
    // report of the same strike finds it.
    let summary = store.ingest(
        vec![article(
            "b",
            "Ferry crews walked out over pay again on Tuesday.",
        )],
        &mut |_, _| {},
    )?;
    assert_eq!(summary.articles[0].story, Some(1));
    assert_eq!(summary.new_stories, 0);
    Ok(())
}

/// A store file written at schema `version` by the migrations up to it,
/// holding one story of one article with a stale report.
fn file_at_schema(path: &std::path::Path, version: usize) -> Result<(), StoreError> {
    let conn = Connection::open(path)?;
    for step in &schema::MIGRATIONS[..version] {
        conn.execute_batch(step.sql)?;
    }
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", version as i32)?;
    conn.execute(
        "INSERT INTO stories (id, headline, articles) VALUES (1, 'Dock strike', 1)",
        [],
    )?;
    conn.execute(
        "INSERT INTO articles (doc_id, hash, text, story, added)
         VALUES ('a', 'h', 'The Halvik dock strike went into a second week.', 1, 0)",
        [],
    )?;
    Ok(())
}

#[test]
fn stores_at_schemas_4_to_6_are_migrated() -> Result<(), Box<dyn std::error::Error>> {
    for version in [4, 5, 6] {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("old.db");
        file_at_schema(&path, version)?;
        let store = SqliteStore::open(&path)?;
        let now: i32 =
            Connection::open(&path)?.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        assert_eq!(now, crate::SCHEMA_VERSION, "from {version}");
        assert_eq!(store.stories()?[0].failed, None, "from {version}");
        assert!(store.report(1)?.is_some_and(|r| r.contains("Halvik")));
        assert_eq!(store.feed_state("http://a.example/feed")?, None);
        assert_eq!(store.article_count()?, 1);
    }
    Ok(())
}

#[test]
fn schema_4_to_6_stores_are_weighed_again_keeping_their_feeds()
-> Result<(), Box<dyn std::error::Error>> {
    let quake = "A strong earthquake struck Chino Hills on Tuesday; Mayor Villaraigosa said \
                 rescue teams searched damaged homes in Chino Hills.";
    for from in [4usize, 5, 6] {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path)?;
            for migration in &schema::MIGRATIONS[..from] {
                conn.execute_batch(migration.sql)?;
            }
            conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
            conn.pragma_update(None, "user_version", from as i32)?;
            conn.execute(
                "INSERT INTO stories (id, headline, articles) VALUES (1, 'Quake', 2)",
                [],
            )?;
            for (id, text) in [
                ("a", quake.to_string()),
                ("b", format!("{quake} Schools stayed closed.")),
            ] {
                conn.execute(
                    "INSERT INTO articles (doc_id, hash, text, story, added) VALUES (?1, ?1, ?2, 1, 0)",
                    (id, text),
                )?;
            }
            if from >= 5 {
                conn.execute(
                    "INSERT INTO feeds (url, failures) VALUES ('http://a.example/feed', 2)",
                    [],
                )?;
            }
        }
        let store = SqliteStore::open(&path)?;
        let conn = Connection::open(&path)?;
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        assert_eq!(version, crate::SCHEMA_VERSION);
        let (length, pair_sum): (Option<f64>, Option<f64>) = conn.query_row(
            "SELECT length, pair_sum FROM stories WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        assert!(length.is_some_and(|l| l > 1.0), "from {from}: {length:?}");
        assert!(
            pair_sum.is_some_and(|s| s > 0.5),
            "from {from}: {pair_sum:?}"
        );
        let failures = store
            .feed_state("http://a.example/feed")?
            .map(|f| f.failures);
        assert_eq!(failures, (from >= 5).then_some(2), "from {from}");
        // Its rebuilt centroid finds it for a new report of the quake.
        let summary = store.ingest(
            vec![article("c", &format!("{quake} Aftershocks followed."))],
            &mut |_, _| {},
        )?;
        assert_eq!(summary.articles[0].story, Some(1), "from {from}");
    }
    Ok(())
}

/// What a batch changes, besides the article rows: for comparing a store
/// before and after a batch that failed.
fn state(path: &Path) -> Result<Vec<String>, rusqlite::Error> {
    let conn = Connection::open(path)?;
    [
        "SELECT count(*) || ' articles' FROM articles",
        "SELECT count(*) || ' searchable' FROM article_search",
        "SELECT group_concat(id || ':' || articles || ':' || headline || ':' \
         || (report IS NULL), ' ') FROM stories",
        "SELECT count(*) || ' terms ' || total(documents) FROM terms",
        "SELECT count(*) || ' story terms ' || total(weight) FROM story_terms",
        "SELECT count(*) || ' story names ' || total(articles) FROM story_particulars",
        "SELECT total(length) || ' ' || total(pair_sum) FROM stories",
    ]
    .iter()
    .map(|query| conn.query_row(query, [], |r| r.get(0)))
    .collect()
}

#[test]
fn a_batch_that_fails_midway_leaves_the_store_as_it_was() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("chorus.db");
    let store = SqliteStore::open(&path)?;
    store.ingest(
        vec![article(
            "a",
            "Ferry crews in Port Elmer walked out over pay.",
        )],
        &mut |_, _| {},
    )?;
    store.build_stale(10)?;
    let before = state(&path)?;
    // The third article's row is refused, after two of the batch were
    // placed: the whole batch must go.
    Connection::open(&path)?.execute_batch(
        "CREATE TRIGGER refuse_c AFTER INSERT ON articles WHEN new.doc_id = 'c'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
    )?;
    let batch = vec![
        article(
            "b",
            "A ferry strike over pay halted crossings from Port Elmer.",
        ),
        article(
            "x",
            "The Velmora central bank raised interest rates by half a point.",
        ),
        article(
            "c",
            "Ferry crossings to Marren Island stopped as crews struck.",
        ),
        article("d", "Inflation in Velmora slowed after the rate rise."),
    ];
    let failed = store.ingest(batch.clone(), &mut |_, _| {});
    assert!(matches!(failed, Err(StoreError::Sqlite(_))), "{failed:?}");
    assert_eq!(state(&path)?, before);
    Connection::open(&path)?.execute_batch("DROP TRIGGER refuse_c")?;
    let summary = store.ingest(batch, &mut |_, _| {})?;
    assert_eq!((summary.added, summary.already_stored), (4, 0));
    assert_eq!(store.article_count()?, 5);
    Ok(())
}

#[test]
fn foreign_and_newer_files_are_refused_by_kind() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "these are my notes, not a database\n")?;
    let err = SqliteStore::open(&text).err();
    assert!(matches!(err, Some(StoreError::NotSqlite(_))), "{err:?}");
    let source = err.as_ref().and_then(std::error::Error::source);
    assert!(source.is_some_and(|s| s.to_string().contains("not a database")));
    assert_eq!(
        std::fs::read(&text)?,
        b"these are my notes, not a database\n"
    );

    let other = dir.path().join("other.db");
    Connection::open(&other)?.execute_batch("CREATE TABLE notes (text TEXT)")?;
    let err = SqliteStore::open(&other).err();
    assert!(
        matches!(err, Some(StoreError::OtherProgram { application_id: 0 })),
        "{err:?}"
    );

    let newer = dir.path().join("newer.db");
    {
        let conn = Connection::open(&newer)?;
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        conn.pragma_update(None, "user_version", crate::SCHEMA_VERSION + 1)?;
    }
    let err = SqliteStore::open(&newer).err();
    assert!(
        matches!(err, Some(StoreError::Newer { found }) if found == crate::SCHEMA_VERSION + 1),
        "{err:?}"
    );
    Ok(())
}

#[test]
fn openers_of_a_fresh_file_at_once_migrate_it_once() -> Result<(), Box<dyn std::error::Error>> {
    // Each thread opens the file with its own connections, as separate
    // processes would; before migrations took an exclusive transaction,
    // two of them ran the schema's ALTERs at once and one failed
    // ("duplicate column name: conflicts").
    for _ in 0..5 {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("chorus.db");
        let opened: Vec<Result<usize, StoreError>> = std::thread::scope(|scope| {
            let runs: Vec<_> = (0..4)
                .map(|n| {
                    let path = &path;
                    scope.spawn(move || {
                        let store = SqliteStore::open(path)?;
                        let text =
                            format!("Report {n}: the Halvik dock strike went on, unions said.");
                        Ok(store
                            .ingest(vec![article(&n.to_string(), &text)], &mut |_, _| {})?
                            .added)
                    })
                })
                .collect();
            runs.into_iter()
                .map(|run| run.join().unwrap_or(Ok(0)))
                .collect()
        });
        for result in opened {
            assert_eq!(result?, 1);
        }
        assert_eq!(store_at(&dir)?.article_count()?, 4);
    }
    Ok(())
}

#[test]
fn a_reader_is_not_blocked_by_a_writer() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let store = store_at(&dir)?;
    store.ingest(
        vec![article(
            "a",
            "Ferry crews in Port Elmer walked out over pay.",
        )],
        &mut |_, _| {},
    )?;
    store.build_stale(10)?;
    // Another process holds the write lock (a batch in progress).
    let mut writer = Connection::open(dir.path().join("chorus.db"))?;
    let tx = writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute("UPDATE stories SET headline = 'held'", [])?;
    assert_eq!(store.stories()?.len(), 1);
    assert!(store.report(1)?.is_some());
    tx.rollback()?;
    Ok(())
}

#[test]
fn opening_waits_for_a_writer_of_a_file_not_yet_in_wal_mode()
-> Result<(), Box<dyn std::error::Error>> {
    // A file another opener has migrated and is switching to WAL (a write
    // in the old journal mode): the switch holds a read lock when it asks
    // for the write lock, and SQLite then fails at once instead of waiting
    // ("database is locked", seen with two `chorus ingest` runs started
    // together on a new file).
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("chorus.db");
    drop(SqliteStore::open(&path)?);
    Connection::open(&path)?.pragma_update(None, "journal_mode", "DELETE")?;
    let (held, lock_held) = std::sync::mpsc::channel();
    let (go, release) = std::sync::mpsc::channel::<()>();
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || -> rusqlite::Result<()> {
        let mut writer = Connection::open(writer_path)?;
        let write = writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
        write.execute("UPDATE stories SET headline = 'held'", [])?;
        let _ = held.send(());
        let _ = release.recv();
        std::thread::sleep(Duration::from_millis(100));
        write.commit()
    });
    lock_held.recv()?;
    // SQLite refuses the switch at once, whatever the busy timeout.
    let plain = Connection::open(&path)?;
    plain.busy_timeout(BUSY_TIMEOUT)?;
    let refused = plain.pragma_update(None, "journal_mode", "WAL");
    assert!(
        matches!(&refused, Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::DatabaseBusy),
        "{refused:?}"
    );
    drop(plain);
    go.send(())?;
    // The store waits for the writer instead.
    let opened = SqliteStore::open(&path).map(drop);
    match writer.join() {
        Ok(written) => written?,
        Err(_) => return Err("the writer panicked".into()),
    }
    opened?;
    let mode: String =
        Connection::open(&path)?.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    Ok(())
}
