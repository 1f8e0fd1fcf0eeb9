//! Reading input and writing results the same way for every subcommand.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

/// Exit code when the input was rejected (a bad signature, a malformed body).
pub(crate) const REJECTED: u8 = 1;
/// Exit code for usage errors (clap uses the same).
pub(crate) const USAGE: u8 = 2;

/// Reads FILE, or stdin when FILE is `-` or absent, as raw bytes (never re-encoded), at
/// most the core's largest webhook body (`limits::WEBHOOK_BODY_MAX_DEFAULT`): past it,
/// `body_too_large` without reading the rest.
pub(crate) fn read_input(file: Option<&Path>) -> Result<Vec<u8>, ExitCode> {
    let max = msgrkit::limits::WEBHOOK_BODY_MAX_DEFAULT;
    let mut bytes = Vec::new();
    let bound = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let result = match file {
        Some(path) if path != Path::new("-") => {
            std::fs::File::open(path).and_then(|f| f.take(bound).read_to_end(&mut bytes))
        }
        _ => std::io::stdin().take(bound).read_to_end(&mut bytes),
    };
    if bytes.len() > max {
        let kind = msgrkit::error::ErrorKind::BodyTooLarge {
            max,
            actual: bytes.len(),
        };
        return Err(reject(&msgrkit::Error::new(kind)));
    }
    match result.map(|_| ()) {
        Ok(()) => Ok(bytes),
        Err(err) => {
            let name = file.map_or("stdin".into(), |p| p.display().to_string());
            eprintln!("msgrkit: cannot read {name}: {err}");
            Err(ExitCode::from(USAGE))
        }
    }
}

/// Prints `value` as JSON on stdout (pretty unless `compact`).
pub(crate) fn print_json(value: &impl Serialize, compact: bool) -> ExitCode {
    let text = if compact {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    match text {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not a failure worth reporting.
            let _ = writeln!(out, "{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("msgrkit: cannot serialise output: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Prints JSON text an entry point answered, as [`print_json`] prints a value.
pub(crate) fn print_text_json(text: &str, compact: bool) -> ExitCode {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => print_json(&value, compact),
        Err(err) => {
            eprintln!("msgrkit: the core answered text that is not JSON: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Reports a rejected input: the error's code, field and message as JSON on stderr, exit 1.
pub(crate) fn reject(err: &msgrkit::Error) -> ExitCode {
    let text =
        serde_json::to_string(err).unwrap_or_else(|_| format!("{{\"code\":\"{}\"}}", err.code()));
    eprintln!("{text}");
    ExitCode::from(REJECTED)
}

/// Reports a usage error in words on stderr, exit 2.
pub(crate) fn usage(message: &str) -> ExitCode {
    eprintln!("msgrkit: {message}");
    ExitCode::from(USAGE)
}
