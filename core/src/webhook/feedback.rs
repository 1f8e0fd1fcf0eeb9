//! The payload of `messaging_feedback`: answers to a customer feedback survey.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::message::Extra;

/// `feedback` (`messaging_feedback`): answers to a customer feedback template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Feedback {
    /// One entry per screen of the survey.
    #[serde(default)]
    pub feedback_screens: Vec<FeedbackScreen>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One screen of a feedback survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FeedbackScreen {
    /// Question ID to answer.
    #[serde(default)]
    pub questions: BTreeMap<String, FeedbackAnswer>,
    /// Screen number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen_id: Option<u32>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One answer: a score (`csat`, `nps`, `ces`) and an optional free-form follow-up.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FeedbackAnswer {
    /// Follow-up answer (`{type: "free_form", payload}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Value>,
    /// The score or text given, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// `csat`, `nps`, `ces`, ...
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Fields not modelled here.
    #[serde(flatten)]
    pub extra: Extra,
}
