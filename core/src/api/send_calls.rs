//! Validation and normalisation: the typed entry point and the JSON-text adapter, with the
//! profile options read as [`ProfileOptions`].

use serde_json::{Value, json};

use super::options::{ProfileOptions, from_value};
use super::{read, to_text, value_or_empty};
use crate::error::Result;
use crate::limits::{self, Violation};

/// Every violation of a Send API request, a bare message or a Messenger Profile body
/// (empty when valid), judged by the profile `options` name (a binding's keyword
/// arguments or options object; `null` for today's Messenger profile).
///
/// # Errors
///
/// `invalid_input` / `required` at `options.<key>`.
pub fn validate_value(body: &Value, options: Value) -> Result<Vec<Violation>> {
    let options: ProfileOptions = from_value(options, "options")?;
    Ok(limits::validate_json(body, &options.platform()))
}

/// Validates a Send API request, a bare message or a Messenger Profile body:
/// `{"violations": [...]}` (empty when valid), as `msgrkit validate` prints it. Options:
/// `{"as_of"?, "platform"?, "region"?}`.
///
/// # Errors
///
/// `invalid_json` when either text is not JSON; bad options.
pub fn validate(request_json: &str, options_json: &str) -> Result<String> {
    let body: Value = read(request_json, "request")?;
    let violations = validate_value(&body, value_or_empty(options_json, "options")?)?;
    Ok(to_text(&json!({ "violations": violations })))
}

/// A Send API request, bare message or profile body in Meta's exact form.
///
/// # Errors
///
/// `invalid_json`, and where the body does not fit the model, the field concerned.
pub fn normalize(body_json: &str) -> Result<String> {
    crate::send::normalize_json(&read(body_json, "body")?).map(|v| to_text(&v))
}

#[cfg(test)]
mod tests {
    #[test]
    fn profile_options_take_instants_and_refuse_unknown_keys() {
        let tagged = r#"{"recipient": {"id": "1"}, "messaging_type": "MESSAGE_TAG",
                         "tag": "ACCOUNT_UPDATE", "message": {"text": "x"}}"#;
        let retired =
            |options: &str| super::validate(tagged, options).map(|v| v.contains("retired"));
        assert!(!retired(r#"{"as_of": 1777247999000}"#).unwrap());
        assert!(retired(r#"{"as_of": 1777248000000}"#).unwrap());
        let error = super::validate(tagged, r#"{"asof": "2026-04-27"}"#).unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("invalid_input", Some("options.asof"))
        );
        let error = super::validate(tagged, r#"{"as_of": true}"#).unwrap_err();
        assert_eq!(error.field(), Some("options.as_of"));
    }
}
