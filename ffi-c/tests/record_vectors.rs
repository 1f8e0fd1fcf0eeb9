//! The `record` cases of `tests/vectors/signature.json` through `msgrkit_record_delivery`:
//! a delivery and its answer as one line of a recording.

use serde_json::Value;

use super::vector_tests::runner::{Failure, body, str_of};
use super::vector_tests::{c, take_json};
use msgrkit::msgrkit_record_delivery;

/// One `record` case's answer: the line, read back as JSON.
pub(crate) fn record(input: &Value) -> Result<Value, Failure> {
    let body = body(input);
    let headers = c(&input["headers"].to_string());
    let secret = c(str_of(input, "app_secret"));
    let delivery = c(&input["delivery"].to_string());
    // SAFETY: valid strings, a pointer and its length, a writable out-parameter.
    take_json(|out| unsafe {
        msgrkit_record_delivery(
            body.as_ptr(),
            body.len(),
            headers.as_ptr(),
            secret.as_ptr(),
            delivery.as_ptr(),
            out,
        )
    })
}
