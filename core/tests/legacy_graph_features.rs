//! No request msgrkit builds uses a Graph feature Meta forbids new apps from v27.0
//! (2026-11-04, messenger-platform.md §16): HTTP method override, multi-ID requests,
//! field aliases, JSONP, asynchronous batches. Every request of the graph vectors, and
//! the diagnose requests, are scanned; synchronous batches stay allowed.

use msgrkit::graph::{self, GraphRequest, Method};
use serde_json::Value;

/// The `(name, value)` pairs of a URL's query and of a form body, undecoded.
fn parameters(request: &GraphRequest) -> Vec<(String, String)> {
    let mut text = request
        .url
        .split_once('?')
        .map(|(_, q)| q.to_owned())
        .unwrap_or_default();
    let form = request.headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("content-type") && v.starts_with("application/x-www-form-urlencoded")
    });
    if form && let Some(body) = &request.body {
        text.push('&');
        text.push_str(&String::from_utf8_lossy(body));
    }
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

/// Every builder `graph::request_from_json` knows.
const BUILDERS: &[&str] = &[
    "send",
    "sender_action",
    "react",
    "upload_url",
    "upload_bytes",
    "profile_get",
    "profile_set",
    "profile_delete",
    "user_menu_set",
    "user_menu_get",
    "user_menu_delete",
    "thread_control",
    "thread_owner",
    "secondary_receivers",
    "user_profile",
    "persona_create",
    "personas",
    "persona_delete",
    "accounts",
    "subscribed_apps",
    "subscribe",
    "permissions",
    "me",
    "debug_token",
    "batch",
];

fn legacy_features(request: &GraphRequest) -> Vec<String> {
    let mut found = Vec::new();
    for (name, value) in parameters(request) {
        match name.as_str() {
            "method" => found.push("http method override (method=)".to_owned()),
            "ids" => found.push("multi-id request (ids=)".to_owned()),
            "callback" | "jsonp" => found.push("jsonp (callback=)".to_owned()),
            "asynchronous" | "async" => found.push("asynchronous batch".to_owned()),
            "date_format" => found.push("date/time formatting (date_format=)".to_owned()),
            "fields" if value.contains(".as%28") || value.contains(".as(") => {
                found.push("field alias (.as())".to_owned());
            }
            _ => {}
        }
    }
    // A batch's items are requests too: none may override its method or go asynchronous.
    if let Some((_, batch)) = parameters(request).into_iter().find(|(n, _)| n == "batch") {
        let decoded = percent_decode(&batch);
        let items: Vec<Value> = serde_json::from_str(&decoded).expect("a batch is json");
        for item in items {
            let url = item["relative_url"].as_str().unwrap_or_default();
            if url.contains("method=") || url.contains("ids=") || url.contains("callback=") {
                found.push(format!("legacy feature in batch item {url}"));
            }
        }
    }
    found
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ascii");
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn no_request_of_the_vectors_uses_a_legacy_graph_feature() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/graph.json");
    let document: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut scanned = 0;
    let mut calls = std::collections::BTreeSet::new();
    for case in document["cases"].as_array().unwrap() {
        let input = &case["input"];
        if input["kind"] != "request" {
            continue;
        }
        let Ok(graph) = graph::graph_from_json(&input["config"]) else {
            continue;
        };
        let call = input["call"].as_str().unwrap();
        let Ok(request) = graph::request_from_json(&graph, call, &input["args"]) else {
            continue;
        };
        calls.insert(call.to_owned());
        scanned += 1;
        let found = legacy_features(&request);
        assert!(found.is_empty(), "{}: {found:?}", case["id"]);
    }
    let graph = graph::Graph::new("EAAGpage").app_secret("secret");
    let mut more = graph.diagnose_requests(Some("777")).to_vec();
    more.push(graph.upload_bytes("image", "a.png", "image/png", b"\x89PNG"));
    calls.insert("upload_bytes".to_owned());
    for request in more {
        assert!(legacy_features(&request).is_empty(), "{request:?}");
        scanned += 1;
    }
    // Every builder there is was scanned, debug_token among them as a GET.
    let every: std::collections::BTreeSet<String> =
        BUILDERS.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(
        calls, every,
        "the vectors (and this test) cover every builder"
    );
    assert!(scanned > 40, "only {scanned} requests scanned");
    let debug = graph.debug_token("EAAGinspected");
    assert_eq!(debug.method, Method::Get);
    assert!(debug.body.is_none());
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    let graph = graph::Graph::new("EAAGpage");
    let mut request = graph.me();
    request.url.push_str("&method=POST&ids=1,2&callback=cb");
    let found = legacy_features(&request);
    assert_eq!(found.len(), 3, "{found:?}");
}
