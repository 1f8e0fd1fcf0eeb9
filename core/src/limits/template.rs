//! Rules for templates (their buttons' are in `buttons`).

use super::buttons::{button_list, url_button_rules};
use super::check::{Checker, Path, clip};
use super::receipt::receipt;
use super::{Product, ViolationCode};
use crate::send::{
    Button, ButtonTemplate, CouponTemplate, FeedbackTemplate, GenericElement, GenericTemplate,
    ImageGridTemplate, MediaTemplate, ProductTemplate, Template,
};

const TEMPLATE_TYPES: &[&str] = &[
    "generic",
    "button",
    "media",
    "receipt",
    "product",
    "coupon",
    "customer_feedback",
    "image_grid",
    "notification_messages",
];

/// Rules of one template payload at `path` (`message.attachment.payload`).
pub(crate) fn template(check: &mut Checker<'_>, path: &Path<'_>, body: &Template) {
    let kind = path.key("template_type");
    let name = body.type_name();
    if check.platform.product == Product::Instagram
        && !matches!(body, Template::Generic(_) | Template::Button(_))
    {
        check.push(
            ViolationCode::NotAllowed,
            &kind,
            format!(
                "instagram accepts the generic and button templates, not `{}`",
                clip(name)
            ),
        );
        return;
    }
    if check.not_yet(&kind, &format!("template:{name}")) {
        return;
    }
    match body {
        Template::Generic(t) => generic(check, path, t),
        Template::Button(t) => button_template(check, path, t),
        Template::Media(t) => media(check, path, t),
        Template::Receipt(t) => receipt(check, path, t),
        Template::Product(t) => product(check, path, t),
        Template::Coupon(t) => coupon(check, path, t),
        Template::CustomerFeedback(t) => feedback(check, path, t),
        Template::ImageGrid(t) => image_grid(check, path, t),
        Template::Other(raw) if name == "notification_messages" => {
            super::region::notification_rule(check, &kind);
            notification_messages(check, path, raw);
        }
        Template::Other(_)
            if name == "one_time_notif_req"
                && check.platform.is_legacy("template:one_time_notif_req") => {}
        Template::Other(raw) => {
            if !check.retired(&kind, &format!("template:{name}")) {
                super::json::explain_other::<Template>(
                    check,
                    path,
                    raw,
                    "template_type",
                    TEMPLATE_TYPES,
                );
            }
        }
    }
}

fn generic(check: &mut Checker<'_>, path: &Path<'_>, body: &GenericTemplate) {
    let limits = check.platform.limits;
    let elements = path.key("elements");
    check.count(&elements, body.elements.len(), limits.generic_elements);
    if let Some(ratio) = &body.image_aspect_ratio
        && !matches!(ratio.as_str(), "horizontal" | "square")
    {
        check.push(
            ViolationCode::InvalidValue,
            &path.key("image_aspect_ratio"),
            format!("`{}` is not horizontal or square", clip(ratio)),
        );
    }
    for (index, element) in body.elements.iter().enumerate() {
        generic_element(check, &elements.index(index), element);
    }
}

fn generic_element(check: &mut Checker<'_>, path: &Path<'_>, element: &GenericElement) {
    let limits = check.platform.limits;
    check.required_text(&path.key("title"), &element.title, limits.generic_title);
    if let Some(subtitle) = &element.subtitle {
        check.text(&path.key("subtitle"), subtitle, limits.generic_title);
    }
    if let Some(image) = &element.image_url {
        check.url(&path.key("image_url"), image);
    }
    let has_more = element.subtitle.is_some()
        || element.image_url.is_some()
        || element.default_action.is_some()
        || !element.buttons.is_empty();
    if !has_more {
        check.push(
            ViolationCode::Required,
            &path.key("subtitle"),
            "an element needs a subtitle, image_url, default_action or buttons besides its title",
        );
    }
    if let Some(action) = &element.default_action {
        let action_path = path.key("default_action");
        if action.kind != "web_url" {
            check.push(
                ViolationCode::InvalidValue,
                &action_path.key("type"),
                "a default_action must be web_url",
            );
        }
        if action.url.title.is_some() {
            check.push(
                ViolationCode::NotAllowed,
                &action_path.key("title"),
                "a default_action has no title",
            );
        }
        url_button_rules(check, &action_path, &action.url);
    }
    button_list(
        check,
        &path.key("buttons"),
        &element.buttons,
        limits.generic_buttons,
    );
}

fn button_template(check: &mut Checker<'_>, path: &Path<'_>, body: &ButtonTemplate) {
    let limits = check.platform.limits;
    check.required_text(&path.key("text"), &body.text, limits.button_template_text);
    button_list(
        check,
        &path.key("buttons"),
        &body.buttons,
        limits.button_template_buttons,
    );
}

fn media(check: &mut Checker<'_>, path: &Path<'_>, body: &MediaTemplate) {
    let limits = check.platform.limits;
    let elements = path.key("elements");
    check.count(&elements, body.elements.len(), limits.media_elements);
    for (index, element) in body.elements.iter().enumerate() {
        let at = elements.index(index);
        if !matches!(element.media_type.as_str(), "image" | "video") {
            check.push(
                ViolationCode::InvalidValue,
                &at.key("media_type"),
                format!("`{}` is not image or video", clip(&element.media_type)),
            );
        }
        match (&element.url, &element.attachment_id) {
            (Some(_), Some(_)) => check.push(
                ViolationCode::Conflict,
                &at.key("attachment_id"),
                "url and attachment_id exclude each other",
            ),
            (None, None) => check.push(
                ViolationCode::Required,
                &at.key("attachment_id"),
                "needs an attachment_id or a facebook url",
            ),
            (Some(url), None) if !is_facebook_url(url) => {
                check.push(ViolationCode::InvalidValue, &at.key("url"), "the media template takes only facebook.com urls; upload other media for an attachment_id");
            }
            _ => {}
        }
        button_list(
            check,
            &at.key("buttons"),
            &element.buttons,
            limits.media_buttons,
        );
    }
}

fn is_facebook_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").unwrap_or_default();
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    host == "facebook.com" || host.ends_with(".facebook.com")
}

fn product(check: &mut Checker<'_>, path: &Path<'_>, body: &ProductTemplate) {
    let elements = path.key("elements");
    check.count(
        &elements,
        body.elements.len(),
        check.platform.limits.product_elements,
    );
    for (index, element) in body.elements.iter().enumerate() {
        if element.id.trim().is_empty() {
            check.push(
                ViolationCode::Required,
                &elements.index(index).key("id"),
                "must not be empty",
            );
        }
    }
}

fn coupon(check: &mut Checker<'_>, path: &Path<'_>, body: &CouponTemplate) {
    let limits = check.platform.limits;
    check.required_text(&path.key("title"), &body.title, limits.generic_title);
    if let Some(subtitle) = &body.subtitle {
        check.text(&path.key("subtitle"), subtitle, limits.generic_title);
    }
    for (value, key) in [
        (&body.coupon_url, "coupon_url"),
        (&body.image_url, "image_url"),
    ] {
        if let Some(url) = value {
            check.url(&path.key(key), url);
        }
    }
    if let Some(title) = &body.coupon_url_button_title {
        check.text(
            &path.key("coupon_url_button_title"),
            title,
            limits.button_title,
        );
    }
}

fn feedback(check: &mut Checker<'_>, path: &Path<'_>, body: &FeedbackTemplate) {
    let limits = check.platform.limits;
    check.required_text(&path.key("title"), &body.title, limits.generic_title);
    check.required_text(
        &path.key("button_title"),
        &body.button_title,
        limits.button_title,
    );
    let screens = path.key("feedback_screens");
    check.count(
        &screens,
        body.feedback_screens.len(),
        limits.feedback_screens,
    );
    for (index, screen) in body.feedback_screens.iter().enumerate() {
        let screen_path = screens.index(index);
        let questions = screen_path.key("questions");
        check.count(
            &questions,
            screen.questions.len(),
            limits.feedback_questions,
        );
        for (q, question) in screen.questions.iter().enumerate() {
            let kind = question
                .get("type")
                .and_then(|t| t.as_str())
                .unwrap_or_default();
            if !matches!(kind, "csat" | "nps" | "ces") {
                check.push(
                    ViolationCode::InvalidValue,
                    &questions.index(q).key("type"),
                    format!("`{}` is not csat, nps or ces", clip(kind)),
                );
            }
        }
    }
    if let Some(days) = body.expires_in_days {
        let limit = limits.feedback_expires_in_days;
        if !(limit.min..=limit.max).contains(&(days as usize)) {
            check.push(
                ViolationCode::InvalidValue,
                &path.key("expires_in_days"),
                format!("{days} is not between {} and {}", limit.min, limit.max),
            );
        }
    }
}

fn image_grid(check: &mut Checker<'_>, path: &Path<'_>, body: &ImageGridTemplate) {
    let limits = check.platform.limits;
    let elements = path.key("elements");
    check.count(&elements, body.elements.len(), limits.image_grid_elements);
    for (index, element) in body.elements.iter().enumerate() {
        let at = elements.index(index);
        let images = at.key("images");
        check.count(&images, element.images.len(), limits.image_grid_images);
        for (i, image) in element.images.iter().enumerate() {
            check.url(&images.index(i).key("url"), &image.url);
        }
        let heroes = element
            .images
            .iter()
            .filter(|i| i.is_hero_image == Some(true))
            .count();
        if heroes > 1 {
            check.push(
                ViolationCode::Conflict,
                &images,
                format!("{heroes} images have is_hero_image; at most one may"),
            );
        }
        if let Some(title) = &element.title {
            check.text(&at.key("title"), title, limits.image_grid_title);
        }
        if let Some(subtitle) = &element.subtitle {
            check.text(&at.key("subtitle"), subtitle, limits.image_grid_subtitle);
        }
        let buttons = at.key("buttons");
        for (b, button) in element.buttons.iter().enumerate() {
            if !matches!(
                button,
                Button::WebUrl(_) | Button::Postback(_) | Button::Other(_)
            ) {
                check.push(
                    ViolationCode::NotAllowed,
                    &buttons.index(b).key("type"),
                    "image grid buttons are web_url or postback",
                );
            }
        }
        button_list(check, &buttons, &element.buttons, limits.image_grid_buttons);
    }
}

/// The notification-messages opt-in request: a `title` and a `payload` (its region rule is
/// [`super::region::notification_rule`]).
fn notification_messages(check: &mut Checker<'_>, path: &Path<'_>, raw: &serde_json::Value) {
    for key in ["title", "payload"] {
        let present = raw
            .get(key)
            .and_then(serde_json::Value::as_str)
            .is_some_and(|v| !v.trim().is_empty());
        if !present {
            check.push(
                ViolationCode::Required,
                &path.key(key),
                format!("the notification_messages template needs `{key}`"),
            );
        }
    }
}
