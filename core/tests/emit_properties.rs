//! Properties of inbound transcoding, for every vendor: every event of a delivery is
//! accounted for (callbacks, or a `no_equivalent` warning naming it), and a delivery's
//! callbacks are those of its events emitted one by one, batched or alone.

use msgrkit::emit::{EmitConfig, Vendor, emit};
use msgrkit::webhook;
use proptest::prelude::*;
use serde_json::{Value, json};

const PAGE: &str = "106000000000001";

fn person(key: &str, payload: Value) -> Value {
    json!({"sender": {"id": "6500000000000001"}, "recipient": {"id": PAGE},
           "timestamp": 1_700_000_000_123_i64, key: payload})
}

fn item() -> impl Strategy<Value = Value> {
    let mid = "m_[a-z0-9]{1,6}";
    let url = prop_oneof![
        Just(json!({"url": "https://x.test/a.jpg"})),
        Just(json!({"url": "https://x.test/file"})),
        Just(json!({})),
    ];
    let kind = prop_oneof![
        Just("image"),
        Just("video"),
        Just("audio"),
        Just("file"),
        Just("sticker"),
        Just("fallback"),
        Just("template"),
        Just("story_mention"),
        Just("brand_new"),
    ];
    let attachment =
        (kind, url).prop_map(|(kind, payload)| json!({"type": kind, "payload": payload}));
    prop_oneof![
        (mid, proptest::option::of("[a-zA-Z ]{0,8}"), proptest::collection::vec(attachment, 0..3))
            .prop_map(|(mid, text, attachments)| {
                let mut message = json!({"mid": mid, "attachments": attachments});
                if let Some(text) = text {
                    message["text"] = json!(text);
                }
                person("message", message)
            }),
        mid.prop_map(|m| person("message", json!({"mid": m, "text": "Red", "quick_reply": {"payload": "RED"}}))),
        mid.prop_map(|m| json!({"sender": {"id": PAGE}, "recipient": {"id": "6500000000000001"}, "timestamp": 5,
                                "message": {"mid": m, "text": "ok", "is_echo": true, "app_id": 1}})),
        (mid, proptest::option::of("[A-Z]{1,5}")).prop_map(|(m, title)| person("postback", json!({"mid": m, "payload": "P", "title": title}))),
        Just(person("postback", json!({"payload": "GET_STARTED", "referral": {"ref": "r", "source": "SHORTLINK"}}))),
        Just(person("read", json!({"watermark": 1_700_000_000_000_i64}))),
        proptest::collection::vec(mid, 0..3).prop_map(|mids| person("delivery", json!({"mids": mids, "watermark": 5}))),
        mid.prop_map(|m| person("reaction", json!({"mid": m, "action": "react", "reaction": "love"}))),
        mid.prop_map(|m| person("message_edit", json!({"mid": m, "text": "x", "num_edit": 1}))),
        Just(person("optin", json!({"ref": "plugin"}))),
        Just(person("optin", json!({"type": "notification_messages", "notification_messages_token": "t"}))),
        Just(person("referral", json!({"ref": "r", "source": "ADS", "ad_id": "1"}))),
        Just(person("pass_thread_control", json!({"new_owner_app_id": "2"}))),
        Just(person("brand_new_kind", json!({"x": 1}))),
    ]
}

fn body(items: &[Value]) -> Vec<u8> {
    json!({"object": "page", "entry": [{"id": PAGE, "time": 1_700_000_000_999_i64, "messaging": items}]})
        .to_string()
        .into_bytes()
}

fn config() -> EmitConfig {
    serde_json::from_value(
        json!({"app_id": "a", "project_id": "p", "integration_id": "i", "webhook_id": "w",
                                  "channel_id": "c", "get_started_payload": "GET_STARTED"}),
    )
    .unwrap()
}

fn vendor() -> impl Strategy<Value = Vendor> {
    prop_oneof![
        Just(Vendor::Smooch),
        Just(Vendor::Sunshine),
        Just(Vendor::Sinch),
        Just(Vendor::Linktor)
    ]
}

/// The callbacks' bodies, Sunshine's envelope opened into its events.
fn bodies(vendor: Vendor, emitted: &msgrkit::emit::Emitted) -> Vec<Value> {
    emitted
        .callbacks
        .iter()
        .flat_map(|c| match vendor {
            Vendor::Sunshine => c.body["events"].as_array().unwrap().clone(),
            _ => vec![c.body.clone()],
        })
        .collect()
}

proptest! {
    #[test]
    fn every_event_is_a_callback_or_a_warning_and_batching_changes_nothing(
        vendor in vendor(),
        items in proptest::collection::vec(item(), 1..6),
    ) {
        let config = config();
        let batch = emit(vendor, &webhook::parse(&body(&items)).unwrap(), &config).unwrap();
        let mut alone_bodies = Vec::new();
        let mut alone_warnings = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let one = emit(vendor, &webhook::parse(&body(std::slice::from_ref(item))).unwrap(), &config).unwrap();
            let no_equivalent = one.warnings.iter().any(|w| w.code.as_str() == "no_equivalent");
            let produced = bodies(vendor, &one);
            prop_assert!(!produced.is_empty() || no_equivalent, "event {index} vanished: {item}");
            prop_assert!(produced.is_empty() || !no_equivalent, "event {index} both sent and refused");
            alone_bodies.extend(produced);
            alone_warnings.extend(one.warnings.into_iter().map(|mut w| { w.event = index; w }));
        }
        prop_assert_eq!(bodies(vendor, &batch), alone_bodies);
        prop_assert_eq!(batch.warnings, alone_warnings);
    }
}

/// A delivery receipt covering far more sent messages than one call makes callbacks for:
/// each vendor emits `EMIT_RECEIPT_CALLBACKS_MAX` and warns of the rest. With 100,000 sent
/// messages this also holds `emit` linear (the quadratic version took about a minute).
#[test]
fn a_receipt_covering_many_messages_is_capped_with_a_warning() {
    let max = msgrkit::limits::EMIT_RECEIPT_CALLBACKS_MAX;
    let sent: Vec<Value> = (0..100_000)
        .map(|i| json!({"mid": format!("m_{i}"), "recipient": "6500000000000001", "timestamp": i}))
        .collect();
    let mut config = serde_json::to_value(config()).unwrap();
    config["sent"] = Value::Array(sent);
    let config: EmitConfig = serde_json::from_value(config).unwrap();
    let receipt = person("delivery", json!({"watermark": 1_000_000}));
    let parsed = webhook::parse(&body(&[receipt])).unwrap();
    for vendor in [
        Vendor::Smooch,
        Vendor::Sunshine,
        Vendor::Sinch,
        Vendor::Linktor,
    ] {
        let emitted = emit(vendor, &parsed, &config).unwrap();
        assert_eq!(bodies(vendor, &emitted).len(), max, "{vendor:?}");
        let dropped: Vec<_> = emitted
            .warnings
            .iter()
            .filter(|w| w.code.as_str() == "dropped")
            .collect();
        assert_eq!(dropped.len(), 1, "{vendor:?}");
        assert_eq!(dropped[0].field, "delivery.watermark");
    }
}
