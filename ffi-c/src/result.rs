//! `msgrkit_result`: one number per core error code, grouped by origin, never reused.

use std::ffi::{CStr, CString, c_char};
use std::sync::LazyLock;

use strum::IntoEnumIterator;

/// The outcome of a msgrkit call. 0 is success; the hundreds group by origin: 1xx
/// signature and handshake, 2xx parsing, 3xx input, 4xx validation (45x the messaging
/// policy's refusals), 5xx Graph API, 9xx the C boundary itself. Numbers are never reused.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
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

/// Every result with its code, derived from the enum, so there is no second list: a
/// variant's code is its name without `MSGRKIT_RESULT_`, in lower case.
static TABLE: LazyLock<Vec<(R, CString)>> = LazyLock::new(|| {
    R::iter()
        .map(|result| {
            let name = format!("{result:?}");
            let code = name
                .strip_prefix("MSGRKIT_RESULT_")
                .expect("every variant is named MSGRKIT_RESULT_*")
                .to_ascii_lowercase();
            let code = CString::new(code).expect("a variant name has no NUL");
            (result, code)
        })
        .collect()
});

impl msgrkit_result {
    /// The result for a core (or handshake) code.
    pub(crate) fn from_code(code: &str) -> Self {
        TABLE
            .iter()
            .find(|(_, name)| name.as_bytes() == code.as_bytes())
            .map_or(Self::MSGRKIT_RESULT_UNKNOWN_ERROR, |(result, _)| *result)
    }

    /// The snake_case code.
    pub fn code(self) -> &'static CStr {
        TABLE
            .iter()
            .find(|(result, _)| *result == self)
            .map_or(c"unknown_error", |(_, name)| name.as_c_str())
    }
}

/// The static snake_case code of `result` (`"signature_mismatch"`, ...), identical to the
/// code in the other languages. The string is static: never free it. An unknown value
/// gives `"unknown_error"`.
#[unsafe(no_mangle)]
pub extern "C" fn msgrkit_result_code(result: u32) -> *const c_char {
    let found = TABLE.iter().find(|(r, _)| *r as u32 == result);
    found
        .map_or(c"unknown_error", |(_, name)| name.as_c_str())
        .as_ptr()
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

    /// Published numbers and codes: the header's and the C docs' table.
    #[test]
    fn codes_are_the_variant_names() {
        use super::msgrkit_result_code;
        let code = |n: u32| unsafe { std::ffi::CStr::from_ptr(msgrkit_result_code(n)) };
        assert_eq!(code(0), c"ok");
        assert_eq!(code(109), c"signature_mismatch");
        assert_eq!(code(453), c"tag_retired");
        assert_eq!(code(903), c"unknown_error");
        assert_eq!(code(7), c"unknown_error");
        assert_eq!(
            msgrkit_result::from_code("graph_marketing_too_soon") as u32,
            513
        );
    }
}
