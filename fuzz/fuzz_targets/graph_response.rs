//! Graph answer classification on an arbitrary status, headers and body
//! (`status(2 bytes) headers \0 body`; headers `name: value` per line). Never panics;
//! an error always has a class and a status.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgrkit::api;
use msgrkit::graph::{self, RawResponse, Usage};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_be_bytes([data[0], data[1]]);
    let mut parts = data[2..].splitn(2, |b| *b == 0);
    let (head, body) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let headers: Vec<(String, String)> = String::from_utf8_lossy(head)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let answer = RawResponse::new(status, headers.clone(), body);
    if let Err(error) = graph::parse_response(&answer) {
        let graph = error.graph().expect("a Graph answer fails as a Graph error");
        assert_eq!(graph.status, status);
    }
    let _ = graph::parse_user_profile(&answer);
    let usage = Usage::from_headers(&headers);
    let _ = (usage.highest(), usage.regain_after_seconds());
    if let Ok(text) = std::str::from_utf8(body) {
        let _ = api::graph_diagnose(text);
    }
});
