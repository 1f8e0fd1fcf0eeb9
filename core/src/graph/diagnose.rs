//! A Page connection checked the way vendor troubleshooting pages tell people to by hand:
//! the token, its permissions, the app's subscription, the Get Started button.
//!
//! Sans-IO: [`Graph::diagnose_requests`] gives the requests, [`findings`] reads the answers.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Graph, GraphRequest, INSTAGRAM_SUBSCRIPTION_FIELDS, Login, SUBSCRIPTION_FIELDS};
use crate::error::Result;
use crate::limits::{Date, VersionState, VersionStatus, graph_version_status};

/// Permissions a Messenger integration cannot work without.
pub const REQUIRED_PERMISSIONS: &[&str] = &["pages_messaging", "pages_manage_metadata"];
/// Scopes an Instagram-Login integration cannot work without (the `instagram_business_*`
/// names since 2025-01-27).
pub const INSTAGRAM_REQUIRED_PERMISSIONS: &[&str] = &[
    "instagram_business_basic",
    "instagram_business_manage_messages",
];

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Checked and fine.
    Ok,
    /// Works, but something will bite later.
    Warning,
    /// Messages will not flow until this is fixed.
    Error,
}

/// One result of [`findings`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// Stable code, for example `permission_missing`.
    pub code: String,
    /// How bad it is.
    pub severity: Severity,
    /// What was found.
    pub detail: String,
    /// What to do (empty when nothing is to be done).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fix: String,
}

fn finding(code: &str, severity: Severity, detail: impl Into<String>, fix: &str) -> Finding {
    Finding {
        code: code.to_owned(),
        severity,
        detail: detail.into(),
        fix: fix.to_owned(),
    }
}

/// The answers [`findings`] reads, in the order of [`Graph::diagnose_requests`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct DiagnoseAnswers {
    /// `debug_token` of the page token.
    pub debug_token: Result<Value>,
    /// `GET /{page}/subscribed_apps`.
    pub subscribed_apps: Result<Value>,
    /// `GET /{page}/messenger_profile?fields=get_started,persistent_menu`.
    pub profile: Result<Value>,
    /// The configured Graph version judged on a date, when the host asks for that check.
    pub version: Option<VersionStatus>,
    /// Which login the token came from: it decides the permissions and fields expected.
    pub login: Login,
}

impl DiagnoseAnswers {
    /// The three answers.
    pub fn new(
        debug_token: Result<Value>,
        subscribed_apps: Result<Value>,
        profile: Result<Value>,
    ) -> Self {
        Self {
            debug_token,
            subscribed_apps,
            profile,
            version: None,
            login: Login::Facebook,
        }
    }

    /// The answers of a configuration with `login` (see [`Graph::login`]).
    pub fn with_login(mut self, login: Login) -> Self {
        self.login = login;
        self
    }

    /// The answers with the configured version's standing added (see [`Graph::version_status`]).
    pub fn with_version(mut self, status: VersionStatus) -> Self {
        self.version = Some(status);
        self
    }
}

impl Graph {
    /// The Graph version this configuration calls, such as `v27.0`.
    pub fn api_version(&self) -> &str {
        &self.version
    }

    /// How the configured version stands on `as_of` (the profile's date, or today): past
    /// or within [`crate::limits::GRAPH_VERSION_NOTICE_DAYS`] of its end, with its replacement.
    pub fn version_status(&self, as_of: Date) -> VersionStatus {
        graph_version_status(&self.version, as_of)
    }

    /// The Messenger Profile fields `diagnose` reads: Instagram has no Get Started.
    fn diagnosed_profile_fields(&self) -> &'static [&'static str] {
        match self.login {
            Login::Instagram => super::INSTAGRAM_PROFILE_FIELDS,
            _ => &["get_started", "persistent_menu"],
        }
    }

    fn product(&self) -> crate::limits::Product {
        match self.login {
            Login::Instagram => crate::limits::Product::Instagram,
            _ => crate::limits::Product::Messenger,
        }
    }

    /// This configuration acting as the app (`APP_ID|APP_SECRET` as the token, no
    /// `appsecret_proof`), as Meta documents for `debug_token`. `None` without an app secret.
    pub fn as_app(&self, app_id: &str) -> Option<Graph> {
        let secret = self.app_secret.as_ref()?;
        let mut token = Vec::with_capacity(app_id.len() + 1 + secret.expose().len());
        token.extend_from_slice(app_id.as_bytes());
        token.push(b'|');
        token.extend_from_slice(secret.expose());
        Some(Graph {
            token: crate::Secret::new(token),
            app_secret: None,
            ..self.clone()
        })
    }

    /// The requests `diagnose` makes: `debug_token` of the page token, the Page's
    /// subscribed apps, and its Get Started and persistent menu.
    ///
    /// With `app_id` and an app secret, `debug_token` is called with the app token, as
    /// Meta documents. Without them the page token inspects itself, which is not the
    /// documented form; a refusal then shows as a `check_failed` finding.
    pub fn diagnose_requests(&self, app_id: Option<&str>) -> [GraphRequest; 3] {
        let token = String::from_utf8_lossy(self.token.expose()).into_owned();
        let inspector = app_id.and_then(|id| self.as_app(id));
        [
            inspector.as_ref().unwrap_or(self).debug_token(&token),
            self.subscribed_apps(),
            self.profile_get(self.diagnosed_profile_fields(), self.product())
                .expect("fields every login has"),
        ]
    }
}

/// What is wrong with the connection, and how to fix it. Errors first.
pub fn findings(answers: &DiagnoseAnswers) -> Vec<Finding> {
    let mut out = Vec::new();
    let app_id = token_findings(&answers.debug_token, answers.login, &mut out);
    if out.iter().any(|f| f.code == "token_invalid") {
        return out;
    }
    subscription_findings(answers, app_id.as_deref(), &mut out);
    profile_findings(&answers.profile, answers.login, &mut out);
    if let Some(status) = &answers.version {
        out.push(version_finding(status));
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// Token validity and permissions; returns the token's app ID.
fn token_findings(answer: &Result<Value>, login: Login, out: &mut Vec<Finding>) -> Option<String> {
    let data = match answer {
        Ok(value) => &value["data"],
        Err(error) if error.graph().is_some_and(super::GraphError::is_auth_error) => {
            out.push(finding(
                "token_invalid",
                Severity::Error,
                error.to_string(),
                "re-authorise the page and store the new page token",
            ));
            return None;
        }
        Err(error) => {
            out.push(finding(
                "check_failed",
                Severity::Error,
                format!("debug_token: {error}"),
                "retry; if it persists, check the token by hand",
            ));
            return None;
        }
    };
    if data["is_valid"] != Value::Bool(true) {
        let why = data["error"]["message"]
            .as_str()
            .unwrap_or("debug_token says is_valid: false");
        out.push(finding(
            "token_invalid",
            Severity::Error,
            why,
            "re-authorise the page and store the new page token",
        ));
        return None;
    }
    let kind = data["type"].as_str().unwrap_or("unknown");
    let owner = data["profile_id"]
        .as_str()
        .or_else(|| data["user_id"].as_str())
        .unwrap_or("unknown");
    out.push(finding(
        "token_valid",
        Severity::Ok,
        format!("{kind} token for {owner}"),
        "",
    ));
    if kind != "PAGE" && login == Login::Facebook {
        out.push(finding(
            "token_not_page",
            Severity::Warning,
            format!("a {kind} token, not a page token"),
            "use the page token from /me/accounts",
        ));
    }
    let scopes: Vec<&str> = data["scopes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let required = match login {
        Login::Instagram => INSTAGRAM_REQUIRED_PERMISSIONS,
        _ => REQUIRED_PERMISSIONS,
    };
    for permission in required {
        if scopes.contains(permission) {
            out.push(finding("permission_granted", Severity::Ok, *permission, ""));
        } else {
            let fix = "ask for the permission in the login flow (and app review), then issue a new page token";
            out.push(finding(
                "permission_missing",
                Severity::Error,
                *permission,
                fix,
            ));
        }
    }
    data["app_id"].as_str().map(str::to_owned)
}

/// The configured Graph version's standing as a finding, naming what replaces it.
pub fn version_finding(status: &VersionStatus) -> Finding {
    let (code, severity) = match status.state {
        VersionState::Current => ("graph_version_current", Severity::Ok),
        VersionState::EndingSoon => ("graph_version_ending_soon", Severity::Warning),
        VersionState::Ended => ("graph_version_ended", Severity::Warning),
        VersionState::Unreleased => ("graph_version_unreleased", Severity::Error),
        _ => ("graph_version_unknown", Severity::Warning),
    };
    let mut detail = format!("{} on {}", status.version, status.as_of);
    match (status.state, status.ends) {
        (VersionState::Ended, Some(ends)) => detail.push_str(&format!(
            ": not served since {ends}; Meta moves calls to the oldest version it still serves"
        )),
        (VersionState::Ended, None) => detail.push_str(": older than every version still served"),
        (VersionState::EndingSoon, Some(ends)) => {
            detail.push_str(&format!(": served until {ends}"))
        }
        (VersionState::Unreleased, _) => detail.push_str(": not released yet on that date"),
        (VersionState::Unknown, _) => detail.push_str(": not a version this profile knows"),
        _ => {}
    }
    let fix = status
        .replacement
        .map(|v| format!("configure Graph version {v}"))
        .unwrap_or_default();
    Finding {
        code: code.to_owned(),
        severity,
        detail,
        fix,
    }
}

fn subscription_findings(answers: &DiagnoseAnswers, app_id: Option<&str>, out: &mut Vec<Finding>) {
    let expected = match answers.login {
        Login::Instagram => INSTAGRAM_SUBSCRIPTION_FIELDS,
        _ => SUBSCRIPTION_FIELDS,
    };
    let apps = match &answers.subscribed_apps {
        Ok(value) => value["data"].as_array().cloned().unwrap_or_default(),
        Err(error) => {
            out.push(finding(
                "check_failed",
                Severity::Error,
                format!("subscribed_apps: {error}"),
                "needs pages_manage_metadata",
            ));
            return;
        }
    };
    let ours = apps
        .iter()
        .find(|app| app_id.is_none_or(|id| app["id"].as_str() == Some(id)));
    let Some(app) = ours else {
        let fix =
            "POST /{page}/subscribed_apps with subscribed_fields (msgrkit subscribe builds it)";
        out.push(finding(
            "app_not_subscribed",
            Severity::Error,
            "the app is not subscribed to the page's webhooks",
            fix,
        ));
        return;
    };
    let fields: Vec<&str> = app["subscribed_fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|f| !fields.contains(f))
        .collect();
    if missing.is_empty() {
        out.push(finding(
            "subscription_complete",
            Severity::Ok,
            "subscribed to every field msgrkit reads",
            "",
        ));
    } else {
        let fix = "subscribe again with every field (Graph::subscribe(None))";
        out.push(finding(
            "subscription_fields_missing",
            Severity::Warning,
            missing.join(","),
            fix,
        ));
    }
}

fn profile_findings(answer: &Result<Value>, login: Login, out: &mut Vec<Finding>) {
    let profile = match answer {
        Ok(value) => value["data"].get(0).cloned().unwrap_or_default(),
        Err(error) => {
            out.push(finding(
                "check_failed",
                Severity::Warning,
                format!("messenger_profile: {error}"),
                "",
            ));
            return;
        }
    };
    let has_menu = profile.get("persistent_menu").is_some_and(|m| !m.is_null());
    let has_start = profile.get("get_started").is_some_and(|m| !m.is_null());
    // Instagram has no Get Started: its menu shows without one.
    if has_menu && !has_start && login == Login::Facebook {
        let fix = "set get_started in the Messenger Profile: the menu is not shown without it";
        out.push(finding(
            "get_started_missing",
            Severity::Error,
            "a persistent menu is set without Get Started",
            fix,
        ));
    } else {
        out.push(finding(
            "profile_consistent",
            Severity::Ok,
            if has_menu {
                "menu and Get Started set"
            } else {
                "no persistent menu"
            },
            "",
        ));
    }
}
