//! Properties of transcoding vendor messages:
//! - nothing of a Sinch message is lost silently: every leaf value of the input appears in
//!   the output messages, or under a warning whose `field` is that leaf's input path (or a
//!   parent of it);
//! - every request `transcode` yields passes `validate` with the same profile: vendor send
//!   options (tags, messaging types) are judged by the dated profile like the content.

use msgrkit::compose::{self, ComposeOptions};
use msgrkit::dialect::{self, Dialect};
use msgrkit::limits::{self, Date, Platform, Product};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

/// A unique word, so a value found in the output is the one put in.
fn word(n: u32) -> String {
    format!("w{n}x")
}

fn choice(n: u32, kind: u8) -> Value {
    let postback = json!(word(n + 90));
    match kind % 6 {
        0 => json!({"text_message": {"text": word(n)}, "postback_data": postback}),
        1 => {
            json!({"url_message": {"title": word(n), "url": format!("https://example.com/{}", word(n + 1))}, "postback_data": postback})
        }
        2 => json!({"call_message": {"title": word(n), "phone_number": "46732000000"}}),
        3 => {
            json!({"location_message": {"title": word(n), "label": word(n + 2), "coordinates": {"latitude": 59.25, "longitude": 18.5}}})
        }
        4 => {
            json!({"calendar_message": {"title": word(n), "event_start": word(n + 3), "event_end": word(n + 4),
                                           "event_title": word(n + 5), "fallback_url": "https://example.com/cal"}})
        }
        _ => {
            json!({"share_location_message": {"title": word(n), "fallback_url": "https://example.com/share"}})
        }
    }
}

fn media(n: u32, ext: &str, extras: bool) -> Value {
    let mut media = json!({"url": format!("https://cdn.example.com/{}{ext}", word(n))});
    if extras {
        media["thumbnail_url"] = json!(format!("https://cdn.example.com/t{}.jpg", word(n)));
        media["filename_override"] = json!(word(n + 7));
    }
    media
}

fn card(n: u32, ext: &'static str, kinds: &[u8], extras: bool) -> Value {
    let choices: Vec<Value> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| choice(n + 10 * (i as u32 + 1), *k))
        .collect();
    let mut card = json!({"title": word(n), "description": word(n + 1), "media_message": media(n + 2, ext, extras), "choices": choices});
    if extras {
        card["height"] = json!("MEDIUM");
        card["message_properties"] = json!({"whatsapp_header": word(n + 3)});
    }
    card
}

fn sinch_message() -> impl Strategy<Value = Value> {
    let exts = prop_oneof![Just(""), Just(".png"), Just(".mp4"), Just(".pdf")];
    let kinds = proptest::collection::vec(0u8..6, 1..4);
    (0u8..7, exts, kinds, any::<bool>(), 1usize..4).prop_map(|(kind, ext, kinds, extras, count)| {
        let mut message = match kind {
            0 => json!({"text_message": {"text": word(1)}}),
            1 => json!({"media_message": media(1, ext, extras)}),
            2 => {
                let choices: Vec<Value> = kinds.iter().enumerate().map(|(i, k)| choice(10 * (i as u32 + 1), *k)).collect();
                let mut m = json!({"choice_message": {"text_message": {"text": word(1)}, "choices": choices}});
                if extras {
                    m["choice_message"]["message_properties"] = json!({"whatsapp_footer": word(2)});
                }
                m
            }
            3 => json!({"card_message": card(100, ext, &kinds[..1], extras)}),
            4 => {
                let cards: Vec<Value> = (0..count).map(|i| card(100 * (i as u32 + 1), ext, &kinds[..1], extras)).collect();
                json!({"carousel_message": {"cards": cards}})
            }
            5 => json!({"list_message": {"title": word(1), "description": word(2), "media": media(3, ".jpg", extras),
                "message_properties": {"catalog_id": word(4), "menu": word(5)},
                "sections": [{"title": word(6), "items": [
                    {"choice": {"title": word(7), "postback_data": word(8), "description": word(9), "media": media(10, ".png", extras)}},
                    {"choice": {"title": word(11)}}]}]}}),
            _ => json!({"location_message": {"title": word(1), "label": word(2), "coordinates": {"latitude": 1.5, "longitude": 2.25}}}),
        };
        if extras {
            message["channel_specific_message"] = json!({"MESSENGER": {"message_type": "FLOWS", "message": {"flow_id": word(900)}}});
            message["agent"] = json!({"display_name": word(901)});
        }
        message
    })
}

fn leaves(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                leaves(child, at, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                leaves(child, format!("{path}[{index}]"), out);
            }
        }
        other => out.push((path, other.clone())),
    }
}

fn within(field: &str, parent: &str) -> bool {
    field == parent
        || field
            .strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_sinch_value_vanishes_without_a_warning(message in sinch_message()) {
        let Ok(out) = dialect::transcode(Dialect::Sinch, &message, &ComposeOptions::default()) else {
            return Ok(()); // a refusal is an error with a field: nothing is sent, nothing lost
        };
        let blob = serde_json::to_string(&out.messages).unwrap();
        let mut found = Vec::new();
        leaves(&message, String::new(), &mut found);
        for (path, value) in found {
            let shown = match &value {
                Value::String(s) => blob.contains(s.as_str()),
                Value::Number(n) => blob.contains(&n.to_string()),
                _ => true,
            };
            let warned = out.warnings.iter().any(|w| within(&path, &w.field));
            prop_assert!(shown || warned, "{path} = {value} is neither sent nor reported: {:?}", out.warnings);
        }
        // Warnings name Sinch's fields, never the neutral model's.
        for warning in &out.warnings {
            prop_assert!(!warning.field.starts_with("actions") && !warning.field.starts_with("cards"),
                "{} names the neutral model", warning.field);
        }
    }

    #[test]
    fn every_transcoded_request_passes_validate(
        tag in prop_oneof![Just("HUMAN_AGENT"), Just("POST_PURCHASE_UPDATE"), Just("ACCOUNT_UPDATE"),
                           Just("CUSTOMER_FEEDBACK"), Just("SHIPPING_UPDATE"), Just("NO_SUCH_TAG")],
        day in 0i64..1200,
        instagram in any::<bool>(),
        vendor in any::<bool>(),
    ) {
        let as_of = Date::from_millis((1_735_689_600 + day * 86_400) * 1000); // from 2025-01-01
        let product = if instagram { Product::Instagram } else { Product::Messenger };
        let mut options = ComposeOptions::default();
        options.platform = Platform::as_of(as_of).for_product(product);
        let (dialect, body) = if vendor {
            (Dialect::Linktor, json!({"channelId": "c", "to": "1", "content": {"type": "text", "text": "hi"}, "options": {"tag": tag}}))
        } else {
            (Dialect::Sinch, json!({"message": {"text_message": {"text": "hi"}}, "channel_properties": {"MESSENGER_MESSAGE_TAG": tag}}))
        };
        if let Ok(out) = dialect::transcode(dialect, &body, &options) {
            for request in compose::requests(&out.messages, "6500000000000001", &out.options) {
                prop_assert_eq!(limits::validate(&request, &options.platform), vec![], "{} on {}", tag, as_of);
            }
        }
    }
}

/// The properties above skip refused inputs; this holds them to testing something: most
/// generated Sinch messages transcode, and some requests with vendor tags are accepted.
#[test]
fn the_generators_mostly_produce_sendable_messages() {
    let mut runner = TestRunner::deterministic();
    let strategy = sinch_message();
    let total = 200;
    let sent = (0..total)
        .filter(|_| {
            let message = strategy.new_tree(&mut runner).unwrap().current();
            dialect::transcode(Dialect::Sinch, &message, &ComposeOptions::default()).is_ok()
        })
        .count();
    assert!(
        sent * 2 > total,
        "only {sent} of {total} generated messages transcode"
    );
    let tagged = json!({"message": {"text_message": {"text": "hi"}}, "channel_properties": {"MESSENGER_MESSAGE_TAG": "HUMAN_AGENT"}});
    assert!(dialect::transcode(Dialect::Sinch, &tagged, &ComposeOptions::default()).is_ok());
}
