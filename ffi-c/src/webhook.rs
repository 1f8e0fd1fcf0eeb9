//! The receive side after the signature: the verification handshake, parsing, own echoes
//! and receipts.
//! Ownership as everywhere: `*out_*` strings are the caller's, freed with
//! `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{Failure, boundary, bytes, give_string, json_out, out_param, text};
use crate::result::msgrkit_result;

/// Answers the verification handshake for `query` (the raw query string or the whole
/// URL). OK writes the challenge to `*out_challenge` (answer 200 with it as the body);
/// a refusal returns its reason (`MSGRKIT_RESULT_VERIFY_TOKEN_MISMATCH`, ...): answer 403
/// with an empty body.
///
/// # Safety
///
/// `query` and `verify_token` are NUL-terminated strings; `out_challenge` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_verify_handshake(
    query: *const c_char,
    verify_token: *const c_char,
    out_challenge: *mut *mut c_char,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_challenge, "out_challenge")?;
        // SAFETY: per this function's contract.
        let (query, token) =
            unsafe { (text(query, "query")?, text(verify_token, "verify_token")?) };
        // SAFETY: checked non-NULL above.
        unsafe { give_challenge(out_challenge, api::verify_handshake(query, token)) }
    })
}

/// As `msgrkit_verify_handshake`, from parameters the host already parsed
/// (`params_json`: `[[name, value], ...]`, decoded).
///
/// # Safety
///
/// `params_json` and `verify_token` are NUL-terminated; `out_challenge` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_verify_handshake_params(
    params_json: *const c_char,
    verify_token: *const c_char,
    out_challenge: *mut *mut c_char,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_challenge, "out_challenge")?;
        // SAFETY: per this function's contract.
        let (params, token) = unsafe {
            (
                text(params_json, "params_json")?,
                text(verify_token, "verify_token")?,
            )
        };
        let answer = api::verify_handshake_params(params, token)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_challenge(out_challenge, answer) }
    })
}

/// The challenge of an accepted handshake, or the refusal's reason as the result.
///
/// # Safety
///
/// `out_challenge` is a valid, writable pointer.
pub(crate) unsafe fn give_challenge(
    out_challenge: *mut *mut c_char,
    answer: msgrkit_core::webhook::HandshakeAnswer,
) -> Result<(), Failure> {
    match answer.reason {
        // SAFETY: per this function's contract.
        None => unsafe { give_string(out_challenge, answer.body) },
        Some(reason) => Err(Failure::new(
            msgrkit_result::from_code(reason.code()),
            format!("handshake refused: {}", reason.code()),
        )),
    }
}

/// Parses a webhook body into `{"object", "events", "errors"}` JSON at `*out_json`.
/// Verify the signature first.
///
/// # Safety
///
/// `body` points at `body_len` readable bytes (NULL only with 0); `out_json` is writable.
/// On success `*out_json` is the caller's, freed with `msgrkit_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_parse_webhook(
    body: *const u8,
    body_len: usize,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let body = unsafe { bytes(body, body_len, "body")? };
        Ok(api::parse_webhook(body)?)
    })
}

/// As `msgrkit_parse_webhook`, refusing a body over `max_body_bytes` with
/// `MSGRKIT_RESULT_BODY_TOO_LARGE` before reading it (0 for the default limit, 32 MiB,
/// above Meta's largest batches).
///
/// # Safety
///
/// As `msgrkit_parse_webhook`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_parse_webhook_limited(
    body: *const u8,
    body_len: usize,
    max_body_bytes: usize,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let body = unsafe { bytes(body, body_len, "body")? };
        Ok(api::parse_webhook_with(body, max_body_bytes)?)
    })
}

/// For each event of a delivery, in `msgrkit_parse_webhook`'s order: whether it echoes a
/// message sent by the app `app_id` (skip those). A JSON array of booleans at `*out_json`.
///
/// # Safety
///
/// `body` points at `body_len` readable bytes (NULL only with 0); `app_id` is
/// NUL-terminated; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_events_own_echo(
    body: *const u8,
    body_len: usize,
    app_id: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (body, app_id) = unsafe { (bytes(body, body_len, "body")?, text(app_id, "app_id")?) };
        Ok(api::events_own_echo(body, app_id)?)
    })
}

/// For each event of a delivery, in `msgrkit_parse_webhook`'s order: the `mid`s among
/// `sent_json` (`[{"mid", "timestamp"}]`, sent to that thread) that it marks delivered or
/// read. A JSON array of arrays at `*out_json`.
///
/// # Safety
///
/// As `msgrkit_events_own_echo`, with `sent_json` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_events_covered(
    body: *const u8,
    body_len: usize,
    sent_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (body, sent) = unsafe {
            (
                bytes(body, body_len, "body")?,
                text(sent_json, "sent_json")?,
            )
        };
        Ok(api::events_covered(body, sent)?)
    })
}
