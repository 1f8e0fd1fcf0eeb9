//! A send's outcome (Graph's answer to `POST /messages`) as the vendors report it, with
//! each vendor's error code derived from the Graph classification.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{Error, ErrorKind, Result};
use crate::graph::{GraphError, GraphErrorClass, RawResponse, parse_send_response};
use crate::inbound::{Activity, Inbound, OtherActivity};
use crate::webhook::Platform;

/// What the host's send got back, and which of its messages it was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Outcome {
    /// The HTTP status Graph answered with.
    pub status: u16,
    /// Graph's JSON answer: `{recipient_id, message_id}` or an error envelope.
    pub body: Value,
    /// The host's (the vendor's) ID of the message that was sent.
    pub message_id: String,
    /// The recipient's PSID / IGSID.
    pub recipient: String,
    /// The Page or Instagram account that sent it (for derived IDs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_id: Option<String>,
    /// `messenger` (the default) or `instagram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// When the answer came, epoch milliseconds (now when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
}

/// A send accepted (with Meta's `mid`) or failed.
pub(super) enum SendResult {
    Accepted { mid: Option<String> },
    Failed { error: Box<GraphError>, raw: Value },
}

impl Outcome {
    pub(super) fn result(&self) -> Result<SendResult> {
        let body = serde_json::to_vec(&self.body).expect("json values serialise");
        let response = RawResponse::new(self.status, Vec::new(), body);
        match parse_send_response(&response) {
            Ok(answer) => Ok(SendResult::Accepted {
                mid: answer.message_id,
            }),
            Err(error) => match error.kind() {
                ErrorKind::Graph(graph) => {
                    let raw = match self.body.get("error") {
                        Some(raw) if raw.is_object() => raw.clone(),
                        _ => json!({ "message": graph.message, "status": self.status }),
                    };
                    Ok(SendResult::Failed {
                        error: Box::new((**graph).clone()),
                        raw,
                    })
                }
                _ => Err(Error::at(
                    ErrorKind::InvalidInput {
                        detail: "not a send answer nor a Graph error".to_owned(),
                    },
                    "outcome.body",
                )),
            },
        }
    }

    /// The outcome as an event of the recipient's thread, for the emitters' IDs.
    pub(super) fn inbound(&self) -> Inbound {
        let page_id = self.page_id.clone().unwrap_or_else(|| "-".to_owned());
        let platform = self.platform.unwrap_or(Platform::Messenger);
        let (name, _) = super::channel_of(platform);
        Inbound {
            platform,
            conversation_key: format!("{name}:{page_id}:{}", self.recipient),
            page_id,
            customer: self.recipient.clone(),
            timestamp: self.timestamp,
            dedupe_key: format!("outcome:{}:{}", self.message_id, self.status),
            standby: false,
            activity: Activity::Other(OtherActivity {
                event_type: "outcome".to_owned(),
            }),
            wire: self.body.clone(),
        }
    }
}

/// Smooch's and Sunshine's `error.code`: `unauthorized` for a dead token (as the Smooch
/// guide documents for a password change); the others in the same HTTP-like style.
pub(super) fn smooch_code(class: GraphErrorClass) -> &'static str {
    use GraphErrorClass as C;
    match class {
        C::Auth => "unauthorized",
        C::Permission | C::OutsideWindow | C::PolicyBlocked | C::MarketingTooSoon => "forbidden",
        C::ThreadControlledElsewhere | C::HandoverDisabled => "conflict",
        C::RateLimited => "too_many_requests",
        C::RecipientUnavailable => "user_unavailable",
        C::InvalidParameter | C::TagRetired => "bad_request",
        C::AttachmentFetchFailed => "upload_failed",
        C::Transient => "service_unavailable",
        _ => "unknown",
    }
}

/// Sinch's reason code (vendor-formats.md §7 item 90).
pub(super) fn sinch_reason(error: &GraphError) -> &'static str {
    use GraphErrorClass as C;
    if error.transport.is_some() {
        return "DELIVERY_TIMED_OUT";
    }
    match error.class {
        C::Auth | C::HandoverDisabled => "CHANNEL_BAD_CONFIGURATION",
        C::Permission => "NO_PERMISSION",
        C::OutsideWindow => "OUTSIDE_ALLOWED_SENDING_WINDOW",
        C::RateLimited => "RATE_LIMITED",
        C::RecipientUnavailable => "RECIPIENT_NOT_REACHABLE",
        C::InvalidParameter | C::TagRetired => "BAD_REQUEST",
        C::AttachmentFetchFailed => "MEDIA_NOT_REACHABLE",
        C::PolicyBlocked | C::MarketingTooSoon => "DELIVERY_REJECTED_DUE_TO_POLICY",
        C::ThreadControlledElsewhere => "CHANNEL_REJECT",
        C::Transient => "CHANNEL_FAILURE",
        _ => "UNKNOWN",
    }
}

/// Graph's message, or the class's hint when Graph gave none.
pub(super) fn message_of(error: &GraphError) -> String {
    error
        .message
        .clone()
        .unwrap_or_else(|| error.class.hint().to_owned())
}
