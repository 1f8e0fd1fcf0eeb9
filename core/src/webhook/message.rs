//! Payloads of `messages` and `message_echoes` events: text, attachments, replies, referrals.
//!
//! See [Meta Docs/Webhook Events/messages].
//!
//! [Meta Docs/Webhook Events/messages]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messages

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::wire;

/// JSON fields this version does not model, kept verbatim and re-emitted beside the known ones.
pub type Extra = Map<String, Value>;

/// A message from a person (`type: "message"`) or its echo (`type: "echo"`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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

/// One attachment: its kind and its payload, in Meta's `{type, payload}` shape.
///
/// The legacy fallback form with `title`/`url` (or `URL`) beside `payload` is folded into
/// `payload`; any other key beside them is kept in `extra`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The attachment type; unknown types keep their name.
    #[serde(rename = "type")]
    pub kind: AttachmentKind,
    /// The payload; absent when Meta sent none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<AttachmentPayload>,
    /// Keys beside `type` and `payload` that are not modelled, kept as received.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Attachment {
    /// Whether this is a sticker: a `sticker` attachment or a legacy `image` with a `sticker_id`.
    pub fn is_sticker(&self) -> bool {
        self.kind == AttachmentKind::Sticker
            || self
                .payload
                .as_ref()
                .is_some_and(|p| p.sticker_id.is_some())
    }
}

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AttachmentVisitor)
    }
}

/// A key of an attachment object; only an unknown one allocates its name.
enum AttachmentKey {
    Type,
    Payload,
    Title,
    Url,
    Other(String),
}

impl<'de> Deserialize<'de> for AttachmentKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl serde::de::Visitor<'_> for KeyVisitor {
            type Value = AttachmentKey;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an attachment key")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<AttachmentKey, E> {
                Ok(match key {
                    "type" => AttachmentKey::Type,
                    "payload" => AttachmentKey::Payload,
                    "title" => AttachmentKey::Title,
                    // Meta's own legacy fallback example spells it `URL`.
                    "url" | "URL" => AttachmentKey::Url,
                    other => AttachmentKey::Other(other.to_owned()),
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Reads an attachment in one pass (a derived `flatten` would buffer every attachment).
struct AttachmentVisitor;

impl<'de> serde::de::Visitor<'de> for AttachmentVisitor {
    type Value = Attachment;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an attachment object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Attachment, A::Error> {
        let (mut kind, mut payload) = (None, None::<AttachmentPayload>);
        let (mut title, mut url) = (None::<String>, None::<String>);
        let mut extra = Extra::new();
        while let Some(key) = map.next_key::<AttachmentKey>()? {
            match key {
                AttachmentKey::Type => kind = Some(map.next_value::<AttachmentKind>()?),
                AttachmentKey::Payload => payload = map.next_value()?,
                AttachmentKey::Title => title = map.next_value()?,
                AttachmentKey::Url => url = map.next_value()?,
                AttachmentKey::Other(name) => {
                    extra.insert(name, map.next_value()?);
                }
            }
        }
        let kind = kind.ok_or_else(|| serde::de::Error::missing_field("type"))?;
        if title.is_some() || url.is_some() {
            let target = payload.get_or_insert_with(AttachmentPayload::default);
            target.title = target.title.take().or(title);
            target.url = target.url.take().or(url);
        }
        Ok(Attachment {
            kind,
            payload,
            extra,
        })
    }
}

/// The payload of an attachment. Which fields are set depends on the kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttachmentPayload {
    /// `location`: the coordinates shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Instagram reels: the reel's video ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub reel_video_id: Option<String>,
    /// `sticker`, or a legacy `image` that is a sticker: the sticker ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub sticker_id: Option<String>,
    /// `fallback`, shares and reels: a title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Media URL (temporary CDN URL for media Meta hosts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields not modelled here (template payloads of echoes land here whole).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A shared location.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Coordinates {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees (Meta's name is `long`).
    pub long: f64,
}

/// Attachment types known to this version; anything else is [`AttachmentKind::Other`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AttachmentKind {
    /// `image` (also legacy stickers, with `sticker_id`).
    Image,
    /// `video`.
    Video,
    /// `audio`.
    Audio,
    /// `file`.
    File,
    /// `location` (from the retired location quick reply).
    Location,
    /// `fallback`: a shared link or content the API cannot represent.
    Fallback,
    /// `sticker` (since 2026-06-01).
    Sticker,
    /// `template` (in echoes of template messages).
    Template,
    /// `share` (Instagram).
    Share,
    /// `story_mention` (Instagram).
    StoryMention,
    /// `reel`.
    Reel,
    /// `ig_reel`.
    IgReel,
    /// `post`.
    Post,
    /// `ig_post`.
    IgPost,
    /// Any other type, kept by name.
    Other(String),
}

impl AttachmentKind {
    /// The wire name of the type.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Image => "image",
            Self::Video => "video",
            Self::Audio => "audio",
            Self::File => "file",
            Self::Location => "location",
            Self::Fallback => "fallback",
            Self::Sticker => "sticker",
            Self::Template => "template",
            Self::Share => "share",
            Self::StoryMention => "story_mention",
            Self::Reel => "reel",
            Self::IgReel => "ig_reel",
            Self::Post => "post",
            Self::IgPost => "ig_post",
            Self::Other(name) => name,
        }
    }

    fn from_name(name: &str) -> Self {
        match name {
            "image" => Self::Image,
            "video" => Self::Video,
            "audio" => Self::Audio,
            "file" => Self::File,
            "location" => Self::Location,
            "fallback" => Self::Fallback,
            "sticker" => Self::Sticker,
            "template" => Self::Template,
            "share" => Self::Share,
            "story_mention" => Self::StoryMention,
            "reel" => Self::Reel,
            "ig_reel" => Self::IgReel,
            "post" => Self::Post,
            "ig_post" => Self::IgPost,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl Serialize for AttachmentKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AttachmentKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Ok(Self::from_name(&name))
    }
}

pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn legacy_fallback_fields_fold_into_payload() {
        let attachment: Attachment = serde_json::from_value(json!({
            "type": "fallback", "title": "A link", "url": "https://example.com", "payload": null
        }))
        .unwrap();
        assert_eq!(
            serde_json::to_value(&attachment).unwrap(),
            json!({"type": "fallback", "payload": {"title": "A link", "url": "https://example.com"}})
        );
    }

    #[test]
    fn unknown_kind_and_fields_survive() {
        let wire =
            json!({"type": "appointment_booking", "payload": {"booking_id": 7, "when": "soon"}});
        let attachment: Attachment = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(
            attachment.kind,
            AttachmentKind::Other("appointment_booking".into())
        );
        assert_eq!(serde_json::to_value(&attachment).unwrap(), wire);
    }

    #[test]
    fn legacy_sticker_is_a_sticker_with_a_string_id() {
        let attachment: Attachment = serde_json::from_value(json!({
            "type": "image", "payload": {"url": "https://x/s.png", "sticker_id": 369239263222822_u64}
        }))
        .unwrap();
        assert!(attachment.is_sticker());
        assert_eq!(
            attachment.payload.unwrap().sticker_id.as_deref(),
            Some("369239263222822")
        );
    }
}
