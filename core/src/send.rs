//! A wire-exact model of the Send API (`POST /{page-id}/messages`) and Messenger Profile bodies.
//!
//! Every type serialises to exactly Meta's JSON (no `null`s, no extra keys) and reads it
//! back, so JSON from a host can be validated with [`crate::limits::validate`] too.
//! Retired or unknown constructs deserialise into `Other` variants so that validation can
//! name them instead of failing to parse. See [Meta Docs/Send API].
//!
//! [Meta Docs/Send API]: https://developers.facebook.com/docs/messenger-platform/reference/send-api

mod button;
mod message;
mod profile;
mod template;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorKind};

pub use button::{AccountLinkButton, Button, GamePlayButton, PostbackButton, UrlButton};
pub use message::{Attachment, MediaPayload, Message, QuickReply, TextQuickReply};
pub use profile::{GetStarted, Greeting, MessengerProfile, PersistentMenu};
pub use template::{
    Address, Adjustment, ButtonTemplate, CouponTemplate, DefaultAction, FeedbackScreen,
    FeedbackTemplate, GenericElement, GenericTemplate, GridImage, ImageGridElement,
    ImageGridTemplate, MediaElement, MediaTemplate, ProductElement, ProductTemplate,
    ReceiptElement, ReceiptTemplate, Summary, Template,
};

/// Reads an optional list where `null` means absent, as it does for every other field.
pub(crate) fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// Which body a JSON object is: a Send API request (it has `recipient`), a Messenger
/// Profile body (it has a profile property), or else a bare `message` object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyKind {
    /// `SendRequest`.
    Request,
    /// `MessengerProfile`.
    Profile,
    /// `Message`.
    Message,
}

impl BodyKind {
    /// Classifies a JSON object by its keys.
    pub fn of(value: &Value) -> Self {
        const PROFILE_KEYS: &[&str] = &[
            "persistent_menu",
            "get_started",
            "greeting",
            "ice_breakers",
            "whitelisted_domains",
        ];
        if value.get("recipient").is_some() {
            Self::Request
        } else if PROFILE_KEYS.iter().any(|key| value.get(key).is_some()) {
            Self::Profile
        } else {
            Self::Message
        }
    }
}

/// Reads a host's JSON body into the model and writes it back in exactly Meta's form:
/// no `null`s, no keys Meta does not accept, IDs and enums as Meta spells them.
///
/// # Errors
///
/// `invalid_input` with the field path when the JSON does not have the model's shape;
/// run [`crate::limits::validate_json`] to get every problem as a violation instead.
pub fn normalize_json(value: &Value) -> Result<Value, Error> {
    fn through<T: serde::de::DeserializeOwned + Serialize>(value: &Value) -> Result<Value, Error> {
        let typed: T = serde_path_to_error::deserialize(value).map_err(|err| {
            crate::error::SerdeProblem::new(&err.path().to_string(), err.inner()).into_error()
        })?;
        serde_json::to_value(typed).map_err(|err| {
            Error::new(ErrorKind::InvalidInput {
                detail: err.to_string(),
            })
        })
    }
    if !value.is_object() {
        return Err(Error::new(ErrorKind::InvalidInput {
            detail: "expected a json object".to_owned(),
        }));
    }
    match BodyKind::of(value) {
        BodyKind::Request => through::<SendRequest>(value),
        BodyKind::Profile => through::<MessengerProfile>(value),
        BodyKind::Message => through::<Message>(value),
    }
}

/// A Send API request body: a message or a sender action for one recipient.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SendRequest {
    /// The message (exclusive with `sender_action`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// `RESPONSE`, `UPDATE`, `MESSAGE_TAG` or `UTILITY`; required with a message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messaging_type: Option<MessagingType>,
    /// `REGULAR` (default), `SILENT_PUSH` or `NO_PUSH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_type: Option<NotificationType>,
    /// `react` / `unreact`: the message and the emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ReactionPayload>,
    /// Send as this persona.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona_id: Option<String>,
    /// Who receives it.
    pub recipient: Recipient,
    /// The message this one replies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<ReplyTo>,
    /// A typing indicator, a read mark or a reaction (exclusive with `message`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_action: Option<SenderAction>,
    /// Required with `MESSAGE_TAG`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<MessageTag>,
}

impl SendRequest {
    /// A `RESPONSE` message to the person with page-scoped ID `psid`.
    pub fn reply(psid: impl Into<String>, message: Message) -> Self {
        Self {
            recipient: Recipient::id(psid),
            messaging_type: Some(MessagingType::Response),
            message: Some(message),
            ..Self::default()
        }
    }
}

/// `recipient`: exactly one identifier.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Recipient {
    /// Private reply to a comment (one message, within 7 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment_id: Option<String>,
    /// PSID or IGSID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Marketing-messages token from a `notification_messages` opt-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_messages_token: Option<String>,
    /// Private reply to a visitor post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    /// From the checkbox or chat plugin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_ref: Option<String>,
}

impl Recipient {
    /// A recipient by PSID.
    pub fn id(psid: impl Into<String>) -> Self {
        Self {
            id: Some(psid.into()),
            ..Self::default()
        }
    }

    /// The identifiers that are set, by wire name.
    pub fn identifiers(&self) -> Vec<&'static str> {
        [
            ("id", self.id.is_some()),
            ("user_ref", self.user_ref.is_some()),
            ("comment_id", self.comment_id.is_some()),
            ("post_id", self.post_id.is_some()),
            (
                "notification_messages_token",
                self.notification_messages_token.is_some(),
            ),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

/// `messaging_type`. Values this version does not know are kept as [`MessagingType::Other`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum MessagingType {
    /// A reply inside the 24-hour window.
    Response,
    /// A proactive message inside the 24-hour window.
    Update,
    /// Outside the window, with a `tag`.
    MessageTag,
    /// A utility template message.
    Utility,
    /// Another value (for example the retired `NON_PROMOTIONAL_SUBSCRIPTION`).
    #[serde(untagged)]
    Other(String),
}

impl MessagingType {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Response => "RESPONSE",
            Self::Update => "UPDATE",
            Self::MessageTag => "MESSAGE_TAG",
            Self::Utility => "UTILITY",
            Self::Other(value) => value,
        }
    }
}

/// `tag`. Retired and unknown tags are kept as [`MessageTag::Other`] and judged by the profile.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum MessageTag {
    /// A human agent answering within 7 days of the person's last message.
    HumanAgent,
    /// A feedback survey within 7 days of the person's last message.
    CustomerFeedback,
    /// Event reminders (error 100 from 2026-04-27).
    ConfirmedEventUpdate,
    /// Purchase updates (error 100 from 2026-04-27).
    PostPurchaseUpdate,
    /// Account changes (error 100 from 2026-04-27).
    AccountUpdate,
    /// Any other tag, by name.
    #[serde(untagged)]
    Other(String),
}

impl MessageTag {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::HumanAgent => "HUMAN_AGENT",
            Self::CustomerFeedback => "CUSTOMER_FEEDBACK",
            Self::ConfirmedEventUpdate => "CONFIRMED_EVENT_UPDATE",
            Self::PostPurchaseUpdate => "POST_PURCHASE_UPDATE",
            Self::AccountUpdate => "ACCOUNT_UPDATE",
            Self::Other(value) => value,
        }
    }

    /// The tag with wire name `name`.
    pub fn from_name(name: &str) -> Self {
        serde_json::from_value(Value::String(name.to_owned()))
            .unwrap_or_else(|_| Self::Other(name.to_owned()))
    }
}

/// `notification_type`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum NotificationType {
    /// Sound and vibration.
    Regular,
    /// A notification without sound.
    SilentPush,
    /// No notification.
    NoPush,
    /// Another value.
    #[serde(untagged)]
    Other(String),
}

/// `sender_action`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SenderAction {
    /// Show the typing indicator.
    TypingOn,
    /// Hide the typing indicator.
    TypingOff,
    /// Mark the last message as read.
    MarkSeen,
    /// React to a message (`payload.message_id`, `payload.reaction`).
    React,
    /// Remove a reaction (`payload.message_id`).
    Unreact,
    /// Another value.
    #[serde(untagged)]
    Other(String),
}

/// `reply_to`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "SendReplyTo"))]
#[non_exhaustive]
pub struct ReplyTo {
    /// The message replied to.
    pub mid: String,
}

/// `payload` of `react` / `unreact`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReactionPayload {
    /// The message reacted to.
    pub message_id: String,
    /// The emoji (`react` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<String>,
}
