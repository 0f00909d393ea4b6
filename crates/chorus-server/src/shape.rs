//! Every error answer in the shape the documentation promises: JSON
//! (`{"error", "status"}`) under `/api/` and for the Atom feeds, an HTML
//! page elsewhere.
//!
//! The handlers answer their own errors so; this layer catches the
//! answers made around them — axum's empty 405, an extractor's plain-text
//! rejection, the timeout's empty 408 — and rewrites them, keeping their
//! status and headers (`Allow` on a 405).

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{ApiError, ServerError, page_error};

/// Longest body of an answer to be rewritten that is read for its
/// message (rejections are a line; anything longer is cut).
const MESSAGE_BYTES: usize = 4096;

/// Whether `path` answers errors as JSON: the API's, and the Atom feeds'
/// (whoever asks for a feed is a program).
pub(crate) fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/") || path.ends_with("/feed.atom")
}

/// `routes` with every error answer in shape. The layer goes around the
/// whole router, not each route: a route's 405 gets its `Allow` header
/// after the route's own layers have run.
pub(crate) fn around(routes: Router) -> Router {
    Router::new()
        .fallback_service(routes)
        .layer(axum::middleware::from_fn(error_shape))
}

/// Rewrites an error answer that is neither JSON nor HTML into the
/// route's shape; a 408 also closes the connection.
async fn error_shape(request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let method = request.method().clone();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let shaped = if api {
        kind.starts_with("application/json")
    } else {
        kind.starts_with("text/html")
    };
    let mut answer = if shaped {
        response
    } else {
        let (parts, body) = response.into_parts();
        let text = axum::body::to_bytes(body, MESSAGE_BYTES)
            .await
            .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_string())
            .unwrap_or_default();
        let message = if text.is_empty() {
            default_message(status, &method, &parts.headers)
        } else {
            text
        };
        let mut answer = if api {
            ApiError(ServerError::request(status, message)).into_response()
        } else {
            page_error(status, &message)
        };
        for (name, value) in &parts.headers {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                answer.headers_mut().insert(name, value.clone());
            }
        }
        answer
    };
    if status == StatusCode::REQUEST_TIMEOUT {
        // The client may still be sending: hyper must not wait for it.
        answer
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    answer
}

/// What an answer without a body of its own says.
fn default_message(status: StatusCode, method: &Method, headers: &axum::http::HeaderMap) -> String {
    match status {
        StatusCode::METHOD_NOT_ALLOWED => {
            let allowed = headers
                .get(header::ALLOW)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            format!("{method} is not allowed here (allowed: {allowed})")
        }
        StatusCode::REQUEST_TIMEOUT => {
            "the request was not received and answered in time".to_string()
        }
        status => status
            .canonical_reason()
            .unwrap_or("the request failed")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    /// An empty answer with `status`, as the layers around the handlers make.
    fn bare(status: StatusCode) -> Response {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = status;
        response
    }

    async fn answer(router: &Router, method: &str, uri: &str) -> (StatusCode, Response) {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .body(Body::empty())
            .expect("a request");
        let response = router.clone().oneshot(request).await.expect("an answer");
        (response.status(), response)
    }

    async fn body(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[tokio::test]
    async fn bare_and_plain_errors_take_the_routes_shape() {
        let router = around(
            Router::new()
                .route("/api/x", get(|| async { "fine" }))
                .route("/page", get(|| async { "fine" }))
                .route(
                    "/api/slow",
                    get(|| async { bare(StatusCode::REQUEST_TIMEOUT) }),
                )
                .route(
                    "/api/plain",
                    get(|| async { (StatusCode::BAD_REQUEST, "limit: invalid digit") }),
                ),
        );
        let (status, response) = answer(&router, "POST", "/api/x").await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(response.headers().contains_key(header::ALLOW));
        let json: serde_json::Value =
            serde_json::from_str(&body(response).await).unwrap_or_default();
        assert_eq!(json["status"], 405);
        assert_eq!(
            json["error"],
            "POST is not allowed here (allowed: GET,HEAD)"
        );

        let (status, response) = answer(&router, "DELETE", "/page").await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        let page = body(response).await;
        assert!(page.contains("<p>DELETE is not allowed here"), "{page}");

        let (status, response) = answer(&router, "GET", "/api/slow").await;
        assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
        assert_eq!(
            response.headers().get(header::CONNECTION),
            Some(&HeaderValue::from_static("close"))
        );
        let json: serde_json::Value =
            serde_json::from_str(&body(response).await).unwrap_or_default();
        assert_eq!(json["status"], 408);

        let (_, response) = answer(&router, "GET", "/api/plain").await;
        let json: serde_json::Value =
            serde_json::from_str(&body(response).await).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"error": "limit: invalid digit", "status": 400})
        );
        let (status, response) = answer(&router, "GET", "/api/x").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body(response).await, "fine");
    }
}
