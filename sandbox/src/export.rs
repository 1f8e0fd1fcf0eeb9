//! `GET /sandbox/api/export`: the session's webhook deliveries as a recording (JSON
//! Lines of `msgrkit::record::Recorded`, one line per POST, redeliveries included), for
//! `msgrkit replay`. A delivery whose body the log left out (over its bound) cannot be
//! replayed exactly: it is left out too, and counted in `X-Msgrkit-Left-Out`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderName, header};
use axum::response::IntoResponse;
use msgrkit::record::{self, RecordedAnswer, Request};
use serde_json::Value;

use crate::App;

/// The header counting the deliveries left out of the export.
pub(crate) const LEFT_OUT_HEADER: &str = "x-msgrkit-left-out";

pub(crate) async fn export(State(app): State<Arc<App>>) -> impl IntoResponse {
    let log: Vec<Value> = app.state().log.iter().cloned().collect();
    let path = path_of(&app.config.webhook);
    let secret = app.config.app_secret.as_bytes();
    let (mut lines, mut left_out, mut seq) = (String::new(), 0usize, 0u64);
    for entry in log.iter().filter(|e| e["kind"] == "webhook") {
        let Some(body) = entry["body"].as_str() else {
            left_out += 1;
            continue;
        };
        let headers = vec![
            ("content-type".to_owned(), "application/json".to_owned()),
            (
                msgrkit::signature::HEADER_SHA256.to_owned(),
                msgrkit::signature::sign(secret, body.as_bytes()),
            ),
            (
                msgrkit::signature::HEADER_SHA1.to_owned(),
                msgrkit::signature::sign_sha1(secret, body.as_bytes()),
            ),
            (
                msgrkit::webhook::HEADER_API_VERSION.to_owned(),
                app.config.graph_version.clone(),
            ),
        ];
        let answer = match (entry["status"].as_u64(), entry["answer_body"].as_str()) {
            (Some(status), body) => Ok(RecordedAnswer {
                status: u16::try_from(status).unwrap_or(u16::MAX),
                body: body.unwrap_or_default().to_owned(),
                truncated: entry["answer_truncated"] == true,
            }),
            (None, _) => Err(entry["error"].as_str().unwrap_or("no answer").to_owned()),
        };
        seq += 1;
        let request = Request {
            seq,
            at_ms: entry["at"].as_i64().unwrap_or_default(),
            path: &path,
            headers: &headers,
            body: body.as_bytes(),
        };
        let elapsed = entry["latency_ms"].as_u64().unwrap_or_default();
        if let Ok(recorded) = record::record(request, secret, answer, elapsed) {
            lines.push_str(&record::to_line(&recorded));
            lines.push('\n');
        }
    }
    (
        [
            (header::CONTENT_TYPE, "application/x-ndjson".to_owned()),
            (
                HeaderName::from_static(LEFT_OUT_HEADER),
                left_out.to_string(),
            ),
        ],
        lines,
    )
}

/// The path and query of the host's webhook URL (what a replay appends to its base).
fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/')
        .map_or_else(|| "/".to_owned(), |at| rest[at..].to_owned())
}
