//! `msgrkit send`, `profile` and `diagnose`: the commands that talk to the Graph API.

use std::path::PathBuf;
use std::process::ExitCode;

use msgrkit::api::{DiagnoseReport, FailedLine, SentLine};
use msgrkit::client::{Client, RetryPolicy, UreqTransport};
use msgrkit::graph::{Graph, PROFILE_FIELDS};
use msgrkit::limits::{self, Platform, Product};
use msgrkit::send::MessengerProfile;
use msgrkit::{Error, ErrorKind};

use crate::{Outcome, io};

/// Where and as whom to call the Graph API.
#[derive(clap::Args)]
pub(crate) struct Connection {
    /// The Page access token (or set MSGRKIT_PAGE_TOKEN).
    #[arg(long, env = "MSGRKIT_PAGE_TOKEN", hide_env_values = true)]
    page_token: String,
    /// The app secret: every request then carries appsecret_proof (or set MSGRKIT_APP_SECRET).
    #[arg(long, env = crate::SECRET_ENV, hide_env_values = true)]
    app_secret: Option<String>,
    /// Another Graph base URL: a proxy, or a stand-in on loopback.
    #[arg(long)]
    graph_url: Option<String>,
    /// Another Graph API version (vNN.0).
    #[arg(long)]
    graph_version: Option<String>,
    /// Address the Page (with `--login instagram`, the Instagram account) by ID instead of `me`.
    #[arg(long)]
    page_id: Option<String>,
    /// How the token was obtained: `facebook` (a Page token, the default) or `instagram`
    /// (Instagram Login: an Instagram user token on graph.instagram.com).
    #[arg(long, value_enum)]
    login: Option<LoginArg>,
    /// Requests per call at most, retries included.
    #[arg(long)]
    max_attempts: Option<u32>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum LoginArg {
    Facebook,
    Instagram,
}

impl Connection {
    pub(crate) fn graph(&self) -> Graph {
        let mut graph = match self.login {
            Some(LoginArg::Instagram) => Graph::instagram_login(self.page_token.as_str()),
            _ => Graph::new(self.page_token.as_str()),
        };
        if let Some(url) = &self.graph_url {
            graph = graph.base_url(url.as_str());
        }
        if let Some(version) = &self.graph_version {
            graph = graph.version(version.as_str());
        }
        if let Some(page) = &self.page_id {
            graph = graph.page_id(page.as_str());
        }
        if let Some(secret) = &self.app_secret {
            graph = graph.app_secret(secret.as_str());
        }
        graph
    }

    pub(crate) fn client(&self) -> Client<UreqTransport> {
        let mut policy = RetryPolicy::default();
        if let Some(attempts) = self.max_attempts {
            policy = policy.max_attempts(attempts);
        }
        Client::new(UreqTransport::new()).with_policy(policy)
    }
}

/// The error line of a failed call (the core's `FailedLine`), exit 1.
pub(crate) fn fail(error: &Error) -> ExitCode {
    let line = serde_json::to_string(&FailedLine::of(error)).unwrap_or_default();
    eprintln!("{line}");
    ExitCode::from(io::REJECTED)
}

pub(crate) struct SendArgs {
    pub(crate) to: String,
    pub(crate) from: Option<String>,
    pub(crate) tag: Option<String>,
    pub(crate) raw: bool,
    pub(crate) file: Option<PathBuf>,
}

/// `--raw`: the file is a Send API message, sent as it is for the Graph API to judge.
fn send_raw(connection: &Connection, args: &SendArgs, message: serde_json::Value) -> Outcome {
    use msgrkit::send::{MessageTag, MessagingType, SendRequest};
    let message = serde_json::from_value(message).map_err(|err| {
        io::reject(&Error::new(ErrorKind::InvalidInput {
            detail: format!("not a Send API message: {err}"),
        }))
    })?;
    let mut request = SendRequest::reply(args.to.as_str(), message);
    if let Some(tag) = &args.tag {
        request.messaging_type = Some(MessagingType::MessageTag);
        request.tag = Some(MessageTag::from_name(tag));
    }
    let (graph, client) = (connection.graph(), connection.client());
    let (sent, attempts) = client
        .send(&graph.send(&request))
        .map_err(|err| fail(&err))?;
    let line = SentLine {
        index: 0,
        recipient_id: sent.recipient_id,
        message_id: sent.message_id,
        attempts,
        warnings: Vec::new(),
    };
    io::print_json(&line, true);
    Ok(ExitCode::SUCCESS)
}

/// The core's send pipeline (dialect, compose, validate every request), then send in order.
pub(crate) fn send(connection: &Connection, args: SendArgs) -> Outcome {
    let body = io::read_input(args.file.as_deref())?;
    let message = msgrkit::api::read_json(&body).map_err(|err| io::reject(&err))?;
    if args.raw {
        return send_raw(connection, &args, message);
    }
    if let Some(name) = args.from.as_deref() {
        msgrkit::dialect::Dialect::from_name(name)
            .ok_or_else(|| io::usage(&format!("unknown --from `{name}`")))?;
    }
    let input = msgrkit::api::SendInput {
        messages: None,
        message: Some(message),
        dialect: args.from,
        recipient: args.to,
        options: None,
        tag: args.tag,
        policy: None,
    };
    let prepared = match msgrkit::api::prepare_send_input(input) {
        Ok(Ok(prepared)) => prepared,
        // Not asked without the thread's facts; printed as `msgrkit policy` prints one.
        Ok(Err(refusal)) => {
            let answer = msgrkit::api::Refusable::<msgrkit::api::PreparedSend>::from(Err(refusal));
            eprintln!("{}", serde_json::to_string(&answer).unwrap_or_default());
            return Err(ExitCode::from(io::REJECTED));
        }
        Err(err) => return Err(io::reject(&err)),
    };
    let (graph, client) = (connection.graph(), connection.client());
    let mut warnings = Some(prepared.warnings);
    for (index, request) in prepared.requests.iter().enumerate() {
        let (sent, attempts) = client
            .send(&graph.send(request))
            .map_err(|err| fail(&err))?;
        let line = SentLine {
            index,
            recipient_id: sent.recipient_id,
            message_id: sent.message_id,
            attempts,
            // The report is about the input as a whole, so it goes with the first message.
            warnings: warnings.take().unwrap_or_default(),
        };
        io::print_json(&line, true);
    }
    Ok(ExitCode::SUCCESS)
}

/// `msgrkit profile`'s actions.
#[derive(clap::Subcommand)]
pub(crate) enum ProfileAction {
    /// Print the Messenger Profile fields.
    Get {
        /// Comma-separated fields [default: every Messenger Profile field msgrkit models].
        #[arg(long)]
        fields: Option<String>,
    },
    /// Validate a Messenger Profile body, then set it.
    Set {
        /// The JSON body; stdin when absent or `-`.
        file: Option<PathBuf>,
    },
    /// Delete Messenger Profile fields.
    Delete {
        /// Comma-separated fields.
        #[arg(long)]
        fields: String,
    },
}

pub(crate) fn profile(
    connection: &Connection,
    action: ProfileAction,
    platform: Product,
    compact: bool,
) -> Outcome {
    let graph = connection.graph();
    let request = match action {
        ProfileAction::Get { fields } => {
            let fields: Vec<&str> = match &fields {
                Some(list) => list.split(',').collect(),
                None => PROFILE_FIELDS.to_vec(),
            };
            graph.profile_get(&fields, platform)
        }
        ProfileAction::Delete { fields } => {
            graph.profile_delete(&fields.split(',').collect::<Vec<_>>(), platform)
        }
        ProfileAction::Set { file } => {
            let body = io::read_input(file.as_deref())?;
            let profile: MessengerProfile = serde_json::from_slice(&body).map_err(|err| {
                io::reject(&Error::new(ErrorKind::InvalidJson {
                    detail: err.to_string(),
                }))
            })?;
            let violations =
                limits::validate_profile(&profile, &Platform::latest().for_product(platform));
            if !violations.is_empty() {
                return Err(io::reject(&Error::new(ErrorKind::ValidationFailed {
                    violations,
                })));
            }
            graph.profile_set(&profile, platform)
        }
    };
    let request = request.map_err(|err| io::reject(&err))?;
    let reply = connection
        .client()
        .execute(&request)
        .map_err(|err| fail(&err))?;
    Ok(io::print_json(&reply.body, compact))
}

/// Prints the findings; exit 1 when any is an error.
pub(crate) fn diagnose(connection: &Connection, app_id: Option<&str>, compact: bool) -> Outcome {
    let report = DiagnoseReport {
        findings: connection.client().diagnose(&connection.graph(), app_id),
    };
    io::print_json(&report, compact);
    Ok(if report.has_errors() {
        ExitCode::from(io::REJECTED)
    } else {
        ExitCode::SUCCESS
    })
}
