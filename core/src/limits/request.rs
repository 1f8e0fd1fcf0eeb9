//! Rules for a Send API request and its message: exclusivity, messaging type and tags,
//! sender actions, text, quick replies and attachments.

use super::attachments::{attachment_rules, several_images};
use super::check::{Checker, Path, clip};
use super::{Platform, Product, Violation, ViolationCode};
use crate::send::{Message, MessageTag, MessagingType, QuickReply, SendRequest, SenderAction};

/// Every rule `request` breaks on `platform`, in field order; empty when Meta should accept it.
pub fn validate(request: &SendRequest, platform: &Platform) -> Vec<Violation> {
    let mut check = Checker::new(platform);
    request_rules(&mut check, request);
    check.out
}

/// Every rule a bare `message` object breaks; paths are relative to the message.
pub fn validate_message(message: &Message, platform: &Platform) -> Vec<Violation> {
    let mut check = Checker::new(platform);
    message_rules(&mut check, &Path::ROOT, message);
    check.out
}

fn request_rules(check: &mut Checker<'_>, request: &SendRequest) {
    let root = Path::ROOT;
    let recipient = root.key("recipient");
    match request.recipient.identifiers().as_slice() {
        [] => check.push(
            ViolationCode::Required,
            &recipient,
            "needs one of id, user_ref, comment_id, post_id, notification_messages_token",
        ),
        [_] => {}
        many => check.push(
            ViolationCode::Conflict,
            &recipient,
            format!("exactly one identifier allowed, got {}", many.join(", ")),
        ),
    }
    if request.recipient.notification_messages_token.is_some() {
        let token = recipient.key("notification_messages_token");
        super::region::notification_rule(check, &token);
    }
    if let Some(reply_to) = &request.reply_to
        && reply_to.mid.trim().is_empty()
    {
        check.push(
            ViolationCode::Required,
            &root.key("reply_to").key("mid"),
            "must not be empty",
        );
    }
    if let Some(persona) = &request.persona_id
        && (persona.is_empty() || !persona.bytes().all(|b| b.is_ascii_digit()))
    {
        check.push(
            ViolationCode::InvalidValue,
            &root.key("persona_id"),
            format!("`{}` is not a numeric id", clip(persona)),
        );
    }
    match (&request.message, &request.sender_action) {
        (Some(_), Some(_)) => check.push(
            ViolationCode::Conflict,
            &root.key("sender_action"),
            "a message and a sender action must be sent separately",
        ),
        (None, None) => check.push(
            ViolationCode::Required,
            &root.key("message"),
            "needs a message or a sender_action",
        ),
        (None, Some(action)) => sender_action_rules(check, request, action),
        (Some(message), None) => {
            messaging_type_rules(check, request);
            message_rules(check, &root.key("message"), message);
        }
    }
}

fn messaging_type_rules(check: &mut Checker<'_>, request: &SendRequest) {
    let root = Path::ROOT;
    let type_path = root.key("messaging_type");
    let tag_path = root.key("tag");
    match &request.messaging_type {
        None => check.push(
            ViolationCode::Required,
            &type_path,
            "a message needs a messaging_type (RESPONSE, UPDATE, MESSAGE_TAG or UTILITY)",
        ),
        Some(MessagingType::Other(name)) => {
            if !check.retired(&type_path, &format!("messaging_type:{name}")) {
                check.push(
                    ViolationCode::InvalidValue,
                    &type_path,
                    format!("`{}` is not a messaging type", clip(name)),
                );
            }
        }
        Some(MessagingType::MessageTag) if request.tag.is_none() => {
            check.push(
                ViolationCode::Required,
                &tag_path,
                "MESSAGE_TAG needs a tag",
            );
        }
        Some(_) => {}
    }
    if let Some(tag) = &request.tag {
        if request
            .messaging_type
            .as_ref()
            .is_some_and(|t| *t != MessagingType::MessageTag)
        {
            check.push(
                ViolationCode::Conflict,
                &tag_path,
                "a tag needs messaging_type MESSAGE_TAG",
            );
        }
        tag_rules(check, &tag_path, tag);
    }
}

/// Whether `tag` is known, current on the profile's date, and accepted by the product.
pub(crate) fn tag_rules(check: &mut Checker<'_>, path: &Path<'_>, tag: &MessageTag) {
    let name = tag.as_str();
    if check.retired(path, &format!("tag:{name}")) {
        return;
    }
    let platform = check.platform;
    match platform.tag(name) {
        Some(rule) if platform.product == Product::Instagram && !rule.instagram => {
            check.push(
                ViolationCode::NotAllowed,
                path,
                format!("instagram accepts only HUMAN_AGENT, not `{name}`"),
            );
        }
        Some(_) => {}
        // A tag retired later was still valid on this date.
        None if platform.is_known_tag(name) => {}
        None => check.push(
            ViolationCode::InvalidValue,
            path,
            format!("`{}` is not a message tag", clip(name)),
        ),
    }
}

fn sender_action_rules(check: &mut Checker<'_>, request: &SendRequest, action: &SenderAction) {
    let root = Path::ROOT;
    for (present, key) in [
        (request.messaging_type.is_some(), "messaging_type"),
        (request.tag.is_some(), "tag"),
        (request.notification_type.is_some(), "notification_type"),
        (request.reply_to.is_some(), "reply_to"),
    ] {
        if present {
            check.push(
                ViolationCode::NotAllowed,
                &root.key(key),
                "a sender action carries only recipient and sender_action",
            );
        }
    }
    let payload = root.key("payload");
    match action {
        SenderAction::React | SenderAction::Unreact => match &request.payload {
            None => check.push(
                ViolationCode::Required,
                &payload,
                "react and unreact need payload.message_id",
            ),
            Some(p) => {
                if p.message_id.trim().is_empty() {
                    check.push(
                        ViolationCode::Required,
                        &payload.key("message_id"),
                        "must not be empty",
                    );
                }
                match (action, &p.reaction) {
                    (SenderAction::React, None) => check.push(
                        ViolationCode::Required,
                        &payload.key("reaction"),
                        "react needs the emoji",
                    ),
                    (SenderAction::Unreact, Some(_)) => check.push(
                        ViolationCode::NotAllowed,
                        &payload.key("reaction"),
                        "unreact takes no emoji",
                    ),
                    _ => {}
                }
            }
        },
        SenderAction::Other(name) => {
            check.push(
                ViolationCode::InvalidValue,
                &root.key("sender_action"),
                format!("`{}` is not a sender action", clip(name)),
            );
        }
        _ => {
            if request.payload.is_some() {
                check.push(
                    ViolationCode::NotAllowed,
                    &payload,
                    "only react and unreact take a payload",
                );
            }
            if request.persona_id.is_some() && *action == SenderAction::MarkSeen {
                check.push(
                    ViolationCode::NotAllowed,
                    &root.key("persona_id"),
                    "mark_seen takes no persona",
                );
            }
        }
    }
}

fn message_rules(check: &mut Checker<'_>, path: &Path<'_>, message: &Message) {
    let limits = check.platform.limits;
    let bodies = [
        message.text.is_some(),
        message.attachment.is_some(),
        !message.attachments.is_empty(),
        message.sticker_id.is_some(),
    ];
    match bodies.iter().filter(|set| **set).count() {
        0 => check.push(
            ViolationCode::Required,
            &path.key("text"),
            "a message needs text, an attachment or a sticker_id",
        ),
        1 => {}
        _ => check.push(
            ViolationCode::Conflict,
            path,
            "text, attachment, attachments and sticker_id exclude each other",
        ),
    }
    if !message.attachments.is_empty() {
        several_images(check, &path.key("attachments"), &message.attachments);
    }
    if let Some(text) = &message.text {
        check.required_text(&path.key("text"), text, limits.text);
    }
    if let Some(metadata) = &message.metadata {
        check.text(&path.key("metadata"), metadata, limits.metadata);
    }
    if let Some(sticker) = &message.sticker_id {
        let sticker_path = path.key("sticker_id");
        if !check.not_yet(&sticker_path, "message:sticker_id") && !is_numeric_id(sticker) {
            check.push(
                ViolationCode::InvalidValue,
                &sticker_path,
                "must be a numeric sticker id",
            );
        }
    }
    if let Some(attachment) = &message.attachment {
        attachment_rules(check, &path.key("attachment"), attachment);
    }
    if !message.quick_replies.is_empty() {
        let replies = path.key("quick_replies");
        check.count(&replies, message.quick_replies.len(), limits.quick_replies);
        for (index, reply) in message.quick_replies.iter().enumerate() {
            quick_reply_rules(check, &replies.index(index), reply);
        }
    }
}

fn is_numeric_id(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Number(n) => n.is_u64(),
        serde_json::Value::String(s) => !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

fn quick_reply_rules(check: &mut Checker<'_>, path: &Path<'_>, reply: &QuickReply) {
    let limits = check.platform.limits;
    let instagram = check.platform.product == Product::Instagram;
    match reply {
        QuickReply::Text(text) => {
            check.required_text(&path.key("title"), &text.title, limits.quick_reply_title);
            check.required_text(
                &path.key("payload"),
                &text.payload,
                limits.quick_reply_payload,
            );
            if let Some(image) = &text.image_url {
                if instagram {
                    check.push(
                        ViolationCode::NotAllowed,
                        &path.key("image_url"),
                        "instagram quick replies are plain text",
                    );
                } else {
                    check.url(&path.key("image_url"), image);
                }
            }
        }
        // Instagram took them until 2026-10-05 (its own retirement table has the date).
        QuickReply::UserPhoneNumber {} if instagram => {
            check.retired(&path.key("content_type"), "quick_reply:user_phone_number");
        }
        QuickReply::UserEmail {} if instagram => {
            check.retired(&path.key("content_type"), "quick_reply:user_email");
        }
        QuickReply::UserPhoneNumber {} | QuickReply::UserEmail {} => {}
        QuickReply::Other(raw) => {
            let content_type = path.key("content_type");
            let name = raw
                .get("content_type")
                .and_then(|t| t.as_str())
                .unwrap_or_default();
            if !check.retired(&content_type, &format!("quick_reply:{name}")) {
                super::json::explain_other::<QuickReply>(
                    check,
                    path,
                    raw,
                    "content_type",
                    &["text", "user_phone_number", "user_email"],
                );
            }
        }
    }
}
