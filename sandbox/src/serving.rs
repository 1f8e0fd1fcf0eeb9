//! How the sandbox serves: every connection has a deadline for its request head, every
//! body a size bound, and only requests addressed to the sandbox's own loopback name are
//! answered. A control-API POST must be JSON, so a web page elsewhere cannot make one
//! without the browser asking first (which the sandbox never allows).

use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

/// How long a connection may take to send a request's line and headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest request body read (axum's default, said here): larger ones get 413 unread.
pub const BODY_MAX_BYTES: usize = 2 * 1024 * 1024;

/// `router` with the body bound and the guard of [`guard`].
pub(crate) fn bounded(router: Router, port: u16) -> Router {
    router
        .layer(axum::middleware::from_fn(move |request, next| {
            guard(port, request, next)
        }))
        .layer(DefaultBodyLimit::max(BODY_MAX_BYTES))
}

/// Refuses a request whose `Host` is not this sandbox on loopback (a DNS-rebinding page
/// would name its own host) and a control-API POST that is not JSON.
async fn guard(port: u16, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let ours = ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|name| host == format!("{name}:{port}") || (port == 80 && host == *name));
    if !ours {
        let body = format!("the sandbox answers only requests to 127.0.0.1:{port}");
        return (StatusCode::MISDIRECTED_REQUEST, body).into_response();
    }
    let control_post =
        request.method() == Method::POST && request.uri().path().starts_with("/sandbox/api/");
    let json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if control_post && !json {
        let body = "a control-API POST must be Content-Type: application/json";
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, body).into_response();
    }
    let response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // In Graph's error envelope, so a client reads it with its usual error path. Meta
        // documents no answer to an oversized body: the message is the sandbox's own.
        let message = format!(
            "(#100) The request body is over the sandbox's bound of {BODY_MAX_BYTES} bytes"
        );
        let envelope = crate::answers::MetaError::new(100, None, message).envelope();
        return (StatusCode::PAYLOAD_TOO_LARGE, axum::Json(envelope)).into_response();
    }
    response
}

/// Serves `router` on `listener` until `stop` resolves.
pub(crate) async fn serve(listener: TcpListener, router: Router, stop: impl Future<Output = ()>) {
    let mut stop = std::pin::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
            () = &mut stop => return,
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let mut builder = Builder::new(TokioExecutor::new());
            builder
                .http1()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT);
            // A client that breaks off is nobody's error here.
            let _ = builder
                .serve_connection_with_upgrades(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A server running on its own thread and runtime: it stops when dropped, or serves until
/// the process ends with [`Running::wait`].
pub(crate) struct Running {
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// Serves `router` on `listener` with `runtime` on a thread of its own; `first` runs
    /// on the runtime before the first request (the sandbox's handshake).
    pub(crate) fn spawn(
        runtime: tokio::runtime::Runtime,
        listener: TcpListener,
        router: Router,
        first: impl Future<Output = ()> + Send + 'static,
    ) -> Self {
        let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                tokio::spawn(first);
                serve(listener, router, async {
                    let _ = stop.await;
                })
                .await;
            });
            runtime.shutdown_timeout(Duration::from_secs(1));
        });
        Self {
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    /// Serves until the process ends.
    pub(crate) fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The body of a response, read up to [`BODY_MAX_BYTES`].
pub(crate) fn read_body(
    response: &mut ureq::http::Response<ureq::Body>,
) -> Result<Vec<u8>, ureq::Error> {
    response
        .body_mut()
        .with_config()
        .limit(BODY_MAX_BYTES as u64)
        .read_to_vec()
}
