//! Sinch kinds Messenger has no form for, sent as text: lists (or quick replies when
//! they are up to 13 plain choices) and contact cards. Every value ends up in the text,
//! in a quick reply, or in a warning.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::Notes;
use super::content::media;
use super::properties::message_properties;
use super::wire::{ContactInfo, ListItem, ListMessage};
use crate::compose::{Action, Message, WarningCode};
use crate::limits::Path;

/// One entry of a list, before deciding between quick replies and numbered text.
struct Entry {
    label: String,
    payload: String,
    /// Extra words for numbered text (a description, product details).
    extra: Option<String>,
    icon_url: Option<String>,
    is_product: bool,
    /// Sinch paths of the label, payload, description and image.
    label_at: String,
    payload_at: String,
    extra_at: Option<String>,
    icon_at: Option<String>,
    item_at: String,
}

/// Lists are not native on Messenger: up to 13 text choices become quick replies,
/// anything else becomes numbered text. The list's `media` is sent with it.
pub(super) fn list_message(list: ListMessage, path: &Path<'_>, notes: &mut Notes) -> Message {
    notes.unknown(&list.unknown, path);
    message_properties(notes, list.message_properties.as_ref(), path);
    notes.from("text", &path.key("title"));
    let mut head = list.title;
    if let Some(description) = list.description {
        let _ = write!(head, "\n{description}");
    }
    let mut message = Message::default();
    if let Some(header) = list.media {
        let at = path.key("media");
        notes.from("media", &at);
        notes.from("media.url", &at.key("url"));
        message.media = Some(media(header, &at, notes));
    }
    let sections = path.key("sections");
    let mut titles = Vec::new();
    let mut entries = Vec::new();
    for (s, section) in list.sections.into_iter().enumerate() {
        let section_path = sections.index(s);
        notes.unknown(&section.unknown, &section_path);
        if let Some(title) = section.title {
            titles.push((title, section_path.key("title").render(), entries.len()));
        }
        let items = section_path.key("items");
        for (i, item) in section.items.into_iter().enumerate() {
            if let Some(entry) = entry(item, &items.index(i), notes) {
                entries.push(entry);
            }
        }
    }
    notes.warn(
        WarningCode::Replaced,
        &sections,
        "messenger has no list; sent as text",
    );
    // Up to Meta's quick-reply limit a list becomes quick replies, else numbered text.
    let max = crate::limits::Platform::latest().limits.quick_replies.max;
    let as_replies = entries.iter().all(|e| !e.is_product) && entries.len() <= max;
    if as_replies {
        for (_, field, _) in &titles {
            notes.warnings.push(warning(
                field,
                "section titles are not shown with quick replies",
            ));
        }
        for (index, entry) in entries.into_iter().enumerate() {
            let neutral = format!("actions[{index}]");
            notes.sources.add(neutral.clone(), entry.item_at);
            notes
                .sources
                .add(format!("{neutral}.title"), entry.label_at);
            notes
                .sources
                .add(format!("{neutral}.payload"), entry.payload_at);
            if let Some(icon_at) = entry.icon_at {
                notes.sources.add(format!("{neutral}.icon_url"), icon_at);
            }
            if let Some(extra_at) = entry.extra_at {
                notes
                    .warnings
                    .push(warning(&extra_at, "quick replies have no description"));
            }
            message.actions.push(Action::Reply {
                title: entry.label,
                payload: Some(entry.payload),
                icon_url: entry.icon_url,
            });
        }
        message.text = Some(head);
        return message;
    }
    let mut lines = String::new();
    let mut next_title = titles.into_iter().peekable();
    for (index, entry) in entries.into_iter().enumerate() {
        while let Some((title, _, _)) = next_title.next_if(|(_, _, at)| *at <= index) {
            let _ = write!(lines, "\n\n{title}");
        }
        let _ = write!(lines, "\n{}. {}", index + 1, entry.label);
        if let Some(extra) = entry.extra {
            let _ = write!(lines, " ({extra})");
        }
        if let Some(icon_at) = entry.icon_at {
            notes
                .warnings
                .push(warning(&icon_at, "a numbered list shows no images"));
        }
        if entry.payload_at != entry.label_at {
            notes.warnings.push(warning(
                &entry.payload_at,
                "a numbered list sends no payload; the person types the answer",
            ));
        }
    }
    for (title, _, _) in next_title {
        let _ = write!(lines, "\n\n{title}");
    }
    message.text = Some(format!("{head}{lines}"));
    message
}

fn warning(field: &str, detail: &str) -> crate::compose::Warning {
    crate::compose::Warning {
        code: WarningCode::Dropped,
        field: field.to_owned(),
        detail: detail.to_owned(),
    }
}

fn entry(item: ListItem, path: &Path<'_>, notes: &mut Notes) -> Option<Entry> {
    notes.unknown(&item.unknown, path);
    if let Some(choice) = item.choice {
        let at = path.key("choice");
        notes.unknown(&choice.unknown, &at);
        let label_at = at.key("title").render();
        let payload_at = match choice.postback_data {
            Some(_) => at.key("postback_data").render(),
            None => label_at.clone(),
        };
        let (icon_url, icon_at) = match choice.media {
            Some(image) => {
                let media_at = at.key("media");
                let url = media(image, &media_at, notes).url;
                (url, Some(media_at.key("url").render()))
            }
            None => (None, None),
        };
        return Some(Entry {
            payload: choice.postback_data.unwrap_or_else(|| choice.title.clone()),
            label: choice.title,
            extra_at: choice
                .description
                .as_ref()
                .map(|_| at.key("description").render()),
            extra: choice.description,
            icon_url,
            is_product: false,
            label_at,
            payload_at,
            icon_at,
            item_at: path.render(),
        });
    }
    let product = item.product?;
    let at = path.key("product");
    notes.unknown(&product.unknown, &at);
    let details: Vec<String> = [
        ("quantity", &product.quantity),
        ("price", &product.item_price),
        ("currency", &product.currency),
        ("marketplace", &product.marketplace),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name} {}", scalar(v))))
    .collect();
    let label_at = at.key("id").render();
    Some(Entry {
        label: product.id.clone(),
        payload: product.id,
        extra: (!details.is_empty()).then(|| details.join(", ")),
        extra_at: None,
        icon_url: None,
        is_product: true,
        payload_at: label_at.clone(),
        label_at,
        icon_at: None,
        item_at: path.render(),
    })
}

/// A JSON value as words: strings bare, anything else as JSON.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A contact card as text: name, phones, emails, links, addresses, organisation, birthday.
/// Keys msgrkit has no label for are written as `key: value`, so nothing is lost.
pub(super) fn contact_info(contact: ContactInfo, path: &Path<'_>, notes: &mut Notes) -> String {
    notes.unknown(&contact.unknown, path);
    let mut out = String::new();
    if let Some(name) = &contact.name {
        let parts = ordered(
            name,
            &["prefix", "first_name", "middle_name", "last_name", "suffix"],
        );
        let line = name
            .get("full_name")
            .cloned()
            .unwrap_or_else(|| parts.join(" "));
        let missing: Vec<&String> = name
            .values()
            .filter(|v| !line.contains(v.as_str()))
            .collect();
        out.push_str(&line);
        for value in missing {
            let _ = write!(out, " ({value})");
        }
    }
    let mut list = |items: &[BTreeMap<String, String>], field: &str, label: &str| {
        for item in items {
            let mut parts = Vec::new();
            if let Some(value) = item.get(field) {
                parts.push(value.clone());
            }
            for (key, value) in item.iter().filter(|(k, _)| *k != field && *k != "type") {
                parts.push(format!("{key}: {value}"));
            }
            let kind = item
                .get("type")
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            let _ = write!(out, "\n{label}: {}{kind}", parts.join(", "));
        }
    };
    list(&contact.phone_numbers, "phone_number", "Phone");
    list(&contact.email_addresses, "email_address", "Email");
    list(&contact.urls, "url", "Web");
    for address in &contact.addresses {
        let order = ["address_line", "street", "city", "state", "zip", "country"];
        let _ = write!(out, "\nAddress: {}", ordered(address, &order).join(", "));
    }
    if let Some(org) = &contact.organization {
        let order = ["title", "department", "company"];
        let _ = write!(out, "\nOrganisation: {}", ordered(org, &order).join(", "));
    }
    if let Some(birthday) = &contact.birthday {
        let _ = write!(out, "\nBirthday: {birthday}");
    }
    notes.warn(
        WarningCode::Replaced,
        path,
        "messenger has no contact card; sent as text",
    );
    out.trim().to_owned()
}

/// The values of `map`: the keys of `order` first, then every other key's, in key order.
fn ordered<'a>(map: &'a BTreeMap<String, String>, order: &[&str]) -> Vec<&'a str> {
    let known = order.iter().filter_map(|k| map.get(*k).map(String::as_str));
    let rest = map
        .iter()
        .filter(|(k, _)| !order.contains(&k.as_str()) && k.as_str() != "full_name")
        .map(|(_, v)| v.as_str());
    known.chain(rest).collect()
}
