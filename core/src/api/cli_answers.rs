//! The answers the command line prints that are not an entry point's own: one line per
//! message `msgrkit send` sent, and the line of a failed Graph call. Their shape is the
//! core's, as every other output's; the CLI only prints them.

use serde::Serialize;

use crate::compose::Warning;
use crate::error::Error;

/// One message sent: its position among the prepared requests, Graph's answer, and how
/// many requests it took.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SentLine {
    /// Its position among the requests, from 0.
    pub index: usize,
    /// Graph's `recipient_id` (`null` when Graph gave none, as for a sender action).
    pub recipient_id: Option<String>,
    /// Graph's `message_id` (`null` when Graph gave none).
    pub message_id: Option<String>,
    /// Requests made, retries included.
    pub attempts: u32,
    /// The transcoding report: on the first line only, as it is about the input as a whole.
    pub warnings: Vec<Warning>,
}

/// A failed call: its code, whether it was retried, and the error.
#[derive(Debug, Clone, Serialize)]
pub struct FailedLine {
    /// The error's code (the Graph class for a Graph failure, for example `graph_auth`).
    pub code: &'static str,
    /// Whether more than one request was made.
    pub retried: bool,
    /// Requests made.
    pub attempts: u32,
    /// The error in full.
    pub error: Error,
}

impl FailedLine {
    /// The line of `error`.
    pub fn of(error: &Error) -> Self {
        let attempts = error.graph().map_or(0, |graph| graph.attempts);
        Self {
            code: error.code(),
            retried: attempts > 1,
            attempts,
            error: error.clone(),
        }
    }
}

/// What `msgrkit diagnose` prints: every finding, in the order checked.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnoseReport {
    /// The findings.
    pub findings: Vec<crate::graph::Finding>,
}

impl DiagnoseReport {
    /// Whether any finding is an error (the command then exits 1).
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity == crate::graph::Severity::Error)
    }
}

/// What `msgrkit validate` prints: every violation (none when the body is valid).
#[derive(Debug, Clone, Serialize)]
pub struct ValidationReport {
    /// The violations, each with its code and field.
    pub violations: Vec<crate::limits::Violation>,
}

/// What `msgrkit transcode --to PSID` prints: the transcoding (`messages`, `options`,
/// `warnings`) and the requests it makes for the recipient, validated as `send` validates
/// them (an input `send` would refuse is refused here with the same error).
#[derive(Debug, Clone, Serialize)]
pub struct TranscodedFor {
    /// The transcoding, as `transcode` answers it.
    #[serde(flatten)]
    pub transcoded: crate::dialect::Transcoded,
    /// The Send API requests, every one valid.
    pub requests: Vec<crate::send::SendRequest>,
}

impl TranscodedFor {
    /// Transcodes `message` in `dialect` (empty for neutral) with compose `options` and
    /// prepares its requests for `recipient` through the send pipeline.
    ///
    /// # Errors
    ///
    /// As `transcode`, and as `prepare_send` (`validation_failed` with every violation).
    pub fn of(
        dialect: &str,
        message: &serde_json::Value,
        options: &serde_json::Value,
        recipient: &str,
    ) -> crate::Result<Self> {
        let input = super::SendInput {
            messages: None,
            message: Some(message.clone()),
            dialect: (!dialect.is_empty()).then(|| dialect.to_owned()),
            recipient: recipient.to_owned(),
            options: Some(options.clone()),
            tag: None,
            policy: None,
        };
        // Without the thread's facts the policy is not asked, so this refusal cannot come;
        // were it to, it is an error, never a silent empty answer.
        let requests = super::prepare_send_input(input)?.map_err(|refusal| {
            Error::new(crate::ErrorKind::InvalidInput {
                detail: refusal.detail,
            })
        })?;
        let (dialect, compose) = super::dialect_and_options(dialect, &options.to_string())?;
        let transcoded = crate::dialect::transcode(dialect, message, &compose)?;
        let requests = requests.requests;
        Ok(Self {
            transcoded,
            requests,
        })
    }
}
