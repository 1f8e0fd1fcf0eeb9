//! The module functions: receive side (signature, handshake, webhook) and send side
//! (transcode, compose, validate, policy). Each converts, calls the core, converts back.

use msgrkit::{api, webhook};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{Map, Value};

use crate::convert::{
    body_bytes, date_text, epoch_ms, from_py, json_text, options_text, pairs, text_to_py, to_py,
};
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
/// valid), judged by the profile in force on `as_of` (the newest when None), for a Page in
/// `region` (a country code, or `EU`) where a rule is regional.
#[pyfunction]
#[pyo3(signature = (request, *, as_of = None, platform = None, region = None))]
pub(crate) fn validate<'py>(
    py: Python<'py>,
    request: &Bound<'py, PyAny>,
    as_of: Option<&Bound<'py, PyAny>>,
    platform: Option<&str>,
    region: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let request = json_text(request, "request")?;
    let mut options = Map::new();
    if let Some(date) = as_of {
        options.insert("as_of".to_owned(), date_text(date, "as_of")?.into());
    }
    if let Some(platform) = platform {
        options.insert("platform".to_owned(), platform.into());
    }
    if let Some(region) = region {
        options.insert("region".to_owned(), region.into());
    }
    let text = api::validate(&request, &Value::Object(options).to_string())
        .map_err(|e| to_py_err(py, e))?;
    let mut answer: Value = serde_json::from_str(&text).expect("the core writes JSON");
    to_py(py, &answer["violations"].take())
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
fn decision<'py>(py: Python<'py>, result: msgrkit::Result<String>) -> PyResult<Bound<'py, PyAny>> {
    let text = result.map_err(|e| to_py_err(py, e))?;
    let value: Value = serde_json::from_str(&text).expect("the core writes JSON");
    match value.get("refusal") {
        Some(refusal) => Err(refusal_to_py_err(py, refusal)),
        None => to_py(py, &value),
    }
}

/// `messaging_type` and `tag` for a send, or `PolicyError` when Meta would refuse it.
#[pyfunction]
#[pyo3(signature = (*, last_user_activity, now, author = None, intent = None, mode = None, platform = None))]
pub(crate) fn decide_policy<'py>(
    py: Python<'py>,
    last_user_activity: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    author: Option<&str>,
    intent: Option<&Bound<'py, PyAny>>,
    mode: Option<&str>,
    platform: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut input = Map::new();
    let activity = epoch_ms(last_user_activity, "last_user_activity")?;
    input.insert("last_user_activity".to_owned(), activity.into());
    input.insert("now".to_owned(), epoch_ms(now, "now")?.into());
    for (key, value) in [("author", author), ("mode", mode), ("platform", platform)] {
        if let Some(value) = value {
            input.insert(key.to_owned(), value.into());
        }
    }
    if let Some(intent) = intent {
        input.insert("intent".to_owned(), from_py(intent, "intent")?);
    }
    decision(py, api::decide_policy(&Value::Object(input).to_string()))
}

/// Whether (and how) a private reply to a comment can be sent now.
#[pyfunction]
#[pyo3(signature = (*, comment_created, now, already_replied = None))]
pub(crate) fn decide_private_reply<'py>(
    py: Python<'py>,
    comment_created: &Bound<'py, PyAny>,
    now: &Bound<'py, PyAny>,
    already_replied: Option<bool>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut input = Map::new();
    let created = epoch_ms(comment_created, "comment_created")?;
    input.insert("comment_created".to_owned(), created.into());
    input.insert("now".to_owned(), epoch_ms(now, "now")?.into());
    if let Some(already) = already_replied {
        input.insert("already_replied".to_owned(), already.into());
    }
    decision(
        py,
        api::decide_private_reply(&Value::Object(input).to_string()),
    )
}
