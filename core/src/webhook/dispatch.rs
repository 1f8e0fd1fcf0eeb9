//! Turns one messaging item or one change into a typed [`Event`], by which key is present.

use std::cell::RefCell;
use std::sync::Arc;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::event::{Event, EventKind, Party, Platform};
use super::feedback::Feedback;
use super::helpers::dedupe_key;
use super::message::{MessagePayload, Referral};
use super::payloads::{
    AccountLinking, AppRoles, Comment, Delivery, GamePlay, MessageEdit, Optin, PolicyEnforcement,
    Postback, Reaction, Read, RequestThreadControl, ThreadControl, Unknown,
};
use super::wire;
use crate::error::{Error, ErrorKind};

/// What every event of one entry shares.
pub(crate) struct Context<'a> {
    pub(crate) platform: Platform,
    pub(crate) page_id: Option<&'a Arc<str>>,
    pub(crate) entry_time: Option<i64>,
    pub(crate) standby: bool,
    /// On the careful path: where an item's envelope field left out is noted (its path
    /// inside the item, and the value as received), so the item still parses.
    pub(crate) left_out: Option<&'a RefCell<Vec<(String, Value)>>>,
}

/// An item whose only defect is a `timestamp` that is not one: read without it (the
/// entry's time stands in, as for a missing one) and note it. `None` otherwise.
fn without_bad_timestamp(raw: &RawValue, ctx: &Context<'_>) -> Option<Item> {
    let left_out = ctx.left_out?;
    let mut map: Map<String, Value> = serde_json::from_str(raw.get()).ok()?;
    if map.get("timestamp").is_none_or(wire::reads_as_millis) {
        return None;
    }
    let timestamp = map.remove("timestamp")?;
    let item = Item::deserialize(Value::Object(map)).ok()?;
    left_out
        .borrow_mut()
        .push(("timestamp".to_owned(), timestamp));
    Some(item)
}

/// Change fields whose `value` is a messaging item (the newer `{field, value}` delivery form).
const MESSAGING_FIELDS: &[&str] = &[
    "messages",
    "message_echoes",
    "message_deliveries",
    "message_reads",
    "messaging_seen",
    "message_edits",
    "message_reactions",
    "messaging_postbacks",
    "messaging_optins",
    "messaging_referrals",
    "messaging_account_linking",
    "messaging_handovers",
    "messaging_policy_enforcement",
    "messaging_feedback",
    "messaging_game_plays",
    "standby",
];

/// A messaging item in one pass: the envelope plus every payload key it may hold, typed.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(crate) struct Item {
    #[serde(default)]
    sender: Option<Party>,
    #[serde(default)]
    recipient: Option<Party>,
    #[serde(default, deserialize_with = "wire::opt_millis")]
    timestamp: Option<i64>,
    #[serde(default)]
    message: Option<Box<MessagePayload>>,
    #[serde(default)]
    postback: Option<Box<Postback>>,
    #[serde(default)]
    delivery: Option<Box<Delivery>>,
    #[serde(default)]
    read: Option<Box<Read>>,
    #[serde(default)]
    reaction: Option<Box<Reaction>>,
    #[serde(default)]
    optin: Option<Box<Optin>>,
    #[serde(default)]
    referral: Option<Box<Referral>>,
    #[serde(default)]
    message_edit: Option<Box<MessageEdit>>,
    #[serde(default)]
    account_linking: Option<Box<AccountLinking>>,
    #[serde(default)]
    pass_thread_control: Option<Box<ThreadControl>>,
    #[serde(default)]
    take_thread_control: Option<Box<ThreadControl>>,
    #[serde(default)]
    request_thread_control: Option<Box<RequestThreadControl>>,
    #[serde(default)]
    app_roles: Option<AppRoles>,
    #[serde(default)]
    policy_enforcement: Option<Box<PolicyEnforcement>>,
    #[serde(default)]
    messaging_feedback: Option<Box<Feedback>>,
    #[serde(default)]
    game_play: Option<Box<GamePlay>>,
}

/// Parses one item of `messaging` or `standby`.
pub(crate) fn messaging_item(raw: &RawValue, ctx: &Context<'_>) -> Result<Event, Error> {
    if ctx.platform == Platform::Other {
        return Ok(unknown(raw, ctx));
    }
    let item: Item = match serde_json::from_str(raw.get()) {
        Ok(item) => item,
        Err(err) => without_bad_timestamp(raw, ctx).ok_or_else(|| invalid_event(err))?,
    };
    match typed_item(item, ctx) {
        Ok(event) => Ok(event),
        Err((sender, recipient, timestamp)) => {
            let kind = EventKind::Unknown(Unknown {
                raw: to_value(raw)?,
            });
            Ok(finish(ctx, sender, recipient, timestamp, kind))
        }
    }
}

/// The event of an already-read item, or its envelope back when no payload key is known.
pub(crate) fn typed_item(mut item: Item, ctx: &Context<'_>) -> Result<Event, Envelope> {
    let (sender, recipient) = (item.sender.take(), item.recipient.take());
    let timestamp = item.timestamp;
    match typed_kind(item) {
        Some(kind) => Ok(finish(ctx, sender, recipient, timestamp, kind)),
        None => Err((sender, recipient, timestamp)),
    }
}

/// Sender, recipient and timestamp of an item.
pub(crate) type Envelope = (Option<Party>, Option<Party>, Option<i64>);

/// Parses one item of `changes`: feed and Instagram comments, and messaging fields.
pub(crate) fn change(raw: &RawValue, ctx: &Context<'_>) -> Result<Event, Error> {
    #[derive(Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    struct Change<'a> {
        #[serde(default)]
        field: Option<String>,
        #[serde(borrow, default)]
        value: Option<&'a RawValue>,
    }
    let change: Change<'_> = serde_json::from_str(raw.get()).map_err(invalid_event)?;
    let (Some(field), Some(value)) = (change.field.as_deref(), change.value) else {
        return Ok(unknown(raw, ctx));
    };
    if ctx.platform == Platform::Other {
        return Ok(unknown(raw, ctx));
    }
    match field {
        "feed" => feed_comment(raw, value, ctx),
        "comments" | "live_comments" => instagram_comment(value, ctx),
        _ if MESSAGING_FIELDS.contains(&field) && value.get().starts_with('{') => {
            let item_ctx = Context {
                standby: ctx.standby || field == "standby",
                ..*ctx
            };
            let noted = ctx.left_out.map_or(0, |l| l.borrow().len());
            let mut event = messaging_item(value, &item_ctx)?;
            // A field left out of the item lies under the change's `value`.
            if let Some(left_out) = ctx.left_out {
                for (path, _) in left_out.borrow_mut().iter_mut().skip(noted) {
                    *path = format!("value.{path}");
                }
            }
            if let EventKind::Unknown(unknown) = &mut event.kind {
                unknown.raw = to_value(raw)?;
                event.dedupe_key = dedupe_key(&event);
            }
            Ok(event)
        }
        _ => Ok(unknown(raw, ctx)),
    }
}

/// The first known payload key decides the kind; `None` when there is none.
fn typed_kind(item: Item) -> Option<EventKind> {
    Some(if let Some(mut payload) = item.message {
        let sticker = super::attachment::fold_stickers(&mut payload.attachments);
        if payload.sticker_id.is_none() {
            payload.sticker_id = sticker;
        }
        if payload.is_echo {
            EventKind::Echo(payload)
        } else if payload.is_deleted {
            EventKind::MessageDeleted(payload)
        } else {
            EventKind::Message(payload)
        }
    } else if let Some(p) = item.postback {
        EventKind::Postback(p)
    } else if let Some(p) = item.delivery {
        EventKind::Delivery(p)
    } else if let Some(p) = item.read {
        EventKind::Read(p)
    } else if let Some(p) = item.reaction {
        EventKind::Reaction(p)
    } else if let Some(p) = item.optin {
        EventKind::Optin(p)
    } else if let Some(p) = item.referral {
        EventKind::Referral(p)
    } else if let Some(p) = item.message_edit {
        EventKind::MessageEdit(p)
    } else if let Some(p) = item.account_linking {
        EventKind::AccountLinking(p)
    } else if let Some(p) = item.pass_thread_control {
        EventKind::PassThreadControl(p)
    } else if let Some(p) = item.take_thread_control {
        EventKind::TakeThreadControl(p)
    } else if let Some(p) = item.request_thread_control {
        EventKind::RequestThreadControl(p)
    } else if let Some(p) = item.app_roles {
        EventKind::AppRoles(p)
    } else if let Some(p) = item.policy_enforcement {
        EventKind::PolicyEnforcement(p)
    } else if let Some(p) = item.messaging_feedback {
        EventKind::Feedback(p)
    } else if let Some(p) = item.game_play {
        EventKind::GamePlay(p)
    } else {
        return None;
    })
}

/// `{"field":"feed","value":{"item":"comment",...}}`; other feed items stay unknown.
fn feed_comment(raw: &RawValue, value: &RawValue, ctx: &Context<'_>) -> Result<Event, Error> {
    let comment: Comment = serde_json::from_str(value.get()).map_err(invalid_event)?;
    if comment.item.as_deref() != Some("comment") {
        return Ok(unknown(raw, ctx));
    }
    Ok(comment_event(comment, ctx))
}

/// Instagram's `comments` value names the comment `id` and its text `text`.
fn instagram_comment(value: &RawValue, ctx: &Context<'_>) -> Result<Event, Error> {
    let mut map: Map<String, Value> = serde_json::from_str(value.get()).map_err(invalid_event)?;
    if let Some(id) = map.remove("id") {
        map.entry("comment_id").or_insert(id);
    }
    if let Some(text) = map.remove("text") {
        map.entry("message").or_insert(text);
    }
    if let Some(media_id) = map.get("media").and_then(|m| m.get("id")).cloned() {
        map.entry("post_id").or_insert(media_id);
    }
    let comment: Comment = serde_json::from_value(Value::Object(map)).map_err(invalid_event)?;
    Ok(comment_event(comment, ctx))
}

fn comment_event(comment: Comment, ctx: &Context<'_>) -> Event {
    let sender = comment
        .from
        .as_ref()
        .and_then(|from| from.get("id"))
        .and_then(|id| match id {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .map(Party::id);
    let recipient = ctx.page_id.map(|id| Party::id(id.as_ref()));
    // An edit, a hide or an unhide happened when the entry says, not when the comment was
    // written (`created_time`): two hides of one comment differ only in that time.
    let timestamp = if super::helpers::comment_happens_once(comment.verb.as_deref()) {
        comment.created_time
    } else {
        ctx.entry_time.or(comment.created_time)
    };
    finish(
        ctx,
        sender,
        recipient,
        timestamp,
        EventKind::Comment(Box::new(comment)),
    )
}

/// An unknown event whose shape is not a messaging item, kept whole.
fn unknown(raw: &RawValue, ctx: &Context<'_>) -> Event {
    // The raw text was already parsed once as part of the body, so it is valid JSON.
    let raw = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
    finish(ctx, None, None, None, EventKind::Unknown(Unknown { raw }))
}

fn finish(
    ctx: &Context<'_>,
    sender: Option<Party>,
    recipient: Option<Party>,
    timestamp: Option<i64>,
    kind: EventKind,
) -> Event {
    let mut event = Event {
        platform: ctx.platform,
        page_id: ctx.page_id.cloned(),
        sender,
        recipient,
        timestamp: timestamp.or(ctx.entry_time),
        standby: ctx.standby,
        dedupe_key: String::new(),
        kind,
    };
    event.dedupe_key = dedupe_key(&event);
    event
}

fn to_value(raw: &RawValue) -> Result<Value, Error> {
    serde_json::from_str(raw.get()).map_err(invalid_event)
}

pub(crate) fn invalid_event(err: serde_json::Error) -> Error {
    Error::new(ErrorKind::InvalidEvent {
        detail: err.to_string(),
    })
}
