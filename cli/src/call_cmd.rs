//! `msgrkit call NAME`: any entry made from the table (`schema/functions.json`, those with
//! an `input`), by its name, with its input object; the answer as JSON.

use std::path::PathBuf;

use crate::{Outcome, io};

#[derive(clap::Args)]
pub(crate) struct CallArgs {
    /// The entry's name, as `graph_version_status`.
    function: String,
    /// The input object as JSON text, instead of FILE.
    #[arg(long, conflicts_with = "file")]
    input: Option<String>,
    /// The input object (JSON); stdin when absent or `-`.
    file: Option<PathBuf>,
}

pub(crate) fn run(args: CallArgs, compact: bool) -> Outcome {
    let input = match args.input {
        Some(text) => text,
        None => {
            let bytes = io::read_input(args.file.as_deref())?;
            let value = msgrkit::api::read_json(&bytes).map_err(|err| io::reject(&err))?;
            value.to_string()
        }
    };
    let answer = msgrkit::api::call(&args.function, &input).map_err(|err| io::reject(&err))?;
    Ok(io::print_text_json(&answer, compact))
}
