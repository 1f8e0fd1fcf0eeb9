//! The replayer: posts a recording's deliveries to a host in order, each body re-signed
//! with a test secret, and reports every answer that differs from the recorded one. The
//! plan (order, signatures, waits) and the comparison are the core's
//! (`msgrkit::record::replay`); this holds the socket and the clock.

use std::time::Duration;

use msgrkit::record::replay::{self, Difference, ReplayOptions};
use serde::Serialize;

/// What a replay found.
#[derive(Clone, Debug, Serialize)]
pub struct ReplayReport {
    /// Deliveries posted.
    pub replayed: usize,
    /// Every answer that differs from the recorded one, in order.
    pub differences: Vec<Difference>,
}

/// Replays `recording` to `to` (each recorded path appended to it), signed with
/// `test_secret`, waiting at most `timeout` for each answer.
///
/// # Errors
///
/// As `msgrkit::record::replay::plan` (a recording or an option it cannot use).
pub fn replay(
    recording: &str,
    to: &str,
    test_secret: &str,
    options: &ReplayOptions,
    timeout: Duration,
) -> msgrkit::Result<ReplayReport> {
    let steps = replay::plan(recording, test_secret.as_bytes(), options)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into();
    let mut differences = vec![];
    for step in &steps {
        std::thread::sleep(Duration::from_millis(step.wait_ms));
        let url = format!("{}{}", to.trim_end_matches('/'), step.path);
        let mut request = agent.post(url.as_str());
        for (name, value) in &step.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let answer = request
            .send(step.body.as_str())
            .map_err(|e| e.to_string())
            .and_then(|mut response| {
                let status = response.status().as_u16();
                let body = crate::serving::read_body(&mut response).map_err(|e| e.to_string())?;
                Ok((status, body))
            });
        let answer = answer
            .as_ref()
            .map(|(s, b)| (*s, b.as_slice()))
            .map_err(Clone::clone);
        differences.extend(replay::compare(step, answer));
    }
    Ok(ReplayReport {
        replayed: steps.len(),
        differences,
    })
}
