//! `msgrkit demo`: a Messenger integration's receive side and send-side checks, on this machine only.

use std::process::ExitCode;

use msgrkit::limits::{self, Platform};
use msgrkit::policy::{self, Author, Mode, PolicyInput};
use msgrkit::send::{Message, QuickReply, SendRequest};
use msgrkit::signature;
use msgrkit::webhook::{self, Event, EventKind};

const DEMO_SECRET: &str = "demo-app-secret-3a9f6c1d";
const DEMO_VERIFY_TOKEN: &str = "demo-verify-token";
const DEMO_APP_ID: &str = "1234567890123";

/// A delivery as Meta batches it: two Pages, several kinds, non-ASCII as `\u` escapes,
/// an event kind msgrkit does not model, and one broken event.
const DEMO_BODY: &str = concat!(
    r#"{"object":"page","entry":["#,
    r#"{"id":"106000000000001","time":1763712000500,"messaging":["#,
    r#"{"sender":{"id":"6500000000000001"},"recipient":{"id":"106000000000001"},"timestamp":1763712000100,"#,
    r#""message":{"mid":"m_order_1","text":"Hi! Is my order #1042 shipped? \ud83d\udce6 Gr\u00fc\u00dfe"}},"#,
    r#"{"sender":{"id":"6500000000000001"},"recipient":{"id":"106000000000001"},"timestamp":1763712000200,"#,
    r#""message":{"mid":"m_order_2","attachments":[{"type":"image","payload":{"url":"https://scontent.xx.fbcdn.net/v/receipt.jpg"}}]}},"#,
    r#"{"sender":{"id":"106000000000001"},"recipient":{"id":"6500000000000001"},"timestamp":1763712000300,"#,
    r#""message":{"is_echo":true,"app_id":1234567890123,"mid":"m_reply_1","text":"Let me check that for you."}},"#,
    r#"{"sender":{"id":"6500000000000001"},"recipient":{"id":"106000000000001"},"#,
    r#""delivery":{"mids":["m_reply_1"],"watermark":1763712000300}},"#,
    r#"{"sender":{"id":"6500000000000001"},"recipient":{"id":"106000000000001"},"timestamp":1763712000400,"#,
    r#""reaction":{"mid":"m_reply_1","action":"react","reaction":"love","emoji":"\u2764\ufe0f"}}"#,
    r#"]},"#,
    r#"{"id":"106000000000002","time":1763712000900,"messaging":["#,
    r#"{"sender":{"id":"6500000000000002"},"recipient":{"id":"106000000000002"},"timestamp":"1763712000","#,
    r#""postback":{"mid":"m_pb_1","title":"Get Started","payload":"GET_STARTED","#,
    r#""referral":{"ref":"winter-sale","source":"SHORTLINK","type":"OPEN_THREAD"}}},"#,
    r#"{"sender":{"id":"6500000000000002"},"recipient":{"id":"106000000000002"},"timestamp":1763712000700,"#,
    r#""message_request":"accept"},"#,
    r#"{"sender":{"id":"6500000000000002"},"recipient":{"id":"106000000000002"},"timestamp":1763712000800,"#,
    r#""message":{"mid":"m_broken","text":{"unexpected":"object"}}}"#,
    r#"],"standby":["#,
    r#"{"sender":{"id":"6500000000000003"},"recipient":{"id":"106000000000002"},"timestamp":1763712000850,"#,
    r#""message":{"mid":"m_standby_1","text":"Hello? (Page Inbox owns this thread)"}}"#,
    r#"]}]}"#
);

pub(crate) fn run() -> ExitCode {
    println!(
        "msgrkit demo: a Messenger integration's whole loop, with nothing outside this machine.\n"
    );

    println!("1. Meta verifies the callback URL with a GET handshake");
    let query =
        format!("hub.mode=subscribe&hub.verify_token={DEMO_VERIFY_TOKEN}&hub.challenge=1158201444");
    let accepted = webhook::handshake_query(&query, DEMO_VERIFY_TOKEN);
    println!("   right token  -> {} {:?}", accepted.status, accepted.body);
    let refused = webhook::handshake_query(
        "hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1",
        DEMO_VERIFY_TOKEN,
    );
    let reason = refused.reason.map(|r| r.code()).unwrap_or_default();
    println!(
        "   wrong token  -> {} (reason: {reason}; the body stays empty)\n",
        refused.status
    );

    let body = DEMO_BODY.as_bytes();
    let header = signature::sign(DEMO_SECRET.as_bytes(), body);
    println!(
        "2. A batched delivery arrives: {} bytes, 2 Pages",
        body.len()
    );
    println!("   X-Hub-Signature-256: {header}\n");

    println!("3. Verify the signature over the exact bytes received (constant time)");
    if let Err(err) = signature::verify(DEMO_SECRET.as_bytes(), body, &header) {
        println!("   unexpected failure: {err}");
        return ExitCode::FAILURE;
    }
    println!("   raw body                   -> verified");
    let reserialised = serde_json::from_slice::<serde_json::Value>(body)
        .and_then(|v| serde_json::to_vec(&v))
        .unwrap_or_default();
    show_rejection(
        "body re-serialised by JSON",
        signature::verify(DEMO_SECRET.as_bytes(), &reserialised, &header),
    );
    let forged = format!("{}0", &header[..header.len() - 1]);
    show_rejection(
        "forged header",
        signature::verify(DEMO_SECRET.as_bytes(), body, &forged),
    );
    show_rejection("empty app secret", signature::verify(b"", body, &header));
    println!();

    println!("4. Parse every event of every entry (messaging, standby, changes)");
    let notification = match webhook::parse(body) {
        Ok(notification) => notification,
        Err(err) => {
            println!("   unexpected failure: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "   {:<3}{:<11}{:<17}{:<18}{:<9}summary",
        "#", "type", "page", "sender", "standby"
    );
    for (n, event) in notification.events.iter().enumerate() {
        let sender = event.sender.as_ref().and_then(|s| s.key()).unwrap_or("-");
        let page = event.page_id.as_deref().unwrap_or("-");
        let standby = if event.standby { "yes" } else { "no" };
        println!(
            "   {:<3}{:<11}{:<17}{:<18}{:<9}{}",
            n + 1,
            event.kind.name(),
            page,
            sender,
            standby,
            summary(event)
        );
    }
    for error in &notification.errors {
        println!(
            "   ! {} could not be read ({}); its siblings are unaffected",
            error.field, error.code
        );
    }
    println!();

    println!("5. Helpers");
    let own = notification
        .events
        .iter()
        .filter(|e| e.is_own_echo(DEMO_APP_ID))
        .count();
    println!("   own echoes to skip (app {DEMO_APP_ID}): {own}");
    let sent = [webhook::SentMessage::new("m_reply_1", 1763712000300)];
    for event in notification
        .events
        .iter()
        .filter(|e| !e.covered(&sent).is_empty())
    {
        println!(
            "   {} covers sent message(s) {:?}",
            event.kind.name(),
            event.covered(&sent)
        );
    }
    if let Some(first) = notification.events.first() {
        println!("   dedupe key of event 1: {}\n", first.dedupe_key());
        println!(
            "6. Event 1 in msgrkit's language-neutral JSON form (what `msgrkit parse` prints):"
        );
        let json = serde_json::to_string_pretty(first).unwrap_or_default();
        for line in json.lines() {
            println!("   {line}");
        }
    }
    reply_step(&notification);
    let first = notification.events.first();
    let psid = first
        .and_then(|e| e.sender.as_ref())
        .and_then(|s| s.id.clone());
    if let (Some(psid), Some(last)) = (psid, first.and_then(|e| e.timestamp))
        && !crate::demo_send::send_step(&psid, last, DEMO_SECRET)
    {
        return ExitCode::FAILURE;
    }
    println!(
        "\nTry it on your own bodies: msgrkit parse --secret S --header 'sha256=...' body.json"
    );
    ExitCode::SUCCESS
}

/// Step 7: the send side decides and checks a reply before Meta ever sees it.
fn reply_step(notification: &webhook::Notification) {
    let Some(first) = notification.events.first() else {
        return;
    };
    let (Some(last), Some(psid)) = (
        first.timestamp,
        first.sender.as_ref().and_then(|s| s.id.clone()),
    ) else {
        return;
    };
    println!(
        "\n7. Reply to event 1: the policy decides, the validator checks, before Meta sees anything"
    );
    let minute = 60_000;
    for (label, after, author) in [
        ("bot, 2 minutes later", 2 * minute, Author::Bot),
        ("bot, 30 hours later", 1800 * minute, Author::Bot),
        ("agent, 30 hours later", 1800 * minute, Author::Human),
        ("agent, 8 days later", 8 * 1440 * minute, Author::Human),
    ] {
        let mut input = PolicyInput::new(last, last + after, author);
        input.mode = Mode::AutoHumanAgent;
        let answer = match policy::decide(&input) {
            Ok(d) => format!(
                "{} {}",
                d.messaging_type.as_str(),
                d.tag.map(|t| t.as_str().to_owned()).unwrap_or_default()
            ),
            Err(refusal) => format!("refused: {}", refusal.code.as_str()),
        };
        println!("   {label:<27}-> {answer}");
    }
    let reply = Message::text("Order #1042 left our warehouse today.").with_quick_replies([
        QuickReply::text("Track it", "TRACK_1042"),
        QuickReply::text("Talk to an agent", "AGENT"),
    ]);
    let good = SendRequest::reply(psid.clone(), reply);
    let count = limits::validate(&good, &Platform::latest()).len();
    println!("   reply with 2 quick replies -> {count} violations");
    let bad = serde_json::json!({
        "recipient": {"id": psid}, "messaging_type": "MESSAGE_TAG", "tag": "POST_PURCHASE_UPDATE",
        "message": {"text": "Your parcel shipped", "quick_replies": [{"content_type": "text", "title": "Where is my parcel right now?", "payload": "WHERE"}]}
    });
    println!("   a tagged update with a long quick-reply title:");
    for violation in limits::validate_json(&bad, &Platform::latest()) {
        println!(
            "     {} at {}: {}",
            violation.code.as_str(),
            violation.field,
            violation.detail
        );
    }
}

fn show_rejection(label: &str, result: msgrkit::Result<signature::Algorithm>) {
    match result {
        Ok(_) => println!("   {label:<27}-> verified (unexpected!)"),
        Err(err) => println!("   {label:<27}-> rejected: {}", err.code()),
    }
}

fn summary(event: &Event) -> String {
    match &event.kind {
        EventKind::Message(m) | EventKind::Echo(m) => {
            let kinds: Vec<&str> = m.attachments.iter().map(|a| a.kind.as_str()).collect();
            match (&m.text, kinds.is_empty()) {
                (Some(text), _) => format!("{text:?}"),
                (None, false) => format!("attachments: {}", kinds.join(", ")),
                (None, true) => String::new(),
            }
        }
        EventKind::Delivery(d) => format!("delivered {} message(s)", d.mids.len()),
        EventKind::Read(r) => format!("read up to {:?}", r.watermark),
        EventKind::Postback(p) => format!("payload {:?}", p.payload.as_deref().unwrap_or("")),
        EventKind::Reaction(r) => format!(
            "{} {}",
            r.action.as_deref().unwrap_or("?"),
            r.emoji.as_deref().unwrap_or("")
        ),
        EventKind::Unknown(u) => {
            let keys: Vec<&str> = u
                .raw
                .as_object()
                .map(|o| o.keys().map(String::as_str).collect())
                .unwrap_or_default();
            format!("kept verbatim (keys: {})", keys.join(", "))
        }
        other => other.name().to_owned(),
    }
}
