//! A send's body as Graph reads it: JSON, form-encoded, or a multipart form with the file
//! in it; in each, an object parameter may come as JSON text.

use axum::http::HeaderMap;
use serde_json::{Value, json};

use crate::{App, multipart};

/// A send's parameters as Graph reads them: a JSON body, or a form-encoded one
/// (`recipient={"id":"..."}&message={...}`); in either, an object parameter given as JSON
/// text (as pymessenger sends `recipient`) is read as the object.
pub(crate) fn send_body(headers: &HeaderMap, body: &[u8]) -> Value {
    let form = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    let mut request = if form {
        let pairs = form_urlencoded::parse(body).into_owned();
        Value::Object(pairs.map(|(k, v)| (k, Value::String(v))).collect())
    } else {
        serde_json::from_slice(body).unwrap_or(Value::Null)
    };
    objects_from_text(&mut request);
    request
}

/// Each top-level parameter given as JSON text of an object, read as the object.
pub(crate) fn objects_from_text(request: &mut Value) {
    if let Some(map) = request.as_object_mut() {
        for value in map.values_mut() {
            let parsed = value
                .as_str()
                .filter(|text| text.trim_start().starts_with('{'))
                .and_then(|text| serde_json::from_str::<Value>(text).ok());
            if let Some(object) = parsed {
                *value = object;
            }
        }
    }
}

/// A multipart send (`recipient`, `message`, `filedata`): the request it stands for, its
/// file uploaded and named by the `attachment_id` it got.
pub(crate) fn form_request(app: &App, form: multipart::Form) -> Value {
    let mut request = Value::Object(form.fields);
    objects_from_text(&mut request);
    if form.file.is_some() && request["message"]["attachment"].is_object() {
        let id = app.state().id("att_");
        request["message"]["attachment"]["payload"] = json!({"attachment_id": id});
    }
    request
}
