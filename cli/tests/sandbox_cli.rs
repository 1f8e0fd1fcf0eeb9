//! `msgrkit send` against `msgrkit sandbox` (in-process): Meta's error 100 naming the field
//! for an over-long quick-reply title sent as it is (`--raw`), a `message_id` for a valid
//! message, and `graph_outside_window` once the clock moved 25 hours.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use msgrkit_sandbox::{Config, Sandbox};
use serde_json::{Value, json};

const ADA: &str = "7000000000000001";

fn send(sandbox: &Sandbox, message: &Value, raw: bool) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_msgrkit"));
    command.args([
        "send",
        "--compact",
        "--graph-url",
        &sandbox.url(),
        "--page-token",
        "sandbox",
        "--to",
        ADA,
    ]);
    if raw {
        command.arg("--raw");
    }
    let mut child = command
        .env_remove("MSGRKIT_APP_SECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(message.to_string().as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn control(sandbox: &Sandbox, path: &str, body: &Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let status = agent
        .post(format!("{}/sandbox/api/{path}", sandbox.url()))
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .unwrap()
        .status();
    assert_eq!(status, 200, "{path}");
}

fn last_line(bytes: &[u8]) -> Value {
    let text = String::from_utf8_lossy(bytes);
    serde_json::from_str(text.lines().last().unwrap_or_default()).unwrap_or(Value::Null)
}

#[test]
fn msgrkit_send_gets_metas_answers_from_the_sandbox() {
    // Nothing listens on port 9: the webhooks fail once each, which these sends do not need.
    let mut config = Config::new("http://127.0.0.1:9/webhook", "cli-test-secret");
    config.max_attempts = 1;
    config.retry_delay = Duration::from_millis(1);
    let sandbox = Sandbox::start(config).unwrap();
    control(
        &sandbox,
        &format!("customers/{ADA}/text"),
        &json!({"text": "hello"}),
    );

    let long = json!({"text": "Pick one", "quick_replies": [
        {"content_type": "text", "title": "a title far too long for Meta", "payload": "P"}]});
    let refused = send(&sandbox, &long, true);
    assert_eq!(refused.status.code(), Some(1));
    let error = last_line(&refused.stderr);
    assert_eq!(error["code"], "graph_invalid_parameter", "{error}");
    assert_eq!(error["error"]["graph"]["code"], 100);
    let message = error["error"]["graph"]["message"].as_str().unwrap();
    assert!(
        message.contains("message[quick_replies][0][title]"),
        "{message}"
    );

    let sent = send(&sandbox, &json!({"text": "Hello from the host"}), false);
    assert!(
        sent.status.success(),
        "{}",
        String::from_utf8_lossy(&sent.stderr)
    );
    let line = last_line(&sent.stdout);
    assert!(
        line["message_id"].as_str().unwrap().starts_with("m_"),
        "{line}"
    );
    assert_eq!(line["recipient_id"], ADA);

    control(&sandbox, "clock", &json!({"advance_hours": 25}));
    let late = send(&sandbox, &json!({"text": "Still there?"}), false);
    assert_eq!(late.status.code(), Some(1));
    let error = last_line(&late.stderr);
    assert_eq!(error["code"], "graph_outside_window", "{error}");
    assert_eq!(error["error"]["graph"]["subcode"], 2_018_278);
}
