//! The one mapping from core errors (and policy refusals) to the exception classes of
//! `msgrkit._errors`.

use msgrkit::{Category, Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;

use crate::convert::to_py;

/// The exception for a core error: its class by category, with `.code`, `.field` and the
/// details of its kind (violations, the Graph answer).
pub(crate) fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    build(py, &err).unwrap_or_else(|failure| failure)
}

fn class_name(err: &Error) -> &'static str {
    if err.graph().is_some_and(|g| g.transport.is_some()) {
        return "TransportError";
    }
    match err.category() {
        Category::Signature => "SignatureError",
        Category::Parse => "ParseError",
        Category::Input => "InputError",
        Category::Validation => "ValidationError",
        Category::Graph => "GraphApiError",
        _ => "MsgrkitError",
    }
}

fn build(py: Python<'_>, err: &Error) -> PyResult<PyErr> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", err.code())?;
    kwargs.set_item("field", err.field())?;
    if let ErrorKind::ValidationFailed { violations } = err.kind() {
        let violations = serde_json::to_value(violations).expect("violations serialise");
        kwargs.set_item("violations", to_py(py, &violations)?)?;
    }
    if let Some(graph) = err.graph() {
        let wire = serde_json::to_value(graph).expect("graph errors serialise");
        kwargs.set_item("status", graph.status)?;
        kwargs.set_item("graph_code", graph.code)?;
        kwargs.set_item("subcode", graph.subcode)?;
        kwargs.set_item("fbtrace_id", graph.fbtrace_id.as_deref())?;
        kwargs.set_item("retryable", graph.retryable())?;
        kwargs.set_item("retry_after", graph.retry_after)?;
        kwargs.set_item("attempts", graph.attempts)?;
        kwargs.set_item("transport", to_py(py, &wire["transport"])?)?;
        kwargs.set_item("graph", to_py(py, &wire)?)?;
    }
    instance(py, class_name(err), &err.to_string(), &kwargs)
}

/// A policy refusal (`{"code", "detail", ...}`) as `PolicyError`, with the whole refusal
/// as `.refusal`.
pub(crate) fn refusal_to_py_err(py: Python<'_>, refusal: &Value) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("code", to_py(py, &refusal["code"])?)?;
        kwargs.set_item("field", py.None())?;
        kwargs.set_item("refusal", to_py(py, refusal)?)?;
        let message = refusal["detail"].as_str().unwrap_or_default();
        instance(py, "PolicyError", message, &kwargs)
    };
    build().unwrap_or_else(|failure| failure)
}

fn instance(
    py: Python<'_>,
    class: &str,
    message: &str,
    kwargs: &Bound<'_, PyDict>,
) -> PyResult<PyErr> {
    let module = py.import("msgrkit._errors")?;
    let exception = module.getattr(class)?.call((message,), Some(kwargs))?;
    Ok(PyErr::from_value(exception))
}
