//! A webhook request received whole: its signature verified against one or several app
//! secrets, its body parsed, and the Graph version that delivered it read from
//! `Facebook-API-Version` — the one call a host's endpoint needs.

use serde::Serialize;

use super::{Notification, ParseOptions, parse_with};
use crate::error::{Error, ErrorKind, Result};
use crate::signature::{Algorithm, VerifyOptions, verify_headers_any};

/// The header Meta sends with every webhook: the Graph version of the payload.
pub const HEADER_API_VERSION: &str = "Facebook-API-Version";

/// A verified, parsed webhook request.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Received {
    /// The signature header's algorithm.
    pub algorithm: Algorithm,
    /// Which secret matched (0-based, in the order given).
    pub secret_index: usize,
    /// The `Facebook-API-Version` header (`v27.0`), absent when the request had none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// The parsed body.
    pub notification: Notification,
}

/// The `Facebook-API-Version` value in a header list (names compared case-insensitively,
/// the value trimmed; the first one when repeated). `None` when absent or blank.
pub fn api_version<'h, I>(headers: I) -> Option<&'h str>
where
    I: IntoIterator<Item = (&'h str, &'h str)>,
{
    headers
        .into_iter()
        .find(|(name, _)| name.trim().eq_ignore_ascii_case(HEADER_API_VERSION))
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
}

/// The header that says how long the body is.
const CONTENT_LENGTH: &str = "content-length";

/// Judges a webhook request by its headers alone, before a byte of its body is read:
/// the number of body bytes to read. A receiver that reads only this many refuses an
/// unsigned or oversize POST without holding it in memory.
///
/// # Errors
///
/// `signature_missing`, `signature_sha1_not_allowed` and `signature_duplicate` (as
/// [`crate::signature::find_header`]: nothing to verify, so nothing is worth reading);
/// `required` at `headers.content-length` when there is none (Meta always sends one; a
/// chunked body cannot be bounded before it is read); `invalid_input` there for a value
/// that is not a decimal number, or for two that differ; `body_too_large` past
/// `max_body_bytes` (`limits::WEBHOOK_BODY_MAX_DEFAULT` when 0).
pub fn head<'h, I>(headers: I, verify: VerifyOptions, max_body_bytes: usize) -> Result<usize>
where
    I: IntoIterator<Item = (&'h str, &'h str)> + Clone,
{
    crate::signature::find_header(headers.clone(), verify)?;
    let field = "headers.content-length";
    let mut length: Option<&str> = None;
    for (_, value) in headers
        .into_iter()
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case(CONTENT_LENGTH))
    {
        let value = value.trim();
        if length.is_some_and(|seen| seen != value) {
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: "two Content-Length headers that differ".to_owned(),
                },
                field,
            ));
        }
        length = Some(value);
    }
    let Some(length) = length else {
        return Err(Error::at(
            ErrorKind::Required {
                detail: "a webhook request needs a Content-Length".to_owned(),
            },
            field,
        ));
    };
    let max = ParseOptions::default()
        .max_body_bytes(max_body_bytes)
        .max_body_bytes;
    let digits = !length.is_empty() && length.bytes().all(|b| b.is_ascii_digit());
    // Digits beyond what usize holds are a length past any limit.
    let actual = match (digits, length.parse::<usize>()) {
        (true, Ok(n)) => n,
        (true, Err(_)) => usize::MAX,
        (false, _) => {
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: format!("Content-Length {length:?} is not a decimal number of bytes"),
                },
                field,
            ));
        }
    };
    if actual > max {
        return Err(Error::new(ErrorKind::BodyTooLarge { max, actual }));
    }
    Ok(actual)
}

/// Verifies the request's signature header with each of `secrets`, then parses `body`.
/// Nothing is parsed unless a secret matched.
///
/// # Errors
///
/// The signature codes (`app_secret_empty`, `signature_missing`, `signature_mismatch`,
/// ...), then the parse errors of [`parse_with`].
pub fn receive<'h, S, I>(
    secrets: &[S],
    body: &[u8],
    headers: I,
    verify: VerifyOptions,
    parse: &ParseOptions,
) -> Result<Received>
where
    S: AsRef<[u8]>,
    I: IntoIterator<Item = (&'h str, &'h str)> + Clone,
{
    let verified = verify_headers_any(secrets, body, headers.clone(), verify)?;
    let notification = parse_with(body, parse)?;
    Ok(Received {
        algorithm: verified.algorithm,
        secret_index: verified.secret_index,
        api_version: api_version(headers).map(str::to_owned),
        notification,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::sign;

    #[test]
    fn the_version_header_is_read_beside_the_notification() {
        let body = br#"{"object":"page","entry":[]}"#;
        let signature = sign(b"s", body);
        let headers = [
            ("x-hub-signature-256", signature.as_str()),
            ("facebook-api-version", " v27.0 "),
        ];
        let got = receive(
            &["s"],
            body,
            headers,
            VerifyOptions::default(),
            &ParseOptions::default(),
        )
        .unwrap();
        assert_eq!(got.api_version.as_deref(), Some("v27.0"));
        assert_eq!(got.secret_index, 0);
        let without = [("X-Hub-Signature-256", signature.as_str())];
        let got = receive(
            &["s"],
            body,
            without,
            VerifyOptions::default(),
            &ParseOptions::default(),
        )
        .unwrap();
        assert_eq!(got.api_version, None);
        let json = serde_json::to_value(&got).unwrap();
        assert!(json.get("api_version").is_none(), "{json}");
    }
}
