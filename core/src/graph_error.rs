//! Graph errors, classified by (HTTP status, code, subcode) into classes a host can act
//! on; message text only for the two Conversation Routing refusals Meta gives no code.
//! See `messenger-platform.md` §11 and §16, and [Meta Docs/Error Codes].
//!
//! [Meta Docs/Error Codes]: https://developers.facebook.com/documentation/business-messaging/messenger-platform/error-codes

use serde::{Deserialize, Serialize};

/// What a host should do about a Graph error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GraphErrorClass {
    /// 190: the token is dead (password changed, expired, app removed): re-authorise the Page.
    Auth,
    /// 10, 200-299, 230, 100/2018247 (user profile): a permission is missing.
    Permission,
    /// 10/2018278 (and Instagram's 10/2534022): outside the messaging window.
    OutsideWindow,
    /// 4, 17, 32, 613, 80001-80014: rate limited; retry after `retry_after`.
    RateLimited,
    /// 551, 100/2018001: the person cannot be reached (blocked the Page, gone, wrong PSID).
    RecipientUnavailable,
    /// 100: a parameter is invalid (including a tag retired on 2026-04-27).
    InvalidParameter,
    /// 100/2018109: Meta could not fetch the attachment URL; upload the bytes instead.
    AttachmentFetchFailed,
    /// 368, 10/1893063: the Page is blocked or restricted for policy reasons.
    PolicyBlocked,
    /// 10/2018300, 10/2018321: another app (or Messenger's automation) owns the thread;
    /// also Meta's "another app is controlling this thread" under a code without a subcode.
    ThreadControlledElsewhere,
    /// Conversation Routing (since 2025-09-24): "Handover Protocol APIs disabled for this
    /// page". The Page routes by entry point to a default app; change that in the Page's
    /// settings, do not retry.
    HandoverDisabled,
    /// 100/1893061: a message tag retired on 2026-04-27; send as a utility message.
    TagRetired,
    /// 2300052: a marketing message too soon after the last one to this person
    /// (`min_conversation_gap_seconds`); send it later, not in a retry loop.
    MarketingTooSoon,
    /// 1, 2, 1200, `is_transient`, or HTTP 5xx without a Graph body: try again later.
    Transient,
    /// Anything else.
    Unknown,
}

crate::code_table::code_table! {
    /// Every Graph error class.
    GRAPH_CLASS_CODES: GraphErrorClass::code(Self) {
        Auth => "graph_auth",
        Permission => "graph_permission",
        OutsideWindow => "graph_outside_window",
        RateLimited => "graph_rate_limited",
        RecipientUnavailable => "graph_recipient_unavailable",
        InvalidParameter => "graph_invalid_parameter",
        AttachmentFetchFailed => "graph_attachment_fetch_failed",
        PolicyBlocked => "graph_policy_blocked",
        ThreadControlledElsewhere => "graph_thread_controlled_elsewhere",
        HandoverDisabled => "graph_handover_disabled",
        TagRetired => "graph_tag_retired",
        MarketingTooSoon => "graph_marketing_too_soon",
        Transient => "graph_transient",
        Unknown => "graph_unknown",
    }
}

impl GraphErrorClass {
    /// Whether sending the same request again later can succeed.
    pub fn retryable(self) -> bool {
        matches!(self, Self::RateLimited | Self::Transient)
    }

    /// What to do, in a sentence.
    pub fn hint(self) -> &'static str {
        match self {
            Self::Auth => "the page token is no longer valid: the page must be re-authorised",
            Self::Permission => {
                "a permission is missing: check the app's permissions and the page's tasks"
            }
            Self::OutsideWindow => {
                "the 24-hour window has closed: use an allowed tag or wait for the person"
            }
            Self::RateLimited => "rate limited: retry after the delay",
            Self::RecipientUnavailable => "the person cannot be reached; do not retry",
            Self::InvalidParameter => "the request is invalid: run validate on it",
            Self::AttachmentFetchFailed => {
                "meta could not fetch the file: upload the bytes instead"
            }
            Self::PolicyBlocked => "the page is restricted for policy reasons",
            Self::ThreadControlledElsewhere => {
                "another app owns the thread: request or take thread control"
            }
            Self::HandoverDisabled => {
                "the page uses conversation routing: set the app's role in the page's settings"
            }
            Self::TagRetired => "the tag is retired: send a utility message instead",
            Self::MarketingTooSoon => {
                "too soon after the last marketing message: send it after the gap"
            }
            Self::Transient => "a temporary meta error: retry with backoff",
            Self::Unknown => "an unclassified error",
        }
    }
}

/// A Graph API error, with its classification. Its message:
/// `graph_auth (http 401, code 190/460): <Meta's message>; <what to do>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[error(
    "{} (http {}{}){}{}; {}",
    .class.code(),
    .status,
    codes(*.code, *.subcode),
    .transport.map(|t| format!(": no answer ({t:?})")).unwrap_or_default(),
    .message.as_deref().map(|m| format!(": {m}")).unwrap_or_default(),
    .class.hint()
)]
pub struct GraphError {
    /// The classification.
    pub class: GraphErrorClass,
    /// The HTTP status.
    pub status: u16,
    /// Graph's `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<i64>,
    /// Graph's `error_subcode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcode: Option<i64>,
    /// Graph's `type`, for example `OAuthException`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Graph's `message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// `error_user_title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_title: Option<String>,
    /// `error_user_msg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_message: Option<String>,
    /// `fbtrace_id`, for Meta support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fbtrace_id: Option<String>,
    /// Graph's `is_transient`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_transient: Option<bool>,
    /// Seconds to wait before retrying, from `Retry-After` or the business usage header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// The body when it was not a Graph error envelope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_body: Option<String>,
    /// Set when no answer arrived: what failed on the way (`connect`, `timeout`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<TransportFailure>,
    /// How many requests were made, retries included (set by the client; 0 when parsed).
    #[serde(default)]
    pub attempts: u32,
}

/// Why no Graph answer arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TransportFailure {
    /// The connection could not be made: the request never left, so a retry is safe.
    Connect,
    /// The request was (perhaps) sent but no complete answer came back in time. Whether
    /// Meta acted on it is unknown, so a send retried now could be delivered twice.
    Timeout,
    /// The connection broke after the request was written: the outcome is unknown.
    Interrupted,
}

impl TransportFailure {
    /// Whether Meta may have acted on the request.
    pub fn outcome_unknown(self) -> bool {
        !matches!(self, Self::Connect)
    }
}

/// `, code 190/460` as far as Graph gave them.
fn codes(code: Option<i64>, subcode: Option<i64>) -> String {
    match (code, subcode) {
        (Some(code), Some(subcode)) => format!(", code {code}/{subcode}"),
        (Some(code), None) => format!(", code {code}"),
        (None, Some(subcode)) => format!("/{subcode}"),
        (None, None) => String::new(),
    }
}

impl GraphError {
    /// The stable code of the class (`graph_auth`, ...).
    pub fn code_name(&self) -> &'static str {
        self.class.code()
    }

    /// Whether a retry can succeed.
    pub fn retryable(&self) -> bool {
        self.class.retryable()
    }

    /// Whether sending the request again cannot do harm: a retryable class, a connection
    /// that never left, or (for a request that is not a POST, or with the host's
    /// `retry_unknown_outcome`) an answer that never came. The one rule the blocking
    /// client and the send engine retry by.
    pub fn safe_to_retry(&self, is_post: bool, retry_unknown_outcome: bool) -> bool {
        match self.transport {
            None => self.retryable(),
            Some(failure) if !failure.outcome_unknown() => true,
            Some(_) => !is_post || retry_unknown_outcome,
        }
    }

    /// Whether the token is dead and the Page must be re-authorised.
    pub fn is_auth_error(&self) -> bool {
        self.class == GraphErrorClass::Auth
    }
}

/// Refusals Meta gives no code of their own to: Conversation Routing's, recognised by the
/// words Meta documents, and only when the code left the class general; and the answer of
/// the July 2026 Instagram incidents (code 100 "Unsupported request - method type: post"
/// to requests valid the day before, `messenger-platform.md` §16), a platform incident
/// rather than a bad request. This is the one place text is read; everything else is
/// classified by number.
pub(crate) fn routing_refusal(class: GraphErrorClass, message: &str) -> GraphErrorClass {
    use GraphErrorClass as C;
    if !matches!(class, C::InvalidParameter | C::Permission | C::Unknown) {
        return class;
    }
    let text = message.to_ascii_lowercase();
    if text.contains("handover protocol") && text.contains("disabled") {
        C::HandoverDisabled
    } else if text.contains("another app is controlling this thread") {
        C::ThreadControlledElsewhere
    } else if text.contains("unsupported request - method type") {
        C::Transient
    } else {
        class
    }
}

/// The class of `(status, code, subcode, is_transient)`.
pub(crate) fn classify(
    status: u16,
    code: Option<i64>,
    subcode: Option<i64>,
    is_transient: Option<bool>,
) -> GraphErrorClass {
    use GraphErrorClass as C;
    let Some(code) = code else {
        return if status >= 500 || status == 429 {
            C::Transient
        } else {
            C::Unknown
        };
    };
    match (code, subcode) {
        (190, _) | (102, _) => C::Auth,
        (100, Some(1893061)) => C::TagRetired,
        (2_300_052, _) => C::MarketingTooSoon,
        (10, Some(2018278 | 2534022)) => C::OutsideWindow,
        (10, Some(1893063)) | (368, _) => C::PolicyBlocked,
        (10, Some(2018300 | 2018321)) => C::ThreadControlledElsewhere,
        // 100/2018247: "insufficient permission to access user profile".
        (10 | 230, _) | (200..=299, _) | (100, Some(2018247)) => C::Permission,
        (4 | 17 | 32 | 613 | 341, _) | (80001..=80014, _) => C::RateLimited,
        (551, _) | (100, Some(2018001)) => C::RecipientUnavailable,
        (100, Some(2018109)) => C::AttachmentFetchFailed,
        (100, _) => C::InvalidParameter,
        (1 | 2 | 1200, _) => C::Transient,
        _ if is_transient == Some(true) => C::Transient,
        _ => C::Unknown,
    }
}
