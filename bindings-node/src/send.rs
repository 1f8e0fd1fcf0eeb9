//! The send side's local work: transcoding, composing, menus, validation and normalising.

use msgrkit::api;
use napi::bindgen_prelude::{Env, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{answer, js, json_text, optional_json_text, options_value, snake_case_keys};
use crate::errors::{refusal_to_js_err, to_js_err};

/// The options object's JSON text, keys in the core's casing (`dialect` among them: the
/// core reads it).
fn options_text(env: &Env, options: Option<&Unknown<'_>>) -> napi::Result<String> {
    Ok(snake_case_keys(&optional_json_text(
        env, "options", options,
    )?))
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
    let options = options_text(&env, options.as_ref())?;
    answer(&env, api::transcode("", &message, &options))
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
    let options = options_text(&env, options.as_ref())?;
    answer(&env, api::menu("", &menu, &options))
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

/// The one send pipeline, as `msgrkit send` runs it: `messages` in `dialect` to
/// `recipient`, with compose `options`, a `tag` or the thread's facts as `policy`:
/// `{requests, warnings, decision?}`, every request valid. One invalid request throws
/// `validation_failed` (nothing is prepared); a refusal throws with `refusal`.
#[napi(ts_args_type = "input: SendInput", ts_return_type = "PreparedSend")]
pub fn prepare_send(env: Env, input: Unknown<'_>) -> napi::Result<Value> {
    let input = options_value(&env, "input", Some(&input))?;
    match api::prepare_send_value(input).map_err(|e| to_js_err(&env, e))? {
        Ok(prepared) => Ok(js(&prepared)),
        Err(refusal) => Err(refusal_to_js_err(&env, &refusal)),
    }
}
