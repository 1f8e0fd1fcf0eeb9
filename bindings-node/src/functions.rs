//! The module functions: receive side (signature, handshake, webhook) and send side
//! (transcode, compose, validate, policy). Each converts, calls the core, converts back.

use msgrkit::{api, webhook};
use napi::bindgen_prelude::{Buffer, Either3, Env, Unknown};
use napi_derive::napi;
use serde_json::{Map, Value};

use crate::convert::{
    Body, body_bytes, js, json_text, optional_json_text, options_value, pairs, parsed,
    snake_case_keys,
};
use crate::errors::{refusal_to_js_err, to_js_err};

/// The JSON text a core call returned, as a JS value, or its error thrown.
fn answer(env: &Env, result: msgrkit::Result<String>) -> napi::Result<Value> {
    let text = result.map_err(|e| to_js_err(env, e))?;
    Ok(serde_json::from_str(&text).expect("the core writes JSON"))
}

/// Options of the signature checks.
#[napi(object)]
pub struct VerifyOptions {
    /// Accept a legacy `sha1=` signature (only while the app still sends one).
    pub allow_sha1: Option<bool>,
}

fn allow_sha1(options: Option<VerifyOptions>) -> bool {
    options.and_then(|o| o.allow_sha1).unwrap_or_default()
}

/// Checks `X-Hub-Signature-256` (or, when allowed, `X-Hub-Signature`) over the exact body
/// bytes; returns the algorithm used and throws otherwise (`err.code` says why).
#[napi(ts_return_type = "'sha256' | 'sha1'")]
pub fn verify_signature(
    env: Env,
    app_secret: Body,
    body: Body,
    header: String,
    options: Option<VerifyOptions>,
) -> napi::Result<&'static str> {
    let (secret, body) = (body_bytes(&app_secret), body_bytes(&body));
    api::verify_signature(secret, body, &header, allow_sha1(options))
        .map_err(|e| to_js_err(&env, e))
}

/// As `verifySignature`, finding the header in the request's headers: `req.headers`,
/// `req.rawHeaders` or `[name, value]` pairs (names compared case-insensitively).
#[napi(
    ts_args_type = "appSecret: Body, body: Body, headers: Headers, options?: VerifyOptions",
    ts_return_type = "'sha256' | 'sha1'"
)]
pub fn verify_signature_headers(
    env: Env,
    app_secret: Body,
    body: Body,
    headers: Value,
    options: Option<VerifyOptions>,
) -> napi::Result<&'static str> {
    let headers = pairs(&env, "headers", headers)?;
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    let (secret, body) = (body_bytes(&app_secret), body_bytes(&body));
    api::verify_signature_headers(secret, body, &headers, allow_sha1(options))
        .map_err(|e| to_js_err(&env, e))
}

/// One secret or several: each a `Buffer` or a string.
pub type Secrets = Either3<Buffer, String, Vec<Body>>;

fn secret_list(secrets: &Secrets) -> Vec<&[u8]> {
    match secrets {
        Either3::A(buffer) => vec![buffer],
        Either3::B(text) => vec![text.as_bytes()],
        Either3::C(list) => list.iter().map(body_bytes).collect(),
    }
}

/// As `verifySignature`, trying each of `appSecrets` (Instagram-Login and Facebook-Login
/// secrets on one endpoint, or old and new while rotating): `{algorithm, secret_index}`,
/// the position of the secret that matched.
#[napi(
    ts_args_type = "appSecrets: Body | Body[], body: Body, header: string, options?: VerifyOptions",
    ts_return_type = "Verified"
)]
pub fn verify_signature_any(
    env: Env,
    app_secrets: Secrets,
    body: Body,
    header: String,
    options: Option<VerifyOptions>,
) -> napi::Result<Value> {
    let secrets = secret_list(&app_secrets);
    let verified =
        api::verify_signature_any(&secrets, body_bytes(&body), &header, allow_sha1(options));
    answer(&env, verified)
}

/// Options of `receiveWebhook`.
#[napi(object)]
pub struct ReceiveOptions {
    /// Accept a legacy `sha1=` signature.
    pub allow_sha1: Option<bool>,
    /// The largest body read, in bytes (the core's default when absent).
    pub max_body_bytes: Option<u32>,
}

/// A webhook request verified with each of `appSecrets` and parsed, from its headers
/// (`req.headers`, `req.rawHeaders` or pairs): `{algorithm, secret_index, api_version?,
/// notification}`, with the `Facebook-API-Version` header as `api_version`.
#[napi(
    ts_args_type = "appSecrets: Body | Body[], body: Body, headers: Headers, options?: ReceiveOptions",
    ts_return_type = "Received"
)]
pub fn receive_webhook(
    env: Env,
    app_secrets: Secrets,
    body: Body,
    headers: Value,
    options: Option<ReceiveOptions>,
) -> napi::Result<Value> {
    let headers = pairs(&env, "headers", headers)?;
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    let (sha1, max) = options.map_or((false, 0), |o| {
        (
            o.allow_sha1.unwrap_or_default(),
            o.max_body_bytes.unwrap_or(0) as usize,
        )
    });
    let secrets = secret_list(&app_secrets);
    answer(
        &env,
        api::receive_webhook(&secrets, body_bytes(&body), &headers, sha1, max),
    )
}

/// The `X-Hub-Signature-256` value for a body (for tests and stand-ins); throws
/// `app_secret_empty` for an empty secret.
#[napi]
pub fn sign(env: Env, app_secret: Body, body: Body) -> napi::Result<String> {
    api::sign(body_bytes(&app_secret), body_bytes(&body)).map_err(|e| to_js_err(&env, e))
}

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

/// Splits `{dialect, ...composeOptions}` into the dialect (empty when absent: the core's
/// default) and the compose options' JSON text.
fn dialect_and_options(env: &Env, options: Option<&Unknown<'_>>) -> napi::Result<(String, String)> {
    let text = snake_case_keys(&optional_json_text(env, "options", options)?);
    let mut options = match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let dialect = match options.remove("dialect") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(name)) => name,
        Some(other) => other.to_string(), // refused by the core as an unknown dialect
    };
    Ok((dialect, Value::Object(options).to_string()))
}

/// A message in `options.dialect` (neutral by default) as Send API messages:
/// `{messages, options, warnings}`. The other options are compose options.
#[napi(
    ts_args_type = "message: object | string, options?: TranscodeOptions",
    ts_return_type = "Transcoded"
)]
pub fn transcode(
    env: Env,
    message: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> napi::Result<Value> {
    let message = json_text(&env, "message", &message)?;
    let (dialect, options) = dialect_and_options(&env, options.as_ref())?;
    answer(&env, api::transcode(&dialect, &message, &options))
}

/// A neutral message as Send API messages: `{messages, warnings}`.
#[napi(
    ts_args_type = "message: object | string, options?: ComposeOptions",
    ts_return_type = "Composed"
)]
pub fn compose(
    env: Env,
    message: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> napi::Result<Value> {
    let message = json_text(&env, "message", &message)?;
    let options = optional_json_text(&env, "options", options.as_ref())?;
    answer(&env, api::compose(&message, &options))
}

/// A persistent menu in `options.dialect` as a Messenger Profile body: `{profile, warnings}`.
#[napi(
    ts_args_type = "menu: object | string, options?: TranscodeOptions",
    ts_return_type = "MenuComposed"
)]
pub fn menu(env: Env, menu: Unknown<'_>, options: Option<Unknown<'_>>) -> napi::Result<Value> {
    let menu = json_text(&env, "menu", &menu)?;
    let (dialect, options) = dialect_and_options(&env, options.as_ref())?;
    answer(&env, api::menu(&dialect, &menu, &options))
}

/// Every violation of a Send API request, bare message or profile body (empty when
/// valid), judged by the profile in force on `asOf` (the newest when absent; a `Date`, a
/// string or epoch milliseconds, an instant meaning its UTC date). Another key throws
/// `invalid_input` at `options.<key>`.
#[napi(
    ts_args_type = "request: object | string, options?: { asOf?: string | Date; platform?: Platform; region?: string }",
    ts_return_type = "Violation[]"
)]
pub fn validate(
    env: Env,
    request: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> napi::Result<Value> {
    let request = api::read_json_at(&json_text(&env, "request", &request)?, "request")
        .map_err(|e| to_js_err(&env, e))?;
    let options = options_value(&env, "options", options.as_ref())?;
    let violations = api::validate_value(&request, options).map_err(|e| to_js_err(&env, e))?;
    Ok(js(&violations))
}

/// A request, message or profile body in Meta's exact form.
#[napi(
    ts_args_type = "body: object | string",
    ts_return_type = "Record<string, unknown>"
)]
pub fn normalize(env: Env, body: Unknown<'_>) -> napi::Result<Value> {
    let body = json_text(&env, "body", &body)?;
    answer(&env, api::normalize(&body))
}

/// The decision as a JS value, or the refusal thrown.
fn decision(env: &Env, outcome: msgrkit::Result<api::PolicyOutcome>) -> napi::Result<Value> {
    match outcome.map_err(|e| to_js_err(env, e))? {
        Ok(decision) => Ok(js(&decision)),
        Err(refusal) => Err(refusal_to_js_err(env, &refusal)),
    }
}

/// `{messaging_type, tag}` for a send, or throws (`err.code` is the refusal's, such as
/// `outside_window`; `err.refusal` holds all of it) when Meta would refuse it. The input
/// is the core's policy input in either casing; times are epoch milliseconds, `Date`s or
/// ISO instants.
#[napi(ts_args_type = "input: PolicyInput", ts_return_type = "Decision")]
pub fn decide_policy(env: Env, input: Unknown<'_>) -> napi::Result<Value> {
    let input = options_value(&env, "input", Some(&input))?;
    decision(&env, api::decide_policy_value(input))
}

/// Whether (and how) a private reply to a comment can be sent now.
#[napi(
    ts_args_type = "input: { commentCreated: number | Date | string; now: number | Date | string; alreadyReplied?: boolean }",
    ts_return_type = "Decision"
)]
pub fn decide_private_reply(env: Env, input: Unknown<'_>) -> napi::Result<Value> {
    let input = options_value(&env, "input", Some(&input))?;
    decision(&env, api::decide_private_reply_value(input))
}
