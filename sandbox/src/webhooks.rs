//! Webhooks to the host as Meta delivers them: signed with `X-Hub-Signature-256` and the
//! legacy `X-Hub-Signature` (SHA-1, which Meta still sends and older receivers check) over
//! the exact body, with `Facebook-API-Version`, a timeout (Meta's is 20 s), and redelivery
//! with doubling waits until the host answers 2xx (at least once). Every attempt is
//! logged with the host's status and latency.

use std::sync::Arc;
use std::time::{Duration, Instant};

use msgrkit::record::RecordedAnswer;
use serde_json::{Value, json};

use crate::App;

/// What became of one delivery.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct Delivered {
    /// The delivery's ID in the log.
    pub(crate) delivery: String,
    /// Whether the host answered 2xx (to the last attempt).
    pub(crate) delivered: bool,
    /// The host's status to the last attempt; `None` when it did not answer.
    pub(crate) status: Option<u16>,
    /// How many POSTs it took.
    pub(crate) attempts: u32,
}

/// The host's answer to one POST (its status and the start of its body), or why there
/// was none.
fn post(app: &App, body: &str, signature: &str) -> Result<RecordedAnswer, String> {
    let sha1 = msgrkit::signature::sign_sha1(app.config.app_secret.as_bytes(), body.as_bytes());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(app.config.webhook_timeout))
        .user_agent("facebookexternalua")
        .build()
        .into();
    agent
        .post(app.config.webhook.as_str())
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", signature)
        .header("X-Hub-Signature", sha1.as_str())
        .header(
            msgrkit::webhook::HEADER_API_VERSION,
            app.config.graph_version.as_str(),
        )
        .send(body)
        .and_then(|mut response| {
            let status = response.status().as_u16();
            let body = crate::serving::read_body(&mut response)?;
            Ok(RecordedAnswer::new(status, &body))
        })
        .map_err(|error| error.to_string())
}

/// Delivers `body` until the host takes it (or the attempts run out), then once more
/// when `duplicate` asks for a redelivery of a delivered event.
pub(crate) async fn deliver(
    app: Arc<App>,
    body: Value,
    events: Vec<String>,
    duplicate: bool,
) -> Delivered {
    let text = body.to_string();
    let signature =
        msgrkit::api::sign(app.config.app_secret.as_bytes(), text.as_bytes()).unwrap_or_default();
    let delivery = app.state().id("d_");
    let mut outcome = Delivered {
        delivery: delivery.clone(),
        delivered: false,
        status: None,
        attempts: 0,
    };
    let rounds = if duplicate { 2 } else { 1 };
    for round in 0..rounds {
        for attempt in 1..=app.config.max_attempts.max(1) {
            let started = Instant::now();
            let answer = {
                let (app, text, signature) = (Arc::clone(&app), text.clone(), signature.clone());
                tokio::task::spawn_blocking(move || post(&app, &text, &signature))
                    .await
                    .unwrap_or_else(|panic| Err(panic.to_string()))
            };
            outcome.attempts += 1;
            let (status, error, answer) = match answer {
                Ok(answer) => (Some(answer.status), None, Some(answer)),
                Err(error) => (None, Some(error), None),
            };
            outcome.status = status;
            outcome.delivered = status.is_some_and(|s| (200..300).contains(&s));
            app.log(json!({
                "kind": "webhook",
                "delivery": delivery,
                "attempt": attempt,
                "redelivery": round > 0,
                "events": events,
                "status": status,
                "answer_body": answer.as_ref().map(|a| a.body.as_str()),
                "answer_truncated": answer.as_ref().is_some_and(|a| a.truncated),
                "error": error,
                "latency_ms": u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                "headers": {
                    "Content-Type": "application/json",
                    "X-Hub-Signature-256": signature,
                    "X-Hub-Signature": msgrkit::signature::sign_sha1(app.config.app_secret.as_bytes(), text.as_bytes()),
                    msgrkit::webhook::HEADER_API_VERSION: app.config.graph_version,
                },
                "signature": signature,
                "body": text,
            }));
            if outcome.delivered {
                break;
            }
            if attempt < app.config.max_attempts {
                let wait = app.config.retry_delay * 2u32.saturating_pow(attempt - 1);
                tokio::time::sleep(wait).await;
            }
        }
        if !outcome.delivered {
            break;
        }
    }
    outcome
}

/// The verification handshake against the host's URL at start (retried while the host
/// is still starting).
pub(crate) async fn handshake(app: Arc<App>) {
    let challenge = format!("sandbox-{}", crate::state::real_now());
    let separator = if app.config.webhook.contains('?') {
        '&'
    } else {
        '?'
    };
    let url = format!(
        "{}{separator}hub.mode=subscribe&hub.verify_token={}&hub.challenge={challenge}",
        app.config.webhook,
        percent(&app.config.verify_token)
    );
    for _ in 0..40 {
        let (url, timeout) = (url.clone(), app.config.webhook_timeout);
        let answer = tokio::task::spawn_blocking(move || {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(timeout))
                .build()
                .into();
            let mut response = agent.get(url.as_str()).call().map_err(|e| e.to_string())?;
            let status = response.status().as_u16();
            let body = response.body_mut().read_to_string().unwrap_or_default();
            Ok::<_, String>((status, body))
        })
        .await
        .unwrap_or_else(|panic| Err(panic.to_string()));
        match answer {
            Ok((status, body)) => {
                app.log(json!({
                    "kind": "handshake",
                    "status": status,
                    "verified": status == 200 && body == challenge,
                }));
                return;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
        }
    }
    app.log(
        json!({"kind": "handshake", "status": null, "verified": false,
                   "error": "the webhook URL did not answer"}),
    );
}

/// A query value percent-encoded (unreserved characters kept).
fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
