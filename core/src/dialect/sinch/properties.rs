//! Sinch's properties: the Messenger `channel_properties` of a send request (tag,
//! messaging type, notification type) and the WhatsApp/catalog `message_properties`,
//! which Messenger has no form for.

use std::collections::BTreeMap;

use serde_json::Value;

use super::Notes;
use super::wire::MessageProperties;
use crate::compose::{SendOptions, WarningCode};
use crate::limits::Path;
use crate::send::{MessageTag, MessagingType, NotificationType};

/// `MESSENGER_MESSAGING_TYPE` (MESSAGE_TAG when a tag is set), `MESSENGER_MESSAGE_TAG`,
/// `MESSENGER_NOTIFICATION_TYPE`; other channels' properties are ignored.
pub(super) fn channel_properties(
    properties: Option<&BTreeMap<String, String>>,
    path: &Path<'_>,
    notes: &mut Notes,
) -> SendOptions {
    let mut options = SendOptions::default();
    let Some(properties) = properties else {
        return options;
    };
    notes.from("options", path);
    options.tag = properties
        .get("MESSENGER_MESSAGE_TAG")
        .map(|t| MessageTag::from_name(t));
    if options.tag.is_some() {
        notes.from("options.tag", &path.key("MESSENGER_MESSAGE_TAG"));
    }
    options.messaging_type = match properties.get("MESSENGER_MESSAGING_TYPE") {
        Some(name) => {
            notes.from(
                "options.messaging_type",
                &path.key("MESSENGER_MESSAGING_TYPE"),
            );
            Some(
                serde_json::from_value(Value::String(name.clone()))
                    .unwrap_or(MessagingType::Response),
            )
        }
        None => options.tag.as_ref().map(|_| MessagingType::MessageTag),
    };
    options.notification_type = properties.get("MESSENGER_NOTIFICATION_TYPE").map(|n| {
        serde_json::from_value(Value::String(n.clone())).unwrap_or(NotificationType::Regular)
    });
    let known = [
        "MESSENGER_MESSAGE_TAG",
        "MESSENGER_MESSAGING_TYPE",
        "MESSENGER_NOTIFICATION_TYPE",
    ];
    for key in properties
        .keys()
        .filter(|k| k.starts_with("MESSENGER_") && !known.contains(&k.as_str()))
    {
        notes.warn(
            WarningCode::UnknownField,
            &path.key(key),
            "not a messenger channel property msgrkit knows; ignored",
        );
    }
    options
}

/// Reports the WhatsApp and catalog properties, which Messenger has no form for.
pub(super) fn message_properties(
    notes: &mut Notes,
    properties: Option<&MessageProperties>,
    path: &Path<'_>,
) {
    let Some(properties) = properties else {
        return;
    };
    let at = path.key("message_properties");
    notes.unknown(&properties.unknown, &at);
    for (set, key, detail) in [
        (
            properties.whatsapp_header.is_some(),
            "whatsapp_header",
            "a whatsapp-only header",
        ),
        (
            properties.whatsapp_footer.is_some(),
            "whatsapp_footer",
            "a whatsapp-only footer",
        ),
        (
            properties.menu.is_some(),
            "menu",
            "a whatsapp list's menu label",
        ),
        (
            properties.catalog_id.is_some(),
            "catalog_id",
            "a whatsapp catalog",
        ),
    ] {
        if set {
            notes.warn(
                WarningCode::Dropped,
                &at.key(key),
                format!("{detail}; messenger has no such field"),
            );
        }
    }
}
