//! The `message` object: text, one attachment (or, on Instagram, several images) or a
//! sticker, plus quick replies.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::template::Template;

/// A Send API `message`: exactly one of `text`, `attachment`, `attachments` and `sticker_id`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "SendMessage"))]
#[non_exhaustive]
pub struct Message {
    /// Media or a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
    /// Several images in one message (Instagram, since 2026-05-06), instead of `attachment`.
    #[serde(
        default,
        deserialize_with = "super::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<Attachment>,
    /// Developer string echoed back in `message_echoes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// Up to 13 quick replies shown above the composer.
    #[serde(
        default,
        deserialize_with = "super::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub quick_replies: Vec<QuickReply>,
    /// A sticker from the Sticker API (since 2026-06-01).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sticker_id: Option<Value>,
    /// Text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Message {
    /// A text message.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::default()
        }
    }

    /// A message with one attachment.
    pub fn attachment(attachment: Attachment) -> Self {
        Self {
            attachment: Some(attachment),
            ..Self::default()
        }
    }

    /// The message with quick replies added.
    pub fn with_quick_replies(mut self, replies: impl IntoIterator<Item = QuickReply>) -> Self {
        self.quick_replies.extend(replies);
        self
    }
}

/// `message.attachment`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "SendAttachment"))]
#[serde(tag = "type", content = "payload", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Attachment {
    /// An image.
    Image(MediaPayload),
    /// An audio clip.
    Audio(MediaPayload),
    /// A video.
    Video(MediaPayload),
    /// A file.
    File(MediaPayload),
    /// A template.
    Template(Template),
}

impl Attachment {
    /// The wire `type`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Image(_) => "image",
            Self::Audio(_) => "audio",
            Self::Video(_) => "video",
            Self::File(_) => "file",
            Self::Template(_) => "template",
        }
    }
}

/// Media by `url` (optionally saved for reuse) or by an uploaded `attachment_id`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MediaPayload {
    /// A saved attachment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
    /// Save the media for reuse; the response then carries an `attachment_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_reusable: Option<bool>,
    /// Where Meta fetches the media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl MediaPayload {
    /// Media fetched from `url`.
    pub fn url(url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::default()
        }
    }
}

/// A quick reply. The retired `location` type and unknown types arrive as [`QuickReply::Other`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "content_type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuickReply {
    /// A text choice.
    Text(TextQuickReply),
    /// Offers the person's phone number.
    UserPhoneNumber {},
    /// Offers the person's email address.
    UserEmail {},
    /// Any other type, kept verbatim for validation.
    #[serde(untagged)]
    Other(Value),
}

impl QuickReply {
    /// A text quick reply.
    pub fn text(title: impl Into<String>, payload: impl Into<String>) -> Self {
        Self::Text(TextQuickReply {
            title: title.into(),
            payload: payload.into(),
            image_url: None,
        })
    }
}

/// A `text` quick reply.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TextQuickReply {
    /// Optional icon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Developer payload delivered with the reply.
    pub payload: String,
    /// The label.
    pub title: String,
}
