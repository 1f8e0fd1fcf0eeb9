//! Addresses in actions: web URLs, `+` E.164 phone numbers and maps links, checked or
//! built by Meta's rules (`limits::is_web_url`, `limits::is_e164`).

use std::fmt;

use super::options::ComposeOptions;
use crate::error::{Error, ErrorKind, Result};

/// An http(s) URL (https only when asked), else `invalid_input` at `field`.
pub(crate) fn web_url(url: &str, https_only: bool, field: impl fmt::Display) -> Result<String> {
    if crate::limits::is_web_url(url, https_only) {
        return Ok(url.to_owned());
    }
    let scheme = if https_only { "https" } else { "http(s)" };
    Err(Error::at(
        ErrorKind::InvalidInput {
            detail: format!("`{url}` is not an {scheme} url"),
        },
        field.to_string(),
    ))
}

/// A phone number in `+` E.164 form: separators removed, a `00` prefix read as `+`.
pub(crate) fn e164(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = raw.strip_prefix("tel:").unwrap_or(raw);
    let mut digits: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '/'))
        .collect();
    if let Some(rest) = digits.strip_prefix("00") {
        digits = format!("+{rest}");
    }
    // Meta's own rule decides what counts as + E.164.
    crate::limits::is_e164(&digits).then_some(digits)
}

/// The maps link for a place, from the options' template.
pub(crate) fn maps_url(options: &ComposeOptions, lat: f64, lon: f64) -> String {
    options
        .maps_url_template
        .replace("{lat}", &lat.to_string())
        .replace("{lon}", &lon.to_string())
}

#[cfg(test)]
mod tests {
    use super::e164;

    #[test]
    fn phone_numbers_become_e164_or_nothing() {
        assert_eq!(e164("+1 (510) 555-1234").as_deref(), Some("+15105551234"));
        assert_eq!(e164("0049 30 1234567").as_deref(), Some("+49301234567"));
        assert_eq!(e164("tel:+4930123456").as_deref(), Some("+4930123456"));
        assert_eq!(e164("510-555-1234"), None);
        assert_eq!(e164("+0301234567"), None);
    }
}
