//! Smooch text: `text`, or v2's `markdownText` / `htmlText` sent as plain text.

use crate::compose::{Warning, WarningCode};
use crate::dialect::reader::{Obj, warn};
use crate::dialect::sources::Sources;
use crate::error::Result;

/// `text`, or v2's `markdownText` / `htmlText` sent as plain text.
pub(super) fn text_of(
    obj: &Obj<'_>,
    sources: &mut Sources,
    warnings: &mut Vec<Warning>,
) -> Result<Option<String>> {
    for key in ["text", "markdownText", "htmlText"] {
        if obj.has(key) {
            sources.add("text", obj.at(key));
            break;
        }
    }
    if let Some(text) = obj.str("text")? {
        obj.ignore(&["markdownText", "htmlText"]);
        return Ok(Some(text));
    }
    if let Some(markdown) = obj.str("markdownText")? {
        warn(
            warnings,
            WarningCode::Replaced,
            obj.at("markdownText"),
            "sent as plain text",
        );
        return Ok(Some(markdown));
    }
    if let Some(html) = obj.str("htmlText")? {
        warn(
            warnings,
            WarningCode::Replaced,
            obj.at("htmlText"),
            "tags removed; sent as plain text",
        );
        return Ok(Some(strip_tags(&html)));
    }
    Ok(None)
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}
