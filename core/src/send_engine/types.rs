//! The engine's configuration, inputs, actions and state: plain JSON in every language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Done;
use crate::graph::{GraphError, TransportFailure, Usage};
use crate::limits::SendKind;

/// How hard to try, and how the breaker judges incidents. Every key has a default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct EngineConfig {
    /// Requests per send at most, the first included (as the blocking client's).
    pub max_attempts: u32,
    /// The first backoff in milliseconds; it doubles per retry, with jitter.
    pub base_delay_ms: u64,
    /// The longest backoff in milliseconds.
    pub max_delay_ms: u64,
    /// Retry a POST whose outcome is unknown (it may deliver a message twice).
    pub retry_unknown_outcome: bool,
    /// Consecutive platform incidents of one account that open its breaker.
    pub breaker_threshold: u32,
    /// How long an open breaker holds the account's sends, in milliseconds.
    pub breaker_cool_down_ms: u64,
    /// The jitter's seed (its low 32 bits): fix it for sends a test can predict.
    pub seed: u64,
    /// When an account's token is dead, fail its waiting sends (and any sent to it later)
    /// with that error at once, instead of holding them until `resume`: for a client whose
    /// callers each await their send.
    pub fail_when_stopped: bool,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay_ms: 500,
            max_delay_ms: 30_000,
            retry_unknown_outcome: false,
            breaker_threshold: 5,
            breaker_cool_down_ms: 60_000,
            seed: 1,
            fail_when_stopped: false,
        }
    }
}

/// What a host tells the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum EngineInput {
    /// A request to send: `id` is the host's (unique among those not done).
    Enqueue {
        /// The host's name for this send.
        id: String,
        /// The Page or Instagram account whose budgets it spends.
        account: String,
        /// The thread (`conversation_key`) whose order it keeps; none for requests
        /// that keep no order.
        #[serde(default)]
        thread: Option<String>,
        /// Which budget it spends.
        kind: SendKind,
        /// The Graph request (`{"method", "url", "headers", "body"}`), handed back as is.
        request: Value,
        /// No retry starts after this time (epoch milliseconds): the send fails with
        /// the error it last had instead. None: retries are bounded by attempts only.
        #[serde(default)]
        deadline: Option<i64>,
    },
    /// The HTTP answer to a send in flight.
    Answer {
        /// The send.
        id: String,
        /// The HTTP status.
        status: u16,
        /// The answer's headers, `[[name, value], ...]`.
        #[serde(default)]
        headers: Vec<(String, String)>,
        /// The answer's body as text.
        #[serde(default)]
        body: String,
    },
    /// A send in flight that got no answer.
    NoAnswer {
        /// The send.
        id: String,
        /// Why: `connect` (it never left), `timeout` or `interrupted` (outcome unknown).
        failure: TransportFailure,
    },
    /// A send the host gives up while it is queued or waiting to be retried.
    Cancel {
        /// The send.
        id: String,
    },
    /// The account's queue goes on after a dead token was replaced.
    Resume {
        /// The account.
        account: String,
    },
}

/// What the engine tells a host to do, or to know.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EngineAction {
    /// Send this request now, then report its answer.
    Send {
        /// The send.
        id: String,
        /// This request's number, 1 for the first.
        attempt: u32,
        /// The request as it was enqueued.
        request: Value,
    },
    /// A send ended: exactly one of `ok`, `error` and `cancelled`.
    Done {
        /// The send.
        id: String,
        /// Requests made.
        attempts: u32,
        /// The accepted answer's body.
        #[serde(skip_serializing_if = "Option::is_none")]
        ok: Option<Value>,
        /// The accepted answer's usage headers, read.
        #[serde(skip_serializing_if = "Option::is_none")]
        usage: Option<Usage>,
        /// The classified error it finally failed with.
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<Box<GraphError>>,
        /// The host cancelled it.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        cancelled: bool,
    },
    /// Meta asked to slow down: nothing of `scope` is sent before `until`.
    Paused {
        /// The account, or the whole app (code 4).
        scope: PauseScope,
        /// The account, for an account's pause.
        #[serde(skip_serializing_if = "Option::is_none")]
        account: Option<String>,
        /// Epoch milliseconds.
        until: i64,
    },
    /// An account's breaker opened (`until` the probe) or closed.
    Breaker {
        /// The account.
        account: String,
        /// Open, or closed again after a good probe.
        open: bool,
        /// When the probe may go, for an open breaker.
        #[serde(skip_serializing_if = "Option::is_none")]
        until: Option<i64>,
    },
    /// The account's token is dead: its queue is held until the host resumes it. Said once.
    Stopped {
        /// The account.
        account: String,
        /// The answer that said so.
        error: Box<GraphError>,
    },
    /// Nothing can go before `at` (epoch milliseconds): ask again then, or on any input.
    Wake {
        /// When.
        at: i64,
    },
}

impl EngineAction {
    pub(crate) fn done(id: String, attempts: u32, done: Done) -> Self {
        let (ok, usage, error, cancelled) = match done {
            Done::Ok(body, usage) => (Some(body), Some(usage), None, false),
            Done::Failed(error) => (None, None, Some(error), false),
            Done::Cancelled => (None, None, None, true),
        };
        Self::Done {
            id,
            attempts,
            ok,
            usage,
            error,
            cancelled,
        }
    }
}

/// Whose sends a pause holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PauseScope {
    /// One Page or Instagram account.
    Account,
    /// Every account of the app (Graph code 4).
    App,
}

/// Everything the engine knows: plain JSON, to persist or to show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct EngineState {
    /// The last enqueue's sequence number.
    pub seq: u64,
    /// The jitter generator's state.
    pub rng: u64,
    /// The whole app is paused until then (code 4), epoch milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_paused_until: Option<i64>,
    /// Every send not done, in the order enqueued.
    pub sends: Vec<QueuedSend>,
    /// Each account's budgets, pause, breaker and stop.
    pub accounts: BTreeMap<String, AccountState>,
}

/// A send not done yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct QueuedSend {
    /// The host's id.
    pub id: String,
    /// Its place in the order enqueued.
    pub seq: u64,
    /// The account.
    pub account: String,
    /// The thread whose order it keeps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<String>,
    /// Its budget.
    pub kind: SendKind,
    /// The request.
    pub request: Value,
    /// Requests made so far.
    pub attempts: u32,
    /// No retry starts after this time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<i64>,
    /// Where it is.
    pub phase: Phase,
}

/// Where a send is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum Phase {
    /// Waiting for its turn and its budget.
    Queued,
    /// Sent; its answer is awaited.
    InFlight,
    /// Waiting to be retried, not before `not_before` (epoch milliseconds).
    Retrying {
        /// When.
        not_before: i64,
    },
}

/// One account's budgets, pause, breaker and stop.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct AccountState {
    /// Each budget's bucket: what is left, in units of 1/(1000 × the budget's period in
    /// seconds) of a call (so a millisecond adds exactly the budget's calls), and when it
    /// was last filled.
    pub buckets: BTreeMap<SendKind, (u64, i64)>,
    /// Paused until then, epoch milliseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paused_until: Option<i64>,
    /// The highest usage percent of the last answer's headers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_percent: Option<u32>,
    /// Its breaker.
    pub breaker: Breaker,
    /// Its token is dead: nothing is sent until the host resumes it.
    pub stopped: bool,
    /// The answer that stopped it, which waiting sends fail with under `fail_when_stopped`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_by: Option<Box<GraphError>>,
}

/// An account's breaker.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Breaker {
    /// Platform incidents in a row.
    pub incidents: u32,
    /// Open until then (epoch milliseconds): then one probe goes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_until: Option<i64>,
    /// The probe is in flight.
    pub probing: bool,
}
