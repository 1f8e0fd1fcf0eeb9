//! The error type's codes, messages and serde form.

use super::*;

#[test]
fn messages_are_lowercase_and_name_values() {
    let cases = [
        (
            ErrorKind::SignatureWrongLength {
                expected: 64,
                actual: 63,
            },
            "signature digest has 63 hex digits, expected 64",
        ),
        (
            ErrorKind::SignatureUnsupportedAlgorithm {
                algorithm: "md5".into(),
            },
            "signature algorithm `md5` is not supported (expected `sha256`)",
        ),
        (
            ErrorKind::SignatureNotHex { position: 3 },
            "signature digest has a non-hex character at position 3",
        ),
    ];
    for (kind, message) in cases {
        assert_eq!(Error::new(kind).to_string(), message);
    }
}

#[test]
fn field_is_appended_and_serialised() {
    let err = Error::at(
        ErrorKind::InvalidEnvelope {
            detail: "`entry` is not an array".into(),
        },
        "entry",
    );
    assert_eq!(err.code(), "invalid_envelope");
    assert_eq!(err.category(), Category::Parse);
    assert_eq!(
        err.to_string(),
        "not a webhook envelope: `entry` is not an array (at `entry`)"
    );
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "invalid_envelope");
    assert_eq!(json["field"], "entry");
}

#[test]
fn error_is_one_pointer_wide() {
    assert_eq!(size_of::<Error>(), size_of::<usize>());
}
