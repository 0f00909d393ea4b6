//! Accepting connections within bounds: at most so many at once, each
//! closed when its request's head does not arrive in time.
//!
//! `axum::serve` offers neither a header read timeout nor a cap, so a few
//! hundred clients sending headers a byte at a time could hold every file
//! descriptor. Here each connection is served by hyper's HTTP/1 server
//! with `header_read_timeout` (which also ends idle keep-alive
//! connections), and holds one permit of a semaphore while it is open: at
//! the cap, new connections wait in the kernel's backlog until one closes.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Pause after a failed accept (out of file descriptors, say) before
/// trying again, so that the failure is not a busy loop.
const ACCEPT_PAUSE: Duration = Duration::from_millis(200);

/// How connections are bounded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// Time for a request's head to arrive, and for an idle keep-alive
    /// connection to send its next one.
    pub read_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
    /// Time given to open connections to finish on shutdown.
    pub drain: Duration,
}

/// Serves `app` on `listener` until `shutdown` completes, then lets the
/// open connections finish (for at most `bounds.drain`).
pub(crate) async fn run(
    listener: TcpListener,
    app: Router,
    bounds: Bounds,
    shutdown: impl Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(bounds.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(bounds.read_timeout);
    let service = TowerToHyperService::new(app);
    let mut failures = 0u64;
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Said on the first failure and every thousandth, not
                    // on each retry of a long shortage.
                    if failures.is_multiple_of(1000) {
                        eprintln!("chorus: accepting a connection: {error}");
                    }
                    failures += 1;
                    tokio::time::sleep(ACCEPT_PAUSE).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Small answers go out at once rather than waiting on Nagle.
        let _ = stream.set_nodelay(true);
        let connection =
            graceful.watch(http.serve_connection(TokioIo::new(stream), service.clone()));
        tokio::spawn(async move {
            // A client that goes away, or is cut off by the timeout, is
            // not the server's failure: nothing to report.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(bounds.drain) => {}
    }
}
