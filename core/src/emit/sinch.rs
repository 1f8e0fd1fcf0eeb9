//! Sinch Conversation API callbacks: `message` (MESSAGE_INBOUND) with a `contact_message`,
//! `message_delivery_report` (MESSAGE_DELIVERY), `conversation_start_notification`, and
//! `unsupported_callback` with Meta's JSON for everything else, as Sinch does for echoes.

use serde_json::{Value, json};

use super::context::{Ctx, Out};
use super::outcome::{Outcome, SendResult, message_of, sinch_reason};
use crate::compose::WarningCode;
use crate::inbound::{Activity, InboundMessage, Part};

pub(super) fn event(ctx: &Ctx<'_>, out: &mut Out) {
    match &ctx.event.activity {
        Activity::Message(message) => messages(ctx, out, message),
        Activity::Postback(selection) => {
            if selection.get_started {
                out.push(envelope(ctx, "conversation_start_notification", start(ctx)));
            }
            if selection.referral.is_some() {
                let detail = "Sinch's choice response carries no referral".to_owned();
                out.warn(ctx, WarningCode::Dropped, "postback.referral", detail);
            }
            let payload = selection.payload.clone().unwrap_or_default();
            if selection.title.is_some() {
                let detail = "Sinch's choice response carries the postback data only".to_owned();
                out.warn(ctx, WarningCode::Dropped, "postback.title", detail);
            }
            let content = json!({ "choice_response_message": choice(ctx, &payload) });
            out.push(envelope(
                ctx,
                "message",
                inbound(ctx, selection.mid.as_deref(), 0, content),
            ));
        }
        Activity::Delivered(receipt) | Activity::Read(receipt) => {
            let status = match ctx.event.activity {
                Activity::Read(_) => "READ",
                _ => "DELIVERED",
            };
            let mids = out.covered(ctx, receipt);
            if mids.is_empty() {
                out.nothing_covered(ctx);
            }
            for mid in mids {
                let report = report(ctx, &ctx.sent_message_id(&mid), status);
                out.push(envelope(ctx, "message_delivery_report", report));
            }
        }
        _ => unsupported(ctx, out),
    }
}

pub(super) fn outcome(ctx: &Ctx<'_>, outcome: &Outcome, result: &SendResult, out: &mut Out) {
    let report = match result {
        SendResult::Accepted { .. } => report(ctx, &outcome.message_id, "QUEUED_ON_CHANNEL"),
        SendResult::Failed { error, .. } => {
            let mut report = report(ctx, &outcome.message_id, "FAILED");
            report["reason"] = json!({
                "code": sinch_reason(error),
                "sub_code": "UNSPECIFIED_SUB_CODE",
                "description": format!("The underlying channel reported: {}", message_of(error)),
            });
            report
        }
    };
    out.push(envelope(ctx, "message_delivery_report", report));
}

/// `app_id`, `project_id`, the times, and the one body key.
fn envelope(ctx: &Ctx<'_>, key: &str, value: Value) -> Value {
    let mut body = json!({
        "app_id": ctx.app_id(),
        "accepted_time": ctx.iso(),
        "event_time": ctx.iso(),
    });
    if let Some(project) = &ctx.config.project_id {
        body["project_id"] = json!(project);
    }
    body[key] = value;
    body
}

fn identity(ctx: &Ctx<'_>) -> Value {
    json!({ "channel": ctx.channel(), "identity": ctx.event.customer, "app_id": ctx.app_id() })
}

fn inbound(ctx: &Ctx<'_>, mid: Option<&str>, n: usize, contact_message: Value) -> Value {
    json!({
        "id": ctx.inbound_message_id(mid, n),
        "direction": "TO_APP",
        "contact_message": contact_message,
        "channel_identity": identity(ctx),
        "conversation_id": ctx.conversation_id(),
        "contact_id": ctx.user_id(),
        "metadata": "",
        "accept_time": ctx.iso(),
    })
}

fn choice(ctx: &Ctx<'_>, payload: &str) -> Value {
    let offered = ctx
        .config
        .payloads
        .get(payload)
        .cloned()
        .unwrap_or_default();
    json!({ "message_id": offered, "postback_data": payload })
}

fn start(ctx: &Ctx<'_>) -> Value {
    json!({ "conversation": {
        "id": ctx.conversation_id(),
        "app_id": ctx.app_id(),
        "contact_id": ctx.user_id(),
        "last_received": ctx.iso(),
        "active_channel": ctx.channel(),
        "active": true,
        "metadata": "",
    }})
}

fn report(ctx: &Ctx<'_>, message_id: &str, status: &str) -> Value {
    json!({
        "message_id": message_id,
        "conversation_id": ctx.conversation_id(),
        "status": status,
        "channel_identity": identity(ctx),
        "contact_id": ctx.user_id(),
        "metadata": "",
    })
}

fn unsupported(ctx: &Ctx<'_>, out: &mut Out) {
    let payload = serde_json::to_string(&ctx.event.wire).expect("json values serialise");
    let callback = json!({
        "channel": ctx.channel(),
        "payload": payload,
        "contact_id": ctx.user_id(),
        "conversation_id": ctx.conversation_id(),
        "channel_identity": identity(ctx),
        "id": ctx.inbound_message_id(ctx.event.mid(), 0),
    });
    out.push(envelope(ctx, "unsupported_callback", callback));
}

/// One Sinch message per part; a text with exactly one media becomes a media card.
fn messages(ctx: &Ctx<'_>, out: &mut Out, message: &InboundMessage) {
    let mid = message.mid.as_deref();
    let mut contents = Vec::new();
    let single_media = match message.parts.as_slice() {
        [Part::Media(media)] => Some(media),
        _ => None,
    };
    match (&message.text, &message.quick_reply, single_media) {
        (text, Some(payload), _) => {
            if text.is_some() {
                let detail = "Sinch's choice response carries the payload only".to_owned();
                out.warn(ctx, WarningCode::Dropped, "message.text", detail);
            }
            contents.push(json!({ "choice_response_message": choice(ctx, payload) }))
        }
        (Some(text), None, Some(media)) => {
            contents.push(json!({ "media_card_message": { "url": media.url, "caption": text } }));
        }
        (Some(text), None, None) => contents.push(json!({ "text_message": { "text": text } })),
        (None, None, _) => {}
    }
    let captioned =
        message.text.is_some() && message.quick_reply.is_none() && single_media.is_some();
    for (i, part) in message.parts.iter().enumerate() {
        let content = match part {
            Part::Media(_) if captioned => continue,
            Part::Media(media) => json!({ "media_message": { "url": media.url } }),
            Part::Location(location) => {
                if location.url.is_some() {
                    let field = format!("message.attachments[{i}].payload.url");
                    let detail = "Sinch's location has no link".to_owned();
                    out.warn(ctx, WarningCode::Dropped, &field, detail);
                }
                json!({ "location_message": {
                    "title": location.title.clone().unwrap_or_default(),
                    "label": "",
                    "coordinates": { "latitude": location.latitude, "longitude": location.longitude },
                }})
            }
            Part::Other(other) => {
                let raw = serde_json::to_string(&other.raw).expect("json values serialise");
                json!({ "fallback_message": {
                    "raw_message": raw,
                    "reason": {
                        "code": "UNSUPPORTED_OPERATION",
                        "sub_code": "UNSPECIFIED_SUB_CODE",
                        "description": format!("message.attachments[{i}]: a `{}` attachment", other.attachment_type),
                    },
                }})
            }
        };
        contents.push(content);
    }
    if contents.is_empty() {
        unsupported(ctx, out);
        return;
    }
    if message.referral.is_some() {
        let detail = "Sinch's inbound message carries no ad referral".to_owned();
        out.warn(ctx, WarningCode::Dropped, "message.referral", detail);
    }
    for (n, mut content) in contents.into_iter().enumerate() {
        if let Some(replied) = &message.reply_to {
            content["reply_to"] = json!({ "message_id": ctx.sent_message_id(replied) });
        }
        out.push(envelope(ctx, "message", inbound(ctx, mid, n, content)));
    }
}
