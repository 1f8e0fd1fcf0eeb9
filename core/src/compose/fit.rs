//! A value fitted into a limit as the overflow option says: kept, cut with a `truncated`
//! warning, or refused (`overflow: reject`) with `limit_exceeded` at its field.

use std::fmt;

use super::options::{ComposeOptions, Overflow};
use super::report::{Report, WarningCode};
use super::text::{fits, measure, truncate};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limit;

/// Like [`fit`] for a value Meta requires: blank is `required` at `field.key`.
pub(crate) fn fit_required(
    value: &str,
    limit: Limit,
    field: &dyn fmt::Display,
    key: &str,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<String> {
    if value.trim().is_empty() {
        return Err(Error::at(
            ErrorKind::Required {
                detail: format!("`{key}` must not be empty"),
            },
            join(field, key),
        ));
    }
    fit(value, limit, field, key, options, report)
}

/// Fits `value` into `limit` as the overflow option says, reporting any cut.
pub(crate) fn fit(
    value: &str,
    limit: Limit,
    field: &dyn fmt::Display,
    key: &str,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<String> {
    if fits(value, limit) {
        return Ok(value.to_owned());
    }
    cut_or_reject(value, limit, &join(field, key), options, report)
}

/// `value`, past `limit`, refused with `limit_exceeded` at `field` (`overflow: reject`) or
/// cut to the limit with a `truncated` warning there: the one place either happens. A
/// caller that can split (`overflow: split` of text) splits before asking.
pub(crate) fn cut_or_reject(
    value: &str,
    limit: Limit,
    field: &str,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<String> {
    if options.overflow == Overflow::Reject {
        return Err(Error::at(
            ErrorKind::LimitExceeded {
                max: limit.max,
                actual: measure(value, limit),
            },
            field,
        ));
    }
    let cut = truncate(value, limit);
    report.warn(
        WarningCode::Truncated,
        field,
        format!(
            "cut to {} to fit the limit of {}",
            measure(&cut, limit),
            limit.max
        ),
    );
    Ok(cut)
}

/// `field.key`, or `key` alone at the root.
fn join(field: &dyn fmt::Display, key: &str) -> String {
    let field = field.to_string();
    if field.is_empty() {
        key.to_owned()
    } else {
        format!("{field}.{key}")
    }
}
