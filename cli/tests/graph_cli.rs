//! `msgrkit send`, `profile` and `diagnose` against the Graph stand-in on 127.0.0.1.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use msgrkit_standin::{Reply, StandIn};
use serde_json::{Value, json};

const TOKEN: &str = "EAAGcli-test-token";
const SECRET: &str = "cli-app-secret";

/// Runs msgrkit with the token and secret in the environment, as the README advises.
fn msgrkit(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msgrkit"))
        .args(args)
        .env("MSGRKIT_PAGE_TOKEN", TOKEN)
        .env("MSGRKIT_APP_SECRET", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("msgrkit runs");
    // A command that fails before reading stdin closes it: that is not a test failure.
    if let Err(err) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(
            err.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {err}"
        );
    }
    child.wait_with_output().unwrap()
}

fn send(server: &StandIn, extra: &[&str], message: &Value) -> Output {
    let url = server.url();
    let mut args = vec![
        "send",
        "--to",
        "6500000000000001",
        "--graph-url",
        url.as_str(),
    ];
    args.extend_from_slice(extra);
    msgrkit(&args, &message.to_string())
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one json value per line"))
        .collect()
}

/// The expected `appsecret_proof` for TOKEN and SECRET.
fn proof() -> String {
    msgrkit::graph::Graph::new(TOKEN)
        .app_secret(SECRET)
        .appsecret_proof()
        .unwrap()
}

fn assert_clean(server: &StandIn) {
    // debug_token is checked on its own: Meta's GET carries the inspected token.
    let requests = server.requests();
    for request in requests
        .iter()
        .filter(|r| !r.target.contains("/debug_token"))
    {
        assert!(
            !request.body.windows(7).any(|w| w == b"method="),
            "method override in {}",
            request.target
        );
        assert!(
            !request.target.contains(TOKEN),
            "token in {}",
            request.target
        );
        assert!(
            request
                .target
                .contains(&format!("appsecret_proof={}", proof())),
            "{}",
            request.target
        );
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
    }
}

#[test]
fn a_rate_limit_then_success_is_retried_once_and_prints_the_message_id() {
    let server = StandIn::start(vec![Reply::graph_error(
        400,
        613,
        None,
        "Calls to this api have exceeded the rate limit.",
    )])
    .unwrap();
    let out = send(&server, &[], &json!({"text": "Your order shipped"}));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = lines(&out.stdout);
    assert_eq!(printed.len(), 1);
    assert_eq!(printed[0]["message_id"], "m_standin_2");
    assert_eq!(printed[0]["attempts"], 2);
    assert_eq!(server.requests().len(), 2);
    for request in server.requests() {
        assert!(
            request.target.starts_with("/v27.0/me/messages?"),
            "{}",
            request.target
        );
    }
    let body: Value = serde_json::from_slice(&server.requests()[1].body).unwrap();
    assert_eq!(body["messaging_type"], "RESPONSE");
    assert_eq!(body["message"]["text"], "Your order shipped");
    assert_clean(&server);
}

#[test]
fn a_dead_token_makes_one_request_and_exits_with_graph_auth() {
    let server = StandIn::start(vec![Reply::graph_error(
        400,
        190,
        Some(460),
        "The session has been invalidated.",
    )])
    .unwrap();
    let out = send(&server, &[], &json!({"text": "hello"}));
    assert_eq!(out.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(
        (error["code"].as_str(), error["retried"].as_bool()),
        (Some("graph_auth"), Some(false))
    );
    assert_eq!(error["error"]["graph"]["subcode"], 460);
    assert_eq!(server.requests().len(), 1);
    assert_clean(&server);
}

#[test]
fn a_closed_window_exits_with_graph_outside_window_after_one_request() {
    let server = StandIn::start(vec![Reply::graph_error(
        400,
        10,
        Some(2018278),
        "outside of allowed window",
    )])
    .unwrap();
    let out = send(&server, &[], &json!({"text": "hello"}));
    assert_eq!(out.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["code"], "graph_outside_window");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn every_message_of_a_vendor_input_is_sent_in_order_with_the_tag_asked_for() {
    let server = StandIn::start(vec![]).unwrap();
    let long = "word ".repeat(500);
    let out = send(
        &server,
        &["--from", "smooch", "--tag", "HUMAN_AGENT"],
        &json!({"type": "text", "text": long}),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = lines(&out.stdout);
    assert_eq!(printed.len(), 2, "2500 characters split into two messages");
    assert_eq!(printed[1]["message_id"], "m_standin_2");
    assert!(
        !printed[0]["warnings"].as_array().unwrap().is_empty(),
        "the split is reported"
    );
    for request in server.requests() {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        assert_eq!(
            (body["messaging_type"].as_str(), body["tag"].as_str()),
            (Some("MESSAGE_TAG"), Some("HUMAN_AGENT"))
        );
    }
}

#[test]
fn an_invalid_message_is_never_sent() {
    let server = StandIn::start(vec![]).unwrap();
    let out = send(
        &server,
        &["--tag", "POST_PURCHASE_UPDATE"],
        &json!({"text": "shipped"}),
    );
    assert_eq!(out.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["code"], "validation_failed");
    assert_eq!(error["violations"][0]["field"], "requests[0].tag");
    assert!(server.requests().is_empty());
}

#[test]
fn profile_get_set_and_delete_reach_the_messenger_profile() {
    let server = StandIn::start(vec![Reply::json(
        200,
        r#"{"data":[{"get_started":{"payload":"START"}}]}"#,
    )])
    .unwrap();
    let url = server.url();
    let got = msgrkit(
        &[
            "profile",
            "--graph-url",
            &url,
            "get",
            "--fields",
            "get_started",
        ],
        "",
    );
    assert!(got.status.success());
    assert_eq!(
        serde_json::from_slice::<Value>(&got.stdout).unwrap()["data"][0]["get_started"]["payload"],
        "START"
    );
    let set = msgrkit(
        &["profile", "--graph-url", &url, "set"],
        r#"{"get_started":{"payload":"START"}}"#,
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let deleted = msgrkit(
        &[
            "profile",
            "--graph-url",
            &url,
            "delete",
            "--fields",
            "greeting",
        ],
        "",
    );
    assert!(
        deleted.status.success(),
        "{}",
        String::from_utf8_lossy(&deleted.stderr)
    );
    let requests = server.requests();
    let methods: Vec<&str> = requests.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(methods, ["GET", "POST", "DELETE"]);
    assert!(
        requests[0]
            .target
            .starts_with("/v27.0/me/messenger_profile?fields=get_started&appsecret_proof=")
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&requests[2].body).unwrap(),
        json!({"fields": ["greeting"]})
    );
    assert_clean(&server);
}

#[test]
fn diagnose_reports_missing_permissions_subscriptions_and_get_started() {
    let token = json!({"data": {"is_valid": true, "type": "PAGE", "app_id": "777", "profile_id": "106", "scopes": ["pages_messaging"]}});
    let apps = json!({"data": [{"id": "777", "name": "Helpdesk", "subscribed_fields": ["messages", "messaging_postbacks"]}]});
    let profile =
        json!({"data": [{"persistent_menu": [{"locale": "default", "call_to_actions": []}]}]});
    let script = [token, apps, profile]
        .iter()
        .map(|v| Reply::json(200, &v.to_string()))
        .collect();
    let server = StandIn::start(script).unwrap();
    let out = msgrkit(
        &["diagnose", "--app-id", "777", "--graph-url", &server.url()],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let findings = serde_json::from_slice::<Value>(&out.stdout).unwrap()["findings"]
        .as_array()
        .unwrap()
        .clone();
    let has = |code: &str, detail: &str| {
        findings
            .iter()
            .any(|f| f["code"] == code && f["detail"].as_str().unwrap().contains(detail))
    };
    assert!(has("permission_missing", "pages_manage_metadata"));
    assert!(has("permission_granted", "pages_messaging"));
    assert!(has("subscription_fields_missing", "message_echoes"));
    assert!(has("get_started_missing", "menu"));
    assert!(
        findings
            .iter()
            .all(|f| f["severity"] == "ok" || !f["fix"].as_str().unwrap_or_default().is_empty())
    );
    // debug_token is Meta's documented GET, run as the app: no method override, no body.
    let requests = server.requests();
    assert_eq!(requests[0].method, "GET");
    assert_eq!(
        requests[0].target,
        format!("/v27.0/debug_token?input_token={TOKEN}")
    );
    assert!(requests[0].body.is_empty());
    assert_eq!(
        requests[0].header("authorization"),
        Some(format!("Bearer 777|{SECRET}").as_str())
    );
    assert!(requests.iter().all(|r| !r.target.contains("method=")));
    assert!(has("graph_version_current", "v27.0"));
    assert_clean(&server);
}

#[test]
fn diagnose_stops_at_a_dead_token() {
    let server =
        StandIn::start(vec![Reply::graph_error(400, 190, Some(463), "expired"); 3]).unwrap();
    let out = msgrkit(
        &["diagnose", "--app-id", "777", "--graph-url", &server.url()],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let findings = serde_json::from_slice::<Value>(&out.stdout).unwrap()["findings"].clone();
    assert_eq!(findings.as_array().unwrap().len(), 1);
    assert_eq!(findings[0]["code"], "token_invalid");
}

#[test]
fn the_demo_runs_the_whole_loop() {
    let out = msgrkit(&["demo"], "");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("token in a URL: false; appsecret_proof on each: true"),
        "{text}"
    );
    assert!(text.contains("after 2 attempt(s)"), "{text}");
    assert!(text.contains("graph_auth after 1 request"), "{text}");
    assert!(!text.contains("WRONG"), "{text}");
}
