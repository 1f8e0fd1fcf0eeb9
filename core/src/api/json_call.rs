//! The JSON-text form of a table entry: one generic wrapper over a typed function, so an
//! entry made the new way needs no wrapper of its own in the core, and each binding calls
//! it by name (`api::call`) from code generated out of `schema/functions.json`.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{ENTRY_POINTS, read, to_text};
use crate::error::{Error, ErrorKind, Result};
use crate::typed_input::from_value;

/// An entry's JSON-text form: its input object as text in, its answer as text out.
pub type JsonCall = fn(&str) -> Result<String>;

/// Reads `input_json` as the typed input `I` (an unknown key is `invalid_input` at its
/// path, a missing one `required`), runs `typed` and writes its answer.
///
/// # Errors
///
/// `invalid_json` (field `input`) for text that is not a JSON object; the input errors
/// above; whatever `typed` answers.
pub fn typed_call<I: DeserializeOwned, O: Serialize>(
    input_json: &str,
    typed: impl FnOnce(I) -> Result<O>,
) -> Result<String> {
    let input: I = from_value(read(input_json, "input")?, "")?;
    typed(input).map(|answer| to_text(&answer))
}

/// Calls the table entry `name` with its input object as JSON text and answers its output
/// as JSON text: the one way C, the CLI, Python and Node reach an entry made from the
/// table.
///
/// # Errors
///
/// `invalid_input` (field `function`) for a name the table does not have, or an entry
/// that has no JSON form (its wrappers are written by hand); else as the entry says.
pub fn call(name: &str, input_json: &str) -> Result<String> {
    let entry = ENTRY_POINTS.iter().find(|entry| entry.name == name);
    let Some(call) = entry.and_then(|entry| entry.call) else {
        let detail = match entry {
            Some(_) => format!("`{name}` has no JSON form: call its own function"),
            None => format!("`{name}` is not an entry point of this msgrkit"),
        };
        return Err(Error::at(ErrorKind::InvalidInput { detail }, "function"));
    };
    call(input_json)
}
