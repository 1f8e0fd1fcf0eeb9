#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod api;
pub mod client;
mod code_table;
pub mod codes;
pub mod compose;
mod date;
pub mod dialect;
pub mod emit;
pub mod error;
pub mod graph;
mod graph_error;
pub mod inbound;
pub mod limits;
pub mod link;
mod nesting;
pub mod policy;
pub mod record;
#[cfg(feature = "schema")]
pub mod schema;
pub mod secret;
pub mod send;
pub mod send_engine;
pub mod shorthand;
pub mod signature;
mod typed_input;
mod violation;
pub mod webhook;

pub use error::{Category, Error, ErrorKind, Result};
pub use secret::Secret;

/// The msgrkit version (the workspace version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The repository README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The Rust examples of docs/ (scripts/docs-check fails when a page with one is missing here).
#[cfg(doctest)]
pub mod docs_doctests {
    #[doc = include_str!("../../docs/rust.md")]
    pub struct Rust;
    #[doc = include_str!("../../docs/inbound.md")]
    pub struct Inbound;
    #[doc = include_str!("../../docs/graph.md")]
    pub struct Graph;
}
