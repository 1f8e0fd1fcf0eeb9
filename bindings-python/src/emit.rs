//! Inbound transcoding: a Meta webhook or a send outcome as a vendor's callbacks, and the
//! vendors' signatures verified. Keyword arguments are the emitter config, by the
//! vendor's own names (`app_id=`, `integration_id=`, `webhook_id=`, `channel_id=`, ...).

use msgrkit::api;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{body_bytes, json_text, options_text, pairs, text_to_py};
use crate::errors::to_py_err;

/// The callbacks `vendor` delivers for a webhook body:
/// `{"callbacks": [{"headers", "body", "body_text"}], "warnings", "errors"}`.
#[pyfunction]
#[pyo3(signature = (vendor, body, **config))]
pub(crate) fn emit<'py>(
    py: Python<'py>,
    vendor: &str,
    body: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (body, config) = (body_bytes(body)?, options_text(config)?);
    let text = api::emit(vendor, &body, &config).map_err(|e| to_py_err(py, e))?;
    text_to_py(py, &text)
}

/// The callback a send outcome (`{"status", "body", "message_id", "recipient", ...}`)
/// becomes, as `emit`'s answer.
#[pyfunction]
#[pyo3(signature = (vendor, outcome, **config))]
pub(crate) fn emit_outcome<'py>(
    py: Python<'py>,
    vendor: &str,
    outcome: &Bound<'py, PyAny>,
    config: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (outcome, config) = (json_text(outcome, "outcome")?, options_text(config)?);
    let text = api::emit_outcome(vendor, &outcome, &config).map_err(|e| to_py_err(py, e))?;
    text_to_py(py, &text)
}

/// Verifies a vendor's callback (headers as a mapping or pairs) with the webhook secret;
/// raises `SignatureError` when it does not match.
#[pyfunction]
pub(crate) fn verify_callback(
    py: Python<'_>,
    vendor: &str,
    body: &Bound<'_, PyAny>,
    headers: &Bound<'_, PyAny>,
    secret: &str,
) -> PyResult<()> {
    let (body, headers) = (body_bytes(body)?, pairs(headers)?);
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    api::verify_callback(vendor, &body, &headers, secret).map_err(|e| to_py_err(py, e))
}
