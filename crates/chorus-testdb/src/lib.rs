//! A fresh PostgreSQL database for each test that needs one.
//!
//! The server is the one `CHORUS_TEST_POSTGRES` names (a URL whose user
//! may create databases, as `.ci/run` sets it after starting a throwaway
//! cluster), or else a throwaway cluster this crate starts itself, once per
//! test process, when PostgreSQL's `initdb` and `postgres` are installed
//! (on `PATH` or under `/usr/lib/postgresql/*/bin`): in a temporary folder,
//! on a free loopback port, as the `postgres` user when run as root (the
//! server refuses root). It stops and its folder is removed when the test
//! process ends, however it ends.
//!
//! Without either, [`database`] says on stderr that the test was skipped
//! and why, and returns `None`; with `CHORUS_REQUIRE_POSTGRES` set (CI
//! sets it) it panics instead, so that a run that should have tested
//! PostgreSQL cannot pass without doing so.

#![warn(missing_docs)]

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The variable naming a server to use instead of starting one.
pub const SERVER_VARIABLE: &str = "CHORUS_TEST_POSTGRES";
/// The variable that makes a missing server a failure.
pub const REQUIRE_VARIABLE: &str = "CHORUS_REQUIRE_POSTGRES";

/// A database made for one test, dropped when this is.
pub struct TestDatabase {
    url: String,
    admin: String,
    name: String,
}

impl TestDatabase {
    /// Its connection URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // WITH (FORCE) ends the sessions a test left open.
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// A new, empty database for the test named `test`, or `None` (said on
/// stderr) when no PostgreSQL server can be had; see the crate notes.
pub fn database(test: &str) -> Option<TestDatabase> {
    match server().and_then(|admin| create(&admin)) {
        Ok(database) => Some(database),
        Err(why) => {
            let required = std::env::var(REQUIRE_VARIABLE).is_ok_and(|v| !v.is_empty() && v != "0");
            assert!(
                !required,
                "{test}: PostgreSQL is required ({REQUIRE_VARIABLE} is set) but {why}"
            );
            eprintln!("skipped the PostgreSQL test {test}: {why}");
            None
        }
    }
}

/// The admin URL of the server to use.
fn server() -> Result<String, String> {
    if let Ok(url) = std::env::var(SERVER_VARIABLE)
        && !url.is_empty()
    {
        return Ok(url);
    }
    static STARTED: OnceLock<Result<Cluster, String>> = OnceLock::new();
    STARTED
        .get_or_init(Cluster::start)
        .as_ref()
        .map(|cluster| cluster.admin.clone())
        .map_err(Clone::clone)
}

/// Makes a database with a name no other test of any process uses.
fn create(admin: &str) -> Result<TestDatabase, String> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "chorus_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut client = postgres::Client::connect(admin, postgres::NoTls)
        .map_err(|e| format!("the server at {SERVER_VARIABLE} cannot be reached: {e}"))?;
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .map_err(|e| format!("cannot create a test database: {e}"))?;
    let mut config: postgres::Config = admin
        .parse()
        .map_err(|e| format!("{SERVER_VARIABLE} is not a connection URL: {e}"))?;
    config.dbname(&name);
    Ok(TestDatabase {
        url: url_of(&config, &name),
        admin: admin.to_string(),
        name,
    })
}

/// A URL for `config` with database `name` (the tests' servers listen on
/// TCP with trusted or password logins).
fn url_of(config: &postgres::Config, name: &str) -> String {
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

/// A cluster this process started; it stops when the process ends.
struct Cluster {
    admin: String,
    /// The watcher's stdin: closed when this process ends, which stops the
    /// server (see [`Cluster::start`]).
    _watch: Mutex<ChildStdin>,
}

impl Cluster {
    fn start() -> Result<Cluster, String> {
        let bin = binaries().ok_or_else(|| {
            format!(
                "no PostgreSQL server: set {SERVER_VARIABLE} to a server's URL, or install \
                 PostgreSQL (initdb and postgres were not found on PATH or under \
                 /usr/lib/postgresql/*/bin)"
            )
        })?;
        let root = is_root();
        let dir = std::env::temp_dir().join(format!("chorus-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let data = dir.join("data");
        let as_user = |program: &Path| -> Command {
            if root {
                let mut command = Command::new("runuser");
                command.args(["-u", "postgres", "--"]).arg(program);
                command
            } else {
                Command::new(program)
            }
        };
        if root {
            let chowned = Command::new("chown")
                .args(["postgres:", &dir.to_string_lossy()])
                .status()
                .map_err(|e| format!("chown: {e}"))?;
            if !chowned.success() {
                return Err("cannot give the cluster's folder to the postgres user".into());
            }
        }
        let initdb = as_user(&bin.join("initdb"))
            .args([
                "--auth=trust",
                "--username=postgres",
                "--encoding=UTF8",
                "--no-sync",
            ])
            .arg("-D")
            .arg(&data)
            .stdout(Stdio::null())
            .output()
            .map_err(|e| format!("initdb: {e}"))?;
        if !initdb.status.success() {
            return Err(format!(
                "initdb failed: {}",
                String::from_utf8_lossy(&initdb.stderr)
            ));
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        // The watcher starts the server, waits for its stdin to close
        // (when this process ends, however) and then stops the server and
        // removes the folder.
        let script =
            "\"$@\" & pid=$!; read -r _; kill -INT \"$pid\"; wait \"$pid\"; rm -rf \"$DIR\"";
        let mut server = as_user(Path::new("sh"));
        server
            .args(["-c", script, "sh"])
            .arg(bin.join("postgres"))
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-c", "listen_addresses=127.0.0.1"])
            .args(["-c", "fsync=off", "-c", "max_connections=200"])
            .arg("-k")
            .arg(&dir)
            .env("DIR", &dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = server.spawn().map_err(|e| format!("postgres: {e}"))?;
        let watch = child.stdin.take().ok_or("the server's stdin")?;
        let admin = format!("postgres://postgres@127.0.0.1:{port}/postgres");
        let started = Instant::now();
        loop {
            if postgres::Client::connect(&admin, postgres::NoTls).is_ok() {
                break;
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!("the throwaway server exited at start ({status})"));
            }
            if started.elapsed() > Duration::from_secs(60) {
                let mut watch = watch;
                let _ = watch.write_all(b"stop\n");
                return Err("the throwaway server did not start within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Cluster {
            admin,
            _watch: Mutex::new(watch),
        })
    }
}

/// The folder holding `initdb` and `postgres`.
fn binaries() -> Option<PathBuf> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("postgres").is_file();
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>());
    let mut installed: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .collect();
    // The newest version first.
    installed.sort_by_key(|p| {
        std::cmp::Reverse(
            p.parent()
                .and_then(|v| v.file_name())
                .and_then(|v| v.to_str())
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0),
        )
    });
    on_path
        .chain(installed)
        .find(|dir| has_both(dir))
        .map(|dir| std::fs::canonicalize(&dir).unwrap_or(dir))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
