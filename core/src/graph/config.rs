//! A Graph configuration as hosts give it (keyword arguments, an options object, JSON
//! text): typed and read once, a key that is no setting refused at that key.

use serde::Deserialize;

use super::{Graph, Login};
use crate::error::{Error, ErrorKind, Result};

/// Where and as whom Graph requests go. Every setting is optional but the token.
#[derive(Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GraphConfig {
    /// The Page access token (with Instagram Login, the Instagram user token).
    #[serde(default)]
    pub token: Option<String>,
    /// The app secret, for `appsecret_proof`.
    #[serde(default)]
    pub app_secret: Option<String>,
    /// The Graph API version, such as `v27.0` (the core's newest when absent).
    #[serde(default)]
    pub version: Option<String>,
    /// The Graph base URL (a stand-in's, in tests).
    #[serde(default)]
    pub base_url: Option<String>,
    /// The Page ID (`me` when absent); with Instagram Login, the Instagram account's ID.
    #[serde(default)]
    pub page_id: Option<String>,
    /// `facebook` (the default) or `instagram` (Instagram Login: `graph.instagram.com`
    /// unless `base_url` says otherwise).
    #[serde(default)]
    pub login: Option<Login>,
}

/// Shows which settings are given, never the token or the secret.
impl std::fmt::Debug for GraphConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redacted = |s: &Option<String>| s.as_ref().map(|_| "[redacted]");
        f.debug_struct("GraphConfig")
            .field("token", &redacted(&self.token))
            .field("app_secret", &redacted(&self.app_secret))
            .field("version", &self.version)
            .field("base_url", &self.base_url)
            .field("page_id", &self.page_id)
            .field("login", &self.login)
            .finish()
    }
}

impl GraphConfig {
    /// The [`Graph`] this configures.
    ///
    /// # Errors
    ///
    /// `required` (field `token`) without a token or with a blank one (an unset
    /// environment variable, typically); `invalid_input` (field `version`) for a version
    /// that is not `vN.N`, which would be pasted into every URL.
    pub fn graph(&self) -> Result<Graph> {
        let token = self
            .token
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| {
                Error::at(
                    ErrorKind::Required {
                        detail: "a page access token".to_owned(),
                    },
                    "token",
                )
            })?;
        let mut graph = match self.login.unwrap_or_default() {
            Login::Instagram => Graph::instagram_login(token),
            _ => Graph::new(token),
        };
        if let Some(secret) = &self.app_secret {
            graph = graph.app_secret(secret.as_str());
        }
        if let Some(version) = &self.version {
            if crate::limits::parse_graph_version(version).is_none() {
                return Err(Error::at(
                    ErrorKind::InvalidInput {
                        detail: "a graph version looks like v27.0".to_owned(),
                    },
                    "version",
                ));
            }
            graph = graph.version(version);
        }
        if let Some(base) = &self.base_url {
            graph = graph.base_url(base);
        }
        if let Some(page) = &self.page_id {
            graph = graph.page_id(page);
        }
        Ok(graph)
    }
}
