//! Template payloads (`attachment.type = "template"`), keyed by `template_type`.
//!
//! See [Meta Docs/Templates].
//!
//! [Meta Docs/Templates]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/templates

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::button::{Button, UrlButton};

/// A template. Retired (`list`, `open_graph`, airline) and unknown templates arrive as
/// [`Template::Other`], which `validate` reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "template_type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Template {
    /// A carousel of up to 10 elements.
    Generic(GenericTemplate),
    /// Text with 1 to 3 buttons.
    Button(ButtonTemplate),
    /// One image or video with optional buttons.
    Media(MediaTemplate),
    /// An order receipt.
    Receipt(Box<ReceiptTemplate>),
    /// Catalog products by ID.
    Product(ProductTemplate),
    /// A coupon with a reveal-code button.
    Coupon(CouponTemplate),
    /// A customer feedback survey.
    CustomerFeedback(FeedbackTemplate),
    /// A grid of 2 to 6 images (since 2026-06-30).
    ImageGrid(ImageGridTemplate),
    /// Any other template, kept verbatim for validation.
    #[serde(untagged)]
    Other(Value),
}

impl Template {
    /// The wire `template_type`.
    pub fn type_name(&self) -> &str {
        match self {
            Self::Generic(_) => "generic",
            Self::Button(_) => "button",
            Self::Media(_) => "media",
            Self::Receipt(_) => "receipt",
            Self::Product(_) => "product",
            Self::Coupon(_) => "coupon",
            Self::CustomerFeedback(_) => "customer_feedback",
            Self::ImageGrid(_) => "image_grid",
            Self::Other(value) => value
                .get("template_type")
                .and_then(Value::as_str)
                .unwrap_or(""),
        }
    }
}

/// `generic`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GenericTemplate {
    /// The cards.
    pub elements: Vec<GenericElement>,
    /// `horizontal` (default) or `square`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_aspect_ratio: Option<String>,
    /// Whether the native share button is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharable: Option<bool>,
}

/// One card of a generic template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GenericElement {
    /// Up to 3 buttons.
    #[serde(
        default,
        deserialize_with = "super::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub buttons: Vec<Button>,
    /// What tapping the card opens: a `web_url` without `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_action: Option<DefaultAction>,
    /// Image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// First line (required).
    pub title: String,
}

/// A generic element's `default_action`: URL-button properties with `type: web_url`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DefaultAction {
    /// Must be `web_url`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The URL and its webview options.
    #[serde(flatten)]
    pub url: UrlButton,
}

/// `button`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ButtonTemplate {
    /// 1 to 3 buttons.
    pub buttons: Vec<Button>,
    /// The text above the buttons.
    pub text: String,
}

/// `media`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MediaTemplate {
    /// Exactly one element.
    pub elements: Vec<MediaElement>,
    /// Whether the native share button is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharable: Option<bool>,
}

/// The element of a media template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MediaElement {
    /// An uploaded attachment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
    /// Optional buttons.
    #[serde(
        default,
        deserialize_with = "super::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub buttons: Vec<Button>,
    /// `image` or `video`.
    pub media_type: String,
    /// A Facebook URL of the media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `receipt`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReceiptTemplate {
    /// Shipping address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Discounts and other adjustments.
    #[serde(
        default,
        deserialize_with = "super::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub adjustments: Vec<Adjustment>,
    /// ISO 4217 code, for example `USD`.
    pub currency: String,
    /// The items, up to 100.
    #[serde(
        default,
        deserialize_with = "super::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub elements: Vec<ReceiptElement>,
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
    /// Whether the native share button is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharable: Option<bool>,
    /// Totals.
    pub summary: Summary,
    /// Order time in seconds, as a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// A receipt's shipping address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Address {
    /// City.
    pub city: String,
    /// Country code.
    pub country: String,
    /// Postal code.
    pub postal_code: String,
    /// State or region.
    pub state: String,
    /// First street line.
    pub street_1: String,
    /// Second street line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_2: Option<String>,
}

/// A receipt's totals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Summary {
    /// Shipping cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_cost: Option<f64>,
    /// Subtotal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtotal: Option<f64>,
    /// Total (required).
    pub total_cost: f64,
    /// Tax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tax: Option<f64>,
}

/// A receipt adjustment such as a discount.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Adjustment {
    /// Amount.
    pub amount: f64,
    /// Label.
    pub name: String,
}

/// One item of a receipt.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReceiptElement {
    /// ISO 4217 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Price (may be 0).
    pub price: f64,
    /// Quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Item name.
    pub title: String,
}

/// `product`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProductTemplate {
    /// Up to 10 catalog products.
    pub elements: Vec<ProductElement>,
}

/// A product of a product template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProductElement {
    /// Catalog product ID.
    pub id: String,
}

/// `coupon`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CouponTemplate {
    /// The code revealed by the preset button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_code: Option<String>,
    /// Text shown before the coupon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_pre_message: Option<String>,
    /// Where the second button leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_url: Option<String>,
    /// Label of the second button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon_url_button_title: Option<String>,
    /// Image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Developer payload sent when the code is revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Second line (Meta's default: "Terms may apply.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// First line.
    pub title: String,
}

/// `customer_feedback`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FeedbackTemplate {
    /// `{url}` of the privacy policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_privacy: Option<Value>,
    /// Label of the button that opens the survey.
    pub button_title: String,
    /// Days the survey stays open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_days: Option<u32>,
    /// Survey screens, each with questions.
    pub feedback_screens: Vec<FeedbackScreen>,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// First line.
    pub title: String,
}

/// A screen of a feedback survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "SendFeedbackScreen"))]
#[non_exhaustive]
pub struct FeedbackScreen {
    /// The questions (`id`, `type` csat/nps/ces, `title`, `score_label`, `score_option`, `follow_up`).
    pub questions: Vec<Value>,
}

/// `image_grid`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ImageGridTemplate {
    /// Exactly one element.
    pub elements: Vec<ImageGridElement>,
}

/// The element of an image grid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ImageGridElement {
    /// Up to 3 `web_url` or `postback` buttons.
    #[serde(
        default,
        deserialize_with = "super::null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub buttons: Vec<Button>,
    /// 2 to 6 images.
    pub images: Vec<GridImage>,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// First line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One image of an image grid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GridImage {
    /// Tap action: a URL or postback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Value>,
    /// Whether this is the large image (at most one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_hero_image: Option<bool>,
    /// Image URL.
    pub url: String,
}
