//! The `messenger` override: a raw Send API message, validated and sent as it is.

use super::message::Message;
use super::options::ComposeOptions;
use super::report::{Report, WarningCode};
use crate::error::{Error, ErrorKind, Result};
use crate::limits;
use crate::send::Message as Out;

/// A raw Send API message: validated and sent as it is.
pub(super) fn passthrough(
    raw: &serde_json::Value,
    message: &Message,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Vec<Out>> {
    let parsed: Out = serde_path_to_error::deserialize(raw).map_err(|err| {
        let path = err.path().to_string();
        let field = if path == "." {
            "messenger".to_owned()
        } else {
            format!("messenger.{path}")
        };
        Error::at(
            ErrorKind::InvalidInput {
                detail: err.inner().to_string(),
            },
            field,
        )
    })?;
    let violations = limits::validate_message(&parsed, &options.platform);
    if !violations.is_empty() {
        return Err(Error::at(
            ErrorKind::ValidationFailed { violations },
            "messenger",
        ));
    }
    let ignored = [
        ("text", message.text.is_some()),
        ("media", message.media.is_some()),
        ("cards", !message.cards.is_empty()),
        ("actions", !message.actions.is_empty()),
        ("location", message.location.is_some()),
        ("receipt", message.receipt.is_some()),
    ];
    for (field, set) in ignored {
        if set {
            report.warn(
                WarningCode::Dropped,
                field,
                "the messenger override is sent instead",
            );
        }
    }
    Ok(vec![parsed])
}
