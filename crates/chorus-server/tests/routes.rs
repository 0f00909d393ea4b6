//! `chorus serve`'s routes, driven in process: pages, the API, who may
//! write, and every error's shape.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use std::sync::Arc;

use chorus_server::{Access, Limits, WriteToken};
use chorus_store::SqliteStore;
use tower::ServiceExt;

/// The token the tests' writable servers take.
const TOKEN: &str = "test-token-5f1c";

/// A server over a new store that takes writes with [`TOKEN`].
fn writable(dir: &tempfile::TempDir) -> axum::Router {
    with_limits(dir, Limits::default())
}

fn with_limits(dir: &tempfile::TempDir, limits: Limits) -> axum::Router {
    let store = SqliteStore::open(&dir.path().join("chorus.db")).expect("a store");
    let token = WriteToken::new(TOKEN).expect("a valid token");
    chorus_server::router(Arc::new(store), Access::Token(token), limits)
}

/// Answers one request: status, content type and body; writes carry the
/// token.
async fn call(
    router: &axum::Router,
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, String, String) {
    let authorization = format!("Bearer {TOKEN}");
    let headers: Vec<(&str, &str)> = [
        content_type.map(|c| ("content-type", c)),
        (method != "GET").then_some(("authorization", authorization.as_str())),
    ]
    .into_iter()
    .flatten()
    .collect();
    call_with(router, method, uri, &headers, body).await
}

/// Answers one request with exactly these headers.
async fn call_with(
    router: &axum::Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> (StatusCode, String, String) {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(Body::from(body)).expect("a request");
    let response = router.clone().oneshot(request).await.expect("an answer");
    let status = response.status();
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body");
    (status, kind, String::from_utf8_lossy(&bytes).into_owned())
}

async fn get(router: &axum::Router, uri: &str) -> (StatusCode, String, String) {
    call(router, "GET", uri, None, Vec::new()).await
}

async fn post_json(router: &axum::Router, body: &str) -> (StatusCode, String, String) {
    call(
        router,
        "POST",
        "/api/articles",
        Some("application/json"),
        body.as_bytes().to_vec(),
    )
    .await
}

const ARTICLES: &str = r#"[
  {"id": "courier", "title": "Ferry strike halts Marren crossings", "source": "Northern Courier",
   "date": "2024-05-06",
   "text": "Ferry crews in Port Elmer walked out over pay on Monday, halting all crossings to Marren Island. A gale on Sunday killed 14 people on the island, officials said. \"We will not sail until the offer improves,\" said union leader Ada Brenn."},
  {"id": "times", "title": "Marren ferries stop as crews strike", "source": "Valley Times",
   "date": "2024-05-06",
   "text": "All ferry crossings between Port Elmer and Marren Island stopped on Monday as crews walked out over pay. The gale on Sunday killed 19 people on the island, officials said. Union leader Ada Brenn said crews would not sail until the offer improved."},
  {"id": "bank", "title": "Velmora raises rates", "source": "Wire",
   "text": "The Velmora central bank raised interest rates by half a point on Tuesday to slow inflation, its governor said."}
]"#;

#[tokio::test]
async fn pages_and_api_over_a_store() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let router = writable(&dir);

    let (status, kind, body) = post_json(&router, ARTICLES).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(kind.starts_with("application/json"));
    let added: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(added["added"], 3);
    assert_eq!(added["new_stories"], 2);
    assert_eq!(added["updated_stories"], 2);
    assert_eq!(added["stories"], 2);
    let articles = added["articles"].as_array().expect("articles");
    assert_eq!(articles[0]["story"], articles[1]["story"], "{body}");
    assert_ne!(articles[0]["story"], articles[2]["story"]);
    let ferry = articles[0]["story"].as_i64().expect("a story id");
    // The same articles again: stored once.
    let (status, _, body) = post_json(&router, ARTICLES).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("\"already_stored\":3"), "{body}");

    let (status, _, body) = get(&router, "/api/stories").await;
    assert_eq!(status, StatusCode::OK);
    let listed: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
    assert_eq!(listed[0]["id"], ferry, "biggest first");

    let (status, kind, body) = get(&router, &format!("/api/stories/{ferry}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("application/json"));
    let report: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(report["version"], 1);
    assert_eq!(
        report["stories"][0]["documents"].as_array().map(Vec::len),
        Some(2)
    );
    let conflict = report["stories"][0]["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .any(|f| f["status"] == "conflict");
    assert!(conflict, "14 against 19 killed: {body}");

    // What arrived since a time: all of it since long ago, nothing since
    // a day to come; a time that is none is a 400.
    let (status, _, body) = get(&router, &format!("/api/stories/{ferry}?since=2000-01-01")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let since: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(since["documents"].as_array().map(Vec::len), Some(2));
    let (_, _, body) = get(&router, &format!("/api/stories/{ferry}?since=2999-01-01")).await;
    let later: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        later["documents"].as_array().map(Vec::len),
        Some(0),
        "{body}"
    );
    let (status, _, page) = get(
        &router,
        &format!("/stories/{ferry}?since=2000-01-01T00:00:00Z"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("class=\"cite\""));
    let (status, kind, body) = get(&router, &format!("/api/stories/{ferry}?since=monday")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(api_error(status, &kind, &body).contains("since"), "{body}");
    let (status, kind, page) = get(&router, &format!("/stories/{ferry}?since=monday")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
    assert!(
        kind.starts_with("text/html") && page.contains("since"),
        "{page}"
    );

    let (status, kind, page) = get(&router, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/html"));
    assert!(page.contains(&format!("href=\"/stories/{ferry}\"")));
    assert!(page.contains("conflicting fact"), "the conflict badge");
    let (_, _, found) = get(&router, "/?q=interest+rates").await;
    assert!(!found.contains(&format!("href=\"/stories/{ferry}\"")));
    assert!(found.contains("Velmora raises rates"));

    let (status, _, page) = get(&router, &format!("/stories/{ferry}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("class=\"cite\""));
    assert!(page.contains("href=\"/sources/courier\""));
    assert!(page.contains("id=\"s1-d1-0\""));
    assert!(page.contains("<details><summary>") || !page.contains("Removed by cleaning"));

    let (status, _, page) = get(&router, "/sources/times").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"s0\""));
    assert!(page.contains("Marren ferries stop as crews strike"));
}

#[tokio::test]
async fn errors_have_fitting_statuses() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let router = writable(&dir);
    let json_error = |body: &str| -> serde_json::Value {
        serde_json::from_str(body).unwrap_or_else(|_| panic!("a JSON error: {body}"))
    };

    let (status, _, body) = get(&router, "/api/stories/999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json_error(&body)["status"], 404);
    let (status, _, _) = get(&router, "/api/stories/..%2F..%2Fetc").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, kind, _) = get(&router, "/stories/abc").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(kind.starts_with("text/html"));
    let (status, _, page) = get(&router, "/sources/..%2F..%2Fetc%2Fpasswd").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains("root:"));
    let (status, _, _) = get(&router, "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _, body) = call(
        &router,
        "POST",
        "/api/articles",
        Some("text/plain"),
        b"{\"text\":\"x\"}".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(json_error(&body)["error"].is_string());
    let (status, _, _) = post_json(&router, "{not json").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, body) = post_json(&router, r#"[{"text":"Fine."},{"title":"no text"}]"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        json_error(&body)["error"]
            .as_str()
            .is_some_and(|e| e.contains("article 2"))
    );
    let (_, _, listed) = get(&router, "/api/stories").await;
    assert_eq!(
        listed.trim(),
        "[]",
        "nothing of a refused request is stored"
    );
    let huge = format!("{{\"text\":\"{}\"}}", "a".repeat(chorus_server::BODY_LIMIT));
    let (status, _, body) = post_json(&router, &huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(json_error(&body)["status"], 413);
}

/// The JSON error of an API answer, checked for the promised shape.
fn api_error(status: StatusCode, kind: &str, body: &str) -> String {
    assert!(kind.starts_with("application/json"), "{kind}: {body}");
    let json: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|_| panic!("a JSON error: {body}"));
    assert_eq!(json["status"], status.as_u16(), "{body}");
    assert_eq!(json.as_object().map(|o| o.len()), Some(2), "{body}");
    json["error"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn every_error_has_the_promised_shape() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let router = writable(&dir);
    let cases = [
        (
            "GET",
            "/api/articles",
            StatusCode::METHOD_NOT_ALLOWED,
            "GET is not allowed here (allowed: POST)",
        ),
        (
            "PUT",
            "/api/stories",
            StatusCode::METHOD_NOT_ALLOWED,
            "PUT is not allowed here",
        ),
        (
            "GET",
            "/api/stories?limit=ten",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "GET",
            "/api/stories?offset=-1",
            StatusCode::BAD_REQUEST,
            "offset",
        ),
        (
            "GET",
            "/api/stories?limit=99999999999999999999999",
            StatusCode::BAD_REQUEST,
            "limit",
        ),
        (
            "GET",
            "/api/no/such/route",
            StatusCode::NOT_FOUND,
            "no such route",
        ),
        ("GET", "/api/stories/7", StatusCode::NOT_FOUND, "no story 7"),
        (
            "DELETE",
            "/api/stories/7",
            StatusCode::NOT_FOUND,
            "no story 7",
        ),
    ];
    for (method, uri, status, says) in cases {
        let (got, kind, body) = call(&router, method, uri, None, Vec::new()).await;
        assert_eq!(got, status, "{method} {uri}: {body}");
        let error = api_error(status, &kind, &body);
        assert!(error.contains(says), "{method} {uri}: {error}");
    }
    let pages = [
        (
            "POST",
            "/",
            StatusCode::METHOD_NOT_ALLOWED,
            "POST is not allowed here",
        ),
        ("GET", "/?page=next", StatusCode::BAD_REQUEST, "page"),
        (
            "GET",
            "/stories/1?sources=all",
            StatusCode::BAD_REQUEST,
            "sources",
        ),
        (
            "GET",
            "/no/such/page",
            StatusCode::NOT_FOUND,
            "No such page.",
        ),
    ];
    for (method, uri, status, says) in pages {
        let (got, kind, page) = call(&router, method, uri, None, Vec::new()).await;
        assert_eq!(got, status, "{method} {uri}: {page}");
        assert!(kind.starts_with("text/html"), "{method} {uri}: {kind}");
        assert!(
            page.contains(says) && page.contains("<h1>"),
            "{method} {uri}: {page}"
        );
    }
    // A limit over the cap is the cap, not an error.
    let (status, _, body) = get(&router, "/api/stories?limit=100000").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "[]"));
}

#[tokio::test]
async fn writes_need_the_token() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = SqliteStore::open(&dir.path().join("chorus.db")).expect("a store");
    let read_only = chorus_server::router(Arc::new(store), Access::ReadOnly, Limits::default());
    let article = br#"{"text":"Ferry crews walked out over pay on Monday."}"#.to_vec();
    let json = ("content-type", "application/json");
    let bearer = format!("Bearer {TOKEN}");
    for (method, uri) in [("POST", "/api/articles"), ("DELETE", "/api/stories/1")] {
        let headers = [json, ("authorization", bearer.as_str())];
        let (status, kind, body) =
            call_with(&read_only, method, uri, &headers, article.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}");
        assert!(api_error(status, &kind, &body).contains("read-only"));
    }
    let (status, _, _) = get(&read_only, "/api/stories").await;
    assert_eq!(status, StatusCode::OK, "reads need no token");

    let router = writable(&dir);
    let wrong = format!("Bearer {TOKEN}x");
    let refused: [&[(&str, &str)]; 4] = [
        &[json],
        &[json, ("authorization", wrong.as_str())],
        &[json, ("authorization", TOKEN)],
        &[json, ("authorization", "Basic dGVzdDp0ZXN0")],
    ];
    for headers in refused {
        let (status, kind, body) =
            call_with(&router, "POST", "/api/articles", headers, article.clone()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{headers:?}");
        let error = api_error(status, &kind, &body);
        assert!(!error.contains(TOKEN) && !body.contains("5f1c"), "{body}");
    }
    // Refused before the body is read: an oversized body is not a 413.
    let huge = vec![b' '; chorus_server::BODY_LIMIT + 1];
    let (status, _, _) = call_with(&router, "POST", "/api/articles", &[json], huge).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, _, listed) = get(&router, "/api/stories").await;
    assert_eq!(listed, "[]", "nothing refused was stored");
    let authorized = [json, ("authorization", bearer.as_str())];
    let (status, _, body) = call_with(
        &router,
        "POST",
        "/api/articles",
        &authorized,
        article.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let lower = format!("bearer {TOKEN}");
    let headers = [json, ("authorization", lower.as_str())];
    let (status, _, _) = call_with(&router, "POST", "/api/articles", &headers, article).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the scheme in any case; already stored"
    );
}

#[tokio::test]
async fn a_deleted_story_is_gone_with_its_articles() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let router = writable(&dir);
    let (_, _, body) = post_json(&router, ARTICLES).await;
    let added: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let ferry = added["articles"][0]["story"].as_i64().expect("a story id");
    let bank = added["articles"][2]["story"].as_i64().expect("a story id");
    let (status, _, body) = call(
        &router,
        "DELETE",
        &format!("/api/stories/{ferry}"),
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&body).unwrap_or_default(),
        serde_json::json!({"deleted": ferry, "articles": 2})
    );
    let (status, _, _) = get(&router, &format!("/api/stories/{ferry}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(&router, "/sources/courier").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, found) = get(&router, "/api/stories?q=ferry").await;
    assert_eq!(found, "[]");
    let (_, _, listed) = get(&router, "/api/stories").await;
    let listed: serde_json::Value = serde_json::from_str(&listed).expect("JSON");
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert_eq!(listed[0]["id"], bank);
    let (status, _, _) = call(
        &router,
        "DELETE",
        &format!("/api/stories/{ferry}"),
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_story_page_shows_a_page_of_sources_at_a_time() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let limits = Limits {
        page_sources: 10,
        ..Limits::default()
    };
    let router = with_limits(&dir, limits);
    // 25 reports of one flood, each from its own outlet.
    let articles: Vec<serde_json::Value> = (0..25)
        .map(|n| {
            serde_json::json!({
                "id": format!("report-{n}"),
                "source": format!("Outlet {n}"),
                "title": "Flood closes Marren valley roads",
                "text": format!("Floodwater closed every road into the Marren valley on Monday, officials said. Report {n} counted {} flooded homes near the river.", 100 + n),
            })
        })
        .collect();
    let (status, _, body) =
        post_json(&router, &serde_json::to_string(&articles).expect("JSON")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let added: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(added["stories"], 1, "{body}");
    let story = added["articles"][0]["story"].as_i64().expect("a story id");
    let rows = |page: &str| page.matches("<tr><th><a href=\"#s1-d").count();
    let (status, _, first) = get(&router, &format!("/stories/{story}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains("Sources 1–10 of 25"), "{first}");
    assert_eq!(rows(&first), 10);
    assert_eq!(first.matches("<article class=\"source\"").count(), 10);
    assert!(first.contains("href=\"?sources=1\""));
    let (status, _, last) = get(&router, &format!("/stories/{story}?sources=2")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(last.contains("Sources 21–25 of 25") && last.contains("href=\"?sources=1\""));
    // What arrived since a time, paged: the pager keeps the time.
    let (status, _, since) = get(
        &router,
        &format!("/stories/{story}?sources=1&since=2000-01-01"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        since.contains("href=\"?sources=2&#38;since=2000%2D01%2D01\""),
        "{since}"
    );
    assert_eq!(rows(&last), 5);
    let (status, kind, page) = get(&router, &format!("/stories/{story}?sources=3")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        kind.starts_with("text/html") && page.contains("25 sources"),
        "{page}"
    );
    let (_, _, json) = get(&router, &format!("/api/stories/{story}")).await;
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        report["documents"].as_array().map(Vec::len),
        Some(25),
        "the API has all"
    );
}

#[tokio::test]
async fn a_story_whose_brief_failed_says_why_and_the_others_are_served() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let router = writable(&dir);
    let (_, _, body) = post_json(&router, ARTICLES).await;
    let added: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let ferry = added["articles"][0]["story"].as_i64().expect("a story id");
    let bank = added["articles"][2]["story"].as_i64().expect("a story id");
    // How the store keeps a build that failed (see chorus-store: the
    // pipeline panicked, or the process ended while building).
    rusqlite::Connection::open(dir.path().join("chorus.db"))
        .and_then(|conn| {
            conn.execute(
                "UPDATE stories SET failed = 'the pipeline panicked: test' WHERE id = ?1",
                [ferry],
            )
        })
        .expect("the story is marked");
    let (status, kind, body) = get(&router, &format!("/api/stories/{ferry}")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let error = api_error(status, &kind, &body);
    assert!(
        error.contains(&format!(
            "story {ferry}'s brief could not be built: the pipeline panicked: test"
        )),
        "{error}"
    );
    let (status, kind, page) = get(&router, &format!("/stories/{ferry}")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        kind.starts_with("text/html") && page.contains("could not be built"),
        "{page}"
    );
    let (_, _, index) = get(&router, "/").await;
    assert!(index.contains("brief failed"), "{index}");
    let (_, _, listed) = get(&router, "/api/stories").await;
    assert!(
        listed.contains("\"failed\":\"the pipeline panicked: test\""),
        "{listed}"
    );
    let (status, _, _) = get(&router, &format!("/api/stories/{bank}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = get(&router, &format!("/stories/{bank}")).await;
    assert_eq!(status, StatusCode::OK);
}

/// Parses an Atom feed with feed-rs, as a feed reader would read it.
fn parse_atom(atom: &str) -> feed_rs::model::Feed {
    let feed = feed_rs::parser::parse(atom.as_bytes())
        .unwrap_or_else(|e| panic!("valid Atom ({e}): {atom}"));
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    feed
}

fn seconds_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// An entry's `updated` is when its story last changed: a moment ago.
fn updated_lately(entry: &feed_rs::model::Entry) -> bool {
    entry
        .updated
        .is_some_and(|t| (seconds_now() - t.timestamp()).abs() < 600)
}

fn entry_ids(feed: &feed_rs::model::Feed) -> Vec<&str> {
    feed.entries.iter().map(|e| e.id.as_str()).collect()
}

fn content(entry: &feed_rs::model::Entry) -> &str {
    entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .unwrap_or_default()
}

#[tokio::test]
async fn stories_are_published_as_atom_feeds() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let router = writable(&dir);
    let (status, _, body) = post_json(&router, ARTICLES).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let added: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let ferry = added["articles"][0]["story"].as_i64().expect("a story");
    let bank = added["articles"][2]["story"].as_i64().expect("a story");

    // The stories: both stored in the same second, so the one with the
    // later publication date first, each with its brief and its sources.
    let (status, kind, atom) = get(&router, "/feed.atom").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("application/atom+xml"), "{kind}");
    let feed = parse_atom(&atom);
    assert_eq!(feed.id, "http://localhost/feed.atom");
    assert_eq!(
        entry_ids(&feed),
        [
            format!("http://localhost/stories/{ferry}"),
            format!("http://localhost/stories/{bank}")
        ]
    );
    let story = &feed.entries[0];
    assert_eq!(
        story.title.as_ref().map(|t| t.content.as_str()),
        Some("Ferry strike halts Marren crossings")
    );
    assert_eq!(
        story.links.first().map(|l| l.href.as_str()),
        Some(format!("http://localhost/stories/{ferry}").as_str())
    );
    assert!(updated_lately(story), "{story:?}");
    assert!(content(story).contains("Ada Brenn"), "{atom}");
    assert!(content(story).contains("Valley Times"), "{atom}");

    // One story's updates: its brief, then each of its articles.
    let (status, kind, atom) = get(&router, &format!("/stories/{ferry}/feed.atom")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("application/atom+xml"), "{kind}");
    let feed = parse_atom(&atom);
    assert_eq!(
        feed.id,
        format!("http://localhost/stories/{ferry}/feed.atom")
    );
    assert_eq!(
        feed.title.as_ref().map(|t| t.content.as_str()),
        Some("chorus: Ferry strike halts Marren crossings")
    );
    // Stored in the same second: the later row first.
    assert_eq!(
        entry_ids(&feed),
        [
            format!("http://localhost/stories/{ferry}"),
            "http://localhost/sources/times".to_string(),
            "http://localhost/sources/courier".to_string(),
        ]
    );
    assert!(content(&feed.entries[0]).contains("Ada Brenn"), "{atom}");
    let times = &feed.entries[1];
    assert_eq!(
        times.title.as_ref().map(|t| t.content.as_str()),
        Some("Marren ferries stop as crews strike")
    );
    assert_eq!(
        times.authors.first().and_then(|a| a.name.as_deref()),
        Some("Valley Times")
    );
    assert_eq!(
        times.published.map(|t| t.to_rfc3339()),
        Some("2024-05-06T00:00:00+00:00".to_string())
    );
    // No address of its own: the link is its page here.
    assert_eq!(
        times.links.first().map(|l| l.href.as_str()),
        Some("http://localhost/sources/times")
    );
    assert!(feed.entries.iter().all(updated_lately), "{atom}");

    // An article joins the bank story a second later: that story is now
    // the latest changed, though its articles carry no date, and the new
    // article heads its feed, linked where it was published.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (status, _, body) = post_json(
        &router,
        r#"{"id": "ledger", "title": "Velmora bank lifts rates half a point", "source": "Ledger",
            "url": "https://ledger.example/rates",
            "text": "The Velmora central bank raised interest rates by half a point on Tuesday to slow inflation, its governor told reporters."}"#,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let added: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(added["articles"][0]["story"], bank, "{body}");
    let (_, _, atom) = get(&router, "/feed.atom").await;
    let feed = parse_atom(&atom);
    assert_eq!(
        entry_ids(&feed),
        [
            format!("http://localhost/stories/{bank}"),
            format!("http://localhost/stories/{ferry}")
        ]
    );
    assert!(feed.entries[0].updated > feed.entries[1].updated, "{atom}");
    let (_, _, atom) = get(&router, &format!("/stories/{bank}/feed.atom")).await;
    let feed = parse_atom(&atom);
    assert_eq!(
        entry_ids(&feed),
        [
            format!("http://localhost/stories/{bank}"),
            "http://localhost/sources/ledger".to_string(),
            "http://localhost/sources/bank".to_string(),
        ]
    );
    let ledger = &feed.entries[1];
    assert_eq!(
        ledger.links.first().map(|l| l.href.as_str()),
        Some("https://ledger.example/rates")
    );
    assert_eq!(ledger.published, None, "an undated article has no date");
    // The brief's entry changed when the story did.
    assert_eq!(feed.entries[0].updated, ledger.updated);
    assert!(feed.entries[1].updated > feed.entries[2].updated, "{atom}");
    assert_eq!(feed.updated, ledger.updated);

    // No such story: the API's JSON error.
    for unknown in ["/stories/999/feed.atom", "/stories/abc/feed.atom"] {
        let (status, kind, body) = get(&router, unknown).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}");
        assert!(kind.starts_with("application/json"), "{unknown}: {kind}");
        let error: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(error["status"], 404, "{body}");
        assert!(error["error"].as_str().is_some_and(|e| e.contains("story")));
    }
    // Feeds are read, never written: a write is a JSON 405, token or not.
    for feed in [
        "/feed.atom".to_string(),
        format!("/stories/{ferry}/feed.atom"),
    ] {
        let (status, kind, body) = call(&router, "POST", &feed, None, Vec::new()).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{feed}: {body}");
        api_error(status, &kind, &body);
    }

    // The pages point feed readers at them.
    let (_, _, index) = get(&router, "/").await;
    assert!(
        index.contains(r#"<link rel="alternate" type="application/atom+xml" title="chorus: stories" href="/feed.atom">"#),
        "{index}"
    );
    let (_, _, page) = get(&router, &format!("/stories/{ferry}")).await;
    assert!(
        page.contains(&format!(
            r#"type="application/atom+xml" title="Ferry strike halts Marren crossings — chorus" href="/stories/{ferry}/feed.atom">"#
        )),
        "{page}"
    );
}

#[tokio::test]
async fn a_batch_that_takes_longer_to_store_than_the_timeout_is_answered_when_stored() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // Far shorter than storing 200 articles takes.
    let limits = Limits {
        request_timeout: std::time::Duration::from_millis(1),
        ..Limits::default()
    };
    let router = with_limits(&dir, limits);
    let articles: Vec<serde_json::Value> = (0..200)
        .map(|n| {
            serde_json::json!({
                "id": format!("report-{n}"),
                "source": format!("Outlet {n}"),
                "text": format!(
                    "Report {n}: the Serin river flooded {n} fields near Elmer on Monday, \
                     farmers in district {n} said, and the road to Port Elmer was closed."
                ),
            })
        })
        .collect();
    let body = serde_json::to_string(&articles).expect("JSON");
    let (status, _, answer) = post_json(&router, &body).await;
    // Not a 408 while the batch goes on being stored behind the answer:
    // the answer comes when it is stored and says so.
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let summary: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
    assert_eq!(summary["added"], 200, "{answer}");
    let reader = writable(&dir);
    let (status, _, listed) = get(&reader, "/api/stories").await;
    assert_eq!(status, StatusCode::OK);
    let listed: serde_json::Value = serde_json::from_str(&listed).expect("JSON");
    let stored: i64 = listed
        .as_array()
        .map(|l| l.iter().filter_map(|s| s["articles"].as_i64()).sum())
        .unwrap_or_default();
    assert_eq!(stored, 200);
}
