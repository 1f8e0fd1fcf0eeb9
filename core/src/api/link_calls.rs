//! Chat links and QR codes on the JSON-text surface.

use super::{to_text, value_or_empty};
use crate::error::{Error, ErrorKind, Result};
use crate::link::{self, ChatLink, QrOptions};

/// The URL of a chat link from `{"page"|"instagram", "ref"?, "text"?}`.
///
/// # Errors
///
/// `invalid_json` (field `link`) for text that is not JSON; `invalid_input` (field `link`)
/// for JSON that is not such an object, an unknown key included; the errors of
/// [`ChatLink::url`].
pub fn chat_link(link_json: &str) -> Result<String> {
    let link: ChatLink =
        serde_json::from_value(value_or_empty(link_json, "link")?).map_err(|e| invalid_link(&e))?;
    link.url()
}

/// A chat link read back: `{"page"|"instagram", "ref"?, "text"?, "other"?}`.
///
/// # Errors
///
/// As [`ChatLink::parse`].
pub fn parse_chat_link(url: &str) -> Result<String> {
    ChatLink::parse(url).map(|link| to_text(&link))
}

/// `text` (a chat link, typically) as an SVG QR code; options `{"level"?, "size"?}` (empty
/// text for the defaults).
///
/// # Errors
///
/// `invalid_input` (field `options`) for options that are not such an object; the errors
/// of [`link::qr_svg`].
pub fn qr_svg(text: &str, options_json: &str) -> Result<String> {
    let mut options = value_or_empty(options_json, "options")?;
    // An option given as null takes its default, as an absent one does.
    if let Some(map) = options.as_object_mut() {
        map.retain(|_, value| !value.is_null());
    }
    let options: QrOptions = serde_json::from_value(options).map_err(|e| {
        Error::at(
            ErrorKind::InvalidInput {
                detail: e.to_string(),
            },
            "options",
        )
    })?;
    link::qr_svg(text, &options)
}

fn invalid_link(error: &serde_json::Error) -> Error {
    Error::at(
        ErrorKind::InvalidInput {
            detail: error.to_string(),
        },
        "link",
    )
}
