//! `JsonSchema` for the types whose serde form is written by hand: each schema says what
//! that hand-written `Serialize` / `Deserialize` produces or accepts.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::api::options::AsOf;
use crate::graph::GraphRequest;
use crate::limits::{Date, Region};
use crate::webhook::{self, AttachmentKind, Event, Party, Platform};

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        if generator.contract().is_deserialize() {
            // `Date::from_str` also reads an instant with its offset, as its UTC date.
            return json_schema!({
                "description": "A day, `YYYY-MM-DD`, or an RFC 3339 instant with its offset, \
                                meaning its UTC date.",
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}($|T)",
            });
        }
        json_schema!({
            "description": "A day, `YYYY-MM-DD`.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}

impl JsonSchema for AsOf {
    fn schema_name() -> Cow<'static, str> {
        "AsOf".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A day: `YYYY-MM-DD`, an RFC 3339 instant with its offset, or \
                            epoch milliseconds; an instant means its UTC date.",
            "type": ["string", "integer"],
        })
    }
}

impl JsonSchema for Region {
    fn schema_name() -> Cow<'static, str> {
        "Region".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 3166-1 alpha-2 country code, or `EU` (`UK` reads as `GB`).",
            "type": "string",
            "pattern": "^[A-Za-z]{2}$",
        })
    }
}

impl JsonSchema for AttachmentKind {
    fn schema_name() -> Cow<'static, str> {
        "AttachmentKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "`image`, `video`, `audio`, `file`, `location`, `fallback`, \
                            `sticker`, `template`, `share`, `story_mention`, `reel`, `ig_reel`, \
                            `post`, `ig_post`, or any newer type, kept as received.",
            "type": "string",
        })
    }
}

impl JsonSchema for GraphRequest {
    fn schema_name() -> Cow<'static, str> {
        "GraphRequest".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let method = generator.subschema_for::<crate::graph::Method>();
        json_schema!({
            "description": "An HTTP request to the Graph API as data; a JSON body appears as \
                            JSON, any other body as text.",
            "type": "object",
            "properties": {
                "method": method,
                "url": {"type": "string"},
                "headers": {
                    "type": "array",
                    "items": {
                        "type": "array",
                        "prefixItems": [{"type": "string"}, {"type": "string"}],
                        "minItems": 2,
                        "maxItems": 2,
                    },
                },
                "body": true,
            },
            "required": ["method", "url", "headers", "body"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for crate::Error {
    fn schema_name() -> Cow<'static, str> {
        "Error".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let violations = generator.subschema_for::<Vec<crate::limits::Violation>>();
        let graph = generator.subschema_for::<crate::graph::GraphError>();
        json_schema!({
            "description": "An error as every binding returns it; `violations` with \
                            `validation_failed`, `graph` with a Graph API error.",
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "field": {"type": ["string", "null"]},
                "message": {"type": "string"},
                "violations": violations,
                "graph": graph,
            },
            "required": ["code", "field", "message"],
            "additionalProperties": false,
        })
    }
}

/// The payload schema of each event `type` (the key it sits under is the same name).
fn payloads(generator: &mut SchemaGenerator) -> Vec<(&'static str, Schema)> {
    use webhook::{
        AccountLinking, AppRoles, Comment, Delivery, Feedback, GamePlay, MessageEdit,
        MessagePayload, Optin, PolicyEnforcement, Postback, Reaction, Read, Referral,
        RequestThreadControl, ThreadControl, Unknown,
    };
    let message = generator.subschema_for::<MessagePayload>();
    let control = generator.subschema_for::<ThreadControl>();
    vec![
        ("message", message.clone()),
        ("echo", message.clone()),
        ("message_deleted", message),
        ("delivery", generator.subschema_for::<Delivery>()),
        ("read", generator.subschema_for::<Read>()),
        ("postback", generator.subschema_for::<Postback>()),
        ("optin", generator.subschema_for::<Optin>()),
        ("referral", generator.subschema_for::<Referral>()),
        ("reaction", generator.subschema_for::<Reaction>()),
        ("message_edit", generator.subschema_for::<MessageEdit>()),
        (
            "account_linking",
            generator.subschema_for::<AccountLinking>(),
        ),
        ("pass_thread_control", control.clone()),
        ("take_thread_control", control),
        (
            "request_thread_control",
            generator.subschema_for::<RequestThreadControl>(),
        ),
        ("app_roles", generator.subschema_for::<AppRoles>()),
        (
            "policy_enforcement",
            generator.subschema_for::<PolicyEnforcement>(),
        ),
        ("feedback", generator.subschema_for::<Feedback>()),
        ("game_play", generator.subschema_for::<GamePlay>()),
        ("comment", generator.subschema_for::<Comment>()),
        ("unknown", generator.subschema_for::<Unknown>()),
    ]
}

/// One event: the envelope every event has, plus its payload under the key named by
/// `type`. Every envelope key is always written (`null` when unknown).
impl JsonSchema for Event {
    fn schema_name() -> Cow<'static, str> {
        "Event".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let platform = generator.subschema_for::<Platform>();
        let party = generator.subschema_for::<Option<Party>>().to_value();
        let envelope = [
            ("platform", platform.to_value()),
            (
                "page_id",
                json_schema!({"type": ["string", "null"]}).to_value(),
            ),
            ("sender", party.clone()),
            ("recipient", party),
            (
                "timestamp",
                json_schema!({"type": ["integer", "null"]}).to_value(),
            ),
            ("standby", json_schema!({"type": "boolean"}).to_value()),
            ("dedupe_key", json_schema!({"type": "string"}).to_value()),
            (
                "conversation_key",
                json_schema!({"type": "string"}).to_value(),
            ),
        ];
        let variants: Vec<Value> = payloads(generator)
            .into_iter()
            .map(|(name, payload)| {
                let mut properties = serde_json::Map::new();
                properties.insert("type".to_owned(), serde_json::json!({"const": name}));
                for (key, schema) in &envelope {
                    properties.insert((*key).to_owned(), schema.clone());
                }
                properties.insert(name.to_owned(), payload.to_value());
                let required: Vec<&str> = properties.keys().map(String::as_str).collect();
                serde_json::json!({
                    "title": name,
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false,
                })
            })
            .collect();
        json_schema!({
            "description": "A webhook event: the envelope, and the payload under the key \
                            named by `type`.",
            "oneOf": variants,
        })
    }
}
