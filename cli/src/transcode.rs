//! `msgrkit transcode`: vendor or neutral JSON to Send API messages, with the report.

use std::path::PathBuf;

use msgrkit::compose::{self, ComposeOptions};
use msgrkit::dialect::{self, Dialect};
use serde_json::{Map, Value, json};

use crate::{Outcome, io};

pub(crate) struct TranscodeArgs {
    pub(crate) from: Option<String>,
    /// Compose options given on the command line, by their JSON names.
    pub(crate) options: Vec<(&'static str, Option<String>)>,
    pub(crate) to: Option<String>,
    pub(crate) file: Option<PathBuf>,
}

pub(crate) fn transcode(args: TranscodeArgs, compact: bool) -> Outcome {
    let dialect = match args.from.as_deref() {
        Some(name) => Dialect::from_name(name)
            .ok_or_else(|| io::usage(&format!("unknown --from `{name}`")))?,
        None => Dialect::default(),
    };
    // Only the flags given are passed on: every default lives in the core.
    let given: Map<String, Value> = args
        .options
        .into_iter()
        .filter_map(|(key, value)| value.map(|v| (key.to_owned(), Value::String(v))))
        .collect();
    let options: ComposeOptions = serde_json::from_value(Value::Object(given)).map_err(|err| {
        io::reject(&msgrkit::Error::new(msgrkit::ErrorKind::InvalidInput {
            detail: err.to_string(),
        }))
    })?;
    let body = io::read_input(args.file.as_deref())?;
    let value: Value = serde_json::from_slice(&body).map_err(|err| {
        io::reject(&msgrkit::Error::new(msgrkit::ErrorKind::InvalidJson {
            detail: err.to_string(),
        }))
    })?;
    let transcoded =
        dialect::transcode(dialect, &value, &options).map_err(|err| io::reject(&err))?;
    let mut out = json!({
        "messages": transcoded.messages,
        "options": transcoded.options,
        "warnings": transcoded.warnings,
    });
    if let Some(psid) = args.to {
        out["requests"] = json!(compose::requests(
            &transcoded.messages,
            &psid,
            &transcoded.options
        ));
    }
    Ok(io::print_json(&out, compact))
}
