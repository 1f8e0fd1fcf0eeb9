//! The signature checks and signing: over the exact body bytes, with one secret or several.

use msgrkit::api;
use pyo3::prelude::*;

use crate::convert::{answer, body_bytes, pairs};
use crate::errors::to_py_err;

/// `X-Hub-Signature-256` (or, when allowed, `X-Hub-Signature`) over the exact body bytes.
/// Returns the algorithm used; raises `SignatureError` otherwise.
#[pyfunction]
#[pyo3(signature = (app_secret, body, header, *, allow_sha1 = false))]
pub(crate) fn verify_signature(
    py: Python<'_>,
    app_secret: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
    header: &str,
    allow_sha1: bool,
) -> PyResult<&'static str> {
    let (secret, body) = (body_bytes(app_secret)?, body_bytes(body)?);
    api::verify_signature(&secret, &body, header, allow_sha1).map_err(|e| to_py_err(py, e))
}

/// As `verify_signature`, finding the header in the request's headers (a mapping or
/// `(name, value)` pairs; names compared case-insensitively).
#[pyfunction]
#[pyo3(signature = (app_secret, body, headers, *, allow_sha1 = false))]
pub(crate) fn verify_signature_headers(
    py: Python<'_>,
    app_secret: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
    headers: &Bound<'_, PyAny>,
    allow_sha1: bool,
) -> PyResult<&'static str> {
    let (secret, body, headers) = (body_bytes(app_secret)?, body_bytes(body)?, pairs(headers)?);
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    api::verify_signature_headers(&secret, &body, &headers, allow_sha1)
        .map_err(|e| to_py_err(py, e))
}

/// A webhook request judged by its headers (a mapping or pairs) before its body is read:
/// the number of body bytes to read. Raises `SignatureError` for an unsigned request,
/// `InputError` for a missing or malformed `Content-Length`, `ParseError`
/// (`body_too_large`) past `max_body_bytes`.
#[pyfunction]
#[pyo3(signature = (headers, *, allow_sha1 = false, max_body_bytes = None))]
pub(crate) fn check_webhook_head(
    py: Python<'_>,
    headers: &Bound<'_, PyAny>,
    allow_sha1: bool,
    max_body_bytes: Option<usize>,
) -> PyResult<usize> {
    let headers = serde_json::to_string(&pairs(headers)?).expect("pairs serialise");
    api::check_webhook_head(&headers, allow_sha1, max_body_bytes.unwrap_or(0))
        .map_err(|e| to_py_err(py, e))
}

/// Secrets given as one secret or a sequence of them (bytes, bytearray or str each).
fn secret_list(secrets: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<u8>>> {
    if let Ok(one) = body_bytes(secrets) {
        return Ok(vec![one.into_owned()]);
    }
    let mut out = Vec::new();
    for secret in secrets.try_iter()? {
        out.push(body_bytes(&secret?)?.into_owned());
    }
    Ok(out)
}

/// As `verify_signature`, trying each of `app_secrets` (one secret or a sequence):
/// `{"algorithm", "secret_index"}`, the position of the secret that matched.
#[pyfunction]
#[pyo3(signature = (app_secrets, body, header, *, allow_sha1 = false))]
pub(crate) fn verify_signature_any<'py>(
    py: Python<'py>,
    app_secrets: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
    header: &str,
    allow_sha1: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let (secrets, body) = (secret_list(app_secrets)?, body_bytes(body)?);
    answer(
        py,
        api::verify_signature_any(&secrets, &body, header, allow_sha1),
    )
}

/// A webhook request verified with each of `app_secrets` and parsed from its headers (a
/// mapping or pairs): `{"algorithm", "secret_index", "api_version"?, "notification"}`, with
/// the `Facebook-API-Version` header as `api_version`.
#[pyfunction]
#[pyo3(signature = (app_secrets, body, headers, *, allow_sha1 = false, max_body_bytes = None))]
pub(crate) fn receive_webhook<'py>(
    py: Python<'py>,
    app_secrets: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
    headers: &Bound<'py, PyAny>,
    allow_sha1: bool,
    max_body_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let (secrets, body, headers) = (
        secret_list(app_secrets)?,
        body_bytes(body)?,
        pairs(headers)?,
    );
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    let received = api::receive_webhook(
        &secrets,
        &body,
        &headers,
        allow_sha1,
        max_body_bytes.unwrap_or(0),
    );
    answer(py, received)
}

/// The `X-Hub-Signature-256` value for a body (for tests and stand-ins); raises
/// `SignatureError` (`app_secret_empty`) for an empty secret.
#[pyfunction]
pub(crate) fn sign(
    py: Python<'_>,
    app_secret: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
) -> PyResult<String> {
    api::sign(&body_bytes(app_secret)?, &body_bytes(body)?).map_err(|e| to_py_err(py, e))
}
