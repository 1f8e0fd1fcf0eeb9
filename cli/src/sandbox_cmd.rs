//! `msgrkit sandbox`: a local Messenger on 127.0.0.1 (msgrkit-sandbox).

use std::process::ExitCode;
use std::time::Duration;

use crate::{Outcome, io};

/// Serve a local Messenger on 127.0.0.1: a chat page, signed webhooks to your app, and a
/// Graph API that answers as Meta does.
#[derive(clap::Args)]
#[command(
    after_help = "Open http://127.0.0.1:PORT/ for the chat page. Point your app's Graph \
base URL at http://127.0.0.1:PORT (MSGRKIT_GRAPH_URL for msgrkit's examples). The \
control API is under /sandbox/api/ (docs/sandbox.md). Binds to loopback only."
)]
pub(crate) struct SandboxArgs {
    /// Your app's webhook URL: the handshake at start, then every event, signed.
    #[arg(long)]
    webhook: String,
    /// The app secret the webhooks are signed with (or set MSGRKIT_APP_SECRET).
    #[arg(long, env = crate::SECRET_ENV, hide_env_values = true)]
    app_secret: String,
    /// The verify token of the handshake (or set MSGRKIT_VERIFY_TOKEN; the sandbox's own
    /// when absent).
    #[arg(long, env = "MSGRKIT_VERIFY_TOKEN", hide_env_values = true)]
    verify_token: Option<String>,
    /// The Page token the Graph stand-in accepts (`sandbox` when absent; any other gets
    /// 190, as from Meta).
    #[arg(long)]
    page_token: Option<String>,
    /// The port on 127.0.0.1 (any free one when absent; printed at start).
    #[arg(long)]
    port: Option<u16>,
    /// The Facebook-API-Version the webhooks carry (the core's newest when absent).
    #[arg(long)]
    graph_version: Option<String>,
    /// How many customers (PSIDs) the page offers.
    #[arg(long)]
    customers: Option<usize>,
    /// How long your app may take to answer a webhook, in seconds (Meta's 20 when absent).
    #[arg(long)]
    webhook_timeout: Option<u64>,
    /// The first wait before redelivering an event your app did not take, in
    /// milliseconds; each next wait doubles.
    #[arg(long)]
    retry_delay_ms: Option<u64>,
    /// Deliveries of one event at most, the first included.
    #[arg(long)]
    max_attempts: Option<u32>,
}

pub(crate) fn run(args: SandboxArgs) -> Outcome {
    let mut config = msgrkit_sandbox::Config::new(args.webhook, args.app_secret);
    if let Some(token) = args.verify_token {
        config.verify_token = token;
    }
    if let Some(token) = args.page_token {
        config.page_token = token;
    }
    if let Some(port) = args.port {
        config.port = port;
    }
    if let Some(version) = args.graph_version {
        config.graph_version = version;
    }
    if let Some(customers) = args.customers {
        config.customers = customers;
    }
    if let Some(seconds) = args.webhook_timeout {
        config.webhook_timeout = Duration::from_secs(seconds);
    }
    if let Some(millis) = args.retry_delay_ms {
        config.retry_delay = Duration::from_millis(millis);
    }
    if let Some(attempts) = args.max_attempts {
        config.max_attempts = attempts;
    }
    let sandbox = msgrkit_sandbox::Sandbox::start(config).map_err(|err| {
        eprintln!("msgrkit sandbox: {err}");
        ExitCode::from(io::REJECTED)
    })?;
    // The first line is the address: scripts wait for it.
    println!("msgrkit sandbox on {} (loopback only)", sandbox.url());
    println!("  chat page:  {}/", sandbox.url());
    println!(
        "  Graph API:  {} (set it as your Graph base URL)",
        sandbox.url()
    );
    println!("  control:    {}/sandbox/api/", sandbox.url());
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    sandbox.wait();
    Ok(ExitCode::SUCCESS)
}
