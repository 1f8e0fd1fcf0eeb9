//! Attachments of `messages` and `message_echoes` events: `{type, payload}`, the legacy
//! fallback form, and every attachment kind, unknown ones kept as received.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::message::Extra;
use super::wire;

/// One attachment: its kind and its payload, in Meta's `{type, payload}` shape.
///
/// The legacy fallback form with `title`/`url` (or `URL`) beside `payload` is folded into
/// `payload`; any other key beside them is kept in `extra`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Attachment {
    /// The attachment type; unknown types keep their name.
    #[serde(rename = "type")]
    pub kind: AttachmentKind,
    /// The payload; absent when Meta sent none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<AttachmentPayload>,
    /// Keys beside `type` and `payload` that are not modelled, kept as received.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Attachment {
    /// Whether this is a sticker: a `sticker` attachment or a legacy `image` with a `sticker_id`.
    pub fn is_sticker(&self) -> bool {
        self.kind == AttachmentKind::Sticker
            || self
                .payload
                .as_ref()
                .is_some_and(|p| p.sticker_id.is_some())
    }
}

/// Folds Meta's two sticker forms into one (messenger-platform.md §16): from 2026-06-01 to
/// 2026-08-30 Meta sent a `sticker` attachment beside (or instead of) the legacy `image`
/// with a `sticker_id`. Every such image becomes a `sticker`; a repeat of the same sticker
/// in one message that adds no differing value is folded into the first (its extra keys
/// join); the first sticker's ID is returned for the message.
pub(crate) fn fold_stickers(attachments: &mut Vec<Attachment>) -> Option<String> {
    let mut seen: Vec<usize> = Vec::new();
    let mut index = 0;
    while index < attachments.len() {
        let sticker = attachments[index]
            .payload
            .as_ref()
            .and_then(|p| p.sticker_id.clone());
        let is_sticker = attachments[index].kind == AttachmentKind::Sticker;
        let legacy = attachments[index].kind == AttachmentKind::Image && sticker.is_some();
        if legacy {
            attachments[index].kind = AttachmentKind::Sticker;
        }
        let earlier = sticker.as_ref().and_then(|id| {
            seen.iter().copied().find(|&i| {
                attachments[i]
                    .payload
                    .as_ref()
                    .and_then(|p| p.sticker_id.as_ref())
                    == Some(id)
            })
        });
        match earlier {
            Some(first)
                if (is_sticker || legacy)
                    && adds_nothing(&attachments[first], &attachments[index]) =>
            {
                let repeat = attachments.remove(index);
                merge_repeat(&mut attachments[first], repeat);
            }
            _ => {
                if is_sticker || legacy {
                    seen.push(index);
                }
                index += 1;
            }
        }
    }
    seen.first()
        .and_then(|&i| attachments[i].payload.as_ref())
        .and_then(|p| p.sticker_id.clone())
}

/// Whether a repeat carries no value that differs from the first's (so dropping it loses
/// nothing); a repeat with another URL or title stays an attachment of its own.
fn adds_nothing(first: &Attachment, repeat: &Attachment) -> bool {
    let agrees = |into: &Extra, from: &Extra| {
        from.iter()
            .all(|(key, value)| into.get(key).is_none_or(|kept| kept == value))
    };
    if !agrees(&first.extra, &repeat.extra) {
        return false;
    }
    let (Some(a), Some(b)) = (&first.payload, &repeat.payload) else {
        return true;
    };
    let same = |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
    same(&a.url, &b.url) && same(&a.title, &b.title) && agrees(&a.extra, &b.extra)
}

/// What a repeated sticker adds to the first one: only what the first lacks.
fn merge_repeat(first: &mut Attachment, repeat: Attachment) {
    if let (Some(into), Some(from)) = (first.payload.as_mut(), repeat.payload) {
        into.url = into.url.take().or(from.url);
        into.title = into.title.take().or(from.title);
        for (key, value) in from.extra {
            into.extra.entry(key).or_insert(value);
        }
    }
    for (key, value) in repeat.extra {
        first.extra.entry(key).or_insert(value);
    }
}

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AttachmentVisitor)
    }
}

/// A key of an attachment object; only an unknown one allocates its name.
enum AttachmentKey {
    Type,
    Payload,
    Title,
    Url,
    Other(String),
}

impl<'de> Deserialize<'de> for AttachmentKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl serde::de::Visitor<'_> for KeyVisitor {
            type Value = AttachmentKey;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an attachment key")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<AttachmentKey, E> {
                Ok(match key {
                    "type" => AttachmentKey::Type,
                    "payload" => AttachmentKey::Payload,
                    "title" => AttachmentKey::Title,
                    // Meta's own legacy fallback example spells it `URL`.
                    "url" | "URL" => AttachmentKey::Url,
                    other => AttachmentKey::Other(other.to_owned()),
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Reads an attachment in one pass (a derived `flatten` would buffer every attachment).
struct AttachmentVisitor;

impl<'de> serde::de::Visitor<'de> for AttachmentVisitor {
    type Value = Attachment;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an attachment object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Attachment, A::Error> {
        let (mut kind, mut payload) = (None, None::<AttachmentPayload>);
        let (mut title, mut url) = (None::<String>, None::<String>);
        let mut extra = Extra::new();
        while let Some(key) = map.next_key::<AttachmentKey>()? {
            match key {
                AttachmentKey::Type => kind = Some(map.next_value::<AttachmentKind>()?),
                AttachmentKey::Payload => payload = map.next_value()?,
                AttachmentKey::Title => title = map.next_value()?,
                AttachmentKey::Url => url = map.next_value()?,
                AttachmentKey::Other(name) => {
                    extra.insert(name, map.next_value()?);
                }
            }
        }
        let kind = kind.ok_or_else(|| serde::de::Error::missing_field("type"))?;
        if title.is_some() || url.is_some() {
            let target = payload.get_or_insert_with(AttachmentPayload::default);
            target.title = target.title.take().or(title);
            target.url = target.url.take().or(url);
        }
        Ok(Attachment {
            kind,
            payload,
            extra,
        })
    }
}

/// The payload of an attachment. Which fields are set depends on the kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AttachmentPayload {
    /// `location`: the coordinates shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Instagram reels: the reel's video ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub reel_video_id: Option<String>,
    /// `sticker`, or a legacy `image` that is a sticker: the sticker ID.
    #[serde(
        default,
        deserialize_with = "wire::opt_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub sticker_id: Option<String>,
    /// `fallback`, shares and reels: a title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Media URL (temporary CDN URL for media Meta hosts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields not modelled here (template payloads of echoes land here whole).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A shared location.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Coordinates {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees (Meta's name is `long`).
    pub long: f64,
}

/// Attachment types known to this version; anything else is [`AttachmentKind::Other`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AttachmentKind {
    /// `image` (also legacy stickers, with `sticker_id`).
    Image,
    /// `video`.
    Video,
    /// `audio`.
    Audio,
    /// `file`.
    File,
    /// `location` (from the retired location quick reply).
    Location,
    /// `fallback`: a shared link or content the API cannot represent.
    Fallback,
    /// `sticker` (since 2026-06-01).
    Sticker,
    /// `template` (in echoes of template messages).
    Template,
    /// `share` (Instagram).
    Share,
    /// `story_mention` (Instagram).
    StoryMention,
    /// `reel`.
    Reel,
    /// `ig_reel`.
    IgReel,
    /// `post`.
    Post,
    /// `ig_post`.
    IgPost,
    /// Any other type, kept by name.
    Other(String),
}

impl AttachmentKind {
    /// The wire name of the type.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Image => "image",
            Self::Video => "video",
            Self::Audio => "audio",
            Self::File => "file",
            Self::Location => "location",
            Self::Fallback => "fallback",
            Self::Sticker => "sticker",
            Self::Template => "template",
            Self::Share => "share",
            Self::StoryMention => "story_mention",
            Self::Reel => "reel",
            Self::IgReel => "ig_reel",
            Self::Post => "post",
            Self::IgPost => "ig_post",
            Self::Other(name) => name,
        }
    }

    fn from_name(name: &str) -> Self {
        match name {
            "image" => Self::Image,
            "video" => Self::Video,
            "audio" => Self::Audio,
            "file" => Self::File,
            "location" => Self::Location,
            "fallback" => Self::Fallback,
            "sticker" => Self::Sticker,
            "template" => Self::Template,
            "share" => Self::Share,
            "story_mention" => Self::StoryMention,
            "reel" => Self::Reel,
            "ig_reel" => Self::IgReel,
            "post" => Self::Post,
            "ig_post" => Self::IgPost,
            other => Self::Other(other.to_owned()),
        }
    }
}

impl Serialize for AttachmentKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AttachmentKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Ok(Self::from_name(&name))
    }
}

#[cfg(test)]
mod tests;
