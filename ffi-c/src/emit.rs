//! Inbound transcoding: a Meta webhook or a send outcome as the callbacks of Smooch,
//! Sunshine Conversations, Sinch or Linktor, and those vendors' signatures verified.
//! `*out_json` strings are the caller's, freed with `msgrkit_string_free`.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::json_out;
use crate::boundary::{boundary, bytes, optional_text, text};
use crate::result::msgrkit_result;

/// The callbacks `vendor` (`smooch`, `sunshine`, `sinch`, `linktor`) delivers for the
/// webhook `body`: `{"callbacks": [{"headers", "body", "body_text"}], "warnings",
/// "errors"}` at `*out_json`. `config_json` holds the vendor's account IDs (`app_id`,
/// `integration_id`, `webhook_id`, `channel_id`), signing and the host's IDs; NULL for
/// none. POST each callback's `body_text` with its `headers`.
///
/// # Safety
///
/// `vendor` and `config_json` (or NULL) are NUL-terminated; `body` points to `body_len`
/// readable bytes; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_emit(
    vendor: *const c_char,
    body: *const u8,
    body_len: usize,
    config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (vendor, body, config) = unsafe {
            (
                text(vendor, "vendor")?,
                bytes(body, body_len, "body")?,
                optional_text(config_json, "config_json")?,
            )
        };
        Ok(api::emit(vendor, body, config.unwrap_or_default())?)
    })
}

/// The callback a send outcome becomes: `outcome_json` is `{status, body (Graph's
/// answer), message_id (the host's), recipient, page_id?, platform?,
/// timestamp?}`; the answer as `msgrkit_emit`'s.
///
/// # Safety
///
/// `vendor`, `outcome_json` and `config_json` (or NULL) are NUL-terminated; `out_json`
/// is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_emit_outcome(
    vendor: *const c_char,
    outcome_json: *const c_char,
    config_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (vendor, outcome, config) = unsafe {
            (
                text(vendor, "vendor")?,
                text(outcome_json, "outcome_json")?,
                optional_text(config_json, "config_json")?,
            )
        };
        Ok(api::emit_outcome(
            vendor,
            outcome,
            config.unwrap_or_default(),
        )?)
    })
}

/// Verifies a vendor's callback: `headers_json` is `[[name, value], ...]`, `secret` the
/// webhook secret. OK, or `MSGRKIT_RESULT_SIGNATURE_MISMATCH`,
/// `MSGRKIT_RESULT_SIGNATURE_MISSING` (the header is the error's field), ...
///
/// # Safety
///
/// Strings are NUL-terminated; `body` points to `body_len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_verify_callback(
    vendor: *const c_char,
    body: *const u8,
    body_len: usize,
    headers_json: *const c_char,
    secret: *const c_char,
) -> msgrkit_result {
    boundary(|| {
        // SAFETY: per this function's contract.
        let (vendor, body, headers, secret) = unsafe {
            (
                text(vendor, "vendor")?,
                bytes(body, body_len, "body")?,
                text(headers_json, "headers_json")?,
                text(secret, "secret")?,
            )
        };
        Ok(api::verify_callback(vendor, body, headers, secret)?)
    })
}
