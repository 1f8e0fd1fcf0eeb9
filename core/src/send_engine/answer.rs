//! What an answer (or its absence) does: the send is done, retried later, or holds its
//! account back; the usage headers, the breaker and the dead-token stop are updated.

use serde_json::Value;

use super::Done;
use super::types::{AccountState, EngineAction, EngineConfig, EngineState, PauseScope, Phase};
use crate::graph::{
    GraphError, GraphErrorClass, RawResponse, TransportFailure, parse_response, transport_error,
};

/// An HTTP answer to the send at `index`.
#[allow(clippy::too_many_arguments)] // the answer's parts, as the input carries them
pub(super) fn answered(
    config: &EngineConfig,
    state: &mut EngineState,
    now: i64,
    index: usize,
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    actions: &mut Vec<EngineAction>,
) {
    let raw = RawResponse::new(status, headers, body.into_bytes());
    let usage = raw.usage();
    let account_id = state.sends[index].account.clone();
    let account = state.accounts.entry(account_id.clone()).or_default();
    if let Some(highest) = usage.highest() {
        // Percent, as Meta writes it; a fraction past 100 is still "past 100".
        account.usage_percent = Some(highest.clamp(0.0, 1000.0).ceil() as u32);
        if highest >= 100.0
            && let Some(seconds) = usage.regain_after_seconds()
        {
            pause(
                state,
                &account_id,
                PauseScope::Account,
                now,
                seconds_ms(seconds),
                actions,
            );
        }
    }
    match parse_response(&raw) {
        Ok(body) => {
            platform_answered(state, &account_id, actions);
            finish(state, index, Done::Ok(body, usage), actions);
        }
        Err(error) => {
            let graph = error.graph().cloned().unwrap_or_else(|| {
                crate::graph::unreadable_answer(status, &Value::Null, &error.to_string())
            });
            failed(config, state, now, index, graph, actions);
        }
    }
}

/// A send at `index` that got no answer.
pub(super) fn not_answered(
    config: &EngineConfig,
    state: &mut EngineState,
    now: i64,
    index: usize,
    failure: TransportFailure,
    actions: &mut Vec<EngineAction>,
) {
    let error = transport_error(failure, "no answer");
    failed(config, state, now, index, error, actions);
}

fn failed(
    config: &EngineConfig,
    state: &mut EngineState,
    now: i64,
    index: usize,
    mut error: GraphError,
    actions: &mut Vec<EngineAction>,
) {
    let account_id = state.sends[index].account.clone();
    error.attempts = state.sends[index].attempts;
    if incident(&error) {
        platform_incident(config, state, &account_id, now, actions);
    } else {
        platform_answered(state, &account_id, actions);
    }
    match error.class {
        GraphErrorClass::Auth => {
            let account = state.accounts.entry(account_id.clone()).or_default();
            if !account.stopped {
                account.stopped = true;
                account.stopped_by = Some(Box::new(error.clone()));
                actions.push(EngineAction::Stopped {
                    account: account_id,
                    error: Box::new(error.clone()),
                });
            }
            finish(state, index, Done::Failed(Box::new(error)), actions);
        }
        GraphErrorClass::RateLimited => {
            let wait = backoff(config, state, index).max(meta_wait(&error));
            // Code 4 is the app's limit: every account waits.
            let scope = if error.code == Some(4) {
                PauseScope::App
            } else {
                PauseScope::Account
            };
            pause(state, &account_id, scope, now, wait, actions);
            retry_or_finish(
                config,
                state,
                index,
                now.saturating_add(wait),
                error,
                actions,
            );
        }
        // The backoff is drawn only for a send that will be retried.
        _ if safe_to_retry(config, &state.sends[index].request, &error)
            && state.sends[index].attempts < config.max_attempts.max(1) =>
        {
            let wait = backoff(config, state, index).max(meta_wait(&error));
            retry_or_finish(
                config,
                state,
                index,
                now.saturating_add(wait),
                error,
                actions,
            );
        }
        _ => finish(state, index, Done::Failed(Box::new(error)), actions),
    }
}

/// A platform incident: Meta could not do it (5xx, `is_transient`, no answer, or the
/// July 2026 answers the classification reads as transient), not "it was wrong".
fn incident(error: &GraphError) -> bool {
    error.transport.is_some() || error.class == GraphErrorClass::Transient
}

/// [`GraphError::safe_to_retry`] for the enqueued request (a request without a method
/// counts as a POST: the careful reading).
fn safe_to_retry(config: &EngineConfig, request: &Value, error: &GraphError) -> bool {
    let post = request["method"]
        .as_str()
        .is_none_or(|method| method.eq_ignore_ascii_case("POST"));
    error.safe_to_retry(post, config.retry_unknown_outcome)
}

fn retry_or_finish(
    config: &EngineConfig,
    state: &mut EngineState,
    index: usize,
    not_before: i64,
    error: GraphError,
    actions: &mut Vec<EngineAction>,
) {
    let send = &state.sends[index];
    let past_deadline = send.deadline.is_some_and(|deadline| not_before > deadline);
    if send.attempts >= config.max_attempts.max(1) || past_deadline {
        finish(state, index, Done::Failed(Box::new(error)), actions);
    } else {
        state.sends[index].phase = Phase::Retrying { not_before };
    }
}

pub(super) fn finish(
    state: &mut EngineState,
    index: usize,
    done: Done,
    actions: &mut Vec<EngineAction>,
) {
    let send = state.sends.remove(index);
    actions.push(EngineAction::done(send.id, send.attempts, done));
}

fn pause(
    state: &mut EngineState,
    account_id: &str,
    scope: PauseScope,
    now: i64,
    wait_ms: i64,
    actions: &mut Vec<EngineAction>,
) {
    let until = now.saturating_add(wait_ms);
    let held = match scope {
        PauseScope::App => &mut state.app_paused_until,
        PauseScope::Account => {
            &mut state
                .accounts
                .entry(account_id.to_owned())
                .or_default()
                .paused_until
        }
    };
    if held.is_some_and(|already| already >= until) {
        return;
    }
    *held = Some(until);
    actions.push(EngineAction::Paused {
        scope,
        account: (scope == PauseScope::Account).then(|| account_id.to_owned()),
        until,
    });
}

/// The platform answered as it should (accepted, or refused for a reason of the request):
/// the incidents in a row end, and an open breaker closes.
fn platform_answered(state: &mut EngineState, account_id: &str, actions: &mut Vec<EngineAction>) {
    let account = state.accounts.entry(account_id.to_owned()).or_default();
    account.breaker.incidents = 0;
    if account.breaker.open_until.take().is_some() {
        account.breaker.probing = false;
        actions.push(EngineAction::Breaker {
            account: account_id.to_owned(),
            open: false,
            until: None,
        });
    }
}

fn platform_incident(
    config: &EngineConfig,
    state: &mut EngineState,
    account_id: &str,
    now: i64,
    actions: &mut Vec<EngineAction>,
) {
    let account: &mut AccountState = state.accounts.entry(account_id.to_owned()).or_default();
    account.breaker.incidents += 1;
    let failed_probe = account.breaker.probing;
    if failed_probe || account.breaker.incidents >= config.breaker_threshold.max(1) {
        let until = now.saturating_add(ms(config.breaker_cool_down_ms));
        account.breaker.open_until = Some(until);
        account.breaker.probing = false;
        actions.push(EngineAction::Breaker {
            account: account_id.to_owned(),
            open: true,
            until: Some(until),
        });
    }
}

/// Meta's own wait: `Retry-After`, or the usage header's time to regain access.
fn meta_wait(error: &GraphError) -> i64 {
    error.retry_after.map_or(0, seconds_ms)
}

/// The backoff before attempt `attempts + 1`: half the doubled base, plus jitter of up
/// to the other half (as the blocking client's).
fn backoff(config: &EngineConfig, state: &mut EngineState, index: usize) -> i64 {
    let attempt = state.sends[index].attempts.max(1);
    let doubled = config
        .base_delay_ms
        .saturating_mul(1 << (attempt - 1).min(16))
        .min(config.max_delay_ms.max(config.base_delay_ms));
    let half = doubled / 2;
    ms(half + jitter(&mut state.rng, doubled - half))
}

/// A xorshift32 draw in `0..=max`: jitter needs spread, not secrecy, and a state every
/// host's JSON holds exactly (below 2^32, so JavaScript's numbers too).
fn jitter(rng: &mut u64, max: u64) -> u64 {
    let mut x = u32::try_from(*rng & 0xFFFF_FFFF).unwrap_or(1).max(1);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *rng = u64::from(x);
    if max == 0 {
        0
    } else {
        u64::from(x) % (max + 1)
    }
}

fn seconds_ms(seconds: u64) -> i64 {
    ms(seconds.saturating_mul(1000))
}

fn ms(millis: u64) -> i64 {
    i64::try_from(millis).unwrap_or(i64::MAX)
}
