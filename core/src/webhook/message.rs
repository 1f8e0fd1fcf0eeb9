//! Payloads of `messages` and `message_echoes` events: text, attachments, replies, referrals.
//!
//! See [Meta Docs/Webhook Events/messages].
//!
//! [Meta Docs/Webhook Events/messages]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messages

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::attachment::Attachment;
use super::wire;

/// JSON fields this version does not model, kept verbatim and re-emitted beside the known ones.
pub type Extra = Map<String, Value>;

/// A message from a person (`type: "message"`) or its echo (`type: "echo"`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MessagePayload {
    /// The sending app, as a string (echoes only).
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_id: Option<String>,
    /// Attachments, in order; unknown kinds are kept with their type and payload.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Instagram: the person unsent the message.
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_deleted: bool,
    /// Wire flag that marks an echo; folded into the event's `type`.
    #[serde(default, skip_serializing)]
    pub is_echo: bool,
    /// Instagram: the message type is not supported by the API.
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_unsupported: bool,
    /// A sticker's ID: sent by Meta beside a legacy sticker image, and filled from the
    /// `sticker` attachment otherwise, so both forms of one sticker read alike.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub sticker_id: Option<String>,
    /// The developer `metadata` string given with the send (echoes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// Message ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub mid: Option<String>,
    /// The quick reply the person tapped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quick_reply: Option<QuickReplyPayload>,
    /// Ad or shop context the message came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    /// The message this one replies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<ReplyTo>,
    /// Text of the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `quick_reply` on an incoming message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct QuickReplyPayload {
    /// The payload of the tapped quick reply (for `user_email`/`user_phone_number`, the value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `reply_to`: a reply to an earlier message or (Instagram) to a story.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReplyTo {
    /// Whether the person replied to their own message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_self_reply: Option<bool>,
    /// ID of the message replied to.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub mid: Option<String>,
    /// Instagram story replied to (`{url, id}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<Value>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where a conversation came from: an m.me link, an ad, a plugin, a product.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Referral {
    /// Ad ID (source `ADS`).
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub ad_id: Option<String>,
    /// Ad context: `ad_title`, `photo_url`, `video_url`, `post_id`, `product_id`, `flow_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ads_context_data: Option<Value>,
    /// The `ref` parameter.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_: Option<String>,
    /// Page URL of the chat plugin (source `CUSTOMER_CHAT_PLUGIN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referer_uri: Option<String>,
    /// `SHORTLINK`, `ADS`, `CUSTOMER_CHAT_PLUGIN`, ... (open set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Usually `OPEN_THREAD`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields not modelled here (for example `product`).
    #[serde(flatten)]
    pub extra: Extra,
}

pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}
