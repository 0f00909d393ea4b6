//! What every store does, run against each database: SQLite always,
//! PostgreSQL when a server is at hand (a throwaway cluster the test setup
//! starts, or `CHORUS_TEST_POSTGRES`; see the `chorus-testdb` crate).
//! Without one the PostgreSQL half says it was skipped and why, and fails
//! instead when `CHORUS_REQUIRE_POSTGRES` is set, as CI sets it.
//!
//! Each test opens its store through a [`Fresh`] database more than once
//! where it matters: two openings are two pools of connections, as two
//! processes (or machines) would have.

use std::sync::Arc;

use chorus::model::Article;
use rustc_hash::FxHashMap;

use crate::ingest::NO_WORDS;
use crate::{FeedState, Location, Store, StoreError, open};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// An empty store's location, for one test.
pub(crate) trait Fresh {
    fn location(&self) -> Location;

    fn open(&self) -> Result<Arc<dyn Store>, StoreError> {
        Ok(Arc::from(open(&self.location(), &mut |_| {})?))
    }

    /// Runs one statement on the database, past the store: what another
    /// process left behind.
    fn execute(&self, sql: &str) -> Result<(), Box<dyn std::error::Error>>;
}

/// A store in a fresh file of a temporary folder.
pub(crate) struct SqliteFile(tempfile::TempDir);

impl SqliteFile {
    pub fn new() -> Option<SqliteFile> {
        Some(SqliteFile(tempfile::tempdir().ok()?))
    }
}

impl Fresh for SqliteFile {
    fn location(&self) -> Location {
        Location::Sqlite(self.0.path().join("chorus.db"))
    }

    fn execute(&self, sql: &str) -> Result<(), Box<dyn std::error::Error>> {
        rusqlite::Connection::open(self.0.path().join("chorus.db"))?.execute_batch(sql)?;
        Ok(())
    }
}

/// A store in a fresh PostgreSQL database, dropped after the test.
pub(crate) struct PostgresDatabase(chorus_testdb::TestDatabase);

impl PostgresDatabase {
    pub fn new(test: &str) -> Option<PostgresDatabase> {
        chorus_testdb::database(test).map(PostgresDatabase)
    }
}

impl Fresh for PostgresDatabase {
    fn location(&self) -> Location {
        Location::parse(self.0.url())
    }

    fn execute(&self, sql: &str) -> Result<(), Box<dyn std::error::Error>> {
        let url = crate::location::PostgresUrl::new(self.0.url());
        crate::postgres::connect(&url)?.batch_execute(sql)?;
        Ok(())
    }
}

pub(crate) fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        text: text.to_string(),
        ..Article::default()
    }
}

/// Three articles: two of one ferry strike, one of a rate rise.
fn three() -> Vec<Article> {
    vec![
        article(
            "a",
            "Ferry crews in Port Elmer walked out over pay, halting crossings to Marren Island.",
        ),
        article(
            "b",
            "A ferry strike over pay halted crossings from Port Elmer to Marren Island on Monday.",
        ),
        article(
            "c",
            "The Velmora central bank raised interest rates by half a point to slow inflation.",
        ),
    ]
}

fn ingest_is_idempotent_and_groups_stories(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let first = store.ingest(three(), &mut |_, _| {})?;
    assert_eq!((first.added, first.new_stories, first.stories), (3, 2, 2));
    let again = store.ingest(three(), &mut |_, _| {})?;
    assert_eq!(
        (again.added, again.already_stored, again.stories),
        (0, 3, 2)
    );
    let stories = store.stories()?;
    assert_eq!(stories[0].articles, 2);
    assert_eq!(stories[0].sources, ["a", "b"]);
    let report = store.report(stories[0].id)?.unwrap_or_default();
    assert!(report.contains("\"version\":1"), "{report}");
    // Opened again (another process): migrates nothing, keeps everything,
    // and answers with the report already built.
    let other = db.open()?;
    assert_eq!(other.article_count()?, 3);
    assert_eq!(other.report(stories[0].id)?, Some(report));
    assert_eq!(other.report(stories[0].id + 1000)?, None);
    Ok(())
}

fn search_finds_stories_by_their_articles_words(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let summary = store.ingest(
        vec![
            article("a", "Ferry crews in Port Elmer walked out over pay."),
            article("b", "The Velmora central bank raised interest rates."),
            article("a2", "Ferry crews in Port Elmer walked out over pay."),
            article("e", " "),
        ],
        &mut |_, _| {},
    )?;
    let statuses: Vec<&str> = summary.articles.iter().map(|a| a.status).collect();
    assert_eq!(statuses, ["added", "added", "already_stored", "refused"]);
    assert_eq!(summary.articles[0].story, summary.articles[2].story);
    assert_eq!(summary.articles[3].reason.as_deref(), Some("no text"));
    let found = store.list(Some("ferry PORT"), 10, 0)?;
    assert_eq!(found.len(), 1);
    assert_eq!(Some(found[0].id), summary.articles[0].story);
    assert!(store.list(Some("ferry bank"), 10, 0)?.is_empty());
    // Query syntax in the box is only words.
    assert!(
        store
            .list(Some("\"ferry\" OR NEAR(bank"), 10, 0)?
            .is_empty()
    );
    assert_eq!(store.list(Some("ferry)&!|:*"), 10, 0)?.len(), 1);
    assert_eq!(store.list(Some("  "), 10, 0)?.len(), 2);
    assert_eq!(store.list(None, 1, 1)?.len(), 1);
    assert_eq!(store.story_of("b")?, summary.articles[1].story);
    assert_eq!(store.story_of("zz")?, None);
    assert_eq!(store.list(None, 10, 0)?[0].conflicts, None, "not built yet");
    assert_eq!(store.build_stale(10)?, 2);
    assert_eq!(store.build_stale(10)?, 0);
    assert_eq!(store.list(None, 10, 0)?[0].conflicts, Some(0));
    Ok(())
}

fn clashing_ids_and_empty_articles_are_refused(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    store.ingest(
        vec![article("a", "One text about ferries and strikes.")],
        &mut |_, _| {},
    )?;
    let summary = store.ingest(
        vec![
            article("a", "Another text entirely, about banks."),
            article("e", "  "),
        ],
        &mut |_, _| {},
    )?;
    assert_eq!(summary.added, 0);
    assert_eq!(summary.refused.len(), 2);
    assert_eq!(store.article_count()?, 1);
    Ok(())
}

fn odd_articles_are_placed_or_refused_by_name(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let mut dated = article("dated", "Ferry crews walked out over pay in Port Elmer.");
    dated.date = Some("31999-02-30".into());
    let summary = store.ingest(
        vec![
            article("notice", "Follow us on Twitter. Share this article."),
            article("notice-again", "Follow us on Twitter. Share this article."),
            article("word", "Strike"),
            dated,
            article("twin", "Ferry crews walked out over pay in Port Elmer."),
        ],
        &mut |_, _| {},
    )?;
    let fates: Vec<(&str, &str, Option<&str>)> = summary
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.status, a.reason.as_deref()))
        .collect();
    assert_eq!(
        fates,
        [
            ("notice", "refused", Some(NO_WORDS)),
            ("notice-again", "refused", Some(NO_WORDS)),
            ("word", "refused", Some(NO_WORDS)),
            ("dated", "added", None),
            ("twin", "already_stored", None),
        ]
    );
    assert_eq!(summary.articles[3].story, summary.articles[4].story);
    assert_eq!(store.stories()?.len(), 1);
    Ok(())
}

/// Six reports of one earthquake at `place`, numbered from `from`: each
/// leaves one sentence out and counts its own aftershocks.
fn quake(prefix: &str, place: &str, official: &str, from: usize) -> Vec<Article> {
    let report = |n: usize| {
        let sentences = [
            format!("A strong earthquake struck near {place} on Tuesday, shaking buildings."),
            format!("{official} said rescue teams searched damaged homes in {place}."),
            "Schools stayed closed while engineers inspected bridges and roads.".to_string(),
            format!("Aftershocks rattled {place} through the night as families slept outdoors."),
            format!("Hospitals treated people for cuts, {official} told reporters."),
        ];
        let text: Vec<&str> = (0..5)
            .filter(|&i| i != n % 5)
            .map(|i| sentences[i].as_str())
            .collect();
        article(
            &format!("{prefix}-{n}"),
            &format!("{} Witnesses counted {n} aftershocks.", text.join(" ")),
        )
    };
    (from..from + 6).map(report).collect()
}

fn a_later_batch_grows_its_event_and_keeps_another_apart(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let first = store.ingest(
        quake("chino", "Chino Hills", "Mayor Villaraigosa", 0),
        &mut |_, _| {},
    )?;
    assert_eq!(first.stories, 1);
    // Another pool of connections, as another process would have.
    let store = db.open()?;
    let mut second = quake("chino", "Chino Hills", "Mayor Villaraigosa", 6);
    second.extend(quake("padang", "Padang", "Governor Fauzi", 0));
    let summary = store.ingest(second, &mut |_, _| {})?;
    // The Chino Hills reports join their stored story; the Padang ones
    // make a story of their own.
    assert_eq!(summary.new_stories, 1);
    assert_eq!(summary.stories, 2);
    assert_eq!(summary.articles[0].story, first.articles[0].story);
    assert!(
        summary.articles[..6]
            .iter()
            .all(|a| a.story == first.articles[0].story)
    );
    assert!(
        summary.articles[6..]
            .iter()
            .all(|a| a.story == summary.articles[6].story)
    );
    assert_ne!(summary.articles[6].story, first.articles[0].story);
    // Each story keeps the names most of its articles mention, and a copy
    // keeps them.
    let mut particulars = Vec::new();
    store.export(&mut |record| {
        if let crate::Record::StoryParticular { story, term, .. } = record {
            particulars.push((story, term));
        }
        Ok(())
    })?;
    let chino = first.articles[0].story.unwrap_or_default();
    assert!(
        particulars.iter().any(|(s, _)| *s == chino),
        "{particulars:?}"
    );
    assert!(
        particulars.iter().any(|(s, _)| *s != chino),
        "{particulars:?}"
    );
    Ok(())
}

fn a_small_story_comes_apart_when_its_events_arrive(db: &dyn Fresh) -> TestResult {
    early_reports_come_apart(db, 1)
}

fn a_recent_story_comes_apart_when_its_events_arrive(db: &dyn Fresh) -> TestResult {
    // Four reports, more than a small story holds: the story is taken
    // apart because it was begun recently.
    assert!(2 * 2 > crate::incremental::REOPENED_SIZE as usize);
    early_reports_come_apart(db, 2)
}

/// The first `early` reports of each of two quakes, alone in a store that
/// knows no other article, make one story; once the rest of both quakes
/// arrive, each quake is a story of its own.
fn early_reports_come_apart(db: &dyn Fresh, early: usize) -> TestResult {
    let store = db.open()?;
    let chino = || quake("chino", "Chino Hills", "Mayor Villaraigosa", 0);
    let padang = || quake("padang", "Padang", "Governor Fauzi", 0);
    let mut first: Vec<Article> = chino().into_iter().take(early).collect();
    first.extend(padang().into_iter().take(early));
    let before = store.ingest(first, &mut |_, _| {})?;
    assert_eq!(
        before.stories,
        1,
        "{:?}",
        before.articles.iter().map(|a| a.story).collect::<Vec<_>>()
    );
    let mut rest: Vec<Article> = chino().into_iter().skip(early).collect();
    rest.extend(padang().into_iter().skip(early));
    store.ingest(rest, &mut |_, _| {})?;
    let mut story_of: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    store.export(&mut |record| {
        if let crate::Record::Article { article, story, .. } = record {
            story_of.insert(article.id.clone(), story);
        }
        Ok(())
    })?;
    let stories_of = |prefix: &str| -> std::collections::BTreeSet<i64> {
        story_of
            .iter()
            .filter(|(id, _)| id.starts_with(prefix))
            .map(|(_, &s)| s)
            .collect()
    };
    let (chino, padang) = (stories_of("chino-"), stories_of("padang-"));
    assert_eq!(chino.len(), 1, "{story_of:?}");
    assert_eq!(padang.len(), 1, "{story_of:?}");
    assert_ne!(chino, padang, "{story_of:?}");
    assert_eq!(store.stories()?.len(), 2);
    Ok(())
}

/// One wire story as an outlet ran it.
fn wire_copy(id: &str, outlet: &str) -> Article {
    Article {
        source: Some(outlet.to_string()),
        ..article(
            id,
            "Ferry crews in Port Elmer walked out over pay on Monday, halting every crossing to \
             Marren Island. The union said talks with the operator had broken down after \
             three weeks. Islanders were told to expect no sailings before Thursday.",
        )
    }
}

fn a_text_from_two_outlets_is_stored_once_per_outlet(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let first = store.ingest(vec![wire_copy("coast-1", "Coast News")], &mut |_, _| {})?;
    assert_eq!(first.added, 1);
    // Another outlet's copy is stored; the first outlet's again (under
    // another id and spelling of its name) is not.
    let second = store.ingest(
        vec![
            wire_copy("harbour-7", "Harbour Times"),
            wire_copy("coast-2", " coast news "),
            wire_copy("harbour-8", "Harbour Times"),
        ],
        &mut |_, _| {},
    )?;
    let statuses: Vec<&str> = second.articles.iter().map(|a| a.status).collect();
    assert_eq!(statuses, ["added", "already_stored", "already_stored"]);
    assert!(second.refused.is_empty(), "{:?}", second.refused);
    // Re-ingesting either copy, alone or together, changes nothing.
    let other = db.open()?;
    for batch in [
        vec![wire_copy("coast-1", "Coast News")],
        vec![wire_copy("harbour-7", "Harbour Times")],
        vec![
            wire_copy("harbour-7", "Harbour Times"),
            wire_copy("coast-1", "Coast News"),
        ],
    ] {
        let again = other.ingest(batch, &mut |_, _| {})?;
        assert_eq!(again.added, 0, "{:?}", again.articles);
        assert!(again.refused.is_empty(), "{:?}", again.refused);
    }
    assert_eq!(other.article_count()?, 2);
    // One story, both outlets; the brief counts the copy once.
    let stories = other.stories()?;
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].sources, ["Coast News", "Harbour Times"]);
    assert_eq!(Some(stories[0].id), second.articles[0].story);
    other.build_stale(10)?;
    let report: chorus::model::Report =
        serde_json::from_str(&other.report(stories[0].id)?.unwrap_or_default())?;
    let copies: Vec<(&str, Option<&str>)> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.duplicate_of.as_deref()))
        .collect();
    assert_eq!(copies, [("coast-1", None), ("harbour-7", Some("coast-1"))]);
    // Within one batch too: the first outlet's is the text's, the next
    // outlet's a copy, a repeat of either nothing new.
    let fresh = db.open()?;
    fresh.delete_story(stories[0].id)?;
    let batch = fresh.ingest(
        vec![
            wire_copy("b-1", "Bay Herald"),
            wire_copy("b-2", "Bay Herald"),
            wire_copy("r-1", "Ridge Post"),
            wire_copy("r-2", "ridge post"),
        ],
        &mut |_, _| {},
    )?;
    let statuses: Vec<&str> = batch.articles.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses,
        ["added", "already_stored", "added", "already_stored"]
    );
    assert_eq!(fresh.article_count()?, 2);
    Ok(())
}

/// What each event of [`stream`] is about: its own names and words.
const EVENTS: [&str; 12] = [
    "Ferry crews in Port Elmer walked out over pay, halting crossings to Marren Island",
    "The Velmora central bank raised interest rates by half a point to slow inflation",
    "A bridge over the Tobrak river collapsed in Ulden after weeks of heavy rain",
    "Wildfire smoke closed schools across the Caskel valley as firefighters battled flames",
    "Miners trapped underground at the Dunmore colliery were reached by rescue teams",
    "Voters in Fenwick elected a new mayor after a recount of postal ballots",
    "Qadira and Serin signed a trade deal cutting tariffs on grain and steel",
    "A harbour fire destroyed three warehouses and a fishing trawler in Garrow",
    "Drought left reservoirs around Halvik at their lowest level in forty years",
    "Rail workers on the Northern line struck over rosters, stranding commuters",
    "Astronomers at the Kelby observatory spotted a comet brightening near Jupiter",
    "A children's hospital in Brennan opened a new cancer ward funded by donors",
];

/// A stream of reports of `events` events (at most 12), `per_event` each,
/// interleaved: every report of an event shares its names and most of its
/// words. What reports of different events share is kept short: in a
/// batch of single reports, as in batch clustering, a shared sentence as
/// long as each event's own would join them (their only similarity to
/// compare with is each other's).
pub(crate) fn stream(events: usize, per_event: usize) -> Vec<(Article, usize)> {
    let mut out = Vec::new();
    for report in 0..per_event {
        for (event, what) in EVENTS.iter().enumerate().take(events) {
            let text = format!(
                "{what}, officials said on day {report}. Witnesses said {}.",
                what.to_lowercase()
            );
            out.push((article(&format!("e{event}-r{report}"), &text), event));
        }
    }
    out
}

/// Checks what must hold of any store, however it was written: every id
/// once, every article in exactly one existing story, each story's count
/// its members.
pub(crate) fn check_consistent(store: &dyn Store) -> Result<FxHashMap<String, i64>, StoreError> {
    let articles = store.articles()?;
    let mut story_of: FxHashMap<String, i64> = FxHashMap::default();
    for a in &articles {
        assert!(
            story_of.insert(a.id.clone(), a.story).is_none(),
            "{} stored twice",
            a.id
        );
    }
    let mut members: FxHashMap<i64, usize> = FxHashMap::default();
    for a in &articles {
        *members.entry(a.story).or_default() += 1;
    }
    let stories = store.stories()?;
    assert_eq!(stories.len(), members.len(), "every story has members");
    for story in &stories {
        assert_eq!(
            Some(&story.articles),
            members.get(&story.id),
            "story {} counts its members",
            story.id
        );
    }
    Ok(story_of)
}

fn writers_at_once_store_everything_once(db: &dyn Fresh) -> TestResult {
    let stream = stream(12, 6);
    let articles: Vec<Article> = stream.iter().map(|(a, _)| a.clone()).collect();
    // Two writers, each with its own connections, on overlapping halves:
    // the middle third is sent by both.
    let third = articles.len() / 3;
    let halves = [articles[..2 * third].to_vec(), articles[third..].to_vec()];
    let stores = [db.open()?, db.open()?];
    std::thread::scope(|scope| -> TestResult {
        let runs: Vec<_> = stores
            .iter()
            .zip(halves)
            .map(|(store, half)| {
                scope.spawn(move || -> Result<usize, StoreError> {
                    let mut added = 0;
                    for batch in half.chunks(8) {
                        added += store.ingest(batch.to_vec(), &mut |_, _| {})?.added;
                    }
                    Ok(added)
                })
            })
            .collect();
        let mut added = 0;
        for run in runs {
            added += run.join().map_err(|_| "a writer panicked")??;
        }
        assert_eq!(added, articles.len(), "each article added by one writer");
        Ok(())
    })?;
    let story_of = check_consistent(&*stores[0])?;
    assert_eq!(story_of.len(), articles.len());
    // The events are far apart: each becomes one story, whichever writer
    // placed its reports.
    let mut of_event: FxHashMap<usize, i64> = FxHashMap::default();
    for (a, event) in &stream {
        let story = story_of[&a.id];
        assert_eq!(*of_event.entry(*event).or_insert(story), story, "{}", a.id);
    }
    assert_eq!(stores[1].stories()?.len(), 12);
    Ok(())
}

fn stale_reports_are_built_once(db: &dyn Fresh) -> TestResult {
    let first = db.open()?;
    let articles: Vec<Article> = stream(12, 2).into_iter().map(|(a, _)| a).collect();
    first.ingest(articles, &mut |_, _| {})?;
    let second = db.open()?;
    // Two servers' builders at once: each stale story built by one.
    let built = std::thread::scope(|scope| -> Result<usize, Box<dyn std::error::Error>> {
        let a = scope.spawn(|| first.build_stale(100));
        let b = scope.spawn(|| second.build_stale(100));
        let a = a.join().map_err(|_| "a builder panicked")??;
        let b = b.join().map_err(|_| "a builder panicked")??;
        Ok(a + b)
    })?;
    assert_eq!(built, 12);
    for story in first.stories()? {
        assert!(story.conflicts.is_some());
        assert_eq!(first.report(story.id)?, second.report(story.id)?);
    }
    Ok(())
}

fn a_copy_keeps_every_row(db: &dyn Fresh) -> TestResult {
    let from = SqliteFile::new().ok_or("a temporary folder")?;
    let source = from.open()?;
    let articles: Vec<Article> = stream(6, 3).into_iter().map(|(a, _)| a).collect();
    source.ingest(articles[..10].to_vec(), &mut |_, _| {})?;
    source.ingest(articles[10..].to_vec(), &mut |_, _| {})?;
    source.build_stale(3)?;
    let target = db.open()?;
    let copied = target.import(&*source)?;
    assert_eq!((copied.stories, copied.articles), (6, 18));
    assert!(copied.story_particulars > 0, "{copied:?}");
    assert_eq!(target.stories()?, source.stories()?);
    assert_eq!(target.articles()?, source.articles()?);
    for story in source.stories()? {
        assert_eq!(target.report(story.id)?, source.report(story.id)?);
    }
    assert_eq!(
        target.list(Some("Halvik"), 10, 0)?,
        source.list(Some("Halvik"), 10, 0)?
    );
    // The copy goes on as the original would: the same next batch lands in
    // the same stories, and new stories get new numbers.
    let more = vec![
        article("late", &format!("{} More to come.", articles[0].text)),
        article(
            "new",
            "A comet was seen over the Caskel hills on Friday night.",
        ),
    ];
    let there = target.ingest(more.clone(), &mut |_, _| {})?;
    let here = source.ingest(more, &mut |_, _| {})?;
    assert_eq!(there.articles, here.articles);
    // A store that holds articles takes no copy.
    assert!(matches!(
        target.import(&*source),
        Err(StoreError::NotEmpty { .. })
    ));
    Ok(())
}

fn a_build_that_never_finished_is_not_tried_again_until_the_story_changes(
    db: &dyn Fresh,
) -> TestResult {
    let store = db.open()?;
    let summary = store.ingest(three(), &mut |_, _| {})?;
    let ferry = summary.articles[0].story.ok_or("placed")?;
    let bank = summary.articles[2].story.ok_or("placed")?;
    // What a process killed while building the ferry story leaves.
    db.execute(&format!(
        "UPDATE stories SET failed = '{}' WHERE id = {ferry}",
        crate::brief::INTERRUPTED
    ))?;
    drop(store);
    let store = db.open()?;
    assert_eq!(store.build_stale(10)?, 1, "only the bank story is built");
    assert_eq!(store.build_stale(10)?, 0);
    let failure = store.report(ferry).err();
    assert!(
        matches!(&failure, Some(StoreError::BuildFailed { story, reason })
            if *story == ferry && reason == crate::brief::INTERRUPTED),
        "{failure:?}"
    );
    assert!(store.report(bank)?.is_some());
    let listed = store.stories()?;
    let failed = |id: i64| listed.iter().find(|s| s.id == id).map(|s| s.failed.clone());
    assert_eq!(
        failed(ferry),
        Some(Some(crate::brief::INTERRUPTED.to_string()))
    );
    assert_eq!(failed(bank), Some(None));
    // A new article changes the story: its brief is tried again.
    store.ingest(
        vec![article(
            "d",
            "Ferry crews in Port Elmer stayed out over pay on Tuesday, halting crossings.",
        )],
        &mut |_, _| {},
    )?;
    assert_eq!(store.story_of("d")?, Some(ferry));
    assert!(
        store
            .report(ferry)?
            .is_some_and(|r| r.contains("Port Elmer"))
    );
    assert!(store.stories()?.iter().all(|s| s.failed.is_none()));
    Ok(())
}

/// The term frequencies a store holds.
fn terms(store: &dyn Store) -> Result<Vec<(String, i64)>, StoreError> {
    let mut terms = Vec::new();
    store.export(&mut |record| {
        if let crate::Record::Term { term, documents } = record {
            terms.push((term, documents));
        }
        Ok(())
    })?;
    terms.sort();
    Ok(terms)
}

fn a_deleted_story_leaves_no_trace(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let summary = store.ingest(three(), &mut |_, _| {})?;
    let ferry = summary.articles[0].story.ok_or("placed")?;
    let bank = summary.articles[2].story.ok_or("placed")?;
    assert_eq!(summary.articles[1].story, Some(ferry));
    store.build_stale(10)?;
    // Another server's pool sees the deletion too.
    let other = db.open()?;
    assert_eq!(other.delete_story(ferry)?, Some(2));
    assert_eq!(store.delete_story(ferry)?, None);
    assert_eq!(store.report(ferry)?, None);
    assert_eq!(store.story_of("a")?, None);
    assert!(store.list(Some("ferry"), 10, 0)?.is_empty());
    let left: Vec<i64> = store.stories()?.iter().map(|s| s.id).collect();
    assert_eq!(left, [bank]);
    assert_eq!(store.article_count()?, 1);
    // Nothing kept for placing (centroid, names) still names the story.
    let mut kept = 0;
    store.export(&mut |record| {
        if let crate::Record::StoryTerm { story, .. } | crate::Record::StoryParticular { story, .. } =
            record
            && story == ferry
        {
            kept += 1;
        }
        Ok(())
    })?;
    assert_eq!(kept, 0, "rows of the deleted story");
    // Term counts are those of the bank article alone: the same as a store
    // that only ever held it.
    let alone = SqliteFile::new().ok_or("a temporary folder")?;
    let fresh = alone.open()?;
    fresh.ingest(three()[2..].to_vec(), &mut |_, _| {})?;
    assert_eq!(terms(&*store)?, terms(&*fresh)?);
    // The deleted texts can be stored again, under the same ids.
    let again = store.ingest(three()[..1].to_vec(), &mut |_, _| {})?;
    assert_eq!(again.added, 1);
    assert_eq!(store.list(Some("ferry"), 10, 0)?.len(), 1);
    Ok(())
}

fn a_store_exists_once_opened(db: &dyn Fresh) -> TestResult {
    assert!(!crate::exists(&db.location())?);
    db.open()?;
    assert!(crate::exists(&db.location())?);
    Ok(())
}

fn feed_state_is_kept_replaced_and_shared(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    assert_eq!(store.feed_state("http://a.example/feed")?, None);
    assert!(store.feed_states()?.is_empty());
    let mut state = FeedState {
        url: "http://a.example/feed".into(),
        etag: Some("\"v1\"".into()),
        last_modified: Some("Mon, 06 May 2024 08:00:00 GMT".into()),
        last_success: Some(1_714_982_400_000),
        failures: 0,
        next_poll: Some(1_714_983_000_000),
        ..FeedState::default()
    };
    store.save_feed_state(&state)?;
    assert_eq!(store.feed_state(&state.url)?, Some(state.clone()));
    // A failed poll replaces every field, the validators included.
    state.etag = None;
    state.last_modified = None;
    state.failures = 3;
    state.last_error = Some("HTTP 500 Internal Server Error".into());
    store.save_feed_state(&state)?;
    let other = FeedState {
        url: "http://0.example/rss".into(),
        failures: u32::MAX,
        ..FeedState::default()
    };
    store.save_feed_state(&other)?;
    // Another process (another pool) reads what this one wrote, by address.
    let again = db.open()?;
    assert_eq!(again.feed_state(&state.url)?, Some(state.clone()));
    assert_eq!(again.feed_states()?, [other, state]);
    // Feeds are not articles: nothing else in the store changed.
    assert_eq!(again.article_count()?, 0);
    assert!(again.stories()?.is_empty());
    Ok(())
}

/// When the latest of `ids` was stored (Unix seconds), as the store says.
fn stored_at(store: &dyn Store, ids: &[&str]) -> Result<i64, StoreError> {
    let mut latest = i64::MIN;
    store.export(&mut |record| {
        if let crate::Record::Article { article, added, .. } = record
            && ids.contains(&article.id.as_str())
        {
            latest = latest.max(added);
        }
        Ok(())
    })?;
    Ok(latest)
}

fn a_brief_since_a_time_tells_what_arrived_after_it(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let first = vec![
        article(
            "monday",
            "Ferry crews in Port Elmer walked out over pay, halting crossings to Marren Island. \
             The strike stranded hundreds of island residents on the mainland.",
        ),
        article(
            "monday-2",
            "A ferry strike over pay halted crossings from Port Elmer to Marren Island on Monday. \
             Hundreds of residents of Marren Island were stranded on the mainland.",
        ),
    ];
    store.ingest(first, &mut |_, _| {})?;
    // Times are whole seconds of the database's clock: the second batch
    // is stored in a later second than the first.
    let before = stored_at(&*store, &["monday", "monday-2"])?;
    while std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs_f64()
        < (before + 1) as f64
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let later = vec![article(
        "tuesday",
        "The ferry strike between Port Elmer and Marren Island ended on Tuesday after crews \
         accepted a pay rise of 6 percent. Crossings to Marren Island resume on Wednesday.",
    )];
    store.ingest(later, &mut |_, _| {})?;
    let since = stored_at(&*store, &["tuesday"])?;
    assert!(since > before, "stored at {before}, then at {since}");
    let story = store.story_of("tuesday")?.ok_or("tuesday is stored")?;
    assert_eq!(store.story_of("monday")?, Some(story), "one story");

    let json = store
        .report_since(story, since)?
        .ok_or("the story exists")?;
    let report: chorus::Report = serde_json::from_str(&json)?;
    let documents: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(documents, ["tuesday"]);
    let summary = &report.stories[0].summary;
    assert!(summary[0].text.contains("ended on Tuesday"), "{summary:?}");
    assert!(summary.iter().all(|s| s.sources == ["tuesday"]));
    // Everything is new since long ago; nothing after the last arrival.
    let all: chorus::Report = serde_json::from_str(&store.report_since(story, 0)?.ok_or("story")?)?;
    assert_eq!(all.documents.len(), 3);
    let none: chorus::Report =
        serde_json::from_str(&store.report_since(story, since + 1)?.ok_or("story")?)?;
    assert!(none.stories.iter().all(|s| s.summary.is_empty()));
    assert_eq!(store.report_since(story + 100, 0)?, None);
    // Not kept: the story's own report is the whole story's.
    let whole: chorus::Report = serde_json::from_str(&store.report(story)?.ok_or("story")?)?;
    assert_eq!(whole.documents.len(), 3);
    Ok(())
}

fn feeds_list_the_latest_changes_first(db: &dyn Fresh) -> TestResult {
    let store = db.open()?;
    let dated = |mut article: Article, date: &str, source: &str| {
        article.date = Some(date.into());
        article.source = Some(source.into());
        article.url = Some(format!("https://{source}.example/{}", article.id));
        article
    };
    let [a, b, c]: [Article; 3] = three()
        .try_into()
        .map_err(|_| "three() gives three articles")?;
    store.ingest(
        vec![
            dated(a, "2024-05-06", "harbour"),
            dated(b, "2024-05-06", "island"),
            dated(c, "2024-05-07", "markets"),
        ],
        &mut |_, _| {},
    )?;
    let ferry = store.story_of("a")?.ok_or("a has a story")?;
    let rates = store.story_of("c")?.ok_or("c has a story")?;
    // Stored in the same second: the later publication date first.
    let order = |limit| -> Result<Vec<i64>, StoreError> {
        Ok(store
            .recently_updated(limit)?
            .iter()
            .map(|u| u.story.id)
            .collect())
    };
    assert_eq!(order(10)?, [rates, ferry]);
    assert_eq!(order(1)?, [rates]);
    // Added times are whole seconds: wait for the next one.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let late = dated(
        article(
            "d",
            "Crossings from Port Elmer to Marren Island stay halted as the ferry strike over pay goes on.",
        ),
        "2024-05-01",
        "coast",
    );
    store.ingest(vec![late], &mut |_, _| {})?;
    assert_eq!(store.story_of("d")?, Some(ferry));
    // A story that gained an article comes first, however old its date.
    let updated = store.recently_updated(10)?;
    assert_eq!(
        updated.iter().map(|u| u.story.id).collect::<Vec<_>>(),
        [ferry, rates]
    );
    assert!(updated[0].updated > updated[1].updated, "{updated:?}");
    assert_eq!(updated[0].story.sources, ["coast", "harbour", "island"]);
    assert_eq!(updated[0].story.articles, 3);
    // The story's articles, the last to join first; same second: by row.
    let added = store.recently_added(ferry, 10)?;
    let ids: Vec<&str> = added.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["d", "b", "a"]);
    assert_eq!(added[0].source.as_deref(), Some("coast"));
    assert_eq!(added[0].url.as_deref(), Some("https://coast.example/d"));
    assert_eq!(added[0].date.as_deref(), Some("2024-05-01"));
    assert_eq!(added[0].added, updated[0].updated);
    assert_eq!(store.recently_added(ferry, 1)?.len(), 1);
    assert!(store.recently_added(rates + ferry + 1000, 10)?.is_empty());
    Ok(())
}

/// The suite for one database: `$fresh` gives an `Option` of a [`Fresh`]
/// database for the named test (`None`: skipped, said why).
macro_rules! suite {
    ($backend:ident, $fresh:expr) => {
        mod $backend {
            use super::*;

            fn run(test: &str, body: fn(&dyn Fresh) -> TestResult) -> TestResult {
                #[allow(clippy::redundant_closure_call)]
                match ($fresh)(test) {
                    Some(db) => body(&db),
                    None => Ok(()),
                }
            }

            #[test]
            fn ingest_is_idempotent_and_groups_stories() -> TestResult {
                run(
                    "ingest_is_idempotent_and_groups_stories",
                    super::ingest_is_idempotent_and_groups_stories,
                )
            }

            #[test]
            fn search_finds_stories_by_their_articles_words() -> TestResult {
                run(
                    "search_finds_stories_by_their_articles_words",
                    super::search_finds_stories_by_their_articles_words,
                )
            }

            #[test]
            fn clashing_ids_and_empty_articles_are_refused() -> TestResult {
                run(
                    "clashing_ids_and_empty_articles_are_refused",
                    super::clashing_ids_and_empty_articles_are_refused,
                )
            }

            #[test]
            fn odd_articles_are_placed_or_refused_by_name() -> TestResult {
                run(
                    "odd_articles_are_placed_or_refused_by_name",
                    super::odd_articles_are_placed_or_refused_by_name,
                )
            }

            #[test]
            fn a_later_batch_grows_its_event_and_keeps_another_apart() -> TestResult {
                run(
                    "a_later_batch_grows_its_event_and_keeps_another_apart",
                    super::a_later_batch_grows_its_event_and_keeps_another_apart,
                )
            }

            #[test]
            fn a_small_story_comes_apart_when_its_events_arrive() -> TestResult {
                run(
                    "a_small_story_comes_apart_when_its_events_arrive",
                    super::a_small_story_comes_apart_when_its_events_arrive,
                )
            }

            #[test]
            fn a_recent_story_comes_apart_when_its_events_arrive() -> TestResult {
                run(
                    "a_recent_story_comes_apart_when_its_events_arrive",
                    super::a_recent_story_comes_apart_when_its_events_arrive,
                )
            }

            #[test]
            fn writers_at_once_store_everything_once() -> TestResult {
                run(
                    "writers_at_once_store_everything_once",
                    super::writers_at_once_store_everything_once,
                )
            }

            #[test]
            fn stale_reports_are_built_once() -> TestResult {
                run(
                    "stale_reports_are_built_once",
                    super::stale_reports_are_built_once,
                )
            }

            #[test]
            fn a_brief_since_a_time_tells_what_arrived_after_it() -> TestResult {
                run(
                    "a_brief_since_a_time_tells_what_arrived_after_it",
                    super::a_brief_since_a_time_tells_what_arrived_after_it,
                )
            }

            #[test]
            fn a_copy_keeps_every_row() -> TestResult {
                run("a_copy_keeps_every_row", super::a_copy_keeps_every_row)
            }

            #[test]
            fn a_build_that_never_finished_is_not_tried_again_until_the_story_changes()
            -> TestResult {
                run(
                    "a_build_that_never_finished_is_not_tried_again",
                    super::a_build_that_never_finished_is_not_tried_again_until_the_story_changes,
                )
            }

            #[test]
            fn feeds_list_the_latest_changes_first() -> TestResult {
                run(
                    "feeds_list_the_latest_changes_first",
                    super::feeds_list_the_latest_changes_first,
                )
            }

            #[test]
            fn a_store_exists_once_opened() -> TestResult {
                run(
                    "a_store_exists_once_opened",
                    super::a_store_exists_once_opened,
                )
            }

            #[test]
            fn a_deleted_story_leaves_no_trace() -> TestResult {
                run(
                    "a_deleted_story_leaves_no_trace",
                    super::a_deleted_story_leaves_no_trace,
                )
            }

            #[test]
            fn a_text_from_two_outlets_is_stored_once_per_outlet() -> TestResult {
                run(
                    "a_text_from_two_outlets_is_stored_once_per_outlet",
                    super::a_text_from_two_outlets_is_stored_once_per_outlet,
                )
            }

            #[test]
            fn feed_state_is_kept_replaced_and_shared() -> TestResult {
                run(
                    "feed_state_is_kept_replaced_and_shared",
                    super::feed_state_is_kept_replaced_and_shared,
                )
            }
        }
    };
}

suite!(sqlite, |_: &str| SqliteFile::new());
suite!(postgres, |test: &str| PostgresDatabase::new(test));
