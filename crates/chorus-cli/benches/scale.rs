//! Scale: a stream of 100,000+ articles built at run time from cluster
//! files, clustered by `chorus cluster` and stored by `chorus ingest`, with
//! articles per second and peak memory (the child process's maximum
//! resident set) for each, and BCubed against the stream's own groups.
//!
//!     cargo bench --bench scale -- "$PWD"/../shared/data/*-dev.jsonl [--articles 100000] [--ingest 20000]
//!     cargo bench --bench scale -- "$PWD"/../shared/data/*-dev.jsonl --postgres postgres://postgres@127.0.0.1:5432/postgres
//!
//! Ingest stores the first `--ingest` articles one stream file (5,000
//! articles) at a time into one store, each file a separate run, so each
//! row shows the cost of adding 5,000 articles to a store that already
//! holds the rows above it.
//!
//! With `--postgres URL` (a server where the URL's user may create
//! databases) the first `--shared` articles (20,000 by default), split into
//! files of 1,000, are also ingested by one SQLite process and by 1, 2 and
//! 4 concurrent workers (`--workers 1,2,4`) into a fresh PostgreSQL
//! database each, files dealt to the workers in turn: wall time, articles/s,
//! the largest worker's peak memory, BCubed F1, and where the workers' time
//! went, from `pg_stat_activity` sampled every 10 ms (reading and counting
//! outside the lock, waiting for the placing lock, placing in the client,
//! statements running in the server).
//!
//! The stream is written under `target/scale/` (never committed). Each
//! gold cluster is replayed many times as a different event: replay `r`
//! renames every word outside the corpus's most frequent ones (names,
//! places, the specific nouns that tell events apart) with a suffix of its
//! own, drops one paragraph in ten and swaps some neighbours, and is dated
//! a few days after replay `r - 1`. Articles arrive in date order. Prefixes
//! of a quarter, a half and all of the stream show whether the cost per
//! article grows with the stream.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use chorus::ingest::{Limits, ingest_paths};
use chorus::model::StoryInput;
use chorus_eval::bcubed::score;

/// Most frequent words of the source corpus, left as they are in every
/// replay: the vocabulary events share.
const SHARED_WORDS: usize = 500;
/// Articles per stream file (one feed dump).
const FILE_ARTICLES: usize = 5_000;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut paths = Vec::new();
    let mut total: usize = 100_000;
    let mut ingest: usize = 20_000;
    let mut generate = false;
    let mut postgres: Option<String> = None;
    let mut shared: usize = 20_000;
    let mut workers: Vec<usize> = vec![1, 2, 4];
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--generate" => generate = true,
            "--postgres" => postgres = args.next(),
            "--shared" => shared = args.next().and_then(|n| n.parse().ok()).unwrap_or(shared),
            "--workers" => {
                workers = args
                    .next()
                    .map(|w| w.split(',').filter_map(|n| n.parse().ok()).collect())
                    .unwrap_or(workers)
            }
            "--articles" => total = args.next().and_then(|n| n.parse().ok()).unwrap_or(total),
            "--ingest" => ingest = args.next().and_then(|n| n.parse().ok()).unwrap_or(ingest),
            other => paths.push(PathBuf::from(other)),
        }
    }
    if paths.is_empty() {
        eprintln!(
            "usage: cargo bench --bench scale -- CLUSTERS.jsonl… [--articles N] [--ingest N] [--postgres URL [--shared N] [--workers 1,2,4]]"
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/scale");
    if generate {
        generate_stream(&paths, total, &root);
        return;
    }
    // The stream is built in a child process: a child spawned from a parent
    // holding it would be charged the parent's memory until it execs.
    let mut builder = Command::new(std::env::current_exe().expect("own path"));
    builder
        .arg("--generate")
        .args(["--articles", &total.to_string()]);
    let built = builder
        .args(&paths)
        .status()
        .expect("the stream builder runs");
    assert!(built.success(), "building the stream failed");
    let gold_text = fs::read_to_string(root.join("gold.tsv")).expect("gold.tsv");
    let gold: HashMap<&str, usize> = gold_text
        .lines()
        .filter_map(|line| {
            let (id, event) = line.split_once('\t')?;
            Some((id, event.parse().ok()?))
        })
        .collect();
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("stream"))
        .expect("stream folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let articles_in_stream = gold.len();
    let own = fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or("unknown".to_string(), |kb| {
            format!("{:.0} MiB", kb / 1024.0)
        });
    println!("this process holds {own}; a child's peak includes it until the child execs");
    println!();
    println!(
        "{:<8} {:>9} {:>9} {:>12} {:>10} {:>9} {:>9}",
        "command", "articles", "seconds", "articles/s", "peak MiB", "stories", "BCubed F1"
    );
    let quarter = files.len().div_ceil(4);
    for share in [quarter, 2 * quarter, files.len()] {
        let share = share.min(files.len());
        let articles = (share * FILE_ARTICLES).min(articles_in_stream);
        let out = root.join("stories.json");
        let mut command = Command::new(env!("CARGO_BIN_EXE_chorus"));
        command
            .arg("cluster")
            .args(&files[..share])
            .args(["--format", "json"])
            .stdout(File::create(&out).expect("output file"))
            .stderr(Stdio::inherit());
        let run = measure(command, false);
        let (stories, f1) = cluster_score(&out, &gold);
        println!(
            "{:<8} {:>9} {:>9.1} {:>12.0} {:>10.0} {:>9} {:>9.4}",
            "cluster",
            articles,
            run.seconds,
            articles as f64 / run.seconds,
            run.peak_mib,
            stories,
            f1
        );
    }
    if let Some(admin) = &postgres {
        shared_store(&root, &files, shared, admin, &workers, &gold);
    }
    if ingest > 0 {
        // File by file into one store: the rate of each shows whether
        // placing an article costs more as the store fills.
        let share = ingest.div_ceil(FILE_ARTICLES).min(files.len());
        let db = root.join("store.db");
        let mut stored = 0;
        for file in &files[..share] {
            // Articles that are all page furniture are refused, each named
            // on stderr with exit status 2: the names go to a file, the
            // count to the table.
            let refusals = root.join("refused.txt");
            let mut command = Command::new(env!("CARGO_BIN_EXE_chorus"));
            command
                .arg("ingest")
                .arg(file)
                .arg("--db")
                .arg(&db)
                .stdout(Stdio::null())
                .stderr(File::create(&refusals).expect("refusals file"));
            let run = measure(command, true);
            let refused = fs::read_to_string(&refusals)
                .map(|text| text.lines().filter(|l| l.contains("not stored")).count())
                .unwrap_or(0);
            let before = stored;
            stored = (stored + FILE_ARTICLES).min(articles_in_stream);
            let (stories, f1) = store_score(&db, &gold);
            println!(
                "{:<8} {:>9} {:>9.1} {:>12.0} {:>10.0} {:>9} {:>9.4}  ({refused} refused)",
                "ingest",
                format!("+{}", stored - before),
                run.seconds,
                (stored - before) as f64 / run.seconds,
                run.peak_mib,
                stories,
                f1
            );
        }
    }
}

/// Stories in the store and BCubed F1 of its articles against the events.
fn store_score(db: &Path, gold: &HashMap<&str, usize>) -> (usize, f64) {
    score_store(&db.to_string_lossy(), gold)
}

/// [`store_score`] of any store, through the store's own interface.
fn score_store(db: &str, gold: &HashMap<&str, usize>) -> (usize, f64) {
    let store = chorus_store::open(&chorus_store::Location::parse(db), &mut |_| {})
        .expect("the store opens");
    let mut predicted = Vec::new();
    let mut labels = Vec::new();
    for article in store.articles().expect("articles readable") {
        if let Some(&event) = gold.get(article.id.as_str()) {
            predicted.push(article.story as usize);
            labels.push(event);
        }
    }
    let stories = store.stories().expect("stories readable").len();
    (stories, score(&predicted, &labels).bcubed_f1)
}

/// Articles per file of the shared-store runs: small enough that workers
/// take turns at the placing lock many times.
const SHARED_FILE_ARTICLES: usize = 1_000;

/// One SQLite process, then 1, 2, 4… PostgreSQL workers, on the first
/// `articles` of the stream; see the module notes.
fn shared_store(
    root: &Path,
    files: &[PathBuf],
    articles: usize,
    admin: &str,
    workers: &[usize],
    gold: &HashMap<&str, usize>,
) {
    let dir = root.join("shared");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("target/scale/shared");
    let mut lines = Vec::new();
    for file in files {
        let text = fs::read_to_string(file).expect("stream file");
        lines.extend(text.lines().map(str::to_string));
        if lines.len() >= articles {
            break;
        }
    }
    lines.truncate(articles);
    let parts: Vec<PathBuf> = lines
        .chunks(SHARED_FILE_ARTICLES)
        .enumerate()
        .map(|(n, chunk)| {
            let path = dir.join(format!("feed-{n:04}.jsonl"));
            fs::write(&path, chunk.join("\n") + "\n").expect("shared stream file");
            path
        })
        .collect();
    println!();
    println!(
        "shared store: {} articles in {} files of {SHARED_FILE_ARTICLES}, dealt to the workers in turn",
        lines.len(),
        parts.len()
    );
    println!(
        "{:<22} {:>9} {:>12} {:>10} {:>9} {:>9}   workers' time: outside lock / waiting for lock / placing in client / SQL in server",
        "store", "seconds", "articles/s", "peak MiB", "stories", "BCubed F1"
    );
    let db = dir.join("store.db");
    let run = measure_all(vec![ingest_command(&parts, &db.to_string_lossy())]);
    let (stories, f1) = store_score(&db, gold);
    println!(
        "{:<22} {:>9.1} {:>12.0} {:>10.0} {:>9} {:>9.4}",
        "SQLite, 1 process",
        run.seconds,
        lines.len() as f64 / run.seconds,
        run.peak_mib,
        stories,
        f1
    );
    for &count in workers {
        let url = fresh_database(admin, "chorus_bench_shared");
        let commands: Vec<Command> = (0..count)
            .map(|w| {
                let mine: Vec<PathBuf> = parts.iter().skip(w).step_by(count).cloned().collect();
                ingest_command(&mine, &url)
            })
            .collect();
        // The store is created first, so that workers' opening is not timed.
        drop(
            chorus_store::open(&chorus_store::Location::parse(&url), &mut |_| {})
                .expect("the store is created"),
        );
        let sampler = Sampler::start(&url);
        let run = measure_all(commands);
        let time = sampler.stop(count);
        let (stories, f1) = score_store(&url, gold);
        println!(
            "{:<22} {:>9.1} {:>12.0} {:>10.0} {:>9} {:>9.4}   {}",
            format!(
                "PostgreSQL, {count} worker{}",
                if count == 1 { "" } else { "s" }
            ),
            run.seconds,
            lines.len() as f64 / run.seconds,
            run.peak_mib,
            stories,
            f1,
            time
        );
    }
}

fn ingest_command(files: &[PathBuf], db: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chorus"));
    command
        .arg("ingest")
        .args(files)
        .args(["--db", db])
        .stdout(Stdio::null());
    command
}

/// A new, empty database `name` on the server (dropped first if there);
/// its URL.
fn fresh_database(admin: &str, name: &str) -> String {
    let mut client = postgres::Client::connect(admin, postgres::NoTls).expect("the server");
    // Two statements, two calls: neither runs inside a transaction.
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .expect("the old database dropped");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("a fresh database");
    let mut config: postgres::Config = admin.parse().expect("a connection URL");
    config.dbname(name);
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(host)) => host.clone(),
        _ => "127.0.0.1".to_string(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or("postgres");
    let password = config
        .get_password()
        .map(|p| format!(":{}", String::from_utf8_lossy(p)))
        .unwrap_or_default();
    format!("postgres://{user}{password}@{host}:{port}/{name}")
}

/// Samples what chorus's connections to one database are doing.
struct Sampler {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<[u64; 4]>,
}

impl Sampler {
    fn start(url: &str) -> Sampler {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut client = postgres::Client::connect(url, postgres::NoTls).expect("the server");
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            // Samples, and per state the connections seen in it.
            let mut seen = [0u64; 4];
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                let rows = client
                    .query(
                        "SELECT state, wait_event_type FROM pg_stat_activity
                         WHERE datname = current_database() AND application_name = 'chorus'",
                        &[],
                    )
                    .unwrap_or_default();
                seen[0] += 1;
                for row in rows {
                    let state: Option<String> = row.get(0);
                    let wait: Option<String> = row.get(1);
                    match (state.as_deref(), wait.as_deref()) {
                        (Some("active"), Some("Lock")) => seen[1] += 1,
                        (Some("idle in transaction"), _) => seen[2] += 1,
                        (Some("active"), _) => seen[3] += 1,
                        _ => {}
                    }
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            seen
        });
        Sampler { stop, thread }
    }

    /// Shares of the workers' time, as "a% / b% / c% / d%".
    fn stop(self, workers: usize) -> String {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let seen = self.thread.join().expect("the sampler");
        let total = (seen[0] * workers as u64).max(1) as f64;
        let share = |n: u64| 100.0 * n as f64 / total;
        let inside = seen[1] + seen[2] + seen[3];
        format!(
            "{:.0}% / {:.0}% / {:.0}% / {:.0}%",
            share((seen[0] * workers as u64).saturating_sub(inside)),
            share(seen[1]),
            share(seen[2]),
            share(seen[3])
        )
    }
}

/// Builds the stream from the cluster files and writes it, with each
/// article's event in `gold.tsv`.
fn generate_stream(paths: &[PathBuf], total: usize, root: &Path) {
    let ingested = ingest_paths(paths, &Limits::default());
    for error in &ingested.errors {
        eprintln!("{error}");
    }
    let clusters: Vec<StoryInput> = ingested
        .stories
        .into_iter()
        .filter(|s| !s.loose && !s.articles.is_empty())
        .collect();
    let _ = fs::remove_dir_all(root);
    fs::create_dir_all(root).expect("target/scale can be created");
    let started = Instant::now();
    let stream = build_stream(&clusters, total);
    let files = write_stream(root, &stream);
    let mut gold = BufWriter::new(File::create(root.join("gold.tsv")).expect("gold.tsv"));
    for article in &stream {
        writeln!(gold, "{}\t{}", article.id, article.event).expect("gold written");
    }
    gold.flush().expect("gold written");
    println!(
        "stream: {} articles ({:.0} MB) in {} files from {} clusters, {} distinct events; built in {:.1} s",
        stream.len(),
        stream.iter().map(|a| a.line.len()).sum::<usize>() as f64 / 1e6,
        files.len(),
        clusters.len(),
        stream
            .iter()
            .map(|a| a.event)
            .collect::<std::collections::HashSet<_>>()
            .len(),
        started.elapsed().as_secs_f64()
    );
}

/// One article of the stream, as its JSONL line.
struct StreamArticle {
    id: String,
    event: usize,
    day: u32,
    order: u64,
    line: String,
}

fn build_stream(clusters: &[StoryInput], total: usize) -> Vec<StreamArticle> {
    let shared = shared_words(clusters);
    let per_replay: usize = clusters.iter().map(|c| c.articles.len()).sum();
    let replays = total.div_ceil(per_replay.max(1));
    let mut random = SplitMix(2026);
    let mut stream = Vec::with_capacity(replays * per_replay);
    'replays: for replay in 0..replays {
        for (c, cluster) in clusters.iter().enumerate() {
            let event = replay * clusters.len() + c;
            // Each replay of an event starts within a few days of the replay's
            // start; its articles follow over three days.
            let start = replay as u32 * 4 + (random.next() % 4) as u32;
            for article in &cluster.articles {
                if stream.len() == total {
                    break 'replays;
                }
                let rename = |text: &str| rename_words(text, replay, &shared);
                let mut paragraphs: Vec<&str> = article
                    .text
                    .split('\n')
                    .filter(|p| !p.trim().is_empty())
                    .collect();
                if paragraphs.len() > 2 {
                    let first = paragraphs[0];
                    paragraphs.retain(|_| !random.next().is_multiple_of(10));
                    if paragraphs.is_empty() {
                        paragraphs.push(first);
                    }
                    for i in 1..paragraphs.len() {
                        if random.next().is_multiple_of(10) {
                            paragraphs.swap(i - 1, i);
                        }
                    }
                }
                if paragraphs.is_empty() {
                    continue;
                }
                let day = start + (random.next() % 3) as u32;
                let id = format!("r{replay}-c{c}-{}", article.id);
                let line = serde_json::json!({
                    "id": id,
                    "title": article.title.as_deref().map(rename),
                    "text": rename(&paragraphs.join("\n\n")),
                    "source": article.source,
                    "date": date(day, random.next() % 86_400),
                })
                .to_string();
                stream.push(StreamArticle {
                    id,
                    event,
                    day,
                    order: random.next(),
                    line,
                });
            }
        }
    }
    stream.sort_by_key(|a| (a.day, a.order));
    stream
}

/// The corpus's most frequent lowercased words.
fn shared_words(clusters: &[StoryInput]) -> std::collections::HashSet<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for article in clusters.iter().flat_map(|c| &c.articles) {
        for word in article.text.split(|c: char| !c.is_alphabetic()) {
            if !word.is_empty() {
                *counts.entry(word.to_lowercase()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(SHARED_WORDS)
        .map(|(w, _)| w)
        .collect()
}

/// Appends the replay's suffix to every word not shared by all replays.
fn rename_words(text: &str, replay: usize, shared: &std::collections::HashSet<String>) -> String {
    if replay == 0 {
        return text.to_string();
    }
    let suffix = suffix(replay);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            out.push_str(word);
            if !shared.contains(&word.to_lowercase()) {
                out.push_str(&suffix);
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// "zq", "zr", … : letters, so that renamed words stay words.
fn suffix(replay: usize) -> String {
    let letters = b"bcdfghjklmnpqrstvwxz";
    let mut n = replay;
    let mut out = String::from("q");
    loop {
        out.push(letters[n % letters.len()] as char);
        n /= letters.len();
        if n == 0 {
            return out;
        }
    }
}

fn date(day: u32, second: u64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid date");
    let date = base + chrono::Days::new(u64::from(day));
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date.format("%Y-%m-%d"),
        second / 3600,
        second / 60 % 60,
        second % 60
    )
}

fn write_stream(root: &Path, stream: &[StreamArticle]) -> Vec<PathBuf> {
    let dir = root.join("stream");
    fs::create_dir_all(&dir).expect("stream folder");
    stream
        .chunks(FILE_ARTICLES)
        .enumerate()
        .map(|(n, chunk)| {
            let path = dir.join(format!("feed-{:04}.jsonl", n + 1));
            let mut out = BufWriter::new(File::create(&path).expect("stream file"));
            for article in chunk {
                writeln!(out, "{}", article.line).expect("stream written");
            }
            out.flush().expect("stream written");
            path
        })
        .collect()
}

/// Stories found and BCubed F1 against the events the stream was built from.
fn cluster_score(out: &Path, gold: &HashMap<&str, usize>) -> (usize, f64) {
    let text = fs::read_to_string(out).expect("cluster output");
    let report: serde_json::Value = serde_json::from_str(&text).expect("cluster JSON");
    let stories = report["stories"].as_array().cloned().unwrap_or_default();
    let mut predicted = Vec::new();
    let mut labels = Vec::new();
    for (n, story) in stories.iter().enumerate() {
        for id in story["documents"].as_array().into_iter().flatten() {
            if let Some(&event) = id.as_str().and_then(|id| gold.get(id)) {
                predicted.push(n);
                labels.push(event);
            }
        }
    }
    (stories.len(), score(&predicted, &labels).bcubed_f1)
}

struct Run {
    seconds: f64,
    peak_mib: f64,
}

/// Runs commands at once to their ends: wall time until the last ends, and
/// the largest peak resident set among them.
#[allow(clippy::zombie_processes)]
fn measure_all(commands: Vec<Command>) -> Run {
    let started = Instant::now();
    let children: Vec<std::process::Child> = commands
        .into_iter()
        .map(|mut command| {
            command
                .stderr(Stdio::inherit())
                .spawn()
                .expect("chorus runs")
        })
        .collect();
    let mut peak_mib: f64 = 0.0;
    for child in children {
        let mut status = 0;
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: wait4 writes the status and a full rusage for our own child.
        let waited = unsafe { libc::wait4(child.id() as i32, &mut status, 0, usage.as_mut_ptr()) };
        assert!(waited > 0, "wait4 failed");
        let exit = std::process::ExitStatus::from_raw(status);
        assert!(exit.success(), "a worker failed: {exit}");
        // SAFETY: wait4 succeeded, so the rusage was written.
        let usage = unsafe { usage.assume_init() };
        peak_mib = peak_mib.max(usage.ru_maxrss as f64 / 1024.0);
    }
    Run {
        seconds: started.elapsed().as_secs_f64(),
        peak_mib,
    }
}

/// Runs a command to its end; wall time and the child's peak resident set.
/// It must succeed, or with `may_refuse` exit with status 2 (articles
/// refused, each named).
// The child is reaped by wait4, which std's wait cannot report usage for.
#[allow(clippy::zombie_processes)]
fn measure(mut command: Command, may_refuse: bool) -> Run {
    let started = Instant::now();
    let child = command.spawn().expect("chorus runs");
    let mut status = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: wait4 writes the status and a full rusage for our own child.
    let waited = unsafe { libc::wait4(child.id() as i32, &mut status, 0, usage.as_mut_ptr()) };
    let seconds = started.elapsed().as_secs_f64();
    assert!(waited > 0, "wait4 failed");
    let exit = std::process::ExitStatus::from_raw(status);
    let refused = may_refuse && exit.code() == Some(2);
    assert!(exit.success() || refused, "{command:?} failed: {exit}");
    // SAFETY: wait4 succeeded, so the rusage was written.
    let usage = unsafe { usage.assume_init() };
    Run {
        seconds,
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

/// A small seeded generator: the same stream on every run.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}
