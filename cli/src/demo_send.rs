//! The demo's last step: a rich reply transcoded, validated and sent to msgrkit's Graph
//! stand-in on 127.0.0.1, through a rate limit and a dead token.

use std::time::Duration;

use msgrkit::client::{Client, RetryPolicy, UreqTransport};
use msgrkit::compose::{self, ComposeOptions};
use msgrkit::dialect::{self, Dialect};
use msgrkit::graph::Graph;
use msgrkit::limits::{self, Platform};
use msgrkit::policy::{self, Author, PolicyInput};
use msgrkit::send::SenderAction;
use serde_json::json;

use msgrkit_standin::{Reply, StandIn};

const DEMO_PAGE_TOKEN: &str = "EAAGdemo-page-token-not-real";

/// A Smooch (Sunshine Conversations) carousel, as a helpdesk would hand it over.
fn smooch_reply() -> serde_json::Value {
    json!({"type": "carousel", "items": [
        {"title": "Winter parka, insulated, water-repellent, with detachable hood and six pockets (navy blue)",
         "description": "Order #1042: shipped today", "mediaUrl": "https://cdn.example.com/parka.jpg",
         "actions": [{"type": "link", "text": "Track parcel", "uri": "https://shop.example.com/track/1042"},
                     {"type": "postback", "text": "Talk to an agent", "payload": "AGENT"}]},
        {"title": "Wool scarf", "description": "Order #1042: shipped today", "mediaUrl": "https://cdn.example.com/scarf.jpg",
         "actions": [{"type": "share", "text": "Share"}]}
    ]})
}

/// Step 8; false when something that should work did not.
pub(crate) fn send_step(psid: &str, last_activity: i64, app_secret: &str) -> bool {
    println!(
        "\n8. Send a rich reply to msgrkit's Graph stand-in on 127.0.0.1 (nothing leaves this machine)"
    );
    let Ok(server) = StandIn::start(vec![
        Reply::Default,
        Reply::graph_error(
            400,
            613,
            None,
            "Calls to this api have exceeded the rate limit.",
        ),
    ]) else {
        println!("   cannot listen on 127.0.0.1");
        return false;
    };
    let graph = Graph::new(DEMO_PAGE_TOKEN)
        .base_url(server.url())
        .app_secret(app_secret);
    let policy =
        RetryPolicy::default().backoff(Duration::from_millis(50), Duration::from_millis(200));
    let client = Client::new(UreqTransport::new()).with_policy(policy);

    let decision = match policy::decide(&PolicyInput::new(
        last_activity,
        last_activity + 120_000,
        Author::Bot,
    )) {
        Ok(decision) => decision,
        Err(refusal) => {
            println!("   policy refused: {}", refusal.code.as_str());
            return false;
        }
    };
    println!(
        "   policy, 2 minutes after the message -> {}",
        decision.messaging_type.as_str()
    );
    let transcoded =
        match dialect::transcode(Dialect::Smooch, &smooch_reply(), &ComposeOptions::default()) {
            Ok(transcoded) => transcoded,
            Err(err) => {
                println!("   transcoding failed: {err}");
                return false;
            }
        };
    println!(
        "   Smooch carousel -> {} Send API message(s); degradations reported:",
        transcoded.messages.len()
    );
    for warning in &transcoded.warnings {
        println!(
            "     {} at {}: {}",
            warning.code.as_str(),
            warning.field,
            warning.detail
        );
    }
    let mut options = transcoded.options;
    options.messaging_type = Some(decision.messaging_type);
    let requests = compose::requests(&transcoded.messages, psid, &options);
    let violations: usize = requests
        .iter()
        .map(|r| limits::validate(r, &Platform::latest()).len())
        .sum();
    println!("   validated against today's limits -> {violations} violations");

    let typing = client.execute(&graph.sender_action(psid, SenderAction::TypingOn));
    println!(
        "   typing_on                        -> {}",
        if typing.is_ok() { "ok" } else { "failed" }
    );
    for request in &requests {
        match client.send(&graph.send(request)) {
            Ok((sent, attempts)) => {
                let why = if attempts > 1 {
                    " (the stand-in answered 613, rate limited, first)"
                } else {
                    ""
                };
                println!(
                    "   carousel                         -> {} after {attempts} attempt(s){why}",
                    sent.message_id.unwrap_or_default()
                );
            }
            Err(err) => {
                println!("   send failed: {err}");
                return false;
            }
        }
    }
    let recorded = server.requests();
    let proof = graph.appsecret_proof().unwrap_or_default();
    let clean = recorded.iter().all(|r| !r.target.contains(DEMO_PAGE_TOKEN));
    let proven = recorded
        .iter()
        .all(|r| r.target.contains(&format!("appsecret_proof={proof}")));
    println!(
        "   the stand-in saw {} requests: token in a URL: {}; appsecret_proof on each: {}",
        recorded.len(),
        !clean,
        proven
    );
    for request in &recorded {
        let path = request.target.split('?').next().unwrap_or_default();
        let bearer =
            request.header("authorization") == Some(format!("Bearer {DEMO_PAGE_TOKEN}").as_str());
        println!(
            "     {} {path}  Authorization: Bearer [redacted] ({})",
            request.method,
            if bearer { "correct" } else { "WRONG" }
        );
    }

    println!("\n9. The Page's token dies (the admin changed their password): 190/460");
    let Ok(dead) = StandIn::start(vec![Reply::graph_error(
        400,
        190,
        Some(460),
        "Error validating access token: The session has been invalidated because the user changed their password.",
    )]) else {
        return false;
    };
    let graph = Graph::new(DEMO_PAGE_TOKEN)
        .base_url(dead.url())
        .app_secret(app_secret);
    if let Some(request) = requests.first()
        && let Err(err) = client.send(&graph.send(request))
    {
        let attempts = err.graph().map_or(0, |g| g.attempts);
        let hint = err.graph().map(|g| g.class.hint()).unwrap_or_default();
        println!(
            "   {} after {attempts} request (never retried): {hint}",
            err.code()
        );
    }
    true
}
