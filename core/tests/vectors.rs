//! Runs the language-neutral vectors in `tests/vectors/` against the core API.
//!
//! Each file is one test that runs every case and fails once, listing every failing id.

use msgrkit::limits;
use msgrkit::signature::{self, VerifyOptions};
use msgrkit::webhook::{self, SentMessage};
use msgrkit::{compose, dialect, send};
use serde_json::{Value, json};

#[path = "support/runner.rs"]
mod runner;

use runner::{
    Failure, assert_no_failures, body, code_and_severity, comparable, load, str_of, vectors_dir,
    without_detail,
};

/// [`runner::run_suite`] for calls into the Rust API, whose errors are `msgrkit::Error`.
fn run_suite(suite: &str, run: impl Fn(&Value) -> msgrkit::Result<Value>) -> Vec<String> {
    runner::run_suite(suite, |input| {
        run(input).map_err(|error| Failure {
            code: error.code().to_owned(),
            field: error.field().map(str::to_owned),
        })
    })
}

fn options(input: &Value) -> VerifyOptions {
    if input["allow_sha1"].as_bool().unwrap_or(false) {
        VerifyOptions::allowing_sha1()
    } else {
        VerifyOptions::default()
    }
}

#[test]
fn signature_vectors() {
    let failures = run_suite("signature", |input| {
        let secret = input["app_secret"].as_str().unwrap_or_default().as_bytes();
        match input["call"].as_str().unwrap_or("verify") {
            "verify_any" => signature::verify_any(
                &secrets(input),
                &body(input),
                str_of(input, "header"),
                options(input),
            )
            .map(|verified| serde_json::to_value(verified).expect("serialisable")),
            "verify" => signature::verify_with(
                secret,
                &body(input),
                str_of(input, "header"),
                options(input),
            )
            .map(|alg| json!(alg.name())),
            "sign" => msgrkit::api::sign(secret, &body(input)).map(|header| json!(header)),
            "verify_headers" => {
                let headers = header_pairs(input);
                signature::verify_headers(secret, &body(input), headers, options(input))
                    .map(|alg| json!(alg.name()))
            }
            "head" => {
                let max = usize::try_from(input["max_body_bytes"].as_u64().unwrap_or(0)).unwrap();
                webhook::head(header_pairs(input), options(input), max).map(|n| json!(n))
            }
            "record" => msgrkit::api::record_delivery(
                &body(input),
                &input["headers"].to_string(),
                str_of(input, "app_secret"),
                &input["delivery"].to_string(),
            )
            .map(|line| serde_json::from_str(&line).expect("a line is json")),
            other => panic!("unknown signature call {other}"),
        }
    });
    assert_no_failures("signature", failures);
}

#[test]
fn webhook_vectors() {
    let failures = run_suite("webhook", |input| {
        match input["call"].as_str().unwrap_or("parse") {
            "parse" => {
                let mut options = webhook::ParseOptions::default();
                if let Some(max) = input["max_body_bytes"].as_u64() {
                    options = options.max_body_bytes(usize::try_from(max).unwrap());
                }
                webhook::parse_with(&body(input), &options)
                    .map(|n| comparable(serde_json::to_value(n).expect("serialisable")))
            }
            "receive" => {
                let headers = header_pairs(input);
                let parse = webhook::ParseOptions::default();
                let received = webhook::receive(
                    &secrets(input),
                    &body(input),
                    headers,
                    options(input),
                    &parse,
                )?;
                let mut out = serde_json::to_value(received).expect("serialisable");
                out["notification"] = comparable(out["notification"].take());
                Ok(out)
            }
            "handshake" => {
                let token = str_of(input, "verify_token");
                let answer = match input.get("params") {
                    Some(params) => {
                        let pairs = params.as_array().expect("params").iter();
                        let pairs = pairs.map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap()));
                        webhook::handshake(pairs, token)
                    }
                    None => webhook::handshake_query(str_of(input, "query"), token),
                };
                Ok(serde_json::to_value(answer).expect("serialisable"))
            }
            "conversation_keys" => {
                let events = webhook::parse(&body(input))?.events;
                Ok(json!(
                    events
                        .iter()
                        .map(webhook::Event::conversation_key)
                        .collect::<Vec<_>>()
                ))
            }
            "is_own_echo" => {
                let app_id = str_of(input, "app_id");
                let events = webhook::parse(&body(input))?.events;
                Ok(json!(
                    events
                        .iter()
                        .map(|e| e.is_own_echo(app_id))
                        .collect::<Vec<_>>()
                ))
            }
            "covered" => {
                let sent: Vec<SentMessage> =
                    serde_json::from_value(input["sent"].clone()).expect("sent");
                let events = webhook::parse(&body(input))?.events;
                Ok(json!(
                    events.iter().map(|e| e.covered(&sent)).collect::<Vec<_>>()
                ))
            }
            other => panic!("unknown webhook call {other}"),
        }
    });
    assert_no_failures("webhook", failures);
}

/// The `headers` of a case as `(name, value)` pairs.
fn header_pairs(input: &Value) -> Vec<(&str, &str)> {
    let pairs = input["headers"].as_array().expect("headers").iter();
    pairs
        .map(|pair| (pair[0].as_str().unwrap(), pair[1].as_str().unwrap()))
        .collect()
}

fn secrets(input: &Value) -> Vec<&str> {
    let list = input["app_secrets"].as_array().expect("app_secrets");
    list.iter().map(|s| s.as_str().expect("a secret")).collect()
}

/// The profile options of a send case, as the JSON-text surface takes them.
/// Every key of a case's input but `call` and `body`: the options, as a host passes them
/// (a misspelt one included, for the core to refuse).
fn profile_options(input: &Value) -> String {
    let mut options = input.as_object().cloned().unwrap_or_default();
    options.remove("call");
    options.remove("body");
    Value::Object(options).to_string()
}

#[test]
fn send_vectors() {
    let failures = run_suite("send", |input| {
        match input["call"].as_str().unwrap_or("validate") {
            "validate" => {
                // A string body is the request's JSON text, as the hosts take it.
                let body = input["body"]
                    .as_str()
                    .map_or_else(|| input["body"].to_string(), str::to_owned);
                let text = msgrkit::api::validate(&body, &profile_options(input))?;
                let mut answer: Value = serde_json::from_str(&text).expect("json");
                Ok(without_detail(answer["violations"].take()))
            }
            "roundtrip" => send::normalize_json(&input["body"]),
            "prepare" => {
                let mut args = input.clone();
                args.as_object_mut().map(|map| map.remove("call"));
                let value = match msgrkit::api::prepare_send_value(args)? {
                    Ok(prepared) => serde_json::to_value(prepared),
                    Err(refusal) => serde_json::to_value(json!({ "refusal": refusal })),
                };
                Ok(without_detail(value.expect("serialisable")))
            }
            other => panic!("unknown send call {other}"),
        }
    });
    assert_no_failures("send", failures);
}

#[test]
fn policy_vectors() {
    let failures = run_suite("policy", |input| {
        // `call` picks the function; the rest is its input, read as every binding has it read.
        let mut args = input.clone();
        args.as_object_mut().map(|map| map.remove("call"));
        let outcome = match input["call"].as_str().unwrap_or("decide") {
            "decide" => msgrkit::api::decide_policy_value(args)?,
            "private_reply" => msgrkit::api::decide_private_reply_value(args)?,
            other => panic!("unknown policy call {other}"),
        };
        let value = match outcome {
            Ok(decision) => serde_json::to_value(decision),
            Err(refusal) => serde_json::to_value(json!({ "refusal": refusal })),
        };
        Ok(without_detail(value.expect("serialisable")))
    });
    assert_no_failures("policy", failures);
}

#[test]
fn compose_vectors() {
    let failures = run_suite("compose", |input| {
        let options = input.get("options").cloned().unwrap_or_else(|| json!({}));
        if input["call"] == "menu" {
            let menu: compose::Menu =
                serde_json::from_value(input["menu"].clone()).expect("a neutral menu");
            let options: compose::ComposeOptions =
                serde_json::from_value(options).expect("compose options");
            let composed = compose::menu(&menu, &options)?;
            return Ok(without_detail(
                serde_json::to_value(composed).expect("serialisable"),
            ));
        }
        let composed = compose::compose_json(&input["message"], &options)?;
        Ok(without_detail(
            serde_json::to_value(composed).expect("serialisable"),
        ))
    });
    assert_no_failures("compose", failures);
}

#[test]
fn dialect_vectors() {
    let failures = run_suite("dialect", |input| {
        let dialect =
            dialect::Dialect::from_name(str_of(input, "dialect")).expect("a known dialect");
        let options = input.get("options").cloned().unwrap_or_else(|| json!({}));
        let options: compose::ComposeOptions =
            serde_json::from_value(options).expect("compose options");
        if input["call"] == "menu" {
            let (menu, mut warnings) = dialect::read_menu(dialect, &input["body"])?;
            let mut composed = compose::menu(&menu, &options)?;
            warnings.append(&mut composed.warnings);
            composed.warnings = warnings;
            return Ok(without_detail(
                serde_json::to_value(composed).expect("serialisable"),
            ));
        }
        let transcoded = dialect::transcode(dialect, &input["body"], &options);
        // The JSON-text path must give the same answer as the JSON-value path.
        let from_text = dialect::transcode_str(dialect, &input["body"].to_string(), &options);
        let same = match (&transcoded, &from_text) {
            (Ok(a), Ok(b)) => a == b,
            (Err(a), Err(b)) => a.code() == b.code() && a.field() == b.field(),
            _ => false,
        };
        assert!(
            same,
            "text and value paths differ: {transcoded:?} vs {from_text:?}"
        );
        Ok(without_detail(
            serde_json::to_value(transcoded?).expect("serialisable"),
        ))
    });
    assert_no_failures("dialect", failures);
}

/// Every message any compose or dialect vector expects passes `validate` (issue: "every
/// emitted message in every vector passes validate"), so the vectors cannot drift into
/// promising payloads Meta would reject.
#[test]
fn every_expected_message_validates() {
    let mut failures = Vec::new();
    for suite in ["compose", "dialect"] {
        let cases = load(suite)["cases"].as_array().expect("cases").clone();
        for case in cases.iter().filter(|c| c["expect"].get("ok").is_some()) {
            let options = case["input"]
                .get("options")
                .cloned()
                .unwrap_or_else(|| json!({}));
            let options: compose::ComposeOptions =
                serde_json::from_value(options).expect("compose options");
            for (index, message) in case["expect"]["ok"]["messages"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                let message: send::Message =
                    serde_json::from_value(message.clone()).expect("a Send API message");
                let violations = limits::validate_message(&message, &options.platform);
                if !violations.is_empty() {
                    failures.push(format!("{} messages[{index}]: {violations:?}", case["id"]));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "expected messages that do not validate:\n  {}",
        failures.join("\n  ")
    );
}

/// Every file parses, ids are unique and stable-looking, flags have notes, and each
/// case expects exactly one of `ok` and `error`.
#[test]
fn vector_files_are_well_formed() {
    let mut total = 0;
    for entry in std::fs::read_dir(vectors_dir()).expect("tests/vectors exists") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let suite = doc["suite"].as_str().expect("suite");
        assert_eq!(path.file_stem().unwrap(), suite, "file name equals suite");
        let notes = doc["notes"].as_object().expect("notes");
        let mut seen = std::collections::HashSet::new();
        for case in doc["cases"].as_array().expect("cases") {
            let id = case["id"].as_str().expect("id");
            assert!(
                id.starts_with(&format!("{suite}/")),
                "{id} starts with its suite"
            );
            assert!(seen.insert(id.to_owned()), "duplicate id {id}");
            let expect = case["expect"].as_object().expect("expect");
            assert_eq!(expect.len(), 1, "{id}: expect holds one key");
            assert!(
                expect.contains_key("ok") || expect.contains_key("error"),
                "{id}"
            );
            for flag in case["flags"].as_array().into_iter().flatten() {
                assert!(
                    notes.contains_key(flag.as_str().unwrap()),
                    "{id}: flag {flag} has no note"
                );
            }
            total += 1;
        }
    }
    assert!(total >= 60, "only {total} vectors");
}

#[test]
fn graph_vectors() {
    use msgrkit::graph::{self, RawResponse};
    let failures = run_suite("graph", |input| match str_of(input, "kind") {
        "request" => {
            let graph = graph::graph_from_parts(None, input["config"].clone())?;
            let request = graph::request_from_json(&graph, str_of(input, "call"), &input["args"])?;
            Ok(serde_json::to_value(request).expect("requests serialise"))
        }
        "response" => {
            let headers = serde_json::from_value(input["headers"].clone()).expect("header pairs");
            let body = str_of(input, "body").as_bytes().to_vec();
            let status =
                u16::try_from(input["status"].as_u64().expect("status")).expect("u16 status");
            graph::ClassifiedResponse::of(&RawResponse::new(status, headers, body))
                .map(|answer| serde_json::to_value(answer).expect("answers serialise"))
        }
        "user_profile" => {
            let headers = serde_json::from_value(input["headers"].clone()).expect("header pairs");
            let body = str_of(input, "body").as_bytes().to_vec();
            let status =
                u16::try_from(input["status"].as_u64().expect("status")).expect("u16 status");
            let answer = graph::ProfileAnswer::of(&RawResponse::new(status, headers, body))?;
            Ok(serde_json::to_value(answer).expect("answers serialise"))
        }
        "diagnose" => {
            let findings: Value = serde_json::from_str(&msgrkit::api::graph_diagnose(
                &input["answers"].to_string(),
            )?)
            .unwrap();
            Ok(code_and_severity(&findings))
        }
        "usage" => {
            let headers: Vec<(String, String)> =
                serde_json::from_value(input["headers"].clone()).expect("header pairs");
            let report = graph::UsageReport::from_headers(&headers);
            Ok(
                json!({"highest": report.highest, "regain_after_seconds": report.regain_after_seconds}),
            )
        }
        other => panic!("unknown graph vector kind {other}"),
    });
    assert_no_failures("graph", failures);
}
