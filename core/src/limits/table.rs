//! The data of the profile: every limit, tag rule, introduction and retirement date.
//! Sources: `messenger-platform.md` §3–5, §10 and §13.

use serde::{Deserialize, Serialize};

use super::{Date, Limit, Unit};

const fn chars(max: usize) -> Limit {
    Limit {
        min: 0,
        max,
        unit: Unit::Chars,
    }
}

const fn bytes(max: usize) -> Limit {
    Limit {
        min: 0,
        max,
        unit: Unit::Bytes,
    }
}

const fn items(min: usize, max: usize) -> Limit {
    Limit {
        min,
        max,
        unit: Unit::Items,
    }
}

/// Every number the validator checks, for one product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Limits {
    /// `message.text`.
    pub text: Limit,
    /// `message.metadata`.
    pub metadata: Limit,
    /// `message.quick_replies`.
    pub quick_replies: Limit,
    /// A text quick reply's `title`.
    pub quick_reply_title: Limit,
    /// A text quick reply's `payload`.
    pub quick_reply_payload: Limit,
    /// A button's `title`.
    pub button_title: Limit,
    /// A postback button's `payload`.
    pub postback_payload: Limit,
    /// The button template's `text`.
    pub button_template_text: Limit,
    /// The button template's `buttons`.
    pub button_template_buttons: Limit,
    /// The generic template's `elements`.
    pub generic_elements: Limit,
    /// A generic element's `title` and `subtitle`.
    pub generic_title: Limit,
    /// A generic element's `buttons`.
    pub generic_buttons: Limit,
    /// The media template's `elements`.
    pub media_elements: Limit,
    /// A media element's `buttons`.
    pub media_buttons: Limit,
    /// The receipt template's `elements`.
    pub receipt_elements: Limit,
    /// The product template's `elements`.
    pub product_elements: Limit,
    /// The image grid's `elements`.
    pub image_grid_elements: Limit,
    /// An image grid element's `images`.
    pub image_grid_images: Limit,
    /// An image grid element's `title`.
    pub image_grid_title: Limit,
    /// An image grid element's `subtitle`.
    pub image_grid_subtitle: Limit,
    /// An image grid element's `buttons`.
    pub image_grid_buttons: Limit,
    /// Feedback template screens (recalled, not confirmed by Meta's docs).
    pub feedback_screens: Limit,
    /// Questions per feedback screen (recalled, not confirmed by Meta's docs).
    pub feedback_questions: Limit,
    /// Feedback template `expires_in_days` (recalled, not confirmed by Meta's docs).
    pub feedback_expires_in_days: Limit,
    /// Persistent menu `call_to_actions` per locale.
    pub menu_items: Limit,
    /// A persistent menu item's `title` (recalled, not confirmed by Meta's docs).
    pub menu_item_title: Limit,
    /// Greeting `text`.
    pub greeting_text: Limit,
    /// Get Started `payload` (recalled, not confirmed by Meta's docs).
    pub get_started_payload: Limit,
    /// Ice breakers per locale.
    pub ice_breakers: Limit,
    /// `whitelisted_domains`.
    pub whitelisted_domains: Limit,
    /// Any attachment's size.
    pub attachment_bytes: Limit,
    /// An image sent by URL.
    pub image_url_bytes: Limit,
    /// Any image, however sent (Instagram: 8 MB since 2026-04-01).
    pub image_bytes: Limit,
}

pub(super) const MESSENGER_LIMITS: Limits = Limits {
    text: chars(2000),
    metadata: chars(1000),
    quick_replies: items(0, 13),
    quick_reply_title: chars(20),
    quick_reply_payload: chars(1000),
    button_title: chars(20),
    postback_payload: chars(1000),
    button_template_text: chars(640),
    button_template_buttons: items(1, 3),
    generic_elements: items(1, 10),
    generic_title: chars(80),
    generic_buttons: items(0, 3),
    media_elements: items(1, 1),
    media_buttons: items(0, 3),
    receipt_elements: items(0, 100),
    product_elements: items(1, 10),
    image_grid_elements: items(1, 1),
    image_grid_images: items(2, 6),
    image_grid_title: chars(45),
    image_grid_subtitle: chars(80),
    image_grid_buttons: items(0, 3),
    feedback_screens: items(1, 1),
    feedback_questions: items(1, 1),
    feedback_expires_in_days: items(1, 7),
    menu_items: items(1, 20),
    menu_item_title: chars(30),
    greeting_text: chars(160),
    get_started_payload: chars(1000),
    ice_breakers: items(1, 4),
    whitelisted_domains: items(0, 50),
    attachment_bytes: bytes(25 * 1024 * 1024),
    image_url_bytes: bytes(8 * 1024 * 1024),
    image_bytes: bytes(25 * 1024 * 1024),
};

pub(super) const INSTAGRAM_LIMITS: Limits = Limits {
    text: Limit {
        min: 0,
        max: 1000,
        unit: Unit::Bytes,
    },
    image_bytes: bytes(8 * 1024 * 1024),
    ..MESSENGER_LIMITS
};

/// A feature that stopped being accepted on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Retirement {
    /// What retired, as `kind:name` (`template:list`, `tag:ACCOUNT_UPDATE`, ...).
    pub feature: &'static str,
    /// The first day Meta no longer accepted it.
    pub on: Date,
    /// What to use instead, if anything.
    pub replacement: Option<&'static str>,
    /// False where the date is inferred because Meta never published one.
    pub date_confirmed: bool,
}

pub(super) const fn retired(
    feature: &'static str,
    on: Date,
    replacement: Option<&'static str>,
    date_confirmed: bool,
) -> Retirement {
    Retirement {
        feature,
        on,
        replacement,
        date_confirmed,
    }
}

const V4: Date = Date::ymd(2019, 7, 29);
const POLICY_2020: Date = Date::ymd(2020, 3, 4);
const TAGS_2026: Date = Date::ymd(2026, 4, 27);
/// Legacy Messenger marketing messages retired (messenger-platform.md §10.2, §16).
const MARKETING_2026: Date = Date::ymd(2026, 2, 10);
/// What replaces the three tags retired on 2026-04-27.
const UTILITY_REPLACEMENT: &str = "a utility message (messaging_type UTILITY)";

/// Every retired feature msgrkit knows, with its date.
pub const RETIREMENTS: &[Retirement] = &[
    // One-time notifications went with the legacy marketing messages; Meta published no
    // date of their own.
    retired(
        "template:one_time_notif_req",
        MARKETING_2026,
        Some("the notification_messages opt-in template"),
        false,
    ),
    retired(
        "template:list",
        V4,
        Some("the generic template (a carousel)"),
        true,
    ),
    retired(
        "template:open_graph",
        V4,
        Some("the generic template with a link"),
        true,
    ),
    retired(
        "template:airline_boardingpass",
        V4,
        Some("the generic template"),
        false,
    ),
    retired(
        "template:airline_checkin",
        V4,
        Some("the generic template"),
        false,
    ),
    retired(
        "template:airline_itinerary",
        V4,
        Some("the generic template"),
        false,
    ),
    retired(
        "template:airline_update",
        V4,
        Some("the generic template"),
        false,
    ),
    retired(
        "button:element_share",
        Date::ymd(2019, 8, 15),
        Some("`sharable: true` on the template"),
        true,
    ),
    retired(
        "button:payment",
        V4,
        Some("a web_url button to a checkout page"),
        false,
    ),
    retired(
        "quick_reply:location",
        V4,
        Some("a text quick reply, or ask for an address in text"),
        true,
    ),
    retired(
        "menu:nested",
        Date::ymd(2022, 8, 4),
        Some("up to 20 flat items"),
        true,
    ),
    retired(
        "messaging_type:NON_PROMOTIONAL_SUBSCRIPTION",
        POLICY_2020,
        None,
        true,
    ),
    retired(
        "tag:APPLICATION_UPDATE",
        POLICY_2020,
        Some("ACCOUNT_UPDATE"),
        true,
    ),
    retired(
        "tag:ISSUE_RESOLUTION",
        POLICY_2020,
        Some("ACCOUNT_UPDATE"),
        true,
    ),
    retired(
        "tag:PERSONAL_FINANCE_UPDATE",
        POLICY_2020,
        Some("ACCOUNT_UPDATE"),
        true,
    ),
    retired(
        "tag:APPOINTMENT_UPDATE",
        POLICY_2020,
        Some("CONFIRMED_EVENT_UPDATE"),
        true,
    ),
    retired(
        "tag:CONFIRMED_EVENT_REMINDER",
        POLICY_2020,
        Some("CONFIRMED_EVENT_UPDATE"),
        true,
    ),
    retired(
        "tag:TICKET_UPDATE",
        POLICY_2020,
        Some("CONFIRMED_EVENT_UPDATE"),
        true,
    ),
    retired(
        "tag:TRANSPORTATION_UPDATE",
        POLICY_2020,
        Some("CONFIRMED_EVENT_UPDATE"),
        true,
    ),
    retired(
        "tag:PAYMENT_UPDATE",
        POLICY_2020,
        Some("POST_PURCHASE_UPDATE"),
        true,
    ),
    retired(
        "tag:RESERVATION_UPDATE",
        POLICY_2020,
        Some("POST_PURCHASE_UPDATE"),
        true,
    ),
    retired(
        "tag:SHIPPING_UPDATE",
        POLICY_2020,
        Some("POST_PURCHASE_UPDATE"),
        true,
    ),
    retired("tag:COMMUNITY_ALERT", POLICY_2020, None, true),
    retired("tag:NON_PROMOTIONAL_SUBSCRIPTION", POLICY_2020, None, true),
    retired("tag:PAIRING_UPDATE", POLICY_2020, None, true),
    retired("tag:GAME_EVENT", POLICY_2020, None, true),
    retired("tag:FEATURE_FUNCTIONALITY_UPDATE", POLICY_2020, None, true),
    retired("tag:BUSINESS_PRODUCTIVITY", POLICY_2020, None, true),
    retired(
        "tag:CONFIRMED_EVENT_UPDATE",
        TAGS_2026,
        Some(UTILITY_REPLACEMENT),
        true,
    ),
    retired(
        "tag:POST_PURCHASE_UPDATE",
        TAGS_2026,
        Some(UTILITY_REPLACEMENT),
        true,
    ),
    retired(
        "tag:ACCOUNT_UPDATE",
        TAGS_2026,
        Some(UTILITY_REPLACEMENT),
        true,
    ),
];

/// Features that did not exist before a date: `(feature, first day available)`.
pub const INTRODUCTIONS: &[(&str, Date)] = &[
    ("template:product", Date::ymd(2020, 8, 4)),
    ("message:sticker_id", Date::ymd(2026, 6, 1)),
    ("template:image_grid", Date::ymd(2026, 6, 30)),
];

/// The webview heights a `web_url` button takes (`webview_height_ratio`).
pub const WEBVIEW_HEIGHTS: &[&str] = &["compact", "tall", "full"];

/// Quick replies per message under Smooch compatibility (Smooch truncated at 11).
pub const SMOOCH_QUICK_REPLIES: usize = 11;

/// Most requests in one Graph batch call (Graph API, Batch Requests).
pub const GRAPH_BATCH_MAX: usize = 50;

/// The default largest webhook body `webhook::parse` reads, in bytes. Meta batches up to
/// 1000 updates per request (messenger-platform.md §6.4); a message event with 2000
/// characters of `\u`-escaped emoji, a quick reply and attachments stays under 32 KiB,
/// so 1000 of them fit in 32 MiB.
pub const WEBHOOK_BODY_MAX_DEFAULT: usize = 32 * 1024 * 1024;

/// The most messages one text is split into (`overflow: split`): 20 messages of 2,000
/// characters. A longer text is refused as `limit_exceeded` at `text` rather than sent as
/// a flood Meta would rate-limit and the customer would not read.
pub const COMPOSE_SPLIT_MAX: usize = 20;

/// The most callbacks `emit` makes for one delivery or read receipt (one per message it
/// covers, as the vendors report them). A read after a long silence can cover thousands of
/// sent messages; past this the rest are left out with a `dropped` warning.
pub const EMIT_RECEIPT_CALLBACKS_MAX: usize = 1000;

/// The largest amount a receipt may carry (a price, a cost, a tax, an adjustment). Meta
/// states no maximum; msgrkit refuses what no shop charges (`1e308`) rather than send a
/// number Meta may render as `Infinity`. Amounts must also be finite and not negative
/// (Meta: "for free items, 0 is allowed").
pub const RECEIPT_AMOUNT_MAX: f64 = 1e12;

/// The deepest JSON nesting msgrkit reads (serde_json's own recursion limit). Deliveries
/// and messages nest about ten levels; anything past this is refused as
/// `nesting_too_deep` rather than risking the stack.
pub const JSON_NESTING_MAX: usize = 128;

/// The standard messaging window after a person's last message.
pub const STANDARD_WINDOW_HOURS: i64 = 24;
/// How long after a comment one private reply may be sent.
pub const PRIVATE_REPLY_WINDOW_DAYS: i64 = 7;
