//! What the sandbox remembers while it runs: the customers and their threads, the
//! simulated clock, the Messenger Profile the host set, and the log of every webhook and
//! Graph call. One lock around all of it; every change is also broadcast to the page.

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::{Map, Value, json};

/// The Page the sandbox plays, and the app whose echoes it sends.
pub const PAGE_ID: &str = "106000000000001";
/// The app ID in echoes of the host's own sends (`message.app_id`).
pub const APP_ID: &str = "900000000000001";

/// One customer of the Page: a PSID, a name, and the thread with the Page.
#[derive(Clone, Debug, Serialize)]
pub struct Customer {
    /// The page-scoped ID.
    pub psid: String,
    /// First and last name, for the user-profile call.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// What a `user_email` quick reply offers them to send.
    pub email: String,
    /// What a `user_phone_number` quick reply offers them to send.
    pub phone: String,
    /// The simulated time of the customer's last message, postback or reaction.
    pub last_user_activity: Option<i64>,
    /// Every message of the thread, both ways, in order.
    pub thread: Vec<ThreadItem>,
}

/// One message of a thread.
#[derive(Clone, Debug, Serialize)]
pub struct ThreadItem {
    /// `customer` or `page`.
    pub from: &'static str,
    /// The message ID.
    pub mid: String,
    /// Simulated epoch milliseconds.
    pub timestamp: i64,
    /// What the customer did (`{"text"}`, `{"postback"}`, ...) or the Send API request
    /// exactly as the Graph stand-in received it.
    pub body: Value,
    /// For the Page's messages: `sent`, `delivered`, `read`, or `refused`.
    pub status: &'static str,
    /// For a refused send: Meta's error envelope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
    /// The persona's name, when the host sent as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persona: Option<String>,
    /// The customer's reaction to this message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reaction: Option<String>,
    /// For the customer's messages: what became of the webhook that carried it to the
    /// host (`{"delivery", "delivered", "status", "attempts"}`), once known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Value>,
}

/// The sandbox's memory.
#[derive(Debug, Default)]
pub struct State {
    /// Added to the real clock: the page's "+1 h", "+25 h", "+8 days".
    pub clock_offset_ms: i64,
    /// By PSID.
    pub customers: BTreeMap<String, Customer>,
    /// The Messenger Profile fields the host set (`get_started`, `greeting`,
    /// `persistent_menu`, `ice_breakers`, ...).
    pub profile: Map<String, Value>,
    /// Personas by ID.
    pub personas: BTreeMap<String, Value>,
    /// The latest webhook attempts and Graph calls, in order (at most [`LOG_MAX_ENTRIES`]).
    pub log: std::collections::VecDeque<Value>,
    /// How many entries were ever logged (the next entry's `seq` is one more).
    pub logged: u64,
    /// Counter for message, persona and attachment IDs.
    pub next_id: u64,
    /// Set from the control API: the token was revoked from the Page (190/460).
    pub token_revoked: bool,
    /// Set from the control API: the next send is rate limited (613).
    pub rate_limit_next: bool,
    /// Whether the typing indicator is on, by PSID.
    pub typing: BTreeMap<String, bool>,
}

impl State {
    /// A sandbox with `count` customers ready to chat.
    pub fn with_customers(count: usize) -> Self {
        const NAMES: [(&str, &str); 4] = [
            ("Ada", "Lovelace"),
            ("Grace", "Hopper"),
            ("Alan", "Turing"),
            ("Edsger", "Dijkstra"),
        ];
        let mut state = Self::default();
        for index in 0..count.max(1) {
            let (first, last) = NAMES[index % NAMES.len()];
            let psid = format!("70000000000000{:02}", index + 1);
            state.customers.insert(
                psid.clone(),
                Customer {
                    psid,
                    first_name: first.to_owned(),
                    last_name: last.to_owned(),
                    email: format!("{}.{}@example.com", first, last).to_lowercase(),
                    phone: format!("+1555010{:04}", index + 1),
                    last_user_activity: None,
                    thread: Vec::new(),
                },
            );
        }
        state
    }

    /// The simulated time, epoch milliseconds.
    pub fn now(&self) -> i64 {
        real_now() + self.clock_offset_ms
    }

    /// A fresh ID with `prefix`.
    pub fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{:06}", self.next_id)
    }

    /// Adds a log entry (its `seq` and `at` filled in; credentials redacted; a request or
    /// answer over [`LOG_VALUE_MAX_BYTES`] replaced by its size) and returns it. The log
    /// keeps the latest [`LOG_MAX_ENTRIES`], so no sender can make it grow without end.
    pub fn log(&mut self, mut entry: Value) -> Value {
        msgrkit::graph::redact_value(&mut entry);
        for key in ["request", "answer", "body"] {
            let size = entry.get(key).map_or(0, |v| v.to_string().len());
            if size > LOG_VALUE_MAX_BYTES {
                entry[key] = json!({"left_out": "too large for the log", "bytes": size});
            }
        }
        self.logged += 1;
        entry["seq"] = json!(self.logged);
        entry["at"] = json!(self.now());
        if self.log.len() == LOG_MAX_ENTRIES {
            self.log.pop_front();
        }
        self.log.push_back(entry.clone());
        entry
    }

    /// The page's view: customers with their threads, the profile, the clock, the log.
    pub fn snapshot(&self) -> Value {
        json!({
            "page_id": PAGE_ID,
            "now": self.now(),
            "clock_offset_ms": self.clock_offset_ms,
            "customers": self.customers.values().collect::<Vec<_>>(),
            "profile": self.profile,
            "personas": self.personas,
            "typing": self.typing,
            "log": self.log,
        })
    }
}

/// How many entries the log keeps (the oldest go first).
pub const LOG_MAX_ENTRIES: usize = 2000;
/// The largest request, answer or body a log entry holds, as JSON text.
pub const LOG_VALUE_MAX_BYTES: usize = 64 * 1024;

/// The real clock, epoch milliseconds.
pub fn real_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
