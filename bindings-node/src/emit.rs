//! Inbound transcoding: a Meta webhook or a send outcome as a vendor's callbacks, and the
//! vendors' signatures verified. The config object follows the one casing rule (a
//! top-level camelCase key is the core's snake_case name).

use msgrkit::api;
use napi::bindgen_prelude::{Env, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{Body, body_bytes, json_text, optional_json_text, pairs, snake_case_keys};
use crate::errors::to_js_err;

fn answer(env: &Env, result: msgrkit::Result<String>) -> napi::Result<Value> {
    let text = result.map_err(|e| to_js_err(env, e))?;
    Ok(serde_json::from_str(&text).expect("the core writes JSON"))
}

fn config_text(env: &Env, config: Option<&Unknown<'_>>) -> napi::Result<String> {
    Ok(snake_case_keys(&optional_json_text(env, "config", config)?))
}

/// The callbacks `vendor` delivers for a webhook body:
/// `{callbacks: [{headers, body, body_text}], warnings, errors}`.
#[napi(
    ts_args_type = "vendor: Vendor, body: Body, config?: EmitConfig",
    ts_return_type = "Emitted"
)]
pub fn emit(
    env: Env,
    vendor: String,
    body: Body,
    config: Option<Unknown<'_>>,
) -> napi::Result<Value> {
    let config = config_text(&env, config.as_ref())?;
    answer(&env, api::emit(&vendor, body_bytes(&body), &config))
}

/// The callback a send outcome (`{status, body, message_id, recipient, ...}`) becomes.
#[napi(
    ts_args_type = "vendor: Vendor, outcome: SendOutcome | string, config?: EmitConfig",
    ts_return_type = "Emitted"
)]
pub fn emit_outcome(
    env: Env,
    vendor: String,
    outcome: Unknown<'_>,
    config: Option<Unknown<'_>>,
) -> napi::Result<Value> {
    let outcome = json_text(&env, "outcome", &outcome)?;
    let config = config_text(&env, config.as_ref())?;
    answer(&env, api::emit_outcome(&vendor, &outcome, &config))
}

/// Verifies a vendor's callback (`req.headers`, `req.rawHeaders` or pairs) with the
/// webhook secret; throws `signature_mismatch` (and the like) when it does not match.
#[napi(ts_args_type = "vendor: Vendor, body: Body, headers: Headers, secret: string")]
pub fn verify_callback(
    env: Env,
    vendor: String,
    body: Body,
    headers: Value,
    secret: String,
) -> napi::Result<()> {
    let headers = pairs(&env, "headers", headers)?;
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    api::verify_callback(&vendor, body_bytes(&body), &headers, &secret)
        .map_err(|e| to_js_err(&env, e))
}
