//! `msgrkit validate` and `msgrkit policy`: the send side's local checks.

use std::path::PathBuf;
use std::process::ExitCode;

use msgrkit::api::{Refusable, ValidationReport};
use msgrkit::limits::{self, Date, Platform, Product};
use msgrkit::policy::{self, Author, Intent, Mode, PolicyInput};
use msgrkit::send::MessageTag;

use crate::Outcome;
use crate::io;

/// The profile for `--as-of` (default: the newest) and `--platform`.
pub(crate) fn platform(as_of: Option<&str>, product: Product) -> Result<Platform, ExitCode> {
    let platform = match as_of {
        Some(text) => Platform::as_of(
            text.parse::<Date>()
                .map_err(|err| io::reject(&err.into()))?,
        ),
        None => Platform::latest(),
    };
    Ok(platform.for_product(product))
}

pub(crate) fn validate(
    as_of: Option<&str>,
    product: Product,
    region: Option<&str>,
    file: Option<PathBuf>,
    compact: bool,
) -> Outcome {
    let mut platform = platform(as_of, product)?;
    if let Some(region) = region {
        let region = region
            .parse::<limits::Region>()
            .map_err(|err| io::reject(&msgrkit::Error::at(err.kind().clone(), "region")))?;
        platform = platform.in_region(region);
    }
    let body = io::read_input(file.as_deref())?;
    let value = msgrkit::api::read_json(&body).map_err(|err| io::reject(&err))?;
    let report = ValidationReport {
        violations: limits::validate_json(&value, &platform),
    };
    let code = io::print_json(&report, compact);
    Ok(if report.violations.is_empty() {
        code
    } else {
        ExitCode::from(io::REJECTED)
    })
}

pub(crate) struct PolicyArgs {
    pub(crate) last_user_activity: i64,
    pub(crate) now: Option<i64>,
    pub(crate) author: Author,
    pub(crate) intent: Intent,
    pub(crate) tag: Option<String>,
    pub(crate) mode: Mode,
    pub(crate) platform: Product,
}

pub(crate) fn policy(args: PolicyArgs, compact: bool) -> Outcome {
    // The CLI may read the clock; the core never does.
    let now = args.now.unwrap_or_else(now_millis);
    let intent = match args.tag {
        Some(tag) => Intent::Tag(MessageTag::from_name(&tag)),
        None => args.intent,
    };
    let mut input = PolicyInput::new(args.last_user_activity, now, args.author);
    input.intent = intent;
    input.mode = args.mode;
    input.platform = args.platform;
    let decided = policy::decide(&input);
    let refused = decided.is_err();
    let code = io::print_json(&Refusable::from(decided), compact);
    Ok(if refused {
        ExitCode::from(io::REJECTED)
    } else {
        code
    })
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
