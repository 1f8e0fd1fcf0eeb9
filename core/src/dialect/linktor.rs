//! Linktor's send model: `content` of type text (with `quickReplies`), image, video, audio,
//! file and template (button, generic, receipt), and `options.tag`. Fields are camelCase
//! and map to Meta's snake_case names.

use serde_json::Value;

use super::Read;
use super::reader::{Obj, invalid, unsupported};
use crate::compose::{
    Action, Card, LinkAction, Media, MediaKind, Message, Receipt, SendOptions, Warning,
};
use crate::error::Result;
use crate::send::{Address, Adjustment, MessageTag, MessagingType, ReceiptElement, Summary};

pub(super) fn read(value: &Value) -> Result<Read> {
    let root = Obj::new(value, "")?;
    let mut warnings = Vec::new();
    let mut options = SendOptions::default();
    let message = if root.has("content") {
        root.ignore(&["channelId", "to", "conversationId", "contactId", "metadata"]);
        if let Some(opts) = root.obj("options")? {
            options.tag = opts.str("tag")?.map(|t| MessageTag::from_name(&t));
            options.messaging_type = options.tag.as_ref().map(|_| MessagingType::MessageTag);
            opts.finish(&mut warnings);
        }
        let content = root.obj("content")?.expect("checked by has()");
        let message = content_of(&content, &mut warnings)?;
        content.finish(&mut warnings);
        message
    } else {
        content_of(&root, &mut warnings)?
    };
    root.finish(&mut warnings);
    Ok(Read {
        message,
        options,
        warnings,
        sources: super::sources::Sources::default(),
    })
}

fn content_of(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Message> {
    let kind = obj.req_str("type")?;
    let mut message = match kind.as_str() {
        "text" => Message::text(obj.req_str("text")?),
        "image" | "video" | "audio" | "file" | "document" => {
            let media_kind = match kind.as_str() {
                "image" => MediaKind::Image,
                "video" => MediaKind::Video,
                "audio" => MediaKind::Audio,
                _ => MediaKind::File,
            };
            let body = obj
                .obj(&kind)?
                .ok_or_else(|| invalid(&obj.at(&kind), "the media object is required"))?;
            let media = Media {
                url: Some(body.req_str("url")?),
                kind: Some(media_kind),
                filename: body.str("filename")?,
                mime: body.str("mimeType")?,
                ..Media::default()
            };
            let caption = body.str("caption")?;
            body.finish(warnings);
            Message {
                media: Some(media),
                text: caption,
                ..Message::default()
            }
        }
        "template" => {
            let template = obj
                .obj("template")?
                .ok_or_else(|| invalid(&obj.at("template"), "the template object is required"))?;
            let message = template_of(&template, warnings)?;
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
    for reply in obj.objs("quickReplies")? {
        let action = match reply.str("contentType")?.as_deref().unwrap_or("text") {
            "user_phone_number" => Action::PhoneRequest {},
            "user_email" => Action::EmailRequest {},
            "text" => Action::Reply {
                title: reply.req_str("title")?,
                payload: reply.str("payload")?,
                icon_url: reply.str("imageUrl")?,
            },
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

fn template_of(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Message> {
    match obj.req_str("type")?.as_str() {
        "button" => Ok(Message {
            text: Some(obj.req_str("text")?),
            actions: buttons(obj, warnings)?,
            ..Message::default()
        }),
        "generic" => {
            let mut cards = Vec::new();
            for element in obj.objs("elements")? {
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
                    actions: buttons(&element, warnings)?,
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

fn buttons(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Vec<Action>> {
    let mut out = Vec::new();
    for button in obj.objs("buttons")? {
        let title = button.req_str("title")?;
        let action = match button.req_str("type")?.as_str() {
            "postback" => Action::Postback {
                title,
                payload: button.req_str("payload")?,
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
