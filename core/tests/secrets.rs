//! Secrets never print: the `Debug` and `Display` of every type that holds an app secret,
//! a verify token or a Page token, and every error and answer built from one.

use msgrkit::api::Connection;
use msgrkit::graph::Graph;
use msgrkit::signature::{self, Verifier};
use msgrkit::webhook;
use msgrkit::{Error, Secret};

const APP_SECRET: &str = "app-secret-7f3a9c";
const TOKEN: &str = "EAAGpagetoken4d2b";
const VERIFY_TOKEN: &str = "verify-token-91e0";

/// Every way a value can be printed or logged.
fn printed(value: &(impl std::fmt::Debug + ?Sized)) -> String {
    format!("{value:?} {value:#?}")
}

fn assert_clean(what: &str, text: &str) {
    for secret in [APP_SECRET, TOKEN, VERIFY_TOKEN] {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
    }
}

#[test]
fn holders_of_secrets_never_print_them() {
    let secret = Secret::from(APP_SECRET);
    assert_clean("Secret", &format!("{} {}", printed(&secret), secret));
    assert_clean("Verifier", &printed(&Verifier::new(APP_SECRET).unwrap()));
    let graph = Graph::new(TOKEN).app_secret(APP_SECRET);
    assert_clean("Graph", &printed(&graph));
    let connection = Connection::from_json(&format!(
        r#"{{"token": "{TOKEN}", "app_secret": "{APP_SECRET}"}}"#
    ))
    .unwrap();
    assert_clean("Connection", &printed(&connection));
    for request in [
        graph.me(),
        graph.debug_token(TOKEN),
        graph.user_profile("65", None),
    ] {
        assert_clean("GraphRequest", &printed(&request));
    }
    for request in graph.diagnose_requests(Some("777")) {
        assert_clean("a diagnose request", &printed(&request));
    }
}

#[test]
fn errors_never_carry_secrets() {
    let body = br#"{"object":"page","entry":[]}"#;
    let mut errors: Vec<Error> = Vec::new();
    for header in [
        "",
        "sha256=00",
        "md5=abc",
        "sha1=0000000000000000000000000000000000000000",
    ] {
        errors.push(signature::verify(APP_SECRET.as_bytes(), body, header).unwrap_err());
    }
    let good = signature::sign(APP_SECRET.as_bytes(), body);
    errors.push(signature::verify(APP_SECRET.as_bytes(), b"tampered", &good).unwrap_err());
    errors.push(
        Connection::from_json(&format!(r#"{{"token": "{TOKEN}", "max_attempts": "x"}}"#))
            .unwrap_err(),
    );
    for error in &errors {
        let json = serde_json::to_string(error).unwrap();
        assert_clean(
            error.code(),
            &format!("{} {} {json}", printed(error), error),
        );
    }
}

#[test]
fn a_refused_handshake_never_echoes_the_token() {
    for query in [
        format!("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge={VERIFY_TOKEN}"),
        "hub.mode=subscribe&hub.challenge=1".to_owned(),
    ] {
        let answer = webhook::handshake_query(&query, VERIFY_TOKEN);
        assert_eq!(answer.status, 403);
        assert_clean(
            "HandshakeAnswer",
            &format!(
                "{} {}",
                printed(&answer),
                serde_json::to_string(&answer).unwrap()
            ),
        );
    }
}
