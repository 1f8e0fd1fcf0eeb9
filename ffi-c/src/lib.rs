//! The C ABI of msgrkit, one file per core module it wraps. Conventions (also in
//! docs/c.md):
//!
//! - Every fallible function returns `msgrkit_result`; `MSGRKIT_RESULT_OK` is 0.
//! - Outputs go through out-parameters, written only on success.
//! - A byte buffer is always followed by its length.
//! - Strings the library returns are freed with `msgrkit_string_free` (NULL is fine).
//! - `msgrkit_result_code` gives the same snake_case code as the other languages, and
//!   `msgrkit_last_error` the last failure's message on this thread.
//! - No panic crosses the boundary (`MSGRKIT_RESULT_PANIC`); NULL and invalid UTF-8
//!   arguments are result codes.
#![allow(non_camel_case_types)] // C names: msgrkit_result

mod boundary;
#[cfg(feature = "blocking")]
mod client;
mod emit;
pub mod entries;
mod entry_call;
mod graph;
mod links;
mod policy;
mod receive;
mod record;
mod result;
mod send;
mod signature;
mod webhook;

use std::ffi::c_char;

pub use boundary::{
    msgrkit_last_error, msgrkit_last_error_details, msgrkit_last_error_field, msgrkit_string_free,
};
#[cfg(feature = "blocking")]
pub use client::{
    msgrkit_client, msgrkit_client_call, msgrkit_client_free, msgrkit_client_new,
    msgrkit_client_send,
};
pub use emit::{msgrkit_emit, msgrkit_emit_outcome, msgrkit_verify_callback};
#[doc(hidden)]
pub use entry_call::{EntryFn, generated_entry};
pub use graph::{
    msgrkit_graph_diagnose, msgrkit_graph_diagnose_requests, msgrkit_graph_parse_response,
    msgrkit_graph_parse_user_profile, msgrkit_graph_request, msgrkit_graph_usage,
};
pub use links::{msgrkit_chat_link, msgrkit_codes, msgrkit_parse_chat_link, msgrkit_qr_svg};
pub use policy::{msgrkit_decide_policy, msgrkit_decide_private_reply};
pub use receive::{
    msgrkit_check_webhook_head, msgrkit_receive_webhook, msgrkit_verify_signature_any,
};
pub use record::msgrkit_record_delivery;
pub use result::{msgrkit_result, msgrkit_result_code};
pub use send::{
    msgrkit_compose, msgrkit_menu, msgrkit_normalize, msgrkit_prepare_send, msgrkit_transcode,
    msgrkit_validate,
};
pub use signature::{
    msgrkit_sign, msgrkit_verify_signature, msgrkit_verify_signature_allow_sha1,
    msgrkit_verify_signature_headers,
};
pub use webhook::{
    msgrkit_events_covered, msgrkit_events_own_echo, msgrkit_parse_webhook,
    msgrkit_parse_webhook_limited, msgrkit_verify_handshake, msgrkit_verify_handshake_params,
};

/// The library version (`"0.1.0"`), equal to `MSGRKIT_VERSION`. Static: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn msgrkit_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

// The C-ABI tests call the exported functions as `msgrkit::...`, as a C caller names them.
#[cfg(test)]
extern crate self as msgrkit;

#[cfg(all(test, feature = "blocking"))]
#[path = "../tests/client.rs"]
mod client_tests;

#[cfg(test)]
#[path = "../tests/vectors.rs"]
mod vector_tests;

#[cfg(test)]
#[path = "../tests/link_vectors.rs"]
mod link_vector_tests;

#[cfg(test)]
#[path = "../tests/emit_vectors.rs"]
mod emit_vector_tests;

#[cfg(test)]
#[path = "../tests/record_vectors.rs"]
mod record_vector_tests;

#[cfg(test)]
#[path = "../tests/entry_vectors.rs"]
mod entry_vector_tests;

#[cfg(test)]
#[path = "../tests/entry_points.rs"]
mod entry_point_tests;
