//! Sinch Conversation API: every AppMessage kind, the send request envelope and the
//! Messenger channel properties. Choices follow Sinch's published Messenger rules: all
//! text choices become quick replies, mixed choices become buttons.
//!
//! Sinch JSON is read into typed structs straight from text (see `wire`), which keeps
//! the JSON-text-to-Send-API path fast; unknown fields are still reported by name, and
//! every field read is recorded in [`Sources`] so composing warnings name Sinch's paths.

mod content;
mod overrides;
mod properties;
mod text;
mod wire;

use serde::Deserialize;
use serde_json::Value;

use super::Read;
use super::reader::{invalid, unsupported, warn};
use super::sources::Sources;
use crate::compose::{Message, SendOptions, Warning, WarningCode};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Path;
use content::{card, choices, location, media};
use overrides::{channel_specific, omni_override, raw_override};
use properties::{channel_properties, message_properties};
use text::{contact_info, list_message};
use wire::{AppMessage, Body, Unknown};

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

/// What reading collects beside the message: warnings, and where each neutral part came from.
struct Notes {
    warnings: Vec<Warning>,
    sources: Sources,
}

impl Notes {
    fn warn(&mut self, code: WarningCode, field: &Path<'_>, detail: impl Into<String>) {
        warn(&mut self.warnings, code, field.render(), detail);
    }

    /// Records that the neutral field `neutral` was read from `input`.
    fn from(&mut self, neutral: impl Into<String>, input: &Path<'_>) {
        self.sources.add(neutral, input.render());
    }

    /// Reports every key of `map` (fields this reader does not know).
    fn unknown(&mut self, map: &Unknown, path: &Path<'_>) {
        for key in map.keys() {
            self.warn(
                WarningCode::UnknownField,
                &path.key(key),
                "not known to this reader; ignored",
            );
        }
    }
}

fn map(body: Body) -> Result<Read> {
    let root = Path::ROOT;
    let message_path = root.key("message");
    let sent = body.message.is_some();
    let path = if sent { &message_path } else { &root };
    let mut notes = Notes {
        warnings: Vec::new(),
        sources: Sources::rooted(path.render()),
    };
    let (app, options, metadata) = match body.message {
        Some(message) => {
            let options = channel_properties(
                body.channel_properties.as_ref(),
                &root.key("channel_properties"),
                &mut notes,
            );
            notes.unknown(&body.app.unknown, &root);
            for kind in present_kinds(&body.app) {
                notes.warn(
                    WarningCode::UnknownField,
                    &root.key(kind),
                    "a message kind outside `message`; ignored",
                );
            }
            (message, options, body.message_metadata)
        }
        None => {
            for (set, key) in [
                (body.channel_properties.is_some(), "channel_properties"),
                (body.message_metadata.is_some(), "message_metadata"),
            ] {
                if set {
                    notes.warn(
                        WarningCode::UnknownField,
                        &root.key(key),
                        "only read in a send request; ignored",
                    );
                }
            }
            (body.app, SendOptions::default(), None)
        }
    };
    let mut message = app_message(app, path, &mut notes)?;
    if metadata.is_some() {
        notes.from("metadata", &root.key("message_metadata"));
    }
    message.metadata = metadata;
    Ok(Read {
        message,
        options,
        warnings: notes.warnings,
        sources: notes.sources,
    })
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

/// One AppMessage: exactly one kind, or a Messenger override of it.
fn app_message(mut app: AppMessage, path: &Path<'_>, notes: &mut Notes) -> Result<Message> {
    notes.unknown(&app.unknown, path);
    if app.agent.is_some() {
        notes.warn(
            WarningCode::Dropped,
            &path.key("agent"),
            "messenger shows agents only through personas (persona_id)",
        );
    }
    channel_specific(app.channel_specific_message.as_ref(), path, notes);
    let raw_override = raw_override(app.explicit_channel_message.as_ref(), path, notes)?;
    if let Some(omni) = omni_override(app.explicit_channel_omni_message.take(), path, notes)? {
        for kind in present_kinds(&app) {
            notes.warn(
                WarningCode::Dropped,
                &path.key(kind),
                "the messenger override in explicit_channel_omni_message is sent instead",
            );
        }
        let mut message = omni;
        if raw_override.is_some() {
            message.messenger = raw_override;
        }
        return Ok(message);
    }
    let kinds = present_kinds(&app);
    match kinds.as_slice() {
        [_] => {}
        [] if raw_override.is_some() => {
            return Ok(Message {
                messenger: raw_override,
                ..Message::default()
            });
        }
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
    // What composing says of the message as a whole concerns its one kind.
    notes.sources.add("", path.key(kinds[0]).render());
    let mut message = kind_message(app, path, notes)?;
    // Composing reports each part of the message that the override replaces.
    message.messenger = raw_override;
    Ok(message)
}

fn kind_message(app: AppMessage, path: &Path<'_>, notes: &mut Notes) -> Result<Message> {
    let message = if let Some(text) = app.text_message {
        let at = path.key("text_message");
        notes.unknown(&text.unknown, &at);
        notes.from("text", &at.key("text"));
        Message::text(text.text)
    } else if let Some(media_message) = app.media_message {
        let at = path.key("media_message");
        notes.from("media", &at);
        notes.from("media.url", &at.key("url"));
        Message {
            media: Some(media(media_message, &at, notes)),
            ..Message::default()
        }
    } else if let Some(choice) = app.choice_message {
        let at = path.key("choice_message");
        notes.unknown(&choice.unknown, &at);
        message_properties(notes, choice.message_properties.as_ref(), &at);
        let text = choice.text_message.map(|t| {
            let text_at = at.key("text_message");
            notes.unknown(&t.unknown, &text_at);
            notes.from("text", &text_at.key("text"));
            t.text
        });
        notes.from("actions", &at.key("choices"));
        Message {
            text,
            actions: choices(choice.choices, "actions", &at, notes)?,
            ..Message::default()
        }
    } else if let Some(card_message) = app.card_message {
        let mut message = Message::default();
        let card = card(
            card_message,
            0,
            &path.key("card_message"),
            &mut message,
            notes,
        )?;
        message.cards = vec![card];
        message
    } else if let Some(carousel) = app.carousel_message {
        let at = path.key("carousel_message");
        notes.unknown(&carousel.unknown, &at);
        let mut message = Message::default();
        let cards_path = at.key("cards");
        notes.from("cards", &cards_path);
        for (index, card_message) in carousel.cards.into_iter().enumerate() {
            let card = card(
                card_message,
                index,
                &cards_path.index(index),
                &mut message,
                notes,
            )?;
            message.cards.push(card);
        }
        notes.from("actions", &at.key("choices"));
        message.actions = choices(carousel.choices, "actions", &at, notes)?;
        message
    } else if let Some(location_message) = app.location_message {
        let at = path.key("location_message");
        notes.from("location", &at);
        Message {
            location: Some(location(location_message, &at, notes)?),
            ..Message::default()
        }
    } else if let Some(list) = app.list_message {
        list_message(list, &path.key("list_message"), notes)
    } else if let Some(contact) = app.contact_info_message {
        let at = path.key("contact_info_message");
        notes.from("text", &at);
        Message::text(contact_info(contact, &at, notes))
    } else {
        let detail = "sinch templates are stored at sinch; resolve channel_template or omni_template before transcoding";
        return Err(unsupported(&path.key("template_message").render(), detail));
    };
    Ok(message)
}
