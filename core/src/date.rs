//! Calendar dates (UTC) for the dated profile, without a date-time dependency. A leaf:
//! it uses no other module of the crate (`error` converts its parse error into
//! [`crate::Error`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Text that is neither a date nor an instant with its offset: `invalid_input` as a
/// [`crate::Error`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date (YYYY-MM-DD) or an instant with its offset (YYYY-MM-DDTHH:MM:SSZ)")]
pub struct InvalidDate {
    text: String,
}

/// A UTC calendar date, `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

const MS_PER_DAY: i64 = 86_400_000;

impl Date {
    /// The date, if it exists in the proleptic Gregorian calendar.
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Like [`Date::new`] for dates known to be valid at compile time.
    pub(crate) const fn ymd(year: i32, month: u8, day: u8) -> Self {
        match Self::new(year, month, day) {
            Some(date) => date,
            None => panic!("invalid date in the platform profile"),
        }
    }

    /// Epoch milliseconds of the start of this day (00:00 UTC).
    pub fn start_millis(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * MS_PER_DAY
    }

    /// The UTC date of an epoch-milliseconds instant.
    pub fn from_millis(millis: i64) -> Self {
        let (year, month, day) = civil_from_days(millis.div_euclid(MS_PER_DAY));
        Self { year, month, day }
    }
}

/// An epoch-milliseconds instant as ISO-8601 UTC with milliseconds,
/// `2026-04-27T00:00:00.000Z` (the vendors' callback time format).
pub fn iso_millis(millis: i64) -> String {
    let date = Date::from_millis(millis);
    let in_day = millis.rem_euclid(MS_PER_DAY);
    let (seconds, ms) = (in_day / 1000, in_day % 1000);
    format!(
        "{date}T{:02}:{:02}:{:02}.{ms:03}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = InvalidDate;

    /// `YYYY-MM-DD`, or an RFC 3339 instant (`2026-04-26T23:59:59-01:00`), which means its
    /// UTC date in every language: the same instant is always judged by the same rules.
    fn from_str(text: &str) -> Result<Self, InvalidDate> {
        let invalid = || InvalidDate { text: text.into() };
        if text.len() > 10 {
            let date: Self = text.get(..10).ok_or_else(invalid)?.parse()?;
            return instant_date(date, &text[10..]).ok_or_else(invalid);
        }
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(invalid());
        }
        let number = |range: std::ops::Range<usize>| {
            text.get(range)
                .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<i32>().ok())
        };
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(invalid());
        };
        Self::new(year, month as u8, day as u8).ok_or_else(invalid)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The UTC date of `date` at `rest` (`THH:MM:SS[.fraction](Z|±HH:MM)`); `None` when `rest`
/// is not that (an instant without its offset included: its date would be a guess).
fn instant_date(date: Date, rest: &str) -> Option<Date> {
    instant_millis(date, rest).map(Date::from_millis)
}

/// Epoch milliseconds of an RFC 3339 instant with its offset
/// (`2026-04-26T23:59:59.250-01:00`); `None` for anything else, a date alone or an
/// instant without its offset included. A fraction finer than milliseconds is cut.
pub fn parse_instant(text: &str) -> Option<i64> {
    let date: Date = text.get(..10)?.parse().ok()?;
    instant_millis(date, text.get(10..)?)
}

/// Reads epoch milliseconds, or an RFC 3339 instant with its offset, as epoch
/// milliseconds: the one reading of a time given to the core, in every language.
///
/// # Errors
///
/// Anything else, with what was expected.
pub fn epoch_or_instant<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    use serde::de::Error as _;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Number(ms) => ms
            .as_i64()
            .ok_or_else(|| D::Error::custom("epoch milliseconds are a whole number")),
        serde_json::Value::String(text) => parse_instant(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "`{text}` is not an instant with its offset (YYYY-MM-DDTHH:MM:SSZ)"
            ))
        }),
        _ => Err(D::Error::custom(
            "epoch milliseconds, or an instant with its offset (YYYY-MM-DDTHH:MM:SSZ)",
        )),
    }
}

fn instant_millis(date: Date, rest: &str) -> Option<i64> {
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let two = |s: &str| -> Option<i64> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (hour, minute, second) = (
        two(rest.get(0..2)?)?,
        two(rest.get(3..5)?)?,
        two(rest.get(6..8)?)?,
    );
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut zone = &rest[8..];
    let mut millis = 0;
    if let Some(fraction) = zone.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        millis = format!("{:0<3}", &fraction[..digits.min(3)]).parse().ok()?;
        zone = &fraction[digits..];
    }
    let offset_minutes = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if zone.len() != 6 || zone.get(3..4)? != ":" {
                return None;
            }
            let (hours, minutes) = (two(zone.get(1..3)?)?, two(zone.get(4..6)?)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * (hours * 60 + minutes)
        }
    };
    let local = date.start_millis() + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
    Some(local - offset_minutes * 60_000)
}

const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// The schema of a time the core reads with [`epoch_or_instant`]: epoch milliseconds or
/// an RFC 3339 instant with its offset (kept here, below every module that reads one).
#[cfg(feature = "schema")]
pub(crate) struct Instant;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Instant {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Instant".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Epoch milliseconds, or an RFC 3339 instant with its offset \
                            (`2026-04-26T23:59:59-01:00`).",
            "type": ["integer", "string"],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_instants_have_milliseconds_and_handle_negative_times() {
        assert_eq!(iso_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_millis(1_605_514_662_814), "2020-11-16T08:17:42.814Z");
        assert_eq!(iso_millis(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn instants_read_back_as_the_milliseconds_they_print() {
        for ms in [0, 1_605_514_662_814, -1, 1_777_248_000_000] {
            assert_eq!(parse_instant(&iso_millis(ms)), Some(ms));
        }
        assert_eq!(
            parse_instant("2026-04-27T01:00:00.5+01:00"),
            Some(1_777_248_000_500)
        );
        assert_eq!(
            parse_instant("2026-04-27T00:00:00.123456Z"),
            Some(1_777_248_000_123)
        );
        assert_eq!(parse_instant("2026-04-27T00:00:00"), None);
        assert_eq!(parse_instant("2026-04-27"), None);
    }

    #[test]
    fn parses_prints_and_converts() {
        let date: Date = "2026-04-27".parse().unwrap();
        assert_eq!(date.to_string(), "2026-04-27");
        assert_eq!(date.start_millis(), 1_777_248_000_000);
        assert_eq!(
            Date::from_millis(1_777_248_000_000 - 1),
            Date::ymd(2026, 4, 26)
        );
        assert_eq!(Date::from_millis(0), Date::ymd(1970, 1, 1));
        assert_eq!(Date::from_millis(951_782_400_000), Date::ymd(2000, 2, 29));
        let utc = |text: &str| text.parse::<Date>().map(|d| d.to_string()).ok();
        assert_eq!(utc("2026-04-26T23:59:59Z").as_deref(), Some("2026-04-26"));
        assert_eq!(
            utc("2026-04-26T23:59:59-01:00").as_deref(),
            Some("2026-04-27")
        );
        assert_eq!(
            utc("2026-04-27T00:30:00.250+02:00").as_deref(),
            Some("2026-04-26")
        );
        assert_eq!(utc("2026-04-27 00:00:00z").as_deref(), Some("2026-04-27"));
        for bad in [
            "2026-04-27T00:00:00",
            "2026-04-27T24:00:00Z",
            "2026-04-27T00:00Z",
            "2026-04-27T00:00:00+0200",
            "2026-04-27T00:00:00.Z",
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026/01/01",
            "2026-1-011",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }
}
