//! `POST /{version}/{page}/messages`, judged as Meta judges it: the token, the recipient,
//! the payload (the core's validator, on the simulated date) and the messaging window (the
//! core's policy, against the thread's real last activity). A valid send is recorded in
//! the thread and followed by its echo and delivery webhooks, as on Messenger.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use msgrkit::limits::Date;
use serde_json::{Value, json};

use crate::answers::{MetaError, ok};
use crate::send_body::{form_request, send_body};
use crate::state::{APP_ID, ThreadItem};
use crate::{App, multipart, webhook_bodies, webhooks};

/// The token of a Graph request: `Authorization: Bearer` or `access_token`.
pub(crate) fn token(
    headers: &HeaderMap,
    query: &std::collections::HashMap<String, String>,
) -> Option<String> {
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    bearer
        .or_else(|| query.get("access_token").cloned())
        .filter(|t| !t.trim().is_empty())
}

/// Meta's answer to a request without a usable token, with a token that is not the Page's
/// (`Config::page_token`), or from a revoked one.
pub(crate) fn authorise(app: &App, token: Option<&str>) -> Result<(), MetaError> {
    let Some(token) = token else {
        return Err(MetaError::new(
            190,
            None,
            "An active access token must be used to query information about the current user.",
        ));
    };
    if token != app.config.page_token {
        return Err(MetaError::new(
            190,
            None,
            "Invalid OAuth access token - Cannot parse access token",
        ));
    }
    if app.state().token_revoked {
        return Err(MetaError::new(
            190,
            Some(460),
            "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
        ));
    }
    Ok(())
}

pub(crate) async fn messages(
    State(app): State<Arc<App>>,
    Path((version, node)): Path<(String, String)>,
    Query(query): Query<std::collections::HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let request = if multipart::is_form(&content_type) {
        match multipart::read(&content_type, body).await {
            Ok(form) => form_request(&app, form),
            Err(why) => {
                let detail = format!("(#100) The multipart body could not be read: {why}");
                return MetaError::new(100, None, detail).into_response();
            }
        }
    } else {
        send_body(&headers, &body)
    };
    let judged = judge(&app, &headers, &query, &request);
    let (status, answer) = match &judged {
        Ok(answer) => (200, answer.clone()),
        Err(error) => (error.status().as_u16(), error.envelope()),
    };
    app.log(json!({
        "kind": "graph",
        "method": "POST",
        "path": format!("/{version}/{node}/messages"),
        "request": request,
        "status": status,
        "answer": answer,
    }));
    match judged {
        Ok(answer) => {
            if let Some(mid) = answer["message_id"].as_str() {
                tokio::spawn(after_send(Arc::clone(&app), request, mid.to_owned()));
            }
            ok(answer)
        }
        Err(error) => error.into_response(),
    }
}

/// Meta's verdict on one send: `{recipient_id, message_id}` (or `{recipient_id}` for a
/// sender action), or its error.
fn judge(
    app: &App,
    headers: &HeaderMap,
    query: &std::collections::HashMap<String, String>,
    request: &Value,
) -> Result<Value, MetaError> {
    authorise(app, token(headers, query).as_deref())?;
    {
        let mut state = app.state();
        if std::mem::take(&mut state.rate_limit_next) {
            return Err(MetaError::new(
                613,
                None,
                "(#613) Calls to this api have exceeded the rate limit.",
            ));
        }
    }
    if !request.is_object() {
        return Err(MetaError::new(
            100,
            None,
            "(#100) The request body must be a JSON object",
        ));
    }
    let psid = request["recipient"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (now, last_activity) = {
        let state = app.state();
        let customer = state
            .customers
            .get(&psid)
            .ok_or_else(|| MetaError::new(100, Some(2_018_001), "(#100) No matching user found"))?;
        (state.now(), customer.last_user_activity)
    };
    let as_of = Date::from_millis(now).to_string();
    let violations = msgrkit::api::validate_value(request, json!({"as_of": as_of}))
        .map_err(|e| MetaError::new(100, None, format!("(#100) {e}")))?;
    if let Some(action) = request["sender_action"].as_str() {
        // A sender action is judged too (`"dance"` is 100), and never kept in the thread.
        if let Some(first) = violations.first() {
            return Err(MetaError::invalid_parameter(&first.field, &first.detail));
        }
        let mut state = app.state();
        state.typing.insert(psid.clone(), action == "typing_on");
        let typing = json!(state.typing);
        drop(state);
        app.announce("typing", &typing);
        return Ok(json!({"recipient_id": psid}));
    }
    if let Some(first) = violations.first() {
        let refused = if first.code.as_str() == "retired" {
            MetaError::new(
                100,
                Some(1_893_061),
                format!("(#100) {}: {}", first.field, first.detail),
            )
        } else {
            MetaError::invalid_parameter(&first.field, &first.detail)
        };
        record_refusal(app, &psid, request, &refused);
        return Err(refused);
    }
    if let Err(refused) = window(request, last_activity, now) {
        record_refusal(app, &psid, request, &refused);
        return Err(refused);
    }
    let mut state = app.state();
    let mid = state.id("m_sandbox_");
    let persona = request["persona_id"]
        .as_str()
        .and_then(|id| state.personas.get(id))
        .and_then(|p| p["name"].as_str())
        .map(str::to_owned);
    let item = ThreadItem {
        from: "page",
        mid: mid.clone(),
        timestamp: now,
        body: request.clone(),
        status: "sent",
        error: None,
        persona,
        reaction: None,
        delivery: None,
    };
    if let Some(customer) = state.customers.get_mut(&psid) {
        customer.thread.push(item.clone());
    }
    state.typing.insert(psid.clone(), false);
    drop(state);
    app.announce("message", &json!({"psid": psid, "item": item}));
    Ok(json!({"recipient_id": psid, "message_id": mid}))
}

/// The messaging window, as the core's policy decides it for this send.
fn window(request: &Value, last_activity: Option<i64>, now: i64) -> Result<(), MetaError> {
    let intent = match request["messaging_type"].as_str() {
        Some("RESPONSE") => json!("reply"),
        Some("UPDATE") => json!("update"),
        Some("MESSAGE_TAG") => json!({"tag": request["tag"]}),
        // Utility and marketing messages have rules of their own, not the window's.
        _ => return Ok(()),
    };
    let author = if request["tag"] == "HUMAN_AGENT" {
        "human"
    } else {
        "bot"
    };
    let outside = || {
        MetaError::new(
            10,
            Some(2_018_278),
            "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
        )
    };
    let Some(last) = last_activity else {
        return Err(outside());
    };
    let input = json!({"last_user_activity": last, "now": now, "intent": intent, "author": author});
    match msgrkit::api::decide_policy_value(input) {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(refusal)) => Err(match refusal.code.as_str() {
            "tag_retired" => {
                MetaError::new(100, Some(1_893_061), format!("(#100) {}", refusal.detail))
            }
            "tag_unknown" | "tag_not_allowed_for_author" | "tag_not_allowed_on_platform" => {
                MetaError::invalid_parameter("tag", &refusal.detail)
            }
            _ => outside(),
        }),
        Err(error) => Err(MetaError::new(100, None, format!("(#100) {error}"))),
    }
}

/// A refused send stays in the thread, with Meta's error, as the page shows it.
fn record_refusal(app: &App, psid: &str, request: &Value, refused: &MetaError) {
    let mut state = app.state();
    let now = state.now();
    let item = ThreadItem {
        from: "page",
        mid: String::new(),
        timestamp: now,
        body: request.clone(),
        status: "refused",
        error: Some(refused.envelope()),
        persona: None,
        reaction: None,
        delivery: None,
    };
    if let Some(customer) = state.customers.get_mut(psid) {
        customer.thread.push(item.clone());
    }
    drop(state);
    app.announce("message", &json!({"psid": psid, "item": item}));
}

/// What Messenger sends after a send: the echo, then the delivery.
async fn after_send(app: Arc<App>, request: Value, mid: String) {
    let psid = request["recipient"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let now = app.state().now();
    let mut echo = webhook_bodies::echo(&psid, now, &mid, &request["message"], APP_ID);
    if let Some(metadata) = request["message"]["metadata"].as_str() {
        echo["message"]["metadata"] = json!(metadata);
    }
    let body = webhook_bodies::notification(now, vec![echo], false);
    webhooks::deliver(Arc::clone(&app), body, vec!["echo".to_owned()], false).await;
    let delivery = webhook_bodies::from_customer(
        &psid,
        now,
        "delivery",
        json!({"mids": [mid], "watermark": now}),
    );
    let body = webhook_bodies::notification(now, vec![delivery], false);
    webhooks::deliver(Arc::clone(&app), body, vec!["delivery".to_owned()], false).await;
    set_status(&app, &psid, |item| item.mid == mid, "delivered");
}

/// Marks the Page's messages that `covered` selects with `status` and tells the page.
pub(crate) fn set_status(
    app: &App,
    psid: &str,
    covered: impl Fn(&ThreadItem) -> bool,
    status: &'static str,
) {
    let mut state = app.state();
    let Some(customer) = state.customers.get_mut(psid) else {
        return;
    };
    for item in &mut customer.thread {
        if item.from == "page" && item.status != "refused" && covered(item) {
            item.status = status;
        }
    }
    let thread = json!(customer.thread);
    drop(state);
    app.announce("thread", &json!({"psid": psid, "thread": thread}));
}

/// Marks the customer's messages at `positions` with what became of their webhook.
pub(crate) fn set_delivery(app: &App, psid: &str, positions: &[usize], delivery: Value) {
    let mut state = app.state();
    let Some(customer) = state.customers.get_mut(psid) else {
        return;
    };
    for &at in positions {
        if let Some(item) = customer.thread.get_mut(at) {
            item.delivery = Some(delivery.clone());
        }
    }
    let thread = json!(customer.thread);
    drop(state);
    app.announce("thread", &json!({"psid": psid, "thread": thread}));
}
