//! Linktor's send model: `content` of type text (with `quickReplies`), image, video, audio,
//! file and template (button, generic, receipt), and `options.tag`. Fields are camelCase
//! and map to Meta's snake_case names.

use serde_json::Value;

mod template;

use super::Read;
use super::reader::{Obj, invalid, metadata_text, unsupported, warn};
use super::sources::Sources;
use crate::compose::{
    Action, Location, Media, MediaKind, Message, SendOptions, Warning, WarningCode,
};
use crate::error::Result;
use crate::send::{MessageTag, MessagingType};
use template::{buttons, template_of};

pub(super) fn read(value: &Value) -> Result<Read> {
    let root = Obj::new(value, "")?;
    let mut warnings = Vec::new();
    let mut options = SendOptions::default();
    let mut sources = Sources::rooted("");
    let message = if root.has("content") {
        root.ignore(&["channelId", "to", "conversationId", "contactId"]);
        if let Some(opts) = root.obj("options")? {
            sources.add("options", opts.path());
            options.tag = opts.str("tag")?.map(|t| MessageTag::from_name(&t));
            options.messaging_type = options.tag.as_ref().map(|_| MessagingType::MessageTag);
            if options.tag.is_some() {
                sources.add("options.tag", opts.at("tag"));
            }
            opts.finish(&mut warnings);
        }
        let content = root.obj("content")?.expect("checked by has()");
        sources.add("", content.path());
        let mut message = content_of(&content, &mut sources, &mut warnings)?;
        content.finish(&mut warnings);
        message.metadata = metadata_text(&root, &mut sources)?;
        message
    } else {
        content_of(&root, &mut sources, &mut warnings)?
    };
    root.finish(&mut warnings);
    Ok(Read {
        message,
        options,
        warnings,
        sources,
    })
}

fn content_of(
    obj: &Obj<'_>,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Message> {
    let kind = obj.req_str("type")?;
    let mut message = match kind.as_str() {
        "text" => {
            sources.add("text", obj.at("text"));
            Message::text(obj.req_str("text")?)
        }
        "image" | "video" | "audio" | "file" | "document" => {
            media_of(obj, &kind, sources, warnings)?
        }
        "location" => {
            let coordinate = |key: &str| {
                obj.f64(key)?
                    .ok_or_else(|| invalid(&obj.at(key), "a location needs latitude and longitude"))
            };
            sources.add("location", obj.path());
            Message {
                location: Some(Location {
                    lat: coordinate("latitude")?,
                    lon: coordinate("longitude")?,
                    title: obj.str("name")?,
                    address: obj.str("address")?,
                }),
                ..Message::default()
            }
        }
        "buttons" => {
            sources.add("text", obj.at("text"));
            sources.add("actions", obj.at("buttons"));
            Message {
                text: Some(obj.req_str("text")?),
                actions: buttons(obj, "actions", sources, warnings)?,
                ..Message::default()
            }
        }
        "template" => {
            let template = obj
                .obj("template")?
                .ok_or_else(|| invalid(&obj.at("template"), "the template object is required"))?;
            let message = template_of(&template, sources, warnings)?;
            template.finish(warnings);
            message
        }
        other => {
            return Err(unsupported(
                &obj.at("type"),
                format!("`{other}` is not a linktor content type"),
            ));
        }
    };
    let offset = message.actions.len();
    if offset == 0 && obj.has("quickReplies") {
        sources.add("actions", obj.at("quickReplies"));
    }
    for (index, reply) in obj.objs("quickReplies")?.into_iter().enumerate() {
        sources.add(format!("actions[{}]", offset + index), reply.path());
        let action = match reply.str("contentType")?.as_deref().unwrap_or("text") {
            "user_phone_number" => Action::PhoneRequest {},
            "user_email" => Action::EmailRequest {},
            "text" => {
                let payload = payload_or_id(&reply, warnings)?;
                Action::Reply {
                    title: reply.req_str("title")?,
                    payload,
                    icon_url: reply.str("imageUrl")?,
                }
            }
            other => {
                return Err(invalid(
                    &reply.at("contentType"),
                    &format!("`{other}` is not a quick reply type"),
                ));
            }
        };
        message.actions.push(action);
        reply.finish(warnings);
    }
    Ok(message)
}

/// The payload of a reply: the SDK's `payload`, else the Messages API's `id`; with both,
/// `payload` wins and `id` is reported.
fn payload_or_id(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Option<String>> {
    let (payload, id) = (obj.str("payload")?, obj.str("id")?);
    if payload.is_some() && id.is_some() {
        warn(
            warnings,
            WarningCode::Dropped,
            obj.at("id"),
            "`payload` is sent as the payload",
        );
    }
    Ok(payload.or(id))
}

/// Media in the SDK's nested form (`image: {url}`) or the Messages API's flat form
/// (`url`, `caption`, `filename` beside `type`).
fn media_of(
    obj: &Obj<'_>,
    kind: &str,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Message> {
    let media_kind = match kind {
        "image" => MediaKind::Image,
        "video" => MediaKind::Video,
        "audio" => MediaKind::Audio,
        _ => MediaKind::File,
    };
    let nested = obj.obj(kind)?;
    let body = match &nested {
        Some(nested) => nested,
        None if obj.has("url") => obj,
        None => return Err(invalid(&obj.at("url"), "a media message needs a url")),
    };
    sources.add("media", body.path());
    sources.add("media.url", body.at("url"));
    let filename = body.str("filename")?;
    if filename.is_some() {
        warn(
            warnings,
            WarningCode::Dropped,
            body.at("filename"),
            "messenger takes the file name from the url or the upload; used only to tell the media's kind",
        );
    }
    let media = Media {
        url: Some(body.req_str("url")?),
        kind: Some(media_kind),
        filename,
        mime: body.str("mimeType")?,
        ..Media::default()
    };
    let caption = body.str("caption")?;
    if caption.is_some() {
        sources.add("text", body.at("caption"));
    }
    if let Some(nested) = nested {
        nested.finish(warnings);
    }
    Ok(Message {
        media: Some(media),
        text: caption,
        ..Message::default()
    })
}
