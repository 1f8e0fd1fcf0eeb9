//! `tests/vectors/link.json` through the exported C functions: chat links, parsing, QR
//! codes, and the `ref` round trip through `msgrkit_parse_webhook`.

use std::ptr;

use serde_json::{Value, json};

use super::vector_tests::runner::{assert_no_failures, run_suite, str_of};
use super::vector_tests::{c, take_json, take_string};
use msgrkit::{msgrkit_chat_link, msgrkit_parse_chat_link, msgrkit_parse_webhook, msgrkit_qr_svg};

#[test]
fn link_vectors_through_c() {
    let failures = run_suite("link", |input| {
        let link = || {
            let parts = c(&input["link"].to_string());
            // SAFETY: a valid string; the out-parameter is taken over by take_string.
            take_string(|out| unsafe { msgrkit_chat_link(parts.as_ptr(), out) })
        };
        let parse = |url: &str| {
            let url = c(url);
            // SAFETY: as above.
            take_json(|out| unsafe { msgrkit_parse_chat_link(url.as_ptr(), out) })
        };
        match input["call"].as_str().unwrap_or("link") {
            "link" => link().map(Value::String),
            "parse" => parse(str_of(input, "url")),
            "round_trip" => {
                let url = link()?;
                let body = str_of(input, "body").as_bytes();
                // SAFETY: a valid pointer and length.
                let parsed = take_json(|out| unsafe {
                    msgrkit_parse_webhook(body.as_ptr(), body.len(), out)
                })?;
                let refs: Vec<Value> = parsed["events"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|event| match event["type"].as_str() {
                        Some("postback") => Some(event["postback"]["referral"]["ref"].clone()),
                        Some("referral") => Some(event["referral"]["ref"].clone()),
                        _ => None,
                    })
                    .collect();
                Ok(json!({"parsed": parse(&url)?, "refs": refs}))
            }
            "qr" => {
                let text = c(str_of(input, "text"));
                let options = c(&input["options"].to_string());
                // SAFETY: valid strings.
                take_string(|out| unsafe { msgrkit_qr_svg(text.as_ptr(), options.as_ptr(), out) })
                    .map(|svg| {
                        json!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"))
                    })
            }
            other => panic!("no C runner for link.{other}"),
        }
    });
    assert_no_failures("link", failures);
    // NULL options are the defaults.
    let text = c("https://m.me/acme.shop");
    // SAFETY: a valid string and a NULL options pointer, as documented.
    let svg = take_string(|out| unsafe { msgrkit_qr_svg(text.as_ptr(), ptr::null(), out) });
    assert!(svg.is_ok_and(|svg| svg.contains("<svg")));
}
