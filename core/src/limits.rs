//! Everything Meta accepts, as a dated profile: every limit, every tag, and every feature
//! with the date it arrived or stopped being accepted. The only place such numbers live.
//!
//! Lengths are counted in Unicode scalar values ("characters" in Meta's docs), except
//! Instagram's text limit, which third parties report in UTF-8 bytes and is counted so to
//! stay safe. See [Meta Docs/Send API] and `messenger-platform.md` §5 and §10.
//!
//! [Meta Docs/Send API]: https://developers.facebook.com/docs/messenger-platform/reference/send-api

mod attachments;
mod buttons;
mod check;
pub(crate) use check::{Path, is_e164, is_web_url, measure};
mod graph_versions;
mod instagram;
mod json;
mod links;
mod profile;
mod receipt;
mod region;
mod request;
mod send_budgets;
mod table;
mod tags;
mod template;
mod upload;

use serde::{Deserialize, Serialize};

pub use crate::date::{Date, InvalidDate, epoch_or_instant, iso_millis, parse_instant};
pub use crate::violation::{Unit, VIOLATION_CODES, Violation, ViolationCode};
pub use graph_versions::{
    GRAPH_VERSION_NOTICE_DAYS, GRAPH_VERSIONS, GraphVersion, VersionState, VersionStatus,
    graph_version_status, parse_graph_version,
};
pub use instagram::{
    INSTAGRAM_FILE_TYPES, INSTAGRAM_IMAGE_TYPES, INSTAGRAM_INTRODUCTIONS, INSTAGRAM_RETIREMENTS,
};
pub use json::validate_json;
pub use links::{
    CHAT_LINK_REF_EXTRA, CHAT_LINK_REF_MAX, CHAT_LINK_TEXT_MAX, INSTAGRAM_HANDLE_MAX,
    PAGE_USERNAME_MAX, QR_SIZE_DEFAULT, QR_SIZE_MAX,
};
pub use profile::validate_profile;
pub use region::{NOTIFICATION_REGIONS, NOTIFICATIONS_REGIONAL_FROM, Region};
pub use request::{validate, validate_message};
pub use send_budgets::{SEND_BUDGETS, SendBudget, SendKind, USAGE_SLOW_FROM_PERCENT, send_budget};
pub use table::{
    COMPOSE_SPLIT_MAX, EMIT_RECEIPT_CALLBACKS_MAX, GRAPH_BATCH_MAX, INTRODUCTIONS,
    JSON_NESTING_MAX, Limits, PRIVATE_REPLY_WINDOW_DAYS, RECEIPT_AMOUNT_MAX, RETIREMENTS,
    Retirement, SMOOCH_QUICK_REPLIES, STANDARD_WINDOW_HOURS, WEBHOOK_BODY_MAX_DEFAULT,
    WEBVIEW_HEIGHTS,
};
use table::{INSTAGRAM_LIMITS, MESSENGER_LIMITS};
pub use tags::{TAGS, TagRule};
pub use upload::validate_upload;

/// Messenger or Instagram: which product's rules apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Product {
    /// Messenger (Facebook Pages).
    #[default]
    Messenger,
    /// Instagram messaging.
    Instagram,
}

/// A bound on a length or a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Limit {
    /// Smallest allowed value.
    pub min: usize,
    /// Largest allowed value.
    pub max: usize,
    /// What is counted.
    pub unit: Unit,
}

/// The newest date this profile knows about (the default `as_of`).
pub const PROFILE_DATE: Date = Date::ymd(2026, 11, 21);

/// Meta's rules as of a date, for Messenger or Instagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Platform {
    /// The product whose rules apply.
    pub product: Product,
    /// The date the rules are taken at.
    pub as_of: Date,
    /// The numbers.
    pub limits: Limits,
    /// Where the Page is, for regional rules; `None` reports them as region-dependent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

impl Default for Platform {
    fn default() -> Self {
        Self::latest()
    }
}

impl Platform {
    /// Messenger's rules as this version knows them today.
    pub fn latest() -> Self {
        Self::as_of(PROFILE_DATE)
    }

    /// Messenger's rules on `date`: which features and tags were accepted then.
    pub fn as_of(date: Date) -> Self {
        Self {
            product: Product::Messenger,
            as_of: date,
            limits: MESSENGER_LIMITS,
            region: None,
        }
    }

    /// The same rules for a Page in `region`.
    pub fn in_region(self, region: Region) -> Self {
        Self {
            region: Some(region),
            ..self
        }
    }

    /// The same date, for `product`.
    pub fn for_product(self, product: Product) -> Self {
        let limits = match product {
            Product::Messenger => MESSENGER_LIMITS,
            Product::Instagram => INSTAGRAM_LIMITS,
        };
        Self {
            product,
            limits,
            ..self
        }
    }

    /// The dated retirements that apply to this product: the shared ones, and Instagram's own.
    pub fn retirements(&self) -> impl Iterator<Item = &'static Retirement> + use<> {
        let own: &'static [Retirement] = match self.product {
            Product::Instagram => INSTAGRAM_RETIREMENTS,
            Product::Messenger => &[],
        };
        RETIREMENTS.iter().chain(own)
    }

    /// The dated introductions that apply to this product.
    pub fn introductions(&self) -> impl Iterator<Item = &'static (&'static str, Date)> + use<> {
        let own: &'static [(&str, Date)] = match self.product {
            Product::Instagram => INSTAGRAM_INTRODUCTIONS,
            Product::Messenger => &[],
        };
        INTRODUCTIONS.iter().chain(own)
    }

    /// The retirement of `feature` (`kind:name`) if it had happened by `as_of`.
    pub fn retirement(&self, feature: &str) -> Option<&'static Retirement> {
        self.retirements()
            .find(|r| r.feature == feature && self.as_of >= r.on)
    }

    /// What replaces a retired feature on this profile's date: a replacement tag that has
    /// itself retired by then is followed to its own replacement, so the answer never
    /// names a retired tag (`SHIPPING_UPDATE` led to `POST_PURCHASE_UPDATE`, retired in 2026).
    pub fn replacement(&self, retirement: &Retirement) -> Option<&'static str> {
        let mut replacement = retirement.replacement?;
        if !retirement.feature.starts_with("tag:") {
            return Some(replacement);
        }
        // The table has no cycles; the bound only guards against a future typo.
        for _ in 0..RETIREMENTS.len() {
            let Some(next) = self.retirement(&format!("tag:{replacement}")) else {
                break;
            };
            replacement = next.replacement?;
        }
        Some(replacement)
    }

    /// Whether `feature` retires after `as_of`: a legacy construct Meta still accepted then.
    pub fn is_legacy(&self, feature: &str) -> bool {
        self.retirements()
            .any(|r| r.feature == feature && self.as_of < r.on)
    }

    /// The day `feature` becomes available, if it is not available yet on `as_of`.
    pub fn not_yet_available(&self, feature: &str) -> Option<Date> {
        self.introductions()
            .find(|(name, on)| *name == feature && self.as_of < *on)
            .map(|(_, on)| *on)
    }

    /// The rule of a current tag, if `name` is one.
    pub fn tag(&self, name: &str) -> Option<&'static TagRule> {
        TAGS.iter().find(|t| t.name == name)
    }

    /// Whether `name` was ever a message tag (current or retired).
    pub fn is_known_tag(&self, name: &str) -> bool {
        self.tag(name).is_some()
            || RETIREMENTS
                .iter()
                .any(|r| r.feature.strip_prefix("tag:") == Some(name))
    }
}
