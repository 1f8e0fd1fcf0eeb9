//! The shared vectors through the real `extern "C"` functions: pointers, lengths,
//! out-parameters, `msgrkit_string_free`, result codes and `msgrkit_last_error_field`.

#[path = "../../core/tests/support/runner.rs"]
pub(crate) mod runner;

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use msgrkit::{
    msgrkit_check_webhook_head, msgrkit_compose, msgrkit_decide_policy,
    msgrkit_decide_private_reply, msgrkit_events_covered, msgrkit_events_own_echo,
    msgrkit_graph_diagnose, msgrkit_graph_parse_response, msgrkit_graph_parse_user_profile,
    msgrkit_graph_request, msgrkit_graph_usage, msgrkit_last_error_details,
    msgrkit_last_error_field, msgrkit_menu, msgrkit_normalize, msgrkit_parse_webhook,
    msgrkit_parse_webhook_limited, msgrkit_prepare_send, msgrkit_receive_webhook, msgrkit_result,
    msgrkit_result_code, msgrkit_sign, msgrkit_string_free, msgrkit_transcode, msgrkit_validate,
    msgrkit_verify_handshake, msgrkit_verify_handshake_params, msgrkit_verify_signature,
    msgrkit_verify_signature_allow_sha1, msgrkit_verify_signature_any,
    msgrkit_verify_signature_headers,
};
use runner::{
    Failure, assert_no_failures, body, code_and_severity, comparable, load, run_suite, str_of,
    without_detail,
};
use serde_json::{Value, json};

/// Calls that have no C function yet; their cases are counted, never silently passed.
const NOT_IN_C_YET: &[(&str, &str)] = &[];

/// A JSON string argument, or NULL when the input lacks `key`.
fn optional_json(input: &Value, key: &str) -> Option<CString> {
    input.get(key).map(|value| c(&value.to_string()))
}

fn ptr_of(text: &Option<CString>) -> *const c_char {
    text.as_ref().map_or(ptr::null(), |t| t.as_ptr())
}

/// `verify` result OK means the algorithm the header named.
fn algorithm_of(header: &str) -> Value {
    let sha1 = header
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("sha1=");
    json!(if sha1 { "sha1" } else { "sha256" })
}

pub(crate) fn c(text: &str) -> CString {
    CString::new(text).expect("vector text has no NUL")
}

/// The result as a failure with the code and field C reports.
pub(crate) fn failure(result: msgrkit_result) -> Failure {
    // SAFETY: the code is a static NUL-terminated string.
    let code = unsafe { CStr::from_ptr(msgrkit_result_code(result as u32)) }
        .to_str()
        .unwrap()
        .to_owned();
    // SAFETY: asking the size with a NULL buffer, then filling a buffer of that size.
    let needed = unsafe { msgrkit_last_error_field(ptr::null_mut(), 0) };
    let field = (needed > 0).then(|| {
        let mut buffer = vec![0u8; needed];
        unsafe { msgrkit_last_error_field(buffer.as_mut_ptr().cast(), needed) };
        CStr::from_bytes_with_nul(&buffer)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    });
    Failure { code, field }
}

/// Runs a call that writes a string, and takes ownership of it (freeing it through C).
pub(crate) fn take_string(
    call: impl FnOnce(*mut *mut c_char) -> msgrkit_result,
) -> Result<String, Failure> {
    let mut out: *mut c_char = ptr::null_mut();
    let result = call(&mut out);
    if result != msgrkit_result::MSGRKIT_RESULT_OK {
        assert!(out.is_null(), "an out-parameter was written on failure");
        return Err(failure(result));
    }
    assert!(!out.is_null(), "success without output");
    // SAFETY: msgrkit returned a NUL-terminated string that we now own.
    let text = unsafe { CStr::from_ptr(out) }
        .to_str()
        .expect("output is UTF-8")
        .to_owned();
    unsafe { msgrkit_string_free(out) };
    Ok(text)
}

/// `msgrkit_last_error_details` of the last failure on this thread, as JSON.
pub(crate) fn last_details() -> Value {
    // SAFETY: asking the size with a NULL buffer, then filling a buffer of that size.
    let needed = unsafe { msgrkit_last_error_details(ptr::null_mut(), 0) };
    let mut buffer = vec![0u8; needed];
    unsafe { msgrkit_last_error_details(buffer.as_mut_ptr().cast(), needed) };
    let text = CStr::from_bytes_with_nul(&buffer)
        .unwrap()
        .to_str()
        .unwrap();
    serde_json::from_str(text).expect("details are JSON")
}

/// A call a policy refusal can end, in the vectors' form: the answer, or `{"refusal"}`
/// from the failure's details (whose code must be the refusal's).
fn refusable(call: impl FnOnce(*mut *mut c_char) -> msgrkit_result) -> Result<Value, Failure> {
    take_json(call).or_else(|failed| {
        let details = last_details();
        match details.get("refusal") {
            Some(refusal) => {
                assert_eq!(
                    refusal["code"],
                    json!(failed.code),
                    "the result is the refusal's"
                );
                Ok(json!({ "refusal": refusal }))
            }
            None => Err(failed),
        }
    })
}

pub(crate) fn take_json(
    call: impl FnOnce(*mut *mut c_char) -> msgrkit_result,
) -> Result<Value, Failure> {
    take_string(call).map(|text| serde_json::from_str(&text).expect("output is JSON"))
}

/// The call a case makes (the suite's first call when absent; graph selects by `kind`);
/// a handshake from a parameter list counts as its own call.
fn call_name<'a>(suite: &str, input: &'a Value) -> &'a str {
    let default = match suite {
        "signature" => "verify",
        "webhook" => "parse",
        "send" => "validate",
        "policy" => "decide",
        "compose" => "compose",
        _ => "transcode",
    };
    let call = if suite == "graph" {
        input["kind"].as_str()
    } else {
        input["call"].as_str()
    };
    match call.unwrap_or(default) {
        "handshake" if input.get("params").is_some() => "handshake_params",
        call => call,
    }
}

/// The `app_secrets` of a case as C's parallel arrays of pointers and lengths.
fn secret_arrays(input: &Value) -> (Vec<*const u8>, Vec<usize>) {
    let secrets = input["app_secrets"].as_array().expect("app_secrets");
    let secrets: Vec<&str> = secrets
        .iter()
        .map(|s| s.as_str().expect("a secret"))
        .collect();
    (
        secrets.iter().map(|s| s.as_ptr()).collect(),
        secrets.iter().map(|s| s.len()).collect(),
    )
}

fn skip(suite: &str, call: &str) -> Result<Value, Failure> {
    assert!(
        NOT_IN_C_YET.contains(&(suite, call)),
        "{suite}.{call} has no C runner"
    );
    Err(Failure {
        code: "not_in_c_yet".to_owned(),
        field: None,
    })
}

/// Runs a suite and removes the failures of calls C does not have yet, checking there are some.
fn run(suite: &str, call_of: impl Fn(&Value) -> Result<Value, Failure>) {
    let failures = run_suite(suite, call_of);
    let (skipped, real): (Vec<_>, Vec<_>) = failures
        .into_iter()
        .partition(|f| f.contains("not_in_c_yet"));
    let doc = load(suite);
    let expected = doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|case| NOT_IN_C_YET.contains(&(suite, call_name(suite, &case["input"]))));
    assert_eq!(
        skipped.len(),
        expected.count(),
        "only the listed calls are skipped"
    );
    assert_no_failures(suite, real);
}

#[test]
fn signature_vectors_through_c() {
    run("signature", |input| {
        let secret = input["app_secret"].as_str().unwrap_or_default().as_bytes();
        let body = if input.get("body").is_some() || input.get("body_hex").is_some() {
            body(input)
        } else {
            Vec::new()
        };
        match input["call"].as_str().unwrap_or("verify") {
            "verify_any" => {
                let (pointers, lens) = secret_arrays(input);
                let header = c(str_of(input, "header"));
                let mut index = usize::MAX;
                // SAFETY: parallel arrays of `len` items, valid for the call.
                let result = unsafe {
                    msgrkit_verify_signature_any(
                        pointers.as_ptr(),
                        lens.as_ptr(),
                        lens.len(),
                        body.as_ptr(),
                        body.len(),
                        header.as_ptr(),
                        input["allow_sha1"] == true,
                        &raw mut index,
                    )
                };
                if result != msgrkit_result::MSGRKIT_RESULT_OK {
                    return Err(failure(result));
                }
                Ok(
                    json!({"algorithm": algorithm_of(str_of(input, "header")), "secret_index": index}),
                )
            }
            "verify" => {
                let header = c(str_of(input, "header"));
                let verify = if input["allow_sha1"] == true {
                    msgrkit_verify_signature_allow_sha1
                } else {
                    msgrkit_verify_signature
                };
                // SAFETY: valid pointers and lengths for the duration of the call.
                let result = unsafe {
                    verify(
                        secret.as_ptr(),
                        secret.len(),
                        body.as_ptr(),
                        body.len(),
                        header.as_ptr(),
                    )
                };
                if result != msgrkit_result::MSGRKIT_RESULT_OK {
                    return Err(failure(result));
                }
                Ok(algorithm_of(str_of(input, "header")))
            }
            // SAFETY: as above.
            "sign" => take_string(|out| unsafe {
                msgrkit_sign(
                    secret.as_ptr(),
                    secret.len(),
                    body.as_ptr(),
                    body.len(),
                    out,
                )
            })
            .map(Value::String),
            "verify_headers" => {
                let headers = c(&input["headers"].to_string());
                let allow_sha1 = input["allow_sha1"] == true;
                // SAFETY: valid pointers and lengths.
                let result = unsafe {
                    msgrkit_verify_signature_headers(
                        secret.as_ptr(),
                        secret.len(),
                        body.as_ptr(),
                        body.len(),
                        headers.as_ptr(),
                        allow_sha1,
                    )
                };
                if result != msgrkit_result::MSGRKIT_RESULT_OK {
                    return Err(failure(result));
                }
                // Which header was used: the sha256 one when present, else the sha1 one.
                let pairs = input["headers"].as_array().unwrap();
                let has256 = pairs.iter().any(|p| {
                    p[0].as_str()
                        .unwrap()
                        .eq_ignore_ascii_case("x-hub-signature-256")
                });
                Ok(json!(if has256 { "sha256" } else { "sha1" }))
            }
            "head" => {
                let headers = c(&input["headers"].to_string());
                let max = usize::try_from(input["max_body_bytes"].as_u64().unwrap_or(0)).unwrap();
                let mut length = 0usize;
                // SAFETY: a valid string and out-pointer.
                let result = unsafe {
                    msgrkit_check_webhook_head(
                        headers.as_ptr(),
                        input["allow_sha1"] == true,
                        max,
                        &mut length,
                    )
                };
                if result != msgrkit_result::MSGRKIT_RESULT_OK {
                    return Err(failure(result));
                }
                Ok(json!(length))
            }
            "record" => super::record_vector_tests::record(input),
            other => skip("signature", other),
        }
    });
}

#[test]
fn webhook_vectors_through_c() {
    run("webhook", |input| {
        match input["call"].as_str().unwrap_or("parse") {
            "parse" => {
                let body = body(input);
                match input["max_body_bytes"].as_u64() {
                    // SAFETY: valid pointer and length.
                    None => take_json(|out| unsafe {
                        msgrkit_parse_webhook(body.as_ptr(), body.len(), out)
                    }),
                    Some(max) => {
                        let max = usize::try_from(max).unwrap();
                        // SAFETY: valid pointer and length.
                        take_json(|out| unsafe {
                            msgrkit_parse_webhook_limited(body.as_ptr(), body.len(), max, out)
                        })
                    }
                }
                .map(comparable)
            }
            "handshake" if input.get("query").is_some() => {
                let (query, token) = (c(str_of(input, "query")), c(str_of(input, "verify_token")));
                // SAFETY: valid strings.
                match take_string(|out| unsafe {
                    msgrkit_verify_handshake(query.as_ptr(), token.as_ptr(), out)
                }) {
                    Ok(challenge) => Ok(json!({"status": 200, "body": challenge})),
                    Err(refusal) => Ok(json!({"status": 403, "body": "", "reason": refusal.code})),
                }
            }
            // Handshakes from a parsed parameter list: C takes the raw query only.
            "handshake" => {
                let (params, token) = (
                    c(&input["params"].to_string()),
                    c(str_of(input, "verify_token")),
                );
                // SAFETY: valid strings.
                match take_string(|out| unsafe {
                    msgrkit_verify_handshake_params(params.as_ptr(), token.as_ptr(), out)
                }) {
                    Ok(challenge) => Ok(json!({"status": 200, "body": challenge})),
                    Err(refusal) => Ok(json!({"status": 403, "body": "", "reason": refusal.code})),
                }
            }
            "receive" => {
                let (pointers, lens) = secret_arrays(input);
                let (body, headers) = (body(input), c(&input["headers"].to_string()));
                // SAFETY: parallel arrays of `len` items and valid strings for the call.
                take_json(|out| unsafe {
                    msgrkit_receive_webhook(
                        pointers.as_ptr(),
                        lens.as_ptr(),
                        lens.len(),
                        body.as_ptr(),
                        body.len(),
                        headers.as_ptr(),
                        false,
                        0,
                        out,
                    )
                })
                .map(|mut received| {
                    received["notification"] = comparable(received["notification"].take());
                    received
                })
            }
            "conversation_keys" => {
                let body = body(input);
                // SAFETY: valid pointer and length.
                let parsed = take_json(|out| unsafe {
                    msgrkit_parse_webhook(body.as_ptr(), body.len(), out)
                })?;
                let events = parsed["events"].as_array().unwrap();
                Ok(json!(
                    events
                        .iter()
                        .map(|e| e["conversation_key"].clone())
                        .collect::<Vec<_>>()
                ))
            }
            "is_own_echo" => {
                let (body, app_id) = (body(input), c(str_of(input, "app_id")));
                // SAFETY: valid pointer, length and string.
                take_json(|out| unsafe {
                    msgrkit_events_own_echo(body.as_ptr(), body.len(), app_id.as_ptr(), out)
                })
            }
            "covered" => {
                let (body, sent) = (body(input), c(&input["sent"].to_string()));
                // SAFETY: valid pointer, length and string.
                take_json(|out| unsafe {
                    msgrkit_events_covered(body.as_ptr(), body.len(), sent.as_ptr(), out)
                })
            }
            other => skip("webhook", other),
        }
    });
}

#[test]
fn send_policy_and_dialect_vectors_through_c() {
    run("send", |input| {
        match input["call"].as_str().unwrap_or("validate") {
            "validate" => {
                // A string body is the request's JSON text, as the hosts take it.
                let request = c(&input["body"]
                    .as_str()
                    .map_or_else(|| input["body"].to_string(), str::to_owned));
                // Every key but `call` and `body` is an option (a misspelt one too).
                let mut options = input.clone();
                if let Some(map) = options.as_object_mut() {
                    map.remove("call");
                    map.remove("body");
                }
                let options = c(&options.to_string());
                // SAFETY: valid strings.
                take_json(|out| unsafe {
                    msgrkit_validate(request.as_ptr(), options.as_ptr(), out)
                })
                .map(|answer| without_detail(answer["violations"].clone()))
            }
            "roundtrip" => {
                let body = c(&input["body"].to_string());
                // SAFETY: a valid string.
                take_json(|out| unsafe { msgrkit_normalize(body.as_ptr(), out) })
            }
            "prepare" => {
                let mut input = input.clone();
                input.as_object_mut().map(|map| map.remove("call"));
                let text = c(&input.to_string());
                // SAFETY: a valid string.
                refusable(|out| unsafe { msgrkit_prepare_send(text.as_ptr(), out) })
                    .map(without_detail)
            }
            other => skip("send", other),
        }
    });
    run("policy", |input| {
        match input["call"].as_str().unwrap_or("decide") {
            "decide" => {
                let mut input = input.clone();
                input.as_object_mut().map(|map| map.remove("call"));
                let text = c(&input.to_string());
                // SAFETY: a valid string.
                refusable(|out| unsafe { msgrkit_decide_policy(text.as_ptr(), out) })
                    .map(without_detail)
            }
            "private_reply" => {
                // `call` picks the function; the rest is its input.
                let mut input = input.clone();
                input.as_object_mut().map(|map| map.remove("call"));
                let text = c(&input.to_string());
                // SAFETY: a valid string.
                refusable(|out| unsafe { msgrkit_decide_private_reply(text.as_ptr(), out) })
                    .map(without_detail)
            }
            other => skip("policy", other),
        }
    });
    run("dialect", |input| {
        match input["call"].as_str().unwrap_or("transcode") {
            "transcode" => {
                let dialect = c(str_of(input, "dialect"));
                let message = c(&input["body"].to_string());
                let options = input.get("options").map(|o| c(&o.to_string()));
                let options_ptr = options.as_ref().map_or(ptr::null(), |o| o.as_ptr());
                // SAFETY: valid strings (options may be NULL).
                take_json(|out| unsafe {
                    msgrkit_transcode(dialect.as_ptr(), message.as_ptr(), options_ptr, out)
                })
                .map(without_detail)
            }
            "menu" => {
                let (dialect, menu, options) = (
                    c(str_of(input, "dialect")),
                    c(&input["body"].to_string()),
                    optional_json(input, "options"),
                );
                // SAFETY: valid strings (options may be NULL).
                take_json(|out| unsafe {
                    msgrkit_menu(dialect.as_ptr(), menu.as_ptr(), ptr_of(&options), out)
                })
                .map(without_detail)
            }
            other => skip("dialect", other),
        }
    });
}

#[test]
fn compose_vectors_through_c() {
    run("compose", |input| {
        let options = optional_json(input, "options");
        if input["call"] == "menu" {
            let (dialect, menu) = (c("neutral"), c(&input["menu"].to_string()));
            // SAFETY: valid strings (options may be NULL).
            return take_json(|out| unsafe {
                msgrkit_menu(dialect.as_ptr(), menu.as_ptr(), ptr_of(&options), out)
            })
            .map(without_detail);
        }
        let message = c(&input["message"].to_string());
        // SAFETY: valid strings (options may be NULL).
        take_json(|out| unsafe { msgrkit_compose(message.as_ptr(), ptr_of(&options), out) })
            .map(without_detail)
    });
}

#[test]
fn graph_vectors_through_c() {
    run("graph", |input| match str_of(input, "kind") {
        "request" => {
            let (config, call, args) = (
                c(&input["config"].to_string()),
                c(str_of(input, "call")),
                c(&input["args"].to_string()),
            );
            // SAFETY: valid strings.
            take_json(|out| unsafe {
                msgrkit_graph_request(config.as_ptr(), call.as_ptr(), args.as_ptr(), out)
            })
        }
        "response" => {
            let headers = c(&input["headers"].to_string());
            let body = str_of(input, "body").as_bytes();
            let status = u16::try_from(input["status"].as_u64().unwrap()).unwrap();
            // SAFETY: valid string, pointer and length.
            take_json(|out| unsafe {
                msgrkit_graph_parse_response(
                    status,
                    headers.as_ptr(),
                    body.as_ptr(),
                    body.len(),
                    out,
                )
            })
        }
        "diagnose" => {
            let answers = c(&input["answers"].to_string());
            // SAFETY: a valid string.
            take_json(|out| unsafe { msgrkit_graph_diagnose(answers.as_ptr(), out) })
                .map(|f| code_and_severity(&f))
        }
        "usage" => {
            let headers = c(&input["headers"].to_string());
            // SAFETY: a valid string.
            take_json(|out| unsafe { msgrkit_graph_usage(headers.as_ptr(), out) })
                .map(|usage| json!({"highest": usage["highest"], "regain_after_seconds": usage["regain_after_seconds"]}))
        }
        "user_profile" => {
            let headers = c(&input["headers"].to_string());
            let body = str_of(input, "body").as_bytes();
            let status = u16::try_from(input["status"].as_u64().unwrap()).unwrap();
            // SAFETY: valid string, pointer and length.
            take_json(|out| unsafe {
                msgrkit_graph_parse_user_profile(
                    status,
                    headers.as_ptr(),
                    body.as_ptr(),
                    body.len(),
                    out,
                )
            })
        }
        other => skip("graph", other),
    });
}
