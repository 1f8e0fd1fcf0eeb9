//! Smooch v1.1 webhooks: `message:appUser` (and `message:appMaker` for echoes),
//! `postback`, `conversation:start|read|referral`, `message:delivery:user|channel|failure`.

use serde_json::{Map, Value, json};

use super::context::{Ctx, Out};
use super::outcome::{Outcome, SendResult, message_of, smooch_code};
use crate::compose::WarningCode;
use crate::inbound::{Activity, InboundMessage, MediaType, Part, ReferralInfo};

pub(super) fn event(ctx: &Ctx<'_>, out: &mut Out) {
    match &ctx.event.activity {
        Activity::Message(message) => {
            push_messages(ctx, out, message, "appUser");
            if let Some(referral) = &message.referral {
                out.push(with_source(
                    ctx,
                    "conversation:referral",
                    referral_json(referral),
                ));
            }
        }
        Activity::Echo(message) => push_messages(ctx, out, message, "appMaker"),
        Activity::Postback(selection) => {
            let mut action = Map::new();
            action.insert("_id".to_owned(), json!(ctx.event_id("action", 0)));
            action.insert("type".to_owned(), json!("postback"));
            insert_opt(&mut action, "text", &selection.title);
            insert_opt(&mut action, "payload", &selection.payload);
            // The message that held the button, when the host's `payloads` names it; Smooch
            // omits it too for persistent-menu postbacks, which no message held.
            let mut postback = json!({ "action": action });
            if let Some(id) = selection
                .payload
                .as_ref()
                .and_then(|p| ctx.config.payloads.get(p))
            {
                postback["message"] = json!({ "_id": id, "role": "appMaker" });
            }
            let postbacks = json!({ "postbacks": [postback] });
            out.push(envelope(ctx, "postback", postbacks));
            if selection.get_started {
                let referral = selection.referral.as_ref().map(referral_json);
                out.push(with_source(
                    ctx,
                    "conversation:start",
                    referral.unwrap_or_default(),
                ));
            }
        }
        Activity::Optin(optin) if optin.kind.is_none() => {
            let referral = optin
                .ref_
                .as_ref()
                .map(|code| json!({ "referral": { "code": code } }));
            out.push(with_source(
                ctx,
                "conversation:start",
                referral.unwrap_or_default(),
            ));
        }
        Activity::Referral(referral) => {
            out.push(with_source(
                ctx,
                "conversation:referral",
                referral_json(referral),
            ));
        }
        Activity::Read(_) => out.push(with_source(ctx, "conversation:read", json!({}))),
        Activity::Delivered(receipt) => {
            let mids = out.covered(ctx, receipt);
            if mids.is_empty() {
                out.nothing_covered(ctx);
            }
            for mid in mids {
                let body = delivery(ctx, &ctx.sent_message_id(&mid), Some(&mid), true);
                out.push(envelope(ctx, "message:delivery:user", body));
            }
        }
        _ => out.no_equivalent(ctx),
    }
}

pub(super) fn outcome(ctx: &Ctx<'_>, outcome: &Outcome, result: &SendResult, out: &mut Out) {
    match result {
        SendResult::Accepted { mid } => {
            let body = delivery(ctx, &outcome.message_id, mid.as_deref(), false);
            out.push(envelope(ctx, "message:delivery:channel", body));
        }
        SendResult::Failed { error, raw } => {
            let mut body = delivery(ctx, &outcome.message_id, None, true);
            body["error"] = json!({
                "code": smooch_code(error.class),
                "message": message_of(error),
                "underlyingError": raw,
            });
            out.push(envelope(ctx, "message:delivery:failure", body));
        }
    }
}

/// The fields every v1.1 trigger has, plus `rest`.
fn envelope(ctx: &Ctx<'_>, trigger: &str, rest: Value) -> Value {
    let mut body = json!({
        "trigger": trigger,
        "version": "v1.1",
        "app": { "_id": ctx.app_id() },
        "appUser": app_user(ctx),
        "conversation": { "_id": ctx.conversation_id() },
    });
    merge(&mut body, rest);
    body
}

/// A conversation trigger: the envelope with `source` and `timestamp`.
fn with_source(ctx: &Ctx<'_>, trigger: &str, rest: Value) -> Value {
    let mut body = envelope(ctx, trigger, rest);
    body["source"] = json!({ "type": ctx.source_type() });
    body["timestamp"] = json!(ctx.seconds());
    body
}

fn delivery(ctx: &Ctx<'_>, message_id: &str, mid: Option<&str>, last: bool) -> Value {
    let mut body = json!({
        "destination": { "type": ctx.source_type() },
        "isFinalEvent": last,
        "message": { "_id": message_id },
        "timestamp": ctx.seconds(),
    });
    if let Some(mid) = mid {
        body["externalMessages"] = json!([{ "id": mid }]);
    }
    body
}

fn app_user(ctx: &Ctx<'_>) -> Value {
    let mut client = json!({
        "platform": ctx.source_type(),
        "integrationId": ctx.integration_id(),
        "externalId": ctx.event.customer,
        "active": true,
        "primary": true,
    });
    let mut user = json!({
        "_id": ctx.user_id(),
        "conversationStarted": true,
        "properties": {},
    });
    if let Some(name) = ctx.display_name() {
        client["displayName"] = json!(name);
    }
    if let Some(profile) = ctx.profile() {
        let fields = [
            ("givenName", &profile.first_name),
            ("surname", &profile.last_name),
            ("avatarUrl", &profile.profile_pic),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                user[key] = json!(value);
            }
        }
    }
    user["clients"] = json!([client]);
    user
}

/// One Smooch message per part: the text, then each attachment.
fn push_messages(ctx: &Ctx<'_>, out: &mut Out, message: &InboundMessage, role: &str) {
    let mut messages = Vec::new();
    // Smooch's docs show media messages without `text`, a location with its maps text.
    let base = |kind: &str, text: Option<String>, n: usize| {
        let mut m = json!({
            "_id": ctx.inbound_message_id(message.mid.as_deref(), n),
            "type": kind,
            "role": role,
            "received": ctx.seconds(),
            "source": {
                "type": ctx.source_type(),
                "integrationId": ctx.integration_id(),
                "originalMessageId": message.mid,
            },
        });
        if let Some(text) = text {
            m["text"] = json!(text);
        }
        if role == "appUser" {
            m["authorId"] = json!(ctx.user_id());
            if let Some(name) = ctx.display_name() {
                m["name"] = json!(name);
            }
        }
        m
    };
    if let Some(text) = &message.text {
        let mut m = base("text", Some(text.clone()), messages.len());
        if let Some(payload) = &message.quick_reply {
            m["payload"] = json!(payload);
        }
        messages.push(m);
    }
    for (i, part) in message.parts.iter().enumerate() {
        let field = format!("message.attachments[{i}]");
        let m = match part {
            Part::Media(media) => {
                let kind = match media.media {
                    MediaType::Image | MediaType::Sticker => "image",
                    _ => "file",
                };
                let mut m = base(kind, None, messages.len());
                m["mediaUrl"] = json!(media.url);
                if let Some(mime) = &media.mime {
                    m["mediaType"] = json!(mime);
                }
                m
            }
            Part::Location(location) => {
                // Smooch v1.1's location message is coordinates and this text only.
                for (lost, what) in [
                    (location.title.is_some(), "title"),
                    (location.url.is_some(), "url"),
                ] {
                    if lost {
                        let field = format!("{field}.payload.{what}");
                        let detail = format!("Smooch's location has no {what}");
                        out.warn(ctx, WarningCode::Dropped, &field, detail);
                    }
                }
                let text = format!("Location shared:\n{}", location.maps_url());
                let mut m = base("location", Some(text), messages.len());
                m["coordinates"] = json!({ "lat": location.latitude, "long": location.longitude });
                m
            }
            Part::Other(other) => match out.link_text(ctx, other, &field) {
                Some(text) => base("text", Some(text), messages.len()),
                None => continue,
            },
        };
        messages.push(m);
    }
    if message.reply_to.is_some() {
        let detail = "Smooch v1 messages carry no reply reference".to_owned();
        out.warn(ctx, WarningCode::Dropped, "message.reply_to", detail);
    }
    if messages.is_empty() {
        out.no_equivalent(ctx);
        return;
    }
    let trigger = if role == "appUser" {
        "message:appUser"
    } else {
        "message:appMaker"
    };
    out.push(envelope(ctx, trigger, json!({ "messages": messages })));
}

pub(super) fn referral_json(referral: &ReferralInfo) -> Value {
    let mut details = Map::new();
    insert_opt(&mut details, "source", &referral.source);
    insert_opt(&mut details, "type", &referral.kind);
    insert_opt(&mut details, "adId", &referral.ad_id);
    let mut body = Map::new();
    insert_opt(&mut body, "code", &referral.ref_);
    body.insert("details".to_owned(), Value::Object(details));
    json!({ "referral": body })
}

pub(super) fn insert_opt(map: &mut Map<String, Value>, key: &str, value: &Option<String>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), json!(value));
    }
}

fn merge(into: &mut Value, rest: Value) {
    if let (Value::Object(into), Value::Object(rest)) = (into, rest) {
        into.extend(rest);
    }
}
