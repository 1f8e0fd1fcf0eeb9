//! Runs `tests/vectors/link.json` against the core API: chat links built and parsed, QR
//! codes, and the `ref` round trip through webhook parsing.

use msgrkit::link::{ChatLink, QrOptions, qr_svg};
use msgrkit::webhook::{self, EventKind};
use serde_json::{Value, json};

#[path = "support/runner.rs"]
mod runner;

use runner::{Failure, assert_no_failures, str_of};

fn failure(error: &msgrkit::Error) -> Failure {
    Failure {
        code: error.code().to_owned(),
        field: error.field().map(str::to_owned),
    }
}

/// The `ref` of every postback referral and referral event, in order.
fn refs(body: &str) -> Vec<Value> {
    let events = webhook::parse(body.as_bytes())
        .expect("round-trip bodies parse")
        .events;
    events
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::Postback(p) => p.referral.as_ref().map(|r| json!(r.ref_)),
            EventKind::Referral(r) => Some(json!(r.ref_)),
            _ => None,
        })
        .collect()
}

#[test]
fn link_vectors() {
    let failures = runner::run_suite("link", |input| {
        let call = input["call"].as_str().unwrap_or("link");
        let result: msgrkit::Result<Value> = match call {
            "link" => msgrkit::api::chat_link(&input["link"].to_string()).map(Value::String),
            "parse" => ChatLink::parse(str_of(input, "url"))
                .map(|link| serde_json::to_value(link).expect("links serialise")),
            "round_trip" => {
                let url =
                    msgrkit::api::chat_link(&input["link"].to_string()).map_err(|e| failure(&e))?;
                let parsed = ChatLink::parse(&url).map_err(|e| failure(&e))?;
                Ok(json!({"parsed": parsed, "refs": refs(str_of(input, "body"))}))
            }
            "qr" => msgrkit::api::qr_svg(str_of(input, "text"), &input["options"].to_string())
                .map(|svg| json!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"))),
            other => panic!("unknown link call {other}"),
        };
        result.map_err(|e| failure(&e))
    });
    assert_no_failures("link", failures);
}

#[test]
fn the_rust_api_renders_what_the_json_surface_does() {
    let url = ChatLink::page("acme.shop")
        .with_ref("spring_sale")
        .url()
        .unwrap();
    let svg = qr_svg(&url, &QrOptions::default()).unwrap();
    assert_eq!(svg, msgrkit::api::qr_svg(&url, "").unwrap());
}
