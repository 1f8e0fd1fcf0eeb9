//! Signature checks: every refusal by its code, and the constant-time comparison's results.

use super::*;

const SECRET: &[u8] = b"app-secret";
const BODY: &[u8] = br#"{"object":"page","entry":[]}"#;

#[test]
fn sign_then_verify_round_trips_in_both_cases() {
    let header = sign(SECRET, BODY);
    assert_eq!(verify(SECRET, BODY, &header), Ok(Algorithm::Sha256));
    let upper = format!("sha256={}", header[7..].to_ascii_uppercase());
    assert_eq!(verify(SECRET, BODY, &upper), Ok(Algorithm::Sha256));
}

#[test]
fn sha1_only_when_allowed() {
    let header = sign_sha1(SECRET, BODY);
    assert_eq!(
        verify(SECRET, BODY, &header).unwrap_err().code(),
        "signature_sha1_not_allowed"
    );
    let allowed = VerifyOptions::allowing_sha1();
    assert_eq!(
        verify_with(SECRET, BODY, &header, allowed),
        Ok(Algorithm::Sha1)
    );
}

#[test]
fn each_malformation_has_its_own_code() {
    let good = sign(SECRET, BODY);
    let cases = [
        ("", "signature_missing"),
        ("   ", "signature_missing"),
        ("deadbeef", "signature_malformed"),
        ("md5=00", "signature_unsupported_algorithm"),
        (&good[..good.len() - 1], "signature_wrong_length"),
        (&format!("{good}0"), "signature_wrong_length"),
        (&format!("{good}\n"), "signature_trailing_data"),
        (
            &format!("{}g{}", &good[..10], &good[11..]),
            "signature_not_hex",
        ),
        (
            &format!("{}0", &good[..good.len() - 1]),
            "signature_mismatch",
        ),
    ];
    for (header, code) in cases {
        let err = verify(SECRET, BODY, header).unwrap_err();
        assert_eq!(err.code(), code, "header {header:?}");
    }
    assert_eq!(
        verify(b"", BODY, &good).unwrap_err().code(),
        "app_secret_empty"
    );
}

#[test]
fn finds_header_case_insensitively_and_refuses_duplicates() {
    let value = sign(SECRET, BODY);
    let headers = [
        ("content-type", "application/json"),
        ("x-hub-signature-256", value.as_str()),
    ];
    assert_eq!(
        find_header(headers, VerifyOptions::default()),
        Ok(value.as_str())
    );
    let twice = [
        ("X-HUB-SIGNATURE-256", value.as_str()),
        ("x-hub-signature-256", value.as_str()),
    ];
    assert_eq!(
        find_header(twice, VerifyOptions::default())
            .unwrap_err()
            .code(),
        "signature_duplicate"
    );
    let legacy = [("X-Hub-Signature", "sha1=00")];
    assert_eq!(
        find_header(legacy, VerifyOptions::default())
            .unwrap_err()
            .code(),
        "signature_sha1_not_allowed"
    );
    assert_eq!(
        find_header(legacy, VerifyOptions::allowing_sha1()),
        Ok("sha1=00")
    );
    assert_eq!(
        find_header([], VerifyOptions::default())
            .unwrap_err()
            .code(),
        "signature_missing"
    );
}

#[test]
fn verifier_refuses_empty_secret_and_hides_it() {
    assert_eq!(Verifier::new("").unwrap_err().code(), "app_secret_empty");
    let verifier = Verifier::new("app-secret").unwrap();
    assert!(!format!("{verifier:?}").contains("app-secret"));
    assert!(verifier.verify(BODY, &sign(SECRET, BODY)).is_ok());
}
