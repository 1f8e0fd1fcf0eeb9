//! Answers in Meta's form: the Graph error envelope with its code and subcode, and JSON
//! bodies.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// A Graph API error as Meta sends it.
#[derive(Clone, Debug)]
pub(crate) struct MetaError {
    pub(crate) code: u32,
    pub(crate) subcode: Option<u32>,
    pub(crate) kind: &'static str,
    pub(crate) message: String,
}

impl MetaError {
    pub(crate) fn new(code: u32, subcode: Option<u32>, message: impl Into<String>) -> Self {
        // Meta types every messaging error it documents as OAuthException.
        Self {
            code,
            subcode,
            kind: "OAuthException",
            message: message.into(),
        }
    }

    /// An invalid parameter: 100 with the parameter in Meta's bracket form.
    pub(crate) fn invalid_parameter(field: &str, detail: &str) -> Self {
        Self::new(
            100,
            None,
            format!("(#100) Param {}: {detail}", bracket_path(field)),
        )
    }

    /// The envelope `{"error": {...}}`.
    pub(crate) fn envelope(&self) -> Value {
        let mut error = json!({
            "message": self.message,
            "type": self.kind,
            "code": self.code,
            "fbtrace_id": "ASandboxTrace",
        });
        if let Some(subcode) = self.subcode {
            error["error_subcode"] = json!(subcode);
        }
        json!({ "error": error })
    }

    /// The HTTP status Meta answers it with.
    pub(crate) fn status(&self) -> StatusCode {
        match self.code {
            190 => StatusCode::UNAUTHORIZED,
            10 | 200 => StatusCode::FORBIDDEN,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

impl IntoResponse for MetaError {
    fn into_response(self) -> Response {
        (self.status(), axum::Json(self.envelope())).into_response()
    }
}

/// A 200 JSON answer.
pub(crate) fn ok(body: Value) -> Response {
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// `message.quick_replies[0].title` as Meta writes parameters:
/// `message[quick_replies][0][title]`.
pub(crate) fn bracket_path(field: &str) -> String {
    let mut out = String::new();
    for (index, part) in field.split('.').enumerate() {
        let (name, rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if index == 0 {
            out.push_str(name);
        } else {
            out.push('[');
            out.push_str(name);
            out.push(']');
        }
        if !rest.is_empty() {
            out.push('[');
            out.push_str(rest);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::bracket_path;

    #[test]
    fn paths_read_as_meta_writes_them() {
        assert_eq!(
            bracket_path("message.quick_replies[0].title"),
            "message[quick_replies][0][title]"
        );
        assert_eq!(bracket_path("recipient"), "recipient");
        assert_eq!(
            bracket_path("message.attachment.payload.elements[1].buttons[0].url"),
            "message[attachment][payload][elements][1][buttons][0][url]"
        );
    }
}
