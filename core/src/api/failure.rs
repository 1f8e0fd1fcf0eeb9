//! A failure as every binding raises it: its message, its category and the attributes of
//! the host's exception (`code`, `field` and the details of its kind), named here once, so
//! no binding writes a key of its own. Python passes the attributes as keywords of its
//! exception class; Node sets them on the thrown `Error` in camelCase (its one casing
//! rule); C reads the code and field through `msgrkit_last_error*`.

use serde_json::{Map, Value, json};

use crate::error::{Category, Error, ErrorKind};
use crate::policy::Refusal;

/// What a host's exception carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The exception's message.
    pub message: String,
    /// The error's category; `None` for a policy refusal, which has a class of its own.
    pub category: Option<Category>,
    /// True when no answer arrived from Graph (a connect, timeout or interrupted send).
    pub transport: bool,
    /// The exception's attributes in snake_case: `code`, `field`, and per kind
    /// `violations`; the Graph error's `status`, `graph_code`, `subcode`, `fbtrace_id`,
    /// `retryable`, `retry_after`, `attempts`, `transport` and `graph`; or `refusal`.
    pub attributes: Map<String, Value>,
}

/// The failure a core error becomes.
pub fn failure(err: &Error) -> Failure {
    let mut attributes = Map::new();
    attributes.insert("code".to_owned(), err.code().into());
    attributes.insert("field".to_owned(), json!(err.field()));
    if let ErrorKind::ValidationFailed { violations } = err.kind() {
        attributes.insert("violations".to_owned(), json!(violations));
    }
    let graph = err.graph();
    if let Some(graph) = graph {
        let wire = json!(graph);
        let details = [
            ("status", json!(graph.status)),
            ("graph_code", json!(graph.code)),
            ("subcode", json!(graph.subcode)),
            ("fbtrace_id", json!(graph.fbtrace_id)),
            ("retryable", json!(graph.retryable())),
            ("retry_after", json!(graph.retry_after)),
            ("attempts", json!(graph.attempts)),
            (
                "transport",
                wire.get("transport").cloned().unwrap_or(Value::Null),
            ),
        ];
        for (key, value) in details {
            attributes.insert(key.to_owned(), value);
        }
        attributes.insert("graph".to_owned(), wire);
    }
    Failure {
        message: err.to_string(),
        category: Some(err.category()),
        transport: graph.is_some_and(|g| g.transport.is_some()),
        attributes,
    }
}

/// The failure a policy refusal becomes where a host raises it (Python, Node): `code` is
/// the refusal's own (`outside_window`, `tag_retired`, ...), `refusal` all of it.
pub fn refusal_failure(refusal: &Refusal) -> Failure {
    let whole = json!(refusal);
    let mut attributes = Map::new();
    attributes.insert("code".to_owned(), whole["code"].clone());
    attributes.insert("field".to_owned(), Value::Null);
    attributes.insert("refusal".to_owned(), whole);
    Failure {
        message: refusal.detail.clone(),
        category: None,
        transport: false,
        attributes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{self, Author, PolicyInput};

    #[test]
    fn validation_failures_carry_their_violations_and_refusals_their_own_code() {
        let err = Error::new(ErrorKind::ValidationFailed { violations: vec![] });
        let failed = failure(&err);
        assert_eq!(failed.category, Some(Category::Validation));
        assert_eq!(failed.attributes["code"], "validation_failed");
        assert_eq!(failed.attributes["violations"], json!([]));

        let day = 86_400_000;
        let input = PolicyInput::new(0, 2 * day, Author::Bot);
        let refusal = policy::decide(&input).unwrap_err();
        let refused = refusal_failure(&refusal);
        assert_eq!(refused.category, None);
        assert_eq!(refused.attributes["code"], "outside_window");
        assert_eq!(refused.attributes["refusal"]["code"], "outside_window");
        assert_eq!(refused.attributes["field"], Value::Null);
    }
}
