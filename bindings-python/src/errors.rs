//! The one mapping from core failures (errors, and policy refusals) to the exception
//! classes of `msgrkit._errors`: the class by the core's category, the attributes as the
//! core names them (`msgrkit::api::failure`).

use msgrkit::api::failure::{Failure, failure, refusal_failure};
use msgrkit::policy::Refusal;
use msgrkit::{Category, Error};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::pyser::to_python;

/// The exception for a core error.
pub(crate) fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    raise(py, &failure(&err))
}

/// A policy refusal as `PolicyError`: `.code` is the refusal's, `.refusal` all of it.
pub(crate) fn refusal_to_py_err(py: Python<'_>, refusal: &Refusal) -> PyErr {
    raise(py, &refusal_failure(refusal))
}

fn class_name(failed: &Failure) -> &'static str {
    if failed.transport {
        return "TransportError";
    }
    match failed.category {
        None => "PolicyError",
        Some(Category::Signature) => "SignatureError",
        Some(Category::Parse) => "ParseError",
        Some(Category::Input) => "InputError",
        Some(Category::Validation) => "ValidationError",
        Some(Category::Graph) => "GraphApiError",
        Some(_) => "MsgrkitError",
    }
}

fn raise(py: Python<'_>, failed: &Failure) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = to_python(py, &failed.attributes)?.cast_into::<PyDict>()?;
        let module = py.import("msgrkit._errors")?;
        let class = module.getattr(class_name(failed))?;
        Ok(PyErr::from_value(
            class.call((&failed.message,), Some(&kwargs))?,
        ))
    };
    build().unwrap_or_else(|failure| failure)
}
