//! Lenient readers for the scalar shapes Meta sends inconsistently: IDs and timestamps.

use std::fmt;

use serde::Deserialize as _;
use serde::de::{self, Deserializer, Visitor};

/// Timestamps below this are seconds (courier saw a referral in seconds), at or above it milliseconds.
const SECONDS_BELOW: i64 = 1_000_000_000_000;

/// Reads an ID that arrives as a JSON string or integer; IDs always stay strings.
pub(crate) fn id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    deserializer.deserialize_any(IdVisitor)
}

/// Like [`id`], for an optional field (`null` or absent gives `None`).
pub(crate) fn opt_id<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    deserializer.deserialize_option(OptionOf(IdVisitor))
}

/// Like [`id`], for a list of IDs.
pub(crate) fn ids<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Ids;
    impl<'de> Visitor<'de> for Ids {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of ids")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(IdOf(value)) = seq.next_element()? {
                out.push(value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_any(Ids)
}

/// Reads an optional timestamp as epoch milliseconds from a number or a numeric string.
pub(crate) fn opt_millis<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    deserializer.deserialize_option(OptionOf(MillisVisitor))
}

/// Whether `value` reads as a timestamp by [`opt_millis`].
pub(crate) fn reads_as_millis(value: &serde_json::Value) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe(#[serde(deserialize_with = "opt_millis")] Option<i64>);
    Probe::deserialize(value)
        .map(|Probe(millis)| millis)
        .is_ok()
}

/// Converts a raw epoch value to milliseconds: values below 10^12 are seconds.
pub(crate) fn to_millis(value: i64) -> i64 {
    if (0..SECONDS_BELOW).contains(&value) {
        value.saturating_mul(1000)
    } else {
        value
    }
}

struct IdOf(String);

impl<'de> de::Deserialize<'de> for IdOf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        id(deserializer).map(IdOf)
    }
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (string or integer)")
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
        Ok(value.to_string())
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
        Ok(value.to_string())
    }
}

struct MillisVisitor;

impl Visitor<'_> for MillisVisitor {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an epoch timestamp (integer or numeric string)")
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
        Ok(to_millis(value))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
        i64::try_from(value)
            .map(to_millis)
            .map_err(|_| E::custom(format_args!("timestamp {value} is out of range")))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<i64, E> {
        // Whole-valued floats only (some exports write `1.458692752478e12`).
        if value.is_finite() && value.fract() == 0.0 && value.abs() < 9.0e15 {
            Ok(to_millis(value as i64))
        } else {
            Err(E::custom(format_args!(
                "timestamp {value} is not a whole number"
            )))
        }
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<i64, E> {
        value
            .trim()
            .parse::<i64>()
            .map(to_millis)
            .map_err(|_| E::custom(format_args!("timestamp {value:?} is not a number")))
    }
}

/// Turns a visitor of `T` into one of `Option<T>` that maps `null` to `None`.
struct OptionOf<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for OptionOf<V> {
    type Value = Option<V::Value>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self.0).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "opt_id")]
        id: Option<String>,
        #[serde(default, deserialize_with = "opt_millis")]
        at: Option<i64>,
    }

    fn probe(json: &str) -> Result<Probe, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn ids_stay_strings_and_numbers_become_strings() {
        assert_eq!(
            probe(r#"{"id":"0012"}"#).unwrap().id.as_deref(),
            Some("0012")
        );
        assert_eq!(
            probe(r#"{"id":1234567890123456789}"#)
                .unwrap()
                .id
                .as_deref(),
            Some("1234567890123456789")
        );
        assert_eq!(probe(r#"{"id":null}"#).unwrap().id, None);
        assert!(probe(r#"{"id":1.5}"#).is_err());
    }

    #[test]
    fn seconds_become_milliseconds() {
        assert_eq!(
            probe(r#"{"at":1701599111}"#).unwrap().at,
            Some(1_701_599_111_000)
        );
        assert_eq!(
            probe(r#"{"at":"1527459824"}"#).unwrap().at,
            Some(1_527_459_824_000)
        );
        assert_eq!(
            probe(r#"{"at":1458692752478}"#).unwrap().at,
            Some(1_458_692_752_478)
        );
        assert_eq!(
            probe(r#"{"at":"1458692752478"}"#).unwrap().at,
            Some(1_458_692_752_478)
        );
        assert!(probe(r#"{"at":"soon"}"#).is_err());
        assert!(probe(r#"{"at":true}"#).is_err());
    }
}
