//! Sets the link arguments a Node addon needs.
fn main() {
    napi_build::setup();
}
