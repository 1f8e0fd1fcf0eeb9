//! The Sinch kinds that map to Messenger's own: media, choices, cards and locations.

use super::Notes;
use super::properties::message_properties;
use super::wire::{CardMessage, Choice, LocationMessage, MediaMessage};
use crate::compose::{
    Action, Card, LinkAction, Location, Media, MediaKind, Message, WarningCode, known_media_kind,
};
use crate::dialect::reader::invalid;
use crate::error::Result;
use crate::limits::Path;

/// Sinch writes international numbers as E.164 digits without the `+` (`46732000000`).
const E164_DIGITS: std::ops::RangeInclusive<usize> = 8..=15;

pub(super) fn media(media: MediaMessage, path: &Path<'_>, notes: &mut Notes) -> Media {
    notes.unknown(&media.unknown, path);
    if media.thumbnail_url.is_some() {
        notes.warn(
            WarningCode::Dropped,
            &path.key("thumbnail_url"),
            "messenger makes its own thumbnails",
        );
    }
    if media.filename_override.is_some() {
        notes.warn(
            WarningCode::Dropped,
            &path.key("filename_override"),
            "messenger takes the file name from the url or the upload; used only to tell the media's kind",
        );
    }
    Media {
        url: Some(media.url),
        filename: media.filename_override,
        ..Media::default()
    }
}

/// The `choices` of a message or card: all text choices are quick replies, else buttons.
/// `neutral` is where they go in the neutral message (`actions`, `cards[2].actions`).
pub(super) fn choices(
    items: Vec<Choice>,
    neutral: &str,
    path: &Path<'_>,
    notes: &mut Notes,
) -> Result<Vec<Action>> {
    // Inside a card every choice is a button.
    let in_card = neutral.starts_with("cards[");
    let all_text = !in_card && !items.is_empty() && items.iter().all(|c| c.text_message.is_some());
    let list = path.key("choices");
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let at = list.index(index);
            let neutral = format!("{neutral}[{index}]");
            notes.from(neutral.as_str(), &at);
            choice(item, all_text, &neutral, &at, notes)
        })
        .collect()
}

fn choice(
    item: Choice,
    as_reply: bool,
    neutral: &str,
    path: &Path<'_>,
    notes: &mut Notes,
) -> Result<Action> {
    notes.unknown(&item.unknown, path);
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
        let at = path.key("text_message");
        notes.unknown(&text.unknown, &at);
        notes.from(format!("{neutral}.title"), &at.key("text"));
        let payload_at = match &postback {
            Some(_) => path.key("postback_data"),
            None => at.key("text"),
        };
        notes.from(format!("{neutral}.payload"), &payload_at);
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
    // Every other choice becomes a button without a payload.
    if postback.is_some() {
        notes.warn(
            WarningCode::Dropped,
            &path.key("postback_data"),
            "this choice becomes a messenger button that sends no payload",
        );
    }
    if let Some(url) = item.url_message {
        let at = path.key("url_message");
        notes.unknown(&url.unknown, &at);
        notes.from(format!("{neutral}.title"), &at.key("title"));
        notes.from(format!("{neutral}.url"), &at.key("url"));
        return Ok(Action::Link(LinkAction {
            title: Some(url.title),
            url: url.url,
            ..LinkAction::default()
        }));
    }
    if let Some(call) = item.call_message {
        let at = path.key("call_message");
        notes.unknown(&call.unknown, &at);
        notes.from(format!("{neutral}.title"), &at.key("title"));
        return Ok(Action::Call {
            title: call.title,
            phone: international(call.phone_number),
        });
    }
    if let Some(location_message) = item.location_message {
        let at = path.key("location_message");
        let place = location(location_message, &at, notes)?;
        notes.warn(
            WarningCode::Replaced,
            &at,
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
    notes.unknown(&link.unknown, &at);
    notes.warn(
        WarningCode::Replaced,
        &at,
        "messenger has no such button; sent as a link to its fallback_url",
    );
    Ok(Action::Link(LinkAction {
        title: Some(link.title),
        url: link.fallback_url,
        ..LinkAction::default()
    }))
}

/// A Sinch number: 8 to 15 digits without `+` are international, so they get the `+`
/// (Sinch's own form, no change the person sees). Anything else is left to composing.
fn international(number: String) -> String {
    let digits = number.trim();
    let bare = E164_DIGITS.contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if bare { format!("+{digits}") } else { number }
}

/// A card: title (else the description), description, image media and choices. Sinch
/// card media must be images, so a media of unknown kind is the card's image; a media
/// that is known not to be one is sent on its own (one per message), or dropped.
pub(super) fn card(
    card: CardMessage,
    index: usize,
    path: &Path<'_>,
    message: &mut Message,
    notes: &mut Notes,
) -> Result<Card> {
    let neutral = format!("cards[{index}]");
    notes.from(neutral.as_str(), path);
    notes.unknown(&card.unknown, path);
    message_properties(notes, card.message_properties.as_ref(), path);
    notes.from(format!("{neutral}.title"), &path.key("title"));
    notes.from(format!("{neutral}.subtitle"), &path.key("description"));
    let mut out = Card {
        title: card.title,
        subtitle: card.description,
        ..Card::default()
    };
    if let Some(media_message) = card.media_message {
        let at = path.key("media_message");
        let media = media(media_message, &at, notes);
        let url = media.url.clone().unwrap_or_default();
        match known_media_kind(&media) {
            None | Some(MediaKind::Image) => {
                notes.from(format!("{neutral}.media_url"), &at.key("url"));
                out.media_url = media.url;
            }
            Some(kind) if message.media.is_none() => {
                let kind = kind_name(kind);
                notes.warn(
                    WarningCode::Replaced,
                    &at,
                    format!("a card shows images only; this {kind} ({url}) is sent on its own before the cards"),
                );
                notes.from("media", &at);
                notes.from("media.url", &at.key("url"));
                message.media = Some(media);
            }
            Some(kind) => {
                let kind = kind_name(kind);
                notes.warn(
                    WarningCode::Dropped,
                    &at.key("url"),
                    format!("a card shows images only, and a message sends one media besides its cards (an earlier card's); this {kind} ({url}) is not sent"),
                );
            }
        }
    }
    if card.height.is_some() {
        notes.warn(
            WarningCode::Dropped,
            &path.key("height"),
            "messenger chooses the card height",
        );
    }
    out.actions = choices(card.choices, &format!("{neutral}.actions"), path, notes)?;
    Ok(out)
}

fn kind_name(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Image => "image",
        MediaKind::Video => "video",
        MediaKind::Audio => "audio",
        _ => "file",
    }
}

pub(super) fn location(
    location: LocationMessage,
    path: &Path<'_>,
    notes: &mut Notes,
) -> Result<Location> {
    notes.unknown(&location.unknown, path);
    let Some(coordinates) = location.coordinates else {
        return Err(invalid(
            &path.key("coordinates").render(),
            "a location needs coordinates",
        ));
    };
    notes.unknown(&coordinates.unknown, &path.key("coordinates"));
    Ok(Location {
        lat: coordinates.latitude,
        lon: coordinates.longitude,
        title: location.title.filter(|t| !t.is_empty()),
        address: location.label.filter(|l| !l.is_empty()),
    })
}
