//! `tests/vectors/emit.json` through the exported C functions: vendor callbacks from
//! webhooks and send outcomes, and the vendors' signatures verified.

use std::ptr;

use serde_json::Value;

use super::vector_tests::runner::{assert_no_failures, run_suite, str_of, without_detail};
use super::vector_tests::{c, failure, take_json};
use msgrkit::{msgrkit_emit, msgrkit_emit_outcome, msgrkit_result, msgrkit_verify_callback};

#[test]
fn emit_vectors_through_c() {
    let failures = run_suite("emit", |input| {
        let vendor = c(str_of(input, "vendor"));
        let config = c(&input["config"].to_string());
        let answer = match str_of(input, "call") {
            "emit" => {
                let body = str_of(input, "body").as_bytes();
                // SAFETY: valid strings, a pointer and its length, a writable out-parameter.
                take_json(|out| unsafe {
                    msgrkit_emit(
                        vendor.as_ptr(),
                        body.as_ptr(),
                        body.len(),
                        config.as_ptr(),
                        out,
                    )
                })
            }
            "outcome" => {
                let outcome = c(&input["outcome"].to_string());
                // SAFETY: as above.
                take_json(|out| unsafe {
                    msgrkit_emit_outcome(vendor.as_ptr(), outcome.as_ptr(), config.as_ptr(), out)
                })
            }
            "verify" => {
                let body = str_of(input, "body").as_bytes();
                let headers = c(&input["headers"].to_string());
                let secret = c(str_of(input, "secret"));
                // SAFETY: as above.
                let result = unsafe {
                    msgrkit_verify_callback(
                        vendor.as_ptr(),
                        body.as_ptr(),
                        body.len(),
                        headers.as_ptr(),
                        secret.as_ptr(),
                    )
                };
                match result {
                    msgrkit_result::MSGRKIT_RESULT_OK => Ok(Value::Bool(true)),
                    failed => Err(failure(failed)),
                }
            }
            other => panic!("no C runner for emit.{other}"),
        };
        answer.map(without_detail)
    });
    assert_no_failures("emit", failures);
}

#[test]
fn a_null_config_is_no_config() {
    let vendor = c("sinch");
    let body = br#"{"object":"page","entry":[]}"#;
    // SAFETY: valid pointers; NULL config as documented.
    let answer = take_json(|out| unsafe {
        msgrkit_emit(vendor.as_ptr(), body.as_ptr(), body.len(), ptr::null(), out)
    });
    assert_eq!(answer.unwrap_err().field.as_deref(), Some("config.app_id"));
}
