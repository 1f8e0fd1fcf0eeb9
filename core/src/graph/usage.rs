//! Rate-limit usage headers: `X-App-Usage`, `X-Page-Usage` and `X-Business-Use-Case-Usage`,
//! as percentages a host can slow down by before Meta throttles (at 100 %).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Percentages of a limit used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UsageCounters {
    /// Calls.
    pub call_count: f64,
    /// CPU time.
    pub total_cputime: f64,
    /// Total time.
    pub total_time: f64,
}

impl UsageCounters {
    /// The highest of the three percentages.
    pub fn max(&self) -> f64 {
        self.call_count.max(self.total_cputime).max(self.total_time)
    }
}

/// One business use case from `X-Business-Use-Case-Usage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct BusinessUsage {
    /// The business object (Page) ID.
    pub id: String,
    /// `pages`, `messenger`, `instagram`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// The percentages used.
    pub usage: UsageCounters,
    /// Minutes until access is regained, when throttled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_time_to_regain_access: Option<u64>,
}

/// Everything the usage headers of one response said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Usage {
    /// `X-App-Usage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app: Option<UsageCounters>,
    /// `X-Page-Usage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<UsageCounters>,
    /// `X-Business-Use-Case-Usage`, one entry per use case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub business: Vec<BusinessUsage>,
}

impl Usage {
    /// Reads the usage headers from a header list (names compared case-insensitively).
    /// Malformed header values are ignored.
    pub fn from_headers(headers: &[(String, String)]) -> Self {
        let mut usage = Self::default();
        for (name, value) in headers {
            if name.eq_ignore_ascii_case("x-app-usage") {
                usage.app = counters(value);
            } else if name.eq_ignore_ascii_case("x-page-usage") {
                usage.page = counters(value);
            } else if name.eq_ignore_ascii_case("x-business-use-case-usage") {
                usage.business = business(value);
            }
        }
        usage
    }

    /// The highest percentage of any limit, if any header was present.
    pub fn highest(&self) -> Option<f64> {
        let business = self.business.iter().map(|b| b.usage.max());
        let all = self
            .app
            .iter()
            .chain(self.page.iter())
            .map(UsageCounters::max)
            .chain(business);
        all.fold(None, |acc: Option<f64>, v| {
            Some(acc.map_or(v, |a| a.max(v)))
        })
    }

    /// Seconds until access is regained, from the business usage header.
    pub fn regain_after_seconds(&self) -> Option<u64> {
        self.business
            .iter()
            .filter_map(|b| b.estimated_time_to_regain_access)
            .max()
            .map(|minutes| minutes * 60)
    }
}

fn counters(value: &str) -> Option<UsageCounters> {
    let json: Value = serde_json::from_str(value).ok()?;
    Some(UsageCounters {
        call_count: number(&json["call_count"]),
        total_cputime: number(&json["total_cputime"]),
        total_time: number(&json["total_time"]),
    })
}

fn business(value: &str) -> Vec<BusinessUsage> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(value) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (id, cases) in map {
        for case in cases.as_array().into_iter().flatten() {
            out.push(BusinessUsage {
                id: id.clone(),
                kind: case["type"].as_str().unwrap_or_default().to_owned(),
                usage: UsageCounters {
                    call_count: number(&case["call_count"]),
                    total_cputime: number(&case["total_cputime"]),
                    total_time: number(&case["total_time"]),
                },
                estimated_time_to_regain_access: case["estimated_time_to_regain_access"]
                    .as_u64()
                    .filter(|m| *m > 0),
            });
        }
    }
    out
}

fn number(value: &Value) -> f64 {
    value
        .as_f64()
        .or_else(|| value.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or_default()
}
