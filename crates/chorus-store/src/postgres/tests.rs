//! What only the PostgreSQL store does: refusing databases that are not
//! stores, saying why it cannot connect without showing a password, a
//! connection lost mid-batch, and migrating once when many open at once.
//! Skipped (and said so) without a server; see [`crate::suite`].

use postgres::Client;

use super::*;
use crate::Location;
use crate::suite::{Fresh, PostgresDatabase, article};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn url_of(db: &PostgresDatabase) -> PostgresUrl {
    match db.location() {
        Location::Postgres(url) => url,
        Location::Sqlite(_) => unreachable!("a PostgreSQL database has a URL"),
    }
}

#[test]
fn databases_that_are_not_stores_are_refused_untouched() -> TestResult {
    let Some(db) = PostgresDatabase::new("databases_that_are_not_stores_are_refused_untouched")
    else {
        return Ok(());
    };
    let url = url_of(&db);
    let mut client = connect(&url)?;
    client.batch_execute("CREATE TABLE notes (text text); INSERT INTO notes VALUES ('mine')")?;
    let err = PostgresStore::open(&url).err();
    assert!(matches!(err, Some(StoreError::OtherTables)), "{err:?}");
    let tables: i64 = client
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
            &[],
        )?
        .get(0);
    assert_eq!(tables, 1, "nothing was created");

    client.batch_execute(
        "DROP TABLE notes; CREATE TABLE chorus_schema (version integer);
         INSERT INTO chorus_schema VALUES (99)",
    )?;
    let err = PostgresStore::open(&url).err();
    assert!(
        matches!(err, Some(StoreError::Newer { found: 99 })),
        "{err:?}"
    );
    Ok(())
}

#[test]
fn urls_that_do_not_parse_and_servers_that_are_down_are_said_without_the_password() {
    let bad = PostgresUrl::new("postgres://chorus:s3cret@localhost:notaport/news");
    let err = PostgresStore::open(&bad).err();
    assert!(matches!(err, Some(StoreError::BadUrl { .. })), "{err:?}");
    let said = format!(
        "{}: {}",
        Location::Postgres(bad),
        err.map(|e| e.to_string()).unwrap_or_default()
    );
    assert!(!said.contains("s3cret"), "{said}");
    assert!(said.contains("port"), "{said}");

    // A port nothing listens on (bound, then released).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(1);
    let down = PostgresUrl::new(format!("postgres://chorus:s3cret@127.0.0.1:{port}/news"));
    let err = PostgresStore::open(&down).err();
    assert!(matches!(err, Some(StoreError::Connect(_))), "{err:?}");
    let chain = {
        let mut chain = Vec::new();
        let mut next: Option<&dyn std::error::Error> = err.as_ref().map(|e| e as _);
        while let Some(e) = next {
            chain.push(e.to_string());
            next = e.source();
        }
        chain.join(": ")
    };
    assert!(!chain.contains("s3cret"), "{chain}");
    assert!(chain.contains("connect"), "{chain}");
}

/// Rows of each table, for comparing before and after a failed batch.
fn state(client: &mut Client) -> Result<Vec<String>, postgres::Error> {
    [
        "SELECT count(*)::text || ' articles' FROM articles",
        "SELECT coalesce(string_agg(id || ':' || articles || ':' || headline || ':' \
         || (report IS NULL), ' ' ORDER BY id), '') FROM stories",
        "SELECT count(*) || ' terms ' || coalesce(sum(documents), 0) FROM terms",
        "SELECT count(*) || ' story terms ' || coalesce(round(sum(weight)::numeric, 6), 0) FROM story_terms",
        "SELECT count(*) || ' story names ' || coalesce(sum(articles), 0) FROM story_particulars",
        "SELECT coalesce(round(sum(length)::numeric, 6), 0) || ' ' \
         || coalesce(round(sum(pair_sum)::numeric, 6), 0) FROM stories",
    ]
    .iter()
    .map(|query| client.query_one(*query, &[]).map(|r| r.get(0)))
    .collect()
}

#[test]
fn a_connection_lost_mid_batch_loses_only_that_batch() -> TestResult {
    let Some(db) = PostgresDatabase::new("a_connection_lost_mid_batch_loses_only_that_batch")
    else {
        return Ok(());
    };
    let url = url_of(&db);
    let store = PostgresStore::open(&url)?;
    store.ingest(
        vec![article(
            "a",
            "Ferry crews in Port Elmer walked out over pay.",
        )],
        &mut |_, _| {},
    )?;
    store.build_stale(10)?;
    let mut client = connect(&url)?;
    let before = state(&mut client)?;
    // Writing the batch's rows ends the writer's own connection, as a
    // network failure or a killed server process would, after its stories
    // and centroids were written.
    client.batch_execute(
        "CREATE FUNCTION drop_writer() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
             IF NEW.doc_id = 'c' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
             RETURN NEW;
         END $$;
         CREATE TRIGGER drop_writer BEFORE INSERT ON articles
         FOR EACH ROW EXECUTE FUNCTION drop_writer();",
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
    assert!(matches!(failed, Err(StoreError::Postgres(_))), "{failed:?}");
    assert_eq!(state(&mut client)?, before);
    client.batch_execute("DROP TRIGGER drop_writer ON articles")?;
    // The pool noticed the lost connection: the next batch gets a live one.
    let summary = store.ingest(batch, &mut |_, _| {})?;
    assert_eq!((summary.added, summary.already_stored), (4, 0));
    assert_eq!(store.article_count()?, 5);
    Ok(())
}

#[test]
fn openers_of_an_empty_database_at_once_create_the_store_once() -> TestResult {
    let Some(db) =
        PostgresDatabase::new("openers_of_an_empty_database_at_once_create_the_store_once")
    else {
        return Ok(());
    };
    let url = url_of(&db);
    let opened: Vec<Result<usize, StoreError>> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..4)
            .map(|n| {
                let url = &url;
                scope.spawn(move || {
                    let store = PostgresStore::open(url)?;
                    let text = format!("Report {n}: the Halvik dock strike went on, unions said.");
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
    let mut client = connect(&url)?;
    let versions: i64 = client
        .query_one("SELECT count(*) FROM chorus_schema", &[])?
        .get(0);
    assert_eq!(versions, 1);
    assert_eq!(PostgresStore::open(&url)?.article_count()?, 4);
    Ok(())
}

/// Opens a store written at schema `version` (made by taking a current
/// store back: `undo` drops what later steps added) and checks that it is
/// migrated to [`crate::SCHEMA_VERSION`] keeping its articles, with the
/// later steps' tables and columns usable.
fn migrated_from(name: &str, version: i32, undo: &str) -> TestResult {
    let Some(db) = PostgresDatabase::new(name) else {
        return Ok(());
    };
    let url = url_of(&db);
    let store = PostgresStore::open(&url)?;
    let text = "The Halvik dock strike went into a second week, unions said.";
    store.ingest(vec![article("a", text)], &mut |_, _| {})?;
    drop(store);
    let mut client = connect(&url)?;
    client.batch_execute(&format!(
        "{undo}; UPDATE chorus_schema SET version = {version}"
    ))?;
    let store = PostgresStore::open(&url)?;
    let now: i32 = client
        .query_one("SELECT version FROM chorus_schema", &[])?
        .get(0);
    assert_eq!(now, crate::SCHEMA_VERSION);
    assert_eq!(store.article_count()?, 1);
    assert_eq!(store.feed_state("http://a.example/feed")?, None);
    let stories = store.stories()?;
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].failed, None);
    assert!(
        store
            .report(stories[0].id)?
            .is_some_and(|r| r.contains("Halvik"))
    );
    Ok(())
}

#[test]
fn schema_4_to_6_stores_are_weighed_again_keeping_their_feeds() -> TestResult {
    let quake = "A strong earthquake struck Chino Hills on Tuesday; Mayor Villaraigosa said \
                 rescue teams searched damaged homes in Chino Hills.";
    for from in [4, 5, 6] {
        let name = format!("schema_{from}_stores_are_weighed_again");
        let Some(db) = PostgresDatabase::new(&name) else {
            return Ok(());
        };
        let url = url_of(&db);
        {
            let mut client = connect(&url)?;
            client.batch_execute(schema::CREATE)?;
            for &(_, sql, _) in schema::MIGRATIONS.iter().filter(|m| m.0 <= from) {
                client.batch_execute(sql)?;
            }
            client.execute("INSERT INTO chorus_schema (version) VALUES ($1)", &[&from])?;
            client.batch_execute(
                "INSERT INTO stories (id, headline, articles) VALUES (1, 'Quake', 2);
                 SELECT setval(pg_get_serial_sequence('stories', 'id'), 2, false);",
            )?;
            for (id, text) in [
                ("a", quake.to_string()),
                ("b", format!("{quake} Schools stayed closed.")),
            ] {
                client.execute(
                    "INSERT INTO articles (doc_id, hash, text, story, added) VALUES ($1, $1, $2, 1, 0)",
                    &[&id, &text],
                )?;
            }
            if from >= 5 {
                client.batch_execute(
                    "INSERT INTO feeds (url, failures) VALUES ('http://a.example/feed', 2)",
                )?;
            }
        }
        let store = PostgresStore::open(&url)?;
        let mut client = connect(&url)?;
        let version: i32 = client
            .query_one("SELECT version FROM chorus_schema", &[])?
            .get(0);
        assert_eq!(version, crate::SCHEMA_VERSION);
        let (length, pair_sum): (Option<f64>, Option<f64>) = {
            let row = client.query_one("SELECT length, pair_sum FROM stories WHERE id = 1", &[])?;
            (row.get(0), row.get(1))
        };
        assert!(length.is_some_and(|l| l > 1.0), "from {from}: {length:?}");
        assert!(
            pair_sum.is_some_and(|s| s > 0.5),
            "from {from}: {pair_sum:?}"
        );
        let names: i64 = client
            .query_one(
                "SELECT count(*) FROM story_particulars WHERE story = 1",
                &[],
            )?
            .get(0);
        assert!(names > 0, "from {from}");
        let terms: i64 = client.query_one("SELECT count(*) FROM terms", &[])?.get(0);
        assert!(terms > 0, "from {from}");
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

#[test]
fn a_schema_4_store_is_migrated_keeping_its_articles() -> TestResult {
    // Back to what a store written before the feeds table looked like.
    migrated_from(
        "a_schema_4_store_is_migrated_keeping_its_articles",
        4,
        concat!(
            "DROP TABLE story_particulars; ALTER TABLE stories DROP COLUMN length, ",
            "DROP COLUMN pair_sum; DROP TABLE feeds; ALTER TABLE stories DROP COLUMN failed"
        ),
    )
}

#[test]
fn a_schema_5_store_is_migrated_keeping_its_articles() -> TestResult {
    // Back to what a store written before build failures were kept
    // looked like.
    migrated_from(
        "a_schema_5_store_is_migrated_keeping_its_articles",
        5,
        concat!(
            "DROP TABLE story_particulars; ALTER TABLE stories DROP COLUMN length, ",
            "DROP COLUMN pair_sum; ALTER TABLE stories DROP COLUMN failed"
        ),
    )
}
