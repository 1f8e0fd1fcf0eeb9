//! Property: dedupe keys are unique by construction. Generated events that Meta treats as
//! different events (another message, another edit of a comment, a hide again later)
//! never share a key, and every redelivery form of one event (alone or in a batch, in
//! another entry, in another order) has the same key.

use std::collections::HashMap;

use msgrkit::webhook;
use proptest::prelude::*;
use serde_json::{Value, json};

const PAGE: &str = "106000000000001";

/// One real event: where it goes (`changes` or `messaging`), its wire form, the entry
/// time it is delivered under, and what tells it apart from every other event.
#[derive(Clone, Debug)]
struct Occurrence {
    change: bool,
    wire: Value,
    entry_time: i64,
    identity: String,
}

fn comment() -> impl Strategy<Value = Occurrence> {
    let verbs = prop_oneof![
        Just("add"),
        Just("edited"),
        Just("hide"),
        Just("unhide"),
        Just("remove")
    ];
    (0..3u8, verbs, 0..3u8, 0..4i64).prop_map(|(id, verb, text, time)| {
        let comment_id = format!("1_{id}");
        let message = format!("text {text}");
        let entry_time = 1_700_000_000_000 + time * 60_000;
        let identity = if matches!(verb, "add" | "remove") {
            format!("comment {comment_id} {verb}")
        } else {
            format!("comment {comment_id} {verb} {message} {entry_time}")
        };
        Occurrence {
            change: true,
            wire: json!({"field": "feed", "value": {
                "from": {"id": "6500000000000001", "name": "Ann"}, "item": "comment", "verb": verb,
                "comment_id": comment_id, "post_id": "106000000000001_1", "message": message,
                "created_time": 1_682_963_527}}),
            entry_time,
            identity,
        }
    })
}

fn messaging() -> impl Strategy<Value = Occurrence> {
    prop_oneof![
        (0..6u8).prop_map(|mid| Occurrence {
            change: false,
            wire: json!({"sender": {"id": "6500000000000001"}, "recipient": {"id": PAGE},
                         "timestamp": 1_700_000_000_123_i64, "message": {"mid": format!("m_{mid}"), "text": "hi"}}),
            entry_time: 1_700_000_000_500,
            identity: format!("message m_{mid}"),
        }),
        (0..3u8, 0..2u8, prop_oneof![Just("react"), Just("unreact")]).prop_map(|(mid, at, action)| {
            let timestamp = 1_700_000_000_000_i64 + i64::from(at);
            Occurrence {
                change: false,
                wire: json!({"sender": {"id": "6500000000000001"}, "recipient": {"id": PAGE}, "timestamp": timestamp,
                             "reaction": {"mid": format!("m_{mid}"), "action": action, "emoji": "👍"}}),
                entry_time: 1_700_000_000_500,
                identity: format!("reaction m_{mid} {timestamp} {action}"),
            }
        }),
        (0..4u8, 0..3u8).prop_map(|(at, text)| {
            let timestamp = 1_700_000_000_000_i64 + i64::from(at);
            Occurrence {
                change: false,
                wire: json!({"sender": {"id": "6500000000000001"}, "recipient": {"id": PAGE}, "timestamp": timestamp,
                             "message": {"text": format!("no mid {text}")}}),
                entry_time: 1_700_000_000_500,
                identity: format!("mid-less {timestamp} {text}"),
            }
        }),
    ]
}

fn occurrence() -> impl Strategy<Value = Occurrence> {
    prop_oneof![comment(), messaging()]
}

/// One body holding every occurrence: each in an entry of its own, or (`batched`) the
/// occurrences with the same entry time in one entry, in reverse order.
fn body(occurrences: &[Occurrence], batched: bool) -> Vec<u8> {
    let mut entries: Vec<(i64, Vec<Value>, Vec<Value>)> = Vec::new();
    let ordered: Vec<&Occurrence> = if batched {
        occurrences.iter().rev().collect()
    } else {
        occurrences.iter().collect()
    };
    for o in ordered {
        let found = batched
            .then(|| entries.iter_mut().find(|(time, ..)| *time == o.entry_time))
            .flatten();
        let slot = match found {
            Some(slot) => slot,
            None => {
                entries.push((o.entry_time, Vec::new(), Vec::new()));
                entries.last_mut().expect("just pushed")
            }
        };
        if o.change {
            slot.1.push(o.wire.clone());
        } else {
            slot.2.push(o.wire.clone());
        }
    }
    let entries: Vec<Value> = entries
        .into_iter()
        .map(|(time, changes, messaging)| {
            let mut entry = json!({"id": PAGE, "time": time});
            if !changes.is_empty() {
                entry["changes"] = Value::Array(changes);
            }
            if !messaging.is_empty() {
                entry["messaging"] = Value::Array(messaging);
            }
            entry
        })
        .collect();
    serde_json::to_vec(&json!({"object": "page", "entry": entries})).expect("serialises")
}

/// The key of each occurrence's event, by identity, from one body.
fn keys(occurrences: &[Occurrence], batched: bool) -> HashMap<String, Vec<String>> {
    let parsed = webhook::parse(&body(occurrences, batched)).expect("parses");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.events.len(), occurrences.len());
    let mut by_identity: HashMap<String, Vec<String>> = HashMap::new();
    let order: Vec<&Occurrence> = if batched {
        // Batched bodies hold the changes of an entry before its messaging items.
        let mut grouped: Vec<(i64, Vec<&Occurrence>, Vec<&Occurrence>)> = Vec::new();
        for o in occurrences.iter().rev() {
            let at = grouped.iter().position(|(t, ..)| *t == o.entry_time);
            let at = at.unwrap_or_else(|| {
                grouped.push((o.entry_time, Vec::new(), Vec::new()));
                grouped.len() - 1
            });
            if o.change {
                grouped[at].1.push(o);
            } else {
                grouped[at].2.push(o);
            }
        }
        grouped
            .into_iter()
            .flat_map(|(_, c, m)| c.into_iter().chain(m))
            .collect()
    } else {
        occurrences.iter().collect()
    };
    for (o, event) in order.iter().zip(&parsed.events) {
        by_identity
            .entry(o.identity.clone())
            .or_default()
            .push(event.dedupe_key().to_owned());
    }
    by_identity
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn different_events_never_share_a_key_and_redeliveries_always_do(
        occurrences in proptest::collection::vec(occurrence(), 1..14)
    ) {
        let alone = keys(&occurrences, false);
        let batched = keys(&occurrences, true);
        let mut owner: HashMap<&str, &str> = HashMap::new();
        for (identity, found) in &alone {
            // Every delivery of one event, in either layout, has one key.
            let mut all = found.clone();
            all.extend(batched[identity].iter().cloned());
            all.dedup();
            prop_assert_eq!(all.len(), 1, "{} has keys {:?}", identity, all);
            // No other event has that key.
            if let Some(other) = owner.insert(&found[0], identity) {
                prop_assert_eq!(other, identity.as_str(), "two events share {}", &found[0]);
            }
        }
    }
}
