//! Webhook deliveries: the verification handshake and parsing into typed events.
//!
//! [`parse`] reads every event of every entry (`messaging`, `standby` and `changes`, in
//! that order per entry). An event this version does not model arrives as `unknown` with
//! its raw JSON; an event that cannot be read goes to [`Notification::errors`] and its
//! siblings still parse. Verify the signature over the same raw bytes first
//! ([`crate::signature`]). See [Meta Docs/Webhooks].
//!
//! [Meta Docs/Webhooks]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks

mod dispatch;
mod event;
mod handshake;
mod helpers;
mod message;
mod payloads;
mod wire;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

pub use event::{Event, EventKind, Party, Platform};
pub use handshake::{HandshakeAnswer, HandshakeRefusal, handshake, handshake_query};
pub use helpers::SentMessage;
pub use message::{
    Attachment, AttachmentKind, AttachmentPayload, Coordinates, Extra, MessagePayload,
    QuickReplyPayload, Referral, ReplyTo,
};
pub use payloads::{
    AccountLinking, AppRoles, Comment, Delivery, Feedback, FeedbackAnswer, FeedbackScreen,
    GamePlay, MessageEdit, Optin, PolicyEnforcement, Postback, Reaction, Read,
    RequestThreadControl, ThreadControl, Unknown,
};

use crate::error::{Error, ErrorKind, Result};
use dispatch::Context;

/// A parsed webhook delivery.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notification {
    /// The delivery's `object`: `page`, `instagram`, or another value kept as text.
    pub object: String,
    /// Every event, in delivery order.
    pub events: Vec<Event>,
    /// Events (or entries) that could not be read, each with its position and raw JSON.
    pub errors: Vec<EventError>,
}

/// One event or entry that could not be read. Its siblings are unaffected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    object: Option<&'a RawValue>,
    #[serde(borrow, default)]
    entry: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(default, deserialize_with = "wire::opt_id")]
    id: Option<String>,
    #[serde(default, deserialize_with = "wire::opt_millis")]
    time: Option<i64>,
    #[serde(borrow, default)]
    messaging: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    standby: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    changes: Option<Vec<&'a RawValue>>,
}

/// Parses a webhook request body (the raw bytes, as received) into typed events.
///
/// # Errors
///
/// `invalid_utf8` or `invalid_json` when the body is not JSON text, `invalid_envelope`
/// (field `object` or `entry`) when it is not a webhook envelope. Problems inside single
/// events are not errors: they are listed in [`Notification::errors`].
pub fn parse(body: &[u8]) -> Result<Notification> {
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::new(ErrorKind::InvalidUtf8 {
            offset: e.valid_up_to(),
        })
    })?;
    let invalid_json = |e: serde_json::Error| {
        Error::new(ErrorKind::InvalidJson {
            detail: e.to_string(),
        })
    };
    // serde would also read a struct from a JSON array, so insist on an object first.
    if !text.trim_start().starts_with('{') {
        serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(invalid_json)?;
        return Err(envelope_error("the body is not a json object", None));
    }
    let envelope: Envelope<'_> = serde_json::from_str(text).map_err(invalid_json)?;
    let object: String = envelope
        .object
        .and_then(|raw| serde_json::from_str(raw.get()).ok())
        .ok_or_else(|| envelope_error("`object` is missing or not a string", Some("object")))?;
    let entries: Vec<&RawValue> = envelope
        .entry
        .and_then(|raw| serde_json::from_str(raw.get()).ok())
        .ok_or_else(|| envelope_error("`entry` is missing or not an array", Some("entry")))?;

    let platform = Platform::from_object(&object);
    let mut notification = Notification {
        object,
        events: Vec::with_capacity(entries.len()),
        errors: Vec::new(),
    };
    for (index, raw) in entries.into_iter().enumerate() {
        parse_entry(index, raw, platform, &mut notification);
    }
    Ok(notification)
}

fn parse_entry(index: usize, raw: &RawValue, platform: Platform, out: &mut Notification) {
    let entry: Entry<'_> = match serde_json::from_str(raw.get()) {
        Ok(entry) => entry,
        Err(err) => {
            let error = dispatch::invalid_event(err);
            out.errors.push(event_error(index, None, error, raw));
            return;
        }
    };
    let lists = [
        ("messaging", entry.messaging, false),
        ("standby", entry.standby, true),
        ("changes", entry.changes, false),
    ];
    for (list, items, standby) in lists {
        let ctx = Context {
            platform,
            page_id: entry.id.as_deref(),
            entry_time: entry.time,
            standby,
        };
        for (position, item) in items.into_iter().flatten().enumerate() {
            let parsed = if list == "changes" {
                dispatch::change(item, &ctx)
            } else {
                dispatch::messaging_item(item, &ctx)
            };
            match parsed {
                Ok(event) => out.events.push(event),
                Err(error) => {
                    let at = Some((list, position));
                    out.errors.push(event_error(index, at, error, item));
                }
            }
        }
    }
}

fn event_error(
    entry: usize,
    at: Option<(&str, usize)>,
    error: Error,
    raw: &RawValue,
) -> EventError {
    let field = match at {
        Some((list, position)) => format!("entry[{entry}].{list}[{position}]"),
        None => format!("entry[{entry}]"),
    };
    EventError {
        entry,
        list: at.map(|(list, _)| list.to_owned()),
        index: at.map(|(_, position)| position),
        field,
        code: error.code().to_owned(),
        message: error.kind().to_string(),
        raw: serde_json::from_str(raw.get()).unwrap_or(Value::Null),
    }
}

fn envelope_error(detail: &str, field: Option<&str>) -> Error {
    let kind = ErrorKind::InvalidEnvelope {
        detail: detail.to_owned(),
    };
    match field {
        Some(field) => Error::at(kind, field),
        None => Error::new(kind),
    }
}
