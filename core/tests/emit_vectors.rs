//! Runs `tests/vectors/emit.json` against the core's JSON-text surface: webhooks and send
//! outcomes as vendor callbacks, and the vendors' signatures verified.

use serde_json::{Value, json};

#[path = "support/runner.rs"]
mod runner;

use runner::{Failure, assert_no_failures, str_of, without_detail};

fn failure(error: &msgrkit::Error) -> Failure {
    Failure {
        code: error.code().to_owned(),
        field: error.field().map(str::to_owned),
    }
}

#[test]
fn emit_vectors() {
    let failures = runner::run_suite("emit", |input| {
        let vendor = str_of(input, "vendor");
        let config = input["config"].to_string();
        let answer = match str_of(input, "call") {
            "emit" => msgrkit::api::emit(vendor, str_of(input, "body").as_bytes(), &config),
            "outcome" => msgrkit::api::emit_outcome(vendor, &input["outcome"].to_string(), &config),
            "verify" => msgrkit::api::verify_callback(
                vendor,
                str_of(input, "body").as_bytes(),
                &input["headers"].to_string(),
                str_of(input, "secret"),
            )
            .map(|()| "true".to_owned()),
            other => panic!("unknown emit call {other}"),
        };
        let text = answer.map_err(|e| failure(&e))?;
        let value: Value = serde_json::from_str(&text).expect("answers are json");
        Ok(without_detail(value))
    });
    assert_no_failures("emit", failures);
}

#[test]
fn a_redelivered_webhook_gives_the_same_callbacks() {
    let body = json!({"object": "page", "entry": [{"id": "1", "time": 5, "messaging": [
        {"sender": {"id": "2"}, "recipient": {"id": "1"}, "timestamp": 5,
         "message": {"mid": "m", "text": "again"}}]}]})
    .to_string();
    let standby = body.replace("messaging", "standby");
    for vendor in ["smooch", "sunshine", "sinch", "linktor"] {
        let config = r#"{"app_id": "a", "project_id": "p", "integration_id": "i", "webhook_id": "w", "channel_id": "c"}"#;
        let first = msgrkit::api::emit(vendor, body.as_bytes(), config).unwrap();
        assert_eq!(
            first,
            msgrkit::api::emit(vendor, body.as_bytes(), config).unwrap()
        );
        let again = msgrkit::api::emit(vendor, standby.as_bytes(), config).unwrap();
        let ids = |text: &str| -> Vec<String> {
            let v: Value = serde_json::from_str(text).unwrap();
            v["callbacks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["body_text"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(ids(&first), ids(&again), "{vendor}: standby redelivery");
    }
}
