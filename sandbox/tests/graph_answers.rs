//! The Graph stand-in's answers, as a table of requests and Meta's answers: each error
//! has Meta's code and subcode, and the core classifies it as it classifies Meta's own.

mod support;

use msgrkit::graph::{ClassifiedResponse, RawResponse};
use serde_json::{Value, json};
use support::{ADA, GRACE, Host, call, control, sandbox};

const MESSAGES: &str = "/v27.0/me/messages";

fn text(to: &str, text: &str) -> Value {
    json!({"recipient": {"id": to}, "messaging_type": "RESPONSE", "message": {"text": text}})
}

fn tagged(to: &str, tag: &str) -> Value {
    json!({"recipient": {"id": to}, "messaging_type": "MESSAGE_TAG", "tag": tag,
           "message": {"text": "an update"}})
}

/// The core's class of an answer (`ok` for a 200).
fn class(status: u16, body: &Value) -> String {
    let raw = RawResponse::new(
        status,
        Vec::<(String, String)>::new(),
        body.to_string().into_bytes(),
    );
    match ClassifiedResponse::of(&raw).unwrap() {
        ClassifiedResponse::Ok(_) => "ok".to_owned(),
        ClassifiedResponse::Error(error) => error.code.to_owned(),
        _ => "other".to_owned(),
    }
}

struct Case {
    name: &'static str,
    /// Control API calls first: `(path, body)`.
    setup: Vec<(&'static str, Value)>,
    token: Option<&'static str>,
    request: Value,
    /// `(code, subcode)` of Meta's error, or `None` for a message ID.
    error: Option<(u64, Option<u64>)>,
    class: &'static str,
    /// Words the error message must hold (the field, in Meta's bracket form).
    mentions: &'static str,
}

fn spoke() -> (&'static str, Value) {
    ("customers/7000000000000001/text", json!({"text": "hello"}))
}

fn cases() -> Vec<Case> {
    let long_title = json!({"recipient": {"id": ADA}, "messaging_type": "RESPONSE",
        "message": {"text": "Pick", "quick_replies": [
            {"content_type": "text", "title": "a title far too long for Meta", "payload": "P"}]}});
    vec![
        Case {
            name: "a reply inside the window",
            setup: vec![spoke()],
            token: Some("sandbox"),
            request: text(ADA, "hi"),
            error: None,
            class: "ok",
            mentions: "",
        },
        Case {
            name: "an over-long quick-reply title",
            setup: vec![spoke()],
            token: Some("sandbox"),
            request: long_title,
            error: Some((100, None)),
            class: "graph_invalid_parameter",
            mentions: "message[quick_replies][0][title]",
        },
        Case {
            name: "a PSID the Page does not know",
            setup: vec![],
            token: Some("sandbox"),
            request: text("123", "hi"),
            error: Some((100, Some(2_018_001))),
            class: "graph_recipient_unavailable",
            mentions: "No matching user",
        },
        Case {
            name: "no token",
            setup: vec![spoke()],
            token: None,
            request: text(ADA, "hi"),
            error: Some((190, None)),
            class: "graph_auth",
            mentions: "access token",
        },
        Case {
            name: "a token revoked from the Page",
            setup: vec![spoke(), ("token", json!({"revoked": true}))],
            token: Some("sandbox"),
            request: text(ADA, "hi"),
            error: Some((190, Some(460))),
            class: "graph_auth",
            mentions: "session has been invalidated",
        },
        Case {
            name: "a rate limit the page asked for",
            setup: vec![spoke(), ("rate_limit", json!({}))],
            token: Some("sandbox"),
            request: text(ADA, "hi"),
            error: Some((613, None)),
            class: "graph_rate_limited",
            mentions: "rate limit",
        },
        Case {
            name: "a reply 25 hours later",
            setup: vec![spoke(), ("clock", json!({"advance_hours": 25}))],
            token: Some("sandbox"),
            request: text(ADA, "hi"),
            error: Some((10, Some(2_018_278))),
            class: "graph_outside_window",
            mentions: "outside of allowed window",
        },
        Case {
            name: "a customer who never wrote",
            setup: vec![],
            token: Some("sandbox"),
            request: text(GRACE, "hi"),
            error: Some((10, Some(2_018_278))),
            class: "graph_outside_window",
            mentions: "outside of allowed window",
        },
        Case {
            name: "HUMAN_AGENT 25 hours later",
            setup: vec![spoke(), ("clock", json!({"advance_hours": 25}))],
            token: Some("sandbox"),
            request: tagged(ADA, "HUMAN_AGENT"),
            error: None,
            class: "ok",
            mentions: "",
        },
        Case {
            name: "HUMAN_AGENT 8 days later",
            setup: vec![spoke(), ("clock", json!({"advance_hours": 192}))],
            token: Some("sandbox"),
            request: tagged(ADA, "HUMAN_AGENT"),
            error: Some((10, Some(2_018_278))),
            class: "graph_outside_window",
            mentions: "outside of allowed window",
        },
        Case {
            name: "a tag retired on 2026-04-27",
            setup: vec![spoke(), ("clock", json!({"advance_hours": 25}))],
            token: Some("sandbox"),
            request: tagged(ADA, "ACCOUNT_UPDATE"),
            error: Some((100, Some(1_893_061))),
            class: "graph_tag_retired",
            mentions: "tag",
        },
        Case {
            name: "a typing indicator",
            setup: vec![spoke()],
            token: Some("sandbox"),
            request: json!({"recipient": {"id": ADA}, "sender_action": "typing_on"}),
            error: None,
            class: "ok",
            mentions: "",
        },
        Case {
            name: "a token that is not the Page's",
            setup: vec![spoke()],
            token: Some("EAAGnotthepagestoken"),
            request: text(ADA, "hi"),
            error: Some((190, None)),
            class: "graph_auth",
            mentions: "access token",
        },
        Case {
            name: "a sender action Meta does not have",
            setup: vec![spoke()],
            token: Some("sandbox"),
            request: json!({"recipient": {"id": ADA}, "sender_action": "dance"}),
            error: Some((100, None)),
            class: "graph_invalid_parameter",
            mentions: "sender_action",
        },
        Case {
            name: "the recipient given as JSON text, as pymessenger sends it",
            setup: vec![spoke()],
            token: Some("sandbox"),
            request: json!({"recipient": format!("{{\"id\": \"{ADA}\"}}"),
                            "messaging_type": "RESPONSE", "message": {"text": "hi"}}),
            error: None,
            class: "ok",
            mentions: "",
        },
    ]
}

#[test]
fn a_form_encoded_send_is_read_as_graph_reads_it() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    control(
        &sandbox,
        "customers/7000000000000001/text",
        json!({"text": "hello"}),
    );
    let form = format!(
        "recipient=%7B%22id%22%3A%22{ADA}%22%7D&messaging_type=RESPONSE&message=%7B%22text%22%3A%22hi+there%22%7D"
    );
    let content_type = "application/x-www-form-urlencoded".to_owned();
    let (_, body) = post_form(&sandbox, MESSAGES, (content_type, form.into_bytes()));
    assert_eq!(body["recipient_id"], ADA, "{body}");
    assert!(body["message_id"].is_string(), "{body}");
}

#[test]
fn the_profile_is_judged_with_what_was_set_before() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    let profile = "/v27.0/me/messenger_profile";
    let get_started = json!({"get_started": {"payload": "GET_STARTED"}});
    let (status, _) = call(
        &sandbox,
        "POST",
        profile,
        Some(&get_started),
        Some("sandbox"),
    );
    assert_eq!(status, 200);
    let menu = json!({"persistent_menu": [{"locale": "default", "call_to_actions": [
        {"type": "postback", "title": "Help", "payload": "HELP"}]}]});
    let (status, answer) = call(&sandbox, "POST", profile, Some(&menu), Some("sandbox"));
    assert_eq!(status, 200, "{answer}");
    let (_, state) = call(&sandbox, "GET", "/sandbox/api/state", None, None);
    assert!(
        state["profile"]["get_started"].is_object()
            && state["profile"]["persistent_menu"].is_array()
    );
}

#[test]
fn sends_are_answered_as_meta_answers() {
    let mut failures = Vec::new();
    for case in cases() {
        let host = Host::start(&[]);
        let sandbox = sandbox(&host);
        for (path, body) in &case.setup {
            control(&sandbox, path, body.clone());
        }
        let (status, answer) = call(&sandbox, "POST", MESSAGES, Some(&case.request), case.token);
        let got = answer["error"]["code"]
            .as_u64()
            .map(|c| (c, answer["error"]["error_subcode"].as_u64()));
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        let ok = got == case.error
            && class(status, &answer) == case.class
            && message.contains(case.mentions)
            && (case.error.is_some() || answer["recipient_id"].is_string());
        if !ok {
            failures.push(format!("{}: {status} {answer}", case.name));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_sent_message_is_in_the_thread_as_received_and_refusals_with_their_error() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    control(
        &sandbox,
        "customers/7000000000000001/text",
        json!({"text": "hello"}),
    );
    let (_, sent) = call(
        &sandbox,
        "POST",
        MESSAGES,
        Some(&text(ADA, "hi there")),
        Some("sandbox"),
    );
    control(&sandbox, "clock", json!({"advance_hours": 25}));
    call(
        &sandbox,
        "POST",
        MESSAGES,
        Some(&text(ADA, "too late")),
        Some("sandbox"),
    );
    let (_, thread) = call(
        &sandbox,
        "GET",
        "/sandbox/api/customers/7000000000000001/thread",
        None,
        None,
    );
    let items = thread.as_array().unwrap();
    assert_eq!(items.len(), 3, "{thread}");
    assert_eq!(items[1]["mid"], sent["message_id"]);
    assert_eq!(items[1]["body"], text(ADA, "hi there"));
    assert_eq!(items[2]["status"], "refused");
    assert_eq!(items[2]["error"]["error"]["error_subcode"], 2_018_278);
}

#[test]
fn the_messenger_profile_is_kept_and_validated() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    let path = "/v27.0/me/messenger_profile";
    let profile = json!({"get_started": {"payload": "START"},
                         "greeting": [{"locale": "default", "text": "Hi there"}]});
    assert_eq!(
        call(&sandbox, "POST", path, Some(&profile), Some("sandbox")).0,
        200
    );
    let (_, got) = call(
        &sandbox,
        "GET",
        &format!("{path}?fields=get_started"),
        None,
        Some("sandbox"),
    );
    assert_eq!(
        got,
        json!({"data": [{"get_started": {"payload": "START"}}]})
    );
    let too_long = json!({"greeting": [{"locale": "default", "text": "x".repeat(161)}]});
    let (status, refused) = call(&sandbox, "POST", path, Some(&too_long), Some("sandbox"));
    assert_eq!(
        (status, refused["error"]["code"].as_u64()),
        (400, Some(100)),
        "{refused}"
    );
    let (_, _) = call(
        &sandbox,
        "DELETE",
        path,
        Some(&json!({"fields": ["greeting"]})),
        Some("sandbox"),
    );
    let (_, left) = call(&sandbox, "GET", path, None, Some("sandbox"));
    assert_eq!(
        left,
        json!({"data": [{"get_started": {"payload": "START"}}]})
    );
}

#[test]
fn msgrkit_diagnose_passes_against_it_and_user_profiles_answer() {
    use msgrkit::client::{Client, UreqTransport};
    use msgrkit::graph::{Graph, Severity};
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    let graph = Graph::new("sandbox").base_url(sandbox.url());
    let findings = Client::new(UreqTransport::new()).diagnose(&graph, None);
    let bad: Vec<_> = findings
        .iter()
        .filter(|f| f.severity != Severity::Ok)
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    // Another token is not the Page's: diagnose says so, as against Meta.
    let wrong = Graph::new("EAAGnotthepages").base_url(sandbox.url());
    let findings = Client::new(UreqTransport::new()).diagnose(&wrong, None);
    assert!(
        findings.iter().any(|f| f.severity != Severity::Ok),
        "{findings:#?}"
    );
    let (_, profile) = call(
        &sandbox,
        "GET",
        &format!("/v27.0/{ADA}?fields=first_name,last_name"),
        None,
        Some("sandbox"),
    );
    assert_eq!(
        profile,
        json!({"id": ADA, "first_name": "Ada", "last_name": "Lovelace"})
    );
}

/// A `multipart/form-data` body of text fields and, when given, a `filedata` file.
fn form(fields: &[(&str, String)], file: Option<&[u8]>) -> (String, Vec<u8>) {
    let boundary = "msgrkitboundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .bytes(),
        );
    }
    if let Some(bytes) = file {
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"filedata\"; filename=\"cat.png\"\r\nContent-Type: image/png\r\n\r\n").bytes());
        body.extend_from_slice(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn post_form(
    sandbox: &msgrkit_sandbox::Sandbox,
    path: &str,
    (content_type, body): (String, Vec<u8>),
) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut answer = agent
        .post(format!("{}{path}", sandbox.url()))
        .header("Authorization", "Bearer sandbox")
        .header("Content-Type", &content_type)
        .send(&body[..])
        .unwrap();
    let status = answer.status().as_u16();
    (
        status,
        serde_json::from_str(&answer.body_mut().read_to_string().unwrap()).unwrap(),
    )
}

#[test]
fn meta_s_multipart_forms_upload_and_send_a_file() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    control(
        &sandbox,
        "customers/7000000000000001/text",
        json!({"text": "hello"}),
    );
    let png = b"\x89PNG\r\n\x1a\n a small picture";
    let attachment =
        r#"{"attachment": {"type": "image", "payload": {"is_reusable": true}}}"#.to_owned();
    // An upload (messaging-apis' uploadAttachment): an attachment_id.
    let (status, answer) = post_form(
        &sandbox,
        "/v27.0/me/message_attachments",
        form(&[("message", attachment.clone())], Some(png)),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(answer["attachment_id"].is_string(), "{answer}");
    // Without a file or a url: Meta's 100.
    let (status, answer) = post_form(
        &sandbox,
        "/v27.0/me/message_attachments",
        form(&[("message", attachment.clone())], None),
    );
    assert_eq!(
        (status, answer["error"]["code"].as_u64()),
        (400, Some(100)),
        "{answer}"
    );
    // Judged by the core's upload rules: a kind Meta has not, audio that is a picture.
    for kind in ["hologram", "audio"] {
        let message = format!(r#"{{"attachment": {{"type": "{kind}", "payload": {{}}}}}}"#);
        let (status, answer) = post_form(
            &sandbox,
            "/v27.0/me/message_attachments",
            form(&[("message", message)], Some(png)),
        );
        assert_eq!(
            (status, answer["error"]["code"].as_u64()),
            (400, Some(100)),
            "{kind}: {answer}"
        );
    }
    // A send with the file in it (messaging-apis' sendImage(buffer)): a message_id.
    let fields = [
        ("recipient", format!(r#"{{"id": "{ADA}"}}"#)),
        ("messaging_type", "RESPONSE".to_owned()),
        ("message", attachment),
    ];
    let (status, answer) = post_form(&sandbox, MESSAGES, form(&fields, Some(png)));
    assert_eq!(status, 200, "{answer}");
    assert!(answer["message_id"].is_string(), "{answer}");
    let (_, thread) = call(
        &sandbox,
        "GET",
        "/sandbox/api/customers/7000000000000001/thread",
        None,
        None,
    );
    let sent = thread.as_array().unwrap().last().unwrap();
    assert!(
        sent["body"]["message"]["attachment"]["payload"]["attachment_id"].is_string(),
        "{sent}"
    );
}
