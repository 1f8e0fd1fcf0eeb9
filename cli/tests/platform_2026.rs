//! The platform changes of 2025–26 (issue 14) through the real binary: several app
//! secrets, the webhook's `Facebook-API-Version` header, Instagram's dated rules.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

const BODY: &str = r#"{"object":"page","entry":[]}"#;

fn msgrkit(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_msgrkit"));
    command.args(args).env_remove("MSGRKIT_APP_SECRET");
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("msgrkit runs");
    if let Err(err) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
    }
    child.wait_with_output().unwrap()
}

fn json_of(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("not json ({e}): {}", String::from_utf8_lossy(bytes)))
}

fn signed(secret: &str) -> String {
    msgrkit::signature::sign(secret.as_bytes(), BODY.as_bytes())
}

#[test]
fn verify_tries_every_secret_and_names_the_one_that_matched() {
    let header = signed("RIGHT");
    let args = [
        "verify", "--secret", "WRONG", "--secret", "RIGHT", "--header", &header,
    ];
    let out = msgrkit(&args, BODY.as_bytes(), &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = json_of(&out.stdout);
    assert_eq!(
        (
            printed["secret_index"].clone(),
            printed["algorithm"].clone()
        ),
        (json!(1), json!("sha256"))
    );

    let only_wrong = msgrkit(
        &["verify", "--secret", "WRONG", "--header", &header],
        BODY.as_bytes(),
        &[],
    );
    assert_eq!(only_wrong.status.code(), Some(1));
    assert_eq!(json_of(&only_wrong.stderr)["code"], "signature_mismatch");

    let from_env = msgrkit(
        &["verify", "--header", &header],
        BODY.as_bytes(),
        &[("MSGRKIT_APP_SECRET", "WRONG,RIGHT")],
    );
    assert_eq!(json_of(&from_env.stdout)["secret_index"], 1);

    for secrets in [&["RIGHT", ""][..], &[""][..]] {
        let mut args = vec!["verify", "--header", header.as_str()];
        for secret in secrets {
            args.extend(["--secret", secret]);
        }
        let out = msgrkit(&args, BODY.as_bytes(), &[]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(json_of(&out.stderr)["code"], "app_secret_empty");
    }
}

#[test]
fn parse_with_a_header_file_reports_the_api_version() {
    let dir = std::env::temp_dir().join(format!("msgrkit-headers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("headers.txt");
    let lines = format!(
        "POST /webhook HTTP/1.1\r\nHost: helpdesk.example\r\nFacebook-API-Version: v27.0\r\nX-Hub-Signature-256: {}\r\n\r\n",
        signed("S")
    );
    std::fs::write(&file, lines).unwrap();
    let path = file.to_str().unwrap();
    let out = msgrkit(
        &["parse", "--headers", path, "--secret", "S"],
        BODY.as_bytes(),
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = json_of(&out.stdout);
    assert_eq!(printed["api_version"], "v27.0");
    assert_eq!(printed["secret_index"], 0);
    assert_eq!(printed["notification"]["object"], "page");

    let wrong = msgrkit(
        &["parse", "--headers", path, "--secret", "T"],
        BODY.as_bytes(),
        &[],
    );
    assert_eq!(json_of(&wrong.stderr)["code"], "signature_mismatch");
    let no_secret = msgrkit(&["parse", "--headers", path], BODY.as_bytes(), &[]);
    assert_eq!(no_secret.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn instagram_contact_quick_replies_end_on_2026_10_05() {
    let request = json!({"recipient": {"id": "1"}, "messaging_type": "RESPONSE",
        "message": {"text": "Your email?", "quick_replies": [{"content_type": "user_email"}]}});
    let body = request.to_string();
    let after = msgrkit(
        &[
            "validate",
            "--platform",
            "instagram",
            "--as-of",
            "2026-11-01",
        ],
        body.as_bytes(),
        &[],
    );
    assert_eq!(after.status.code(), Some(1));
    let violations = json_of(&after.stdout)["violations"].clone();
    assert_eq!(
        violations[0]["field"],
        "message.quick_replies[0].content_type"
    );
    assert_eq!(violations[0]["code"], "retired");
    let before = msgrkit(
        &[
            "validate",
            "--platform",
            "instagram",
            "--as-of",
            "2026-09-01",
        ],
        body.as_bytes(),
        &[],
    );
    assert_eq!(
        before.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&before.stdout)
    );
}
