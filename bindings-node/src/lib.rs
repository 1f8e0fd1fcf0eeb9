//! msgrkit for Node: the napi-rs addon behind the npm package `msgrkit`. Conversion glue
//! only; every rule, default and number is the core's (`msgrkit`).

// `#[napi]` items are the addon's public surface: exported to JS, not to Rust crates.
#![allow(unreachable_pub)]
// napi-derive registers nothing in a test build, so the exports look unused there.
#![cfg_attr(test, allow(dead_code))]

mod convert;
mod emit;
mod entries;
mod errors;
mod graph;
mod links;
mod policy;
mod record;
mod send;
mod signature;
mod webhook;

use napi_derive::napi;

/// The package version (the workspace's).
#[napi]
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
