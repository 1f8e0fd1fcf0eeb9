//! `msgrkit call NAME` through the real binary: every case of `tests/vectors/entries.json`
//! (the entries made from the table), the input from --input and from stdin, and the
//! refusal of a name that is not such an entry.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn msgrkit(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msgrkit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("msgrkit runs");
    // A command that does not read stdin may close it first: not a test failure.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("msgrkit ends")
}

#[test]
fn every_entries_vector_through_the_cli() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/entries.json");
    let suite: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for case in suite["cases"].as_array().unwrap() {
        let (id, input) = (&case["id"], &case["input"]);
        let name = input["function"].as_str().unwrap();
        let args = input["args"].to_string();
        let out = msgrkit(&["call", name, "--compact", "--input", &args], b"");
        if let Some(wanted) = case["expect"].get("ok") {
            assert_eq!(out.status.code(), Some(0), "{id}");
            assert_eq!(
                &serde_json::from_slice::<Value>(&out.stdout).unwrap(),
                wanted,
                "{id}"
            );
        } else {
            assert_eq!(out.status.code(), Some(1), "{id}");
            let error: Value = serde_json::from_slice(&out.stderr).unwrap();
            let wanted = &case["expect"]["error"];
            assert_eq!(error["code"], wanted["code"], "{id}");
            assert_eq!(error["field"], wanted["field"], "{id}");
        }
    }
}

#[test]
fn the_input_comes_from_stdin_too() {
    let input = br#"{"version": "v27.0", "as_of": "2026-12-08"}"#;
    let out = msgrkit(&["call", "graph_version_status"], input);
    assert_eq!(out.status.code(), Some(0));
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["state"], "current");
}

#[test]
fn a_name_that_is_not_an_entry_made_from_the_table_is_refused() {
    for name in ["no_such_entry", "codes"] {
        let out = msgrkit(&["call", name, "--input", "{}"], b"");
        assert_eq!(out.status.code(), Some(1), "{name}");
        let error: Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(
            (&error["code"], &error["field"]),
            (&"invalid_input".into(), &"function".into())
        );
    }
    let out = msgrkit(&["call", "graph_version_status", "--input", "{"], b"");
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(
        (error["code"].as_str(), error["field"].as_str()),
        (Some("invalid_json"), Some("input"))
    );
}
