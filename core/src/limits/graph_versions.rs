//! Graph API versions with the day each was released and the day it stops being served,
//! from Meta's version table (developers.facebook.com/docs/graph-api/changelog/versions,
//! messenger-platform.md §16). A configured version is judged at the profile's date.

use serde::Serialize;

use super::Date;

/// One Graph API version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GraphVersion {
    /// `vNN.0`.
    pub version: &'static str,
    /// The day Meta released it.
    pub released: Date,
    /// The first day Meta no longer serves it; `None` while Meta has published no date.
    pub ends: Option<Date>,
}

const fn version(version: &'static str, released: Date, ends: Option<Date>) -> GraphVersion {
    GraphVersion {
        version,
        released,
        ends,
    }
}

const fn on(year: i32, month: u8, day: u8) -> Option<Date> {
    Some(Date::ymd(year, month, day))
}

/// Days before its end at which a version is reported as ending soon.
pub const GRAPH_VERSION_NOTICE_DAYS: i64 = 90;

/// Every Graph version since v4.0, oldest first. Older ones all ended before 2022.
pub const GRAPH_VERSIONS: &[GraphVersion] = &[
    version("v4.0", Date::ymd(2019, 7, 29), on(2021, 11, 2)),
    version("v5.0", Date::ymd(2019, 10, 29), on(2022, 2, 3)),
    version("v6.0", Date::ymd(2020, 2, 3), on(2022, 5, 5)),
    version("v7.0", Date::ymd(2020, 5, 5), on(2022, 8, 4)),
    version("v8.0", Date::ymd(2020, 8, 4), on(2022, 11, 1)),
    version("v9.0", Date::ymd(2020, 11, 10), on(2023, 2, 23)),
    version("v10.0", Date::ymd(2021, 2, 23), on(2023, 6, 8)),
    version("v11.0", Date::ymd(2021, 6, 8), on(2023, 9, 14)),
    version("v12.0", Date::ymd(2021, 9, 14), on(2024, 2, 8)),
    version("v13.0", Date::ymd(2022, 2, 8), on(2024, 5, 28)),
    version("v14.0", Date::ymd(2022, 5, 25), on(2024, 9, 17)),
    version("v15.0", Date::ymd(2022, 9, 15), on(2024, 11, 20)),
    version("v16.0", Date::ymd(2023, 2, 2), on(2025, 5, 14)),
    version("v17.0", Date::ymd(2023, 5, 23), on(2025, 9, 12)),
    version("v18.0", Date::ymd(2023, 9, 12), on(2026, 1, 26)),
    version("v19.0", Date::ymd(2024, 1, 23), on(2026, 5, 21)),
    version("v20.0", Date::ymd(2024, 5, 21), on(2026, 9, 24)),
    version("v21.0", Date::ymd(2024, 10, 2), on(2027, 1, 21)),
    version("v22.0", Date::ymd(2025, 1, 21), on(2027, 5, 20)),
    version("v23.0", Date::ymd(2025, 5, 29), on(2027, 10, 8)),
    version("v24.0", Date::ymd(2025, 10, 8), on(2028, 2, 18)),
    version("v25.0", Date::ymd(2026, 2, 18), on(2028, 7, 29)),
    version("v26.0", Date::ymd(2026, 7, 29), None),
    version("v27.0", Date::ymd(2026, 11, 4), None),
];

/// How a configured version stands on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VersionState {
    /// Served, and not within the notice period of its end.
    Current,
    /// Served, but it ends within [`GRAPH_VERSION_NOTICE_DAYS`].
    EndingSoon,
    /// No longer served: Meta moves such calls to the oldest version it still serves.
    Ended,
    /// Not released yet on that date.
    Unreleased,
    /// Not in this table: newer than this profile knows, or not a `vNN.N` version.
    Unknown,
}

/// A version judged on a date, with what to move to when it needs moving.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct VersionStatus {
    /// The version judged.
    pub version: String,
    /// Its standing on `as_of`.
    pub state: VersionState,
    /// The date it was judged on.
    pub as_of: Date,
    /// When it was released, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub released: Option<Date>,
    /// When it stops (stopped) being served, if Meta published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends: Option<Date>,
    /// The newest version released by `as_of`, when this one should be replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<&'static str>,
}

/// How `version` stands on `as_of`.
pub fn graph_version_status(version: &str, as_of: Date) -> VersionStatus {
    let newest = GRAPH_VERSIONS
        .iter()
        .rev()
        .find(|v| v.released <= as_of)
        .map(|v| v.version);
    let known = GRAPH_VERSIONS.iter().find(|v| v.version == version);
    let state = match known {
        None if older_than_table(version) => VersionState::Ended,
        None => VersionState::Unknown,
        Some(v) if as_of < v.released => VersionState::Unreleased,
        Some(v) => match v.ends {
            Some(ends) if as_of >= ends => VersionState::Ended,
            Some(ends) if days_between(as_of, ends) <= GRAPH_VERSION_NOTICE_DAYS => {
                VersionState::EndingSoon
            }
            _ => VersionState::Current,
        },
    };
    let replace = matches!(
        state,
        VersionState::Ended | VersionState::EndingSoon | VersionState::Unreleased
    );
    VersionStatus {
        version: version.to_owned(),
        state,
        as_of,
        released: known.map(|v| v.released),
        ends: known.and_then(|v| v.ends),
        replacement: newest.filter(|n| replace && *n != version),
    }
}

/// `vN.M` as its two numbers (each 1 to 4 digits); `None` for anything else. The one
/// reading of a Graph version: configurations refuse what it refuses.
pub fn parse_graph_version(version: &str) -> Option<(u32, u32)> {
    let (major, minor) = version.strip_prefix('v')?.split_once('.')?;
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    Some((number(major)?, number(minor)?))
}

/// Whether `version` is `vN.M` below the table's first entry (every such version has ended).
fn older_than_table(version: &str) -> bool {
    parse_graph_version(version).is_some_and(|(major, _)| major < 4)
}

fn days_between(from: Date, to: Date) -> i64 {
    (to.start_millis() - from.start_millis()) / 86_400_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_ordered_and_every_end_follows_its_release() {
        for pair in GRAPH_VERSIONS.windows(2) {
            assert!(pair[0].released < pair[1].released, "{pair:?}");
        }
        for v in GRAPH_VERSIONS {
            assert!(v.ends.is_none_or(|end| end > v.released), "{v:?}");
        }
    }

    #[test]
    fn versions_below_the_table_have_ended_and_others_are_unknown() {
        let day = Date::ymd(2026, 12, 1);
        assert_eq!(
            graph_version_status("v2.12", day).state,
            VersionState::Ended
        );
        assert_eq!(
            graph_version_status("v99.0", day).state,
            VersionState::Unknown
        );
        assert_eq!(
            graph_version_status("latest", day).state,
            VersionState::Unknown
        );
    }
}
