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
    child.stdin.take().unwrap().write_all(stdin).unwrap();
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
fn parse_with_a_secret_but_no_header_fails_closed() {
    let out = msgrkit(
        &["parse", "--secret", SECRET],
        b"{\"object\":\"page\",\"entry\":[]}",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_json(&out)["code"], "signature_missing");
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
    for sub in ["sign", "verify", "parse", "handshake", "demo"] {
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
    ] {
        assert!(
            text.contains(expected),
            "demo output lacks {expected:?}:\n{text}"
        );
    }
}
