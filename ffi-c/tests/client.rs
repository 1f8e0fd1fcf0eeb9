//! The opaque C client against the Graph stand-in on 127.0.0.1.

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use msgrkit::{
    msgrkit_client, msgrkit_client_call, msgrkit_client_free, msgrkit_client_new,
    msgrkit_client_send, msgrkit_last_error, msgrkit_last_error_details, msgrkit_result,
    msgrkit_string_free,
};
use msgrkit_standin::{Reply, StandIn};
use serde_json::{Value, json};

fn client(server: &StandIn) -> *mut msgrkit_client {
    let config =
        json!({"token": "EAAGffi", "app_secret": "s", "base_url": server.url(), "max_attempts": 3});
    let config = CString::new(config.to_string()).unwrap();
    let mut client = ptr::null_mut();
    // SAFETY: a valid string and out-pointer.
    assert_eq!(
        unsafe { msgrkit_client_new(config.as_ptr(), &mut client) },
        msgrkit_result::MSGRKIT_RESULT_OK
    );
    client
}

fn send(client: *mut msgrkit_client) -> (msgrkit_result, Option<Value>) {
    let request = CString::new(
        r#"{"recipient":{"id":"65"},"messaging_type":"RESPONSE","message":{"text":"hi"}}"#,
    )
    .unwrap();
    let mut out: *mut c_char = ptr::null_mut();
    // SAFETY: a live client, a valid string and out-pointer.
    let result = unsafe { msgrkit_client_send(client, request.as_ptr(), &mut out) };
    let json = (!out.is_null()).then(|| {
        // SAFETY: msgrkit returned an owned NUL-terminated string.
        let value = serde_json::from_str(unsafe { CStr::from_ptr(out) }.to_str().unwrap()).unwrap();
        unsafe { msgrkit_string_free(out) };
        value
    });
    (result, json)
}

#[test]
fn a_rate_limit_is_retried_and_the_message_id_returned() {
    let server = StandIn::start(vec![Reply::graph_error(400, 613, None, "limit")]).unwrap();
    let client = client(&server);
    let (result, json) = send(client);
    assert_eq!(result, msgrkit_result::MSGRKIT_RESULT_OK);
    let json = json.unwrap();
    assert_eq!(
        (json["message_id"].as_str(), json["attempts"].as_u64()),
        (Some("m_standin_2"), Some(2))
    );
    assert!(
        server
            .requests()
            .iter()
            .all(|r| !r.target.contains("EAAGffi") && r.target.contains("appsecret_proof="))
    );
    // SAFETY: the client is live and freed once.
    unsafe { msgrkit_client_free(client) };
}

#[test]
fn a_dead_token_is_graph_auth_after_one_request() {
    let server = StandIn::start(vec![Reply::graph_error(
        400,
        190,
        Some(460),
        "password changed",
    )])
    .unwrap();
    let client = client(&server);
    let (result, json) = send(client);
    assert_eq!(
        (result, json),
        (msgrkit_result::MSGRKIT_RESULT_GRAPH_AUTH, None)
    );
    assert_eq!(server.requests().len(), 1);
    // SAFETY: the client is live and freed once.
    unsafe { msgrkit_client_free(client) };
}

#[test]
fn any_builder_runs_by_name() {
    let server = StandIn::start(vec![Reply::json(
        200,
        r#"{"data":[{"get_started":{"payload":"GO"}}]}"#,
    )])
    .unwrap();
    let client = client(&server);
    let (call, args) = (
        CString::new("profile_get").unwrap(),
        CString::new(r#"{"fields":["get_started"]}"#).unwrap(),
    );
    let mut out: *mut c_char = ptr::null_mut();
    // SAFETY: a live client, valid strings and out-pointer.
    let result = unsafe { msgrkit_client_call(client, call.as_ptr(), args.as_ptr(), &mut out) };
    assert_eq!(result, msgrkit_result::MSGRKIT_RESULT_OK);
    let json: Value =
        serde_json::from_str(unsafe { CStr::from_ptr(out) }.to_str().unwrap()).unwrap();
    assert_eq!(json["body"]["data"][0]["get_started"]["payload"], "GO");
    unsafe {
        msgrkit_string_free(out);
        msgrkit_client_free(client);
    }
}

/// The last failure's message and details on this thread.
fn last_failure() -> (String, String) {
    let read = |f: unsafe extern "C" fn(*mut c_char, usize) -> usize| {
        // SAFETY: asks the size with NULL, then copies into a buffer of that size.
        let needed = unsafe { f(ptr::null_mut(), 0) };
        let mut buffer = vec![0u8; needed.max(1)];
        unsafe { f(buffer.as_mut_ptr().cast(), buffer.len()) };
        CStr::from_bytes_until_nul(&buffer)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    (read(msgrkit_last_error), read(msgrkit_last_error_details))
}

#[test]
fn a_reflected_request_never_brings_the_token_back() {
    for (status, result) in [
        (200, msgrkit_result::MSGRKIT_RESULT_GRAPH_UNKNOWN),
        (502, msgrkit_result::MSGRKIT_RESULT_GRAPH_TRANSIENT),
    ] {
        let server = StandIn::start(vec![Reply::Reflect(status); 3]).unwrap();
        let client = client(&server);
        let (got, _) = send(client);
        assert_eq!(got, result);
        let (message, details) = last_failure();
        let details: Value = serde_json::from_str(&details).unwrap();
        let raw = details["graph"]["raw_body"].as_str().unwrap();
        assert!(raw.contains("authorization"), "{raw}");
        assert!(
            !raw.contains("EAAGffi") && !message.contains("EAAGffi"),
            "{raw}"
        );
        if status == 200 {
            // Accepted: it may have been sent, in one attempt.
            assert_eq!(details["attempts"], 1);
        }
        // SAFETY: the client is live and freed once.
        unsafe { msgrkit_client_free(client) };
    }
}
