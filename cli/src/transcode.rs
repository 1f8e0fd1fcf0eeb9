//! `msgrkit transcode` and `msgrkit menu`: vendor or neutral JSON through the core's entry
//! points (`api::transcode`, `api::menu`, and with `--to` the send pipeline, which
//! validates every request as `msgrkit send` does). The flags given are handed over as
//! the core's options; every name, default and rule is the core's.

use std::path::PathBuf;

use msgrkit::api::{self, TranscodedFor};
use serde::Serialize;

use crate::{Outcome, io};

/// The compose options of `transcode`, as the core names them (only those given).
#[derive(clap::Args, Serialize)]
pub(crate) struct ComposeFlags {
    /// Over-long text: reject, truncate or split [default: split].
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    overflow: Option<String>,
    /// Reproduce a vendor's rules: none or smooch [default: none].
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    compat: Option<String>,
    /// Payment actions: reject, link or legacy [default: reject].
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    payments: Option<String>,
    /// Checkout URL for --payments link ({amount}, {amount_minor}, {currency}).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    checkout_url_template: Option<String>,
    /// Location requests: text or reply [default: text].
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    location_request: Option<String>,
    /// Maps URL for locations ({lat}, {lon}).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    maps_url_template: Option<String>,
    /// Cards: native or text [default: native].
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    cards: Option<String>,
    #[command(flatten)]
    #[serde(flatten)]
    profile: ProfileFlags,
}

/// Which of Meta's rules judge: the date and the product (only those given).
#[derive(clap::Args, Serialize)]
pub(crate) struct ProfileFlags {
    /// Judge by Meta's rules on this date (YYYY-MM-DD); default: the newest profile.
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    /// messenger or instagram [default: messenger].
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    platform: Option<String>,
}

/// The flags as the core's options value.
fn options_of(flags: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(flags).expect("flags serialise")
}

pub(crate) struct TranscodeArgs {
    pub(crate) from: Option<String>,
    pub(crate) compose: ComposeFlags,
    pub(crate) to: Option<String>,
    pub(crate) file: Option<PathBuf>,
}

pub(crate) fn transcode(args: TranscodeArgs, compact: bool) -> Outcome {
    let body = io::read_input(args.file.as_deref())?;
    let options = options_of(&args.compose);
    let message = api::read_json(&body).map_err(|err| io::reject(&err))?;
    let Some(recipient) = args.to else {
        let dialect = args.from.as_deref().unwrap_or_default();
        let answer = api::transcode(dialect, &message.to_string(), &options.to_string())
            .map_err(|err| io::reject(&err))?;
        return Ok(io::print_text_json(&answer, compact));
    };
    // With a recipient, the requests too, validated as `send` validates them.
    let dialect = args.from.as_deref().unwrap_or_default();
    let answer = TranscodedFor::of(dialect, &message, &options, &recipient)
        .map_err(|err| io::reject(&err))?;
    Ok(io::print_json(&answer, compact))
}

/// `msgrkit menu`: a vendor or neutral menu flattened into a Messenger Profile body.
pub(crate) fn menu(
    from: Option<String>,
    profile: &ProfileFlags,
    file: Option<PathBuf>,
    compact: bool,
) -> Outcome {
    let body = io::read_input(file.as_deref())?;
    let menu = api::read_json(&body).map_err(|err| io::reject(&err))?;
    let dialect = from.as_deref().unwrap_or_default();
    let answer = api::menu(dialect, &menu.to_string(), &options_of(profile).to_string())
        .map_err(|err| io::reject(&err))?;
    Ok(io::print_text_json(&answer, compact))
}
