//! The recorder between the sandbox and a host, the sandbox's export, and replays of both:
//! the host's failed first answer and Meta's redelivery are recorded as they happened,
//! and a replay reports exactly where another host answers differently.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use msgrkit::record::replay::ReplayOptions;
use msgrkit_sandbox::recorder::{Recorder, RecorderConfig};
use msgrkit_sandbox::replayer::replay;
use msgrkit_sandbox::{Config, Sandbox};
use serde_json::{Value, json};
use support::{ADA, Host, SECRET, call, control};

const TEST_SECRET: &str = "replay-test-secret";

fn base(host: &Host) -> String {
    host.url.trim_end_matches("/webhook").to_owned()
}

#[test]
fn a_recording_and_the_export_replay_the_session_and_a_differing_host_is_reported() {
    let host = Host::start(&[500]);
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = {
        let lines = Arc::clone(&lines);
        Box::new(move |line: &str| lines.lock().unwrap().push(line.to_owned()))
    };
    let config = RecorderConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        forward: base(&host),
        app_secret: SECRET.to_owned(),
        timeout: Duration::from_secs(10),
    };
    let recorder = Recorder::start(config, sink).unwrap();
    let mut config = Config::new(format!("http://{}/webhook", recorder.addr), SECRET);
    config.retry_delay = Duration::from_millis(50);
    let sandbox = Sandbox::start(config).unwrap();
    control(
        &sandbox,
        &format!("customers/{ADA}/text"),
        json!({"text": "hi"}),
    );
    assert_eq!(
        host.wait_for(2).len(),
        2,
        "the failed delivery and its redelivery"
    );

    let recording = lines.lock().unwrap().join("\n");
    let recorded: Vec<Value> = recording
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let statuses: Vec<&Value> = recorded.iter().map(|r| &r["answer"]["status"]).collect();
    assert_eq!(statuses, [&json!(500), &json!(200)]);
    assert!(
        recorded
            .iter()
            .all(|r| r["signature_valid"] == true && r["events"] == json!(["message"]))
    );
    assert!(!recording.contains(SECRET) && !recording.contains("sha256="));

    let (status, export) = call(&sandbox, "GET", "/sandbox/api/export", None, None);
    assert_eq!(status, 200);
    let export = export.as_str().unwrap().to_owned();
    let exported: Vec<Value> = export
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let bodies = |lines: &[Value]| lines.iter().map(|r| r["body"].clone()).collect::<Vec<_>>();
    assert_eq!(bodies(&exported), bodies(&recorded));
    assert_eq!(exported[0]["answer"]["status"], 500);

    let options = ReplayOptions::default();
    let timeout = Duration::from_secs(10);
    for source in [&recording, &export] {
        let same = Host::start(&[500]);
        let report = replay(source, &base(&same), TEST_SECRET, &options, timeout).unwrap();
        assert_eq!(
            (report.replayed, report.differences.len()),
            (2, 0),
            "{report:?}"
        );
        let received = same.wait_for(2);
        let valid = msgrkit::signature::verify(
            TEST_SECRET.as_bytes(),
            &received[0].body,
            &received[0].signature,
        );
        assert!(valid.is_ok(), "re-signed with the test secret");
    }
    let healthy = Host::start(&[]);
    let report = replay(&recording, &base(&healthy), TEST_SECRET, &options, timeout).unwrap();
    let found: Vec<(u64, &str, &str, &str)> = report
        .differences
        .iter()
        .map(|d| {
            (
                d.seq,
                d.field.as_str(),
                d.recorded.as_str(),
                d.replayed.as_str(),
            )
        })
        .collect();
    assert_eq!(found, [(1, "status", "500", "200")]);
}
