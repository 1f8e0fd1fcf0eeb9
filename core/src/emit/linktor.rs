//! Linktor webhook events (`{id, event, timestamp, data}`): `message.received`,
//! `facebook.postback`, `facebook.quick_reply`, and `message.sent|delivered|read|failed`.
//! Linktor skips echoes and has no event for reactions, referrals or handover: those are
//! warnings.

use serde_json::{Map, Value, json};

use super::LinktorForm;
use super::context::{Ctx, Out};
use super::outcome::{Outcome, SendResult, message_of};
use super::smooch::insert_opt;
use crate::compose::WarningCode;
use crate::inbound::{Activity, InboundMessage, MediaType, Part};

pub(super) fn event(ctx: &Ctx<'_>, out: &mut Out) {
    match &ctx.event.activity {
        Activity::Message(message) => match &message.quick_reply {
            // Linktor sends a quick-reply tap as `facebook.quick_reply` only.
            Some(payload) => {
                let data = json!({
                    "channelId": channel_id(ctx),
                    "from": ctx.event.customer,
                    "payload": payload,
                    "text": message.text,
                    "timestamp": ctx.iso(),
                });
                out.push(wrap(ctx, "facebook.quick_reply", data, 0));
            }
            None => received(ctx, out, message),
        },
        Activity::Postback(selection) => {
            let data = json!({
                "channelId": channel_id(ctx),
                "from": ctx.event.customer,
                "payload": selection.payload,
                "title": selection.title,
                "timestamp": ctx.iso(),
            });
            out.push(wrap(ctx, "facebook.postback", data, 0));
            if selection.referral.is_some() {
                let detail = "Linktor's postback event carries no referral".to_owned();
                out.warn(ctx, WarningCode::Dropped, "postback.referral", detail);
            }
        }
        Activity::Delivered(receipt) | Activity::Read(receipt) => {
            let event = match ctx.event.activity {
                Activity::Read(_) => "message.read",
                _ => "message.delivered",
            };
            let mids = out.covered(ctx, receipt);
            if mids.is_empty() {
                out.nothing_covered(ctx);
            }
            for (n, mid) in mids.iter().enumerate() {
                let data = status(ctx, &ctx.sent_message_id(mid), Some(mid));
                out.push(wrap(ctx, event, data, n));
            }
        }
        _ => out.no_equivalent(ctx),
    }
}

pub(super) fn outcome(ctx: &Ctx<'_>, outcome: &Outcome, result: &SendResult, out: &mut Out) {
    match result {
        SendResult::Accepted { mid } => {
            let data = status(ctx, &outcome.message_id, mid.as_deref());
            out.push(wrap(ctx, "message.sent", data, 0));
        }
        SendResult::Failed { error, raw } => {
            let mut data = status(ctx, &outcome.message_id, None);
            data["error"] = json!({
                "code": error.class.code(),
                "message": message_of(error),
                "graph": raw,
            });
            out.push(wrap(ctx, "message.failed", data, 0));
        }
    }
}

fn channel_id<'a>(ctx: &Ctx<'a>) -> &'a str {
    ctx.config.channel_id.as_deref().unwrap_or_default()
}

fn channel_type(ctx: &Ctx<'_>) -> &'static str {
    match ctx.source_type() {
        "instagram" => "instagram",
        _ => "facebook",
    }
}

fn wrap(ctx: &Ctx<'_>, event: &str, data: Value, n: usize) -> Value {
    match ctx.config.linktor_form() {
        LinktorForm::Docs => json!({
            "id": ctx.event_id(event, n),
            "event": event,
            "timestamp": ctx.iso(),
            "data": data,
        }),
        LinktorForm::Sdk => json!({
            "id": ctx.event_id(event, n),
            "type": event,
            "timestamp": ctx.iso(),
            "tenantId": ctx.config.tenant_id,
            "data": data,
        }),
    }
}

fn status(ctx: &Ctx<'_>, message_id: &str, mid: Option<&str>) -> Value {
    let mut data = json!({
        "id": message_id,
        "channelId": channel_id(ctx),
        "channelType": channel_type(ctx),
        "conversationId": ctx.conversation_id(),
        "to": ctx.event.customer,
        "timestamp": ctx.iso(),
    });
    if let Some(mid) = mid {
        data["metadata"] = json!({ "mid": mid });
    }
    data
}

fn metadata(ctx: &Ctx<'_>, mid: Option<&str>) -> Value {
    let mut metadata = Map::new();
    if let Some(mid) = mid {
        metadata.insert("mid".to_owned(), json!(mid));
    }
    if let Some(profile) = ctx.profile() {
        insert_opt(&mut metadata, "firstName", &profile.first_name);
        insert_opt(&mut metadata, "lastName", &profile.last_name);
        insert_opt(&mut metadata, "profilePic", &profile.profile_pic);
    }
    Value::Object(metadata)
}

/// One `message.received` per part; a text with exactly one media is its caption.
fn received(ctx: &Ctx<'_>, out: &mut Out, message: &InboundMessage) {
    let mut contents = Vec::new();
    let captioned = message.text.is_some()
        && matches!(message.parts.as_slice(), [Part::Media(m)] if m.media != MediaType::Sticker);
    if let (Some(text), false) = (&message.text, captioned) {
        contents.push(json!({ "type": "text", "text": text }));
    }
    for (i, part) in message.parts.iter().enumerate() {
        let field = format!("message.attachments[{i}]");
        let mut content = match part {
            Part::Media(media) => {
                let kind = match media.media {
                    MediaType::Image => "image",
                    MediaType::Video => "video",
                    MediaType::Audio => "audio",
                    MediaType::File => "document",
                    MediaType::Sticker => {
                        let detail = "Linktor has no sticker content: sent as an image".to_owned();
                        out.warn(ctx, WarningCode::Replaced, &field, detail);
                        "image"
                    }
                };
                let mut content = json!({ "type": kind, "url": media.url });
                if let Some(mime) = &media.mime {
                    content["mimeType"] = json!(mime);
                }
                content
            }
            Part::Location(location) => {
                let mut content = json!({
                    "type": "location",
                    "latitude": location.latitude,
                    "longitude": location.longitude,
                });
                if let Some(title) = &location.title {
                    content["name"] = json!(title);
                }
                if location.url.is_some() {
                    let field = format!("{field}.payload.url");
                    let detail = "Linktor's location has no link".to_owned();
                    out.warn(ctx, WarningCode::Dropped, &field, detail);
                }
                content
            }
            Part::Other(other) => match out.link_text(ctx, other, &field) {
                Some(text) => json!({ "type": "text", "text": text }),
                None => continue,
            },
        };
        if captioned {
            content["caption"] = json!(message.text);
        }
        contents.push(content);
    }
    if contents.is_empty() {
        out.no_equivalent(ctx);
        return;
    }
    for dropped in [
        ("message.reply_to", message.reply_to.is_some()),
        ("message.referral", message.referral.is_some()),
    ] {
        if dropped.1 {
            let detail = "Linktor's message event has no such field".to_owned();
            out.warn(ctx, WarningCode::Dropped, dropped.0, detail);
        }
    }
    for (n, content) in contents.into_iter().enumerate() {
        let data = json!({
            "id": ctx.inbound_message_id(message.mid.as_deref(), n),
            "channelId": channel_id(ctx),
            "channelType": channel_type(ctx),
            "conversationId": ctx.conversation_id(),
            "contactId": ctx.user_id(),
            "direction": "inbound",
            "from": ctx.event.customer,
            "content": content,
            "timestamp": ctx.iso(),
            "metadata": metadata(ctx, message.mid.as_deref()),
        });
        out.push(wrap(ctx, "message.received", data, n));
    }
}
