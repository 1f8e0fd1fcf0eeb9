//! Which sends go now: in the order enqueued, one per thread, within each account's
//! pause, breaker, stop and budgets; and when to ask again.

use super::types::{EngineAction, EngineConfig, EngineState, Phase};
use super::{Done, bucket};

/// Releases every send that may go at `now` (pushing its `send` action), then a `wake`
/// at the earliest time a waiting send could go.
pub(super) fn release(
    config: &EngineConfig,
    state: &mut EngineState,
    now: i64,
    actions: &mut Vec<EngineAction>,
) {
    let mut wake: Option<i64> = None;
    // Sends of a stopped account that fail with its error (under `fail_when_stopped`).
    let mut failing = Vec::new();
    let mut soon = |at: i64| wake = Some(wake.map_or(at, |w: i64| w.min(at)));
    if state.app_paused_until.is_some_and(|until| until <= now) {
        state.app_paused_until = None;
    }
    for index in 0..state.sends.len() {
        let send = &state.sends[index];
        let stopped = state.accounts.get(&send.account).is_some_and(|a| a.stopped);
        if stopped && config.fail_when_stopped && send.phase != Phase::InFlight {
            // Every waiting send of the account fails, whatever its turn.
            failing.push(index);
            continue;
        }
        match send.phase {
            Phase::InFlight => continue,
            Phase::Retrying { not_before } if not_before > now => {
                soon(not_before);
                continue;
            }
            Phase::Retrying { .. } => {}
            // A thread's sends go one at a time, in the order enqueued.
            Phase::Queued if earlier_in_thread(state, index) => continue,
            Phase::Queued => {}
        }
        if let Some(until) = state.app_paused_until {
            soon(until);
            continue;
        }
        let (id, kind, account_id) = (send.id.clone(), send.kind, send.account.clone());
        let account = state.accounts.entry(account_id).or_default();
        if account.stopped {
            continue;
        }
        match account.paused_until {
            Some(until) if until > now => {
                soon(until);
                continue;
            }
            Some(_) => account.paused_until = None,
            None => {}
        }
        let half_open = match account.breaker.open_until {
            Some(until) if until > now => {
                soon(until);
                continue;
            }
            // One probe at a time while the breaker is half open.
            Some(_) if account.breaker.probing => continue,
            Some(_) => true,
            None => false,
        };
        if let Err(wait) = bucket::take(account, kind, now) {
            soon(now.saturating_add(wait));
            continue;
        }
        if half_open {
            account.breaker.probing = true;
        }
        let send = &mut state.sends[index];
        send.phase = Phase::InFlight;
        send.attempts += 1;
        actions.push(EngineAction::Send {
            id,
            attempt: send.attempts,
            request: send.request.clone(),
        });
    }
    // In the order enqueued; each finished send moves the later ones down by one.
    for (finished, index) in failing.into_iter().enumerate() {
        let index = index - finished;
        let send = &state.sends[index];
        let stopped_by = state.accounts[&send.account].stopped_by.clone();
        if let Some(error) = stopped_by {
            let mut error = *error;
            error.attempts = send.attempts;
            super::answer::finish(state, index, Done::Failed(Box::new(error)), actions);
        }
    }
    if let Some(at) = wake {
        actions.push(EngineAction::Wake { at });
    }
}

/// Whether an earlier send of the same thread is not done yet.
fn earlier_in_thread(state: &EngineState, index: usize) -> bool {
    let send = &state.sends[index];
    let Some(thread) = &send.thread else {
        return false;
    };
    state.sends[..index]
        .iter()
        .any(|other| other.account == send.account && other.thread.as_ref() == Some(thread))
}
