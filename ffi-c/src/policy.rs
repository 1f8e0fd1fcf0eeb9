//! The messaging policy. A refusal is a failure, as in Python and Node: its own result
//! (`MSGRKIT_RESULT_OUTSIDE_WINDOW`, ...) with the whole refusal in
//! `msgrkit_last_error_details`.
//! Ownership as everywhere: `*out_*` strings are the caller's, freed with
//! `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{refusable_out, text};
use crate::result::msgrkit_result;

/// Decides `messaging_type` and `tag` for a policy input (`{last_user_activity, now,
/// author?, intent?, mode?, platform?}`): `{messaging_type, tag}` at `*out_json`. When
/// Meta would refuse the send the result is the refusal's (`MSGRKIT_RESULT_OUTSIDE_WINDOW`,
/// `MSGRKIT_RESULT_TAG_RETIRED`, ...), nothing is written to `*out_json`, and
/// `msgrkit_last_error_details` gives `{code, field, refusal: {code, detail,
/// window_closed_at?, retired_on?, replacement?}}`.
///
/// # Safety
///
/// As `msgrkit_transcode`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_decide_policy(
    input_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    refusable_out(out_json, || {
        // SAFETY: per this function's contract.
        let input = unsafe { text(input_json, "input_json")? };
        Ok(api::decide_policy_value(api::read_json_at(
            input, "input",
        )?)?)
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
    refusable_out(out_json, || {
        // SAFETY: per this function's contract.
        let input = unsafe { text(input_json, "input_json")? };
        Ok(api::decide_private_reply_value(api::read_json_at(
            input, "input",
        )?)?)
    })
}
