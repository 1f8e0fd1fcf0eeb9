//! What a person did, channel-neutrally: the inbound mirror of [`crate::compose::Message`].
//!
//! Built from parsed webhook [`Event`](crate::webhook::Event)s, one [`Inbound`] per event,
//! so the vendor emitters ([`crate::emit`]) read one model rather than Meta's wire forms.
//! An event this model has no activity for is [`Activity::Other`], with the event's own
//! wire JSON, so an emitter can still pass it on (Sinch's `unsupported_callback`) or name
//! it in a warning.

use serde::Serialize;
use serde_json::Value;

use crate::webhook::Platform;

mod build;

pub use build::{from_event, from_events};

/// One event, neutrally.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Inbound {
    /// Messenger or Instagram.
    pub platform: Platform,
    /// The Page or Instagram professional account (`-` when Meta named none).
    pub page_id: String,
    /// The person's PSID / IGSID (or `user_ref`); `-` for Page-level events.
    pub customer: String,
    /// Epoch milliseconds, when Meta gave a time.
    pub timestamp: Option<i64>,
    /// The event's dedupe key ([`crate::webhook::Event::dedupe_key`]).
    pub dedupe_key: String,
    /// The event's conversation key ([`crate::webhook::Event::conversation_key`]).
    pub conversation_key: String,
    /// It arrived in `standby` (another app owns the thread).
    pub standby: bool,
    /// What happened.
    pub activity: Activity,
    /// The event as one Meta `messaging` item (or `changes` value), for vendors that pass
    /// Meta's JSON through.
    #[serde(skip)]
    pub wire: Value,
}

impl Inbound {
    /// Meta's message ID the event is about, if any.
    pub fn mid(&self) -> Option<&str> {
        match &self.activity {
            Activity::Message(m) | Activity::Echo(m) => m.mid.as_deref(),
            Activity::Postback(s) => s.mid.as_deref(),
            Activity::Reaction(r) => r.mid.as_deref(),
            Activity::Edit(e) => e.mid.as_deref(),
            Activity::Unsend(u) => u.mid.as_deref(),
            _ => None,
        }
    }
}

/// What the person (or, for echoes, the business) did.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Activity {
    /// A message: text, media, a location, a quick-reply tap.
    Message(InboundMessage),
    /// An echo of a message the Page sent (by an app, or a person in Page Inbox).
    Echo(InboundMessage),
    /// A postback button, a persistent-menu item, an ice breaker or Get Started.
    Postback(Selection),
    /// A reaction added or removed.
    Reaction(ReactionActivity),
    /// Messages reached the person.
    Delivered(Receipt),
    /// The person read messages.
    Read(Receipt),
    /// An existing thread re-entered from an m.me link, an ad or a code.
    Referral(ReferralInfo),
    /// A plugin or notification-messages opt-in.
    Optin(OptinInfo),
    /// The person edited a message.
    Edit(EditActivity),
    /// The person unsent a message.
    Unsend(Unsend),
    /// Anything else (handover, policy, feedback, games, comments, account linking,
    /// unknown events), by its event type.
    Other(OtherActivity),
}

impl Activity {
    /// The snake_case name used as `type`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Message(_) => "message",
            Self::Echo(_) => "echo",
            Self::Postback(_) => "postback",
            Self::Reaction(_) => "reaction",
            Self::Delivered(_) => "delivered",
            Self::Read(_) => "read",
            Self::Referral(_) => "referral",
            Self::Optin(_) => "optin",
            Self::Edit(_) => "edit",
            Self::Unsend(_) => "unsend",
            Self::Other(_) => "other",
        }
    }
}

/// A message's content, in the order Meta sent it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct InboundMessage {
    /// Meta's message ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mid: Option<String>,
    /// The text (for a quick-reply tap, the button's title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The quick reply tapped: its payload (for `user_email` / `user_phone_number`, the
    /// address or number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quick_reply: Option<String>,
    /// Media, stickers and locations, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// The `mid` this message replies to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// The ad or shop the message came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral: Option<ReferralInfo>,
    /// The sending app (echoes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    /// The developer metadata given with the send (echoes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
}

/// One attachment of a message.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Part {
    /// An image, video, audio clip, file or sticker.
    Media(Media),
    /// A shared location.
    Location(Location),
    /// An attachment no vendor has a media type for (a shared link, a template echo, an
    /// Instagram share or story mention): its Meta type, any URL and title, and the
    /// attachment as Meta sent it.
    Other(OtherPart),
}

/// Media by URL.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Media {
    /// What the media is.
    pub media: MediaType,
    /// Where to fetch it (Meta's CDN URLs expire).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The MIME type, when the URL's file extension tells it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mime: Option<String>,
    /// A sticker's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sticker_id: Option<String>,
}

/// The kinds of media.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MediaType {
    /// `image`.
    Image,
    /// `video`.
    Video,
    /// `audio`.
    Audio,
    /// `file`.
    File,
    /// `sticker` (both of Meta's sticker forms).
    Sticker,
}

/// A shared location.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Location {
    /// Latitude in degrees.
    pub latitude: f64,
    /// Longitude in degrees.
    pub longitude: f64,
    /// Meta's title for it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Meta's map URL, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Location {
    /// A maps link for the point (the link Smooch shows for a location).
    pub fn maps_url(&self) -> String {
        format!(
            "https://maps.google.com/maps?q={},{}",
            self.latitude, self.longitude
        )
    }
}

/// An attachment without a vendor equivalent.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct OtherPart {
    /// Meta's attachment type (`fallback`, `template`, `share`, `story_mention`, ...).
    pub attachment_type: String,
    /// Its URL, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its title, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The attachment as Meta sent it.
    pub raw: Value,
}

/// A tapped postback button.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Selection {
    /// The postback's `mid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mid: Option<String>,
    /// The developer payload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// The button's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// It started the conversation: the payload is the configured Get Started payload, or
    /// the postback carries a referral (a new thread opened from a link or an ad).
    pub get_started: bool,
    /// Where the thread was opened from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral: Option<ReferralInfo>,
}

/// Where a thread came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReferralInfo {
    /// The `ref` parameter.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_: Option<String>,
    /// `SHORTLINK`, `ADS`, `MESSENGER_CODE`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Usually `OPEN_THREAD`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The ad, for source `ADS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ad_id: Option<String>,
}

/// A reaction.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReactionActivity {
    /// The message reacted to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mid: Option<String>,
    /// `react` or `unreact`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The emoji.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
}

/// A delivery or read receipt.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Receipt {
    /// The messages Meta named (Instagram reads name one; deliveries may name several).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mids: Vec<String>,
    /// Everything sent at or before this time (ms) is covered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watermark: Option<i64>,
}

/// An opt-in.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct OptinInfo {
    /// `notification_messages` for a marketing-messages opt-in; absent for a plugin.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The plugin's `ref` or the opt-in's payload.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_: Option<String>,
}

/// An edited message.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EditActivity {
    /// The edited message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mid: Option<String>,
    /// Its new text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An unsent message.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Unsend {
    /// The unsent message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mid: Option<String>,
}

/// An event without a neutral activity.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct OtherActivity {
    /// The event's type (`pass_thread_control`, `comment`, `unknown`, ...).
    pub event_type: String,
}
