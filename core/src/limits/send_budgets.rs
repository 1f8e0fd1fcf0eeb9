//! Meta's per-account send budgets (`messenger-platform.md` §11.3, from Meta's "Rate
//! Limiting" page of the Messenger Platform): what a Page, or an Instagram professional
//! account, may call per second or per hour, by the kind of request. The send engine
//! (`crate::send_engine`) spends them as token buckets.

use serde::{Deserialize, Serialize};

/// The kind of request a budget covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SendKind {
    /// Send API calls with text, links, reactions or stickers (and sender actions).
    Text,
    /// Send API calls with audio or video.
    Media,
    /// Private replies to Instagram comments.
    PrivateReply,
    /// Conversations API reads.
    Conversations,
}

/// A budget: `calls` per `per_seconds`, per Page or Instagram account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SendBudget {
    /// The kind of request.
    pub kind: SendKind,
    /// Calls allowed in the period.
    pub calls: u32,
    /// The period, in seconds.
    pub per_seconds: u32,
    /// Where Meta says so.
    pub source: &'static str,
}

const RATE_LIMITS: &str = "Meta's Messenger Platform overview, rate limiting (updated 2026-03-23); messenger-platform.md §11.3 [S41]";

/// Every budget, the same for a Page and an Instagram professional account.
pub const SEND_BUDGETS: [SendBudget; 4] = [
    budget(SendKind::Text, 300, 1),
    budget(SendKind::Media, 10, 1),
    budget(SendKind::PrivateReply, 750, 3600),
    budget(SendKind::Conversations, 2, 1),
];

const fn budget(kind: SendKind, calls: u32, per_seconds: u32) -> SendBudget {
    SendBudget {
        kind,
        calls,
        per_seconds,
        source: RATE_LIMITS,
    }
}

/// The budget of `kind`.
pub fn send_budget(kind: SendKind) -> SendBudget {
    match kind {
        SendKind::Text => SEND_BUDGETS[0],
        SendKind::Media => SEND_BUDGETS[1],
        SendKind::PrivateReply => SEND_BUDGETS[2],
        SendKind::Conversations => SEND_BUDGETS[3],
    }
}

/// Usage (percent of a limit, from the usage headers) from which the engine spends a
/// budget at half its rate, so that it slows before Meta throttles at 100 %.
pub const USAGE_SLOW_FROM_PERCENT: u32 = 80;
