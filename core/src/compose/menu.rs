//! Persistent menus in any vendor's shape (Smooch's three levels, Linktor's `nested`)
//! flattened to what Meta accepts since Graph v8.0: up to 20 `web_url` / `postback` items
//! per locale, with Get Started set (vendor-formats §8, C2).

use serde::{Deserialize, Serialize};

use super::address::web_url;
use super::options::ComposeOptions;
use super::report::{Report, Warning, WarningCode};
use super::text::{fits, truncate};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::{self, Product};
use crate::send::{Button, GetStarted, MessengerProfile, PersistentMenu, UrlButton};

/// Payload of the Get Started button msgrkit sets when a menu needs one and none is given.
pub const DEFAULT_GET_STARTED: &str = "GET_STARTED";
/// Between a submenu's title and its child's, when both fit in a flat item's title.
const SEPARATOR: &str = " › ";

/// A menu in the neutral form: one entry per locale, items possibly nested.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Menu {
    /// The Get Started payload; set to `GET_STARTED` when absent (Meta requires one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub get_started: Option<String>,
    /// One menu per locale (one of them `default`).
    pub locales: Vec<MenuLocale>,
}

/// The menu of one locale.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MenuLocale {
    /// Hide the composer (Messenger only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub composer_input_disabled: bool,
    /// The items, possibly nested.
    pub items: Vec<MenuItem>,
    /// `default` or a locale such as `en_US`.
    pub locale: String,
}

/// A menu item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum MenuItem {
    /// Sends `payload` back.
    Postback {
        /// Label.
        title: String,
        /// Developer payload.
        payload: String,
    },
    /// Opens a URL.
    Link {
        /// Label.
        title: String,
        /// The URL.
        url: String,
        /// `compact`, `tall` or `full`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        webview: Option<String>,
    },
    /// A submenu (retired on Messenger: flattened into its parent).
    Submenu {
        /// Label.
        title: String,
        /// The items inside.
        items: Vec<MenuItem>,
    },
}

/// A Messenger Profile body and the changes made to fit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ComposedProfile {
    /// The body for `POST /me/messenger_profile`.
    pub profile: MessengerProfile,
    /// Every flattening, drop, truncation and default.
    pub warnings: Vec<Warning>,
}

/// Flattens `menu` into a Messenger Profile body that passes `validate_profile`.
///
/// # Errors
///
/// `required` (no items, a blank title), `invalid_input` (a link that is not http(s)),
/// `validation_failed` if the result would still be refused.
pub fn menu(menu: &Menu, options: &ComposeOptions) -> Result<ComposedProfile> {
    let mut report = Report::default();
    let max = options.platform.limits.menu_items.max;
    let mut locales = Vec::with_capacity(menu.locales.len());
    for (index, locale) in menu.locales.iter().enumerate() {
        let field = format!("locales[{index}]");
        let mut flat = Vec::new();
        flatten(
            &locale.items,
            None,
            &format!("{field}.items"),
            options,
            &mut flat,
            &mut report,
        )?;
        if flat.is_empty() {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: "a menu needs at least one item".to_owned(),
                },
                format!("{field}.items"),
            ));
        }
        if flat.len() > max {
            for (dropped_field, _) in &flat[max..] {
                report.warn(
                    WarningCode::Dropped,
                    dropped_field,
                    format!("a menu holds {max} items"),
                );
            }
            flat.truncate(max);
        }
        let instagram = options.platform.product == Product::Instagram;
        if instagram && locale.composer_input_disabled {
            report.warn(
                WarningCode::Dropped,
                format!("{field}.composer_input_disabled"),
                "instagram menus cannot hide the composer",
            );
        }
        locales.push(PersistentMenu {
            call_to_actions: flat.into_iter().map(|(_, button)| button).collect(),
            composer_input_disabled: (locale.composer_input_disabled && !instagram).then_some(true),
            disabled_surfaces: None,
            locale: locale.locale.clone(),
        });
    }
    let get_started = menu
        .get_started
        .clone()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| {
            report.warn(
                WarningCode::Replaced,
                "get_started",
                format!("meta needs get started with a menu; set to {DEFAULT_GET_STARTED}"),
            );
            DEFAULT_GET_STARTED.to_owned()
        });
    let profile = MessengerProfile {
        get_started: Some(GetStarted {
            payload: get_started,
        }),
        persistent_menu: Some(locales),
        ..MessengerProfile::default()
    };
    let violations = limits::validate_profile(&profile, &options.platform);
    if !violations.is_empty() {
        return Err(Error::new(ErrorKind::ValidationFailed { violations }));
    }
    Ok(ComposedProfile {
        profile,
        warnings: report.warnings,
    })
}

/// Depth-first: a submenu's items take its place, titled `Parent › Child` when that fits.
fn flatten(
    items: &[MenuItem],
    parent: Option<&str>,
    base: &str,
    options: &ComposeOptions,
    out: &mut Vec<(String, Button)>,
    report: &mut Report,
) -> Result<()> {
    let limit = options.platform.limits.menu_item_title;
    for (index, item) in items.iter().enumerate() {
        let field = format!("{base}[{index}]");
        let title = match item {
            MenuItem::Submenu { title, items } => {
                report.warn(
                    WarningCode::RetiredFeature,
                    &field,
                    "messenger retired nested menus; the submenu's items are listed in its place",
                );
                flatten(
                    items,
                    Some(title),
                    &format!("{field}.items"),
                    options,
                    out,
                    report,
                )?;
                continue;
            }
            MenuItem::Postback { title, .. } | MenuItem::Link { title, .. } => title,
        };
        if title.trim().is_empty() {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: "a menu item needs a title".to_owned(),
                },
                format!("{field}.title"),
            ));
        }
        let title = match parent
            .map(|p| format!("{p}{SEPARATOR}{title}"))
            .filter(|t| fits(t, limit))
        {
            Some(prefixed) => prefixed,
            None if fits(title, limit) => title.clone(),
            None => {
                report.warn(
                    WarningCode::Truncated,
                    format!("{field}.title"),
                    format!("menu titles hold {} characters", limit.max),
                );
                truncate(title, limit)
            }
        };
        let button = match item {
            MenuItem::Postback { payload, .. } => Button::postback(title, payload.clone()),
            MenuItem::Link { url, webview, .. } => Button::WebUrl(UrlButton {
                title: Some(title),
                url: web_url(url, false, format_args!("{field}.url"))?,
                webview_height_ratio: webview.clone(),
                ..UrlButton::default()
            }),
            MenuItem::Submenu { .. } => unreachable!("submenus were flattened above"),
        };
        out.push((field, button));
    }
    Ok(())
}
