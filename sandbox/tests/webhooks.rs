//! The webhooks the sandbox sends: each customer action is the body Meta sends (parsed
//! back by the core to the event that was clicked), signed over the exact bytes, with
//! `Facebook-API-Version`; redelivered after a failure, duplicated, batched or in
//! standby when asked; and the echo and delivery follow a host's send.

mod support;

use msgrkit::signature;
use msgrkit::webhook::{self, Event, EventKind};
use serde_json::{Value, json};
use support::{ADA, Host, SECRET, call, control, log, sandbox};

/// The events of a received POST, after checking its signature and version header.
fn events(received: &support::Received) -> Vec<Event> {
    signature::verify(SECRET.as_bytes(), &received.body, &received.signature)
        .expect("signed with the app secret over the exact body");
    // The legacy SHA-1 header too, as Meta sends it (bottender and express-x-hub check it).
    let sha1 = signature::VerifyOptions::allowing_sha1();
    signature::verify_with(SECRET.as_bytes(), &received.body, &received.sha1, sha1)
        .expect("the legacy X-Hub-Signature over the exact body");
    assert!(received.sha1.starts_with("sha1="));
    assert_eq!(received.version, "v27.0");
    let notification = webhook::parse(&received.body).unwrap();
    assert!(notification.errors.is_empty(), "{:?}", notification.errors);
    notification.events
}

fn only(received: &support::Received) -> Event {
    let mut events = events(received);
    assert_eq!(events.len(), 1);
    events.remove(0)
}

#[test]
fn every_customer_action_is_the_event_that_was_clicked() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    let profile = json!({"get_started": {"payload": "GET_STARTED"}});
    call(
        &sandbox,
        "POST",
        "/v27.0/me/messenger_profile",
        Some(&profile),
        Some("sandbox"),
    );
    let actions = [
        ("text", json!({"text": "hi"})),
        ("attachment", json!({"attachment": "image"})),
        ("attachment", json!({"attachment": "file"})),
        ("attachment", json!({"attachment": "location"})),
        ("attachment", json!({"attachment": "sticker"})),
        (
            "quick_reply",
            json!({"payload": "RATING_GREAT", "text": "Great!"}),
        ),
        (
            "postback",
            json!({"payload": "VIEW_ORDERS", "title": "View Orders"}),
        ),
        ("get_started", json!({"ref": "summer-sale"})),
        ("reaction", json!({"mid": "m_x", "emoji": "\u{1F44D}"})),
        ("referral", json!({"ref": "summer-sale"})),
        ("optin", json!({"ref": "checkbox"})),
        ("read", json!({})),
    ];
    for (action, body) in &actions {
        let answer = control(&sandbox, &format!("customers/{ADA}/{action}"), body.clone());
        assert_eq!(answer["delivery"]["delivered"], true, "{action}: {answer}");
    }
    let received = host.wait_for(actions.len());
    let kinds: Vec<Event> = received.iter().map(only).collect();
    let sender = |e: &Event| e.sender.as_ref().and_then(|p| p.id.clone());
    assert!(kinds.iter().all(|e| sender(e).as_deref() == Some(ADA)));
    let message = |i: usize| match &kinds[i].kind {
        EventKind::Message(m) => m.clone(),
        other => panic!("{i}: {other:?}"),
    };
    assert_eq!(message(0).text.as_deref(), Some("hi"));
    let kind_of = |i: usize| serde_json::to_value(&message(i).attachments[0].kind).unwrap();
    assert_eq!(
        [kind_of(1), kind_of(2), kind_of(3)],
        [json!("image"), json!("file"), json!("location")]
    );
    assert!(message(4).sticker_id.is_some());
    assert_eq!(
        message(5).quick_reply.unwrap().payload.as_deref(),
        Some("RATING_GREAT")
    );
    let value = |i: usize| serde_json::to_value(&kinds[i]).unwrap();
    assert_eq!(value(6)["postback"]["payload"], "VIEW_ORDERS");
    assert_eq!(value(7)["postback"]["payload"], "GET_STARTED");
    assert_eq!(value(7)["postback"]["referral"]["ref"], "summer-sale");
    assert_eq!(value(8)["type"], "reaction");
    assert_eq!(value(8)["reaction"]["mid"], "m_x");
    assert_eq!(value(9)["referral"]["ref"], "summer-sale");
    assert_eq!(value(10)["type"], "optin");
    assert_eq!(value(11)["type"], "read");
}

#[test]
fn a_host_that_fails_gets_the_same_signed_event_again_and_the_log_shows_both() {
    let host = Host::start(&[500]);
    let sandbox = sandbox(&host);
    let answer = control(
        &sandbox,
        &format!("customers/{ADA}/text"),
        json!({"text": "hi"}),
    );
    assert_eq!(answer["delivery"]["attempts"], 2, "{answer}");
    assert_eq!(answer["delivery"]["status"], 200);
    let received = host.wait_for(2);
    assert_eq!(received.len(), 2);
    assert_eq!(received[0].body, received[1].body);
    assert_eq!(only(&received[0]).dedupe_key, only(&received[1]).dedupe_key);
    let attempts: Vec<Value> = log(&sandbox)
        .into_iter()
        .filter(|e| e["kind"] == "webhook")
        .map(|e| json!([e["attempt"], e["status"]]))
        .collect();
    assert_eq!(attempts, [json!([1, 500]), json!([2, 200])]);
}

#[test]
fn a_host_that_never_answers_2xx_is_given_up_on_after_the_attempts() {
    let host = Host::start(&[503, 503, 503, 503]);
    let sandbox = sandbox(&host);
    let answer = control(
        &sandbox,
        &format!("customers/{ADA}/text"),
        json!({"text": "hi"}),
    );
    assert_eq!(
        answer["delivery"],
        json!({"attempts": 3, "delivered": false, "delivery": answer["delivery"]["delivery"], "status": 503})
    );
    // The customer's message in the thread says so (the page marks it "not delivered").
    let (_, thread) = call(
        &sandbox,
        "GET",
        &format!("/sandbox/api/customers/{ADA}/thread"),
        None,
        None,
    );
    assert_eq!(thread[0]["delivery"], answer["delivery"]);
    // The host's answer body is in the log, with the headers it was sent.
    let last = log(&sandbox).pop().unwrap();
    assert_eq!(last["answer_body"], "");
    assert_eq!(last["headers"]["X-Hub-Signature-256"], last["signature"]);
    assert!(
        last["headers"]["X-Hub-Signature"]
            .as_str()
            .unwrap()
            .starts_with("sha1=")
    );
}

#[test]
fn duplicates_batches_and_standby_as_asked() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    control(
        &sandbox,
        &format!("customers/{ADA}/text"),
        json!({"text": "once", "delivery": "duplicate"}),
    );
    control(
        &sandbox,
        &format!("customers/{ADA}/batch"),
        json!({"texts": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}),
    );
    control(
        &sandbox,
        &format!("customers/{ADA}/text"),
        json!({"text": "aside", "delivery": "standby"}),
    );
    let received = host.wait_for(4);
    assert_eq!(
        received[0].body, received[1].body,
        "a redelivery is the same body"
    );
    let batch = events(&received[2]);
    assert_eq!(batch.len(), 3);
    let keys: std::collections::BTreeSet<_> = batch.iter().map(|e| e.dedupe_key.clone()).collect();
    assert_eq!(keys.len(), 3);
    assert!(only(&received[3]).standby);
}

#[test]
fn a_host_send_is_followed_by_its_echo_and_delivery_and_read_marks_it() {
    let host = Host::start(&[]);
    let sandbox = sandbox(&host);
    control(
        &sandbox,
        &format!("customers/{ADA}/text"),
        json!({"text": "hi"}),
    );
    let request = json!({"recipient": {"id": ADA}, "messaging_type": "RESPONSE",
                         "message": {"text": "hello", "metadata": "ticket-7"}});
    let (_, sent) = call(
        &sandbox,
        "POST",
        "/v27.0/me/messages",
        Some(&request),
        Some("sandbox"),
    );
    let received = host.wait_for(3);
    let echo = only(&received[1]);
    assert!(echo.is_own_echo(msgrkit_sandbox::APP_ID));
    let echoed = serde_json::to_value(&echo).unwrap();
    assert_eq!(echoed["echo"]["mid"], sent["message_id"]);
    assert_eq!(echoed["echo"]["metadata"], "ticket-7");
    let delivery = serde_json::to_value(only(&received[2])).unwrap();
    assert_eq!(delivery["delivery"]["mids"], json!([sent["message_id"]]));
    let status = || {
        let (_, thread) = call(
            &sandbox,
            "GET",
            &format!("/sandbox/api/customers/{ADA}/thread"),
            None,
            None,
        );
        thread[1]["status"].clone()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while status() != "delivered" && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(status(), "delivered");
    control(&sandbox, &format!("customers/{ADA}/read"), json!({}));
    assert_eq!(status(), "read");
}
