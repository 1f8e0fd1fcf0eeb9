//! The send side's local work: transcoding, composing, menus, validation and normalising.

use msgrkit::api;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{answer, json_text, keywords, options_text};
use crate::errors::{refusal_to_py_err, to_py_err};
use crate::pyser::to_python;

/// A message in the `dialect=` keyword's dialect (the core's default when absent) as Send
/// API messages: `{"messages", "options", "warnings"}`; the other keywords are compose
/// options. The core reads them all.
#[pyfunction]
#[pyo3(signature = (message, **options))]
pub(crate) fn transcode<'py>(
    py: Python<'py>,
    message: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let message = json_text(message, "message")?;
    answer(py, api::transcode("", &message, &options_text(options)?))
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

/// A persistent menu in the `dialect=` keyword's dialect as a Messenger Profile body:
/// `{"profile", "warnings"}`.
#[pyfunction]
#[pyo3(signature = (menu, **options))]
pub(crate) fn menu<'py>(
    py: Python<'py>,
    menu: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let menu = json_text(menu, "menu")?;
    answer(py, api::menu("", &menu, &options_text(options)?))
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

/// The one send pipeline, as `msgrkit send` runs it: `messages` in `dialect` to
/// `recipient`, with compose `options`, a `tag` or the thread's facts as `policy`:
/// `{"requests", "warnings", "decision"?}`, every request valid. One invalid request
/// raises `ValidationError` (nothing is prepared); a refusal raises `PolicyError`.
#[pyfunction]
#[pyo3(signature = (**input))]
pub(crate) fn prepare_send<'py>(
    py: Python<'py>,
    input: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    match api::prepare_send_value(keywords(input, "input")?).map_err(|e| to_py_err(py, e))? {
        Ok(prepared) => to_python(py, &prepared),
        Err(refusal) => Err(refusal_to_py_err(py, &refusal)),
    }
}
