//! Signatures on the JSON-text surface: verifying with one secret or several, signing,
//! and a webhook request received whole (verified, parsed, with its API version).

use super::{read, to_text};
use crate::error::{Error, ErrorKind, Result};
use crate::signature::{self, VerifyOptions};
use crate::webhook;

/// Verifies `header` over `body`; returns the algorithm used (`"sha256"` or `"sha1"`).
///
/// # Errors
///
/// The signature codes (`signature_mismatch`, `app_secret_empty`, ...).
pub fn verify_signature(
    app_secret: &[u8],
    body: &[u8],
    header: &str,
    allow_sha1: bool,
) -> Result<&'static str> {
    signature::verify_with(
        app_secret,
        body,
        header,
        VerifyOptions::with_sha1(allow_sha1),
    )
    .map(signature::Algorithm::name)
}

/// The `X-Hub-Signature-256` value (`sha256=<hex>`) of `body`.
///
/// # Errors
///
/// `app_secret_empty` for an empty secret (an unset variable): nothing is signed with it.
pub fn sign(app_secret: &[u8], body: &[u8]) -> Result<String> {
    if app_secret.is_empty() {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    Ok(signature::sign(app_secret, body))
}

/// Verifies `header` over `body` with each of `secrets` (Instagram-Login and
/// Facebook-Login secrets on one endpoint, or old and new while rotating):
/// `{"algorithm", "secret_index"}`.
///
/// # Errors
///
/// `app_secret_empty` for no secret or an empty one; the signature codes.
pub fn verify_signature_any<S: AsRef<[u8]>>(
    secrets: &[S],
    body: &[u8],
    header: &str,
    allow_sha1: bool,
) -> Result<String> {
    signature::verify_any(secrets, body, header, VerifyOptions::with_sha1(allow_sha1))
        .map(|v| to_text(&v))
}

/// A webhook request verified with each of `secrets` and parsed, from its header list
/// (`[[name, value], ...]`): `{"algorithm", "secret_index", "api_version"?, "notification"}`.
/// `max_body_bytes` 0 means the default.
///
/// # Errors
///
/// `invalid_json` (field `headers`), the signature codes, then the parse errors.
pub fn receive_webhook<S: AsRef<[u8]>>(
    secrets: &[S],
    body: &[u8],
    headers_json: &str,
    allow_sha1: bool,
    max_body_bytes: usize,
) -> Result<String> {
    let headers: Vec<(String, String)> = read(headers_json, "headers")?;
    let parse = webhook::ParseOptions::default().max_body_bytes(max_body_bytes);
    let pairs = headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    webhook::receive(
        secrets,
        body,
        pairs,
        VerifyOptions::with_sha1(allow_sha1),
        &parse,
    )
    .map(|r| to_text(&r))
}

/// A webhook request judged by its header list (`[[name, value], ...]`) before its body
/// is read: the number of body bytes to read. `max_body_bytes` 0 means the default.
///
/// # Errors
///
/// `invalid_json` (field `headers`), then as [`webhook::head`]: `signature_missing`,
/// `signature_sha1_not_allowed`, `signature_duplicate`, `required` or `invalid_input` at
/// `headers.content-length`, `body_too_large`.
pub fn check_webhook_head(
    headers_json: &str,
    allow_sha1: bool,
    max_body_bytes: usize,
) -> Result<usize> {
    let headers: Vec<(String, String)> = read(headers_json, "headers")?;
    let pairs = headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    webhook::head(pairs, VerifyOptions::with_sha1(allow_sha1), max_body_bytes)
}

/// Verifies the signature found in a host's header list (`[[name, value], ...]`,
/// names compared case-insensitively): the algorithm used.
///
/// # Errors
///
/// `invalid_json` (field `headers`), `signature_duplicate`, and the signature codes.
pub fn verify_signature_headers(
    app_secret: &[u8],
    body: &[u8],
    headers_json: &str,
    allow_sha1: bool,
) -> Result<&'static str> {
    let headers: Vec<(String, String)> = read(headers_json, "headers")?;
    let options = VerifyOptions::with_sha1(allow_sha1);
    let pairs = headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    signature::verify_headers(app_secret, body, pairs, options).map(signature::Algorithm::name)
}
