//! Media: its kind from the MIME type or extension, Meta's size limits, and an image with
//! buttons sent as a one-card template.

use super::build::plain_text;
use super::message::{Media, MediaKind};
use super::options::ComposeOptions;
use super::report::{Report, WarningCode};
use super::text::{fits, truncate};
use crate::error::{Error, ErrorKind, Result};
use crate::send::{
    Attachment, Button, GenericElement, GenericTemplate, MediaPayload, Message as Out, Template,
};

/// Title of an image card whose text does not fit a card title.
const IMAGE_TITLE: &str = "Image";

/// An image by URL with buttons: one generic card (title from the text's first line).
pub(super) fn image_with_buttons(
    media: &Media,
    text: Option<String>,
    buttons: Vec<Button>,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Vec<Out>> {
    let limit = options.platform.limits.generic_title;
    let mut out = Vec::new();
    let (title, subtitle) = match text.as_deref().map(super::text::first_line) {
        Some((first, rest)) if !first.is_empty() && fits(first, limit) && fits(rest, limit) => (
            first.to_owned(),
            (!rest.is_empty()).then(|| rest.to_owned()),
        ),
        Some(_) => {
            out.extend(plain_text(
                text.as_deref().unwrap_or_default(),
                options,
                report,
            )?);
            (
                media
                    .filename
                    .clone()
                    .unwrap_or_else(|| IMAGE_TITLE.to_owned()),
                None,
            )
        }
        None => (
            media
                .filename
                .clone()
                .unwrap_or_else(|| IMAGE_TITLE.to_owned()),
            None,
        ),
    };
    let element = GenericElement {
        buttons,
        image_url: media.url.clone(),
        subtitle,
        title: truncate(&title, limit),
        ..GenericElement::default()
    };
    report.warn(
        WarningCode::Replaced,
        "media",
        "an image with buttons is sent as a one-card template",
    );
    let template = GenericTemplate {
        elements: vec![element],
        ..GenericTemplate::default()
    };
    out.push(Out::attachment(Attachment::Template(Template::Generic(
        template,
    ))));
    Ok(out)
}

pub(super) fn is_linked_image(media: &Media, options: &ComposeOptions) -> bool {
    media.url.is_some() && media_kind(media) == MediaKind::Image && !too_large(media, options)
}

/// The lower-case file extension of a file name or URL (empty when there is none). Only
/// the last path segment can carry one: `https://url1.com` has none.
pub(crate) fn file_extension(name: &str) -> String {
    let path = name.split(['?', '#']).next().unwrap_or_default();
    let last = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let last = last.rsplit('/').next().unwrap_or_default();
    last.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The kind from `kind`, else the MIME type, else the file extension; `file` otherwise.
pub(crate) fn media_kind(media: &Media) -> MediaKind {
    known_media_kind(media).unwrap_or(MediaKind::File)
}

/// The kind from `kind`, else the MIME type, else a known file extension; `None` when
/// nothing tells (a URL without an extension).
pub(crate) fn known_media_kind(media: &Media) -> Option<MediaKind> {
    if let Some(kind) = media.kind {
        return Some(kind);
    }
    if let Some(mime) = &media.mime {
        return Some(
            match mime
                .split('/')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str()
            {
                "image" => MediaKind::Image,
                "video" => MediaKind::Video,
                "audio" => MediaKind::Audio,
                _ => MediaKind::File,
            },
        );
    }
    let name = media
        .filename
        .as_deref()
        .or(media.url.as_deref())
        .unwrap_or_default();
    match file_extension(name).as_str() {
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "bmp" | "heic" => Some(MediaKind::Image),
        "mp4" | "mov" | "avi" | "webm" | "mkv" | "m4v" | "3gp" => Some(MediaKind::Video),
        "mp3" | "ogg" | "oga" | "wav" | "m4a" | "aac" | "opus" | "amr" => Some(MediaKind::Audio),
        "pdf" | "doc" | "docx" | "xls" | "xlsx" | "ppt" | "pptx" | "txt" | "csv" | "zip" => {
            Some(MediaKind::File)
        }
        _ => None,
    }
}

pub(super) fn too_large(media: &Media, options: &ComposeOptions) -> bool {
    let limits = options.platform.limits;
    let Some(size) = media.size_bytes.and_then(|s| usize::try_from(s).ok()) else {
        return false;
    };
    let image = media_kind(media) == MediaKind::Image;
    let image_by_url = image && media.url.is_some();
    size > limits.attachment_bytes.max
        || (image && size > limits.image_bytes.max)
        || (image_by_url && size > limits.image_url_bytes.max)
}

/// Why Instagram cannot take this media as an attachment on the profile's date, if so:
/// files only as PDFs and only from 2025-12-19, images by `attachment_id` from 2026-03-13.
fn instagram_refusal(media: &Media, options: &ComposeOptions) -> Option<String> {
    let platform = &options.platform;
    if platform.product != crate::limits::Product::Instagram {
        return None;
    }
    let kind = media_kind(media);
    if kind == MediaKind::File {
        if let Some(on) = platform.not_yet_available("attachment:file") {
            return Some(format!("instagram takes files only from {on}"));
        }
        let pdf = media.mime.as_deref().map_or_else(
            || is_pdf_name(media.filename.as_deref().or(media.url.as_deref())),
            |mime| {
                let mime = mime.to_ascii_lowercase();
                crate::limits::INSTAGRAM_FILE_TYPES.contains(&mime.as_str())
            },
        );
        if !pdf {
            return Some("instagram takes only pdf files".to_owned());
        }
    }
    if kind == MediaKind::Image
        && media.attachment_id.is_some()
        && let Some(on) = platform.not_yet_available("media:attachment_id")
    {
        return Some(format!(
            "instagram takes images by attachment_id only from {on}"
        ));
    }
    None
}

fn is_pdf_name(name: Option<&str>) -> bool {
    let path = name
        .unwrap_or_default()
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    path.to_ascii_lowercase().ends_with(".pdf")
}

/// One attachment, or a link in text when the file is over Meta's size limit (or of a kind
/// Instagram does not take on the profile's date).
pub(super) fn media_message(
    media: &Media,
    options: &ComposeOptions,
    report: &mut Report,
) -> Result<Out> {
    let refusal = instagram_refusal(media, options);
    let payload = match (&media.url, &media.attachment_id) {
        (None, Some(_)) if refusal.is_some() => {
            let detail = refusal.unwrap_or_default();
            return Err(Error::at(
                ErrorKind::Unsupported { detail },
                "media.attachment_id",
            ));
        }
        // A saved attachment wins over the URL, unless Instagram cannot take it.
        (None, Some(id)) | (Some(_), Some(id)) if refusal.is_none() => MediaPayload {
            attachment_id: Some(id.clone()),
            ..MediaPayload::default()
        },
        (Some(url), _) => {
            super::address::web_url(url, false, "media.url")?;
            let why = match refusal {
                Some(why) => Some(format!("{why}; sent as a link")),
                None if too_large(media, options) => {
                    Some("over meta's size limit; sent as a link".to_owned())
                }
                None => None,
            };
            if let Some(why) = why {
                report.warn(WarningCode::Replaced, "media", why);
                let name = media.filename.clone().unwrap_or_default();
                let text = if name.is_empty() {
                    url.clone()
                } else {
                    format!("{name}: {url}")
                };
                return Ok(Out::text(truncate(&text, options.platform.limits.text)));
            }
            MediaPayload::url(url.clone())
        }
        (None, _) => {
            return Err(Error::at(
                ErrorKind::Required {
                    detail: "media needs a url or an attachment_id".to_owned(),
                },
                "media.url",
            ));
        }
    };
    Ok(Out::attachment(match media_kind(media) {
        MediaKind::Image => Attachment::Image(payload),
        MediaKind::Video => Attachment::Video(payload),
        MediaKind::Audio => Attachment::Audio(payload),
        MediaKind::File => Attachment::File(payload),
    }))
}
