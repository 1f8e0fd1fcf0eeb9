//! Sinch kinds Messenger has no form for, sent as text: lists (or quick replies when
//! they are up to 13 plain choices) and contact cards.

use std::fmt::Write as _;

use super::unknown;
use super::wire::{ContactInfo, ListMessage};
use crate::compose::{Action, Message, Warning, WarningCode};
use crate::dialect::reader::warn;
use crate::limits::Path;

/// Lists are not native on Messenger: up to 13 text choices become quick replies,
/// anything else becomes numbered text.
pub(super) fn list_message(
    list: ListMessage,
    path: &Path<'_>,
    warnings: &mut Vec<Warning>,
) -> Message {
    unknown(&list.unknown, path, warnings);
    let mut head = list.title;
    if let Some(description) = list.description {
        let _ = write!(head, "\n{description}");
    }
    let (mut lines, mut replies, mut only_text) = (String::new(), Vec::new(), true);
    let sections = path.key("sections");
    for (s, section) in list.sections.into_iter().enumerate() {
        let section_path = sections.index(s);
        unknown(&section.unknown, &section_path, warnings);
        if let Some(title) = section.title {
            let _ = write!(lines, "\n\n{title}");
        }
        let items = section_path.key("items");
        for (i, item) in section.items.into_iter().enumerate() {
            let item_path = items.index(i);
            unknown(&item.unknown, &item_path, warnings);
            let (label, payload) = if let Some(choice) = item.choice {
                unknown(&choice.unknown, &item_path.key("choice"), warnings);
                let payload = choice.postback_data.unwrap_or_else(|| choice.title.clone());
                (choice.title, payload)
            } else if let Some(product) = item.product {
                unknown(&product.unknown, &item_path.key("product"), warnings);
                only_text = false;
                (product.id.clone(), product.id)
            } else {
                continue;
            };
            let _ = write!(lines, "\n{}. {label}", replies.len() + 1);
            replies.push(Action::Reply {
                title: label,
                payload: Some(payload),
                icon_url: None,
            });
        }
    }
    warn(
        warnings,
        WarningCode::Replaced,
        sections.render(),
        "messenger has no list; sent as text",
    );
    if only_text && replies.len() <= 13 {
        return Message {
            text: Some(head),
            actions: replies,
            ..Message::default()
        };
    }
    Message::text(format!("{head}{lines}"))
}

/// A contact card as text: name, phones, emails, links, addresses, organisation, birthday.
pub(super) fn contact_info(
    contact: ContactInfo,
    path: &Path<'_>,
    warnings: &mut Vec<Warning>,
) -> String {
    unknown(&contact.unknown, path, warnings);
    let mut out = String::new();
    if let Some(name) = &contact.name {
        let parts: Vec<&str> = ["prefix", "first_name", "middle_name", "last_name", "suffix"]
            .iter()
            .filter_map(|k| name.get(*k).map(String::as_str))
            .collect();
        out.push_str(
            name.get("full_name")
                .map_or(parts.join(" ").as_str(), String::as_str),
        );
    }
    let mut list =
        |items: &[std::collections::BTreeMap<String, String>], field: &str, label: &str| {
            for item in items {
                if let Some(value) = item.get(field) {
                    let kind = item
                        .get("type")
                        .map(|t| format!(" ({})", t.to_lowercase()))
                        .unwrap_or_default();
                    let _ = write!(out, "\n{label}: {value}{kind}");
                }
            }
        };
    list(&contact.phone_numbers, "phone_number", "Phone");
    list(&contact.email_addresses, "email_address", "Email");
    list(&contact.urls, "url", "Web");
    for address in &contact.addresses {
        let parts: Vec<&str> = ["address_line", "street", "city", "state", "zip", "country"]
            .iter()
            .filter_map(|k| address.get(*k).map(String::as_str))
            .collect();
        let _ = write!(out, "\nAddress: {}", parts.join(", "));
    }
    if let Some(org) = &contact.organization {
        let parts: Vec<&str> = ["title", "department", "company"]
            .iter()
            .filter_map(|k| org.get(*k).map(String::as_str))
            .collect();
        let _ = write!(out, "\nOrganisation: {}", parts.join(", "));
    }
    if let Some(birthday) = &contact.birthday {
        let _ = write!(out, "\nBirthday: {birthday}");
    }
    warn(
        warnings,
        WarningCode::Replaced,
        path.render(),
        "messenger has no contact card; sent as text",
    );
    out.trim().to_owned()
}
