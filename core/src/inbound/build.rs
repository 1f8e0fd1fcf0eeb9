//! Parsed webhook events to the neutral inbound model.

use serde_json::{Map, Value, json};

use super::{
    Activity, EditActivity, Inbound, InboundMessage, Location, Media, MediaType, OptinInfo,
    OtherActivity, OtherPart, Part, ReactionActivity, Receipt, ReferralInfo, Selection, Unsend,
};
use crate::webhook::{
    Attachment, AttachmentKind, Event, EventKind, MessagePayload, Party, Platform, Referral,
};

/// Every event of a delivery, in order. `get_started_payload` is the Page's Get Started
/// payload, when the host knows it (a postback with it starts a conversation).
pub fn from_events(events: &[Event], get_started_payload: Option<&str>) -> Vec<Inbound> {
    events
        .iter()
        .map(|event| from_event(event, get_started_payload))
        .collect()
}

/// One event.
pub fn from_event(event: &Event, get_started_payload: Option<&str>) -> Inbound {
    let conversation_key = event.conversation_key();
    // The customer is the last part of the conversation key (the recipient of echoes).
    let customer = conversation_key
        .rsplit(':')
        .next()
        .unwrap_or("-")
        .to_owned();
    Inbound {
        platform: event.platform,
        page_id: event.page_id.as_deref().unwrap_or("-").to_owned(),
        customer,
        timestamp: event.timestamp,
        dedupe_key: event.dedupe_key.clone(),
        conversation_key,
        standby: event.standby,
        activity: activity(&event.kind, get_started_payload),
        wire: wire_item(event),
    }
}

fn activity(kind: &EventKind, get_started_payload: Option<&str>) -> Activity {
    match kind {
        EventKind::Message(p) => Activity::Message(message(p)),
        EventKind::Echo(p) => Activity::Echo(message(p)),
        EventKind::MessageDeleted(p) => Activity::Unsend(Unsend { mid: p.mid.clone() }),
        EventKind::Postback(p) => {
            let referral = p.referral.as_ref().map(referral);
            let get_started = referral.is_some()
                || get_started_payload.is_some_and(|g| p.payload.as_deref() == Some(g));
            Activity::Postback(Selection {
                mid: p.mid.clone(),
                payload: p.payload.clone(),
                title: p.title.clone(),
                get_started,
                referral,
            })
        }
        EventKind::Reaction(p) => Activity::Reaction(ReactionActivity {
            mid: p.mid.clone(),
            action: p.action.clone(),
            emoji: p.emoji.clone(),
        }),
        EventKind::Delivery(p) => Activity::Delivered(Receipt {
            mids: p.mids.clone(),
            watermark: p.watermark,
        }),
        EventKind::Read(p) => Activity::Read(Receipt {
            mids: p.mid.iter().cloned().collect(),
            watermark: p.watermark,
        }),
        EventKind::Referral(p) => Activity::Referral(referral(p)),
        EventKind::Optin(p) => Activity::Optin(OptinInfo {
            kind: p.kind.clone(),
            ref_: p.ref_.clone().or_else(|| p.payload.clone()),
        }),
        EventKind::MessageEdit(p) => Activity::Edit(EditActivity {
            mid: p.mid.clone(),
            text: p.text.clone(),
        }),
        other => Activity::Other(OtherActivity {
            event_type: other.name().to_owned(),
        }),
    }
}

fn message(p: &MessagePayload) -> InboundMessage {
    InboundMessage {
        mid: p.mid.clone(),
        text: p.text.clone(),
        quick_reply: p.quick_reply.as_ref().and_then(|q| q.payload.clone()),
        parts: p.attachments.iter().map(part).collect(),
        reply_to: p.reply_to.as_ref().and_then(|r| r.mid.clone()),
        referral: p.referral.as_ref().map(referral),
        app_id: p.app_id.clone(),
        metadata: p.metadata.clone(),
    }
}

fn referral(r: &Referral) -> ReferralInfo {
    ReferralInfo {
        ref_: r.ref_.clone(),
        source: r.source.clone(),
        kind: r.kind.clone(),
        ad_id: r.ad_id.clone(),
    }
}

fn part(attachment: &Attachment) -> Part {
    let payload = attachment.payload.as_ref();
    let url = payload.and_then(|p| p.url.clone());
    let media = |media: MediaType| {
        Part::Media(Media {
            media,
            mime: url.as_deref().and_then(mime_of),
            url: url.clone(),
            sticker_id: payload.and_then(|p| p.sticker_id.clone()),
        })
    };
    match &attachment.kind {
        _ if attachment.is_sticker() => media(MediaType::Sticker),
        AttachmentKind::Image => media(MediaType::Image),
        AttachmentKind::Video => media(MediaType::Video),
        AttachmentKind::Audio => media(MediaType::Audio),
        AttachmentKind::File => media(MediaType::File),
        AttachmentKind::Location if payload.and_then(|p| p.coordinates.as_ref()).is_some() => {
            let point = payload
                .and_then(|p| p.coordinates.as_ref())
                .expect("checked");
            Part::Location(Location {
                latitude: point.lat,
                longitude: point.long,
                title: payload.and_then(|p| p.title.clone()),
                url,
            })
        }
        kind => Part::Other(OtherPart {
            attachment_type: kind.as_str().to_owned(),
            url,
            title: payload.and_then(|p| p.title.clone()),
            raw: serde_json::to_value(attachment).unwrap_or(Value::Null),
        }),
    }
}

/// The MIME type a URL's file extension names (Meta gives none).
fn mime_of(url: &str) -> Option<String> {
    let mime = match crate::compose::media::file_extension(url).as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "mp4" => "video/mp4",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ogg" | "oga" => "audio/ogg",
        "m4a" | "aac" => "audio/aac",
        "wav" => "audio/wav",
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        "zip" => "application/zip",
        _ => return None,
    };
    Some(mime.to_owned())
}

/// The event as Meta's own notification of it alone: `{object, entry: [{id, time,
/// messaging | standby | changes: [item]}]}`, the item rebuilt from the parsed event
/// (unknown events keep their raw JSON).
fn wire_item(event: &Event) -> Value {
    let (list, item) = match &event.kind {
        EventKind::Unknown(unknown) => {
            let is_change =
                unknown.raw.get("field").is_some() && unknown.raw.get("value").is_some();
            (
                if is_change { "changes" } else { list_of(event) },
                unknown.raw.clone(),
            )
        }
        EventKind::Comment(_) => {
            let field = match event.platform {
                Platform::Instagram => "comments",
                _ => "feed",
            };
            (
                "changes",
                json!({ "field": field, "value": event.kind.payload_json() }),
            )
        }
        _ => (list_of(event), messaging_item(event)),
    };
    let object = match event.platform {
        Platform::Instagram => "instagram",
        _ => "page",
    };
    json!({
        "object": object,
        "entry": [{ "id": event.page_id.as_deref(), "time": event.timestamp, list: [item] }],
    })
}

fn list_of(event: &Event) -> &'static str {
    if event.standby {
        "standby"
    } else {
        "messaging"
    }
}

fn messaging_item(event: &Event) -> Value {
    let mut payload = event.kind.payload_json();
    let key = match &event.kind {
        EventKind::Echo(_) => {
            if let Value::Object(map) = &mut payload {
                map.insert("is_echo".to_owned(), Value::Bool(true));
            }
            "message"
        }
        EventKind::MessageDeleted(_) => "message",
        EventKind::Feedback(_) => "messaging_feedback",
        kind => kind.name(),
    };
    let mut item = Map::new();
    let party = |p: &Option<Party>| serde_json::to_value(p).unwrap_or(Value::Null);
    if event.sender.is_some() {
        item.insert("sender".to_owned(), party(&event.sender));
    }
    if event.recipient.is_some() {
        item.insert("recipient".to_owned(), party(&event.recipient));
    }
    if let Some(timestamp) = event.timestamp {
        item.insert("timestamp".to_owned(), json!(timestamp));
    }
    item.insert(key.to_owned(), payload);
    Value::Object(item)
}

#[cfg(test)]
mod tests {
    use super::mime_of;

    #[test]
    fn mime_comes_from_the_last_path_segment_only() {
        assert_eq!(
            mime_of("https://cdn.example/a/b.JPG?x=1").as_deref(),
            Some("image/jpeg")
        );
        assert_eq!(mime_of("https://cdn.example.com"), None);
        assert_eq!(mime_of("https://cdn.example/file"), None);
        assert_eq!(mime_of("not a url"), None);
    }
}
