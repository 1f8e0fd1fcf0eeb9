//! Recording: a delivery the host received and its answer as one line of a recording
//! for `msgrkit replay`. `*out_json` is the caller's, freed with `msgrkit_string_free`.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{bytes, json_out, text};
use crate::result::msgrkit_result;

/// The recording line (JSON, no newline) of the delivery `body` with its `headers_json`
/// (`[[name, value], ...]`, checked with `app_secret` and the signatures then marked) and
/// `delivery_json`: `{"seq", "at_ms", "path", "elapsed_ms", "answer": {"status",
/// "body"?}}`, or `"error"` in place of `answer` when the host gave none. No secret is
/// written. Append it and a newline to the recording.
///
/// # Safety
///
/// Strings are NUL-terminated; `body` points to `body_len` readable bytes; `out_json` is
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_record_delivery(
    body: *const u8,
    body_len: usize,
    headers_json: *const c_char,
    app_secret: *const c_char,
    delivery_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (body, headers, secret, delivery) = unsafe {
            (
                bytes(body, body_len, "body")?,
                text(headers_json, "headers_json")?,
                text(app_secret, stringify!(app_secret))?,
                text(delivery_json, "delivery_json")?,
            )
        };
        Ok(api::record_delivery(body, headers, secret, delivery)?)
    })
}
