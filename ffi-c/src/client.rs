//! The opaque blocking client: `msgrkit_client_new`, `_send`, `_call`, `_free`.

use std::ffi::c_char;

use msgrkit_core::api::Connection;

use crate::boundary::{boundary, give_string, optional_text, out_param, text};
use crate::result::msgrkit_result;

/// A Graph connection with retries (opaque). Create with `msgrkit_client_new`, free with
/// `msgrkit_client_free`. Use it from one thread at a time.
pub struct msgrkit_client(Connection);

/// Creates a client from `config_json`: `{token, app_secret?, version?, base_url?,
/// page_id?, max_attempts?, budget_ms?, timeout_ms?, retry_unknown_outcome?}`.
/// On success `*out_client` is the caller's, freed with `msgrkit_client_free`.
///
/// # Safety
///
/// `config_json` is NUL-terminated; `out_client` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_client_new(
    config_json: *const c_char,
    out_client: *mut *mut msgrkit_client,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_client, "out_client")?;
        // SAFETY: per this function's contract.
        let config = unsafe { text(config_json, "config_json")? };
        let client = Box::new(msgrkit_client(Connection::from_json(config)?));
        // SAFETY: checked non-NULL above.
        unsafe { *out_client = Box::into_raw(client) };
        Ok(())
    })
}

/// Sends a Send API request (JSON), retrying only what is safe: on success
/// `{"recipient_id", "message_id", "attempts"}` at `*out_json`. A Graph error returns its
/// class (`MSGRKIT_RESULT_GRAPH_AUTH`, ...); a send whose outcome is unknown is not retried.
///
/// # Safety
///
/// `client` came from `msgrkit_client_new` and is not freed; `request_json` is
/// NUL-terminated; `out_json` is writable and, on success, the caller's to free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_client_send(
    client: *const msgrkit_client,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_json, "out_json")?;
        out_param(client.cast_mut(), "client")?;
        // SAFETY: per this function's contract.
        let (client, request) = unsafe { (&*client, text(request_json, "request_json")?) };
        let json = client.0.send(request)?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(out_json, json) }
    })
}

/// Runs any Graph builder by name (as `msgrkit_graph_request`) with `args_json` (NULL for
/// none): `{"body", "attempts", "usage"}` at `*out_json`.
///
/// # Safety
///
/// As `msgrkit_client_send`; `args_json` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_client_call(
    client: *const msgrkit_client,
    call: *const c_char,
    args_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_json, "out_json")?;
        out_param(client.cast_mut(), "client")?;
        // SAFETY: per this function's contract.
        let (client, call, args) = unsafe {
            (
                &*client,
                text(call, "call")?,
                optional_text(args_json, "args_json")?,
            )
        };
        let json = client.0.call(call, args.unwrap_or_default())?;
        // SAFETY: checked non-NULL above.
        unsafe { give_string(out_json, json) }
    })
}

/// Frees a client (NULL is fine).
///
/// # Safety
///
/// `client` is NULL or came from `msgrkit_client_new` and is not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_client_free(client: *mut msgrkit_client) {
    if !client.is_null() {
        // SAFETY: it came from Box::into_raw in msgrkit_client_new, per the contract.
        drop(unsafe { Box::from_raw(client) });
    }
}
