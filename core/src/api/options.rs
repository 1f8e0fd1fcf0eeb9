//! Typed inputs of the entry points, read from JSON values in one way: an unknown key is
//! `invalid_input` at `<prefix>.<key>`, a missing one `required` there, a mistyped one
//! `invalid_input` at its path. Bindings hand over what the host gave (keyword arguments,
//! an options object) as a value; every key, default and rule is decided here.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::limits::{Date, Platform, Product, Region};
pub use crate::typed_input::from_value;

/// The profile a call is judged by: `as_of` (a date, an instant meaning its UTC date, or
/// epoch milliseconds; the newest profile when absent), `platform` and `region`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileOptions {
    /// The day whose rules apply.
    #[serde(default)]
    pub as_of: Option<AsOf>,
    /// Messenger or Instagram.
    #[serde(default)]
    pub platform: Option<Product>,
    /// The Page's country (or `EU`), for the regional rules.
    #[serde(default)]
    pub region: Option<Region>,
}

impl ProfileOptions {
    /// The dated profile these options name.
    pub fn platform(&self) -> Platform {
        let base = match self.as_of {
            Some(AsOf(date)) => Platform::as_of(date),
            None => Platform::latest(),
        };
        let platform = base.for_product(self.platform.unwrap_or_default());
        match self.region {
            Some(region) => platform.in_region(region),
            None => platform,
        }
    }
}

/// A day given as `YYYY-MM-DD`, as an RFC 3339 instant with its offset, or as epoch
/// milliseconds: an instant always means its UTC date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf(pub Date);

impl<'de> Deserialize<'de> for AsOf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        match Value::deserialize(deserializer)? {
            Value::String(text) => text.parse().map(AsOf).map_err(D::Error::custom),
            Value::Number(ms) => ms
                .as_i64()
                .map(|ms| AsOf(Date::from_millis(ms)))
                .ok_or_else(|| D::Error::custom("epoch milliseconds are a whole number")),
            _ => Err(D::Error::custom(
                "a date (YYYY-MM-DD), an instant, or epoch milliseconds",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Result;
    use serde_json::json;

    fn read(value: Value) -> Result<ProfileOptions> {
        from_value(value, "options")
    }

    #[test]
    fn unknown_missing_and_mistyped_keys_are_named() {
        let error = read(json!({"asof": "2026-04-27"})).unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("invalid_input", Some("options.asof"))
        );
        let error = read(json!({"as_of": true})).unwrap_err();
        assert_eq!(error.field(), Some("options.as_of"));
        let error = read(json!({"platform": "myspace"})).unwrap_err();
        assert_eq!(error.field(), Some("options.platform"));
        assert!(read(Value::Null).is_ok());

        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Needs {
            now: i64,
        }
        let error = from_value::<Needs>(json!({}), "input").unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("required", Some("input.now"))
        );
    }

    #[test]
    fn an_instant_means_its_utc_date() {
        let day = |value: Value| read(json!({ "as_of": value })).unwrap().as_of.unwrap().0;
        let retirement = Date::new(2026, 4, 27).unwrap();
        assert_eq!(
            day(json!("2026-04-27T00:30:00+01:00")),
            Date::new(2026, 4, 26).unwrap()
        );
        assert_eq!(day(json!("2026-04-26T23:30:00-01:00")), retirement);
        assert_eq!(day(json!(retirement.start_millis())), retirement);
        assert_eq!(
            day(json!(retirement.start_millis() - 1)),
            Date::new(2026, 4, 26).unwrap()
        );
    }
}
