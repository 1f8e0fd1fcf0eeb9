//! Rules for what a message carries: one attachment (media or a template), Instagram's
//! several images, and media by URL or saved `attachment_id`.

use super::check::{Checker, Path};
use super::template::template;
use super::{Product, ViolationCode};
use crate::send::{Attachment, MediaPayload};

pub(super) fn attachment_rules(check: &mut Checker<'_>, path: &Path<'_>, attachment: &Attachment) {
    let payload = path.key("payload");
    let instagram = check.platform.product == Product::Instagram;
    match attachment {
        Attachment::Image(media) => {
            media_rules(check, &payload, media);
            if instagram && media.attachment_id.is_some() {
                check.not_yet(&payload.key("attachment_id"), "media:attachment_id");
            }
        }
        Attachment::File(media) => {
            if instagram {
                check.not_yet(&path.key("type"), "attachment:file");
            }
            media_rules(check, &payload, media);
        }
        Attachment::Audio(media) | Attachment::Video(media) => {
            media_rules(check, &payload, media);
        }
        Attachment::Template(body) => {
            template(check, &payload, body);
        }
    }
}

/// `message.attachments`: Instagram's several images in one message.
pub(super) fn several_images(check: &mut Checker<'_>, path: &Path<'_>, attachments: &[Attachment]) {
    if check.platform.product != Product::Instagram {
        check.push(
            ViolationCode::NotAllowed,
            path,
            "several attachments in one message are instagram's; send one message each",
        );
        return;
    }
    if check.not_yet(path, "message:attachments") {
        return;
    }
    for (index, attachment) in attachments.iter().enumerate() {
        let at = path.index(index);
        if matches!(attachment, Attachment::Image(_)) {
            attachment_rules(check, &at, attachment);
        } else {
            check.push(
                ViolationCode::NotAllowed,
                &at.key("type"),
                format!(
                    "only images go in attachments, not `{}`",
                    attachment.type_name()
                ),
            );
        }
    }
}

fn media_rules(check: &mut Checker<'_>, path: &Path<'_>, media: &MediaPayload) {
    match (&media.url, &media.attachment_id) {
        (Some(_), Some(_)) => check.push(
            ViolationCode::Conflict,
            &path.key("attachment_id"),
            "url and attachment_id exclude each other",
        ),
        (None, None) => check.push(
            ViolationCode::Required,
            &path.key("url"),
            "media needs a url or an attachment_id",
        ),
        (Some(url), None) => check.url(&path.key("url"), url),
        (None, Some(id)) => {
            if media.is_reusable.is_some() {
                check.push(
                    ViolationCode::NotAllowed,
                    &path.key("is_reusable"),
                    "is_reusable applies to urls, not saved attachments",
                );
            }
            if id.trim().is_empty() {
                check.push(
                    ViolationCode::Required,
                    &path.key("attachment_id"),
                    "must not be empty",
                );
            }
        }
    }
}
