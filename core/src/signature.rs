//! Verification of the `X-Hub-Signature-256` header on webhook deliveries.
//!
//! Meta signs the exact request body bytes with HMAC-SHA256 keyed by the app secret.
//! Verify those raw bytes, never a re-serialised JSON value: re-encoding changes the
//! bytes (escapes, key order, spacing) and the signature with them.
//! See [Meta Docs/Webhooks].
//!
//! [Meta Docs/Webhooks]: https://developers.facebook.com/docs/graph-api/webhooks/getting-started

use std::fmt::Write as _;

use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha1::Sha1;
use sha2::Sha256;

use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;

mod several;
pub use several::{Verified, verify_any, verify_headers_any};

/// Name of the header carrying the HMAC-SHA256 signature.
pub const HEADER_SHA256: &str = "X-Hub-Signature-256";
/// Name of the legacy header carrying the HMAC-SHA1 signature.
pub const HEADER_SHA1: &str = "X-Hub-Signature";

/// The digest algorithm a signature header used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Algorithm {
    /// `sha256=`: what Meta sends today.
    Sha256,
    /// `sha1=`: legacy, accepted only when [`VerifyOptions::allow_sha1`] is set.
    Sha1,
}

impl Algorithm {
    /// The header prefix name (`sha256` or `sha1`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Sha256 => "sha256",
            Self::Sha1 => "sha1",
        }
    }

    fn hex_len(self) -> usize {
        match self {
            Self::Sha256 => 64,
            Self::Sha1 => 40,
        }
    }
}

/// How strict verification is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifyOptions {
    /// Accept legacy `sha1=` signatures (`X-Hub-Signature`). Off by default.
    pub allow_sha1: bool,
}

impl VerifyOptions {
    /// Options that also accept legacy SHA-1 signatures.
    pub fn allowing_sha1() -> Self {
        Self { allow_sha1: true }
    }

    /// Options that accept legacy SHA-1 signatures when `allow_sha1` is set (the bindings'
    /// and the CLI's flag).
    pub fn with_sha1(allow_sha1: bool) -> Self {
        Self { allow_sha1 }
    }
}

/// Verifies `header` (the value of `X-Hub-Signature-256`) against the raw `body`.
///
/// Only `sha256=` is accepted; see [`verify_with`] for the legacy SHA-1 opt-in.
///
/// # Errors
///
/// `app_secret_empty`, `signature_missing`, `signature_malformed`,
/// `signature_unsupported_algorithm`, `signature_sha1_not_allowed`,
/// `signature_wrong_length`, `signature_not_hex`, `signature_trailing_data`,
/// `signature_mismatch`.
pub fn verify(app_secret: &[u8], body: &[u8], header: &str) -> Result<Algorithm> {
    verify_with(app_secret, body, header, VerifyOptions::default())
}

/// Verifies `header` against the raw `body` with explicit options.
///
/// The digest comparison is constant time. Checks fail closed: an empty secret is
/// refused before the header is even looked at.
///
/// # Errors
///
/// As [`verify`].
pub fn verify_with(
    app_secret: &[u8],
    body: &[u8],
    header: &str,
    options: VerifyOptions,
) -> Result<Algorithm> {
    if app_secret.is_empty() {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    let (algorithm, digest) = parse_header(header, options)?;
    let matches = match algorithm {
        Algorithm::Sha256 => mac::<Hmac<Sha256>>(app_secret, body).verify_slice(&digest),
        Algorithm::Sha1 => mac::<Hmac<Sha1>>(app_secret, body).verify_slice(&digest),
    };
    matches
        .map(|()| algorithm)
        .map_err(|_| Error::new(ErrorKind::SignatureMismatch))
}

/// Finds the signature header in a host's header list (names compared case-insensitively)
/// and verifies it. `X-Hub-Signature-256` wins; `X-Hub-Signature` is used only with
/// [`VerifyOptions::allow_sha1`].
///
/// # Errors
///
/// As [`find_header`] and [`verify`].
pub fn verify_headers<'h, I>(
    app_secret: &[u8],
    body: &[u8],
    headers: I,
    options: VerifyOptions,
) -> Result<Algorithm>
where
    I: IntoIterator<Item = (&'h str, &'h str)>,
{
    if app_secret.is_empty() {
        return Err(Error::new(ErrorKind::AppSecretEmpty));
    }
    let value = find_header(headers, options)?;
    verify_with(app_secret, body, value, options)
}

/// Returns the value of the signature header to check from a host's header list.
///
/// Names are compared case-insensitively. `X-Hub-Signature-256` is preferred; the
/// legacy `X-Hub-Signature` is returned only when SHA-1 is allowed.
///
/// # Errors
///
/// `signature_missing` when neither header is present, `signature_sha1_not_allowed`
/// when only the legacy header is present and SHA-1 is not allowed,
/// `signature_duplicate` when the chosen header appears more than once.
pub fn find_header<'h, I>(headers: I, options: VerifyOptions) -> Result<&'h str>
where
    I: IntoIterator<Item = (&'h str, &'h str)>,
{
    let mut sha256 = Vec::new();
    let mut sha1 = Vec::new();
    for (name, value) in headers {
        let name = name.trim();
        if name.eq_ignore_ascii_case(HEADER_SHA256) {
            sha256.push(value);
        } else if name.eq_ignore_ascii_case(HEADER_SHA1) {
            sha1.push(value);
        }
    }
    let (chosen, name) = match (sha256.is_empty(), sha1.is_empty()) {
        (false, _) => (sha256, HEADER_SHA256),
        (true, false) if options.allow_sha1 => (sha1, HEADER_SHA1),
        (true, false) => return Err(Error::new(ErrorKind::SignatureSha1NotAllowed)),
        (true, true) => return Err(Error::new(ErrorKind::SignatureMissing)),
    };
    match chosen.as_slice() {
        [only] => Ok(only),
        _ => Err(Error::new(ErrorKind::SignatureDuplicate {
            header: name.to_owned(),
        })),
    }
}

/// Computes the `X-Hub-Signature-256` value (`sha256=<lowercase hex>`) for `body`.
///
/// For tests, examples and for forwarding a webhook to another signed endpoint.
pub fn sign(app_secret: &[u8], body: &[u8]) -> String {
    header_value(
        Algorithm::Sha256,
        &mac::<Hmac<Sha256>>(app_secret, body)
            .finalize()
            .into_bytes(),
    )
}

/// Computes the legacy `X-Hub-Signature` value (`sha1=<lowercase hex>`) for `body`.
pub fn sign_sha1(app_secret: &[u8], body: &[u8]) -> String {
    header_value(
        Algorithm::Sha1,
        &mac::<Hmac<Sha1>>(app_secret, body).finalize().into_bytes(),
    )
}

/// A verifier that holds the app secret, for hosts that verify many deliveries.
#[derive(Clone, Debug)]
pub struct Verifier {
    secret: Secret,
    options: VerifyOptions,
}

impl Verifier {
    /// Creates a verifier for `app_secret` that accepts only SHA-256.
    ///
    /// # Errors
    ///
    /// `app_secret_empty` when the secret is empty.
    pub fn new(app_secret: impl Into<Secret>) -> Result<Self> {
        let secret = app_secret.into();
        if secret.is_empty() {
            return Err(Error::new(ErrorKind::AppSecretEmpty));
        }
        Ok(Self {
            secret,
            options: VerifyOptions::default(),
        })
    }

    /// Returns the verifier with other options (for example SHA-1 allowed).
    pub fn with_options(mut self, options: VerifyOptions) -> Self {
        self.options = options;
        self
    }

    /// Verifies one header value against `body`; see [`verify_with`].
    ///
    /// # Errors
    ///
    /// As [`verify`].
    pub fn verify(&self, body: &[u8], header: &str) -> Result<Algorithm> {
        verify_with(self.secret.expose(), body, header, self.options)
    }

    /// Finds the signature header in `headers` and verifies it; see [`verify_headers`].
    ///
    /// # Errors
    ///
    /// As [`verify_headers`].
    pub fn verify_headers<'h, I>(&self, body: &[u8], headers: I) -> Result<Algorithm>
    where
        I: IntoIterator<Item = (&'h str, &'h str)>,
    {
        verify_headers(self.secret.expose(), body, headers, self.options)
    }
}

fn mac<M: Mac + KeyInit>(key: &[u8], body: &[u8]) -> M {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = <M as KeyInit>::new_from_slice(key).expect("hmac accepts any key length");
    mac.update(body);
    mac
}

fn header_value(algorithm: Algorithm, digest: &[u8]) -> String {
    let mut out = String::with_capacity(algorithm.name().len() + 1 + digest.len() * 2);
    out.push_str(algorithm.name());
    out.push('=');
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// Splits `algorithm=hexdigest` and decodes the digest, with one error per failure mode.
fn parse_header(header: &str, options: VerifyOptions) -> Result<(Algorithm, Vec<u8>)> {
    // RFC 9110 field values carry no leading or trailing spaces or tabs.
    let value = header.trim_matches([' ', '\t']);
    if value.is_empty() {
        return Err(Error::new(ErrorKind::SignatureMissing));
    }
    let Some((name, digest)) = value.split_once('=') else {
        return Err(Error::new(ErrorKind::SignatureMalformed));
    };
    let algorithm = if name.eq_ignore_ascii_case("sha256") {
        Algorithm::Sha256
    } else if name.eq_ignore_ascii_case("sha1") {
        if !options.allow_sha1 {
            return Err(Error::new(ErrorKind::SignatureSha1NotAllowed));
        }
        Algorithm::Sha1
    } else {
        let algorithm = name.chars().take(32).collect();
        return Err(Error::new(ErrorKind::SignatureUnsupportedAlgorithm {
            algorithm,
        }));
    };
    let expected = algorithm.hex_len();
    let bytes = digest.as_bytes();
    let run = bytes.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    if run == bytes.len() {
        if run != expected {
            return Err(Error::new(ErrorKind::SignatureWrongLength {
                expected,
                actual: run,
            }));
        }
    } else if run >= expected {
        return Err(Error::new(ErrorKind::SignatureTrailingData {
            extra: bytes.len() - expected,
        }));
    } else {
        return Err(Error::new(ErrorKind::SignatureNotHex { position: run }));
    }
    let decoded = bytes
        .chunks_exact(2)
        .map(|pair| (hex_value(pair[0]) << 4) | hex_value(pair[1]))
        .collect();
    Ok((algorithm, decoded))
}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit - b'A' + 10,
    }
}

#[cfg(test)]
mod tests;
