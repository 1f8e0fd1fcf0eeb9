//! The receive side after the signature: the handshake, parsing, own echoes and receipts.

use msgrkit::{api, webhook};
use napi::bindgen_prelude::{Env, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{Body, answer, body_bytes, js, json_text, pairs, parsed};
use crate::errors::to_js_err;

/// Meta's verification handshake: `{status, body, reason?}` to answer with, from the raw
/// query string (or URL) or the parsed parameters (an object, such as
/// `Object.fromEntries(url.searchParams)`, or pairs).
#[napi(
    ts_args_type = "query: string | Record<string, string> | Array<[string, string]>, verifyToken: string",
    ts_return_type = "HandshakeAnswer"
)]
pub fn verify_handshake(env: Env, query: Value, verify_token: String) -> napi::Result<Value> {
    let answer = match query {
        Value::String(raw) => api::verify_handshake(&raw, &verify_token),
        params => {
            let params = pairs(&env, "query", params)?;
            webhook::handshake(
                params.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                &verify_token,
            )
        }
    };
    Ok(js(&answer))
}

/// Options of `parseWebhook`.
#[napi(object)]
pub struct ParseOptions {
    /// The largest body read, in bytes (the core's default, 32 MiB, when absent); a
    /// larger one throws `body_too_large`.
    pub max_body_bytes: Option<u32>,
}

/// A webhook body (`Buffer` or string) as `{object, events, errors}`.
#[napi(
    ts_args_type = "body: Body, options?: ParseOptions",
    ts_return_type = "Notification"
)]
pub fn parse_webhook<'env>(
    env: &'env Env,
    body: Body,
    options: Option<ParseOptions>,
) -> napi::Result<Unknown<'env>> {
    let mut limits = webhook::ParseOptions::default();
    if let Some(max) = options.and_then(|o| o.max_body_bytes) {
        limits = limits.max_body_bytes(max as usize);
    }
    let notification =
        webhook::parse_with(body_bytes(&body), &limits).map_err(|e| to_js_err(env, e))?;
    parsed(env, &notification)
}

/// For each event of the body: whether it echoes a message `appId` sent.
#[napi(
    ts_args_type = "body: Body, appId: string",
    ts_return_type = "boolean[]"
)]
pub fn events_own_echo(env: Env, body: Body, app_id: String) -> napi::Result<Value> {
    answer(&env, api::events_own_echo(body_bytes(&body), &app_id))
}

/// For each event of the body: the `mid`s of `sent` (`[{mid, timestamp}]`) it covers.
#[napi(
    ts_args_type = "body: Body, sent: Array<{ mid: string; timestamp: number }>",
    ts_return_type = "string[][]"
)]
pub fn events_covered(env: Env, body: Body, sent: Unknown<'_>) -> napi::Result<Value> {
    let sent = json_text(&env, "sent", &sent)?;
    answer(&env, api::events_covered(body_bytes(&body), &sent))
}
