//! The module functions: receive side (signature, handshake, webhook) and send side
//! (transcode, compose, validate, policy). Each converts, calls the core, converts back.

use msgrkit::{api, webhook};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{body_bytes, json_text, keywords, options_text, pairs, text_to_py, to_py};
use crate::errors::{refusal_to_py_err, to_py_err};
use crate::pyser::to_python;

/// The JSON text a core call returned, as Python, or its error raised.
fn answer<'py>(py: Python<'py>, result: msgrkit::Result<String>) -> PyResult<Bound<'py, PyAny>> {
    result
        .map_err(|e| to_py_err(py, e))
        .and_then(|text| text_to_py(py, &text))
}

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

/// Meta's verification handshake: `{"status", "body", "reason"?}` to answer with, from the
/// raw query string (or URL) or the parsed parameters (a mapping or pairs).
#[pyfunction]
pub(crate) fn verify_handshake<'py>(
    py: Python<'py>,
    query: &Bound<'py, PyAny>,
    verify_token: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let answer = match query.extract::<String>() {
        Ok(raw) => api::verify_handshake(&raw, verify_token),
        Err(_) => {
            let params = pairs(query)?;
            webhook::handshake(
                params.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                verify_token,
            )
        }
    };
    to_py(
        py,
        &serde_json::to_value(answer).expect("answers serialise"),
    )
}

/// A webhook body (bytes or str) as `{"object", "events", "errors"}`; a body over
/// `max_body_bytes` (the core's default when None) raises `body_too_large`.
#[pyfunction]
#[pyo3(signature = (body, *, max_body_bytes = None))]
pub(crate) fn parse_webhook<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
    max_body_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut options = webhook::ParseOptions::default();
    if let Some(max) = max_body_bytes {
        options = options.max_body_bytes(max);
    }
    let notification =
        webhook::parse_with(&body_bytes(body)?, &options).map_err(|e| to_py_err(py, e))?;
    to_python(py, &notification)
}

/// For each event of the body: whether it echoes a message `app_id` sent.
#[pyfunction]
pub(crate) fn events_own_echo<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
    app_id: &str,
) -> PyResult<Bound<'py, PyAny>> {
    answer(py, api::events_own_echo(&body_bytes(body)?, app_id))
}

/// For each event of the body: the `mid`s of `sent` (`[{"mid", "timestamp"}]`) it covers.
#[pyfunction]
pub(crate) fn events_covered<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
    sent: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let sent = json_text(sent, "sent")?;
    answer(py, api::events_covered(&body_bytes(body)?, &sent))
}

/// A message in `dialect` as Send API messages: `{"messages", "options", "warnings"}`.
#[pyfunction]
#[pyo3(signature = (message, *, dialect = "neutral", **options))]
pub(crate) fn transcode<'py>(
    py: Python<'py>,
    message: &Bound<'py, PyAny>,
    dialect: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let message = json_text(message, "message")?;
    answer(
        py,
        api::transcode(dialect, &message, &options_text(options)?),
    )
}

/// A neutral message as Send API messages: `{"messages", "warnings"}`.
#[pyfunction]
#[pyo3(signature = (message, **options))]
pub(crate) fn compose<'py>(
    py: Python<'py>,
    message: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let message = json_text(message, "message")?;
    answer(py, api::compose(&message, &options_text(options)?))
}

/// A persistent menu in `dialect` as a Messenger Profile body: `{"profile", "warnings"}`.
#[pyfunction]
#[pyo3(signature = (menu, *, dialect = "neutral", **options))]
pub(crate) fn menu<'py>(
    py: Python<'py>,
    menu: &Bound<'py, PyAny>,
    dialect: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let menu = json_text(menu, "menu")?;
    answer(py, api::menu(dialect, &menu, &options_text(options)?))
}

/// Every violation of a Send API request, bare message or profile body (empty when
/// valid), judged by the profile the keyword options name (the core reads them: `as_of`,
/// `platform`, `region`; another keyword is `InputError` at `options.<key>`).
#[pyfunction]
#[pyo3(signature = (request, **options))]
pub(crate) fn validate<'py>(
    py: Python<'py>,
    request: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let request = api::read_json_at(&json_text(request, "request")?, "request")
        .map_err(|e| to_py_err(py, e))?;
    let violations = api::validate_value(&request, keywords(options, "options")?)
        .map_err(|e| to_py_err(py, e))?;
    to_python(py, &violations)
}

/// A request, message or profile body in Meta's exact form.
#[pyfunction]
pub(crate) fn normalize<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    answer(py, api::normalize(&json_text(body, "body")?))
}

/// The decision as Python, or the refusal raised as `PolicyError`.
fn decision<'py>(
    py: Python<'py>,
    outcome: msgrkit::Result<api::PolicyOutcome>,
) -> PyResult<Bound<'py, PyAny>> {
    match outcome.map_err(|e| to_py_err(py, e))? {
        Ok(decision) => to_python(py, &decision),
        Err(refusal) => Err(refusal_to_py_err(py, &refusal)),
    }
}

/// `messaging_type` and `tag` for a send, or `PolicyError` when Meta would refuse it. The
/// keywords are the core's policy input (`last_user_activity`, `now`, `author`, `intent`,
/// `mode`, `platform`); times are epoch milliseconds or aware datetimes.
#[pyfunction]
#[pyo3(signature = (**input))]
pub(crate) fn decide_policy<'py>(
    py: Python<'py>,
    input: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    decision(py, api::decide_policy_value(keywords(input, "input")?))
}

/// Whether (and how) a private reply to a comment can be sent now (`comment_created`,
/// `now`, `already_replied`).
#[pyfunction]
#[pyo3(signature = (**input))]
pub(crate) fn decide_private_reply<'py>(
    py: Python<'py>,
    input: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    decision(
        py,
        api::decide_private_reply_value(keywords(input, "input")?),
    )
}
