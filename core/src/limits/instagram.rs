//! Instagram's own dated rules (messenger-platform.md §16): what arrived and what went on
//! Instagram alone, and its media limits. Applied on top of the shared tables when the
//! profile's product is Instagram.

use super::Date;
use super::table::{Retirement, retired};

/// Instagram disabled the contact quick replies on this day.
const CONTACT_REPLIES_END: Date = Date::ymd(2026, 10, 5);

/// Features Instagram stopped accepting (or sending), with their dates.
pub const INSTAGRAM_RETIREMENTS: &[Retirement] = &[
    retired(
        "quick_reply:user_phone_number",
        CONTACT_REPLIES_END,
        Some("a text quick reply that asks for it"),
        true,
    ),
    retired(
        "quick_reply:user_email",
        CONTACT_REPLIES_END,
        Some("a text quick reply that asks for it"),
        true,
    ),
    // A webhook attachment type: parsing keeps reading it; the profile knows the date.
    retired(
        "attachment:share",
        Date::ymd(2026, 4, 27),
        Some("ig_post"),
        true,
    ),
];

/// Features Instagram accepted only from a date: `(feature, first day available)`.
pub const INSTAGRAM_INTRODUCTIONS: &[(&str, Date)] = &[
    // PDF files (the only `file` Instagram takes).
    ("attachment:file", Date::ymd(2025, 12, 19)),
    // Images sent by a saved `attachment_id`.
    ("media:attachment_id", Date::ymd(2026, 3, 13)),
    // Several images in one message (`message.attachments`); beta before.
    ("message:attachments", Date::ymd(2026, 5, 6)),
];

/// The image types Instagram takes (limits of 2026-04-01).
pub const INSTAGRAM_IMAGE_TYPES: &[&str] = &["image/png", "image/jpeg", "image/gif"];
/// The file types Instagram takes.
pub const INSTAGRAM_FILE_TYPES: &[&str] = &["application/pdf"];
