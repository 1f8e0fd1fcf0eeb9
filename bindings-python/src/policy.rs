//! The messaging policy: the decision, or the refusal raised as `PolicyError`.

use msgrkit::api;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::keywords;
use crate::errors::{refusal_to_py_err, to_py_err};
use crate::pyser::to_python;

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
