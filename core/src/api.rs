//! The JSON-text surface every binding wraps: text in, the core's serde form out as text.
//!
//! One function per binding function, with the same name in every language. Bindings only
//! move bytes and map the error; every parse, default and rule is here.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::error::{Error, ErrorKind, Result};
use crate::{compose, dialect, webhook};

mod cli_answers;
mod client_config;
mod client_plan;
#[cfg(feature = "blocking")]
mod connection;
mod emit_calls;
mod engine_calls;
pub mod failure;
mod graph_calls;
mod json_call;
mod link_calls;
pub mod options;
mod policy_calls;
mod record_calls;
mod send_calls;
mod send_pipeline;
mod signature_calls;
mod strict;
mod table;
pub use crate::nesting::nest;
pub use cli_answers::{DiagnoseReport, FailedLine, SentLine, TranscodedFor, ValidationReport};
pub use client_config::ClientConfig;
pub use client_plan::{
    ClientFinishInput, ClientOperation, ClientPlan, ClientPlanInput, ClientResult, FinishedSend,
    client_finish, client_plan, client_plan_with,
};
#[cfg(feature = "blocking")]
pub use connection::Connection;
pub use emit_calls::{emit, emit_outcome, verify_callback};
pub use engine_calls::{EngineStep, SendEngineAnswer, SendEngineInput, send_engine_step};
pub use graph_calls::{
    DiagnoseAnswer, DiagnoseInput, VersionStatusInput, graph_diagnose, graph_diagnose_requests,
    graph_parse_response, graph_parse_user_profile, graph_request, graph_request_with, graph_usage,
    graph_version_status,
};
pub use json_call::{JsonCall, call, typed_call};
pub use link_calls::{chat_link, parse_chat_link, qr_svg};
pub use policy_calls::{
    PolicyOutcome, PrivateReplyInput, Refusable, decide_policy, decide_policy_value,
    decide_private_reply, decide_private_reply_value,
};
pub use record_calls::record_delivery;
pub use send_calls::{normalize, validate, validate_value};
pub use send_pipeline::{
    PreparedSend, SendInput, prepare_send, prepare_send_input, prepare_send_value,
};
pub use signature_calls::{
    check_webhook_head, receive_webhook, sign, verify_signature, verify_signature_any,
    verify_signature_headers,
};
pub use table::{ENTRY_POINTS, EntryPoint, functions};

fn to_text(value: &impl Serialize) -> String {
    // The core's types serialise without fail (string keys, finite numbers).
    serde_json::to_string(value).expect("core values serialise")
}

fn read<T: DeserializeOwned>(text: &str, field: &str) -> Result<T> {
    strict::no_duplicate_keys(text).map_err(|e| json_error(text, &e, Some(field)))?;
    serde_json::from_str(text).map_err(|e| json_error(text, &e, Some(field)))
}

/// A failed read of `text`: `invalid_json`, or `nesting_too_deep` when that is why.
fn json_error(text: &str, err: &serde_json::Error, field: Option<&str>) -> Error {
    let kind = ErrorKind::InvalidJson {
        detail: err.to_string(),
    };
    let failed = match field {
        Some(field) => Error::at(kind, field),
        None => Error::new(kind),
    };
    crate::nesting::classify(text, failed)
}

/// Every code the core can emit, as [`crate::codes::catalogue`] lists them:
/// `[{"code", "kind", "category"?}]`. Hosts test their error mapping against it.
pub fn codes() -> String {
    to_text(&crate::codes::catalogue())
}

/// Reads JSON bytes as a value, as every entry point of this module does: `invalid_utf8`,
/// `invalid_json` (a key twice in one object included), or `nesting_too_deep` past `limits::JSON_NESTING_MAX`. For shells (the
/// CLI) that read a file before calling the core.
///
/// # Errors
///
/// As above.
pub fn read_json(bytes: &[u8]) -> Result<Value> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::InvalidUtf8 {
            offset: e.valid_up_to(),
        })
    })?;
    strict::no_duplicate_keys(text).map_err(|e| json_error(text, &e, None))?;
    serde_json::from_str(text).map_err(|e| json_error(text, &e, None))
}

/// Reads JSON text a host gave for the argument `field`: `invalid_json` (or
/// `nesting_too_deep`) at `field` when it is not.
///
/// # Errors
///
/// As above.
pub fn read_json_at(text: &str, field: &str) -> Result<Value> {
    read(text, field)
}

/// Reads `text` as JSON; an empty string means `{}` (no options).
fn value_or_empty(text: &str, field: &str) -> Result<Value> {
    if text.trim().is_empty() {
        Ok(json!({}))
    } else {
        read(text, field)
    }
}

/// The dialect by name (empty for the default, `neutral`) and the compose options (empty
/// text for the defaults).
/// The dialect and the compose options of a transcoding call. The dialect is named by the
/// argument (C, the CLI) or by `dialect` among the options (Python's keywords, Node's
/// options object), never both; neutral when neither names one.
fn dialect_and_options(
    dialect_name: &str,
    options_json: &str,
) -> Result<(dialect::Dialect, compose::ComposeOptions)> {
    let mut options = value_or_empty(options_json, "options")?;
    let named = match options
        .as_object_mut()
        .and_then(|map| map.remove("dialect"))
    {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => Some(name),
        Some(other) => {
            let detail = format!("a dialect's name, not {other}");
            return Err(Error::at(
                ErrorKind::InvalidInput { detail },
                "options.dialect",
            ));
        }
    };
    let name = match (dialect_name, named) {
        ("", None) => return Ok((dialect::Dialect::default(), compose_options_value(options)?)),
        ("", Some(name)) => name,
        (name, None) => name.to_owned(),
        (_, Some(_)) => {
            let detail = "the dialect is named twice: as an argument and in the options".to_owned();
            return Err(Error::at(ErrorKind::Conflict { detail }, "options.dialect"));
        }
    };
    let dialect = dialect::Dialect::from_name(&name).ok_or_else(|| {
        Error::at(
            ErrorKind::InvalidInput {
                detail: format!("unknown dialect `{name}`"),
            },
            "dialect",
        )
    })?;
    Ok((dialect, compose_options_value(options)?))
}

fn compose_options_value(options: Value) -> Result<compose::ComposeOptions> {
    serde_json::from_value(options).map_err(|e| {
        Error::at(
            ErrorKind::InvalidInput {
                detail: e.to_string(),
            },
            "options",
        )
    })
}

/// A header list `[[name, value], ...]`; empty text for none.
fn headers_of(headers_json: &str) -> Result<Vec<(String, String)>> {
    if headers_json.trim().is_empty() {
        Ok(Vec::new())
    } else {
        read(headers_json, "headers")
    }
}

/// The verification handshake for a raw query string (or URL). Bindings hand the host
/// the status and body (and the reason, for logs); its JSON form is
/// `{"status", "body", "reason"?}`.
pub fn verify_handshake(query: &str, verify_token: &str) -> webhook::HandshakeAnswer {
    webhook::handshake_query(query, verify_token)
}

/// Parses a webhook body into `{"object", "events", "errors"}`.
///
/// # Errors
///
/// `invalid_utf8`, `invalid_json`, `invalid_envelope`.
pub fn parse_webhook(body: &[u8]) -> Result<String> {
    webhook::parse(body).map(|notification| to_text(&notification))
}

/// As [`parse_webhook`], refusing a body over `max_body_bytes` (0 for the default,
/// `limits::WEBHOOK_BODY_MAX_DEFAULT`).
///
/// # Errors
///
/// As [`webhook::parse_with`]: also `body_too_large` and `nesting_too_deep`.
pub fn parse_webhook_with(body: &[u8], max_body_bytes: usize) -> Result<String> {
    let options = webhook::ParseOptions::default().max_body_bytes(max_body_bytes);
    webhook::parse_with(body, &options).map(|notification| to_text(&notification))
}

/// For each event of a delivery (in `parse_webhook`'s order): whether it is an echo of a
/// message `app_id` sent. A JSON array of booleans.
///
/// # Errors
///
/// As [`parse_webhook`].
pub fn events_own_echo(body: &[u8], app_id: &str) -> Result<String> {
    let events = webhook::parse(body)?.events;
    Ok(to_text(
        &events
            .iter()
            .map(|e| e.is_own_echo(app_id))
            .collect::<Vec<_>>(),
    ))
}

/// For each event of a delivery (in `parse_webhook`'s order): the `mid`s of `sent_json`
/// (`[{"mid", "timestamp"}]`, the messages sent to that thread) it marks delivered or
/// read. A JSON array of arrays.
///
/// # Errors
///
/// As [`parse_webhook`]; `invalid_json` (field `sent`).
pub fn events_covered(body: &[u8], sent_json: &str) -> Result<String> {
    let sent: Vec<webhook::SentMessage> = read(sent_json, "sent")?;
    let events = webhook::parse(body)?.events;
    Ok(to_text(
        &events.iter().map(|e| e.covered(&sent)).collect::<Vec<_>>(),
    ))
}

/// Transcodes a message in `dialect` (`neutral`, `smooch`, `sinch`, `linktor`; empty for
/// `neutral`) with compose options (empty for the defaults):
/// `{"messages", "options", "warnings"}`.
///
/// # Errors
///
/// `invalid_input` (field `dialect`) for an unknown dialect, `invalid_json`, and the
/// transcoder's own errors.
pub fn transcode(dialect_name: &str, message_json: &str, options_json: &str) -> Result<String> {
    let (dialect, options) = dialect_and_options(dialect_name, options_json)?;
    dialect::transcode_str(dialect, message_json, &options)
        .map(|t| to_text(&t))
        // Whatever the reader refused, text nested past the limit is reported as such.
        .map_err(|e| crate::nesting::classify(message_json, e))
}

/// The verification handshake from already-parsed parameters (`[[name, value], ...]`).
///
/// # Errors
///
/// `invalid_json` (field `params`).
pub fn verify_handshake_params(
    params_json: &str,
    verify_token: &str,
) -> Result<webhook::HandshakeAnswer> {
    let params: Vec<(String, String)> = read(params_json, "params")?;
    Ok(webhook::handshake(
        params.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        verify_token,
    ))
}

/// Composes a neutral message: `{"messages", "warnings"}`.
///
/// # Errors
///
/// `invalid_json`, and the composer's own errors.
pub fn compose(message_json: &str, options_json: &str) -> Result<String> {
    let composed = compose::compose_json(
        &read(message_json, "message")?,
        &value_or_empty(options_json, "options")?,
    )?;
    Ok(to_text(&composed))
}

/// Flattens a persistent menu in `dialect` into a Messenger Profile body:
/// `{"profile", "warnings"}` (reading warnings first).
///
/// # Errors
///
/// `invalid_input` (field `dialect`), `invalid_json`, and the menu rules' errors.
pub fn menu(dialect_name: &str, menu_json: &str, options_json: &str) -> Result<String> {
    let (dialect, options) = dialect_and_options(dialect_name, options_json)?;
    let (menu, mut warnings) = dialect::read_menu(dialect, &read(menu_json, "menu")?)?;
    let mut composed = compose::menu(&menu, &options)?;
    warnings.append(&mut composed.warnings);
    composed.warnings = warnings;
    Ok(to_text(&composed))
}

#[cfg(test)]
mod tests {
    use super::{menu, transcode};

    #[test]
    fn an_empty_dialect_name_means_neutral() {
        let message = r#"{"text": "Hi", "actions": [{"type": "reply", "title": "Yes"}]}"#;
        assert_eq!(
            transcode("", message, "").unwrap(),
            transcode("neutral", message, "").unwrap()
        );
        let items = r#"{"locales": [{"locale": "default",
                        "items": [{"type": "postback", "title": "Help", "payload": "HELP"}]}]}"#;
        assert_eq!(
            menu("", items, "").unwrap(),
            menu("neutral", items, "").unwrap()
        );
        assert_eq!(
            transcode("telegram", message, "").unwrap_err().field(),
            Some("dialect")
        );
    }
}
