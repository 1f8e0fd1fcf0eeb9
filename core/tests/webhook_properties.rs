//! Property: nothing vanishes from a delivery. For any body of entries whose `id` and
//! `time` may be of the wrong type and whose items may be broken, the items of every
//! readable entry are exactly the events plus the item errors; a warning (an entry's
//! `id` or `time`, an item's `timestamp`, left out) never counts as an item and names
//! the value exactly where it was.

use msgrkit::webhook;
use proptest::prelude::*;
use serde_json::{Value, json};

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(1_700_000_000_999_i64)),
        Just(json!("1700000000")),
        Just(json!("2021-09-08T06:34:04+0000")),
        Just(json!(true)),
        Just(json!([1])),
        Just(json!({"page": "1"})),
        Just(Value::Null),
    ]
}

fn item() -> impl Strategy<Value = Value> {
    let mid = "[a-z0-9]{1,6}";
    prop_oneof![
        mid.prop_map(|m| json!({"sender": {"id": "6"}, "recipient": {"id": "1"}, "timestamp": 1_700_000_000_123_i64,
                                "message": {"mid": m, "text": "hi"}})),
        Just(json!({"sender": {"id": "6"}, "recipient": {"id": "1"}, "timestamp": 1, "postback": {"payload": "P", "title": "T"}})),
        Just(json!({"sender": {"id": "6"}, "message": {"mid": "m", "text": 12}})),
        Just(json!({"timestamp": "soon", "read": {"watermark": 1}})),
        Just(json!({"sender": {"id": "6"}, "recipient": {"id": "1"}, "brand_new_kind": {"x": 1}})),
        Just(json!("not an object")),
    ]
}

fn entry() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(scalar()),
        proptest::option::of(scalar()),
        proptest::collection::vec(item(), 0..4),
        proptest::collection::vec(item(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(id, time, messaging, standby, broken)| {
            if broken {
                return json!({"id": "1", "messaging": "not a list"});
            }
            let mut entry = json!({"messaging": messaging, "standby": standby});
            if let Some(id) = id {
                entry["id"] = id;
            }
            if let Some(time) = time {
                entry["time"] = time;
            }
            entry
        })
}

/// The value at a field path such as `entry[0].messaging[1].timestamp`.
fn at_path<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = root;
    for segment in path.split('.') {
        let (key, indexes) = segment
            .split_once('[')
            .map_or((segment, ""), |(k, rest)| (k, rest));
        at = at.get(key)?;
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            at = at.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(at)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn items_of_readable_entries_are_events_plus_item_errors(
        entries in proptest::collection::vec(entry(), 0..5),
        object in prop_oneof![Just("page"), Just("instagram")],
    ) {
        let body = json!({"object": object, "entry": entries});
        let notification = webhook::parse(body.to_string().as_bytes()).expect("an envelope");
        let unreadable: Vec<usize> = notification.errors.iter().filter(|e| e.index.is_none()).map(|e| e.entry).collect();
        let mut items = 0;
        for (index, entry) in entries.iter().enumerate() {
            if unreadable.contains(&index) {
                continue;
            }
            items += ["messaging", "standby"].iter().map(|k| entry[*k].as_array().map_or(0, Vec::len)).sum::<usize>();
        }
        let item_errors = notification.errors.iter().filter(|e| e.index.is_some()).count();
        prop_assert_eq!(notification.events.len() + item_errors, items);
        for warning in &notification.warnings {
            prop_assert!(!unreadable.contains(&warning.entry));
            // Reported at its own path, with the value exactly as received.
            prop_assert_eq!(at_path(&body, &warning.field), Some(&warning.raw), "{}", warning.field);
        }
        // A defect is reported once per field.
        let mut fields: Vec<&str> = notification.warnings.iter().map(|w| w.field.as_str()).collect();
        fields.dedup();
        prop_assert_eq!(fields.len(), notification.warnings.len());
    }
}
