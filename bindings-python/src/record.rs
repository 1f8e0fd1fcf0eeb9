//! Recording: a delivery the host received and its answer as one line of a recording
//! for `msgrkit replay`.

use msgrkit::api;
use pyo3::prelude::*;

use crate::convert::{body_bytes, json_text, pairs};
use crate::errors::to_py_err;

/// The recording line (JSON text, no newline) of a delivery: its exact `body`, its
/// `headers` (checked with `app_secret`, the signatures then marked) and `delivery`
/// (`{"seq", "at_ms", "path", "elapsed_ms", "answer": {"status", "body"}}`, or `"error"`
/// in place of `answer`). No secret is written.
#[pyfunction]
pub(crate) fn record_delivery(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
    headers: &Bound<'_, PyAny>,
    app_secret: &str,
    delivery: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let (body, headers) = (body_bytes(body)?, pairs(headers)?);
    let headers = serde_json::to_string(&headers).expect("pairs serialise");
    let delivery = json_text(delivery, "delivery")?;
    api::record_delivery(&body, &headers, app_secret, &delivery).map_err(|e| to_py_err(py, e))
}
