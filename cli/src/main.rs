//! `msgrkit`: Messenger webhooks, transcoding, validation and the Graph API from the
//! command line.
//!
//! Every subcommand reads FILE, or stdin when FILE is `-` or absent, and prints JSON.
//! Exit 0 on success, 1 when the input or a Graph call is rejected (the error as JSON on
//! stderr), 2 on usage errors.

mod call_cmd;
mod demo;
mod demo_send;
mod emit;
mod flags;
mod graph_cmds;
mod io;
mod link;
mod receive;
mod record_cmd;
mod sandbox_cmd;
mod send_side;
mod transcode;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use msgrkit::policy::{Author, Intent, Mode};

use flags::{AuthorArg, IntentArg, ModeArg, ProductArg, product};
use receive::SECRET_ENV;

#[derive(Parser)]
#[command(
    name = "msgrkit",
    version,
    about = "Facebook Messenger and Instagram messaging toolkit"
)]
struct Cli {
    /// Print JSON on one line instead of indented.
    #[arg(long, global = true)]
    compact: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
// Parsed once per run, so the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
enum Command {
    /// Print the X-Hub-Signature-256 value (`sha256=<hex>`) for a body.
    Sign {
        /// The app secret (or set MSGRKIT_APP_SECRET).
        #[arg(long, env = SECRET_ENV, hide_env_values = true)]
        secret: String,
        /// Print the legacy X-Hub-Signature (`sha1=<hex>`) value instead.
        #[arg(long)]
        sha1: bool,
        /// The body; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Verify a body against its signature header value.
    Verify {
        /// The app secret; repeat it to try several (Instagram-Login and Facebook-Login
        /// secrets, or old and new while rotating). Or set MSGRKIT_APP_SECRET to one or a
        /// comma-separated list (`\,` for a comma in a secret). Prints which one matched as
        /// `secret_index` (0-based).
        #[arg(long, env = SECRET_ENV, hide_env_values = true, required = true)]
        secret: Vec<String>,
        /// The X-Hub-Signature-256 (or, with --allow-sha1, X-Hub-Signature) value.
        #[arg(long)]
        header: String,
        /// Also accept legacy `sha1=` signatures.
        #[arg(long)]
        allow_sha1: bool,
        /// The body exactly as received; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Parse a webhook body into typed events, verifying it first when --header is given.
    Parse {
        /// The app secret, repeatable (or set MSGRKIT_APP_SECRET, comma-separated); needs
        /// --header or --headers.
        #[arg(long)]
        secret: Vec<String>,
        /// The signature header value; the body is verified before it is parsed.
        #[arg(long)]
        header: Option<String>,
        /// A file of the request's header lines (`Name: value`): the signature header is
        /// found there, and the output is `{"algorithm", "secret_index", "api_version"?,
        /// "notification"}` with the `Facebook-API-Version` header as `api_version`.
        #[arg(long)]
        headers: Option<PathBuf>,
        /// Also accept legacy `sha1=` signatures.
        #[arg(long)]
        allow_sha1: bool,
        /// Refuse a body larger than this many bytes (`body_too_large`); the core's
        /// default limit when absent.
        #[arg(long)]
        max_body_bytes: Option<usize>,
        /// The body exactly as received; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Answer a verification handshake (`hub.mode`, `hub.verify_token`, `hub.challenge`).
    Handshake {
        /// The verify token configured in the app dashboard.
        #[arg(long, env = "MSGRKIT_VERIFY_TOKEN", hide_env_values = true)]
        verify_token: String,
        /// The query string or the whole callback URL.
        query: String,
    },
    /// Validate a Send API request, a bare message or a Messenger Profile body.
    Validate {
        /// Judge by Meta's rules on this date (YYYY-MM-DD); default: the newest profile.
        #[arg(long)]
        as_of: Option<String>,
        /// Whose rules apply [default: messenger].
        #[arg(long, value_enum)]
        platform: Option<ProductArg>,
        /// Where the Page is (a country code, EU or UK), for regional rules such as
        /// notification messages; without it they are reported as region_dependent.
        #[arg(long)]
        region: Option<String>,
        /// The JSON body; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Decide messaging_type and tag for a message, or refuse it (24-hour window, tags).
    Policy {
        /// The person's last activity, epoch milliseconds.
        #[arg(long)]
        last_user_activity: i64,
        /// When the message would be sent, epoch milliseconds (default: now).
        #[arg(long)]
        now: Option<i64>,
        /// Who writes it [default: bot].
        #[arg(long, value_enum)]
        author: Option<AuthorArg>,
        /// A reply or a proactive update [default: reply].
        #[arg(long, value_enum)]
        intent: Option<IntentArg>,
        /// Send with this message tag (overrides --intent).
        #[arg(long)]
        tag: Option<String>,
        /// explicit: tags only when asked; auto_human_agent: humans get HUMAN_AGENT after 24 hours [default: explicit].
        #[arg(long, value_enum)]
        mode: Option<ModeArg>,
        /// Whose rules apply [default: messenger].
        #[arg(long, value_enum)]
        platform: Option<ProductArg>,
    },
    /// Transcode a neutral, Smooch, Sinch or Linktor message into Send API messages.
    Transcode {
        /// The input format: neutral, smooch, sinch or linktor [default: neutral].
        #[arg(long)]
        from: Option<String>,
        #[command(flatten)]
        compose: transcode::ComposeFlags,
        /// Send API request bodies for this PSID instead: validated as `msgrkit send` does.
        #[arg(long)]
        to: Option<String>,
        /// The message JSON; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Flatten a neutral, Smooch or Linktor persistent menu into a Messenger Profile body.
    Menu {
        /// The input format: neutral, smooch or linktor [default: neutral].
        #[arg(long)]
        from: Option<String>,
        #[command(flatten)]
        profile: transcode::ProfileFlags,
        /// The menu JSON; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Transcode a message, decide its messaging type, validate it and send it.
    Send {
        /// The recipient's PSID.
        #[arg(long)]
        to: String,
        /// The input format: neutral, smooch, sinch or linktor [default: neutral].
        #[arg(long)]
        from: Option<String>,
        /// Send with this message tag (messaging_type MESSAGE_TAG).
        #[arg(long)]
        tag: Option<String>,
        /// Send the file as a Send API message as it is, unvalidated, for the Graph API to judge.
        #[arg(long, conflicts_with = "from")]
        raw: bool,
        #[command(flatten)]
        connection: graph_cmds::Connection,
        /// The message JSON; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Get, set or delete the Page's Messenger Profile.
    Profile {
        #[command(subcommand)]
        action: graph_cmds::ProfileAction,
        /// Whose profile [default: messenger].
        #[arg(long, value_enum, global = true)]
        platform: Option<ProductArg>,
        #[command(flatten)]
        connection: graph_cmds::Connection,
    },
    /// Check a Page connection: token, permissions, webhook subscription, Get Started.
    Diagnose {
        /// The app's ID: with the app secret, debug_token runs as the app, as Meta documents (or set MSGRKIT_APP_ID).
        #[arg(long, env = "MSGRKIT_APP_ID")]
        app_id: Option<String>,
        #[command(flatten)]
        connection: graph_cmds::Connection,
    },
    /// A chat link (m.me or ig.me) with a ref, optionally as a QR code; or --parse one.
    Link(link::LinkArgs),
    /// A webhook (or a send outcome) as Smooch, Sunshine, Sinch or Linktor callbacks.
    Emit(emit::EmitArgs),
    /// The whole loop on this machine: webhook in, policy, transcode, validate, send to a loopback Graph stand-in.
    Demo,
    /// A local Messenger on 127.0.0.1: a chat page, signed webhooks, a Graph API that answers as Meta does.
    Sandbox(sandbox_cmd::SandboxArgs),
    /// Record the webhook deliveries to your app (a proxy in front of it) as JSON Lines.
    Record(record_cmd::RecordArgs),
    /// Replay a recording to your app, re-signed with a test secret; report what differs.
    Replay(record_cmd::ReplayArgs),
    /// Call an entry made from the table (schema/functions.json) by name with its input object.
    Call(call_cmd::CallArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let compact = cli.compact;
    let outcome = match cli.command {
        Command::Sign { secret, sha1, file } => receive::sign(&secret, sha1, file),
        Command::Verify {
            secret,
            header,
            allow_sha1,
            file,
        } => receive::verify(&secret, &header, allow_sha1, file, compact),
        Command::Parse {
            secret,
            header,
            headers,
            allow_sha1,
            max_body_bytes,
            file,
        } => receive::parse(
            receive::ParseArgs {
                secrets: secret,
                header,
                headers,
                allow_sha1,
                max_body_bytes,
                file,
            },
            compact,
        ),
        Command::Handshake {
            verify_token,
            query,
        } => Ok(receive::handshake(&query, &verify_token, compact)),
        Command::Validate {
            as_of,
            platform,
            region,
            file,
        } => send_side::validate(
            as_of.as_deref(),
            product(platform),
            region.as_deref(),
            file,
            compact,
        ),
        Command::Policy {
            last_user_activity,
            now,
            author,
            intent,
            tag,
            mode,
            platform,
        } => {
            let args = send_side::PolicyArgs {
                last_user_activity,
                now,
                // Absent flags take the core's defaults.
                author: author.map_or_else(Author::default, Author::from),
                intent: intent.map_or_else(Intent::default, Intent::from),
                tag,
                mode: mode.map_or_else(Mode::default, Mode::from),
                platform: product(platform),
            };
            send_side::policy(args, compact)
        }
        Command::Transcode {
            from,
            compose,
            to,
            file,
        } => transcode::transcode(
            transcode::TranscodeArgs {
                from,
                compose,
                to,
                file,
            },
            compact,
        ),
        Command::Menu {
            from,
            profile,
            file,
        } => transcode::menu(from, &profile, file, compact),
        Command::Send {
            to,
            from,
            tag,
            raw,
            connection,
            file,
        } => graph_cmds::send(
            &connection,
            graph_cmds::SendArgs {
                to,
                from,
                tag,
                raw,
                file,
            },
        ),
        Command::Profile {
            action,
            platform,
            connection,
        } => graph_cmds::profile(&connection, action, product(platform), compact),
        Command::Diagnose { app_id, connection } => {
            graph_cmds::diagnose(&connection, app_id.as_deref(), compact)
        }
        Command::Link(args) => link::run(args, compact),
        Command::Emit(args) => emit::run(&args, compact),
        Command::Demo => Ok(demo::run()),
        Command::Sandbox(args) => sandbox_cmd::run(args),
        Command::Record(args) => record_cmd::record(args),
        Command::Replay(args) => record_cmd::replay(args, compact),
        Command::Call(args) => call_cmd::run(args, compact),
    };
    outcome.unwrap_or_else(|code| code)
}

/// Each handler returns its exit code; `Err` carries the code of an early exit.
pub(crate) type Outcome = Result<ExitCode, ExitCode>;
