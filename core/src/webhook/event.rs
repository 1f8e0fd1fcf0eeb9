//! One normalised webhook event: a common envelope plus a typed payload.
//!
//! The JSON form, identical in every language, is the envelope (`type`, `platform`,
//! `page_id`, `sender`, `recipient`, `timestamp`, `standby`, `dedupe_key`,
//! `conversation_key`) plus one
//! payload object under the key named by `type`, for example `event["reaction"]`.

use std::sync::Arc;

use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::feedback::Feedback;
use super::message::MessagePayload;
use super::message::Referral;
use super::payloads::{
    AccountLinking, AppRoles, Comment, Delivery, GamePlay, MessageEdit, Optin, PolicyEnforcement,
    Postback, Reaction, Read, RequestThreadControl, ThreadControl, Unknown,
};
use super::wire;

/// Which product the event came from, by the notification's `object`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Platform {
    /// `object: "page"`.
    Messenger,
    /// `object: "instagram"`.
    Instagram,
    /// Any other `object` (for example `whatsapp_business_account` on a shared endpoint).
    Other,
}

impl Platform {
    /// The platform of a notification's `object`.
    pub fn from_object(object: &str) -> Self {
        match object {
            "page" => Self::Messenger,
            "instagram" => Self::Instagram,
            _ => Self::Other,
        }
    }
}

/// A sender or recipient: a page-scoped ID, or a `user_ref` from a plugin.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Party {
    /// PSID, IGSID or Page ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Checkbox / chat plugin reference, when there is no ID yet.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_ref: Option<String>,
}

impl Party {
    /// A party known by its ID.
    pub fn id(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            user_ref: None,
        }
    }

    /// The ID, or else the `user_ref`.
    pub fn key(&self) -> Option<&str> {
        self.id.as_deref().or(self.user_ref.as_deref())
    }
}

/// A typed webhook event.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// Messenger or Instagram.
    pub platform: Platform,
    /// The entry's ID: the Page (or Instagram professional account) it was sent to.
    /// Shared by all events of one entry.
    pub page_id: Option<Arc<str>>,
    /// Who acted; absent for `policy_enforcement`.
    pub sender: Option<Party>,
    /// Who was addressed.
    pub recipient: Option<Party>,
    /// Epoch milliseconds (seconds are converted); the entry's `time` when the event has none.
    pub timestamp: Option<i64>,
    /// True when it arrived in `standby` (another app owns the thread).
    pub standby: bool,
    /// A key that is equal for redeliveries of the same event; see [`Event::dedupe_key`].
    pub dedupe_key: String,
    /// What happened.
    pub kind: EventKind,
}

/// What an event is about, with its payload (boxed, so events stay small to move).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum EventKind {
    /// A message from a person.
    Message(Box<MessagePayload>),
    /// An echo of a message the Page sent (by any app, or by a person in Page Inbox).
    Echo(Box<MessagePayload>),
    /// A person unsent a message (Instagram's `is_deleted: true`); Meta's App Review checks
    /// that hosts remove it. The payload is the message as Meta sent it (its `mid`).
    MessageDeleted(Box<MessagePayload>),
    /// Messages were delivered.
    Delivery(Box<Delivery>),
    /// Messages were read.
    Read(Box<Read>),
    /// A postback button, Get Started, menu item or ice breaker was tapped.
    Postback(Box<Postback>),
    /// A plugin or notification-messages opt-in.
    Optin(Box<Optin>),
    /// An existing thread was re-entered from a link, an ad or a plugin.
    Referral(Box<Referral>),
    /// A reaction was added or removed.
    Reaction(Box<Reaction>),
    /// A message was edited.
    MessageEdit(Box<MessageEdit>),
    /// An account was linked or unlinked.
    AccountLinking(Box<AccountLinking>),
    /// Thread control was passed to this app.
    PassThreadControl(Box<ThreadControl>),
    /// Thread control was taken from this app.
    TakeThreadControl(Box<ThreadControl>),
    /// Another app asks for thread control.
    RequestThreadControl(Box<RequestThreadControl>),
    /// App roles on the Page changed.
    AppRoles(AppRoles),
    /// Meta enforced its messaging policy on the Page.
    PolicyEnforcement(Box<PolicyEnforcement>),
    /// Answers to a customer feedback survey.
    Feedback(Box<Feedback>),
    /// An Instant Game was played.
    GamePlay(Box<GamePlay>),
    /// A comment on a Page post or Instagram media.
    Comment(Box<Comment>),
    /// Anything this version does not model, with its raw JSON.
    Unknown(Unknown),
}

/// Runs `$body` with `$p` bound to the payload, whatever its type.
macro_rules! each_payload {
    ($kind:expr, $p:ident => $body:expr) => {
        match $kind {
            EventKind::Message($p) | EventKind::Echo($p) | EventKind::MessageDeleted($p) => $body,
            EventKind::Delivery($p) => $body,
            EventKind::Read($p) => $body,
            EventKind::Postback($p) => $body,
            EventKind::Optin($p) => $body,
            EventKind::Referral($p) => $body,
            EventKind::Reaction($p) => $body,
            EventKind::MessageEdit($p) => $body,
            EventKind::AccountLinking($p) => $body,
            EventKind::PassThreadControl($p) | EventKind::TakeThreadControl($p) => $body,
            EventKind::RequestThreadControl($p) => $body,
            EventKind::AppRoles($p) => $body,
            EventKind::PolicyEnforcement($p) => $body,
            EventKind::Feedback($p) => $body,
            EventKind::GamePlay($p) => $body,
            EventKind::Comment($p) => $body,
            EventKind::Unknown($p) => $body,
        }
    };
}

impl EventKind {
    /// The snake_case name used as `type` in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Message(_) => "message",
            Self::Echo(_) => "echo",
            Self::MessageDeleted(_) => "message_deleted",
            Self::Delivery(_) => "delivery",
            Self::Read(_) => "read",
            Self::Postback(_) => "postback",
            Self::Optin(_) => "optin",
            Self::Referral(_) => "referral",
            Self::Reaction(_) => "reaction",
            Self::MessageEdit(_) => "message_edit",
            Self::AccountLinking(_) => "account_linking",
            Self::PassThreadControl(_) => "pass_thread_control",
            Self::TakeThreadControl(_) => "take_thread_control",
            Self::RequestThreadControl(_) => "request_thread_control",
            Self::AppRoles(_) => "app_roles",
            Self::PolicyEnforcement(_) => "policy_enforcement",
            Self::Feedback(_) => "feedback",
            Self::GamePlay(_) => "game_play",
            Self::Comment(_) => "comment",
            Self::Unknown(_) => "unknown",
        }
    }

    /// The payload in its JSON form.
    pub fn payload_json(&self) -> Value {
        // Every payload is plain data with string keys, so this cannot fail.
        each_payload!(self, p => serde_json::to_value(p)).expect("payloads serialise to json")
    }

    /// Rebuilds a kind from its `type` name and payload JSON (the inverse of the two above).
    pub fn from_parts(name: &str, payload: Value) -> Result<Self, serde_json::Error> {
        use serde_json::from_value as of;
        Ok(match name {
            "message" => Self::Message(of(payload)?),
            "echo" => Self::Echo(of(payload)?),
            "message_deleted" => Self::MessageDeleted(of(payload)?),
            "delivery" => Self::Delivery(of(payload)?),
            "read" => Self::Read(of(payload)?),
            "postback" => Self::Postback(of(payload)?),
            "optin" => Self::Optin(of(payload)?),
            "referral" => Self::Referral(of(payload)?),
            "reaction" => Self::Reaction(of(payload)?),
            "message_edit" => Self::MessageEdit(of(payload)?),
            "account_linking" => Self::AccountLinking(of(payload)?),
            "pass_thread_control" => Self::PassThreadControl(of(payload)?),
            "take_thread_control" => Self::TakeThreadControl(of(payload)?),
            "request_thread_control" => Self::RequestThreadControl(of(payload)?),
            "app_roles" => Self::AppRoles(of(payload)?),
            "policy_enforcement" => Self::PolicyEnforcement(of(payload)?),
            "feedback" => Self::Feedback(of(payload)?),
            "game_play" => Self::GamePlay(of(payload)?),
            "comment" => Self::Comment(of(payload)?),
            "unknown" => Self::Unknown(of(payload)?),
            other => {
                return Err(serde_json::Error::custom(format_args!(
                    "unknown event type `{other}`"
                )));
            }
        })
    }
}

/// An event's `type`: written as a unit variant, which is a JSON string like any other but
/// lets serializers that keep variant names (the Python binding's) make it once.
struct TypeName(&'static str);

impl Serialize for TypeName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("EventType", 0, self.0)
    }
}

/// A struct to serde (every key is a `&'static str`, the payload's too), so serializers
/// that cache field names by address (the Python binding's) build events faster.
impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut event = serializer.serialize_struct("Event", 10)?;
        event.serialize_field("type", &TypeName(self.kind.name()))?;
        event.serialize_field("platform", &self.platform)?;
        event.serialize_field("page_id", &self.page_id)?;
        event.serialize_field("sender", &self.sender)?;
        event.serialize_field("recipient", &self.recipient)?;
        event.serialize_field("timestamp", &self.timestamp)?;
        event.serialize_field("standby", &self.standby)?;
        event.serialize_field("dedupe_key", &self.dedupe_key)?;
        event.serialize_field("conversation_key", &self.conversation_key())?;
        let name = self.kind.name();
        each_payload!(&self.kind, p => event.serialize_field(name, p))?;
        event.end()
    }
}

/// Reads the normalised form back (for hosts that queue events as JSON).
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Repr {
            #[serde(rename = "type")]
            kind: String,
            platform: Platform,
            #[serde(default)]
            page_id: Option<Arc<str>>,
            #[serde(default)]
            sender: Option<Party>,
            #[serde(default)]
            recipient: Option<Party>,
            #[serde(default)]
            timestamp: Option<i64>,
            #[serde(default)]
            standby: bool,
            #[serde(default)]
            dedupe_key: Option<String>,
            // Derived from the other fields; read and dropped.
            #[serde(default, rename = "conversation_key")]
            _conversation_key: Option<String>,
            #[serde(flatten)]
            rest: Map<String, Value>,
        }
        let mut repr = Repr::deserialize(deserializer)?;
        let payload = repr
            .rest
            .remove(&repr.kind)
            .unwrap_or(Value::Object(Map::new()));
        let kind = EventKind::from_parts(&repr.kind, payload).map_err(D::Error::custom)?;
        let mut event = Self {
            platform: repr.platform,
            page_id: repr.page_id,
            sender: repr.sender,
            recipient: repr.recipient,
            timestamp: repr.timestamp,
            standby: repr.standby,
            dedupe_key: String::new(),
            kind,
        };
        event.dedupe_key = match repr.dedupe_key {
            Some(key) => key,
            None => super::helpers::dedupe_key(&event),
        };
        Ok(event)
    }
}
