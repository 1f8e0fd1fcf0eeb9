//! The headers each vendor signs its callbacks with, and their verification (constant
//! time), so one library checks both directions.
//!
//! - Sinch: `x-sinch-webhook-signature` = base64(HMAC-SHA256(secret, body `.` nonce `.`
//!   timestamp)), padded, with `-nonce`, `-timestamp` and `-algorithm: HmacSHA256`.
//! - Smooch and Sunshine: the secret itself in `X-API-Key`.
//! - Linktor: `X-Linktor-Signature: sha256=<hex HMAC-SHA256(secret, timestamp "." body)>`
//!   with `X-Linktor-Timestamp`, `X-Linktor-Event` and `X-Linktor-Delivery-Id` (its
//!   webhooks page); its SDKs' form is the bare hex HMAC of the body.

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::{EmitConfig, LinktorForm, Vendor};
use crate::error::{Error, ErrorKind, Result};

const SINCH_SIGNATURE: &str = "x-sinch-webhook-signature";
const SINCH_NONCE: &str = "x-sinch-webhook-signature-nonce";
const SINCH_TIMESTAMP: &str = "x-sinch-webhook-signature-timestamp";
const SINCH_ALGORITHM: &str = "x-sinch-webhook-signature-algorithm";
const API_KEY: &str = "x-api-key";
const LINKTOR_SIGNATURE: &str = "x-linktor-signature";
const LINKTOR_TIMESTAMP: &str = "x-linktor-timestamp";

/// A signing secret needs the inputs the caller gives (the core reads no clock for them).
pub(super) fn check(vendor: Vendor, config: &EmitConfig) -> Result<()> {
    let Some(secret) = &config.secret else {
        return Ok(());
    };
    if secret.is_empty() {
        return Err(Error::at(ErrorKind::AppSecretEmpty, "config.secret"));
    }
    let needs: &[&str] = match vendor {
        Vendor::Sinch => &["nonce", "timestamp"],
        Vendor::Linktor => &["timestamp"],
        _ => &[],
    };
    for name in needs {
        let missing = match *name {
            "nonce" => config.nonce.as_deref().is_none_or(str::is_empty),
            _ => config.timestamp.is_none(),
        };
        if missing {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: format!("signing callbacks needs `{name}`"),
                },
                format!("config.{name}"),
            ));
        }
    }
    Ok(())
}

/// The headers of the `index`-th callback.
pub(super) fn headers(
    vendor: Vendor,
    config: &EmitConfig,
    body: &Value,
    body_text: &str,
    index: usize,
) -> BTreeMap<String, String> {
    let mut headers = BTreeMap::new();
    headers.insert("content-type".to_owned(), "application/json".to_owned());
    let Some(secret) = config.secret.as_deref() else {
        return headers;
    };
    let timestamp = config.timestamp.unwrap_or_default().to_string();
    let mut put = |name: &str, value: String| headers.insert(name.to_owned(), value);
    match vendor {
        Vendor::Sinch => {
            let base = config.nonce.as_deref().unwrap_or_default();
            let nonce = match index {
                0 => base.to_owned(),
                n => format!("{base}-{n}"),
            };
            put(
                SINCH_SIGNATURE,
                sinch_signature(secret, body_text, &nonce, &timestamp),
            );
            put(SINCH_NONCE, nonce);
            put(SINCH_TIMESTAMP, timestamp);
            put(SINCH_ALGORITHM, "HmacSHA256".to_owned());
        }
        Vendor::Smooch | Vendor::Sunshine => {
            put(API_KEY, secret.to_owned());
        }
        Vendor::Linktor => {
            let (signature, event) = match config.linktor_form() {
                LinktorForm::Docs => (linktor_signature(secret, body_text, &timestamp), "event"),
                LinktorForm::Sdk => (hex(&mac_of(secret, &[body_text])), "type"),
            };
            put(LINKTOR_SIGNATURE, signature);
            put(LINKTOR_TIMESTAMP, timestamp);
            let text = |key: &str| body[key].as_str().unwrap_or_default().to_owned();
            put("x-linktor-event", text(event));
            put("x-linktor-delivery-id", text("id"));
        }
    }
    headers
}

fn mac(secret: &str) -> Hmac<Sha256> {
    Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length")
}

fn sinch_signature(secret: &str, body: &str, nonce: &str, timestamp: &str) -> String {
    let mut mac = mac(secret);
    for (i, part) in [body, nonce, timestamp].iter().enumerate() {
        if i > 0 {
            mac.update(b".");
        }
        mac.update(part.as_bytes());
    }
    STANDARD.encode(mac.finalize().into_bytes())
}

/// HMAC-SHA256 of `parts` joined by nothing.
fn mac_of(secret: &str, parts: &[&str]) -> Vec<u8> {
    let mut mac = mac(secret);
    for part in parts {
        mac.update(part.as_bytes());
    }
    mac.finalize().into_bytes().to_vec()
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn linktor_signature(secret: &str, body: &str, timestamp: &str) -> String {
    format!("sha256={}", hex(&mac_of(secret, &[timestamp, ".", body])))
}

/// Verifies a vendor callback as its receiver would: the signature (or API key) in
/// `headers` (names in any case) against the raw `body` and the webhook `secret`.
/// Checking the time window and nonce uniqueness stays with the receiver.
///
/// # Errors
///
/// `app_secret_empty`, `signature_missing` (at the header), `invalid_utf8` (at `body`),
/// `signature_mismatch`.
pub fn verify_callback(
    vendor: Vendor,
    body: &[u8],
    headers: &[(String, String)],
    secret: &str,
) -> Result<()> {
    if secret.is_empty() {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Error::at(ErrorKind::SignatureMissing, name))
    };
    let body = std::str::from_utf8(body).map_err(|e| {
        Error::at(
            ErrorKind::InvalidUtf8 {
                offset: e.valid_up_to(),
            },
            "body",
        )
    })?;
    let (given, expected) = match vendor {
        Vendor::Sinch => {
            let given = header(SINCH_SIGNATURE)?;
            let expected =
                sinch_signature(secret, body, header(SINCH_NONCE)?, header(SINCH_TIMESTAMP)?);
            (given, expected)
        }
        Vendor::Smooch | Vendor::Sunshine => (header(API_KEY)?, secret.to_owned()),
        // The docs' form carries its algorithm; the SDKs' is the bare hex over the body.
        Vendor::Linktor => match header(LINKTOR_SIGNATURE)? {
            given if given.starts_with("sha256=") => (
                given,
                linktor_signature(secret, body, header(LINKTOR_TIMESTAMP)?),
            ),
            given => (given, hex(&mac_of(secret, &[body]))),
        },
    };
    if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::SignatureMismatch))
    }
}
