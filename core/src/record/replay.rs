//! A recording made into the requests of a replay, and a replayed answer held against
//! the recorded one. The driver posts each step's body with its headers after `wait_ms`
//! and hands the answer back to [`compare`].

use serde::Serialize;

use super::{Recorded, RecordedAnswer, SIGNATURE_MARKER};
use crate::error::{Error, ErrorKind, Result};
use crate::signature;

/// Lines of a recording read at most.
pub const RECORDING_MAX_LINES: usize = 100_000;
/// Bytes of one line read at most (a delivery's body is at most
/// `limits::WEBHOOK_BODY_MAX_DEFAULT`, and the rest of a line is small).
pub const RECORDING_LINE_MAX_BYTES: usize = 2 * crate::limits::WEBHOOK_BODY_MAX_DEFAULT;
/// The longest wait between two steps, in milliseconds, whatever the recording's gaps.
pub const REPLAY_WAIT_MAX_MS: u64 = 60_000;

/// How to replay.
#[derive(Clone, Debug, Default)]
pub struct ReplayOptions {
    /// Replay at `speed` times the recorded pace (2.0: twice as fast); `None` posts each
    /// delivery as soon as the previous one is answered.
    pub speed: Option<f64>,
    /// Only the deliveries holding an event of this kind (`message`, `postback`, ...).
    pub only: Option<String>,
}

/// One request of a replay.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReplayStep {
    /// The recorded delivery's `seq`.
    pub seq: u64,
    /// How long to wait before posting it, in milliseconds.
    pub wait_ms: u64,
    /// The path and query to post to, under the replay's base URL.
    pub path: String,
    /// The headers to send, the signatures made with the test secret.
    pub headers: Vec<(String, String)>,
    /// The exact recorded body.
    pub body: String,
    /// What the host answered when it was recorded; `None` when it did not answer.
    pub recorded: Option<RecordedAnswer>,
}

/// A replayed answer that is not the recorded one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Difference {
    /// The delivery's `seq`.
    pub seq: u64,
    /// What differs: `status`, `body`, or `answered` (one side had no answer).
    pub field: String,
    /// The recorded value.
    pub recorded: String,
    /// The replayed value.
    pub replayed: String,
}

/// The steps replaying `recording` (JSON Lines of [`Recorded`]), signed with `test_secret`.
///
/// # Errors
///
/// `app_secret_empty`; `limit_exceeded` over [`RECORDING_MAX_LINES`] or a line over
/// [`RECORDING_LINE_MAX_BYTES`] (field `line N`); `invalid_json` for a line that is not a
/// recorded delivery (field `line N` and the path inside it); `invalid_input` for a
/// `speed` that is not a positive number, or an `only` no delivery holds.
pub fn plan(
    recording: &str,
    test_secret: &[u8],
    options: &ReplayOptions,
) -> Result<Vec<ReplayStep>> {
    if test_secret.is_empty() {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    if let Some(speed) = options.speed
        && !(speed.is_finite() && speed > 0.0)
    {
        let detail = format!("speed must be a positive number, not {speed}");
        return Err(Error::at(ErrorKind::InvalidInput { detail }, "speed"));
    }
    let recorded = read(recording)?;
    let mut kinds: Vec<&str> = recorded
        .iter()
        .flat_map(|r| r.events.iter().map(String::as_str))
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let chosen: Vec<&Recorded> = recorded
        .iter()
        .filter(|r| {
            options
                .only
                .as_ref()
                .is_none_or(|only| r.events.contains(only))
        })
        .collect();
    if let Some(only) = &options.only
        && chosen.is_empty()
    {
        let detail = format!(
            "no delivery in the recording holds a `{only}` event (it holds: {})",
            kinds.join(", ")
        );
        return Err(Error::at(ErrorKind::InvalidInput { detail }, "only"));
    }
    let mut previous = None;
    Ok(chosen
        .into_iter()
        .map(|r| {
            let gap = previous.map_or(0, |at: i64| r.at_ms.saturating_sub(at).max(0));
            previous = Some(r.at_ms);
            let wait_ms = options.speed.map_or(0, |speed| {
                ((gap as f64 / speed) as u64).min(REPLAY_WAIT_MAX_MS)
            });
            ReplayStep {
                seq: r.seq,
                wait_ms,
                path: r.path.clone(),
                headers: signed_headers(r, test_secret),
                body: r.body.clone(),
                recorded: r.answer.clone(),
            }
        })
        .collect())
}

/// How the replayed `answer` (status and body, or why there was none) differs from the
/// recorded one. Bodies that are both JSON are compared as JSON (key order and spacing
/// aside); others byte for byte, up to the recorded length when it was cut.
pub fn compare(
    step: &ReplayStep,
    answer: std::result::Result<(u16, &[u8]), String>,
) -> Vec<Difference> {
    let differ = |field: &str, recorded: String, replayed: String| Difference {
        seq: step.seq,
        field: field.to_owned(),
        recorded,
        replayed,
    };
    match (&step.recorded, answer) {
        (None, Err(_)) => vec![],
        (None, Ok((status, _))) => vec![differ("answered", "no answer".into(), status.to_string())],
        (Some(recorded), Err(error)) => {
            vec![differ("answered", recorded.status.to_string(), error)]
        }
        (Some(recorded), Ok((status, body))) => {
            let replayed = RecordedAnswer::new(status, body);
            let mut found = vec![];
            if recorded.status != status {
                found.push(differ(
                    "status",
                    recorded.status.to_string(),
                    status.to_string(),
                ));
            }
            if !same_body(recorded, &replayed) {
                found.push(differ("body", recorded.body.clone(), replayed.body));
            }
            found
        }
    }
}

fn same_body(recorded: &RecordedAnswer, replayed: &RecordedAnswer) -> bool {
    if recorded.truncated {
        return replayed.body.starts_with(&recorded.body);
    }
    let json = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
    match (json(&recorded.body), json(&replayed.body)) {
        (Some(a), Some(b)) => a == b,
        _ => recorded.body == replayed.body,
    }
}

fn read(recording: &str) -> Result<Vec<Recorded>> {
    let lines: Vec<(usize, &str)> = recording
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    if lines.len() > RECORDING_MAX_LINES {
        let kind = ErrorKind::LimitExceeded {
            max: RECORDING_MAX_LINES,
            actual: lines.len(),
        };
        return Err(Error::at(kind, "lines"));
    }
    lines
        .into_iter()
        .map(|(index, line)| {
            let at = format!("line {}", index + 1);
            if line.len() > RECORDING_LINE_MAX_BYTES {
                let kind = ErrorKind::LimitExceeded {
                    max: RECORDING_LINE_MAX_BYTES,
                    actual: line.len(),
                };
                return Err(Error::at(kind, at));
            }
            let mut reader = serde_json::Deserializer::from_str(line);
            serde_path_to_error::deserialize(&mut reader).map_err(|e| {
                let field = match e.path().to_string().as_str() {
                    "." => at.clone(),
                    path => format!("{at}: {path}"),
                };
                let detail = e.into_inner().to_string();
                Error::at(ErrorKind::InvalidJson { detail }, field)
            })
        })
        .collect()
}

fn signed_headers(recorded: &Recorded, secret: &[u8]) -> Vec<(String, String)> {
    let body = recorded.body.as_bytes();
    recorded
        .headers
        .iter()
        .map(|(name, value)| {
            let value = if value != SIGNATURE_MARKER {
                value.clone()
            } else if name.eq_ignore_ascii_case(signature::HEADER_SHA1) {
                signature::sign_sha1(secret, body)
            } else {
                signature::sign(secret, body)
            };
            (name.clone(), value)
        })
        .collect()
}
