//! Serve: the store over HTTP — pages people read and a JSON API.
//!
//! Handlers are thin: they read the request, call the store and the
//! renderers on a blocking thread (SQLite and the pipeline are not async),
//! and write the answer. Ids in paths are only ever looked up in the
//! database, never joined to a file path. Every page is server-side HTML
//! with its style inline: nothing is fetched from elsewhere.
//!
//! Safe to expose: writes need a token (`auth.rs`), connections are bounded
//! in number and time (`listen.rs`), every error answer has one shape
//! (`shape.rs`), and a story page shows a page of sources at a time.

#![warn(missing_docs)]

mod atom;
mod auth;
mod listen;
mod shape;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, State};
use axum::handler::Handler;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use chorus::model::{Article, Report};
use chorus::render::{STYLE, SourceWindow, served_html, web_link};
use chorus_store::{IngestSummary, Location, Migrating, Store, StoreError, StoredStory};

pub use auth::{Access, TokenError, WriteToken};

/// Largest request body accepted.
pub const BODY_LIMIT: usize = 4 * 1024 * 1024;
/// Stories per page of the list.
const PAGE_STORIES: usize = 50;
/// Most stories one API call lists.
const API_STORIES: usize = 500;

/// How long requests may take and how many connections are served at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time for a request's head to arrive (and for an idle keep-alive
    /// connection to start its next request); past it the connection is
    /// closed.
    pub read_timeout: Duration,
    /// Time for a whole request, body included, to be read and answered;
    /// past it the answer is 408 and the connection is closed. For a write
    /// of articles only reading its body is timed: a batch is not answered
    /// 408 while it goes on being stored.
    pub request_timeout: Duration,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// Sources a story page shows in full (the rest on further pages).
    pub page_sources: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 256,
            page_sources: 50,
        }
    }
}

/// What `chorus serve` needs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The store.
    pub db: Location,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Whether writes are taken, and with what token.
    pub access: Access,
    /// Timeouts and caps.
    pub limits: Limits,
}

/// The shared state: the store, whose pool of connections serves many
/// requests at once. Nothing else is kept between requests, so any number
/// of servers can share one PostgreSQL store.
#[derive(Clone)]
struct App {
    store: Arc<dyn Store>,
    limits: Limits,
}

/// Why the server could not start or stopped.
///
/// The message says what failed and the source why: printed as a chain
/// (`{:#}` with anyhow), the cause is said once.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened.
    #[error("{db}")]
    Store {
        /// The store (shown without a password).
        db: Location,
        /// What went wrong.
        source: StoreError,
    },
    /// The address could not be listened on.
    #[error("cannot listen on {addr}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// What went wrong.
        source: std::io::Error,
    },
    /// Serving failed.
    #[error("serving")]
    Io(#[from] std::io::Error),
}

/// Serves the store until interrupted (Ctrl-C), printing the address.
pub async fn serve(settings: Settings) -> Result<(), ServeError> {
    // Opening blocks (PostgreSQL's client runs a runtime of its own).
    let db = settings.db.clone();
    let store = tokio::task::spawn_blocking(move || {
        chorus_store::open(&db, &mut |migrating| {
            if let Migrating::Started { notice, .. } = migrating {
                eprintln!("chorus: {db}: {notice}")
            }
        })
    })
    .await
    .map_err(std::io::Error::other)?
    .map_err(|source| ServeError::Store {
        db: settings.db.clone(),
        source,
    })?;
    let listener = tokio::net::TcpListener::bind(settings.addr)
        .await
        .map_err(|source| ServeError::Listen {
            addr: settings.addr,
            source,
        })?;
    let local = listener.local_addr()?;
    // The address ends the line: scripts read the port from it.
    eprintln!("chorus: serving {} on http://{local}/", settings.db);
    eprintln!(
        "chorus: {}",
        if settings.access.writable() {
            "writes need the write token"
        } else {
            "read-only (no write token)"
        }
    );
    if settings.access.writable() && !local.ip().is_loopback() {
        eprintln!(
            "chorus: warning: writes are taken on {local}, which is not a loopback address; \
             the token travels as clear text unless TLS is put in front (a reverse proxy)"
        );
    }
    let app = App {
        store: Arc::from(store),
        limits: settings.limits,
    };
    tokio::spawn(build_reports(app.clone()));
    let bounds = listen::Bounds {
        read_timeout: settings.limits.read_timeout,
        max_connections: settings.limits.max_connections,
        drain: settings.limits.request_timeout,
    };
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    listen::run(listener, routes(app, settings.access), bounds, shutdown).await;
    Ok(())
}

/// The routes over `store`, as [`serve`] answers them (without its
/// connection limits and background builds).
pub fn router(store: Arc<dyn Store>, access: Access, limits: Limits) -> Router {
    routes(App { store, limits }, access)
}

/// Stale reports built per turn of the background builder (each in a
/// transaction of its own; another server's builder skips the story being
/// built).
const STALE_PER_TURN: usize = 8;

/// Builds stale reports while the server runs, so that the list's conflict
/// badges appear without every story being opened first; new articles
/// make their stories stale again. A story whose brief fails to build is
/// kept as failed by the store and not tried again, so one bad story
/// neither stops the others nor, when it ends the process, every restart.
async fn build_reports(app: App) {
    loop {
        match with_store(&app, |store| store.build_stale(STALE_PER_TURN)).await {
            Ok(built) if built > 0 => tokio::task::yield_now().await,
            Ok(_) => tokio::time::sleep(Duration::from_secs(2)).await,
            Err(failure @ ServerError::Store(StoreError::BuildFailed { .. })) => {
                eprintln!("chorus: {failure}");
            }
            Err(failure) => {
                eprintln!("chorus: building reports: {failure}");
                tokio::time::sleep(Duration::from_secs(30)).await;
            }
        }
    }
}

fn routes(app: App, access: Access) -> Router {
    let write = axum::middleware::from_fn_with_state(access, auth::require_token);
    let routes = Router::new()
        .route("/", get(index))
        .route("/feed.atom", get(atom::stories_feed))
        .route("/stories/{id}", get(story_page))
        .route("/stories/{id}/feed.atom", get(atom::story_feed))
        .route("/sources/{id}", get(source_page))
        .route("/api/stories", get(api_stories))
        .route(
            "/api/stories/{id}",
            get(api_story).delete(api_delete_story.layer(write.clone())),
        )
        .fallback(not_found)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            app.limits.request_timeout,
        ))
        // Outside the timeout: a batch that is being stored is not
        // abandoned half-way with a 408 while it still commits behind the
        // answer; the handler times reading the body itself.
        .route("/api/articles", post(api_articles.layer(write)))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app);
    shape::around(routes)
}

/// No such route: JSON under `/api/`, a page elsewhere.
async fn not_found(uri: Uri) -> Response {
    if shape::is_api(uri.path()) {
        ApiError(ServerError::not_found(format!(
            "no such route: {}",
            uri.path()
        )))
        .into_response()
    } else {
        PageError(ServerError::not_found("No such page.")).into_response()
    }
}

/// Runs store work on a blocking thread (the store's calls block).
async fn with_store<T: Send + 'static>(
    app: &App,
    work: impl FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ServerError> {
    let store = app.store.clone();
    tokio::task::spawn_blocking(move || Ok(work(&*store)?)).await?
}

/// Why a request could not be answered as asked. Its message is what the
/// answer says, so it carries the cause's message too.
#[derive(Debug, thiserror::Error)]
enum ServerError {
    /// The request was wrong or asked for something that is not there.
    #[error("{message}")]
    Request {
        /// A 4xx status.
        status: StatusCode,
        /// What the client should know.
        message: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored report could not be read back.
    #[error("story {story}'s report: {source}")]
    Report {
        /// The story.
        story: i64,
        /// Why its JSON would not read.
        source: serde_json::Error,
    },
    /// A page template failed to render.
    #[error("rendering the page: {0}")]
    Template(#[from] askama::Error),
    /// The blocking task doing the work panicked or was cancelled.
    #[error("{0}")]
    Task(#[from] tokio::task::JoinError),
}

impl ServerError {
    fn request(status: StatusCode, message: impl Into<String>) -> ServerError {
        ServerError::Request {
            status,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> ServerError {
        ServerError::request(StatusCode::NOT_FOUND, message)
    }

    fn status(&self) -> StatusCode {
        match self {
            ServerError::Request { status, .. } => *status,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The status and message to answer with; a failure of the server's
    /// own (not the request's) is logged, as nobody else may see it.
    fn answer(&self) -> (StatusCode, String) {
        let status = self.status();
        if status.is_server_error() {
            eprintln!("chorus: answering {status}: {self}");
        }
        (status, self.to_string())
    }
}

/// A failure answered as JSON, for the API: `{"error": …, "status": …}`.
#[derive(Debug)]
struct ApiError(ServerError);

/// A failure answered as an HTML page, for people.
#[derive(Debug)]
struct PageError(ServerError);

impl<E: Into<ServerError>> From<E> for ApiError {
    fn from(error: E) -> ApiError {
        ApiError(error.into())
    }
}

impl<E: Into<ServerError>> From<E> for PageError {
    fn from(error: E) -> PageError {
        PageError(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = self.0.answer();
        let body = serde_json::json!({"error": message, "status": status.as_u16()});
        (status, axum::Json(body)).into_response()
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, message) = self.0.answer();
        page_error(status, &message)
    }
}

#[derive(Template)]
#[template(
    source = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ status }} — chorus</title><style>{{ style|safe }}</style></head><body><main><nav><a href=\"/\">All stories</a></nav><h1>{{ status }}</h1><p>{{ message }}</p></main></body></html>",
    ext = "html"
)]
struct ErrorPage<'a> {
    status: String,
    message: &'a str,
    style: &'static str,
}

/// An error page; should even that fail to render, the message in plain
/// text (an answer with the error's status is never empty).
fn page_error(status: StatusCode, message: &str) -> Response {
    let page = ErrorPage {
        status: status.to_string(),
        message,
        style: STYLE,
    };
    match page.render() {
        Ok(page) => (status, Html(page)).into_response(),
        Err(error) => {
            eprintln!("chorus: rendering the error page: {error}");
            (status, format!("{status}: {message}\n")).into_response()
        }
    }
}

/// A story id from a path: a number, or no such story.
fn story_id(raw: &str) -> Result<i64, ServerError> {
    raw.parse::<i64>()
        .map_err(|_| ServerError::not_found(format!("No story {raw:?}.")))
}

/// A stored report, built first if stale.
async fn report(app: &App, id: i64) -> Result<Report, ServerError> {
    let json = with_store(app, move |store| store.report(id)).await?;
    let json = json.ok_or_else(|| ServerError::not_found(format!("No story {id}.")))?;
    serde_json::from_str(&json).map_err(|source| ServerError::Report { story: id, source })
}

/// A query string's parameters, or a 400 saying which one is wrong.
fn parameters<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, ServerError> {
    query
        .map(|Query(parameters)| parameters)
        .map_err(|rejection| ServerError::request(StatusCode::BAD_REQUEST, rejection.body_text()))
}

#[derive(Deserialize)]
struct ListQuery {
    q: Option<String>,
    page: Option<usize>,
    limit: Option<usize>,
    offset: Option<usize>,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    search: String,
    stories: Vec<StoredStory>,
    first: usize,
    previous: Option<String>,
    next: Option<String>,
    style: &'static str,
}

async fn index(
    State(app): State<App>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let query = parameters(query)?;
    let search = query.q.unwrap_or_default();
    let page = query.page.unwrap_or(0);
    let offset = page.saturating_mul(PAGE_STORIES);
    let wanted = search.clone();
    let mut stories = with_store(&app, move |store| {
        store.list(Some(&wanted), PAGE_STORIES + 1, offset)
    })
    .await?;
    let more = stories.len() > PAGE_STORIES;
    stories.truncate(PAGE_STORIES);
    let link = |page: usize| {
        let q = percent_encoding::utf8_percent_encode(&search, percent_encoding::NON_ALPHANUMERIC);
        format!("/?q={q}&page={page}")
    };
    let body = IndexPage {
        first: offset + 1,
        previous: (page > 0).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        stories,
        search: search.clone(),
        style: STYLE,
    };
    Ok(Html(body.render()?))
}

/// `?sources=` and `?since=` on a story page.
#[derive(Deserialize)]
struct StoryQuery {
    /// The page of sources shown in full, from 0.
    sources: Option<usize>,
    /// Brief only what arrived since this date or time.
    since: Option<String>,
}

/// `?since=` on `/api/stories/{id}`.
#[derive(Deserialize)]
struct SinceQuery {
    since: Option<String>,
}

/// The Unix time `?since=` names, if given; a 400 if it names none.
fn since_time(since: Option<&str>) -> Result<Option<i64>, ServerError> {
    let Some(text) = since else {
        return Ok(None);
    };
    chorus_store::parse_since(text).map(Some).ok_or_else(|| {
        ServerError::request(
            StatusCode::BAD_REQUEST,
            format!("since={text:?} is not a date (2026-12-03) or a time (2026-12-03T14:00:00Z)"),
        )
    })
}

async fn story_page(
    State(app): State<App>,
    Path(raw): Path<String>,
    query: Result<Query<StoryQuery>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let id = story_id(&raw)?;
    let query = parameters(query)?;
    let number = query.sources.unwrap_or(0);
    let report = match since_time(query.since.as_deref())? {
        Some(since) => report_since(&app, id, since).await?,
        None => report(&app, id).await?,
    };
    let size = app.limits.page_sources.max(1);
    let sources = report.stories.first().map_or(0, |s| s.documents.len());
    if number > 0 && number.saturating_mul(size) >= sources {
        return Err(ServerError::not_found(format!(
            "Story {id} has {sources} sources: no page {number} of them ({size} a page, from 0)."
        ))
        .into());
    }
    let feed = format!("/stories/{id}/feed.atom");
    // The other pages of sources brief the same span.
    let keep = query.since.as_deref().map_or_else(String::new, |since| {
        let since =
            percent_encoding::utf8_percent_encode(since, percent_encoding::NON_ALPHANUMERIC);
        format!("since={since}")
    });
    Ok(Html(served_html(
        &report,
        &feed,
        SourceWindow { page: number, size },
        &keep,
    )))
}

/// The brief of what arrived in story `id` since `since`, as a report.
async fn report_since(app: &App, id: i64, since: i64) -> Result<Report, ServerError> {
    let json = with_store(app, move |store| store.report_since(id, since))
        .await?
        .ok_or_else(|| ServerError::not_found(format!("No story {id}.")))?;
    serde_json::from_str(&json).map_err(|source| ServerError::Report { story: id, source })
}

#[derive(Template)]
#[template(path = "source.html")]
struct SourcePage {
    id: String,
    title: Option<String>,
    label: String,
    url: Option<String>,
    story: i64,
    headline: String,
    sentences: Vec<(usize, String)>,
    removed: Vec<(String, String)>,
    notes: Vec<String>,
    style: &'static str,
}

async fn source_page(
    State(app): State<App>,
    Path(document): Path<String>,
) -> Result<Html<String>, PageError> {
    let no_such_article = || ServerError::not_found(format!("No article {document:?}."));
    let wanted = document.clone();
    let story = with_store(&app, move |store| store.story_of(&wanted))
        .await?
        .ok_or_else(no_such_article)?;
    let report = report(&app, story).await?;
    let found = report
        .documents
        .iter()
        .find(|d| d.id == document)
        .ok_or_else(no_such_article)?;
    let page = SourcePage {
        id: found.id.clone(),
        title: found.title.clone(),
        label: [found.source.as_deref(), found.date.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
        url: web_link(found.url.as_deref()),
        story,
        headline: report
            .stories
            .first()
            .map(|s| s.headline.clone())
            .unwrap_or_default(),
        sentences: found.body.iter().cloned().enumerate().collect(),
        removed: found
            .removed
            .iter()
            .map(|r| (r.reason.clone(), r.text.clone()))
            .collect(),
        notes: found.notes.clone(),
        style: STYLE,
    };
    Ok(Html(page.render()?))
}

async fn api_stories(
    State(app): State<App>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<axum::Json<Vec<StoredStory>>, ApiError> {
    let query = parameters(query)?;
    let limit = query.limit.unwrap_or(100).min(API_STORIES);
    let offset = query.offset.unwrap_or(0);
    let search = query.q;
    let stories = with_store(&app, move |store| {
        store.list(search.as_deref(), limit, offset)
    })
    .await?;
    Ok(axum::Json(stories))
}

async fn api_story(
    State(app): State<App>,
    Path(raw): Path<String>,
    query: Result<Query<SinceQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let id = story_id(&raw)?;
    let since = since_time(parameters(query)?.since.as_deref())?;
    let json = with_store(&app, move |store| match since {
        Some(since) => store.report_since(id, since),
        None => store.report(id),
    })
    .await?
    .ok_or_else(|| ServerError::not_found(format!("no story {id}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

/// `DELETE /api/stories/{id}`: the story and its articles removed.
async fn api_delete_story(
    State(app): State<App>,
    Path(raw): Path<String>,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let id = story_id(&raw)?;
    let articles = with_store(&app, move |store| store.delete_story(id))
        .await?
        .ok_or_else(|| ServerError::not_found(format!("no story {id}")))?;
    Ok(axum::Json(
        serde_json::json!({"deleted": id, "articles": articles}),
    ))
}

/// `POST /api/articles`: one article or an array of them, each as a line
/// of article JSONL. All are checked first; if any is unusable nothing is
/// stored and the answer (422) says which and why.
async fn api_articles(
    State(app): State<App>,
    headers: HeaderMap,
    request: axum::extract::Request,
) -> Result<(StatusCode, axum::Json<IngestSummary>), ApiError> {
    // The body must arrive within the request timeout (a slow sender gets
    // 408); storing it then takes as long as it takes, and the answer
    // says what was stored.
    let read = Bytes::from_request(request, &app);
    let body = match tokio::time::timeout(app.limits.request_timeout, read).await {
        Err(_) => {
            return Err(ServerError::request(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the body did not arrive within {} s",
                    app.limits.request_timeout.as_secs_f64()
                ),
            )
            .into());
        }
        Ok(body) => body.map_err(|rejection| {
            let message = match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => {
                    format!("the body is over the limit of {BODY_LIMIT} bytes")
                }
                _ => rejection.body_text(),
            };
            ServerError::request(rejection.status(), message)
        })?,
    };
    let json_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim() == "application/json")
        });
    if !json_type {
        return Err(ServerError::request(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the articles as application/json",
        )
        .into());
    }
    let articles = parse_articles(&body)?;
    let summary = with_store(&app, move |store| store.ingest(articles, &mut |_, _| {})).await?;
    let status = if summary.added > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, axum::Json(summary)))
}

/// The articles of a request body, or why it cannot be taken: 400 for
/// what is not JSON, 422 for JSON that is not articles.
fn parse_articles(body: &[u8]) -> Result<Vec<Article>, ServerError> {
    let unprocessable =
        |message: String| ServerError::request(StatusCode::UNPROCESSABLE_ENTITY, message);
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ServerError::request(StatusCode::BAD_REQUEST, format!("invalid JSON: {e}")))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        object @ serde_json::Value::Object(_) => vec![object],
        _ => {
            return Err(unprocessable(
                "expected an article object or an array of them".to_string(),
            ));
        }
    };
    if items.is_empty() {
        return Err(unprocessable("no article given".to_string()));
    }
    let mut articles = Vec::with_capacity(items.len());
    for mut item in items {
        // An article without an id is named by its text, so that sending it
        // again is recognised rather than refused as a reused id; and by its
        // outlet, so that the same text from another outlet is stored as
        // that outlet's copy rather than refused as a reused id.
        if let serde_json::Value::Object(object) = &mut item
            && !object.contains_key("id")
            && let Some(text) = object.get("text").and_then(|t| t.as_str())
        {
            let mut id = format!("article-{}", chorus_store::content_hash(text));
            if let Some(outlet) = object
                .get("source")
                .and_then(|s| s.as_str())
                .filter(|s| !s.trim().is_empty())
            {
                id.push('-');
                id.push_str(&chorus_store::content_hash(outlet)[..8]);
            }
            object.insert("id".to_string(), serde_json::Value::String(id));
        }
        articles.push(item);
    }
    let parsed = chorus::ingest::parse_values("request", "article", articles);
    let problems: Vec<String> = parsed
        .errors
        .iter()
        .map(|e| match e.line {
            Some(line) => format!("article {line}: {}", e.kind),
            None => e.kind.to_string(),
        })
        .collect();
    if !problems.is_empty() {
        return Err(unprocessable(problems.join("; ")));
    }
    if !parsed.stories.is_empty() {
        return Err(unprocessable(
            "send articles, not clusters (objects with \"documents\")".to_string(),
        ));
    }
    Ok(parsed.articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn answer(response: Response) -> (StatusCode, String, String) {
        let status = response.status();
        let kind = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        (status, kind, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn a_template_that_fails_is_a_500_that_says_so() {
        // No page's data can make its template fail, so the error is made.
        let (status, kind, body) =
            answer(PageError::from(askama::Error::Fmt).into_response()).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(kind.starts_with("text/html"), "{kind}");
        assert!(body.contains("rendering the page"), "{body}");
        let (status, kind, body) = answer(ApiError::from(askama::Error::Fmt).into_response()).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(kind.starts_with("application/json"), "{kind}");
        let body: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        assert_eq!(body["status"], 500);
        assert!(
            body["error"]
                .as_str()
                .is_some_and(|e| e.starts_with("rendering the page")),
            "{body}"
        );
    }

    #[tokio::test]
    async fn request_errors_keep_their_status_and_message() {
        let error = ServerError::request(StatusCode::UNPROCESSABLE_ENTITY, "no article given");
        let (status, _, body) = answer(ApiError(error).into_response()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&body).unwrap_or_default(),
            serde_json::json!({"error": "no article given", "status": 422})
        );
        let (status, _, page) =
            answer(PageError(ServerError::not_found("No story 7.")).into_response()).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains("<p>No story 7.</p>"), "{page}");
    }

    #[test]
    fn request_bodies_are_checked_before_anything_is_stored() {
        let status = |body: &str| {
            parse_articles(body.as_bytes())
                .err()
                .map(|e| e.status().as_u16())
        };
        assert_eq!(status("{not json"), Some(400));
        assert_eq!(status("42"), Some(422));
        assert_eq!(status("[]"), Some(422));
        assert_eq!(status(r#"{"title":"no text"}"#), Some(422));
        assert_eq!(status(r#"[{"text":"One."},{"text":""}]"#), Some(422));
        assert_eq!(
            status(r#"{"documents":[{"text":"A cluster."}]}"#),
            Some(422)
        );
        let articles =
            parse_articles(br#"[{"text":"One."},{"id":"x","text":"Two."}]"#).unwrap_or_default();
        assert_eq!(articles.len(), 2);
        assert!(articles[0].id.starts_with("article-"));
        assert_eq!(articles[1].id, "x");
    }
}
