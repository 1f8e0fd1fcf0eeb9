//! Sinch Conversation API: every AppMessage kind, the send request envelope and the
//! Messenger channel properties. Choices follow Sinch's published Messenger rules: all
//! text choices become quick replies, mixed choices become buttons.
//!
//! Sinch JSON is read into typed structs straight from text (see `wire`), which keeps
//! the JSON-text-to-Send-API path fast; unknown fields are still reported by name.

mod text;
mod wire;

use serde::Deserialize;
use serde_json::Value;

use super::Read;
use super::reader::{invalid, unsupported, warn};
use crate::compose::{
    Action, Card, LinkAction, Location, Media, MediaKind, Message, SendOptions, Warning,
    WarningCode,
};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Path;
use crate::send::{MessageTag, MessagingType, NotificationType};
use text::{contact_info, list_message};
use wire::{AppMessage, Body, CardMessage, Choice, LocationMessage, MediaMessage, Unknown};

/// A Sinch message or send request already parsed into a JSON value.
pub(super) fn read(value: &Value) -> Result<Read> {
    // Path tracking costs on every field, so it runs only to explain a failure.
    match Body::deserialize(value) {
        Ok(body) => map(body),
        Err(_) => Err(shape_error(
            serde_path_to_error::deserialize::<_, Body>(value).err(),
        )),
    }
}

/// A Sinch message or send request as JSON text.
pub(super) fn read_str(text: &str) -> Result<Read> {
    match serde_json::from_str::<Body>(text) {
        Ok(body) => map(body),
        Err(err) if err.is_syntax() || err.is_eof() => Err(Error::new(ErrorKind::InvalidJson {
            detail: err.to_string(),
        })),
        Err(_) => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            Err(shape_error(
                serde_path_to_error::deserialize::<_, Body>(&mut deserializer).err(),
            ))
        }
    }
}

fn shape_error(err: Option<serde_path_to_error::Error<serde_json::Error>>) -> Error {
    let Some(err) = err else {
        return invalid("", "the message does not have sinch's shape");
    };
    if err.inner().is_syntax() || err.inner().is_eof() {
        return Error::new(ErrorKind::InvalidJson {
            detail: err.inner().to_string(),
        });
    }
    crate::error::SerdeProblem::new(&err.path().to_string(), err.inner()).into_error()
}

fn map(body: Body) -> Result<Read> {
    let mut warnings = Vec::new();
    let root = Path::ROOT;
    let message_path = root.key("message");
    let (app, path, options, metadata) = match body.message {
        Some(message) => {
            let options = channel_properties(
                body.channel_properties.as_ref(),
                &root.key("channel_properties"),
                &mut warnings,
            );
            for key in body.app.unknown.keys() {
                warn(
                    &mut warnings,
                    WarningCode::UnknownField,
                    root.key(key).render(),
                    "not known to this reader; ignored",
                );
            }
            for kind in present_kinds(&body.app) {
                warn(
                    &mut warnings,
                    WarningCode::UnknownField,
                    kind,
                    "a message kind outside `message`; ignored",
                );
            }
            (message, &message_path, options, body.message_metadata)
        }
        None => {
            for (set, key) in [
                (body.channel_properties.is_some(), "channel_properties"),
                (body.message_metadata.is_some(), "message_metadata"),
            ] {
                if set {
                    warn(
                        &mut warnings,
                        WarningCode::UnknownField,
                        key,
                        "only read in a send request; ignored",
                    );
                }
            }
            (body.app, &root, SendOptions::default(), None)
        }
    };
    let mut message = app_message(app, path, &mut warnings)?;
    message.metadata = metadata;
    Ok(Read {
        message,
        options,
        warnings,
    })
}

/// `MESSENGER_MESSAGING_TYPE` (MESSAGE_TAG when a tag is set), `MESSENGER_MESSAGE_TAG`,
/// `MESSENGER_NOTIFICATION_TYPE`; other channels' properties are ignored.
fn channel_properties(
    properties: Option<&std::collections::BTreeMap<String, String>>,
    path: &Path<'_>,
    warnings: &mut Vec<Warning>,
) -> SendOptions {
    let mut options = SendOptions::default();
    let Some(properties) = properties else {
        return options;
    };
    options.tag = properties
        .get("MESSENGER_MESSAGE_TAG")
        .map(|t| MessageTag::from_name(t));
    options.messaging_type = match properties.get("MESSENGER_MESSAGING_TYPE") {
        Some(name) => Some(
            serde_json::from_value(Value::String(name.clone())).unwrap_or(MessagingType::Response),
        ),
        None => options.tag.as_ref().map(|_| MessagingType::MessageTag),
    };
    options.notification_type = properties.get("MESSENGER_NOTIFICATION_TYPE").map(|n| {
        serde_json::from_value(Value::String(n.clone())).unwrap_or(NotificationType::Regular)
    });
    let known = [
        "MESSENGER_MESSAGE_TAG",
        "MESSENGER_MESSAGING_TYPE",
        "MESSENGER_NOTIFICATION_TYPE",
    ];
    for key in properties
        .keys()
        .filter(|k| k.starts_with("MESSENGER_") && !known.contains(&k.as_str()))
    {
        warn(
            warnings,
            WarningCode::UnknownField,
            path.key(key).render(),
            "not a messenger channel property msgrkit knows; ignored",
        );
    }
    options
}

pub(super) fn unknown(map: &Unknown, path: &Path<'_>, warnings: &mut Vec<Warning>) {
    for key in map.keys() {
        warn(
            warnings,
            WarningCode::UnknownField,
            path.key(key).render(),
            "not known to this reader; ignored",
        );
    }
}

/// The kinds present in an AppMessage, in Sinch's order.
fn present_kinds(app: &AppMessage) -> Vec<&'static str> {
    [
        (app.text_message.is_some(), "text_message"),
        (app.media_message.is_some(), "media_message"),
        (app.choice_message.is_some(), "choice_message"),
        (app.card_message.is_some(), "card_message"),
        (app.carousel_message.is_some(), "carousel_message"),
        (app.location_message.is_some(), "location_message"),
        (app.list_message.is_some(), "list_message"),
        (app.contact_info_message.is_some(), "contact_info_message"),
        (app.template_message.is_some(), "template_message"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect()
}

/// One AppMessage: exactly one kind, or the Messenger override.
fn app_message(app: AppMessage, path: &Path<'_>, warnings: &mut Vec<Warning>) -> Result<Message> {
    unknown(&app.unknown, path, warnings);
    if app.agent.is_some() {
        warn(
            warnings,
            WarningCode::Dropped,
            path.key("agent").render(),
            "messenger shows agents only through personas (persona_id)",
        );
    }
    if let Some(raw) = app
        .explicit_channel_message
        .as_ref()
        .and_then(|m| m.get("MESSENGER"))
    {
        let at = path.key("explicit_channel_message");
        let payload: Value = serde_json::from_str(raw)
            .map_err(|e| invalid(&at.key("MESSENGER").render(), &format!("not json: {e}")))?;
        return Ok(Message {
            messenger: Some(payload),
            ..Message::default()
        });
    }
    let kinds = present_kinds(&app);
    match kinds.as_slice() {
        [_] => {}
        [] => {
            let detail =
                "one message kind (text_message, media_message, choice_message, ...) is required"
                    .to_owned();
            return Err(Error::at(
                ErrorKind::Required { detail },
                path.key("text_message").render(),
            ));
        }
        many => {
            let detail = format!("exactly one message kind allowed, got {}", many.join(", "));
            return Err(Error::at(
                ErrorKind::Conflict { detail },
                path.key(many[1]).render(),
            ));
        }
    }
    let message = if let Some(text) = app.text_message {
        unknown(&text.unknown, &path.key("text_message"), warnings);
        Message::text(text.text)
    } else if let Some(media_message) = app.media_message {
        Message {
            media: Some(media(media_message, &path.key("media_message"), warnings)),
            ..Message::default()
        }
    } else if let Some(choice) = app.choice_message {
        let at = path.key("choice_message");
        unknown(&choice.unknown, &at, warnings);
        let text = choice.text_message.map(|t| {
            unknown(&t.unknown, &at.key("text_message"), warnings);
            t.text
        });
        Message {
            text,
            actions: choices(choice.choices, &at, warnings)?,
            ..Message::default()
        }
    } else if let Some(card_message) = app.card_message {
        let mut message = Message::default();
        let card = card(
            card_message,
            &path.key("card_message"),
            &mut message,
            warnings,
        )?;
        message.cards = vec![card];
        message
    } else if let Some(carousel) = app.carousel_message {
        let at = path.key("carousel_message");
        unknown(&carousel.unknown, &at, warnings);
        let mut message = Message::default();
        let cards_path = at.key("cards");
        for (index, card_message) in carousel.cards.into_iter().enumerate() {
            let card = card(
                card_message,
                &cards_path.index(index),
                &mut message,
                warnings,
            )?;
            message.cards.push(card);
        }
        message.actions = choices(carousel.choices, &at, warnings)?;
        message
    } else if let Some(location_message) = app.location_message {
        Message {
            location: Some(location(
                location_message,
                &path.key("location_message"),
                warnings,
            )?),
            ..Message::default()
        }
    } else if let Some(list) = app.list_message {
        list_message(list, &path.key("list_message"), warnings)
    } else if let Some(contact) = app.contact_info_message {
        Message::text(contact_info(
            contact,
            &path.key("contact_info_message"),
            warnings,
        ))
    } else {
        let detail = "sinch templates are stored at sinch; resolve channel_template or omni_template before transcoding";
        return Err(unsupported(&path.key("template_message").render(), detail));
    };
    Ok(message)
}

fn media(media: MediaMessage, path: &Path<'_>, warnings: &mut Vec<Warning>) -> Media {
    unknown(&media.unknown, path, warnings);
    if media.thumbnail_url.is_some() {
        warn(
            warnings,
            WarningCode::Dropped,
            path.key("thumbnail_url").render(),
            "messenger makes its own thumbnails",
        );
    }
    Media {
        url: Some(media.url),
        filename: media.filename_override,
        ..Media::default()
    }
}

/// The `choices` of a message or card: all text choices are quick replies, else buttons.
fn choices(
    items: Vec<Choice>,
    path: &Path<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Action>> {
    let all_text = !items.is_empty() && items.iter().all(|c| c.text_message.is_some());
    let list = path.key("choices");
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| choice(item, all_text, &list.index(index), warnings))
        .collect()
}

fn choice(
    item: Choice,
    as_reply: bool,
    path: &Path<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<Action> {
    unknown(&item.unknown, path, warnings);
    let kinds = [
        item.text_message.is_some(),
        item.url_message.is_some(),
        item.call_message.is_some(),
        item.location_message.is_some(),
        item.calendar_message.is_some(),
        item.share_location_message.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err(invalid(
            &path.render(),
            "a choice holds exactly one of text, url, call, location, calendar and share_location",
        ));
    }
    let postback = item.postback_data;
    if let Some(text) = item.text_message {
        unknown(&text.unknown, &path.key("text_message"), warnings);
        // Sinch's default postback is `<message_id>_<text>`; the id is not known before sending.
        let payload = postback.unwrap_or_else(|| text.text.clone());
        return Ok(if as_reply {
            Action::Reply {
                title: text.text,
                payload: Some(payload),
                icon_url: None,
            }
        } else {
            Action::Postback {
                title: text.text,
                payload,
            }
        });
    }
    if let Some(url) = item.url_message {
        unknown(&url.unknown, &path.key("url_message"), warnings);
        return Ok(Action::Link(LinkAction {
            title: Some(url.title),
            url: url.url,
            ..LinkAction::default()
        }));
    }
    if let Some(call) = item.call_message {
        unknown(&call.unknown, &path.key("call_message"), warnings);
        return Ok(Action::Call {
            title: call.title,
            phone: call.phone_number,
        });
    }
    if let Some(location_message) = item.location_message {
        let at = path.key("location_message");
        let place = location(location_message, &at, warnings)?;
        warn(
            warnings,
            WarningCode::Replaced,
            at.render(),
            "messenger has no location button; sent as a link to a map",
        );
        return Ok(Action::Map {
            title: place.title.unwrap_or_default(),
            lat: place.lat,
            lon: place.lon,
        });
    }
    let (kind, link) = match (item.calendar_message, item.share_location_message) {
        (Some(link), _) => ("calendar_message", link),
        (None, Some(link)) => ("share_location_message", link),
        (None, None) => unreachable!("exactly one kind is present"),
    };
    let at = path.key(kind);
    unknown(&link.unknown, &at, warnings);
    warn(
        warnings,
        WarningCode::Replaced,
        at.render(),
        "messenger has no such button; sent as a link to its fallback_url",
    );
    Ok(Action::Link(LinkAction {
        title: Some(link.title),
        url: link.fallback_url,
        ..LinkAction::default()
    }))
}

/// A card: title (else the description), description, image media and choices. A media
/// that is not an image is sent as a separate attachment.
fn card(
    card: CardMessage,
    path: &Path<'_>,
    message: &mut Message,
    warnings: &mut Vec<Warning>,
) -> Result<Card> {
    unknown(&card.unknown, path, warnings);
    let mut out = Card {
        title: card.title,
        subtitle: card.description,
        ..Card::default()
    };
    if let Some(media_message) = card.media_message {
        let at = path.key("media_message");
        let media = media(media_message, &at, warnings);
        if crate::compose::media_kind(&media) == MediaKind::Image {
            out.media_url = media.url;
        } else {
            warn(
                warnings,
                WarningCode::Replaced,
                at.render(),
                "a card shows images only; the media is sent on its own",
            );
            message.media = Some(media);
        }
    }
    if card.height.is_some() {
        warn(
            warnings,
            WarningCode::Dropped,
            path.key("height").render(),
            "messenger chooses the card height",
        );
    }
    let list = path.key("choices");
    for (index, item) in card.choices.into_iter().enumerate() {
        out.actions
            .push(choice(item, false, &list.index(index), warnings)?);
    }
    Ok(out)
}

fn location(
    location: LocationMessage,
    path: &Path<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<Location> {
    unknown(&location.unknown, path, warnings);
    let Some(coordinates) = location.coordinates else {
        return Err(invalid(
            &path.key("coordinates").render(),
            "a location needs coordinates",
        ));
    };
    unknown(&coordinates.unknown, &path.key("coordinates"), warnings);
    Ok(Location {
        lat: coordinates.latitude,
        lon: coordinates.longitude,
        title: location.title.filter(|t| !t.is_empty()),
        address: location.label.filter(|l| !l.is_empty()),
    })
}
