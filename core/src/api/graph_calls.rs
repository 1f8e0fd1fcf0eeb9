//! The Graph functions of the JSON-text surface: requests from a configuration, answers
//! classified, usage headers, diagnose.

use serde_json::Value;

use super::{headers_of, read, to_text, value_or_empty};
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{self, RawResponse};
use crate::limits::{self, Date};

/// A Graph request as JSON (`{"method", "url", "headers", "body"}`) from a configuration
/// (`{"token", "app_secret"?, "version"?, "base_url"?, "page_id"?, "login"?}`), a builder
/// name and its arguments.
///
/// # Errors
///
/// As [`graph::request_from_json`]; `invalid_input` at a configuration key the core does
/// not know.
pub fn graph_request(config_json: &str, call: &str, args_json: &str) -> Result<String> {
    let graph = graph::graph_from_parts(None, read(config_json, "config")?)?;
    graph_request_with(&graph, call, args_json).map(|request| to_text(&request))
}

/// As [`graph_request`], for a binding that keeps its [`graph::Graph`]: the request of
/// builder `call` with its arguments as JSON text (empty for none).
///
/// # Errors
///
/// As [`graph::request_from_json`]; `invalid_json` (field `args`).
pub fn graph_request_with(
    graph: &graph::Graph,
    call: &str,
    args_json: &str,
) -> Result<graph::GraphRequest> {
    graph::request_from_json(graph, call, &value_or_empty(args_json, "args")?)
}

/// A Graph answer classified: `{"ok": body}` or `{"error": {"code", "retryable", "graph"}}`.
/// `headers_json` is `[[name, value], ...]` (empty for none).
///
/// # Errors
///
/// `invalid_json` (field `headers`) for a bad header list.
pub fn graph_parse_response(status: u16, headers_json: &str, body: &[u8]) -> Result<String> {
    let headers = headers_of(headers_json)?;
    graph::ClassifiedResponse::of(&RawResponse::new(status, headers, body)).map(|v| to_text(&v))
}

/// The usage headers of a Graph answer (`[[name, value], ...]`): `{"app", "page",
/// "business", "highest", "regain_after_seconds"}`.
///
/// # Errors
///
/// `invalid_json` (field `headers`).
pub fn graph_usage(headers_json: &str) -> Result<String> {
    let headers: Vec<(String, String)> = read(headers_json, "headers")?;
    Ok(to_text(&graph::UsageReport::from_headers(&headers)))
}

/// The three requests `diagnose` needs (see [`graph::Graph::diagnose_requests`]), as JSON;
/// `app_id` (empty for none) lets `debug_token` run as the app.
///
/// # Errors
///
/// As [`graph_request`]'s configuration.
pub fn graph_diagnose_requests(config_json: &str, app_id: &str) -> Result<String> {
    let graph = graph::graph_from_parts(None, read(config_json, "config")?)?;
    Ok(to_text(&graph.diagnose_requests(
        Some(app_id).filter(|id| !id.is_empty()),
    )))
}

/// The findings from the answers to those requests: `answers_json` is
/// `{"debug_token", "subscribed_apps", "profile"}`, each `{"status", "headers"?, "body"}`
/// (the body as text), and optionally `"version"` (the configured Graph version) with
/// `"as_of"` (the date to judge it on; the profile's date when absent) and `"login"`
/// (`"facebook"` or `"instagram"`, as the configuration's). A JSON array of
/// `{"code", "severity", "detail", "fix"?}`.
///
/// # Errors
///
/// `invalid_json` (field `answers`) when an answer is missing or malformed.
pub fn graph_diagnose(answers_json: &str) -> Result<String> {
    let raw: Value = read(answers_json, "answers")?;
    let answer = |key: &str| -> Result<Result<Value>> {
        let raw = &raw[key];
        let bad = || {
            Error::at(
                ErrorKind::InvalidJson {
                    detail: "expected {\"status\", \"body\"}".to_owned(),
                },
                format!("answers.{key}"),
            )
        };
        let status = raw["status"]
            .as_u64()
            .and_then(|s| u16::try_from(s).ok())
            .ok_or_else(bad)?;
        let body = raw["body"].as_str().ok_or_else(bad)?;
        let headers = match raw.get("headers") {
            Some(h) => serde_json::from_value(h.clone()).map_err(|_| bad())?,
            None => Vec::new(),
        };
        Ok(graph::parse_response(&RawResponse::new(
            status, headers, body,
        )))
    };
    let mut answers = graph::DiagnoseAnswers::new(
        answer("debug_token")?,
        answer("subscribed_apps")?,
        answer("profile")?,
    );
    if let Some(version) = answers_version(&raw)? {
        answers = answers.with_version(version);
    }
    if let Some(login) = raw.get("login").filter(|l| !l.is_null()) {
        let login = serde_json::from_value(login.clone()).map_err(|e| {
            Error::at(
                ErrorKind::InvalidInput {
                    detail: e.to_string(),
                },
                "answers.login",
            )
        })?;
        answers = answers.with_login(login);
    }
    Ok(to_text(&graph::findings(&answers)))
}

/// A user profile answer: `{"profile": {...}}`, or `{"profile": null}` when Meta withholds
/// it (100/2018218, 100/2018247).
///
/// # Errors
///
/// `invalid_json` (field `headers`); the other Graph classes.
pub fn graph_parse_user_profile(status: u16, headers_json: &str, body: &[u8]) -> Result<String> {
    let headers = headers_of(headers_json)?;
    graph::ProfileAnswer::of(&RawResponse::new(status, headers, body)).map(|a| to_text(&a))
}

/// The optional `version` / `as_of` pair of diagnose answers, judged.
fn answers_version(raw: &Value) -> Result<Option<graph::VersionStatus>> {
    let text = |key: &str| -> Result<Option<&str>> {
        match raw.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: "expected a string".to_owned(),
                },
                format!("answers.{key}"),
            )),
        }
    };
    let Some(version) = text("version")? else {
        return Ok(None);
    };
    let as_of = match text("as_of")? {
        Some(day) => day
            .parse::<Date>()
            .map_err(|e| Error::at(Error::from(e).kind().clone(), "answers.as_of"))?,
        None => limits::PROFILE_DATE,
    };
    Ok(Some(limits::graph_version_status(version, as_of)))
}
