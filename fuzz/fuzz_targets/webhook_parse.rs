//! Webhook parsing on arbitrary bytes. Never panics, and nothing vanishes: every item of
//! every readable entry comes out as an event or as an entry of `errors`, and an
//! entry-level warning (a `time` or `id` left out) is never counted as an item.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgrkit::webhook;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(notification) = webhook::parse(data) else {
        return;
    };
    let text = serde_json::to_string(&notification).expect("events serialise");
    assert!(serde_json::from_str::<Value>(&text).is_ok());
    let Ok(body) = serde_json::from_slice::<Value>(data) else {
        return; // too deep for Value: parse reported what it could
    };
    let whole_entry_failures: Vec<usize> = notification
        .errors
        .iter()
        .filter(|e| e.index.is_none())
        .map(|e| e.entry)
        .collect();
    for warning in &notification.warnings {
        assert!(
            !whole_entry_failures.contains(&warning.entry),
            "entry {} is both readable (warned) and unreadable",
            warning.entry
        );
    }
    let mut items = 0;
    for (i, entry) in body["entry"].as_array().into_iter().flatten().enumerate() {
        if whole_entry_failures.contains(&i) {
            continue;
        }
        for list in ["messaging", "standby", "changes"] {
            items += entry[list].as_array().map_or(0, Vec::len);
        }
    }
    let item_errors = notification.errors.iter().filter(|e| e.index.is_some()).count();
    assert_eq!(
        notification.events.len() + item_errors,
        items,
        "an item vanished (or appeared) in {}",
        String::from_utf8_lossy(data)
    );
});
