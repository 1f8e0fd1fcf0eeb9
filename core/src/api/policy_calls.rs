//! The messaging policy's entry points: typed inputs read by [`super::options::from_value`],
//! a typed outcome, and the JSON-text adapters the C ABI and the CLI use.
//!
//! A refusal is the outcome's `Err` in Rust, and a failure of the call in every host
//! language, where "do not send" is handled beside every other reason not to send:
//! Python raises `PolicyError`, Node throws, C returns the refusal's own result; each
//! carries the whole refusal, built by [`super::failure::refusal_failure`]. The JSON-text
//! form (the CLI's) writes it as `{"refusal": {...}}`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::options::from_value;
use super::{read, to_text};
use crate::error::Result;
use crate::limits::epoch_or_instant;
use crate::policy::{self, Decision, PolicyInput, Refusal};

/// What a policy decision comes to: the send's `messaging_type` and `tag`, or Meta's
/// refusal.
pub type PolicyOutcome = std::result::Result<Decision, Refusal>;

/// A private reply's input: when the comment was made, now (each epoch milliseconds or an
/// RFC 3339 instant), and whether the comment already has its one private reply.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrivateReplyInput {
    /// When the comment was made.
    #[serde(deserialize_with = "epoch_or_instant")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::date::Instant"))]
    pub comment_created: i64,
    /// When the reply would be sent.
    #[serde(deserialize_with = "epoch_or_instant")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::date::Instant"))]
    pub now: i64,
    /// Whether the comment has been replied to in private already.
    #[serde(default)]
    pub already_replied: bool,
}

/// Decides `messaging_type` and `tag` for a policy input given as a value (a binding's
/// keyword arguments or options object).
///
/// # Errors
///
/// `required` / `invalid_input` at `input.<key>`.
pub fn decide_policy_value(input: Value) -> Result<PolicyOutcome> {
    let input: PolicyInput = from_value(input, "input")?;
    Ok(policy::decide(&input))
}

/// Decides a private reply for an input given as a value.
///
/// # Errors
///
/// `required` / `invalid_input` at `input.<key>`.
pub fn decide_private_reply_value(input: Value) -> Result<PolicyOutcome> {
    let input: PrivateReplyInput = from_value(input, "input")?;
    Ok(policy::decide_private_reply(
        input.comment_created,
        input.now,
        input.already_replied,
    ))
}

/// The JSON form of an outcome that a refusal can end: the answer itself, or
/// `{"refusal": {...}}`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Refusable_{T}"))]
#[serde(untagged)]
pub enum Refusable<T> {
    /// What the call answers when the policy allows it.
    Allowed(T),
    /// The policy refused.
    Refused {
        /// Meta's rule and when it would allow the send.
        refusal: Refusal,
    },
}

impl<T> From<std::result::Result<T, Refusal>> for Refusable<T> {
    fn from(outcome: std::result::Result<T, Refusal>) -> Self {
        match outcome {
            Ok(answer) => Self::Allowed(answer),
            Err(refusal) => Self::Refused { refusal },
        }
    }
}

/// The text form of an outcome: `{"messaging_type", "tag"}` or `{"refusal": {...}}`.
fn outcome_text(outcome: PolicyOutcome) -> String {
    to_text(&Refusable::from(outcome))
}

/// Decides `messaging_type` and `tag` for a policy input (the vectors' form):
/// `{"messaging_type", "tag"}` or `{"refusal": {...}}`.
///
/// # Errors
///
/// `invalid_json` when the input is not JSON; as [`decide_policy_value`].
pub fn decide_policy(input_json: &str) -> Result<String> {
    decide_policy_value(read(input_json, "input")?).map(outcome_text)
}

/// Decides a private reply to a comment from `{"comment_created", "now",
/// "already_replied"?}`: as [`decide_policy`].
///
/// # Errors
///
/// `invalid_json`; as [`decide_private_reply_value`].
pub fn decide_private_reply(input_json: &str) -> Result<String> {
    decide_private_reply_value(read(input_json, "input")?).map(outcome_text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn times_are_epoch_milliseconds_or_instants_and_keys_are_checked() {
        let by_ms = decide_policy_value(json!({"last_user_activity": 0, "now": 3_600_000}));
        let by_instant = decide_policy_value(json!({
            "last_user_activity": "1970-01-01T00:00:00Z", "now": "1970-01-01T02:00:00+01:00"}));
        assert_eq!(by_ms.unwrap(), by_instant.unwrap());
        let error = decide_policy_value(json!({"now": 1})).unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("required", Some("input.last_user_activity"))
        );
        let error = decide_policy_value(json!({"last_user_activity": 0, "now": 1, "tagg": "X"}))
            .unwrap_err();
        assert_eq!(error.field(), Some("input.tagg"));
        let error = decide_private_reply_value(json!({"comment_created": "yesterday", "now": 1}))
            .unwrap_err();
        assert_eq!(error.field(), Some("input.comment_created"));
    }
}
