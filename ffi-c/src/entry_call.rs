//! The one C-side call of the entries made from the table (`entries.rs`, generated): the
//! input object's text goes to the core's generic call by the entry's name.

use std::ffi::c_char;

use msgrkit_core::api;

use crate::boundary::{json_out, text};
use crate::result::msgrkit_result;

/// The shape of every generated wrapper: an input object as JSON text, the answer at
/// `*out_json`.
pub type EntryFn = unsafe extern "C" fn(*const c_char, *mut *mut c_char) -> msgrkit_result;

/// Calls the table entry `name` with `input_json`, its answer at `*out_json`.
///
/// # Safety
///
/// `input_json` is NUL-terminated; `out_json` is writable.
pub(crate) unsafe fn call_entry(
    name: &str,
    input_json: *const c_char,
    out_json: *mut *mut c_char,
) -> msgrkit_result {
    json_out(out_json, || {
        // SAFETY: per this function's contract.
        let input = unsafe { text(input_json, "input_json")? };
        Ok(api::call(name, input)?)
    })
}

/// The generated C function of the table entry `name`, if this library has one: how the
/// vector runner reaches every entry made from the table through its C symbol.
#[doc(hidden)]
pub fn generated_entry(name: &str) -> Option<EntryFn> {
    crate::entries::GENERATED
        .iter()
        .find(|(entry, _)| *entry == name)
        .map(|(_, function)| *function)
}
