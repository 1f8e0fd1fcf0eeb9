//! The signature checks and signing over the exact body bytes, with one secret (the
//! several-secrets calls are in `receive`).
//! Ownership as everywhere: `*out_*` strings are the caller's, freed with
//! `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{boundary, bytes, give_string, out_param, text};
use crate::result::msgrkit_result;

/// Verifies `X-Hub-Signature-256` (`header`, the value) over the exact body bytes, in
/// constant time. OK when it matches; else a signature result (`MSGRKIT_RESULT_SIGNATURE_MISMATCH`,
/// `MSGRKIT_RESULT_APP_SECRET_EMPTY`, ...). A legacy `sha1=` value is refused.
///
/// # Safety
///
/// `app_secret` and `body` point at their lengths in readable bytes (NULL only with length
/// 0); `header` is a NUL-terminated string. Nothing is kept after the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_verify_signature(
    app_secret: *const u8,
    app_secret_len: usize,
    body: *const u8,
    body_len: usize,
    header: *const c_char,
) -> msgrkit_result {
    // SAFETY: same contract as this function's.
    unsafe { verify(app_secret, app_secret_len, body, body_len, header, false) }
}

/// As `msgrkit_verify_signature`, but also accepts a legacy `X-Hub-Signature` `sha1=` value.
///
/// # Safety
///
/// As `msgrkit_verify_signature`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_verify_signature_allow_sha1(
    app_secret: *const u8,
    app_secret_len: usize,
    body: *const u8,
    body_len: usize,
    header: *const c_char,
) -> msgrkit_result {
    // SAFETY: same contract as this function's.
    unsafe { verify(app_secret, app_secret_len, body, body_len, header, true) }
}

/// Writes the `X-Hub-Signature-256` value (`sha256=<hex>`) of `body` to `*out_header`
/// (the caller frees it with `msgrkit_string_free`). For tests and examples.
///
/// # Safety
///
/// As `msgrkit_verify_signature`; `out_header` is a writable pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_sign(
    app_secret: *const u8,
    app_secret_len: usize,
    body: *const u8,
    body_len: usize,
    out_header: *mut *mut c_char,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_header, "out_header")?;
        // SAFETY: per this function's contract.
        let (secret, body) = unsafe {
            (
                bytes(app_secret, app_secret_len, stringify!(app_secret))?,
                bytes(body, body_len, "body")?,
            )
        };
        let header = api::sign(secret, body)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(out_header, header) }
    })
}

/// Verifies the signature found in a header list `headers_json` (`[[name, value], ...]`,
/// names case-insensitive); `allow_sha1` also accepts `X-Hub-Signature`. A repeated
/// signature header is `MSGRKIT_RESULT_SIGNATURE_DUPLICATE`.
///
/// # Safety
///
/// `app_secret` and `body` point at their lengths in readable bytes (NULL only with 0);
/// `headers_json` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_verify_signature_headers(
    app_secret: *const u8,
    app_secret_len: usize,
    body: *const u8,
    body_len: usize,
    headers_json: *const c_char,
    allow_sha1: bool,
) -> msgrkit_result {
    boundary(|| {
        // SAFETY: per this function's contract.
        let (secret, body, headers) = unsafe {
            (
                bytes(app_secret, app_secret_len, stringify!(app_secret))?,
                bytes(body, body_len, "body")?,
                text(headers_json, "headers_json")?,
            )
        };
        api::verify_signature_headers(secret, body, headers, allow_sha1)?;
        Ok(())
    })
}

unsafe fn verify(
    secret: *const u8,
    secret_len: usize,
    body: *const u8,
    body_len: usize,
    header: *const c_char,
    allow_sha1: bool,
) -> msgrkit_result {
    boundary(|| {
        // SAFETY: the exported functions pass their caller's pointers on under the same contract.
        let (secret, body, header) = unsafe {
            (
                bytes(secret, secret_len, stringify!(secret))?,
                bytes(body, body_len, "body")?,
                text(header, "header")?,
            )
        };
        api::verify_signature(secret, body, header, allow_sha1)?;
        Ok(())
    })
}
