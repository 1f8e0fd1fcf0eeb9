//! A Graph call as data: one variant per builder, with its arguments, so a misspelt
//! argument is refused at its field like any option, and the JSON Schema lists every call
//! with its arguments. (Externally tagged: serde tracks the path of an error through it,
//! which it does not through a tag-and-content pair.)

use serde::Deserialize;

use super::{BatchItem, Graph, GraphRequest, ThreadControl};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Product;
use crate::send::{MessengerProfile, PersistentMenu, SendRequest, SenderAction};

/// One Graph API call with its arguments, keyed by the call's name:
/// `{"user_profile": {"psid": ...}}` (the bindings take the name and the arguments apart).
/// Every `platform` is `messenger` (the default) or `instagram`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[allow(missing_docs)] // each variant is the builder of the same name on `Graph`
pub enum GraphCall {
    Send {
        request: Box<SendRequest>,
    },
    SenderAction {
        psid: String,
        action: SenderAction,
    },
    React {
        psid: String,
        message_id: String,
        #[serde(default)]
        emoji: Option<String>,
    },
    UploadUrl {
        #[serde(rename = "type")]
        kind: String,
        url: String,
        #[serde(default)]
        platform: Option<Product>,
    },
    /// `data` is the file's content as text.
    UploadBytes {
        #[serde(rename = "type")]
        kind: String,
        filename: String,
        mime: String,
        data: String,
        #[serde(default)]
        platform: Option<Product>,
    },
    ProfileGet {
        #[serde(default)]
        fields: Vec<String>,
        #[serde(default)]
        platform: Option<Product>,
    },
    ProfileSet {
        profile: Box<MessengerProfile>,
        #[serde(default)]
        platform: Option<Product>,
    },
    ProfileDelete {
        #[serde(default)]
        fields: Vec<String>,
        #[serde(default)]
        platform: Option<Product>,
    },
    UserMenuSet {
        psid: String,
        menu: Vec<PersistentMenu>,
    },
    UserMenuGet {
        psid: String,
    },
    UserMenuDelete {
        psid: String,
    },
    ThreadControl {
        call: ThreadControl,
        psid: String,
        #[serde(default)]
        target_app_id: Option<String>,
        #[serde(default)]
        metadata: Option<String>,
    },
    ThreadOwner {
        psid: String,
    },
    SecondaryReceivers {},
    UserProfile {
        psid: String,
        #[serde(default)]
        fields: Option<Vec<String>>,
    },
    PersonaCreate {
        name: String,
        profile_picture_url: String,
    },
    Personas {},
    PersonaDelete {
        persona_id: String,
    },
    Accounts {},
    SubscribedApps {},
    Subscribe {
        #[serde(default)]
        fields: Option<Vec<String>>,
    },
    Permissions {},
    Me {},
    DebugToken {
        input_token: String,
    },
    Batch {
        items: Vec<BatchItem>,
    },
}

impl GraphCall {
    /// The request this call makes with `graph`'s configuration.
    ///
    /// # Errors
    ///
    /// The builder's own: `unsupported` (field `call`) for a Page-only call under
    /// Instagram Login, `validation_failed` for an upload Meta would refuse (fields
    /// `args.<name>`), the batch's and the profile's checks.
    pub fn request(&self, graph: &Graph) -> Result<GraphRequest> {
        let platform = |platform: &Option<Product>| platform.unwrap_or_default();
        Ok(match self {
            Self::Send { request } => graph.send(request),
            Self::SenderAction { psid, action } => graph.sender_action(psid, action.clone()),
            Self::React {
                psid,
                message_id,
                emoji,
            } => graph.react(psid, message_id, emoji.as_deref()),
            Self::UploadUrl {
                kind,
                url,
                platform: p,
            } => graph.upload_url(kind, url, platform(p)),
            Self::UploadBytes {
                kind,
                filename,
                mime,
                data,
                platform: p,
            } => {
                let profile = crate::limits::Platform::latest().for_product(platform(p));
                let mut violations =
                    crate::limits::validate_upload(kind, mime, data.len(), &profile);
                if !violations.is_empty() {
                    for violation in &mut violations {
                        violation.field = format!("args.{}", violation.field);
                    }
                    return Err(Error::new(ErrorKind::ValidationFailed { violations }));
                }
                graph.upload_bytes(kind, filename, mime, data.as_bytes())
            }
            Self::ProfileGet {
                fields,
                platform: p,
            } => graph.profile_get(&refs(fields), platform(p))?,
            Self::ProfileSet {
                profile,
                platform: p,
            } => graph.profile_set(profile, platform(p))?,
            Self::ProfileDelete {
                fields,
                platform: p,
            } => graph.profile_delete(&refs(fields), platform(p))?,
            Self::UserMenuSet { psid, menu } => {
                graph.page_only("user_menu_set")?;
                graph.user_menu_set(psid, menu)?
            }
            Self::UserMenuGet { psid } => {
                graph.page_only("user_menu_get")?;
                graph.user_menu_get(psid)?
            }
            Self::UserMenuDelete { psid } => {
                graph.page_only("user_menu_delete")?;
                graph.user_menu_delete(psid)?
            }
            Self::ThreadControl {
                call,
                psid,
                target_app_id,
                metadata,
            } => {
                graph.page_only("thread_control")?;
                graph.thread_control(*call, psid, target_app_id.as_deref(), metadata.as_deref())?
            }
            Self::ThreadOwner { psid } => {
                graph.page_only("thread_owner")?;
                graph.thread_owner(psid)?
            }
            Self::SecondaryReceivers {} => graph.secondary_receivers()?,
            Self::UserProfile { psid, fields } => {
                graph.user_profile(psid, fields.as_deref().map(refs).as_deref())
            }
            Self::PersonaCreate {
                name,
                profile_picture_url,
            } => {
                graph.page_only("persona_create")?;
                graph.persona_create(name, profile_picture_url)?
            }
            Self::Personas {} => graph.personas()?,
            Self::PersonaDelete { persona_id } => {
                graph.page_only("persona_delete")?;
                graph.persona_delete(persona_id)?
            }
            Self::Accounts {} => graph.accounts()?,
            Self::SubscribedApps {} => graph.subscribed_apps(),
            Self::Subscribe { fields } => graph.subscribe(fields.as_deref().map(refs).as_deref()),
            Self::Permissions {} => graph.permissions(),
            Self::Me {} => graph.me(),
            Self::DebugToken { input_token } => graph.debug_token(input_token),
            Self::Batch { items } => graph.batch(items)?,
        })
    }
}

fn refs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}
