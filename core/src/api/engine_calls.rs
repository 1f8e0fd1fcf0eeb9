//! The send engine as an entry made from the table: a configuration, the state a previous
//! call left (none for a new engine), and steps of inputs at a time each, answered with
//! each step's actions and the state to pass next time.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::limits::epoch_or_instant;
use crate::send_engine::{EngineAction, EngineConfig, EngineInput, EngineState, SendEngine, under};

/// The input of [`send_engine_step`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SendEngineInput {
    /// How hard to try; every key has a default.
    #[serde(default)]
    pub config: EngineConfig,
    /// The state the previous call answered; absent for a new engine.
    #[serde(default)]
    pub state: Option<EngineState>,
    /// What happened, in order, each at its time.
    pub steps: Vec<EngineStep>,
}

/// Inputs at one time.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EngineStep {
    /// Now: epoch milliseconds or an RFC 3339 instant.
    #[serde(deserialize_with = "epoch_or_instant")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::date::Instant"))]
    pub now: i64,
    /// What the host tells the engine at that time (none: only ask what to do).
    #[serde(default)]
    pub inputs: Vec<EngineInput>,
}

/// What [`send_engine_step`] answers.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SendEngineAnswer {
    /// Each step's actions, in order.
    pub actions: Vec<Vec<EngineAction>>,
    /// The state after the last step: pass it to the next call.
    pub state: EngineState,
}

/// Runs the send engine over `steps` from `state` (see [`crate::send_engine`]).
///
/// # Errors
///
/// The engine's, at `steps[j].inputs[i]`.
pub fn send_engine_step(input: SendEngineInput) -> Result<SendEngineAnswer> {
    let mut engine = match input.state {
        Some(state) => SendEngine::with_state(input.config, state),
        None => SendEngine::new(input.config),
    };
    let mut actions = Vec::with_capacity(input.steps.len());
    for (index, step) in input.steps.into_iter().enumerate() {
        let done = engine
            .step(step.now, step.inputs)
            .map_err(|e| under(&e, &format!("steps[{index}]")))?;
        actions.push(done);
    }
    Ok(SendEngineAnswer {
        actions,
        state: engine.state().clone(),
    })
}
