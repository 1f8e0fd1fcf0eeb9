//! The typed forms of classified Graph answers that every binding returns as JSON.

use serde::Serialize;
use serde_json::Value;

use super::{GraphError, RawResponse, Usage, UserProfile, parse_response, parse_user_profile};
use crate::error::Result;

/// A Graph answer classified: `{"ok": body}`, or `{"error": {"code", "retryable",
/// "graph"}}` for a Graph API error.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClassifiedResponse {
    /// The answer's body, as JSON.
    Ok(Value),
    /// What the error was.
    Error(ClassifiedError),
}

/// A classified Graph API error.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ClassifiedError {
    /// The core's code for its class (`graph_rate_limited`, ...).
    pub code: &'static str,
    /// Whether trying again later may succeed.
    pub retryable: bool,
    /// Meta's error, as read.
    pub graph: GraphError,
}

impl ClassifiedResponse {
    /// Classifies `response`.
    ///
    /// # Errors
    ///
    /// An answer that is no Graph answer at all (`graph_bad_response`, ...).
    pub fn of(response: &RawResponse) -> Result<Self> {
        match parse_response(response) {
            Ok(body) => Ok(Self::Ok(body)),
            Err(error) => match error.graph() {
                Some(graph) => Ok(Self::Error(ClassifiedError {
                    code: error.code(),
                    retryable: graph.retryable(),
                    graph: graph.clone(),
                })),
                None => Err(error),
            },
        }
    }
}

/// The usage headers read, with the highest share used and when it comes back.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UsageReport {
    /// Each header's counters.
    #[serde(flatten)]
    pub usage: Usage,
    /// The highest percentage of any counter ([`Usage::highest`]).
    pub highest: Option<f64>,
    /// Seconds until a throttled business use case is allowed again.
    pub regain_after_seconds: Option<u64>,
}

impl UsageReport {
    /// The report of `headers`.
    pub fn from_headers(headers: &[(String, String)]) -> Self {
        let usage = Usage::from_headers(headers);
        Self {
            highest: usage.highest(),
            regain_after_seconds: usage.regain_after_seconds(),
            usage,
        }
    }
}

/// A user profile answer: the profile, or `None` when Meta withholds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProfileAnswer {
    /// The fields Meta returned.
    pub profile: Option<UserProfile>,
}

impl ProfileAnswer {
    /// Reads `response` as [`parse_user_profile`] does.
    ///
    /// # Errors
    ///
    /// As [`parse_user_profile`].
    pub fn of(response: &RawResponse) -> Result<Self> {
        parse_user_profile(response).map(|profile| Self { profile })
    }
}
