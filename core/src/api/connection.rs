//! The blocking client behind the JSON surface, for bindings that expose it.

use serde_json::{Value, json};

use super::client_config::ClientConfig;
use super::{read, to_text, value_or_empty};
use crate::error::Result;
use crate::graph;

/// A Graph connection with the blocking client, configured from JSON: the [`graph_request`](super::graph_request)
/// configuration plus the retry policy (`max_attempts`, `budget_ms`, `timeout_ms`,
/// `retry_unknown_outcome`; each optional: absent or null means the core's default).
pub struct Connection {
    graph: graph::Graph,
    client: crate::client::Client<crate::client::UreqTransport>,
}

/// Shows the Graph configuration with its token and secret redacted.
impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("graph", &self.graph)
            .finish_non_exhaustive()
    }
}

impl Connection {
    /// A connection from its JSON configuration.
    ///
    /// # Errors
    ///
    /// `invalid_json`, `required` (field `token`), `invalid_input` for a mistyped setting
    /// or a key that is no setting (at that key).
    pub fn from_json(config_json: &str) -> Result<Self> {
        Self::from_value(read(config_json, "config")?)
    }

    /// A connection from a token and the other settings given as a value (a binding's
    /// keyword arguments or options object): a [`ClientConfig`]; any other key is
    /// refused as `invalid_input` at that key.
    ///
    /// # Errors
    ///
    /// As [`Connection::from_json`].
    pub fn from_parts(token: Option<&str>, settings: Value) -> Result<Self> {
        Self::from_value(graph::with_token(token, settings)?)
    }

    fn from_value(config: Value) -> Result<Self> {
        let config: ClientConfig = super::options::from_value(config, "")?;
        let graph = config.graph_config().graph()?;
        let client = crate::client::Client::new(crate::client::UreqTransport::new())
            .with_policy(config.policy());
        Ok(Self { graph, client })
    }

    /// Sends a Send API request (JSON): `{"recipient_id", "message_id", "attachment_id"?,
    /// "attempts"}`.
    ///
    /// # Errors
    ///
    /// `validation_failed` (with every violation, judged by today's profile for the
    /// configuration's product) before any request is made; `invalid_json` for a request
    /// that is not a Send API request; the Graph classes.
    pub fn send(&self, request_json: &str) -> Result<String> {
        let value: Value = read(request_json, "request")?;
        let request = super::client_plan::checked_send(&self.graph, value)?;
        let (sent, attempts) = self.client.send(&request)?;
        let mut out = serde_json::to_value(sent).expect("send answers serialise");
        out["attempts"] = json!(attempts);
        Ok(to_text(&out))
    }

    /// The Graph configuration (its `Display` is the redacted summary hosts print).
    pub fn graph(&self) -> &graph::Graph {
        &self.graph
    }

    /// Runs any builder by name (as [`graph_request`](super::graph_request)): `{"body", "attempts", "usage"}`.
    ///
    /// # Errors
    ///
    /// As [`graph::request_from_json`]; the Graph classes.
    pub fn call(&self, call: &str, args_json: &str) -> Result<String> {
        let request =
            graph::request_from_json(&self.graph, call, &value_or_empty(args_json, "args")?)?;
        let reply = self.client.execute(&request)?;
        Ok(to_text(
            &json!({"body": reply.body, "attempts": reply.attempts, "usage": reply.usage}),
        ))
    }

    /// Runs the `diagnose` checks (see [`crate::client::Client::diagnose`]): the findings as
    /// [`graph_diagnose`](super::graph_diagnose) returns them. `app_id` (empty for none) lets `debug_token` run as
    /// the app.
    pub fn diagnose(&self, app_id: &str) -> String {
        let app_id = Some(app_id).filter(|id| !id.is_empty());
        to_text(&self.client.diagnose(&self.graph, app_id))
    }
}

#[cfg(test)]
mod tests {
    use super::Connection;

    #[test]
    fn an_invalid_send_is_refused_before_any_request() {
        // Nothing listens on port 9: a request would fail as graph_transient, not this.
        let connection = Connection::from_json(
            r#"{"token": "t", "base_url": "http://127.0.0.1:9", "max_attempts": 1}"#,
        )
        .unwrap();
        let error = connection
            .send(r#"{"recipient": {"id": "1"}, "message": {"text": "no messaging_type"}}"#)
            .unwrap_err();
        assert_eq!(error.code(), "validation_failed");
        let valid = r#"{"recipient": {"id": "1"}, "messaging_type": "RESPONSE", "message": {"text": "hi"}}"#;
        assert_eq!(
            connection.send(valid).unwrap_err().code(),
            "graph_transient"
        );
    }

    #[test]
    fn null_settings_mean_the_defaults_and_mistyped_or_unknown_ones_are_refused() {
        let nulls = r#"{"token": "t", "max_attempts": null, "budget_ms": null,
                        "timeout_ms": null, "retry_unknown_outcome": null}"#;
        assert!(Connection::from_json(nulls).is_ok());
        for (bad, field) in [
            (
                r#"{"token": "t", "retry_unknown_outcome": 1}"#,
                "retry_unknown_outcome",
            ),
            (r#"{"token": "t", "max_attempts": -1}"#, "max_attempts"),
            (r#"{"token": ""}"#, "token"),
            (r#"{"token": "t", "max_attemps": 3}"#, "max_attemps"),
        ] {
            let Err(error) = Connection::from_json(bad) else {
                panic!("{bad} was accepted");
            };
            assert_eq!(error.field(), Some(field), "{bad}");
        }
    }
}
