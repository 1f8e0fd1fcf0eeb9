//! msgrkit sandbox: a local Messenger on 127.0.0.1 to build and test an integration
//! against. A chat page plays the customers; their actions reach the host as the signed
//! webhooks Meta would send (with Meta's timeout, retries and redeliveries); a Graph API
//! stand-in checks every send with the core's validator and policy against the simulated
//! thread and answers exactly as Meta answers. Sockets and clocks live here, never in
//! the core.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::routing::{get, post};
use serde_json::Value;
use tokio::sync::broadcast;

mod answers;
mod control;
mod export;
mod graph_api;
mod graph_send;
mod multipart;
mod page;
pub mod recorder;
pub mod replayer;
mod send_body;
pub mod serving;
pub mod state;
mod webhook_bodies;
mod webhooks;

pub use state::{APP_ID, PAGE_ID};

/// How the sandbox runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The host's webhook URL (its POST receives the events).
    pub webhook: String,
    /// The app secret the webhooks are signed with; never sent to the page.
    pub app_secret: String,
    /// The verify token of the handshake made at start.
    pub verify_token: String,
    /// The Page token the Graph stand-in accepts (`sandbox` by default); any other is 190,
    /// as Meta answers a token it cannot parse.
    pub page_token: String,
    /// The port on 127.0.0.1 (0 for any free one).
    pub port: u16,
    /// The `Facebook-API-Version` of the webhooks, and the version the page shows.
    pub graph_version: String,
    /// How many customers the page offers.
    pub customers: usize,
    /// How long the host may take to answer a webhook (Meta: 20 s).
    pub webhook_timeout: Duration,
    /// The first wait before a redelivery; each next one doubles.
    pub retry_delay: Duration,
    /// Deliveries of one event at most, the first one included.
    pub max_attempts: u32,
}

impl Config {
    /// The defaults, with Meta's delivery timing, for `webhook` signed with `app_secret`.
    pub fn new(webhook: impl Into<String>, app_secret: impl Into<String>) -> Self {
        Self {
            webhook: webhook.into(),
            app_secret: app_secret.into(),
            verify_token: "sandbox-verify-token".to_owned(),
            page_token: "sandbox".to_owned(),
            port: 0,
            graph_version: msgrkit::graph::DEFAULT_VERSION.to_owned(),
            customers: 2,
            webhook_timeout: Duration::from_secs(20),
            retry_delay: Duration::from_secs(1),
            max_attempts: 5,
        }
    }
}

/// Shared by every handler.
pub(crate) struct App {
    pub(crate) config: Config,
    state: Mutex<state::State>,
    /// Every change, as JSON text, for the page's event stream.
    pub(crate) changes: broadcast::Sender<String>,
}

impl App {
    pub(crate) fn state(&self) -> MutexGuard<'_, state::State> {
        // A panicked handler leaves the state as it was: keep serving.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Logs `entry` and tells the page.
    pub(crate) fn log(&self, entry: Value) -> Value {
        let entry = self.state().log(entry);
        self.announce("log", &entry);
        entry
    }

    /// Tells the page that `what` changed.
    pub(crate) fn announce(&self, what: &str, value: &Value) {
        let message = serde_json::json!({ "type": what, "data": value });
        // No page listening is fine.
        let _ = self.changes.send(message.to_string());
    }
}

/// A running sandbox.
pub struct Sandbox {
    /// Where it listens.
    pub addr: SocketAddr,
    running: serving::Running,
}

impl Sandbox {
    /// The base URL (`http://127.0.0.1:PORT`): the Graph base URL and the page's address.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Serves until the returned sandbox is dropped. The handshake with the host runs
    /// in the background.
    ///
    /// # Errors
    ///
    /// An empty app secret (the webhooks could not be signed), a webhook URL that is not
    /// `http(s)://`, or a port that cannot be bound.
    pub fn start(config: Config) -> std::io::Result<Self> {
        let invalid =
            |why: &str| std::io::Error::new(std::io::ErrorKind::InvalidInput, why.to_owned());
        if config.app_secret.is_empty() {
            return Err(invalid(
                "the app secret is empty: the webhooks could not be signed",
            ));
        }
        if !(config.webhook.starts_with("http://") || config.webhook.starts_with("https://")) {
            return Err(invalid("the webhook URL is not http:// or https://"));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let listener = runtime.block_on(tokio::net::TcpListener::bind((
            std::net::Ipv4Addr::LOCALHOST,
            config.port,
        )))?;
        let addr = listener.local_addr()?;
        let app = Arc::new(App {
            state: Mutex::new(state::State::with_customers(config.customers)),
            config,
            changes: broadcast::channel(1024).0,
        });
        let router = serving::bounded(router(Arc::clone(&app)), addr.port());
        let running = serving::Running::spawn(runtime, listener, router, webhooks::handshake(app));
        Ok(Self { addr, running })
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        self.running.wait();
    }
}

fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/sandbox/app.js", get(page::script))
        .route("/sandbox/log.js", get(page::log_script))
        .route("/sandbox/style.css", get(page::style))
        .nest("/sandbox/api", control::routes())
        .route("/{version}/debug_token", get(graph_api::debug_token))
        .route(
            "/{version}/{node}",
            get(graph_api::node).post(graph_api::not_found),
        )
        .route("/{version}/{node}/messages", post(graph_send::messages))
        .route(
            "/{version}/{node}/messenger_profile",
            get(graph_api::profile_get)
                .post(graph_api::profile_set)
                .delete(graph_api::profile_delete),
        )
        .route(
            "/{version}/{node}/{edge}",
            get(graph_api::edge_get).post(graph_api::edge_post),
        )
        .with_state(app)
}
