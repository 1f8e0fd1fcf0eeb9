//! Recording on the JSON-text surface: a delivery a host received and its answer in, one
//! line of a recording out (`msgrkit::record`).

use super::headers_of;
use crate::error::{Error, ErrorKind, Result, SerdeProblem};
use crate::record::{self, DeliveryFacts, Request};

/// The recording line of a delivery: its exact `body`, its `headers` (`[[name, value],
/// ...]`), checked with `app_secret` and then marked, and `delivery_json` (`{"seq",
/// "at_ms", "path", "elapsed_ms", "answer": {"status", "body"?}}` or `"error"` instead of
/// `answer`). The line holds no secret.
///
/// # Errors
///
/// `invalid_json` / `invalid_input` (field `delivery.<key>`), `required`
/// (`delivery.answer`), `invalid_utf8` (`body`), `app_secret_empty`.
pub fn record_delivery(
    body: &[u8],
    headers_json: &str,
    app_secret: &str,
    delivery_json: &str,
) -> Result<String> {
    let headers = headers_of(headers_json)?;
    let mut reader = serde_json::Deserializer::from_str(delivery_json);
    let facts: DeliveryFacts = serde_path_to_error::deserialize(&mut reader).map_err(|err| {
        let path = err.path().to_string();
        let mut problem = SerdeProblem::new(&path, err.inner());
        problem.field = match problem.field.as_str() {
            "" => "delivery".to_owned(),
            field => format!("delivery.{field}"),
        };
        problem.into_error()
    })?;
    let outcome = facts.outcome()?;
    if app_secret.is_empty() {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    let request = Request {
        seq: facts.seq,
        at_ms: facts.at_ms,
        path: &facts.path,
        headers: &headers,
        body,
    };
    let recorded = record::record(request, app_secret.as_bytes(), outcome, facts.elapsed_ms)?;
    Ok(record::to_line(&recorded))
}
