//! Several processes on one store: writers at once, a writer killed
//! mid-batch, a server while a writer writes, two servers — on SQLite and,
//! when a server is at hand, on PostgreSQL (see the `chorus-testdb` crate;
//! skipped, and said so, without one).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chorus_store::{Location, Store};

use crate::util::*;

/// A store for one test: an SQLite file, or a PostgreSQL database.
enum Db {
    Sqlite(tempfile::TempDir),
    Postgres(chorus_testdb::TestDatabase),
}

impl Db {
    fn sqlite() -> Db {
        Db::Sqlite(tempfile::tempdir().expect("temporary folder"))
    }

    fn postgres(test: &str) -> Option<Db> {
        chorus_testdb::database(test).map(Db::Postgres)
    }

    /// The `--db` value.
    fn arg(&self) -> String {
        match self {
            Db::Sqlite(dir) => dir.path().join("chorus.db").to_string_lossy().into_owned(),
            Db::Postgres(db) => db.url().to_string(),
        }
    }

    fn open(&self) -> Box<dyn Store> {
        chorus_store::open(&Location::parse(&self.arg()), &mut |_| {}).expect("the store opens")
    }
}

/// Words no two events share.
fn word(n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mer", "vin", "ta", "sul", "dra", "pe", "no", "rix", "ba", "tel", "quo", "ash",
        "fen", "gor",
    ];
    let mut n = n;
    let mut word = String::new();
    for _ in 0..3 {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    word
}

/// One generated report: its id, its JSONL line and its event.
struct Report {
    id: String,
    line: String,
    event: usize,
}

/// `events` events, `per_event` reports each, interleaved as a stream:
/// each event has its own place, people and things; each report tells
/// four of the event's six sentences in its own order.
fn stream(events: usize, per_event: usize) -> Vec<Report> {
    let mut seed: u64 = 2026;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize
    };
    let mut out = Vec::new();
    for r in 0..per_event {
        for e in 0..events {
            let w = |k: usize| word(e * 10 + k + 1);
            let sentences = [
                format!(
                    "{} and {} met in {} on Monday to discuss the {} accord.",
                    w(0),
                    w(1),
                    w(2),
                    w(3)
                ),
                format!(
                    "Talks between {} and {} over {} ended without a deal, {} said.",
                    w(0),
                    w(1),
                    w(3),
                    w(4)
                ),
                format!(
                    "{} of {} said {} would host the next round on {}.",
                    w(5),
                    w(2),
                    w(6),
                    w(3)
                ),
                format!(
                    "The {} delegation arrived from {} with {} advisers.",
                    w(7),
                    w(8),
                    w(9)
                ),
                format!(
                    "{} told reporters in {} that {} had rejected the {} plan.",
                    w(4),
                    w(2),
                    w(0),
                    w(7)
                ),
                format!(
                    "Crowds outside the {} hall in {} demanded an end to the {} dispute.",
                    w(8),
                    w(2),
                    w(9)
                ),
            ];
            let mut order: Vec<usize> = (0..6).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, next() % (i + 1));
            }
            let mut text: Vec<&str> = order[..4].iter().map(|&i| sentences[i].as_str()).collect();
            let filed = format!("This is update {r} from the desk.");
            text.push(&filed);
            let id = format!("e{e}-r{r}");
            let line = serde_json::json!({
                "id": id,
                "title": format!("{} and {} meet in {}", w(0), w(1), w(2)),
                "text": text.join(" "),
                "date": format!("2024-05-{:02}", 1 + r % 28),
            })
            .to_string();
            out.push(Report { id, line, event: e });
        }
    }
    out
}

/// Writes `reports` as a folder of feed files of ten lines each: ingest
/// fills a batch file by file.
fn write_lines(path: &Path, reports: &[&Report]) {
    std::fs::create_dir_all(path).expect("stream folder");
    for (n, chunk) in reports.chunks(10).enumerate() {
        let mut text = String::new();
        for report in chunk {
            text.push_str(&report.line);
            text.push('\n');
        }
        std::fs::write(path.join(format!("feed-{n:03}.jsonl")), text).expect("stream written");
    }
}

/// Articles per batch. A batch of 20 from this stream holds mostly single
/// reports of different events, which share their sentences' frame: the
/// first batches join some of those, as batch clustering of those 20 alone
/// would, and the store takes those stories apart again as the rest of
/// their events arrive (they are recent).
const BATCH: usize = 20;

/// Starts `chorus ingest` on `input` in batches of `batch`.
fn start_ingest(input: &Path, db: &Db, batch: usize) -> Child {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["ingest", &input.to_string_lossy(), "--db", &db.arg()])
        .args(["--batch", &batch.to_string()])
        .current_dir(workspace_root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chorus starts")
}

fn finished(child: Child) {
    let output = child.wait_with_output().expect("chorus finishes");
    assert!(output.status.success(), "{}", stderr(&output));
}

/// Checks what must hold however the store was written — every id stored
/// once, every article in exactly one listed story, each story's count its
/// members — and returns BCubed F1 against the events.
fn check(db: &Db, reports: &[Report]) -> f64 {
    let store = db.open();
    let articles = store.articles().expect("articles");
    let mut story_of: HashMap<&str, i64> = HashMap::new();
    for article in &articles {
        assert!(
            story_of.insert(&article.id, article.story).is_none(),
            "{} stored twice",
            article.id
        );
    }
    let ids: HashSet<&str> = reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        story_of.keys().copied().collect::<HashSet<_>>(),
        ids,
        "every id stored"
    );
    let mut members: HashMap<i64, usize> = HashMap::new();
    for story in story_of.values() {
        *members.entry(*story).or_default() += 1;
    }
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), members.len(), "every story has members");
    for story in &stories {
        assert_eq!(
            Some(&story.articles),
            members.get(&story.id),
            "story {}",
            story.id
        );
    }
    let mut seen = HashSet::new();
    let (mut predicted, mut gold) = (Vec::new(), Vec::new());
    for report in reports {
        if seen.insert(&report.id) {
            predicted.push(story_of[report.id.as_str()] as usize);
            gold.push(report.event);
        }
    }
    chorus_eval::bcubed::score(&predicted, &gold).bcubed_f1
}

/// The stream, its halves with planted duplicates (every seventh report
/// of the first half is sent again in the second), and one sequential
/// run's F1.
struct Halves {
    dir: tempfile::TempDir,
    reports: Vec<Report>,
    sequential_f1: f64,
}

impl Halves {
    fn new(db: &Db) -> Halves {
        let dir = tempfile::tempdir().expect("temporary folder");
        let reports = stream(16, 10);
        let half = reports.len() / 2;
        let first: Vec<&Report> = reports[..half].iter().collect();
        let mut second: Vec<&Report> = reports[half..].iter().collect();
        second.extend(reports[..half].iter().step_by(7));
        write_lines(&dir.path().join("first"), &first);
        write_lines(&dir.path().join("second"), &second);
        write_lines(&dir.path().join("all"), &reports.iter().collect::<Vec<_>>());
        let sequential = match db {
            Db::Sqlite(_) => Db::sqlite(),
            Db::Postgres(_) => Db::postgres("sequential").expect("the server answered before"),
        };
        finished(start_ingest(&dir.path().join("all"), &sequential, BATCH));
        let sequential_f1 = check(&sequential, &reports);
        // In batches of 20, each event is one story.
        assert!(sequential_f1 > 0.99, "sequential F1 {sequential_f1}");
        Halves {
            dir,
            reports,
            sequential_f1,
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    fn check(&self, db: &Db) {
        let f1 = check(db, &self.reports);
        assert!(
            (f1 - self.sequential_f1).abs() <= 0.01,
            "BCubed F1 {f1:.4} against {:.4} for one writer",
            self.sequential_f1
        );
    }
}

fn writers_at_once(db: Db) {
    let halves = Halves::new(&db);
    let first = start_ingest(&halves.path("first"), &db, BATCH);
    let second = start_ingest(&halves.path("second"), &db, BATCH);
    finished(first);
    finished(second);
    halves.check(&db);
}

#[test]
fn two_writers_at_once_on_a_fresh_sqlite_file_store_everything_once() {
    writers_at_once(Db::sqlite());
}

#[test]
fn two_writers_at_once_on_postgres_store_everything_once() {
    if let Some(db) = Db::postgres("two_writers_at_once_on_postgres_store_everything_once") {
        writers_at_once(db);
    }
}

/// Waits until the store holds some articles (a batch was committed), then
/// kills `writer` as a crash would, in the middle of a later batch.
fn kill_after_first_batch(mut writer: Child, db: &Db) {
    let store = db.open();
    let started = Instant::now();
    while store.article_count().unwrap_or(0) == 0 {
        assert!(
            writer.try_wait().ok().flatten().is_none(),
            "the writer ended before it was killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "nothing committed"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    writer.kill().expect("the writer can be killed");
    let status = writer.wait().expect("the killed writer");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(libc::SIGKILL));
}

fn a_killed_writer_rerun(db: Db) {
    let halves = Halves::new(&db);
    let first = start_ingest(&halves.path("first"), &db, BATCH);
    let second = start_ingest(&halves.path("second"), &db, BATCH);
    kill_after_first_batch(second, &db);
    finished(first);
    let stored = db.open().article_count().expect("a count");
    assert!(
        stored < halves.reports.len(),
        "the killed writer's rest is missing"
    );
    finished(start_ingest(&halves.path("second"), &db, BATCH));
    halves.check(&db);
}

#[test]
fn a_writer_killed_mid_batch_and_rerun_on_sqlite_loses_and_doubles_nothing() {
    a_killed_writer_rerun(Db::sqlite());
}

#[test]
fn a_writer_killed_mid_batch_and_rerun_on_postgres_loses_and_doubles_nothing() {
    if let Some(db) =
        Db::postgres("a_writer_killed_mid_batch_and_rerun_on_postgres_loses_and_doubles_nothing")
    {
        a_killed_writer_rerun(db);
    }
}

/// A `chorus serve` on a free port; its port.
fn start_server(db: &Db) -> (Child, u16) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args([
            "serve",
            "--create",
            "--addr",
            "127.0.0.1:0",
            "--db",
            &db.arg(),
        ])
        .current_dir(workspace_root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chorus serve starts");
    let stderr = server.stderr.take().expect("stderr is piped");
    let mut lines = BufReader::new(stderr).lines();
    let port = loop {
        let line = lines
            .next()
            .and_then(Result::ok)
            .expect("the server says where it listens");
        if let Some(address) = line.strip_prefix("chorus: serving ") {
            let port = address
                .trim_end_matches('/')
                .rsplit(':')
                .next()
                .and_then(|p| p.parse().ok())
                .expect("a port");
            break port;
        }
    };
    // Whatever it says later is read, so that it never blocks on stderr.
    std::thread::spawn(move || lines.for_each(drop));
    (server, port)
}

/// `GET path`: the status and the body.
fn get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

/// The stories a server lists: number and articles.
fn stories_of(port: u16) -> Vec<(i64, u64)> {
    let (status, body) = get(port, "/api/stories?limit=500").expect("an answer");
    assert_eq!(status, 200, "{body}");
    let list: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    list.as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| Some((s["id"].as_i64()?, s["articles"].as_u64()?)))
        .collect()
}

fn two_servers(db: Db) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let reports = stream(6, 4);
    let input = dir.path().join("stream");
    write_lines(&input, &reports.iter().collect::<Vec<_>>());
    let (mut one, one_port) = start_server(&db);
    let (mut two, two_port) = start_server(&db);
    // A writer while both serve.
    finished(start_ingest(&input, &db, 5));
    let stories = stories_of(one_port);
    assert_eq!(stories, stories_of(two_port));
    let listed: u64 = stories.iter().map(|(_, articles)| articles).sum();
    assert_eq!(listed as usize, reports.len(), "{stories:?}");
    for &(id, _) in &stories {
        // Asked of both at once: each story's brief is built once and both
        // answer with it.
        let path = format!("/api/stories/{id}");
        let (a, b) = std::thread::scope(|scope| {
            let a = scope.spawn(|| get(one_port, &path));
            let b = scope.spawn(|| get(two_port, &path));
            (a.join(), b.join())
        });
        let (a, b) = (
            a.expect("no panic").expect("an answer"),
            b.expect("no panic").expect("an answer"),
        );
        assert_eq!(a.0, 200, "{}", a.1);
        assert_eq!(a, b, "story {id}");
    }
    one.kill().expect("a server can be killed");
    let _ = one.wait();
    assert!(
        get(one_port, "/api/stories").is_err(),
        "the killed one is gone"
    );
    assert_eq!(stories_of(two_port), stories, "the other goes on");
    let (status, page) = get(two_port, &format!("/stories/{}", stories[0].0)).expect("an answer");
    assert_eq!(status, 200, "{page}");
    let _ = two.kill();
    let _ = two.wait();
}

#[test]
fn two_servers_on_one_sqlite_file_answer_alike_while_a_writer_writes() {
    two_servers(Db::sqlite());
}

#[test]
fn two_servers_on_postgres_answer_alike_and_one_outlives_the_other() {
    if let Some(db) =
        Db::postgres("two_servers_on_postgres_answer_alike_and_one_outlives_the_other")
    {
        two_servers(db);
    }
}

#[test]
fn passwords_never_appear_when_the_server_is_down() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(1);
    let url = format!("postgres://chorus:s3cret@127.0.0.1:{port}/news");
    for args in [
        vec!["ingest", "examples/reports", "--db", &url],
        vec!["stories", "--db", &url],
    ] {
        let output = chorus(&args);
        assert_eq!(output.status.code(), Some(2));
        let said = stderr(&output);
        assert!(!said.contains("s3cret"), "{said}");
        assert!(
            said.contains(&format!(
                "postgres://chorus@127.0.0.1:{port}/news: cannot connect"
            )),
            "{said}"
        );
    }
    let output = chorus(&[
        "stories",
        "--db",
        "postgres://chorus:s3cret@localhost:port/news",
    ]);
    let said = stderr(&output);
    assert!(!said.contains("s3cret"), "{said}");
    assert!(
        said.contains("not a PostgreSQL connection string"),
        "{said}"
    );
}
