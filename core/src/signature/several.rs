//! Verification against several app secrets at once: an endpoint that receives both
//! Instagram-Login webhooks (signed with the Instagram app secret) and Facebook-Login ones,
//! or a secret being rotated. Every secret is tried, every comparison runs in constant
//! time, and the match is selected without a branch, so timing does not tell which
//! secret matched, or whether an early one did.

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha1::Sha1;
use sha2::Sha256;
use subtle::{ConditionallySelectable, ConstantTimeEq};

use super::{Algorithm, VerifyOptions, find_header, mac, parse_header};
use crate::error::{Error, ErrorKind, Result};

/// A verified delivery: the algorithm of its header and which secret matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Verified {
    /// The header's algorithm.
    pub algorithm: Algorithm,
    /// The position (0-based) of the secret that matched, in the order given.
    pub secret_index: usize,
}

/// Verifies `header` over `body` with each of `secrets`, saying which one matched.
///
/// # Errors
///
/// `app_secret_empty` for an empty list or any empty secret in it; otherwise as
/// [`super::verify`] (`signature_mismatch` when no secret matches).
pub fn verify_any<S: AsRef<[u8]>>(
    secrets: &[S],
    body: &[u8],
    header: &str,
    options: VerifyOptions,
) -> Result<Verified> {
    refuse_empty(secrets)?;
    let (algorithm, digest) = parse_header(header, options)?;
    let mut found = subtle::Choice::from(0);
    let mut index = 0u64;
    for (position, secret) in secrets.iter().enumerate() {
        let computed = match algorithm {
            Algorithm::Sha256 => mac::<Hmac<Sha256>>(secret.as_ref(), body)
                .finalize()
                .into_bytes()
                .to_vec(),
            Algorithm::Sha1 => mac::<Hmac<Sha1>>(secret.as_ref(), body)
                .finalize()
                .into_bytes()
                .to_vec(),
        };
        let matches = computed.as_slice().ct_eq(&digest);
        // Keep the first match: take this position only if it matches and none did before.
        let take = matches & !found;
        index = u64::conditional_select(&index, &(position as u64), take);
        found |= matches;
    }
    if bool::from(found) {
        Ok(Verified {
            algorithm,
            secret_index: usize::try_from(index).expect("an index of the slice"),
        })
    } else {
        Err(Error::new(ErrorKind::SignatureMismatch))
    }
}

/// Finds the signature header in `headers` and verifies it with each of `secrets`.
///
/// # Errors
///
/// As [`super::find_header`] and [`verify_any`].
pub fn verify_headers_any<'h, S, I>(
    secrets: &[S],
    body: &[u8],
    headers: I,
    options: VerifyOptions,
) -> Result<Verified>
where
    S: AsRef<[u8]>,
    I: IntoIterator<Item = (&'h str, &'h str)>,
{
    refuse_empty(secrets)?;
    let value = find_header(headers, options)?;
    verify_any(secrets, body, value, options)
}

/// Fails closed before a header is read: no secret, or an empty one (an unset variable).
fn refuse_empty<S: AsRef<[u8]>>(secrets: &[S]) -> Result<()> {
    if secrets.is_empty() || secrets.iter().any(|s| s.as_ref().is_empty()) {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::sign;

    const BODY: &[u8] = br#"{"object":"instagram","entry":[]}"#;

    #[test]
    fn the_matching_secret_is_named_by_its_position() {
        let header = sign(b"instagram-secret", BODY);
        let secrets = ["facebook-secret", "instagram-secret"];
        let found = verify_any(&secrets, BODY, &header, VerifyOptions::default()).unwrap();
        assert_eq!(
            (found.algorithm, found.secret_index),
            (Algorithm::Sha256, 1)
        );
        let twice = ["instagram-secret", "instagram-secret"];
        let first = verify_any(&twice, BODY, &header, VerifyOptions::default()).unwrap();
        assert_eq!(first.secret_index, 0);
    }

    #[test]
    fn no_match_empty_lists_and_empty_secrets_fail() {
        let header = sign(b"right", BODY);
        let code = |secrets: &[&str]| {
            verify_any(secrets, BODY, &header, VerifyOptions::default())
                .unwrap_err()
                .code()
        };
        assert_eq!(code(&["wrong"]), "signature_mismatch");
        assert_eq!(code(&[]), "app_secret_empty");
        assert_eq!(code(&["right", ""]), "app_secret_empty");
    }
}
