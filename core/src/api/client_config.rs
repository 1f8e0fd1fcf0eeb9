//! The blocking client's configuration as hosts give it: the Graph configuration's
//! settings and the retry policy's, typed, a key that is no setting refused at that key.

use std::time::Duration;

use serde::Deserialize;

use crate::client::RetryPolicy;
use crate::graph::{GraphConfig, Login};

/// A [`GraphConfig`]'s settings plus the retry policy's, each optional: absent or `null`
/// means the core's default. (The Graph settings are repeated rather than flattened:
/// serde cannot refuse unknown keys beside a flattened struct.)
#[derive(Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    /// As [`GraphConfig::token`].
    #[serde(default)]
    pub token: Option<String>,
    /// As [`GraphConfig::app_secret`].
    #[serde(default)]
    pub app_secret: Option<String>,
    /// As [`GraphConfig::version`].
    #[serde(default)]
    pub version: Option<String>,
    /// As [`GraphConfig::base_url`].
    #[serde(default)]
    pub base_url: Option<String>,
    /// As [`GraphConfig::page_id`].
    #[serde(default)]
    pub page_id: Option<String>,
    /// As [`GraphConfig::login`].
    #[serde(default)]
    pub login: Option<Login>,
    /// At most this many requests per call, retries included.
    #[serde(default)]
    pub max_attempts: Option<u32>,
    /// The total time a call may take, waits included, in milliseconds.
    #[serde(default)]
    pub budget_ms: Option<u64>,
    /// The time one attempt may take, in milliseconds.
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    /// Resend a POST whose outcome is unknown (a timeout): it may be delivered twice.
    #[serde(default)]
    pub retry_unknown_outcome: Option<bool>,
}

/// Shows which settings are given, never the token or the secret.
impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("graph", &self.graph_config())
            .field("policy", &self.policy())
            .finish()
    }
}

impl ClientConfig {
    /// The Graph settings.
    pub fn graph_config(&self) -> GraphConfig {
        GraphConfig {
            token: self.token.clone(),
            app_secret: self.app_secret.clone(),
            version: self.version.clone(),
            base_url: self.base_url.clone(),
            page_id: self.page_id.clone(),
            login: self.login,
        }
    }

    /// The retry policy: the core's defaults where a setting is absent.
    pub fn policy(&self) -> RetryPolicy {
        let mut policy = RetryPolicy::default();
        if let Some(attempts) = self.max_attempts {
            policy = policy.max_attempts(attempts);
        }
        if let Some(ms) = self.budget_ms {
            policy = policy.budget(Duration::from_millis(ms));
        }
        if let Some(ms) = self.timeout_ms {
            policy = policy.timeout(Duration::from_millis(ms));
        }
        if let Some(yes) = self.retry_unknown_outcome {
            policy = policy.retry_unknown_outcome(yes);
        }
        policy
    }
}
