//! JSON text whose object holds one key twice is refused on every JSON-text entry point,
//! as the webhook parser refuses it: a last-one-wins read would let `{"text": <too long>,
//! "text": "ok"}` pass validation while Meta (or a proxy) may read the first.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Reads `text` once, keeping nothing, and fails at the first key repeated in an object.
pub(super) fn no_duplicate_keys(text: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<Checked>(text).map(|_| ())
}

struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CheckVisitor)
    }
}

struct CheckVisitor;

impl<'de> Visitor<'de> for CheckVisitor {
    type Value = Checked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            map.next_value::<Checked>()?;
            seen.insert(key);
        }
        Ok(Checked)
    }
}

#[cfg(test)]
mod tests {
    use super::no_duplicate_keys;

    #[test]
    fn a_key_twice_in_one_object_is_refused_at_any_depth() {
        assert!(no_duplicate_keys(r#"{"a": {"b": 1, "c": [{"d": 1}, {"d": 2}]}, "e": 1}"#).is_ok());
        let error = no_duplicate_keys(r#"{"m": [{"text": "x", "text": "ok"}]}"#).unwrap_err();
        assert!(
            error.to_string().contains("duplicate key `text`"),
            "{error}"
        );
        assert!(no_duplicate_keys(r#"{"a": 1, "a": 1}"#).is_err());
    }
}
