//! The webhook bodies Meta sends, built for the sandbox's customers: messaging items (a
//! message, a quick-reply tap, a postback, a reaction, a read, a referral, an opt-in, the
//! delivery and echo that follow a send) wrapped in a `page` notification.

use serde_json::{Value, json};

use crate::state::PAGE_ID;

/// A messaging item from `psid` to the Page, with `key` holding `payload`.
pub(crate) fn from_customer(psid: &str, timestamp: i64, key: &str, payload: Value) -> Value {
    let mut item = json!({
        "sender": {"id": psid},
        "recipient": {"id": PAGE_ID},
        "timestamp": timestamp,
    });
    item[key] = payload;
    item
}

/// The echo of a message the Page sent to `psid` (`is_echo`, `app_id`, the mid, and the
/// message as sent).
pub(crate) fn echo(psid: &str, timestamp: i64, mid: &str, message: &Value, app_id: &str) -> Value {
    let mut echoed =
        json!({"is_echo": true, "app_id": app_id.parse::<u64>().unwrap_or(0), "mid": mid});
    if let Some(fields) = message.as_object() {
        for (key, value) in fields {
            if key != "quick_replies" {
                echoed[key] = value.clone();
            }
        }
    }
    json!({
        "sender": {"id": PAGE_ID},
        "recipient": {"id": psid},
        "timestamp": timestamp,
        "message": echoed,
    })
}

/// The notification Meta POSTs: one entry for the Page with `items`, under `messaging`
/// or (for a thread another app owns) `standby`.
pub(crate) fn notification(time: i64, items: Vec<Value>, standby: bool) -> Value {
    let list = if standby { "standby" } else { "messaging" };
    let mut entry = json!({"id": PAGE_ID, "time": time});
    entry[list] = Value::Array(items);
    json!({"object": "page", "entry": [entry]})
}

/// The payload of a customer's message: `text`, or one of the attachment kinds the page
/// offers (`image`, `file`, `location`, `sticker`).
pub(crate) fn message_payload(mid: &str, action: &Value) -> Value {
    let mut message = json!({"mid": mid});
    if let Some(text) = action.get("text").and_then(Value::as_str) {
        message["text"] = json!(text);
    }
    if let Some(reply) = action.get("quick_reply") {
        message["quick_reply"] = json!({"payload": reply});
    }
    let kind = action.get("attachment").and_then(Value::as_str);
    let url = action
        .get("url")
        .and_then(Value::as_str)
        .unwrap_or("https://sandbox.invalid/attachment.png");
    let attachment = match kind {
        Some("image") => Some(json!({"type": "image", "payload": {"url": url}})),
        Some("file") => Some(json!({"type": "file", "payload": {"url": url}})),
        Some("sticker") => {
            message["sticker_id"] = json!(369_239_263_222_822_u64);
            Some(
                json!({"type": "image", "payload": {"url": url, "sticker_id": 369_239_263_222_822_u64}}),
            )
        }
        Some("location") => {
            let lat = action.get("lat").and_then(Value::as_f64).unwrap_or(52.52);
            let long = action.get("long").and_then(Value::as_f64).unwrap_or(13.405);
            Some(
                json!({"type": "location", "payload": {"coordinates": {"lat": lat, "long": long}}}),
            )
        }
        _ => None,
    };
    if let Some(attachment) = attachment {
        message["attachments"] = json!([attachment]);
    }
    message
}
