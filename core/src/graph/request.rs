//! A Graph request as plain data (method, URL, headers, body), what it redacts when
//! printed, and the percent-encoding every URL msgrkit builds uses.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// DELETE.
    Delete,
}

impl Method {
    /// `GET`, `POST` or `DELETE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Delete => "DELETE",
        }
    }
}

/// An HTTP request to the Graph API, as plain data. Send it with any client.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GraphRequest {
    /// The method.
    pub method: Method,
    /// The full URL (never carrying the token).
    pub url: String,
    /// Headers, `Authorization` first.
    pub headers: Vec<(String, String)>,
    /// The body, if any (its type is in the `Content-Type` header).
    pub body: Option<Vec<u8>>,
}

/// The `Authorization` header (and a body, which for `debug_token` holds a token) are
/// wiped when a request is dropped, like a [`Secret`](crate::Secret).
impl Drop for GraphRequest {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for (name, value) in &mut self.headers {
            if name.eq_ignore_ascii_case("authorization") {
                value.zeroize();
            }
        }
        if let Some(body) = &mut self.body {
            body.zeroize();
        }
    }
}

impl std::fmt::Debug for GraphRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    if k.eq_ignore_ascii_case("authorization") {
                        "[redacted]"
                    } else {
                        v.as_str()
                    },
                )
            })
            .collect();
        f.debug_struct("GraphRequest")
            .field("method", &self.method)
            .field("url", &redact(&self.url))
            .field("headers", &headers)
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .finish()
    }
}

/// The JSON form every binding returns: a JSON body appears as JSON, other bodies as text.
impl Serialize for GraphRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let json = self
            .headers
            .iter()
            .any(|(k, v)| k == "Content-Type" && v.starts_with("application/json"));
        let body = self.body.as_ref().map(|bytes| {
            match (json, serde_json::from_slice::<serde_json::Value>(bytes)) {
                (true, Ok(value)) => value,
                _ => serde_json::Value::String(String::from_utf8_lossy(bytes).into_owned()),
            }
        });
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("method", &self.method)?;
        map.serialize_entry("url", &self.url)?;
        map.serialize_entry("headers", &self.headers)?;
        map.serialize_entry("body", &body)?;
        map.end()
    }
}

pub(crate) struct Body {
    pub(crate) content_type: String,
    pub(crate) bytes: Vec<u8>,
}

impl Body {
    pub(crate) fn json(value: &impl Serialize) -> Self {
        Self {
            content_type: "application/json".to_owned(),
            // The models serialise to JSON without fail; a map with non-string keys never occurs.
            bytes: serde_json::to_vec(value).expect("json bodies serialise"),
        }
    }

    pub(crate) fn form(pairs: &[(&str, &str)]) -> Self {
        let text: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        Self {
            content_type: "application/x-www-form-urlencoded".to_owned(),
            bytes: text.join("&").into_bytes(),
        }
    }
}

/// Query parameters whose value is a credential: `debug_token`'s `input_token` (and an
/// `access_token` a host may have put in a URL of its own).
const SECRET_PARAMS: &[&str] = &["input_token", "access_token"];

/// `text` (a URL, an error message that may quote one, or a body a proxy reflected) with
/// every credential replaced by `[redacted]`: the value of a credential parameter
/// (`input_token=`, `access_token=`), of a JSON key of that name, and a `Bearer` token.
pub fn redact(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = std::borrow::Cow::Borrowed(text);
    for name in SECRET_PARAMS {
        redact_after(&mut out, &format!("{name}="), |before| {
            matches!(before, None | Some('?' | '&' | ' ' | '"' | '\'' | '('))
        });
        redact_after(&mut out, &format!("\"{name}\":\""), |_| true);
        redact_after(&mut out, &format!("\"{name}\": \""), |_| true);
    }
    for bearer in ["Bearer ", "bearer ", "BEARER "] {
        redact_after(&mut out, bearer, |before| {
            before.is_none_or(|c| !c.is_alphanumeric())
        });
    }
    out
}

/// `value` with every credential redacted at any depth: the value of a key named like a
/// credential parameter (`input_token`, `access_token`) becomes `[redacted]`, and every
/// string goes through [`redact`]. For logs that keep requests as JSON.
pub fn redact_value(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                if SECRET_PARAMS.contains(&key.as_str()) {
                    *inner = Value::String("[redacted]".to_owned());
                } else {
                    redact_value(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_value),
        Value::String(text) => {
            if let std::borrow::Cow::Owned(clean) = redact(text) {
                *text = clean;
            }
        }
        _ => {}
    }
}

/// Replaces the value after each `needle` (up to a delimiter) with `[redacted]` where the
/// character before the needle passes `boundary`.
fn redact_after(
    out: &mut std::borrow::Cow<'_, str>,
    needle: &str,
    boundary: impl Fn(Option<char>) -> bool,
) {
    let mut from = 0;
    while let Some(found) = out[from..].find(needle) {
        let at = from + found;
        let start = at + needle.len();
        let end = out[start..]
            .find(['&', ' ', '"', '\'', '#', ')', '\n', ',', '}', ']', '\\'])
            .map_or(out.len(), |i| start + i);
        if boundary(out[..at].chars().next_back())
            && &out[start..end] != "[redacted]"
            && start < end
        {
            out.to_mut().replace_range(start..end, "[redacted]");
            from = start + "[redacted]".len();
        } else {
            from = end.max(start);
        }
    }
}

/// `text` with every occurrence of each of `secrets` (at least 4 characters long, so a
/// short value never blanks ordinary words) replaced by `[redacted]`.
pub(crate) fn redact_literal(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        if out.contains(secret) {
            out = out.replace(secret, "[redacted]");
        }
    }
    out
}

impl GraphRequest {
    /// The credentials this request carries: the `Authorization` token and the value of
    /// every credential parameter of its URL.
    pub(crate) fn credentials(&self) -> Vec<&str> {
        let mut found: Vec<&str> = self
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("authorization"))
            .map(|(_, v)| v.strip_prefix("Bearer ").unwrap_or(v))
            .collect();
        if let Some((_, query)) = self.url.split_once('?') {
            for pair in query.split('&') {
                if let Some((k, v)) = pair.split_once('=')
                    && SECRET_PARAMS.contains(&k)
                {
                    found.push(v);
                }
            }
        }
        found
    }
}

/// Percent-encodes a query component (RFC 3986 unreserved characters stay).
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
