//! The send side's local work: transcoding, composing, menus, validation and normalising.
//! Ownership as everywhere: `*out_*` strings are the caller's, freed with
//! `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{json_out, optional_text, refusable_out, text};
use crate::result::msgrkit_result;

/// Transcodes a message in `dialect` (`neutral`, `smooch`, `sinch` or `linktor`) with
/// `options_json` (compose options; NULL for the defaults) into
/// `{"messages", "options", "warnings"}` at `*out_json`.
///
/// # Safety
///
/// Strings are NUL-terminated (`options_json` may be NULL); `out_json` is writable. On
/// success `*out_json` is the caller's, freed with `msgrkit_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_transcode(
    dialect: *const c_char,
    message_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (dialect, message, options) = unsafe {
            (
                text(dialect, "dialect")?,
                text(message_json, "message_json")?,
                optional_text(options_json, "options_json")?,
            )
        };
        Ok(api::transcode(
            dialect,
            message,
            options.unwrap_or_default(),
        )?)
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

/// Validates a Send API request, bare message or Messenger Profile body against the
/// profile in `options_json` (`{as_of?, platform?, region?}`; NULL for today's Messenger):
/// `{violations: [...]}` at `*out_json`, empty when valid (as `msgrkit validate` prints).
/// Violations are an answer, not a failure: the result is OK.
///
/// # Safety
///
/// As `msgrkit_transcode`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_validate(
    request_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let (request, options) = unsafe {
            (
                text(request_json, "request_json")?,
                optional_text(options_json, "options_json")?,
            )
        };
        Ok(api::validate(request, options.unwrap_or_default())?)
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

/// The one send pipeline, as `msgrkit send` runs it: `input_json` is `{messages (each in
/// dialect), recipient, dialect?, options? (compose options), tag?, policy? (the thread's
/// facts: last_user_activity, now, author?, intent?, mode?)}`. At `*out_json`: `{requests,
/// warnings, decision?}`, every request valid. A policy refusal fails the call as in
/// `msgrkit_decide_policy`. One invalid request fails the whole call with
/// `MSGRKIT_RESULT_VALIDATION_FAILED` (every violation in `msgrkit_last_error_details`):
/// nothing is prepared, so nothing is sent.
///
/// # Safety
///
/// `input_json` is NUL-terminated; `out_json` is writable. On success `*out_json` is the
/// caller's, freed with `msgrkit_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_prepare_send(
    input_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    refusable_out(out_json, || {
        // SAFETY: per this function's contract.
        let input = unsafe { text(input_json, "input_json")? };
        Ok(api::prepare_send_value(api::read_json_at(input, "input")?)?)
    })
}
