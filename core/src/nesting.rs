//! How deep JSON text nests, without parsing it: the check that turns serde_json's
//! recursion-limit failure into `nesting_too_deep`, and refuses deep non-object bodies.

use crate::error::{Error, ErrorKind};
use crate::limits::JSON_NESTING_MAX;

/// Whether `text` opens more than `max` arrays or objects inside one another. Brackets in
/// strings do not count; the text need not be valid JSON.
pub(crate) fn exceeds(text: &str, max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &byte in text.as_bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// `nesting_too_deep` (at the failed error's field) when `text` nests past the limit,
/// else `failed`: for the error path of a parse, so well-formed input pays nothing.
pub(crate) fn classify(text: &str, failed: Error) -> Error {
    if !exceeds(text, JSON_NESTING_MAX) {
        return failed;
    }
    let kind = ErrorKind::NestingTooDeep {
        max: JSON_NESTING_MAX,
    };
    match failed.field() {
        Some(field) => Error::at(kind, field),
        None => Error::new(kind),
    }
}

/// One level deeper into a host value being converted to JSON (a Python dict, a JS
/// object): the next depth, or `nesting_too_deep` at `field` once past the deepest level
/// the core reads JSON text. Converters call it on entering each object or array, so a
/// cyclic or absurdly deep host value fails as deep text does, never on the stack's limit.
pub fn nest(depth: usize, field: &str) -> Result<usize, Error> {
    if depth >= JSON_NESTING_MAX {
        let kind = ErrorKind::NestingTooDeep {
            max: JSON_NESTING_MAX,
        };
        return Err(Error::at(kind, field));
    }
    Ok(depth + 1)
}

#[cfg(test)]
mod tests {
    use super::{exceeds, nest};
    use crate::limits::JSON_NESTING_MAX;

    #[test]
    fn nest_refuses_the_level_past_the_limit() {
        assert_eq!(nest(0, "").unwrap(), 1);
        assert_eq!(nest(JSON_NESTING_MAX - 1, "a").unwrap(), JSON_NESTING_MAX);
        let err = nest(JSON_NESTING_MAX, "a.b[0]").unwrap_err();
        assert_eq!(err.code(), "nesting_too_deep");
        assert_eq!(err.field(), Some("a.b[0]"));
    }

    #[test]
    fn counts_brackets_outside_strings_only() {
        assert!(!exceeds(r#"{"a": [[1]]}"#, 3));
        assert!(exceeds(r#"{"a": [[[1]]]}"#, 3));
        assert!(!exceeds(r#"{"a": "[[[[[[[[", "b": "\"[[[["}"#, 1));
        assert!(exceeds(&"[".repeat(10_000), 128));
        assert!(!exceeds(&"[]".repeat(10_000), 1));
    }
}
