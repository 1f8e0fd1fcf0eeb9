//! Properties over generated input: signing then verifying always holds; truncation never
//! cuts a grapheme cluster; and a serialised batch of generated events parses back to
//! the same events, in order, none lost.

use msgrkit::compose::{self, ComposeOptions, Message};
use msgrkit::signature::{self, VerifyOptions};
use msgrkit::webhook::{self, EventKind};
use proptest::prelude::*;
use serde_json::json;
use unicode_segmentation::UnicodeSegmentation;

/// One generated messaging item: who, when, and what.
#[derive(Clone, Debug)]
enum Generated {
    Message { mid: String, text: String },
    Postback { payload: String },
    Reaction { mid: String, emoji: String },
}

fn generated() -> impl Strategy<Value = (String, i64, Generated)> {
    let who = "[1-9][0-9]{15}";
    let when = 1_600_000_000_000i64..1_900_000_000_000;
    let what = prop_oneof![
        ("m_[A-Za-z0-9_-]{4,40}", "\\PC{1,300}")
            .prop_map(|(mid, text)| Generated::Message { mid, text }),
        "[A-Z_]{1,40}".prop_map(|payload| Generated::Postback { payload }),
        ("m_[A-Za-z0-9]{4,20}", "(❤️|😮|👍|😂)")
            .prop_map(|(mid, emoji)| Generated::Reaction { mid, emoji }),
    ];
    (who, when, what)
}

fn wire(sender: &str, timestamp: i64, what: &Generated) -> serde_json::Value {
    let mut item = json!({"sender": {"id": sender}, "recipient": {"id": "106000000000001"}, "timestamp": timestamp});
    match what {
        Generated::Message { mid, text } => item["message"] = json!({"mid": mid, "text": text}),
        Generated::Postback { payload } => {
            item["postback"] = json!({"title": "T", "payload": payload})
        }
        Generated::Reaction { mid, emoji } => {
            item["reaction"] =
                json!({"mid": mid, "action": "react", "reaction": "other", "emoji": emoji});
        }
    }
    item
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn sign_then_verify_holds_for_any_secret_and_body(
        secret in proptest::collection::vec(any::<u8>(), 1..128),
        body in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        prop_assert_eq!(signature::verify(&secret, &body, &signature::sign(&secret, &body)).unwrap().name(), "sha256");
        let sha1 = signature::sign_sha1(&secret, &body);
        prop_assert!(signature::verify_with(&secret, &body, &sha1, VerifyOptions::allowing_sha1()).is_ok());
        prop_assert_eq!(signature::verify(&secret, &body, &sha1).unwrap_err().code(), "signature_sha1_not_allowed");
        let mut other = body.clone();
        other.push(b' ');
        prop_assert_eq!(
            signature::verify(&secret, &other, &signature::sign(&secret, &body)).unwrap_err().code(),
            "signature_mismatch"
        );
    }

    #[test]
    fn truncation_never_cuts_a_grapheme_cluster(
        text in prop_oneof!["\\PC{1,4000}", "(👨‍👩‍👧‍👦|e\u{301}|🇫🇷|x){1,3000}"],
    ) {
        prop_assume!(!text.trim().is_empty());
        let options: ComposeOptions = serde_json::from_value(json!({"overflow": "truncate"})).unwrap();
        let composed = compose::compose(&Message::text(text.clone()), &options).expect("text composes");
        let out = composed.messages[0].text.clone().unwrap_or_default();
        prop_assert!(text.starts_with(out.trim_end_matches('…')), "not a prefix");
        let kept = out.trim_end_matches('…');
        let boundaries: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect();
        prop_assert!(boundaries.contains(&kept.len()), "cut inside a grapheme cluster at {}", kept.len());
    }

    #[test]
    fn a_serialised_batch_parses_back_to_the_same_events(
        items in proptest::collection::vec(generated(), 1..80),
        split in 0usize..80,
    ) {
        let split = split.min(items.len());
        let wired: Vec<_> = items.iter().map(|(who, when, what)| wire(who, *when, what)).collect();
        let body = json!({"object": "page", "entry": [
            {"id": "106000000000001", "time": 1, "messaging": &wired[..split]},
            {"id": "106000000000001", "time": 2, "standby": &wired[split..]},
        ]});
        let parsed = webhook::parse(body.to_string().as_bytes()).expect("a delivery");
        prop_assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        prop_assert_eq!(parsed.events.len(), items.len());
        for (i, (event, (who, when, what))) in parsed.events.iter().zip(&items).enumerate() {
            prop_assert_eq!(event.standby, i >= split);
            prop_assert_eq!(event.timestamp, Some(*when));
            prop_assert_eq!(event.sender.as_ref().and_then(|s| s.id.as_deref()), Some(who.as_str()));
            match (&event.kind, what) {
                (EventKind::Message(m), Generated::Message { mid, text }) => {
                    prop_assert_eq!(m.mid.as_deref(), Some(mid.as_str()));
                    prop_assert_eq!(m.text.as_deref(), Some(text.as_str()));
                }
                (EventKind::Postback(p), Generated::Postback { payload }) => {
                    prop_assert_eq!(p.payload.as_deref(), Some(payload.as_str()));
                }
                (EventKind::Reaction(r), Generated::Reaction { mid, emoji }) => {
                    prop_assert_eq!(r.mid.as_deref(), Some(mid.as_str()));
                    prop_assert_eq!(r.emoji.as_deref(), Some(emoji.as_str()));
                }
                (kind, what) => prop_assert!(false, "{what:?} came out as {kind:?}"),
            }
        }
    }
}
