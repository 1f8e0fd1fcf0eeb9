//! The ready [`Transport`]: ureq with rustls, one agent so connections are reused.

use std::time::Duration;

use ureq::{Agent, RequestBuilder};

use super::Transport;
use crate::graph::{GraphRequest, Method, RawResponse, TransportFailure};

/// A blocking HTTP transport over ureq.
#[derive(Clone, Debug)]
pub struct UreqTransport {
    agent: Agent,
}

impl Default for UreqTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl UreqTransport {
    /// A transport with its own connection pool.
    pub fn new() -> Self {
        // Graph answers 4xx/5xx with a JSON body we need, so statuses are not errors.
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .user_agent(concat!("msgrkit/", env!("CARGO_PKG_VERSION")))
            .build();
        Self {
            agent: config.into(),
        }
    }
}

impl Transport for UreqTransport {
    fn execute(
        &self,
        request: &GraphRequest,
        timeout: Duration,
    ) -> Result<RawResponse, (TransportFailure, String)> {
        let url = request.url.as_str();
        let body = request.body.as_deref();
        let result = match (request.method, body) {
            (Method::Get, _) => prepare(self.agent.get(url), request, timeout).call(),
            (Method::Delete, None) => prepare(self.agent.delete(url), request, timeout).call(),
            (Method::Delete, Some(bytes)) => prepare(self.agent.delete(url), request, timeout)
                .force_send_body()
                .send(bytes),
            (Method::Post, bytes) => {
                prepare(self.agent.post(url), request, timeout).send(bytes.unwrap_or_default())
            }
        };
        let mut response =
            result.map_err(|e| unresolved_is_connect(failure(e), || resolves(url)))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response.body_mut().read_to_vec().map_err(failure)?;
        Ok(RawResponse::new(status, headers, body))
    }
}

fn prepare<B>(
    mut builder: RequestBuilder<B>,
    request: &GraphRequest,
    timeout: Duration,
) -> RequestBuilder<B> {
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder.config().timeout_global(Some(timeout)).build()
}

/// The resolver's own error comes back as plain I/O: when the name does not resolve now,
/// it did not then either, and nothing was sent (a connect failure, safe to retry).
fn unresolved_is_connect(
    failed: (TransportFailure, String),
    resolves: impl FnOnce() -> bool,
) -> (TransportFailure, String) {
    match failed {
        (TransportFailure::Interrupted, text) if !resolves() => (TransportFailure::Connect, text),
        other => other,
    }
}

/// Whether the host of `url` resolves to an address (asked only after a failure).
fn resolves(url: &str) -> bool {
    use std::net::ToSocketAddrs;
    let Ok(uri) = url.parse::<ureq::http::Uri>() else {
        return true;
    };
    let Some(host) = uri.host() else {
        return true;
    };
    let port = uri.port_u16().unwrap_or(match uri.scheme_str() {
        Some("http") => 80,
        _ => 443,
    });
    (host.trim_start_matches('[').trim_end_matches(']'), port)
        .to_socket_addrs()
        .is_ok_and(|mut addrs| addrs.next().is_some())
}

/// Whether the request surely never left decides whether a retry is safe.
fn failure(error: ureq::Error) -> (TransportFailure, String) {
    use ureq::Timeout;
    let kind = match &error {
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => TransportFailure::Connect,
        ureq::Error::Timeout(Timeout::Resolve | Timeout::Connect) => TransportFailure::Connect,
        ureq::Error::Timeout(_) => TransportFailure::Timeout,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            TransportFailure::Connect
        }
        _ => TransportFailure::Interrupted,
    };
    (kind, error.to_string())
}

#[cfg(test)]
mod tests {
    use super::{TransportFailure, failure, unresolved_is_connect};

    #[test]
    fn a_name_that_does_not_resolve_is_a_connect_failure() {
        let lookup = || {
            ureq::Error::Io(std::io::Error::other(
                "failed to lookup address information",
            ))
        };
        let (kind, _) = unresolved_is_connect(failure(lookup()), || false);
        assert_eq!(kind, TransportFailure::Connect);
        // Resolving fine, the same I/O error stays an unknown outcome: never resent blindly.
        let (kind, _) = unresolved_is_connect(failure(lookup()), || true);
        assert_eq!(kind, TransportFailure::Interrupted);
        assert!(super::resolves("http://127.0.0.1:9/v27.0/me"));
    }
}
