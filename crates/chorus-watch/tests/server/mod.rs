//! A real HTTP server on 127.0.0.1 for watch tests (std's TcpListener,
//! one request per connection): routes whose answers
//! the test changes between polls, and a log of every request with the
//! headers that matter to a polite client.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One path's answer.
#[derive(Debug, Clone, Default)]
pub struct Route {
    /// Status code (200 when 0).
    pub status: u16,
    /// Body.
    pub body: Vec<u8>,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Answered 304 when the request's If-None-Match equals this.
    pub etag: Option<String>,
    /// Answer this late.
    pub delay: Duration,
}

impl Route {
    /// 200 with `body`.
    pub fn ok(body: impl Into<Vec<u8>>) -> Route {
        Route {
            status: 200,
            body: body.into(),
            ..Route::default()
        }
    }

    /// `status` with an empty body.
    pub fn status(status: u16) -> Route {
        Route {
            status,
            ..Route::default()
        }
    }

    /// A redirect to `to`.
    pub fn redirect(to: &str) -> Route {
        Route::status(302).header("Location", to)
    }

    /// With a header added.
    pub fn header(mut self, name: &str, value: &str) -> Route {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// Path and query.
    pub path: String,
    /// Headers, names lower-cased.
    pub headers: HashMap<String, String>,
}

type Routes = Arc<Mutex<HashMap<String, Route>>>;

/// The server; stopped when dropped.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    routes: Routes,
    seen: Arc<Mutex<Vec<Seen>>>,
    addr: std::net::SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server on a free port of 127.0.0.1.
    pub fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("test server binds");
        let addr = listener.local_addr().expect("bound address");
        let base = format!("http://{addr}");
        let routes: Routes = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (routes, seen, stop) = (routes.clone(), seen.clone(), stop.clone());
            std::thread::spawn(move || {
                // A blocking accept answers at once (polling a non-blocking
                // one added its sleep to every request the bench timed);
                // dropping the server wakes it with a connection of its own.
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else {
                        // Out of descriptors, say: not a busy loop.
                        std::thread::sleep(Duration::from_millis(1));
                        continue;
                    };
                    let (routes, seen) = (routes.clone(), seen.clone());
                    // Each request answered on its own thread: a slow route
                    // must not hold up the others.
                    std::thread::spawn(move || answer(stream, &routes, &seen));
                }
            })
        };
        TestServer {
            base,
            routes,
            seen,
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// The full address of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sets (or replaces) the answer at `path`.
    pub fn route(&self, path: &str, route: Route) {
        self.routes
            .lock()
            .expect("routes")
            .insert(path.to_string(), route);
    }

    /// Every request to `path` so far.
    pub fn requests(&self, path: &str) -> Vec<Seen> {
        self.seen
            .lock()
            .expect("log")
            .iter()
            .filter(|s| s.path == path)
            .cloned()
            .collect()
    }
}

/// Reads one request (GET: no body) and answers it, closing the
/// connection.
fn answer(stream: TcpStream, routes: &Routes, seen: &Mutex<Vec<Seen>>) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {
                if let Some((name, value)) = header.split_once(':') {
                    headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
                }
            }
        }
    }
    seen.lock().expect("log").push(Seen {
        path: path.clone(),
        headers: headers.clone(),
    });
    let route = routes.lock().expect("routes").get(&path).cloned();
    let route = route.unwrap_or_else(|| Route::status(404));
    std::thread::sleep(route.delay);
    let (status, body) =
        if route.etag.is_some() && headers.get("if-none-match") == route.etag.as_ref() {
            (304, Vec::new())
        } else {
            (
                if route.status == 0 { 200 } else { route.status },
                route.body,
            )
        };
    let mut head = format!("HTTP/1.1 {status} Status\r\nConnection: close\r\n");
    if status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (name, value) in &route.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(etag) = &route.etag {
        head.push_str(&format!("ETag: {etag}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = &stream;
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees `stop`.
        let _ = std::net::TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// An RSS feed titled `outlet` whose items are (title, link, description,
/// full content or none).
pub fn rss(outlet: &str, items: &[(&str, &str, &str, Option<&str>)]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>{outlet}</title><link>http://example.org/</link><description>news</description>\n"
    );
    for (title, link, summary, content) in items {
        out.push_str(&format!(
            "<item><title>{title}</title><link>{link}</link><guid>{link}</guid><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate><description>{summary}</description>"
        ));
        if let Some(content) = content {
            out.push_str(&format!(
                "<content:encoded><![CDATA[{content}]]></content:encoded>"
            ));
        }
        out.push_str("</item>\n");
    }
    out.push_str("</channel></rss>\n");
    out
}
