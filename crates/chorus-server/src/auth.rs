//! Who may write: without a token the API is read-only; with one, a write
//! must carry it as `Authorization: Bearer TOKEN`.
//!
//! The token is compared in constant time and never printed: its `Debug`
//! hides it, and no answer or log line repeats what a client sent.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::{ApiError, ServerError};

/// The secret a client must present to change the store.
#[derive(Clone)]
pub struct WriteToken(Arc<str>);

/// Why a write token was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Nothing but spaces.
    #[error("the write token is empty")]
    Empty,
    /// A character a client could not send in an `Authorization` header.
    #[error("the write token may hold only visible ASCII characters (no spaces)")]
    Unsendable,
}

impl WriteToken {
    /// A token, if a client can send it as `Authorization: Bearer TOKEN`.
    pub fn new(token: &str) -> Result<WriteToken, TokenError> {
        if token.trim().is_empty() {
            return Err(TokenError::Empty);
        }
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(TokenError::Unsendable);
        }
        Ok(WriteToken(token.into()))
    }

    /// Whether `presented` is the token, in time that does not depend on
    /// how much of it matches.
    fn admits(&self, presented: &[u8]) -> bool {
        self.0.as_bytes().ct_eq(presented).into()
    }
}

impl std::fmt::Debug for WriteToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WriteToken(hidden)")
    }
}

/// Whether the server takes writes.
#[derive(Debug, Clone, Default)]
pub enum Access {
    /// Reads only: every write is answered 403.
    #[default]
    ReadOnly,
    /// Writes that carry this token.
    Token(WriteToken),
}

impl Access {
    /// Whether writes can be made at all.
    pub fn writable(&self) -> bool {
        matches!(self, Access::Token(_))
    }
}

/// Lets a write through only with the token; runs before the request's
/// body is read, so that a refused client cannot make the server read it.
pub(crate) async fn require_token(
    State(access): State<Access>,
    request: Request,
    next: Next,
) -> Response {
    let token = match &access {
        Access::ReadOnly => {
            return ApiError(ServerError::request(
                StatusCode::FORBIDDEN,
                "this server is read-only: it takes writes when started with a write token \
                 (chorus serve --write-token, or CHORUS_WRITE_TOKEN)",
            ))
            .into_response();
        }
        Access::Token(token) => token,
    };
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| bearer(value.as_bytes()));
    if presented.is_some_and(|presented| token.admits(presented)) {
        return next.run(request).await;
    }
    let mut answer = ApiError(ServerError::request(
        StatusCode::UNAUTHORIZED,
        "writing needs the server's write token: send Authorization: Bearer TOKEN",
    ))
    .into_response();
    answer
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    answer
}

/// The credentials of an `Authorization: Bearer …` header (the scheme
/// name in any case, RFC 9110).
fn bearer(value: &[u8]) -> Option<&[u8]> {
    let scheme = value.get(..7)?;
    scheme
        .eq_ignore_ascii_case(b"bearer ")
        .then(|| value[7..].trim_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_and_never_shown() {
        assert_eq!(WriteToken::new("  ").err(), Some(TokenError::Empty));
        assert_eq!(
            WriteToken::new("two words").err(),
            Some(TokenError::Unsendable)
        );
        assert_eq!(WriteToken::new("clé").err(), Some(TokenError::Unsendable));
        let token = WriteToken::new("s3cret-token").expect("a token");
        assert!(token.admits(b"s3cret-token"));
        assert!(!token.admits(b"s3cret-tokeN"));
        assert!(!token.admits(b"s3cret"));
        assert!(!token.admits(b""));
        let shown = format!("{:?}", Access::Token(token));
        assert!(!shown.contains("s3cret"), "{shown}");
    }

    #[test]
    fn bearer_credentials_are_read_from_the_header() {
        assert_eq!(bearer(b"Bearer abc"), Some(&b"abc"[..]));
        assert_eq!(bearer(b"bearer  abc "), Some(&b"abc"[..]));
        assert_eq!(bearer(b"Basic abc"), None);
        assert_eq!(bearer(b"Bearer"), None);
    }
}
