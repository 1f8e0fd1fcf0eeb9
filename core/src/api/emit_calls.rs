//! Inbound transcoding on the JSON-text surface: a webhook body or a send outcome in, the
//! vendor's callbacks out (`{"callbacks", "warnings", "errors"}`), and the vendors'
//! signatures checked.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{headers_of, read, to_text, value_or_empty};
use crate::emit::{self, EmitConfig, Outcome, Vendor};
use crate::error::{Error, ErrorKind, Result, SerdeProblem};
use crate::webhook;

fn vendor(name: &str) -> Result<Vendor> {
    Vendor::from_name(name).ok_or_else(|| {
        Error::at(
            ErrorKind::InvalidInput {
                detail: format!(
                    "unknown vendor `{name}` (one of {})",
                    Vendor::NAMES.join(", ")
                ),
            },
            "vendor",
        )
    })
}

/// `value` as `T`, a problem reported at `root.<path>` (serde_path_to_error names an
/// unknown key in its path).
fn typed<T: DeserializeOwned>(value: &Value, root: &str) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let mut problem = SerdeProblem::new(&path, err.inner());
        problem.field = match problem.field.as_str() {
            "" => root.to_owned(),
            field => format!("{root}.{field}"),
        };
        problem.into_error()
    })
}

fn config(config_json: &str) -> Result<EmitConfig> {
    typed(&value_or_empty(config_json, "config")?, "config")
}

/// The callbacks `vendor` (`smooch`, `sunshine`, `sinch`, `linktor`) would deliver for a
/// Meta webhook body, with the emitter config (empty text for none).
///
/// # Errors
///
/// `invalid_input` (field `vendor`, or `config.<key>`), `required` (`config.<name>`),
/// and the webhook parse's errors (`invalid_json`, `invalid_envelope`, ...).
pub fn emit(vendor_name: &str, body: &[u8], config_json: &str) -> Result<String> {
    let vendor = vendor(vendor_name)?;
    let config = config(config_json)?;
    let notification = webhook::parse(body)?;
    emit::emit(vendor, &notification, &config).map(|e| to_text(&e))
}

/// The callback a send outcome (`{"status", "body", "message_id", "recipient",
/// "page_id"?, "platform"?, "timestamp"?}`) becomes.
///
/// # Errors
///
/// As [`emit()`]; `invalid_input` / `required` at `outcome.<key>`.
pub fn emit_outcome(vendor_name: &str, outcome_json: &str, config_json: &str) -> Result<String> {
    let vendor = vendor(vendor_name)?;
    let config = config(config_json)?;
    let outcome: Outcome = typed(&read::<Value>(outcome_json, "outcome")?, "outcome")?;
    emit::emit_outcome(vendor, &outcome, &config).map(|e| to_text(&e))
}

/// Verifies a vendor's callback (`[[name, value], ...]` headers) with the webhook secret.
///
/// # Errors
///
/// `invalid_input` (field `vendor`), `app_secret_empty`, `signature_missing`,
/// `signature_mismatch`.
pub fn verify_callback(
    vendor_name: &str,
    body: &[u8],
    headers_json: &str,
    secret: &str,
) -> Result<()> {
    let vendor = vendor(vendor_name)?;
    emit::verify_callback(vendor, body, &headers_of(headers_json)?, secret)
}
