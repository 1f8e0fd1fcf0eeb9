//! Graph answers as data: a success body, or the error envelope read into a [`GraphError`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::usage::Usage;
use crate::error::{Error, ErrorKind, Result};
use crate::graph_error::{GraphError, GraphErrorClass, TransportFailure, classify};

/// An HTTP answer as any client delivers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RawResponse {
    /// The HTTP status.
    pub status: u16,
    /// The headers, in order (names in any case).
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    #[serde(default)]
    pub body: Vec<u8>,
}

impl RawResponse {
    /// An answer from its parts.
    pub fn new(status: u16, headers: Vec<(String, String)>, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers,
            body: body.into(),
        }
    }

    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The usage headers.
    pub fn usage(&self) -> Usage {
        Usage::from_headers(&self.headers)
    }
}

/// What `POST /messages` answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SendResponse {
    /// The recipient's PSID (absent for some recipients, such as a private reply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<String>,
    /// The message ID (`m_...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// Set when the message uploaded a reusable attachment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
}

/// What `GET /{psid}` answers. Fields need permissions, so every one is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UserProfile {
    /// The PSID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Profile picture URL (it expires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_pic: Option<String>,
    /// Fields asked for beyond these (`locale`, `timezone`, ...), as sent.
    #[serde(flatten)]
    pub other: serde_json::Map<String, Value>,
}

/// Subcodes of error 100 meaning "this person's profile is not available to you":
/// 2018218 (no profile available) and 2018247 (the profile fields need a permission).
const PROFILE_UNAVAILABLE: &[i64] = &[2018218, 2018247];

/// A user profile answer. A profile Meta will not give (2018218, 2018247) is `Ok(None)`,
/// not an error: hosts must carry on without a name, as Messenger often says no.
///
/// # Errors
///
/// Any other Graph error, classified.
pub fn parse_user_profile(response: &RawResponse) -> Result<Option<UserProfile>> {
    match parse_response(response) {
        Ok(value) => serde_json::from_value(value).map(Some).map_err(|e| {
            Error::new(ErrorKind::InvalidJson {
                detail: format!("user profile: {e}"),
            })
        }),
        Err(error) => match error.graph() {
            Some(g)
                if g.code == Some(100)
                    && g.subcode.is_some_and(|s| PROFILE_UNAVAILABLE.contains(&s)) =>
            {
                Ok(None)
            }
            _ => Err(error),
        },
    }
}

/// The success body as JSON, or the classified error.
///
/// A 2xx whose body is not JSON is returned as a JSON string; an error status (or a 2xx
/// carrying an `error` object) becomes [`ErrorKind::Graph`].
pub fn parse_response(response: &RawResponse) -> Result<Value> {
    let json: Option<Value> = serde_json::from_slice(&response.body).ok();
    if let Some(envelope) = json
        .as_ref()
        .and_then(|v| v.get("error"))
        .filter(|e| e.is_object())
    {
        return Err(graph_error(read_envelope(response, envelope)));
    }
    if !(200..300).contains(&response.status) {
        return Err(graph_error(not_graph(response)));
    }
    Ok(json.unwrap_or_else(|| Value::String(String::from_utf8_lossy(&response.body).into_owned())))
}

/// A send answer: [`parse_response`], then the `recipient_id` / `message_id` body.
pub fn parse_send_response(response: &RawResponse) -> Result<SendResponse> {
    let value = parse_response(response)?;
    serde_json::from_value(value).map_err(|e| {
        Error::new(ErrorKind::InvalidJson {
            detail: format!("send answer: {e}"),
        })
    })
}

/// A transport failure as a Graph error: no status, class transient.
pub fn transport_error(failure: TransportFailure, detail: impl Into<String>) -> GraphError {
    let mut error = blank(0);
    error.class = GraphErrorClass::Transient;
    error.transport = Some(failure);
    // A transport's text may quote the URL, which for debug_token holds a token.
    error.message = Some(super::redact(&detail.into()).into_owned());
    error
}

pub(crate) fn graph_error(error: GraphError) -> Error {
    Error::new(ErrorKind::Graph(Box::new(error)))
}

fn read_envelope(response: &RawResponse, envelope: &Value) -> GraphError {
    let text = |key: &str| envelope.get(key).and_then(Value::as_str).map(str::to_owned);
    let int = |key: &str| {
        envelope
            .get(key)
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
    };
    let mut error = blank(response.status);
    error.code = int("code");
    error.subcode = int("error_subcode");
    error.kind = text("type");
    error.message = text("message").map(|m| super::redact(&m).into_owned());
    error.user_title = text("error_user_title");
    error.user_message = text("error_user_msg");
    error.fbtrace_id = text("fbtrace_id");
    error.is_transient = envelope.get("is_transient").and_then(Value::as_bool);
    error.class = classify(
        response.status,
        error.code,
        error.subcode,
        error.is_transient,
    );
    if let Some(message) = &error.message {
        error.class = crate::graph_error::routing_refusal(error.class, message);
    }
    if error.class.retryable() {
        error.retry_after = retry_after(response);
    }
    error
}

fn not_graph(response: &RawResponse) -> GraphError {
    let mut error = blank(response.status);
    error.class = classify(response.status, None, None, None);
    // A proxy that reflects the request (headers included) would hand back the token.
    let body = String::from_utf8_lossy(&response.body);
    error.raw_body = Some(super::redact(&body).into_owned());
    if error.class.retryable() {
        error.retry_after = retry_after(response);
    }
    error
}

/// A 2xx answer whose body is not what the request answers (a send answer without its
/// fields, or no JSON at all): class `unknown`, since the request was accepted.
pub(crate) fn unreadable_answer(
    status: u16,
    body: &Value,
    why: &dyn std::fmt::Display,
) -> GraphError {
    let mut error = blank(status);
    error.message = Some(format!(
        "the answer could not be read ({why}); the request was accepted, so it may have taken effect"
    ));
    let text = match body {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    error.raw_body = Some(super::redact(&text).into_owned());
    error
}

/// Seconds from `Retry-After` (delta-seconds form), else from the business usage header.
fn retry_after(response: &RawResponse) -> Option<u64> {
    let header = response
        .header("retry-after")
        .and_then(|v| v.trim().parse().ok());
    header.or_else(|| response.usage().regain_after_seconds())
}

fn blank(status: u16) -> GraphError {
    GraphError {
        class: GraphErrorClass::Unknown,
        status,
        code: None,
        subcode: None,
        kind: None,
        message: None,
        user_title: None,
        user_message: None,
        fbtrace_id: None,
        is_transient: None,
        retry_after: None,
        raw_body: None,
        transport: None,
        attempts: 0,
    }
}
