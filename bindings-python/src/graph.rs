//! The Graph API: the sans-IO `Graph` builder, the answer parsers, and the blocking
//! `Client`, whose network calls run with the GIL released.

use msgrkit::api::{self, Connection};
use msgrkit::graph::{self, RawResponse};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{Map, Value};

use crate::convert::{body_bytes, from_py, json_text, keywords, pairs, text_to_py, to_py};
use crate::errors::to_py_err;
use crate::pyser::to_python;

/// The keyword arguments of a call as a JSON object (`{}` for none).
fn args_of(args: Option<&Bound<'_, PyDict>>) -> PyResult<Value> {
    match args {
        Some(dict) => from_py(dict.as_any(), "args"),
        None => Ok(Value::Object(Map::new())),
    }
}

/// A Graph API configuration that builds requests as data (`{"method", "url",
/// "headers", "body"}`) for any HTTP client. The token travels only in the
/// `Authorization` header; `repr()` never shows it.
#[pyclass(frozen, module = "msgrkit._native")]
pub(crate) struct Graph {
    graph: graph::Graph,
}

#[pymethods]
impl Graph {
    /// The token, and the core's Graph settings as keywords (`app_secret`, `version`,
    /// `base_url`, `page_id`, `login`); another keyword is `InputError`.
    #[new]
    #[pyo3(signature = (token, **settings))]
    fn new(
        py: Python<'_>,
        token: Option<&str>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let graph = graph::graph_from_parts(token, keywords(settings, "settings")?)
            .map_err(|e| to_py_err(py, e))?;
        Ok(Self { graph })
    }

    /// The request of the builder `call` (`send`, `user_profile`, `profile_set`, ...)
    /// with its arguments as keywords.
    #[pyo3(signature = (call, /, **args))]
    fn request<'py>(
        &self,
        py: Python<'py>,
        call: &str,
        args: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let request = graph::request_from_json(&self.graph, call, &args_of(args)?)
            .map_err(|e| to_py_err(py, e))?;
        to_python(py, &request)
    }

    /// The three requests whose answers `graph_diagnose` reads; `app_id` lets
    /// `debug_token` run as the app.
    #[pyo3(signature = (app_id = None))]
    fn diagnose_requests<'py>(
        &self,
        py: Python<'py>,
        app_id: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let requests = self.graph.diagnose_requests(app_id);
        to_python(py, &requests)
    }

    fn __repr__(&self) -> String {
        format!("<msgrkit.Graph {}>", self.graph)
    }
}

/// An answer as the core reads it, from a status, headers and a body.
fn raw_answer(
    status: u16,
    headers: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
) -> PyResult<RawResponse> {
    Ok(RawResponse::new(
        status,
        pairs(headers)?,
        body_bytes(body)?.into_owned(),
    ))
}

/// A Graph answer's JSON body, or `GraphApiError` (`TransportError` never: an answer came).
#[pyfunction]
pub(crate) fn graph_parse_response<'py>(
    py: Python<'py>,
    status: u16,
    headers: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let body =
        graph::parse_response(&raw_answer(status, headers, body)?).map_err(|e| to_py_err(py, e))?;
    to_py(py, &body)
}

/// A user profile, or None when Meta withholds it (the person's privacy settings).
#[pyfunction]
pub(crate) fn graph_parse_user_profile<'py>(
    py: Python<'py>,
    status: u16,
    headers: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let profile = graph::parse_user_profile(&raw_answer(status, headers, body)?)
        .map_err(|e| to_py_err(py, e))?;
    to_python(py, &profile)
}

/// The rate-limit usage headers of an answer: `{"app", "page", "business", "highest",
/// "regain_after_seconds"}`.
#[pyfunction]
pub(crate) fn graph_usage<'py>(
    py: Python<'py>,
    headers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let headers = serde_json::to_string(&pairs(headers)?).expect("pairs serialise");
    let text = api::graph_usage(&headers).map_err(|e| to_py_err(py, e))?;
    text_to_py(py, &text)
}

/// The findings from the answers to `Graph.diagnose_requests()`: `answers` is
/// `{"debug_token", "subscribed_apps", "profile"}`, each `{"status", "body", "headers"?}`.
#[pyfunction]
pub(crate) fn graph_diagnose<'py>(
    py: Python<'py>,
    answers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text =
        api::graph_diagnose(&json_text(answers, "answers")?).map_err(|e| to_py_err(py, e))?;
    text_to_py(py, &text)
}

/// The blocking Graph client: retries what is safe to retry, within a time budget. Every
/// network call releases the GIL, so other threads run meanwhile.
#[pyclass(frozen, module = "msgrkit._native")]
pub(crate) struct Client {
    connection: Connection,
}

#[pymethods]
impl Client {
    /// The token, and the Graph settings and retry settings as keywords (`max_attempts`,
    /// `budget_ms`, `timeout_ms`, `retry_unknown_outcome`); another keyword is `InputError`.
    #[new]
    #[pyo3(signature = (token, **settings))]
    fn new(
        py: Python<'_>,
        token: Option<&str>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let connection = Connection::from_parts(token, keywords(settings, "settings")?)
            .map_err(|e| to_py_err(py, e))?;
        Ok(Self { connection })
    }

    /// Sends a Send API request: `{"recipient_id", "message_id", "attachment_id"?,
    /// "attempts"}`.
    fn send<'py>(
        &self,
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let request = json_text(request, "request")?;
        let result = py.detach(|| self.connection.send(&request));
        text_to_py(py, &result.map_err(|e| to_py_err(py, e))?)
    }

    /// Runs the builder `call` with its keyword arguments: `{"body", "attempts", "usage"}`.
    #[pyo3(signature = (call, /, **args))]
    fn call<'py>(
        &self,
        py: Python<'py>,
        call: &str,
        args: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let args = args_of(args)?.to_string();
        let result = py.detach(|| self.connection.call(call, &args));
        text_to_py(py, &result.map_err(|e| to_py_err(py, e))?)
    }

    fn __repr__(&self) -> String {
        format!("<msgrkit.Client {}>", self.connection.graph())
    }

    /// Checks the token, the webhook subscription and the Page: a list of findings.
    #[pyo3(signature = (app_id = None))]
    fn diagnose<'py>(&self, py: Python<'py>, app_id: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let app_id = app_id.unwrap_or_default();
        let text = py.detach(|| self.connection.diagnose(app_id));
        text_to_py(py, &text)
    }
}
