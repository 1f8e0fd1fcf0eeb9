//! Cards to a generic-template carousel, or to numbered plain text.

use std::fmt::{self, Write as _};

use super::actions::{Place, sort, url_button};
use super::address::web_url;
use super::fit::fit;
use super::message::{Action, Card};
use super::options::ComposeOptions;
use super::report::{Report, WarningCode};
use crate::error::{Error, ErrorKind, Result};
use crate::send::{DefaultAction, GenericElement, GenericTemplate};

/// Where a card sits, rendered (`cards[2]`) only when reported.
#[derive(Clone, Copy)]
struct CardAt(usize);

impl fmt::Display for CardAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cards[{}]", self.0)
    }
}

/// Cards as one carousel of at most `generic_elements.max` elements; the rest are reported.
pub(crate) fn carousel(
    cards: &[Card],
    image_aspect_ratio: Option<&str>,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<GenericTemplate> {
    let max = options.platform.limits.generic_elements.max;
    let mut template = GenericTemplate {
        elements: Vec::with_capacity(cards.len().min(max)),
        image_aspect_ratio: image_aspect_ratio.map(str::to_owned),
        ..GenericTemplate::default()
    };
    for (index, card) in cards.iter().enumerate() {
        let field = CardAt(index);
        if index >= max {
            report.warn(
                WarningCode::Dropped,
                field,
                format!("a carousel holds {max} cards"),
            );
            continue;
        }
        let (element, sharable) = element(card, &field, options, report)?;
        template.sharable = template.sharable.or(sharable.then_some(true));
        template.elements.push(element);
    }
    Ok(template)
}

fn element(
    card: &Card,
    field: &CardAt,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<(GenericElement, bool)> {
    let limits = options.platform.limits;
    let (title, subtitle) = match (&card.title, &card.subtitle) {
        (Some(title), subtitle) if !title.trim().is_empty() => (title.clone(), subtitle.clone()),
        (_, Some(subtitle)) if !subtitle.trim().is_empty() => {
            report.warn(
                WarningCode::Replaced,
                format!("{field}.subtitle"),
                "a card without a title uses its subtitle as the title",
            );
            (subtitle.clone(), None)
        }
        _ => {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: "a card needs a title or a subtitle".to_owned(),
                },
                format!("{field}.title"),
            ));
        }
    };
    let sorted = sort(&card.actions, Some(field.0), Place::Card, options, report)?;
    let mut element = GenericElement {
        title: fit(
            &title,
            limits.generic_title,
            field,
            "title",
            options,
            report,
        )?,
        subtitle: subtitle
            .map(|s| fit(&s, limits.generic_title, field, "subtitle", options, report))
            .transpose()?,
        image_url: card
            .media_url
            .as_deref()
            .map(|u| web_url(u, false, format_args!("{field}.media_url")))
            .transpose()?,
        ..GenericElement::default()
    };
    let default = card
        .default_action
        .as_ref()
        .or(sorted.default_action.as_ref());
    if let Some(link) = default {
        let url = url_button(
            link,
            None,
            &format_args!("{field}.default_action"),
            options,
            report,
        )?;
        element.default_action = Some(DefaultAction {
            kind: "web_url".to_owned(),
            url,
        });
    }
    let max = limits.generic_buttons.max;
    for (index, (button_field, button)) in sorted.buttons.into_iter().enumerate() {
        if index >= max {
            report.warn(
                WarningCode::Dropped,
                button_field,
                format!("a card holds {max} buttons"),
            );
        } else {
            element.buttons.push(button);
        }
    }
    let has_more = element.subtitle.is_some()
        || element.image_url.is_some()
        || element.default_action.is_some()
        || !element.buttons.is_empty();
    if !has_more {
        return Err(Error::at(
            ErrorKind::Required { detail: "messenger needs a subtitle, media_url, default action or button besides the title".to_owned() },
            field.to_string(),
        ));
    }
    Ok((element, sorted.sharable))
}

/// Cards as numbered plain text (Smooch's fallback): title, description and link lines.
/// Images and non-link actions cannot be shown and are reported.
pub(crate) fn as_text(cards: &[Card], report: &mut Report) -> String {
    let mut out = String::new();
    for (index, card) in cards.iter().enumerate() {
        let field = format!("cards[{index}]");
        if index > 0 {
            out.push_str("\n\n");
        }
        let title = card
            .title
            .as_deref()
            .or(card.subtitle.as_deref())
            .unwrap_or_default();
        let _ = write!(out, "{}. {title}", index + 1);
        if let (Some(_), Some(subtitle)) = (&card.title, &card.subtitle) {
            let _ = write!(out, "\n{subtitle}");
        }
        if card.media_url.is_some() {
            report.warn(
                WarningCode::Dropped,
                format!("{field}.media_url"),
                "images are not shown in plain text",
            );
        }
        if let Some(link) = &card.default_action {
            let _ = write!(out, "\n{}", link.url);
        }
        for (a, action) in card.actions.iter().enumerate() {
            match action {
                Action::Link(link) => match &link.title {
                    Some(label) => {
                        let _ = write!(out, "\n{label} {}", link.url);
                    }
                    None => {
                        let _ = write!(out, "\n{}", link.url);
                    }
                },
                _ => report.warn(
                    WarningCode::Dropped,
                    format!("{field}.actions[{a}]"),
                    "only links are shown in plain text",
                ),
            }
        }
    }
    out.trim_end().to_owned()
}
