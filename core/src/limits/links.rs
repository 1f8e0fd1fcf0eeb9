//! What m.me and ig.me links accept (messenger-platform.md §12; Meta's m.me page).

/// A link's `ref`: "a string that may be up to 2,083 characters in length".
pub const CHAT_LINK_REF_MAX: usize = 2083;
/// Characters a `ref` may hold besides ASCII letters and digits (§12, recalled ⚠: Meta's
/// page names only the length; these are what Meta delivers back unchanged).
pub const CHAT_LINK_REF_EXTRA: &[char] = &['-', '_', '='];
/// A Page username: letters, digits and periods (Facebook's rule), or the Page's numeric ID.
pub const PAGE_USERNAME_MAX: usize = 50;
/// An Instagram handle: letters, digits, periods and underscores, at most 30.
pub const INSTAGRAM_HANDLE_MAX: usize = 30;
/// A prefilled `text` (Messenger only): bounded by the message text limit.
pub const CHAT_LINK_TEXT_MAX: usize = 2000;
/// QR code sizes in pixels (the smallest width and height of the whole image).
pub const QR_SIZE_DEFAULT: u32 = 256;
/// The largest QR size msgrkit renders.
pub const QR_SIZE_MAX: u32 = 4096;
