//! One builder per Graph endpoint msgrkit covers. Each returns the request as data.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Body, Graph, GraphRequest, Method};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::{GRAPH_BATCH_MAX, Product as Platform};
use crate::send::{
    MessengerProfile, PersistentMenu, ReactionPayload, Recipient, SendRequest, SenderAction,
};

/// User profile fields granted by default (`locale`, `timezone` and `gender` need review).
pub const DEFAULT_PROFILE_FIELDS: &[&str] =
    &["id", "name", "first_name", "last_name", "profile_pic"];
/// The Messenger Profile fields msgrkit models, for reading a whole profile.
pub const PROFILE_FIELDS: &[&str] = &[
    "get_started",
    "greeting",
    "persistent_menu",
    "ice_breakers",
    "whitelisted_domains",
];
/// Fields of the Page subscription msgrkit's parser expects.
pub const SUBSCRIPTION_FIELDS: &[&str] = &[
    "messages",
    "messaging_postbacks",
    "messaging_optins",
    "messaging_referrals",
    "message_deliveries",
    "message_reads",
    "message_echoes",
    "message_reactions",
    "messaging_handovers",
    "standby",
];

/// A handover call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// One item of a Graph batch request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BatchItem {
    /// The method.
    pub method: Method,
    /// The path after the version, for example `me/messages`.
    pub relative_url: String,
    /// A JSON body, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<serde_json::Value>,
}

impl Graph {
    /// `POST /{page}/messages`: a message, a sender action or a reaction.
    pub fn send(&self, request: &SendRequest) -> GraphRequest {
        self.request(
            Method::Post,
            &format!("{}/messages", self.page_id),
            &[],
            Some(Body::json(request)),
        )
    }

    /// A typing indicator or read mark for `psid`.
    pub fn sender_action(&self, psid: &str, action: SenderAction) -> GraphRequest {
        let request = SendRequest {
            recipient: Recipient::id(psid),
            sender_action: Some(action),
            ..SendRequest::default()
        };
        self.send(&request)
    }

    /// React to `message_id` with `emoji` (`None` removes the reaction).
    pub fn react(&self, psid: &str, message_id: &str, emoji: Option<&str>) -> GraphRequest {
        let request = SendRequest {
            recipient: Recipient::id(psid),
            sender_action: Some(if emoji.is_some() {
                SenderAction::React
            } else {
                SenderAction::Unreact
            }),
            payload: Some(ReactionPayload {
                message_id: message_id.to_owned(),
                reaction: emoji.map(str::to_owned),
            }),
            ..SendRequest::default()
        };
        self.send(&request)
    }

    /// `POST /{page}/message_attachments`: save media from `url` for reuse.
    pub fn upload_url(&self, kind: &str, url: &str, platform: Platform) -> GraphRequest {
        let mut body = json!({"message": {"attachment": {"type": kind, "payload": {"url": url, "is_reusable": true}}}});
        if platform == Platform::Instagram {
            body["platform"] = json!("instagram");
        }
        self.request(
            Method::Post,
            &format!("{}/message_attachments", self.page_id),
            &[],
            Some(Body::json(&body)),
        )
    }

    /// `POST /{page}/message_attachments` as multipart: save media from `bytes`.
    pub fn upload_bytes(
        &self,
        kind: &str,
        filename: &str,
        mime: &str,
        bytes: &[u8],
    ) -> GraphRequest {
        let message =
            json!({"attachment": {"type": kind, "payload": {"is_reusable": true}}}).to_string();
        // A boundary that never occurs in the file: derived from it, and checked.
        let mut boundary = format!("msgrkit-{:016x}", fnv(bytes));
        while contains(bytes, boundary.as_bytes()) {
            boundary.push('x');
        }
        let mut body = Vec::with_capacity(bytes.len() + 512);
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{message}\r\n").as_bytes());
        let filename = filename.replace(['"', '\r', '\n'], "_");
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"filedata\"; filename=\"{filename}\"\r\nContent-Type: {mime}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let content = Body {
            content_type: format!("multipart/form-data; boundary={boundary}"),
            bytes: body,
        };
        self.request(
            Method::Post,
            &format!("{}/message_attachments", self.page_id),
            &[],
            Some(content),
        )
    }

    /// `GET /{page}/messenger_profile?fields=...`.
    pub fn profile_get(&self, fields: &[&str], platform: Platform) -> GraphRequest {
        let fields = fields.join(",");
        let mut query = vec![("fields", fields.as_str())];
        if platform == Platform::Instagram {
            query.push(("platform", "instagram"));
        }
        self.request(
            Method::Get,
            &format!("{}/messenger_profile", self.page_id),
            &query,
            None,
        )
    }

    /// `POST /{page}/messenger_profile`.
    pub fn profile_set(&self, profile: &MessengerProfile, platform: Platform) -> GraphRequest {
        let query: &[(&str, &str)] = if platform == Platform::Instagram {
            &[("platform", "instagram")]
        } else {
            &[]
        };
        self.request(
            Method::Post,
            &format!("{}/messenger_profile", self.page_id),
            query,
            Some(Body::json(profile)),
        )
    }

    /// `DELETE /{page}/messenger_profile` with `{"fields": [...]}`.
    pub fn profile_delete(&self, fields: &[&str], platform: Platform) -> GraphRequest {
        let query: &[(&str, &str)] = if platform == Platform::Instagram {
            &[("platform", "instagram")]
        } else {
            &[]
        };
        let body = Body::json(&json!({ "fields": fields }));
        self.request(
            Method::Delete,
            &format!("{}/messenger_profile", self.page_id),
            query,
            Some(body),
        )
    }

    /// `POST /{page}/custom_user_settings`: a persistent menu for one person.
    pub fn user_menu_set(&self, psid: &str, menus: &[PersistentMenu]) -> GraphRequest {
        let body = Body::json(&json!({ "psid": psid, "persistent_menu": menus }));
        self.request(
            Method::Post,
            &format!("{}/custom_user_settings", self.page_id),
            &[],
            Some(body),
        )
    }

    /// `GET /{page}/custom_user_settings?psid=...`.
    pub fn user_menu_get(&self, psid: &str) -> GraphRequest {
        self.request(
            Method::Get,
            &format!("{}/custom_user_settings", self.page_id),
            &[("psid", psid)],
            None,
        )
    }

    /// `DELETE /{page}/custom_user_settings?psid=...&params=["persistent_menu"]`.
    pub fn user_menu_delete(&self, psid: &str) -> GraphRequest {
        let query = [("psid", psid), ("params", "[\"persistent_menu\"]")];
        self.request(
            Method::Delete,
            &format!("{}/custom_user_settings", self.page_id),
            &query,
            None,
        )
    }

    /// Pass, take, request or release the thread with `psid`.
    pub fn thread_control(
        &self,
        call: ThreadControl,
        psid: &str,
        target_app_id: Option<&str>,
        metadata: Option<&str>,
    ) -> GraphRequest {
        let path = match call {
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
        self.request(
            Method::Post,
            &format!("{}/{path}", self.page_id),
            &[],
            Some(Body::json(&body)),
        )
    }

    /// `GET /{page}/thread_owner?recipient=...`.
    pub fn thread_owner(&self, psid: &str) -> GraphRequest {
        self.request(
            Method::Get,
            &format!("{}/thread_owner", self.page_id),
            &[("recipient", psid)],
            None,
        )
    }

    /// `GET /{page}/secondary_receivers?fields=id,name`.
    pub fn secondary_receivers(&self) -> GraphRequest {
        self.request(
            Method::Get,
            &format!("{}/secondary_receivers", self.page_id),
            &[("fields", "id,name")],
            None,
        )
    }

    /// `GET /{psid}?fields=...` (by default the fields that need no extra review).
    pub fn user_profile(&self, psid: &str, fields: Option<&[&str]>) -> GraphRequest {
        let fields = fields.unwrap_or(DEFAULT_PROFILE_FIELDS).join(",");
        self.request(Method::Get, psid, &[("fields", fields.as_str())], None)
    }

    /// `POST /{page}/personas`.
    pub fn persona_create(&self, name: &str, profile_picture_url: &str) -> GraphRequest {
        let body = Body::json(&json!({ "name": name, "profile_picture_url": profile_picture_url }));
        self.request(
            Method::Post,
            &format!("{}/personas", self.page_id),
            &[],
            Some(body),
        )
    }

    /// `GET /{page}/personas`.
    pub fn personas(&self) -> GraphRequest {
        self.request(
            Method::Get,
            &format!("{}/personas", self.page_id),
            &[],
            None,
        )
    }

    /// `DELETE /{persona_id}`.
    pub fn persona_delete(&self, persona_id: &str) -> GraphRequest {
        self.request(Method::Delete, persona_id, &[], None)
    }

    /// `GET /me/accounts`: the Pages a user token manages, with their tokens.
    pub fn accounts(&self) -> GraphRequest {
        self.request(
            Method::Get,
            "me/accounts",
            &[("fields", "id,name,access_token,tasks")],
            None,
        )
    }

    /// `GET /{page}/subscribed_apps`.
    pub fn subscribed_apps(&self) -> GraphRequest {
        self.request(
            Method::Get,
            &format!("{}/subscribed_apps", self.page_id),
            &[],
            None,
        )
    }

    /// `POST /{page}/subscribed_apps` with `subscribed_fields` (msgrkit's list by default).
    pub fn subscribe(&self, fields: Option<&[&str]>) -> GraphRequest {
        let fields = fields.unwrap_or(SUBSCRIPTION_FIELDS).join(",");
        let body = Body::json(&json!({ "subscribed_fields": fields }));
        self.request(
            Method::Post,
            &format!("{}/subscribed_apps", self.page_id),
            &[],
            Some(body),
        )
    }

    /// `GET /me/permissions`.
    pub fn permissions(&self) -> GraphRequest {
        self.request(Method::Get, "me/permissions", &[], None)
    }

    /// `GET /me?fields=id,name`: whose token this is.
    pub fn me(&self) -> GraphRequest {
        self.request(Method::Get, "me", &[("fields", "id,name")], None)
    }

    /// `debug_token` for `input_token`, authorised by this configuration's (app) token.
    /// The inspected token goes in a form body (`method=GET`), so it never enters a URL.
    pub fn debug_token(&self, input_token: &str) -> GraphRequest {
        let body = Body::form(&[("method", "GET"), ("input_token", input_token)]);
        self.request(Method::Post, "debug_token", &[], Some(body))
    }

    /// A Graph batch of up to 50 requests; `appsecret_proof` is added to every item.
    ///
    /// # Errors
    ///
    /// `limit_exceeded` (field `batch`) beyond 50 items, `required` for an empty batch.
    pub fn batch(&self, items: &[BatchItem]) -> Result<GraphRequest> {
        if items.is_empty() {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: "a batch needs at least one request".to_owned(),
                },
                "batch",
            ));
        }
        if items.len() > GRAPH_BATCH_MAX {
            return Err(Error::at(
                ErrorKind::LimitExceeded {
                    max: GRAPH_BATCH_MAX,
                    actual: items.len(),
                },
                "batch",
            ));
        }
        let proof = self.appsecret_proof();
        // Keys in Meta's documented order (method, relative_url, body); body pairs sorted.
        #[derive(Serialize)]
        struct Entry<'a> {
            method: &'a str,
            relative_url: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            body: Option<String>,
        }
        let batch: Vec<Entry<'_>> = items
            .iter()
            .map(|item| {
                let mut relative_url = item.relative_url.trim_start_matches('/').to_owned();
                if let Some(proof) = &proof {
                    relative_url.push(if relative_url.contains('?') { '&' } else { '?' });
                    relative_url.push_str("appsecret_proof=");
                    relative_url.push_str(proof);
                }
                Entry {
                    method: item.method.as_str(),
                    relative_url,
                    body: item.body.as_ref().map(form_of),
                }
            })
            .collect();
        let batch = serde_json::to_string(&batch).expect("batch entries serialise");
        let body = Body::form(&[("batch", batch.as_str()), ("include_headers", "false")]);
        let mut request = self.request(Method::Post, "", &[], Some(body));
        request.url = request.url.replacen(
            &format!("/{}/", self.version),
            &format!("/{}", self.version),
            1,
        );
        Ok(request)
    }
}

/// A batch item's body is a form string; nested values travel as JSON text.
fn form_of(body: &serde_json::Value) -> String {
    let Some(object) = body.as_object() else {
        return body.to_string();
    };
    let pairs: Vec<String> = object
        .iter()
        .map(|(key, value)| {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("{}={}", super::encode(key), super::encode(&text))
        })
        .collect();
    pairs.join("&")
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
