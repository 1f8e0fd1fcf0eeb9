//! Signature headers and verification on arbitrary secrets, headers and bodies
//! (`secret \0 header \0 body`). Never panics; what `sign` writes always verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgrkit::signature::{self, VerifyOptions};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == 0);
    let (secret, header, body) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let header = String::from_utf8_lossy(header);
    let _ = signature::verify(secret, body, &header);
    let _ = signature::verify_with(secret, body, &header, VerifyOptions::allowing_sha1());
    let pairs = [("X-Hub-Signature-256", header.as_ref()), ("x-hub-signature", "sha1=00")];
    let _ = signature::verify_headers(secret, body, pairs, VerifyOptions::allowing_sha1());
    // Among several secrets, the answer agrees with verifying by the one secret alone.
    let several = [b"another-secret".as_slice(), secret];
    match signature::verify_any(&several, body, &header, VerifyOptions::default()) {
        Ok(found) if found.secret_index == 1 => {
            assert!(signature::verify(secret, body, &header).is_ok());
        }
        Ok(_) => {}
        Err(_) => assert!(secret.is_empty() || signature::verify(secret, body, &header).is_err()),
    }
    if !secret.is_empty() {
        let signed = signature::sign(secret, body);
        assert!(signature::verify(secret, body, &signed).is_ok());
        let found = signature::verify_any(&several, body, &signed, VerifyOptions::default());
        assert!(found.is_ok_and(|f| f.secret_index == 1 || secret == b"another-secret"));
        let signed = signature::sign_sha1(secret, body);
        assert!(signature::verify_with(secret, body, &signed, VerifyOptions::allowing_sha1()).is_ok());
    }
});
