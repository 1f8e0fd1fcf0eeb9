//! One table of the entry points: every function the core offers a host, declared once
//! with its name (the same in every language, cased by each language's rule: `msgrkit_`
//! and snake_case in C, snake_case in Python, camelCase in Node), what it answers (a root
//! of `schema/outputs.schema.json`, or a JSON kind), the failure categories it raises, and
//! one line of doc. `scripts/schema` publishes it as `schema/functions.json`; each
//! language's suite holds its surface to it (a table entry a language lacks fails as "not
//! exposed in `<language>`", and so does a function the table does not have).

use serde::Serialize;

use super::json_call::JsonCall;
use crate::error::Category;

/// One entry point.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct EntryPoint {
    /// The snake_case name.
    pub name: &'static str,
    /// One line: what it does.
    pub doc: &'static str,
    /// What it answers: a root of the outputs schema, `string`, `integer`, `null`, or a
    /// list of a root (`[Violation]`).
    pub output: &'static str,
    /// The failure categories it raises (a host's exception classes).
    pub failures: &'static [Category],
    /// Whether a policy refusal is among its answers (C answers it, Python and Node raise it).
    pub refuses: bool,
    /// In Python and Node, a method of this host class instead of a function.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method_of: Option<&'static str>,
    /// For an entry made from the table: the root of `schema/inputs.schema.json` its one
    /// argument is (an object of named values). Its wrappers in C, Python and Node are
    /// generated (`scripts/entry-points`); an entry without it has hand-written ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<&'static str>,
    /// The JSON-text form of an entry made from the table ([`super::call`]).
    #[serde(skip)]
    pub call: Option<JsonCall>,
}

use Category::{Graph, Input, Parse, Signature, Validation};

const fn entry(
    name: &'static str,
    output: &'static str,
    failures: &'static [Category],
    doc: &'static str,
) -> EntryPoint {
    EntryPoint {
        name,
        doc,
        output,
        failures,
        refuses: false,
        method_of: None,
        input: None,
        call: None,
    }
}

/// An entry made from the table: its input root and its JSON-text form, which is
/// [`super::json_call::typed_call`] over the typed function.
const fn from_table(input: &'static str, call: JsonCall, entry: EntryPoint) -> EntryPoint {
    EntryPoint {
        input: Some(input),
        call: Some(call),
        ..entry
    }
}

const fn refusing(entry: EntryPoint) -> EntryPoint {
    EntryPoint {
        refuses: true,
        ..entry
    }
}

const fn method(class: &'static str, entry: EntryPoint) -> EntryPoint {
    EntryPoint {
        method_of: Some(class),
        ..entry
    }
}

/// Every entry point, grouped as the docs group them.
pub const ENTRY_POINTS: &[EntryPoint] = &[
    // Receiving.
    entry(
        "verify_signature",
        "Algorithm",
        &[Signature, Input],
        "Checks a body against its signature header value.",
    ),
    entry(
        "verify_signature_headers",
        "Algorithm",
        &[Signature, Input],
        "Finds the signature header in a header list and checks the body.",
    ),
    entry(
        "verify_signature_any",
        "Verified",
        &[Signature, Input],
        "Checks a body against several app secrets, saying which one matched.",
    ),
    entry(
        "receive_webhook",
        "Received",
        &[Signature, Parse, Input],
        "Verifies and parses a delivery, with its Facebook-API-Version.",
    ),
    entry(
        "check_webhook_head",
        "integer",
        &[Signature, Parse, Input],
        "Judges a request by its headers before its body is read: how many bytes to read.",
    ),
    entry(
        "sign",
        "string",
        &[Signature],
        "The X-Hub-Signature-256 value of a body (for tests and stand-ins).",
    ),
    entry(
        "verify_handshake",
        "HandshakeAnswer",
        &[],
        "Answers the webhook verification handshake.",
    ),
    entry(
        "parse_webhook",
        "Notification",
        &[Parse],
        "Parses a delivery into typed events with stable keys.",
    ),
    entry(
        "events_own_echo",
        "[boolean]",
        &[Parse, Input],
        "Which events are echoes of this app's own sends.",
    ),
    entry(
        "events_covered",
        "[[string]]",
        &[Parse, Input],
        "Which sent messages each delivery or read receipt covers.",
    ),
    entry(
        "record_delivery",
        "string",
        &[Signature, Parse, Input],
        "A delivery and the host's answer as one line of a recording for msgrkit replay.",
    ),
    // Sending.
    entry(
        "transcode",
        "Transcoded",
        &[Input, Validation],
        "A message in a dialect as Send API messages, with every change reported.",
    ),
    entry(
        "compose",
        "Composed",
        &[Input, Validation],
        "A neutral message as Send API messages.",
    ),
    entry(
        "menu",
        "MenuComposed",
        &[Input, Validation],
        "A persistent menu in a dialect as a Messenger Profile body.",
    ),
    entry(
        "validate",
        "[Violation]",
        &[Input],
        "Every violation of a Send API request, message or profile body.",
    ),
    entry(
        "normalize",
        "SendRequest",
        &[Parse, Input],
        "A Send API body read back in Meta's form.",
    ),
    refusing(entry(
        "prepare_send",
        "PrepareAnswer",
        &[Input, Validation],
        "The send pipeline: read, compose, decide, validate every request.",
    )),
    refusing(entry(
        "decide_policy",
        "PolicyAnswer",
        &[Input],
        "messaging_type and tag for a message, or Meta's refusal.",
    )),
    refusing(entry(
        "decide_private_reply",
        "PolicyAnswer",
        &[Input],
        "Whether a private reply to a comment may be sent.",
    )),
    // The Graph API as requests and answers.
    method(
        "Graph",
        entry(
            "graph_request",
            "GraphRequest",
            &[Input],
            "A Graph API call as a request to send with any HTTP client.",
        ),
    ),
    method(
        "Graph",
        entry(
            "graph_diagnose_requests",
            "[GraphRequest]",
            &[Input],
            "The requests of a setup diagnosis.",
        ),
    ),
    entry(
        "graph_parse_response",
        "ClassifiedResponse",
        &[Graph, Parse],
        "A Graph answer classified: the value, or the error's class.",
    ),
    entry(
        "graph_parse_user_profile",
        "UserProfile",
        &[Graph, Parse],
        "A user profile answer read.",
    ),
    entry(
        "graph_usage",
        "UsageReport",
        &[Input],
        "The rate-limit usage headers read.",
    ),
    from_table(
        "VersionStatusInput",
        |input| super::typed_call(input, super::graph_version_status),
        entry(
            "graph_version_status",
            "VersionStatus",
            &[Input],
            "How a Graph API version stands on a date, from the dated profile.",
        ),
    ),
    from_table(
        "SendEngineInput",
        |input| super::typed_call(input, super::send_engine_step),
        entry(
            "send_engine_step",
            "SendEngineAnswer",
            &[Input],
            "The send engine: queued requests released by thread order, budgets, pauses and breakers, at a time given.",
        ),
    ),
    from_table(
        "ClientPlanInput",
        |input| super::typed_call(input, super::client_plan),
        entry(
            "client_plan",
            "ClientPlan",
            &[Input, Validation],
            "A client's send or call as the request to make and the send engine's facts, for a host's own HTTP loop.",
        ),
    ),
    from_table(
        "ClientFinishInput",
        |input| super::typed_call(input, super::client_finish),
        entry(
            "client_finish",
            "ClientResult",
            &[Input, Graph],
            "What the client answers for a send the engine finished, or its Graph error.",
        ),
    ),
    entry(
        "graph_diagnose",
        "[Finding]",
        &[Input],
        "The findings of a setup diagnosis from its answers.",
    ),
    method(
        "Client",
        entry(
            "client_send",
            "SendResponse",
            &[Graph, Input, Validation],
            "Sends a request with retries (the blocking client).",
        ),
    ),
    method(
        "Client",
        entry(
            "client_call",
            "object",
            &[Graph, Input],
            "Makes a Graph call with retries (the blocking client).",
        ),
    ),
    // Chat links.
    entry(
        "chat_link",
        "string",
        &[Input],
        "An m.me or ig.me link with a ref.",
    ),
    entry(
        "parse_chat_link",
        "ChatLinkParts",
        &[Input],
        "A chat link read back into its parts.",
    ),
    entry("qr_svg", "string", &[Input], "A QR code of a link as SVG."),
    // Vendors' callbacks.
    entry(
        "emit",
        "Emitted",
        &[Parse, Input],
        "A webhook as the callbacks Smooch, Sunshine, Sinch or Linktor would deliver.",
    ),
    entry(
        "emit_outcome",
        "Emitted",
        &[Input],
        "A send's outcome as a vendor's delivery callback.",
    ),
    entry(
        "verify_callback",
        "null",
        &[Signature, Input],
        "Checks a vendor callback's signature.",
    ),
    // The catalogue.
    entry(
        "codes",
        "[CodeEntry]",
        &[],
        "Every stable code the core emits, with its set and category.",
    ),
];

/// The table as `schema/functions.json` holds it.
pub fn functions() -> serde_json::Value {
    serde_json::json!({
        "title": format!("msgrkit entry points, version {}", env!("CARGO_PKG_VERSION")),
        "functions": ENTRY_POINTS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_outputs_are_named() {
        let mut seen = std::collections::BTreeSet::new();
        for entry in ENTRY_POINTS {
            assert!(seen.insert(entry.name), "{} twice", entry.name);
            assert!(
                entry
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}",
                entry.name
            );
            assert!(
                !entry.output.is_empty() && !entry.doc.is_empty(),
                "{}",
                entry.name
            );
        }
    }
}
