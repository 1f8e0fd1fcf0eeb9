//! How `compose` resolves what Messenger cannot show as asked.

use serde::{Deserialize, Serialize};

use crate::limits::{Date, Platform, Product};

/// Choices for `compose`; every field has the default a careful helpdesk wants.
///
/// The JSON form names the profile by `as_of` (a date, default: the newest) and
/// `platform` (`messenger` or `instagram`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "OptionsJson", into = "OptionsJson")]
#[non_exhaustive]
pub struct ComposeOptions {
    /// Whose rules apply, and on which date.
    pub platform: Platform,
    /// What to do with text over a limit.
    pub overflow: Overflow,
    /// Reproduce a vendor's own Messenger rules exactly.
    pub compat: Compat,
    /// What to do with payment (`buy`) actions.
    pub payments: Payments,
    /// Checkout URL for `payments: link`; `{amount}` (major units), `{amount_minor}` and
    /// `{currency}` are replaced.
    pub checkout_url_template: Option<String>,
    /// What to send for a location request, now that Messenger has none.
    pub location_request: LocationRequest,
    /// Maps URL for outbound locations; `{lat}` and `{lon}` are replaced.
    pub maps_url_template: String,
    /// Show cards as templates, or as numbered plain text for surfaces without templates.
    pub cards: CardRendering,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
struct OptionsJson {
    as_of: Option<Date>,
    platform: Product,
    overflow: Overflow,
    compat: Compat,
    payments: Payments,
    checkout_url_template: Option<String>,
    location_request: LocationRequest,
    maps_url_template: String,
    cards: CardRendering,
}

impl Default for OptionsJson {
    fn default() -> Self {
        ComposeOptions::default().into()
    }
}

impl From<OptionsJson> for ComposeOptions {
    fn from(json: OptionsJson) -> Self {
        let platform = json.as_of.map_or_else(Platform::latest, Platform::as_of);
        Self {
            platform: platform.for_product(json.platform),
            overflow: json.overflow,
            compat: json.compat,
            payments: json.payments,
            checkout_url_template: json.checkout_url_template,
            location_request: json.location_request,
            maps_url_template: json.maps_url_template,
            cards: json.cards,
        }
    }
}

impl From<ComposeOptions> for OptionsJson {
    fn from(options: ComposeOptions) -> Self {
        Self {
            as_of: Some(options.platform.as_of),
            platform: options.platform.product,
            overflow: options.overflow,
            compat: options.compat,
            payments: options.payments,
            checkout_url_template: options.checkout_url_template,
            location_request: options.location_request,
            maps_url_template: options.maps_url_template,
            cards: options.cards,
        }
    }
}

/// Default maps link for outbound locations.
pub const DEFAULT_MAPS_URL: &str = "https://maps.google.com/maps?q={lat},{lon}";

impl Default for ComposeOptions {
    fn default() -> Self {
        Self {
            platform: Platform::latest(),
            overflow: Overflow::Split,
            compat: Compat::None,
            payments: Payments::Reject,
            checkout_url_template: None,
            location_request: LocationRequest::Text,
            maps_url_template: DEFAULT_MAPS_URL.to_owned(),
            cards: CardRendering::Native,
        }
    }
}

/// Over-long text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Overflow {
    /// Fail with `limit_exceeded`.
    Reject,
    /// Cut at a grapheme boundary (reported).
    Truncate,
    /// Send the text as several messages, quick replies on the last (reported).
    #[default]
    Split,
}

/// Vendor compatibility.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Compat {
    /// Meta's rules only.
    #[default]
    None,
    /// Smooch's: 11 quick replies, reply actions mixed with buttons rejected.
    Smooch,
}

/// Payment (`buy`) actions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Payments {
    /// Fail with `unsupported`: Messenger has no payment button.
    #[default]
    Reject,
    /// A `web_url` button to `checkout_url_template`.
    Link,
    /// Smooch's rules (USD only, one per item, first position), only for a profile date
    /// on which Meta still accepted payment buttons.
    Legacy,
}

/// Location requests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LocationRequest {
    /// Add the request's prompt to the text, asking the person to type an address.
    #[default]
    Text,
    /// A text quick reply with the prompt (payload `LOCATION_REQUEST`).
    Reply,
}

/// Card rendering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CardRendering {
    /// Generic templates.
    #[default]
    Native,
    /// Numbered plain text: title, description and link lines.
    Text,
}
