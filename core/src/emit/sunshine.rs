//! Sunshine Conversations v2: one `{app, webhook, events[]}` envelope per delivery, with
//! `conversation:message`, `conversation:postback`, `conversation:create`,
//! `conversation:read`, `conversation:referral` and
//! `conversation:message:delivery:channel|user|failure` events.

use serde_json::{Value, json};

use super::EmitConfig;
use super::context::{Ctx, Out};
use super::outcome::{Outcome, SendResult, message_of, smooch_code};
use super::smooch::referral_json;
use crate::compose::WarningCode;
use crate::inbound::{Activity, InboundMessage, MediaType, Part};
use crate::limits::iso_millis;

pub(super) fn event(ctx: &Ctx<'_>, out: &mut Out) {
    match &ctx.event.activity {
        Activity::Message(message) => {
            messages(ctx, out, message, true);
            if let Some(referral) = &message.referral {
                let mut payload = base(ctx);
                merge(&mut payload, referral_json(referral));
                out.push(wrap(ctx, "conversation:referral", payload, 0));
            }
        }
        Activity::Echo(message) => messages(ctx, out, message, false),
        Activity::Postback(selection) => {
            let mut payload = base(ctx);
            payload["postback"] = json!({ "payload": selection.payload });
            if selection.title.is_some() {
                let detail = "Sunshine's postback carries the payload only".to_owned();
                out.warn(ctx, WarningCode::Dropped, "postback.title", detail);
            }
            out.push(wrap(ctx, "conversation:postback", payload, 0));
            if selection.get_started {
                let referral = selection.referral.as_ref().map(referral_json);
                out.push(wrap(ctx, "conversation:create", create(ctx, referral), 1));
            }
        }
        Activity::Optin(optin) if optin.kind.is_none() => {
            let referral = optin
                .ref_
                .as_ref()
                .map(|code| json!({ "referral": { "code": code } }));
            out.push(wrap(ctx, "conversation:create", create(ctx, referral), 0));
        }
        Activity::Referral(referral) => {
            let mut payload = base(ctx);
            merge(&mut payload, referral_json(referral));
            out.push(wrap(ctx, "conversation:referral", payload, 0));
        }
        Activity::Read(_) => {
            let payload = json!({
                "conversation": { "id": ctx.conversation_id(), "type": "personal" },
                "activity": { "type": "conversation:read", "source": source(ctx), "author": user_author(ctx) },
            });
            out.push(wrap(ctx, "conversation:read", payload, 0));
        }
        Activity::Delivered(receipt) => {
            let mids = out.covered(ctx, receipt);
            if mids.is_empty() {
                out.nothing_covered(ctx);
            }
            for (n, mid) in mids.iter().enumerate() {
                let payload = delivery(ctx, &ctx.sent_message_id(mid), Some(mid), true);
                out.push(wrap(ctx, "conversation:message:delivery:user", payload, n));
            }
        }
        _ => out.no_equivalent(ctx),
    }
}

pub(super) fn outcome(ctx: &Ctx<'_>, outcome: &Outcome, result: &SendResult, out: &mut Out) {
    match result {
        SendResult::Accepted { mid } => {
            let payload = delivery(ctx, &outcome.message_id, mid.as_deref(), false);
            out.push(wrap(
                ctx,
                "conversation:message:delivery:channel",
                payload,
                0,
            ));
        }
        SendResult::Failed { error, raw } => {
            let mut payload = delivery(ctx, &outcome.message_id, None, true);
            payload["error"] = json!({
                "code": smooch_code(error.class),
                "message": message_of(error),
                "underlyingError": raw,
            });
            out.push(wrap(
                ctx,
                "conversation:message:delivery:failure",
                payload,
                0,
            ));
        }
    }
}

/// One envelope holding every event of the delivery (none when there are none).
pub(super) fn envelope(config: &EmitConfig, events: Vec<Value>) -> Vec<Value> {
    if events.is_empty() {
        return Vec::new();
    }
    vec![json!({
        "app": { "id": config.app_id },
        "webhook": { "id": config.webhook_id, "version": "v2" },
        "events": events,
    })]
}

fn wrap(ctx: &Ctx<'_>, kind: &str, payload: Value, n: usize) -> Value {
    json!({
        "id": ctx.event_id(kind, n),
        "createdAt": ctx.iso(),
        "type": kind,
        "payload": payload,
    })
}

fn user(ctx: &Ctx<'_>) -> Value {
    let mut user = json!({ "id": ctx.user_id() });
    if let Some(profile) = ctx.profile() {
        let mut fields = serde_json::Map::new();
        for (key, value) in [
            ("givenName", &profile.first_name),
            ("surname", &profile.last_name),
            ("avatarUrl", &profile.profile_pic),
        ] {
            if let Some(value) = value {
                fields.insert(key.to_owned(), json!(value));
            }
        }
        user["profile"] = Value::Object(fields);
    }
    user
}

fn user_author(ctx: &Ctx<'_>) -> Value {
    let mut author = json!({ "type": "user", "userId": ctx.user_id(), "user": user(ctx) });
    if let Some(name) = ctx.display_name() {
        author["displayName"] = json!(name);
    }
    author
}

fn source(ctx: &Ctx<'_>) -> Value {
    json!({ "type": ctx.source_type(), "integrationId": ctx.integration_id() })
}

/// `conversation`, `user` and `source`, which most payloads share.
fn base(ctx: &Ctx<'_>) -> Value {
    json!({
        "conversation": { "id": ctx.conversation_id(), "type": "personal" },
        "user": user(ctx),
        "source": source(ctx),
    })
}

fn create(ctx: &Ctx<'_>, referral: Option<Value>) -> Value {
    let mut payload = base(ctx);
    payload["creationReason"] = json!("startConversation");
    if let Some(referral) = referral {
        merge(&mut payload, referral);
    }
    payload
}

fn delivery(ctx: &Ctx<'_>, message_id: &str, mid: Option<&str>, last: bool) -> Value {
    let mut payload = json!({
        "user": user(ctx),
        "conversation": { "id": ctx.conversation_id(), "type": "personal" },
        "message": { "id": message_id },
        "destination": { "type": ctx.source_type(), "integrationId": ctx.integration_id() },
        "isFinalEvent": last,
    });
    if let Some(mid) = mid {
        payload["externalMessages"] = json!([{ "id": mid }]);
    }
    payload
}

/// One `conversation:message` per part: the text, then each attachment.
fn messages(ctx: &Ctx<'_>, out: &mut Out, message: &InboundMessage, from_user: bool) {
    let mut contents = Vec::new();
    if let Some(text) = &message.text {
        let mut content = json!({ "type": "text", "text": text });
        if let Some(payload) = &message.quick_reply {
            content["payload"] = json!(payload);
        }
        contents.push(content);
    }
    for (i, part) in message.parts.iter().enumerate() {
        match part {
            Part::Media(media) => {
                let kind = match media.media {
                    MediaType::Image | MediaType::Sticker => "image",
                    _ => "file",
                };
                let mut content = json!({ "type": kind, "mediaUrl": media.url });
                if let Some(mime) = &media.mime {
                    content["mediaType"] = json!(mime);
                }
                contents.push(content);
            }
            Part::Location(location) => {
                let mut content = json!({
                    "type": "location",
                    "coordinates": { "lat": location.latitude, "long": location.longitude },
                });
                // Sunshine's location content has an optional `location {name, address}`.
                if let Some(title) = &location.title {
                    content["location"] = json!({ "name": title });
                }
                if location.url.is_some() {
                    let field = format!("message.attachments[{i}].payload.url");
                    let detail = "Sunshine's location has no link".to_owned();
                    out.warn(ctx, WarningCode::Dropped, &field, detail);
                }
                contents.push(content);
            }
            Part::Other(other) => {
                let field = format!("message.attachments[{i}]");
                if let Some(text) = out.link_text(ctx, other, &field) {
                    contents.push(json!({ "type": "text", "text": text }));
                }
            }
        }
    }
    if contents.is_empty() {
        out.no_equivalent(ctx);
        return;
    }
    let author = if from_user {
        user_author(ctx)
    } else {
        json!({ "type": "business" })
    };
    for (n, content) in contents.into_iter().enumerate() {
        let mut msg = json!({
            "id": ctx.inbound_message_id(message.mid.as_deref(), n),
            "received": ctx.iso(),
            "author": author,
            "content": content,
            "source": {
                "type": ctx.source_type(),
                "integrationId": ctx.integration_id(),
                "originalMessageId": message.mid,
                "originalMessageTimestamp": iso_millis(ctx.millis),
            },
        });
        if let Some(mid) = &message.reply_to {
            msg["quotedMessage"] = json!({ "type": "externalMessageId", "externalMessageId": mid });
        }
        let mut payload =
            json!({ "conversation": { "id": ctx.conversation_id(), "type": "personal" } });
        payload["message"] = msg;
        out.push(wrap(ctx, "conversation:message", payload, n));
    }
}

fn merge(into: &mut Value, rest: Value) {
    if let (Value::Object(into), Value::Object(rest)) = (into, rest) {
        into.extend(rest);
    }
}
