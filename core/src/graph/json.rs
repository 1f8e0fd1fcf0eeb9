//! The Graph configuration and the builders by name, from JSON values: the one entry the
//! bindings (and the vectors) call, so no binding repeats a path, a parameter or a default.

use serde_json::{Map, Value};

use super::{Graph, GraphCall, GraphConfig, GraphRequest};
use crate::error::{Error, ErrorKind, Result};
use crate::typed_input::from_value;

/// A [`Graph`] from `{"token", "app_secret"?, "version"?, "base_url"?, "page_id"?,
/// "login"?}` (a [`GraphConfig`]).
///
/// # Errors
///
/// `invalid_input` at a key that is no setting or at a mistyped one (an unknown `login`),
/// and [`GraphConfig::graph`]'s.
pub fn graph_from_json(config: &Value) -> Result<Graph> {
    from_value::<GraphConfig>(config.clone(), "")?.graph()
}

/// A [`Graph`] from a token and the other settings given as a value (a binding's keyword
/// arguments or options object, `null` for none): as [`graph_from_json`].
///
/// # Errors
///
/// As [`graph_from_json`].
pub fn graph_from_parts(token: Option<&str>, settings: Value) -> Result<Graph> {
    from_value::<GraphConfig>(with_token(token, settings)?, "")?.graph()
}

/// `settings` (an object, or `null` for none) with `token` in it.
pub(crate) fn with_token(token: Option<&str>, settings: Value) -> Result<Value> {
    let mut config = match settings {
        Value::Null => Map::new(),
        Value::Object(map) => map,
        _ => {
            return Err(Error::new(ErrorKind::InvalidInput {
                detail: "the settings are an object".to_owned(),
            }));
        }
    };
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
