//! The one mapping from core errors (and policy refusals) to thrown JS `Error`s: `code` is
//! the core's stable code, `field` its path (or null), plus the details of the kind.

use msgrkit::{Error, ErrorKind};
use napi::JsValue;
use napi::bindgen_prelude::{Env, Object, Status};
use serde_json::Value;

use crate::convert::js;

/// The `Error` to throw (or reject with) for a core error.
pub(crate) fn to_js_err(env: &Env, err: Error) -> napi::Error {
    build(env, &err).unwrap_or_else(|failure| failure)
}

fn build(env: &Env, err: &Error) -> napi::Result<napi::Error> {
    let mut object = new_error(env, &err.to_string(), err.code(), err.field())?;
    object.set("category", js(&err.category()))?;
    if let ErrorKind::ValidationFailed { violations } = err.kind() {
        object.set("violations", js(violations))?;
    }
    if let Some(graph) = err.graph() {
        object.set("status", graph.status)?;
        object.set("graphCode", graph.code)?;
        object.set("subcode", graph.subcode)?;
        object.set("fbtraceId", graph.fbtrace_id.as_deref())?;
        object.set("retryable", graph.retryable())?;
        object.set("retryAfter", graph.retry_after.map(|s| s as f64))?;
        object.set("attempts", graph.attempts)?;
        object.set("transport", js(&graph.transport))?;
        object.set("graph", js(graph))?;
    }
    Ok(napi::Error::from(object.to_unknown()))
}

/// A policy refusal (`{"code", "detail", ...}`) as an `Error` whose `code` is the
/// refusal's, with the whole refusal as `refusal`.
pub(crate) fn refusal_to_js_err(env: &Env, refusal: &Value) -> napi::Error {
    let build = || -> napi::Result<napi::Error> {
        let code = refusal["code"].as_str().unwrap_or_default();
        let detail = refusal["detail"].as_str().unwrap_or_default();
        let mut object = new_error(env, detail, code, None)?;
        object.set("refusal", js(refusal))?;
        Ok(napi::Error::from(object.to_unknown()))
    };
    build().unwrap_or_else(|failure| failure)
}

fn new_error<'env>(
    env: &'env Env,
    message: &str,
    code: &str,
    field: Option<&str>,
) -> napi::Result<Object<'env>> {
    let mut object = env.create_error(napi::Error::new(Status::GenericFailure, message))?;
    object.set("code", code)?;
    object.set("field", field)?;
    Ok(object)
}
