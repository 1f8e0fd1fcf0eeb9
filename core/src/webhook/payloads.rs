//! Payloads of the non-message webhook events: receipts, postbacks, opt-ins, reactions,
//! edits, handover, policy, games and feed comments (feedback is in `feedback`).
//!
//! See [Meta Docs/Webhook Events].
//!
//! [Meta Docs/Webhook Events]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::message::{Extra, Referral};
use super::wire;

/// `delivery`: messages up to `watermark` (and those in `mids`) reached the person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Delivery {
    /// IDs of delivered messages; may be empty.
    #[serde(default, deserialize_with = "wire::ids")]
    pub mids: Vec<String>,
    /// Everything sent at or before this time (ms) was delivered.
    #[serde(
        default,
        deserialize_with = "wire::opt_millis",
        skip_serializing_if = "Option::is_none"
    )]
    pub watermark: Option<i64>,
    /// Fields not modelled here (old payloads carried `seq`).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `read`: Messenger sends a `watermark`; Instagram (`messaging_seen`) sends the `mid` read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Read {
    /// Instagram: the message that was seen.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub mid: Option<String>,
    /// Everything sent at or before this time (ms) was read.
    #[serde(
        default,
        deserialize_with = "wire::opt_millis",
        skip_serializing_if = "Option::is_none"
    )]
    pub watermark: Option<i64>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `postback`: a postback button, Get Started, a persistent-menu item or an ice breaker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Postback {
    /// Message ID of the postback (Graph v11.0 and later).
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub mid: Option<String>,
    /// The button's developer payload (absent in some standby postbacks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Set when the thread was opened from an m.me link, an ad or a plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    /// The button's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `optin`: a checkbox / Send-to-Messenger plugin opt-in, or a notification-messages opt-in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Optin {
    /// `notification_messages` (or the retired `one_time_notif_req`); absent for plugins.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Notification messages: `DAILY`, `WEEKLY`, `MONTHLY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_messages_frequency: Option<String>,
    /// Notification messages: `STOP_NOTIFICATIONS` / `RESUME_NOTIFICATIONS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_messages_status: Option<String>,
    /// Notification messages: the person's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_messages_timezone: Option<String>,
    /// Notification messages: the token to send with (`recipient.notification_messages_token`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_messages_token: Option<String>,
    /// Retired one-time notification token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_time_notif_token: Option<String>,
    /// Developer payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Plugin `data-ref`.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_: Option<String>,
    /// Notification messages: the opt-in's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Notification messages: when the token expires (ms).
    #[serde(
        default,
        deserialize_with = "wire::opt_millis",
        skip_serializing_if = "Option::is_none"
    )]
    pub token_expiry_timestamp: Option<i64>,
    /// Checkbox plugin: the `user_ref` to send to.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_ref: Option<String>,
    /// Notification messages: `REFRESHED` / `NOT_REFRESHED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_token_status: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `reaction`: a person reacted to, or removed a reaction from, a message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Reaction {
    /// `react` or `unreact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The emoji (absent on Instagram unreacts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// The message reacted to.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub mid: Option<String>,
    /// `smile`, `angry`, `sad`, `wow`, `love`, `like`, `dislike`, `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `message_edit`: a person edited a message they sent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MessageEdit {
    /// The edited message.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub mid: Option<String>,
    /// How many times it has been edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_edit: Option<u32>,
    /// The new text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `account_linking`: the person linked or unlinked their account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AccountLinking {
    /// Pass-through code from the linking flow (`linked` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_code: Option<String>,
    /// `linked` or `unlinked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `pass_thread_control` / `take_thread_control`: the thread changed owner.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ThreadControl {
    /// Metadata passed by the app that moved the thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// The app that now owns the thread.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub new_owner_app_id: Option<String>,
    /// The app that owned it before (absent when the thread was idle).
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous_owner_app_id: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `request_thread_control`: another app (often Page Inbox) asks for the thread.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RequestThreadControl {
    /// Metadata passed by the requesting app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// The app asking for control.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub requested_owner_app_id: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `app_roles`: app ID to the roles it now has (`primary_receiver`, `secondary_receiver`).
pub type AppRoles = BTreeMap<String, Vec<String>>;

/// `policy_enforcement`: Meta warned, blocked or unblocked the Page's messaging.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PolicyEnforcement {
    /// `warning`, `block` or `unblock`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Why (absent on `unblock`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `game_play`: a person played an Instant Game.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GamePlay {
    /// Thread or group context ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub context_id: Option<String>,
    /// `SOLO`, `THREAD`, `GROUP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_type: Option<String>,
    /// The game.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub game_id: Option<String>,
    /// Developer payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// The player's Instant Games ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub player_id: Option<String>,
    /// Best score of the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `comment`: a comment on a Page post (`feed`) or an Instagram media (`comments`),
/// the target of a private reply (`recipient.comment_id`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Comment {
    /// The comment (Instagram's `id`).
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub comment_id: Option<String>,
    /// When it was written (ms).
    #[serde(
        default,
        deserialize_with = "wire::opt_millis",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_time: Option<i64>,
    /// The author: `id` and `name` (Facebook) or `username` (Instagram).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Value>,
    /// `comment` for Facebook feed changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Instagram: the media commented on (`id`, `media_product_type`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Value>,
    /// The comment text (Instagram's `text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The comment this one answers, if any.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_id: Option<String>,
    /// The post (Instagram: the media ID).
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub post_id: Option<String>,
    /// `add`, `edited`, `remove`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An event this version does not model, kept verbatim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Unknown {
    /// The whole messaging item, or the whole change (`{field, value}`), as received.
    pub raw: Value,
}
