use serde_json::json;

use super::*;
use crate::webhook;

fn text_webhook() -> Vec<u8> {
    json!({"object": "page", "entry": [{"id": "PAGE", "time": 1_605_514_662_814_i64, "messaging": [{
        "sender": {"id": "P"}, "recipient": {"id": "PAGE"}, "timestamp": 1_605_514_662_814_i64,
        "message": {"mid": "m_1", "text": "Hello World"}}]}]})
    .to_string()
    .into_bytes()
}

fn config(vendor: Vendor) -> EmitConfig {
    EmitConfig {
        app_id: Some("APP".to_owned()),
        integration_id: Some("INT".to_owned()),
        webhook_id: Some("WH".to_owned()),
        project_id: Some("PRJ".to_owned()),
        channel_id: (vendor == Vendor::Linktor).then(|| "CH".to_owned()),
        ..EmitConfig::default()
    }
}

#[test]
fn a_missing_account_id_is_required_by_its_name() {
    let notification = webhook::parse(&text_webhook()).unwrap();
    let mut config = config(Vendor::Sunshine);
    config.webhook_id = None;
    let error = emit(Vendor::Sunshine, &notification, &config).unwrap_err();
    assert_eq!(error.code(), "required");
    assert_eq!(error.field(), Some("config.webhook_id"));
}

#[test]
fn signed_callbacks_verify_and_a_changed_body_does_not() {
    let notification = webhook::parse(&text_webhook()).unwrap();
    for vendor in [
        Vendor::Sinch,
        Vendor::Smooch,
        Vendor::Sunshine,
        Vendor::Linktor,
    ] {
        let mut config = config(vendor);
        config.secret = Some("s3cret".to_owned());
        config.nonce = Some("n".to_owned());
        config.timestamp = Some(1_605_514_663);
        let emitted = emit(vendor, &notification, &config).unwrap();
        let callback = &emitted.callbacks[0];
        let headers: Vec<(String, String)> = callback.headers.clone().into_iter().collect();
        verify_callback(vendor, callback.body_text.as_bytes(), &headers, "s3cret").unwrap();
        let forged = callback.body_text.replace("Hello", "Hullo");
        let err = verify_callback(vendor, forged.as_bytes(), &headers, "s3cret");
        if vendor == Vendor::Smooch || vendor == Vendor::Sunshine {
            assert!(err.is_ok(), "an API key does not cover the body");
        } else {
            assert_eq!(err.unwrap_err().code(), "signature_mismatch");
        }
        let wrong = verify_callback(vendor, callback.body_text.as_bytes(), &headers, "other");
        assert_eq!(wrong.unwrap_err().code(), "signature_mismatch");
    }
}
