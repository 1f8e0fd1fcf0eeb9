//! The messaging policy. A refusal is an answer (`{refusal}` with OK), not a failure.
//! Ownership as everywhere: `*out_*` strings are the caller's, freed with
//! `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{json_out, text};
use crate::result::msgrkit_result;

/// Decides `messaging_type` and `tag` for a policy input (`{last_user_activity, now,
/// author?, intent?, mode?, platform?}`): `{messaging_type, tag}` or
/// `{refusal: {...}}` at `*out_json`. A refusal is an answer: the result is OK.
///
/// # Safety
///
/// As `msgrkit_transcode`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_decide_policy(
    input_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let input = unsafe { text(input_json, "input_json")? };
        Ok(api::decide_policy(input)?)
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
