//! Sinch's JSON as typed structs, read straight from text (or from a `Value`). Fields
//! msgrkit does not know are kept by name so they can be reported.

// Fields Messenger ignores are still named here, so that they are not reported as unknown.
#![allow(
    dead_code,
    reason = "known fields that Messenger ignores are named so they are not reported"
)]

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

/// Keys not known to the struct, by name (their values are skipped).
pub(super) type Unknown = BTreeMap<String, IgnoredAny>;

/// A send request, or a bare AppMessage (then its kinds sit at the root).
#[derive(Deserialize)]
pub(super) struct Body {
    pub(super) message: Option<AppMessage>,
    pub(super) channel_properties: Option<BTreeMap<String, String>>,
    pub(super) message_metadata: Option<String>,
    // Send-request keys that mean nothing on Messenger: named, so they are skipped unread.
    pub(super) app_id: Option<IgnoredAny>,
    pub(super) recipient: Option<IgnoredAny>,
    pub(super) channel_priority_order: Option<IgnoredAny>,
    pub(super) conversation_metadata: Option<IgnoredAny>,
    pub(super) correlation_id: Option<IgnoredAny>,
    pub(super) callback_url: Option<IgnoredAny>,
    pub(super) ttl: Option<IgnoredAny>,
    pub(super) processing_strategy: Option<IgnoredAny>,
    pub(super) queue: Option<IgnoredAny>,
    pub(super) message_content_type: Option<IgnoredAny>,
    #[serde(flatten)]
    pub(super) app: AppMessage,
}

#[derive(Deserialize)]
pub(super) struct AppMessage {
    pub(super) text_message: Option<TextMessage>,
    pub(super) media_message: Option<MediaMessage>,
    pub(super) choice_message: Option<ChoiceMessage>,
    pub(super) card_message: Option<CardMessage>,
    pub(super) carousel_message: Option<CarouselMessage>,
    pub(super) location_message: Option<LocationMessage>,
    pub(super) list_message: Option<ListMessage>,
    pub(super) contact_info_message: Option<ContactInfo>,
    pub(super) template_message: Option<IgnoredAny>,
    pub(super) explicit_channel_message: Option<BTreeMap<String, String>>,
    /// Per-channel AppMessages; only `MESSENGER` is read, as typed, when present.
    pub(super) explicit_channel_omni_message: Option<BTreeMap<String, serde_json::Value>>,
    /// Per-channel `{message_type, message}`; no type of it is one Messenger can show.
    pub(super) channel_specific_message: Option<BTreeMap<String, serde_json::Value>>,
    pub(super) agent: Option<IgnoredAny>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct TextMessage {
    pub(super) text: String,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct MediaMessage {
    pub(super) url: String,
    pub(super) thumbnail_url: Option<String>,
    pub(super) filename_override: Option<String>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct ChoiceMessage {
    pub(super) text_message: Option<TextMessage>,
    #[serde(default)]
    pub(super) choices: Vec<Choice>,
    pub(super) message_properties: Option<MessageProperties>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

/// WhatsApp and catalog properties: none of them has a Messenger form.
#[derive(Deserialize)]
pub(super) struct MessageProperties {
    pub(super) whatsapp_header: Option<IgnoredAny>,
    pub(super) whatsapp_footer: Option<IgnoredAny>,
    pub(super) menu: Option<IgnoredAny>,
    pub(super) catalog_id: Option<IgnoredAny>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct Choice {
    pub(super) text_message: Option<TextMessage>,
    pub(super) url_message: Option<UrlMessage>,
    pub(super) call_message: Option<CallMessage>,
    pub(super) location_message: Option<LocationMessage>,
    pub(super) calendar_message: Option<LinkChoice>,
    pub(super) share_location_message: Option<LinkChoice>,
    pub(super) postback_data: Option<String>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct UrlMessage {
    pub(super) title: String,
    pub(super) url: String,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct CallMessage {
    pub(super) title: String,
    pub(super) phone_number: String,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

/// `calendar_message` and `share_location_message`: a title and a fallback URL.
#[derive(Deserialize)]
pub(super) struct LinkChoice {
    pub(super) title: String,
    pub(super) fallback_url: String,
    pub(super) event_start: Option<IgnoredAny>,
    pub(super) event_end: Option<IgnoredAny>,
    pub(super) event_title: Option<IgnoredAny>,
    pub(super) event_description: Option<IgnoredAny>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct LocationMessage {
    pub(super) title: Option<String>,
    pub(super) label: Option<String>,
    pub(super) coordinates: Option<Coordinates>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct Coordinates {
    pub(super) latitude: f64,
    pub(super) longitude: f64,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct CardMessage {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) media_message: Option<MediaMessage>,
    pub(super) height: Option<IgnoredAny>,
    #[serde(default)]
    pub(super) choices: Vec<Choice>,
    pub(super) message_properties: Option<MessageProperties>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct CarouselMessage {
    #[serde(default)]
    pub(super) cards: Vec<CardMessage>,
    #[serde(default)]
    pub(super) choices: Vec<Choice>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct ListMessage {
    pub(super) title: String,
    pub(super) description: Option<String>,
    #[serde(default)]
    pub(super) sections: Vec<Section>,
    pub(super) message_properties: Option<MessageProperties>,
    pub(super) media: Option<MediaMessage>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct Section {
    pub(super) title: Option<String>,
    #[serde(default)]
    pub(super) items: Vec<ListItem>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct ListItem {
    pub(super) choice: Option<ListChoice>,
    pub(super) product: Option<ListProduct>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct ListChoice {
    pub(super) title: String,
    pub(super) postback_data: Option<String>,
    pub(super) description: Option<String>,
    pub(super) media: Option<MediaMessage>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct ListProduct {
    pub(super) id: String,
    pub(super) marketplace: Option<serde_json::Value>,
    pub(super) quantity: Option<serde_json::Value>,
    pub(super) item_price: Option<serde_json::Value>,
    pub(super) currency: Option<serde_json::Value>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}

#[derive(Deserialize)]
pub(super) struct ContactInfo {
    pub(super) name: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub(super) phone_numbers: Vec<BTreeMap<String, String>>,
    #[serde(default)]
    pub(super) email_addresses: Vec<BTreeMap<String, String>>,
    #[serde(default)]
    pub(super) urls: Vec<BTreeMap<String, String>>,
    #[serde(default)]
    pub(super) addresses: Vec<BTreeMap<String, String>>,
    pub(super) organization: Option<BTreeMap<String, String>>,
    pub(super) birthday: Option<String>,
    #[serde(flatten)]
    pub(super) unknown: Unknown,
}
