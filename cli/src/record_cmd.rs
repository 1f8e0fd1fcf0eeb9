//! `msgrkit record` and `msgrkit replay`: a production incident turned into a test
//! (msgrkit-sandbox's recorder and replayer over the core's `msgrkit::record`).

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use msgrkit::record::replay::ReplayOptions;

use crate::{Outcome, io};

/// Webhook deliveries are answered within Meta's 20 s, or not at all.
const HOST_TIMEOUT: Duration = Duration::from_secs(20);

/// Record the deliveries to your app: a proxy in front of its webhook that writes each
/// POST (exact body, signatures marked, your app's answer and timing) as a line of
/// JSON; no secret is written.
#[derive(clap::Args)]
pub(crate) struct RecordArgs {
    /// Where to listen (`127.0.0.1:8081`); point Meta (or the sandbox) here.
    #[arg(long)]
    listen: SocketAddr,
    /// Your app's base URL; each request's path and query are appended to it.
    #[arg(long)]
    forward: String,
    /// The app secret the deliveries are checked with (or set MSGRKIT_APP_SECRET).
    #[arg(long, env = crate::SECRET_ENV, hide_env_values = true)]
    app_secret: String,
    /// The recording (JSON Lines), appended to.
    #[arg(long)]
    out: PathBuf,
}

/// Replay a recording to your app: each body re-signed with a test secret, posted in
/// order; every answer that differs from the recorded one is reported (exit 1).
#[derive(clap::Args)]
pub(crate) struct ReplayArgs {
    /// The recording made by `msgrkit record` (or the sandbox's /sandbox/api/export).
    file: PathBuf,
    /// Your app's base URL; each recorded path is appended to it.
    #[arg(long)]
    to: String,
    /// The secret to sign with: your test app's (or set MSGRKIT_APP_SECRET).
    #[arg(long, env = crate::SECRET_ENV, hide_env_values = true)]
    app_secret: String,
    /// Replay at N times the recorded pace; without it, each delivery as soon as the
    /// previous one is answered.
    #[arg(long)]
    speed: Option<f64>,
    /// Only the deliveries holding an event of this kind (`message`, `postback`, ...).
    #[arg(long)]
    only: Option<String>,
}

pub(crate) fn record(args: RecordArgs) -> Outcome {
    let mut out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&args.out)
        .map_err(|e| io::usage(&format!("cannot open {}: {e}", args.out.display())))?;
    let sink = Box::new(move |line: &str| {
        // Each line whole, at once, so a reader never sees half of one.
        let _ = out.write_all(format!("{line}\n").as_bytes());
    });
    let config = msgrkit_sandbox::recorder::RecorderConfig {
        listen: args.listen,
        forward: args.forward,
        app_secret: args.app_secret,
        timeout: HOST_TIMEOUT,
    };
    let recorder = msgrkit_sandbox::recorder::Recorder::start(config, sink)
        .map_err(|e| io::usage(&e.to_string()))?;
    eprintln!(
        "msgrkit record: listening on http://{}, writing {}",
        recorder.addr,
        args.out.display()
    );
    recorder.wait();
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn replay(args: ReplayArgs, compact: bool) -> Outcome {
    let recording = String::from_utf8(io::read_input(Some(&args.file))?)
        .map_err(|_| io::usage("the recording is not UTF-8"))?;
    let options = ReplayOptions {
        speed: args.speed,
        only: args.only,
    };
    let report = msgrkit_sandbox::replayer::replay(
        &recording,
        &args.to,
        &args.app_secret,
        &options,
        HOST_TIMEOUT,
    )
    .map_err(|e| io::reject(&e))?;
    let printed = io::print_json(&report, compact);
    if report.differences.is_empty() {
        Ok(printed)
    } else {
        Err(ExitCode::FAILURE)
    }
}
