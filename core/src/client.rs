//! Executes [`graph`](crate::graph) requests with safe retries.
//!
//! [`Client`] works over any [`Transport`]; with the `blocking` feature,
//! [`UreqTransport`] is a ready one (connection reuse, timeouts, rustls).
//!
//! # What is retried
//!
//! Only what cannot do harm: the `graph_rate_limited` and `graph_transient` classes, and
//! connection failures before the request left. Never `graph_auth`, `graph_outside_window`,
//! `graph_recipient_unavailable`, `graph_invalid_parameter` or `graph_policy_blocked`.
//!
//! A POST whose outcome is unknown (a timeout, or the connection broke after the body was
//! written) is **not** retried unless [`RetryPolicy::retry_unknown_outcome`] is set: Meta may
//! already have delivered the message, and a retry would deliver it twice. GET and DELETE
//! are idempotent and are retried like a connection failure.

#[cfg(feature = "blocking")]
mod ureq_transport;

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::error::{ErrorKind, Result};
use crate::graph::{
    GraphError, GraphRequest, Method, RawResponse, SendResponse, TransportFailure, Usage,
    parse_response, transport_error,
};
#[cfg(feature = "blocking")]
pub use ureq_transport::UreqTransport;

/// Anything that can carry one HTTP request: implement this to use your own HTTP stack.
pub trait Transport {
    /// Sends `request`, waiting at most `timeout`, and returns the answer (any status).
    ///
    /// # Errors
    ///
    /// [`TransportFailure::Connect`] only when the request surely never left; otherwise
    /// `Timeout` or `Interrupted`.
    fn execute(
        &self,
        request: &GraphRequest,
        timeout: Duration,
    ) -> Result<RawResponse, (TransportFailure, String)>;
}

/// How hard to try.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Requests at most, the first included (1 disables retries).
    pub max_attempts: u32,
    /// Time allowed for all attempts and waits together: a wait that would pass it is not
    /// made, and each attempt's timeout is cut to what is left.
    pub budget: Duration,
    /// Time allowed for one request.
    pub timeout: Duration,
    /// The first backoff; it doubles per retry (with jitter) up to `max_delay`.
    pub base_delay: Duration,
    /// The longest backoff.
    pub max_delay: Duration,
    /// Retry POSTs whose outcome is unknown (may deliver a message twice).
    pub retry_unknown_outcome: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            budget: Duration::from_secs(60),
            timeout: Duration::from_secs(30),
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            retry_unknown_outcome: false,
        }
    }
}

impl RetryPolicy {
    /// At most `attempts` requests.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// All attempts within `budget`.
    pub fn budget(mut self, budget: Duration) -> Self {
        self.budget = budget;
        self
    }

    /// Each request within `timeout`.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Backoff from `base` up to `max`.
    pub fn backoff(mut self, base: Duration, max: Duration) -> Self {
        self.base_delay = base;
        self.max_delay = max.max(base);
        self
    }

    /// Opt in to retrying sends whose outcome is unknown. See the module docs.
    pub fn retry_unknown_outcome(mut self, yes: bool) -> Self {
        self.retry_unknown_outcome = yes;
        self
    }
}

/// A successful answer.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Reply {
    /// The body as JSON.
    pub body: Value,
    /// The usage headers of the answer.
    pub usage: Usage,
    /// Requests made, retries included.
    pub attempts: u32,
    /// The HTTP status of the answer.
    pub status: u16,
}

/// Runs requests over a transport with the retry policy.
pub struct Client<T> {
    transport: T,
    policy: RetryPolicy,
}

impl<T: Transport> Client<T> {
    /// A client over `transport` with the default policy.
    pub fn new(transport: T) -> Self {
        Self {
            transport,
            policy: RetryPolicy::default(),
        }
    }

    /// Another retry policy.
    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The policy in use.
    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    /// Executes `request`, retrying what is safe.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Graph`] with the last classified error and the number of attempts.
    pub fn execute(&self, request: &GraphRequest) -> Result<Reply> {
        let started = Instant::now();
        let mut jitter = Jitter::seeded();
        let mut attempt = 0;
        loop {
            attempt += 1;
            // No attempt may outlive the budget.
            let remaining = self.policy.budget.saturating_sub(started.elapsed());
            let timeout = self
                .policy
                .timeout
                .min(remaining)
                .max(Duration::from_millis(1));
            let error = match self.transport.execute(request, timeout) {
                Ok(raw) => match parse_response(&raw) {
                    Ok(body) => {
                        return Ok(Reply {
                            body,
                            usage: raw.usage(),
                            attempts: attempt,
                            status: raw.status,
                        });
                    }
                    Err(error) => match error.kind() {
                        ErrorKind::Graph(graph) => (**graph).clone(),
                        _ => return Err(error),
                    },
                },
                Err((failure, detail)) => transport_error(failure, detail),
            };
            let wait = self.wait_before_retry(request, &error, attempt, &mut jitter);
            match wait.filter(|wait| started.elapsed() + *wait <= self.policy.budget) {
                Some(wait) => std::thread::sleep(wait),
                None => return Err(with_attempts(scrubbed(error, request), attempt)),
            }
        }
    }

    /// Executes a send request and reads `recipient_id` / `message_id`.
    ///
    /// # Errors
    ///
    /// As [`execute`](Self::execute). A 2xx whose body is not a send answer was delivered
    /// all the same: it fails as a Graph error of class `unknown` (`graph_unknown`) that
    /// keeps the status, the (redacted) body and the attempts made, so a host never takes
    /// it for a send that did not happen.
    pub fn send(&self, request: &GraphRequest) -> Result<(SendResponse, u32)> {
        let reply = self.execute(request)?;
        let read = serde_json::from_value::<SendResponse>(reply.body.clone())
            .map_err(|e| e.to_string())
            .and_then(|sent| match (&sent.recipient_id, &sent.message_id) {
                (None, None) => Err("neither recipient_id nor message_id".to_owned()),
                _ => Ok(sent),
            });
        match read {
            Ok(sent) => Ok((sent, reply.attempts)),
            Err(e) => {
                let mut error = crate::graph::unreadable_answer(reply.status, &reply.body, &e);
                error.attempts = reply.attempts;
                Err(crate::graph::graph_error_of(scrubbed(error, request)))
            }
        }
    }

    /// Runs the `diagnose` checks for the Page of `graph` and returns the findings.
    /// Give `app_id` (with an app secret in `graph`) so `debug_token` runs as the app.
    pub fn diagnose(
        &self,
        graph: &crate::graph::Graph,
        app_id: Option<&str>,
    ) -> Vec<crate::graph::Finding> {
        let [token, apps, profile] = graph.diagnose_requests(app_id);
        let body = |request| self.execute(&request).map(|reply| reply.body);
        // A live check judges the version on today's date (never before the profile's).
        let today = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        let as_of = crate::limits::Date::from_millis(today).max(crate::limits::PROFILE_DATE);
        let answers = crate::graph::DiagnoseAnswers::new(body(token), body(apps), body(profile))
            .with_version(graph.version_status(as_of))
            .with_login(graph.login());
        crate::graph::findings(&answers)
    }

    /// The wait before the next attempt, or `None` when the error must not be retried.
    fn wait_before_retry(
        &self,
        request: &GraphRequest,
        error: &GraphError,
        attempt: u32,
        jitter: &mut Jitter,
    ) -> Option<Duration> {
        if attempt >= self.policy.max_attempts {
            return None;
        }
        let post = request.method == Method::Post;
        if !error.safe_to_retry(post, self.policy.retry_unknown_outcome) {
            return None;
        }
        let exponential = self
            .policy
            .base_delay
            .saturating_mul(1 << (attempt - 1).min(16))
            .min(self.policy.max_delay);
        let backoff = exponential / 2 + jitter.up_to(exponential / 2);
        Some(
            error
                .retry_after
                .map_or(backoff, |seconds| Duration::from_secs(seconds).max(backoff)),
        )
    }
}

/// `error` with every credential `request` carries taken out of its message and body.
fn scrubbed(mut error: GraphError, request: &GraphRequest) -> GraphError {
    let secrets = request.credentials();
    for text in [&mut error.message, &mut error.raw_body]
        .into_iter()
        .flatten()
    {
        *text = crate::graph::redact_literal(text, &secrets);
    }
    error
}

fn with_attempts(mut error: GraphError, attempts: u32) -> crate::Error {
    error.attempts = attempts;
    crate::graph::graph_error_of(error)
}

/// A small xorshift generator: jitter needs spread, not cryptographic randomness.
struct Jitter(u64);

impl Jitter {
    fn seeded() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        Self(u64::from(nanos) | 1)
    }

    fn up_to(&mut self, max: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let millis = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(if millis == 0 {
            0
        } else {
            self.0 % (millis + 1)
        })
    }
}
