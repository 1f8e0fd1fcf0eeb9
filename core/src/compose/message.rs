//! The channel-neutral message a helpdesk says it wants to show, and the send options
//! that travel beside it. One serde form in every language.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What to show: text, media, cards, choices, a location, a receipt, or a raw override.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Message {
    /// Choices: buttons, quick replies and requests. With cards, they apply to the whole
    /// carousel or list (a list's "More choices").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Cards, shown as a carousel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<Card>,
    /// Card image shape: `horizontal` (default) or `square`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_aspect_ratio: Option<String>,
    /// How the cards were meant to be shown; a list becomes a carousel on Messenger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// A location to show (Messenger has no location attachment: it becomes a map card).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// One image, video, audio clip or file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    /// A raw Send API `message` object, validated and sent as it is instead of transcoding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messenger: Option<Value>,
    /// Developer metadata, echoed back in `message_echoes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// An order receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<Receipt>,
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
}

/// How cards are laid out by the sender.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// Side by side.
    Carousel,
    /// One under the other (Messenger's list template is retired: sent as a carousel).
    List,
}

/// Media by URL or by an uploaded attachment ID.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Media {
    /// An attachment uploaded before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
    /// File name, used to guess the kind and as the link text when the file is sent as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// `image`, `video`, `audio` or `file`; guessed from `mime` or the extension when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MediaKind>,
    /// MIME type, for example `image/jpeg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime: Option<String>,
    /// Size in bytes; over Meta's limit the media is sent as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<u64>,
    /// Where the media is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The kind of a media attachment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MediaKind {
    /// A picture.
    Image,
    /// A video.
    Video,
    /// An audio clip.
    Audio,
    /// Any other file.
    File,
}

/// One card of a carousel or list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Card {
    /// Buttons on the card.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// What tapping the card opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_action: Option<LinkAction>,
    /// Image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// First line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A choice or request offered to the person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// A button that sends `payload` back.
    Postback {
        /// Label.
        title: String,
        /// Developer payload.
        payload: String,
    },
    /// A button that opens a URL (a `tel:` URL becomes a call button).
    Link(LinkAction),
    /// A button that calls a number.
    Call {
        /// Label.
        title: String,
        /// The number, ideally `+` E.164.
        phone: String,
    },
    /// A quick reply.
    Reply {
        /// Label.
        title: String,
        /// Developer payload (the title when absent).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        payload: Option<String>,
        /// Icon URL.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        icon_url: Option<String>,
    },
    /// Ask for the person's location (Messenger retired this: a fallback is used).
    LocationRequest {
        /// Label or prompt.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
    },
    /// Ask for the person's phone number (a `user_phone_number` quick reply).
    PhoneRequest {},
    /// Ask for the person's email address (a `user_email` quick reply).
    EmailRequest {},
    /// A payment button (Messenger retired payments: rejected, a checkout link, or legacy).
    Buy {
        /// Label.
        title: String,
        /// Amount in minor units (cents).
        amount: i64,
        /// ISO 4217 code, any case.
        currency: String,
    },
    /// A button that opens a map at a place (a link from `maps_url_template`).
    Map {
        /// Label.
        title: String,
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
    /// Let the person share the card (becomes `sharable: true`).
    Share {},
    /// Start account linking.
    AccountLink {
        /// The HTTPS login page.
        url: String,
    },
    /// Unlink the account.
    AccountUnlink {},
}

/// A link and how to open it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LinkAction {
    /// Use it as the card's tap target instead of a button.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
    /// Use the Messenger Extensions SDK.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extensions: bool,
    /// Where to go without extensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_url: Option<String>,
    /// Hide the webview's share button.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hide_share: bool,
    /// Label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The URL.
    pub url: String,
    /// `compact`, `tall` or `full`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webview: Option<String>,
}

/// A location to show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Location {
    /// Street address or description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Name of the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// An order receipt; amounts are in major units, as Meta's receipt template takes them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Receipt {
    /// Shipping address: `street_1`, `street_2`, `city`, `postal_code`, `state`, `country`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<crate::send::Address>,
    /// Discounts: `name`, `amount`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<crate::send::Adjustment>,
    /// ISO 4217 code, any case.
    pub currency: String,
    /// Items: `title`, `subtitle`, `quantity`, `price`, `currency`, `image_url`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<crate::send::ReceiptElement>,
    /// Shown as the merchant's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_name: Option<String>,
    /// Unique order number.
    pub order_number: String,
    /// Link to the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_url: Option<String>,
    /// For example `Visa 2345`.
    pub payment_method: String,
    /// The buyer's name.
    pub recipient_name: String,
    /// Totals: `subtotal`, `shipping_cost`, `total_tax`, `total_cost`.
    pub summary: crate::send::Summary,
    /// Order time, epoch seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
}

/// How to send, beside the message: messaging type, tag, notification, persona, reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SendOptions {
    /// `RESPONSE`, `UPDATE`, `MESSAGE_TAG` or `UTILITY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messaging_type: Option<crate::send::MessagingType>,
    /// `REGULAR`, `SILENT_PUSH` or `NO_PUSH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_type: Option<crate::send::NotificationType>,
    /// Send as this persona.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona_id: Option<String>,
    /// The message replied to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// A message tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<crate::send::MessageTag>,
}

impl SendOptions {
    /// Send with `tag`: `messaging_type` becomes `MESSAGE_TAG` (whatever the input asked).
    pub fn tagged(mut self, tag: crate::send::MessageTag) -> Self {
        self.tag = Some(tag);
        self.messaging_type = None;
        self
    }
}
