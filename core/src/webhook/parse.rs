//! The two ways through a delivery: one strict pass for the well-formed common case, and
//! a careful pass that isolates and locates every problem. Both build events with the
//! same code, so their output is identical (a test holds them to it).

use std::cell::RefCell;
use std::sync::Arc;

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::dispatch::{self, Context};
use super::unreadable::Unreadable;
use super::{EntryWarning, EventError, Notification, Platform, wire};
use crate::error::{Error, ErrorKind, Result};

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    object: Option<&'a RawValue>,
    #[serde(borrow, default)]
    entry: Option<Vec<&'a RawValue>>,
}

/// A well-formed delivery read in one strict pass, items typed directly.
#[derive(Deserialize)]
struct FastEnvelope<'a> {
    object: String,
    #[serde(borrow)]
    entry: Vec<FastEntry<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FastEntry<'a> {
    #[serde(default, deserialize_with = "wire::opt_id")]
    id: Option<String>,
    #[serde(default, deserialize_with = "wire::opt_millis")]
    time: Option<i64>,
    #[serde(default)]
    messaging: Vec<dispatch::Item>,
    #[serde(default)]
    standby: Vec<dispatch::Item>,
    #[serde(borrow, default)]
    changes: Vec<&'a RawValue>,
}

/// An entry on the careful path: `id` and `time` are taken raw, so that one of the wrong
/// type is reported on its own and does not take the entry's items with it.
#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    time: Option<&'a RawValue>,
    #[serde(borrow, default)]
    messaging: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    standby: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    changes: Option<Vec<&'a RawValue>>,
}

/// The careful path: every entry and item read on its own, so each problem is located
/// and reported with its raw JSON while its siblings still parse.
pub(super) fn careful(text: &str, unreadable: &Unreadable) -> Result<Notification> {
    // A body that fails as a whole and is not UTF-8 fails for the bytes: they come first.
    careful_envelope(text, unreadable).map_err(|e| unreadable.first_error().unwrap_or(e))
}

fn careful_envelope(text: &str, unreadable: &Unreadable) -> Result<Notification> {
    // As data, `entry` can fail by not being an array, or either key by being there twice.
    let envelope: Envelope<'_> =
        serde_json::from_str(text).map_err(|e| match (e.is_data(), duplicate_field(&e)) {
            (true, Some(name)) => envelope_error(&format!("`{name}` is given twice"), Some(name)),
            (true, None) => envelope_error("`entry` is not an array", Some("entry")),
            _ => invalid_json(e),
        })?;
    let object: String = envelope
        .object
        .and_then(|raw| serde_json::from_str(raw.get()).ok())
        .ok_or_else(|| envelope_error("`object` is missing or not a string", Some("object")))?;
    let entries = envelope
        .entry
        .ok_or_else(|| envelope_error("`entry` is missing", Some("entry")))?;

    let platform = Platform::from_object(&object);
    let mut notification = Notification {
        object,
        events: Vec::with_capacity(entries.len()),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    for (index, raw) in entries.into_iter().enumerate() {
        parse_entry(index, raw, platform, unreadable, &mut notification);
    }
    unreadable.all_within_items()?;
    Ok(notification)
}

/// `envelope` for serde's "duplicate field `envelope`" (the only data error it names).
fn duplicate_field(error: &serde_json::Error) -> Option<&'static str> {
    let text = error.to_string();
    ["object", "entry"]
        .into_iter()
        .find(|name| text.starts_with(&format!("duplicate field `{name}`")))
}

/// One pass for a well-formed delivery. `None` sends anything unusual (a broken or
/// unknown event, another `object`) to the careful path, which locates each problem and
/// keeps raw JSON; both paths build events with the same code.
pub(super) fn fast(text: &str) -> Option<Notification> {
    let fast: FastEnvelope<'_> = serde_json::from_str(text).ok()?;
    let platform = Platform::from_object(&fast.object);
    if platform == Platform::Other {
        return None;
    }
    let count = fast
        .entry
        .iter()
        .map(|e| e.messaging.len() + e.standby.len() + e.changes.len())
        .sum();
    let mut events = Vec::with_capacity(count);
    for entry in fast.entry {
        let page_id = entry.id.map(Arc::<str>::from);
        let ctx = |standby| Context {
            platform,
            page_id: page_id.as_ref(),
            entry_time: entry.time,
            standby,
            left_out: None,
        };
        for (items, standby) in [(entry.messaging, false), (entry.standby, true)] {
            let ctx = ctx(standby);
            for item in items {
                events.push(dispatch::typed_item(item, &ctx).ok()?);
            }
        }
        for change in entry.changes {
            events.push(dispatch::change(change, &ctx(false)).ok()?);
        }
    }
    Some(Notification {
        object: fast.object,
        events,
        errors: Vec::new(),
        warnings: Vec::new(),
    })
}

/// The code of a parse warning for a value of the wrong type, left out.
const ENTRY_WARNING_CODE: &str = "invalid_value";
/// The code of a parse warning for an entry key msgrkit does not read, kept as received.
const UNKNOWN_FIELD_CODE: &str = "unknown_field";

/// `id` and `time` read with the strict readers, or `None` and a warning each.

#[derive(Deserialize, Default)]
struct EntryId(#[serde(deserialize_with = "wire::opt_id")] Option<String>);
#[derive(Deserialize, Default)]
struct EntryTime(#[serde(deserialize_with = "wire::opt_millis")] Option<i64>);

fn parse_entry(
    index: usize,
    raw: &RawValue,
    platform: Platform,
    unreadable: &Unreadable,
    out: &mut Notification,
) {
    // serde would read a struct from an array too (`"entry": [[...]]` read as nothing).
    let read = if raw.get().starts_with('{') {
        serde_json::from_str(raw.get()).map_err(dispatch::invalid_event)
    } else {
        Err(not_an_object("an entry"))
    };
    match read {
        Ok(entry) => {
            unknown_keys(index, raw, out);
            collect_entry(index, entry, platform, unreadable, out);
        }
        Err(error) => out.errors.push(event_error(index, None, error, raw)),
    }
}

/// The keys an entry holds besides `id`, `time`, `messaging`, `standby` and `changes`:
/// one warning each (`unknown_field`), with its value as received, so that items under a
/// list key Meta adds later are not lost without a word.
fn unknown_keys(index: usize, raw: &RawValue, out: &mut Notification) {
    const KNOWN: [&str; 5] = ["id", "time", "messaging", "standby", "changes"];
    let Ok(keys) = serde_json::from_str::<Vec<(String, Value)>>(&keys_as_pairs(raw)) else {
        return;
    };
    for (key, value) in keys
        .into_iter()
        .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
    {
        out.warnings.push(EntryWarning {
            entry: index,
            field: format!("entry[{index}].{key}"),
            code: UNKNOWN_FIELD_CODE.to_owned(),
            message: "not a key msgrkit reads in an entry; its value is kept here".to_owned(),
            raw: value,
        });
    }
}

/// An object's members as a JSON list of `[key, value]` pairs (for reading them in order).
fn keys_as_pairs(raw: &RawValue) -> String {
    let map: serde_json::Map<String, Value> = serde_json::from_str(raw.get()).unwrap_or_default();
    Value::Array(
        map.into_iter()
            .map(|(k, v)| Value::Array(vec![k.into(), v]))
            .collect(),
    )
    .to_string()
}

fn not_an_object(what: &str) -> Error {
    Error::new(ErrorKind::InvalidEvent {
        detail: format!("{what} is not a JSON object"),
    })
}

/// Reads one entry scalar, or reports it once and leaves it out.
fn scalar<T: serde::de::DeserializeOwned + Default>(
    entry: usize,
    key: &str,
    value: &RawValue,
    message: &str,
    out: &mut Notification,
) -> T {
    serde_json::from_str(value.get()).unwrap_or_else(|_| {
        out.warnings.push(EntryWarning {
            entry,
            field: format!("entry[{entry}].{key}"),
            code: ENTRY_WARNING_CODE.to_owned(),
            message: message.to_owned(),
            raw: serde_json::from_str(value.get()).unwrap_or(Value::Null),
        });
        T::default()
    })
}

fn collect_entry(
    index: usize,
    entry: Entry<'_>,
    platform: Platform,
    unreadable: &Unreadable,
    out: &mut Notification,
) {
    let lists = [
        ("messaging", entry.messaging, false),
        ("standby", entry.standby, true),
        ("changes", entry.changes, false),
    ];
    let count: usize = lists
        .iter()
        .map(|(_, items, _)| items.as_ref().map_or(0, Vec::len))
        .sum();
    out.events.reserve(count);
    let id = entry.id.and_then(|value| {
        let message = "not an id (a string or an integer)";
        scalar::<EntryId>(index, "id", value, message, out).0
    });
    let time = entry.time.and_then(|value| {
        let message = "not an epoch timestamp (an integer or a numeric string)";
        scalar::<EntryTime>(index, "time", value, message, out).0
    });
    let page_id = id.map(Arc::<str>::from);
    let left_out = RefCell::new(Vec::new());
    for (list, items, standby) in lists {
        let ctx = Context {
            platform,
            page_id: page_id.as_ref(),
            entry_time: time,
            standby,
            left_out: Some(&left_out),
        };
        for (position, item) in items.into_iter().flatten().enumerate() {
            let parsed = if let Some(offset) = unreadable.within(item) {
                Err(Error::new(ErrorKind::InvalidUtf8 { offset }))
            } else if !item.get().starts_with('{') {
                Err(not_an_object("an item"))
            } else if list == "changes" {
                dispatch::change(item, &ctx)
            } else {
                dispatch::messaging_item(item, &ctx)
            };
            for (path, raw) in left_out.borrow_mut().drain(..) {
                out.warnings.push(EntryWarning {
                    entry: index,
                    field: format!("entry[{index}].{list}[{position}].{path}"),
                    code: ENTRY_WARNING_CODE.to_owned(),
                    message: "not an epoch timestamp; left out (the entry's time stands in when it has one)".to_owned(),
                    raw,
                });
            }
            match parsed {
                Ok(event) => out.events.push(event),
                Err(error) => {
                    let at = Some((list, position));
                    out.errors.push(event_error(index, at, error, item));
                }
            }
        }
    }
}

fn event_error(
    entry: usize,
    at: Option<(&str, usize)>,
    error: Error,
    raw: &RawValue,
) -> EventError {
    let field = match at {
        Some((list, position)) => format!("entry[{entry}].{list}[{position}]"),
        None => format!("entry[{entry}]"),
    };
    EventError {
        entry,
        list: at.map(|(list, _)| list.to_owned()),
        index: at.map(|(_, position)| position),
        field,
        code: error.code().to_owned(),
        message: error.kind().to_string(),
        raw: serde_json::from_str(raw.get()).unwrap_or(Value::Null),
    }
}

pub(super) fn envelope_error(detail: &str, field: Option<&str>) -> Error {
    let kind = ErrorKind::InvalidEnvelope {
        detail: detail.to_owned(),
    };
    match field {
        Some(field) => Error::at(kind, field),
        None => Error::new(kind),
    }
}

pub(super) fn invalid_json(err: serde_json::Error) -> Error {
    Error::new(ErrorKind::InvalidJson {
        detail: err.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::{careful, fast};

    /// For every parse vector the fast path accepts, the careful path must agree exactly.
    #[test]
    fn fast_and_careful_paths_agree_on_every_vector() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/webhook.json");
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let (mut fast_taken, mut careful_only) = (0, 0);
        for case in doc["cases"].as_array().unwrap() {
            let Some(body) = case["input"]["body"].as_str() else {
                continue;
            };
            if !body.trim_start().starts_with('{') {
                continue;
            }
            match fast(body) {
                Some(quick) => {
                    let slow = careful(body, &super::super::unreadable::Unreadable::none())
                        .unwrap_or_else(|e| panic!("{}: {e}", case["id"]));
                    assert_eq!(quick, slow, "{}", case["id"]);
                    fast_taken += 1;
                }
                None => careful_only += 1,
            }
        }
        // Both paths must actually be exercised by the vectors.
        assert!(
            fast_taken > 40 && careful_only > 10,
            "fast {fast_taken}, careful {careful_only}"
        );
    }
}
