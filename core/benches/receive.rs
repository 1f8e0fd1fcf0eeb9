//! Receive-side throughput: signature verification and webhook parsing.
//!
//! `cargo bench -p msgrkit --bench receive`. Targets on the 2-core reference machine:
//! verify a 64 KiB body at >= 1 GB/s, parse a 64-event batch at >= 300 MB/s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use msgrkit::{signature, webhook};

const SECRET: &[u8] = b"bench-app-secret";

/// One messaging item of the kind `n % 6` selects, so the batch mixes event kinds.
fn item(n: usize) -> String {
    let envelope = format!(
        r#""sender":{{"id":"65000000000{n:05}"}},"recipient":{{"id":"106000000000001"}},"timestamp":{}"#,
        1_763_712_000_000u64 + n as u64
    );
    match n % 6 {
        0 | 1 => format!(
            r#"{{{envelope},"message":{{"mid":"m_{n}_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789","text":"Hello, I have a question about order #{n}: when will it ship? Gr\u00fc\u00dfe \ud83d\udce6","quick_reply":{{"payload":"ORDER_{n}"}}}}}}"#
        ),
        2 => format!(
            r#"{{{envelope},"message":{{"mid":"m_{n}_img","attachments":[{{"type":"image","payload":{{"url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/{n}_n.jpg?_nc_cat=1&ccb=1-7&oh=00_AfB&oe=6780"}}}}]}}}}"#
        ),
        3 => format!(
            r#"{{{envelope},"delivery":{{"mids":["m_{n}_out"],"watermark":1763712000000}}}}"#
        ),
        4 => format!(
            r#"{{{envelope},"reaction":{{"mid":"m_{n}_out","action":"react","reaction":"love","emoji":"\u2764\ufe0f"}}}}"#
        ),
        _ => format!(
            r#"{{{envelope},"postback":{{"mid":"m_{n}_pb","title":"Track my order","payload":"TRACK_ORDER_{n}"}}}}"#
        ),
    }
}

fn batch(events: usize) -> Vec<u8> {
    let items: Vec<String> = (0..events).map(item).collect();
    format!(
        r#"{{"object":"page","entry":[{{"id":"106000000000001","time":1763712000999,"messaging":[{}]}}]}}"#,
        items.join(",")
    )
    .into_bytes()
}

/// A single message event padded to about 1 KiB of text.
fn single_1k() -> Vec<u8> {
    let text = "Hello, I have a question about my order and its delivery. ".repeat(15);
    format!(
        r#"{{"object":"page","entry":[{{"id":"106000000000001","time":1763712000999,"messaging":[{{"sender":{{"id":"6500000000000001"}},"recipient":{{"id":"106000000000001"}},"timestamp":1763712000000,"message":{{"mid":"m_single","text":"{text}"}}}}]}}]}}"#
    )
    .into_bytes()
}

fn bench_verify(c: &mut Criterion) {
    let mut group = c.benchmark_group("verify");
    for (name, body) in [("1KiB", single_1k()), ("64KiB", vec![b'x'; 64 * 1024])] {
        let header = signature::sign(SECRET, &body);
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| signature::verify(SECRET, black_box(&body), black_box(&header)).unwrap())
        });
    }
    group.finish();
}

fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, body) in [("1KiB-single", single_1k()), ("64-event-batch", batch(64))] {
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let n = webhook::parse(black_box(&body)).unwrap();
                assert!(n.errors.is_empty());
                n
            })
        });
    }
    group.finish();
}

fn bench_verify_then_parse(c: &mut Criterion) {
    let body = batch(64);
    let header = signature::sign(SECRET, &body);
    let mut group = c.benchmark_group("verify+parse");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("64-event-batch", |b| {
        b.iter(|| {
            signature::verify(SECRET, black_box(&body), &header).unwrap();
            webhook::parse(black_box(&body)).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_verify, bench_parse, bench_verify_then_parse);
criterion_main!(benches);
