//! `validate` and `normalize` on arbitrary JSON (requests, messages, profile bodies):
//! never panics, and what `normalize` accepts it accepts again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgrkit::limits::{self, Platform, Product};
use msgrkit::send;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let _ = limits::validate_json(&value, &Platform::latest());
    let _ = limits::validate_json(&value, &Platform::latest().for_product(Product::Instagram));
    if let Ok(normal) = send::normalize_json(&value) {
        assert_eq!(send::normalize_json(&normal).ok(), Some(normal.clone()), "not a fixed point");
    }
});
