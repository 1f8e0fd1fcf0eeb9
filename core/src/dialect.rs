//! Vendor message formats read into the neutral [`crate::compose::Message`] plus send
//! options: Smooch / Sunshine Conversations, Sinch Conversation API and Linktor.
//!
//! Each reader takes the bare message or the vendor's full send request. A field it does
//! not know is ignored with an `unknown_field` warning; a kind Messenger cannot express is
//! an error with a code and a field. See `vendor-formats.md` §2–4.

mod linktor;
mod menu;
mod reader;
mod sinch;
mod smooch;
mod sources;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use menu::read_menu;

use crate::compose::{self, ComposeOptions, Message, SendOptions, Warning};
use crate::error::Result;

/// A vendor format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Dialect {
    /// msgrkit's own neutral form.
    #[default]
    Neutral,
    /// Smooch v1 message bodies and Sunshine Conversations v2 `messagePost` / `content`.
    Smooch,
    /// Sinch Conversation API AppMessages and send requests.
    Sinch,
    /// Linktor `content` and send requests.
    Linktor,
}

impl Dialect {
    /// The dialect named `name` (`neutral`, `smooch`, `sinch`, `linktor`).
    pub fn from_name(name: &str) -> Option<Self> {
        serde_json::from_value(Value::String(name.to_owned())).ok()
    }
}

/// A vendor message read into the neutral form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Read {
    /// The neutral message.
    pub message: Message,
    /// Send options the vendor message asked for (tag, messaging type, notification type).
    pub options: SendOptions,
    /// Fields ignored or changed while reading.
    pub warnings: Vec<Warning>,
    /// Where each neutral part was read from, so composing names the vendor's fields.
    #[serde(skip)]
    pub(crate) sources: sources::Sources,
}

/// Reads `value`, written in `dialect`, into the neutral form.
///
/// # Errors
///
/// `invalid_input` (wrong shape, with the field), `required`, `unsupported` (a kind
/// Messenger cannot express) and `conflict`.
pub fn read(dialect: Dialect, value: &Value) -> Result<Read> {
    match dialect {
        Dialect::Neutral => Ok(Read {
            message: compose::from_json(value, "")?,
            options: SendOptions::default(),
            warnings: Vec::new(),
            sources: sources::Sources::default(),
        }),
        Dialect::Smooch => smooch::read(value),
        Dialect::Sinch => sinch::read(value),
        Dialect::Linktor => linktor::read(value),
    }
}

/// Reads JSON text written in `dialect` into the neutral form (Sinch is read straight
/// from the text, without an intermediate JSON value).
///
/// # Errors
///
/// `invalid_json` when the text is not JSON, then as [`read`].
pub fn read_str(dialect: Dialect, text: &str) -> Result<Read> {
    if dialect == Dialect::Sinch {
        return sinch::read_str(text);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        crate::error::Error::new(crate::error::ErrorKind::InvalidJson {
            detail: e.to_string(),
        })
    })?;
    read(dialect, &value)
}

/// The result of [`transcode`]: Send API messages, the send options, and every warning
/// from reading and composing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Transcoded {
    /// Send API `message` objects, in sending order.
    pub messages: Vec<crate::send::Message>,
    /// The send options the input asked for.
    pub options: SendOptions,
    /// Every change, from reading and from composing.
    pub warnings: Vec<Warning>,
}

/// Reads `value` in `dialect` and composes it: vendor JSON in, Send API messages out.
///
/// # Errors
///
/// As [`read`] and [`compose::compose`].
pub fn transcode(dialect: Dialect, value: &Value, options: &ComposeOptions) -> Result<Transcoded> {
    finish(read(dialect, value)?, options)
}

/// [`transcode`] from JSON text: the fast path for hosts that hold the message as text.
///
/// # Errors
///
/// As [`read_str`] and [`compose::compose`].
pub fn transcode_str(dialect: Dialect, text: &str, options: &ComposeOptions) -> Result<Transcoded> {
    finish(read_str(dialect, text)?, options)
}

fn finish(read: Read, options: &ComposeOptions) -> Result<Transcoded> {
    let sources = &read.sources;
    let composed = compose::compose(&read.message, options).map_err(|e| sources.error(e))?;
    judge_options(&composed.messages, &read.options, options, sources)?;
    let mut warnings = read.warnings;
    warnings.extend(composed.warnings.into_iter().map(|w| sources.warning(w)));
    Ok(Transcoded {
        messages: composed.messages,
        options: read.options,
        warnings,
    })
}

/// The vendor's send options (tag, messaging type, notification type) judged by the same
/// dated profile as the content: the requests `compose::requests` builds from them must
/// pass `limits::validate`. A retired tag is a `retired` violation at the vendor's field.
fn judge_options(
    messages: &[crate::send::Message],
    send: &SendOptions,
    options: &ComposeOptions,
    sources: &sources::Sources,
) -> Result<()> {
    if send == &SendOptions::default() {
        return Ok(());
    }
    // Any PSID: the recipient is the host's, only the options are judged here.
    let requests = compose::requests(messages, "0", send);
    let mut violations = Vec::new();
    for request in &requests {
        for mut violation in crate::limits::validate(request, &options.platform) {
            violation.field = sources.resolve(&format!("options.{}", violation.field));
            if !violations.contains(&violation) {
                violations.push(violation);
            }
        }
    }
    if violations.is_empty() {
        Ok(())
    } else {
        Err(crate::error::Error::new(
            crate::error::ErrorKind::ValidationFailed { violations },
        ))
    }
}
