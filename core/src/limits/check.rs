//! The validator's working parts: lazily rendered field paths and one helper per kind of rule.

use std::fmt::Write as _;

use super::{Limit, Platform, Retirement, Unit, Violation, ViolationCode};

/// A field path as a chain of segments, rendered only when a violation needs it.
#[derive(Clone, Copy)]
pub(crate) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    pub(crate) const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// `message.quick_replies[2].title`.
    pub(crate) fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(path) = at {
            segments.push(path.segment);
            at = path.parent;
        }
        let mut out = String::new();
        for segment in segments.into_iter().rev() {
            match segment {
                Segment::Root => {}
                Segment::Key(key) if out.is_empty() => out.push_str(key),
                Segment::Key(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Segment::Index(index) => {
                    let _ = write!(out, "[{index}]");
                }
            }
        }
        out
    }
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

/// Collects violations for one validation run.
pub(crate) struct Checker<'p> {
    pub(crate) platform: &'p Platform,
    pub(crate) out: Vec<Violation>,
}

impl<'p> Checker<'p> {
    pub(crate) fn new(platform: &'p Platform) -> Self {
        Self {
            platform,
            out: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, code: ViolationCode, path: &Path<'_>, detail: impl Into<String>) {
        self.out
            .push(Violation::new(code, path.render(), detail.into()));
    }

    /// A length within `limit`; an empty value is not checked here (see [`Self::required_text`]).
    /// NUL (U+0000) is refused in any text: PostgreSQL, C strings and many logs cut or
    /// refuse it, so what Meta delivers would not be what the host stored.
    pub(crate) fn text(&mut self, path: &Path<'_>, value: &str, limit: Limit) {
        if value.contains('\0') {
            self.push(ViolationCode::InvalidValue, path, "holds NUL (U+0000)");
        }
        let actual = measure(value, limit.unit);
        if actual > limit.max {
            let unit = unit_name(limit.unit);
            let mut violation = Violation::new(
                ViolationCode::LimitExceeded,
                path.render(),
                format!("{actual} {unit}, at most {} allowed", limit.max),
            );
            violation.max = Some(limit.max);
            violation.actual = Some(actual);
            violation.unit = Some(limit.unit);
            self.out.push(violation);
        }
    }

    /// A value that must be present and non-empty.
    pub(crate) fn required(&mut self, path: &Path<'_>, value: &str) {
        if value.trim().is_empty() {
            self.push(ViolationCode::Required, path, "must not be empty");
        }
    }

    /// A value that must be present and non-empty, then within `limit`.
    pub(crate) fn required_text(&mut self, path: &Path<'_>, value: &str, limit: Limit) {
        if value.trim().is_empty() {
            self.push(ViolationCode::Required, path, "must not be empty");
        } else {
            self.text(path, value, limit);
        }
    }

    /// A list length within `limit`; an empty list below a minimum is `required`.
    pub(crate) fn count(&mut self, path: &Path<'_>, actual: usize, limit: Limit) {
        if actual == 0 && limit.min > 0 {
            self.push(
                ViolationCode::Required,
                path,
                format!("needs at least {}", limit.min),
            );
            return;
        }
        let (bound, detail) = if actual > limit.max {
            (
                "max",
                format!("{actual} items, at most {} allowed", limit.max),
            )
        } else if actual < limit.min {
            (
                "min",
                format!("{actual} items, at least {} needed", limit.min),
            )
        } else {
            return;
        };
        let mut violation = Violation::new(ViolationCode::LimitExceeded, path.render(), detail);
        if bound == "max" {
            violation.max = Some(limit.max);
        } else {
            violation.min = Some(limit.min);
        }
        violation.actual = Some(actual);
        violation.unit = Some(Unit::Items);
        self.out.push(violation);
    }

    /// An absolute `http(s)://host...` URL.
    pub(crate) fn url(&mut self, path: &Path<'_>, value: &str) {
        if value.trim().is_empty() {
            self.push(ViolationCode::Required, path, "must not be empty");
        } else if !has_scheme(value, "https") && !has_scheme(value, "http") {
            self.push(
                ViolationCode::InvalidValue,
                path,
                format!("`{}` is not an http(s) url", clip(value)),
            );
        }
    }

    /// An absolute `https://host...` URL.
    pub(crate) fn https_url(&mut self, path: &Path<'_>, value: &str) {
        if value.trim().is_empty() {
            self.push(ViolationCode::Required, path, "must not be empty");
        } else if !has_scheme(value, "https") {
            self.push(
                ViolationCode::InvalidValue,
                path,
                format!("`{}` is not an https url", clip(value)),
            );
        }
    }

    /// Reports `feature` as retired if it is by the profile's date. True when the feature
    /// is settled here: retired (reported) or legacy (still accepted on that date).
    pub(crate) fn retired(&mut self, path: &Path<'_>, feature: &str) -> bool {
        if self.platform.is_legacy(feature) {
            return true;
        }
        let Some(retirement) = self.platform.retirement(feature) else {
            return false;
        };
        let replacement = self.platform.replacement(retirement);
        self.out
            .push(retired_violation(path.render(), retirement, replacement));
        true
    }

    /// Reports `feature` as not yet available on the profile's date; true when it was not.
    pub(crate) fn not_yet(&mut self, path: &Path<'_>, feature: &str) -> bool {
        let Some(on) = self.platform.not_yet_available(feature) else {
            return false;
        };
        let detail = format!("`{}` is only accepted from {on}", feature_name(feature));
        self.push(ViolationCode::NotAllowed, path, detail);
        true
    }
}

pub(crate) fn retired_violation(
    field: String,
    retirement: &Retirement,
    replacement: Option<&'static str>,
) -> Violation {
    let mut detail = format!(
        "`{}` is not accepted since {}",
        feature_name(retirement.feature),
        retirement.on
    );
    if !retirement.date_confirmed {
        detail.push_str(" (date inferred; meta published none)");
    }
    if let Some(replacement) = replacement {
        let _ = write!(detail, "; use {replacement}");
    }
    let mut violation = Violation::new(ViolationCode::Retired, field, detail);
    violation.retired_on = Some(retirement.on);
    violation.replacement = replacement.map(str::to_owned);
    violation
}

/// `template:list` -> `list`.
pub(crate) fn feature_name(feature: &str) -> &str {
    feature.split_once(':').map_or(feature, |(_, name)| name)
}

pub(crate) fn measure(value: &str, unit: Unit) -> usize {
    match unit {
        Unit::Chars => value.chars().count(),
        Unit::Bytes | Unit::Items => value.len(),
    }
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Chars => "characters",
        Unit::Bytes => "bytes",
        Unit::Items => "items",
    }
}

/// Whether `value` is an absolute `http(s)://host...` URL (`https` only when asked).
pub(crate) fn is_web_url(value: &str, https_only: bool) -> bool {
    has_scheme(value, "https") || (!https_only && has_scheme(value, "http"))
}

fn has_scheme(value: &str, scheme: &str) -> bool {
    let bytes = value.as_bytes();
    let start = scheme.len() + 3;
    if bytes.len() <= start
        || !bytes[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
        || &bytes[scheme.len()..start] != b"://"
    {
        return false;
    }
    // The host runs to the first `/`, `?` or `#`; it must be non-empty, without spaces or
    // control characters (NUL cuts a host short in C resolvers); no URL holds a control.
    let host = &bytes[start..];
    let end = host
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(host.len());
    end > 0
        && !value[start..start + end].contains(char::is_whitespace)
        && !value.contains(char::is_control)
}

/// A `+` E.164 phone number: `+`, then 7 to 15 digits, the first not 0.
pub(crate) fn is_e164(value: &str) -> bool {
    let Some(digits) = value.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// The first 60 characters of a value, for messages.
pub(crate) fn clip(value: &str) -> String {
    let mut out: String = value.chars().take(60).collect();
    if out.len() < value.len() {
        out.push('…');
    }
    out
}
