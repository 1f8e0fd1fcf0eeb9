//! The Graph API as data: requests built, answers classified, usage headers and the
//! connection check (sans-IO; the blocking client is in `client`).
//! Ownership as everywhere: `*out_*` strings are the caller's, freed with
//! `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{bytes, json_out, optional_text, text};
use crate::result::msgrkit_result;

/// A Graph API request as `{"method", "url", "headers", "body"}` at `*out_json`, from
/// `config_json` (`{token, app_secret?, version?, base_url?, page_id?}`), a
/// builder name (`send`, `profile_get`, `batch`, ...) and `args_json` (NULL for none).
/// Send it with any HTTP client; the token is only in the Authorization header.
///
/// # Safety
///
/// As `msgrkit_transcode`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_graph_request(
    config_json: *const c_char,
    call: *const c_char,
    args_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (config, call, args) = unsafe {
            (
                text(config_json, "config_json")?,
                text(call, "call")?,
                optional_text(args_json, "args_json")?,
            )
        };
        Ok(api::graph_request(config, call, args.unwrap_or_default())?)
    })
}

/// Classifies a Graph API answer: `{"ok": body}` or `{"error": {"code", "retryable",
/// "graph"}}` at `*out_json`. A Graph error is an answer here: the result is OK.
/// `headers_json` is `[[name, value], ...]` (optional).
///
/// # Safety
///
/// `headers_json` is NULL or NUL-terminated; `body` points at `body_len` readable bytes
/// (NULL only with 0); `out_json` is writable and, on success, the caller's to free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_graph_parse_response(
    status: u16,
    headers_json: *const c_char,
    body: *const u8,
    body_len: usize,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (headers, body) = unsafe {
            (
                optional_text(headers_json, "headers_json")?,
                bytes(body, body_len, "body")?,
            )
        };
        Ok(api::graph_parse_response(
            status,
            headers.unwrap_or_default(),
            body,
        )?)
    })
}

/// Reads a user profile answer: `{"profile": {...}}`, or `{"profile": null}` when Meta
/// withholds it; other Graph errors return their class.
///
/// # Safety
///
/// As `msgrkit_graph_parse_response`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_graph_parse_user_profile(
    status: u16,
    headers_json: *const c_char,
    body: *const u8,
    body_len: usize,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (headers, body) = unsafe {
            (
                optional_text(headers_json, "headers_json")?,
                bytes(body, body_len, "body")?,
            )
        };
        Ok(api::graph_parse_user_profile(
            status,
            headers.unwrap_or_default(),
            body,
        )?)
    })
}

/// Reads the usage headers (`[[name, value], ...]`): `{"app", "page", "business",
/// "highest", "regain_after_seconds"}`.
///
/// # Safety
///
/// `headers_json` is NUL-terminated; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_graph_usage(
    headers_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    // SAFETY: per this function's contract.
    json_out(out_json, || {
        Ok(api::graph_usage(unsafe {
            text(headers_json, "headers_json")?
        })?)
    })
}

/// The three requests a connection check needs, as a JSON array of requests (as
/// `msgrkit_graph_request` writes them). `app_id` may be NULL; with it and an app secret in
/// `config_json`, `debug_token` runs as the app.
///
/// # Safety
///
/// `config_json` is NUL-terminated, `app_id` NULL or NUL-terminated; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_graph_diagnose_requests(
    config_json: *const c_char,
    app_id: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (config, app_id) = unsafe {
            (
                text(config_json, "config_json")?,
                optional_text(app_id, "app_id")?,
            )
        };
        Ok(api::graph_diagnose_requests(
            config,
            app_id.unwrap_or_default(),
        )?)
    })
}

/// The findings from the answers to those requests: `answers_json` is
/// `{"debug_token", "subscribed_apps", "profile"}`, each `{"status", "headers"?, "body"}`,
/// optionally with the configured Graph version, the day to judge it on and the login
/// (keys `version`, `as_of`, `login`). A JSON array of `{"code", "severity", "detail",
/// "fix"?}`, errors first. A missing answer is `MSGRKIT_RESULT_REQUIRED`, a key the core
/// does not read `MSGRKIT_RESULT_INVALID_INPUT`.
///
/// # Safety
///
/// `answers_json` is NUL-terminated; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_graph_diagnose(
    answers_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    // SAFETY: per this function's contract.
    json_out(out_json, || {
        Ok(api::graph_diagnose(unsafe {
            text(answers_json, "answers_json")?
        })?)
    })
}
