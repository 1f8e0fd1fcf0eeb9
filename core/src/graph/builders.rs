//! One builder per Graph endpoint msgrkit covers. Each returns the request as data.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Body, Graph, GraphRequest, Login, Method};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::{GRAPH_BATCH_MAX, Product as Platform};
use crate::send::{MessengerProfile, ReactionPayload, Recipient, SendRequest, SenderAction};

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

/// Fields of an Instagram account's subscription (Instagram Login): Instagram has no
/// `message_echoes` or handover fields, and names reads and referrals its own way.
pub const INSTAGRAM_SUBSCRIPTION_FIELDS: &[&str] = &[
    "messages",
    "messaging_postbacks",
    "messaging_referral",
    "messaging_seen",
    "message_reactions",
];

/// The Messenger Profile fields an Instagram account has.
pub const INSTAGRAM_PROFILE_FIELDS: &[&str] = &["ice_breakers", "persistent_menu"];

/// One item of a Graph batch request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    ///
    /// # Errors
    ///
    /// `unsupported` (field `fields[i]`) with Instagram Login for a field Instagram lacks.
    pub fn profile_get(&self, fields: &[&str], platform: Platform) -> Result<GraphRequest> {
        self.instagram_fields(fields.iter().copied(), "fields")?;
        let fields = fields.join(",");
        let mut query = vec![("fields", fields.as_str())];
        if platform == Platform::Instagram {
            query.push(("platform", "instagram"));
        }
        Ok(self.request(
            Method::Get,
            &format!("{}/messenger_profile", self.page_id),
            &query,
            None,
        ))
    }

    /// `POST /{page}/messenger_profile`.
    ///
    /// # Errors
    ///
    /// `unsupported` (field `profile.<name>`) with Instagram Login for a field Instagram lacks.
    pub fn profile_set(
        &self,
        profile: &MessengerProfile,
        platform: Platform,
    ) -> Result<GraphRequest> {
        let set = serde_json::to_value(profile).expect("profiles serialise");
        let names = set.as_object().into_iter().flat_map(|o| o.keys());
        self.instagram_fields(names.map(String::as_str), "profile")?;
        let query: &[(&str, &str)] = if platform == Platform::Instagram {
            &[("platform", "instagram")]
        } else {
            &[]
        };
        Ok(self.request(
            Method::Post,
            &format!("{}/messenger_profile", self.page_id),
            query,
            Some(Body::json(profile)),
        ))
    }

    /// `DELETE /{page}/messenger_profile` with `{"fields": [...]}`.
    ///
    /// # Errors
    ///
    /// As [`Graph::profile_get`].
    pub fn profile_delete(&self, fields: &[&str], platform: Platform) -> Result<GraphRequest> {
        self.instagram_fields(fields.iter().copied(), "fields")?;
        let query: &[(&str, &str)] = if platform == Platform::Instagram {
            &[("platform", "instagram")]
        } else {
            &[]
        };
        let body = Body::json(&json!({ "fields": fields }));
        Ok(self.request(
            Method::Delete,
            &format!("{}/messenger_profile", self.page_id),
            query,
            Some(body),
        ))
    }

    /// With Instagram Login, refuses a Messenger Profile field Instagram does not have.
    fn instagram_fields<'f>(
        &self,
        names: impl Iterator<Item = &'f str>,
        field: &str,
    ) -> Result<()> {
        if self.login != Login::Instagram {
            return Ok(());
        }
        for (index, name) in names.enumerate() {
            if !INSTAGRAM_PROFILE_FIELDS.contains(&name) {
                let at = if field == "profile" {
                    format!("profile.{name}")
                } else {
                    format!("{field}[{index}]")
                };
                return Err(Error::at(
                    ErrorKind::Unsupported {
                        detail: format!("instagram accounts have no `{name}` profile field"),
                    },
                    at,
                ));
            }
        }
        Ok(())
    }

    /// `GET /{psid}?fields=...` (by default the fields that need no extra review).
    pub fn user_profile(&self, psid: &str, fields: Option<&[&str]>) -> GraphRequest {
        let fields = fields.unwrap_or(DEFAULT_PROFILE_FIELDS).join(",");
        self.request(Method::Get, psid, &[("fields", fields.as_str())], None)
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

    /// `POST /{page}/subscribed_apps` with `subscribed_fields` (msgrkit's list by default:
    /// [`SUBSCRIPTION_FIELDS`], or [`INSTAGRAM_SUBSCRIPTION_FIELDS`] with Instagram Login).
    pub fn subscribe(&self, fields: Option<&[&str]>) -> GraphRequest {
        let fields = fields.unwrap_or(self.subscription_fields()).join(",");
        let body = Body::json(&json!({ "subscribed_fields": fields }));
        self.request(
            Method::Post,
            &format!("{}/subscribed_apps", self.page_id),
            &[],
            Some(body),
        )
    }

    /// The webhook fields msgrkit's parser expects for this configuration's login.
    pub fn subscription_fields(&self) -> &'static [&'static str] {
        match self.login {
            Login::Instagram => INSTAGRAM_SUBSCRIPTION_FIELDS,
            _ => SUBSCRIPTION_FIELDS,
        }
    }

    /// `GET /me/permissions`.
    pub fn permissions(&self) -> GraphRequest {
        self.request(Method::Get, "me/permissions", &[], None)
    }

    /// `GET /me?fields=id,name`: whose token this is.
    pub fn me(&self) -> GraphRequest {
        self.request(Method::Get, "me", &[("fields", "id,name")], None)
    }

    /// `GET /debug_token?input_token=...`, authorised by this configuration's (app) token,
    /// as Meta documents it. Graph v27.0 forbids new apps the old POST with `method=GET`,
    /// so the inspected token is in the URL: every `Debug` of the request and every error
    /// text redacts its value (see [`super::redact`]); log the request only through them.
    pub fn debug_token(&self, input_token: &str) -> GraphRequest {
        self.request(
            Method::Get,
            "debug_token",
            &[("input_token", input_token)],
            None,
        )
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
