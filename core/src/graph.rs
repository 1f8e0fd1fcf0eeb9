//! The Graph API without I/O: requests as plain data (method, URL, headers, body) for any
//! HTTP client, and responses read into typed results or a classified [`GraphError`].
//!
//! The token travels in the `Authorization` header, never in the URL; when an app secret
//! is configured, every request (and every batch item) carries `appsecret_proof`. See
//! [Meta Docs/Graph API].
//!
//! [Meta Docs/Graph API]: https://developers.facebook.com/docs/graph-api

mod answers;
mod builders;
mod call;
mod config;
mod diagnose;
mod json;
mod page_only;
mod request;
mod response;
mod usage;

use std::fmt::Write as _;

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

pub use crate::graph_error::{GRAPH_CLASS_CODES, GraphError, GraphErrorClass, TransportFailure};
pub use crate::limits::VersionStatus;
pub use answers::{ClassifiedError, ClassifiedResponse, ProfileAnswer, UsageReport};
pub use builders::{
    BatchItem, DEFAULT_PROFILE_FIELDS, INSTAGRAM_PROFILE_FIELDS, INSTAGRAM_SUBSCRIPTION_FIELDS,
    PROFILE_FIELDS, SUBSCRIPTION_FIELDS,
};
pub use call::GraphCall;
pub use config::GraphConfig;
pub use diagnose::{
    DiagnoseAnswers, Finding, INSTAGRAM_REQUIRED_PERMISSIONS, REQUIRED_PERMISSIONS, Severity,
    findings, version_finding,
};
#[cfg(feature = "blocking")]
pub(crate) use json::with_token;
pub use json::{graph_from_json, graph_from_parts, request_from_json};
pub use page_only::ThreadControl;
pub(crate) use request::{Body, encode, redact_literal};
pub use request::{GraphRequest, Method, redact, redact_value};
pub use response::{
    RawResponse, SendResponse, UserProfile, parse_response, parse_send_response,
    parse_user_profile, transport_error,
};
pub(crate) use response::{graph_error as graph_error_of, unreadable_answer};
pub use usage::{BusinessUsage, Usage, UsageCounters};

use crate::secret::Secret;

/// The Graph API version msgrkit was built against; configurable with [`Graph::version`].
pub const DEFAULT_VERSION: &str = "v27.0";
/// Meta's Graph API host.
pub const DEFAULT_BASE_URL: &str = "https://graph.facebook.com";
/// The host of the Instagram API with Instagram Login.
pub const INSTAGRAM_BASE_URL: &str = "https://graph.instagram.com";

/// How the token was obtained, which decides the host and the calls that exist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Login {
    /// Facebook Login (or a system user): a Page token on `graph.facebook.com`, for
    /// Messenger and for Instagram accounts linked to a Page.
    #[default]
    Facebook,
    /// Instagram Login: an Instagram user token on `graph.instagram.com`, addressing the
    /// Instagram professional account; no Page, so no Page-only calls.
    Instagram,
}

/// Where and as whom to call the Graph API.
#[derive(Clone, Debug)]
pub struct Graph {
    base_url: String,
    version: String,
    page_id: String,
    token: Secret,
    app_secret: Option<Secret>,
    login: Login,
}

impl Graph {
    /// A configuration for the Page (or user) access token `token`, calling `/me`.
    pub fn new(token: impl Into<Secret>) -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            version: DEFAULT_VERSION.to_owned(),
            page_id: "me".to_owned(),
            token: token.into(),
            app_secret: None,
            login: Login::Facebook,
        }
    }

    /// A configuration for the Instagram API with Instagram Login: the Instagram user
    /// token `token`, on `graph.instagram.com`, calling `/me` (or the account set with
    /// [`Graph::page_id`]). Page-only builders refuse it as `unsupported`.
    pub fn instagram_login(token: impl Into<Secret>) -> Self {
        Self {
            base_url: INSTAGRAM_BASE_URL.to_owned(),
            login: Login::Instagram,
            ..Self::new(token)
        }
    }

    /// How this configuration's token was obtained.
    pub fn login(&self) -> Login {
        self.login
    }

    /// The Page (or Instagram account) in the paths: an ID, or `me`.
    pub fn page(&self) -> &str {
        &self.page_id
    }

    /// Another Graph version (`vNN.0`).
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }

    /// Another base URL: a proxy, or a test server on loopback.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into().trim_end_matches('/').to_owned();
        self
    }

    /// Address the Page (with Instagram Login, the Instagram professional account) by ID
    /// instead of `me`.
    pub fn page_id(mut self, page_id: impl Into<String>) -> Self {
        self.page_id = page_id.into();
        self
    }

    /// The app secret: every request then carries `appsecret_proof`.
    pub fn app_secret(mut self, secret: impl Into<Secret>) -> Self {
        self.app_secret = Some(secret.into());
        self
    }

    /// `appsecret_proof`: hex HMAC-SHA256 of the token keyed by the app secret.
    pub fn appsecret_proof(&self) -> Option<String> {
        let secret = self.app_secret.as_ref()?;
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.expose())
            .expect("hmac accepts any key length");
        mac.update(self.token.expose());
        let mut hex = String::with_capacity(64);
        for byte in mac.finalize().into_bytes() {
            let _ = write!(hex, "{byte:02x}");
        }
        Some(hex)
    }

    /// `base/version/path`, with `appsecret_proof` and `query` added as parameters.
    fn url(&self, path: &str, query: &[(&str, &str)]) -> String {
        let mut url = format!(
            "{}/{}/{}",
            self.base_url,
            self.version,
            path.trim_start_matches('/')
        );
        let proof = self.appsecret_proof();
        let params = query
            .iter()
            .copied()
            .chain(proof.as_deref().map(|p| ("appsecret_proof", p)));
        for (index, (key, value)) in params.enumerate() {
            url.push(if index == 0 { '?' } else { '&' });
            url.push_str(&encode(key));
            url.push('=');
            url.push_str(&encode(value));
        }
        url
    }

    fn request(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<Body>,
    ) -> GraphRequest {
        let mut headers = vec![(
            "Authorization".to_owned(),
            format!("Bearer {}", String::from_utf8_lossy(self.token.expose())),
        )];
        let body = body.map(|body| {
            headers.push(("Content-Type".to_owned(), body.content_type));
            body.bytes
        });
        GraphRequest {
            method,
            url: self.url(path, query),
            headers,
            body,
        }
    }
}

/// `graph_version='v27.0' page_id='me' login='facebook' base_url='…' token=[redacted]`
/// (and `app_secret=[redacted]` when one is set): what a host's `repr` shows.
impl std::fmt::Display for Graph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let login = match self.login {
            Login::Instagram => "instagram",
            _ => "facebook",
        };
        write!(
            f,
            "graph_version='{}' page_id='{}' login='{login}' base_url='{}' token=[redacted]",
            self.version, self.page_id, self.base_url
        )?;
        if self.app_secret.is_some() {
            f.write_str(" app_secret=[redacted]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neither_the_config_nor_a_request_prints_the_token_or_secret() {
        let graph = Graph::new("EAAGsecret-token").app_secret("app-secret-value");
        let request = graph.me();
        for text in [format!("{graph:?}"), format!("{request:?}")] {
            assert!(
                !text.contains("EAAGsecret-token") && !text.contains("app-secret-value"),
                "{text}"
            );
            assert!(text.contains("[redacted]"), "{text}");
        }
    }

    #[test]
    fn the_proof_is_hmac_sha256_of_the_token_keyed_by_the_secret() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let graph = Graph::new("what do ya want for nothing?").app_secret("Jefe");
        let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assert_eq!(graph.appsecret_proof().as_deref(), Some(expected));
        assert_eq!(Graph::new("t").appsecret_proof(), None);
    }

    #[test]
    fn debug_token_is_a_get_whose_token_no_debug_print_shows() {
        let request = Graph::new("EAAGapp").debug_token("EAAGinspected+/=");
        assert_eq!(request.method, Method::Get);
        assert!(request.url.contains("input_token=EAAGinspected%2B%2F%3D"));
        let text = format!("{request:?}");
        assert!(!text.contains("EAAGinspected"), "{text}");
        assert!(text.contains("input_token=[redacted]"), "{text}");
    }

    #[test]
    fn redact_replaces_credential_values_only() {
        let url = "https://g/v27.0/debug_token?input_token=abc&appsecret_proof=p";
        assert_eq!(
            redact(url),
            "https://g/v27.0/debug_token?input_token=[redacted]&appsecret_proof=p"
        );
        assert_eq!(redact("x my_input_token=abc"), "x my_input_token=abc");
        assert_eq!(
            redact("GET /me?access_token=t1 failed; input_token=t2"),
            "GET /me?access_token=[redacted] failed; input_token=[redacted]"
        );
        assert_eq!(redact("no secrets"), "no secrets");
    }

    #[test]
    fn redact_value_replaces_credential_keys_and_strings_at_any_depth() {
        let mut value = serde_json::json!({"query": {"input_token": "t1", "fields": "id"},
            "headers": [["authorization", "Bearer t2"]], "n": 1});
        redact_value(&mut value);
        assert_eq!(
            value,
            serde_json::json!({"query": {"input_token": "[redacted]", "fields": "id"},
                "headers": [["authorization", "Bearer [redacted]"]], "n": 1})
        );
    }

    #[test]
    fn redact_replaces_bearer_tokens_and_json_credentials() {
        assert_eq!(
            redact(r#"{"headers":{"authorization":"Bearer EAAB.x-y_z"},"x":1}"#),
            r#"{"headers":{"authorization":"Bearer [redacted]"},"x":1}"#
        );
        assert_eq!(
            redact(r#"{"access_token": "EAAB", "input_token":"t2"}"#),
            r#"{"access_token": "[redacted]", "input_token":"[redacted]"}"#
        );
        assert_eq!(
            redact("Authorization: bearer abc\n"),
            "Authorization: bearer [redacted]\n"
        );
        assert_eq!(redact("unbearer words"), "unbearer words");
    }

    #[test]
    fn query_components_are_percent_encoded() {
        assert_eq!(encode("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
    }
}
