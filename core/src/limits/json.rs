//! Validating JSON from a host: a Send API request, a bare message or a Messenger Profile
//! body. JSON type errors and unknown keys become violations with their paths, like every
//! other rule, so one call reports everything.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::check::{Checker, Path, clip};
use super::{Platform, Violation, ViolationCode, profile, request};
use crate::send::{
    AccountLinkButton, BodyKind, Button, ButtonTemplate, CouponTemplate, FeedbackTemplate,
    GamePlayButton, GenericTemplate, ImageGridTemplate, MediaTemplate, Message, MessengerProfile,
    PostbackButton, ProductTemplate, QuickReply, ReceiptTemplate, SendRequest, Template,
    TextQuickReply, UrlButton,
};

/// Every rule `value` breaks: a Send API request body (it has `recipient`), a Messenger
/// Profile body (it has a profile property), or else a bare message object.
pub fn validate_json(value: &Value, platform: &Platform) -> Vec<Violation> {
    if !value.is_object() {
        let detail = "expected a json object".to_owned();
        return vec![Violation::new(
            ViolationCode::InvalidValue,
            String::new(),
            detail,
        )];
    }
    match BodyKind::of(value) {
        BodyKind::Request => typed::<SendRequest>(value, |r| request::validate(r, platform)),
        BodyKind::Profile => {
            typed::<MessengerProfile>(value, |p| profile::validate_profile(p, platform))
        }
        BodyKind::Message => typed::<Message>(value, |m| request::validate_message(m, platform)),
    }
}

/// Reads `value` as `T`; a type error is the one violation, else unknown keys plus `rules`.
fn typed<T: DeserializeOwned + Serialize>(
    value: &Value,
    rules: impl FnOnce(&T) -> Vec<Violation>,
) -> Vec<Violation> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Err(err) => vec![type_violation(&err.path().to_string(), err.inner())],
        Ok(typed) => {
            let mut out = Vec::new();
            let written = serde_json::to_value(&typed).unwrap_or(Value::Null);
            unknown_keys(value, &written, &mut String::new(), &mut out);
            out.extend(rules(&typed));
            out
        }
    }
}

/// A JSON type error as a violation; a missing field is `required` at the field's own path.
fn type_violation(path: &str, err: &serde_json::Error) -> Violation {
    let problem = crate::error::SerdeProblem::new(path, err);
    match &problem.missing {
        Some(name) => Violation::new(
            ViolationCode::Required,
            problem.field,
            format!("`{name}` is required"),
        ),
        None => Violation::new(ViolationCode::InvalidValue, problem.field, problem.detail),
    }
}

/// Keys of `input` that the typed model did not keep: Meta does not accept them.
fn unknown_keys(input: &Value, written: &Value, path: &mut String, out: &mut Vec<Violation>) {
    match (input, written) {
        (Value::Object(given), Value::Object(kept)) => {
            for (key, value) in given {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                match kept.get(key) {
                    Some(inner) => unknown_keys(value, inner, path, out),
                    None if value.is_null() => {}
                    None => out.push(Violation::new(
                        ViolationCode::NotAllowed,
                        path.clone(),
                        format!("`{key}` is not a field meta accepts here"),
                    )),
                }
                path.truncate(len);
            }
        }
        (Value::Array(given), Value::Array(kept)) => {
            for (index, (value, inner)) in given.iter().zip(kept).enumerate() {
                let len = path.len();
                path.push_str(&format!("[{index}]"));
                unknown_keys(value, inner, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Explains a value that fell into an `Other` variant: no tag, an unknown tag, or a known
/// tag whose fields have the wrong JSON types (reported at the exact inner path).
pub(crate) fn explain_other<T: StrictParse>(
    check: &mut Checker<'_>,
    path: &Path<'_>,
    raw: &Value,
    tag: &'static str,
    known: &[&str],
) {
    let Some(object) = raw.as_object() else {
        check.push(ViolationCode::InvalidValue, path, "expected a json object");
        return;
    };
    let Some(name) = object.get(tag).and_then(Value::as_str) else {
        check.push(
            ViolationCode::Required,
            &path.key(tag),
            format!("`{tag}` is required"),
        );
        return;
    };
    if !known.contains(&name) {
        check.push(
            ViolationCode::InvalidValue,
            &path.key(tag),
            format!("`{}` is not one of {}", clip(name), known.join(", ")),
        );
        return;
    }
    let base = path.render();
    let violation = match T::strict_error(name, raw) {
        Some((inner, err)) => {
            let inner = if inner == "." { String::new() } else { inner };
            let joined = match (base.is_empty(), inner.is_empty()) {
                (_, true) => base,
                (true, false) => inner,
                (false, false) => format!("{base}.{inner}"),
            };
            type_violation(&joined, &err)
        }
        None => Violation::new(
            ViolationCode::InvalidValue,
            base,
            format!("malformed `{name}`"),
        ),
    };
    check.out.push(violation);
}

/// Re-reads a tagged value strictly as the struct its tag names, to find the real error.
pub(crate) trait StrictParse {
    /// The path inside `raw` and the error, if `raw` does not read as the type `name` names.
    fn strict_error(name: &str, raw: &Value) -> Option<(String, serde_json::Error)>;
}

fn error_of<T: DeserializeOwned>(raw: &Value) -> Option<(String, serde_json::Error)> {
    serde_path_to_error::deserialize::<_, T>(raw)
        .err()
        .map(|err| (err.path().to_string(), err.into_inner()))
}

impl StrictParse for Button {
    fn strict_error(name: &str, raw: &Value) -> Option<(String, serde_json::Error)> {
        match name {
            "web_url" => error_of::<UrlButton>(raw),
            "postback" | "phone_number" => error_of::<PostbackButton>(raw),
            "account_link" => error_of::<AccountLinkButton>(raw),
            "game_play" => error_of::<GamePlayButton>(raw),
            _ => None,
        }
    }
}

impl StrictParse for QuickReply {
    fn strict_error(name: &str, raw: &Value) -> Option<(String, serde_json::Error)> {
        match name {
            "text" => error_of::<TextQuickReply>(raw),
            _ => None,
        }
    }
}

impl StrictParse for Template {
    fn strict_error(name: &str, raw: &Value) -> Option<(String, serde_json::Error)> {
        match name {
            "generic" => error_of::<GenericTemplate>(raw),
            "button" => error_of::<ButtonTemplate>(raw),
            "media" => error_of::<MediaTemplate>(raw),
            "receipt" => error_of::<ReceiptTemplate>(raw),
            "product" => error_of::<ProductTemplate>(raw),
            "coupon" => error_of::<CouponTemplate>(raw),
            "customer_feedback" => error_of::<FeedbackTemplate>(raw),
            "image_grid" => error_of::<ImageGridTemplate>(raw),
            _ => None,
        }
    }
}
