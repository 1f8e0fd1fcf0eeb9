//! Attachments as Meta sends them: legacy fields and stickers folded, unknown kinds and keys kept.

use serde_json::json;

use super::*;

#[test]
fn legacy_fallback_fields_fold_into_payload() {
    let attachment: Attachment = serde_json::from_value(json!({
        "type": "fallback", "title": "A link", "url": "https://example.com", "payload": null
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&attachment).unwrap(),
        json!({"type": "fallback", "payload": {"title": "A link", "url": "https://example.com"}})
    );
}

#[test]
fn unknown_kind_and_fields_survive() {
    let wire = json!({"type": "appointment_booking", "payload": {"booking_id": 7, "when": "soon"}});
    let attachment: Attachment = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(
        attachment.kind,
        AttachmentKind::Other("appointment_booking".into())
    );
    assert_eq!(serde_json::to_value(&attachment).unwrap(), wire);
}

#[test]
fn keys_beside_type_and_payload_are_kept_and_type_is_required() {
    let wire = json!({"type": "image", "payload": {"url": "https://x/a.jpg"}, "seen": [1, 2]});
    let attachment: Attachment = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(serde_json::to_value(&attachment).unwrap(), wire);
    assert!(serde_json::from_value::<Attachment>(json!({"payload": null})).is_err());
    assert!(serde_json::from_value::<Attachment>(json!(["image"])).is_err());
}

#[test]
fn a_repeated_sticker_folds_only_when_it_loses_nothing() {
    let read =
        |value: serde_json::Value| -> Vec<Attachment> { serde_json::from_value(value).unwrap() };
    let mut same = read(serde_json::json!([
        {"type": "image", "payload": {"url": "https://x/s.png", "sticker_id": 7}},
        {"type": "sticker", "payload": {"sticker_id": "7", "width": 64}}
    ]));
    assert_eq!(fold_stickers(&mut same).as_deref(), Some("7"));
    assert_eq!(same.len(), 1);
    assert_eq!(same[0].payload.as_ref().unwrap().extra["width"], 64);
    let mut differ = read(serde_json::json!([
        {"type": "image", "payload": {"sticker_id": 7, "width": 32}},
        {"type": "sticker", "payload": {"sticker_id": 7, "width": 64}}
    ]));
    fold_stickers(&mut differ);
    assert_eq!(differ.len(), 2, "a differing value keeps the repeat");
}

#[test]
fn legacy_sticker_is_a_sticker_with_a_string_id() {
    let attachment: Attachment = serde_json::from_value(json!({
        "type": "image", "payload": {"url": "https://x/s.png", "sticker_id": 369239263222822_u64}
    }))
    .unwrap();
    assert!(attachment.is_sticker());
    assert_eq!(
        attachment.payload.unwrap().sticker_id.as_deref(),
        Some("369239263222822")
    );
}
