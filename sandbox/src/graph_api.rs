//! The rest of the Graph API a Messenger integration calls: user profiles, the Messenger
//! Profile (kept while the sandbox runs), personas, attachment uploads, thread control,
//! `subscribed_apps`, `debug_token` and `me/permissions` (so `msgrkit diagnose` passes).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use msgrkit::limits::Date;
use serde_json::{Map, Value, json};

use crate::answers::{MetaError, ok};
use crate::graph_send::{authorise, token};
use crate::state::{APP_ID, PAGE_ID};
use crate::{App, multipart};

type Params = Query<HashMap<String, String>>;

/// Logs a Graph call and its answer, and returns the answer.
fn answered(
    app: &App,
    method: &str,
    path: String,
    request: Value,
    answer: Result<Value, MetaError>,
) -> Response {
    let (status, body) = match &answer {
        Ok(body) => (200, body.clone()),
        Err(error) => (error.status().as_u16(), error.envelope()),
    };
    app.log(
        json!({"kind": "graph", "method": method, "path": path, "request": request,
                   "status": status, "answer": body}),
    );
    match answer {
        Ok(body) => ok(body),
        Err(error) => error.into_response(),
    }
}

fn unsupported(path: &str) -> MetaError {
    MetaError::new(
        100,
        Some(33),
        format!(
            "Unsupported request: {path} does not exist in the sandbox, or the call is not supported"
        ),
    )
}

fn body_json(body: &Bytes) -> Value {
    serde_json::from_slice(body).unwrap_or_else(|_| {
        // Form bodies (Graph's batch, some uploads) are kept as text.
        json!(String::from_utf8_lossy(body))
    })
}

/// `POST /me/message_attachments`: an `attachment_id` for a file sent as `filedata` (a
/// multipart form) or a `payload.url`, judged by the core's `limits::validate_upload` on
/// the simulated date (the kind, the file's content type and size); Meta's 100 otherwise.
fn upload_attachment(
    app: &App,
    request: &Value,
    upload: Option<&multipart::Upload>,
) -> Result<Value, MetaError> {
    let attachment = &request["message"]["attachment"];
    let kind = attachment["type"].as_str().unwrap_or_default();
    let platform = msgrkit::limits::Platform::as_of(Date::from_millis(app.state().now()));
    let violations = match upload {
        Some(file) => {
            let mime = file.content_type.as_deref().unwrap_or_default();
            msgrkit::limits::validate_upload(kind, mime, file.bytes, &platform)
        }
        // By URL only the kind is the upload's own: Meta fetches and judges the rest.
        None if attachment["payload"]["url"].is_string() => {
            let mut found = msgrkit::limits::validate_upload(kind, "", 0, &platform);
            found.retain(|v| v.field == "type");
            found
        }
        None => {
            return Err(MetaError::invalid_parameter(
                "filedata",
                "send the file as filedata, or its url as message[attachment][payload][url]",
            ));
        }
    };
    if let Some(first) = violations.first() {
        let field = if first.field == "type" {
            "message[attachment][type]"
        } else {
            "filedata"
        };
        return Err(MetaError::invalid_parameter(field, &first.detail));
    }
    Ok(json!({"attachment_id": app.state().id("att_")}))
}

/// `GET /{version}/{node}`: the Page (`me`, its ID) or a customer's user profile.
pub(crate) async fn node(
    State(app): State<Arc<App>>,
    Path((version, node)): Path<(String, String)>,
    Query(query): Params,
    headers: HeaderMap,
) -> Response {
    let answer = authorise(&app, token(&headers, &query).as_deref()).and_then(|()| {
        if node == "me" || node == PAGE_ID {
            return Ok(json!({"id": PAGE_ID, "name": "msgrkit Sandbox Page"}));
        }
        let state = app.state();
        let customer = state
            .customers
            .get(&node)
            .ok_or_else(|| unsupported(&node))?;
        let fields = query
            .get("fields")
            .map_or("first_name,last_name,profile_pic", String::as_str);
        let mut profile = json!({"id": customer.psid});
        for field in fields.split(',') {
            match field.trim() {
                "first_name" => profile["first_name"] = json!(customer.first_name),
                "last_name" => profile["last_name"] = json!(customer.last_name),
                "name" => {
                    profile["name"] =
                        json!(format!("{} {}", customer.first_name, customer.last_name))
                }
                "profile_pic" => {
                    profile["profile_pic"] = json!("https://sandbox.invalid/avatar.png")
                }
                "locale" => profile["locale"] = json!("en_US"),
                _ => {}
            }
        }
        Ok(profile)
    });
    answered(
        &app,
        "GET",
        format!("/{version}/{node}"),
        json!(query),
        answer,
    )
}

pub(crate) async fn not_found(Path((version, node)): Path<(String, String)>) -> Response {
    unsupported(&format!("/{version}/{node}")).into_response()
}

/// `GET /{version}/debug_token`: a valid Page token with the permissions msgrkit needs
/// (invalid once the control API revoked it).
pub(crate) async fn debug_token(
    State(app): State<Arc<App>>,
    Path(version): Path<String>,
    Query(query): Params,
    headers: HeaderMap,
) -> Response {
    // The inspected token is valid when it is the Page's and was not revoked.
    let inspected = query.get("input_token").map(String::as_str);
    let revoked = app.state().token_revoked || inspected != Some(app.config.page_token.as_str());
    let answer = match token(&headers, &query) {
        None => Err(MetaError::new(
            190,
            None,
            "An access token is required to request this resource.",
        )),
        Some(_) => Ok(json!({"data": {
            "app_id": APP_ID,
            "type": "PAGE",
            "application": "msgrkit sandbox",
            "is_valid": !revoked,
            "profile_id": PAGE_ID,
            "expires_at": 0,
            "scopes": msgrkit::graph::REQUIRED_PERMISSIONS.iter().chain(&["pages_show_list"]).collect::<Vec<_>>(),
        }})),
    };
    answered(
        &app,
        "GET",
        format!("/{version}/debug_token"),
        json!(query),
        answer,
    )
}

pub(crate) async fn profile_get(
    State(app): State<Arc<App>>,
    Path((version, node)): Path<(String, String)>,
    Query(query): Params,
    headers: HeaderMap,
) -> Response {
    let answer = authorise(&app, token(&headers, &query).as_deref()).map(|()| {
        let state = app.state();
        let wanted: Vec<&str> = query
            .get("fields")
            .map_or(Vec::new(), |f| f.split(',').collect());
        let fields: Map<String, Value> = state
            .profile
            .iter()
            .filter(|(key, _)| wanted.is_empty() || wanted.contains(&key.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        json!({"data": if fields.is_empty() { json!([]) } else { json!([fields]) }})
    });
    answered(
        &app,
        "GET",
        format!("/{version}/{node}/messenger_profile"),
        json!(query),
        answer,
    )
}

/// `POST .../messenger_profile`: validated by the core, then kept.
pub(crate) async fn profile_set(
    State(app): State<Arc<App>>,
    Path((version, node)): Path<(String, String)>,
    Query(query): Params,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = body_json(&body);
    let answer = authorise(&app, token(&headers, &query).as_deref()).and_then(|()| {
        // Meta judges the profile as it will be: the fields set before and this call's.
        let mut merged = app.state().profile.clone();
        for (key, value) in request.as_object().into_iter().flatten() {
            merged.insert(key.clone(), value.clone());
        }
        let violations = msgrkit::api::validate_value(&Value::Object(merged.clone()), json!({}))
            .map_err(|e| MetaError::new(100, None, format!("(#100) {e}")))?;
        if let Some(first) = violations.first() {
            return Err(MetaError::invalid_parameter(&first.field, &first.detail));
        }
        let mut state = app.state();
        state.profile = merged;
        let profile = json!(state.profile);
        drop(state);
        app.announce("profile", &profile);
        Ok(json!({"result": "success"}))
    });
    answered(
        &app,
        "POST",
        format!("/{version}/{node}/messenger_profile"),
        request,
        answer,
    )
}

pub(crate) async fn profile_delete(
    State(app): State<Arc<App>>,
    Path((version, node)): Path<(String, String)>,
    Query(query): Params,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = body_json(&body);
    let answer = authorise(&app, token(&headers, &query).as_deref()).map(|()| {
        let mut state = app.state();
        for field in request["fields"].as_array().into_iter().flatten() {
            if let Some(name) = field.as_str() {
                state.profile.remove(name);
            }
        }
        let profile = json!(state.profile);
        drop(state);
        app.announce("profile", &profile);
        json!({"result": "success"})
    });
    answered(
        &app,
        "DELETE",
        format!("/{version}/{node}/messenger_profile"),
        request,
        answer,
    )
}

pub(crate) async fn edge_get(
    State(app): State<Arc<App>>,
    Path((version, node, edge)): Path<(String, String, String)>,
    Query(query): Params,
    headers: HeaderMap,
) -> Response {
    let answer =
        authorise(&app, token(&headers, &query).as_deref()).and_then(|()| match edge.as_str() {
            "subscribed_apps" => Ok(json!({"data": [{
                "id": APP_ID, "name": "msgrkit sandbox",
                "subscribed_fields": msgrkit::graph::SUBSCRIPTION_FIELDS,
            }]})),
            "permissions" => Ok(json!({"data": msgrkit::graph::REQUIRED_PERMISSIONS.iter()
            .map(|p| json!({"permission": p, "status": "granted"})).collect::<Vec<_>>()})),
            "personas" => Ok(json!({"data": app.state().personas.values().collect::<Vec<_>>()})),
            _ => Err(unsupported(&format!("/{version}/{node}/{edge}"))),
        });
    answered(
        &app,
        "GET",
        format!("/{version}/{node}/{edge}"),
        json!(query),
        answer,
    )
}

pub(crate) async fn edge_post(
    State(app): State<Arc<App>>,
    Path((version, node, edge)): Path<(String, String, String)>,
    Query(query): Params,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let (request, upload) = if multipart::is_form(&content_type) {
        match multipart::read(&content_type, body).await {
            Ok(form) => {
                let mut request = Value::Object(form.fields);
                crate::send_body::objects_from_text(&mut request);
                (request, form.file)
            }
            Err(why) => (json!({"unreadable": why}), None),
        }
    } else {
        (body_json(&body), None)
    };
    let mut logged = request.clone();
    if let Some(file) = &upload {
        logged["filedata"] = file.describe();
    }
    let answer =
        authorise(&app, token(&headers, &query).as_deref()).and_then(|()| match edge.as_str() {
            "personas" => {
                let mut state = app.state();
                let id = state.id("persona_");
                let persona = json!({"id": id, "name": request["name"],
                                     "profile_picture_url": request["profile_picture_url"]});
                state.personas.insert(id.clone(), persona);
                Ok(json!({"id": id}))
            }
            "message_attachments" => upload_attachment(&app, &request, upload.as_ref()),
            "subscribed_apps"
            | "pass_thread_control"
            | "take_thread_control"
            | "request_thread_control"
            | "release_thread_control" => Ok(json!({"success": true})),
            _ => Err(unsupported(&format!("/{version}/{node}/{edge}"))),
        });
    answered(
        &app,
        "POST",
        format!("/{version}/{node}/{edge}"),
        logged,
        answer,
    )
}
