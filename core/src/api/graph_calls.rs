//! The Graph functions of the JSON-text surface: requests from a configuration, answers
//! classified, usage headers, diagnose.

use serde::Deserialize;
use serde_json::Value;

use super::{headers_of, read, to_text, value_or_empty};
use crate::error::Result;
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

/// The findings from the answers to the diagnose requests ([`DiagnoseInput`] as JSON): a
/// JSON array of `{"code", "severity", "detail", "fix"?}`.
///
/// # Errors
///
/// `invalid_json` (field `answers`) for text that is not JSON; `required` at
/// `answers.<key>` for a missing answer, `invalid_input` at its path for a malformed one
/// or a key the core does not read.
pub fn graph_diagnose(answers_json: &str) -> Result<String> {
    let raw: Value = read(answers_json, "answers")?;
    let input: DiagnoseInput = super::options::from_value(raw, "answers")?;
    let answer = |raw: &DiagnoseAnswer| {
        let headers = raw.headers.clone();
        graph::parse_response(&RawResponse::new(raw.status, headers, raw.body.as_bytes()))
    };
    let mut answers = graph::DiagnoseAnswers::new(
        answer(&input.debug_token),
        answer(&input.subscribed_apps),
        answer(&input.profile),
    );
    if let Some(version) = &input.version {
        let as_of = input.as_of.unwrap_or(limits::PROFILE_DATE);
        answers = answers.with_version(limits::graph_version_status(version, as_of));
    }
    if let Some(login) = input.login {
        answers = answers.with_login(login);
    }
    Ok(to_text(&graph::findings(&answers)))
}

/// What `diagnose` judges: the answers to its three requests, and optionally the
/// configured Graph `version` (judged on `as_of`, the profile's date when absent) and the
/// configuration's `login`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DiagnoseInput {
    /// The answer to `GET /debug_token`.
    pub debug_token: DiagnoseAnswer,
    /// The answer to `GET /{page}/subscribed_apps`.
    pub subscribed_apps: DiagnoseAnswer,
    /// The answer to `GET /me/messenger_profile`.
    pub profile: DiagnoseAnswer,
    /// The Graph version the connection is configured with.
    #[serde(default)]
    pub version: Option<String>,
    /// The day to judge that version on (a date, or an instant meaning its UTC date).
    #[serde(default)]
    pub as_of: Option<Date>,
    /// `facebook` or `instagram`, as the configuration's.
    #[serde(default)]
    pub login: Option<graph::Login>,
}

/// One HTTP answer as a host received it: the body as text.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DiagnoseAnswer {
    /// The HTTP status.
    pub status: u16,
    /// The body, as text.
    pub body: String,
    /// The headers, as `[name, value]` pairs.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
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

/// The input of [`graph_version_status`]: a Graph API version and the date to judge it on
/// (the core keeps no clock).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VersionStatusInput {
    /// The version, as `v27.0`.
    pub version: String,
    /// The date (UTC) to judge it on.
    pub as_of: Date,
}

/// How a Graph API version stands on a date, from the dated profile: `current`,
/// `ending_soon`, `ended`, `unreleased` or `unknown`, with its dates and what to move to.
///
/// # Errors
///
/// None of its own; the JSON form's input errors are [`super::typed_call`]'s.
pub fn graph_version_status(input: VersionStatusInput) -> Result<limits::VersionStatus> {
    Ok(limits::graph_version_status(&input.version, input.as_of))
}
