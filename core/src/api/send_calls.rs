//! Validation and normalisation on the JSON-text surface, with the profile options
//! (`as_of`, `platform`, `region`) read in one place.

use serde_json::{Value, json};

use super::{read, to_text, value_or_empty};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::{self, Date, Platform, Product};

/// The keys of the profile options.
const PROFILE_OPTIONS: &[&str] = &["as_of", "platform", "region"];

/// The profile named by `{"as_of"?: "YYYY-MM-DD" | instant | epoch ms, "platform"?:
/// "messenger"|"instagram", "region"?: "DE"}`; any other key is refused.
fn platform_of(options: &Value) -> Result<Platform> {
    let invalid = |field: &str, detail: &str| {
        Error::at(
            ErrorKind::InvalidInput {
                detail: detail.to_owned(),
            },
            format!("options.{field}"),
        )
    };
    // A misspelt option is refused, never ignored, in every language.
    if let Some(key) = options
        .as_object()
        .and_then(|map| map.keys().find(|k| !PROFILE_OPTIONS.contains(&k.as_str())))
    {
        return Err(invalid(key, "not an option (as_of, platform, region)"));
    }
    let platform = match options.get("as_of") {
        None | Some(Value::Null) => Platform::latest(),
        Some(Value::String(date)) => Platform::as_of(
            date.parse::<Date>()
                .map_err(|e| Error::at(e.kind().clone(), "options.as_of"))?,
        ),
        // Epoch milliseconds: an instant, so its UTC date.
        Some(Value::Number(ms)) => {
            Platform::as_of(Date::from_millis(ms.as_i64().ok_or_else(|| {
                invalid("as_of", "epoch milliseconds are a whole number")
            })?))
        }
        Some(_) => {
            return Err(invalid(
                "as_of",
                "a date (YYYY-MM-DD), an instant, or epoch milliseconds",
            ));
        }
    };
    let product: Product = match options.get("platform") {
        Some(value) => serde_json::from_value(value.clone()).map_err(|e| {
            Error::at(
                ErrorKind::InvalidInput {
                    detail: e.to_string(),
                },
                "options.platform",
            )
        })?,
        None => Product::default(),
    };
    let platform = platform.for_product(product);
    match options.get("region") {
        None | Some(Value::Null) => Ok(platform),
        Some(value) => {
            let region = value
                .as_str()
                .ok_or_else(|| {
                    Error::at(
                        ErrorKind::InvalidInput {
                            detail: "expected a country code".to_owned(),
                        },
                        "options.region",
                    )
                })?
                .parse::<limits::Region>()
                .map_err(|e| Error::at(e.kind().clone(), "options.region"))?;
            Ok(platform.in_region(region))
        }
    }
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
    let platform = platform_of(&value_or_empty(options_json, "options")?)?;
    Ok(to_text(
        &json!({ "violations": limits::validate_json(&body, &platform) }),
    ))
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
