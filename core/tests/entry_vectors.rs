//! Runs `tests/vectors/entries.json` through the core's generic call (`api::call`): every
//! case names a table entry made from the table and its input object, so a new entry with
//! a case runs here, and in C, Python and Node, with no runner of its own.

use msgrkit::api::{ENTRY_POINTS, call};
use serde_json::Value;

#[path = "support/runner.rs"]
mod runner;

use runner::{Failure, assert_no_failures, run_suite, str_of};

/// One case through the JSON-text form of its entry.
pub(crate) fn run_entry(input: &Value) -> Result<Value, Failure> {
    let name = str_of(input, "function");
    let made = ENTRY_POINTS
        .iter()
        .any(|e| e.name == name && e.call.is_some());
    if !made {
        return Err(Failure {
            code: format!("{name}: not implemented in Rust (the table entry has no JSON form)"),
            field: None,
        });
    }
    call(name, &input["args"].to_string())
        .map(|text| serde_json::from_str(&text).expect("the core writes JSON"))
        .map_err(|e| Failure {
            code: e.code().to_owned(),
            field: e.field().map(str::to_owned),
        })
}

#[test]
fn entry_vectors() {
    assert_no_failures("entries", run_suite("entries", run_entry));
}
