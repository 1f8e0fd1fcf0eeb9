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
