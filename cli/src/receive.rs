//! The receive-side subcommands: `sign`, `verify` and `parse`, with one or several app
//! secrets and, for `parse`, the request's header lines.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use msgrkit::signature::{self, VerifyOptions};
use msgrkit::webhook;

use crate::{Outcome, io};

/// Name of the environment variable that can hold the app secret (or a comma-separated
/// list of them).
pub(crate) const SECRET_ENV: &str = "MSGRKIT_APP_SECRET";

pub(crate) fn sign(secret: &str, sha1: bool, file: Option<PathBuf>) -> Outcome {
    let body = io::read_input(file.as_deref())?;
    let value = if sha1 {
        // The sha1 form is only for testing legacy receivers; the empty-secret rule is the core's.
        msgrkit::api::sign(secret.as_bytes(), &body)
            .map(|_| signature::sign_sha1(secret.as_bytes(), &body))
    } else {
        msgrkit::api::sign(secret.as_bytes(), &body)
    }
    .map_err(|err| io::reject(&err))?;
    println!("{value}");
    Ok(ExitCode::SUCCESS)
}

/// `secrets` as given (each one may be a comma-separated list, from the variable).
pub(crate) fn verify(
    secrets: &[String],
    header: &str,
    allow_sha1: bool,
    file: Option<PathBuf>,
    compact: bool,
) -> Outcome {
    let secrets: Vec<String> = secrets.iter().flat_map(|s| split_secrets(s)).collect();
    let body = io::read_input(file.as_deref())?;
    let verified = signature::verify_any(
        &secrets,
        &body,
        header,
        VerifyOptions::with_sha1(allow_sha1),
    )
    .map_err(|err| io::reject(&err))?;
    Ok(io::print_json(&verified, compact))
}

/// What `parse` was told about verification.
pub(crate) struct ParseArgs {
    pub(crate) secrets: Vec<String>,
    pub(crate) header: Option<String>,
    pub(crate) headers: Option<PathBuf>,
    pub(crate) allow_sha1: bool,
    pub(crate) max_body_bytes: Option<usize>,
    pub(crate) file: Option<PathBuf>,
}

pub(crate) fn parse(args: ParseArgs, compact: bool) -> Outcome {
    let body = io::read_input(args.file.as_deref())?;
    let mut limits = webhook::ParseOptions::default();
    if let Some(max) = args.max_body_bytes {
        limits = limits.max_body_bytes(max);
    }
    let secrets = if args.secrets.is_empty() {
        from_env()
    } else {
        args.secrets
    };
    if let Some(path) = &args.headers {
        if args.header.is_some() {
            return Err(io::usage("give either --header or --headers, not both"));
        }
        if secrets.is_empty() {
            return Err(io::usage("--headers needs --secret or MSGRKIT_APP_SECRET"));
        }
        let headers = header_lines(path)?;
        let pairs = headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        let received = webhook::receive(
            &secrets,
            &body,
            pairs,
            VerifyOptions::with_sha1(args.allow_sha1),
            &limits,
        )
        .map_err(|err| io::reject(&err))?;
        return Ok(io::print_json(&received, compact));
    }
    if !secrets.is_empty() || args.header.is_some() {
        if secrets.is_empty() {
            return Err(io::usage("--header needs --secret or MSGRKIT_APP_SECRET"));
        }
        // A secret without a header means the delivery is unsigned: fail closed.
        let header = args.header.unwrap_or_default();
        signature::verify_any(
            &secrets,
            &body,
            &header,
            VerifyOptions::with_sha1(args.allow_sha1),
        )
        .map_err(|err| io::reject(&err))?;
    }
    let notification = webhook::parse_with(&body, &limits).map_err(|err| io::reject(&err))?;
    Ok(io::print_json(&notification, compact))
}

/// The secrets of `MSGRKIT_APP_SECRET` (a comma-separated list), none when it is unset.
fn from_env() -> Vec<String> {
    std::env::var(SECRET_ENV)
        .map(|list| split_secrets(&list))
        .unwrap_or_default()
}

/// A comma-separated list of secrets; `\,` is a comma inside a secret and `\\` a
/// backslash (Meta's app secrets are hex, but a test or vendor secret may hold either).
fn split_secrets(list: &str) -> Vec<String> {
    let mut secrets = vec![String::new()];
    let mut chars = list.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ (',' | '\\')) => secrets.last_mut().map(|s| s.push(next)),
                Some(other) => secrets.last_mut().map(|s| s.extend(['\\', other])),
                None => secrets.last_mut().map(|s| s.push('\\')),
            },
            ',' => {
                secrets.push(String::new());
                None
            }
            c => secrets.last_mut().map(|s| s.push(c)),
        };
    }
    secrets
}

/// A request's header lines as an HTTP server hands them over: `Name: value` per line; a
/// request line (`POST /webhook HTTP/1.1`) and blank lines are skipped.
fn header_lines(path: &Path) -> Result<Vec<(String, String)>, ExitCode> {
    let bytes = io::read_input(Some(path))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut headers = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || is_request_line(line) {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(io::usage(&format!(
                "{}: line {} is not `Name: value`",
                path.display(),
                number + 1
            )));
        };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    Ok(headers)
}

fn is_request_line(line: &str) -> bool {
    line.rsplit_once(' ')
        .is_some_and(|(_, version)| version.starts_with("HTTP/"))
        && !line
            .split_once(' ')
            .is_some_and(|(name, _)| name.ends_with(':'))
}

/// `msgrkit handshake`: the answer to a verification handshake; exit 1 when refused.
pub(crate) fn handshake(query: &str, verify_token: &str, compact: bool) -> ExitCode {
    let answer = webhook::handshake_query(query, verify_token);
    let code = io::print_json(&answer, compact);
    if answer.is_accepted() {
        code
    } else {
        ExitCode::from(io::REJECTED)
    }
}

#[cfg(test)]
mod tests {
    use super::split_secrets;

    #[test]
    fn a_comma_can_be_part_of_a_secret() {
        assert_eq!(split_secrets("a,b"), ["a", "b"]);
        assert_eq!(split_secrets(r"a\,b,c"), ["a,b", "c"]);
        assert_eq!(split_secrets(r"a\\,b"), [r"a\", "b"]);
        assert_eq!(split_secrets(r"a\b"), [r"a\b"]);
        assert_eq!(split_secrets(""), [""]);
    }
}
