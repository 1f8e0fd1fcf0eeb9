//! The blocking client against a real HTTP server on 127.0.0.1.

use std::time::Duration;

use msgrkit::client::{Client, RetryPolicy, UreqTransport};
use msgrkit::graph::{Graph, TransportFailure};
use msgrkit::send::SendRequest;
use msgrkit_standin::{Reply, StandIn};

const TOKEN: &str = "EAAGtesttoken";

fn quick() -> RetryPolicy {
    RetryPolicy::default()
        .backoff(Duration::from_millis(5), Duration::from_millis(40))
        .timeout(Duration::from_secs(5))
}

fn client() -> Client<UreqTransport> {
    Client::new(UreqTransport::new()).with_policy(quick())
}

fn text(psid: &str) -> SendRequest {
    serde_json::from_value(serde_json::json!({
        "recipient": {"id": psid}, "messaging_type": "RESPONSE", "message": {"text": "hi"}
    }))
    .unwrap()
}

fn graph(server: &StandIn) -> Graph {
    Graph::new(TOKEN).base_url(server.url())
}

#[test]
fn a_send_returns_the_message_id_and_keeps_the_token_out_of_the_url() {
    let server = StandIn::start(vec![]).unwrap();
    let graph = graph(&server).app_secret("s3cret");
    let (sent, attempts) = client().send(&graph.send(&text("123"))).unwrap();
    assert_eq!(sent.recipient_id.as_deref(), Some("123"));
    assert_eq!(sent.message_id.as_deref(), Some("m_standin_1"));
    assert_eq!(attempts, 1);
    let requests = server.requests();
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert!(!request.target.contains(TOKEN));
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    let proof = graph.appsecret_proof().unwrap();
    assert_eq!(
        request.target,
        format!("/v27.0/me/messages?appsecret_proof={proof}")
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["message"]["text"], "hi");
}

#[test]
fn every_error_class_is_classified_and_only_safe_ones_are_retried() {
    let cases: &[(u16, i64, Option<i64>, &str)] = &[
        (400, 190, Some(460), "graph_auth"),
        (403, 200, None, "graph_permission"),
        (400, 10, Some(2018278), "graph_outside_window"),
        (400, 551, None, "graph_recipient_unavailable"),
        (400, 100, Some(2018001), "graph_recipient_unavailable"),
        (400, 100, None, "graph_invalid_parameter"),
        (400, 100, Some(2018109), "graph_attachment_fetch_failed"),
        (400, 368, None, "graph_policy_blocked"),
        (400, 10, Some(2018300), "graph_thread_controlled_elsewhere"),
        (400, 999, None, "graph_unknown"),
        (400, 613, None, "graph_rate_limited"),
        (500, 2, None, "graph_transient"),
    ];
    for &(status, code, subcode, expected) in cases {
        let script = vec![Reply::graph_error(status, code, subcode, "no"); 3];
        let server = StandIn::start(script).unwrap();
        let policy = quick().max_attempts(3);
        let error = Client::new(UreqTransport::new())
            .with_policy(policy)
            .send(&graph(&server).send(&text("1")))
            .unwrap_err();
        assert_eq!(error.code(), expected, "{code}/{subcode:?}");
        let graph_error = error.graph().unwrap();
        assert_eq!(graph_error.code, Some(code));
        assert_eq!(graph_error.fbtrace_id.as_deref(), Some("AStandIn"));
        let expected_attempts = if graph_error.retryable() { 3 } else { 1 };
        assert_eq!(graph_error.attempts, expected_attempts, "{expected}");
        assert_eq!(
            server.requests().len(),
            expected_attempts as usize,
            "{expected}"
        );
    }
}

#[test]
fn a_rate_limit_then_success_is_retried_once() {
    let server = StandIn::start(vec![Reply::graph_error(400, 613, None, "calls limit")]).unwrap();
    let (sent, attempts) = client().send(&graph(&server).send(&text("7"))).unwrap();
    assert_eq!(attempts, 2);
    assert_eq!(sent.message_id.as_deref(), Some("m_standin_2"));
}

#[test]
fn a_transient_error_then_success_is_retried() {
    let transient = r#"{"error":{"message":"try again","code":1200,"is_transient":true}}"#;
    let server = StandIn::start(vec![
        Reply::json(500, transient),
        Reply::json(503, "<html>busy</html>"),
    ])
    .unwrap();
    let (_, attempts) = client().send(&graph(&server).send(&text("7"))).unwrap();
    assert_eq!(attempts, 3);
}

#[test]
fn a_retry_after_beyond_the_budget_is_not_waited_for() {
    let headers = vec![("Retry-After".to_owned(), "3600".to_owned())];
    let body = r#"{"error":{"message":"slow down","code":4}}"#.to_owned();
    let server = StandIn::start(vec![Reply::Answer(400, headers, body)]).unwrap();
    let error = client().send(&graph(&server).send(&text("7"))).unwrap_err();
    let graph_error = error.graph().unwrap();
    assert_eq!(
        (error.code(), graph_error.retry_after, graph_error.attempts),
        ("graph_rate_limited", Some(3600), 1)
    );
}

#[test]
fn a_body_that_is_not_json_is_kept() {
    let server = StandIn::start(vec![Reply::json(502, "<html>bad gateway</html>")]).unwrap();
    let error = client()
        .with_policy(quick().max_attempts(1))
        .send(&graph(&server).send(&text("7")))
        .unwrap_err();
    let graph_error = error.graph().unwrap();
    assert_eq!(error.code(), "graph_transient");
    assert_eq!(
        graph_error.raw_body.as_deref(),
        Some("<html>bad gateway</html>")
    );
}

#[test]
fn a_2xx_that_is_not_a_send_answer_counts_its_attempts() {
    // The POST was delivered: the host must not take it for a send that never happened.
    let server = StandIn::start(vec![Reply::json(200, "not json")]).unwrap();
    let error = client().send(&graph(&server).send(&text("7"))).unwrap_err();
    let graph_error = error.graph().unwrap();
    assert_eq!(error.code(), "graph_unknown");
    assert_eq!((graph_error.status, graph_error.attempts), (200, 1));
    assert_eq!(graph_error.raw_body.as_deref(), Some("not json"));
    assert!(!graph_error.retryable());
}

#[test]
fn a_reflected_request_never_brings_the_token_back() {
    let token = "EAAGsecretPageToken123";
    for status in [200, 502] {
        let server = StandIn::start(vec![Reply::Reflect(status)]).unwrap();
        let graph = Graph::new(token).base_url(server.url());
        let error = client()
            .with_policy(quick().max_attempts(1))
            .send(&graph.send(&text("7")))
            .unwrap_err();
        let graph_error = error.graph().unwrap();
        let raw = graph_error.raw_body.as_deref().unwrap();
        assert!(raw.contains("authorization"), "{raw}");
        assert!(!raw.contains(token), "{raw}");
        assert!(!serde_json::to_string(graph_error).unwrap().contains(token));
        assert!(!format!("{error} {error:?}").contains(token));
    }
}

#[test]
fn a_slow_send_times_out_and_is_not_resent_unless_asked() {
    let slow = || Reply::Slow(Duration::from_millis(1500), Box::new(Reply::Default));
    let server = StandIn::start(vec![slow()]).unwrap();
    let policy = quick().timeout(Duration::from_millis(300));
    let error = client()
        .with_policy(policy.clone())
        .send(&graph(&server).send(&text("7")))
        .unwrap_err();
    let graph_error = error.graph().unwrap();
    assert_eq!(
        (error.code(), graph_error.transport, graph_error.attempts),
        ("graph_transient", Some(TransportFailure::Timeout), 1)
    );
    assert_eq!(server.requests().len(), 1);

    let server = StandIn::start(vec![slow()]).unwrap();
    let (sent, attempts) = client()
        .with_policy(policy.retry_unknown_outcome(true))
        .send(&graph(&server).send(&text("7")))
        .unwrap();
    assert_eq!(
        (attempts, sent.message_id.as_deref()),
        (2, Some("m_standin_2"))
    );
}

#[test]
fn a_connection_closed_mid_response_is_an_unknown_outcome() {
    let server = StandIn::start(vec![Reply::CloseMidResponse]).unwrap();
    let error = client().send(&graph(&server).send(&text("7"))).unwrap_err();
    let graph_error = error.graph().unwrap();
    assert_eq!(graph_error.transport, Some(TransportFailure::Interrupted));
    assert!(graph_error.transport.unwrap().outcome_unknown());
    assert_eq!(server.requests().len(), 1);

    // A GET is idempotent, so the same break is retried.
    let server = StandIn::start(vec![Reply::CloseMidResponse]).unwrap();
    let reply = client().execute(&graph(&server).me()).unwrap();
    assert_eq!(reply.attempts, 2);
}

#[test]
fn a_refused_connection_is_retried_up_to_the_limit() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let graph = Graph::new(TOKEN).base_url(format!("http://127.0.0.1:{port}"));
    let error = client()
        .with_policy(quick().max_attempts(3))
        .send(&graph.send(&text("7")))
        .unwrap_err();
    let graph_error = error.graph().unwrap();
    assert_eq!(
        (graph_error.transport, graph_error.attempts),
        (Some(TransportFailure::Connect), 3)
    );
}

#[test]
fn usage_headers_are_read_from_a_success() {
    let headers = vec![
        ("X-App-Usage".to_owned(), r#"{"call_count":12,"total_time":3,"total_cputime":4}"#.to_owned()),
        ("X-Business-Use-Case-Usage".to_owned(), r#"{"42":[{"type":"messenger","call_count":81,"total_cputime":2,"total_time":3,"estimated_time_to_regain_access":0}]}"#.to_owned()),
    ];
    let server = StandIn::start(vec![Reply::Answer(
        200,
        headers,
        r#"{"id":"42","name":"Page"}"#.to_owned(),
    )])
    .unwrap();
    let reply = client().execute(&graph(&server).me()).unwrap();
    assert_eq!(reply.usage.highest(), Some(81.0));
    assert_eq!(reply.body["name"], "Page");
}

#[test]
fn an_attempt_never_outlives_the_budget() {
    // The per-request timeout (5 s) would let this 1.5 s answer through; the budget does not.
    let server = StandIn::start(vec![Reply::Slow(
        Duration::from_millis(1500),
        Box::new(Reply::Default),
    )])
    .unwrap();
    let policy = quick().budget(Duration::from_millis(300));
    let error = client()
        .with_policy(policy)
        .execute(&graph(&server).me())
        .unwrap_err();
    assert_eq!(
        error.graph().unwrap().transport,
        Some(TransportFailure::Timeout)
    );
}
