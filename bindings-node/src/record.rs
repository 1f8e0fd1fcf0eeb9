//! Recording: a delivery the host received and its answer as one line of a recording
//! for `msgrkit replay`.

use msgrkit::api;
use napi::bindgen_prelude::{Env, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{Body, body_bytes, json_text, pairs, snake_case_keys};
use crate::errors::to_js_err;

/// The recording line (JSON text, no newline) of a delivery: its exact `body`, its
/// `headers` (checked with `appSecret`, the signatures then marked) and `delivery`
/// (`{ seq, atMs, path, elapsedMs, answer: { status, body } }`, or `error` in place of
/// `answer`). No secret is written.
#[napi(
    ts_args_type = "body: Body, headers: Headers, appSecret: string, delivery: DeliveryFacts | string",
    ts_return_type = "string"
)]
pub fn record_delivery(
    env: Env,
    body: Body,
    headers: Value,
    app_secret: String,
    delivery: Unknown<'_>,
) -> napi::Result<String> {
    let headers = pairs(&env, "headers", headers)?;
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    let delivery = snake_case_keys(&json_text(&env, "delivery", &delivery)?);
    api::record_delivery(body_bytes(&body), &headers, &app_secret, &delivery)
        .map_err(|e| to_js_err(&env, e))
}
