//! Sinch's per-channel parts: `explicit_channel_message` and `explicit_channel_omni_message`
//! overrides (Messenger's is sent, the others reported) and `channel_specific_message`.

use std::collections::BTreeMap;

use serde_json::Value;

use super::wire::AppMessage;
use super::{Notes, app_message};
use crate::compose::{Message, WarningCode};
use crate::dialect::reader::invalid;
use crate::error::Result;
use crate::limits::Path;

/// True for the `MESSENGER` entry; another channel's entry is reported as dropped.
fn for_messenger(channel: &str, at: &Path<'_>, notes: &mut Notes) -> bool {
    if channel == "MESSENGER" {
        return true;
    }
    notes.warn(
        WarningCode::Dropped,
        at,
        format!("an override for {channel}, not for messenger"),
    );
    false
}

/// `explicit_channel_message.MESSENGER`, a raw Send API message; other channels' are reported.
pub(super) fn raw_override(
    overrides: Option<&BTreeMap<String, String>>,
    path: &Path<'_>,
    notes: &mut Notes,
) -> Result<Option<Value>> {
    let Some(overrides) = overrides else {
        return Ok(None);
    };
    let at = path.key("explicit_channel_message");
    let mut found = None;
    for (channel, raw) in overrides {
        let channel_at = at.key(channel);
        if !for_messenger(channel.as_str(), &channel_at, notes) {
            continue;
        }
        let payload: Value = serde_json::from_str(raw)
            .map_err(|e| invalid(&channel_at.render(), &format!("not json: {e}")))?;
        notes.from("messenger", &channel_at);
        found = Some(payload);
    }
    Ok(found)
}

/// `explicit_channel_omni_message.MESSENGER`, an AppMessage sent instead of the main one.
pub(super) fn omni_override(
    overrides: Option<BTreeMap<String, Value>>,
    path: &Path<'_>,
    notes: &mut Notes,
) -> Result<Option<Message>> {
    let Some(overrides) = overrides else {
        return Ok(None);
    };
    let at = path.key("explicit_channel_omni_message");
    let mut found = None;
    for (channel, value) in overrides {
        let channel_at = at.key(&channel);
        if !for_messenger(channel.as_str(), &channel_at, notes) {
            continue;
        }
        let app = serde_path_to_error::deserialize::<_, AppMessage>(&value).map_err(|err| {
            let inner = err.path().to_string();
            let field = match inner.as_str() {
                "." => channel_at.render(),
                _ => format!("{}.{inner}", channel_at.render()),
            };
            crate::error::SerdeProblem::new(&field, err.inner()).into_error()
        })?;
        // The override's parts resolve under it (the last root recorded wins).
        notes.sources.add("", channel_at.render());
        found = Some(app_message(app, &channel_at, notes)?);
    }
    Ok(found)
}

/// `channel_specific_message`: WhatsApp flows and orders, KakaoTalk commerce and the like;
/// nothing Messenger can show, so each channel's entry is one `dropped` warning.
pub(super) fn channel_specific(
    entries: Option<&BTreeMap<String, Value>>,
    path: &Path<'_>,
    notes: &mut Notes,
) {
    let Some(entries) = entries else {
        return;
    };
    let at = path.key("channel_specific_message");
    for (channel, entry) in entries {
        let kind = entry
            .get("message_type")
            .and_then(Value::as_str)
            .unwrap_or("an untyped message");
        let detail = if channel == "MESSENGER" {
            format!("`{kind}` has no messenger form; not sent")
        } else {
            format!("`{kind}` is for {channel}; not sent")
        };
        notes.warn(WarningCode::Dropped, &at.key(channel), detail);
    }
}
