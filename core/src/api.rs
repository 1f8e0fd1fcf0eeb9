//! The JSON-text surface every binding wraps: text in, the core's serde form out as text.
//!
//! One function per binding function, with the same name in every language. Bindings only
//! move bytes and map the error; every parse, default and rule is here.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::error::{Error, ErrorKind, Result};
use crate::graph::{self, RawResponse};
use crate::limits::{self, Date, Platform, Product};
use crate::policy::{self, PolicyInput};
use crate::signature::{self, VerifyOptions};
use crate::{compose, dialect, webhook};

fn to_text(value: &impl Serialize) -> String {
    // The core's types serialise without fail (string keys, finite numbers).
    serde_json::to_string(value).expect("core values serialise")
}

fn read<T: DeserializeOwned>(text: &str, field: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| {
        Error::at(
            ErrorKind::InvalidJson {
                detail: e.to_string(),
            },
            field,
        )
    })
}

/// Reads `text` as JSON; an empty string means `{}` (no options).
fn value_or_empty(text: &str, field: &str) -> Result<Value> {
    if text.trim().is_empty() {
        Ok(json!({}))
    } else {
        read(text, field)
    }
}

/// Verifies `header` over `body`; returns the algorithm used (`"sha256"` or `"sha1"`).
///
/// # Errors
///
/// The signature codes (`signature_mismatch`, `app_secret_empty`, ...).
pub fn verify_signature(
    app_secret: &[u8],
    body: &[u8],
    header: &str,
    allow_sha1: bool,
) -> Result<&'static str> {
    let options = if allow_sha1 {
        VerifyOptions::allowing_sha1()
    } else {
        VerifyOptions::default()
    };
    signature::verify_with(app_secret, body, header, options).map(signature::Algorithm::name)
}

/// The verification handshake for a raw query string (or URL): `{"status", "body", "reason"?}`.
pub fn verify_handshake(query: &str, verify_token: &str) -> String {
    to_text(&webhook::handshake_query(query, verify_token))
}

/// Parses a webhook body into `{"object", "events", "errors"}`.
///
/// # Errors
///
/// `invalid_utf8`, `invalid_json`, `invalid_envelope`.
pub fn parse_webhook(body: &[u8]) -> Result<String> {
    webhook::parse(body).map(|notification| to_text(&notification))
}

/// Transcodes a message in `dialect` (`neutral`, `smooch`, `sinch`, `linktor`) with compose
/// options (empty for the defaults): `{"messages", "options", "warnings"}`.
///
/// # Errors
///
/// `invalid_input` (field `dialect`) for an unknown dialect, `invalid_json`, and the
/// transcoder's own errors.
pub fn transcode(dialect_name: &str, message_json: &str, options_json: &str) -> Result<String> {
    let dialect = dialect::Dialect::from_name(dialect_name).ok_or_else(|| {
        Error::at(
            ErrorKind::InvalidInput {
                detail: format!("unknown dialect `{dialect_name}`"),
            },
            "dialect",
        )
    })?;
    let options: compose::ComposeOptions =
        serde_json::from_value(value_or_empty(options_json, "options")?).map_err(|e| {
            Error::at(
                ErrorKind::InvalidInput {
                    detail: e.to_string(),
                },
                "options",
            )
        })?;
    dialect::transcode_str(dialect, message_json, &options).map(|t| to_text(&t))
}

/// The profile named by `{"as_of"?: "YYYY-MM-DD", "platform"?: "messenger"|"instagram"}`.
fn platform_of(options: &Value) -> Result<Platform> {
    let platform = match options.get("as_of").and_then(Value::as_str) {
        Some(date) => Platform::as_of(
            date.parse::<Date>()
                .map_err(|e| Error::at(e.kind().clone(), "options.as_of"))?,
        ),
        None => Platform::latest(),
    };
    let product: Product = match options.get("platform") {
        Some(value) => serde_json::from_value(value.clone()).map_err(|e| {
            Error::at(
                ErrorKind::InvalidInput {
                    detail: e.to_string(),
                },
                "options.platform",
            )
        })?,
        None => Product::default(),
    };
    Ok(platform.for_product(product))
}

/// Validates a Send API request, a bare message or a Messenger Profile body:
/// `{"violations": [...]}` (empty when valid), as `msgrkit validate` prints it. Options:
/// `{"as_of"?, "platform"?}`.
///
/// # Errors
///
/// `invalid_json` when either text is not JSON; bad options.
pub fn validate(request_json: &str, options_json: &str) -> Result<String> {
    let body: Value = read(request_json, "request")?;
    let platform = platform_of(&value_or_empty(options_json, "options")?)?;
    Ok(to_text(
        &json!({ "violations": limits::validate_json(&body, &platform) }),
    ))
}

/// Decides `messaging_type` and `tag` for a policy input (the vectors' form):
/// `{"messaging_type", "tag"}` or `{"refusal": {...}}`.
///
/// # Errors
///
/// `invalid_json` when the input is not a policy input.
pub fn decide_policy(input_json: &str) -> Result<String> {
    let input: PolicyInput = read(input_json, "input")?;
    Ok(match policy::decide(&input) {
        Ok(decision) => to_text(&decision),
        Err(refusal) => to_text(&json!({ "refusal": refusal })),
    })
}

/// A Graph request as JSON (`{"method", "url", "headers", "body"}`) from a configuration
/// (`{"token", "app_secret"?, "version"?, "base_url"?, "page_id"?}`), a builder name and its
/// arguments.
///
/// # Errors
///
/// As [`graph::request_from_json`].
pub fn graph_request(config_json: &str, call: &str, args_json: &str) -> Result<String> {
    let graph = graph::graph_from_json(&read(config_json, "config")?)?;
    let request = graph::request_from_json(&graph, call, &value_or_empty(args_json, "args")?)?;
    Ok(to_text(&request))
}

/// A Graph answer classified: `{"ok": body}` or `{"error": {"code", "retryable", "graph"}}`.
/// `headers_json` is `[[name, value], ...]` (empty for none).
///
/// # Errors
///
/// `invalid_json` (field `headers`) for a bad header list.
pub fn graph_parse_response(status: u16, headers_json: &str, body: &[u8]) -> Result<String> {
    let headers: Vec<(String, String)> = if headers_json.trim().is_empty() {
        Vec::new()
    } else {
        read(headers_json, "headers")?
    };
    graph::response_to_json(&RawResponse::new(status, headers, body)).map(|v| to_text(&v))
}

/// A Graph connection with the blocking client, configured from JSON: the [`graph_request`]
/// configuration plus the retry policy (`max_attempts`, `budget_ms`, `timeout_ms`,
/// `retry_unknown_outcome`; each optional, the core's defaults otherwise).
#[cfg(feature = "blocking")]
pub struct Connection {
    graph: graph::Graph,
    client: crate::client::Client<crate::client::UreqTransport>,
}

#[cfg(feature = "blocking")]
impl Connection {
    /// A connection from its JSON configuration.
    ///
    /// # Errors
    ///
    /// `invalid_json`, `required` (field `token`), `invalid_input` for a mistyped setting.
    pub fn from_json(config_json: &str) -> Result<Self> {
        use std::time::Duration;
        let config: Value = read(config_json, "config")?;
        let graph = graph::graph_from_json(&config)?;
        let number = |key: &str| -> Result<Option<u64>> {
            match config.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(value) => value.as_u64().map(Some).ok_or_else(|| {
                    Error::at(
                        ErrorKind::InvalidInput {
                            detail: "expected a whole number".to_owned(),
                        },
                        key,
                    )
                }),
            }
        };
        let mut policy = crate::client::RetryPolicy::default();
        if let Some(attempts) = number("max_attempts")? {
            policy = policy.max_attempts(u32::try_from(attempts).unwrap_or(u32::MAX));
        }
        if let Some(ms) = number("budget_ms")? {
            policy = policy.budget(Duration::from_millis(ms));
        }
        if let Some(ms) = number("timeout_ms")? {
            policy = policy.timeout(Duration::from_millis(ms));
        }
        if let Some(yes) = config.get("retry_unknown_outcome") {
            let yes = yes.as_bool().ok_or_else(|| {
                Error::at(
                    ErrorKind::InvalidInput {
                        detail: "expected true or false".to_owned(),
                    },
                    "retry_unknown_outcome",
                )
            })?;
            policy = policy.retry_unknown_outcome(yes);
        }
        let client =
            crate::client::Client::new(crate::client::UreqTransport::new()).with_policy(policy);
        Ok(Self { graph, client })
    }

    /// Sends a Send API request (JSON): `{"recipient_id", "message_id", "attachment_id"?,
    /// "attempts"}`.
    ///
    /// # Errors
    ///
    /// `invalid_json` for a request that is not a Send API request; the Graph classes.
    pub fn send(&self, request_json: &str) -> Result<String> {
        let request: crate::send::SendRequest = read(request_json, "request")?;
        let (sent, attempts) = self.client.send(&self.graph.send(&request))?;
        let mut out = serde_json::to_value(sent).expect("send answers serialise");
        out["attempts"] = json!(attempts);
        Ok(to_text(&out))
    }

    /// Runs any builder by name (as [`graph_request`]): `{"body", "attempts", "usage"}`.
    ///
    /// # Errors
    ///
    /// As [`graph::request_from_json`]; the Graph classes.
    pub fn call(&self, call: &str, args_json: &str) -> Result<String> {
        let request =
            graph::request_from_json(&self.graph, call, &value_or_empty(args_json, "args")?)?;
        let reply = self.client.execute(&request)?;
        Ok(to_text(
            &json!({"body": reply.body, "attempts": reply.attempts, "usage": reply.usage}),
        ))
    }
}
