//! The one send pipeline every surface uses (the CLI's `send`, `prepare_send` in Python,
//! Node and C): messages in a dialect are read and composed, the policy decides
//! `messaging_type` and `tag` when the thread's facts are given, and every request is
//! validated. Nothing comes back unless every request is valid: half a conversation is
//! worse than none.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::options::from_value;
use super::{read, to_text};
use crate::compose::{self, ComposeOptions, SendOptions, Warning};
use crate::dialect::{self, Dialect};
use crate::error::{Error, ErrorKind, Result};
use crate::policy::{self, Decision, Refusal};
use crate::send::{MessageTag, SendRequest};

/// What to send: `messages` (or one `message`) in `dialect` to `recipient`, with compose
/// `options`, an explicit `tag`, and the thread's facts for the `policy` to decide by
/// (with both, the tag is the intent the policy judges; docs/sending.md).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SendInput {
    /// The messages, each in `dialect` (a neutral message, a Smooch, Sinch or Linktor one);
    /// fields in errors and warnings are under `messages[i]`.
    #[serde(default)]
    pub messages: Option<Vec<Value>>,
    /// Or one message, whose errors and warnings keep its own field paths.
    #[serde(default)]
    pub message: Option<Value>,
    /// `neutral` (the default), `smooch`, `sinch` or `linktor`.
    #[serde(default)]
    pub dialect: Option<String>,
    /// The person's PSID (or IGSID).
    pub recipient: String,
    /// Compose options (`platform`, `overflow`, ...; the defaults when absent).
    #[serde(default)]
    pub options: Option<Value>,
    /// A tag to send with, as `msgrkit send --tag` does (`MESSAGE_TAG`); with `policy`,
    /// the intent the policy judges.
    #[serde(default)]
    pub tag: Option<String>,
    /// The thread's facts (`last_user_activity`, `now`, `author`, `intent`, `mode`): the
    /// policy then decides `messaging_type` and `tag` for every request.
    #[serde(default)]
    pub policy: Option<Value>,
}

/// The requests to send, in order, with every change made on the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PreparedSend {
    /// Send API request bodies, each valid against the profile.
    pub requests: Vec<SendRequest>,
    /// Every change from reading and composing, its field under `messages[i]`.
    pub warnings: Vec<Warning>,
    /// The policy's decision, when the thread's facts were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

/// Prepares a send from an input given as a value (a binding's keywords or options
/// object). A policy refusal is the outcome's `Err`, as in [`super::decide_policy_value`].
///
/// # Errors
///
/// `invalid_input` / `required` at `input.<key>`; the dialect's and composer's errors
/// with their field under `messages[i]`; `validation_failed` with every violation of
/// every request (fields `messages[i].…`, the input message's) when any is invalid.
pub fn prepare_send_value(input: Value) -> Result<std::result::Result<PreparedSend, Refusal>> {
    prepare_send_input(from_value(input, "input")?)
}

/// [`prepare_send_value`] for a typed input (the CLI builds one from its flags).
///
/// # Errors
///
/// As [`prepare_send_value`].
pub fn prepare_send_input(input: SendInput) -> Result<std::result::Result<PreparedSend, Refusal>> {
    let dialect = match input.dialect.as_deref() {
        None | Some("") => Dialect::default(),
        Some(name) => Dialect::from_name(name).ok_or_else(|| {
            Error::at(
                ErrorKind::InvalidInput {
                    detail: format!("unknown dialect `{name}`"),
                },
                "input.dialect",
            )
        })?,
    };
    let options: ComposeOptions =
        from_value(input.options.unwrap_or(Value::Null), "input.options")?;
    let decision = match input.policy {
        None => None,
        Some(facts) => {
            let facts = policy_facts(facts, input.tag.as_deref(), &options)?;
            match policy::decide(&from_value(facts, "input.policy")?) {
                Ok(decision) => Some(decision),
                Err(refusal) => return Ok(Err(refusal)),
            }
        }
    };
    let (list, prefixed) = match (input.messages, input.message) {
        (Some(list), None) => (list, true),
        (None, Some(one)) => (vec![one], false),
        (Some(_), Some(_)) => {
            let detail = "give `messages` or `message`, not both".to_owned();
            return Err(Error::at(ErrorKind::Conflict { detail }, "input.message"));
        }
        (None, None) => {
            let detail = "the messages to send".to_owned();
            return Err(Error::at(ErrorKind::Required { detail }, "input.messages"));
        }
    };
    let (mut requests, mut warnings) = (Vec::new(), Vec::new());
    for (index, message) in list.iter().enumerate() {
        let at = |field: &str| match (prefixed, field.is_empty()) {
            (false, _) => field.to_owned(),
            (true, true) => format!("messages[{index}]"),
            (true, false) => format!("messages[{index}].{field}"),
        };
        let transcoded =
            dialect::transcode(dialect, message, &options).map_err(|e| match e.kind() {
                // A raw Send API message that breaks the rules: each violation under its message.
                ErrorKind::ValidationFailed { violations } => {
                    let violations = violations
                        .iter()
                        .map(|v| {
                            let mut v = v.clone();
                            v.field = at(&v.field);
                            v
                        })
                        .collect();
                    Error::new(ErrorKind::ValidationFailed { violations })
                }
                kind => match (prefixed, e.field()) {
                    (false, None) => Error::new(kind.clone()),
                    (_, field) => Error::at(kind.clone(), at(field.unwrap_or_default())),
                },
            })?;
        warnings.extend(transcoded.warnings.into_iter().map(|mut w| {
            w.field = at(&w.field);
            w
        }));
        // Each message's own send options (persona, reply_to, notification, tag) hold for
        // its own requests; the explicit tag and the policy's decision must agree with them.
        let field = if prefixed {
            at("")
        } else {
            "message".to_owned()
        };
        let send_options = decided(
            transcoded.options,
            input.tag.as_deref(),
            decision.as_ref(),
            &field,
        )?;
        requests.extend(compose::requests(
            &transcoded.messages,
            &input.recipient,
            &send_options,
        ));
    }
    let requests = compose::check_requests(requests, &options.platform)?;
    Ok(Ok(PreparedSend {
        requests,
        warnings,
        decision,
    }))
}

/// The policy's facts with the platform the messages are composed for and, when the input
/// names a tag, that tag as the intent the policy judges (a different intent in the facts
/// is a conflict: the host asked for two things).
fn policy_facts(mut facts: Value, tag: Option<&str>, options: &ComposeOptions) -> Result<Value> {
    if let Some(map) = facts.as_object_mut() {
        map.entry("platform")
            .or_insert_with(|| json!(options.platform.product));
        if let Some(tag) = tag {
            let wanted = json!({ "tag": MessageTag::from_name(tag) });
            match map.get("intent") {
                Some(intent) if *intent != wanted => {
                    let detail = format!(
                        "the explicit tag `{tag}` and the policy's intent {intent} disagree: give one"
                    );
                    return Err(Error::at(ErrorKind::Conflict { detail }, "input.tag"));
                }
                _ => {
                    map.insert("intent".to_owned(), wanted);
                }
            }
        }
    }
    Ok(facts)
}

/// A message's own send options with the explicit `tag` and the policy's `decision` laid
/// over them, or a conflict at `field` naming both when they disagree.
fn decided(
    own: SendOptions,
    tag: Option<&str>,
    decision: Option<&Decision>,
    field: &str,
) -> Result<SendOptions> {
    let conflict = |detail: String| Err(Error::at(ErrorKind::Conflict { detail }, field));
    let mut options = own;
    if let Some(tag) = tag.map(MessageTag::from_name) {
        if let Some(own) = options.tag.as_ref().filter(|own| **own != tag) {
            return conflict(format!(
                "the message asks for tag `{}`, the input for `{}`",
                own.as_str(),
                tag.as_str()
            ));
        }
        options = options.tagged(tag);
    }
    if let Some(decision) = decision {
        let tag_differs = options.tag.is_some() && options.tag != decision.tag;
        let type_differs = options
            .messaging_type
            .as_ref()
            .is_some_and(|own| *own != decision.messaging_type);
        if tag_differs || type_differs {
            return conflict(format!(
                "the message asks for {}, the policy decided {}",
                json!({"messaging_type": options.messaging_type, "tag": options.tag}),
                json!(decision)
            ));
        }
        options.messaging_type = Some(decision.messaging_type.clone());
        options.tag = decision.tag.clone();
    }
    Ok(options)
}

/// [`prepare_send_value`] on JSON text: `{"requests", "warnings", "decision"?}`, or
/// `{"refusal": {...}}` when the policy refuses (an answer, as in `decide_policy`).
///
/// # Errors
///
/// `invalid_json`; as [`prepare_send_value`].
pub fn prepare_send(input_json: &str) -> Result<String> {
    let outcome = prepare_send_value(read(input_json, "input")?)?;
    Ok(to_text(&super::Refusable::from(outcome)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn too_long() -> Value {
        json!({"messenger": {"text": "Pick one", "quick_replies": [
            {"content_type": "text", "title": "a title far too long for Meta", "payload": "P"}]}})
    }

    #[test]
    fn one_invalid_message_among_three_sends_nothing() {
        let input =
            json!({"recipient": "1", "messages": [{"text": "a"}, too_long(), {"text": "c"}]});
        let error = prepare_send_value(input).unwrap_err();
        assert_eq!(error.code(), "validation_failed");
        let ErrorKind::ValidationFailed { violations } = error.kind() else {
            panic!("{error}")
        };
        assert_eq!(violations[0].field, "messages[1].quick_replies[0].title");
    }

    #[test]
    fn one_message_keeps_its_own_paths_and_a_list_is_indexed() {
        let buy = json!({"text": "a", "actions": [{"type": "buy", "title": "Buy", "amount": 100,
                                                   "currency": "USD"}]});
        let field = |input: Value| {
            prepare_send_value(input)
                .unwrap_err()
                .field()
                .map(str::to_owned)
        };
        assert_eq!(
            field(json!({"recipient": "1", "message": buy})).as_deref(),
            Some("actions[0]")
        );
        assert_eq!(
            field(json!({"recipient": "1", "messages": [{"text": "x"}, buy]})).as_deref(),
            Some("messages[1].actions[0]")
        );
        let both = json!({"recipient": "1", "message": {"text": "x"}, "messages": []});
        assert_eq!(prepare_send_value(both).unwrap_err().code(), "conflict");
        let neither = prepare_send_value(json!({"recipient": "1"})).unwrap_err();
        assert_eq!(
            (neither.code(), neither.field()),
            ("required", Some("input.messages"))
        );
    }

    #[test]
    fn the_policy_tags_every_request_or_refuses() {
        let h = 3_600_000;
        let facts = |hours: i64| {
            json!({"last_user_activity": 0, "now": hours * h, "author": "human",
                                        "mode": "auto_human_agent"})
        };
        let input = |hours| {
            json!({"recipient": "1", "messages": [{"text": "a"}, {"text": "b"}],
                                   "policy": facts(hours)})
        };
        let prepared = prepare_send_value(input(30)).unwrap().unwrap();
        assert_eq!(prepared.requests.len(), 2);
        for request in &prepared.requests {
            assert_eq!(json!(request)["tag"], "HUMAN_AGENT");
        }
        let refusal = prepare_send_value(input(8 * 24)).unwrap().unwrap_err();
        assert_eq!(json!(refusal.code), "human_agent_window_closed");
    }
}
