//! The C surface against the core's one table of entry points (`api::ENTRY_POINTS`): every
//! entry is declared in `include/msgrkit.h` as `msgrkit_<name>`, and every function the
//! header declares is an entry, or one of C's own below (each with its reason).

use std::collections::BTreeSet;

use msgrkit_core::api::ENTRY_POINTS;

/// Functions of the C surface that are the host's own, not the core's.
const C_ONLY: &[(&str, &str)] = &[
    (
        "msgrkit_string_free",
        "frees a string the library returned (C owns no garbage collector)",
    ),
    (
        "msgrkit_last_error",
        "the last failure's message on this thread (C has no exceptions)",
    ),
    (
        "msgrkit_last_error_field",
        "the last failure's field on this thread",
    ),
    (
        "msgrkit_last_error_details",
        "the last failure's details on this thread",
    ),
    ("msgrkit_result_code", "the stable code of a numeric result"),
    ("msgrkit_version", "the library's version"),
    (
        "msgrkit_client_new",
        "makes the handle the client_* entries take (a class elsewhere)",
    ),
    ("msgrkit_client_free", "frees that handle"),
    (
        "msgrkit_parse_webhook_limited",
        "parse_webhook with max_body_bytes, an option C cannot default",
    ),
    (
        "msgrkit_verify_handshake_params",
        "verify_handshake from parsed parameters, a second input form",
    ),
    (
        "msgrkit_verify_signature_allow_sha1",
        "verify_signature with allow_sha1, an option C cannot default",
    ),
];

fn declared() -> BTreeSet<String> {
    let header =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../include/msgrkit.h"))
            .unwrap();
    let mut out = BTreeSet::new();
    let mut rest = header.as_str();
    while let Some(at) = rest.find("msgrkit_") {
        rest = &rest[at..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('(') {
            out.insert(rest[..end].to_owned());
        }
        rest = &rest[end..];
    }
    out
}

#[test]
fn every_entry_point_is_exposed_in_c() {
    let declared = declared();
    let missing: Vec<String> = ENTRY_POINTS
        .iter()
        .map(|entry| format!("msgrkit_{}", entry.name))
        .filter(|name| !declared.contains(name))
        .collect();
    assert!(missing.is_empty(), "not exposed in C: {missing:?}");
}

#[test]
fn every_c_function_is_an_entry_point() {
    let table: BTreeSet<String> = ENTRY_POINTS
        .iter()
        .map(|e| format!("msgrkit_{}", e.name))
        .collect();
    let own: BTreeSet<&str> = C_ONLY.iter().map(|(name, _)| *name).collect();
    let extra: Vec<String> = declared()
        .into_iter()
        .filter(|name| !table.contains(name) && !own.contains(name.as_str()))
        .collect();
    assert!(
        extra.is_empty(),
        "declared in C but not in the table (api::ENTRY_POINTS): {extra:?}"
    );
}
