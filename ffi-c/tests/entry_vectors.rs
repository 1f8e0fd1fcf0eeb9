//! `tests/vectors/entries.json` through the generated C functions (`src/entries.rs`),
//! each reached by its table name: a table entry with a case and no C function fails as
//! "not exposed in C".

use serde_json::Value;

use super::vector_tests::runner::{Failure, assert_no_failures, run_suite, str_of};
use super::vector_tests::{c, take_json};
use msgrkit::generated_entry;

#[test]
fn entry_vectors_through_c() {
    let failures = run_suite("entries", |input: &Value| {
        let name = str_of(input, "function");
        let Some(function) = generated_entry(name) else {
            return Err(Failure {
                code: format!("{name}: not exposed in C"),
                field: None,
            });
        };
        let args = c(&input["args"].to_string());
        // SAFETY: a generated wrapper, a valid string and a writable out-parameter.
        take_json(|out| unsafe { function(args.as_ptr(), out) })
    });
    assert_no_failures("entries", failures);
}
