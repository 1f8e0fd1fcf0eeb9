//! The calls hosts need less often: signatures from a header list, handshakes from parsed
//! parameters, normalising, composing, menus, private replies, usage and user profiles.
//! Ownership as everywhere: `*out_*` strings are the caller's, freed with
//! `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{boundary, bytes, optional_text, out_param, text};
use crate::functions::{give_challenge, json_out};
use crate::result::msgrkit_result;

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

/// Writes a Send API request, bare message or profile body in Meta's exact form.
///
/// # Safety
///
/// `body_json` is NUL-terminated; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_normalize(
    body_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    // SAFETY: per this function's contract.
    json_out(out_json, || {
        Ok(api::normalize(unsafe { text(body_json, "body_json")? })?)
    })
}

/// Composes a neutral message with `options_json` (NULL for the defaults):
/// `{"messages", "warnings"}`.
///
/// # Safety
///
/// `message_json` is NUL-terminated, `options_json` NULL or NUL-terminated; `out_json` is
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_compose(
    message_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (message, options) = unsafe {
            (
                text(message_json, "message_json")?,
                optional_text(options_json, "options_json")?,
            )
        };
        Ok(api::compose(message, options.unwrap_or_default())?)
    })
}

/// Flattens a persistent menu in `dialect` (`neutral`, `smooch` or `linktor`) into a
/// Messenger Profile body: `{"profile", "warnings"}`.
///
/// # Safety
///
/// As `msgrkit_compose`; `dialect` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_menu(
    dialect: *const c_char,
    menu_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (dialect, menu, options) = unsafe {
            (
                text(dialect, "dialect")?,
                text(menu_json, "menu_json")?,
                optional_text(options_json, "options_json")?,
            )
        };
        Ok(api::menu(dialect, menu, options.unwrap_or_default())?)
    })
}

/// Decides a private reply to a comment (`{"comment_created", "now", "already_replied"?}`):
/// as `msgrkit_decide_policy`.
///
/// # Safety
///
/// `input_json` is NUL-terminated; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_decide_private_reply(
    input_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    // SAFETY: per this function's contract.
    json_out(out_json, || {
        Ok(api::decide_private_reply(unsafe {
            text(input_json, "input_json")?
        })?)
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
/// `{"debug_token", "subscribed_apps", "profile"}`, each `{"status", "headers"?, "body"}`.
/// A JSON array of `{"code", "severity", "detail", "fix"?}`, errors first.
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
