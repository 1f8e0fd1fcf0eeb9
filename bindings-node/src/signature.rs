//! The signature checks and signing: over the exact body bytes, with one secret or several.

use msgrkit::api;
use napi::bindgen_prelude::{Buffer, Either3, Env};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{Body, Text, answer, body_bytes, pairs};
use crate::errors::to_js_err;

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
pub type Secrets = Either3<Buffer, Text, Vec<Body>>;

fn secret_list(secrets: &Secrets) -> Vec<&[u8]> {
    match secrets {
        Either3::A(buffer) => vec![buffer],
        Either3::B(text) => vec![text.0.as_bytes()],
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
    let (sha1, max) = receive_options(options);
    let secrets = secret_list(&app_secrets);
    answer(
        &env,
        api::receive_webhook(&secrets, body_bytes(&body), &headers, sha1, max),
    )
}

/// A webhook request judged by its headers (`req.headers`, `req.rawHeaders` or pairs)
/// before its body is read: the number of body bytes to read. Throws `signature_missing`
/// for an unsigned request, `required` / `invalid_input` at `headers.content-length`,
/// `body_too_large` past `maxBodyBytes`: such a request is refused unread.
#[napi(
    ts_args_type = "headers: Headers, options?: ReceiveOptions",
    ts_return_type = "number"
)]
pub fn check_webhook_head(
    env: Env,
    headers: Value,
    options: Option<ReceiveOptions>,
) -> napi::Result<f64> {
    let headers = pairs(&env, "headers", headers)?;
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    let (sha1, max) = receive_options(options);
    // A body length is far below 2^53: exact as a JS number.
    api::check_webhook_head(&headers, sha1, max)
        .map(|n| n as f64)
        .map_err(|e| to_js_err(&env, e))
}

/// `allowSha1` and `maxBodyBytes` (0, the core's default, when absent).
fn receive_options(options: Option<ReceiveOptions>) -> (bool, usize) {
    options.map_or((false, 0), |o| {
        (
            o.allow_sha1.unwrap_or_default(),
            o.max_body_bytes.unwrap_or(0) as usize,
        )
    })
}

/// The `X-Hub-Signature-256` value for a body (for tests and stand-ins); throws
/// `app_secret_empty` for an empty secret.
#[napi]
pub fn sign(env: Env, app_secret: Body, body: Body) -> napi::Result<String> {
    api::sign(body_bytes(&app_secret), body_bytes(&body)).map_err(|e| to_js_err(&env, e))
}
