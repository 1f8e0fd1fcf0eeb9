//! A webhook request received whole: its signature verified against one or several app
//! secrets, its body parsed, and the Graph version that delivered it read from
//! `Facebook-API-Version` — the one call a host's endpoint needs.

use serde::Serialize;

use super::{Notification, ParseOptions, parse_with};
use crate::error::Result;
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
