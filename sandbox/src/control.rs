//! The control API under `/sandbox/api/`: what the page does, for a host's own tests to
//! drive without a browser. Each customer action answers once the webhook it caused was
//! delivered (or given up on), with the host's status and the attempts it took.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::state::ThreadItem;
use crate::{App, graph_send, webhook_bodies, webhooks};

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/state", get(snapshot))
        .route("/stream", get(stream))
        .route("/log", get(log))
        .route("/export", get(crate::export::export))
        .route("/clock", post(clock))
        .route("/token", post(token))
        .route("/rate_limit", post(rate_limit))
        .route("/customers/{psid}/thread", get(thread))
        .route("/customers/{psid}/{action}", post(act))
}

async fn snapshot(State(app): State<Arc<App>>) -> Json<Value> {
    let mut snapshot = app.state().snapshot();
    snapshot["graph_version"] = json!(app.config.graph_version);
    snapshot["webhook"] = json!(app.config.webhook);
    Json(snapshot)
}

/// Server-Sent Events: every change as `{"type", "data"}`.
async fn stream(
    State(app): State<Arc<App>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let changes = BroadcastStream::new(app.changes.subscribe())
        .filter_map(|change| change.ok())
        .map(|text| Ok(Event::default().data(text)));
    Sse::new(changes).keep_alive(KeepAlive::default())
}

async fn log(State(app): State<Arc<App>>) -> Json<Value> {
    Json(json!(app.state().log))
}

async fn thread(State(app): State<Arc<App>>, Path(psid): Path<String>) -> Response {
    match app.state().customers.get(&psid) {
        Some(customer) => Json(json!(customer.thread)).into_response(),
        None => no_customer(&psid),
    }
}

fn no_customer(psid: &str) -> Response {
    let body = json!({"error": format!("no customer {psid} in the sandbox")});
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

/// How far one `clock` call may move the simulated time (ten years).
const CLOCK_ADVANCE_MAX_HOURS: f64 = 24.0 * 366.0 * 10.0;

fn bad(detail: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": detail}))).into_response()
}

/// `{"advance_hours": N}`: moves the simulated clock (the window closes in seconds).
async fn clock(State(app): State<Arc<App>>, Json(body): Json<Value>) -> Response {
    // A decade either way at most: past that the simulated epoch would overflow.
    let Some(hours) = body["advance_hours"]
        .as_f64()
        .filter(|h| h.abs() <= CLOCK_ADVANCE_MAX_HOURS)
    else {
        return bad(&format!(
            "expected {{\"advance_hours\": N}}, N at most {CLOCK_ADVANCE_MAX_HOURS} either way"
        ));
    };
    #[allow(clippy::cast_possible_truncation)]
    let millis = (hours * 3_600_000.0) as i64;
    let mut state = app.state();
    state.clock_offset_ms += millis;
    let clock = json!({"now": state.now(), "clock_offset_ms": state.clock_offset_ms});
    drop(state);
    app.log(json!({"kind": "clock", "advance_hours": hours}));
    app.announce("clock", &clock);
    Json(clock).into_response()
}

/// `{"revoked": true}`: the Page token was revoked (sends get 190/460).
async fn token(State(app): State<Arc<App>>, Json(body): Json<Value>) -> Json<Value> {
    let revoked = body["revoked"].as_bool().unwrap_or(true);
    app.state().token_revoked = revoked;
    app.log(json!({"kind": "token", "revoked": revoked}));
    Json(json!({"revoked": revoked}))
}

/// The next send is rate limited (613).
async fn rate_limit(State(app): State<Arc<App>>) -> Json<Value> {
    app.state().rate_limit_next = true;
    app.log(json!({"kind": "rate_limit"}));
    Json(json!({"rate_limit_next": true}))
}

/// A customer's action: `text`, `attachment`, `quick_reply`, `postback`, `get_started`,
/// `reaction`, `referral`, `optin`, `read`, or `batch` (several texts in one POST). The
/// body may ask for `"delivery": "duplicate"` (a redelivery after the first) or
/// `"standby"` (delivered under `standby`).
async fn act(
    State(app): State<Arc<App>>,
    Path((psid, action)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let body: Value = if body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        match serde_json::from_slice(&body) {
            Ok(body @ Value::Object(_)) => body,
            _ => return bad("the body must be a JSON object"),
        }
    };
    if let Err(detail) = check_action(&action, &body) {
        return bad(&detail);
    }
    let (items, kinds, now, positions) = match record(&app, &psid, &action, &body) {
        Ok(recorded) => recorded,
        Err(refused) => return *refused,
    };
    if action == "read" {
        graph_send::set_status(&app, &psid, |i| i.timestamp <= now, "read");
    }
    let standby = body["delivery"] == "standby";
    let duplicate = body["delivery"] == "duplicate";
    let notification = webhook_bodies::notification(now, items, standby);
    let delivered =
        webhooks::deliver(Arc::clone(&app), notification.clone(), kinds, duplicate).await;
    graph_send::set_delivery(&app, &psid, &positions, json!(delivered));
    Json(json!({"delivery": delivered, "body": notification})).into_response()
}

/// What each action needs, so that the sandbox never delivers a webhook Meta could not
/// send (a message holding only a `mid`).
fn check_action(action: &str, body: &Value) -> Result<(), String> {
    let text = |v: &Value| v["text"].as_str().is_some_and(|t| !t.trim().is_empty());
    let needs = |ok: bool, what: &str| {
        if ok {
            Ok(())
        } else {
            Err(format!("`{action}` needs {what}"))
        }
    };
    match action {
        "text" => needs(text(body), "a non-empty `text`"),
        "batch" => needs(
            body["texts"]
                .as_array()
                .is_some_and(|all| !all.is_empty() && all.iter().all(text)),
            "`texts`: a non-empty list of {\"text\"}",
        ),
        "attachment" => needs(
            matches!(
                body["attachment"].as_str(),
                Some("image" | "file" | "location" | "sticker")
            ),
            "`attachment`: image, file, location or sticker",
        ),
        "quick_reply" => needs(
            body["payload"].is_string() || text(body),
            "a `payload` or `text` string",
        ),
        "postback" => needs(body["payload"].is_string(), "a `payload` string"),
        "referral" | "optin" => needs(body["ref"].is_string(), "a `ref` string"),
        _ => Ok(()),
    }
}

/// What an action put in the thread: its messaging items, their kinds, the time, and
/// where its messages are in the thread.
type Recorded = (Vec<Value>, Vec<String>, i64, Vec<usize>);

/// The action in the customer's thread.
fn record(app: &App, psid: &str, action: &str, body: &Value) -> Result<Recorded, Box<Response>> {
    let mut state = app.state();
    let now = state.now();
    let Some(customer) = state.customers.get(psid) else {
        return Err(Box::new(no_customer(psid)));
    };
    let last_page_mid = customer
        .thread
        .iter()
        .rev()
        .find(|i| i.from == "page" && !i.mid.is_empty())
        .map(|i| i.mid.clone());
    let texts: Vec<Value> = match action {
        "batch" => body["texts"].as_array().cloned().unwrap_or_default(),
        _ => vec![body.clone()],
    };
    let mut items = Vec::new();
    let mut kinds = Vec::new();
    let mut shown = Vec::new();
    let mut positions = Vec::new();
    for one in &texts {
        let (key, payload, kind) = match action {
            "text" | "batch" | "attachment" => {
                let mid = state.id("m_customer_");
                let payload = webhook_bodies::message_payload(&mid, one);
                ("message", payload, "message")
            }
            "quick_reply" => {
                let mid = state.id("m_customer_");
                let text = one["text"].as_str().unwrap_or_default();
                let action = json!({"text": text, "quick_reply": one["payload"]});
                (
                    "message",
                    webhook_bodies::message_payload(&mid, &action),
                    "quick_reply",
                )
            }
            "postback" | "get_started" => {
                let mid = state.id("m_postback_");
                let (title, payload) = if action == "get_started" {
                    let payload = state.profile["get_started"]["payload"].clone();
                    (json!("Get Started"), payload)
                } else {
                    (one["title"].clone(), one["payload"].clone())
                };
                let mut postback = json!({"mid": mid, "title": title, "payload": payload});
                if let Some(reference) = one["ref"].as_str() {
                    postback["referral"] =
                        json!({"ref": reference, "source": "SHORTLINK", "type": "OPEN_THREAD"});
                }
                ("postback", postback, "postback")
            }
            "reaction" => {
                let mid = one["mid"]
                    .as_str()
                    .map(str::to_owned)
                    .or_else(|| last_page_mid.clone());
                let emoji = one["emoji"].as_str().unwrap_or("\u{2764}");
                let reaction =
                    json!({"mid": mid, "action": "react", "reaction": "love", "emoji": emoji});
                ("reaction", reaction, "reaction")
            }
            "referral" => {
                let reference = one["ref"].clone();
                (
                    "referral",
                    json!({"ref": reference, "source": "SHORTLINK", "type": "OPEN_THREAD"}),
                    "referral",
                )
            }
            "optin" => ("optin", json!({"ref": one["ref"]}), "optin"),
            "read" => ("read", json!({"watermark": now}), "read"),
            other => return Err(Box::new(bad(&format!("unknown action `{other}`")))),
        };
        items.push(webhook_bodies::from_customer(
            psid,
            now,
            key,
            payload.clone(),
        ));
        kinds.push(kind.to_owned());
        if kind != "read" {
            let customer = state.customers.get_mut(psid).expect("checked above");
            customer.last_user_activity = Some(now);
            let item = ThreadItem {
                from: "customer",
                mid: payload["mid"]
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_default(),
                timestamp: now,
                body: json!({"action": kind, "input": one, key: payload}),
                status: "sent",
                error: None,
                persona: None,
                reaction: None,
                delivery: None,
            };
            if kind == "reaction" {
                let target = payload["mid"].as_str().unwrap_or_default().to_owned();
                if let Some(liked) = customer.thread.iter_mut().find(|i| i.mid == target) {
                    liked.reaction = Some(payload["emoji"].as_str().unwrap_or_default().to_owned());
                }
            }
            positions.push(customer.thread.len());
            customer.thread.push(item.clone());
            shown.push(item);
        }
    }
    drop(state);
    for item in &shown {
        app.announce("message", &json!({"psid": psid, "item": item}));
    }
    Ok((items, kinds, now, positions))
}
