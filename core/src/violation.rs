//! One broken rule, with a stable code and the path of the field that breaks it: a floor
//! below `error` (whose `validation_failed` carries them) and `limits` (which finds them).

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// How a length is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// Unicode scalar values.
    Chars,
    /// UTF-8 bytes.
    Bytes,
    /// List items.
    Items,
}

/// What kind of rule a violation breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ViolationCode {
    /// A length or count is over its maximum (or under its minimum).
    LimitExceeded,
    /// A required field is missing or empty.
    Required,
    /// A field is not accepted here (unknown key, wrong place, not on this product or date).
    NotAllowed,
    /// A feature Meta no longer accepts.
    Retired,
    /// Fields that exclude each other are both set, or one needs another.
    Conflict,
    /// A value of the wrong form (URL scheme, phone number, enum value, JSON type).
    InvalidValue,
    /// Accepted or not by where the Page is, and the profile has no region to decide.
    RegionDependent,
}

/// A broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Violation {
    /// The kind of rule.
    pub code: ViolationCode,
    /// The path of the field, for example `message.attachment.payload.elements[3].buttons[0].title`.
    pub field: String,
    /// What is wrong, in lowercase words (not compared by tests).
    pub detail: String,
    /// For limits: the bound that was crossed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
    /// For limits with a lower bound that was not met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<usize>,
    /// For limits: the measured value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<usize>,
    /// For limits: what was counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// For retired features: the first day Meta no longer accepted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_on: Option<Date>,
    /// For retired features: what to use instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

impl Violation {
    pub(crate) fn new(code: ViolationCode, field: String, detail: String) -> Self {
        Self {
            code,
            field,
            detail,
            max: None,
            min: None,
            actual: None,
            unit: None,
            retired_on: None,
            replacement: None,
        }
    }
}

crate::code_table::code_table! {
    /// Every violation code.
    VIOLATION_CODES: ViolationCode::as_str(Self) {
        LimitExceeded => "limit_exceeded",
        Required => "required",
        NotAllowed => "not_allowed",
        Retired => "retired",
        Conflict => "conflict",
        InvalidValue => "invalid_value",
        RegionDependent => "region_dependent",
    }
}
