//! The one mapping from core failures (errors, and policy refusals) to thrown JS `Error`s:
//! the attributes as the core names them (`msgrkit::api::failure`), in camelCase (the one
//! casing rule: `graph_code` is `graphCode`), plus `category` for errors.

use msgrkit::Error;
use msgrkit::api::failure::{Failure, failure, refusal_failure};
use msgrkit::policy::Refusal;
use napi::JsValue;
use napi::bindgen_prelude::{Env, Status};

use crate::convert::js;

/// The `Error` to throw (or reject with) for a core error.
pub(crate) fn to_js_err(env: &Env, err: Error) -> napi::Error {
    throwable(env, &failure(&err))
}

/// A policy refusal as an `Error` whose `code` is the refusal's, with all of it as
/// `refusal`.
pub(crate) fn refusal_to_js_err(env: &Env, refusal: &Refusal) -> napi::Error {
    throwable(env, &refusal_failure(refusal))
}

fn throwable(env: &Env, failed: &Failure) -> napi::Error {
    let build = || -> napi::Result<napi::Error> {
        let mut object =
            env.create_error(napi::Error::new(Status::GenericFailure, &failed.message))?;
        if let Some(category) = failed.category {
            object.set("category", js(&category))?;
        }
        for (key, value) in &failed.attributes {
            object.set(camel(key), value)?;
        }
        Ok(napi::Error::from(object.to_unknown()))
    };
    build().unwrap_or_else(|failure| failure)
}

/// `graph_code` as `graphCode`.
fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
