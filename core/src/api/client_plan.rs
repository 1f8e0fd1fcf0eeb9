//! The client without its transport: a host's own HTTP loop (Python's asyncio, Node's
//! `fetch`) asks the core what to send and what it meant. `client_plan` turns a Send API
//! request (validated as `Client.send` validates it) or a Graph call into the request, the
//! send engine's enqueue facts (account, thread, budget) and the engine configuration of
//! the client's settings; `client_finish` turns the engine's `done` into what `Client.send`
//! or `Client.call` answers, or its error.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client_config::ClientConfig;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{self, GraphError, GraphRequest, SendResponse, Usage};
use crate::limits::{SendKind, epoch_or_instant};
use crate::send_engine::EngineConfig;

/// The input of [`client_plan`]: the client's settings, what to do, and now.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClientPlanInput {
    /// The client's settings, as `Client` takes them.
    pub config: ClientConfig,
    /// A Send API request to send (exclusive with `call`).
    #[serde(default)]
    pub send: Option<Value>,
    /// A Graph builder's name to run (exclusive with `send`).
    #[serde(default)]
    pub call: Option<String>,
    /// The builder's arguments.
    #[serde(default)]
    pub args: Option<Value>,
    /// Now: epoch milliseconds or an RFC 3339 instant (the deadline counts from it).
    #[serde(deserialize_with = "epoch_or_instant")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::date::Instant"))]
    pub now: i64,
}

/// What [`client_plan`] answers: the request and how the engine holds it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClientPlan {
    /// The request to send.
    pub request: GraphRequest,
    /// The account whose budgets it spends (the configured Page, `me` by default).
    pub account: String,
    /// The thread whose order it keeps: the recipient of a send.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread: Option<String>,
    /// Its budget.
    pub kind: SendKind,
    /// The send engine's configuration from the client's settings.
    pub engine: EngineConfig,
    /// How long one attempt may take, in milliseconds.
    pub timeout_ms: u64,
    /// No retry starts after this (epoch milliseconds): now plus the client's time budget.
    pub deadline: i64,
}

/// The request of a send or a call, with the engine facts and settings.
///
/// # Errors
///
/// `invalid_input` (field `send`) when both or neither of `send` and `call` are given;
/// as `Client.send` (`validation_failed` before anything is sent) or `Client.call`.
pub fn client_plan(input: ClientPlanInput) -> Result<ClientPlan> {
    let graph = input.config.graph_config().graph()?;
    let policy = input.config.policy();
    let (request, thread, kind) = match (input.send, input.call) {
        (Some(send), None) => {
            let thread = recipient(&send);
            let kind = send_kind(&send);
            (checked_send(&graph, send)?, thread, kind)
        }
        (None, Some(call)) => {
            let args = input.args.unwrap_or(Value::Object(Default::default()));
            let kind = if call.starts_with("conversation") {
                SendKind::Conversations
            } else {
                SendKind::Text
            };
            (graph::request_from_json(&graph, &call, &args)?, None, kind)
        }
        _ => {
            let detail =
                "give a Send API request (`send`) or a Graph call (`call`), not both".into();
            return Err(Error::at(ErrorKind::InvalidInput { detail }, "send"));
        }
    };
    let engine = EngineConfig {
        max_attempts: policy.max_attempts,
        base_delay_ms: millis(policy.base_delay),
        max_delay_ms: millis(policy.max_delay),
        retry_unknown_outcome: policy.retry_unknown_outcome,
        // Jitter differs between clients; a test fixes the engine's seed itself.
        seed: input.now.unsigned_abs(),
        // Each caller awaits its own send: a dead token fails the waiting ones at once.
        fail_when_stopped: true,
        ..EngineConfig::default()
    };
    Ok(ClientPlan {
        request,
        account: graph.page().to_owned(),
        thread,
        kind,
        engine,
        timeout_ms: millis(policy.timeout),
        deadline: input
            .now
            .saturating_add(i64::try_from(millis(policy.budget)).unwrap_or(i64::MAX)),
    })
}

/// [`client_plan`] for a binding that keeps a client's configuration (as the core read it):
/// a send of the request `payload_json` when `call` is empty, else the builder `call` with
/// `payload_json` as its arguments (empty for none).
///
/// # Errors
///
/// As [`client_plan`]; `invalid_json` (field `request`); `invalid_input` at a
/// configuration key that is no setting.
pub fn client_plan_with(
    config: Value,
    call: &str,
    payload_json: &str,
    now: i64,
) -> Result<ClientPlan> {
    let config: ClientConfig = crate::typed_input::from_value(config, "config")?;
    let payload = if payload_json.trim().is_empty() {
        Value::Null
    } else {
        super::read(payload_json, "request")?
    };
    let (send, call, args) = if call.is_empty() {
        (Some(payload), None, None)
    } else {
        (
            None,
            Some(call.to_owned()),
            Some(payload).filter(|args| !args.is_null()),
        )
    };
    client_plan(ClientPlanInput {
        config,
        send,
        call,
        args,
        now,
    })
}

fn millis(duration: std::time::Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// A send's thread: whom it goes to.
fn recipient(send: &Value) -> Option<String> {
    let to = &send["recipient"];
    [
        "id",
        "user_ref",
        "comment_id",
        "post_id",
        "notification_messages_token",
    ]
    .iter()
    .find_map(|key| to[*key].as_str().map(|id| format!("{key}:{id}")))
}

/// Audio and video spend their own budget; private replies theirs.
fn send_kind(send: &Value) -> SendKind {
    let to = &send["recipient"];
    if to.get("comment_id").is_some() || to.get("post_id").is_some() {
        return SendKind::PrivateReply;
    }
    match send["message"]["attachment"]["type"].as_str() {
        Some("audio" | "video") => SendKind::Media,
        _ => SendKind::Text,
    }
}

/// The input of [`client_finish`]: which operation, and the engine's `done` for it.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClientFinishInput {
    /// `send` or `call`.
    pub operation: ClientOperation,
    /// The engine's `done` action.
    pub done: FinishedSend,
}

/// Which client operation a send was.
#[derive(Clone, Copy, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClientOperation {
    /// A Send API request.
    Send,
    /// A Graph call.
    Call,
}

/// The engine's `done` action, read back.
#[derive(Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FinishedSend {
    /// `done`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The send.
    pub id: String,
    /// Requests made.
    pub attempts: u32,
    /// The accepted answer's body.
    #[serde(default)]
    pub ok: Option<Value>,
    /// The accepted answer's usage.
    #[serde(default)]
    pub usage: Option<Usage>,
    /// The error it failed with.
    #[serde(default)]
    pub error: Option<GraphError>,
    /// Cancelled by the host.
    #[serde(default)]
    pub cancelled: bool,
}

/// What a finished send answers: `Client.send`'s or `Client.call`'s result.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ClientResult {
    /// `Client.send`: the send answer and the requests made.
    Sent {
        /// The send answer.
        #[serde(flatten)]
        sent: SendResponse,
        /// Requests made.
        attempts: u32,
    },
    /// `Client.call`: the answer's body, the requests made and the usage headers.
    Called {
        /// The body.
        body: Value,
        /// Requests made.
        attempts: u32,
        /// The usage headers, read.
        usage: Usage,
    },
}

/// `Client.send`'s or `Client.call`'s answer from the engine's `done`.
///
/// # Errors
///
/// The Graph error the send failed with (its attempts counted); a 2xx that is no send
/// answer as `graph_unknown` (as `Client.send`); `invalid_input` (field `done`) for a
/// cancelled send or a `done` without an answer.
pub fn client_finish(input: ClientFinishInput) -> Result<ClientResult> {
    let done = input.done;
    if let Some(error) = done.error {
        return Err(graph::graph_error_of(error));
    }
    let Some(body) = done.ok.filter(|_| !done.cancelled) else {
        let detail = "a cancelled send, or no answer: nothing to finish".into();
        return Err(Error::at(ErrorKind::InvalidInput { detail }, "done"));
    };
    match input.operation {
        ClientOperation::Call => Ok(ClientResult::Called {
            body,
            attempts: done.attempts,
            usage: done.usage.unwrap_or_default(),
        }),
        ClientOperation::Send => {
            let sent = send_answer(&body, done.attempts)?;
            Ok(ClientResult::Sent {
                sent,
                attempts: done.attempts,
            })
        }
    }
}

/// A Send API request judged before anything is sent, as `msgrkit send` judges it (Meta's
/// error 100 is never the first a host hears of an invalid payload), then built.
///
/// # Errors
///
/// `validation_failed` with every violation (today's profile for the configuration's
/// product); `invalid_json` (field `request`) for what is no Send API request.
pub(super) fn checked_send(graph: &graph::Graph, value: Value) -> Result<GraphRequest> {
    let product = match graph.login() {
        graph::Login::Instagram => crate::limits::Product::Instagram,
        _ => crate::limits::Product::Messenger,
    };
    let profile = crate::limits::Platform::latest().for_product(product);
    let violations = crate::limits::validate_json(&value, &profile);
    if !violations.is_empty() {
        return Err(Error::new(ErrorKind::ValidationFailed { violations }));
    }
    let request: crate::send::SendRequest = serde_json::from_value(value).map_err(|e| {
        Error::at(
            ErrorKind::InvalidJson {
                detail: e.to_string(),
            },
            "request",
        )
    })?;
    Ok(graph.send(&request))
}

/// An accepted answer read as a send answer; one without `recipient_id` or `message_id`
/// was delivered all the same and fails as `graph_unknown` (as `Client::send`).
fn send_answer(body: &Value, attempts: u32) -> Result<SendResponse> {
    let read = serde_json::from_value::<SendResponse>(body.clone())
        .map_err(|e| e.to_string())
        .and_then(|sent| match (&sent.recipient_id, &sent.message_id) {
            (None, None) => Err("neither recipient_id nor message_id".to_owned()),
            _ => Ok(sent),
        });
    read.map_err(|why| {
        let mut error = graph::unreadable_answer(200, body, &why);
        error.attempts = attempts;
        graph::graph_error_of(error)
    })
}
