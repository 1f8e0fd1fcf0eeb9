//! The vector runner shared by the Rust suite (core) and the C-ABI suite (ffi-c): loading,
//! comparing and reporting are the same everywhere; only the call differs.
#![allow(dead_code)] // each suite uses a different subset

use std::path::PathBuf;

use serde_json::Value;

/// An error as every language reports it: the code and, where one applies, the field.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) code: String,
    pub(crate) field: Option<String>,
}

pub(crate) fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

pub(crate) fn load(suite: &str) -> Value {
    let path = vectors_dir().join(format!("{suite}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The body bytes of a case: `body` (UTF-8 text) or `body_hex`.
pub(crate) fn body(input: &Value) -> Vec<u8> {
    if let Some(hex) = input["body_hex"].as_str() {
        return (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("body_hex is hex"))
            .collect();
    }
    input["body"]
        .as_str()
        .expect("case has body or body_hex")
        .as_bytes()
        .to_vec()
}

pub(crate) fn str_of<'a>(input: &'a Value, key: &str) -> &'a str {
    input[key]
        .as_str()
        .unwrap_or_else(|| panic!("input.{key} is a string"))
}

/// Runs every case of `suite` through `run` and returns the failures, one line each.
pub(crate) fn run_suite(
    suite: &str,
    run: impl Fn(&Value) -> Result<Value, Failure>,
) -> Vec<String> {
    let doc = load(suite);
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().expect("cases") {
        let id = case["id"].as_str().expect("id");
        let outcome = run(&case["input"]);
        let expect = &case["expect"];
        let verdict = match (&outcome, expect.get("ok"), expect.get("error")) {
            (Ok(actual), Some(wanted), None) if actual == wanted => None,
            (Ok(actual), Some(wanted), None) => Some(format!("got {actual}\n    want {wanted}")),
            (Err(err), None, Some(wanted)) => {
                let code_ok = wanted["code"] == err.code.as_str();
                let field_ok = wanted
                    .get("field")
                    .is_none_or(|f| f.as_str() == err.field.as_deref());
                (!code_ok || !field_ok)
                    .then(|| format!("got error {} at {:?}, want {wanted}", err.code, err.field))
            }
            (Ok(actual), None, Some(wanted)) => {
                Some(format!("got ok {actual}, want error {wanted}"))
            }
            (Err(err), Some(_), None) => Some(format!("got error {} at {:?}", err.code, err.field)),
            _ => Some("expect must hold exactly one of ok and error".to_owned()),
        };
        if let Some(why) = verdict {
            failures.push(format!("{id}: {why}"));
        }
    }
    failures
}

pub(crate) fn assert_no_failures(suite: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failing {suite} vectors:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

/// A parse output with `errors[].message` and `warnings[].message` removed: free text is
/// never compared.
pub(crate) fn comparable(mut value: Value) -> Value {
    for error in value["errors"].as_array_mut().expect("errors") {
        error.as_object_mut().expect("object").remove("message");
    }
    if let Some(warnings) = value.get_mut("warnings").and_then(Value::as_array_mut) {
        for warning in warnings {
            warning.as_object_mut().expect("object").remove("message");
        }
    }
    value
}

/// Removes free-text `detail` keys everywhere: tests never compare words.
pub(crate) fn without_detail(mut value: Value) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.remove("detail");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

/// Diagnose findings as `{"code", "severity"}` only: `detail` and `fix` are words.
pub(crate) fn code_and_severity(findings: &Value) -> Value {
    let pairs = findings.as_array().expect("findings").iter();
    Value::Array(
        pairs
            .map(|f| serde_json::json!({"code": f["code"], "severity": f["severity"]}))
            .collect(),
    )
}
