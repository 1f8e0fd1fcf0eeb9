//! Chat links and their QR codes: keyword arguments in, the core's answer out.

use msgrkit::api;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{options_text, text_to_py};
use crate::errors::to_py_err;

/// Every code the core can emit: `[{"code", "kind", "category"?}]`.
#[pyfunction]
pub(crate) fn codes(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    text_to_py(py, &api::codes())
}

/// The URL of a chat link: `chat_link(page="acme.shop", ref="spring_sale")` (or
/// `instagram=`, and for Messenger `text=`). Raises `InputError` at the part Meta would
/// not take.
#[pyfunction]
#[pyo3(signature = (**parts))]
pub(crate) fn chat_link(py: Python<'_>, parts: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    api::chat_link(&options_text(parts)?).map_err(|e| to_py_err(py, e))
}

/// A chat link read back into its parts: `{"page"|"instagram", "ref"?, "text"?, "other"?}`.
#[pyfunction]
pub(crate) fn parse_chat_link<'py>(py: Python<'py>, url: &str) -> PyResult<Bound<'py, PyAny>> {
    let text = api::parse_chat_link(url).map_err(|e| to_py_err(py, e))?;
    text_to_py(py, &text)
}

/// `text` (a chat link, typically) as an SVG QR code; `level=` (`"L"`, `"M"`, `"Q"`,
/// `"H"`) and `size=` (pixels) as the core defaults them.
#[pyfunction]
#[pyo3(signature = (text, **options))]
pub(crate) fn qr_svg(
    py: Python<'_>,
    text: &str,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    api::qr_svg(text, &options_text(options)?).map_err(|e| to_py_err(py, e))
}
