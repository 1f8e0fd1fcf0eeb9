//! Chat links (m.me, ig.me) with a `ref`, read back, and as QR codes. Ownership as
//! everywhere: `*out_*` strings are the caller's, freed with `msgrkit_string_free`.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::json_out;
use crate::boundary::{optional_text, text};
use crate::result::msgrkit_result;

/// Every code the core can emit, `[{"code", "kind", "category"?}]`, at `*out_json`.
///
/// # Safety
///
/// `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_codes(out_json: *mut *mut c_char) -> msgrkit_result {
    json_out(out_json, || Ok(api::codes()))
}

/// The URL of the chat link `link_json` (`{"page"|"instagram", "ref"?, "text"?}`) at
/// `*out_url`: `https://m.me/acme.shop?ref=spring_sale`. A part Meta would not take is
/// `MSGRKIT_RESULT_INVALID_INPUT` (or `LIMIT_EXCEEDED`, ...) with its field (`ref`).
///
/// # Safety
///
/// `link_json` is NUL-terminated; `out_url` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_chat_link(
    link_json: *const c_char,
    out_url: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_url, || {
        // SAFETY: per this function's contract.
        let link = unsafe { text(link_json, "link_json")? };
        Ok(api::chat_link(link)?)
    })
}

/// A chat link read back: `{"page"|"instagram", "ref"?, "text"?, "other"?}` at `*out_json`.
///
/// # Safety
///
/// `url` is NUL-terminated; `out_json` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_parse_chat_link(
    url: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let url = unsafe { text(url, "url")? };
        Ok(api::parse_chat_link(url)?)
    })
}

/// `text` as an SVG QR code at `*out_svg`; `options_json` is `{"level"?: "L"|"M"|"Q"|"H",
/// "size"?: pixels}`, or NULL for the defaults.
///
/// # Safety
///
/// `text` is NUL-terminated, `options_json` NUL-terminated or NULL; `out_svg` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_qr_svg(
    text_to_encode: *const c_char,
    options_json: *const c_char,
    out_svg: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_svg, || {
        // SAFETY: per this function's contract.
        let (input, options) = unsafe {
            (
                text(text_to_encode, "text")?,
                optional_text(options_json, "options_json")?,
            )
        };
        Ok(api::qr_svg(input, options.unwrap_or_default())?)
    })
}
