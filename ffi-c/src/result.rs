//! `msgrkit_result`: one number per core error code, grouped by origin, never reused.

use std::ffi::{CStr, c_char};

/// The outcome of a msgrkit call. 0 is success; the hundreds group by origin: 1xx
/// signature and handshake, 2xx parsing, 3xx input, 4xx validation (45x the messaging
/// policy's refusals), 5xx Graph API, 9xx the C boundary itself. Numbers are never reused.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::upper_case_acronyms)]
pub enum msgrkit_result {
    /// Success.
    MSGRKIT_RESULT_OK = 0,
    /// `app_secret_empty`
    MSGRKIT_RESULT_APP_SECRET_EMPTY = 100,
    /// `signature_missing`
    MSGRKIT_RESULT_SIGNATURE_MISSING = 101,
    /// `signature_malformed`
    MSGRKIT_RESULT_SIGNATURE_MALFORMED = 102,
    /// `signature_unsupported_algorithm`
    MSGRKIT_RESULT_SIGNATURE_UNSUPPORTED_ALGORITHM = 103,
    /// `signature_sha1_not_allowed`
    MSGRKIT_RESULT_SIGNATURE_SHA1_NOT_ALLOWED = 104,
    /// `signature_wrong_length`
    MSGRKIT_RESULT_SIGNATURE_WRONG_LENGTH = 105,
    /// `signature_not_hex`
    MSGRKIT_RESULT_SIGNATURE_NOT_HEX = 106,
    /// `signature_trailing_data`
    MSGRKIT_RESULT_SIGNATURE_TRAILING_DATA = 107,
    /// `signature_duplicate`
    MSGRKIT_RESULT_SIGNATURE_DUPLICATE = 108,
    /// `signature_mismatch`
    MSGRKIT_RESULT_SIGNATURE_MISMATCH = 109,
    /// Handshake refused: `verify_token_empty`
    MSGRKIT_RESULT_VERIFY_TOKEN_EMPTY = 150,
    /// Handshake refused: `invalid_query`
    MSGRKIT_RESULT_INVALID_QUERY = 151,
    /// Handshake refused: `duplicate_parameter`
    MSGRKIT_RESULT_DUPLICATE_PARAMETER = 152,
    /// Handshake refused: `mode_not_subscribe`
    MSGRKIT_RESULT_MODE_NOT_SUBSCRIBE = 153,
    /// Handshake refused: `verify_token_missing`
    MSGRKIT_RESULT_VERIFY_TOKEN_MISSING = 154,
    /// Handshake refused: `verify_token_mismatch`
    MSGRKIT_RESULT_VERIFY_TOKEN_MISMATCH = 155,
    /// Handshake refused: `challenge_missing`
    MSGRKIT_RESULT_CHALLENGE_MISSING = 156,
    /// `invalid_utf8`
    MSGRKIT_RESULT_INVALID_UTF8 = 200,
    /// `invalid_json`
    MSGRKIT_RESULT_INVALID_JSON = 201,
    /// `invalid_envelope`
    MSGRKIT_RESULT_INVALID_ENVELOPE = 202,
    /// `invalid_event`
    MSGRKIT_RESULT_INVALID_EVENT = 203,
    /// `body_too_large`: over the caller's limit (`msgrkit_parse_webhook_limited`).
    MSGRKIT_RESULT_BODY_TOO_LARGE = 204,
    /// `nesting_too_deep`: JSON nested past the deepest level msgrkit reads.
    MSGRKIT_RESULT_NESTING_TOO_DEEP = 205,
    /// `invalid_input`
    MSGRKIT_RESULT_INVALID_INPUT = 300,
    /// `required`
    MSGRKIT_RESULT_REQUIRED = 301,
    /// `limit_exceeded`
    MSGRKIT_RESULT_LIMIT_EXCEEDED = 302,
    /// `unsupported`
    MSGRKIT_RESULT_UNSUPPORTED = 303,
    /// `conflict`
    MSGRKIT_RESULT_CONFLICT = 304,
    /// `validation_failed`
    MSGRKIT_RESULT_VALIDATION_FAILED = 400,
    /// Policy refused: `outside_window`
    MSGRKIT_RESULT_OUTSIDE_WINDOW = 450,
    /// Policy refused: `human_agent_window_closed`
    MSGRKIT_RESULT_HUMAN_AGENT_WINDOW_CLOSED = 451,
    /// Policy refused: `tag_window_closed`
    MSGRKIT_RESULT_TAG_WINDOW_CLOSED = 452,
    /// Policy refused: `tag_retired`
    MSGRKIT_RESULT_TAG_RETIRED = 453,
    /// Policy refused: `tag_not_allowed_for_author`
    MSGRKIT_RESULT_TAG_NOT_ALLOWED_FOR_AUTHOR = 454,
    /// Policy refused: `tag_not_allowed_on_platform`
    MSGRKIT_RESULT_TAG_NOT_ALLOWED_ON_PLATFORM = 455,
    /// Policy refused: `tag_unknown`
    MSGRKIT_RESULT_TAG_UNKNOWN = 456,
    /// Policy refused: `private_reply_already_sent`
    MSGRKIT_RESULT_PRIVATE_REPLY_ALREADY_SENT = 457,
    /// Policy refused: `private_reply_window_closed`
    MSGRKIT_RESULT_PRIVATE_REPLY_WINDOW_CLOSED = 458,
    /// `graph_auth`
    MSGRKIT_RESULT_GRAPH_AUTH = 500,
    /// `graph_permission`
    MSGRKIT_RESULT_GRAPH_PERMISSION = 501,
    /// `graph_outside_window`
    MSGRKIT_RESULT_GRAPH_OUTSIDE_WINDOW = 502,
    /// `graph_rate_limited`
    MSGRKIT_RESULT_GRAPH_RATE_LIMITED = 503,
    /// `graph_recipient_unavailable`
    MSGRKIT_RESULT_GRAPH_RECIPIENT_UNAVAILABLE = 504,
    /// `graph_invalid_parameter`
    MSGRKIT_RESULT_GRAPH_INVALID_PARAMETER = 505,
    /// `graph_attachment_fetch_failed`
    MSGRKIT_RESULT_GRAPH_ATTACHMENT_FETCH_FAILED = 506,
    /// `graph_policy_blocked`
    MSGRKIT_RESULT_GRAPH_POLICY_BLOCKED = 507,
    /// `graph_thread_controlled_elsewhere`
    MSGRKIT_RESULT_GRAPH_THREAD_CONTROLLED_ELSEWHERE = 508,
    /// `graph_transient`
    MSGRKIT_RESULT_GRAPH_TRANSIENT = 509,
    /// `graph_unknown`
    MSGRKIT_RESULT_GRAPH_UNKNOWN = 510,
    /// `graph_handover_disabled`
    MSGRKIT_RESULT_GRAPH_HANDOVER_DISABLED = 511,
    /// `graph_tag_retired`
    MSGRKIT_RESULT_GRAPH_TAG_RETIRED = 512,
    /// `graph_marketing_too_soon`
    MSGRKIT_RESULT_GRAPH_MARKETING_TOO_SOON = 513,
    /// `null_parameter`: a required pointer was NULL.
    MSGRKIT_RESULT_NULL_PARAMETER = 900,
    /// `invalid_utf8_parameter`: a string argument was not UTF-8.
    MSGRKIT_RESULT_INVALID_UTF8_PARAMETER = 901,
    /// `panic`: a bug in msgrkit; the call had no effect on the out-parameters.
    MSGRKIT_RESULT_PANIC = 902,
    /// `unknown_error`: a core code this library version does not know.
    MSGRKIT_RESULT_UNKNOWN_ERROR = 903,
}

use msgrkit_result as R;

/// Every result with its code: the one table both directions read.
const TABLE: &[(R, &CStr)] = &[
    (R::MSGRKIT_RESULT_OK, c"ok"),
    (R::MSGRKIT_RESULT_APP_SECRET_EMPTY, c"app_secret_empty"),
    (R::MSGRKIT_RESULT_SIGNATURE_MISSING, c"signature_missing"),
    (
        R::MSGRKIT_RESULT_SIGNATURE_MALFORMED,
        c"signature_malformed",
    ),
    (
        R::MSGRKIT_RESULT_SIGNATURE_UNSUPPORTED_ALGORITHM,
        c"signature_unsupported_algorithm",
    ),
    (
        R::MSGRKIT_RESULT_SIGNATURE_SHA1_NOT_ALLOWED,
        c"signature_sha1_not_allowed",
    ),
    (
        R::MSGRKIT_RESULT_SIGNATURE_WRONG_LENGTH,
        c"signature_wrong_length",
    ),
    (R::MSGRKIT_RESULT_SIGNATURE_NOT_HEX, c"signature_not_hex"),
    (
        R::MSGRKIT_RESULT_SIGNATURE_TRAILING_DATA,
        c"signature_trailing_data",
    ),
    (
        R::MSGRKIT_RESULT_SIGNATURE_DUPLICATE,
        c"signature_duplicate",
    ),
    (R::MSGRKIT_RESULT_SIGNATURE_MISMATCH, c"signature_mismatch"),
    (R::MSGRKIT_RESULT_VERIFY_TOKEN_EMPTY, c"verify_token_empty"),
    (R::MSGRKIT_RESULT_INVALID_QUERY, c"invalid_query"),
    (
        R::MSGRKIT_RESULT_DUPLICATE_PARAMETER,
        c"duplicate_parameter",
    ),
    (R::MSGRKIT_RESULT_MODE_NOT_SUBSCRIBE, c"mode_not_subscribe"),
    (
        R::MSGRKIT_RESULT_VERIFY_TOKEN_MISSING,
        c"verify_token_missing",
    ),
    (
        R::MSGRKIT_RESULT_VERIFY_TOKEN_MISMATCH,
        c"verify_token_mismatch",
    ),
    (R::MSGRKIT_RESULT_CHALLENGE_MISSING, c"challenge_missing"),
    (R::MSGRKIT_RESULT_INVALID_UTF8, c"invalid_utf8"),
    (R::MSGRKIT_RESULT_BODY_TOO_LARGE, c"body_too_large"),
    (R::MSGRKIT_RESULT_NESTING_TOO_DEEP, c"nesting_too_deep"),
    (R::MSGRKIT_RESULT_INVALID_JSON, c"invalid_json"),
    (R::MSGRKIT_RESULT_INVALID_ENVELOPE, c"invalid_envelope"),
    (R::MSGRKIT_RESULT_INVALID_EVENT, c"invalid_event"),
    (R::MSGRKIT_RESULT_INVALID_INPUT, c"invalid_input"),
    (R::MSGRKIT_RESULT_REQUIRED, c"required"),
    (R::MSGRKIT_RESULT_LIMIT_EXCEEDED, c"limit_exceeded"),
    (R::MSGRKIT_RESULT_UNSUPPORTED, c"unsupported"),
    (R::MSGRKIT_RESULT_CONFLICT, c"conflict"),
    (R::MSGRKIT_RESULT_VALIDATION_FAILED, c"validation_failed"),
    (R::MSGRKIT_RESULT_OUTSIDE_WINDOW, c"outside_window"),
    (
        R::MSGRKIT_RESULT_HUMAN_AGENT_WINDOW_CLOSED,
        c"human_agent_window_closed",
    ),
    (R::MSGRKIT_RESULT_TAG_WINDOW_CLOSED, c"tag_window_closed"),
    (R::MSGRKIT_RESULT_TAG_RETIRED, c"tag_retired"),
    (
        R::MSGRKIT_RESULT_TAG_NOT_ALLOWED_FOR_AUTHOR,
        c"tag_not_allowed_for_author",
    ),
    (
        R::MSGRKIT_RESULT_TAG_NOT_ALLOWED_ON_PLATFORM,
        c"tag_not_allowed_on_platform",
    ),
    (R::MSGRKIT_RESULT_TAG_UNKNOWN, c"tag_unknown"),
    (
        R::MSGRKIT_RESULT_PRIVATE_REPLY_ALREADY_SENT,
        c"private_reply_already_sent",
    ),
    (
        R::MSGRKIT_RESULT_PRIVATE_REPLY_WINDOW_CLOSED,
        c"private_reply_window_closed",
    ),
    (R::MSGRKIT_RESULT_GRAPH_AUTH, c"graph_auth"),
    (R::MSGRKIT_RESULT_GRAPH_PERMISSION, c"graph_permission"),
    (
        R::MSGRKIT_RESULT_GRAPH_OUTSIDE_WINDOW,
        c"graph_outside_window",
    ),
    (R::MSGRKIT_RESULT_GRAPH_RATE_LIMITED, c"graph_rate_limited"),
    (
        R::MSGRKIT_RESULT_GRAPH_RECIPIENT_UNAVAILABLE,
        c"graph_recipient_unavailable",
    ),
    (
        R::MSGRKIT_RESULT_GRAPH_INVALID_PARAMETER,
        c"graph_invalid_parameter",
    ),
    (
        R::MSGRKIT_RESULT_GRAPH_ATTACHMENT_FETCH_FAILED,
        c"graph_attachment_fetch_failed",
    ),
    (
        R::MSGRKIT_RESULT_GRAPH_POLICY_BLOCKED,
        c"graph_policy_blocked",
    ),
    (
        R::MSGRKIT_RESULT_GRAPH_THREAD_CONTROLLED_ELSEWHERE,
        c"graph_thread_controlled_elsewhere",
    ),
    (R::MSGRKIT_RESULT_GRAPH_TRANSIENT, c"graph_transient"),
    (R::MSGRKIT_RESULT_GRAPH_UNKNOWN, c"graph_unknown"),
    (
        R::MSGRKIT_RESULT_GRAPH_HANDOVER_DISABLED,
        c"graph_handover_disabled",
    ),
    (R::MSGRKIT_RESULT_GRAPH_TAG_RETIRED, c"graph_tag_retired"),
    (
        R::MSGRKIT_RESULT_GRAPH_MARKETING_TOO_SOON,
        c"graph_marketing_too_soon",
    ),
    (R::MSGRKIT_RESULT_NULL_PARAMETER, c"null_parameter"),
    (
        R::MSGRKIT_RESULT_INVALID_UTF8_PARAMETER,
        c"invalid_utf8_parameter",
    ),
    (R::MSGRKIT_RESULT_PANIC, c"panic"),
    (R::MSGRKIT_RESULT_UNKNOWN_ERROR, c"unknown_error"),
];

impl msgrkit_result {
    /// The result for a core (or handshake) code.
    pub(crate) fn from_code(code: &str) -> Self {
        TABLE
            .iter()
            .find(|(_, name)| name.to_bytes() == code.as_bytes())
            .map_or(Self::MSGRKIT_RESULT_UNKNOWN_ERROR, |(result, _)| *result)
    }

    /// The snake_case code.
    pub fn code(self) -> &'static CStr {
        TABLE
            .iter()
            .find(|(result, _)| *result == self)
            .map_or(c"unknown_error", |(_, name)| name)
    }
}

/// The static snake_case code of `result` (`"signature_mismatch"`, ...), identical to the
/// code in the other languages. The string is static: never free it. An unknown value
/// gives `"unknown_error"`.
#[unsafe(no_mangle)]
pub extern "C" fn msgrkit_result_code(result: u32) -> *const c_char {
    let found = TABLE.iter().find(|(r, _)| *r as u32 == result);
    found.map_or(c"unknown_error", |(_, name)| name).as_ptr()
}

#[cfg(test)]
mod catalogue_tests {
    use super::msgrkit_result;

    /// A code the core can fail with but C cannot name would reach C callers as
    /// `MSGRKIT_RESULT_UNKNOWN_ERROR`: every one of the core's catalogue must have a result.
    #[test]
    fn every_core_code_has_a_c_result() {
        let missing: Vec<&str> = msgrkit_core::codes::result_codes()
            .filter(|code| {
                msgrkit_result::from_code(code) == msgrkit_result::MSGRKIT_RESULT_UNKNOWN_ERROR
            })
            .collect();
        assert!(
            missing.is_empty(),
            "core codes without a C result: {missing:?}"
        );
        for code in msgrkit_core::codes::result_codes() {
            let result = msgrkit_result::from_code(code);
            assert_eq!(result.code().to_str().unwrap(), code, "{result:?}");
        }
    }
}
