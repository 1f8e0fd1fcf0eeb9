//! `msgrkit._native`: the Python module. Conversion glue only: every rule, default and
//! number is the core's (`msgrkit`); `python/msgrkit/__init__.py` re-exports it.

mod convert;
mod emit;
mod entries;
mod errors;
mod graph;
mod links;
mod policy;
mod pyser;
mod record;
mod send;
mod signature;
mod webhook;

use pyo3::prelude::*;

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(signature::verify_signature, module)?)?;
    module.add_function(wrap_pyfunction!(
        signature::verify_signature_headers,
        module
    )?)?;
    module.add_function(wrap_pyfunction!(signature::verify_signature_any, module)?)?;
    module.add_function(wrap_pyfunction!(signature::receive_webhook, module)?)?;
    module.add_function(wrap_pyfunction!(signature::check_webhook_head, module)?)?;
    module.add_function(wrap_pyfunction!(signature::sign, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::verify_handshake, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::parse_webhook, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::events_own_echo, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::events_covered, module)?)?;
    module.add_function(wrap_pyfunction!(send::transcode, module)?)?;
    module.add_function(wrap_pyfunction!(send::compose, module)?)?;
    module.add_function(wrap_pyfunction!(send::menu, module)?)?;
    module.add_function(wrap_pyfunction!(send::validate, module)?)?;
    module.add_function(wrap_pyfunction!(send::prepare_send, module)?)?;
    module.add_function(wrap_pyfunction!(send::normalize, module)?)?;
    module.add_function(wrap_pyfunction!(policy::decide_policy, module)?)?;
    module.add_function(wrap_pyfunction!(policy::decide_private_reply, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_parse_response, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_parse_user_profile, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_usage, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_diagnose, module)?)?;
    module.add_function(wrap_pyfunction!(emit::emit, module)?)?;
    module.add_function(wrap_pyfunction!(emit::emit_outcome, module)?)?;
    module.add_function(wrap_pyfunction!(emit::verify_callback, module)?)?;
    module.add_function(wrap_pyfunction!(record::record_delivery, module)?)?;
    module.add_function(wrap_pyfunction!(links::chat_link, module)?)?;
    module.add_function(wrap_pyfunction!(links::codes, module)?)?;
    module.add_function(wrap_pyfunction!(links::parse_chat_link, module)?)?;
    module.add_function(wrap_pyfunction!(links::qr_svg, module)?)?;
    module.add_function(wrap_pyfunction!(entries::call, module)?)?;
    module.add_class::<graph::Graph>()?;
    module.add_class::<graph::Client>()?;
    Ok(())
}
