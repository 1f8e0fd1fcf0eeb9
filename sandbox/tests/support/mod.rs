//! A host for the sandbox to call: a webhook receiver on 127.0.0.1 that records every
//! request and answers with scripted statuses (then 200), and helpers to call the
//! sandbox's Graph and control APIs.

#![allow(dead_code, unreachable_pub)] // each test file uses its own subset

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use msgrkit_sandbox::{Config, Sandbox};
use serde_json::Value;

pub const SECRET: &str = "sandbox-test-secret";
pub const ADA: &str = "7000000000000001";
pub const GRACE: &str = "7000000000000002";

/// One POST the host received.
#[derive(Clone, Debug)]
pub struct Received {
    pub signature: String,
    pub sha1: String,
    pub version: String,
    pub body: Vec<u8>,
}

#[derive(Default)]
struct Script {
    statuses: VecDeque<u16>,
    received: Vec<Received>,
}

/// The webhook receiver.
pub struct Host {
    pub url: String,
    script: Arc<Mutex<Script>>,
    _runtime: tokio::runtime::Runtime,
}

impl Host {
    /// A receiver answering `statuses` in order, then 200.
    pub fn start(statuses: &[u16]) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let script = Arc::new(Mutex::new(Script {
            statuses: statuses.iter().copied().collect(),
            received: Vec::new(),
        }));
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let url = format!("http://{}/webhook", listener.local_addr().unwrap());
        let app = Router::new()
            .route("/webhook", post(receive).get(challenge))
            .with_state(Arc::clone(&script));
        runtime.spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self {
            url,
            script,
            _runtime: runtime,
        }
    }

    /// Every POST so far.
    pub fn received(&self) -> Vec<Received> {
        self.script.lock().unwrap().received.clone()
    }

    /// Waits until `count` POSTs arrived (at most 10 s).
    pub fn wait_for(&self, count: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let received = self.received();
            if received.len() >= count || Instant::now() > deadline {
                return received;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

async fn receive(
    State(script): State<Arc<Mutex<Script>>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let mut script = script.lock().unwrap();
    script.received.push(Received {
        signature: header("x-hub-signature-256"),
        sha1: header("x-hub-signature"),
        version: header("facebook-api-version"),
        body: body.to_vec(),
    });
    let status = script.statuses.pop_front().unwrap_or(200);
    StatusCode::from_u16(status).unwrap()
}

async fn challenge(
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> String {
    query.get("hub.challenge").cloned().unwrap_or_default()
}

/// A sandbox delivering to `host`, with short redelivery waits.
pub fn sandbox(host: &Host) -> Sandbox {
    let mut config = Config::new(host.url.clone(), SECRET);
    config.retry_delay = Duration::from_millis(50);
    config.max_attempts = 3;
    Sandbox::start(config).unwrap()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// `(status, body)` of a request to the sandbox.
pub fn call(
    sandbox: &Sandbox,
    method: &str,
    path: &str,
    body: Option<&Value>,
    token: Option<&str>,
) -> (u16, Value) {
    let url = format!("{}{path}", sandbox.url());
    let agent = agent();
    let mut response = match (method, body) {
        ("GET", _) => {
            let mut request = agent.get(&url);
            if let Some(token) = token {
                request = request.header("Authorization", &format!("Bearer {token}"));
            }
            request.call()
        }
        (_, body) => {
            let mut request = match method {
                "DELETE" => agent.delete(&url).force_send_body(),
                _ => agent.post(&url),
            };
            if let Some(token) = token {
                request = request.header("Authorization", &format!("Bearer {token}"));
            }
            request = request.header("Content-Type", "application/json");
            request.send(body.map(Value::to_string).unwrap_or_default())
        }
    }
    .unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// A control API call (`/sandbox/api/PATH`).
pub fn control(sandbox: &Sandbox, path: &str, body: Value) -> Value {
    let (status, answer) = call(
        sandbox,
        "POST",
        &format!("/sandbox/api/{path}"),
        Some(&body),
        None,
    );
    assert_eq!(status, 200, "{path}: {answer}");
    answer
}

/// The sandbox's log.
pub fn log(sandbox: &Sandbox) -> Vec<Value> {
    let (_, log) = call(sandbox, "GET", "/sandbox/api/log", None, None);
    log.as_array().cloned().unwrap_or_default()
}
