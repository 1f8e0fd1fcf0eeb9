//! JS values to the core's inputs. Outputs go back through `Env::to_js_value` (serde).

use msgrkit::{Error, ErrorKind, api};
use napi::ValueType;
use napi::bindgen_prelude::JsObjectValue;
use napi::bindgen_prelude::{
    Buffer, Env, FromNapiValue, Function, Object, TypeName, Unknown, Utf16String, ValidateNapiValue,
};
use napi::sys;
use napi::{JsString, JsValue};
use serde::Serialize;
use serde_json::Value;

use crate::errors::to_js_err;

/// A body: a `Buffer` (the exact bytes received) or a string (its UTF-8 encoding). Its own
/// type rather than napi's `Either`, which would replace a string's conversion error (a
/// lone surrogate) with a generic one.
pub(crate) enum Body {
    Bytes(Buffer),
    Text(Text),
}

impl TypeName for Body {
    fn type_name() -> &'static str {
        "Buffer | string"
    }

    fn value_type() -> ValueType {
        ValueType::Unknown
    }
}

impl ValidateNapiValue for Body {}

impl FromNapiValue for Body {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        // SAFETY: napi hands over a live env and value, passed on unchanged.
        unsafe {
            if String::validate(env, value).is_ok() {
                return Text::from_napi_value(env, value).map(Self::Text);
            }
            Buffer::from_napi_value(env, value).map(Self::Bytes)
        }
    }
}

pub(crate) fn body_bytes(body: &Body) -> &[u8] {
    match body {
        Body::Bytes(buffer) => buffer,
        Body::Text(text) => text.0.as_bytes(),
    }
}

/// A JS string as UTF-8. A lone surrogate (`'\ud800'`, which JS allows and UTF-8 cannot
/// hold) is the core's `invalid_utf8` at its byte offset, thrown as every core error is:
/// napi's own conversion would silently write U+FFFD in its place.
pub(crate) struct Text(pub(crate) String);

impl TypeName for Text {
    fn type_name() -> &'static str {
        "String"
    }

    fn value_type() -> ValueType {
        ValueType::String
    }
}

impl ValidateNapiValue for Text {}

impl FromNapiValue for Text {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        // SAFETY: napi hands over a live env and value, passed on unchanged.
        let units = unsafe { Utf16String::from_napi_value(env, value)? };
        let mut text = String::with_capacity(units.len());
        for decoded in char::decode_utf16(units.iter().copied()) {
            match decoded {
                Ok(c) => text.push(c),
                Err(_) => {
                    let offset = text.len();
                    let env = Env::from_raw(env);
                    return Err(to_js_err(
                        &env,
                        Error::new(ErrorKind::InvalidUtf8 { offset }),
                    ));
                }
            }
        }
        Ok(Self(text))
    }
}

/// A core `invalid_input` error at `field`, thrown as every core error is.
pub(crate) fn invalid_input(env: &Env, field: &str, detail: &str) -> napi::Error {
    to_js_err(
        env,
        Error::at(
            ErrorKind::InvalidInput {
                detail: detail.to_owned(),
            },
            field,
        ),
    )
}

/// A core value as JSON for JS. (napi's own serializer turns integers above 2^32 into
/// errors or BigInts; its `Value` conversion keeps them numbers, as `JSON.parse` would.)
pub(crate) fn js<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).expect("core values serialise")
}

/// A core value as a JS value, through V8's `JSON.parse`: for large outputs (a webhook
/// batch) far faster than building objects one property at a time through N-API.
pub(crate) fn parsed<'env, T: Serialize + ?Sized>(
    env: &'env Env,
    value: &T,
) -> napi::Result<Unknown<'env>> {
    // ASCII-only JSON (non-ASCII as \u escapes) becomes a one-byte V8 string, which is
    // created without transcoding and which JSON.parse reads about a fifth faster than
    // the two-byte string any non-ASCII character would make of the whole text.
    let mut text = Vec::with_capacity(4096);
    let mut serializer = serde_json::Serializer::with_formatter(&mut text, AsciiFormatter);
    value
        .serialize(&mut serializer)
        .expect("core values serialise");
    let json: Object<'_> = env.get_global()?.get_named_property("JSON")?;
    let parse: Function<'_, JsString<'_>, Unknown<'_>> = json.get_named_property("parse")?;
    parse.call(env.create_string_latin1(&text)?)
}

/// serde_json's compact form with every non-ASCII character escaped (`\u00fc`, and
/// surrogate pairs beyond the BMP), so the text is pure ASCII.
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if fragment.is_ascii() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (index, character) in fragment.char_indices() {
            if character.is_ascii() {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[start..index])?;
            let mut units = [0u16; 2];
            for unit in character.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            start = index + character.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// The JSON text of a value given as an object (or array), or as JSON text (a string).
/// `JSON.stringify` writes it: napi's `Value` conversion would turn integers above 2^32
/// (timestamps, sticker IDs) into floats, which the core rightly refuses.
pub(crate) fn json_text(env: &Env, field: &str, value: &Unknown<'_>) -> napi::Result<String> {
    if value.get_type()? == ValueType::String {
        // SAFETY: the type was just checked.
        return unsafe { value.cast::<Text>() }.map(|text| text.0);
    }
    let json: Object<'_> = env.get_global()?.get_named_property("JSON")?;
    let stringify: Function<'_, Unknown<'_>, Option<Text>> =
        json.get_named_property("stringify")?;
    let text = stringify
        .call(*value)
        .map_err(|failure| not_json(env, field, value, failure))?
        .ok_or_else(|| invalid_input(env, field, "not expressible as JSON"))?
        .0;
    // JSON.stringify writes NaN and ±Infinity as null: look for them only when a null is there.
    if text.contains("null")
        && let Some(at) = non_finite(value, field)?
    {
        return Err(invalid_input(env, &at, "NaN and infinity are not JSON"));
    }
    Ok(text)
}

/// The path of the first number under `value` that is NaN or infinite, if any (walked
/// without recursion).
fn non_finite(value: &Unknown<'_>, field: &str) -> napi::Result<Option<String>> {
    let mut stack = vec![(*value, field.to_owned())];
    while let Some((value, path)) = stack.pop() {
        match value.get_type()? {
            ValueType::Number => {
                // SAFETY: the type was just checked.
                let number: f64 = unsafe { value.cast()? };
                if !number.is_finite() {
                    return Ok(Some(path));
                }
            }
            ValueType::Object => {
                // SAFETY: the type was just checked.
                let object: Object<'_> = unsafe { value.cast()? };
                let array = object.is_array()?;
                let names = object.get_property_names()?;
                for i in 0..names.get_array_length()? {
                    let name: Unknown<'_> = names.get_element(i)?;
                    // SAFETY: property names are strings.
                    let key: String = unsafe { name.cast()? };
                    let inner = match (array, path.is_empty()) {
                        (true, _) => format!("{path}[{key}]"),
                        (false, true) => key,
                        (false, false) => format!("{path}.{key}"),
                    };
                    stack.push((object.get_property(name)?, inner));
                }
            }
            _ => {}
        }
    }
    Ok(None)
}

/// Why `JSON.stringify` refused a value, as a core error: `nesting_too_deep` when it ran
/// out of stack on a value nested past the core's limit, else `invalid_input` (a cycle,
/// a BigInt) with V8's reason.
fn not_json(env: &Env, field: &str, value: &Unknown<'_>, failure: napi::Error) -> napi::Error {
    let reason = failure.reason.clone();
    let range_error = env
        .create_error(failure)
        .ok()
        .and_then(|thrown| thrown.get::<String>("name").ok().flatten())
        .is_some_and(|name| name == "RangeError");
    if range_error && let Ok(Some(too_deep)) = nests_too_deep(value, field) {
        return to_js_err(env, too_deep);
    }
    invalid_input(env, field, &format!("not expressible as JSON: {reason}"))
}

/// The core's `nesting_too_deep` when objects and arrays nest past its limit under `value`
/// (walked without recursion, and only after `JSON.stringify` failed).
fn nests_too_deep(value: &Unknown<'_>, field: &str) -> napi::Result<Option<Error>> {
    let mut stack = vec![(*value, 0usize)];
    while let Some((value, depth)) = stack.pop() {
        if value.get_type()? != ValueType::Object {
            continue;
        }
        let depth = match api::nest(depth, field) {
            Ok(inner) => inner,
            Err(too_deep) => return Ok(Some(too_deep)),
        };
        // SAFETY: the type was just checked.
        let object: Object<'_> = unsafe { value.cast()? };
        let names = object.get_property_names()?;
        for i in 0..names.get_array_length()? {
            let name: Unknown<'_> = names.get_element(i)?;
            stack.push((object.get_property(name)?, depth));
        }
    }
    Ok(None)
}

/// As `json_text`, for an optional argument: empty text when absent.
pub(crate) fn optional_json_text(
    env: &Env,
    field: &str,
    value: Option<&Unknown<'_>>,
) -> napi::Result<String> {
    match value {
        Some(value) if !is_nullish(value) => json_text(env, field, value),
        _ => Ok(String::new()),
    }
}

pub(crate) fn is_nullish(value: &Unknown<'_>) -> bool {
    matches!(value.get_type(), Ok(ValueType::Undefined | ValueType::Null))
}

/// `[[name, value], ...]` from headers as Node gives them: an object (`req.headers`, whose
/// repeated names arrive as arrays), an array of pairs, or a flat `rawHeaders` array.
pub(crate) fn pairs(env: &Env, field: &str, headers: Value) -> napi::Result<Vec<(String, String)>> {
    let bad = || {
        invalid_input(
            env,
            field,
            "expected an object, [name, value] pairs or rawHeaders",
        )
    };
    let text = |value: &Value| value.as_str().map(str::to_owned).ok_or_else(bad);
    let mut out = Vec::new();
    match headers {
        Value::Object(map) => {
            for (name, value) in map {
                match value {
                    Value::Array(values) => {
                        for value in &values {
                            out.push((name.clone(), text(value)?));
                        }
                    }
                    value => out.push((name, text(&value)?)),
                }
            }
        }
        Value::Array(items) if items.iter().all(Value::is_string) => {
            if items.len() % 2 != 0 {
                return Err(bad());
            }
            for pair in items.chunks(2) {
                out.push((text(&pair[0])?, text(&pair[1])?));
            }
        }
        Value::Array(items) => {
            for item in items {
                match item.as_array().map(Vec::as_slice) {
                    Some([name, value]) => out.push((text(name)?, text(value)?)),
                    _ => return Err(bad()),
                }
            }
        }
        _ => return Err(bad()),
    }
    Ok(out)
}

/// An options or input object as the value the core reads (`null` when absent), its keys
/// under the one casing rule. A `Date` in it is its ISO instant (`JSON.stringify`), which
/// the core reads as that instant.
pub(crate) fn options_value(
    env: &Env,
    field: &str,
    value: Option<&Unknown<'_>>,
) -> napi::Result<Value> {
    let text = optional_json_text(env, field, value)?;
    if text.is_empty() {
        return Ok(Value::Null);
    }
    api::read_json_at(&snake_case_keys(&text), field).map_err(|e| to_js_err(env, e))
}

/// The one casing rule of JS option objects: a top-level camelCase key is the core's
/// snake_case name (`asOf` is `as_of`, `maxBodyBytes` is `max_body_bytes`); snake_case
/// keys pass unchanged. The core refuses a key it does not know.
pub(crate) fn snake_case_keys(text: &str) -> String {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => {
            let renamed: serde_json::Map<String, Value> = map
                .into_iter()
                .map(|(key, value)| (snake(&key), value))
                .collect();
            Value::Object(renamed).to_string()
        }
        _ => text.to_owned(),
    }
}

fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The JSON text a core call returned, as a JS value, or its error thrown.
pub(crate) fn answer(env: &Env, result: msgrkit::Result<String>) -> napi::Result<Value> {
    let text = result.map_err(|e| to_js_err(env, e))?;
    Ok(serde_json::from_str(&text).expect("the core writes JSON"))
}
