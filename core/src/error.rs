//! The one error type of msgrkit: a kind with a stable snake_case code, and a field path.
//!
//! Codes are identical in Rust, C, Python and Node; callers and tests branch on
//! [`Error::code`] and [`Error::field`], never on the message text.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error from any part of msgrkit.
///
/// Boxed so that `Result<T, Error>` stays one pointer wide, as in serde_json.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<Inner>);

/// The message is the kind's, then the field it concerns: `... (at `message.text`)`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind}{}", at(.field.as_deref()))]
struct Inner {
    kind: ErrorKind,
    field: Option<String>,
}

fn at(field: Option<&str>) -> String {
    field
        .map(|field| format!(" (at `{field}`)"))
        .unwrap_or_default()
}

/// What went wrong. Each variant has a stable [`code`](ErrorKind::code); its message
/// (lowercase, naming the values involved) is derived by `thiserror`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The app secret is empty, so no signature could ever be trusted.
    #[error("the app secret is empty: nothing is verified or signed with it")]
    AppSecretEmpty,
    /// No signature header was given, or its value is empty.
    #[error("signature header is missing or empty")]
    SignatureMissing,
    /// The header value has no `algorithm=` prefix.
    #[error("signature header has no `algorithm=` prefix (expected `sha256=<hex>`)")]
    SignatureMalformed,
    /// The header names an algorithm other than `sha256` (or `sha1`).
    #[error("signature algorithm `{algorithm}` is not supported (expected `sha256`)")]
    SignatureUnsupportedAlgorithm {
        /// The algorithm named in the header.
        algorithm: String,
    },
    /// A legacy `sha1=` signature was given but the caller did not opt in to SHA-1.
    #[error("legacy sha1 signature given but sha1 was not allowed by the caller")]
    SignatureSha1NotAllowed,
    /// The hex digest has the wrong number of digits.
    #[error("signature digest has {actual} hex digits, expected {expected}")]
    SignatureWrongLength {
        /// Hex digits the algorithm needs.
        expected: usize,
        /// Hex digits found.
        actual: usize,
    },
    /// The digest contains a character that is not a hex digit.
    #[error("signature digest has a non-hex character at position {position}")]
    SignatureNotHex {
        /// Zero-based position of the first bad character within the digest.
        position: usize,
    },
    /// A complete digest is followed by more bytes.
    #[error("signature digest is followed by {extra} unexpected bytes")]
    SignatureTrailingData {
        /// How many bytes follow the digest.
        extra: usize,
    },
    /// The header list holds the same signature header more than once.
    #[error("header `{header}` appears more than once")]
    SignatureDuplicate {
        /// The repeated header name.
        header: String,
    },
    /// The digest is well formed but does not match the body: forged, altered or re-serialised.
    #[error("signature does not match the body")]
    SignatureMismatch,
    /// The body is larger than the caller's limit (`webhook::ParseOptions`).
    #[error("body has {actual} bytes, more than the limit of {max}")]
    BodyTooLarge {
        /// The limit, in bytes.
        max: usize,
        /// The body's size, in bytes.
        actual: usize,
    },
    /// JSON nested deeper than `limits::JSON_NESTING_MAX`.
    #[error("json is nested more than {max} levels deep")]
    NestingTooDeep {
        /// The deepest nesting read.
        max: usize,
    },
    /// The body is not valid UTF-8.
    #[error("body is not utf-8 (offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// JSON text (a body, or an argument named by the error's field) that is not JSON.
    #[error("not valid json: {detail}")]
    InvalidJson {
        /// What the JSON parser reported (lowercase, with line and column).
        detail: String,
    },
    /// The body is JSON but not a webhook envelope (`object` string and `entry` array).
    #[error("not a webhook envelope: {detail}")]
    InvalidEnvelope {
        /// What is wrong with it.
        detail: String,
    },
    /// One event (or entry) could not be read; reported in the notification's `errors`.
    #[error("invalid event: {detail}")]
    InvalidEvent {
        /// What is wrong with it.
        detail: String,
    },
    /// An argument given by the caller is not acceptable.
    #[error("invalid input: {detail}")]
    InvalidInput {
        /// What is wrong with it.
        detail: String,
    },
    /// A required value is missing.
    #[error("required: {detail}")]
    Required {
        /// What is missing.
        detail: String,
    },
    /// Content is over a limit and the caller asked to reject rather than truncate or split.
    #[error("{actual} is over the limit of {max}")]
    LimitExceeded {
        /// The limit.
        max: usize,
        /// The measured value.
        actual: usize,
    },
    /// Input that Messenger cannot express (for example a WhatsApp-only template).
    #[error("not supported: {detail}")]
    Unsupported {
        /// What cannot be expressed, and why.
        detail: String,
    },
    /// Inputs that exclude each other (for example Smooch's reply mixed with buttons).
    #[error("conflict: {detail}")]
    Conflict {
        /// What conflicts.
        detail: String,
    },
    /// A payload broke Messenger's rules; every violation is listed.
    #[error("{}", validation_summary(violations))]
    ValidationFailed {
        /// The violations, as `limits::validate` returns them.
        violations: Vec<crate::violation::Violation>,
    },
    /// The Graph API answered with an error (or not at all); the code is the class's
    /// (`graph_auth`, `graph_rate_limited`, ...).
    #[error("{0}")]
    Graph(Box<crate::graph_error::GraphError>),
}

/// Broad groups of [`ErrorKind`], for callers that only need to branch coarsely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Category {
    /// The webhook signature or the secret used to check it.
    Signature,
    /// The bytes received could not be read as a webhook.
    Parse,
    /// The caller passed something unusable.
    Input,
    /// A payload breaks Messenger's rules.
    Validation,
    /// The Graph API refused a request or could not be reached.
    Graph,
}

/// The one table of [`ErrorKind`]s: each variant's code and category. A variant left out
/// does not compile; [`ERROR_CODES`] and [`ERROR_CATEGORIES`] come from it.
macro_rules! error_table {
    ($($variant:ident => $code:literal in $category:ident),* $(,)?) => {
        /// Every code an [`ErrorKind`] can have (a Graph error's code is its class's, in
        /// [`crate::graph::GRAPH_CLASS_CODES`]).
        pub const ERROR_CODES: &[&str] = &[$($code),*];
        /// Every [`ErrorKind`] code with its category (a Graph error's is `Graph`).
        pub const ERROR_CATEGORIES: &[(&str, Category)] = &[$(($code, Category::$category)),*];

        impl ErrorKind {
            /// The stable snake_case code, identical in every language.
            pub fn code(&self) -> &'static str {
                match self {
                    $(Self::$variant { .. } => $code,)*
                    Self::Graph(error) => error.code_name(),
                }
            }

            /// The broad group this kind belongs to.
            pub fn category(&self) -> Category {
                match self {
                    $(Self::$variant { .. } => Category::$category,)*
                    Self::Graph(_) => Category::Graph,
                }
            }
        }
    };
}

error_table! {
    AppSecretEmpty => "app_secret_empty" in Signature,
    SignatureMissing => "signature_missing" in Signature,
    SignatureMalformed => "signature_malformed" in Signature,
    SignatureUnsupportedAlgorithm => "signature_unsupported_algorithm" in Signature,
    SignatureSha1NotAllowed => "signature_sha1_not_allowed" in Signature,
    SignatureWrongLength => "signature_wrong_length" in Signature,
    SignatureNotHex => "signature_not_hex" in Signature,
    SignatureTrailingData => "signature_trailing_data" in Signature,
    SignatureDuplicate => "signature_duplicate" in Signature,
    SignatureMismatch => "signature_mismatch" in Signature,
    BodyTooLarge => "body_too_large" in Parse,
    NestingTooDeep => "nesting_too_deep" in Parse,
    InvalidUtf8 => "invalid_utf8" in Parse,
    InvalidJson => "invalid_json" in Parse,
    InvalidEnvelope => "invalid_envelope" in Parse,
    InvalidEvent => "invalid_event" in Parse,
    InvalidInput => "invalid_input" in Input,
    Required => "required" in Input,
    LimitExceeded => "limit_exceeded" in Input,
    Unsupported => "unsupported" in Input,
    Conflict => "conflict" in Input,
    ValidationFailed => "validation_failed" in Validation,
}

/// `3 violation(s), first: limit_exceeded at `message.text``.
fn validation_summary(violations: &[crate::violation::Violation]) -> String {
    match violations.first() {
        Some(first) => format!(
            "{} violation(s), first: {} at `{}`",
            violations.len(),
            first.code.as_str(),
            first.field
        ),
        None => format!("{} violation(s)", violations.len()),
    }
}

impl Error {
    /// Creates an error of `kind` without a field path.
    pub fn new(kind: ErrorKind) -> Self {
        Self(Box::new(Inner { kind, field: None }))
    }

    /// Creates an error of `kind` located at `field` (for example `entry[0].messaging`).
    pub fn at(kind: ErrorKind, field: impl Into<String>) -> Self {
        Self(Box::new(Inner {
            kind,
            field: Some(field.into()),
        }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Stable snake_case identifier, identical in C, Python and Node.
    pub fn code(&self) -> &'static str {
        self.0.kind.code()
    }

    /// Path of the offending field, if one applies.
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    /// The broad group of this error.
    pub fn category(&self) -> Category {
        self.0.kind.category()
    }

    /// The Graph error, when the Graph API refused the request.
    pub fn graph(&self) -> Option<&crate::graph_error::GraphError> {
        match &self.0.kind {
            ErrorKind::Graph(error) => Some(error),
            _ => None,
        }
    }
}

impl From<crate::date::InvalidDate> for Error {
    fn from(invalid: crate::date::InvalidDate) -> Self {
        Self::new(ErrorKind::InvalidInput {
            detail: invalid.to_string(),
        })
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("code", &self.code())
            .field("field", &self.0.field)
            .field("message", &self.0.kind.to_string())
            .finish()
    }
}

/// Serialises as `{"code": ..., "field": ..., "message": ...}` (plus `violations` for
/// `validation_failed`), the form every binding returns.
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("field", &self.0.field)?;
        map.serialize_entry("message", &self.0.kind.to_string())?;
        if let ErrorKind::ValidationFailed { violations } = &self.0.kind {
            map.serialize_entry("violations", violations)?;
        }
        if let ErrorKind::Graph(error) = &self.0.kind {
            map.serialize_entry("graph", error)?;
        }
        map.end()
    }
}

/// What a serde_json error at `path` (serde_path_to_error's `.` is the root) is about.
pub(crate) struct SerdeProblem {
    /// The field concerned: a missing field's own path, else the path of the bad value.
    pub(crate) field: String,
    /// Set when the problem is a missing field.
    pub(crate) missing: Option<String>,
    /// serde's words, without its position suffix.
    pub(crate) detail: String,
}

impl SerdeProblem {
    pub(crate) fn new(path: &str, err: &serde_json::Error) -> Self {
        let path = if path == "." { "" } else { path };
        let message = err.to_string();
        let detail = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned);
        let field = match &missing {
            Some(name) if !path.is_empty() => format!("{path}.{name}"),
            Some(name) => name.clone(),
            None => path.to_owned(),
        };
        Self {
            field,
            missing,
            detail,
        }
    }

    /// The problem as an error: `required` for a missing field, else `invalid_input`.
    pub(crate) fn into_error(self) -> Error {
        let kind = match &self.missing {
            Some(name) => ErrorKind::Required {
                detail: format!("`{name}` is required"),
            },
            None => ErrorKind::InvalidInput {
                detail: self.detail,
            },
        };
        Error::at(kind, self.field)
    }
}

#[cfg(test)]
mod tests;
