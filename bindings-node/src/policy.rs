//! The messaging policy: the decision, or the refusal thrown.

use msgrkit::api;
use napi::bindgen_prelude::{Env, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{js, options_value};
use crate::errors::{refusal_to_js_err, to_js_err};

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
