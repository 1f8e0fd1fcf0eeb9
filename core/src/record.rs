//! Record and replay of webhook deliveries: a production incident turned into a test.
//!
//! A recording is JSON Lines, one [`Recorded`] delivery a line: the exact body, the
//! request's headers with both signature headers replaced by [`SIGNATURE_MARKER`] (and
//! credentials left out), whether the signature was valid, the events it held, and the
//! host's answer with its timing. No secret is ever written: a replay re-signs each body
//! with a test secret ([`replay`]). The core makes and reads the lines; a driver (the
//! CLI's `record` and `replay`, a host's own receiver, the sandbox's export) moves them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::signature::{self, VerifyOptions};

pub mod replay;

/// What stands for a signature header's value in a recording.
pub const SIGNATURE_MARKER: &str = "<signed>";
/// Bytes of the host's answer body kept (the rest is cut, and `truncated` says so).
pub const ANSWER_BODY_MAX_BYTES: usize = 4096;
/// Headers never written: credentials, and what the transport recomputes.
const LEFT_OUT: [&str; 7] = [
    "authorization",
    "host",
    "cookie",
    "proxy-authorization",
    "content-length",
    "connection",
    "transfer-encoding",
];

/// The host's answer to one delivery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RecordedAnswer {
    /// The HTTP status.
    pub status: u16,
    /// The answer's body, cut at [`ANSWER_BODY_MAX_BYTES`] (on a character boundary).
    pub body: String,
    /// Whether `body` was cut.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

impl RecordedAnswer {
    /// The answer `status` with `body` (bytes that are not UTF-8 are replaced), cut to
    /// the bound.
    pub fn new(status: u16, body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(body);
        let mut end = text.len().min(ANSWER_BODY_MAX_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Self {
            status,
            body: text[..end].to_owned(),
            truncated: end < text.len(),
        }
    }
}

/// One recorded delivery: one line of a recording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recorded {
    /// Its position in the recording, from 1.
    pub seq: u64,
    /// When it was received, in milliseconds since the Unix epoch.
    pub at_ms: i64,
    /// The request's path and query.
    pub path: String,
    /// The request's headers, lowercased; signature headers hold [`SIGNATURE_MARKER`].
    pub headers: BTreeMap<String, String>,
    /// The exact body.
    pub body: String,
    /// Whether the body's signature was valid under the recorder's app secret.
    pub signature_valid: bool,
    /// The kinds of the events it held (`message`, `postback`, ...), empty when it is not
    /// a readable webhook.
    pub events: Vec<String>,
    /// The host's answer; absent when the host did not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<RecordedAnswer>,
    /// Why the host did not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// How long the host took, in milliseconds.
    pub elapsed_ms: u64,
}

/// One request as a recorder saw it.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// Its position in the recording, from 1.
    pub seq: u64,
    /// When it was received, in milliseconds since the Unix epoch (the driver's clock).
    pub at_ms: i64,
    /// Its path and query.
    pub path: &'a str,
    /// Its headers, as received.
    pub headers: &'a [(String, String)],
    /// Its exact body.
    pub body: &'a [u8],
}

/// The recording of `request` and what the host did with it: `answer`, or `error` when
/// it did not answer, after `elapsed_ms`. The signature is checked with `app_secret`
/// (legacy SHA-1 accepted, as Meta sends both) and then replaced by the marker.
///
/// # Errors
///
/// `invalid_utf8` (field `body`) for a body that is not UTF-8: Meta's bodies are JSON,
/// and a recording keeps bodies exactly or not at all; `app_secret_empty`.
pub fn record(
    request: Request<'_>,
    app_secret: &[u8],
    answer: std::result::Result<RecordedAnswer, String>,
    elapsed_ms: u64,
) -> Result<Recorded> {
    if app_secret.is_empty() {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    let body = std::str::from_utf8(request.body).map_err(|e| {
        Error::at(
            ErrorKind::InvalidUtf8 {
                offset: e.valid_up_to(),
            },
            "body",
        )
    })?;
    let options = VerifyOptions::allowing_sha1();
    let pairs = request
        .headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()));
    let signature_valid =
        signature::verify_headers(app_secret, request.body, pairs, options).is_ok();
    let events = crate::webhook::parse(request.body)
        .map(|notification| {
            notification
                .events
                .iter()
                .map(|event| event.kind.name().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let (answer, error) = match answer {
        Ok(answer) => (Some(answer), None),
        Err(error) => (None, Some(error)),
    };
    Ok(Recorded {
        seq: request.seq,
        at_ms: request.at_ms,
        path: request.path.to_owned(),
        headers: kept_headers(request.headers),
        body: body.to_owned(),
        signature_valid,
        events,
        answer,
        error,
        elapsed_ms,
    })
}

/// What a host knows of one delivery besides its body and headers: the JSON form of
/// [`record`]'s other arguments, for the bindings and a host's own receiver.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeliveryFacts {
    /// Its position in the recording, from 1.
    pub seq: u64,
    /// When it was received, epoch milliseconds.
    pub at_ms: i64,
    /// The request's path and query.
    pub path: String,
    /// How long the host took, in milliseconds.
    pub elapsed_ms: u64,
    /// The host's answer: `{"status", "body"?}`; or else `error`.
    #[serde(default)]
    pub answer: Option<AnswerFacts>,
    /// Why the host did not answer.
    #[serde(default)]
    pub error: Option<String>,
}

/// The host's answer as it gave it (cut by [`RecordedAnswer::new`]).
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerFacts {
    /// The HTTP status.
    pub status: u16,
    /// The body it answered with.
    #[serde(default)]
    pub body: String,
}

impl DeliveryFacts {
    /// The answer, or why there was none.
    ///
    /// # Errors
    ///
    /// `invalid_input` (field `delivery.answer`) when both are given, `required` when
    /// neither is.
    pub fn outcome(&self) -> Result<std::result::Result<RecordedAnswer, String>> {
        match (&self.answer, &self.error) {
            (Some(answer), None) => Ok(Ok(RecordedAnswer::new(
                answer.status,
                answer.body.as_bytes(),
            ))),
            (None, Some(error)) => Ok(Err(error.clone())),
            (Some(_), Some(_)) => {
                let detail = "a delivery has an `answer` or an `error`, not both".to_owned();
                Err(Error::at(
                    ErrorKind::InvalidInput { detail },
                    "delivery.answer",
                ))
            }
            (None, None) => {
                let detail = "the host's `answer` ({\"status\", \"body\"}), or the `error` it gave none with".to_owned();
                Err(Error::at(ErrorKind::Required { detail }, "delivery.answer"))
            }
        }
    }
}

/// The recording's line for `recorded` (no newline).
pub fn to_line(recorded: &Recorded) -> String {
    serde_json::to_string(recorded).unwrap_or_default()
}

fn is_signature(name: &str) -> bool {
    name.eq_ignore_ascii_case(signature::HEADER_SHA256)
        || name.eq_ignore_ascii_case(signature::HEADER_SHA1)
}

fn kept_headers(headers: &[(String, String)]) -> BTreeMap<String, String> {
    headers
        .iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value))
        .filter(|(name, _)| !LEFT_OUT.contains(&name.as_str()))
        .map(|(name, value)| {
            let value = if is_signature(&name) {
                SIGNATURE_MARKER.to_owned()
            } else {
                value.clone()
            };
            (name, value)
        })
        .collect()
}
