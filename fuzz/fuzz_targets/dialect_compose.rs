//! Every dialect, then compose, on arbitrary JSON text. Never panics, and whatever comes
//! out passes `validate`: msgrkit never hands a host a message Meta would refuse.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgrkit::compose::ComposeOptions;
use msgrkit::dialect::{self, Dialect};
use msgrkit::limits::{self, Platform};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let platform = Platform::latest();
    for dialect in [Dialect::Neutral, Dialect::Smooch, Dialect::Sinch, Dialect::Linktor] {
        let Ok(transcoded) = dialect::transcode_str(dialect, text, &ComposeOptions::default()) else {
            continue;
        };
        for message in &transcoded.messages {
            let violations = limits::validate_message(message, &platform);
            assert!(violations.is_empty(), "{dialect:?} emitted {violations:?} from {text}");
        }
    }
    if let Ok(menu) = serde_json::from_str(text) {
        let _ = dialect::read_menu(Dialect::Smooch, &menu);
    }
});
