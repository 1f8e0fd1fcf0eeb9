//! Transcoding: a channel-neutral message becomes the Send API messages Messenger accepts,
//! with a report of every change made on the way.
//!
//! Whatever `compose` emits passes [`crate::limits::validate`] for the chosen profile; a
//! message that cannot be made valid is an error with a code and a field. See
//! `vendor-formats.md` §7 and §8 for the rules and the vendor conflicts resolved here.

mod actions;
mod address;
mod build;
mod cards;
mod fit;
mod location;
pub(crate) mod media;
mod menu;
mod message;
mod options;
mod passthrough;
mod receipt;
mod report;
mod text;

use serde::{Deserialize, Serialize};

pub(crate) use media::known_media_kind;
pub use menu::{ComposedProfile, DEFAULT_GET_STARTED, Menu, MenuItem, MenuLocale, menu};
pub use message::{
    Action, Card, Layout, LinkAction, Location, Media, MediaKind, Message, Receipt, SendOptions,
};
pub use options::{
    CardRendering, Compat, ComposeOptions, DEFAULT_MAPS_URL, LocationRequest, Overflow, Payments,
};
pub use report::{WARNING_CODES, Warning, WarningCode};

use crate::error::{Error, ErrorKind, Result};
use crate::limits;
use crate::send::{self, MessagingType, Recipient, ReplyTo, SendRequest};

/// The result of `compose`: messages in sending order, and what was changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Composed {
    /// Send API `message` objects, to send in this order.
    pub messages: Vec<send::Message>,
    /// Every truncation, split, drop and replacement.
    pub warnings: Vec<Warning>,
}

/// Transcodes `message` for Messenger (or Instagram) under `options`.
///
/// # Errors
///
/// `required`, `limit_exceeded` (with `overflow: reject`), `unsupported`, `conflict`
/// (Smooch compatibility), `invalid_input` and `validation_failed`, each with the input
/// field.
pub fn compose(message: &Message, options: &ComposeOptions) -> Result<Composed> {
    refuse_nul(
        &serde_json::to_value(message).unwrap_or_default(),
        &mut String::new(),
    )?;
    let mut report = report::Report::default();
    let messages = build::build(message, options, &mut report)?;
    // The promise: nothing leaves compose that Meta would reject for its shape.
    let mut violations = Vec::new();
    for (index, out) in messages.iter().enumerate() {
        for mut violation in limits::validate_message(out, &options.platform) {
            violation.field = format!("messages[{index}].{}", violation.field);
            violations.push(violation);
        }
    }
    if !violations.is_empty() {
        return Err(Error::new(ErrorKind::ValidationFailed { violations }));
    }
    Ok(Composed {
        messages,
        warnings: report.warnings,
    })
}

/// `invalid_input` at the first string of the neutral message that holds NUL (U+0000):
/// validation refuses it in every Send API text, so compose refuses it where it came in.
fn refuse_nul(value: &serde_json::Value, path: &mut String) -> Result<()> {
    use serde_json::Value;
    let len = path.len();
    let found = match value {
        Value::String(text) if text.contains('\0') => {
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: "holds NUL (U+0000)".to_owned(),
                },
                path.clone(),
            ));
        }
        Value::Array(items) => items.iter().enumerate().try_for_each(|(i, item)| {
            path.truncate(len);
            path.push_str(&format!("[{i}]"));
            refuse_nul(item, path)
        }),
        Value::Object(map) => map.iter().try_for_each(|(key, item)| {
            path.truncate(len);
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
            refuse_nul(item, path)
        }),
        _ => Ok(()),
    };
    path.truncate(len);
    found
}

/// [`compose`] from JSON: the neutral message and the options (`{}` for the defaults).
///
/// # Errors
///
/// `invalid_input` with the field path when either JSON value has the wrong shape (an
/// unknown field included), then as [`compose`].
pub fn compose_json(message: &serde_json::Value, options: &serde_json::Value) -> Result<Composed> {
    let message: Message = from_json(message, "")?;
    let options: ComposeOptions = from_json(options, "options.")?;
    compose(&message, &options)
}

/// Reads `value` as `T`; an error names the field.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
    prefix: &str,
) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let full = format!("{prefix}{path}");
        let problem = crate::error::SerdeProblem::new(full.trim_end_matches('.'), err.inner());
        let mut error = problem.into_error();
        if error.field() == Some("") {
            error = Error::new(error.kind().clone());
        }
        error
    })
}

/// Full Send API request bodies for `messages` to the person `psid`.
///
/// `messaging_type` is the one asked for, else `MESSAGE_TAG` when a tag is given, else
/// `RESPONSE`; `reply_to` applies to the first message only.
pub fn requests(messages: &[send::Message], psid: &str, options: &SendOptions) -> Vec<SendRequest> {
    let messaging_type = options.messaging_type.clone().unwrap_or(match options.tag {
        Some(_) => MessagingType::MessageTag,
        None => MessagingType::Response,
    });
    messages
        .iter()
        .enumerate()
        .map(|(index, message)| SendRequest {
            recipient: Recipient::id(psid),
            messaging_type: Some(messaging_type.clone()),
            tag: options.tag.clone(),
            notification_type: options.notification_type.clone(),
            persona_id: options.persona_id.clone(),
            reply_to: options
                .reply_to
                .clone()
                .filter(|_| index == 0)
                .map(|mid| ReplyTo { mid }),
            message: Some(message.clone()),
            ..SendRequest::default()
        })
        .collect()
}

/// [`requests`], each validated against `platform`: nothing is returned unless every
/// request is valid, because half a conversation is worse than none.
///
/// # Errors
///
/// `validation_failed` with every violation, its field prefixed by `requests[i].`.
pub fn checked_requests(
    messages: &[send::Message],
    psid: &str,
    options: &SendOptions,
    platform: &limits::Platform,
) -> Result<Vec<SendRequest>> {
    check_requests(requests(messages, psid, options), platform)
}

/// `requests` if every one is valid against `platform`, else every violation, its field
/// under `requests[i]`.
///
/// # Errors
///
/// `validation_failed` with every violation of every request.
pub fn check_requests(
    requests: Vec<SendRequest>,
    platform: &limits::Platform,
) -> Result<Vec<SendRequest>> {
    let mut violations = Vec::new();
    for (index, request) in requests.iter().enumerate() {
        violations.extend(
            limits::validate(request, platform)
                .into_iter()
                .map(|mut v| {
                    v.field = format!("requests[{index}].{}", v.field);
                    v
                }),
        );
    }
    if violations.is_empty() {
        Ok(requests)
    } else {
        Err(Error::new(ErrorKind::ValidationFailed { violations }))
    }
}
