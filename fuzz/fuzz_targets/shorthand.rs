//! Smooch's text shorthand on arbitrary text: never panics, and what it read prints.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgrkit::shorthand;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = shorthand::parse(text, "USD");
    let _ = format!("{parsed:?}");
});
