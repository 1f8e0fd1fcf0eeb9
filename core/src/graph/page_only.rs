//! Builders for what only a Facebook Page has: per-person menus, thread control
//! (handover, now Conversation Routing), personas, and the Pages of a user. With
//! Instagram Login there is no Page, so each refuses before building a request.
//!
//! Conversation Routing replaced the Handover Protocol on 2025-09-24 and keeps most of its
//! calls; a Page routed to a default app may refuse them ("Handover Protocol APIs disabled
//! for this page"), classified as [`super::GraphErrorClass::HandoverDisabled`].

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Body, Graph, GraphRequest, Login, Method};
use crate::error::{Error, ErrorKind, Result};
use crate::send::PersistentMenu;

/// A handover call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ThreadControl {
    /// Hand the thread to another app.
    Pass,
    /// Take the thread.
    Take,
    /// Ask the owner for the thread.
    Request,
    /// Release the thread to idle.
    Release,
}

/// Every builder here fails the same way with Instagram Login:
///
/// # Errors
///
/// `unsupported` (field `call`) when the configuration uses Instagram Login.
impl Graph {
    /// Refuses `call` when there is no Page to call it on.
    pub(crate) fn page_only(&self, call: &str) -> Result<()> {
        if self.login == Login::Instagram {
            return Err(Error::at(
                ErrorKind::Unsupported {
                    detail: format!(
                        "`{call}` needs a facebook page; instagram login has none \
                         (use a page token on graph.facebook.com)"
                    ),
                },
                "call",
            ));
        }
        Ok(())
    }

    fn page_request(
        &self,
        call: &str,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<Body>,
    ) -> Result<GraphRequest> {
        self.page_only(call)?;
        Ok(self.request(method, path, query, body))
    }

    /// `POST /{page}/custom_user_settings`: a persistent menu for one person.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn user_menu_set(&self, psid: &str, menus: &[PersistentMenu]) -> Result<GraphRequest> {
        let body = Body::json(&json!({ "psid": psid, "persistent_menu": menus }));
        let path = format!("{}/custom_user_settings", self.page_id);
        self.page_request("user_menu_set", Method::Post, &path, &[], Some(body))
    }

    /// `GET /{page}/custom_user_settings?psid=...`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn user_menu_get(&self, psid: &str) -> Result<GraphRequest> {
        let path = format!("{}/custom_user_settings", self.page_id);
        self.page_request("user_menu_get", Method::Get, &path, &[("psid", psid)], None)
    }

    /// `DELETE /{page}/custom_user_settings?psid=...&params=["persistent_menu"]`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn user_menu_delete(&self, psid: &str) -> Result<GraphRequest> {
        let query = [("psid", psid), ("params", "[\"persistent_menu\"]")];
        let path = format!("{}/custom_user_settings", self.page_id);
        self.page_request("user_menu_delete", Method::Delete, &path, &query, None)
    }

    /// Pass, take, request or release the thread with `psid`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn thread_control(
        &self,
        call: ThreadControl,
        psid: &str,
        target_app_id: Option<&str>,
        metadata: Option<&str>,
    ) -> Result<GraphRequest> {
        let name = match call {
            ThreadControl::Pass => "pass_thread_control",
            ThreadControl::Take => "take_thread_control",
            ThreadControl::Request => "request_thread_control",
            ThreadControl::Release => "release_thread_control",
        };
        let mut body = json!({ "recipient": { "id": psid } });
        if let Some(app) = target_app_id {
            body["target_app_id"] = json!(app);
        }
        if let Some(metadata) = metadata {
            body["metadata"] = json!(metadata);
        }
        let path = format!("{}/{name}", self.page_id);
        self.page_request(
            "thread_control",
            Method::Post,
            &path,
            &[],
            Some(Body::json(&body)),
        )
    }

    /// `GET /{page}/thread_owner?recipient=...`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn thread_owner(&self, psid: &str) -> Result<GraphRequest> {
        let path = format!("{}/thread_owner", self.page_id);
        self.page_request(
            "thread_owner",
            Method::Get,
            &path,
            &[("recipient", psid)],
            None,
        )
    }

    /// `GET /{page}/secondary_receivers?fields=id,name`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn secondary_receivers(&self) -> Result<GraphRequest> {
        let path = format!("{}/secondary_receivers", self.page_id);
        let query = [("fields", "id,name")];
        self.page_request("secondary_receivers", Method::Get, &path, &query, None)
    }

    /// `POST /{page}/personas`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn persona_create(&self, name: &str, profile_picture_url: &str) -> Result<GraphRequest> {
        let body = Body::json(&json!({ "name": name, "profile_picture_url": profile_picture_url }));
        let path = format!("{}/personas", self.page_id);
        self.page_request("persona_create", Method::Post, &path, &[], Some(body))
    }

    /// `GET /{page}/personas`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn personas(&self) -> Result<GraphRequest> {
        let path = format!("{}/personas", self.page_id);
        self.page_request("personas", Method::Get, &path, &[], None)
    }

    /// `DELETE /{persona_id}`.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn persona_delete(&self, persona_id: &str) -> Result<GraphRequest> {
        self.page_request("persona_delete", Method::Delete, persona_id, &[], None)
    }

    /// `GET /me/accounts`: the Pages a user token manages, with their tokens.
    ///
    /// # Errors
    ///
    /// `unsupported` with Instagram Login.
    pub fn accounts(&self) -> Result<GraphRequest> {
        let query = [("fields", "id,name,access_token,tasks")];
        self.page_request("accounts", Method::Get, "me/accounts", &query, None)
    }
}
