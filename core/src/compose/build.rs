//! Assembles the Send API messages for a neutral message, in the order they must be sent:
//! leading text, media, location, receipt, the carousel, trailing buttons. Quick replies
//! ride on the last message.

use super::actions::{ActionAt, Place, sort};
use super::cards;
use super::fit::{cut_or_reject, fit};
use super::location::location_message;
use super::media::{image_with_buttons, is_linked_image, media_message};
use super::message::{Action, Message};
use super::options::{CardRendering, Compat, ComposeOptions, Overflow};
use super::passthrough::passthrough;
use super::receipt::receipt_message;
use super::report::{Report, WarningCode};
use super::text::{fits, split, truncate};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::SMOOCH_QUICK_REPLIES;
use crate::send::{Attachment, Button, ButtonTemplate, Message as Out, QuickReply, Template};

/// Label of the maps button on a location card.
pub(super) const MAP_BUTTON: &str = "Open map";

pub(crate) fn build(
    message: &Message,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Vec<Out>> {
    if let Some(raw) = &message.messenger {
        return passthrough(raw, message, options, report);
    }
    if options.compat == Compat::Smooch {
        smooch_mix_rule(&message.actions)?;
    }
    let mut sorted = sort(&message.actions, None, Place::Message, options, report)?;
    let (buttons, extra_replies) =
        cap_buttons(std::mem::take(&mut sorted.buttons), options, report);
    sorted.replies.extend(extra_replies);
    let replies = cap_replies(std::mem::take(&mut sorted.replies), options, report);

    let mut text = message.text.clone().filter(|t| !t.trim().is_empty());
    for prompt in &sorted.prompts {
        text = Some(match text {
            Some(existing) => format!("{existing}\n\n{prompt}"),
            None => prompt.clone(),
        });
    }
    let text_cards = options.cards == CardRendering::Text && !message.cards.is_empty();
    if text_cards {
        let rendered = cards::as_text(&message.cards, report);
        report.warn(
            WarningCode::Replaced,
            "cards",
            "cards rendered as plain text",
        );
        text = Some(match text {
            Some(existing) => format!("{existing}\n\n{rendered}"),
            None => rendered,
        });
    }

    let mut out = Vec::new();
    let native_cards = !message.cards.is_empty() && !text_cards;
    let image_card = !native_cards
        && !buttons.is_empty()
        && message
            .media
            .as_ref()
            .is_some_and(|m| is_linked_image(m, options));

    if image_card {
        let media = message.media.as_ref().expect("checked above");
        out.extend(image_with_buttons(
            media,
            text.take(),
            buttons.clone(),
            options,
            report,
        )?);
    } else if native_cards || buttons.is_empty() {
        if let Some(text) = text.take() {
            out.extend(plain_text(&text, options, report)?);
        }
    } else {
        let Some(text) = text.take() else {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: "buttons need text to go with them".to_owned(),
                },
                "text",
            ));
        };
        out.extend(text_with_buttons(&text, buttons.clone(), options, report)?);
    }
    if let Some(media) = message.media.as_ref().filter(|_| !image_card) {
        out.push(media_message(media, options, report)?);
    }
    if let Some(location) = &message.location {
        out.push(location_message(location, options, report)?);
    }
    if let Some(receipt) = &message.receipt {
        out.push(receipt_message(receipt, options)?);
    }
    if native_cards {
        if message.layout == Some(super::message::Layout::List) {
            report.warn(
                WarningCode::RetiredFeature,
                "layout",
                "messenger retired the list template; sent as a carousel",
            );
        }
        let mut template = cards::carousel(
            &message.cards,
            message.image_aspect_ratio.as_deref(),
            options,
            report,
        )?;
        if sorted.sharable {
            template.sharable = Some(true);
        }
        out.push(Out::attachment(Attachment::Template(Template::Generic(
            template,
        ))));
        if !buttons.is_empty() {
            out.push(trailing_buttons(buttons, report));
        }
    } else if sorted.sharable {
        report.warn(WarningCode::Dropped, "actions", "only cards can be shared");
    }

    let Some(last) = out.last_mut() else {
        return Err(Error::at(
            ErrorKind::Required {
                detail: "the message has nothing to send".to_owned(),
            },
            "text",
        ));
    };
    last.quick_replies = replies;
    if let Some(metadata) = &message.metadata {
        let metadata = fit(
            metadata,
            options.platform.limits.metadata,
            &"",
            "metadata",
            options,
            report,
        )?;
        out.iter_mut()
            .for_each(|m| m.metadata = Some(metadata.clone()));
    }
    Ok(out)
}

/// Smooch rejected reply and location-request actions mixed with any other type.
fn smooch_mix_rule(actions: &[Action]) -> Result<()> {
    let reply_like =
        |a: &Action| matches!(a, Action::Reply { .. } | Action::LocationRequest { .. });
    if actions.iter().any(reply_like) && !actions.iter().all(reply_like) {
        return Err(Error::at(
            ErrorKind::Conflict { detail: "smooch compatibility: reply and location-request actions cannot be mixed with other actions".to_owned() },
            "actions",
        ));
    }
    Ok(())
}

/// At most three buttons. When more are given, links, calls and maps keep their places
/// first and postbacks become quick replies (nothing is lost); what still does not fit is
/// dropped. Smooch compatibility keeps Smooch's plain truncation.
fn cap_buttons(
    buttons: Vec<(ActionAt, Button)>,
    options: &ComposeOptions,
    report: &mut Report,
) -> (Vec<Button>, Vec<(ActionAt, QuickReply)>) {
    let max = options.platform.limits.button_template_buttons.max;
    if buttons.len() <= max {
        return (buttons.into_iter().map(|(_, b)| b).collect(), Vec::new());
    }
    let native = options.compat == Compat::None;
    let is_postback = |b: &Button| matches!(b, Button::Postback(_));
    let others = buttons.iter().filter(|(_, b)| !is_postback(b)).count();
    let mut room_for_postbacks = if native {
        max.saturating_sub(others)
    } else {
        max
    };
    let (mut kept, mut replies) = (Vec::new(), Vec::new());
    for (field, button) in buttons {
        let fits = kept.len() < max;
        match button {
            Button::Postback(p) if native && (room_for_postbacks == 0 || !fits) => {
                report.warn(
                    WarningCode::Replaced,
                    field,
                    format!("only {max} buttons fit; sent as a quick reply"),
                );
                let title = truncate(&p.title, options.platform.limits.quick_reply_title);
                replies.push((field, QuickReply::text(title, p.payload)));
            }
            Button::Postback(_) if fits => {
                room_for_postbacks = room_for_postbacks.saturating_sub(1);
                kept.push(button);
            }
            other if fits => kept.push(other),
            _ => report.warn(
                WarningCode::Dropped,
                field,
                format!("only {max} buttons fit"),
            ),
        }
    }
    (kept, replies)
}

fn cap_replies(
    replies: Vec<(ActionAt, QuickReply)>,
    options: &ComposeOptions,
    report: &mut Report,
) -> Vec<QuickReply> {
    let max = match options.compat {
        Compat::Smooch => SMOOCH_QUICK_REPLIES,
        Compat::None => options.platform.limits.quick_replies.max,
    };
    let mut kept = Vec::new();
    for (field, reply) in replies {
        if kept.len() < max {
            kept.push(reply);
        } else {
            report.warn(
                WarningCode::Dropped,
                field,
                format!("a message holds {max} quick replies"),
            );
        }
    }
    kept
}

/// Text as one or more messages, by the overflow option.
pub(super) fn plain_text(
    text: &str,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Vec<Out>> {
    let limit = options.platform.limits.text;
    if fits(text, limit) {
        return Ok(vec![Out::text(text)]);
    }
    if options.overflow != Overflow::Split {
        return cut_or_reject(text, limit, "text", options, report).map(|cut| vec![Out::text(cut)]);
    }
    bounded(text, limit)?;
    let chunks = split(text, limit);
    if chunks.len() > 1 {
        report.warn(
            WarningCode::Split,
            "text",
            format!("sent as {} messages", chunks.len()),
        );
    }
    if chunks.iter().map(String::len).sum::<usize>() < text.len() {
        report.warn(
            WarningCode::Dropped,
            "text",
            "a whitespace-only part that fit nowhere was left out",
        );
    }
    Ok(chunks.into_iter().map(Out::text).collect())
}

/// `limit_exceeded` at `text` for a text that would split into more than
/// [`crate::limits::COMPOSE_SPLIT_MAX`] messages (checked before splitting, so a 5 MB text
/// is refused in one pass instead of becoming thousands of messages).
fn bounded(text: &str, limit: crate::limits::Limit) -> Result<()> {
    let max = crate::limits::COMPOSE_SPLIT_MAX * limit.max;
    let actual = crate::limits::measure(text, limit.unit);
    if actual > max {
        return Err(Error::at(ErrorKind::LimitExceeded { max, actual }, "text"));
    }
    Ok(())
}

/// Text with buttons: a button template carries the last 640 characters, the rest goes first.
fn text_with_buttons(
    text: &str,
    buttons: Vec<Button>,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Vec<Out>> {
    let limit = options.platform.limits.button_template_text;
    let template = |text: String| {
        Out::attachment(Attachment::Template(Template::Button(ButtonTemplate {
            buttons: buttons.clone(),
            text,
        })))
    };
    if fits(text, limit) {
        return Ok(vec![template(text.to_owned())]);
    }
    if options.overflow != Overflow::Split {
        return cut_or_reject(text, limit, "text", options, report).map(|cut| vec![template(cut)]);
    }
    bounded(text, options.platform.limits.text)?;
    let mut pieces = split(text, limit);
    let tail = pieces.pop().unwrap_or_default();
    let head = pieces.concat();
    report.warn(
        WarningCode::Split,
        "text",
        "the start of the text is sent before the buttons",
    );
    let mut out: Vec<Out> = split(&head, options.platform.limits.text)
        .into_iter()
        .map(Out::text)
        .collect();
    out.push(template(tail));
    Ok(out)
}

/// Message-level buttons after a carousel: a button template named after the first button.
fn trailing_buttons(buttons: Vec<Button>, report: &mut Report) -> Out {
    report.warn(
        WarningCode::Replaced,
        "actions",
        "message-level buttons follow the carousel as a button message",
    );
    let text = buttons
        .iter()
        .find_map(button_title)
        .unwrap_or_else(|| MAP_BUTTON.to_owned());
    Out::attachment(Attachment::Template(Template::Button(ButtonTemplate {
        buttons,
        text,
    })))
}

fn button_title(button: &Button) -> Option<String> {
    match button {
        Button::WebUrl(b) => b.title.clone(),
        Button::Postback(b) | Button::PhoneNumber(b) => Some(b.title.clone()),
        Button::GamePlay(b) => Some(b.title.clone()),
        _ => None,
    }
}
