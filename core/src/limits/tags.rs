//! The message tags and their rules (`messenger-platform.md` §5; retirements, in
//! `table`, apply on top).

use serde::Serialize;

/// A message tag and where it may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TagRule {
    /// The tag.
    pub name: &'static str,
    /// Days after the person's last message during which the tag may be used, if bounded.
    pub window_days: Option<u32>,
    /// Only a human may send with it.
    pub human_only: bool,
    /// Whether Instagram accepts it.
    pub instagram: bool,
}

/// The tags Meta has accepted since the 2020 policy (retirements apply on top).
pub const TAGS: &[TagRule] = &[
    TagRule {
        name: "HUMAN_AGENT",
        window_days: Some(7),
        human_only: true,
        instagram: true,
    },
    TagRule {
        name: "CUSTOMER_FEEDBACK",
        window_days: Some(7),
        human_only: false,
        instagram: false,
    },
    TagRule {
        name: "CONFIRMED_EVENT_UPDATE",
        window_days: None,
        human_only: false,
        instagram: false,
    },
    TagRule {
        name: "POST_PURCHASE_UPDATE",
        window_days: None,
        human_only: false,
        instagram: false,
    },
    TagRule {
        name: "ACCOUNT_UPDATE",
        window_days: None,
        human_only: false,
        instagram: false,
    },
];
