//! Smooch v1 message bodies and Sunshine Conversations v2 `messagePost` / `content`.
//!
//! v1 and v2 content share most fields (`type`, `text`, `mediaUrl`, `mediaType`,
//! `actions`, `items`), so one reader takes their union. Shorthand in the text is parsed.

mod text;

use serde_json::Value;

use super::Read;
use super::reader::{Obj, invalid, metadata_text, unsupported, warn};
use super::sources::Sources;
use crate::compose::{
    Action, Card, Layout, LinkAction, Location, Media, MediaKind, Message, SendOptions, Warning,
    WarningCode,
};
use crate::error::Result;
use crate::shorthand;
use text::text_of;

/// Currency of shorthand buy tokens (the app's default; Messenger payments took USD).
const SHORTHAND_CURRENCY: &str = "USD";

pub(super) fn read(value: &Value) -> Result<Read> {
    let root = Obj::new(value, "")?;
    let mut warnings = Vec::new();
    let mut sources = Sources::rooted("");
    let message = if root.has("content") || root.has("author") {
        message_post(&root, &mut sources, &mut warnings)?
    } else {
        let from_user = root.str("role")?.as_deref() == Some("appUser");
        root.ignore(&[
            "_id",
            "name",
            "avatarUrl",
            "received",
            "authorId",
            "source",
            "destination",
        ]);
        let mut message = content(&root, from_user, &mut sources, &mut warnings)?;
        message.metadata = metadata_text(&root, &mut sources)?;
        message
    };
    root.finish(&mut warnings);
    Ok(Read {
        message,
        options: SendOptions::default(),
        warnings,
        sources,
    })
}

/// A v2 `messagePost`: `author`, `content`, `destination`, `metadata`, `override`.
fn message_post(
    root: &Obj<'_>,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Message> {
    let from_user = match root.obj("author")? {
        Some(author) => {
            let user = author.str("type")?.as_deref() == Some("user");
            author.ignore(&["subtypes", "userId", "displayName", "avatarUrl", "user"]);
            author.finish(warnings);
            user
        }
        None => false,
    };
    root.ignore(&["destination", "schema"]);
    let mut message = match root.obj("content")? {
        Some(content_obj) => {
            sources.add("", content_obj.path());
            let message = content(&content_obj, from_user, sources, warnings)?;
            content_obj.finish(warnings);
            message
        }
        None => Message::default(),
    };
    message.metadata = metadata_text(root, sources)?;
    if let Some(over) = root.obj("override")? {
        if let Some(messenger) = over.obj("messenger")? {
            message.messenger = messenger.raw("payload").cloned();
            sources.add("messenger", messenger.at("payload"));
            messenger.finish(warnings);
        }
        over.finish(warnings);
    }
    Ok(message)
}

/// The message content of v1 or v2: text, image, file, location, carousel, list.
fn content(
    obj: &Obj<'_>,
    from_user: bool,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Message> {
    let kind = obj.str("type")?.unwrap_or_else(|| "text".to_owned());
    let mut message = Message {
        text: text_of(obj, sources, warnings)?,
        ..Message::default()
    };
    obj.ignore(&["blockChatInput", "payload"]);
    sources.add("actions", obj.at("actions"));
    message.actions = actions(obj, "actions", sources, warnings)?;
    if from_user && !message.actions.is_empty() {
        return Err(invalid(
            &obj.at("actions"),
            "a message from the user (appUser) cannot carry actions",
        ));
    }
    match kind.as_str() {
        "text" => {}
        "image" | "file" => {
            sources.add("media", obj.at("mediaUrl"));
            message.media = Some(Media {
                url: Some(obj.req_str("mediaUrl")?),
                mime: obj.str("mediaType")?,
                kind: (kind == "image").then_some(MediaKind::Image),
                ..Media::default()
            });
            if obj.str("altText")?.is_some() {
                warn(
                    warnings,
                    WarningCode::Dropped,
                    obj.at("altText"),
                    "messenger has no alt text",
                );
            }
        }
        "location" => {
            sources.add("location", obj.at("coordinates"));
            let coordinates = obj
                .obj("coordinates")?
                .ok_or_else(|| invalid(&obj.at("coordinates"), "a location needs coordinates"))?;
            let (lat, lon) = (coordinates.f64("lat")?, coordinates.f64("long")?);
            coordinates.finish(warnings);
            let (Some(lat), Some(lon)) = (lat, lon) else {
                return Err(invalid(&obj.at("coordinates"), "needs lat and long"));
            };
            let place = obj.obj("location")?;
            let (title, address) = match &place {
                Some(place) => (place.str("name")?, place.str("address")?),
                None => (None, None),
            };
            if let Some(place) = place {
                place.finish(warnings);
            }
            message.location = Some(Location {
                lat,
                lon,
                title,
                address,
            });
        }
        "carousel" | "list" => {
            sources.add("cards", obj.at("items"));
            sources.add("layout", obj.at("type"));
            message.cards = obj
                .objs("items")?
                .into_iter()
                .enumerate()
                .map(|(index, item)| card(item, index, sources, warnings))
                .collect::<Result<_>>()?;
            message.layout = Some(if kind == "list" {
                Layout::List
            } else {
                Layout::Carousel
            });
            if let Some(display) = obj.obj("displaySettings")? {
                sources.add("image_aspect_ratio", display.at("imageAspectRatio"));
                message.image_aspect_ratio = display.str("imageAspectRatio")?;
                display.finish(warnings);
            }
        }
        "form" => {
            return Err(unsupported(
                &obj.at("type"),
                "messenger cannot show smooch forms",
            ));
        }
        "template" => {
            return Err(unsupported(
                &obj.at("type"),
                "smooch templates are for whatsapp",
            ));
        }
        other => {
            return Err(unsupported(
                &obj.at("type"),
                format!("`{other}` is not a smooch message type"),
            ));
        }
    }
    if let Some(text) = message.text.take() {
        let parsed = shorthand::parse(&text, SHORTHAND_CURRENCY);
        // Actions written in the text's shorthand come from the text.
        let text_at = sources.resolve("text");
        for index in 0..parsed.actions.len() {
            sources.add(
                format!("actions[{}]", message.actions.len() + index),
                text_at.clone(),
            );
        }
        if message.media.is_none() && parsed.media.is_some() {
            sources.add("media", text_at);
        }
        message.actions.extend(parsed.actions);
        if message.media.is_none() {
            message.media = parsed.media;
        }
        message.text = Some(parsed.text).filter(|t| !t.is_empty());
    }
    Ok(message)
}

fn card(
    item: Obj<'_>,
    index: usize,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Card> {
    let neutral = format!("cards[{index}]");
    sources.add(neutral.as_str(), item.path());
    for (key, name) in [
        ("title", "title"),
        ("subtitle", "description"),
        ("media_url", "mediaUrl"),
    ] {
        sources.add(format!("{neutral}.{key}"), item.at(name));
    }
    let card = Card {
        title: item.str("title")?,
        subtitle: item.str("description")?,
        media_url: item.str("mediaUrl")?,
        actions: actions(&item, &format!("{neutral}.actions"), sources, warnings)?,
        default_action: None,
    };
    item.ignore(&["mediaType", "_id"]);
    for key in ["size", "altText", "metadata"] {
        if item.has(key) {
            let _ = item.raw(key);
            warn(
                warnings,
                WarningCode::Dropped,
                item.at(key),
                "not shown on messenger",
            );
        }
    }
    item.finish(warnings);
    Ok(card)
}

/// The `actions` of `obj`; `neutral` is where they go (`actions`, `cards[2].actions`).
fn actions(
    obj: &Obj<'_>,
    neutral: &str,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Action>> {
    obj.objs("actions")?
        .into_iter()
        .enumerate()
        .map(|(index, a)| {
            let at = format!("{neutral}[{index}]");
            sources.add(format!("{at}.title"), a.at("text"));
            sources.add(format!("{at}.url"), a.at("uri"));
            sources.add(format!("{at}.icon_url"), a.at("iconUrl"));
            sources.add(at, a.path());
            action(a, warnings)
        })
        .collect()
}

fn action(obj: Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Action> {
    let kind = obj.req_str("type")?;
    let title = obj.str("text")?;
    let label = || title.clone().unwrap_or_default();
    obj.ignore(&["_id", "state"]);
    if obj.has("metadata") {
        let _ = obj.raw("metadata");
        warn(
            warnings,
            WarningCode::Dropped,
            obj.at("metadata"),
            "messenger cannot carry action metadata",
        );
    }
    let action = match kind.as_str() {
        "link" | "webview" => {
            let mut link = LinkAction {
                title: title.clone(),
                url: obj.req_str("uri")?,
                default: obj.bool("default")?,
                webview: obj.str("size")?,
                ..LinkAction::default()
            };
            if kind == "webview" {
                link.fallback_url = obj.str("fallback")?;
                if obj.bool("openOnReceive")? {
                    warn(
                        warnings,
                        WarningCode::Dropped,
                        obj.at("openOnReceive"),
                        "works only in smooch's web messenger",
                    );
                }
            }
            if let Some(extra) = obj.obj("extraChannelOptions")? {
                if let Some(messenger) = extra.obj("messenger")? {
                    link.webview = messenger.str("webview_height_ratio")?.or(link.webview);
                    link.extensions = messenger.bool("messenger_extensions")?;
                    link.fallback_url = messenger.str("fallback_url")?.or(link.fallback_url);
                    link.hide_share =
                        messenger.str("webview_share_button")?.as_deref() == Some("hide");
                    messenger.finish(warnings);
                }
                extra.finish(warnings);
            }
            if !link.extensions {
                // Smooch opens `fallback` on channels without webviews; Messenger has them.
                link.fallback_url = None;
            }
            Action::Link(link)
        }
        "postback" => Action::Postback {
            title: label(),
            payload: obj.req_str("payload")?,
        },
        "reply" => Action::Reply {
            title: label(),
            payload: obj.str("payload")?,
            icon_url: obj.str("iconUrl")?,
        },
        "locationRequest" => Action::LocationRequest { title },
        "share" => Action::Share {},
        "buy" => Action::Buy {
            title: label(),
            amount: obj.i64("amount")?.ok_or_else(|| {
                invalid(&obj.at("amount"), "a buy action needs an amount in cents")
            })?,
            currency: obj
                .str("currency")?
                .unwrap_or_else(|| SHORTHAND_CURRENCY.to_owned()),
        },
        other => {
            return Err(invalid(
                &obj.at("type"),
                &format!("`{other}` is not a smooch action type"),
            ));
        }
    };
    obj.finish(warnings);
    Ok(action)
}
