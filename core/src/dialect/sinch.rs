//! Sinch Conversation API: every AppMessage kind, the send request envelope and the
//! Messenger channel properties. Choices follow Sinch's published Messenger rules: all
//! text choices become quick replies, mixed choices become buttons.

use std::fmt::Write as _;

use serde_json::Value;

use super::Read;
use super::reader::{Obj, invalid, unsupported, warn};
use crate::compose::{
    Action, Card, LinkAction, Location, Media, MediaKind, Message, SendOptions, Warning,
    WarningCode,
};
use crate::error::{Error, ErrorKind, Result};
use crate::send::{MessageTag, MessagingType, NotificationType};

/// The AppMessage kinds; exactly one must be present.
const KINDS: &[&str] = &[
    "text_message",
    "media_message",
    "choice_message",
    "card_message",
    "carousel_message",
    "location_message",
    "list_message",
    "contact_info_message",
    "template_message",
];

pub(super) fn read(value: &Value) -> Result<Read> {
    let root = Obj::new(value, "")?;
    let mut warnings = Vec::new();
    let mut options = SendOptions::default();
    let message = if root.has("message") {
        root.ignore(&[
            "app_id",
            "recipient",
            "channel_priority_order",
            "conversation_metadata",
            "correlation_id",
            "callback_url",
            "ttl",
            "processing_strategy",
            "queue",
            "message_content_type",
        ]);
        options = channel_properties(&root, &mut warnings)?;
        let body = root.obj("message")?.expect("checked by has()");
        let mut message = app_message(&body, &mut warnings)?;
        message.metadata = root.str("message_metadata")?;
        body.finish(&mut warnings);
        message
    } else {
        app_message(&root, &mut warnings)?
    };
    root.finish(&mut warnings);
    Ok(Read {
        message,
        options,
        warnings,
    })
}

/// `MESSENGER_MESSAGING_TYPE` (MESSAGE_TAG when a tag is set), `MESSENGER_MESSAGE_TAG`,
/// `MESSENGER_NOTIFICATION_TYPE`; other channels' properties are ignored.
fn channel_properties(root: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<SendOptions> {
    let mut options = SendOptions::default();
    let Some(properties) = root.obj("channel_properties")? else {
        return Ok(options);
    };
    options.tag = properties
        .str("MESSENGER_MESSAGE_TAG")?
        .map(|t| MessageTag::from_name(&t));
    options.messaging_type = match properties.str("MESSENGER_MESSAGING_TYPE")? {
        Some(name) => {
            Some(serde_json::from_value(Value::String(name)).unwrap_or(MessagingType::Response))
        }
        None => options.tag.as_ref().map(|_| MessagingType::MessageTag),
    };
    options.notification_type = properties
        .str("MESSENGER_NOTIFICATION_TYPE")?
        .map(|n| serde_json::from_value(Value::String(n)).unwrap_or(NotificationType::Regular));
    // Properties of other channels (WHATSAPP_..., KAKAOTALK_...) do not concern Messenger.
    let others: Vec<String> = properties_keys(root)
        .into_iter()
        .filter(|k| !k.starts_with("MESSENGER_"))
        .collect();
    properties.ignore(&others.iter().map(String::as_str).collect::<Vec<_>>());
    properties.finish(warnings);
    Ok(options)
}

fn properties_keys(root: &Obj<'_>) -> Vec<String> {
    root.raw("channel_properties")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// One AppMessage: exactly one kind, or the Messenger override.
fn app_message(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Message> {
    obj.ignore(&["channel_specific_message"]);
    if obj.has("agent") {
        let _ = obj.raw("agent");
        warn(
            warnings,
            WarningCode::Dropped,
            obj.at("agent"),
            "messenger shows agents only through personas (persona_id)",
        );
    }
    if let Some(explicit) = obj.obj("explicit_channel_message")? {
        let raw = explicit.str("MESSENGER")?;
        let others: Vec<String> = explicit_keys(obj)
            .into_iter()
            .filter(|k| k != "MESSENGER")
            .collect();
        explicit.ignore(&others.iter().map(String::as_str).collect::<Vec<_>>());
        explicit.finish(warnings);
        if let Some(raw) = raw {
            let payload: Value = serde_json::from_str(&raw).map_err(|e| {
                invalid(
                    &obj.at("explicit_channel_message.MESSENGER"),
                    &format!("not json: {e}"),
                )
            })?;
            for kind in KINDS {
                obj.ignore(&[kind]);
            }
            return Ok(Message {
                messenger: Some(payload),
                ..Message::default()
            });
        }
    }
    let present: Vec<&str> = KINDS.iter().copied().filter(|k| obj.has(k)).collect();
    let kind = match present.as_slice() {
        [one] => *one,
        [] => {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: format!("one of {} is required", KINDS.join(", ")),
                },
                obj.at("text_message"),
            ));
        }
        many => {
            return Err(Error::at(
                ErrorKind::Conflict {
                    detail: format!("exactly one message kind allowed, got {}", many.join(", ")),
                },
                obj.at(many[1]),
            ));
        }
    };
    let body = obj.obj(kind)?.expect("present");
    let message = match kind {
        "text_message" => Message::text(body.req_str("text")?),
        "media_message" => Message {
            media: Some(media(&body, warnings)?),
            ..Message::default()
        },
        "choice_message" => choice_message(&body, warnings)?,
        "card_message" => {
            let mut message = Message::default();
            let card = card(&body, &mut message, warnings)?;
            message.cards = vec![card];
            message
        }
        "carousel_message" => {
            let mut message = Message::default();
            let cards = body.objs("cards")?;
            for card_obj in &cards {
                let card = card(card_obj, &mut message, warnings)?;
                message.cards.push(card);
            }
            for card_obj in cards {
                card_obj.finish(warnings);
            }
            message.actions = choices(&body, warnings)?;
            message
        }
        "location_message" => Message {
            location: Some(location(&body, warnings)?),
            ..Message::default()
        },
        "list_message" => list_message(&body, warnings)?,
        "contact_info_message" => Message::text(contact_info(&body, warnings)?),
        "template_message" => {
            return Err(unsupported(
                &obj.at(kind),
                "sinch templates are stored at sinch; resolve channel_template or omni_template before transcoding",
            ));
        }
        _ => unreachable!("KINDS is exhaustive"),
    };
    body.finish(warnings);
    Ok(message)
}

fn explicit_keys(obj: &Obj<'_>) -> Vec<String> {
    obj.raw("explicit_channel_message")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

fn media(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Media> {
    let media = Media {
        url: Some(obj.req_str("url")?),
        filename: obj.str("filename_override")?,
        ..Media::default()
    };
    if obj.has("thumbnail_url") {
        let _ = obj.raw("thumbnail_url");
        warn(
            warnings,
            WarningCode::Dropped,
            obj.at("thumbnail_url"),
            "messenger makes its own thumbnails",
        );
    }
    Ok(media)
}

/// `text_message` plus `choices`: all text choices are quick replies, else buttons.
fn choice_message(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Message> {
    let text = match obj.obj("text_message")? {
        Some(t) => {
            let text = t.str("text")?;
            t.finish(warnings);
            text
        }
        None => None,
    };
    obj.ignore(&["message_properties"]);
    Ok(Message {
        text,
        actions: choices(obj, warnings)?,
        ..Message::default()
    })
}

/// The `choices` of a message or card.
fn choices(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Vec<Action>> {
    let items = obj.objs("choices")?;
    let all_text = !items.is_empty() && items.iter().all(|c| c.has("text_message"));
    let mut out = Vec::new();
    for item in items {
        out.push(choice(&item, all_text, warnings)?);
        item.finish(warnings);
    }
    Ok(out)
}

fn choice(obj: &Obj<'_>, as_reply: bool, warnings: &mut Vec<Warning>) -> Result<Action> {
    let postback = obj.str("postback_data")?;
    let kinds = [
        "text_message",
        "url_message",
        "call_message",
        "location_message",
        "calendar_message",
        "share_location_message",
    ];
    let present: Vec<&str> = kinds.iter().copied().filter(|k| obj.has(k)).collect();
    let [kind] = present.as_slice() else {
        return Err(invalid(
            obj.path(),
            "a choice holds exactly one of text, url, call, location, calendar and share_location",
        ));
    };
    let body = obj.obj(kind)?.expect("present");
    let action = match *kind {
        "text_message" => {
            let text = body.req_str("text")?;
            // Sinch's default postback is `<message_id>_<text>`; the id is not known before sending.
            let payload = postback.unwrap_or_else(|| text.clone());
            if as_reply {
                Action::Reply {
                    title: text,
                    payload: Some(payload),
                    icon_url: None,
                }
            } else {
                Action::Postback {
                    title: text,
                    payload,
                }
            }
        }
        "url_message" => Action::Link(LinkAction {
            title: Some(body.req_str("title")?),
            url: body.req_str("url")?,
            ..LinkAction::default()
        }),
        "call_message" => Action::Call {
            title: body.req_str("title")?,
            phone: body.req_str("phone_number")?,
        },
        "location_message" => {
            let place = location(&body, warnings)?;
            warn(
                warnings,
                WarningCode::Replaced,
                obj.at(kind),
                "messenger has no location button; sent as a link to a map",
            );
            Action::Map {
                title: place.title.unwrap_or_default(),
                lat: place.lat,
                lon: place.lon,
            }
        }
        "calendar_message" | "share_location_message" => {
            body.ignore(&[
                "event_start",
                "event_end",
                "event_title",
                "event_description",
            ]);
            warn(
                warnings,
                WarningCode::Replaced,
                obj.at(kind),
                "messenger has no such button; sent as a link to its fallback_url",
            );
            Action::Link(LinkAction {
                title: Some(body.req_str("title")?),
                url: body.req_str("fallback_url")?,
                ..LinkAction::default()
            })
        }
        _ => unreachable!("kinds is exhaustive"),
    };
    body.finish(warnings);
    Ok(action)
}

/// A card: title (else the description), description, image media and choices. A media
/// that is not an image is sent as a separate attachment.
fn card(obj: &Obj<'_>, message: &mut Message, warnings: &mut Vec<Warning>) -> Result<Card> {
    let mut card = Card {
        title: obj.str("title")?,
        subtitle: obj.str("description")?,
        ..Card::default()
    };
    if let Some(media_obj) = obj.obj("media_message")? {
        let media = media(&media_obj, warnings)?;
        media_obj.finish(warnings);
        if crate::compose::media_kind(&media) == MediaKind::Image {
            card.media_url = media.url;
        } else {
            warn(
                warnings,
                WarningCode::Replaced,
                obj.at("media_message"),
                "a card shows images only; the media is sent on its own",
            );
            message.media = Some(media);
        }
    }
    if obj.has("height") {
        let _ = obj.raw("height");
        warn(
            warnings,
            WarningCode::Dropped,
            obj.at("height"),
            "messenger chooses the card height",
        );
    }
    obj.ignore(&["message_properties"]);
    let all = obj.objs("choices")?;
    for item in all {
        card.actions.push(choice(&item, false, warnings)?);
        item.finish(warnings);
    }
    Ok(card)
}

fn location(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Location> {
    let coordinates = obj
        .obj("coordinates")?
        .ok_or_else(|| invalid(&obj.at("coordinates"), "a location needs coordinates"))?;
    let (lat, lon) = (coordinates.f64("latitude")?, coordinates.f64("longitude")?);
    coordinates.finish(warnings);
    let (Some(lat), Some(lon)) = (lat, lon) else {
        return Err(invalid(
            &obj.at("coordinates"),
            "needs latitude and longitude",
        ));
    };
    Ok(Location {
        lat,
        lon,
        title: obj.str("title")?.filter(|t| !t.is_empty()),
        address: obj.str("label")?.filter(|l| !l.is_empty()),
    })
}

/// Lists are not native on Messenger: up to 13 text choices become quick replies,
/// anything else becomes numbered text.
fn list_message(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Message> {
    let title = obj.req_str("title")?;
    let description = obj.str("description")?;
    obj.ignore(&["message_properties", "media"]);
    let mut head = title;
    if let Some(description) = description {
        let _ = write!(head, "\n{description}");
    }
    let mut lines = String::new();
    let mut replies = Vec::new();
    let mut only_text = true;
    for section in obj.objs("sections")? {
        if let Some(section_title) = section.str("title")? {
            let _ = write!(lines, "\n\n{section_title}");
        }
        for item in section.objs("items")? {
            if let Some(choice_obj) = item.obj("choice")? {
                let label = choice_obj.req_str("title")?;
                let payload = choice_obj
                    .str("postback_data")?
                    .unwrap_or_else(|| label.clone());
                choice_obj.ignore(&["description", "media"]);
                let _ = write!(lines, "\n{}. {label}", replies.len() + 1);
                replies.push(Action::Reply {
                    title: label,
                    payload: Some(payload),
                    icon_url: None,
                });
                choice_obj.finish(warnings);
            } else if let Some(product) = item.obj("product")? {
                only_text = false;
                let id = product.req_str("id")?;
                product.ignore(&["marketplace", "quantity", "item_price", "currency"]);
                let _ = write!(lines, "\n{}. {id}", replies.len() + 1);
                replies.push(Action::Reply {
                    title: id.clone(),
                    payload: Some(id),
                    icon_url: None,
                });
                product.finish(warnings);
            }
            item.finish(warnings);
        }
        section.finish(warnings);
    }
    warn(
        warnings,
        WarningCode::Replaced,
        obj.at("sections"),
        "messenger has no list; sent as text",
    );
    if only_text && replies.len() <= 13 {
        return Ok(Message {
            text: Some(head),
            actions: replies,
            ..Message::default()
        });
    }
    Ok(Message::text(format!("{head}{lines}")))
}

/// A contact card as text: name, phones, emails, addresses, organisation, links.
fn contact_info(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<String> {
    let mut out = String::new();
    if let Some(name) = obj.obj("name")? {
        let full = name.str("full_name")?;
        let parts: Vec<String> = ["prefix", "first_name", "middle_name", "last_name", "suffix"]
            .iter()
            .filter_map(|k| name.str(k).ok().flatten())
            .collect();
        out.push_str(&full.unwrap_or_else(|| parts.join(" ")));
        name.finish(warnings);
    }
    let mut list = |key: &str, field: &str, label: &str| -> Result<()> {
        for item in obj.objs(key)? {
            if let Some(value) = item.str(field)? {
                let kind = item
                    .str("type")?
                    .map(|t| format!(" ({})", t.to_lowercase()))
                    .unwrap_or_default();
                let _ = write!(out, "\n{label}: {value}{kind}");
            }
            item.finish(warnings);
        }
        Ok(())
    };
    list("phone_numbers", "phone_number", "Phone")?;
    list("email_addresses", "email_address", "Email")?;
    list("urls", "url", "Web")?;
    for address in obj.objs("addresses")? {
        let parts: Vec<String> = ["address_line", "street", "city", "state", "zip", "country"]
            .iter()
            .filter_map(|k| address.str(k).ok().flatten())
            .collect();
        address.ignore(&["type", "country_code"]);
        let _ = write!(out, "\nAddress: {}", parts.join(", "));
        address.finish(warnings);
    }
    if let Some(org) = obj.obj("organization")? {
        let parts: Vec<String> = ["title", "department", "company"]
            .iter()
            .filter_map(|k| org.str(k).ok().flatten())
            .collect();
        let _ = write!(out, "\nOrganisation: {}", parts.join(", "));
        org.finish(warnings);
    }
    if let Some(birthday) = obj.str("birthday")? {
        let _ = write!(out, "\nBirthday: {birthday}");
    }
    warn(
        warnings,
        WarningCode::Replaced,
        obj.path().to_owned(),
        "messenger has no contact card; sent as text",
    );
    Ok(out.trim().to_owned())
}
