//! `msgrkit emit` through the real binary: issue 16's "Must show" items, one test each.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

const PAGE: &str = "106000000000001";
const PSID: &str = "6500000000000001";

/// Runs msgrkit with `stdin`, expecting success; the printed JSON.
fn emit(args: &[&str], stdin: &str) -> Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msgrkit"))
        .args(["emit", "--compact"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("msgrkit runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json out")
}

fn config(name: &str, value: &Value) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("msgrkit-emit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, value.to_string()).unwrap();
    path
}

fn webhook(items: &[Value]) -> String {
    json!({"object": "page", "entry": [{"id": PAGE, "time": 1_700_000_000_000_i64, "messaging": items}]})
        .to_string()
}

fn from_person(key: &str, payload: Value) -> Value {
    json!({"sender": {"id": PSID}, "recipient": {"id": PAGE}, "timestamp": 1_700_000_000_000_i64, key: payload})
}

#[test]
fn sinch_gets_an_inbound_text_with_stable_contact_and_conversation() {
    let cfg = config(
        "sinch.json",
        &json!({"app_id": "01EB37HMH1M6SV18ABNS3G135H", "project_id": "c36f3d3d-1523-4edd-ae42-11995557ff61"}),
    );
    let body = webhook(&[from_person(
        "message",
        json!({"mid": "m_1", "text": "Hello World"}),
    )]);
    let args = ["--as", "sinch", "--config", cfg.to_str().unwrap()];
    let first = emit(&args, &body);
    let callback = &first["callbacks"][0]["body"];
    assert_eq!(callback["app_id"], "01EB37HMH1M6SV18ABNS3G135H");
    assert_eq!(callback["message"]["direction"], "TO_APP");
    assert_eq!(
        callback["message"]["contact_message"]["text_message"]["text"],
        "Hello World"
    );
    let identity = &callback["message"]["channel_identity"];
    assert_eq!(identity["channel"], "MESSENGER");
    assert_eq!(identity["identity"], PSID);
    let second = emit(&args, &body);
    for key in ["contact_id", "conversation_id"] {
        assert!(
            callback["message"][key]
                .as_str()
                .is_some_and(|id| id.len() == 26)
        );
        assert_eq!(
            callback["message"][key],
            second["callbacks"][0]["body"]["message"][key]
        );
    }
}

#[test]
fn linktor_gets_postbacks_quick_replies_and_texts() {
    let cfg = config("linktor.json", &json!({"channel_id": "ch_1"}));
    let args = ["--as", "linktor", "--config", cfg.to_str().unwrap()];
    let run = |item: Value| emit(&args, &webhook(&[item]))["callbacks"][0]["body"].clone();
    let postback = run(from_person(
        "postback",
        json!({"mid": "m_p", "payload": "VIEW_ORDERS", "title": "View Orders"}),
    ));
    assert_eq!(postback["event"], "facebook.postback");
    assert_eq!(postback["data"]["payload"], "VIEW_ORDERS");
    assert_eq!(postback["data"]["title"], "View Orders");
    let quick = run(from_person(
        "message",
        json!({"mid": "m_q", "text": "Great!", "quick_reply": {"payload": "RATING_GREAT"}}),
    ));
    assert_eq!(quick["event"], "facebook.quick_reply");
    assert_eq!(quick["data"]["payload"], "RATING_GREAT");
    assert_eq!(quick["data"]["text"], "Great!");
    let text = run(from_person("message", json!({"mid": "m_t", "text": "Hi"})));
    assert_eq!(text["event"], "message.received");
    assert_eq!(text["data"]["content"]["type"], "text");
    assert_eq!(text["data"]["metadata"]["mid"], "m_t");
}

#[test]
fn smooch_reports_a_dead_token_as_unauthorized_with_graphs_message() {
    let cfg = config(
        "smooch.json",
        &json!({"app_id": "a", "integration_id": "i"}),
    );
    let graph = "Error validating access token: The session has been invalidated because the user changed their password.";
    let outcome = json!({"status": 400, "message_id": "5d3af0ffd7a76a4c4b2ff1c5", "recipient": PSID,
        "body": {"error": {"message": graph, "type": "OAuthException", "code": 190, "error_subcode": 460}}});
    let args = [
        "--as",
        "smooch",
        "--config",
        cfg.to_str().unwrap(),
        "--outcome",
    ];
    let body = &emit(&args, &outcome.to_string())["callbacks"][0]["body"];
    assert_eq!(body["trigger"], "message:delivery:failure");
    assert_eq!(body["error"]["code"], "unauthorized");
    assert_eq!(body["error"]["underlyingError"]["message"], graph);
}

#[test]
fn sunshine_puts_a_batch_of_eight_in_one_envelope_and_accounts_for_all() {
    let cfg = config(
        "sunshine.json",
        &json!({"app_id": "a", "integration_id": "i", "webhook_id": "w"}),
    );
    let echo = json!({"sender": {"id": PAGE}, "recipient": {"id": PSID}, "timestamp": 1,
        "message": {"mid": "m_e", "text": "ok", "is_echo": true}});
    let items = [
        from_person("message", json!({"mid": "m_1", "text": "one"})),
        from_person(
            "message",
            json!({"mid": "m_2", "attachments": [{"type": "image", "payload": {"url": "https://x.test/a.jpg"}}]}),
        ),
        from_person("postback", json!({"mid": "m_3", "payload": "P"})),
        from_person("read", json!({"watermark": 1})),
        from_person("delivery", json!({"mids": ["m_out"], "watermark": 1})),
        from_person(
            "reaction",
            json!({"mid": "m_1", "action": "react", "reaction": "like"}),
        ),
        from_person(
            "message_edit",
            json!({"mid": "m_1", "text": "uno", "num_edit": 1}),
        ),
        echo,
    ];
    let args = ["--as", "sunshine", "--config", cfg.to_str().unwrap()];
    let out = emit(&args, &webhook(&items));
    let callbacks = out["callbacks"].as_array().unwrap();
    assert_eq!(callbacks.len(), 1, "one envelope");
    let events = callbacks[0]["body"]["events"].as_array().unwrap();
    let mut accounted: Vec<u64> = out["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "no_equivalent")
        .map(|w| w["event"].as_u64().unwrap())
        .collect();
    assert_eq!(
        accounted,
        [5, 6],
        "the reaction and the edit have no Sunshine event"
    );
    accounted.extend([0, 1, 2, 3, 4, 7]);
    assert_eq!(events.len(), 6);
    assert_eq!(accounted.len(), 8);
    assert_eq!(callbacks[0]["body"]["webhook"]["version"], "v2");
}
