//! `msgrkit emit`: a Meta webhook (or, with `--outcome`, a send's outcome) as the
//! callbacks a hosted service delivers: Smooch, Sunshine Conversations, Sinch, Linktor.

use std::path::PathBuf;

use serde_json::Value;

use crate::{Outcome, io};

#[derive(clap::Args)]
pub(crate) struct EmitArgs {
    /// The vendor whose callbacks to print: smooch, sunshine, sinch or linktor.
    #[arg(long = "as")]
    vendor: String,
    /// The emitter configuration (JSON): the vendor's account IDs, signing, the host's IDs.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Read FILE as a send outcome, `{"status", "body", "message_id", "recipient"}`,
    /// instead of a webhook body.
    #[arg(long)]
    outcome: bool,
    /// The webhook body (or outcome) JSON; stdin when absent or `-`.
    file: Option<PathBuf>,
}

pub(crate) fn run(args: &EmitArgs, compact: bool) -> Outcome {
    let config = match &args.config {
        Some(path) => String::from_utf8(io::read_input(Some(path))?)
            .map_err(|_| io::usage("the config file is not UTF-8"))?,
        None => String::new(),
    };
    let input = io::read_input(args.file.as_deref())?;
    let answer = if args.outcome {
        let text = String::from_utf8(input).map_err(|_| io::usage("the outcome is not UTF-8"))?;
        msgrkit::api::emit_outcome(&args.vendor, &text, &config)
    } else {
        msgrkit::api::emit(&args.vendor, &input, &config)
    };
    let text = answer.map_err(|err| io::reject(&err))?;
    let value: Value = serde_json::from_str(&text).expect("the core answers json");
    Ok(io::print_json(&value, compact))
}
