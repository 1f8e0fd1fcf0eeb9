//! Chat links and their QR codes: the parts object in, the core's answer out.

use msgrkit::api;
use napi::bindgen_prelude::{Env, Unknown};
use napi_derive::napi;
use serde_json::Value;

use crate::convert::{json_text, optional_json_text};
use crate::errors::to_js_err;

/// Every code the core can emit: `[{code, kind, category?}]`.
#[napi(ts_return_type = "Array<{ code: string; kind: string; category?: string }>")]
pub fn codes() -> Value {
    serde_json::from_str(&api::codes()).expect("the core writes JSON")
}

/// The URL of a chat link: `chatLink({ page: 'acme.shop', ref: 'spring_sale' })` (or
/// `instagram`, and for Messenger `text`). Throws at the part Meta would not take.
#[napi(ts_args_type = "link: ChatLinkParts", ts_return_type = "string")]
pub fn chat_link(env: Env, link: Unknown<'_>) -> napi::Result<String> {
    let link = json_text(&env, "link", &link)?;
    api::chat_link(&link).map_err(|e| to_js_err(&env, e))
}

/// A chat link read back into its parts: `{page | instagram, ref?, text?, other?}`.
#[napi(ts_return_type = "ChatLinkParts")]
pub fn parse_chat_link(env: Env, url: String) -> napi::Result<Value> {
    let text = api::parse_chat_link(&url).map_err(|e| to_js_err(&env, e))?;
    Ok(serde_json::from_str(&text).expect("the core writes JSON"))
}

/// `text` (a chat link, typically) as an SVG QR code; options `{ level?: 'L' | 'M' | 'Q' |
/// 'H', size?: pixels }`, defaulted by the core.
#[napi(
    ts_args_type = "text: string, options?: { level?: 'L' | 'M' | 'Q' | 'H'; size?: number }",
    ts_return_type = "string"
)]
pub fn qr_svg(env: Env, text: String, options: Option<Unknown<'_>>) -> napi::Result<String> {
    let options = optional_json_text(&env, "options", options.as_ref())?;
    api::qr_svg(&text, &options).map_err(|e| to_js_err(&env, e))
}
