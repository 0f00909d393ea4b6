//! Polite HTTP: one client with timeouts, a size limit and bounded
//! redirects, and a gate that lets at most a few requests at a time go to
//! one host, spaced by a minimum delay.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use ureq::Agent;

use crate::Options;

/// A full answer.
#[derive(Debug)]
pub struct Page {
    /// The body, at most the size limit.
    pub body: Vec<u8>,
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
    /// `max-age` of the `Cache-Control` header, in seconds.
    pub max_age: Option<u64>,
}

/// What a request came to.
#[derive(Debug)]
pub enum Answer {
    /// 200: the body.
    Full(Page),
    /// 304: unchanged since the validators sent.
    NotModified,
}

/// Why a request failed, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The server answered with an error status.
    #[error("HTTP status {0}")]
    Status(u16),
    /// The body is larger than the limit.
    #[error("response larger than {0} bytes; refused")]
    TooLarge(u64),
    /// More redirects than allowed.
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    /// No answer in time.
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    /// Anything else (DNS, connection, TLS, protocol).
    #[error("{0}")]
    Other(String),
}

/// Validators from a previous answer, sent to ask "only if changed".
#[derive(Debug, Default, Clone, Copy)]
pub struct Conditions<'a> {
    /// Sent as `If-None-Match`.
    pub etag: Option<&'a str>,
    /// Sent as `If-Modified-Since`.
    pub last_modified: Option<&'a str>,
}

/// The client: shared by all workers.
pub struct Fetcher {
    agent: Agent,
    gate: HostGate,
    max_bytes: u64,
    max_redirects: u32,
    timeout: Duration,
}

impl Fetcher {
    /// A client configured by `options`.
    pub fn new(options: &Options) -> Fetcher {
        let agent: Agent = Agent::config_builder()
            .user_agent(user_agent(options.contact.as_deref()))
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .http_status_as_error(false)
            .build()
            .into();
        Fetcher {
            agent,
            gate: HostGate::new(options.per_host, options.min_delay),
            max_bytes: options.max_bytes,
            max_redirects: options.max_redirects,
            timeout: options.timeout,
        }
    }

    /// GETs `url`, waiting for its host's turn.
    pub fn get(&self, url: &str, conditions: Conditions) -> Result<Answer, FetchError> {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let _turn = self.gate.enter(&host);
        let mut request = self.agent.get(url);
        if let Some(etag) = conditions.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(since) = conditions.last_modified {
            request = request.header("If-Modified-Since", since);
        }
        let mut response = request.call().map_err(|e| self.explain(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Answer::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let max_age = header("cache-control").and_then(|v| max_age(&v));
        let body = response
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(|e| self.explain(e))?;
        Ok(Answer::Full(Page {
            body,
            etag,
            last_modified,
            max_age,
        }))
    }

    fn explain(&self, error: ureq::Error) -> FetchError {
        match error {
            ureq::Error::StatusCode(code) => FetchError::Status(code),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.max_bytes),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(self.max_redirects),
            ureq::Error::Timeout(_) => FetchError::Timeout(self.timeout),
            other => FetchError::Other(other.to_string()),
        }
    }
}

/// `chorus/VERSION (+CONTACT)`: who is asking, and where to complain.
pub fn user_agent(contact: Option<&str>) -> String {
    let version = env!("CARGO_PKG_VERSION");
    match contact {
        Some(contact) => format!("chorus/{version} (+{contact})"),
        None => format!("chorus/{version}"),
    }
}

/// The `max-age` of a `Cache-Control` value.
fn max_age(value: &str) -> Option<u64> {
    value.split(',').find_map(|part| {
        let (name, seconds) = part.trim().split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| seconds.trim().trim_matches('"').parse().ok())
            .flatten()
    })
}

/// At most `per_host` requests at once to one host, each started at least
/// `min_delay` after the one before it.
struct HostGate {
    hosts: Mutex<HashMap<String, Turns>>,
    changed: Condvar,
    per_host: usize,
    min_delay: Duration,
}

#[derive(Default)]
struct Turns {
    active: usize,
    next_start: Option<Instant>,
}

/// A request in flight; dropping it lets the next one go.
struct Turn<'a> {
    gate: &'a HostGate,
    host: String,
}

impl HostGate {
    fn new(per_host: usize, min_delay: Duration) -> HostGate {
        HostGate {
            hosts: Mutex::new(HashMap::new()),
            changed: Condvar::new(),
            per_host: per_host.max(1),
            min_delay,
        }
    }

    fn enter(&self, host: &str) -> Turn<'_> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = Instant::now();
            let turns = hosts.entry(host.to_string()).or_default();
            let wait = turns
                .next_start
                .map_or(Duration::ZERO, |t| t.saturating_duration_since(now));
            if turns.active < self.per_host && wait.is_zero() {
                turns.active += 1;
                turns.next_start = Some(now + self.min_delay);
                return Turn {
                    gate: self,
                    host: host.to_string(),
                };
            }
            // Woken when a request ends, or when the delay is over.
            let timeout = if wait.is_zero() {
                Duration::from_millis(100)
            } else {
                wait
            };
            hosts = self
                .changed
                .wait_timeout(hosts, timeout)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let mut hosts = self.gate.hosts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(turns) = hosts.get_mut(&self.host) {
            turns.active = turns.active.saturating_sub(1);
        }
        self.gate.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_is_read_from_cache_control() {
        assert_eq!(max_age("public, max-age=3600"), Some(3600));
        assert_eq!(max_age("no-cache"), None);
        assert_eq!(max_age("Max-Age=\"60\", private"), Some(60));
        assert_eq!(max_age("max-age=soon"), None);
    }

    #[test]
    fn user_agent_names_chorus_and_the_contact() {
        assert!(
            user_agent(Some("https://example.org/bot")).ends_with("(+https://example.org/bot)")
        );
        assert!(user_agent(None).starts_with("chorus/"));
    }

    #[test]
    fn gate_spaces_requests_to_one_host_but_not_to_others() {
        let gate = HostGate::new(1, Duration::from_millis(150));
        let start = Instant::now();
        drop(gate.enter("a"));
        drop(gate.enter("b"));
        assert!(start.elapsed() < Duration::from_millis(150));
        drop(gate.enter("a"));
        assert!(start.elapsed() >= Duration::from_millis(150));
    }
}
