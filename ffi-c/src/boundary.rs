//! The C boundary: panics caught, arguments checked, strings handed over, the last error kept.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use msgrkit_core::api;
use msgrkit_core::policy::Refusal;
use serde_json::Value;

use crate::result::msgrkit_result;

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
    static LAST_FIELD: RefCell<Option<CString>> = const { RefCell::new(None) };
    static LAST_DETAILS: RefCell<CString> = RefCell::new(CString::default());
}

/// A failure on its way out: the result, and what `msgrkit_last_error`,
/// `msgrkit_last_error_field` and `msgrkit_last_error_details` give.
pub(crate) struct Failure {
    pub(crate) result: msgrkit_result,
    pub(crate) message: String,
    pub(crate) field: Option<String>,
    /// The core's attributes of the failure as JSON text (`api::failure`); `None` for a
    /// failure of the boundary itself.
    pub(crate) details: Option<String>,
}

impl Failure {
    pub(crate) fn new(result: msgrkit_result, message: impl Into<String>) -> Self {
        Self {
            result,
            message: message.into(),
            field: None,
            details: None,
        }
    }

    /// A policy refusal: its own result (`MSGRKIT_RESULT_OUTSIDE_WINDOW`, ...), as Python
    /// and Node raise it; `refusal` in the details holds all of it.
    pub(crate) fn refused(refusal: &Refusal) -> Self {
        let failed = api::failure::refusal_failure(refusal);
        Self {
            result: msgrkit_result::from_code(refusal.code.as_str()),
            message: failed.message,
            field: None,
            details: Some(Value::Object(failed.attributes).to_string()),
        }
    }

    /// The details as JSON text: the core's attributes, or the result's code and field.
    fn details_json(&self) -> String {
        self.details.clone().unwrap_or_else(|| {
            let code = self.result.code().to_str().unwrap_or("unknown_error");
            serde_json::json!({ "code": code, "field": self.field }).to_string()
        })
    }
}

impl From<msgrkit_core::Error> for Failure {
    fn from(error: msgrkit_core::Error) -> Self {
        let field = error.field().map(str::to_owned);
        let failed = api::failure::failure(&error);
        Self {
            result: msgrkit_result::from_code(error.code()),
            message: error.to_string(),
            field,
            details: Some(Value::Object(failed.attributes).to_string()),
        }
    }
}

/// A C string from text that never holds NUL (msgrkit builds it); a NUL is replaced.
fn c_string(text: &str) -> CString {
    CString::new(text.replace('\0', " ")).unwrap_or_default()
}

/// Runs `body` so that no panic unwinds into C, and records the outcome for
/// `msgrkit_last_error`.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), Failure>) -> msgrkit_result {
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| {
        Err(Failure::new(
            msgrkit_result::MSGRKIT_RESULT_PANIC,
            "msgrkit panicked; this is a bug, please report it",
        ))
    });
    let (result, message, field, details) = match outcome {
        Ok(()) => (
            msgrkit_result::MSGRKIT_RESULT_OK,
            String::new(),
            None,
            String::new(),
        ),
        Err(failure) => {
            let details = failure.details_json();
            (failure.result, failure.message, failure.field, details)
        }
    };
    LAST_ERROR.with(|last| *last.borrow_mut() = c_string(&message));
    LAST_FIELD.with(|last| *last.borrow_mut() = field.as_deref().map(c_string));
    LAST_DETAILS.with(|last| *last.borrow_mut() = c_string(&details));
    result
}

/// A NUL-terminated UTF-8 string argument.
///
/// # Safety
///
/// `pointer` is NULL or points at a NUL-terminated string that outlives the call.
pub(crate) unsafe fn text<'a>(pointer: *const c_char, name: &str) -> Result<&'a str, Failure> {
    if pointer.is_null() {
        return Err(Failure::new(
            msgrkit_result::MSGRKIT_RESULT_NULL_PARAMETER,
            format!("`{name}` is NULL"),
        ));
    }
    // SAFETY: non-NULL and NUL-terminated, per this function's contract.
    let text = unsafe { CStr::from_ptr(pointer) };
    text.to_str().map_err(|_| {
        Failure::new(
            msgrkit_result::MSGRKIT_RESULT_INVALID_UTF8_PARAMETER,
            format!("`{name}` is not UTF-8"),
        )
    })
}

/// An optional string argument: NULL means "not given".
///
/// # Safety
///
/// As [`text`].
pub(crate) unsafe fn optional_text<'a>(
    pointer: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, Failure> {
    if pointer.is_null() {
        return Ok(None);
    }
    // SAFETY: as this function's contract.
    unsafe { text(pointer, name) }.map(Some)
}

/// A byte buffer argument; NULL is accepted only with length 0.
///
/// # Safety
///
/// `pointer` is NULL or points at `len` readable bytes that outlive the call.
pub(crate) unsafe fn bytes<'a>(
    pointer: *const u8,
    len: usize,
    name: &str,
) -> Result<&'a [u8], Failure> {
    if pointer.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(Failure::new(
                msgrkit_result::MSGRKIT_RESULT_NULL_PARAMETER,
                format!("`{name}` is NULL"),
            ))
        };
    }
    // SAFETY: `len` readable bytes, per this function's contract.
    Ok(unsafe { std::slice::from_raw_parts(pointer, len) })
}

/// Checks an out-parameter before any work is done.
pub(crate) fn out_param<T>(out: *mut T, name: &str) -> Result<(), Failure> {
    if out.is_null() {
        return Err(Failure::new(
            msgrkit_result::MSGRKIT_RESULT_NULL_PARAMETER,
            format!("`{name}` is NULL"),
        ));
    }
    Ok(())
}

/// Hands `text` to C through `out` (checked non-NULL before); C frees it with
/// `msgrkit_string_free`.
///
/// # Safety
///
/// `out` is a valid, writable pointer.
pub(crate) unsafe fn give_string(out: *mut *mut c_char, text: String) -> Result<(), Failure> {
    let owned = CString::new(text).map_err(|_| {
        Failure::new(
            msgrkit_result::MSGRKIT_RESULT_INVALID_INPUT,
            "the result holds a NUL byte, which C strings cannot carry",
        )
    })?;
    // SAFETY: `out` is valid and writable, per this function's contract.
    unsafe { *out = owned.into_raw() };
    Ok(())
}

/// Frees a string msgrkit returned. NULL is fine. Never pass a string from anywhere else.
///
/// # Safety
///
/// `string` is NULL or was returned by msgrkit and not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_string_free(string: *mut c_char) {
    if !string.is_null() {
        // SAFETY: it came from CString::into_raw in give_string, per the contract.
        drop(unsafe { CString::from_raw(string) });
    }
}

/// Copies `text` (with its NUL) into `buffer`, truncated to `len` and always
/// NUL-terminated when `len` > 0; returns the size needed, NUL included.
///
/// # Safety
///
/// `buffer` is NULL or points at `len` writable bytes.
unsafe fn copy_out(text: &CStr, buffer: *mut c_char, len: usize) -> usize {
    let bytes = text.to_bytes_with_nul();
    if !buffer.is_null() && len > 0 {
        let copied = bytes.len().min(len) - 1;
        // SAFETY: `len` writable bytes at `buffer`, and `copied` < `len`.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr().cast::<c_char>(), buffer, copied);
            *buffer.add(copied) = 0;
        }
    }
    bytes.len()
}

/// Copies the last failure's message on this thread into `buffer` (at most `len` bytes,
/// always NUL-terminated when `len` > 0) and returns the size needed, NUL included. The
/// message is empty after a success. `buffer` may be NULL when `len` is 0, to ask the size.
/// Messages are for people; branch on the result or `msgrkit_result_code`.
///
/// # Safety
///
/// `buffer` is NULL or points at `len` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_last_error(buffer: *mut c_char, len: usize) -> usize {
    // SAFETY: per this function's contract.
    LAST_ERROR.with(|last| unsafe { copy_out(&last.borrow(), buffer, len) })
}

/// As `msgrkit_last_error`, for the field path of the last failure on this thread (for
/// example `message.quick_replies[13]`). Returns 0, and writes nothing, when the failure
/// has no field.
///
/// # Safety
///
/// `buffer` is NULL or points at `len` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_last_error_field(buffer: *mut c_char, len: usize) -> usize {
    // SAFETY: per this function's contract.
    LAST_FIELD.with(|last| {
        last.borrow()
            .as_deref()
            .map_or(0, |field| unsafe { copy_out(field, buffer, len) })
    })
}

/// As `msgrkit_last_error`, for the last failure's details as JSON: `{code, field}`
/// and what the failure's kind carries, with the same names as the Python and Node
/// exceptions' attributes: `violations` (`MSGRKIT_RESULT_VALIDATION_FAILED`); `status`,
/// `graph_code`, `subcode`, `fbtrace_id`, `retryable`, `retry_after`, `attempts` and
/// `graph` (a Graph API error); `refusal` (a policy refusal: `code`, `detail`,
/// `window_closed_at`, `retired_on`, `replacement`). Empty after a success.
///
/// # Safety
///
/// `buffer` is NULL or points at `len` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrkit_last_error_details(buffer: *mut c_char, len: usize) -> usize {
    // SAFETY: per this function's contract.
    LAST_DETAILS.with(|last| unsafe { copy_out(&last.borrow(), buffer, len) })
}

/// Runs `call` behind the boundary and hands its JSON text to `*out_json`.
pub(crate) fn json_out(
    out_json: *mut *mut c_char,
    call: impl FnOnce() -> Result<String, Failure>,
) -> msgrkit_result {
    boundary(|| {
        out_param(out_json, "out_json")?;
        let json = call()?;
        // SAFETY: checked non-NULL above; C passes a writable pointer per the contracts.
        unsafe { give_string(out_json, json) }
    })
}

/// As [`json_out`], for a call a policy refusal can end: the refusal is a failure, with
/// its own result and the refusal in `msgrkit_last_error_details`; `*out_json` is not
/// written.
pub(crate) fn refusable_out<T: serde::Serialize>(
    out_json: *mut *mut c_char,
    call: impl FnOnce() -> Result<Result<T, Refusal>, Failure>,
) -> msgrkit_result {
    json_out(out_json, || match call()? {
        Ok(answer) => Ok(serde_json::to_string(&answer).expect("core values serialise")),
        Err(refusal) => Err(Failure::refused(&refusal)),
    })
}
