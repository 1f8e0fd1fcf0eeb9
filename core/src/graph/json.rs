//! The Graph builders by name, with JSON arguments: the one entry the bindings (and the
//! vectors) call, so no binding repeats a path, a parameter or a default.

use serde_json::{Map, Value};

use super::{Graph, GraphCall, GraphRequest};
use crate::api::options::from_value;
use crate::error::{Error, ErrorKind, Result};

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
        Value::Null => Map::new(),
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
    let args = if args.is_null() {
        Value::Object(Map::new())
    } else {
        args.clone()
    };
    let value = Value::Object(Map::from_iter([(call.to_owned(), args)]));
    let typed = from_value::<GraphCall>(value, "").map_err(|err| {
        // The error's path starts at the call's name: its arguments are `args`.
        let field = match err.field().unwrap_or_default() {
            "" => "call".to_owned(),
            name if name == call => "args".to_owned(),
            path => match path.strip_prefix(call).and_then(|p| p.strip_prefix('.')) {
                Some(inner) => format!("args.{inner}"),
                None => path.to_owned(),
            },
        };
        Error::at(err.kind().clone(), field)
    })?;
    typed.request(graph)
}
