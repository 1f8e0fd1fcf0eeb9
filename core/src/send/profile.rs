//! Messenger Profile bodies: persistent menu, Get Started, greeting, ice breakers, domains.
//!
//! See [Meta Docs/Messenger Profile API].
//!
//! [Meta Docs/Messenger Profile API]: https://developers.facebook.com/docs/messenger-platform/reference/messenger-profile-api

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::button::Button;

/// The body of `POST /me/messenger_profile`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MessengerProfile {
    /// The Get Started button's payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub get_started: Option<GetStarted>,
    /// Greeting text per locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greeting: Option<Vec<Greeting>>,
    /// Ice breakers, in the flat or the localised format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ice_breakers: Option<Vec<Value>>,
    /// Persistent menu per locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_menu: Option<Vec<PersistentMenu>>,
    /// HTTPS origins allowed for Messenger Extensions and plugins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whitelisted_domains: Option<Vec<String>>,
}

/// `get_started`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GetStarted {
    /// Delivered in the `messaging_postbacks` webhook.
    pub payload: String,
}

/// One locale of the greeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Greeting {
    /// `default` or a locale such as `en_US`.
    pub locale: String,
    /// Up to 160 characters; may use `{{user_first_name}}` and similar tokens.
    pub text: String,
}

/// One locale of the persistent menu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PersistentMenu {
    /// Up to 20 `web_url` or `postback` items (nesting was retired).
    #[serde(default, deserialize_with = "super::null_as_empty")]
    pub call_to_actions: Vec<Button>,
    /// Hide the composer so only the menu can be used (Messenger only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composer_input_disabled: Option<bool>,
    /// Surfaces where the menu is hidden, for example `customer_chat_plugin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_surfaces: Option<Vec<String>>,
    /// `default` or a locale such as `en_US`.
    pub locale: String,
}
