//! Transcoding speed: compose a 10-card carousel; a Sinch carousel from JSON text to Send
//! API JSON text.
//!
//! `cargo bench -p msgrkit --bench transcode`. Targets on the 2-core reference machine:
//! compose under 10 µs; Sinch JSON text to Send API JSON text under 25 µs.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use msgrkit::compose::{self, ComposeOptions, Message};
use msgrkit::dialect::{self, Dialect};
use serde_json::json;

fn neutral_carousel() -> Message {
    let cards: Vec<_> = (0..10)
        .map(|i| {
            json!({
                "title": format!("Product {i}: a reasonably long title"),
                "subtitle": "Free shipping on orders over 50 € this week only",
                "media_url": format!("https://cdn.example.com/products/{i}.jpg"),
                "actions": [
                    {"type": "link", "title": "View", "url": format!("https://shop.example.com/p/{i}"), "default": true},
                    {"type": "postback", "title": "Add to cart", "payload": format!("ADD_{i}")},
                    {"type": "call", "title": "Call us", "phone": "+1 510 555 1234"},
                    {"type": "link", "title": "Reviews", "url": format!("https://shop.example.com/p/{i}/reviews")}
                ]
            })
        })
        .collect();
    serde_json::from_value(json!({"text": "Our picks for you", "cards": cards, "actions": [{"type": "reply", "title": "More"}]}))
        .expect("a valid neutral message")
}

fn sinch_carousel_text() -> String {
    let cards: Vec<_> = (0..10)
        .map(|i| {
            json!({
                "title": format!("Product {i}"), "description": "In stock, ships today",
                "media_message": {"url": format!("https://cdn.example.com/products/{i}.jpg")},
                "choices": [
                    {"url_message": {"title": "View", "url": format!("https://shop.example.com/p/{i}")}},
                    {"text_message": {"text": "Add to cart"}, "postback_data": format!("ADD_{i}")},
                    {"call_message": {"title": "Call", "phone_number": "+46732000000"}}
                ]
            })
        })
        .collect();
    json!({
        "app_id": "01EXAMPLEAPP",
        "recipient": {"identified_by": {"channel_identities": [{"channel": "MESSENGER", "identity": "6500000000000001"}]}},
        "message": {"carousel_message": {"cards": cards, "choices": [{"text_message": {"text": "More"}, "postback_data": "MORE"}]}},
        "channel_properties": {"MESSENGER_NOTIFICATION_TYPE": "SILENT_PUSH"}
    })
    .to_string()
}

fn bench_transcode(c: &mut Criterion) {
    let message = neutral_carousel();
    let options = ComposeOptions::default();
    assert!(compose::compose(&message, &options).is_ok());
    c.bench_function("compose/carousel-10", |b| {
        b.iter(|| compose::compose(black_box(&message), black_box(&options)).unwrap())
    });

    let text = sinch_carousel_text();
    c.bench_function("transcode/sinch-carousel-json-to-json", |b| {
        b.iter(|| {
            let out = dialect::transcode_str(Dialect::Sinch, black_box(&text), &options).unwrap();
            serde_json::to_string(&out.messages).unwrap()
        })
    });
}

/// Where the Sinch path's time goes: parsing, reading, composing, writing.
fn bench_sinch_parts(c: &mut Criterion) {
    let text = sinch_carousel_text();
    let options = ComposeOptions::default();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let read = dialect::read(Dialect::Sinch, &value).unwrap();
    let composed = compose::compose(&read.message, &options).unwrap();
    c.bench_function("parts/sinch-parse-value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap())
    });
    c.bench_function("parts/sinch-read", |b| {
        b.iter(|| dialect::read(Dialect::Sinch, black_box(&value)).unwrap())
    });
    c.bench_function("parts/sinch-compose", |b| {
        b.iter(|| compose::compose(black_box(&read.message), &options).unwrap())
    });
    c.bench_function("parts/sinch-write", |b| {
        b.iter(|| serde_json::to_string(black_box(&composed.messages)).unwrap())
    });
}

criterion_group!(benches, bench_transcode, bench_sinch_parts);
criterion_main!(benches);
