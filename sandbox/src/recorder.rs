//! The recorder: a proxy in front of a host's webhook. Each request is forwarded
//! unchanged (its path and query appended to the forward URL), the host's answer goes
//! back unchanged, and every POST becomes one line of a recording made by the core
//! (`msgrkit::record`): the exact body, the signature marked, the answer and its timing.
//! The app secret only checks the signature; it is never written.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use msgrkit::record::{self, RecordedAnswer, Request};

use crate::serving;

/// Where the recorder listens and what it forwards to.
#[derive(Clone, Debug)]
pub struct RecorderConfig {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The host's base URL: a request to `/webhook?x` goes to `{forward}/webhook?x`.
    pub forward: String,
    /// The app secret the deliveries are checked with (never written).
    pub app_secret: String,
    /// How long the host may take to answer (Meta's 20 s).
    pub timeout: Duration,
}

/// What receives each recording line (the CLI appends it to a file).
pub type Sink = Box<dyn FnMut(&str) + Send>;

struct Shared {
    config: RecorderConfig,
    sink: Mutex<(u64, Sink)>,
}

/// A running recorder; it stops when dropped.
pub struct Recorder {
    /// Where it listens.
    pub addr: SocketAddr,
    running: serving::Running,
}

impl Recorder {
    /// Listens on `config.listen` and records into `sink`.
    ///
    /// # Errors
    ///
    /// An empty app secret, a forward URL that is not `http(s)://`, or an address that
    /// cannot be bound.
    pub fn start(config: RecorderConfig, sink: Sink) -> std::io::Result<Self> {
        let invalid =
            |why: &str| std::io::Error::new(std::io::ErrorKind::InvalidInput, why.to_owned());
        if config.app_secret.is_empty() {
            return Err(invalid(
                "the app secret is empty: no signature could be checked",
            ));
        }
        if !(config.forward.starts_with("http://") || config.forward.starts_with("https://")) {
            return Err(invalid("the forward URL is not http:// or https://"));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let listener = runtime.block_on(tokio::net::TcpListener::bind(config.listen))?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            config,
            sink: Mutex::new((0, sink)),
        });
        let router = Router::new()
            .fallback(forward)
            .with_state(shared)
            .layer(DefaultBodyLimit::max(serving::BODY_MAX_BYTES));
        let running = serving::Running::spawn(runtime, listener, router, async {});
        Ok(Self { addr, running })
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        self.running.wait();
    }
}

/// The host's answer: status, content type, body.
type Answer = Result<(u16, Option<String>, Vec<u8>), String>;

async fn forward(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let at_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let pairs: Vec<(String, String)> = headers
        .iter()
        .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
        .collect();
    let started = Instant::now();
    let answer: Answer = {
        let (shared, method, path, pairs, body) = (
            Arc::clone(&shared),
            method.clone(),
            path.clone(),
            pairs.clone(),
            body.clone(),
        );
        tokio::task::spawn_blocking(move || send(&shared.config, &method, &path, &pairs, &body))
            .await
            .unwrap_or_else(|panic| Err(panic.to_string()))
    };
    let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    if method == Method::POST {
        let request = Request {
            seq: 0,
            at_ms,
            path: &path,
            headers: &pairs,
            body: &body,
        };
        let recorded_answer = answer
            .as_ref()
            .map(|(status, _, body)| RecordedAnswer::new(*status, body))
            .map_err(Clone::clone);
        let mut sink = shared.sink.lock().unwrap_or_else(|p| p.into_inner());
        let request = Request {
            seq: sink.0 + 1,
            ..request
        };
        // A body that is not UTF-8 cannot be kept exactly: it is forwarded, not recorded.
        if let Ok(recorded) = record::record(
            request,
            shared.config.app_secret.as_bytes(),
            recorded_answer,
            elapsed_ms,
        ) {
            sink.0 += 1;
            (sink.1)(&record::to_line(&recorded));
        }
    }
    match answer {
        Ok((status, content_type, body)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            let mut response = (status, Body::from(body)).into_response();
            if let Some(value) = content_type.and_then(|t| t.parse().ok()) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
        }
        Err(error) => (
            StatusCode::BAD_GATEWAY,
            format!("the host did not answer: {error}"),
        )
            .into_response(),
    }
}

/// Hop-by-hop headers and those the transport sets itself.
const NOT_FORWARDED: [&str; 4] = ["host", "content-length", "connection", "transfer-encoding"];

fn send(
    config: &RecorderConfig,
    method: &Method,
    path: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Answer {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(config.timeout))
        .build()
        .into();
    let url = format!("{}{path}", config.forward.trim_end_matches('/'));
    let mut request = ureq::http::Request::builder()
        .method(method.as_str())
        .uri(url.as_str());
    for (name, value) in headers {
        if !NOT_FORWARDED.contains(&name.as_str()) {
            request = request.header(name.as_str(), value.as_str());
        }
    }
    let request = request.body(body.to_vec()).map_err(|e| e.to_string())?;
    let mut response = agent.run(request).map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = serving::read_body(&mut response).map_err(|e| e.to_string())?;
    Ok((status, content_type, body))
}
