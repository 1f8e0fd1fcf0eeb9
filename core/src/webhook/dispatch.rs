//! Turns one messaging item or one change into a typed [`Event`], by which key is present.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::event::{Event, EventKind, Party, Platform};
use super::helpers::dedupe_key;
use super::message::MessagePayload;
use super::payloads::{Comment, Unknown};
use super::wire;
use crate::error::{Error, ErrorKind};

/// What every event of one entry shares.
pub(crate) struct Context<'a> {
    pub(crate) platform: Platform,
    pub(crate) page_id: Option<&'a str>,
    pub(crate) entry_time: Option<i64>,
    pub(crate) standby: bool,
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

/// The envelope of a messaging item, with each candidate payload left unparsed.
#[derive(Deserialize)]
struct Item<'a> {
    #[serde(default)]
    sender: Option<Party>,
    #[serde(default)]
    recipient: Option<Party>,
    #[serde(default, deserialize_with = "wire::opt_millis")]
    timestamp: Option<i64>,
    #[serde(borrow, default)]
    message: Option<&'a RawValue>,
    #[serde(borrow, default)]
    delivery: Option<&'a RawValue>,
    #[serde(borrow, default)]
    read: Option<&'a RawValue>,
    #[serde(borrow, default)]
    postback: Option<&'a RawValue>,
    #[serde(borrow, default)]
    optin: Option<&'a RawValue>,
    #[serde(borrow, default)]
    referral: Option<&'a RawValue>,
    #[serde(borrow, default)]
    reaction: Option<&'a RawValue>,
    #[serde(borrow, default)]
    message_edit: Option<&'a RawValue>,
    #[serde(borrow, default)]
    account_linking: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pass_thread_control: Option<&'a RawValue>,
    #[serde(borrow, default)]
    take_thread_control: Option<&'a RawValue>,
    #[serde(borrow, default)]
    request_thread_control: Option<&'a RawValue>,
    #[serde(borrow, default)]
    app_roles: Option<&'a RawValue>,
    #[serde(borrow, default)]
    policy_enforcement: Option<&'a RawValue>,
    #[serde(borrow, default)]
    messaging_feedback: Option<&'a RawValue>,
    #[serde(borrow, default)]
    game_play: Option<&'a RawValue>,
}

/// Parses one item of `messaging` or `standby`.
pub(crate) fn messaging_item(raw: &RawValue, ctx: &Context<'_>) -> Result<Event, Error> {
    if ctx.platform == Platform::Other {
        return Ok(unknown(raw, ctx));
    }
    let item: Item<'_> = serde_json::from_str(raw.get()).map_err(invalid_event)?;
    let kind = match typed_kind(&item)? {
        Some(kind) => kind,
        None => EventKind::Unknown(Unknown {
            raw: to_value(raw)?,
        }),
    };
    Ok(finish(
        ctx,
        item.sender,
        item.recipient,
        item.timestamp,
        kind,
    ))
}

/// Parses one item of `changes`: feed and Instagram comments, and messaging fields.
pub(crate) fn change(raw: &RawValue, ctx: &Context<'_>) -> Result<Event, Error> {
    #[derive(Deserialize)]
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
            let mut event = messaging_item(value, &item_ctx)?;
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
fn typed_kind(item: &Item<'_>) -> Result<Option<EventKind>, Error> {
    fn of<'a, T: Deserialize<'a>>(raw: &'a RawValue) -> Result<T, Error> {
        serde_json::from_str(raw.get()).map_err(invalid_event)
    }
    let kind = if let Some(raw) = item.message {
        let payload: MessagePayload = of(raw)?;
        if payload.is_echo {
            EventKind::Echo(payload)
        } else {
            EventKind::Message(payload)
        }
    } else if let Some(raw) = item.postback {
        EventKind::Postback(of(raw)?)
    } else if let Some(raw) = item.delivery {
        EventKind::Delivery(of(raw)?)
    } else if let Some(raw) = item.read {
        EventKind::Read(of(raw)?)
    } else if let Some(raw) = item.reaction {
        EventKind::Reaction(of(raw)?)
    } else if let Some(raw) = item.optin {
        EventKind::Optin(of(raw)?)
    } else if let Some(raw) = item.referral {
        EventKind::Referral(of(raw)?)
    } else if let Some(raw) = item.message_edit {
        EventKind::MessageEdit(of(raw)?)
    } else if let Some(raw) = item.account_linking {
        EventKind::AccountLinking(of(raw)?)
    } else if let Some(raw) = item.pass_thread_control {
        EventKind::PassThreadControl(of(raw)?)
    } else if let Some(raw) = item.take_thread_control {
        EventKind::TakeThreadControl(of(raw)?)
    } else if let Some(raw) = item.request_thread_control {
        EventKind::RequestThreadControl(of(raw)?)
    } else if let Some(raw) = item.app_roles {
        EventKind::AppRoles(of(raw)?)
    } else if let Some(raw) = item.policy_enforcement {
        EventKind::PolicyEnforcement(of(raw)?)
    } else if let Some(raw) = item.messaging_feedback {
        EventKind::Feedback(of(raw)?)
    } else if let Some(raw) = item.game_play {
        EventKind::GamePlay(of(raw)?)
    } else {
        return Ok(None);
    };
    Ok(Some(kind))
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
    let recipient = ctx.page_id.map(Party::id);
    let timestamp = comment.created_time;
    finish(
        ctx,
        sender,
        recipient,
        timestamp,
        EventKind::Comment(comment),
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
        page_id: ctx.page_id.map(str::to_owned),
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
