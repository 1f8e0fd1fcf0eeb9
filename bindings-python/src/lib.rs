//! `msgrkit._native`: the Python module. Conversion glue only: every rule, default and
//! number is the core's (`msgrkit`); `python/msgrkit/__init__.py` re-exports it.

mod convert;
mod emit;
mod errors;
mod functions;
mod graph;
mod links;
mod pyser;

use pyo3::prelude::*;

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(functions::verify_signature, module)?)?;
    module.add_function(wrap_pyfunction!(
        functions::verify_signature_headers,
        module
    )?)?;
    module.add_function(wrap_pyfunction!(functions::verify_signature_any, module)?)?;
    module.add_function(wrap_pyfunction!(functions::receive_webhook, module)?)?;
    module.add_function(wrap_pyfunction!(functions::sign, module)?)?;
    module.add_function(wrap_pyfunction!(functions::verify_handshake, module)?)?;
    module.add_function(wrap_pyfunction!(functions::parse_webhook, module)?)?;
    module.add_function(wrap_pyfunction!(functions::events_own_echo, module)?)?;
    module.add_function(wrap_pyfunction!(functions::events_covered, module)?)?;
    module.add_function(wrap_pyfunction!(functions::transcode, module)?)?;
    module.add_function(wrap_pyfunction!(functions::compose, module)?)?;
    module.add_function(wrap_pyfunction!(functions::menu, module)?)?;
    module.add_function(wrap_pyfunction!(functions::validate, module)?)?;
    module.add_function(wrap_pyfunction!(functions::normalize, module)?)?;
    module.add_function(wrap_pyfunction!(functions::decide_policy, module)?)?;
    module.add_function(wrap_pyfunction!(functions::decide_private_reply, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_parse_response, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_parse_user_profile, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_usage, module)?)?;
    module.add_function(wrap_pyfunction!(graph::graph_diagnose, module)?)?;
    module.add_function(wrap_pyfunction!(emit::emit, module)?)?;
    module.add_function(wrap_pyfunction!(emit::emit_outcome, module)?)?;
    module.add_function(wrap_pyfunction!(emit::verify_callback, module)?)?;
    module.add_function(wrap_pyfunction!(links::chat_link, module)?)?;
    module.add_function(wrap_pyfunction!(links::codes, module)?)?;
    module.add_function(wrap_pyfunction!(links::parse_chat_link, module)?)?;
    module.add_function(wrap_pyfunction!(links::qr_svg, module)?)?;
    module.add_class::<graph::Graph>()?;
    module.add_class::<graph::Client>()?;
    Ok(())
}
