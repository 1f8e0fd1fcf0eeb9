//! The send engine: when each queued Graph request may go, decided without a clock or a
//! socket. A host enqueues requests, reports each answer, and asks at a time `now` what to
//! do; the engine answers with actions (send this request, wake me at, this one is done,
//! this account paused or stopped). Every driver — the blocking client, Node's `fetch`,
//! Python's asyncio — runs the same rules:
//!
//! - **retries** of what is safe only, as [`crate::client`] documents (a POST whose outcome
//!   is unknown only with `retry_unknown_outcome`), with exponential backoff and jitter
//!   from a seed the host may fix;
//! - **one send in flight per thread** (`conversation_key`): the next is released when
//!   the previous was accepted or finally failed, so Meta accepts them in order;
//! - **each account's budgets** ([`crate::limits::SEND_BUDGETS`]) as token buckets, spent
//!   at half rate once the usage headers pass [`crate::limits::USAGE_SLOW_FROM_PERCENT`];
//! - **Meta's backpressure**: a rate-limit answer pauses that account (code 4: the whole
//!   app) until its `Retry-After` / regain estimate, or the backoff;
//! - **a breaker per account**: consecutive platform incidents (5xx, `is_transient`, no
//!   answer, the July 2026 "Unsupported request - method type" answers) open it for a
//!   cool-down, then one probe decides; a dead token (190) stops the account's queue, said
//!   once, until the host resumes it.
//!
//! The state is plain JSON ([`EngineState`]): a host may persist it, show it, or restore
//! it into a new engine.

mod answer;
mod bucket;
mod schedule;
mod types;

use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
pub use types::{
    AccountState, Breaker, EngineAction, EngineConfig, EngineInput, EngineState, PauseScope, Phase,
    QueuedSend,
};

/// The engine: its configuration and its state.
#[derive(Clone, Debug, Default)]
pub struct SendEngine {
    config: EngineConfig,
    state: EngineState,
}

impl SendEngine {
    /// An engine with nothing queued.
    pub fn new(config: EngineConfig) -> Self {
        let state = EngineState {
            // The jitter's state is 32 bits, never 0.
            rng: (config.seed & 0xFFFF_FFFF) | 1,
            ..EngineState::default()
        };
        Self { config, state }
    }

    /// An engine that goes on from a state it (or another engine) left.
    pub fn with_state(config: EngineConfig, state: EngineState) -> Self {
        Self { config, state }
    }

    /// Its state, as a host persists or shows it.
    pub fn state(&self) -> &EngineState {
        &self.state
    }

    /// Applies `inputs` at `now` (epoch milliseconds) and answers what to do. On an error
    /// nothing is applied.
    ///
    /// # Errors
    ///
    /// `conflict` at `inputs[i].id` for an id already queued; `invalid_input` there for an
    /// answer to a send that is not in flight, or a cancel of one that is.
    pub fn step(&mut self, now: i64, inputs: Vec<EngineInput>) -> Result<Vec<EngineAction>> {
        let mut next = self.state.clone();
        let mut actions = Vec::new();
        for (index, input) in inputs.into_iter().enumerate() {
            apply(&self.config, &mut next, now, input, &mut actions)
                .map_err(|e| under(&e, &format!("inputs[{index}]")))?;
        }
        schedule::release(&self.config, &mut next, now, &mut actions);
        self.state = next;
        Ok(actions)
    }
}

fn apply(
    config: &EngineConfig,
    state: &mut EngineState,
    now: i64,
    input: EngineInput,
    actions: &mut Vec<EngineAction>,
) -> Result<()> {
    match input {
        EngineInput::Enqueue {
            id,
            account,
            thread,
            kind,
            request,
            deadline,
        } => {
            if state.sends.iter().any(|send| send.id == id) {
                return Err(at(ErrorKind::Conflict {
                    detail: format!("`{id}` is already queued"),
                }));
            }
            state.seq += 1;
            state.sends.push(QueuedSend {
                id,
                seq: state.seq,
                account,
                thread,
                kind,
                request,
                attempts: 0,
                deadline,
                phase: Phase::Queued,
            });
        }
        EngineInput::Answer {
            id,
            status,
            headers,
            body,
        } => {
            let index = in_flight(state, &id)?;
            answer::answered(config, state, now, index, status, headers, body, actions);
        }
        EngineInput::NoAnswer { id, failure } => {
            let index = in_flight(state, &id)?;
            answer::not_answered(config, state, now, index, failure, actions);
        }
        EngineInput::Cancel { id } => {
            let Some(index) = state.sends.iter().position(|send| send.id == id) else {
                return Err(not_here(&id, "is not queued"));
            };
            if state.sends[index].phase == Phase::InFlight {
                return Err(not_here(&id, "is in flight: its answer will be reported"));
            }
            let send = state.sends.remove(index);
            actions.push(EngineAction::done(send.id, send.attempts, Done::Cancelled));
        }
        EngineInput::Resume { account } => {
            if let Some(held) = state.accounts.get_mut(&account) {
                held.stopped = false;
                held.stopped_by = None;
            }
        }
    }
    Ok(())
}

/// How a send ended.
pub(crate) enum Done {
    Ok(Value, crate::graph::Usage),
    Failed(Box<crate::graph::GraphError>),
    Cancelled,
}

fn in_flight(state: &EngineState, id: &str) -> Result<usize> {
    state
        .sends
        .iter()
        .position(|send| send.id == id && send.phase == Phase::InFlight)
        .ok_or_else(|| not_here(id, "is not in flight"))
}

fn not_here(id: &str, why: &str) -> Error {
    at(ErrorKind::InvalidInput {
        detail: format!("`{id}` {why}"),
    })
}

/// `error` with its field under `prefix` (`inputs[2].id`): how a call that runs the engine
/// over a list names the place.
pub fn under(error: &Error, prefix: &str) -> Error {
    let field = match error.field() {
        Some(field) if !field.is_empty() => format!("{prefix}.{field}"),
        _ => prefix.to_owned(),
    };
    Error::at(error.kind().clone(), field)
}

fn at(kind: ErrorKind) -> Error {
    Error::at(kind, "id")
}
