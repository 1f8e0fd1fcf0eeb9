//! The C ABI on arbitrary bytes: the real `extern "C"` functions of ffi-c (compiled into
//! this target from their sources), called as a C host would. Never panics, never writes
//! an out-parameter on failure, and every string it returns is freed.
#![no_main]

extern crate msgrkit as msgrkit_core; // the name ffi-c's sources use for the core

#[allow(dead_code, unreachable_pub)]
#[path = "../../ffi-c/src/boundary.rs"]
mod boundary;
#[allow(dead_code, unreachable_pub, non_camel_case_types)]
#[path = "../../ffi-c/src/client.rs"]
mod client;
#[allow(dead_code, unreachable_pub)]
#[path = "../../ffi-c/src/graph.rs"]
mod graph;
#[allow(dead_code, unreachable_pub)]
#[path = "../../ffi-c/src/policy.rs"]
mod policy;
#[allow(dead_code, unreachable_pub, non_camel_case_types)]
#[path = "../../ffi-c/src/result.rs"]
mod result;
#[allow(dead_code, unreachable_pub)]
#[path = "../../ffi-c/src/send.rs"]
mod send;
#[allow(dead_code, unreachable_pub)]
#[path = "../../ffi-c/src/signature.rs"]
mod signature;
#[allow(dead_code, unreachable_pub)]
#[path = "../../ffi-c/src/webhook.rs"]
mod webhook;

use std::ffi::{CString, c_char};
use std::ptr;

use libfuzzer_sys::fuzz_target;
use result::msgrkit_result;

/// Runs a call writing a string; checks the out-parameter rule and frees the string.
fn take(call: impl FnOnce(*mut *mut c_char) -> msgrkit_result) {
    let mut out: *mut c_char = ptr::null_mut();
    let result = call(&mut out);
    if result == msgrkit_result::MSGRKIT_RESULT_OK {
        assert!(!out.is_null());
    } else {
        assert!(out.is_null(), "an out-parameter was written on failure");
    }
    // SAFETY: NULL or a string the library returned.
    unsafe { boundary::msgrkit_string_free(out) };
}

fuzz_target!(|data: &[u8]| {
    // Text arguments as C strings (NUL ends them, as in C); the bytes as a buffer.
    let text = CString::new(data.split(|b| *b == 0).next().unwrap_or_default()).unwrap();
    let t = text.as_ptr();
    // SAFETY: valid pointers and lengths for the duration of each call.
    unsafe {
        take(|out| webhook::msgrkit_parse_webhook(data.as_ptr(), data.len(), out));
        take(|out| webhook::msgrkit_parse_webhook_limited(data.as_ptr(), data.len(), 64, out));
        let _ = signature::msgrkit_verify_signature(data.as_ptr(), data.len(), data.as_ptr(), data.len(), t);
        take(|out| webhook::msgrkit_verify_handshake(t, t, out));
        take(|out| send::msgrkit_transcode(c"sinch".as_ptr(), t, ptr::null(), out));
        take(|out| send::msgrkit_transcode(c"smooch".as_ptr(), t, t, out));
        take(|out| send::msgrkit_validate(t, ptr::null(), out));
        take(|out| policy::msgrkit_decide_policy(t, out));
        take(|out| graph::msgrkit_graph_request(t, c"send".as_ptr(), t, out));
        take(|out| graph::msgrkit_graph_parse_response(400, t, data.as_ptr(), data.len(), out));
        take(|out| send::msgrkit_compose(t, t, out));
        take(|out| send::msgrkit_menu(c"neutral".as_ptr(), t, ptr::null(), out));
        take(|out| send::msgrkit_normalize(t, out));
        take(|out| webhook::msgrkit_verify_handshake_params(t, t, out));
        take(|out| graph::msgrkit_graph_usage(t, out));
        take(|out| graph::msgrkit_graph_diagnose(t, out));
        take(|out| webhook::msgrkit_events_covered(data.as_ptr(), data.len(), t, out));
        take(|out| send::msgrkit_prepare_send(t, out));
        let needed = boundary::msgrkit_last_error(ptr::null_mut(), 0);
        let mut buffer = vec![0u8; needed.max(1)];
        boundary::msgrkit_last_error(buffer.as_mut_ptr().cast(), buffer.len());
    }
});
