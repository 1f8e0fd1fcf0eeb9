//! The JSON Schema of the core's inputs and outputs (feature `schema`), generated from
//! the Rust types with `schemars`. Committed as `schema/outputs.schema.json` and
//! `schema/inputs.schema.json`; the test command fails when they drift from the types,
//! checks the Python and TypeScript host types against them, and validates every
//! vector's expected output against them.
//!
//! Outputs are described as the core serialises them (a field skipped when absent is
//! optional), inputs as it reads them (a field with a default is optional).

use schemars::generate::{Contract, SchemaSettings};
use schemars::transform::RecursiveTransform;
use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

pub(crate) mod foreign;

use crate::{api, codes, compose, dialect, emit, graph, inbound, limits, link, policy, signature};
use crate::{record, send, webhook};

/// Adds each listed type's schema to `$defs` under a root name (a host type's name).
macro_rules! roots {
    ($generator:expr, $($name:literal => $ty:ty),* $(,)?) => {{
        let mut roots = Map::new();
        $( roots.insert($name.to_owned(), $generator.subschema_for::<$ty>().to_value()); )*
        roots
    }};
}

/// Every value the core returns to a host, by the name the host types give it.
pub fn outputs() -> Value {
    let mut generator = generator(Contract::Serialize);
    let roots = roots!(generator,
        "Notification" => webhook::Notification,
        "Event" => webhook::Event,
        "EventError" => webhook::EventError,
        "EntryWarning" => webhook::EntryWarning,
        "Received" => webhook::Received,
        "Verified" => signature::Verified,
        "HandshakeAnswer" => webhook::HandshakeAnswer,
        "Violation" => limits::Violation,
        "Decision" => policy::Decision,
        "Refusal" => policy::Refusal,
        "PolicyAnswer" => api::Refusable<policy::Decision>,
        "Composed" => compose::Composed,
        "MenuComposed" => compose::ComposedProfile,
        "TranscodeWarning" => compose::Warning,
        "Transcoded" => dialect::Transcoded,
        "PreparedSend" => api::PreparedSend,
        "PrepareAnswer" => api::Refusable<api::PreparedSend>,
        "SendRequest" => send::SendRequest,
        "GraphRequest" => graph::GraphRequest,
        "GraphError" => graph::GraphError,
        "SendResponse" => graph::SendResponse,
        "UserProfile" => graph::UserProfile,
        "Usage" => graph::Usage,
        "UsageReport" => graph::UsageReport,
        "ClassifiedResponse" => graph::ClassifiedResponse,
        "ProfileAnswer" => graph::ProfileAnswer,
        "Algorithm" => signature::Algorithm,
        "Finding" => graph::Finding,
        "ChatLinkParts" => link::ChatLink,
        "Emitted" => emit::Emitted,
        "Callback" => emit::Callback,
        "EmitWarning" => emit::EmitWarning,
        "Inbound" => inbound::Inbound,
        "Error" => crate::Error,
        "CodeEntry" => codes::CodeEntry,
        "Recorded" => record::Recorded,
        "VersionStatus" => limits::VersionStatus,
        "SendEngineAnswer" => api::SendEngineAnswer,
        "ClientPlan" => api::ClientPlan,
        "ClientResult" => api::ClientResult,
    );
    document("outputs", roots, generator)
}

/// Every value a host hands the core as structured input, by its host type's name.
pub fn inputs() -> Value {
    let mut generator = generator(Contract::Deserialize);
    let roots = roots!(generator,
        "Message" => compose::Message,
        "Menu" => compose::Menu,
        "ComposeOptions" => compose::ComposeOptions,
        "ProfileOptions" => api::options::ProfileOptions,
        "SendInput" => api::SendInput,
        "PolicyInput" => policy::PolicyInput,
        "PrivateReplyInput" => api::PrivateReplyInput,
        "SendRequest" => send::SendRequest,
        "ChatLink" => link::ChatLink,
        "EmitConfig" => emit::EmitConfig,
        "SentMessage" => webhook::SentMessage,
        "DiagnoseInput" => api::DiagnoseInput,
        "GraphConfig" => graph::GraphConfig,
        "ClientConfig" => api::ClientConfig,
        "GraphCall" => graph::GraphCall,
        "DeliveryFacts" => record::DeliveryFacts,
        "VersionStatusInput" => api::VersionStatusInput,
        "SendEngineInput" => api::SendEngineInput,
        "ClientPlanInput" => api::ClientPlanInput,
        "ClientFinishInput" => api::ClientFinishInput,
    );
    document("inputs", roots, generator)
}

fn generator(contract: Contract) -> SchemaGenerator {
    let mut settings = SchemaSettings::draft2020_12();
    if matches!(contract, Contract::Serialize) {
        // What the core writes has exactly the listed keys: a host type (or a vector)
        // with another key has drifted. Types that keep unknown input say so themselves.
        settings = settings.with_transform(RecursiveTransform(close_object));
    }
    settings.contract = contract;
    SchemaGenerator::new(settings)
}

/// Closes an object schema, and drops `null` from the keys it may leave out: a key that is
/// skipped when absent (`skip_serializing_if`) is never written as `null`.
fn close_object(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if !object.contains_key("properties") {
        return;
    }
    object
        .entry("additionalProperties")
        .or_insert(Value::Bool(false));
    let required: Vec<Value> = match object.get("required") {
        Some(Value::Array(keys)) => keys.clone(),
        _ => Vec::new(),
    };
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (key, property) in properties.iter_mut() {
            if !required.contains(&Value::String(key.clone())) {
                without_null(property);
            }
        }
    }
}

/// `{"type": [T, "null"]}` as `{"type": T}`; `{"anyOf": [S, {"type": "null"}]}` as `S`
/// (keeping its description).
fn without_null(property: &mut Value) {
    let Some(object) = property.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types[0].clone();
            object.insert("type".to_owned(), only);
        }
        return;
    }
    let null = json!({"type": "null"});
    if let Some(Value::Array(any)) = object.get("anyOf")
        && any.len() == 2
        && any.contains(&null)
    {
        let kept = any.iter().find(|s| **s != null).cloned();
        object.remove("anyOf");
        if let Some(Value::Object(kept)) = kept {
            for (key, value) in kept {
                object.entry(key).or_insert(value);
            }
        }
    }
}

/// `{"$schema", "title", "roots": {name: schema}, "$defs"}`, keys sorted, so the
/// committed text changes only when a type does.
fn document(which: &str, roots: Map<String, Value>, mut generator: SchemaGenerator) -> Value {
    let defs: Map<String, Value> = generator
        .take_definitions(true)
        .into_iter()
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("msgrkit {which}, version {}", env!("CARGO_PKG_VERSION")),
        "roots": roots,
        "$defs": defs,
    })
}
