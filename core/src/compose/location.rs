//! A location, which Messenger cannot send: a card whose tap and button open a maps link.

use super::build::MAP_BUTTON;
use super::message::Location;
use super::options::ComposeOptions;
use super::report::{Report, WarningCode};
use super::text::truncate;
use crate::error::Result;
use crate::send::{
    Attachment, Button, DefaultAction, GenericElement, GenericTemplate, Message as Out, Template,
    UrlButton,
};

/// Title of a location card without a name or address.
const LOCATION_TITLE: &str = "Location";
/// Messenger has no outbound location: a card whose tap and button open a maps link.
pub(super) fn location_message(
    location: &Location,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Out> {
    let url = super::address::web_url(
        &super::address::maps_url(options, location.lat, location.lon),
        false,
        "maps_url_template",
    )?;
    report.warn(
        WarningCode::Replaced,
        "location",
        "messenger has no location attachment; sent as a card with a maps link",
    );
    let limit = options.platform.limits.generic_title;
    let blank_is_none = |value: &Option<String>| value.clone().filter(|v| !v.trim().is_empty());
    let (title, subtitle) = match (
        blank_is_none(&location.title),
        blank_is_none(&location.address),
    ) {
        (Some(title), address) => (title, address),
        (None, Some(address)) => (address, None),
        (None, None) => (LOCATION_TITLE.to_owned(), None),
    };
    let element = GenericElement {
        buttons: vec![Button::url(MAP_BUTTON, url.clone())],
        default_action: Some(DefaultAction {
            kind: "web_url".to_owned(),
            url: UrlButton {
                url,
                ..UrlButton::default()
            },
        }),
        subtitle: subtitle.map(|s| truncate(&s, limit)),
        title: truncate(&title, limit),
        ..GenericElement::default()
    };
    let template = GenericTemplate {
        elements: vec![element],
        ..GenericTemplate::default()
    };
    Ok(Out::attachment(Attachment::Template(Template::Generic(
        template,
    ))))
}
