//! `chorus serve`'s routes on arbitrary requests: no panic, never a 500
//! (a request can be wrong, the server cannot), and every error answer in
//! the documented shape — `{"error", "status"}` JSON under `/api/` and for
//! the Atom feeds, an HTML page elsewhere.
//!
//! An input is read as a request written the way HTTP/1.1 writes one, so
//! that seeds are readable and mutations stay near real requests:
//!
//! ```text
//! POST /api/articles?x=1
//! Authorization: Bearer fuzz-token
//! Content-Type: application/json
//!
//! [{"id": "a", "text": "…"}]
//! ```
//!
//! The first line is the method and the target (path and query), then
//! `Name: value` headers up to an empty line, then the body. A method, target
//! or header that hyper would refuse before routing is left out (a request
//! with a bad method or target is dropped whole), as are the headers hyper
//! owns (`Content-Length`, `Transfer-Encoding`).
//!
//! The routes serve a SQLite store holding one small story, made once per
//! process. A write that succeeds puts the store back as it was, so every
//! input meets the same store and a failure can be replayed.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Method, Request, StatusCode, Uri, header};
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

use chorus_server::{Access, Limits, WriteToken};
use chorus_store::SqliteStore;

/// The token the server takes writes with (the seeds carry it).
const TOKEN: &str = "fuzz-token";

/// The story the store holds before any input: two reports of one event
/// and one of another, so that there are stories, sources and facts.
const ARTICLES: &str = r#"[
  {"id": "courier", "title": "Ferry strike halts Marren crossings", "source": "Northern Courier",
   "date": "2024-05-06", "url": "https://courier.example/ferry",
   "text": "Ferry crews in Port Elmer walked out over pay on Monday, halting all crossings to Marren Island. A gale on Sunday killed 14 people on the island, officials said. \"We will not sail until the offer improves,\" said union leader Ada Brenn."},
  {"id": "times", "title": "Marren ferries stop as crews strike", "source": "Valley Times",
   "date": "2024-05-06",
   "text": "All ferry crossings between Port Elmer and Marren Island stopped on Monday as crews walked out over pay. The gale on Sunday killed 19 people on the island, officials said. Union leader Ada Brenn said crews would not sail until the offer improved."},
  {"id": "bank", "title": "Velmora raises rates", "source": "Wire",
   "text": "The Velmora central bank raised interest rates by half a point on Tuesday to slow inflation, its governor said."}
]"#;

/// The store's files as made, and where the routes read them.
struct Fixture {
    runtime: tokio::runtime::Runtime,
    pristine: PathBuf,
    live: PathBuf,
    router: axum::Router,
    _dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let pristine = dir.path().join("pristine");
        let live = dir.path().join("live");
        std::fs::create_dir(&pristine).expect("a folder");
        let router = open(&pristine);
        // The story is stored and its brief built (pages read it), then the
        // store is closed, so that its files are whole.
        let setup = Request::post("/api/articles")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::from(ARTICLES))
            .expect("a request");
        let (status, _, body) = runtime.block_on(answer(&router, setup));
        assert_eq!(
            status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&body)
        );
        for story in ["/stories/1", "/stories/2"] {
            let page = Request::get(story).body(Body::empty()).expect("a request");
            let (status, _, _) = runtime.block_on(answer(&router, page));
            assert_eq!(status, StatusCode::OK, "{story}");
        }
        drop(router);
        restore(&pristine, &live);
        let router = open(&live);
        Fixture {
            runtime,
            pristine,
            live,
            router,
            _dir: dir,
        }
    }

    /// Puts the store back as it was made.
    fn reset(&mut self) {
        // The routes hold the store's connections: closed before its
        // files are replaced.
        self.router = axum::Router::new();
        restore(&self.pristine, &self.live);
        self.router = open(&self.live);
    }
}

fn open(dir: &Path) -> axum::Router {
    let store = SqliteStore::open(&dir.join("chorus.db")).expect("a store");
    let token = WriteToken::new(TOKEN).expect("a valid token");
    chorus_server::router(Arc::new(store), Access::Token(token), Limits::default())
}

/// Makes `live` a copy of `pristine`, and nothing else.
fn restore(pristine: &Path, live: &Path) {
    let _ = std::fs::remove_dir_all(live);
    std::fs::create_dir(live).expect("a folder");
    for entry in std::fs::read_dir(pristine).expect("the store's folder") {
        let entry = entry.expect("a file");
        std::fs::copy(entry.path(), live.join(entry.file_name())).expect("a copy");
    }
}

/// Answers `request`: status, content type and body.
async fn answer(router: &axum::Router, request: Request<Body>) -> (StatusCode, String, Vec<u8>) {
    let response = router.clone().oneshot(request).await.expect("an answer");
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body");
    (status, kind, body.to_vec())
}

/// The request written in `data`, if hyper would pass it to the routes.
fn request(data: &[u8]) -> Option<Request<Body>> {
    let (head, body) = split_head(data);
    let mut lines = head.split(|&b| b == b'\n').map(trim_cr);
    let first = lines.next()?;
    let mut words = first.splitn(2, |&b| b == b' ');
    let method = Method::from_bytes(words.next()?).ok()?;
    let target = words.next().unwrap_or(b"/");
    let uri = Uri::try_from(target).ok()?;
    // Hyper hands the routes an origin-form target: a path, maybe a query.
    uri.path().starts_with('/').then_some(())?;
    let mut builder = Request::builder().method(method).uri(uri);
    for line in lines {
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(&line[..colon]),
            HeaderValue::from_bytes(line[colon + 1..].trim_ascii()),
        ) else {
            continue;
        };
        if name == header::CONTENT_LENGTH || name == header::TRANSFER_ENCODING {
            continue;
        }
        builder = builder.header(name, value);
    }
    builder.body(Body::from(body.to_vec())).ok()
}

/// The head (up to the first empty line) and the body.
fn split_head(data: &[u8]) -> (&[u8], &[u8]) {
    for (at, gap) in [(b"\r\n\r\n".as_slice(), 4), (b"\n\n".as_slice(), 2)] {
        if let Some(i) = data.windows(gap).position(|w| w == at) {
            return (&data[..i], &data[i + gap..]);
        }
    }
    (data, &[])
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Whether `path` answers errors as JSON (as the server decides it).
fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/") || path.ends_with("/feed.atom")
}

static FIXTURE: OnceLock<Mutex<Fixture>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(request) = request(data) else {
        return;
    };
    let path = request.uri().path().to_string();
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    // An answer to HEAD has its body taken away: only its type is seen.
    let head = request.method() == Method::HEAD;
    let mut fixture = FIXTURE
        .get_or_init(|| Mutex::new(Fixture::new()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let (status, kind, body) = fixture.runtime.block_on(answer(&fixture.router, request));
    let text = String::from_utf8_lossy(&body);
    assert!(
        !status.is_server_error(),
        "{status} for {path}: {kind}: {text}"
    );
    if status.is_client_error() {
        if is_api(&path) {
            assert!(
                kind.starts_with("application/json"),
                "{status} {path}: {kind}: {text}"
            );
            if head {
                return;
            }
            let json: serde_json::Value = serde_json::from_slice(&body)
                .unwrap_or_else(|e| panic!("{status} {path}: not JSON ({e}): {text}"));
            let fields = json.as_object().expect("a JSON object");
            assert_eq!(fields.len(), 2, "{status} {path}: {text}");
            assert_eq!(json["status"], status.as_u16(), "{path}: {text}");
            assert!(
                json["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{status} {path}: {text}"
            );
        } else {
            assert!(
                kind.starts_with("text/html"),
                "{status} {path}: {kind}: {text}"
            );
        }
    }
    if writes && status.is_success() {
        fixture.reset();
    }
});
