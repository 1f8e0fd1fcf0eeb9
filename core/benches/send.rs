//! Send-side speed: validating a large template.
//!
//! `cargo bench -p msgrkit --bench send`. Target on the 2-core reference machine:
//! validating a 10-element generic template with 3 buttons each in under 5 µs.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use msgrkit::limits::{self, Platform};
use msgrkit::send::{Attachment, Message, SendRequest};

fn carousel() -> SendRequest {
    let elements: Vec<serde_json::Value> = (0..10)
        .map(|i| {
            serde_json::json!({
                "title": format!("Product {i}: a fairly long title to measure"),
                "subtitle": "Free shipping on orders over 50 € — ends Sunday",
                "image_url": format!("https://cdn.example.com/products/{i}.jpg"),
                "default_action": {"type": "web_url", "url": format!("https://shop.example.com/p/{i}"), "webview_height_ratio": "tall"},
                "buttons": [
                    {"type": "web_url", "url": format!("https://shop.example.com/p/{i}"), "title": "View"},
                    {"type": "postback", "title": "Add to cart", "payload": format!("ADD_{i}")},
                    {"type": "phone_number", "title": "Call us", "payload": "+15105551234"}
                ]
            })
        })
        .collect();
    let attachment: Attachment = serde_json::from_value(serde_json::json!({
        "type": "template",
        "payload": {"template_type": "generic", "elements": elements}
    }))
    .expect("a valid carousel");
    SendRequest::reply("6500000000000001", Message::attachment(attachment))
}

fn bench_validate(c: &mut Criterion) {
    let request = carousel();
    let platform = Platform::latest();
    assert!(limits::validate(&request, &platform).is_empty());
    c.bench_function("validate/generic-10x3", |b| {
        b.iter(|| limits::validate(black_box(&request), black_box(&platform)))
    });
    let json = serde_json::to_value(&request).expect("serialisable");
    c.bench_function("validate_json/generic-10x3", |b| {
        b.iter(|| limits::validate_json(black_box(&json), black_box(&platform)))
    });
}

criterion_group!(benches, bench_validate);
criterion_main!(benches);
