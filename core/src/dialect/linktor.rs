//! Linktor's send model: `content` of type text (with `quickReplies`), image, video, audio,
//! file and template (button, generic, receipt), and `options.tag`. Fields are camelCase
//! and map to Meta's snake_case names.

use serde_json::Value;

use super::Read;
use super::reader::{Obj, invalid, unsupported, warn};
use super::sources::Sources;
use crate::compose::{
    Action, Card, LinkAction, Location, Media, MediaKind, Message, Receipt, SendOptions, Warning,
    WarningCode,
};
use crate::error::Result;
use crate::send::{Address, Adjustment, MessageTag, MessagingType, ReceiptElement, Summary};

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
        message.metadata = metadata(&root, &mut sources)?;
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

/// Linktor's `metadata` is an object; Messenger's is text, so it travels as JSON text
/// (composing reports it if it has to be cut).
fn metadata(root: &Obj<'_>, sources: &mut Sources) -> Result<Option<String>> {
    let metadata = match root.raw("metadata") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(value @ Value::Object(_)) => Some(value.to_string()),
        Some(_) => return Err(invalid(&root.at("metadata"), "expected an object")),
    };
    if metadata.is_some() {
        sources.add("metadata", root.at("metadata"));
    }
    Ok(metadata)
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
                // The documented Messages API names the payload `id`; the SDK `payload`.
                let payload = match reply.str("payload")? {
                    Some(payload) => Some(payload),
                    None => reply.str("id")?,
                };
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
        if reply.has("payload") && reply.has("id") {
            warn(
                warnings,
                WarningCode::Dropped,
                reply.at("id"),
                "`payload` is sent as the payload",
            );
        }
        message.actions.push(action);
        reply.finish(warnings);
    }
    Ok(message)
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

fn template_of(
    obj: &Obj<'_>,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Message> {
    if !obj.has("type") && obj.has("name") {
        return Err(unsupported(
            &obj.at("name"),
            "a whatsapp message template, named and stored at meta; messenger has none",
        ));
    }
    sources.add("", obj.path());
    match obj.req_str("type")?.as_str() {
        "button" => {
            sources.add("text", obj.at("text"));
            sources.add("actions", obj.at("buttons"));
            Ok(Message {
                text: Some(obj.req_str("text")?),
                actions: buttons(obj, "actions", sources, warnings)?,
                ..Message::default()
            })
        }
        "generic" => {
            let mut cards = Vec::new();
            for (index, element) in obj.objs("elements")?.into_iter().enumerate() {
                let neutral = format!("cards[{index}]");
                sources.add(neutral.as_str(), element.path());
                for (key, name) in [
                    ("title", "title"),
                    ("subtitle", "subtitle"),
                    ("media_url", "imageUrl"),
                ] {
                    sources.add(format!("{neutral}.{key}"), element.at(name));
                }
                sources.add(
                    format!("{neutral}.default_action"),
                    element.at("defaultAction"),
                );
                let default_action = match element.obj("defaultAction")? {
                    Some(action) => {
                        let link = LinkAction {
                            url: action.req_str("url")?,
                            webview: action.str("webviewHeightRatio")?,
                            ..LinkAction::default()
                        };
                        action.ignore(&["type"]);
                        action.finish(warnings);
                        Some(link)
                    }
                    None => None,
                };
                cards.push(Card {
                    title: element.str("title")?,
                    subtitle: element.str("subtitle")?,
                    media_url: element.str("imageUrl")?,
                    default_action,
                    actions: buttons(&element, &format!("{neutral}.actions"), sources, warnings)?,
                });
                element.finish(warnings);
            }
            Ok(Message {
                cards,
                image_aspect_ratio: obj.str("imageAspectRatio")?,
                ..Message::default()
            })
        }
        "receipt" => Ok(Message {
            receipt: Some(receipt(obj, warnings)?),
            ..Message::default()
        }),
        other => Err(unsupported(
            &obj.at("type"),
            format!("`{other}` is not a linktor template (button, generic, receipt)"),
        )),
    }
}

/// Template buttons (`postback`, `web_url`, `phone_number`) and the Messages API's
/// `buttons` content (`reply` with an `id`, `url`, `call`). `neutral` is where they go.
fn buttons(
    obj: &Obj<'_>,
    neutral: &str,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Action>> {
    let mut out = Vec::new();
    for (index, button) in obj.objs("buttons")?.into_iter().enumerate() {
        sources.add(format!("{neutral}[{index}]"), button.path());
        sources.add(format!("{neutral}[{index}].title"), button.at("title"));
        let title = button.req_str("title")?;
        let action = match button.req_str("type")?.as_str() {
            "postback" => Action::Postback {
                title,
                payload: button.req_str("payload")?,
            },
            "reply" => {
                let payload = match button.str("payload")? {
                    Some(payload) => payload,
                    None => button.str("id")?.unwrap_or_else(|| title.clone()),
                };
                Action::Postback { title, payload }
            }
            "url" => Action::Link(LinkAction {
                title: Some(title),
                url: button.req_str("url")?,
                ..LinkAction::default()
            }),
            "call" => Action::Call {
                title,
                phone: match button.str("phone")? {
                    Some(phone) => phone,
                    None => button.req_str("payload")?,
                },
            },
            "web_url" => Action::Link(LinkAction {
                title: Some(title),
                url: button.req_str("url")?,
                webview: button.str("webviewHeightRatio")?,
                ..LinkAction::default()
            }),
            "phone_number" => Action::Call {
                title,
                phone: button.req_str("payload")?,
            },
            other => {
                return Err(invalid(
                    &button.at("type"),
                    &format!("`{other}` is not a linktor button type"),
                ));
            }
        };
        out.push(action);
        button.finish(warnings);
    }
    Ok(out)
}

fn receipt(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Receipt> {
    let address = match obj.obj("address")? {
        Some(a) => {
            let address = Address {
                street_1: a.req_str("street1")?,
                street_2: a.str("street2")?,
                city: a.req_str("city")?,
                postal_code: a.req_str("postalCode")?,
                state: a.req_str("state")?,
                country: a.req_str("country")?,
            };
            a.finish(warnings);
            Some(address)
        }
        None => None,
    };
    let summary_obj = obj
        .obj("summary")?
        .ok_or_else(|| invalid(&obj.at("summary"), "a receipt needs a summary"))?;
    let summary = Summary {
        subtotal: summary_obj.f64("subtotal")?,
        shipping_cost: summary_obj.f64("shippingCost")?,
        total_tax: summary_obj.f64("totalTax")?,
        total_cost: summary_obj
            .f64("totalCost")?
            .ok_or_else(|| invalid(&summary_obj.at("totalCost"), "required"))?,
    };
    summary_obj.finish(warnings);
    let mut items = Vec::new();
    for element in obj.objs("elements")? {
        items.push(ReceiptElement {
            title: element.req_str("title")?,
            subtitle: element.str("subtitle")?,
            quantity: element.i64("quantity")?.and_then(|q| u32::try_from(q).ok()),
            price: element.f64("price")?.unwrap_or_default(),
            currency: element.str("currency")?,
            image_url: element.str("imageUrl")?,
        });
        element.finish(warnings);
    }
    let mut adjustments = Vec::new();
    for adjustment in obj.objs("adjustments")? {
        adjustments.push(Adjustment {
            name: adjustment.req_str("name")?,
            amount: adjustment.f64("amount")?.unwrap_or_default(),
        });
        adjustment.finish(warnings);
    }
    Ok(Receipt {
        recipient_name: obj.req_str("recipientName")?,
        order_number: obj.req_str("orderNumber")?,
        currency: obj.req_str("currency")?,
        payment_method: obj.req_str("paymentMethod")?,
        order_url: obj.str("orderUrl")?,
        merchant_name: obj.str("merchantName")?,
        timestamp: obj.i64("timestamp")?,
        address,
        summary,
        items,
        adjustments,
    })
}
