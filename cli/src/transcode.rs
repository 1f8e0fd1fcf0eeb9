//! `msgrkit transcode`: vendor or neutral JSON to Send API messages, with the report.

use std::path::PathBuf;

use msgrkit::compose::{self, ComposeOptions};
use msgrkit::dialect::{self, Dialect};
use serde_json::{Map, Value, json};

use crate::{Outcome, io};

/// Compose options from the flags given; only those are passed on, so every default
/// lives in the core.
fn compose_options(
    flags: Vec<(&'static str, Option<String>)>,
) -> Result<ComposeOptions, std::process::ExitCode> {
    let given: Map<String, Value> = flags
        .into_iter()
        .filter_map(|(key, value)| value.map(|v| (key.to_owned(), Value::String(v))))
        .collect();
    serde_json::from_value(Value::Object(given)).map_err(|err| {
        io::reject(&msgrkit::Error::new(msgrkit::ErrorKind::InvalidInput {
            detail: err.to_string(),
        }))
    })
}

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
    let options = compose_options(args.options)?;
    let body = io::read_input(args.file.as_deref())?;
    let value = msgrkit::api::read_json(&body).map_err(|err| io::reject(&err))?;
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

/// `msgrkit menu`: a vendor or neutral menu flattened into a Messenger Profile body.
pub(crate) fn menu(
    from: Option<String>,
    options: Vec<(&'static str, Option<String>)>,
    file: Option<PathBuf>,
    compact: bool,
) -> Outcome {
    let dialect = match from.as_deref() {
        Some(name) => Dialect::from_name(name)
            .ok_or_else(|| io::usage(&format!("unknown --from `{name}`")))?,
        None => Dialect::default(),
    };
    let options = compose_options(options)?;
    let body = io::read_input(file.as_deref())?;
    let value = msgrkit::api::read_json(&body).map_err(|err| io::reject(&err))?;
    let (menu, mut warnings) =
        dialect::read_menu(dialect, &value).map_err(|err| io::reject(&err))?;
    let composed = compose::menu(&menu, &options).map_err(|err| io::reject(&err))?;
    warnings.extend(composed.warnings);
    Ok(io::print_json(
        &json!({"profile": composed.profile, "warnings": warnings}),
        compact,
    ))
}
