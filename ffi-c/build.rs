//! Writes include/msgrkit.h with cbindgen (pinned); CI fails when the committed header differs.

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let mut parts = version.split(['.', '-']);
    let mut part = || parts.next().unwrap_or("0").to_owned();
    let (major, minor, patch) = (part(), part(), part());
    let macros = format!(
        "#define MSGRKIT_VERSION \"{version}\"\n#define MSGRKIT_VERSION_MAJOR {major}\n#define MSGRKIT_VERSION_MINOR {minor}\n#define MSGRKIT_VERSION_PATCH {patch}\n\n/* The full library has the blocking client; define MSGRKIT_SLIM for the slim one. */\n#if !defined(MSGRKIT_SLIM)\n#define MSGRKIT_BLOCKING\n#endif"
    );
    let config =
        cbindgen::Config::from_file(format!("{dir}/cbindgen.toml")).expect("cbindgen.toml parses");
    cbindgen::Builder::new()
        .with_crate(&dir)
        .with_config(config)
        .with_after_include(macros)
        .generate()
        .expect("the header generates")
        .write_to_file(format!("{dir}/../include/msgrkit.h"));
    // The shared library's SONAME carries the major version, so a host links against
    // libmsgrkit.so.MAJOR and a minor release can replace the file.
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libmsgrkit.so.{major}");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
}
