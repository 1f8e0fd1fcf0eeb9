//! The shared library's SONAME carries the major version, so a host links against
//! libmsgrkit.so.MAJOR and a minor release can replace the file. (The header is written
//! by scripts/header, not here: a build never writes into the source tree.)

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let major = version.split('.').next().unwrap_or("0");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libmsgrkit.so.{major}");
}
