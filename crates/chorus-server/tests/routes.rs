//! `chorus serve`'s routes, driven in process: pages, the API and its errors.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use std::sync::Arc;

use chorus_store::SqliteStore;
use tower::ServiceExt;

/// Answers one request: status, content type and body.
async fn call(
    router: &axum::Router,
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, String, String) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
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
    let store = SqliteStore::open(&dir.path().join("chorus.db")).expect("a store");
    let router = chorus_server::router(Arc::new(store));

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
    let (status, _, body) = get(&router, &format!("/api/stories/{ferry}?since=monday")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.contains("since"), "{body}");

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
    let store = SqliteStore::open(&dir.path().join("chorus.db")).expect("a store");
    let router = chorus_server::router(Arc::new(store));
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

#[tokio::test]
async fn stories_are_published_as_an_atom_feed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = SqliteStore::open(&dir.path().join("chorus.db")).expect("a store");
    let router = chorus_server::router(Arc::new(store));
    let (status, _, body) = post_json(&router, ARTICLES).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, kind, atom) = get(&router, "/feed.atom").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("application/atom+xml"), "{kind}");
    // Read back by a feed parser: two stories, the dated one first, each
    // with its brief and its sources.
    let feed = chorus::ingest::parse_feed("atom", atom.as_bytes(), &Default::default())
        .expect("valid Atom");
    assert!(feed.problems.is_empty(), "{:?}", feed.problems);
    assert_eq!(feed.articles.len(), 2, "{atom}");
    let ferry = &feed.articles[0];
    assert_eq!(
        ferry.title.as_deref(),
        Some("Ferry strike halts Marren crossings")
    );
    assert_eq!(ferry.url.as_deref(), Some("http://localhost/stories/1"));
    assert!(
        ferry
            .date
            .as_deref()
            .is_some_and(|d| d.starts_with("2024-05-06")),
        "{ferry:?}"
    );
    assert!(ferry.text.contains("Ada Brenn"), "{}", ferry.text);
    assert!(ferry.text.contains("Valley Times"), "{}", ferry.text);
    assert!(
        atom.contains("<updated>2024-05-06T00:00:00Z</updated>"),
        "{atom}"
    );
    // The list page points feed readers at it.
    let (_, _, index) = get(&router, "/").await;
    assert!(index.contains(r#"type="application/atom+xml""#), "{index}");
}
