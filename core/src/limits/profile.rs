//! Rules for Messenger Profile bodies: menu, Get Started, greeting, ice breakers, domains.

use std::collections::HashSet;

use serde_json::Value;

use super::buttons::button_rules;
use super::check::{Checker, Path, clip};
use super::{Platform, Product, Violation, ViolationCode};
use crate::send::{Button, MessengerProfile, PersistentMenu};

/// Every rule a `POST /me/messenger_profile` body breaks on `platform`.
pub fn validate_profile(body: &MessengerProfile, platform: &Platform) -> Vec<Violation> {
    let mut check = Checker::new(platform);
    let root = Path::ROOT;
    let limits = platform.limits;
    if let Some(get_started) = &body.get_started {
        check.required_text(
            &root.key("get_started").key("payload"),
            &get_started.payload,
            limits.get_started_payload,
        );
    }
    if let Some(menus) = &body.persistent_menu {
        let path = root.key("persistent_menu");
        if body.get_started.is_none() {
            check.push(
                ViolationCode::Required,
                &root.key("get_started"),
                "a persistent menu needs get_started set (send it in the same body)",
            );
        }
        locales(&mut check, &path, menus.iter().map(|m| m.locale.as_str()));
        for (index, menu) in menus.iter().enumerate() {
            menu_rules(&mut check, &path.index(index), menu);
        }
    }
    if let Some(greetings) = &body.greeting {
        let path = root.key("greeting");
        locales(
            &mut check,
            &path,
            greetings.iter().map(|g| g.locale.as_str()),
        );
        for (index, greeting) in greetings.iter().enumerate() {
            check.required_text(
                &path.index(index).key("text"),
                &greeting.text,
                limits.greeting_text,
            );
        }
    }
    if let Some(breakers) = &body.ice_breakers {
        ice_breakers(&mut check, &root.key("ice_breakers"), breakers);
    }
    if let Some(domains) = &body.whitelisted_domains {
        let path = root.key("whitelisted_domains");
        check.count(&path, domains.len(), limits.whitelisted_domains);
        for (index, domain) in domains.iter().enumerate() {
            domain_rules(&mut check, &path.index(index), domain);
        }
    }
    check.out
}

/// Exactly one `default` locale and no locale twice.
fn locales<'a>(check: &mut Checker<'_>, path: &Path<'_>, locales: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    let mut defaults = 0;
    for (index, locale) in locales.enumerate() {
        defaults += usize::from(locale == "default");
        if !seen.insert(locale) {
            check.push(
                ViolationCode::Conflict,
                &path.index(index).key("locale"),
                format!("locale `{}` appears twice", clip(locale)),
            );
        }
    }
    if defaults == 0 && !seen.is_empty() {
        check.push(
            ViolationCode::Required,
            path,
            "needs an entry with locale `default`",
        );
    }
}

fn menu_rules(check: &mut Checker<'_>, path: &Path<'_>, menu: &PersistentMenu) {
    let limits = check.platform.limits;
    let instagram = check.platform.product == Product::Instagram;
    if instagram && menu.composer_input_disabled.is_some() {
        check.push(
            ViolationCode::NotAllowed,
            &path.key("composer_input_disabled"),
            "instagram menus cannot disable the composer",
        );
    }
    let items = path.key("call_to_actions");
    check.count(&items, menu.call_to_actions.len(), limits.menu_items);
    for (index, item) in menu.call_to_actions.iter().enumerate() {
        let at = items.index(index);
        match item {
            Button::WebUrl(url) => {
                let title = url.title.as_deref().unwrap_or_default();
                check.required_text(&at.key("title"), title, limits.menu_item_title);
                check.url(&at.key("url"), &url.url);
                if instagram && url.webview_height_ratio.is_some() {
                    check.push(
                        ViolationCode::NotAllowed,
                        &at.key("webview_height_ratio"),
                        "instagram menus take no webview_height_ratio",
                    );
                }
            }
            Button::Postback(postback) => {
                check.required_text(&at.key("title"), &postback.title, limits.menu_item_title);
                check.required_text(
                    &at.key("payload"),
                    &postback.payload,
                    limits.postback_payload,
                );
            }
            // `nested` is reported as retired, unknown types as invalid.
            Button::Other(_) => button_rules(check, &at, item),
            other => {
                let detail = format!(
                    "menu items are web_url or postback, not `{}`",
                    other.type_name()
                );
                check.push(ViolationCode::NotAllowed, &at.key("type"), detail);
            }
        }
    }
}

/// The flat format (`[{question, payload}]`) or the localised one
/// (`[{locale, call_to_actions: [...]}]`), never both in one body.
fn ice_breakers(check: &mut Checker<'_>, path: &Path<'_>, breakers: &[Value]) {
    let limit = check.platform.limits.ice_breakers;
    let localised = breakers
        .iter()
        .filter(|b| b.get("call_to_actions").is_some())
        .count();
    if localised == 0 {
        check.count(path, breakers.len(), limit);
        for (index, breaker) in breakers.iter().enumerate() {
            question(check, &path.index(index), breaker);
        }
        return;
    }
    if localised != breakers.len() {
        check.push(
            ViolationCode::Conflict,
            path,
            "the flat and the localised ice breaker formats cannot be mixed",
        );
        return;
    }
    let locales_of = breakers
        .iter()
        .map(|b| b.get("locale").and_then(Value::as_str).unwrap_or_default());
    locales(check, path, locales_of);
    for (index, breaker) in breakers.iter().enumerate() {
        let at = path.index(index);
        let questions = at.key("call_to_actions");
        let list = breaker["call_to_actions"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        check.count(&questions, list.len(), limit);
        for (q, item) in list.iter().enumerate() {
            question(check, &questions.index(q), item);
        }
    }
}

fn question(check: &mut Checker<'_>, path: &Path<'_>, item: &Value) {
    for key in ["question", "payload"] {
        match item.get(key).and_then(Value::as_str) {
            Some(text) => check.required(&path.key(key), text),
            None => check.push(
                ViolationCode::Required,
                &path.key(key),
                format!("`{key}` is required"),
            ),
        }
    }
}

/// An `https://` origin with a real host name (no IP address, no localhost).
fn domain_rules(check: &mut Checker<'_>, path: &Path<'_>, domain: &str) {
    check.https_url(path, domain);
    let host = domain
        .strip_prefix("https://")
        .unwrap_or_default()
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is_ip = host.starts_with('[')
        || (!host.is_empty() && host.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    if is_ip || host == "localhost" || (!host.is_empty() && !host.contains('.')) {
        check.push(
            ViolationCode::InvalidValue,
            path,
            format!("`{}` is not a public domain name", clip(&host)),
        );
    }
}
