//! The exported functions: each converts its arguments, calls `msgrkit::api`, and hands
//! the JSON text back. Ownership: every `char **out_*` string belongs to the caller, who
//! frees it with `msgrkit_string_free`; arguments stay the caller's.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{Failure, boundary, bytes, give_string, optional_text, out_param, text};
use crate::result::msgrkit_result;

/// The library version (`"0.1.0"`), equal to `MSGRKIT_VERSION`. Static: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn msgrkit_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
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

/// Runs `call` behind the boundary and hands its JSON text to `*out_json`.
pub(crate) fn json_out(
    out_json: *mut *mut c_char,
    call: impl FnOnce() -> Result<String, Failure>,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_json, "out_json")?;
        let json = call()?;
        // SAFETY: checked non-NULL above; C passes a writable pointer per the contracts.
        unsafe { give_string(out_json, json) }
    })
}

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
