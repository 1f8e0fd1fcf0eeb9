//! Verification against several app secrets (Instagram-Login and Facebook-Login secrets on
//! one endpoint, or old and new while rotating), and a webhook request received whole:
//! verified from its header list, parsed, with its `Facebook-API-Version`.

use std::ffi::c_char;

use msgrkit_core::{api, signature};

use crate::boundary::json_out;
use crate::boundary::{Failure, boundary, bytes, out_param, text};
use crate::result::msgrkit_result;

/// The `count` secrets of the parallel arrays `secrets` / `secret_lens`.
///
/// # Safety
///
/// Both arrays hold `count` items (NULL only with 0); each secret points at its length in
/// readable bytes (NULL only with length 0).
unsafe fn secret_list<'a>(
    secrets: *const *const u8,
    secret_lens: *const usize,
    count: usize,
) -> Result<Vec<&'a [u8]>, Failure> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if secrets.is_null() || secret_lens.is_null() {
        return Err(Failure::new(
            msgrkit_result::MSGRKIT_RESULT_NULL_PARAMETER,
            "`app_secrets` or `app_secret_lens` is NULL",
        ));
    }
    // SAFETY: `count` items each, per this function's contract.
    let (pointers, lens) = unsafe {
        (
            std::slice::from_raw_parts(secrets, count),
            std::slice::from_raw_parts(secret_lens, count),
        )
    };
    pointers
        .iter()
        .zip(lens)
        // SAFETY: each secret points at its length, per this function's contract.
        .map(|(&pointer, &len)| unsafe { bytes(pointer, len, "app_secrets") })
        .collect()
}

/// Verifies `header` (the `X-Hub-Signature-256` value; with `allow_sha1` also a legacy
/// `sha1=` one) over `body` with each of the `count` secrets, in constant time. OK writes
/// the position of the secret that matched to `*out_secret_index`; no secret, or an empty
/// one, is `MSGRKIT_RESULT_APP_SECRET_EMPTY`; no match is `MSGRKIT_RESULT_SIGNATURE_MISMATCH`.
///
/// # Safety
///
/// `app_secrets` and `app_secret_lens` hold `count` items, each secret its length in
/// readable bytes; `body` points at `body_len` bytes; `header` is NUL-terminated;
/// `out_secret_index` is writable.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)] // C has no slices of slices
pub unsafe extern "C" fn msgrkit_verify_signature_any(
    app_secrets: *const *const u8,
    app_secret_lens: *const usize,
    count: usize,
    body: *const u8,
    body_len: usize,
    header: *const c_char,
    allow_sha1: bool,
    out_secret_index: *mut usize,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_secret_index, "out_secret_index")?;
        // SAFETY: per this function's contract.
        let (secrets, body, header) = unsafe {
            (
                secret_list(app_secrets, app_secret_lens, count)?,
                bytes(body, body_len, "body")?,
                text(header, "header")?,
            )
        };
        let options = signature::VerifyOptions::with_sha1(allow_sha1);
        let verified = signature::verify_any(&secrets, body, header, options)?;
        // SAFETY: checked non-NULL above.
        unsafe { *out_secret_index = verified.secret_index };
        Ok(())
    })
}

/// A webhook request verified with each of the `count` secrets, from its header list
/// `headers_json` (`[[name, value], ...]`), then parsed: `{"algorithm", "secret_index",
/// "api_version"?, "notification"}` at `*out_json`, `api_version` being the
/// `Facebook-API-Version` header. `max_body_bytes` 0 means the core's default.
///
/// # Safety
///
/// As `msgrkit_verify_signature_any`; `headers_json` is NUL-terminated; `out_json` is
/// writable.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)] // C has no slices of slices
pub unsafe extern "C" fn msgrkit_receive_webhook(
    app_secrets: *const *const u8,
    app_secret_lens: *const usize,
    count: usize,
    body: *const u8,
    body_len: usize,
    headers_json: *const c_char,
    allow_sha1: bool,
    max_body_bytes: usize,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (secrets, body, headers) = unsafe {
            (
                secret_list(app_secrets, app_secret_lens, count)?,
                bytes(body, body_len, "body")?,
                text(headers_json, "headers_json")?,
            )
        };
        Ok(api::receive_webhook(
            &secrets,
            body,
            headers,
            allow_sha1,
            max_body_bytes,
        )?)
    })
}

/// A webhook request judged by its header list `headers_json` (`[[name, value], ...]`)
/// before its body is read: OK writes the number of body bytes to read to
/// `*out_body_len`. An unsigned request (`MSGRKIT_RESULT_SIGNATURE_MISSING`), one without a
/// `Content-Length` (`MSGRKIT_RESULT_REQUIRED`), with one that is not a number
/// (`MSGRKIT_RESULT_INVALID_INPUT`) or past `max_body_bytes`
/// (`MSGRKIT_RESULT_BODY_TOO_LARGE`; 0 means the core's default) is refused unread.
///
/// # Safety
///
/// `headers_json` is NUL-terminated; `out_body_len` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_check_webhook_head(
    headers_json: *const c_char,
    allow_sha1: bool,
    max_body_bytes: usize,
    out_body_len: *mut usize,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_body_len, "out_body_len")?;
        // SAFETY: per this function's contract.
        let headers = unsafe { text(headers_json, "headers_json")? };
        let length = api::check_webhook_head(headers, allow_sha1, max_body_bytes)?;
        // SAFETY: checked non-NULL above.
        unsafe { *out_body_len = length };
        Ok(())
    })
}
