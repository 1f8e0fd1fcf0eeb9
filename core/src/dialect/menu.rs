//! Persistent menus in Smooch's and Linktor's shapes, read into the neutral [`Menu`].
//!
//! Smooch: `{"items": [{"type": "link"|"postback"|"submenu", "text", "uri", "payload",
//! "items"}], "settings": {"inputEnabled"}}`. Linktor: `{"menu": [{"locale",
//! "composerInputDisabled", "callToActions": [{"type": "postback"|"web_url"|"nested",
//! "title", "payload", "url", "callToActions"}]}]}`.

use serde_json::Value;

use super::Dialect;
use super::reader::{Obj, invalid, unsupported};
use crate::compose::{self, Menu, MenuItem, MenuLocale, Warning};
use crate::error::Result;

/// A vendor menu read into the neutral form, with the fields ignored on the way.
pub fn read_menu(dialect: Dialect, value: &Value) -> Result<(Menu, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let menu = match dialect {
        Dialect::Neutral => compose::from_json(value, "")?,
        Dialect::Smooch => smooch(value, &mut warnings)?,
        Dialect::Linktor => linktor(value, &mut warnings)?,
        Dialect::Sinch => return Err(unsupported("", "sinch has no persistent menu format")),
    };
    Ok((menu, warnings))
}

fn smooch(value: &Value, warnings: &mut Vec<Warning>) -> Result<Menu> {
    let root = Obj::new(value, "")?;
    let items = smooch_items(&root, warnings)?;
    let input_enabled = match root.obj("settings")? {
        Some(settings) => {
            let enabled = settings
                .raw("inputEnabled")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            settings.finish(warnings);
            enabled
        }
        None => true,
    };
    root.finish(warnings);
    Ok(Menu {
        get_started: None,
        locales: vec![MenuLocale {
            locale: "default".to_owned(),
            composer_input_disabled: !input_enabled,
            items,
        }],
    })
}

fn smooch_items(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Vec<MenuItem>> {
    let mut out = Vec::new();
    for item in obj.objs("items")? {
        let title = item.req_str("text")?;
        item.ignore(&["_id"]);
        out.push(match item.req_str("type")?.as_str() {
            "postback" => MenuItem::Postback {
                title,
                payload: item.req_str("payload")?,
            },
            "link" => MenuItem::Link {
                title,
                url: item.req_str("uri")?,
                webview: None,
            },
            "submenu" => MenuItem::Submenu {
                title,
                items: smooch_items(&item, warnings)?,
            },
            other => {
                return Err(invalid(
                    &item.at("type"),
                    &format!("`{other}` is not a smooch menu item type"),
                ));
            }
        });
        item.finish(warnings);
    }
    Ok(out)
}

fn linktor(value: &Value, warnings: &mut Vec<Warning>) -> Result<Menu> {
    let root = Obj::new(value, "")?;
    root.ignore(&["channelId"]);
    let mut locales = Vec::new();
    for entry in root.objs("menu")? {
        locales.push(MenuLocale {
            locale: entry.str("locale")?.unwrap_or_else(|| "default".to_owned()),
            composer_input_disabled: entry.bool("composerInputDisabled")?,
            items: linktor_items(&entry, warnings)?,
        });
        entry.finish(warnings);
    }
    let get_started = root.str("getStarted")?;
    root.finish(warnings);
    Ok(Menu {
        get_started,
        locales,
    })
}

fn linktor_items(obj: &Obj<'_>, warnings: &mut Vec<Warning>) -> Result<Vec<MenuItem>> {
    let mut out = Vec::new();
    for item in obj.objs("callToActions")? {
        let title = item.req_str("title")?;
        out.push(match item.req_str("type")?.as_str() {
            "postback" => MenuItem::Postback {
                title,
                payload: item.req_str("payload")?,
            },
            "web_url" => MenuItem::Link {
                title,
                url: item.req_str("url")?,
                webview: item.str("webviewHeightRatio")?,
            },
            "nested" => MenuItem::Submenu {
                title,
                items: linktor_items(&item, warnings)?,
            },
            other => {
                return Err(invalid(
                    &item.at("type"),
                    &format!("`{other}` is not a linktor menu item type"),
                ));
            }
        });
        item.finish(warnings);
    }
    Ok(out)
}
