//! Runs the real `msgrkit` binary: exit codes, JSON on stdout and stderr, and the
//! receive-side behaviours the README promises.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SECRET: &str = "cli-test-secret";

fn msgrkit(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msgrkit"))
        .args(args)
        .env_remove("MSGRKIT_APP_SECRET")
        .env_remove("MSGRKIT_VERIFY_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("msgrkit runs");
    // A command that fails before reading stdin closes it: that is not a test failure.
    if let Err(err) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(
            err.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {err}"
        );
    }
    child.wait_with_output().unwrap()
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not json ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn stderr_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "stderr is not json ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The body of a case in tests/vectors/webhook.json.
fn vector_body(id: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/webhook.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let case = doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    case["input"]["body"].as_str().unwrap().to_owned()
}

fn sign(body: &[u8]) -> String {
    let out = msgrkit(&["sign", "--secret", SECRET], body);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn parse_prints_seven_typed_events_of_a_two_page_batch() {
    let body = vector_body("webhook/batch/two-pages-six-messages-one-standby");
    let header = sign(body.as_bytes());
    let out = msgrkit(
        &["parse", "--secret", SECRET, "--header", &header],
        body.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed = stdout_json(&out);
    let events = parsed["events"].as_array().unwrap();
    assert_eq!(events.len(), 7);
    let pages: Vec<&str> = events
        .iter()
        .map(|e| e["page_id"].as_str().unwrap())
        .collect();
    let standby: Vec<bool> = events
        .iter()
        .map(|e| e["standby"].as_bool().unwrap())
        .collect();
    assert_eq!(pages[..3], ["106000000000001"; 3]);
    assert_eq!(pages[3..], ["106000000000002"; 4]);
    assert_eq!(standby, [false, false, false, false, false, false, true]);
    assert!(events.iter().all(|e| e["type"] == "message"));
    assert_eq!(parsed["errors"], Value::Array(vec![]));
}

#[test]
fn verify_rejects_u_escaped_reserialisation_of_non_ascii_body() {
    let raw =
        r#"{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"pâtes 😀"}}]}]}"#;
    let escaped = r#"{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"p\u00e2tes \ud83d\ude00"}}]}]}"#;
    let header = sign(raw.as_bytes());

    let ok = msgrkit(
        &["verify", "--secret", SECRET, "--header", &header],
        raw.as_bytes(),
    );
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(stdout_json(&ok)["algorithm"], "sha256");

    let bad = msgrkit(
        &["verify", "--secret", SECRET, "--header", &header, "-"],
        escaped.as_bytes(),
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stderr_json(&bad)["code"], "signature_mismatch");
    assert!(bad.stdout.is_empty());
}

#[test]
fn verify_rejects_an_empty_secret() {
    let body = b"{}";
    let header = sign(body);
    let out = msgrkit(&["verify", "--secret", "", "--header", &header], body);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "app_secret_empty");
}

#[test]
fn verify_reports_malformed_headers_with_their_codes() {
    for (header, code) in [
        ("", "signature_missing"),
        ("sha1=00", "signature_sha1_not_allowed"),
        ("sha256=zz", "signature_not_hex"),
    ] {
        let out = msgrkit(&["verify", "--secret", SECRET, "--header", header], b"{}");
        assert_eq!(out.status.code(), Some(1), "{header}");
        assert_eq!(stderr_json(&out)["code"], code, "{header}");
    }
}

#[test]
fn secret_comes_from_the_environment_too() {
    let header = sign(b"{}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_msgrkit"))
        .args(["verify", "--header", &header])
        .env("MSGRKIT_APP_SECRET", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"{}").unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
}

#[test]
fn a_comma_in_the_environments_secret_is_written_backslash_comma() {
    let secret = "se,cret";
    let header = msgrkit::signature::sign(secret.as_bytes(), b"{}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_msgrkit"))
        .args(["verify", "--header", &header])
        .env("MSGRKIT_APP_SECRET", r"wrong,se\,cret")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"{}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(stdout_json(&out)["secret_index"], 1);
}

#[test]
fn stdin_past_the_largest_body_is_refused_without_reading_it_all() {
    // More than limits::WEBHOOK_BODY_MAX_DEFAULT: refused after max + 1 bytes, stdin closed.
    let body = vec![b' '; msgrkit::limits::WEBHOOK_BODY_MAX_DEFAULT + 4096];
    let out = msgrkit(&["parse"], &body);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "body_too_large");
}

#[test]
fn parse_with_a_secret_but_no_header_fails_closed() {
    let out = msgrkit(
        &["parse", "--secret", SECRET],
        b"{\"object\":\"page\",\"entry\":[]}",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "signature_missing");
}

#[test]
fn parse_refuses_oversized_and_deeply_nested_bodies() {
    let body = b"{\"object\":\"page\",\"entry\":[]}";
    let out = msgrkit(&["parse", "--max-body-bytes", "10"], body);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "body_too_large");
    let deep = [vec![b'['; 10_000], vec![b']'; 10_000]].concat();
    let out = msgrkit(&["parse"], &deep);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "nesting_too_deep");
}

#[test]
fn parse_without_verification_and_envelope_errors() {
    let out = msgrkit(
        &["parse", "--compact"],
        b"{\"object\":\"page\",\"entry\":[]}",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        r#"{"object":"page","events":[],"errors":[]}"#
    );

    let out = msgrkit(&["parse"], b"{\"object\":\"page\"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "invalid_json");

    let out = msgrkit(&["parse"], b"{\"object\":\"page\"}");
    assert_eq!(stderr_json(&out)["field"], "entry");
}

#[test]
fn handshake_answers_and_refuses() {
    let query = "hub.mode=subscribe&hub.verify_token=tok&hub.challenge=77";
    let out = msgrkit(&["handshake", "--verify-token", "tok", query], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_json(&out),
        serde_json::json!({"status": 200, "body": "77"})
    );
    let out = msgrkit(&["handshake", "--verify-token", "other", query], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_json(&out)["reason"], "verify_token_mismatch");
}

#[test]
fn usage_errors_exit_2_and_every_subcommand_has_help() {
    assert_eq!(
        msgrkit(&["verify", "--secret", SECRET], b"").status.code(),
        Some(2)
    );
    assert_eq!(msgrkit(&["no-such-command"], b"").status.code(), Some(2));
    assert_eq!(
        msgrkit(&["parse", "--header", "sha256=00"], b"{}")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        msgrkit(&["parse", "/no/such/file.json"], b"").status.code(),
        Some(2)
    );
    for sub in [
        "sign",
        "verify",
        "parse",
        "handshake",
        "validate",
        "policy",
        "demo",
    ] {
        let out = msgrkit(&[sub, "--help"], b"");
        assert_eq!(out.status.code(), Some(0), "{sub} --help");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage: msgrkit"),
            "{sub}"
        );
    }
}

#[test]
fn demo_runs_the_whole_receive_side() {
    let out = msgrkit(&["demo"], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "right token  -> 200 \"1158201444\"",
        "verify_token_mismatch",
        "raw body                   -> verified",
        "body re-serialised by JSON -> rejected: signature_mismatch",
        "empty app secret           -> rejected: app_secret_empty",
        "entry[1].messaging[2] could not be read (invalid_event)",
        "dedupe key of event 1: message:m_order_1",
        "bot, 30 hours later        -> refused: outside_window",
        "agent, 30 hours later      -> MESSAGE_TAG HUMAN_AGENT",
        "reply with 2 quick replies -> 0 violations",
        "retired at tag",
        "limit_exceeded at message.quick_replies[0].title",
    ] {
        assert!(
            text.contains(expected),
            "demo output lacks {expected:?}:\n{text}"
        );
    }
}

#[test]
fn validate_reports_all_three_violations_with_paths() {
    let mut replies: Vec<Value> = (0..14)
        .map(|i| serde_json::json!({"content_type": "text", "title": "ok", "payload": format!("P{i}")}))
        .collect();
    replies[3]["title"] = Value::from("t".repeat(25));
    let body = serde_json::json!({
        "recipient": {"id": "1"}, "messaging_type": "RESPONSE",
        "message": {"text": "x".repeat(2001), "quick_replies": replies}
    });
    let out = msgrkit(&["validate"], body.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let violations = stdout_json(&out)["violations"].as_array().unwrap().clone();
    let found: Vec<(&str, &str, u64)> = violations
        .iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap(),
                v["field"].as_str().unwrap(),
                v["actual"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("limit_exceeded", "message.text", 2001),
            ("limit_exceeded", "message.quick_replies", 14),
            ("limit_exceeded", "message.quick_replies[3].title", 25)
        ]
    );
}

#[test]
fn validate_judges_retired_tags_by_date() {
    let body = br#"{"recipient":{"id":"1"},"messaging_type":"MESSAGE_TAG","tag":"POST_PURCHASE_UPDATE","message":{"text":"shipped"}}"#;
    let late = msgrkit(&["validate", "--as-of", "2026-11-21"], body);
    assert_eq!(late.status.code(), Some(1));
    let violation = &stdout_json(&late)["violations"][0];
    assert_eq!(
        (violation["code"].as_str(), violation["retired_on"].as_str()),
        (Some("retired"), Some("2026-04-27"))
    );
    let early = msgrkit(&["validate", "--as-of", "2026-01-15"], body);
    assert_eq!(early.status.code(), Some(0));
    assert_eq!(stdout_json(&early)["violations"], serde_json::json!([]));
    let bad_date = msgrkit(&["validate", "--as-of", "2026-02-30"], body);
    assert_eq!(bad_date.status.code(), Some(1));
    assert_eq!(stderr_json(&bad_date)["code"], "invalid_input");
}

#[test]
fn policy_decides_the_window_for_humans_and_bots() {
    let last = 1_763_712_000_000_i64;
    let run = |after: i64, author: &str, extra: &[&str]| {
        let (last, now) = (last.to_string(), (last + after).to_string());
        let mut args = vec![
            "policy",
            "--last-user-activity",
            &last,
            "--now",
            &now,
            "--author",
            author,
        ];
        args.extend_from_slice(extra);
        let out = msgrkit(&args, b"");
        (out.status.code(), stdout_json(&out))
    };
    let hours_30 = 30 * 3_600_000;
    let days_8 = 8 * 86_400_000;
    let auto = ["--mode", "auto_human_agent"];
    let (code, human) = run(hours_30, "human", &auto);
    assert_eq!(
        (code, human),
        (
            Some(0),
            serde_json::json!({"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"})
        )
    );
    let (code, human) = run(hours_30, "human", &["--tag", "HUMAN_AGENT"]);
    assert_eq!(
        (code, human["tag"].as_str()),
        (Some(0), Some("HUMAN_AGENT"))
    );
    let (code, bot) = run(hours_30, "bot", &auto);
    assert_eq!(
        (code, bot["refusal"]["code"].as_str()),
        (Some(1), Some("outside_window"))
    );
    let (code, human) = run(days_8, "human", &auto);
    assert_eq!(
        (code, human["refusal"]["code"].as_str()),
        (Some(1), Some("human_agent_window_closed"))
    );
    let (code, bot) = run(days_8, "bot", &auto);
    assert_eq!(
        (code, bot["refusal"]["code"].as_str()),
        (Some(1), Some("outside_window"))
    );
}

#[test]
fn transcode_sinch_mixed_choices_keeps_call_and_location() {
    let body = serde_json::json!({
        "message": {"choice_message": {"text_message": {"text": "What do you want to do?"}, "choices": [
            {"text_message": {"text": "Suggestion"}, "postback_data": "SUGGESTION"},
            {"url_message": {"title": "More info", "url": "https://www.sinch.com"}},
            {"call_message": {"title": "Call", "phone_number": "+46 73 200 00 00"}},
            {"location_message": {"title": "Sinch HQ", "coordinates": {"latitude": 59.3322, "longitude": 18.0645}}}
        ]}}
    });
    let out = msgrkit(
        &["transcode", "--from", "sinch", "--to", "6500000000000001"],
        body.to_string().as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result = stdout_json(&out);
    let buttons = result["messages"][0]["attachment"]["payload"]["buttons"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        buttons
            .iter()
            .any(|b| b["type"] == "phone_number" && b["payload"] == "+46732000000"),
        "{buttons:?}"
    );
    assert!(
        buttons.iter().any(|b| b["type"] == "web_url"
            && b["url"] == "https://maps.google.com/maps?q=59.3322,18.0645")
    );
    assert_eq!(
        result["messages"][0]["quick_replies"][0]["payload"],
        "SUGGESTION"
    );
    let codes: Vec<&str> = result["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"replaced"),
        "changes are reported: {codes:?}"
    );
    assert_eq!(result["requests"][0]["recipient"]["id"], "6500000000000001");
    assert_eq!(result["requests"][0]["messaging_type"], "RESPONSE");
    // Every emitted message passes the validator.
    for request in result["requests"].as_array().unwrap() {
        let check = msgrkit(&["validate", "--compact"], request.to_string().as_bytes());
        assert_eq!(
            check.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

#[test]
fn transcode_smooch_list_of_twelve_reports_the_two_that_do_not_fit() {
    let items: Vec<Value> = (0..12)
        .map(|i| serde_json::json!({"title": format!("Item {i}"), "description": "d", "actions": [{"type": "postback", "text": "Pick", "payload": format!("P{i}")}]}))
        .collect();
    let body = serde_json::json!({"role": "appMaker", "type": "list", "items": items,
                                  "actions": [{"type": "postback", "text": "More choices", "payload": "MORE"}]});
    let out = msgrkit(
        &["transcode", "--from", "smooch", "--compact"],
        body.to_string().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let result = stdout_json(&out);
    let messages = result["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2, "a carousel and the trailing action");
    assert_eq!(
        messages[0]["attachment"]["payload"]["elements"]
            .as_array()
            .unwrap()
            .len(),
        10
    );
    assert_eq!(
        messages[1]["attachment"]["payload"]["buttons"][0]["payload"],
        "MORE"
    );
    let dropped: Vec<&str> = result["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "dropped")
        .map(|w| w["field"].as_str().unwrap())
        .collect();
    assert_eq!(dropped, ["items[10]", "items[11]"]);
}

#[test]
fn transcode_smooch_shorthand_to_quick_replies() {
    let body = br#"{"type":"text","text":"How was it? %[Great](reply:GREAT) %[Bad](reply:BAD)"}"#;
    let out = msgrkit(&["transcode", "--from", "smooch"], body);
    assert_eq!(out.status.code(), Some(0));
    let message = &stdout_json(&out)["messages"][0];
    assert_eq!(message["text"], "How was it?");
    assert_eq!(message["quick_replies"][0]["payload"], "GREAT");
    assert_eq!(message["quick_replies"][1]["payload"], "BAD");
}

#[test]
fn transcode_rejections_and_usage() {
    // An over-long button template text, for a recipient: refused as `msgrkit send`
    // refuses it (every request is validated), never printed as a request to send.
    let long = serde_json::json!({"messenger": {"attachment": {"type": "template", "payload": {
        "template_type": "button", "text": "x".repeat(700),
        "buttons": [{"type": "postback", "title": "OK", "payload": "OK"}]}}}});
    let long = long.to_string();
    let transcoded = msgrkit(&["transcode", "--to", "6500000000000001"], long.as_bytes());
    let sent = msgrkit(
        &[
            "send",
            "--to",
            "6500000000000001",
            "--page-token",
            "x",
            "--graph-url",
            "http://127.0.0.1:9",
        ],
        long.as_bytes(),
    );
    for out in [&transcoded, &sent] {
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(stderr_json(out)["code"], "validation_failed");
    }
    assert_eq!(stderr_json(&transcoded), stderr_json(&sent));
    let buy = br#"{"text":"Shoes","actions":[{"type":"buy","title":"Buy","amount":999,"currency":"usd"}]}"#;
    let out = msgrkit(&["transcode"], buy);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "unsupported");
    assert_eq!(stderr_json(&out)["field"], "actions[0]");
    // The core reads the dialect's name: an unknown one is its error, with the field.
    let out = msgrkit(&["transcode", "--from", "whatsapp"], b"{}");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        (&stderr_json(&out)["code"], &stderr_json(&out)["field"]),
        (
            &serde_json::json!("invalid_input"),
            &serde_json::json!("dialect")
        )
    );
    let out = msgrkit(
        &["transcode", "--overflow", "sideways"],
        b"{\"text\":\"x\"}",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "invalid_input");
}

/// The transcoding page's example does what the page says it does.
#[test]
fn docs_transcoding_example() {
    let section = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/transcoding.md"
    ))
    .unwrap();
    let start = section.find("```json").unwrap() + "```json".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let out = msgrkit(&["transcode", "--compact"], example.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result = stdout_json(&out);
    let messages = result["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["text"], "Our picks for you");
    let card = &messages[1]["attachment"]["payload"]["elements"][0];
    assert_eq!(
        card["default_action"]["url"],
        "https://shop.example.com/shoe"
    );
    assert_eq!(card["buttons"][1]["payload"], "+15105551234");
    assert_eq!(
        messages[1]["quick_replies"][1]["content_type"],
        "user_email"
    );
    assert_eq!(result["warnings"], serde_json::json!([]));
}

#[test]
fn menu_flattens_a_linktor_nested_menu() {
    let body = br#"{"menu":[{"locale":"default","callToActions":[{"type":"postback","title":"Help","payload":"HELP"},{"type":"nested","title":"More","callToActions":[{"type":"web_url","title":"Site","url":"https://example.com"}]}]}]}"#;
    let out = msgrkit(&["menu", "--from", "linktor", "--compact"], body);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result = stdout_json(&out);
    assert_eq!(
        result["profile"]["persistent_menu"][0]["call_to_actions"][1]["title"],
        "More › Site"
    );
    assert_eq!(result["profile"]["get_started"]["payload"], "GET_STARTED");
    let check = msgrkit(&["validate"], result["profile"].to_string().as_bytes());
    assert_eq!(check.status.code(), Some(0), "the flattened menu validates");
}
