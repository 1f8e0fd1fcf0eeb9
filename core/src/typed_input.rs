//! Typed inputs read from JSON values in one way: an unknown key is `invalid_input` at
//! `<prefix>.<key>`, a missing one `required` there, a mistyped one `invalid_input` at its
//! path. A floor below both the Graph layer and the entry points, which read with it.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};

/// Reads `value` as `T`; `prefix` names it in errors (`options`, `input`, `config`).
///
/// # Errors
///
/// As the module says.
pub fn from_value<T: DeserializeOwned>(value: Value, prefix: &str) -> Result<T> {
    // `null` or nothing is "no options" for types whose fields are all optional.
    let value = if value.is_null() {
        Value::Object(Default::default())
    } else {
        value
    };
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let at = |name: &str| {
            let parent = if path == "." {
                String::new()
            } else {
                path.clone()
            };
            [prefix, &parent, name]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(".")
        };
        // serde_path_to_error's path ends at an unknown key, and before a missing one.
        if quoted_after(&inner, "unknown field `").is_some() {
            let detail = format!("not an option here: {}", after_expected(&inner));
            Error::at(ErrorKind::InvalidInput { detail }, at(""))
        } else if let Some(key) = quoted_after(&inner, "missing field `") {
            let detail = format!("`{key}` is required here");
            Error::at(ErrorKind::Required { detail }, at(&key))
        } else {
            Error::at(ErrorKind::InvalidInput { detail: inner }, at(""))
        }
    })
}

/// The name serde quotes after `marker` (`unknown field `asof`, expected ...`).
fn quoted_after(message: &str, marker: &str) -> Option<String> {
    let rest = &message[message.find(marker)? + marker.len()..];
    Some(rest[..rest.find('`')?].to_owned())
}

/// What serde says is expected (`expected one of `as_of`, ...`), for the detail.
fn after_expected(message: &str) -> String {
    message
        .find("expected")
        .map_or_else(|| message.to_owned(), |i| message[i..].replace('`', ""))
}
