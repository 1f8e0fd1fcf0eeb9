//! Buttons of templates and the persistent menu.
//!
//! See [Meta Docs/Buttons].
//!
//! [Meta Docs/Buttons]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/buttons

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A button. Types Meta no longer accepts (`element_share`, `payment`, `nested`) or does
/// not know arrive as [`Button::Other`], which `validate` reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Button {
    /// Opens a URL in the in-app browser (or an app link).
    WebUrl(UrlButton),
    /// Sends a `messaging_postbacks` webhook with `payload`.
    Postback(PostbackButton),
    /// Calls a phone number given in `+` E.164 form as `payload`.
    PhoneNumber(PostbackButton),
    /// Starts account linking at `url`.
    AccountLink(AccountLinkButton),
    /// Unlinks the account.
    AccountUnlink {},
    /// Starts an Instant Game.
    GamePlay(GamePlayButton),
    /// Any other type, kept verbatim for validation.
    #[serde(untagged)]
    Other(Value),
}

impl Button {
    /// A `web_url` button.
    pub fn url(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self::WebUrl(UrlButton {
            title: Some(title.into()),
            url: url.into(),
            ..UrlButton::default()
        })
    }

    /// A `postback` button.
    pub fn postback(title: impl Into<String>, payload: impl Into<String>) -> Self {
        Self::Postback(PostbackButton {
            title: title.into(),
            payload: payload.into(),
        })
    }

    /// A `phone_number` button; `number` must be `+` E.164.
    pub fn call(title: impl Into<String>, number: impl Into<String>) -> Self {
        Self::PhoneNumber(PostbackButton {
            title: title.into(),
            payload: number.into(),
        })
    }

    /// The wire `type` of the button.
    pub fn type_name(&self) -> &str {
        match self {
            Self::WebUrl(_) => "web_url",
            Self::Postback(_) => "postback",
            Self::PhoneNumber(_) => "phone_number",
            Self::AccountLink(_) => "account_link",
            Self::AccountUnlink {} => "account_unlink",
            Self::GamePlay(_) => "game_play",
            Self::Other(value) => value.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }
}

/// `web_url` (also the shape of a generic element's `default_action`, without `title`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UrlButton {
    /// Where to go when Messenger Extensions are unsupported (needs `messenger_extensions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_url: Option<String>,
    /// Whether the page uses the Messenger Extensions SDK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messenger_extensions: Option<bool>,
    /// Button label (absent in `default_action`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The URL.
    pub url: String,
    /// `compact`, `tall` or `full`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webview_height_ratio: Option<String>,
    /// `hide` to hide the share button of the webview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webview_share_button: Option<String>,
}

/// `postback` and `phone_number`: a title and a payload.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PostbackButton {
    /// Developer payload (`postback`) or `+` E.164 number (`phone_number`).
    pub payload: String,
    /// Button label.
    pub title: String,
}

/// `account_link`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AccountLinkButton {
    /// The HTTPS login page.
    pub url: String,
}

/// `game_play`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GamePlayButton {
    /// `player_id` or `context_id` to start the game with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub game_metadata: Option<Value>,
    /// Developer payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Button label.
    pub title: String,
}
