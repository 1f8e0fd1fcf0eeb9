//! Linktor templates (button, generic, receipt) and buttons, in Linktor's camelCase.

use crate::compose::{Action, Card, LinkAction, Message, Receipt, Warning};
use crate::dialect::reader::{Obj, invalid, unsupported};
use crate::dialect::sources::Sources;
use crate::error::Result;
use crate::send::{Address, Adjustment, ReceiptElement, Summary};

pub(super) fn template_of(
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
pub(super) fn buttons(
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
                let payload = super::payload_or_id(&button, warnings)?;
                Action::Postback {
                    payload: payload.unwrap_or_else(|| title.clone()),
                    title,
                }
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
