//! The webhook verification handshake: `GET ?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..`.
//!
//! Answer 200 with the challenge echoed verbatim when the mode is `subscribe` and the
//! token matches; 403 otherwise. See [Meta Docs/Webhooks Getting Started].
//!
//! [Meta Docs/Webhooks Getting Started]: https://developers.facebook.com/docs/graph-api/webhooks/getting-started

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The HTTP answer to send back: a status and a `text/plain` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct HandshakeAnswer {
    /// 200 when accepted, 403 otherwise.
    pub status: u16,
    /// The challenge when accepted, empty otherwise (never the reason: Meta would echo it).
    pub body: String,
    /// Why it was refused, for the host's logs; absent when accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<HandshakeRefusal>,
}

/// Why a handshake was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HandshakeRefusal {
    /// The host's own verify token is empty, so nothing can match it.
    VerifyTokenEmpty,
    /// The query string is not valid percent-encoded UTF-8.
    InvalidQuery,
    /// A `hub.*` parameter appears more than once.
    DuplicateParameter,
    /// `hub.mode` is missing or not `subscribe`.
    ModeNotSubscribe,
    /// `hub.verify_token` is missing.
    VerifyTokenMissing,
    /// `hub.verify_token` differs from the host's token.
    VerifyTokenMismatch,
    /// `hub.challenge` is missing or empty.
    ChallengeMissing,
}

impl HandshakeAnswer {
    fn accept(challenge: &str) -> Self {
        Self {
            status: 200,
            body: challenge.to_owned(),
            reason: None,
        }
    }

    fn refuse(reason: HandshakeRefusal) -> Self {
        Self {
            status: 403,
            body: String::new(),
            reason: Some(reason),
        }
    }

    /// Whether the subscription was accepted.
    pub fn is_accepted(&self) -> bool {
        self.status == 200
    }
}

/// Answers a handshake from already-decoded query parameters.
///
/// The token is compared in constant time (both sides are hashed first, so not even the
/// length leaks).
pub fn handshake<'a, I>(params: I, verify_token: &str) -> HandshakeAnswer
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    if verify_token.is_empty() {
        return HandshakeAnswer::refuse(HandshakeRefusal::VerifyTokenEmpty);
    }
    let (mut mode, mut token, mut challenge) = (None, None, None);
    for (name, value) in params {
        let slot = match name {
            "hub.mode" => &mut mode,
            "hub.verify_token" => &mut token,
            "hub.challenge" => &mut challenge,
            _ => continue,
        };
        if slot.replace(value).is_some() {
            return HandshakeAnswer::refuse(HandshakeRefusal::DuplicateParameter);
        }
    }
    if mode != Some("subscribe") {
        return HandshakeAnswer::refuse(HandshakeRefusal::ModeNotSubscribe);
    }
    let Some(token) = token else {
        return HandshakeAnswer::refuse(HandshakeRefusal::VerifyTokenMissing);
    };
    let given = Sha256::digest(token.as_bytes());
    let expected = Sha256::digest(verify_token.as_bytes());
    if !bool::from(given.as_slice().ct_eq(expected.as_slice())) {
        return HandshakeAnswer::refuse(HandshakeRefusal::VerifyTokenMismatch);
    }
    match challenge {
        Some(challenge) if !challenge.is_empty() => HandshakeAnswer::accept(challenge),
        _ => HandshakeAnswer::refuse(HandshakeRefusal::ChallengeMissing),
    }
}

/// Answers a handshake from a raw query string (`hub.mode=subscribe&...`), a leading `?`
/// or a whole URL. Percent-escapes and `+` are decoded.
pub fn handshake_query(query: &str, verify_token: &str) -> HandshakeAnswer {
    let query = query.split_once('?').map_or(query, |(_, q)| q);
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    let mut params = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match (percent_decode(name), percent_decode(value)) {
            (Some(name), Some(value)) => params.push((name, value)),
            _ => return HandshakeAnswer::refuse(HandshakeRefusal::InvalidQuery),
        }
    }
    handshake(
        params.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        verify_token,
    )
}

/// Decodes `application/x-www-form-urlencoded` text; `None` on a bad escape or bad UTF-8.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_echoes_challenge_verbatim() {
        let answer = handshake_query(
            "/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=my%20token",
            "my token",
        );
        assert_eq!(answer, HandshakeAnswer::accept("1158201444"));
    }

    #[test]
    fn refuses_with_a_reason_and_an_empty_body() {
        let cases = [
            (
                "hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope",
                HandshakeRefusal::VerifyTokenMismatch,
            ),
            (
                "hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=t",
                HandshakeRefusal::ModeNotSubscribe,
            ),
            (
                "hub.challenge=1&hub.verify_token=t",
                HandshakeRefusal::ModeNotSubscribe,
            ),
            (
                "hub.mode=subscribe&hub.challenge=1",
                HandshakeRefusal::VerifyTokenMissing,
            ),
            (
                "hub.mode=subscribe&hub.verify_token=t",
                HandshakeRefusal::ChallengeMissing,
            ),
            (
                "hub.mode=subscribe&hub.verify_token=t&hub.verify_token=t&hub.challenge=1",
                HandshakeRefusal::DuplicateParameter,
            ),
            (
                "hub.mode=subscribe&hub.verify_token=%zz&hub.challenge=1",
                HandshakeRefusal::InvalidQuery,
            ),
        ];
        for (query, reason) in cases {
            let answer = handshake_query(query, "t");
            assert_eq!(
                (answer.status, answer.body.as_str(), answer.reason),
                (403, "", Some(reason)),
                "{query}"
            );
        }
        let empty = handshake_query("hub.mode=subscribe&hub.verify_token=&hub.challenge=1", "");
        assert_eq!(empty.reason, Some(HandshakeRefusal::VerifyTokenEmpty));
        // code() and the serde form agree.
        for reason in [
            HandshakeRefusal::VerifyTokenEmpty,
            HandshakeRefusal::ChallengeMissing,
            HandshakeRefusal::DuplicateParameter,
        ] {
            assert_eq!(serde_json::to_value(reason).unwrap(), reason.code());
        }
    }
}

crate::code_table::code_table! {
    /// Every reason a handshake is refused for.
    HANDSHAKE_REFUSAL_CODES: HandshakeRefusal::code(Self) {
        VerifyTokenEmpty => "verify_token_empty",
        InvalidQuery => "invalid_query",
        DuplicateParameter => "duplicate_parameter",
        ModeNotSubscribe => "mode_not_subscribe",
        VerifyTokenMissing => "verify_token_missing",
        VerifyTokenMismatch => "verify_token_mismatch",
        ChallengeMissing => "challenge_missing",
    }
}
