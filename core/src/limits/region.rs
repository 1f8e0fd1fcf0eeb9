//! Where the Page is, for the rules Meta applies by region. Since 2026-02-10 Recurring
//! Notifications (notification messages) are sent only for Pages in Australia, the EU,
//! Japan, South Korea and the UK; elsewhere the Marketing Messages API replaces them
//! (messenger-platform.md §16).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Date;
use super::check::{Checker, Path};
use crate::error::{Error, ErrorKind};
use crate::violation::ViolationCode;

/// A Page's region: an ISO 3166-1 alpha-2 country code (`DE`, `JP`, ...), or `EU`.
/// `UK` is read as `GB`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region([u8; 2]);

/// The day notification messages became regional.
pub const NOTIFICATIONS_REGIONAL_FROM: Date = Date::ymd(2026, 2, 10);

/// Where notification messages are still sent after that day: AU, JP, KR, the UK, the EU
/// and its 27 member states.
pub const NOTIFICATION_REGIONS: &[&str] = &[
    "AU", "JP", "KR", "GB", "EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
    "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

impl Region {
    /// The two-letter code.
    pub fn code(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Whether notification messages are still sent for Pages here.
    pub fn has_notification_messages(&self) -> bool {
        NOTIFICATION_REGIONS.contains(&self.code())
    }
}

impl FromStr for Region {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Error> {
        let upper = text.trim().to_ascii_uppercase();
        let upper = if upper == "UK" {
            "GB".to_owned()
        } else {
            upper
        };
        match upper.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Ok(Self([*a, *b])),
            _ => Err(Error::new(ErrorKind::InvalidInput {
                detail: format!("`{text}` is not a two-letter country code (or EU)"),
            })),
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A notification message (by `notification_messages_token`, or the opt-in template) at
/// `path`: after 2026-02-10 allowed only in the regions above, and region-dependent when
/// the profile has no region.
pub(crate) fn notification_rule(check: &mut Checker<'_>, path: &Path<'_>) {
    if check.platform.as_of < NOTIFICATIONS_REGIONAL_FROM {
        return;
    }
    match check.platform.region {
        Some(region) if region.has_notification_messages() => {}
        Some(region) => check.push(
            ViolationCode::NotAllowed,
            path,
            format!(
                "notification messages are not sent for pages in {region} since \
                 {NOTIFICATIONS_REGIONAL_FROM}; use the marketing messages api"
            ),
        ),
        None => check.push(
            ViolationCode::RegionDependent,
            path,
            format!(
                "since {NOTIFICATIONS_REGIONAL_FROM} notification messages are sent only for \
                 pages in AU, the EU, JP, KR and the UK: give the page's region to decide"
            ),
        ),
    }
}
