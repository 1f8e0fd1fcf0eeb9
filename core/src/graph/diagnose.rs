//! A Page connection checked the way vendor troubleshooting pages tell people to by hand:
//! the token, its permissions, the app's subscription, the Get Started button.
//!
//! Sans-IO: [`Graph::diagnose_requests`] gives the requests, [`findings`] reads the answers.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Graph, GraphRequest, SUBSCRIPTION_FIELDS};
use crate::error::Result;

/// Permissions a Messenger integration cannot work without.
pub const REQUIRED_PERMISSIONS: &[&str] = &["pages_messaging", "pages_manage_metadata"];

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        }
    }
}

impl Graph {
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
            self.profile_get(
                &["get_started", "persistent_menu"],
                crate::limits::Product::Messenger,
            ),
        ]
    }
}

/// What is wrong with the connection, and how to fix it. Errors first.
pub fn findings(answers: &DiagnoseAnswers) -> Vec<Finding> {
    let mut out = Vec::new();
    let app_id = token_findings(&answers.debug_token, &mut out);
    if out.iter().any(|f| f.code == "token_invalid") {
        return out;
    }
    subscription_findings(&answers.subscribed_apps, app_id.as_deref(), &mut out);
    profile_findings(&answers.profile, &mut out);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// Token validity and permissions; returns the token's app ID.
fn token_findings(answer: &Result<Value>, out: &mut Vec<Finding>) -> Option<String> {
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
    if kind != "PAGE" {
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
    for permission in REQUIRED_PERMISSIONS {
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

fn subscription_findings(answer: &Result<Value>, app_id: Option<&str>, out: &mut Vec<Finding>) {
    let apps = match answer {
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
    let missing: Vec<&str> = SUBSCRIPTION_FIELDS
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

fn profile_findings(answer: &Result<Value>, out: &mut Vec<Finding>) {
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
    if has_menu && !has_start {
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
