//! Chat links that make a customer write first: `https://m.me/<page>?ref=…` for a Page and
//! `https://ig.me/m/<handle>?ref=…` for an Instagram account, built and validated, parsed
//! back, and rendered as QR codes ([`qr_svg`]). The `ref` comes back in the webhook: in
//! `postback.referral.ref` of the Get Started tap on a new thread, and in a `referral`
//! event (`messaging_referrals`) on an existing one. See messenger-platform.md §12.

mod qr;

use serde::{Deserialize, Serialize};

pub use qr::{QrLevel, QrOptions, qr_svg};

use crate::error::{Error, ErrorKind, Result};
use crate::limits::{
    CHAT_LINK_REF_EXTRA, CHAT_LINK_REF_MAX, CHAT_LINK_TEXT_MAX, INSTAGRAM_HANDLE_MAX,
    PAGE_USERNAME_MAX,
};

/// The parts of a chat link: exactly one of `page` (a Page's username or numeric ID) and
/// `instagram` (an Instagram handle), an optional `ref`, and for Messenger an optional
/// prefilled `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatLink {
    /// A Facebook Page's username (`acme.shop`) or numeric ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// An Instagram professional account's handle (`acme.shop`, without `@`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instagram: Option<String>,
    /// What the webhook reports back as `referral.ref`.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Text prefilled in the person's composer (Messenger's `text` parameter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Other query parameters of a parsed link (`utm_source`, ...), kept as they came.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<(String, String)>,
}

impl ChatLink {
    /// A link to the Page `page` (username or ID).
    pub fn page(page: impl Into<String>) -> Self {
        Self {
            page: Some(page.into()),
            ..Self::default()
        }
    }

    /// A link to the Instagram account `handle`.
    pub fn instagram(handle: impl Into<String>) -> Self {
        Self {
            instagram: Some(handle.into()),
            ..Self::default()
        }
    }

    /// The link with a `ref`.
    pub fn with_ref(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// The link with prefilled text (Messenger only).
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// The URL: `https://m.me/<page>` or `https://ig.me/m/<handle>`, then `ref`, `text`
    /// and any other parameters, each percent-encoded.
    ///
    /// # Errors
    ///
    /// `required` (field `page`) without an account, `conflict` (field `instagram`) with
    /// both; `invalid_input` at `page`, `instagram`, `ref` or `text` for a value Meta does
    /// not take; `limit_exceeded` at `ref` or `text`; `unsupported` (field `text`) on
    /// Instagram.
    pub fn url(&self) -> Result<String> {
        let mut url = match (&self.page, &self.instagram) {
            (Some(page), None) => {
                check_page(page)?;
                format!("https://m.me/{page}")
            }
            (None, Some(handle)) => {
                check_handle(handle)?;
                if self.text.is_some() {
                    return Err(Error::at(
                        ErrorKind::Unsupported {
                            detail: "ig.me links take no prefilled text".to_owned(),
                        },
                        "text",
                    ));
                }
                format!("https://ig.me/m/{handle}")
            }
            (None, None) => {
                return Err(Error::at(
                    ErrorKind::Required {
                        detail: "a page (username or id) or an instagram handle".to_owned(),
                    },
                    "page",
                ));
            }
            (Some(_), Some(_)) => {
                return Err(Error::at(
                    ErrorKind::Conflict {
                        detail: "a link goes to a page or an instagram account, not both"
                            .to_owned(),
                    },
                    "instagram",
                ));
            }
        };
        let mut params: Vec<(&str, &str)> = Vec::new();
        if let Some(reference) = &self.reference {
            check_ref(reference)?;
            params.push(("ref", reference));
        }
        if let Some(text) = &self.text {
            check_text(text)?;
            params.push(("text", text));
        }
        params.extend(self.other.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        for (index, (key, value)) in params.iter().enumerate() {
            url.push(if index == 0 { '?' } else { '&' });
            url.push_str(&crate::graph::encode(key));
            url.push('=');
            url.push_str(&crate::graph::encode(value));
        }
        Ok(url)
    }

    /// Reads a chat link back into its parts (`http` or `https`, `m.me` or `ig.me`, with
    /// or without `www.`), checking them by the same rules as [`ChatLink::url`].
    ///
    /// # Errors
    ///
    /// `invalid_input` (field `url`) for a URL that is not a chat link, and the errors of
    /// [`ChatLink::url`] for its parts.
    pub fn parse(url: &str) -> Result<Self> {
        let not_a_link = |detail: &str| {
            Error::at(
                ErrorKind::InvalidInput {
                    detail: detail.to_owned(),
                },
                "url",
            )
        };
        let rest = url
            .trim()
            .strip_prefix("https://")
            .or_else(|| url.trim().strip_prefix("http://"))
            .ok_or_else(|| {
                not_a_link("a chat link starts with https://m.me/ or https://ig.me/m/")
            })?;
        let (location, query) = rest.split_once('?').unwrap_or((rest, ""));
        let location = location.split('#').next().unwrap_or_default();
        let (host, path) = location.split_once('/').unwrap_or((location, ""));
        let host = host.to_ascii_lowercase();
        let path = path.trim_end_matches('/');
        let mut link = match host.strip_prefix("www.").unwrap_or(&host) {
            "m.me" if !path.is_empty() && !path.contains('/') => Self::page(path),
            "ig.me" => match path.strip_prefix("m/") {
                Some(handle) if !handle.is_empty() && !handle.contains('/') => {
                    Self::instagram(handle)
                }
                _ => return Err(not_a_link("an ig.me chat link is https://ig.me/m/<handle>")),
            },
            _ => return Err(not_a_link("not an m.me or ig.me chat link")),
        };
        for pair in query.split('#').next().unwrap_or_default().split('&') {
            if pair.is_empty() {
                continue;
            }
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key)?, decode(value)?);
            match key.as_str() {
                "ref" if link.reference.is_none() => link.reference = Some(value),
                "text" if link.text.is_none() && link.page.is_some() => link.text = Some(value),
                _ => link.other.push((key, value)),
            }
        }
        link.url()?;
        Ok(link)
    }
}

/// The URL of `link`; see [`ChatLink::url`].
///
/// # Errors
///
/// As [`ChatLink::url`].
pub fn chat_link(link: &ChatLink) -> Result<String> {
    link.url()
}

fn check_page(page: &str) -> Result<()> {
    let numeric = !page.is_empty() && page.bytes().all(|b| b.is_ascii_digit());
    let username = page.len() <= PAGE_USERNAME_MAX
        && page.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        && page.bytes().any(|b| b.is_ascii_alphabetic());
    if numeric || username {
        Ok(())
    } else {
        Err(invalid(
            "page",
            "a page username is letters, digits and periods (or the page's numeric id)",
        ))
    }
}

fn check_handle(handle: &str) -> Result<()> {
    let valid = !handle.is_empty()
        && handle.len() <= INSTAGRAM_HANDLE_MAX
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(invalid(
            "instagram",
            "an instagram handle is up to 30 letters, digits, periods and underscores (no @)",
        ))
    }
}

fn check_ref(reference: &str) -> Result<()> {
    if reference.is_empty() {
        return Err(Error::at(
            ErrorKind::Required {
                detail: "an empty ref; leave it out instead".to_owned(),
            },
            "ref",
        ));
    }
    let length = reference.chars().count();
    if length > CHAT_LINK_REF_MAX {
        return Err(Error::at(
            ErrorKind::LimitExceeded {
                max: CHAT_LINK_REF_MAX,
                actual: length,
            },
            "ref",
        ));
    }
    match reference
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !CHAT_LINK_REF_EXTRA.contains(c))
    {
        None => Ok(()),
        Some(bad) => Err(invalid(
            "ref",
            &format!("`{bad}` is not allowed: a ref is letters, digits, `-`, `_` and `=`"),
        )),
    }
}

fn check_text(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::at(
            ErrorKind::Required {
                detail: "an empty text; leave it out instead".to_owned(),
            },
            "text",
        ));
    }
    let length = text.chars().count();
    if length > CHAT_LINK_TEXT_MAX {
        return Err(Error::at(
            ErrorKind::LimitExceeded {
                max: CHAT_LINK_TEXT_MAX,
                actual: length,
            },
            "text",
        ));
    }
    Ok(())
}

fn invalid(field: &str, detail: &str) -> Error {
    Error::at(
        ErrorKind::InvalidInput {
            detail: detail.to_owned(),
        },
        field,
    )
}

/// A query component decoded as the handshake's are (`+` is a space).
fn decode(text: &str) -> Result<String> {
    crate::webhook::percent_decode(text).ok_or_else(|| {
        invalid(
            "url",
            "a broken percent escape, or a value that is not utf-8",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_built_and_read_back() {
        let link = ChatLink::page("acme.shop").with_ref("spring_sale");
        assert_eq!(
            link.url().unwrap(),
            "https://m.me/acme.shop?ref=spring_sale"
        );
        assert_eq!(ChatLink::parse(&link.url().unwrap()).unwrap(), link);
        let text = ChatLink::page("106000000000001").with_text("Hello and welcome");
        assert_eq!(
            text.url().unwrap(),
            "https://m.me/106000000000001?text=Hello%20and%20welcome"
        );
        let ig = ChatLink::instagram("acme_shop").with_ref("a=b");
        assert_eq!(ig.url().unwrap(), "https://ig.me/m/acme_shop?ref=a%3Db");
        assert_eq!(
            ChatLink::parse("http://www.ig.me/m/acme_shop/?ref=a=b").unwrap(),
            ig
        );
    }

    #[test]
    fn bad_parts_are_refused_at_their_field() {
        let field = |link: ChatLink| link.url().unwrap_err().field().map(str::to_owned);
        assert_eq!(
            field(ChatLink::page("acme.shop").with_ref("a b")).as_deref(),
            Some("ref")
        );
        assert_eq!(field(ChatLink::page("acme shop")).as_deref(), Some("page"));
        assert_eq!(
            field(ChatLink::instagram("@acme")).as_deref(),
            Some("instagram")
        );
        assert_eq!(
            field(ChatLink::instagram("acme").with_text("hi")).as_deref(),
            Some("text")
        );
        assert_eq!(field(ChatLink::default()).as_deref(), Some("page"));
        let long = ChatLink::page("acme").with_ref("x".repeat(CHAT_LINK_REF_MAX + 1));
        assert_eq!(long.url().unwrap_err().code(), "limit_exceeded");
        assert_eq!(
            ChatLink::parse("https://example.com/acme")
                .unwrap_err()
                .field(),
            Some("url")
        );
    }
}
