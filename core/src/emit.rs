//! Inbound transcoding: Meta's webhooks and send outcomes as the callbacks the hosted
//! services deliver (Smooch v1.1, Sunshine Conversations v2, Sinch Conversation API,
//! Linktor), so a helpdesk written against one of them can embed msgrkit instead.
//!
//! Every event of the delivery is accounted for: it becomes one or more callbacks, or a
//! warning (`no_equivalent` and the like, with the event's dedupe key); an item Meta sent
//! that did not parse stays in `errors`. IDs are derived from the Page, the person and the
//! `mid` (the same webhook always yields the same callback) unless the host passes its own.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::compose::WarningCode;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::UserProfile;
use crate::inbound;
use crate::webhook::{EventError, Notification, Platform};

mod context;
mod ids;
mod linktor;
mod outcome;
mod signing;
mod sinch;
mod smooch;
mod sunshine;

use context::{Ctx, Out};
pub use outcome::Outcome;
pub use signing::verify_callback;

/// The hosted service whose callbacks to emit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Vendor {
    /// Smooch v1.1 webhooks (`trigger`, `appUser`, `messages[]`).
    Smooch,
    /// Sunshine Conversations v2 webhooks (`{app, webhook, events[]}`).
    Sunshine,
    /// Sinch Conversation API callbacks (`message`, `message_delivery_report`, ...).
    Sinch,
    /// Linktor webhook events (`message.received`, `facebook.postback`, ...).
    Linktor,
}

impl Vendor {
    /// Every vendor's name.
    pub const NAMES: &'static [&'static str] = &["smooch", "sunshine", "sinch", "linktor"];

    /// The vendor by name.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "smooch" => Some(Self::Smooch),
            "sunshine" => Some(Self::Sunshine),
            "sinch" => Some(Self::Sinch),
            "linktor" => Some(Self::Linktor),
            _ => None,
        }
    }

    /// The account-level IDs this vendor's callbacks need, by the config's names.
    fn required(self) -> &'static [&'static str] {
        match self {
            // Real Sinch callbacks always carry `project_id`; both Sinch SDKs require it.
            Self::Sinch => &["app_id", "project_id"],
            Self::Smooch => &["app_id", "integration_id"],
            Self::Sunshine => &["app_id", "integration_id", "webhook_id"],
            Self::Linktor => &["channel_id"],
        }
    }
}

/// The emitter configuration: account IDs by each vendor's own names, how to sign, and
/// the host's own mappings when it keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EmitConfig {
    /// Sinch, Smooch and Sunshine: the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    /// Sinch: the project (its callbacks' `project_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Smooch and Sunshine: the Messenger integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// Sunshine: the webhook (the envelope's `webhook.id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_id: Option<String>,
    /// Linktor: the channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<String>,
    /// Linktor: which of its two published forms (`docs` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<LinktorForm>,
    /// Linktor's `sdk` form: the tenant (the event's `tenantId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// The webhook secret: Sinch's and Linktor's HMAC key, Smooch's and Sunshine's
    /// `X-API-Key`. Without it, callbacks carry no signature headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Sinch: the signature nonce (the first callback's; the n-th adds `-n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// Sinch and Linktor: the signature time, epoch seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// The Page's Get Started payload: a postback with it starts a conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub get_started_payload: Option<String>,
    /// The host's own IDs per person (PSID / IGSID), instead of derived ones.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub people: BTreeMap<String, PersonIds>,
    /// The host's message ID of each message it sent, by Meta's `mid`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, String>,
    /// The host's message ID that offered each postback payload: Sinch's
    /// `choice_response_message.message_id`, Smooch's `postbacks[].message._id`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub payloads: BTreeMap<String, String>,
    /// The messages sent to these people, so a delivery or read watermark can name each
    /// message it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<SentRecord>,
    /// Profiles the host fetched, by PSID, as Graph answered them (`first_name`,
    /// `last_name`, `name`, `profile_pic`, ...), for names and avatars.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profiles: BTreeMap<String, UserProfile>,
}

/// Linktor publishes its callbacks twice, differently; a receiver written against one
/// refuses the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinktorForm {
    /// Its webhooks page: the event name in `event`; `X-Linktor-Signature:
    /// sha256=<hex HMAC-SHA256(secret, timestamp "." body)>`.
    #[default]
    Docs,
    /// Its official SDKs (Python's `construct_event`): the event name in `type`, with
    /// `tenantId`; `X-Linktor-Signature: <hex HMAC-SHA256(secret, body)>`.
    Sdk,
}

/// A person's IDs as the host keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PersonIds {
    /// Sinch `contact_id`, Smooch `appUser._id`, Sunshine `user.id`, Linktor `contactId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The conversation's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
}

/// A message the host sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SentRecord {
    /// Meta's `message_id`.
    pub mid: String,
    /// When it was sent, epoch milliseconds.
    pub timestamp: i64,
    /// The recipient's PSID / IGSID (a receipt covers only its own thread's messages).
    pub recipient: String,
    /// The host's ID of the message (else `messages`, else derived from the `mid`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
}

/// One callback: the headers the vendor sends and the JSON body it POSTs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Callback {
    /// Header name (lower case) to value: `content-type` and the vendor's signature.
    pub headers: BTreeMap<String, String>,
    /// The body.
    pub body: Value,
    /// The body as the bytes to POST: the signature covers exactly these.
    pub body_text: String,
}

/// Something of an event the vendor cannot carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EmitWarning {
    /// `no_equivalent` (the whole event), `dropped` or `replaced` (a part of it).
    pub code: WarningCode,
    /// The event's position among the delivery's events.
    pub event: usize,
    /// The event's dedupe key.
    pub dedupe_key: String,
    /// The event's own field, for example `reaction` or `message.attachments[1]`.
    pub field: String,
    /// What happened, for a person.
    pub detail: String,
}

/// What a delivery became.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Emitted {
    /// The callbacks, in the order of the events.
    pub callbacks: Vec<Callback>,
    /// What could not be carried.
    pub warnings: Vec<EmitWarning>,
    /// Items of the webhook that did not parse (as [`Notification::errors`]).
    pub errors: Vec<EventError>,
}

impl EmitConfig {
    /// Checks that the vendor's account IDs are present.
    ///
    /// # Errors
    ///
    /// `required` at `config.<name>`.
    pub fn check(&self, vendor: Vendor) -> Result<()> {
        for name in vendor.required() {
            let value = match *name {
                "app_id" => &self.app_id,
                "integration_id" => &self.integration_id,
                "webhook_id" => &self.webhook_id,
                "project_id" => &self.project_id,
                _ => &self.channel_id,
            };
            if value.as_deref().is_none_or(str::is_empty) {
                return Err(Error::at(
                    ErrorKind::Required {
                        detail: format!("{vendor:?} callbacks need `{name}`").to_lowercase(),
                    },
                    format!("config.{name}"),
                ));
            }
        }
        if vendor != Vendor::Linktor && (self.form.is_some() || self.tenant_id.is_some()) {
            let detail = "`form` and `tenant_id` are Linktor's: only Linktor publishes two forms";
            let field = if self.form.is_some() {
                "config.form"
            } else {
                "config.tenant_id"
            };
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: detail.to_owned(),
                },
                field,
            ));
        }
        if self.linktor_form() == LinktorForm::Docs && self.tenant_id.is_some() {
            let detail = "`tenant_id` is carried only in linktor's sdk form (`form: sdk`)";
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: detail.to_owned(),
                },
                "config.tenant_id",
            ));
        }
        if self.linktor_form() == LinktorForm::Sdk
            && self.tenant_id.as_deref().is_none_or(str::is_empty)
        {
            let detail = "linktor's sdk form needs `tenant_id`".to_owned();
            return Err(Error::at(
                ErrorKind::Required { detail },
                "config.tenant_id",
            ));
        }
        signing::check(vendor, self)
    }

    /// The Linktor form asked for ([`LinktorForm::Docs`] when absent).
    pub fn linktor_form(&self) -> LinktorForm {
        self.form.unwrap_or_default()
    }
}

/// The callbacks of a parsed delivery.
///
/// # Errors
///
/// `required` when the config lacks an ID the vendor needs or a signing input.
pub fn emit(vendor: Vendor, notification: &Notification, config: &EmitConfig) -> Result<Emitted> {
    config.check(vendor)?;
    let inbound = inbound::from_events(&notification.events, config.get_started_payload.as_deref());
    let mut out = Out::default();
    let sent_ids = context::sent_ids(config);
    for (index, event) in inbound.iter().enumerate() {
        let ctx = Ctx::new(vendor, config, &sent_ids, event, index);
        match vendor {
            Vendor::Smooch => smooch::event(&ctx, &mut out),
            Vendor::Sunshine => sunshine::event(&ctx, &mut out),
            Vendor::Sinch => sinch::event(&ctx, &mut out),
            Vendor::Linktor => linktor::event(&ctx, &mut out),
        }
    }
    let mut emitted = finish(vendor, config, out);
    emitted.errors = notification.errors.clone();
    Ok(emitted)
}

/// The callback a send outcome becomes (accepted or failed).
///
/// # Errors
///
/// As [`emit`]; `invalid_input` for an outcome that is neither a send answer nor a Graph
/// error.
pub fn emit_outcome(vendor: Vendor, outcome: &Outcome, config: &EmitConfig) -> Result<Emitted> {
    config.check(vendor)?;
    let result = outcome.result()?;
    let event = outcome.inbound();
    let sent_ids = context::sent_ids(config);
    let ctx = Ctx::new(vendor, config, &sent_ids, &event, 0);
    let mut out = Out::default();
    match vendor {
        Vendor::Smooch => smooch::outcome(&ctx, outcome, &result, &mut out),
        Vendor::Sunshine => sunshine::outcome(&ctx, outcome, &result, &mut out),
        Vendor::Sinch => sinch::outcome(&ctx, outcome, &result, &mut out),
        Vendor::Linktor => linktor::outcome(&ctx, outcome, &result, &mut out),
    }
    Ok(finish(vendor, config, out))
}

/// Wraps the bodies (Sunshine: one envelope for the delivery) and signs each.
fn finish(vendor: Vendor, config: &EmitConfig, out: Out) -> Emitted {
    let bodies = match vendor {
        Vendor::Sunshine => sunshine::envelope(config, out.bodies),
        _ => out.bodies,
    };
    let callbacks = bodies
        .into_iter()
        .enumerate()
        .map(|(index, body)| {
            let body_text = serde_json::to_string(&body).expect("json values serialise");
            let headers = signing::headers(vendor, config, &body, &body_text, index);
            Callback {
                headers,
                body,
                body_text,
            }
        })
        .collect();
    Emitted {
        callbacks,
        warnings: out.warnings,
        errors: Vec::new(),
    }
}

/// The platform names the vendors use.
fn channel_of(platform: Platform) -> (&'static str, &'static str) {
    match platform {
        Platform::Instagram => ("instagram", "INSTAGRAM"),
        _ => ("messenger", "MESSENGER"),
    }
}

#[cfg(test)]
mod tests;
