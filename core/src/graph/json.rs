//! The Graph builders by name, with JSON arguments: the one entry the bindings (and the
//! vectors) call, so no binding repeats a path, a parameter or a default.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{BatchItem, Graph, GraphRequest, ThreadControl};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Product;

/// A [`Graph`] from `{"token", "app_secret"?, "version"?, "base_url"?, "page_id"?,
/// "login"?}`; `login` is `"facebook"` (the default) or `"instagram"` (Instagram Login:
/// `graph.instagram.com` unless `base_url` says otherwise).
///
/// # Errors
///
/// `required` (field `token`) without a token or with a blank one (an unset environment
/// variable, typically); `invalid_input` for a non-string value, a `version` that is not
/// `vN.N`, or an unknown `login`.
pub fn graph_from_json(config: &Value) -> Result<Graph> {
    let text = |key: &str| -> Result<Option<&str>> {
        match config.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: "expected a string".to_owned(),
                },
                key,
            )),
        }
    };
    let token = text("token")?
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| {
            Error::at(
                ErrorKind::Required {
                    detail: "a page access token".to_owned(),
                },
                "token",
            )
        })?;
    let mut graph = match text("login")? {
        None | Some("facebook") => Graph::new(token),
        Some("instagram") => Graph::instagram_login(token),
        Some(other) => {
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: format!("`{other}` is not a login (facebook, instagram)"),
                },
                "login",
            ));
        }
    };
    if let Some(secret) = text("app_secret")? {
        graph = graph.app_secret(secret);
    }
    if let Some(version) = text("version")? {
        // Anything else would be pasted into every URL.
        if crate::limits::parse_graph_version(version).is_none() {
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: "a graph version looks like v27.0".to_owned(),
                },
                "version",
            ));
        }
        graph = graph.version(version);
    }
    if let Some(base) = text("base_url")? {
        graph = graph.base_url(base);
    }
    if let Some(page) = text("page_id")? {
        graph = graph.page_id(page);
    }
    Ok(graph)
}

/// The keys of a Graph configuration.
pub const GRAPH_CONFIG_KEYS: &[&str] = &[
    "token",
    "app_secret",
    "version",
    "base_url",
    "page_id",
    "login",
];

/// A [`Graph`] from a token and the other settings given as a value (a binding's keyword
/// arguments or options object): as [`graph_from_json`], and a key that is not a setting
/// is refused as `invalid_input` at that key.
///
/// # Errors
///
/// As [`graph_from_json`]; `invalid_input` for an unknown key.
pub fn graph_from_parts(token: Option<&str>, settings: Value) -> Result<Graph> {
    graph_from_json(&config_with_token(token, settings, &[GRAPH_CONFIG_KEYS])?)
}

/// `settings` (an object, or `null` for none) with `token` in it, every key checked
/// against `known`.
pub(crate) fn config_with_token(
    token: Option<&str>,
    settings: Value,
    known: &[&[&str]],
) -> Result<Value> {
    let mut config = match settings {
        Value::Null => serde_json::Map::new(),
        Value::Object(map) => map,
        _ => {
            return Err(Error::new(ErrorKind::InvalidInput {
                detail: "the settings are an object".to_owned(),
            }));
        }
    };
    if let Some(key) = config
        .keys()
        .find(|key| !known.iter().any(|keys| keys.contains(&key.as_str())))
    {
        let expected = known.concat().join(", ");
        return Err(Error::at(
            ErrorKind::InvalidInput {
                detail: format!("not a setting ({expected})"),
            },
            key.clone(),
        ));
    }
    if let Some(token) = token {
        config.insert("token".to_owned(), token.into());
    }
    Ok(Value::Object(config))
}

/// The request of builder `call` with `args` (the builders' parameters by name).
///
/// # Errors
///
/// `invalid_input` for an unknown call, `required` / `invalid_input` at `args.<name>` for
/// a missing or mistyped argument, and the builder's own errors (`batch`).
pub fn request_from_json(graph: &Graph, call: &str, args: &Value) -> Result<GraphRequest> {
    let a = Args(args);
    let platform = || a.opt::<Product>("platform").map(Option::unwrap_or_default);
    let fields = |key| a.opt::<Vec<String>>(key);
    Ok(match call {
        "send" => graph.send(&a.get("request")?),
        "sender_action" => graph.sender_action(&a.string("psid")?, a.get("action")?),
        "react" => graph.react(
            &a.string("psid")?,
            &a.string("message_id")?,
            a.opt::<String>("emoji")?.as_deref(),
        ),
        "upload_url" => graph.upload_url(&a.string("type")?, &a.string("url")?, platform()?),
        "upload_bytes" => {
            let bytes = a.string("data")?;
            let (kind, mime) = (a.string("type")?, a.string("mime")?);
            let profile = crate::limits::Platform::latest().for_product(platform()?);
            let mut violations =
                crate::limits::validate_upload(&kind, &mime, bytes.len(), &profile);
            if !violations.is_empty() {
                for violation in &mut violations {
                    violation.field = format!("args.{}", violation.field);
                }
                return Err(Error::new(ErrorKind::ValidationFailed { violations }));
            }
            graph.upload_bytes(&kind, &a.string("filename")?, &mime, bytes.as_bytes())
        }
        "profile_get" => {
            graph.profile_get(&refs(&fields("fields")?.unwrap_or_default()), platform()?)?
        }
        "profile_set" => graph.profile_set(&a.get("profile")?, platform()?)?,
        "profile_delete" => {
            graph.profile_delete(&refs(&fields("fields")?.unwrap_or_default()), platform()?)?
        }
        "user_menu_set" => {
            graph.page_only(call)?;
            graph.user_menu_set(&a.string("psid")?, &a.get::<Vec<_>>("menu")?)?
        }
        "user_menu_get" => graph
            .page_only(call)
            .and_then(|()| graph.user_menu_get(&a.string("psid")?))?,
        "user_menu_delete" => graph
            .page_only(call)
            .and_then(|()| graph.user_menu_delete(&a.string("psid")?))?,
        "thread_control" => {
            graph.page_only(call)?;
            graph.thread_control(
                a.get::<ThreadControl>("call")?,
                &a.string("psid")?,
                a.opt::<String>("target_app_id")?.as_deref(),
                a.opt::<String>("metadata")?.as_deref(),
            )?
        }
        "thread_owner" => {
            graph.page_only(call)?;
            graph.thread_owner(&a.string("psid")?)?
        }
        "secondary_receivers" => graph.secondary_receivers()?,
        "user_profile" => graph.user_profile(
            &a.string("psid")?,
            fields("fields")?.as_deref().map(refs).as_deref(),
        ),
        "persona_create" => {
            graph.page_only(call)?;
            graph.persona_create(&a.string("name")?, &a.string("profile_picture_url")?)?
        }
        "personas" => graph.personas()?,
        "persona_delete" => {
            graph.page_only(call)?;
            graph.persona_delete(&a.string("persona_id")?)?
        }
        "accounts" => graph.accounts()?,
        "subscribed_apps" => graph.subscribed_apps(),
        "subscribe" => graph.subscribe(fields("fields")?.as_deref().map(refs).as_deref()),
        "permissions" => graph.permissions(),
        "me" => graph.me(),
        "debug_token" => graph.debug_token(&a.string("input_token")?),
        "batch" => graph.batch(&a.get::<Vec<BatchItem>>("items")?)?,
        other => {
            return Err(Error::at(
                ErrorKind::InvalidInput {
                    detail: format!("unknown graph call `{other}`"),
                },
                "call",
            ));
        }
    })
}

fn refs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

struct Args<'a>(&'a Value);

impl Args<'_> {
    fn opt<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => serde_json::from_value(value.clone())
                .map(Some)
                .map_err(|e| {
                    Error::at(
                        ErrorKind::InvalidInput {
                            detail: e.to_string(),
                        },
                        format!("args.{key}"),
                    )
                }),
        }
    }

    fn get<T: DeserializeOwned>(&self, key: &str) -> Result<T> {
        self.opt(key)?.ok_or_else(|| {
            Error::at(
                ErrorKind::Required {
                    detail: format!("argument `{key}`"),
                },
                format!("args.{key}"),
            )
        })
    }

    fn string(&self, key: &str) -> Result<String> {
        self.get(key)
    }
}
