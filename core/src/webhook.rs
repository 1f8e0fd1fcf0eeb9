//! Webhook deliveries: the verification handshake and parsing into typed events.
//!
//! [`parse`] reads every event of every entry (`messaging`, `standby` and `changes`, in
//! that order per entry). An event this version does not model arrives as `unknown` with
//! its raw JSON; an event that cannot be read goes to [`Notification::errors`] and its
//! siblings still parse. Verify the signature over the same raw bytes first
//! ([`crate::signature`]). See [Meta Docs/Webhooks].
//!
//! [Meta Docs/Webhooks]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks

mod attachment;
mod dispatch;
mod event;
mod feedback;
mod handshake;
mod helpers;
mod message;
mod parse;
mod payloads;
mod receive;
mod unreadable;
mod wire;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use attachment::{Attachment, AttachmentKind, AttachmentPayload, Coordinates};
pub use event::{Event, EventKind, Party, Platform};
pub use feedback::{Feedback, FeedbackAnswer, FeedbackScreen};
pub(crate) use handshake::percent_decode;
pub use handshake::{
    HANDSHAKE_REFUSAL_CODES, HandshakeAnswer, HandshakeRefusal, handshake, handshake_query,
};
pub use helpers::SentMessage;
pub use message::{Extra, MessagePayload, QuickReplyPayload, Referral, ReplyTo};
pub use payloads::{
    AccountLinking, AppRoles, Comment, Delivery, GamePlay, MessageEdit, Optin, PolicyEnforcement,
    Postback, Reaction, Read, RequestThreadControl, ThreadControl, Unknown,
};
pub use receive::{HEADER_API_VERSION, Received, api_version, head, receive};

use crate::error::{Error, ErrorKind, Result};

/// A parsed webhook delivery.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Notification {
    /// The delivery's `object`: `page`, `instagram`, or another value kept as text.
    pub object: String,
    /// Every event, in delivery order.
    pub events: Vec<Event>,
    /// Events (or entries) that could not be read, each with its position and raw JSON.
    pub errors: Vec<EventError>,
    /// Fields that were not understood and left out: an entry's `time` that is not a
    /// number or `id` that is not an ID, an item's `timestamp` that is not one (the
    /// entry's time stands in). The items still parsed. Never counted as items: items of
    /// readable entries = events + item errors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<EntryWarning>,
}

/// A field of an entry (or of an item's envelope) left out because it was not
/// understood; the items still parsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EntryWarning {
    /// Index of the entry in `entry`.
    pub entry: usize,
    /// Path of the field, for example `entry[0].time` or `entry[0].messaging[2].timestamp`.
    pub field: String,
    /// Stable code: `invalid_value` (of the wrong type, left out) or `unknown_field` (an
    /// entry key msgrkit does not read, kept in `raw`).
    pub code: String,
    /// What was wrong, in lowercase words.
    pub message: String,
    /// The value exactly as received.
    pub raw: Value,
}

/// One event or entry that could not be read. Its siblings are unaffected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EventError {
    /// Index of the entry in `entry`.
    pub entry: usize,
    /// `messaging`, `standby` or `changes`; absent when the entry itself is unreadable.
    pub list: Option<String>,
    /// Index within that list; absent when the entry itself is unreadable.
    pub index: Option<usize>,
    /// Path of the item, for example `entry[0].messaging[2]`.
    pub field: String,
    /// Stable error code (`invalid_event`).
    pub code: String,
    /// What was wrong, in lowercase words.
    pub message: String,
    /// The item exactly as received.
    pub raw: Value,
}

/// Parses a webhook request body (the raw bytes, as received) into typed events.
///
/// # Errors
///
/// `invalid_utf8` or `invalid_json` when the body is not JSON text, `invalid_envelope`
/// (field `object` or `entry`) when it is not a webhook envelope. Problems inside single
/// events are not errors: they are listed in [`Notification::errors`].
pub fn parse(body: &[u8]) -> Result<Notification> {
    parse_with(body, &ParseOptions::default())
}

/// What `parse_with` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// The largest body read, in bytes (`limits::WEBHOOK_BODY_MAX_DEFAULT` by default, and
    /// when set to 0); a larger one is refused as `body_too_large` before it is looked at.
    pub max_body_bytes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            max_body_bytes: crate::limits::WEBHOOK_BODY_MAX_DEFAULT,
        }
    }
}

impl ParseOptions {
    /// The defaults with another body limit; 0 means the default, in every language.
    pub fn max_body_bytes(self, max_body_bytes: usize) -> Self {
        if max_body_bytes == 0 {
            return Self::default();
        }
        Self { max_body_bytes }
    }
}

/// As [`parse`], with limits for hostile input.
///
/// # Errors
///
/// As [`parse`]; `body_too_large` over the limit; `nesting_too_deep` when the body is
/// not an object and nests past `limits::JSON_NESTING_MAX`, or is an object that fails to
/// parse for that reason. (An event nested too deep is one item of `errors`.)
pub fn parse_with(body: &[u8], options: &ParseOptions) -> Result<Notification> {
    if body.len() > options.max_body_bytes {
        return Err(Error::new(ErrorKind::BodyTooLarge {
            max: options.max_body_bytes,
            actual: body.len(),
        }));
    }
    let (text, offsets) = match std::str::from_utf8(body) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), Vec::new()),
        Err(_) => unreadable::readable(body),
    };
    let text: &str = &text;
    let clean = offsets.is_empty();
    let unreadable = unreadable::Unreadable::at(text.as_ptr() as usize, offsets);
    // serde would also read a struct from a JSON array, so insist on an object first.
    let is_object = text.trim_start().starts_with('{');
    if is_object
        && clean
        && let Some(notification) = parse::fast(text)
    {
        return Ok(notification);
    }
    if !is_object {
        if let Some(not_utf8) = unreadable.first_error() {
            return Err(not_utf8);
        }
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map_err(|e| crate::nesting::classify(text, parse::invalid_json(e)))?;
        let not_object = parse::envelope_error("the body is not a json object", None);
        return Err(crate::nesting::classify(text, not_object));
    }
    // Whatever failed the whole body, a body nested past the limit is reported as such.
    parse::careful(text, &unreadable).map_err(|e| crate::nesting::classify(text, e))
}
