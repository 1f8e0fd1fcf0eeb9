//! Rules for media uploaded as bytes (`message_attachments`): the size and, on Instagram,
//! the type, which msgrkit knows before the bytes leave (a URL's size it cannot know).

use super::check::clip;
use super::check::{Checker, Path};
use super::{
    INSTAGRAM_FILE_TYPES, INSTAGRAM_IMAGE_TYPES, Platform, Product, Unit, Violation, ViolationCode,
};

/// Every rule an upload of `size` bytes of `mime`, sent as attachment `kind`, breaks on
/// `platform`. Fields: `type`, `mime`, `data`.
pub fn validate_upload(kind: &str, mime: &str, size: usize, platform: &Platform) -> Vec<Violation> {
    let mut check = Checker::new(platform);
    let root = Path::ROOT;
    let limits = platform.limits;
    let instagram = platform.product == Product::Instagram;
    let mime = mime
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let allowed: Option<&[&str]> = match kind {
        "image" | "audio" | "video" => None,
        "file" => {
            if instagram {
                check.not_yet(&root.key("type"), "attachment:file");
            }
            None
        }
        other => {
            check.push(
                ViolationCode::InvalidValue,
                &root.key("type"),
                format!(
                    "`{}` is not a media type (image, audio, video, file)",
                    clip(other)
                ),
            );
            None
        }
    };
    let allowed = match (instagram, kind) {
        (true, "image") => Some(INSTAGRAM_IMAGE_TYPES),
        (true, "file") => Some(INSTAGRAM_FILE_TYPES),
        _ => allowed,
    };
    if let Some(types) = allowed
        && !types.contains(&mime.as_str())
    {
        check.push(
            ViolationCode::NotAllowed,
            &root.key("mime"),
            format!(
                "instagram takes {} here, not `{}`",
                types.join(", "),
                clip(&mime)
            ),
        );
    }
    if kind == "audio" && !mime.starts_with("audio/") {
        check.push(
            ViolationCode::InvalidValue,
            &root.key("mime"),
            "an audio upload needs an audio content type",
        );
    }
    let max = if kind == "image" {
        limits.image_bytes.max.min(limits.attachment_bytes.max)
    } else {
        limits.attachment_bytes.max
    };
    if size > max {
        let mut violation = Violation::new(
            ViolationCode::LimitExceeded,
            "data".to_owned(),
            format!("{size} bytes, at most {max} allowed"),
        );
        violation.max = Some(max);
        violation.actual = Some(size);
        violation.unit = Some(Unit::Bytes);
        check.out.push(violation);
    }
    check.out
}
