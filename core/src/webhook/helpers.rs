//! Helpers every Messenger integration needs: own-echo detection, dedupe keys, and
//! which sent messages a delivery or read receipt covers.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::event::{Event, EventKind, Party};

/// A message the host sent, as it recorded it: the `message_id` the Send API returned
/// and when it was sent (epoch ms).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SentMessage {
    /// The `message_id` returned by the Send API.
    pub mid: String,
    /// When it was sent, epoch milliseconds.
    pub timestamp: i64,
}

impl SentMessage {
    /// Records a sent message.
    pub fn new(mid: impl Into<String>, timestamp: i64) -> Self {
        Self {
            mid: mid.into(),
            timestamp,
        }
    }
}

impl Event {
    /// The message ID the event is about, if it has one (`message`, `echo`, `postback`,
    /// `reaction`, `message_edit`, Instagram `read`).
    pub fn mid(&self) -> Option<&str> {
        match &self.kind {
            EventKind::Message(p) | EventKind::Echo(p) | EventKind::MessageDeleted(p) => {
                p.mid.as_deref()
            }
            EventKind::Postback(p) => p.mid.as_deref(),
            EventKind::Reaction(p) => p.mid.as_deref(),
            EventKind::MessageEdit(p) => p.mid.as_deref(),
            EventKind::Read(p) => p.mid.as_deref(),
            _ => None,
        }
    }

    /// Whether this is an echo of a message sent by the app `app_id` (so a bot does not
    /// answer itself). Echoes from other apps or from people in Page Inbox return false.
    pub fn is_own_echo(&self, app_id: &str) -> bool {
        matches!(&self.kind, EventKind::Echo(p) if p.app_id.as_deref() == Some(app_id))
    }

    /// The messages among `sent` that this delivery or read receipt covers.
    ///
    /// `sent` should hold the messages sent to this event's sender (a receipt speaks for
    /// one thread). A delivery covers its `mids` and everything sent at or before its
    /// watermark; a Messenger read covers everything at or before its watermark; an
    /// Instagram read (by `mid`) covers that message and everything sent before it.
    /// Other events cover nothing.
    pub fn covered<'s>(&self, sent: &'s [SentMessage]) -> Vec<&'s str> {
        let (mids, watermark): (&[String], Option<i64>) = match &self.kind {
            EventKind::Delivery(d) => (&d.mids, d.watermark),
            EventKind::Read(r) => match (r.watermark, &r.mid) {
                (Some(watermark), _) => (&[], Some(watermark)),
                (None, Some(mid)) => {
                    let read_at = sent.iter().find(|s| &s.mid == mid).map(|s| s.timestamp);
                    (&[], read_at)
                }
                (None, None) => (&[], None),
            },
            _ => return Vec::new(),
        };
        let named: std::collections::HashSet<&str> = mids.iter().map(String::as_str).collect();
        sent.iter()
            .filter(|s| {
                named.contains(s.mid.as_str()) || watermark.is_some_and(|w| s.timestamp <= w)
            })
            .map(|s| s.mid.as_str())
            .collect()
    }

    /// The conversation this event belongs to, for ordering and locking per thread:
    /// `<platform>:<page or account ID>:<customer>`, the customer being the PSID / IGSID
    /// (or `user_ref`) of the person: the recipient of an echo or of anything the Page
    /// itself sent, the sender otherwise; `-` where there is none (Page-level events).
    /// Equal for `messaging` and `standby`, Messenger and Instagram, every form of the
    /// same thread.
    pub fn conversation_key(&self) -> String {
        let page = self.page_id.as_deref();
        let sender = self.sender.as_ref().and_then(Party::key);
        let from_page =
            matches!(self.kind, EventKind::Echo(_)) || (sender.is_some() && sender == page);
        let customer = if from_page {
            self.recipient.as_ref().and_then(Party::key)
        } else {
            sender
        };
        let platform = match self.platform {
            super::Platform::Messenger => "messenger",
            super::Platform::Instagram => "instagram",
            _ => "other",
        };
        let mut key = String::with_capacity(48);
        key.push_str(platform);
        push_str(&mut key, page);
        push_str(&mut key, customer);
        key
    }

    /// A key equal for every redelivery of the same event, for deduplication.
    ///
    /// Natural keys where Meta gives one: `message:<mid>`, `echo:<mid>`,
    /// `message_deleted:<mid>` (never equal to the deleted message's own key),
    /// `postback:<mid>`, `message_edit:<mid>:<num_edit>`, `delivery:<sender>:<watermark>`,
    /// `read:<sender>:<watermark or mid>`, `reaction:<sender>:<timestamp>:<action>:<mid>`,
    /// `comment:<comment_id>:<verb>` for a comment added or removed (Instagram's comments
    /// have no verb: `-`), and `comment:<comment_id>:<verb>:<timestamp>:<hash>` for a change
    /// that can happen again (an edit, a hide, an unhide: its time and content tell two
    /// apart). Otherwise
    /// `<type>:<sender>:<timestamp>:<first 16 hex of sha256(payload json, sorted keys)>`.
    /// A missing part is written `-`.
    pub fn dedupe_key(&self) -> &str {
        &self.dedupe_key
    }
}

/// Computes [`Event::dedupe_key`] from the event's other fields.
pub(crate) fn dedupe_key(event: &Event) -> String {
    let sender = event.sender.as_ref().and_then(|s| s.key());
    // One buffer written in place: this runs for every event parsed.
    let mut key = String::with_capacity(96);
    key.push_str(event.kind.name());
    let k = &mut key;
    match &event.kind {
        EventKind::Message(p) | EventKind::Echo(p) | EventKind::MessageDeleted(p)
            if p.mid.is_some() =>
        {
            push(k, &p.mid)
        }
        EventKind::Postback(p) if p.mid.is_some() => push(k, &p.mid),
        EventKind::MessageEdit(p) if p.mid.is_some() => {
            push(k, &p.mid);
            push_number(k, p.num_edit.map(i64::from));
        }
        EventKind::Delivery(p) if p.watermark.is_some() => {
            push_str(k, sender);
            push_number(k, p.watermark);
        }
        EventKind::Read(p) if p.watermark.is_some() => {
            push_str(k, sender);
            push_number(k, p.watermark);
        }
        EventKind::Read(p) if p.mid.is_some() => {
            push_str(k, sender);
            push(k, &p.mid);
        }
        EventKind::Reaction(p) if p.mid.is_some() => {
            push_str(k, sender);
            push_number(k, event.timestamp);
            push(k, &p.action);
            push(k, &p.mid);
        }
        EventKind::Comment(p) if p.comment_id.is_some() => {
            push(k, &p.comment_id);
            push(k, &p.verb);
            // A comment is added and removed once, but edited, hidden and unhidden
            // again and again: those keys also hold the change's time and content.
            if !comment_happens_once(p.verb.as_deref()) {
                push_number(k, event.timestamp);
                push_digest(k, &event.kind);
            }
        }
        kind => {
            push_str(k, sender);
            push_number(k, event.timestamp);
            push_digest(k, kind);
        }
    }
    key
}

/// Whether a comment change with this `verb` can happen only once per comment:
/// `add`, `remove`, and Instagram's `comments` field, which has no verb (a new comment).
pub(crate) fn comment_happens_once(verb: Option<&str>) -> bool {
    matches!(verb, None | Some("add" | "remove"))
}

/// `:` and the first 16 hex digits of the SHA-256 of the payload's JSON.
fn push_digest(key: &mut String, kind: &EventKind) {
    // Serialising through `Value` sorts object keys, so the hash is stable.
    let payload = serde_json::to_vec(&kind.payload_json()).unwrap_or_default();
    key.push(':');
    for byte in &Sha256::digest(&payload)[..8] {
        let _ = write!(key, "{byte:02x}");
    }
}

fn push(key: &mut String, part: &Option<String>) {
    push_str(key, part.as_deref());
}

fn push_str(key: &mut String, part: Option<&str>) {
    key.push(':');
    key.push_str(part.unwrap_or("-"));
}

fn push_number(key: &mut String, part: Option<i64>) {
    key.push(':');
    match part {
        Some(n) => {
            let _ = write!(key, "{n}");
        }
        None => key.push('-'),
    }
}
