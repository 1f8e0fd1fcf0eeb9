//! The Graph API: the sans-IO `Graph` builder and answer parsers (for `fetch` or any HTTP
//! client), and the `Client`: its `send` and `call` are driven by `driver.js` over the
//! core's send engine (`plan` gives their requests); `diagnose` runs the core's blocking
//! client on libuv's thread pool.

use std::sync::Arc;

use msgrkit::api::{self, Connection};
use msgrkit::graph::{self, RawResponse};
use napi::bindgen_prelude::{AsyncTask, Env, Task, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{
    Body, body_bytes, js, json_text, optional_json_text, options_value, pairs, snake_case_keys,
};
use crate::errors::to_js_err;

/// Builds Graph requests as data: `{method, url, headers, body}`.
#[napi]
pub struct Graph {
    graph: graph::Graph,
}

#[napi]
impl Graph {
    /// The core reads the configuration; a key it does not know throws.
    #[napi(constructor, ts_args_type = "config: GraphConfig")]
    pub fn new(env: Env, config: Unknown<'_>) -> napi::Result<Self> {
        let config = options_value(&env, "config", Some(&config))?;
        let graph = graph::graph_from_parts(None, config).map_err(|e| to_js_err(&env, e))?;
        Ok(Self { graph })
    }

    /// The request of the builder `call` (`send`, `user_profile`, `profile_set`, ...).
    #[napi(
        ts_generic_types = "C extends GraphCallName",
        ts_args_type = "call: C, ...args: GraphCallParameters<C>",
        ts_return_type = "GraphRequest"
    )]
    pub fn request(
        &self,
        env: Env,
        call: String,
        args: Option<Unknown<'_>>,
    ) -> napi::Result<Value> {
        let args = snake_case_keys(&optional_json_text(&env, "args", args.as_ref())?);
        let request = api::graph_request_with(&self.graph, &call, &args);
        Ok(js(&request.map_err(|e| to_js_err(&env, e))?))
    }

    /// The three requests whose answers `graphDiagnose` reads; `appId` lets `debug_token`
    /// run as the app.
    #[napi(ts_return_type = "GraphRequest[]")]
    pub fn diagnose_requests(&self, app_id: Option<String>) -> Value {
        js(&self.graph.diagnose_requests(app_id.as_deref()))
    }

    /// The configuration without its secrets.
    #[napi(js_name = "toString")]
    pub fn describe(&self) -> String {
        format!("Graph {}", self.graph)
    }
}

/// A Graph answer's JSON body, or throws (`err.code` is the class, `graph_auth`, ...).
#[napi(
    ts_args_type = "status: number, headers: Headers, body: Body",
    ts_return_type = "unknown"
)]
pub fn graph_parse_response(
    env: Env,
    status: u16,
    headers: Value,
    body: Body,
) -> napi::Result<Value> {
    let answer = RawResponse::new(status, pairs(&env, "headers", headers)?, body_bytes(&body));
    graph::parse_response(&answer).map_err(|e| to_js_err(&env, e))
}

/// A user profile, or null when Meta withholds it (the person's privacy settings).
#[napi(
    ts_args_type = "status: number, headers: Headers, body: Body",
    ts_return_type = "Record<string, unknown> | null"
)]
pub fn graph_parse_user_profile(
    env: Env,
    status: u16,
    headers: Value,
    body: Body,
) -> napi::Result<Value> {
    let answer = RawResponse::new(status, pairs(&env, "headers", headers)?, body_bytes(&body));
    let profile = graph::parse_user_profile(&answer).map_err(|e| to_js_err(&env, e))?;
    Ok(js(&profile))
}

/// The rate-limit usage headers of an answer: `{app, page, business, highest,
/// regain_after_seconds}`.
#[napi(ts_args_type = "headers: Headers", ts_return_type = "Usage")]
pub fn graph_usage(env: Env, headers: Value) -> napi::Result<Value> {
    let headers = serde_json::to_string(&pairs(&env, "headers", headers)?).expect("pairs");
    let text = api::graph_usage(&headers).map_err(|e| to_js_err(&env, e))?;
    Ok(serde_json::from_str(&text).expect("the core writes JSON"))
}

/// The findings from the answers to `Graph.diagnoseRequests()`: `answers` is
/// `{debug_token, subscribed_apps, profile}`, each `{status, body, headers?}`, with the
/// configured `version`, `as_of` and `login` if the host has them (keys in either casing).
#[napi(
    ts_args_type = "answers: DiagnoseAnswers",
    ts_return_type = "Finding[]"
)]
pub fn graph_diagnose(env: Env, answers: Unknown<'_>) -> napi::Result<Value> {
    let answers = snake_case_keys(&json_text(&env, "answers", &answers)?);
    let text = api::graph_diagnose(&answers).map_err(|e| to_js_err(&env, e))?;
    Ok(serde_json::from_str(&text).expect("the core writes JSON"))
}

/// The Graph client. Every call returns a Promise and retries what is safe to retry,
/// within the time budget; `send` and `call` (replaced by `driver.js`) also keep each
/// recipient's order and the Page's budgets.
#[napi]
pub struct Client {
    connection: Arc<Connection>,
    /// The configuration as the core read it (its keys snake_case), for `plan`.
    config: Value,
}

#[napi]
impl Client {
    /// The core reads the configuration; a key it does not know throws.
    #[napi(constructor, ts_args_type = "config: ClientConfig")]
    pub fn new(env: Env, config: Unknown<'_>) -> napi::Result<Self> {
        let config = options_value(&env, "config", Some(&config))?;
        let connection =
            Connection::from_parts(None, config.clone()).map_err(|e| to_js_err(&env, e))?;
        Ok(Self {
            connection: Arc::new(connection),
            config,
        })
    }

    /// `client_plan` with this client's configuration: what the driver (`driver.js`)
    /// sends for `send` (`call` empty) or for the builder `call`, and how the send engine
    /// holds it.
    #[napi(skip_typescript)]
    pub fn plan(
        &self,
        env: Env,
        call: String,
        payload: Option<Unknown<'_>>,
        now: f64,
    ) -> napi::Result<Value> {
        // A call's arguments follow the one casing rule, as `call`'s do.
        let text = snake_case_keys(&optional_json_text(&env, "request", payload.as_ref())?);
        let plan = api::client_plan_with(self.config.clone(), &call, &text, now as i64)
            .map_err(|e| to_js_err(&env, e))?;
        Ok(serde_json::to_value(plan).expect("a plan serialises"))
    }

    /// Sends a Send API request: `{recipient_id, message_id, attachment_id?, attempts}`.
    #[napi(
        ts_args_type = "request: object | string",
        ts_return_type = "Promise<SendResult>"
    )]
    pub fn send(&self, env: Env, request: Unknown<'_>) -> napi::Result<AsyncTask<ClientCall>> {
        let request = json_text(&env, "request", &request)?;
        Ok(self.task(Work::Send(request)))
    }

    /// Runs the builder `call` with its arguments: `{body, attempts, usage}`.
    #[napi(
        ts_generic_types = "C extends GraphCallName",
        ts_args_type = "call: C, ...args: GraphCallParameters<C>",
        ts_return_type = "Promise<CallResult>"
    )]
    pub fn call(
        &self,
        env: Env,
        call: String,
        args: Option<Unknown<'_>>,
    ) -> napi::Result<AsyncTask<ClientCall>> {
        let args = snake_case_keys(&optional_json_text(&env, "args", args.as_ref())?);
        Ok(self.task(Work::Call(call, args)))
    }

    /// Checks the token, the webhook subscription and the Page: the findings.
    #[napi(ts_return_type = "Promise<Finding[]>")]
    pub fn diagnose(&self, app_id: Option<String>) -> AsyncTask<ClientCall> {
        self.task(Work::Diagnose(app_id.unwrap_or_default()))
    }

    /// The configuration without its secrets.
    #[napi(js_name = "toString")]
    pub fn describe(&self) -> String {
        format!("Client {}", self.connection.graph())
    }

    fn task(&self, work: Work) -> AsyncTask<ClientCall> {
        AsyncTask::new(ClientCall {
            connection: Arc::clone(&self.connection),
            work,
        })
    }
}

pub enum Work {
    Send(String),
    Call(String, String),
    Diagnose(String),
}

/// One client call on libuv's thread pool; its answer (or error) becomes JS on the main
/// thread.
pub struct ClientCall {
    connection: Arc<Connection>,
    work: Work,
}

/// A JSON value handed to JS (a Task's answer must name its JS type).
pub struct Json(Value);

impl napi::bindgen_prelude::TypeName for Json {
    fn type_name() -> &'static str {
        "unknown"
    }
    fn value_type() -> napi::ValueType {
        napi::ValueType::Unknown
    }
}

impl napi::bindgen_prelude::ToNapiValue for Json {
    unsafe fn to_napi_value(
        env: napi::sys::napi_env,
        json: Self,
    ) -> napi::Result<napi::sys::napi_value> {
        // SAFETY: called by napi with the live env of the resolving thread.
        unsafe { Value::to_napi_value(env, json.0) }
    }
}

impl Task for ClientCall {
    type Output = msgrkit::Result<String>;
    type JsValue = Json;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(match &self.work {
            Work::Send(request) => self.connection.send(request),
            Work::Call(call, args) => self.connection.call(call, args),
            Work::Diagnose(app_id) => Ok(self.connection.diagnose(app_id)),
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> napi::Result<Json> {
        let text = output.map_err(|e| to_js_err(&env, e))?;
        Ok(Json(
            serde_json::from_str(&text).expect("the core writes JSON"),
        ))
    }
}
