//! What the sandbox bounds: a 300 MB unsigned POST is answered without the process
//! growing, a request head that never ends is cut off, the log is capped and never holds a
//! credential, requests to another host name are refused (DNS rebinding), and a
//! control-API POST must be JSON; an oversized body is answered in Graph's envelope. One test binary of its own, so the peak memory read from
//! /proc is this test's.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use msgrkit_sandbox::serving::{BODY_MAX_BYTES, HEADER_READ_TIMEOUT};
use msgrkit_sandbox::state::{LOG_MAX_ENTRIES, LOG_VALUE_MAX_BYTES};
use serde_json::json;
use support::{Host, call, control, log, sandbox};

/// Peak resident memory of this process (VmHWM), KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Sends `head`, then up to `body_bytes` zeros while the server reads; the status line.
fn raw(addr: std::net::SocketAddr, head: &str, body_bytes: usize) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let chunk = vec![0u8; 1 << 16];
    let mut sent = 0;
    while sent < body_bytes {
        match stream.write(&chunk[..chunk.len().min(body_bytes - sent)]) {
            Ok(n) => sent += n,
            Err(_) => break, // answered and closed without reading: as it should
        }
    }
    let mut answer = vec![0u8; 4096];
    let n = stream.read(&mut answer).unwrap_or(0);
    String::from_utf8_lossy(&answer[..n])
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_sandbox_stays_bounded_whatever_it_is_sent() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    let port = sandbox.addr.port();

    // 300 MB without a token: refused by its size, unread; memory stays where it was.
    let before = peak_rss_kib();
    let big = 300 * 1024 * 1024;
    let head = format!(
        "POST /v27.0/me/messages HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {big}\r\n\r\n"
    );
    let status = raw(sandbox.addr, &head, big);
    assert!(status.contains(" 413 "), "{status}");
    let grown = peak_rss_kib().saturating_sub(before);
    println!("300 MB unsigned POST: {status}; peak RSS grew by {grown} KiB");
    assert!(grown < 64 * 1024, "the peak RSS grew by {grown} KiB");
    assert!(BODY_MAX_BYTES < big);

    // A request head that never ends is cut off: the server closes the connection (the
    // read ends), where without the deadline our own read timeout would fire instead.
    let mut slow = TcpStream::connect(sandbox.addr).unwrap();
    slow.set_read_timeout(Some(HEADER_READ_TIMEOUT * 3))
        .unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .unwrap();
    let mut rest = Vec::new();
    if let Err(e) = slow.read_to_end(&mut rest) {
        let ours = matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        );
        assert!(!ours, "the sandbox never cut off a head that did not end");
    }

    // Another host name (a DNS-rebinding page) is refused; so is a control POST not JSON.
    let rebound = format!("GET /sandbox/api/state HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n");
    assert!(raw(sandbox.addr, &rebound, 0).contains(" 421 "));
    let form = format!(
        "POST /sandbox/api/rate_limit HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n"
    );
    assert!(raw(sandbox.addr, &form, 0).contains(" 415 "));
    control(&sandbox, "rate_limit", json!({}));

    // The control API never makes a webhook Meta could not send, nor an overflowing clock.
    let ada = "/sandbox/api/customers/7000000000000001";
    for (path, body) in [
        (format!("{ada}/text"), json!({})),
        (format!("{ada}/text"), json!({"text": "   "})),
        (format!("{ada}/batch"), json!({"texts": []})),
        (
            format!("{ada}/attachment"),
            json!({"attachment": "hologram"}),
        ),
        (
            "/sandbox/api/clock".to_owned(),
            json!({"advance_hours": 1e300}),
        ),
    ] {
        let (status, answer) = call(&sandbox, "POST", &path, Some(&body), None);
        assert_eq!(status, 400, "{path} {body}: {answer}");
    }

    // The log: capped in entries and in size, and never holding a token.
    let (status, _) = call(
        &sandbox,
        "GET",
        "/v27.0/debug_token?input_token=EAAGsecretinput",
        None,
        Some("sandbox"),
    );
    assert_eq!(status, 200);
    let huge =
        json!({"recipient": {"id": "1"}, "message": {"text": "x".repeat(LOG_VALUE_MAX_BYTES)}});
    call(&sandbox, "POST", "/v27.0/me/messages", Some(&huge), None);
    let text = serde_json::to_string(&log(&sandbox)).unwrap();
    assert!(!text.contains("EAAGsecret"), "a credential in the log");
    assert!(text.contains("too large for the log"));
    for _ in 0..LOG_MAX_ENTRIES + 10 {
        call(&sandbox, "GET", "/v27.0/nothing_here", None, None);
    }
    let entries = log(&sandbox);
    assert_eq!(entries.len(), LOG_MAX_ENTRIES);
    assert!(entries[LOG_MAX_ENTRIES - 1]["seq"].as_u64().unwrap() > LOG_MAX_ENTRIES as u64);
}

#[test]
fn an_oversized_body_is_answered_in_graph_s_error_envelope() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(BODY_MAX_BYTES + 1));
    for path in [
        "/v27.0/me/messages",
        "/sandbox/api/customers/7000000000000001/text",
    ] {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut answer = agent
            .post(format!("{}{path}", sandbox.url()).as_str())
            .header("Content-Type", "application/json")
            .send(big.as_str())
            .unwrap();
        assert_eq!(answer.status().as_u16(), 413, "{path}");
        let body: serde_json::Value =
            serde_json::from_str(&answer.body_mut().read_to_string().unwrap()).unwrap();
        assert_eq!(body["error"]["code"], 100, "{path}: {body}");
        assert_eq!(body["error"]["type"], "OAuthException");
    }
}
