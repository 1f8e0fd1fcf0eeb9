//! One catalogue of every stable code the core emits: errors, Graph classes, handshake and
//! policy refusals, violations and transcoding warnings. Each set comes from the table that
//! also defines its `code()` (see `code_table`), so a code cannot be added to the core
//! without being listed here; hosts test their own mapping against [`catalogue`].

use serde::Serialize;

use crate::error::Category;

/// Which set a code belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CodeKind {
    /// An [`crate::ErrorKind`] code: a failed call in every language (a C result).
    Error,
    /// A [`crate::graph::GraphErrorClass`] code: a Graph failure (a C result).
    GraphClass,
    /// A handshake refusal's reason (a C result of `msgrkit_verify_handshake`).
    HandshakeRefusal,
    /// A policy refusal's code (`refusal.code`).
    PolicyRefusal,
    /// A validation violation's code (`violations[].code`).
    Violation,
    /// A transcoding warning's code (`warnings[].code`).
    Warning,
}

/// One code of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CodeEntry {
    /// The stable snake_case code.
    pub code: &'static str,
    /// Its set.
    pub kind: CodeKind,
    /// For a failed call's code, its [`Category`] (what decides a host's exception class).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
}

/// Every code the core can emit, set by set, in table order.
pub fn catalogue() -> Vec<CodeEntry> {
    let errors = crate::error::ERROR_CATEGORIES
        .iter()
        .map(|(code, category)| CodeEntry {
            code,
            kind: CodeKind::Error,
            category: Some(*category),
        });
    let graph = crate::graph::GRAPH_CLASS_CODES
        .iter()
        .map(|code| CodeEntry {
            code,
            kind: CodeKind::GraphClass,
            category: Some(Category::Graph),
        });
    let sets: [(&[&str], CodeKind); 4] = [
        (
            crate::webhook::HANDSHAKE_REFUSAL_CODES,
            CodeKind::HandshakeRefusal,
        ),
        (crate::policy::REFUSAL_CODES, CodeKind::PolicyRefusal),
        (crate::limits::VIOLATION_CODES, CodeKind::Violation),
        (crate::compose::WARNING_CODES, CodeKind::Warning),
    ];
    let rest = sets.into_iter().flat_map(|(codes, kind)| {
        codes.iter().map(move |code| CodeEntry {
            code,
            kind,
            category: None,
        })
    });
    errors.chain(graph).chain(rest).collect()
}

/// The codes a failed call can carry: what C maps to a `msgrkit_result` and the other
/// languages to an exception class.
pub fn result_codes() -> impl Iterator<Item = &'static str> {
    catalogue().into_iter().filter_map(|entry| {
        matches!(
            entry.kind,
            CodeKind::Error
                | CodeKind::GraphClass
                | CodeKind::HandshakeRefusal
                | CodeKind::PolicyRefusal
        )
        .then_some(entry.code)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_within_their_set_and_snake_case() {
        let entries = catalogue();
        for entry in &entries {
            assert!(
                entry
                    .code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{entry:?}"
            );
            let twice = entries
                .iter()
                .filter(|e| e.kind == entry.kind && e.code == entry.code)
                .count();
            assert_eq!(twice, 1, "{entry:?}");
        }
        assert!(entries.len() > 60, "{}", entries.len());
    }
}
