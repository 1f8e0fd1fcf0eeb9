//! Helpers every Messenger integration needs: own-echo detection, dedupe keys, and
//! which sent messages a delivery or read receipt covers.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::event::{Event, EventKind};

/// A message the host sent, as it recorded it: the `message_id` the Send API returned
/// and when it was sent (epoch ms).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
            EventKind::Message(p) | EventKind::Echo(p) => p.mid.as_deref(),
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
        sent.iter()
            .filter(|s| mids.contains(&s.mid) || watermark.is_some_and(|w| s.timestamp <= w))
            .map(|s| s.mid.as_str())
            .collect()
    }

    /// A key equal for every redelivery of the same event, for deduplication.
    ///
    /// `message:<mid>`, `echo:<mid>`, `postback:<mid>` or `message_edit:<mid>:<num_edit>`
    /// where the event has a message ID; otherwise
    /// `<type>:<sender>:<timestamp>:<first 16 hex of sha256(payload json)>`.
    pub fn dedupe_key(&self) -> &str {
        &self.dedupe_key
    }
}

/// Computes [`Event::dedupe_key`] from the event's other fields.
pub(crate) fn dedupe_key(event: &Event) -> String {
    let name = event.kind.name();
    match &event.kind {
        EventKind::Message(p) | EventKind::Echo(p) if p.mid.is_some() => {
            return format!("{name}:{}", p.mid.as_deref().unwrap_or_default());
        }
        EventKind::Postback(p) if p.mid.is_some() => {
            return format!("{name}:{}", p.mid.as_deref().unwrap_or_default());
        }
        EventKind::MessageEdit(p) if p.mid.is_some() => {
            let edits = p.num_edit.map_or_else(|| "-".to_owned(), |n| n.to_string());
            return format!("{name}:{}:{edits}", p.mid.as_deref().unwrap_or_default());
        }
        _ => {}
    }
    let sender = event.sender.as_ref().and_then(|s| s.key()).unwrap_or("-");
    let timestamp = event
        .timestamp
        .map_or_else(|| "-".to_owned(), |t| t.to_string());
    // Payload JSON has sorted or declared key order, so the hash is stable.
    let payload = serde_json::to_vec(&event.kind.payload_json()).unwrap_or_default();
    let digest = Sha256::digest(&payload);
    let mut key = format!("{name}:{sender}:{timestamp}:");
    for byte in &digest[..8] {
        let _ = write!(key, "{byte:02x}");
    }
    key
}
