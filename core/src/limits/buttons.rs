//! Rules for buttons: in templates, in the persistent menu, alone.

use super::check::{Checker, Path, clip, is_e164};
use super::{Limit, ViolationCode};
use crate::send::{Button, UrlButton};

const BUTTON_TYPES: &[&str] = &[
    "web_url",
    "postback",
    "phone_number",
    "account_link",
    "account_unlink",
    "game_play",
];

/// A list of buttons: its size, then each button.
pub(crate) fn button_list(
    check: &mut Checker<'_>,
    path: &Path<'_>,
    buttons: &[Button],
    limit: Limit,
) {
    if !buttons.is_empty() || limit.min > 0 {
        check.count(path, buttons.len(), limit);
    }
    for (index, button) in buttons.iter().enumerate() {
        button_rules(check, &path.index(index), button);
    }
}

/// One button.
pub(crate) fn button_rules(check: &mut Checker<'_>, path: &Path<'_>, button: &Button) {
    let limits = check.platform.limits;
    match button {
        Button::WebUrl(url) => {
            match &url.title {
                Some(title) => check.required_text(&path.key("title"), title, limits.button_title),
                None => check.push(
                    ViolationCode::Required,
                    &path.key("title"),
                    "a web_url button needs a title",
                ),
            }
            url_button_rules(check, path, url);
        }
        Button::Postback(p) => {
            check.required_text(&path.key("title"), &p.title, limits.button_title);
            check.required_text(&path.key("payload"), &p.payload, limits.postback_payload);
        }
        Button::PhoneNumber(p) => {
            check.required_text(&path.key("title"), &p.title, limits.button_title);
            if !is_e164(&p.payload) {
                check.push(
                    ViolationCode::InvalidValue,
                    &path.key("payload"),
                    format!(
                        "`{}` is not a phone number in + E.164 form such as +15105551234",
                        clip(&p.payload)
                    ),
                );
            }
        }
        Button::AccountLink(link) => check.https_url(&path.key("url"), &link.url),
        Button::AccountUnlink {} => {}
        Button::GamePlay(game) => {
            check.required_text(&path.key("title"), &game.title, limits.button_title)
        }
        Button::Other(raw) => {
            let kind = path.key("type");
            let name = raw.get("type").and_then(|t| t.as_str()).unwrap_or_default();
            let feature = if name == "nested" {
                "menu:nested".to_owned()
            } else {
                format!("button:{name}")
            };
            if !check.retired(&kind, &feature) {
                super::json::explain_other::<Button>(check, path, raw, "type", BUTTON_TYPES);
            }
        }
    }
}

pub(crate) fn url_button_rules(check: &mut Checker<'_>, path: &Path<'_>, url: &UrlButton) {
    check.url(&path.key("url"), &url.url);
    if let Some(ratio) = &url.webview_height_ratio
        && !super::WEBVIEW_HEIGHTS.contains(&ratio.as_str())
    {
        check.push(
            ViolationCode::InvalidValue,
            &path.key("webview_height_ratio"),
            format!("`{}` is not compact, tall or full", clip(ratio)),
        );
    }
    if let Some(fallback) = &url.fallback_url {
        if url.messenger_extensions != Some(true) {
            check.push(
                ViolationCode::Conflict,
                &path.key("fallback_url"),
                "fallback_url needs messenger_extensions: true",
            );
        }
        check.url(&path.key("fallback_url"), fallback);
    }
    if let Some(share) = &url.webview_share_button
        && share != "hide"
    {
        check.push(
            ViolationCode::InvalidValue,
            &path.key("webview_share_button"),
            "the only value is `hide`",
        );
    }
}
