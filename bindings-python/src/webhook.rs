//! The receive side after the signature: the handshake, parsing, own echoes and receipts.

use msgrkit::{api, webhook};
use pyo3::prelude::*;

use crate::convert::{answer, body_bytes, json_text, pairs, to_py};
use crate::errors::to_py_err;
use crate::pyser::to_python;

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
