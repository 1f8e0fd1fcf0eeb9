//! Thread safety: the types a host shares between threads are `Send + Sync`, and verifying
//! and parsing from 8 threads at once gives every thread the same answer.

use std::sync::Arc;
use std::thread;

use msgrkit::compose::{ComposeOptions, Message};
use msgrkit::graph::{Graph, GraphError, GraphRequest, Usage};
use msgrkit::limits::Platform;
use msgrkit::signature::{self, Verifier};
use msgrkit::webhook::{self, Event, Notification, ParseOptions};
use msgrkit::{Error, Secret};

fn shareable<T: Send + Sync>() {}

#[test]
fn shared_types_are_send_and_sync() {
    shareable::<Secret>();
    shareable::<Verifier>();
    shareable::<Graph>();
    shareable::<GraphRequest>();
    shareable::<GraphError>();
    shareable::<Usage>();
    shareable::<Platform>();
    shareable::<ParseOptions>();
    shareable::<Notification>();
    shareable::<Event>();
    shareable::<Error>();
    shareable::<Message>();
    shareable::<ComposeOptions>();
    shareable::<msgrkit::client::Client<msgrkit::client::UreqTransport>>();
    shareable::<msgrkit::api::Connection>();
}

/// A delivery with several kinds of events across two pages.
fn delivery() -> Vec<u8> {
    let item = |n: u32| {
        format!(
            r#"{{"sender":{{"id":"65{n:014}"}},"recipient":{{"id":"106000000000001"}},"timestamp":{},"message":{{"mid":"m_{n}","text":"hello {n} \u00e9\ud83d\udce6"}}}}"#,
            1_763_712_000_000u64 + u64::from(n)
        )
    };
    let items: Vec<String> = (0..50).map(item).collect();
    format!(
        r#"{{"object":"page","entry":[{{"id":"106000000000001","time":1,"messaging":[{}]}},{{"id":"106000000000002","time":2,"standby":[{}]}}]}}"#,
        items[..25].join(","),
        items[25..].join(",")
    )
    .into_bytes()
}

#[test]
fn eight_threads_verify_and_parse_with_identical_results() {
    let body = Arc::new(delivery());
    let header = signature::sign(b"thread-secret", &body);
    let verifier = Arc::new(Verifier::new("thread-secret").expect("a secret"));
    let expected = serde_json::to_string(&webhook::parse(&body).unwrap()).unwrap();
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (body, header, verifier) =
                (Arc::clone(&body), header.clone(), Arc::clone(&verifier));
            thread::spawn(move || {
                let mut outputs = Vec::new();
                for _ in 0..200 {
                    verifier.verify(&body, &header).expect("verifies");
                    let tampered = [&body[..], b" "].concat();
                    assert_eq!(
                        verifier.verify(&tampered, &header).unwrap_err().code(),
                        "signature_mismatch"
                    );
                    let parsed = webhook::parse(&body).expect("parses");
                    outputs.push(serde_json::to_string(&parsed).unwrap());
                }
                outputs
            })
        })
        .collect();
    for handle in handles {
        for output in handle.join().expect("no thread panicked") {
            assert_eq!(output, expected);
        }
    }
    assert_eq!(webhook::parse(&body).unwrap().events.len(), 50);
}
