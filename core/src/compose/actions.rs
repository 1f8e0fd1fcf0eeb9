//! Neutral actions to Messenger buttons and quick replies.

use std::fmt;

use serde_json::json;

use super::address::{e164, maps_url, web_url};
use super::fit::{fit, fit_required};
use super::message::{Action, LinkAction};
use super::options::{ComposeOptions, LocationRequest, Payments};
use super::report::{Report, WarningCode};
use super::text::truncate;
use crate::error::{Error, ErrorKind, Result};
use crate::limits::{Limit, Product};
use crate::send::{AccountLinkButton, Button, QuickReply, TextQuickReply, UrlButton};

/// Prompt added for a location request answered in text.
pub(crate) const LOCATION_PROMPT: &str = "Please send your location or type your address.";
/// Quick-reply label and payload for a location request answered by a quick reply.
const LOCATION_REPLY: (&str, &str) = ("Send location", "LOCATION_REQUEST");
/// Label of a link without a title.
const LINK_TITLE: &str = "Open";

/// Where an action sits, rendered (`cards[2].actions[1]`) only when reported.
#[derive(Clone, Copy)]
pub(crate) struct ActionAt {
    pub(crate) card: Option<usize>,
    pub(crate) index: usize,
}

impl fmt::Display for ActionAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.card {
            Some(card) => write!(f, "cards[{card}].actions[{}]", self.index),
            None => write!(f, "actions[{}]", self.index),
        }
    }
}

/// Message-level or card-level actions, sorted into what Messenger can carry.
#[derive(Default)]
pub(crate) struct Sorted {
    pub(crate) buttons: Vec<(ActionAt, Button)>,
    pub(crate) replies: Vec<(ActionAt, QuickReply)>,
    pub(crate) default_action: Option<LinkAction>,
    pub(crate) sharable: bool,
    /// Prompts to add to the text (location requests answered in text).
    pub(crate) prompts: Vec<String>,
}

/// Where the actions sit: replies and requests are not allowed inside a card.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Message,
    Card,
}

pub(crate) fn sort(
    actions: &[Action],
    card: Option<usize>,
    place: Place,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Sorted> {
    let mut out = Sorted {
        buttons: Vec::with_capacity(actions.len()),
        ..Sorted::default()
    };
    let instagram = options.platform.product == Product::Instagram;
    for (index, action) in actions.iter().enumerate() {
        let field = ActionAt { card, index };
        let reply_like = matches!(
            action,
            Action::Reply { .. }
                | Action::LocationRequest { .. }
                | Action::PhoneRequest {}
                | Action::EmailRequest {}
        );
        if reply_like && place == Place::Card {
            report.warn(
                WarningCode::Dropped,
                field,
                "quick replies and location requests cannot sit inside a card",
            );
            continue;
        }
        match action {
            Action::Reply {
                title,
                payload,
                icon_url,
            } => {
                let original_title = title;
                let title = fit_required(
                    title,
                    options.platform.limits.quick_reply_title,
                    &field,
                    "title",
                    options,
                    report,
                )?;
                // Derived from the whole title, not the one cut to fit 20 characters.
                let payload = match payload.as_deref().filter(|p| !p.trim().is_empty()) {
                    Some(payload) => payload.to_owned(),
                    None => original_title.clone(),
                };
                let payload = fit_required(
                    &payload,
                    options.platform.limits.quick_reply_payload,
                    &field,
                    "payload",
                    options,
                    report,
                )?;
                let image_url = match icon_url {
                    Some(_) if instagram => {
                        report.warn(
                            WarningCode::Dropped,
                            format!("{field}.icon_url"),
                            "instagram quick replies have no icon",
                        );
                        None
                    }
                    other => other.clone(),
                };
                out.replies.push((
                    field,
                    QuickReply::Text(text_reply(title, payload, image_url)),
                ));
            }
            Action::PhoneRequest {} | Action::EmailRequest {} if instagram => {
                report.warn(
                    WarningCode::Dropped,
                    field,
                    "instagram quick replies are plain text",
                );
            }
            Action::PhoneRequest {} => out.replies.push((field, QuickReply::UserPhoneNumber {})),
            Action::EmailRequest {} => out.replies.push((field, QuickReply::UserEmail {})),
            Action::LocationRequest { title } => {
                match options.location_request {
                    LocationRequest::Text => {
                        report.warn(
                            WarningCode::RetiredFeature,
                            field,
                            "messenger retired the location quick reply; asked in the text",
                        );
                        out.prompts.push(
                            title
                                .clone()
                                .filter(|t| !t.trim().is_empty())
                                .unwrap_or_else(|| LOCATION_PROMPT.to_owned()),
                        );
                    }
                    LocationRequest::Reply => {
                        report.warn(WarningCode::RetiredFeature, field, "messenger retired the location quick reply; sent as a text quick reply");
                        let label = title
                            .clone()
                            .filter(|t| !t.trim().is_empty())
                            .unwrap_or_else(|| LOCATION_REPLY.0.to_owned());
                        let label = truncate(&label, options.platform.limits.quick_reply_title);
                        out.replies.push((
                            field,
                            QuickReply::Text(text_reply(label, LOCATION_REPLY.1.to_owned(), None)),
                        ));
                    }
                }
            }
            Action::Share {} => {
                if place == Place::Card {
                    report.warn(
                        WarningCode::Replaced,
                        field,
                        "the share button is retired; the card is sharable instead",
                    );
                }
                out.sharable = true;
            }
            Action::Link(link)
                if link.default && place == Place::Card && out.default_action.is_none() =>
            {
                out.default_action = Some(link.clone());
            }
            other => {
                if let Some(button) = button(other, &field, options, report)? {
                    out.buttons.push((field, button));
                }
            }
        }
    }
    Ok(out)
}

fn text_reply(title: String, payload: String, image_url: Option<String>) -> TextQuickReply {
    TextQuickReply {
        image_url,
        payload,
        title,
    }
}

/// One button action; `None` when it was dropped (and reported).
fn button(
    action: &Action,
    field: &dyn fmt::Display,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Option<Button>> {
    let title_limit = options.platform.limits.button_title;
    Ok(Some(match action {
        Action::Postback { title, payload } => {
            let title = fit_required(title, title_limit, field, "title", options, report)?;
            let payload = fit_required(
                payload,
                options.platform.limits.postback_payload,
                field,
                "payload",
                options,
                report,
            )?;
            Button::postback(title, payload)
        }
        Action::Call { title, phone } => return call(title, phone, field, options, report),
        Action::Link(link) if link.url.to_ascii_lowercase().starts_with("tel:") => {
            let title = link
                .title
                .clone()
                .unwrap_or_else(|| link.url[4..].to_owned());
            return call(&title, &link.url[4..], field, options, report);
        }
        Action::Link(link) => {
            Button::WebUrl(url_button(link, Some(title_limit), field, options, report)?)
        }
        Action::AccountLink { url } => Button::AccountLink(AccountLinkButton {
            url: web_url(url, true, format_args!("{field}.url"))?,
        }),
        Action::AccountUnlink {} => Button::AccountUnlink {},
        Action::Map { title, lat, lon } => {
            let url = web_url(&maps_url(options, *lat, *lon), false, "maps_url_template")?;
            let title = fit_required(title, title_limit, field, "title", options, report)?;
            Button::url(title, url)
        }
        Action::Buy {
            title,
            amount,
            currency,
        } => return buy(title, *amount, currency, field, options, report),
        Action::Reply { .. }
        | Action::LocationRequest { .. }
        | Action::PhoneRequest {}
        | Action::EmailRequest {}
        | Action::Share {} => {
            return Ok(None);
        }
    }))
}

/// A `web_url` button (or, without a title limit, a card's `default_action`).
pub(crate) fn url_button(
    link: &LinkAction,
    title_limit: Option<Limit>,
    field: &dyn fmt::Display,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<UrlButton> {
    let title = match title_limit {
        Some(limit) => Some(fit(
            link.title
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or(LINK_TITLE),
            limit,
            field,
            "title",
            options,
            report,
        )?),
        None => None,
    };
    if let Some(size) = link.webview.as_deref()
        && !crate::limits::WEBVIEW_HEIGHTS.contains(&size)
    {
        let detail = format!(
            "`{size}` is not one of {}",
            crate::limits::WEBVIEW_HEIGHTS.join(", ")
        );
        return Err(Error::at(
            ErrorKind::InvalidInput { detail },
            format!("{field}.webview"),
        ));
    }
    let mut button = UrlButton {
        title,
        url: web_url(&link.url, false, format_args!("{field}.url"))?,
        webview_height_ratio: link.webview.clone(),
        ..UrlButton::default()
    };
    if link.extensions {
        button.messenger_extensions = Some(true);
        button.fallback_url = link
            .fallback_url
            .as_deref()
            .map(|u| web_url(u, false, format_args!("{field}.fallback_url")))
            .transpose()?;
    } else if link.fallback_url.is_some() {
        report.warn(
            WarningCode::Dropped,
            format!("{field}.fallback_url"),
            "a fallback URL applies only with messenger extensions",
        );
    }
    if link.hide_share {
        button.webview_share_button = Some("hide".to_owned());
    }
    Ok(button)
}

fn call(
    title: &str,
    phone: &str,
    field: &dyn fmt::Display,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Option<Button>> {
    let Some(number) = e164(phone) else {
        report.warn(
            WarningCode::Dropped,
            field,
            format!("`{phone}` cannot be written in + E.164 form (is the country code missing?)"),
        );
        return Ok(None);
    };
    // Normalising the form (separators, a 00 prefix) changes nothing the person sees.
    let title = fit_required(
        title,
        options.platform.limits.button_title,
        field,
        "title",
        options,
        report,
    )?;
    Ok(Some(Button::call(title, number)))
}

fn buy(
    title: &str,
    amount: i64,
    currency: &str,
    field: &dyn fmt::Display,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Option<Button>> {
    let currency = currency.to_ascii_uppercase();
    let major = format!("{}.{:02}", amount / 100, (amount % 100).abs());
    match options.payments {
        Payments::Reject => Err(Error::at(
            ErrorKind::Unsupported { detail: "messenger has no payment button; choose payments `link` (a checkout URL) or `legacy`".to_owned() },
            field.to_string(),
        )),
        Payments::Link => {
            let Some(template) = &options.checkout_url_template else {
                return Err(Error::at(
                    ErrorKind::Required { detail: "payments `link` needs checkout_url_template".to_owned() },
                    "checkout_url_template",
                ));
            };
            let url = template
                .replace("{amount_minor}", &amount.to_string())
                .replace("{amount}", &major)
                .replace("{currency}", &currency);
            let url = web_url(&url, false, "checkout_url_template")?;
            report.warn(WarningCode::Replaced, field, format!("payment button sent as a checkout link for {major} {currency}"));
            let title = fit_required(title, options.platform.limits.button_title, field, "title", options, report)?;
            Ok(Some(Button::url(title, url)))
        }
        Payments::Legacy => {
            if let Some(retired) = options.platform.retirement("button:payment") {
                return Err(Error::at(
                    ErrorKind::Unsupported { detail: format!("payment buttons are not accepted since {}", retired.on) },
                    field.to_string(),
                ));
            }
            if currency != "USD" {
                return Err(Error::at(ErrorKind::Unsupported { detail: format!("messenger payments took USD only, not {currency}") }, field.to_string()));
            }
            let title = fit_required(title, options.platform.limits.button_title, field, "title", options, report)?;
            let button = json!({
                "type": "payment", "title": title, "payload": format!("BUY_{amount}_{currency}"),
                "payment_summary": {"currency": currency, "payment_type": "FIXED_AMOUNT", "merchant_name": "",
                                    "requested_user_info": [], "price_list": [{"label": title, "amount": major}]}
            });
            Ok(Some(Button::Other(button)))
        }
    }
}
