//! Python values to the core's inputs and the core's JSON back to plain Python values.

use std::borrow::Cow;

use msgrkit::{Error, ErrorKind, api};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString};
use serde_json::{Map, Number, Value};

use crate::errors::to_py_err;

/// A core `invalid_input` error at `field`, raised as the binding raises every core error.
pub(crate) fn invalid_input(py: Python<'_>, field: &str, detail: impl Into<String>) -> PyErr {
    to_py_err(
        py,
        Error::at(
            ErrorKind::InvalidInput {
                detail: detail.into(),
            },
            field,
        ),
    )
}

/// A JSON value as plain Python: dicts, lists, str, int, float, bool and None.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(PyString::new(py, key), to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// JSON text from the core as plain Python.
pub(crate) fn text_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let value: Value = serde_json::from_str(text).expect("the core writes JSON");
    to_py(py, &value)
}

/// A Python value as JSON; `field` names it in errors (`message.cards[2].title`).
pub(crate) fn from_py(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Value> {
    from_py_at(obj, field, 0)
}

fn from_py_at(obj: &Bound<'_, PyAny>, field: &str, depth: usize) -> PyResult<Value> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    // bool before int: Python's bool is an int.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(invalid_input(py, field, "integer does not fit in 64 bits"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| invalid_input(py, field, "NaN and infinity are not JSON"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(utf8(s, Some(field))?.into_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let depth = api::nest(depth, field).map_err(|e| to_py_err(py, e))?;
        let mut map = Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(invalid_input(py, field, "dict keys must be str"));
            };
            let key = utf8(key, Some(field))?.into_owned();
            let path = if field.is_empty() {
                key.clone()
            } else {
                format!("{field}.{key}")
            };
            map.insert(key, from_py_at(&item, &path, depth)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<pyo3::types::PyTuple>() {
        let depth = api::nest(depth, field).map_err(|e| to_py_err(py, e))?;
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(from_py_at(&item?, &format!("{field}[{i}]"), depth)?);
        }
        return Ok(Value::Array(items));
    }
    if obj.hasattr("isoformat")? && obj.hasattr("year")? {
        // A date as `YYYY-MM-DD`, a datetime as its ISO 8601 instant: the core reads both,
        // and refuses a naive datetime (no offset) rather than guess its zone.
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    let kind = obj.get_type().name()?;
    Err(invalid_input(
        py,
        field,
        format!("a {kind} is not JSON (use dict, list, str, int, float, bool or None)"),
    ))
}

/// The JSON text of an input given as a dict (or list), or as JSON text (str or bytes).
pub(crate) fn json_text(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(utf8(s, Some(field))?.into_owned());
    }
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        let bytes = body_bytes(obj)?;
        return String::from_utf8(bytes.into_owned()).map_err(|e| {
            to_py_err(
                obj.py(),
                Error::at(
                    ErrorKind::InvalidUtf8 {
                        offset: e.utf8_error().valid_up_to(),
                    },
                    field,
                ),
            )
        });
    }
    Ok(from_py(obj, field)?.to_string())
}

/// The keyword options as JSON text (empty for none).
pub(crate) fn options_text(options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    match options {
        Some(dict) if !dict.is_empty() => Ok(from_py(dict.as_any(), "options")?.to_string()),
        _ => Ok(String::new()),
    }
}

/// A `str` as UTF-8 text. A lone surrogate (`"\\ud800"`, which Python allows and UTF-8
/// cannot hold) is the core's `invalid_utf8` at its byte offset, raised as `ParseError`
/// like every other input error, not a bare `UnicodeEncodeError`.
fn utf8<'a>(s: &'a Bound<'_, PyString>, field: Option<&str>) -> PyResult<Cow<'a, str>> {
    s.to_cow().or_else(|_| {
        // The bytes up to the surrogate are valid; the surrogate's own encoding is not.
        let passed = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
        let bytes = passed.cast::<PyBytes>()?.as_bytes();
        let offset = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
        let kind = ErrorKind::InvalidUtf8 { offset };
        let error = match field {
            Some(field) if !field.is_empty() => Error::at(kind, field),
            _ => Error::new(kind),
        };
        Err(to_py_err(s.py(), error))
    })
}

/// The exact bytes of a body: `bytes`, `bytearray` or `str` (as UTF-8).
pub(crate) fn body_bytes<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(bytes.as_bytes()));
    }
    if let Ok(array) = obj.cast::<PyByteArray>() {
        return Ok(Cow::Owned(array.to_vec()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(match utf8(s, None)? {
            Cow::Borrowed(text) => Cow::Owned(text.as_bytes().to_vec()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        });
    }
    Err(PyTypeError::new_err(format!(
        "expected bytes, bytearray or str, not {}",
        obj.get_type().name()?
    )))
}

/// `[[name, value], ...]` from a mapping (anything with `.items()`, such as a Flask or
/// Django header object) or an iterable of pairs; repeated names survive the latter.
pub(crate) fn pairs(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let items = if obj.hasattr("items")? {
        obj.call_method0("items")?
    } else {
        obj.clone()
    };
    let mut out = Vec::new();
    for pair in items.try_iter()? {
        let pair = pair?;
        // A tuple or a two-item list, as JSON-minded callers write pairs.
        let (name, value) = match pair.extract::<(String, String)>() {
            Ok(pair) => pair,
            Err(_) => match pair.extract::<Vec<String>>().as_deref() {
                Ok([name, value]) => (name.clone(), value.clone()),
                _ => {
                    return Err(PyTypeError::new_err(
                        "expected a mapping or (name, value) pairs of str",
                    ));
                }
            },
        };
        out.push((name, value));
    }
    Ok(out)
}

/// Keyword arguments as the value the core reads (`null` for none); `field` names them.
pub(crate) fn keywords(kwargs: Option<&Bound<'_, PyDict>>, field: &str) -> PyResult<Value> {
    match kwargs {
        Some(dict) => from_py(dict.as_any(), field),
        None => Ok(Value::Null),
    }
}

/// The JSON text a core call returned, as Python, or its error raised.
pub(crate) fn answer<'py>(
    py: Python<'py>,
    result: msgrkit::Result<String>,
) -> PyResult<Bound<'py, PyAny>> {
    result
        .map_err(|e| to_py_err(py, e))
        .and_then(|text| text_to_py(py, &text))
}
