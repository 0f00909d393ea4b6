//! Load: requests per second and latency of `chorus serve` on loopback,
//! with a store of 10,000+ stories.
//!
//!     cargo bench --bench serve [-- --stories 10000 --requests 20000 --clients 4]
//!     cargo bench --bench serve -- --db postgres://user@host/empty_db --replicas 2
//!
//! With `--db` the store is that (empty) database instead of a file; with
//! `--replicas N`, N servers share it and the clients are spread over them
//! (as a load balancer would).
//!
//! Builds the store under `target/serve-bench/` from generated articles
//! (each about its own invented place and people, so each is a story), runs
//! `chorus serve` on a free port, reads every story's report once (reports
//! are built on first read and kept), then sends a bounded number of
//! requests for random stories over keep-alive connections, per endpoint,
//! and prints requests/s, p50/p99 latency and the errors seen.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut stories: usize = 10_000;
    let mut requests: usize = 20_000;
    let mut clients: usize = 4;
    let mut replicas: usize = 1;
    let mut database: Option<String> = None;
    while let Some(arg) = args.next() {
        let value = args.next();
        let number = value.as_deref().and_then(|v| v.parse().ok());
        match (arg.as_str(), number) {
            ("--stories", Some(n)) => stories = n,
            ("--requests", Some(n)) => requests = n,
            ("--clients", Some(n)) => clients = n,
            ("--replicas", Some(n)) => replicas = n,
            ("--db", _) if value.is_some() => database = value,
            _ => {
                eprintln!(
                    "usage: cargo bench --bench serve -- [--stories N] [--requests N] [--clients N] [--db URL] [--replicas N]"
                );
                return;
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/serve-bench");
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&root).expect("target/serve-bench can be created");
    let db = database.unwrap_or_else(|| root.join("chorus.db").to_string_lossy().into_owned());
    let started = Instant::now();
    let input = root.join("articles.jsonl");
    fs::write(&input, articles(stories)).expect("articles written");
    let ingest = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .stdout(Stdio::null())
        .status()
        .expect("chorus ingest runs");
    assert!(ingest.success(), "ingest failed");
    let ids = story_ids(&db);
    println!(
        "store: {} stories from {stories} articles, built in {:.1} s",
        ids.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        ids.len() >= stories * 9 / 10,
        "the articles did not make distinct stories"
    );

    let servers: Vec<(Child, u16)> = (0..replicas.max(1)).map(|_| start_server(&db)).collect();
    let ports: Vec<u16> = servers.iter().map(|(_, port)| *port).collect();
    let warm = Instant::now();
    let mut connection = Connection::open(ports[0]);
    for id in &ids {
        let status = connection.get(&format!("/api/stories/{id}")).0;
        assert_eq!(status, 200, "story {id}");
    }
    println!(
        "every report built once (first reads) in {:.1} s",
        warm.elapsed().as_secs_f64()
    );
    println!(
        "{} server(s) on one store ({}), clients spread over them",
        ports.len(),
        chorus_store::Location::parse(&db)
    );
    println!();
    println!(
        "{:<22} {:>9} {:>8} {:>11} {:>9} {:>9} {:>7}",
        "endpoint", "requests", "clients", "requests/s", "p50 ms", "p99 ms", "errors"
    );
    for (name, path) in [
        ("/api/stories/{id}", "/api/stories/"),
        ("/stories/{id}", "/stories/"),
    ] {
        let run = load(&ports, path, &ids, requests, clients);
        println!(
            "{:<22} {:>9} {:>8} {:>11.0} {:>9.2} {:>9.2} {:>7}",
            name, run.requests, clients, run.per_second, run.p50_ms, run.p99_ms, run.errors
        );
    }
    for (mut server, _) in servers {
        let _ = server.kill();
        let _ = server.wait();
    }
}

/// Generated articles, one story each: invented names make each distinct.
fn articles(count: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mer", "vin", "ta", "sul", "dra", "pe", "no", "rix", "ba", "tel", "quo", "ash",
        "fen", "gor",
    ];
    const EVENTS: [(&str, &str); 6] = [
        ("flood", "were displaced by the flood"),
        ("fire", "were evacuated as the fire spread"),
        ("strike", "joined the strike over pay"),
        ("election", "voted in the local election"),
        ("storm", "lost power in the storm"),
        ("quake", "were injured in the earthquake"),
    ];
    let name = |n: usize, salt: usize| -> String {
        let mut n = n * 13 + salt;
        let mut word = String::new();
        for _ in 0..5 {
            word.push_str(SYLLABLES[n % SYLLABLES.len()]);
            n /= SYLLABLES.len();
        }
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    };
    let mut out = String::new();
    for i in 0..count {
        let (event, happened) = EVENTS[i % EVENTS.len()];
        let place = name(i, 1);
        let person = format!("{} {}", name(i, 3), name(i, 5));
        let people = 100 + (i * 37) % 900;
        let (river, school, bridge) = (name(i, 7), name(i, 9), name(i, 11));
        let text = format!(
            "About {people} people in {place} {happened} on Monday, officials said. \
             {person}, who leads the {place} council, said the {event} near the {river} \
             river was the worst in years. \"We are doing everything we can for {place},\" \
             {person} said. The {school} school and the {bridge} bridge were closed. \
             Aid reached {place} on Tuesday, and {} families were still waiting for help.",
            people / 4
        );
        let line = serde_json::json!({
            "id": format!("bench-{i}"),
            "title": format!("{place} {event}: {people} affected"),
            "text": text,
            "source": format!("Outlet {}", i % 13),
            "date": "2024-05-06",
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

fn story_ids(db: &str) -> Vec<i64> {
    let store = chorus_store::open(&chorus_store::Location::parse(db), &mut |_| {})
        .expect("the store opens");
    let mut ids: Vec<i64> = store
        .list(None, usize::MAX, 0)
        .expect("stories readable")
        .into_iter()
        .map(|story| story.id)
        .collect();
    ids.sort_unstable();
    ids
}

fn start_server(db: &str) -> (Child, u16) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .stderr(Stdio::piped())
        .spawn()
        .expect("chorus serve runs");
    let stderr = server.stderr.take().expect("stderr piped");
    let mut line = String::new();
    let mut said = BufReader::new(stderr);
    said.read_line(&mut line)
        .expect("the server says where it listens");
    // Whatever it says later is read: a closed pipe would end the server
    // at its next line (it says whether it takes writes right after).
    std::thread::spawn(move || std::io::copy(&mut said, &mut std::io::sink()));
    let port = line
        .rsplit(':')
        .next()
        .and_then(|tail| tail.trim().trim_end_matches('/').parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    (server, port)
}

struct Load {
    requests: usize,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

/// `requests` GETs of `path` + a random story id, spread over `clients`
/// threads with one keep-alive connection each, to the servers in turn.
fn load(ports: &[u16], path: &str, ids: &[i64], requests: usize, clients: usize) -> Load {
    let clients = clients.max(1);
    let started = Instant::now();
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|client| {
                scope.spawn(move || {
                    let mut connection = Connection::open(ports[client % ports.len()]);
                    let mut random = 0x9e37_79b9_7f4a_7c15_u64 ^ client as u64;
                    let mut latencies = Vec::with_capacity(requests / clients + 1);
                    let mut errors = 0;
                    for _ in 0..requests / clients {
                        random ^= random << 13;
                        random ^= random >> 7;
                        random ^= random << 17;
                        let id = ids[(random % ids.len() as u64) as usize];
                        let sent = Instant::now();
                        let (status, length) = connection.get(&format!("{path}{id}"));
                        latencies.push(sent.elapsed());
                        if status != 200 || length == 0 {
                            errors += 1;
                        }
                    }
                    (latencies, errors)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a client thread"))
            .collect()
    });
    let seconds = started.elapsed().as_secs_f64();
    let mut latencies: Vec<Duration> = results.iter().flat_map(|r| r.0.clone()).collect();
    let errors = results.iter().map(|r| r.1).sum();
    latencies.sort_unstable();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Load {
        requests: latencies.len(),
        per_second: latencies.len() as f64 / seconds,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        errors,
    }
}

/// One keep-alive HTTP/1.1 connection.
struct Connection {
    reader: BufReader<TcpStream>,
}

impl Connection {
    fn open(port: u16) -> Connection {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("the server accepts");
        stream.set_nodelay(true).expect("no delay");
        Connection {
            reader: BufReader::new(stream),
        }
    }

    /// Status and body length of a GET; status 0 when the answer is broken.
    fn get(&mut self, path: &str) -> (u16, usize) {
        let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        if self.reader.get_mut().write_all(request.as_bytes()).is_err() {
            return (0, 0);
        }
        let mut status = 0;
        let mut length = None;
        let mut line = String::new();
        loop {
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) | Err(_) => return (0, 0),
                Ok(_) => {}
            }
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                break;
            }
            if let Some(rest) = trimmed.strip_prefix("HTTP/1.1 ") {
                status = rest.get(..3).and_then(|s| s.parse().ok()).unwrap_or(0);
            } else if let Some((name, value)) = trimmed.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().ok();
            }
        }
        let Some(length) = length else {
            return (0, 0);
        };
        let mut body = vec![0; length];
        if self.reader.read_exact(&mut body).is_err() {
            return (0, 0);
        }
        (status, length)
    }
}
