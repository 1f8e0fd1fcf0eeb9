//! Record and replay: a recording keeps the exact body and never a secret; a replay
//! re-signs every body with the test secret, keeps the order and the pace asked for, and
//! reports every answer that differs.

use msgrkit::record::replay::{self, ReplayOptions};
use msgrkit::record::{self, RecordedAnswer, Request, SIGNATURE_MARKER};
use msgrkit::signature;

const SECRET: &[u8] = b"production-app-secret";
const TEST: &[u8] = b"test-secret";

fn body(kind: &str) -> String {
    let item = match kind {
        "message" => r#""message":{"mid":"m_1","text":"hi"}"#,
        _ => r#""postback":{"mid":"m_2","payload":"BUY","title":"Buy"}"#,
    };
    format!(
        r#"{{"object":"page","entry":[{{"id":"1","time":1,"messaging":[{{"sender":{{"id":"7"}},"recipient":{{"id":"1"}},"timestamp":1,{item}}}]}}]}}"#
    )
}

fn line(seq: u64, at_ms: i64, body: &str, answer: Result<RecordedAnswer, String>) -> String {
    let headers = vec![
        ("Content-Type".to_owned(), "application/json".to_owned()),
        (
            "X-Hub-Signature-256".to_owned(),
            signature::sign(SECRET, body.as_bytes()),
        ),
        (
            "X-Hub-Signature".to_owned(),
            signature::sign_sha1(SECRET, body.as_bytes()),
        ),
        ("Authorization".to_owned(), "Bearer page-token".to_owned()),
        ("Host".to_owned(), "bot.example.com".to_owned()),
    ];
    let request = Request {
        seq,
        at_ms,
        path: "/webhook?x=1",
        headers: &headers,
        body: body.as_bytes(),
    };
    record::to_line(&record::record(request, SECRET, answer, 12).unwrap())
}

fn ok(body: &str) -> Result<RecordedAnswer, String> {
    Ok(RecordedAnswer::new(200, body.as_bytes()))
}

#[test]
fn a_recording_keeps_the_body_and_the_answer_but_no_secret() {
    let text = body("message");
    let written = line(1, 1_000, &text, ok(r#"{"ok": true}"#));
    let recorded: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(recorded["body"], text.as_str());
    assert_eq!(recorded["signature_valid"], true);
    assert_eq!(recorded["events"], serde_json::json!(["message"]));
    assert_eq!(recorded["headers"]["x-hub-signature-256"], SIGNATURE_MARKER);
    assert_eq!(recorded["headers"]["x-hub-signature"], SIGNATURE_MARKER);
    assert_eq!(recorded["answer"]["status"], 200);
    for secret in [
        "production-app-secret",
        "page-token",
        "sha256=",
        "sha1=",
        "bot.example.com",
    ] {
        assert!(!written.contains(secret), "{secret} written: {written}");
    }
}

#[test]
fn a_forged_delivery_is_recorded_as_such() {
    let text = body("message");
    let headers = vec![(
        "X-Hub-Signature-256".to_owned(),
        signature::sign(b"other", text.as_bytes()),
    )];
    let request = Request {
        seq: 1,
        at_ms: 0,
        path: "/",
        headers: &headers,
        body: text.as_bytes(),
    };
    let recorded = record::record(request, SECRET, ok(""), 1).unwrap();
    assert!(!recorded.signature_valid);
    let error = record::record(
        Request {
            body: b"\xff",
            ..request
        },
        SECRET,
        ok(""),
        1,
    )
    .unwrap_err();
    assert_eq!(
        (error.code(), error.field()),
        ("invalid_utf8", Some("body"))
    );
}

#[test]
fn a_replay_re_signs_each_body_with_the_test_secret_in_order() {
    let (a, b) = (body("message"), body("postback"));
    let recording = [line(1, 1_000, &a, ok("")), line(2, 3_000, &b, ok(""))].join("\n");
    let steps = replay::plan(&recording, TEST, &ReplayOptions::default()).unwrap();
    assert_eq!(steps.iter().map(|s| s.seq).collect::<Vec<_>>(), [1, 2]);
    for (step, text) in steps.iter().zip([&a, &b]) {
        assert_eq!(&step.body, text);
        assert_eq!(step.path, "/webhook?x=1");
        assert_eq!(step.wait_ms, 0);
        let pairs = step.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        signature::verify_headers(
            TEST,
            text.as_bytes(),
            pairs,
            signature::VerifyOptions::default(),
        )
        .unwrap();
        let sha1 = step
            .headers
            .iter()
            .find(|(n, _)| n == "x-hub-signature")
            .unwrap();
        signature::verify_with(
            TEST,
            text.as_bytes(),
            &sha1.1,
            signature::VerifyOptions::allowing_sha1(),
        )
        .unwrap();
    }
    let fast = replay::plan(
        &recording,
        TEST,
        &ReplayOptions {
            speed: Some(4.0),
            only: None,
        },
    )
    .unwrap();
    assert_eq!(fast.iter().map(|s| s.wait_ms).collect::<Vec<_>>(), [0, 500]);
    let only = ReplayOptions {
        speed: None,
        only: Some("postback".into()),
    };
    assert_eq!(replay::plan(&recording, TEST, &only).unwrap()[0].seq, 2);
}

#[test]
fn a_replay_says_what_is_wrong_with_its_input() {
    let recording = line(1, 0, &body("message"), ok(""));
    let cases: [(&str, ReplayOptions, &str, &str); 4] = [
        (
            &recording,
            ReplayOptions {
                speed: Some(0.0),
                only: None,
            },
            "invalid_input",
            "speed",
        ),
        (
            &recording,
            ReplayOptions {
                speed: None,
                only: Some("mesage".into()),
            },
            "invalid_input",
            "only",
        ),
        (
            "{\"seq\": 1}",
            ReplayOptions::default(),
            "invalid_json",
            "line 1",
        ),
        (
            "\n\nnot json",
            ReplayOptions::default(),
            "invalid_json",
            "line 3",
        ),
    ];
    for (text, options, code, field) in cases {
        let error = replay::plan(text, TEST, &options).unwrap_err();
        assert_eq!(error.code(), code, "{error}");
        assert!(
            error.field().unwrap().starts_with(field),
            "{:?}",
            error.field()
        );
    }
    let only = ReplayOptions {
        speed: None,
        only: Some("mesage".into()),
    };
    let message = replay::plan(&recording, TEST, &only)
        .unwrap_err()
        .to_string();
    assert!(message.contains("it holds: message"), "{message}");
    assert_eq!(
        replay::plan(&recording, b"", &ReplayOptions::default())
            .unwrap_err()
            .code(),
        "app_secret_empty"
    );
}

#[test]
fn every_difference_from_the_recorded_answer_is_reported() {
    let recording = line(1, 0, &body("message"), ok(r#"{"handled": 1, "by": "bot"}"#));
    let step = &replay::plan(&recording, TEST, &ReplayOptions::default()).unwrap()[0];
    assert!(replay::compare(step, Ok((200, br#"{"by":"bot","handled":1}"#))).is_empty());
    let found = replay::compare(step, Ok((500, b"boom")));
    assert_eq!(
        found.iter().map(|d| d.field.as_str()).collect::<Vec<_>>(),
        ["status", "body"]
    );
    assert_eq!(
        (found[0].recorded.as_str(), found[0].replayed.as_str()),
        ("200", "500")
    );
    assert_eq!(
        replay::compare(step, Err("connection refused".into()))[0].field,
        "answered"
    );
}

#[test]
fn a_long_answer_is_cut_on_a_character_boundary_and_compared_by_its_start() {
    let long = "é".repeat(record::ANSWER_BODY_MAX_BYTES);
    let cut = RecordedAnswer::new(200, long.as_bytes());
    assert!(cut.truncated && cut.body.len() <= record::ANSWER_BODY_MAX_BYTES);
    let recording = line(1, 0, &body("message"), Ok(cut));
    let step = &replay::plan(&recording, TEST, &ReplayOptions::default()).unwrap()[0];
    assert!(replay::compare(step, Ok((200, long.as_bytes()))).is_empty());
}
