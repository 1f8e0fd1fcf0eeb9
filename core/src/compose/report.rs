//! The account of everything `compose` changed, so nothing is lost silently.

use serde::{Deserialize, Serialize};

/// What kind of change was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningCode {
    /// Cut to fit a limit.
    Truncated,
    /// Sent as several messages.
    Split,
    /// Left out: it does not fit or Messenger cannot show it.
    Dropped,
    /// Sent as something else (a link instead of a file, a card instead of a location).
    Replaced,
    /// A feature Meta retired, sent as its replacement.
    RetiredFeature,
    /// A field the reader does not know; ignored.
    UnknownField,
    /// An inbound event the vendor has no callback for (`emit`), named by its dedupe key.
    NoEquivalent,
}

/// One change, with the input field it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Warning {
    /// What kind of change.
    pub code: WarningCode,
    /// The input field, for example `cards[11]` or `actions[2]`.
    pub field: String,
    /// What happened, for a person (not compared by tests).
    pub detail: String,
}

/// Collects warnings.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) warnings: Vec<Warning>,
}

impl Report {
    pub(crate) fn warn(
        &mut self,
        code: WarningCode,
        field: impl std::fmt::Display,
        detail: impl Into<String>,
    ) {
        self.warnings.push(Warning {
            code,
            field: field.to_string(),
            detail: detail.into(),
        });
    }
}

crate::code_table::code_table! {
    /// Every transcoding warning code.
    WARNING_CODES: WarningCode::as_str(Self) {
        Truncated => "truncated",
        Split => "split",
        Dropped => "dropped",
        Replaced => "replaced",
        RetiredFeature => "retired_feature",
        UnknownField => "unknown_field",
        NoEquivalent => "no_equivalent",
    }
}
